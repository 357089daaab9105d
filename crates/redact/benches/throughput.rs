//! Single-thread throughput on transcript-like text (about 10% of segments carry
//! PII), our redactor against a naive baseline: one regex per entity type, applied
//! in turn.

use std::hint::black_box;

use criterion::{Criterion, Throughput};
use realtime_redact::Redactor;
use regex::Regex;

#[path = "support/segments.rs"]
mod segments;
use segments::segments;

/// The naive way: one regex per entity type, each applied to the whole text in turn.
struct Baseline {
    rules: Vec<(Regex, &'static str)>,
}

impl Baseline {
    fn new() -> Self {
        let r = |p: &str, l: &'static str| (Regex::new(p).unwrap(), l);
        Baseline {
            rules: vec![
                r(
                    r"(?i)\b[a-z0-9._%+\-]+@[a-z0-9.\-]+\.[a-z]{2,}\b",
                    "[EMAIL]",
                ),
                r(r"\b(?:\d[ \-]?){12,18}\d\b", "[CREDIT_CARD]"),
                r(r"\b\d{3}-\d{2}-\d{4}\b", "[US_SSN]"),
                r(
                    r"(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{3}\)|\b\d{3})[\s.\-]?\d{3}[\s.\-]?\d{4}\b",
                    "[PHONE]",
                ),
                r(
                    r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,4})?\b",
                    "[IBAN]",
                ),
                r(r"\b(?:\d{1,3}\.){3}\d{1,3}\b", "[IP_ADDRESS]"),
                r(
                    r"\b(?:[0-9a-fA-F]{1,4}:){2,7}[0-9a-fA-F]{1,4}\b",
                    "[IP_ADDRESS]",
                ),
                r(
                    r"\b(?:AKIA[0-9A-Z]{16}|sk-[A-Za-z0-9_\-]{20,}|ghp_[A-Za-z0-9]{36}|xox[bp]-[A-Za-z0-9\-]{10,}|eyJ[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)",
                    "[SECRET]",
                ),
                r(
                    r"(?i)\b\d{1,6}\s+(?:[A-Za-z]+\s+){1,3}(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|terrace|place|pl)\b",
                    "[STREET_ADDRESS]",
                ),
                r(
                    r"(?i)\b(?:born on|date of birth is|dob:?)\s+[A-Za-z0-9 ,/\-]{6,20}\d",
                    "[DATE_OF_BIRTH]",
                ),
                r(
                    r"\b(?:my name is|this is|Mr\.?|Ms\.?|Dr\.?)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?",
                    "[PERSON]",
                ),
            ],
        }
    }

    fn redact(&self, text: &str) -> String {
        let mut s = text.to_owned();
        for (re, label) in &self.rules {
            if let std::borrow::Cow::Owned(o) = re.replace_all(&s, *label) {
                s = o;
            }
        }
        s
    }
}

fn bench(c: &mut Criterion) {
    let segs = segments();
    let bytes: usize = segs.iter().map(String::len).sum();
    let ours = Redactor::default();
    let base = Baseline::new();
    let mut g = c.benchmark_group("transcript_10pct_pii");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function("realtime_redact", |b| {
        b.iter(|| {
            let mut n = 0;
            for s in &segs {
                n += ours.redact(black_box(s)).text.len();
            }
            n
        })
    });
    g.bench_function("naive_regex_per_entity", |b| {
        b.iter(|| {
            let mut n = 0;
            for s in &segs {
                n += base.redact(black_box(s)).len();
            }
            n
        })
    });
    g.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
}
