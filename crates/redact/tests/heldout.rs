//! Blind held-out corpus (`tests/heldout/`): span-level recall and precision per
//! entity type on transcripts generated without looking at the detectors, scored by
//! `tests/scoring/`. `HELDOUT_VERBOSE=1` prints every miss and false positive.

#[path = "heldout/mod.rs"]
mod heldout_corpus;
mod scoring;

use realtime_redact::Redactor;

const SEED: u64 = 0x0B11_D5EE_D042;
const TEXTS: usize = 1800;

#[test]
fn heldout_per_entity_type() {
    let samples = heldout_corpus::generate(SEED, TEXTS);
    assert!(samples.len() >= 1500);
    let negatives = samples.iter().filter(|s| s.has_negative).count();
    assert!(
        negatives * 3 >= samples.len(),
        "hard negatives in {negatives} of {} texts",
        samples.len()
    );
    let verbose = std::env::var_os("HELDOUT_VERBOSE").is_some();
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
        "held-out corpus: {} texts ({negatives} with hard negatives), seed {SEED:#X}",
        samples.len()
    );
    let failures = scores.report(if verbose { usize::MAX } else { 25 });
    assert!(failures.is_empty(), "below threshold: {failures:?}");
}
