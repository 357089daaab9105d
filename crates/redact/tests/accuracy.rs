//! Span-level recall and precision per entity type on the seeded corpus
//! (`tests/corpus/`), scored by `tests/scoring/`.

mod corpus;
mod scoring;

use realtime_redact::Redactor;

#[test]
fn accuracy_per_entity_type() {
    let samples = corpus::generate(0x5EED_2026, 2400);
    assert!(samples.len() >= 2000);
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
    println!("corpus: {} texts, seed 0x5EED2026", samples.len());
    let failures = scores.report(20);
    assert!(failures.is_empty(), "below threshold: {failures:?}");
}
