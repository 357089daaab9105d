//! Seventh blind corpus (`tests/blind7/`): international names and street
//! addresses in English sentences (prose, lists, speaker tags, signatures,
//! letterheads, forms), mixed with phones and e-mails; tricky PII-free texts.
//! Scored full-span by `tests/scoring/full.rs`.
//!
//! Targets: PERSON >= 0.85 and STREET_ADDRESS >= 0.80 full-span recall (other
//! rows printed, not held), char precision >= 0.97, PII-free texts untouched >= 0.99.
//! None of PERSON, STREET_ADDRESS and untouched is met at the first measurement
//! (`BLIND67_FIRST.md`): each holds its first figure rounded down, so the test
//! passes today and fails on a regression. `BLIND7_VERBOSE=1` prints
//! every miss and false positive, `BLIND7_DUMP=1` every text with its labels (and
//! skips scoring).

#[path = "blind7/mod.rs"]
mod blind7_corpus;
#[allow(dead_code)]
mod blindgen;
#[allow(dead_code)]
mod scoring;

use std::collections::BTreeMap;

use realtime_redact::Redactor;

const SEED: u64 = 0x000B_11D7_5EED;
const TEXTS: usize = 1200;

#[test]
fn blind7_full_span() {
    let samples = blind7_corpus::generate(SEED, TEXTS);
    assert_eq!(samples.len(), TEXTS);
    if std::env::var_os("BLIND7_DUMP").is_some() {
        blindgen::dump(&samples);
        return;
    }
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for s in &samples {
        *kinds.entry(s.kind).or_default() += 1;
    }
    let free = samples.iter().filter(|s| s.gold.is_empty()).count();
    let scores = scoring::full::score_full(
        samples
            .iter()
            .map(|s| (s.text.as_str(), blindgen::gold_spans(s))),
        &Redactor::default(),
    );
    println!(
        "blind7 corpus: {} texts ({free} PII-free) {kinds:?}, seed {SEED:#X}",
        samples.len()
    );
    let shown = if std::env::var_os("BLIND7_VERBOSE").is_some() {
        usize::MAX
    } else {
        20
    };
    let failures = scores.report(
        shown,
        |name| match name {
            // target 0.85 met later: 0.865 (1205 of 1393); first 0.691 (963)
            "PERSON" => Some(0.85),
            // target 0.80 met at 7e3654f: 0.869 (372 of 428); first 0.521 (223)
            "STREET_ADDRESS" => Some(0.80),
            _ => None,
        },
        0.97,
        // target 0.99 NOT met: first 0.853 (250 of 293); 0.904 (265) at 7e3654f
        0.90,
    );
    assert!(failures.is_empty(), "below target: {failures:?}");
}
