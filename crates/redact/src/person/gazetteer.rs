//! What a listed name may be when it stands without a cue: the guards of the
//! cueless detectors (everyday English words, firms, places, calendar words, roles,
//! acronyms) and small token tests they share.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

use super::common::common_word;
use super::guards::{org_word, street_word};
use super::labels::speaker_label;
use super::vocab::{everyday_word, not_a_name};
use super::word::{is_cap, listed, shouting};
use crate::address::intl_words::country;
use crate::detect::Names;
use crate::token::{Tk, Tok};

/// A listed name that may stand without a cue.
pub(super) fn name_ok(w: &str, names: &Names) -> bool {
    let (g, s) = listed(names, w);
    (g || s) && !blocked(w, names)
}

/// Firms and brands that are also names (`data/firms.txt`), one word or a phrase.
pub(super) fn firm(w: &str) -> bool {
    if let Some((a, b)) = w.split_once('-') {
        if firm_set(a) || firm_set(b) {
            return true;
        }
    }
    firm_set(w)
}

pub(super) fn firm_set(w: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        include_str!("../../data/firms.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
    .contains(w)
}

/// Words that open a place name ("San Francisco", "Lake Geneva", "Port Louis").
pub(super) fn place_opener(w: &str) -> bool {
    matches!(
        w,
        "san"
            | "santa"
            | "santo"
            | "sao"
            | "st"
            | "saint"
            | "sainte"
            | "mount"
            | "mt"
            | "lake"
            | "port"
            | "fort"
            | "new"
            | "los"
            | "las"
            | "el"
            | "la"
            | "le"
            | "cape"
            | "bay"
            | "north"
            | "south"
            | "east"
            | "west"
            | "upper"
            | "lower"
            | "great"
            | "little"
            | "isla"
            | "rio"
            | "puerto"
            | "costa"
            | "monte"
            | "bad"
            | "bandar"
            | "kuala"
    )
}

/// Months, weekdays and holidays: capitalised, listed as names somewhere, never a
/// person here.
pub(super) fn calendar(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "easter"
            | "christmas"
            | "xmas"
            | "diwali"
            | "eid"
            | "ramadan"
            | "hanukkah"
            | "thanksgiving"
            | "halloween"
            | "passover"
            | "pentecost"
            | "advent"
            | "lent"
            | "noel"
            | "america"
            | "africa"
            | "europe"
            | "asia"
            | "oceania"
            | "antarctica"
    )
}

pub(super) fn blocked(w: &str, names: &Names) -> bool {
    w.len() < 2
        || calendar(w)
        || firm(w)
        || names.english(w)
        || not_a_name(w)
        || everyday_word(w)
        || common_word(w)
        || street_word(w)
        || org_word(w)
        || country(w)
        || role(w)
}

/// Words that label a transcript line or a letter field, not a person.
pub(super) fn role(w: &str) -> bool {
    speaker_label(w)
        || matches!(
            w,
            "user"
                | "speaker"
                | "rep"
                | "operator"
                | "assistant"
                | "bot"
                | "system"
                | "note"
                | "present"
                | "shortlisted"
                | "phone"
                | "mobile"
                | "tel"
                | "fax"
                | "email"
                | "desk"
                | "address"
                | "subject"
                | "re"
                | "cc"
                | "from"
                | "date"
                | "ship"
                | "return"
                | "dear"
                | "hello"
                | "hi"
                | "regards"
                | "cheers"
                | "thanks"
                | "sincerely"
                | "best"
                | "yours"
                | "kind"
                | "attendees"
                | "host"
                | "moderator"
                | "interviewer"
                | "narrator"
                | "support"
                | "sales"
                | "billing"
                | "ai"
                | "ivr"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "senor"
                | "senora"
                | "senorita"
                | "herr"
                | "frau"
                | "madame"
                | "monsieur"
                | "mademoiselle"
                | "signor"
                | "signora"
                | "signore"
                | "pan"
                | "pani"
                | "iban"
                | "bic"
                | "swift"
                | "pin"
                | "mevrouw"
                | "meneer"
                | "sra"
                | "sr"
                | "dona"
                | "don"
                | "sri"
                | "smt"
                | "shri"
                | "mme"
                | "mlle"
                | "engr"
                | "hon"
                | "chief"
                | "sheikh"
                | "imam"
                | "rabbi"
                | "rev"
                | "capt"
                | "sgt"
        )
}

/// An all-capitals word ("IBAN", "BIC"): an acronym, not a name, outside a
/// speaker tag.
pub(super) fn acronym(text: &str, t: &Tok) -> bool {
    let w = &text[t.start..t.end];
    !w.chars().any(char::is_lowercase) && w.chars().count() >= 2
}

/// Capitalised, not shouted, a Latin-script word of 2+ letters.
#[inline]
pub(super) fn cap_word(text: &str, toks: &[Tok], k: usize) -> bool {
    toks.get(k).is_some_and(|t| {
        t.kind == Tk::Word && t.end - t.start >= 2 && is_cap(text, t) && !shouting(text, toks, k)
    })
}

#[inline]
pub(super) fn punct(toks: &[Tok], k: usize, c: u8) -> bool {
    toks.get(k).is_some_and(|t| t.kind == Tk::Punct(c))
}

/// Sentence start: first token, after a newline, or after `.`, `!`, `?`, `:`, `—`.
pub(super) fn sentence_start(text: &str, toks: &[Tok], k: usize) -> bool {
    k == 0
        || toks[k].nl
        || matches!(
            toks[k - 1].kind,
            Tk::Punct(b'.' | b'!' | b'?' | b':' | b'"')
        )
        || text[..toks[k].start].trim_end().ends_with('—')
}
