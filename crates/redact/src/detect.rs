//! Candidate collection and overlap resolution.

use rustc_hash::FxHashMap as HashMap;

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

/// The name lists shipped with the crate, as one map from a folded word to the
/// lists holding it (one look-up answers all three).
#[derive(Debug)]
pub(crate) struct Names {
    words: HashMap<&'static str, u8>,
}

impl Names {
    /// In the given-name lists.
    pub(crate) const GIVEN: u8 = 1;
    /// In the surname lists.
    pub(crate) const SURNAME: u8 = 2;
    /// A name that is also an everyday English word ("will", "grace"): never a
    /// name without a cue.
    pub(crate) const ENGLISH: u8 = 4;

    pub(crate) fn load() -> Self {
        let mut words: HashMap<&'static str, u8> = HashMap::default();
        let lists: [(&'static str, u8); 12] = [
            (include_str!("../data/given_names.txt"), Self::GIVEN),
            (include_str!("../data/given_names_modern.txt"), Self::GIVEN),
            (include_str!("../data/given_names_intl.txt"), Self::GIVEN),
            (include_str!("../data/given_names_more.txt"), Self::GIVEN),
            (include_str!("../data/given_names_world.txt"), Self::GIVEN),
            (include_str!("../data/given_names_popular.txt"), Self::GIVEN),
            (include_str!("../data/surnames.txt"), Self::SURNAME),
            (include_str!("../data/surnames_intl.txt"), Self::SURNAME),
            (include_str!("../data/surnames_more.txt"), Self::SURNAME),
            (include_str!("../data/surnames_world.txt"), Self::SURNAME),
            (include_str!("../data/surnames_popular.txt"), Self::SURNAME),
            (include_str!("../data/name_words_en.txt"), Self::ENGLISH),
        ];
        for (list, flag) in lists {
            for l in list.lines().map(str::trim) {
                if !l.is_empty() && !l.starts_with('#') {
                    *words.entry(l).or_insert(0) |= flag;
                }
            }
        }
        Names { words }
    }

    /// The lists holding `w` (`GIVEN` | `SURNAME` | `ENGLISH`), 0 for none.
    #[inline]
    pub(crate) fn kinds(&self, w: &str) -> u8 {
        self.words.get(w).copied().unwrap_or(0)
    }

    /// `w` is a listed surname.
    pub(crate) fn surname(&self, w: &str) -> bool {
        self.kinds(w) & Self::SURNAME != 0
    }

    /// `w` is a name that is also an everyday English word.
    pub(crate) fn english(&self, w: &str) -> bool {
        self.kinds(w) & Self::ENGLISH != 0
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
    ///
    /// Redaction must be idempotent, and a candidate that lost an overlap can leave a
    /// remainder that only stands out once its neighbour is a placeholder. So the
    /// text is redacted and searched again (at most three times) until nothing new
    /// turns up; new finds lie between placeholders and map back to the input.
    pub(crate) fn find(&self, text: &str, en: Enabled) -> Vec<Cand> {
        let mut all = self.find_once(text, en);
        let mut rounds = 0;
        while !all.is_empty() && rounds < 3 {
            rounds += 1;
            let mut red = String::with_capacity(text.len());
            // (start in `red`, start in `text`) of each stretch of kept text
            let mut gaps: Vec<(usize, usize)> = Vec::with_capacity(all.len() + 1);
            let mut last = 0;
            for c in &all {
                gaps.push((red.len(), last));
                red.push_str(&text[last..c.start]);
                red.push_str("[PII]");
                last = c.end;
            }
            gaps.push((red.len(), last));
            red.push_str(&text[last..]);
            let more = self.find_once(&red, en);
            if more.is_empty() {
                break;
            }
            for mut c in more {
                let i = gaps.partition_point(|&(r, _)| r <= c.start) - 1;
                let (r, t) = gaps[i];
                c.start = c.start - r + t;
                c.end = c.end - r + t;
                all.push(c);
            }
            all.sort_by_key(|c| c.start);
        }
        all
    }

    fn find_once(&self, text: &str, en: Enabled) -> Vec<Cand> {
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
        if en.ip && h.dot_word && (h.number_word || h.digit) {
            crate::spoken_ip::detect(text, &toks, &mut cands);
        }
        if en.iban && h.iban {
            self.patterns.iban(text, &toks, &mut cands);
        }
        if en.address && (h.digit || h.number_word) {
            crate::address::detect(text, &toks, &mut cands);
        }
        if en.dob && h.birth_cue {
            crate::dob::detect(text, &toks, &mut cands);
        }
        if en.person {
            crate::person::detect(text, &toks, &self.names, h.name_cue, h.cap_pair, &mut cands);
        }
        // numbers last: their context words never reach into another value
        let stops = Stops::new(&cands);
        if (en.phone || en.card || en.ssn) && (h.digit || h.number_word) {
            crate::numbers::detect(
                text,
                &toks,
                &stops,
                NumEnabled {
                    phone: en.phone,
                    card: en.card,
                    ssn: en.ssn,
                },
                &mut cands,
            );
            // parts said aloud only: nothing to do without a number word
            if h.number_word {
                crate::split_values::detect(
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
        }
        if cands.is_empty() {
            return cands;
        }
        if h.placeholder {
            // never redact inside or across an existing placeholder, nor right against
            // one: what touched a value that was redacted is judged with that value's
            // neighbours gone, so leave it as the first pass did
            let ph: Vec<(usize, usize)> = toks
                .iter()
                .filter(|t| t.kind == Tk::Placeholder)
                .map(|t| (t.start, t.end))
                .collect();
            let glue = |g: &str| {
                g.bytes()
                    .all(|b| matches!(b, b'.' | b':' | b'-' | b'_' | b'/' | b'@'))
            };
            cands.retain(|c| {
                // first placeholder ending after c.start
                let i = ph.partition_point(|&(_, e)| e <= c.start);
                if let Some(&(s, _)) = ph.get(i) {
                    if s < c.end || glue(&text[c.end..s]) {
                        return false;
                    }
                }
                if i > 0 {
                    let (_, e) = ph[i - 1];
                    if glue(&text[e..c.start]) {
                        return false;
                    }
                }
                true
            });
        }
        resolve(cands)
    }
}

/// Spans of values found so far, for "is this token inside a value" in O(log n).
#[derive(Debug)]
pub(crate) struct Stops {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl Stops {
    fn new(cands: &[Cand]) -> Self {
        let mut v: Vec<(usize, usize)> = cands.iter().map(|c| (c.start, c.end)).collect();
        v.sort_unstable();
        let mut max_end = Vec::with_capacity(v.len());
        let mut m = 0;
        for &(_, e) in &v {
            m = m.max(e);
            max_end.push(m);
        }
        Stops {
            starts: v.into_iter().map(|(s, _)| s).collect(),
            max_end,
        }
    }

    /// Whether byte offset `at` lies inside one of the spans.
    pub(crate) fn covers(&self, at: usize) -> bool {
        let i = self.starts.partition_point(|&s| s <= at);
        i > 0 && self.max_end[i - 1] > at
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
