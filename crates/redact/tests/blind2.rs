//! Second blind corpus (`tests/blind2/`): span-level recall and precision per
//! entity type on tool-call values, summaries, agent speech, forms, key points
//! and caller speech, scored exactly like `tests/accuracy.rs`.
//!
//! A gold span is found when a predicted span of the same type overlaps it; a
//! predicted span is correct when it overlaps a gold span of the same type. Spoken
//! gold spans are reported (and held to their threshold) as their own row.

#[path = "blind2/mod.rs"]
mod blind2_corpus;

use std::collections::BTreeMap;

use realtime_redact::Redactor;

const SEED: u64 = 0x000B_11D2_5EED;
const TEXTS: usize = 2000;

#[derive(Default, Clone, Copy)]
struct Row {
    gold: u64,
    found: u64,
    pred: u64,
    correct: u64,
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

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
    let r = Redactor::default();
    let mut rows: BTreeMap<&'static str, Row> = BTreeMap::new();
    let mut misses: Vec<String> = Vec::new();
    let mut false_pos: Vec<String> = Vec::new();
    for s in &samples {
        let pred = r.find(&s.text);
        for g in &s.gold {
            let row = if g.spoken { "SPOKEN" } else { g.label };
            let e = rows.entry(row).or_default();
            e.gold += 1;
            if pred
                .iter()
                .any(|p| p.label == g.label && overlaps((p.start, p.end), (g.start, g.end)))
            {
                e.found += 1;
            } else {
                misses.push(format!(
                    "{row}: {:?} in {:?}",
                    &s.text[g.start..g.end],
                    s.text
                ));
            }
        }
        for p in &pred {
            let hit = s
                .gold
                .iter()
                .find(|g| g.label == p.label && overlaps((p.start, p.end), (g.start, g.end)));
            let label: &'static str = realtime_redact::Entity::from_label(&p.label)
                .map(|e| e.label())
                .unwrap_or("CUSTOM");
            let row = match hit {
                Some(g) if g.spoken => "SPOKEN",
                _ => label,
            };
            let e = rows.entry(row).or_default();
            e.pred += 1;
            if hit.is_some() {
                e.correct += 1;
            } else {
                false_pos.push(format!(
                    "{}: {:?} in {:?}",
                    p.label,
                    &s.text[p.start..p.end],
                    s.text
                ));
            }
        }
    }
    let strict = [
        "EMAIL",
        "PHONE",
        "CREDIT_CARD",
        "US_SSN",
        "IBAN",
        "IP_ADDRESS",
        "SECRET",
    ];
    let relaxed = ["SPOKEN", "STREET_ADDRESS", "PERSON", "DATE_OF_BIRTH"];
    let mut genres: BTreeMap<&'static str, usize> = BTreeMap::new();
    for s in &samples {
        *genres.entry(s.genre).or_default() += 1;
    }
    println!(
        "blind2 corpus: {} texts {:?}, seed {SEED:#X}",
        samples.len(),
        genres
    );
    println!(
        "{:<16} {:>6} {:>6} {:>8} {:>10} {:>8}",
        "type", "gold", "pred", "recall", "precision", "min"
    );
    let mut failures = Vec::new();
    for name in strict.iter().chain(relaxed.iter()) {
        let row = rows.get(name).copied().unwrap_or_default();
        let recall = if row.gold == 0 {
            0.0
        } else {
            row.found as f64 / row.gold as f64
        };
        let precision = if row.pred == 0 {
            0.0
        } else {
            row.correct as f64 / row.pred as f64
        };
        let min = if strict.contains(name) { 0.97 } else { 0.90 };
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
        misses.len(),
        false_pos.len()
    );
    let shown = if verbose { usize::MAX } else { 20 };
    for m in misses.iter().take(shown) {
        println!("MISS {m}");
    }
    for f in false_pos.iter().take(shown) {
        println!("FP   {f}");
    }
    assert!(failures.is_empty(), "below threshold: {failures:?}");
}
