//! Sixth blind corpus (`tests/blind6/`): voice-call transcripts as speech-to-text
//! writes them (names after the agent's question, spelled surnames, spoken
//! e-mails, phones, cards, SSNs, dates of birth, addresses, IPs; chat transcripts
//! with written values; tricky PII-free calls), scored full-span by
//! `tests/scoring/full.rs`.
//!
//! Targets: every type (and the spoken subset) >= 0.95 full-span recall, char
//! precision >= 0.97, PII-free texts untouched >= 0.99. `BLIND6_VERBOSE=1` prints
//! every miss and false positive, `BLIND6_DUMP=1` every text with its labels (and
//! skips scoring).

#[path = "blind6/mod.rs"]
mod blind6_corpus;
#[allow(dead_code)]
mod blindgen;
#[allow(dead_code)]
mod scoring;

use std::collections::BTreeMap;

use realtime_redact::Redactor;

const SEED: u64 = 0x000B_11D6_5EED;
const TEXTS: usize = 1500;

#[test]
fn blind6_full_span() {
    let samples = blind6_corpus::generate(SEED, TEXTS);
    assert_eq!(samples.len(), TEXTS);
    if std::env::var_os("BLIND6_DUMP").is_some() {
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
        "blind6 corpus: {} texts ({free} PII-free) {kinds:?}, seed {SEED:#X}",
        samples.len()
    );
    let shown = if std::env::var_os("BLIND6_VERBOSE").is_some() {
        usize::MAX
    } else {
        20
    };
    let failures = scores.report(shown, |_| Some(0.95), 0.97, 0.99);
    assert!(failures.is_empty(), "below target: {failures:?}");
}
