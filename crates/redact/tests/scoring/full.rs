//! Full-span scoring: a gold span counts as found only when at most 20% of its
//! characters are left uncovered by predicted spans (of any type), as a reader of
//! the redacted text would judge it. Also measured: char precision (predicted
//! characters inside gold spans / predicted characters) and the share of PII-free
//! texts left untouched (no gold span and no prediction).

use std::collections::BTreeMap;

use realtime_redact::Redactor;

use super::GoldSpan;

/// Largest share of a gold span's characters that may survive for it to count.
pub(crate) const MAX_SURVIVING: f64 = 0.20;

#[derive(Default, Clone, Copy)]
struct Row {
    gold: u64,
    found: u64,
}

/// Full-span counts, with misses and false positives for printing.
#[derive(Default)]
pub(crate) struct FullScores {
    rows: BTreeMap<&'static str, Row>,
    pred_chars: u64,
    pred_chars_in_gold: u64,
    pii_free: u64,
    pii_free_untouched: u64,
    misses: Vec<String>,
    false_pos: Vec<String>,
}

/// Row order of the printed table; `SPOKEN` is the subset of spoken gold spans.
pub(crate) const ROWS: [&str; 11] = [
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
];

/// Counts characters of `text[start..end]` whose byte is (or is not) in `mask`.
fn chars_where(text: &str, mask: &[bool], start: usize, end: usize, covered: bool) -> u64 {
    text[start..end]
        .char_indices()
        .filter(|(i, _)| mask[start + i] == covered)
        .count() as u64
}

/// Scores the redactor on `(text, gold spans)` samples with full-span matching.
pub(crate) fn score_full<'a>(
    samples: impl IntoIterator<Item = (&'a str, Vec<GoldSpan>)>,
    r: &Redactor,
) -> FullScores {
    let mut sc = FullScores::default();
    for (text, gold) in samples {
        let pred = r.find(text);
        let mut pred_mask = vec![false; text.len()];
        for p in &pred {
            pred_mask[p.start..p.end].iter_mut().for_each(|b| *b = true);
        }
        let mut gold_mask = vec![false; text.len()];
        for g in &gold {
            assert!(
                g.start < g.end && g.end <= text.len(),
                "bad span in {text:?}"
            );
            assert!(text.is_char_boundary(g.start) && text.is_char_boundary(g.end));
            gold_mask[g.start..g.end].iter_mut().for_each(|b| *b = true);
        }
        for g in &gold {
            let total = text[g.start..g.end].chars().count() as f64;
            let left = chars_where(text, &pred_mask, g.start, g.end, false) as f64;
            let found = left / total <= MAX_SURVIVING;
            for row in [Some(g.label), g.spoken.then_some("SPOKEN")]
                .into_iter()
                .flatten()
            {
                let e = sc.rows.entry(row).or_default();
                e.gold += 1;
                e.found += u64::from(found);
            }
            if !found {
                sc.misses.push(format!(
                    "{}{}: {:?} ({:.0}% left) in {text:?}",
                    g.label,
                    if g.spoken { "*" } else { "" },
                    &text[g.start..g.end],
                    100.0 * left / total
                ));
            }
        }
        if gold.is_empty() {
            sc.pii_free += 1;
            sc.pii_free_untouched += u64::from(pred.is_empty());
        }
        for p in &pred {
            let all = text[p.start..p.end].chars().count() as u64;
            let inside = chars_where(text, &gold_mask, p.start, p.end, true);
            sc.pred_chars += all;
            sc.pred_chars_in_gold += inside;
            if inside < all {
                sc.false_pos.push(format!(
                    "{}: {:?} ({} of {all} chars outside gold) in {text:?}",
                    p.label,
                    &text[p.start..p.end],
                    all - inside
                ));
            }
        }
    }
    sc
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl FullScores {
    /// Char precision: predicted characters inside gold spans / predicted characters.
    pub(crate) fn char_precision(&self) -> f64 {
        ratio(self.pred_chars_in_gold, self.pred_chars)
    }

    /// Share of PII-free texts with no prediction.
    pub(crate) fn untouched(&self) -> f64 {
        ratio(self.pii_free_untouched, self.pii_free)
    }

    /// Prints the table (per row gold, found, full-span recall, target) and up to
    /// `shown` misses and false positives; returns the failed targets. `min(row)`
    /// gives a row's recall target (`None`: printed, not held); a held row needs at
    /// least 50 gold spans. Char precision must reach `min_precision` and the
    /// untouched share `min_untouched`.
    pub(crate) fn report(
        &self,
        shown: usize,
        min: impl Fn(&str) -> Option<f64>,
        min_precision: f64,
        min_untouched: f64,
    ) -> Vec<String> {
        println!(
            "{:<16} {:>6} {:>6} {:>8} {:>6}",
            "type", "gold", "found", "recall", "min"
        );
        let mut failures = Vec::new();
        for name in ROWS {
            let row = self.rows.get(name).copied().unwrap_or_default();
            let recall = ratio(row.found, row.gold);
            let target = min(name).filter(|_| row.gold > 0);
            let shown_min = target.map_or("-".to_string(), |m| format!("{m:.2}"));
            println!(
                "{name:<16} {:>6} {:>6} {recall:>8.3} {shown_min:>6}",
                row.gold, row.found
            );
            if let Some(m) = target {
                if row.gold < 50 || recall < m {
                    failures.push(format!("{name}: recall {recall:.3} (gold {})", row.gold));
                }
            }
        }
        let precision = self.char_precision();
        let untouched = self.untouched();
        println!(
            "char precision {precision:.3} ({} of {} predicted chars in gold), min {min_precision:.2}",
            self.pred_chars_in_gold, self.pred_chars
        );
        println!(
            "PII-free texts untouched {untouched:.3} ({} of {}), min {min_untouched:.2}",
            self.pii_free_untouched, self.pii_free
        );
        if precision < min_precision {
            failures.push(format!("char precision {precision:.3}"));
        }
        if untouched < min_untouched {
            failures.push(format!("untouched {untouched:.3}"));
        }
        println!(
            "misses: {}, predictions reaching outside gold: {}",
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
