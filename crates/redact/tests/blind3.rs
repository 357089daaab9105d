//! Third blind corpus (`tests/blind3/`): span-level recall and precision per
//! entity type on whole call transcripts and single turns as a voice agent's
//! speech-to-text emits them, scored by `tests/scoring/` like `tests/accuracy.rs`.
//!
//! A gold span is found when a predicted span of the same type overlaps it; a
//! predicted span is correct when it overlaps a gold span of the same type. Spoken
//! gold spans are reported (and held to their threshold) as their own row.
//! `BLIND3_VERBOSE=1` prints every miss and false positive, `BLIND3_DUMP=1` every
//! text with its labels (and skips scoring).

#[path = "blind3/mod.rs"]
mod blind3_corpus;
mod scoring;

use std::collections::BTreeMap;

use realtime_redact::Redactor;

const SEED: u64 = 0x000B_11D3_5EED;
const TEXTS: usize = 1600;

#[test]
fn blind3_per_entity_type() {
    let samples = blind3_corpus::generate(SEED, TEXTS);
    assert!(samples.len() >= 1500);
    if std::env::var_os("BLIND3_DUMP").is_some() {
        for s in &samples {
            let spans: Vec<String> = s
                .gold
                .iter()
                .map(|g| {
                    format!(
                        "{}{}={:?}",
                        g.label,
                        if g.spoken { "*" } else { "" },
                        &s.text[g.start..g.end]
                    )
                })
                .collect();
            println!("[{}] {:?}\n      {}", s.kind, s.text, spans.join(" | "));
        }
        return;
    }
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for s in &samples {
        *kinds.entry(s.kind).or_default() += 1;
    }
    let scores = scoring::score(
        samples.iter().map(|s| {
            let gold = s
                .gold
                .iter()
                .map(|g| scoring::GoldSpan {
                    label: g.label,
                    start: g.start,
                    end: g.end,
                    spoken: g.spoken,
                })
                .collect();
            (s.text.as_str(), gold)
        }),
        &Redactor::default(),
    );
    println!(
        "blind3 corpus: {} texts {kinds:?}, seed {SEED:#X}",
        samples.len()
    );
    let shown = if std::env::var_os("BLIND3_VERBOSE").is_some() {
        usize::MAX
    } else {
        20
    };
    let failures = scores.report(shown);
    assert!(failures.is_empty(), "below threshold: {failures:?}");
}
