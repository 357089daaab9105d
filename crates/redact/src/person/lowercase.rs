//! Names in lowercase speech-to-text lines, where capitals say nothing: a listed
//! given name (and listed surnames after it) that is no everyday word, not part of
//! a spoken e-mail, not a place or a city before its state.

use super::cueless::{email_follows, place_before};
use super::gazetteer::{blocked, firm, place_opener};
use super::index::Words;
use super::word::listed;
use crate::detect::Names;
use crate::token::{Tk, Tok};

/// The line holding token `k` has no capital letter after its speaker tag: text
/// from speech-to-text, where capitals say nothing. A placeholder of an earlier
/// redaction (`[PERSON]`, `[PERSON:1a2b3c]`) counts as capitals, whatever its
/// style, and the colon inside a keyed one is no speaker tag.
pub(super) fn lowercase_line(text: &str, toks: &[Tok], k: usize) -> bool {
    let mut s = k;
    while s > 0 && !toks[s].nl {
        s -= 1;
    }
    let mut e = k + 1;
    while e < toks.len() && !toks[e].nl {
        e += 1;
    }
    let line_start = toks[s].start;
    // a speaker tag: a colon within the line's first 12 bytes
    let body = (s..e)
        .find(|&i| toks[i].kind == Tk::Punct(b':'))
        .filter(|&i| toks[i].start - line_start <= 12)
        .map_or(s, |i| i + 1);
    // a placeholder counts as capitals, as its label is
    !toks[body..e]
        .iter()
        .any(|t| t.kind == Tk::Placeholder || text[t.start..t.end].chars().any(char::is_uppercase))
}

/// A lowercase given name (and listed surnames after it) in lowercase speech:
/// "it is for tomasz wierzbicki", "my partner rashida's order".
pub(super) fn lowercase_name(
    text: &str,
    toks: &[Tok],
    ix: &Words<'_>,
    k: usize,
    names: &Names,
) -> Option<usize> {
    let t = &toks[k];
    if t.kind != Tk::Word || t.end - t.start < 3 || !text.as_bytes()[t.start].is_ascii_lowercase() {
        return None;
    }
    if k > 0 && toks[k - 1].kind == Tk::Punct(b'-') && !t.gap {
        return None;
    }
    let (w, mut e) = ix.name(k)?;
    // "my partner vasco's order": the name without its possessive
    let (w, possessive) = match w.strip_suffix("'s") {
        Some(stem) if e == k + 1 => (stem, true),
        _ => (w, false),
    };
    let g = if possessive {
        listed(names, w).0
    } else {
        ix.listed(k).0
    };
    if !g {
        return None;
    }
    let b = if possessive {
        blocked(w, names)
    } else {
        ix.blocked(k)
    };
    if b || !lowercase_line(text, toks, k) {
        return None;
    }
    if possessive {
        return Some(e);
    }
    if k > 0 {
        let p = &toks[k - 1];
        let pw = &text[p.start..p.end];
        if p.kind == Tk::Word && place_opener(pw) {
            return None;
        }
        if p.kind == Tk::Word
            && matches!(
                pw,
                "the" | "a" | "an" | "in" | "at" | "to" | "near" | "from" | "of"
            )
        {
            // a place or a thing, unless a surname follows
            let n = toks.get(e)?;
            ix.name(e)?;
            if !(n.kind == Tk::Word && ix.name_ok(e) && !ix.listed(e).0) {
                return None;
            }
        }
    }
    if k > 0 && toks[k - 1].kind == Tk::Word {
        let pw = &text[toks[k - 1].start..toks[k - 1].end];
        if matches!(pw, "at" | "underscore" | "dot" | "dash")
            || place_before(pw) && !listed(names, w).1
        {
            return None;
        }
        // the second word of a run that was turned down ("at morgan stanley")
        if ix.name(k - 1).is_some() {
            let (pg, ps) = ix.listed(k - 1);
            if (pg || ps) && toks[k].gap && !toks[k].nl {
                return None;
            }
        }
    }
    let mut count = 1;
    while count < 3 {
        let Some(n) = toks.get(e) else { break };
        if n.kind != Tk::Word || n.nl || !n.gap {
            break;
        }
        let Some((_, nx)) = ix.name(e) else {
            break;
        };
        if !ix.name_ok(e) {
            break;
        }
        e = nx;
        count += 1;
    }
    let phrase = text[t.start..toks[e - 1].end].to_lowercase();
    if firm(&phrase) || email_follows(text, toks, e) {
        return None;
    }
    // "edison nj", "austin texas": a city before its state
    if toks.get(e).is_some_and(|n| {
        n.kind == Tk::Word && crate::address::is_state(&text[n.start..n.end].to_ascii_lowercase())
    }) {
        return None;
    }
    if count == 1
        && k > 0
        && toks[k - 1].kind == Tk::Word
        && place_before(&text[toks[k - 1].start..toks[k - 1].end])
    {
        return None;
    }
    Some(e)
}
