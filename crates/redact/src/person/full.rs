//! Full names from the lists: a capitalised given name then a capitalised surname.

use super::gazetteer::{firm, role};
use super::guards::street_word;
use super::index::Words;
use super::vocab::not_a_name;
use super::word::{after_particles, is_cap, surname_like};
use super::{person, word_is};
use crate::detect::{Cand, Names};
use crate::token::{Tk, Tok};

/// Finds a listed given name followed by a listed or surname-like capitalised word.
pub(super) fn full_names(
    text: &str,
    toks: &[Tok],
    ix: &Words<'_>,
    names: &Names,
    out: &mut Vec<Cand>,
) {
    // Given name + surname, both capitalised, both in the lists (or the surname
    // after particles: "Declan da Silva", "Mary Ó Briain").
    let mut k = 0;
    while k + 1 < toks.len() {
        let a = &toks[k];
        if !(a.kind == Tk::Word && is_cap(text, a) && a.end - a.start >= 3)
            || (k > 0 && toks[k - 1].kind == Tk::Punct(b'-') && !a.gap)
        {
            k += 1;
            continue;
        }
        let Some((wa, mut j)) = ix.name(k) else {
            k += 1;
            continue;
        };
        if !ix.listed(k).0 {
            k += 1;
            continue;
        }
        // optional middle initial
        if toks
            .get(j)
            .is_some_and(|t| t.kind == Tk::Word && t.cap && t.end - t.start == 1)
            && toks.get(j + 1).is_some_and(|p| p.kind == Tk::Punct(b'.'))
        {
            j += 2;
        }
        let (bj, particles) = match after_particles(text, toks, ix, j) {
            Some(x) => (x, true),
            None => (j, false),
        };
        let Some(b) = toks.get(bj) else { break };
        if !(b.kind == Tk::Word
            && is_cap(text, b)
            && (b.gap || particles)
            && !b.nl
            && b.end - b.start >= 2)
        {
            k += 1;
            continue;
        }
        let Some((wb, nk)) = ix.name(bj) else {
            k += 1;
            continue;
        };
        // "my account at Morgan Stanley", "in Santa Clara": a place or a firm
        let after_at =
            k > 0 && (word_is(text, toks, k - 1, "at") || word_is(text, toks, k - 1, "in"));
        if !after_at
            && (particles || ix.listed(bj).1 || surname_like(wb, names))
            && !not_a_name(wb)
            && !street_word(wb)
            && !firm(&format!("{wa} {}", wb.strip_suffix("'s").unwrap_or(wb)))
            && !firm(wa)
            && !role(wa)
            && !firm(wb)
        {
            out.push(person(a.start, toks[nk - 1].end));
            k = nk;
        } else {
            k += 1;
        }
    }
}
