//! Spelled-out names: a word confirmed by its letters ("Siobhan, S I O B H A N"),
//! and letters read out on their own when the text says they spell a name.
//!
//! A run of spelled letters is single ASCII letters separated by spaces, dots,
//! commas or glued hyphens ("K. A. C. Z.", "m-o-r-e-a-u", "M, O, R"), each
//! optionally followed by a spelling-alphabet word of the same initial ("C as in
//! charlie"). The run is a name when:
//! - the word right before it (past "that's", "spelled", a comma) is the word
//!   it spells ("mehmet, m-e-h-m-e-t"): both are the name;
//! - it spells a word said elsewhere in the text that is not an everyday word
//!   ("Caller: Hosseini ... how do you spell that? H. O. S. S. E. I. N. I."):
//!   the letters and every such word are the name;
//! - it has at least three letters and either follows a spelling cue ("spell",
//!   "spelled"...) within the last forty tokens, uses the spelling alphabet at
//!   least twice, or spells a listed given name or surname.
//!
//! A run followed by "at" / "@" is the local part of a spoken e-mail address and
//! is left to that detector.

use super::index::Words;
use super::person;
use super::vocab::not_a_name;
use crate::detect::{Cand, Names};
use crate::token::{Kw, Tk, Tok};

/// Tokens looked back for a spelling cue.
const CUE_WINDOW: usize = 40;

/// One run of spelled letters.
struct Run {
    /// Index of the last token of the run (a letter, its alphabet word or its dot).
    last: usize,
    /// The letters, lowercase.
    letters: String,
    /// How many letters came with a spelling-alphabet word ("as in charlie").
    alphabet: usize,
}

#[inline]
fn letter(text: &str, t: &Tok) -> Option<u8> {
    (t.kind == Tk::Word && t.end - t.start == 1)
        .then(|| text.as_bytes()[t.start])
        .filter(u8::is_ascii_alphabetic)
        .map(|b| b.to_ascii_lowercase())
}

/// The run of spelled letters starting at token `k` (a letter).
fn run_at(text: &str, toks: &[Tok], ix: &Words<'_>, k: usize) -> Run {
    let mut letters = String::new();
    let mut alphabet = 0;
    let mut dots = 0;
    let mut j = k;
    let mut last = k;
    while let Some(c) = toks.get(j).and_then(|t| letter(text, t)) {
        letters.push(c as char);
        last = j;
        j += 1;
        // "C as in charlie": a word of the same initial
        if ix.lower(j) == Some("as")
            && ix.lower(j + 1) == Some("in")
            && ix
                .lower(j + 2)
                .is_some_and(|w| w.len() >= 3 && w.as_bytes()[0] == c)
        {
            alphabet += 1;
            last = j + 2;
            j += 3;
        } else if toks
            .get(j)
            .is_some_and(|x| x.kind == Tk::Punct(b'.') && !x.gap)
        {
            dots += 1;
            last = j;
            j += 1;
        }
        // the separator before the next letter
        let mut glued = false;
        if let Some(x) = toks.get(j) {
            if matches!(x.kind, Tk::Punct(b',' | b'-')) && !x.gap {
                glued = x.kind == Tk::Punct(b'-');
                j += 1;
            }
        }
        let Some(n) = toks.get(j) else { break };
        // a letter before ':' is a speaker tag ("... S, H, I A: okay")
        let tag = toks.get(j + 1).is_some_and(|x| x.kind == Tk::Punct(b':'));
        if letter(text, n).is_none() || n.nl || !(n.gap || glued) || tag {
            break;
        }
    }
    // a dot after the last letter only belongs to a run dotted throughout
    // ("K. A. C."); otherwise it ends the sentence ("that's T E H R A N I.")
    if toks[last].kind == Tk::Punct(b'.') && dots < letters.len() {
        last -= 1;
    }
    Run {
        last,
        letters,
        alphabet,
    }
}

/// The word before the letters at `k`, past a comma and "that's" / "spelled" /
/// "is": "Moradi, that's M O R A D I", "udeh spelled u-d-e-h".
fn word_before(toks: &[Tok], ix: &Words<'_>, k: usize) -> Option<usize> {
    let mut w = k.checked_sub(1)?;
    if toks[w].kind == Tk::Punct(b',') {
        w = w.checked_sub(1)?;
    }
    for _ in 0..2 {
        let skip = toks[w].kind == Tk::Word
            && ix
                .fold(w)
                .is_some_and(|x| matches!(x, "that's" | "thats" | "spelled" | "spelt" | "is"));
        if !skip || w == 0 {
            break;
        }
        w -= 1;
        if toks[w].kind == Tk::Punct(b',') && w >= 1 {
            w -= 1;
        }
    }
    Some(w)
}

/// A spelling cue among the `CUE_WINDOW` tokens before `k`.
fn cue_before(ix: &Words<'_>, k: usize) -> bool {
    (k.saturating_sub(CUE_WINDOW)..k).any(|i| {
        ix.lower(i)
            .is_some_and(|w| matches!(w, "spell" | "spelled" | "spelt" | "spelling"))
    })
}

/// Finds spelled-out names (see the module documentation).
pub(super) fn spelled_names(
    text: &str,
    toks: &[Tok],
    ix: &Words<'_>,
    names: &Names,
    out: &mut Vec<Cand>,
) {
    let mut k = 0;
    while k < toks.len() {
        if letter(text, &toks[k]).is_none() || k > 0 && letter(text, &toks[k - 1]).is_some() {
            k += 1;
            continue;
        }
        // cheap test before the run: another letter follows, after at most a
        // separator, or a spelling-alphabet word does ("a", "I" alone are words)
        let next_letter = |j: usize| toks.get(j).is_some_and(|t| letter(text, t).is_some());
        let more = next_letter(k + 1)
            || toks
                .get(k + 1)
                .is_some_and(|t| matches!(t.kind, Tk::Punct(b'.' | b',' | b'-')))
                && next_letter(k + 2)
            || ix.lower(k + 1) == Some("as");
        if !more {
            k += 1;
            continue;
        }
        let run = run_at(text, toks, ix, k);
        let n = run.letters.len();
        let next = run.last + 1;
        if n < 2
            || ix.lower(next).is_some_and(|w| w == "at")
            || toks.get(next).is_some_and(|t| t.kind == Tk::Punct(b'@'))
        {
            k = next;
            continue;
        }
        let letters = run.letters.as_str();
        let span = person(toks[k].start, toks[run.last].end);
        // the word right before, spelled: both are the name
        if let Some(w) = word_before(toks, ix, k) {
            let prev = &toks[w];
            if prev.kind == Tk::Word
                && prev.kw == Kw::None
                && ix
                    .fold(w)
                    .is_some_and(|pw| pw == letters && !not_a_name(pw))
            {
                out.push(person(prev.start, prev.end));
                out.push(span);
                k = next;
                continue;
            }
        }
        if not_a_name(letters) {
            k = next;
            continue;
        }
        // the same word said elsewhere in the text (two letters are too often an
        // abbreviation: "the T V", "my tv")
        let said: Vec<usize> = (0..toks.len())
            .filter(|&i| {
                (i < k || i > run.last)
                    && toks[i].kind == Tk::Word
                    && toks[i].end - toks[i].start == n
                    && ix.fold(i) == Some(letters)
            })
            .collect();
        if n >= 3 && !said.is_empty() {
            for i in said {
                out.push(person(toks[i].start, toks[i].end));
            }
            out.push(span);
        } else if n >= 3
            && (run.alphabet >= 2
                || cue_before(ix, k)
                || names.kinds(letters) & (Names::GIVEN | Names::SURNAME) != 0)
        {
            out.push(span);
        }
        k = next;
    }
}
