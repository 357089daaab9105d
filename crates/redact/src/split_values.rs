//! Numbers read out in pieces over several turns, and read back: what a caller
//! says in parts ("it's six oh one one seven oh five seven" / "okay" / "six seven
//! one four eight five four five"), and what either side repeats of a number
//! already found ("eight three two yes", "so the last group is three oh seven
//! oh").
//!
//! Runs after the number detectors, on the digit runs they left that were said
//! aloud (written numbers side by side are other things: "2019 96770"), each at
//! least three digits.
//! - Two runs one after the other, with only turn tags, acknowledgements
//!   ("okay", "yes", "then") or a read-back of the first between them, are one
//!   value when together they make a card number (15 or 16 digits, Luhn), a US
//!   social security number (9 digits, valid groups, the text speaks of a social
//!   or of "the first three") or a phone number (10 digits on the North American
//!   plan, or 11 after a 1, and the text speaks of a phone, number or cell).
//! - A run whose digits are part of a value found (by the number detectors or
//!   above) is that value again, with its label.

use crate::checks::{luhn_ok, nanp_ok, ssn_ok};
use crate::detect::{Cand, Found};
use crate::numbers::{spoken_elem, NumEnabled};
use crate::person::speaker_label;
use crate::token::{lower, Kw, Tk, Tok};
use crate::Entity;

/// Tokens allowed between the two parts of a split value.
const GAP: usize = 16;

/// Values looked back at for a read-back.
const READ_BACK: usize = 8;

/// A stretch of digits: its first and last token and the digits.
struct Digits {
    first: usize,
    last: usize,
    digits: Vec<u8>,
    /// Said digit by digit ("eight three two", "double one six"), not as
    /// numbers ("three thirty").
    by_digit: bool,
}

/// The digit runs of `toks` not covered by a candidate in `cands`.
fn runs(text: &str, toks: &[Tok], cands: &[Cand]) -> Vec<Digits> {
    // candidates by start; tokens come in order, so one pass over them tells
    // whether any candidate starting before a token's end reaches past its start
    let mut spans: Vec<(usize, usize)> = cands.iter().map(|c| (c.start, c.end)).collect();
    spans.sort_unstable();
    let mut next_span = 0;
    let mut reach = 0;
    let mut covered = |t: &Tok| {
        while next_span < spans.len() && spans[next_span].0 < t.end {
            reach = reach.max(spans[next_span].1);
            next_span += 1;
        }
        reach > t.start
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let mut digits = Vec::new();
        let mut j = k;
        let mut last = k;
        let mut by_digit = true;
        while let Some(t) = toks.get(j) {
            if j > k && t.nl || covered(t) {
                break;
            }
            if t.kind == Tk::Num && t.end - t.start <= 16 {
                digits.extend_from_slice(&text.as_bytes()[t.start..t.end]);
                last = j;
                j += 1;
            } else if let Some(n) = spoken_elem(toks, j, &mut digits, j == k) {
                by_digit &=
                    matches!(t.kw, Kw::Digit(_) | Kw::Oh | Kw::Double | Kw::Triple) && n <= j + 2;
                last = n - 1;
                j = n;
            } else {
                break;
            }
            // a comma between groups said aloud
            if toks.get(j).is_some_and(|c| c.kind == Tk::Punct(b','))
                && toks
                    .get(j + 1)
                    .is_some_and(|n| n.kind == Tk::Num || n.kw != Kw::None)
            {
                j += 1;
            }
        }
        // only numbers said aloud: written numbers side by side are other things
        // ("2019 96770", an order number "519-7634232")
        let next = if digits.is_empty() { k + 1 } else { last + 1 };
        if digits.len() >= 3 && toks[k].kind == Tk::Word {
            out.push(Digits {
                first: k,
                last,
                digits,
                by_digit,
            });
        }
        // past the whole stretch, taken or not: no run starts inside it (a text of
        // numbers stays linear)
        k = next;
    }
    out
}

/// Only tags, acknowledgements and punctuation between tokens `a` and `b`
/// (exclusive), or a read-back of `echo`.
fn only_filler(text: &str, toks: &[Tok], a: usize, b: usize) -> bool {
    let mut buf = [0u8; 24];
    let mut k = a;
    while k < b {
        if let Some(next) = speaker_label(text, toks, k) {
            k = next;
            continue;
        }
        let t = &toks[k];
        let ok = match t.kind {
            Tk::Punct(_) => true,
            Tk::Word => lower(&text[t.start..t.end], &mut buf).is_some_and(|w| {
                matches!(
                    w,
                    "okay"
                        | "ok"
                        | "yes"
                        | "yeah"
                        | "yep"
                        | "uh"
                        | "um"
                        | "mhm"
                        | "then"
                        | "and"
                        | "it's"
                        | "its"
                        | "the"
                        | "rest"
                        | "is"
                        | "next"
                        | "last"
                        | "got"
                        | "it"
                        | "right"
                        | "correct"
                        | "go"
                        | "ahead"
                        | "agent"
                        | "caller"
                        | "customer"
                        | "user"
                        | "assistant"
                        | "bot"
                        | "human"
                        | "ai"
                        | "rep"
                        | "a"
                        | "c"
                )
            }),
            _ => false,
        };
        if !ok {
            return false;
        }
        k += 1;
    }
    true
}

/// What two parts said together make, if anything (of the enabled kinds; a
/// read-back takes the kind of a value found, which is enabled already).
fn joined(d: &[u8], en: NumEnabled, ssn_talk: bool, phone_talk: bool) -> Option<Entity> {
    match d.len() {
        15 | 16 if en.card && luhn_ok(d) => Some(Entity::CreditCard),
        9 if en.ssn && ssn_talk && ssn_ok(d) => Some(Entity::UsSsn),
        10 if en.phone && phone_talk && nanp_ok(d) => Some(Entity::Phone),
        11 if en.phone && phone_talk && d[0] == b'1' && nanp_ok(&d[1..]) => Some(Entity::Phone),
        _ => None,
    }
}

fn cand(toks: &[Tok], r: &Digits, e: Entity, digits: &[u8]) -> Cand {
    Cand {
        start: toks[r.first].start,
        end: toks[r.last].end,
        found: Found::Entity(e),
        prio: match e {
            Entity::CreditCard | Entity::UsSsn => 8,
            _ => 6,
        },
        norm: Some(digits.iter().map(|&b| b as char).collect()),
    }
}

/// Adds the split values and read-backs of `text` to `cands`.
pub(crate) fn detect(text: &str, toks: &[Tok], en: NumEnabled, cands: &mut Vec<Cand>) {
    if !(en.phone || en.card || en.ssn) {
        return;
    }
    let runs = runs(text, toks, cands);
    if runs.is_empty() {
        return;
    }
    let lower_text = text.to_ascii_lowercase();
    let ssn_talk = ["social", "ssn", "first three"]
        .iter()
        .any(|w| lower_text.contains(w));
    let phone_talk = [
        "phone", "number", "cell", "mobile", "call", "reach", "text", "contact", "line",
    ]
    .iter()
    .any(|w| lower_text.contains(w));
    let mut taken = vec![false; runs.len()];
    // values found, by where they start
    let mut found: Vec<(usize, Entity, Vec<u8>)> = cands
        .iter()
        .filter_map(|c| match (c.found, &c.norm) {
            (Found::Entity(e @ (Entity::Phone | Entity::CreditCard | Entity::UsSsn)), Some(n)) => {
                Some((c.start, e, n.as_bytes().to_vec()))
            }
            _ => None,
        })
        .collect();
    // split values: a run, then within a few tokens another (a read-back of the
    // first may sit between them)
    for i in 0..runs.len() {
        if taken[i] {
            continue;
        }
        let a = &runs[i];
        let mut j = i + 1;
        let mut echo = None;
        if runs.get(j).is_some_and(|b| {
            b.digits == a.digits
                && b.first <= a.last + GAP
                && only_filler(text, toks, a.last + 1, b.first)
        }) {
            echo = Some(j);
            j += 1;
        }
        let Some(b) = runs.get(j) else { continue };
        let from = echo.map_or(a.last + 1, |e| runs[e].last + 1);
        if b.first > from + GAP || !only_filler(text, toks, from, b.first) {
            continue;
        }
        let mut d = a.digits.clone();
        d.extend_from_slice(&b.digits);
        if let Some(e) = joined(&d, en, ssn_talk, phone_talk) {
            cands.push(cand(toks, a, e, &a.digits));
            cands.push(cand(toks, b, e, &b.digits));
            if let Some(x) = echo {
                cands.push(cand(toks, &runs[x], e, &runs[x].digits));
                taken[x] = true;
            }
            taken[i] = true;
            taken[j] = true;
            found.push((toks[a.first].start, e, d));
        }
    }
    found.sort_unstable_by_key(|(at, _, _)| *at);
    // read-backs: a run said digit by digit that begins or ends a value found
    // ("eight three two yes", "the last group is three oh seven oh"; not "three
    // thirty", a time)
    for (i, r) in runs.iter().enumerate() {
        if taken[i] || !r.by_digit {
            continue;
        }
        let d = r.digits.as_slice();
        // the few values said last before it (bounded: a long text of numbers
        // stays linear)
        let before = found.partition_point(|(at, _, _)| *at < toks[r.first].start);
        if let Some((_, e, _)) = found[before.saturating_sub(READ_BACK)..before]
            .iter()
            .rev()
            .find(|(_, _, v)| v.len() > d.len() && (v.starts_with(d) || v.ends_with(d)))
        {
            cands.push(cand(toks, r, *e, &r.digits));
        }
    }
}
