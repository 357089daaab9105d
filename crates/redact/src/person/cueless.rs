//! Names without a cue: capitalised words from the shipped gazetteers of given
//! names and surnames of many countries, and positions that hold a name whatever
//! it is: speaker tags ("Ines: ..."), signatures (the line after "Regards,"),
//! salutations ("Dear Castellanos,") and the answer to an agent's name question
//! ("May I have your name? — Renate Vogelsang").
//!
//! Guards: everyday English words that are also names ("Will", "Grace") need a
//! cue; a name next to a capitalised non-name word is a firm, a place or a street
//! ("Johnson Controls", "Lake Geneva", "Oxford Street"); countries, firm words and
//! street words are never names.

use super::gazetteer::{
    acronym, cap_word, firm, name_ok, place_opener, punct, role, sentence_start,
};
use super::guards::{org_word, street_word};
use super::index::Words;
use super::lowercase::lowercase_name;
use super::person;
use super::position::position_name;
use super::word::{after_particles, is_cap, strong_surname, surname_like};
use crate::detect::{Cand, Names};
use crate::token::{Kw, Tk, Tok};

/// Extends a name at `k..next` over capitalised name words and particles on the
/// same line (at most three words in all); `None` when a capitalised word that is
/// no name follows (a firm, a street: "Johnson Controls", "Oxford Street").
pub(super) fn run(
    text: &str,
    toks: &[Tok],
    ix: &Words<'_>,
    next: usize,
    names: &Names,
    open: bool,
) -> Option<usize> {
    let mut end = next;
    let mut count = 1;
    while count < 3 {
        let j = match after_particles(text, toks, ix, end) {
            Some(j) => j,
            None => end,
        };
        let Some(t) = toks.get(j) else { break };
        if t.kind != Tk::Word || t.nl || !(t.gap || j > end) || !is_cap(text, t) {
            break;
        }
        // the next turn's diarization label ("… Omar Speaker 1: and …")
        if super::position::speaker_label(text, toks, j).is_some() {
            break;
        }
        let Some((w, nx)) = ix.name(j) else {
            break;
        };
        let good = !ix.blocked(j) && (open || ix.name_ok(j) || surname_like(w, names));
        if !good {
            if street_word(w) || org_word(w) || ix.english(j) || !open {
                return None;
            }
            break;
        }
        end = nx;
        count += 1;
    }
    Some(end)
}

/// Finds names without a cue.
pub(super) fn cueless_names(
    text: &str,
    toks: &[Tok],
    ix: &Words<'_>,
    names: &Names,
    out: &mut Vec<Cand>,
) {
    // a lone word ("Ada" as a JSON value under a key that is no identity key) has
    // no context to be a name in: the key rules decide
    if toks.iter().filter(|t| t.kind == Tk::Word).count() < 2 {
        return;
    }
    let mut k = 0;
    while k < toks.len() {
        if !ix.may_start_cueless(k) {
            k += 1;
            continue;
        }
        if let Some(e) = position_name(text, toks, ix, k, names) {
            out.push(person(toks[k].start, toks[e - 1].end));
            k = e;
            continue;
        }
        if let Some(e) = lowercase_name(text, toks, ix, k, names) {
            // a possessive "'s" is cut from every name in `person::detect`
            out.push(person(toks[k].start, toks[e - 1].end));
            k = e;
            continue;
        }
        if let Some(e) = shouted_name(text, toks, ix, k) {
            out.push(person(toks[k].start, toks[e - 1].end));
            k = e;
            continue;
        }
        if !cap_word(text, toks, k)
            || (k > 0 && toks[k - 1].kind == Tk::Punct(b'-') && !toks[k].gap)
            || acronym(text, &toks[k])
        {
            k += 1;
            continue;
        }
        let Some((w, next)) = ix.name(k) else {
            k += 1;
            continue;
        };
        if !ix.name_ok(k) {
            // "Nodira Khudoyberdieva", "Lasha Beridzeshvili": no list holds either
            // word, but the second ends the way only surnames end
            if toks
                .get(next)
                .is_some_and(|t| t.gap && !t.nl && is_cap(text, t))
                && ix.name(next).is_some_and(|(s, _)| strong_surname(s))
                && !ix.blocked(next)
                && given_like(text, toks, ix, k)
            {
                let e = ix.name(next).map_or(next + 1, |(_, e)| e);
                out.push(person(toks[k].start, toks[e - 1].end));
                k = e;
                continue;
            }
            k += 1;
            continue;
        }
        // "Marks & Spencer", "Ernst & Young": a firm
        if punct(toks, k.wrapping_sub(1), b'&') || punct(toks, next, b'&') {
            let mut j = next;
            while j < toks.len() && (cap_word(text, toks, j) || punct(toks, j, b'&')) && !toks[j].nl
            {
                j += 1;
            }
            k = j.max(k + 1);
            continue;
        }
        if k > 0 {
            let p = &toks[k - 1];
            let pw = text[p.start..p.end].to_ascii_lowercase();
            // "the Ferrari office", "San Francisco", "flew to Lagos"
            let motion_to = pw == "to"
                && k >= 2
                && toks[k - 2].kind == Tk::Word
                && motion(&text[toks[k - 2].start..toks[k - 2].end].to_ascii_lowercase());
            // "Bank of America", "University of Lagos"
            let of_org = pw == "of" && k >= 2 && is_cap(text, &toks[k - 2]);
            if p.kind == Tk::Word
                && (pw == "the" || motion_to || of_org || place_opener(&pw) && is_cap(text, p))
            {
                let mut j = next;
                while cap_word(text, toks, j) && !toks[j].nl {
                    j += 1;
                }
                k = j.max(k + 1);
                continue;
            }
        }
        let mut start = k;
        // a capitalised non-name word just before, mid-sentence: "Air France",
        // "Lake Geneva", "Goldman" after "at"
        if k > 0 && !sentence_start(text, toks, k) {
            let p = &toks[k - 1];
            if p.kind == Tk::Word && is_cap(text, p) && !toks[k].nl {
                let pw = ix.fold(k - 1).unwrap_or_default();
                let title = matches!(
                    pw,
                    "mr" | "mrs" | "ms" | "mx" | "dr" | "prof" | "sir" | "dame" | "miss"
                ) || role(pw);
                if !title && !name_ok(pw, names) {
                    // "Ousmane Balogun", "Yuna Takahashi": a given name no list
                    // holds before a listed surname
                    if ix.listed(k).1 && !ix.english(k) && given_like(text, toks, ix, k - 1) {
                        start = k - 1;
                    } else {
                        k = next;
                        continue;
                    }
                }
            }
            if p.kind == Tk::Word && place_before(&text[p.start..p.end]) {
                // "in Oxford", "at Morgan", "from Victoria": a place or a firm unless
                // a surname follows
                let two = cap_word(text, toks, next) && ix.name(next).is_some() && ix.name_ok(next);
                if !two {
                    k = next;
                    continue;
                }
            }
        }
        let Some(e) = run(text, toks, ix, next, names, false) else {
            // "cc: Ebru Polat, Marcus Kingsley": a listed given name and one more
            // capitalised word standing alone between list separators
            if let Some(e) = delimited_pair(text, toks, ix, start, next) {
                out.push(person(toks[start].start, toks[e - 1].end));
                k = e;
                continue;
            }
            // skip the whole capitalised phrase
            let mut j = next;
            while cap_word(text, toks, j) && !toks[j].nl {
                j += 1;
            }
            k = j.max(k + 1);
            continue;
        };
        if start == k && e == next && city_in_context(toks, ix, k, w) {
            k = e;
            continue;
        }
        let phrase = text[toks[start].start..toks[e - 1].end].to_lowercase();
        let phrase = phrase.strip_suffix("'s").unwrap_or(&phrase);
        if firm(phrase) || place_opener(w) || email_follows(text, toks, e) {
            k = e;
            continue;
        }
        out.push(person(toks[start].start, toks[e - 1].end));
        k = e;
    }
}

/// Token `k` may be a given name that no list holds, just before a listed
/// surname: a capitalised word of three letters or more, not shouted, on the
/// surname's line, that is no known non-name (a firm, a place, a street or org
/// word, a country, a role, a calendar or everyday word), not an English
/// derivation ("Morning", "Station", "Quickly"), and the first capitalised word
/// of its phrase (so "Bank Of Montreal Smith" is not taken).
fn given_like(text: &str, toks: &[Tok], ix: &Words<'_>, k: usize) -> bool {
    let t = &toks[k];
    let s = &text[t.start..t.end];
    let Some(w) = ix.fold(k) else { return false };
    t.kind == Tk::Word
        && w.len() >= 3
        && is_cap(text, t)
        && !acronym(text, t)
        && !s.chars().skip(1).any(char::is_uppercase)
        && !place_opener(w)
        && !place_before(w)
        && !role(w)
        && !matches!(
            w,
            "contact"
                | "ask"
                | "tell"
                | "thank"
                | "meet"
                | "see"
                | "invite"
                | "message"
                | "text"
                | "ping"
                | "phone"
                | "email"
                | "inform"
                | "notify"
                | "page"
                | "dial"
                | "visit"
                | "join"
                | "welcome"
                | "congratulate"
                | "congrats"
                | "attn"
                | "per"
                | "via"
                | "with"
                | "for"
                | "and"
                | "or"
                | "but"
                | "by"
                | "to"
                | "of"
                | "as"
                | "if"
                | "when"
                | "then"
                | "also"
                | "both"
                | "let"
                | "have"
                | "get"
                | "send"
                | "forward"
                | "cc"
                | "bcc"
                | "reply"
                | "agent"
                | "caller"
                | "customer"
                | "client"
                | "patient"
                | "doctor"
        )
        && ![
            "ing", "tion", "sion", "ment", "ness", "ity", "ly", "ful", "less", "ism", "ist", "ive",
            "ous", "able", "ible", "ance", "ence", "ship", "ward", "wards", "ers",
        ]
        .iter()
        .any(|e| w.ends_with(e))
        && !(k > 0 && !t.nl && cap_word(text, toks, k - 1))
        && !ix.blocked(k)
}

/// A given name at `k` (listed) and the capitalised word at `next` that no list
/// blocks, standing alone as an item: after the start of a line, a list
/// separator (`;` `,` `:` `(` `-` `•`) or a dash, and before a separator, a
/// bracket, an e-mail in angle brackets, a dash or the end of the line. Returns
/// the token after the pair.
fn delimited_pair(
    text: &str,
    toks: &[Tok],
    ix: &Words<'_>,
    k: usize,
    next: usize,
) -> Option<usize> {
    let n = toks.get(next)?;
    if n.kind != Tk::Word || !n.gap || n.nl || n.end - n.start < 3 || !cap_word(text, toks, next) {
        return None;
    }
    let (_, end) = ix.name(next)?;
    if ix.blocked(next) || ix.english(next) || place_opener(ix.fold(k).unwrap_or_default()) {
        return None;
    }
    let before_ok = k == 0
        || toks[k].nl
        || matches!(
            toks[k - 1].kind,
            Tk::Punct(b';' | b',' | b':' | b'(' | b'-' | b'|')
        )
        || text[..toks[k].start].trim_end().ends_with(['—', '–', '•']);
    let after_ok = toks.get(end).is_none_or(|t| {
        t.nl || matches!(
            t.kind,
            Tk::Punct(b';' | b',' | b'.' | b')' | b'(' | b'<' | b'|')
        )
    }) || text[toks[end - 1].end..]
        .trim_start()
        .starts_with(['—', '–']);
    (before_ok && after_ok).then_some(end)
}

/// A name in capitals ("ATTN GIORGOS PAPPAS", "HA-EUN JUNG:"): a listed given
/// name then a listed surname, both of three letters or more, neither an everyday
/// English word nor blocked — in shouted text only the lists can tell a name, so
/// both words must be in them. Returns the token after the surname.
fn shouted_name(text: &str, toks: &[Tok], ix: &Words<'_>, k: usize) -> Option<usize> {
    let t = &toks[k];
    if t.kind != Tk::Word || t.end - t.start < 2 || !acronym(text, t) {
        return None;
    }
    let (_, next) = ix.name(k)?;
    let n = toks.get(next)?;
    if n.kind != Tk::Word || !n.gap || n.nl || n.end - n.start < 3 || !acronym(text, n) {
        return None;
    }
    let (_, end) = ix.name(next)?;
    let ok = |i: usize| !ix.english(i) && !ix.blocked(i);
    (ix.listed(k).0 && ix.listed(next).1 && ok(k) && ok(next)).then_some(end)
}

/// A lone name word that is also a city ("Florence", "Lagos", `data/city_names.txt`)
/// where the words around it make it a place: after "to", "via", "between",
/// "toward(s)", or before "time", "office", "airport", "branch", "station",
/// "port", "harbo(u)r", "headquarters", "campus".
pub(super) fn city_in_context(toks: &[Tok], ix: &Words<'_>, k: usize, w: &str) -> bool {
    if !city(w) {
        return false;
    }
    let word = |i: usize| {
        toks.get(i)
            .filter(|t| t.kind == Tk::Word)
            .and_then(|_| ix.fold(i))
    };
    let before = k
        .checked_sub(1)
        .and_then(word)
        .is_some_and(|p| matches!(p, "to" | "via" | "between" | "toward" | "towards"));
    let after = toks.get(k + 1).is_some_and(|t| !t.nl)
        && word(k + 1).is_some_and(|n| {
            matches!(
                n,
                "time"
                    | "office"
                    | "airport"
                    | "branch"
                    | "station"
                    | "port"
                    | "harbour"
                    | "harbor"
                    | "headquarters"
                    | "campus"
            )
        });
    before || after
}

/// A city that is also a name (`data/city_names.txt`), folded.
pub(super) fn city(w: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| {
        include_str!("../../data/city_names.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
    .contains(w)
}

/// Words before a place: "in", "from", "through", "near", "at".
pub(super) fn place_before(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "in" | "from" | "through" | "near" | "at" | "outside" | "around" | "into"
    )
}

/// A spoken e-mail follows the name ("yuki yilmaz seven zero at university dot
/// edu", "alejandro, all one word, 3 at icloud.com"): the name is its local part.
pub(super) fn email_follows(text: &str, toks: &[Tok], e: usize) -> bool {
    let mut j = e;
    while j < toks.len() && j < e + 10 {
        let t = &toks[j];
        if t.kind == Tk::Punct(b'@') || t.kw == Kw::At {
            return true;
        }
        let w = text[t.start..t.end].to_ascii_lowercase();
        let skip = match t.kind {
            Tk::Num | Tk::Punct(b',' | b'.' | b'_' | b'-') => true,
            Tk::Word => {
                matches!(
                    t.kw,
                    Kw::Digit(_) | Kw::Teen(_) | Kw::Tens(_) | Kw::Dot | Kw::Underscore | Kw::Dash
                ) || matches!(
                    w.as_str(),
                    "all" | "one" | "word" | "lowercase" | "no" | "spaces" | "the" | "number"
                )
            }
            _ => false,
        };
        if !skip {
            return false;
        }
        j += 1;
    }
    false
}

/// Verbs of travel before "to": what follows is a place ("flew to Lagos").
pub(super) fn motion(w: &str) -> bool {
    matches!(
        w,
        "flew"
            | "fly"
            | "moves"
            | "flies"
            | "goes"
            | "drives"
            | "flying"
            | "flights"
            | "flight"
            | "moved"
            | "move"
            | "moving"
            | "drove"
            | "drive"
            | "went"
            | "go"
            | "going"
            | "travelled"
            | "traveled"
            | "travel"
            | "trip"
            | "trips"
            | "relocated"
            | "relocating"
            | "back"
            | "emigrated"
            | "sailed"
            | "ticket"
            | "tickets"
            | "train"
            | "route"
            | "welcome"
            | "way"
            | "road"
            | "returned"
    )
}
