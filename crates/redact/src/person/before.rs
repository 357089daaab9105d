//! Names said before their cue ("Yan here", "Ji-woo speaking").

use super::cues::{boundary_at, open_word};
use super::index::Words;
use super::vocab::{clause_opener, everyday_word, not_a_name};
use super::word_is;
use crate::detect::Names;
use crate::token::{lower, Kw, Tk, Tok};

/// A name said before its cue ("Yan here", "Ji-woo speaking", "Wei Brown is the
/// name on the account"): one or two words ending at token `cue`; the first a
/// listed given name, or a capitalised word opening the clause.
pub(super) fn name_before(
    text: &str,
    toks: &[Tok],
    ix: &Words<'_>,
    cue: usize,
    names: &Names,
) -> Option<(usize, usize)> {
    // the word ending right before the cue (a hyphenated name is three tokens)
    let mut starts: Vec<usize> = Vec::with_capacity(2);
    let mut k = cue;
    while starts.len() < 2 && k > 0 {
        let mut s = k - 1;
        if toks[s].kind != Tk::Word {
            break;
        }
        if s >= 2 && toks[s - 1].kind == Tk::Punct(b'-') && !toks[s - 1].gap && !toks[s].gap {
            s -= 2;
        }
        starts.push(s);
        k = s;
        if toks[s].nl {
            break;
        }
    }
    let opener = |s: usize| -> bool {
        if s == 0 {
            return true;
        }
        let p = &toks[s - 1];
        match p.kind {
            Tk::Punct(_) => true,
            Tk::Word => {
                let mut b = [0u8; 24];
                lower(&text[p.start..p.end], &mut b).is_some_and(clause_opener)
            }
            _ => false,
        }
    };
    let info = |s: usize| -> Option<(bool, bool, bool)> {
        let (w, _) = ix.name(s)?;
        if not_a_name(w) || toks[s].kw != Kw::None {
            return None;
        }
        let (g, sur) = ix.listed(s);
        Some((toks[s].cap, g && (toks[s].cap || !everyday_word(w)), sur))
    };
    let last = *starts.first()?;
    let (cap1, given1, sur1) = info(last)?;
    if let Some(&first) = starts.get(1) {
        if let Some((cap0, given0, _)) = info(first) {
            if given0 && (sur1 || cap1 || given1) && (opener(first) || cap0 || !toks[first].gap) {
                return Some((toks[first].start, toks[cue - 1].end));
            }
            if given0 && (sur1 || given1) {
                return Some((toks[first].start, toks[cue - 1].end));
            }
        }
    }
    // "Sign here" is no name: after "here" only a listed given name
    let here = word_is(text, toks, cue, "here");
    if (given1 || (cap1 && !here)) && opener(last) {
        return Some((toks[last].start, toks[cue - 1].end));
    }
    // unlisted lowercase: "caller: manaia here", "yeah hi oguz celik on the line",
    // "duke energy thuy speaking how may i help"
    let open = |s: usize| ix.name(s).is_some_and(|(w, _)| open_word(w, names));
    if open(last) && toks[last].kw == Kw::None {
        if let Some(&first) = starts.get(1) {
            if open(first) && toks[first].kw == Kw::None && opener(first) {
                return Some((toks[first].start, toks[cue - 1].end));
            }
        }
        let speaking = word_is(text, toks, cue, "speaking") && boundary_at(text, toks, cue + 1);
        if opener(last) || speaking {
            return Some((toks[last].start, toks[cue - 1].end));
        }
    }
    None
}
