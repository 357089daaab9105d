//! Single-thread throughput on transcript-like text (about 10% of segments carry
//! PII), our redactor against a naive baseline: one regex per entity type, applied
//! in turn.

use std::hint::black_box;

use criterion::{Criterion, Throughput};
use realtime_redact::Redactor;
use regex::Regex;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const PLAIN: &[&str] = &[
    "Sure, I can help you with that. Can you tell me a little more about what happened?",
    "Okay so basically the app keeps logging me out every time I switch to another screen.",
    "I understand, that sounds really frustrating, let me take a look at your account.",
    "Thanks for waiting, I really appreciate your patience while I check this for you.",
    "Um, yeah, it started maybe last week, I'm not totally sure to be honest with you.",
    "Alright, I've gone ahead and reset that for you, could you try it again now?",
    "No, it still isn't working, I get the same error as before when I log in.",
    "Let me transfer you to our technical team, they'll be able to dig into it further.",
    "Is there anything else I can help you with today before we wrap up the call?",
    "We'll send you an update by email once the engineering team has looked into it.",
    "The meeting moved to 10:30 tomorrow and the plan costs $49.99 a month now.",
    "I ordered 3 of them back in 2023 and only two arrived in the box.",
    "Great, that's everything, thank you so much for calling and have a lovely day.",
    "Hold on one second while I pull up the notes from your previous conversation.",
];

const PII: &[&str] = &[
    "Yeah my number is four one five, five five five, one two one two if you need it.",
    "You can reach me at (415) 555-0134 or by email at jane.doe@example.com anytime.",
    "The card is 4111 1111 1111 1111 and it expires at the end of next year.",
    "My social is 123-45-6789 and my date of birth is March 5th, 1985.",
    "Hi, my name is Priya Raman and I live at 742 Evergreen Terrace, Springfield, IL 62704.",
    "My email is john dot smith at gmail dot com, all lowercase please.",
    "Please wire it to GB82 WEST 1234 5698 7654 32 by Friday if possible.",
    "The server at 192.168.10.25 rejected the key AKIAIOSFODNN7EXAMPLE this morning.",
];

fn segments() -> Vec<String> {
    let mut r = Rng(42);
    (0..4000)
        .map(|i| {
            if i % 10 == 3 {
                r.pick(PII).to_owned()
            } else {
                r.pick(PLAIN).to_owned()
            }
        })
        .collect()
}

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
