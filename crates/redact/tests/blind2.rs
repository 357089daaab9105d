//! Second blind corpus (`tests/blind2/`): span-level recall and precision per
//! entity type on tool-call values, summaries, agent speech, forms, key points
//! and caller speech, scored by `tests/scoring/` like `tests/accuracy.rs`.
//!
//! A gold span is found when a predicted span of the same type overlaps it; a
//! predicted span is correct when it overlaps a gold span of the same type. Spoken
//! gold spans are reported (and held to their threshold) as their own row.

#[path = "blind2/mod.rs"]
mod blind2_corpus;
mod scoring;

use std::collections::BTreeMap;

use realtime_redact::Redactor;

const SEED: u64 = 0x000B_11D2_5EED;
const TEXTS: usize = 2000;

#[test]
fn blind2_per_entity_type() {
    let samples = blind2_corpus::generate(SEED, TEXTS);
    assert!(samples.len() >= 1500);
    let verbose = std::env::var_os("BLIND2_VERBOSE").is_some();
    if std::env::var_os("BLIND2_DUMP").is_some() {
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
            println!("[{}] {:?}\n      {}", s.genre, s.text, spans.join(" | "));
        }
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
    let mut genres: BTreeMap<&'static str, usize> = BTreeMap::new();
    for s in &samples {
        *genres.entry(s.genre).or_default() += 1;
    }
    println!(
        "blind2 corpus: {} texts {:?}, seed {SEED:#X}",
        samples.len(),
        genres
    );
    let failures = scores.report(if verbose { usize::MAX } else { 25 });
    assert!(failures.is_empty(), "below threshold: {failures:?}");
}
