#!/usr/bin/env python3
"""Full-span scorer shared by every system of the comparison (issue 13 item 3).

The same definitions as the crate's `tests/scoring/full.rs` (what `blind4.rs` and
`blind5.rs` assert with), so figures of different systems are comparable:

- a gold span counts as found only when at most 20% of its characters are left
  uncovered by predicted spans (of any type: a reader of the redacted text sees a
  mask, not its label);
- char precision = predicted characters inside gold spans / predicted characters;
- PII-free texts untouched = share of texts without gold spans that got no
  prediction.

Offsets are in Unicode scalar values (Python `str` indices), `end` exclusive.
Gold lines: `{"id", "kind", "text", "spans": [{"start", "end", "type", "spoken"}]}`;
prediction lines: `{"id", "spans": [{"start", "end", "type"}]}`, one per gold line,
same order. Overlapping predicted spans of one text are merged first (what is
masked is their union); our engine never emits overlapping spans, so for it this
is exactly the crate's scoring.

Usage:
  score.py GOLD.jsonl PRED.jsonl        # the crate's report format (diff-able)
  score.py --table DIR CORPUS... --systems SYS...
                                        # markdown table, DIR/CORPUS.SYS.jsonl
"""

import argparse
import json
import sys

MAX_SURVIVING = 0.20
ROWS = [
    "EMAIL",
    "PHONE",
    "CREDIT_CARD",
    "US_SSN",
    "IBAN",
    "IP_ADDRESS",
    "SECRET",
    "STREET_ADDRESS",
    "PERSON",
    "DATE_OF_BIRTH",
    "SPOKEN",
]


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def merge(spans):
    """Union of overlapping (start, end) spans, sorted; empty spans dropped."""
    out = []
    for s, e in sorted((p["start"], p["end"]) for p in spans if p["end"] > p["start"]):
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return out


def ratio(a, b):
    return 0.0 if b == 0 else a / b


class Scores:
    def __init__(self):
        self.rows = {}
        self.pred_chars = 0
        self.pred_chars_in_gold = 0
        self.pii_free = 0
        self.pii_free_untouched = 0
        self.misses = 0
        self.false_pos = 0

    def add(self, text, gold, pred):
        n = len(text)
        pred = merge(pred)
        pred_mask = bytearray(n)
        for s, e in pred:
            pred_mask[s:e] = b"\x01" * (e - s)
        gold_mask = bytearray(n)
        for g in gold:
            s, e = g["start"], g["end"]
            if not (0 <= s < e <= n):
                raise ValueError(f"bad gold span {s}..{e} in a text of {n} chars")
            gold_mask[s:e] = b"\x01" * (e - s)
        for g in gold:
            s, e = g["start"], g["end"]
            total = e - s
            left = total - sum(pred_mask[s:e])
            found = left / total <= MAX_SURVIVING
            rows = [g["type"]] + (["SPOKEN"] if g.get("spoken") else [])
            for row in rows:
                r = self.rows.setdefault(row, [0, 0])
                r[0] += 1
                r[1] += int(found)
            self.misses += int(not found)
        if not gold:
            self.pii_free += 1
            self.pii_free_untouched += int(not pred)
        for s, e in pred:
            if e > n:
                raise ValueError(f"predicted span {s}..{e} past a text of {n} chars")
            inside = sum(gold_mask[s:e])
            self.pred_chars += e - s
            self.pred_chars_in_gold += inside
            self.false_pos += int(inside < e - s)

    def recall(self, row):
        gold, found = self.rows.get(row, [0, 0])
        return gold, found, ratio(found, gold)

    def char_precision(self):
        return ratio(self.pred_chars_in_gold, self.pred_chars)

    def untouched(self):
        return ratio(self.pii_free_untouched, self.pii_free)

    def report(self, out=sys.stdout):
        """Prints the table exactly as `FullScores::report` does (no targets)."""
        print(f"{'type':<16} {'gold':>6} {'found':>6} {'recall':>8} {'min':>6}", file=out)
        for row in ROWS:
            gold, found, rec = self.recall(row)
            print(f"{row:<16} {gold:>6} {found:>6} {rec:>8.3f} {'-':>6}", file=out)
        print(
            f"char precision {self.char_precision():.3f} ({self.pred_chars_in_gold} of "
            f"{self.pred_chars} predicted chars in gold), min 0.00",
            file=out,
        )
        print(
            f"PII-free texts untouched {self.untouched():.3f} ({self.pii_free_untouched} "
            f"of {self.pii_free}), min 0.00",
            file=out,
        )
        print(
            f"misses: {self.misses}, predictions reaching outside gold: {self.false_pos}",
            file=out,
        )


def score_files(gold_path, pred_path):
    gold = read_jsonl(gold_path)
    pred = read_jsonl(pred_path)
    if len(gold) != len(pred):
        raise SystemExit(f"{pred_path}: {len(pred)} lines for {len(gold)} gold lines")
    sc = Scores()
    for g, p in zip(gold, pred):
        if g["id"] != p["id"]:
            raise SystemExit(f"{pred_path}: id {p['id']} where gold has {g['id']}")
        sc.add(g["text"], g["spans"], p["spans"])
    return sc


def table(directory, corpora, systems):
    """One markdown table per corpus: rows = types, columns = systems."""
    for corpus in corpora:
        gold_path = f"{directory}/{corpus}.gold.jsonl"
        scores = {s: score_files(gold_path, f"{directory}/{corpus}.{s}.jsonl") for s in systems}
        print(f"\n**{corpus}**\n")
        print("| row | gold | " + " | ".join(systems) + " |")
        print("| --- | ---: | " + " | ".join("---:" for _ in systems) + " |")
        for row in ROWS:
            gold = scores[systems[0]].recall(row)[0]
            if gold == 0:
                continue
            cells = [f"{scores[s].recall(row)[2]:.3f}" for s in systems]
            print(f"| {row} | {gold} | " + " | ".join(cells) + " |")
        cells = [f"{scores[s].char_precision():.3f}" for s in systems]
        print("| char precision | | " + " | ".join(cells) + " |")
        free = scores[systems[0]].pii_free
        cells = [f"{scores[s].untouched():.3f}" for s in systems]
        print(f"| PII-free untouched | {free} | " + " | ".join(cells) + " |")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+", help="GOLD PRED, or with --table: DIR CORPUS...")
    ap.add_argument("--table", action="store_true", help="markdown tables over DIR/CORPUS.SYS.jsonl")
    ap.add_argument("--systems", nargs="+", default=["ours"], help="systems for --table")
    args = ap.parse_args()
    if args.table:
        table(args.paths[0], args.paths[1:], args.systems)
    else:
        if len(args.paths) != 2:
            ap.error("expected GOLD.jsonl PRED.jsonl")
        score_files(*args.paths).report()


if __name__ == "__main__":
    main()
