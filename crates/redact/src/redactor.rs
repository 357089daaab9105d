//! The redactor: detect candidate spans, resolve overlaps, substitute placeholders.

use std::collections::BTreeMap;
use std::sync::Arc;

use hmac::{Hmac, Mac};
use regex::Regex;

use crate::detect::{Cand, Detectors, Enabled, Found, Names};
use crate::patterns::Patterns;
use sha2::Sha256;

use crate::{Error, PlaceholderStyle, Policy};

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

/// The result of redacting a JSON document ([`Redactor::redact_json`]).
#[derive(Debug, Clone, PartialEq)]
pub struct RedactedJson {
    /// The document with every detected value replaced by its placeholder.
    pub value: serde_json::Value,
    /// How many values of each label were replaced (keys and values).
    pub counts: Counts,
}

struct Inner {
    policy: Policy,
    enabled: Enabled,
    det: Detectors,
    labels: Vec<String>,
    allow: Vec<String>,
    allow_digits: Vec<String>,
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
        let allow: Vec<String> = policy
            .allow
            .iter()
            .map(|a| a.trim().to_lowercase())
            .collect();
        let allow_digits = allow
            .iter()
            .filter(|a| {
                a.bytes().any(|b| b.is_ascii_digit()) && !a.bytes().any(|b| b.is_ascii_alphabetic())
            })
            .map(|a| a.chars().filter(char::is_ascii_digit).collect())
            .collect();
        let labels = custom
            .iter()
            .map(|(l, _): &(String, Regex)| l.clone())
            .collect();
        Ok(Redactor {
            inner: Arc::new(Inner {
                enabled: Enabled::from_set(&policy.entities),
                det: Detectors {
                    patterns: Patterns::new(),
                    names: Names::load(),
                    custom: custom.into_iter().map(|(_, r)| r).collect(),
                },
                labels,
                allow,
                allow_digits,
                policy,
            }),
        })
    }

    /// The policy this redactor was built from.
    pub fn policy(&self) -> &Policy {
        &self.inner.policy
    }

    fn label(&self, f: Found) -> &str {
        match f {
            Found::Entity(e) => e.label(),
            Found::Custom(i) => &self.inner.labels[i],
        }
    }

    fn allowed(&self, text: &str, c: &Cand) -> bool {
        let i = &self.inner;
        if i.allow.is_empty() {
            return false;
        }
        let v = text[c.start..c.end].trim().to_lowercase();
        if i.allow.contains(&v) {
            return true;
        }
        if let Some(n) = &c.norm {
            if i.allow.contains(n) || (!i.allow_digits.is_empty() && i.allow_digits.contains(n)) {
                return true;
            }
        }
        false
    }

    fn cands(&self, text: &str) -> Vec<Cand> {
        let mut c = match crate::normalize::fold(text) {
            // look-alikes folded for detection; spans map back onto `text`
            Some(f) => {
                let mut c = self.inner.det.find(&f.text, self.inner.enabled);
                for c in &mut c {
                    (c.start, c.end) = f.original(c.start, c.end);
                }
                c
            }
            None => self.inner.det.find(text, self.inner.enabled),
        };
        if !self.inner.allow.is_empty() {
            c.retain(|c| !self.allowed(text, c));
        }
        c
    }

    /// Finds the spans that would be redacted, after overlap resolution, in order.
    pub fn find(&self, text: &str) -> Vec<Span> {
        self.cands(text)
            .into_iter()
            .map(|c| Span {
                label: self.label(c.found).to_owned(),
                start: c.start,
                end: c.end,
            })
            .collect()
    }

    /// Redacts one text.
    pub fn redact(&self, text: &str) -> Redacted {
        let spans = self.cands(text);
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
            let label = self.label(s.found);
            let norm = match &s.norm {
                Some(n) => std::borrow::Cow::Borrowed(n.as_str()),
                None => std::borrow::Cow::Owned(text[s.start..s.end].trim().to_lowercase()),
            };
            self.placeholder(&mut out, label, &norm);
            match counts.get_mut(label) {
                Some(n) => *n += 1,
                None => {
                    counts.insert(label.to_owned(), 1);
                }
            }
            last = s.end;
        }
        out.push_str(&text[last..]);
        Redacted { text: out, counts }
    }

    /// Redacts a JSON document: every string value at any depth, with its key as
    /// context (a value under a PII key such as `"ssn"` or `"first_name"` is
    /// replaced wholesale by that entity's placeholder), integers shaped like
    /// cards, phones or SSNs (replaced by the placeholder string), and keys. See
    /// [`key_entity`](crate::key_entity) for the key rules.
    pub fn redact_json(&self, value: &serde_json::Value) -> RedactedJson {
        let mut sink = JsonSink {
            r: self,
            counts: Counts::new(),
        };
        let value = crate::json::walk(value, &mut sink);
        RedactedJson {
            value,
            counts: sink.counts,
        }
    }

    fn placeholder(&self, out: &mut String, label: &str, norm: &str) {
        out.push('[');
        out.push_str(label);
        if let PlaceholderStyle::KeyedHash { key } = &self.inner.policy.placeholder {
            let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key)
                .expect("HMAC accepts keys of any length");
            mac.update(label.as_bytes());
            mac.update(&[0]);
            mac.update(norm.as_bytes());
            let tag = mac.finalize().into_bytes();
            out.push(':');
            for b in &tag[..3] {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 15)] as char);
            }
        }
        out.push(']');
    }
}

/// The built-in redactor as a JSON walker's sink, counting as it goes.
struct JsonSink<'a> {
    r: &'a Redactor,
    counts: Counts,
}

impl crate::json::Sink for JsonSink<'_> {
    fn text(&mut self, s: &str) -> String {
        let out = self.r.redact(s);
        for (k, v) in out.counts {
            *self.counts.entry(k).or_insert(0) += v;
        }
        out.text
    }

    fn placeholder(&mut self, entity: crate::Entity, norm: &str) -> String {
        let label = entity.label();
        let mut out = String::with_capacity(label.len() + 9);
        self.r.placeholder(&mut out, label, norm);
        *self.counts.entry(label.to_owned()).or_insert(0) += 1;
        out
    }

    fn enabled(&self, entity: crate::Entity) -> bool {
        self.r.inner.policy.entities.contains(&entity)
    }

    fn allowed(&self, value: &str) -> bool {
        let i = &self.r.inner;
        if i.allow.is_empty() {
            return false;
        }
        let v = value.trim().to_lowercase();
        if i.allow.contains(&v) {
            return true;
        }
        let digits: String = v.chars().filter(char::is_ascii_digit).collect();
        !digits.is_empty() && i.allow_digits.contains(&digits)
    }
}
