//! Span-level scoring shared by the accuracy tests (`accuracy.rs`, `heldout.rs`,
//! `blind2.rs`): one definition of what counts as found and as a false positive.
//!
//! A gold span is found when a predicted span of the same type overlaps it; a
//! predicted span with no overlapping gold span of its type is a false positive.
//! Spoken gold spans are reported (and held to their threshold) as their own row.
//! The stricter full-span mode (a span counts only when at most 20% of its
//! characters survive redaction) is in [`full`].

use std::collections::BTreeMap;

/// Full-span scoring (used by `blind4.rs` and `blind5.rs` only).
#[allow(dead_code)]
pub(crate) mod full;

use realtime_redact::Redactor;

/// A labelled span of a corpus text.
pub(crate) struct GoldSpan {
    pub(crate) label: &'static str,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) spoken: bool,
}

#[derive(Default, Clone, Copy)]
struct Row {
    gold: u64,
    found: u64,
    pred: u64,
    correct: u64,
}

/// Counts per row, and the misses and false positives (with their texts).
#[derive(Default)]
pub(crate) struct Scores {
    rows: BTreeMap<&'static str, Row>,
    misses: Vec<String>,
    false_pos: Vec<String>,
}

const STRICT: [&str; 7] = [
    "EMAIL",
    "PHONE",
    "CREDIT_CARD",
    "US_SSN",
    "IBAN",
    "IP_ADDRESS",
    "SECRET",
];
const RELAXED: [&str; 4] = ["SPOKEN", "STREET_ADDRESS", "PERSON", "DATE_OF_BIRTH"];

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Scores the redactor on `(text, gold spans)` samples.
pub(crate) fn score<'a>(
    samples: impl IntoIterator<Item = (&'a str, Vec<GoldSpan>)>,
    r: &Redactor,
) -> Scores {
    let mut sc = Scores::default();
    for (text, gold) in samples {
        let pred = r.find(text);
        for g in &gold {
            assert!(
                g.start < g.end && g.end <= text.len(),
                "bad span in {text:?}"
            );
            assert!(text.is_char_boundary(g.start) && text.is_char_boundary(g.end));
            let row = if g.spoken { "SPOKEN" } else { g.label };
            let e = sc.rows.entry(row).or_default();
            e.gold += 1;
            if pred
                .iter()
                .any(|p| p.label == g.label && overlaps((p.start, p.end), (g.start, g.end)))
            {
                e.found += 1;
            } else {
                sc.misses.push(format!(
                    "{row}/{}: {:?} in {:?}",
                    g.label,
                    &text[g.start..g.end],
                    text
                ));
            }
        }
        for p in &pred {
            let hit = gold
                .iter()
                .find(|g| g.label == p.label && overlaps((p.start, p.end), (g.start, g.end)));
            let label: &'static str = realtime_redact::Entity::from_label(&p.label)
                .map(|e| e.label())
                .unwrap_or("CUSTOM");
            let row = match hit {
                Some(g) if g.spoken => "SPOKEN",
                _ => label,
            };
            let e = sc.rows.entry(row).or_default();
            e.pred += 1;
            if hit.is_some() {
                e.correct += 1;
            } else {
                sc.false_pos.push(format!(
                    "{}: {:?} in {:?}",
                    p.label,
                    &text[p.start..p.end],
                    text
                ));
            }
        }
    }
    sc
}

impl Scores {
    /// Prints the per-type table and up to `shown` misses and false positives;
    /// returns the rows below threshold (recall and precision >= 0.97 for the
    /// checksum/shape types, >= 0.90 for spoken forms, addresses, names, dates of
    /// birth; at least 50 gold spans per row).
    pub(crate) fn report(&self, shown: usize) -> Vec<String> {
        println!(
            "{:<16} {:>6} {:>6} {:>8} {:>10} {:>8}",
            "type", "gold", "pred", "recall", "precision", "min"
        );
        let mut failures = Vec::new();
        for name in STRICT.iter().chain(RELAXED.iter()) {
            let row = self.rows.get(name).copied().unwrap_or_default();
            let ratio = |a: u64, b: u64| if b == 0 { 0.0 } else { a as f64 / b as f64 };
            let recall = ratio(row.found, row.gold);
            let precision = ratio(row.correct, row.pred);
            let min = if STRICT.contains(name) { 0.97 } else { 0.90 };
            println!(
                "{name:<16} {:>6} {:>6} {recall:>8.3} {precision:>10.3} {min:>8.2}",
                row.gold, row.pred
            );
            if row.gold < 50 || recall < min || precision < min {
                failures.push(format!(
                    "{name}: recall {recall:.3}, precision {precision:.3}, gold {}",
                    row.gold
                ));
            }
        }
        println!(
            "misses: {}, false positives: {}",
            self.misses.len(),
            self.false_pos.len()
        );
        for m in self.misses.iter().take(shown) {
            println!("MISS {m}");
        }
        for f in self.false_pos.iter().take(shown) {
            println!("FP   {f}");
        }
        failures
    }
}
