//! JSON-aware redaction: the key is context for its value, numbers are checked by
//! shape, keys are checked as well as values.
//!
//! Rules, at any depth:
//! - a string under a PII key ([`key_entity`]) is replaced wholesale by that
//!   entity's placeholder, whatever its shape (`"ssn": "078051120"`,
//!   `"first_name": "Priyanka"`); empty strings and values that are already
//!   placeholders are kept; under a bare `"name"` an identifier-shaped value
//!   (`"get_weather"`, `"v2/report.pdf"`) is redacted as text instead;
//! - every other string is redacted as text;
//! - an integer under a PII key becomes the placeholder string, whatever its
//!   size; elsewhere an integer shaped like a card (13-19 digits, Luhn, issuer
//!   range), a North American phone (10 digits, or 11 starting with 1) or an SSN
//!   (9 digits, valid area/group/serial) becomes its placeholder, unless the key
//!   says it is an id, count, time or amount (`order_id`, `duration_ms`, `total`);
//! - arrays and objects under a PII key pass that key on to every element and to
//!   inner keys that say nothing themselves (`"address": {"line1": ...}`);
//! - keys are redacted as text too; when two keys of one object become the same
//!   placeholder, later ones (in map order) get `#2`, `#3`... (`[EMAIL]`,
//!   `[EMAIL]#2`), so no value is lost.

mod keys;

use serde_json::{Map, Value};

pub use keys::{is_identity_key, key_entity};

use crate::checks::{iin_ok, luhn_ok, nanp_ok, ssn_ok};
use crate::Entity;
use keys::{key_rule, numeric_key, Strength};

/// What the walker needs from a redactor.
pub(crate) trait Sink {
    /// Redacts a free text.
    fn text(&mut self, s: &str) -> String;
    /// The placeholder for a value of `entity` (normalised `norm`), counted.
    fn placeholder(&mut self, entity: Entity, norm: &str) -> String;
    /// Whether key rules for `entity` apply.
    fn enabled(&self, entity: Entity) -> bool;
    /// Whether the value is on the allow-list.
    fn allowed(&self, value: &str) -> bool;
}

/// The key context of a value: its entity and how sure the key is.
type Ctx = Option<(Entity, Strength)>;

/// Walks `value`, applying the rules above.
pub(crate) fn walk(value: &Value, sink: &mut dyn Sink) -> Value {
    walk_in(value, None, false, sink)
}

fn walk_in(value: &Value, ctx: Ctx, numeric: bool, sink: &mut dyn Sink) -> Value {
    match value {
        Value::String(s) => Value::String(string(s, ctx, sink)),
        Value::Number(n) => number(n, ctx, numeric, sink),
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|v| walk_in(v, ctx, numeric, sink))
                .collect(),
        ),
        Value::Object(map) => Value::Object(object(map, ctx, sink)),
        other => other.clone(),
    }
}

fn object(map: &Map<String, Value>, ctx: Ctx, sink: &mut dyn Sink) -> Map<String, Value> {
    // keys first, so that a key that stays as it is keeps its name and a
    // redacted key that collides gets the next free suffix, whatever the order
    let new_keys: Vec<String> = map.keys().map(|k| sink.text(k)).collect();
    let mut out = Map::new();
    let mut taken: std::collections::HashSet<String> = map
        .keys()
        .zip(&new_keys)
        .filter(|(k, n)| k == n)
        .map(|(k, _)| k.clone())
        .collect();
    for ((k, v), nk) in map.iter().zip(new_keys) {
        // a key that is a placeholder (`[EMAIL]`, from an earlier pass) says
        // nothing about its value: redaction stays idempotent
        let own = if is_placeholder(k) {
            None
        } else {
            key_rule(k).filter(|(e, _)| sink.enabled(*e))
        };
        let inner = own.or(ctx);
        let v = walk_in(v, inner, numeric_key(k), sink);
        let name = if &nk == k {
            nk
        } else {
            let mut name = nk.clone();
            let mut i = 2;
            while taken.contains(&name) {
                name = format!("{nk}#{i}");
                i += 1;
            }
            taken.insert(name.clone());
            name
        };
        out.insert(name, v);
    }
    out
}

/// An existing placeholder (or several, with spaces and punctuation between),
/// such as `[EMAIL]`, `[PHONE:1a2b3c]`, `[REDACTED]`.
fn is_placeholder(s: &str) -> bool {
    let b = s.trim().as_bytes();
    let mut i = 0;
    let mut any = false;
    while i < b.len() {
        if let Some(len) = crate::token::placeholder_len(&b[i..]) {
            i += len;
            any = true;
            // a collision suffix: `[EMAIL]#2`
            if b.get(i) == Some(&b'#') {
                i += 1;
                while b.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
            }
        } else if matches!(b[i], b' ' | b',' | b';' | b'/' | b'|' | b'-') {
            i += 1;
        } else {
            return false;
        }
    }
    any
}

/// A value that is an identifier rather than a name: `get_weather`, `report.pdf`.
fn identifier_like(s: &str) -> bool {
    s.bytes()
        .any(|b| b.is_ascii_digit() || matches!(b, b'_' | b'/' | b'\\' | b':' | b'=' | b'#'))
        || (s.contains('.') && !s.contains(' '))
}

fn string(s: &str, ctx: Ctx, sink: &mut dyn Sink) -> String {
    match ctx {
        Some((e, strength)) if !s.trim().is_empty() && !is_placeholder(s) && !sink.allowed(s) => {
            if strength == Strength::Weak && identifier_like(s) {
                return sink.text(s);
            }
            sink.placeholder(e, &norm(e, s))
        }
        _ => sink.text(s),
    }
}

fn number(n: &serde_json::Number, ctx: Ctx, numeric: bool, sink: &mut dyn Sink) -> Value {
    let digits = match n.as_u64() {
        Some(u) => u.to_string(),
        None => match n.as_i64() {
            Some(i) => i.unsigned_abs().to_string(),
            None => {
                // a float: only its key can make it personal
                if let Some((e, _)) = ctx {
                    return Value::String(sink.placeholder(e, &n.to_string()));
                }
                return Value::Number(n.clone());
            }
        },
    };
    if sink.allowed(&digits) {
        return Value::Number(n.clone());
    }
    let entity = match ctx {
        Some((e, _)) => Some(e),
        None if numeric => None,
        None => number_entity(digits.as_bytes()).filter(|e| sink.enabled(*e)),
    };
    match entity {
        Some(e) => Value::String(sink.placeholder(e, &digits)),
        None => Value::Number(n.clone()),
    }
}

/// What an integer's digits are shaped like, with no key to say.
fn number_entity(d: &[u8]) -> Option<Entity> {
    let n = d.len();
    if (13..=19).contains(&n) && luhn_ok(d) && iin_ok(d) {
        return Some(Entity::CreditCard);
    }
    if (n == 10 && nanp_ok(d)) || (n == 11 && d[0] == b'1' && nanp_ok(&d[1..])) {
        return Some(Entity::Phone);
    }
    if n == 9 && ssn_ok(d) {
        return Some(Entity::UsSsn);
    }
    None
}

/// The normalised value of a string redacted by its key, for keyed-hash
/// placeholders: the same as the text detectors produce for the same value.
fn norm(e: Entity, s: &str) -> String {
    let t = s.trim();
    match e {
        Entity::Phone | Entity::CreditCard | Entity::UsSsn
            if t.bytes().any(|b| b.is_ascii_digit()) =>
        {
            t.bytes()
                .filter(u8::is_ascii_digit)
                .map(char::from)
                .collect()
        }
        Entity::Iban => t
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_uppercase())
            .collect(),
        _ => t.to_lowercase(),
    }
}

/// A caller-supplied redaction function as a [`Sink`]: `[LABEL]` placeholders,
/// every entity enabled, no allow-list, no counts.
struct FnSink<'a>(&'a mut dyn FnMut(&str) -> String);

impl Sink for FnSink<'_> {
    fn text(&mut self, s: &str) -> String {
        (self.0)(s)
    }
    fn placeholder(&mut self, entity: Entity, _norm: &str) -> String {
        format!("[{}]", entity.label())
    }
    fn enabled(&self, _entity: Entity) -> bool {
        true
    }
    fn allowed(&self, _value: &str) -> bool {
        false
    }
}

/// Returns a copy of `value` with every string passed through `redact` and the
/// key rules of this module applied: under a PII key ([`key_entity`]) a value is
/// replaced wholesale by `[LABEL]` (`"ssn": "078051120"` → `"[US_SSN]"`),
/// integers shaped like cards, phones or SSNs become placeholder strings, and
/// keys are passed through `redact` as well (colliding keys get `#2`, `#3`...).
/// Booleans and nulls are kept.
pub fn redact_json_with(value: &Value, redact: &mut dyn FnMut(&str) -> String) -> Value {
    walk(value, &mut FnSink(redact))
}
