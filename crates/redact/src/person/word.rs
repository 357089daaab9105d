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
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ą' | 'ā' | 'ă' | 'ạ' | 'ả' | 'ấ' | 'ầ' | 'ẩ'
            | 'ẫ' | 'ậ' | 'ắ' | 'ằ' | 'ẳ' | 'ẵ' | 'ặ' => "a",
            'æ' => "ae",
            'ç' | 'ć' | 'č' => "c",
            'ď' | 'đ' | 'ð' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' | 'ē' | 'ė' | 'ẹ' | 'ẻ' | 'ẽ' | 'ế' | 'ề' | 'ể'
            | 'ễ' | 'ệ' => "e",
            'ğ' | 'ģ' => "g",
            'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' | 'į' | 'ỉ' | 'ị' | 'ĩ' => "i",
            'ł' | 'ļ' | 'ľ' | 'ĺ' => "l",
            'ķ' => "k",
            'ñ' | 'ń' | 'ň' | 'ņ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' | 'ō' | 'ơ' | 'ọ' | 'ỏ' | 'ố' | 'ồ' | 'ổ'
            | 'ỗ' | 'ộ' | 'ớ' | 'ờ' | 'ở' | 'ỡ' | 'ợ' => "o",
            'œ' => "oe",
            'ř' | 'ŗ' | 'ŕ' => "r",
            'ś' | 'š' | 'ş' | 'ș' => "s",
            'ß' => "ss",
            'ť' | 'ț' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ů' | 'ű' | 'ū' | 'ų' | 'ư' | 'ụ' | 'ủ' | 'ứ' | 'ừ' | 'ử'
            | 'ữ' | 'ự' | 'ũ' => "u",
            'ý' | 'ÿ' | 'ỳ' | 'ỵ' | 'ỷ' | 'ỹ' => "y",
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

/// Endings of surnames, by language, with the shortest word each may end: a
/// capitalised word with one of them reads as a surname after a given name even
/// when no list holds it ("Maria Papadopoulou", "Tanvir Venkataraman").
const SURNAME_ENDINGS: &[(&str, usize)] = &[
    // Nordic, Icelandic, Finnish
    ("son", 6),
    ("sen", 6),
    ("dottir", 8),
    ("strom", 7),
    ("qvist", 7),
    ("kvist", 7),
    ("gren", 7),
    ("lund", 7),
    ("dahl", 6),
    ("stedt", 7),
    ("nen", 6),
    // German, Dutch, Yiddish
    ("berg", 6),
    ("stein", 6),
    ("mann", 6),
    ("berger", 8),
    ("meyer", 7),
    // Slavic, Baltic, Romanian
    ("ski", 6),
    ("ska", 6),
    ("cki", 6),
    ("cka", 6),
    ("ova", 6),
    ("ov", 6),
    ("ev", 6),
    ("eva", 6),
    ("ovich", 7),
    ("evich", 7),
    ("ovna", 7),
    ("evna", 7),
    ("wicz", 7),
    ("czyk", 7),
    ("czak", 7),
    ("enko", 6),
    ("chuk", 6),
    ("yuk", 6),
    ("iuk", 6),
    ("vic", 6),
    ("skiy", 7),
    ("skaya", 8),
    ("iene", 7),
    ("aite", 7),
    ("auskas", 8),
    ("icius", 8),
    ("aitis", 7),
    ("escu", 6),
    ("eanu", 6),
    // Greek, Georgian, Armenian, Turkish, Persian
    ("opoulos", 9),
    ("opoulou", 9),
    ("akis", 6),
    ("idis", 6),
    ("iadis", 7),
    ("idou", 6),
    ("akos", 7),
    ("shvili", 8),
    ("adze", 6),
    ("idze", 6),
    ("yan", 6),
    ("yants", 7),
    ("oglu", 6),
    ("zadeh", 7),
    ("nejad", 7),
    ("pour", 7),
    // Spanish, Portuguese, Italian
    ("ez", 6),
    ("eira", 6),
    ("eiro", 6),
    ("ini", 6),
    ("elli", 6),
    ("etti", 6),
    ("ucci", 6),
    ("otti", 6),
    ("azzi", 6),
    // South Asian, Southeast Asian
    ("nathan", 8),
    ("raman", 8),
    ("murthy", 7),
    ("swamy", 7),
    ("krishnan", 9),
    ("wala", 7),
    ("walla", 8),
    ("pally", 7),
    ("reddy", 7),
    ("wong", 7),
    ("porn", 8),
    ("chai", 7),
    ("kul", 7),
    ("sombat", 8),
    // Japanese
    ("moto", 6),
    ("mura", 6),
    ("yama", 6),
    ("kawa", 6),
    ("gawa", 6),
    ("saki", 6),
    ("zaki", 6),
    ("shita", 7),
    ("guchi", 7),
    ("bayashi", 8),
    ("uchi", 6),
    // West and East African
    ("nkwo", 6),
    ("chukwu", 8),
    ("eze", 6),
];

/// Endings that only surnames have (patronymics, Greek, Georgian, Baltic,
/// Slavic and Icelandic family names): enough, after any capitalised word that
/// may be a given name, to read the pair as a name.
pub(super) fn strong_surname(w: &str) -> bool {
    w.len() >= 7
        && !w.contains(['\'', '-'])
        && [
            "opoulos", "opoulou", "akis", "idis", "shvili", "adze", "idze", "dottir", "ovich",
            "evich", "ovna", "evna", "auskas", "aitis", "iene", "aite", "wicz", "czyk", "enko",
            "escu", "eanu", "yan", "ova", "eva", "ov", "ev", "ski", "ska", "cki", "sson",
        ]
        .iter()
        .any(|e| w.ends_with(e))
}

/// A listed surname, or a word shaped like one: Mc/Mac/O'/D' and Arabic
/// al-/el-/abu- prefixes, or a surname ending of [`SURNAME_ENDINGS`].
pub(super) fn surname_like(w: &str, names: &Names) -> bool {
    if names.surname(w) {
        return true;
    }
    let b = w.as_bytes();
    if (w.starts_with("mc") || w.starts_with("o'") || w.starts_with("d'")) && b.len() >= 4
        || (w.starts_with("mac") && b.len() >= 6)
        || ["al-", "el-", "abu-", "abdel-", "abdul-", "ben-", "nwa"]
            .iter()
            .any(|p| w.len() >= p.len() + 4 && w.starts_with(p))
    {
        return true;
    }
    !w.contains(['\'', '-'])
        && SURNAME_ENDINGS
            .iter()
            .any(|&(e, min)| w.len() >= min && w.ends_with(e))
}
