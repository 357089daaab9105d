//! Candidate collection and overlap resolution.

use std::collections::HashSet;

use regex::Regex;

use crate::numbers::NumEnabled;
use crate::patterns::Patterns;
use crate::token::{tokenize, Tk, Tok};
use crate::Entity;

/// What a candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Found {
    Entity(Entity),
    /// Index into the policy's custom patterns.
    Custom(usize),
}

/// A candidate span before overlap resolution.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) found: Found,
    /// Specificity: higher wins between candidates of equal length.
    pub(crate) prio: u8,
    /// Normalised value for keyed-hash placeholders (spoken and written forms of the
    /// same value share it). `None`: the lowercased text.
    pub(crate) norm: Option<String>,
}

/// The name lists shipped with the crate.
#[derive(Debug)]
pub(crate) struct Names {
    pub(crate) given: HashSet<&'static str>,
    pub(crate) surnames: HashSet<&'static str>,
}

impl Names {
    pub(crate) fn load() -> Self {
        let given = include_str!("../data/given_names.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        let surnames = include_str!("../data/surnames.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        Names { given, surnames }
    }
}

/// Everything compiled once per redactor.
#[derive(Debug)]
pub(crate) struct Detectors {
    pub(crate) patterns: Patterns,
    pub(crate) names: Names,
    pub(crate) custom: Vec<Regex>,
}

/// Enabled built-in entity types, as flags.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Enabled {
    pub(crate) email: bool,
    pub(crate) phone: bool,
    pub(crate) card: bool,
    pub(crate) ssn: bool,
    pub(crate) iban: bool,
    pub(crate) ip: bool,
    pub(crate) secret: bool,
    pub(crate) address: bool,
    pub(crate) dob: bool,
    pub(crate) person: bool,
}

impl Enabled {
    pub(crate) fn from_set(set: &std::collections::BTreeSet<Entity>) -> Self {
        Enabled {
            email: set.contains(&Entity::Email),
            phone: set.contains(&Entity::Phone),
            card: set.contains(&Entity::CreditCard),
            ssn: set.contains(&Entity::UsSsn),
            iban: set.contains(&Entity::Iban),
            ip: set.contains(&Entity::IpAddress),
            secret: set.contains(&Entity::Secret),
            address: set.contains(&Entity::StreetAddress),
            dob: set.contains(&Entity::DateOfBirth),
            person: set.contains(&Entity::Person),
        }
    }
}

impl Detectors {
    /// All candidates in `text`, already resolved: sorted, non-overlapping.
    pub(crate) fn find(&self, text: &str, en: Enabled) -> Vec<Cand> {
        let mut cands: Vec<Cand> = Vec::new();
        for (idx, re) in self.custom.iter().enumerate() {
            for m in re.find_iter(text) {
                if m.start() < m.end() {
                    cands.push(Cand {
                        start: m.start(),
                        end: m.end(),
                        found: Found::Custom(idx),
                        prio: 7,
                        norm: None,
                    });
                }
            }
        }
        let mut toks: Vec<Tok> = Vec::new();
        let h = tokenize(text, &mut toks);
        if en.email && h.at_sign {
            self.patterns.email(text, &mut cands);
        }
        if en.email && (h.at_word || h.at_sign) {
            crate::spoken_email::detect(text, &toks, &mut cands);
        }
        if en.secret && h.secret {
            self.patterns.secrets(text, &mut cands);
        }
        if en.ip && h.ip {
            self.patterns.ip(text, &toks, &mut cands);
        }
        if en.iban && h.iban {
            self.patterns.iban(text, &toks, &mut cands);
        }
        if (en.phone || en.card || en.ssn) && (h.digit || h.number_word) {
            crate::numbers::detect(
                text,
                &toks,
                NumEnabled {
                    phone: en.phone,
                    card: en.card,
                    ssn: en.ssn,
                },
                &mut cands,
            );
        }
        if en.address && (h.digit || h.number_word) {
            crate::address::detect(text, &toks, &mut cands);
        }
        if en.dob {
            crate::dob::detect(text, &toks, &mut cands);
        }
        if en.person {
            crate::person::detect(text, &toks, &self.names, h.cap_pair, &mut cands);
        }
        if cands.is_empty() {
            return cands;
        }
        if h.placeholder {
            // never redact inside or across an existing placeholder
            let ph: Vec<(usize, usize)> = toks
                .iter()
                .filter(|t| t.kind == Tk::Placeholder)
                .map(|t| (t.start, t.end))
                .collect();
            cands.retain(|c| ph.iter().all(|&(s, e)| c.end <= s || c.start >= e));
        }
        resolve(cands)
    }
}

/// Longest first, then most specific, then leftmost; greedily keep non-overlapping.
pub(crate) fn resolve(mut cands: Vec<Cand>) -> Vec<Cand> {
    cands.retain(|c| c.start < c.end);
    if cands.len() <= 1 {
        return cands;
    }
    cands.sort_by(|a, b| {
        (b.end - b.start, b.prio, a.start).cmp(&(a.end - a.start, a.prio, b.start))
    });
    // kept intervals never overlap, so the one starting last before `c.end` is the
    // only one that can overlap `c`.
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut kept: Vec<Cand> = Vec::with_capacity(cands.len());
    for c in cands {
        let clash = taken
            .range(..c.end)
            .next_back()
            .is_some_and(|(_, &e)| e > c.start);
        if !clash {
            taken.insert(c.start, c.end);
            kept.push(c);
        }
    }
    kept.sort_by_key(|k| k.start);
    kept
}
