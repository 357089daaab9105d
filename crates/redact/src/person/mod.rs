//! Person names: introduced in context ("my name is ...", "this is ... speaking",
//! "ask for ...", "the account holder is ...", titles), or a common given name
//! followed by a common surname (lists shipped in `data/`).

mod before;
mod common;
mod cued;
mod cueless;
mod cues;
mod full;
mod gazetteer;
mod guards;
mod index;
mod labels;
mod lowercase;
mod mentions;
mod position;
mod spelled;
mod vocab;
mod word;

use crate::detect::{Cand, Found, Names};
use crate::token::{Tk, Tok};
use crate::Entity;
pub(crate) use position::speaker_label;

/// Finds person names.
pub(crate) fn detect(
    text: &str,
    toks: &[Tok],
    names: &Names,
    name_cue: bool,
    cap_pair: bool,
    out: &mut Vec<Cand>,
) {
    let ix = index::Words::new(text, toks, names);
    let first = out.len();
    if name_cue || cap_pair {
        cued::cued_names(text, toks, &ix, names, name_cue, out);
    }
    spelled::spelled_names(text, toks, &ix, names, out);
    if cap_pair {
        full::full_names(text, toks, &ix, names, out);
    }
    cueless::cueless_names(text, toks, &ix, names, out);
    guards::trim_at_tags(text, toks, &ix, first, out);
    mentions::other_mentions(toks, &ix, first, out);
    // a possessive ends the name before its "'s" ("Matsumoto's account")
    for c in &mut out[first..] {
        let span = &text[c.start..c.end];
        if let Some(stem) = span
            .strip_suffix("'s")
            .or_else(|| span.strip_suffix("\u{2019}s"))
            .filter(|s| !s.is_empty())
        {
            c.end = c.start + stem.len();
        }
    }
}

fn person(start: usize, end: usize) -> Cand {
    Cand {
        start,
        end,
        found: Found::Entity(Entity::Person),
        prio: 5,
        norm: None,
    }
}

#[inline]
fn word_is(text: &str, toks: &[Tok], k: usize, w: &str) -> bool {
    toks.get(k)
        .is_some_and(|t| t.kind == Tk::Word && text[t.start..t.end].eq_ignore_ascii_case(w))
}
