//! Name word forms: folding accents, capitals, hyphenated parts, particles and
//! lookups in the given-name and surname lists.

use super::index::Words;
use super::vocab::particle;
use crate::detect::Names;
use crate::token::{Tk, Tok};

/// Appends to `out` the lowercase ASCII form of a word in a Latin script, accents
/// removed ("José" → "jose", "Søren" → "soren", "Wójcik" → "wojcik"); `false`
/// (and `out` as it was) for other scripts. An ASCII word's form is its lowercase.
pub(super) fn fold_into(w: &str, out: &mut String) -> bool {
    let start = out.len();
    for c in w.chars() {
        if c.is_ascii_alphabetic() || c == '\'' {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let l = c.to_lowercase().next().unwrap_or(c);
        let m = match l {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ą' | 'ā' | 'ă' => "a",
            'æ' => "ae",
            'ç' | 'ć' | 'č' => "c",
            'ď' | 'đ' | 'ð' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' | 'ē' => "e",
            'ğ' => "g",
            'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' => "i",
            'ł' => "l",
            'ñ' | 'ń' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' | 'ō' => "o",
            'œ' => "oe",
            'ř' => "r",
            'ś' | 'š' | 'ş' | 'ș' => "s",
            'ß' => "ss",
            'ť' | 'ț' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ů' | 'ű' | 'ū' => "u",
            'ý' | 'ÿ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            '\u{2019}' => "'",
            _ => {
                out.truncate(start);
                return false;
            }
        };
        out.push_str(m);
    }
    true
}

/// First letter uppercase, in any Latin script ("José", "Øyvind", "Ó").
#[inline]
pub(super) fn is_cap(text: &str, t: &Tok) -> bool {
    t.cap
        || (t.kind == Tk::Word
            && text.as_bytes()[t.start] >= 0x80
            && text[t.start..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase))
}

/// An all-caps word among all-caps words ("HI YEAH, I'M MOVING"): shouting or a
/// caps fragment, where a capital says nothing about a name.
pub(super) fn shouting(text: &str, toks: &[Tok], k: usize) -> bool {
    let caps = |i: usize| {
        toks.get(i).is_some_and(|t| {
            t.kind == Tk::Word
                && t.end - t.start >= 2
                && text[t.start..t.end]
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b == b'\'')
        })
    };
    caps(k) && ((k > 0 && caps(k - 1)) || caps(k + 1) || (k > 1 && caps(k - 2)) || caps(k + 2))
}

/// After a given name at `j`: up to three particles, then a capitalised word.
/// Returns the token index of that word.
pub(super) fn after_particles(
    text: &str,
    toks: &[Tok],
    ix: &Words<'_>,
    mut j: usize,
) -> Option<usize> {
    let mut n = 0;
    while n < 3 {
        let t = toks.get(j)?;
        if t.kind != Tk::Word || t.nl || !t.gap && n == 0 {
            break;
        }
        let w = ix.fold(j)?;
        if !particle(w) {
            break;
        }
        j += 1;
        // "St." / "St Clair"
        if toks
            .get(j)
            .is_some_and(|p| p.kind == Tk::Punct(b'.') && !p.gap)
            && w == "st"
        {
            j += 1;
        }
        n += 1;
    }
    if n == 0 {
        return None;
    }
    let t = toks.get(j)?;
    (t.kind == Tk::Word && !t.nl && is_cap(text, t) && t.end - t.start >= 2).then_some(j)
}

/// Whether a (possibly hyphenated) word is a listed given name / surname.
pub(super) fn listed(names: &Names, w: &str) -> (bool, bool) {
    listed_kinds(names, w, names.kinds(w))
}

/// [`listed`] of `w` when its lists (`Names::kinds(w)`) are known already.
pub(super) fn listed_kinds(names: &Names, w: &str, kinds: u8) -> (bool, bool) {
    let given = kinds & Names::GIVEN != 0;
    let sur = kinds & Names::SURNAME != 0
        || w.split_once('-').is_some_and(|(a, b)| {
            matches!(a, "al" | "el" | "abu" | "bin" | "ibn" | "ben")
                && (names.surname(b) || b.len() >= 4)
                || names.surname(a) && names.surname(b)
        });
    (given, sur)
}

pub(super) fn surname_like(w: &str, names: &Names) -> bool {
    if names.surname(w) {
        return true;
    }
    // Mc/Mac/O'/D' prefixes and common endings of surnames not in the list
    let b = w.as_bytes();
    (w.starts_with("mc") || w.starts_with("o'") || w.starts_with("d'")) && b.len() >= 4
        || (w.starts_with("mac") && b.len() >= 6)
        || (w.len() >= 6
            && (w.ends_with("son")
                || w.ends_with("sen")
                || w.ends_with("ski")
                || w.ends_with("berg")
                || w.ends_with("stein")
                || w.ends_with("ez")
                || w.ends_with("ova")))
}
