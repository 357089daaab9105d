//! The redactor: detect candidate spans, resolve overlaps, substitute placeholders.

use std::collections::BTreeMap;
use std::sync::Arc;

use hmac::{Hmac, Mac};
use regex::Regex;
use sha2::Sha256;

use crate::{Entity, Error, PlaceholderStyle, Policy};

/// Number of redactions per label (`EMAIL`, `PHONE`, custom labels...).
pub type Counts = BTreeMap<String, u64>;

/// A detected span of personal data: byte offsets into the input, never the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The label, e.g. `EMAIL` or a custom label.
    pub label: String,
    /// Start byte offset (inclusive).
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
}

/// The result of redacting one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redacted {
    /// The text with every detected value replaced by its placeholder.
    pub text: String,
    /// How many values of each label were replaced.
    pub counts: Counts,
}

struct Inner {
    policy: Policy,
    email: Regex,
    phone: Regex,
    card: Regex,
    custom: Vec<(String, Regex)>,
    allow: Vec<String>,
}

/// A compiled redaction policy. Cheap to clone; `Send + Sync`.
#[derive(Clone)]
pub struct Redactor {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Redactor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Redactor")
            .field("entities", &self.inner.policy.entities)
            .field("placeholder", &self.inner.policy.placeholder)
            .finish_non_exhaustive()
    }
}

impl Default for Redactor {
    fn default() -> Self {
        Redactor::new(Policy::default()).expect("the default policy compiles")
    }
}

impl Redactor {
    /// Compiles a policy.
    pub fn new(policy: Policy) -> Result<Self, Error> {
        let mut custom = Vec::new();
        for c in &policy.custom {
            let ok = !c.label.is_empty()
                && c.label.len() <= 32
                && c.label
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
            if !ok {
                return Err(Error::InvalidLabel {
                    label: c.label.clone(),
                });
            }
            let re = Regex::new(&c.pattern).map_err(|source| Error::InvalidPattern {
                label: c.label.clone(),
                source,
            })?;
            custom.push((c.label.clone(), re));
        }
        let allow = policy.allow.iter().map(|a| a.to_lowercase()).collect();
        Ok(Redactor {
            inner: Arc::new(Inner {
                email: Regex::new(r"(?i)\b[a-z0-9._%+\-]+@[a-z0-9.\-]+\.[a-z]{2,}\b").expect("email"),
                phone: Regex::new(
                    r"(?:\+\d{1,3}[\s.\-]?)?(?:\(\d{3}\)|\b\d{3})[\s.\-]?\d{3}[\s.\-]?\d{4}\b",
                )
                .expect("phone"),
                card: Regex::new(r"\b\d(?:[ \-]?\d){12,18}\b").expect("card"),
                custom,
                allow,
                policy,
            }),
        })
    }

    /// The policy this redactor was built from.
    pub fn policy(&self) -> &Policy {
        &self.inner.policy
    }

    fn enabled(&self, e: Entity) -> bool {
        self.inner.policy.entities.contains(&e)
    }

    /// Finds the spans that would be redacted, after overlap resolution, in order.
    pub fn find(&self, text: &str) -> Vec<Span> {
        let i = &self.inner;
        // (start, end, priority, label)
        let mut cands: Vec<(usize, usize, u8, String)> = Vec::new();
        if self.enabled(Entity::Email) {
            for m in i.email.find_iter(text) {
                cands.push((m.start(), m.end(), 9, Entity::Email.label().into()));
            }
        }
        if self.enabled(Entity::CreditCard) {
            for m in i.card.find_iter(text) {
                if luhn_ok(m.as_str()) {
                    cands.push((m.start(), m.end(), 8, Entity::CreditCard.label().into()));
                }
            }
        }
        if self.enabled(Entity::Phone) {
            for m in i.phone.find_iter(text) {
                cands.push((m.start(), m.end(), 5, Entity::Phone.label().into()));
            }
        }
        for (label, re) in &i.custom {
            for m in re.find_iter(text) {
                if m.start() < m.end() {
                    cands.push((m.start(), m.end(), 7, label.clone()));
                }
            }
        }
        cands.retain(|c| {
            i.allow.is_empty() || !i.allow.contains(&text[c.0..c.1].to_lowercase())
        });
        // Longest first, then most specific; greedily keep non-overlapping.
        cands.sort_by(|a, b| (b.1 - b.0, b.2, a.0).cmp(&(a.1 - a.0, a.2, b.0)));
        let mut kept: Vec<(usize, usize, u8, String)> = Vec::new();
        for c in cands {
            if kept.iter().all(|k| c.1 <= k.0 || c.0 >= k.1) {
                kept.push(c);
            }
        }
        kept.sort_by_key(|k| k.0);
        kept.into_iter()
            .map(|(start, end, _, label)| Span { label, start, end })
            .collect()
    }

    /// Redacts one text.
    pub fn redact(&self, text: &str) -> Redacted {
        let spans = self.find(text);
        let mut counts = Counts::new();
        if spans.is_empty() {
            return Redacted {
                text: text.to_owned(),
                counts,
            };
        }
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for s in spans {
            out.push_str(&text[last..s.start]);
            out.push_str(&self.placeholder(&s.label, &text[s.start..s.end]));
            *counts.entry(s.label).or_insert(0) += 1;
            last = s.end;
        }
        out.push_str(&text[last..]);
        Redacted { text: out, counts }
    }

    /// Redacts every string value of a JSON document (keys kept), adding to `counts`.
    pub fn redact_json(&self, value: &serde_json::Value, counts: &mut Counts) -> serde_json::Value {
        crate::redact_json_with(value, &mut |s| {
            let r = self.redact(s);
            for (k, v) in r.counts {
                *counts.entry(k).or_insert(0) += v;
            }
            r.text
        })
    }

    fn placeholder(&self, label: &str, value: &str) -> String {
        match &self.inner.policy.placeholder {
            PlaceholderStyle::Label => format!("[{label}]"),
            PlaceholderStyle::KeyedHash { key } => {
                let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key)
                    .expect("HMAC accepts keys of any length");
                mac.update(label.as_bytes());
                mac.update(&[0]);
                mac.update(value.to_lowercase().as_bytes());
                let tag = mac.finalize().into_bytes();
                format!("[{label}:{:02x}{:02x}{:02x}]", tag[0], tag[1], tag[2])
            }
        }
    }
}

/// Luhn checksum over the digits of `s` (separators ignored).
pub(crate) fn luhn_ok(s: &str) -> bool {
    let digits: Vec<u32> = s.chars().filter_map(|c| c.to_digit(10)).collect();
    if !(13..=19).contains(&digits.len()) {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum();
    sum % 10 == 0
}
