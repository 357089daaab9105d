//! Sixth blind corpus: voice-call transcripts as speech-to-text writes them.
//! Agent and caller turns; names given in the turn after the agent's question,
//! spelled surnames, spoken e-mails, phones, cards, SSNs (cue after the value),
//! dates of birth, addresses and IPs; written forms in chat transcripts; tricky
//! PII-free calls. Written blind: every template and value is the author's own.

mod chat;
mod contact;
mod free;
mod identity;
mod names;
mod spoken;
mod values;

use crate::blindgen::{Rng, Sample, Text};

/// A call transcript under construction: speaker tags, STT casing, gold spans.
pub(crate) struct Call {
    t: Text,
    pub(crate) lower: bool,
    agent: &'static str,
    caller: &'static str,
    sep: &'static str,
    turns: usize,
}

const TAGS: [(&str, &str); 9] = [
    ("Agent: ", "Caller: "),
    ("AGENT: ", "CUSTOMER: "),
    ("[agent] ", "[caller] "),
    ("Speaker 1: ", "Speaker 2: "),
    ("A: ", "C: "),
    ("Rep: ", "Customer: "),
    ("spk_0: ", "spk_1: "),
    ("Operator: ", "Client: "),
    ("", ""),
];

impl Call {
    pub(crate) fn new(rng: &mut Rng) -> Self {
        let (agent, caller) = TAGS[rng.below(TAGS.len())];
        let sep = if agent.is_empty() {
            [" ", " ... ", "\n"][rng.below(3)]
        } else if rng.chance(0.7) {
            "\n"
        } else {
            " "
        };
        Call {
            t: Text::new(),
            lower: rng.chance(0.55),
            agent,
            caller,
            sep,
            turns: 0,
        }
    }

    fn turn(&mut self, tag: &'static str, s: &str) -> &mut Self {
        if self.turns > 0 {
            self.t.t(self.sep);
        }
        self.turns += 1;
        self.t.t(tag);
        self.x(s)
    }

    /// Starts an agent turn.
    pub(crate) fn a(&mut self, s: &str) -> &mut Self {
        let tag = self.agent;
        self.turn(tag, s)
    }

    /// Starts a caller turn.
    pub(crate) fn c(&mut self, s: &str) -> &mut Self {
        let tag = self.caller;
        self.turn(tag, s)
    }

    /// Continues the current turn with plain text (lower-cased in STT style).
    pub(crate) fn x(&mut self, s: &str) -> &mut Self {
        if self.lower {
            self.t.t(&s.to_lowercase());
        } else {
            self.t.t(s);
        }
        self
    }

    /// A written value.
    pub(crate) fn p(&mut self, label: &'static str, v: &str) -> &mut Self {
        self.t.p(label, v);
        self
    }

    /// A spoken value.
    pub(crate) fn sp(&mut self, label: &'static str, v: &str) -> &mut Self {
        self.t.sp(label, v);
        self
    }

    /// A name, cased for this transcript.
    pub(crate) fn name(&mut self, rng: &mut Rng) -> String {
        names::full(rng, self.lower)
    }

    pub(crate) fn done(&mut self, kind: &'static str) -> Sample {
        self.t.done(kind)
    }
}

/// A filler a caller starts with.
pub(crate) fn uh(rng: &mut Rng) -> &'static str {
    rng.item("|uh, |um |yeah, |so |okay so |oh, |right, |mm-hmm, |sure, |well ")
}

/// Generates `n` texts from `seed`: about a quarter PII-free.
pub(crate) fn generate(seed: u64, n: usize) -> Vec<Sample> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            let r = &mut rng;
            match r.below(100) {
                0..=14 => free::call(r),
                15..=19 => free::chat(r),
                20..=24 => free::hard(r),
                25..=32 => identity::name_next_turn(r),
                33..=38 => identity::name_spelled(r),
                39..=43 => identity::name_chitchat(r),
                44..=48 => identity::agent_intro(r),
                49..=53 => identity::ssn(r),
                54..=61 => identity::dob(r),
                62..=69 => contact::email(r),
                70..=77 => contact::phone(r),
                78..=81 => contact::card(r),
                82..=87 => contact::address(r),
                88..=90 => contact::ip(r),
                91..=95 => chat::written(r),
                _ => chat::verification(r),
            }
        })
        .collect()
}
