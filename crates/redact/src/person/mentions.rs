//! Other mentions of a name already found in the same text: once "Joaquin
//! Ramirez" is a name ("hi this is Joaquin oh sorry Joaquin Ramirez"), the bare
//! "Joaquin" before it and in "yes Joaquin, I have the notes" is the same
//! person. Run after every other person detector, on what they found.
//!
//! Only distinctive words carry over: at least three letters, not an everyday
//! English word that is also a name ("hope", "grace", "park"), not a word the
//! detectors never take for a name, not a speaker role, not a blocked brand. A
//! run of such words next to each other becomes one name.

use super::guards::role_word;
use super::index::Words;
use super::person;
use super::vocab::{everyday_word, not_a_name};
use crate::detect::{Cand, Found};
use crate::token::{Tk, Tok};
use crate::Entity;

/// At most this many distinct words carry over from one text (a text naming
/// more people than this is a list, and each entry is found on its own).
const MAX_WORDS: usize = 16;

/// Adds the other mentions of the words of the names in `out[first..]`.
pub(super) fn other_mentions(toks: &[Tok], ix: &Words<'_>, first: usize, out: &mut Vec<Cand>) {
    let is_person = |c: &Cand| matches!(c.found, Found::Entity(Entity::Person));
    let mut spans: Vec<(usize, usize)> = out[first..]
        .iter()
        .filter(|c| is_person(c))
        .map(|c| (c.start, c.end))
        .collect();
    if spans.is_empty() {
        return;
    }
    spans.sort_unstable();
    // Tokens are in text order: one pass over them and the sorted spans.
    let covered: Vec<bool> = {
        let mut at = 0;
        toks.iter()
            .map(|t| {
                while at < spans.len() && spans[at].1 <= t.start {
                    at += 1;
                }
                spans[at..]
                    .iter()
                    .take_while(|&&(s, _)| s < t.end)
                    .any(|&(_, e)| t.start < e)
            })
            .collect()
    };
    let mut words: Vec<&str> = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if words.len() == MAX_WORDS {
            break;
        }
        if t.kind == Tk::Word && covered[k] && distinctive(ix, k) {
            if let Some(w) = ix.fold(k) {
                if !words.contains(&w) {
                    words.push(w);
                }
            }
        }
    }
    if words.is_empty() {
        return;
    }
    let hit = |j: usize| {
        toks[j].kind == Tk::Word && !covered[j] && ix.fold(j).is_some_and(|w| words.contains(&w))
    };
    let mut k = 0;
    while k < toks.len() {
        if !hit(k) {
            k += 1;
            continue;
        }
        let mut e = k + 1;
        // "Joaquin Ramirez" again: one name, not two
        while e < toks.len() && hit(e) && !toks[e].nl && toks[e].start == toks[e - 1].end + 1 {
            e += 1;
        }
        out.push(person(toks[k].start, toks[e - 1].end));
        k = e;
    }
}

/// Whether token `k` of a found name is distinctive enough to carry over.
fn distinctive(ix: &Words<'_>, k: usize) -> bool {
    let Some(w) = ix.lower(k).or_else(|| ix.fold(k)) else {
        return false;
    };
    w.chars().count() >= 3
        && w.chars().all(char::is_alphabetic)
        && !ix.english(k)
        && !everyday_word(w)
        && !not_a_name(w)
        && !role_word(w)
        && ix.name(k).is_none_or(|_| !ix.blocked(k))
}
