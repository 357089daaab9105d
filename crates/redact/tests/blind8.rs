//! Eighth blind corpus (`tests/blind8/`): what a voice-agent platform stores in
//! customer service (call transcripts, speech-to-text segments, summaries, CRM
//! notes, tickets, e-mails, forms), with names of many cultures in every
//! position, street addresses of 33 countries written and spoken, e-mails,
//! international phones and dates of birth, and hard PII-free texts. Scored
//! full-span by `tests/scoring/full.rs`.
//!
//! Targets: PERSON >= 0.85, STREET_ADDRESS >= 0.95, every other row with at
//! least 50 gold spans >= 0.95 full-span recall, char precision >= 0.97,
//! PII-free texts untouched >= 0.99. PERSON, STREET_ADDRESS, SPOKEN and
//! untouched are not met at the first measurement (`BLIND8_FIRST.md`): each
//! holds its first figure rounded down, so the test passes today and fails on a
//! regression; EMAIL, PHONE, DATE_OF_BIRTH and char precision hold their
//! targets. `BLIND8_VERBOSE=1` prints every miss and false positive,
//! `BLIND8_DUMP=1` every text with its labels (and skips scoring).

#[path = "blind8/mod.rs"]
mod blind8_corpus;
#[allow(dead_code)]
mod blindgen;
#[allow(dead_code)]
mod scoring;

use std::collections::BTreeMap;

use realtime_redact::Redactor;

const SEED: u64 = 0x000B_11D8_5EED;
const TEXTS: usize = 1500;

#[test]
fn blind8_full_span() {
    let samples = blind8_corpus::generate(SEED, TEXTS);
    assert_eq!(samples.len(), TEXTS);
    if std::env::var_os("BLIND8_DUMP").is_some() {
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
        "blind8 corpus: {} texts ({free} PII-free) {kinds:?}, seed {SEED:#X}",
        samples.len()
    );
    let shown = if std::env::var_os("BLIND8_VERBOSE").is_some() {
        usize::MAX
    } else {
        20
    };
    let failures = scores.report(
        shown,
        |name| match name {
            // target 0.85 NOT met: first 0.759 (754 of 993); 0.833 (827) later
            "PERSON" => Some(0.83),
            // target 0.95 NOT met: first 0.613 (246 of 401); 0.781 (313) later
            "STREET_ADDRESS" => Some(0.78),
            // target 0.95 NOT met: first 0.644 (163 of 253)
            "SPOKEN" => Some(0.64),
            "EMAIL" | "PHONE" | "DATE_OF_BIRTH" => Some(0.95),
            _ => None,
        },
        0.97,
        // target 0.99 NOT met: first 0.929 (355 of 382); 0.955 (365) later
        0.95,
    );
    assert!(failures.is_empty(), "below target: {failures:?}");
}
