//! Spelled-out names: a word confirmed by its letters ("Siobhan, S I O B H A N").

use super::index::Words;
use super::person;
use super::vocab::not_a_name;
use crate::detect::Cand;
use crate::token::{Kw, Tk, Tok};

/// Spelled letters confirming the word before them: "Siobhan, S I O B H A N",
/// "mehmet, m-e-h-m-e-t". Both the word and the letters are the name.
pub(super) fn spelled_names(text: &str, toks: &[Tok], ix: &Words<'_>, out: &mut Vec<Cand>) {
    let mut k = 0;
    while k < toks.len() {
        let t = &toks[k];
        if !(t.kind == Tk::Word && t.end - t.start == 1) {
            k += 1;
            continue;
        }
        let mut count = 0;
        let mut j = k;
        let mut last = k;
        let mut dashed = false;
        while let Some(x) = toks.get(j) {
            if x.kind == Tk::Word && x.end - x.start == 1 && (j == k || x.gap || dashed) {
                count += 1;
                last = j;
                j += 1;
                dashed = false;
            } else if x.kind == Tk::Punct(b'-') && !x.gap && !dashed && j > k {
                dashed = true;
                j += 1;
            } else if x.kind == Tk::Punct(b',')
                && !dashed
                && j > k
                && toks
                    .get(j + 1)
                    .is_some_and(|n| n.kind == Tk::Word && n.end - n.start == 1)
            {
                // "M, O, R, A, D, I"
                dashed = true;
                j += 1;
            } else {
                break;
            }
        }
        if count >= 2 && k >= 1 {
            // the letters taken above: every one-letter word from `k` to `last`
            let letters: String = toks[k..=last]
                .iter()
                .filter(|x| x.kind == Tk::Word && x.end - x.start == 1)
                .map(|x| text.as_bytes()[x.start].to_ascii_lowercase() as char)
                .collect();
            let mut w = k - 1;
            if toks[w].kind == Tk::Punct(b',') && w >= 1 {
                w -= 1;
            }
            // "Moradi, that's M O R A D I", "udeh spelled u-d-e-h"
            for _ in 0..2 {
                let skip = toks[w].kind == Tk::Word
                    && ix.fold(w).is_some_and(|x| {
                        matches!(x, "that's" | "thats" | "spelled" | "spelt" | "is")
                    });
                if !skip || w == 0 {
                    break;
                }
                w -= 1;
                if toks[w].kind == Tk::Punct(b',') && w >= 1 {
                    w -= 1;
                }
            }
            let prev = &toks[w];
            if prev.kind == Tk::Word {
                if let Some(pw) = ix.fold(w) {
                    if pw == letters && !not_a_name(pw) && prev.kw == Kw::None {
                        out.push(person(prev.start, prev.end));
                        out.push(person(toks[k].start, toks[last].end));
                    }
                }
            }
        }
        k = last + 1;
    }
}
