//! Blind corpus 9: what a realtime voice agent stores from phone calls.
//!
//! Speech-to-text transcripts of customer-service calls (banking, telecom,
//! insurance, healthcare scheduling, travel, utilities, e-commerce, government
//! services), turn by turn with many speaker-tag styles, mostly lower-case STT
//! without punctuation, some capitalised ASR; plus the summaries and tool-call
//! arguments the agent writes. PII is written and spoken the way callers say it;
//! about 27% of the texts are PII-free but full of numbers, brands and words that
//! look like PII.
//!
//! Written without reading the detectors or their data: every template, name and
//! value list is the corpus author's own.

mod calls;
mod clean;
mod values;

use crate::blindgen::{Rng, Sample, Text};
use values::Val;

/// Speaker tags: (agent, caller).
const TAGS: &[(&str, &str)] = &[
    ("Agent: ", "Caller: "),
    ("agent: ", "caller: "),
    ("spk_0: ", "spk_1: "),
    ("spk_1: ", "spk_0: "),
    ("[agent] ", "[caller] "),
    ("[agent] ", "[customer] "),
    ("AI: ", "User: "),
    ("Assistant: ", "User: "),
    ("assistant: ", "user: "),
    ("SPEAKER_00: ", "SPEAKER_01: "),
    ("A: ", "C: "),
    ("Rep: ", "Customer: "),
    ("bot: ", "human: "),
    ("S1: ", "S2: "),
    ("<agent> ", "<caller> "),
    ("", ""),
    ("", ""),
    ("- ", "- "),
];

/// A call transcript under construction.
#[derive(Debug)]
pub(crate) struct Call {
    x: Text,
    at: &'static str,
    ut: &'static str,
    sep: &'static str,
    pub(crate) lower: bool,
    n: usize,
    fresh: bool,
}

fn fix_i(s: &str) -> String {
    s.split(' ')
        .map(|w| match w {
            "i" => "I".to_string(),
            "i'm" | "i'll" | "i've" | "i'd" => format!("I{}", &w[1..]),
            _ => w.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl Call {
    pub(crate) fn new(rng: &mut Rng) -> Call {
        let lower = rng.chance(0.65);
        Self::with_case(rng, lower)
    }

    pub(crate) fn with_case(rng: &mut Rng, lower: bool) -> Call {
        let (at, ut) = TAGS[rng.below(TAGS.len())];
        let sep = if at.is_empty() {
            rng.item("\n| ")
        } else {
            rng.item("\n|\n| | \n\n")
        };
        Call {
            x: Text::new(),
            at,
            ut,
            sep,
            lower,
            n: 0,
            fresh: false,
        }
    }

    fn turn(&mut self, tag: &'static str, s: &str) -> &mut Self {
        if self.n > 0 {
            self.close();
            self.x.t(self.sep);
        }
        self.x.t(tag);
        self.n += 1;
        self.fresh = true;
        self.t(s)
    }

    fn close(&mut self) {
        if !self.lower && self.x.s.ends_with(|c: char| c.is_ascii_alphanumeric()) {
            self.x.t(".");
        }
    }

    /// A turn of the agent.
    pub(crate) fn a(&mut self, s: &str) -> &mut Self {
        let tag = self.at;
        self.turn(tag, s)
    }

    /// A turn of the caller.
    pub(crate) fn u(&mut self, s: &str) -> &mut Self {
        let tag = self.ut;
        self.turn(tag, s)
    }

    /// Plain text inside the current turn (lower-cased in STT style).
    pub(crate) fn t(&mut self, s: &str) -> &mut Self {
        if s.is_empty() {
            return self;
        }
        if self.lower {
            self.x.t(&s.to_lowercase());
        } else {
            let mut f = fix_i(s);
            if self.fresh {
                if let Some(c) = f.chars().next() {
                    f = format!("{}{}", c.to_uppercase(), &f[c.len_utf8()..]);
                }
            }
            self.x.t(&f);
        }
        self.fresh = false;
        self
    }

    /// A labelled value.
    pub(crate) fn v(&mut self, label: &'static str, v: &Val) -> &mut Self {
        if v.spoken {
            self.x.sp(label, &v.s);
        } else {
            self.x.p(label, &v.s);
        }
        self.fresh = false;
        self
    }

    pub(crate) fn done(mut self, kind: &'static str) -> Sample {
        self.close();
        self.x.done(kind)
    }
}

/// `n` texts from `seed`; every eleventh text in three is PII-free.
pub(crate) fn generate(seed: u64, n: usize) -> Vec<Sample> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|i| {
            if i % 11 < 3 {
                let s = clean::text(&mut rng);
                assert!(s.gold.is_empty(), "PII in a PII-free family: {s:?}");
                s
            } else {
                let s = calls::text(&mut rng);
                assert!(!s.gold.is_empty(), "no PII in a PII family: {s:?}");
                s
            }
        })
        .collect()
}
