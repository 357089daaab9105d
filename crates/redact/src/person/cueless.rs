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

use std::collections::HashSet;
use std::sync::OnceLock;

use super::common::common_word;
use super::guards::{org_word, street_word};
use super::labels::speaker_label;
use super::person;
use super::vocab::{everyday_word, not_a_name, particle};
use super::word::{after_particles, fold, is_cap, listed, name_word, shouting, surname_like};
use crate::address::intl_words::country;
use crate::detect::{Cand, Names};
use crate::token::{Kw, Tk, Tok};

/// A listed name that may stand without a cue.
fn name_ok(w: &str, names: &Names) -> bool {
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

fn firm_set(w: &str) -> bool {
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
fn place_opener(w: &str) -> bool {
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
fn calendar(w: &str) -> bool {
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

fn blocked(w: &str, names: &Names) -> bool {
    w.len() < 2
        || calendar(w)
        || firm(w)
        || names.english.contains(w)
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
        )
}

/// An all-capitals word ("IBAN", "BIC"): an acronym, not a name, outside a
/// speaker tag.
fn acronym(text: &str, t: &Tok) -> bool {
    let w = &text[t.start..t.end];
    w.chars().count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// Capitalised, not shouted, a Latin-script word of 2+ letters.
fn cap_word(text: &str, toks: &[Tok], k: usize) -> bool {
    toks.get(k).is_some_and(|t| {
        t.kind == Tk::Word && t.end - t.start >= 2 && is_cap(text, t) && !shouting(text, toks, k)
    })
}

fn punct(toks: &[Tok], k: usize, c: u8) -> bool {
    toks.get(k).is_some_and(|t| t.kind == Tk::Punct(c))
}

fn folded(text: &str, t: &Tok) -> Option<String> {
    fold(&text[t.start..t.end])
}

/// Sentence start: first token, after a newline, or after `.`, `!`, `?`, `:`, `—`.
fn sentence_start(text: &str, toks: &[Tok], k: usize) -> bool {
    k == 0
        || toks[k].nl
        || matches!(
            toks[k - 1].kind,
            Tk::Punct(b'.' | b'!' | b'?' | b':' | b'"')
        )
        || text[..toks[k].start].trim_end().ends_with('—')
}

/// Extends a name at `k..next` over capitalised name words and particles on the
/// same line (at most three words in all); `None` when a capitalised word that is
/// no name follows (a firm, a street: "Johnson Controls", "Oxford Street").
fn run(
    text: &str,
    toks: &[Tok],
    k: usize,
    next: usize,
    names: &Names,
    open: bool,
) -> Option<usize> {
    let mut end = next;
    let mut count = 1;
    while count < 3 {
        let j = match after_particles(text, toks, end) {
            Some(j) => j,
            None => end,
        };
        let Some(t) = toks.get(j) else { break };
        if t.kind != Tk::Word || t.nl || !(t.gap || j > end) || !is_cap(text, t) {
            break;
        }
        let Some((w, nx)) = name_word(text, toks, j) else {
            break;
        };
        let good = !blocked(&w, names) && (open || name_ok(&w, names) || surname_like(&w, names));
        if !good {
            if street_word(&w) || org_word(&w) || names.english.contains(w.as_str()) || !open {
                return None;
            }
            break;
        }
        end = nx;
        count += 1;
    }
    let _ = k;
    Some(end)
}

/// Finds names without a cue.
pub(super) fn cueless_names(text: &str, toks: &[Tok], names: &Names, out: &mut Vec<Cand>) {
    let mut k = 0;
    while k < toks.len() {
        if let Some(e) = position_name(text, toks, k, names) {
            out.push(person(toks[k].start, toks[e - 1].end));
            k = e;
            continue;
        }
        if let Some(e) = lowercase_name(text, toks, k, names) {
            let end = toks[e - 1].end;
            let span = &text[toks[k].start..end];
            let end = end
                - span
                    .strip_suffix("'s")
                    .or_else(|| span.strip_suffix("\u{2019}s"))
                    .map_or(0, |stem| span.len() - stem.len());
            out.push(person(toks[k].start, end));
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
        let Some((w, next)) = name_word(text, toks, k) else {
            k += 1;
            continue;
        };
        if !name_ok(&w, names) {
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
        // a capitalised non-name word just before, mid-sentence: "Air France",
        // "Lake Geneva", "Goldman" after "at"
        if k > 0 && !sentence_start(text, toks, k) {
            let p = &toks[k - 1];
            if p.kind == Tk::Word && is_cap(text, p) && !toks[k].nl {
                let pw = folded(text, p).unwrap_or_default();
                let title = matches!(
                    pw.as_str(),
                    "mr" | "mrs" | "ms" | "mx" | "dr" | "prof" | "sir" | "dame" | "miss"
                ) || role(&pw);
                if !title && !name_ok(&pw, names) {
                    k = next;
                    continue;
                }
            }
            if p.kind == Tk::Word && place_before(&text[p.start..p.end]) {
                // "in Oxford", "at Morgan", "from Victoria": a place or a firm unless
                // a surname follows
                let two = cap_word(text, toks, next)
                    && name_word(text, toks, next).is_some_and(|(n, _)| name_ok(&n, names));
                if !two {
                    k = next;
                    continue;
                }
            }
        }
        let Some(e) = run(text, toks, k, next, names, false) else {
            // skip the whole capitalised phrase
            let mut j = next;
            while cap_word(text, toks, j) && !toks[j].nl {
                j += 1;
            }
            k = j.max(k + 1);
            continue;
        };
        let phrase = text[toks[k].start..toks[e - 1].end].to_lowercase();
        if firm(&phrase) || place_opener(&w) || email_follows(text, toks, e) {
            k = e;
            continue;
        }
        out.push(person(toks[k].start, toks[e - 1].end));
        k = e;
    }
}

/// The line holding token `k` has no capital letter after its speaker tag: text
/// from speech-to-text, where capitals say nothing.
fn lowercase_line(text: &str, toks: &[Tok], k: usize) -> bool {
    let mut s = k;
    while s > 0 && !toks[s].nl {
        s -= 1;
    }
    let mut e = k + 1;
    while e < toks.len() && !toks[e].nl {
        e += 1;
    }
    let line = &text[toks[s].start..toks[e - 1].end];
    let body = match line.split_once(':') {
        Some((tag, rest)) if tag.len() <= 12 => rest,
        _ => line,
    };
    !body.chars().any(char::is_uppercase)
}

/// A lowercase given name (and listed surnames after it) in lowercase speech:
/// "it is for tomasz wierzbicki", "my partner rashida's order".
fn lowercase_name(text: &str, toks: &[Tok], k: usize, names: &Names) -> Option<usize> {
    let t = &toks[k];
    if t.kind != Tk::Word || t.end - t.start < 3 || !text.as_bytes()[t.start].is_ascii_lowercase() {
        return None;
    }
    if k > 0 && toks[k - 1].kind == Tk::Punct(b'-') && !t.gap {
        return None;
    }
    let (w, mut e) = name_word(text, toks, k)?;
    // "my partner vasco's order": the name without its possessive
    let (w, possessive) = match w.strip_suffix("'s") {
        Some(stem) if e == k + 1 => (stem.to_owned(), true),
        _ => (w, false),
    };
    let (g, _) = listed(names, &w);
    if !g || blocked(&w, names) || !lowercase_line(text, toks, k) {
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
            let (nw, _) = name_word(text, toks, e)?;
            if !(n.kind == Tk::Word && name_ok(&nw, names) && !listed(names, &nw).0) {
                return None;
            }
        }
    }
    if k > 0 && toks[k - 1].kind == Tk::Word {
        let pw = &text[toks[k - 1].start..toks[k - 1].end];
        if matches!(pw, "at" | "underscore" | "dot" | "dash")
            || place_before(pw) && !listed(names, &w).1
        {
            return None;
        }
        // the second word of a run that was turned down ("at morgan stanley")
        if let Some((pn, _)) = name_word(text, toks, k - 1) {
            let (pg, ps) = listed(names, &pn);
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
        let Some((nw, nx)) = name_word(text, toks, e) else {
            break;
        };
        if !name_ok(&nw, names) {
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

/// Words before a place: "in", "from", "through", "near", "at".
fn place_before(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "in" | "from" | "through" | "near" | "at" | "outside" | "around" | "into"
    )
}

/// A spoken e-mail follows the name ("yuki yilmaz seven zero at university dot
/// edu", "alejandro, all one word, 3 at icloud.com"): the name is its local part.
fn email_follows(text: &str, toks: &[Tok], e: usize) -> bool {
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
fn motion(w: &str) -> bool {
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

/// Names by position, listed or not: speaker tags, signatures, salutations, and
/// the answer to a name question. Returns the token index after the name.
fn position_name(text: &str, toks: &[Tok], k: usize, names: &Names) -> Option<usize> {
    if !cap_word(text, toks, k) {
        return lowercase_answer(text, toks, k, names);
    }
    if acronym(text, &toks[k]) {
        return None;
    }
    let (w, next) = name_word(text, toks, k)?;
    if blocked(&w, names) && !name_ok(&w, names) {
        return None;
    }
    let line_start = k == 0 || toks[k].nl;
    // speaker tag "Ines: ..." (one or two words, then a colon)
    if line_start {
        let e = run(text, toks, k, next, names, true)?;
        if punct(toks, e, b':')
            && e - k <= 3
            && (name_ok(&w, names) || !blocked(&w, names) && e > next)
        {
            return Some(e);
        }
    }
    let prev_line = if k > 0 {
        prev_line_words(text, toks, k)
    } else {
        String::new()
    };
    // signature: the line after a closing ("Best regards,")
    if line_start && closing(&prev_line) {
        let e = run(text, toks, k, next, names, true)?;
        if line_ends(toks, e) {
            return Some(e);
        }
    }
    // salutation "Dear Castellanos," / "Hello Karimi,"
    if k > 0 {
        let p = &toks[k - 1];
        let pw = text[p.start..p.end].to_ascii_lowercase();
        if p.kind == Tk::Word && matches!(pw.as_str(), "dear" | "hello" | "hi" | "hey") {
            let e = run(text, toks, k, next, names, true)?;
            if punct(toks, e, b',') || punct(toks, e, b'!') || line_ends(toks, e) {
                return Some(e);
            }
        }
    }
    // the answer to a name question, at the start of the next turn
    if asked_name_before(text, toks, k) {
        let e = run(text, toks, k, next, names, true)?;
        if toks
            .get(e)
            .is_none_or(|t| t.nl || matches!(t.kind, Tk::Punct(b'.' | b',' | b'!' | b'?' | b';')))
        {
            return Some(e);
        }
    }
    None
}

/// A lowercase answer to a name question ("and your surname? — obi", "the name on
/// the card?\nUSER: uh noor rautio"): fillers skipped, then one to three words.
fn lowercase_answer(text: &str, toks: &[Tok], k: usize, names: &Names) -> Option<usize> {
    let t = &toks[k];
    if t.kind != Tk::Word || !text.as_bytes()[t.start].is_ascii_lowercase() {
        return None;
    }
    if filler(&text[t.start..t.end])
        || !asked_name_before(text, toks, k) && !after_fillers(text, toks, k)
    {
        return None;
    }
    let mut e = k;
    let mut count = 0;
    while count < 3 {
        let Some(n) = toks.get(e) else { break };
        if n.kind != Tk::Word || (count > 0 && (n.nl || !n.gap)) {
            break;
        }
        let Some((w, nx)) = name_word(text, toks, e) else {
            break;
        };
        let (g, sur) = listed(names, &w);
        let ok = (g || sur || !names.english.contains(w.as_str()) && w.len() >= 3)
            && !blocked(&w, names)
            && !filler(&w)
            && !matches!(
                w.as_str(),
                "but" | "and" | "it's" | "its" | "is" | "please" | "thanks"
            );
        if !ok {
            break;
        }
        e = nx;
        count += 1;
    }
    (count > 0).then_some(e)
}

fn filler(w: &str) -> bool {
    matches!(
        w,
        "uh" | "um"
            | "er"
            | "erm"
            | "yeah"
            | "yes"
            | "yep"
            | "sure"
            | "so"
            | "okay"
            | "ok"
            | "it's"
            | "its"
            | "it"
            | "is"
            | "that's"
            | "oh"
            | "well"
            | "hmm"
    )
}

/// Token `k` follows fillers that follow a name question ("uh noor rautio").
fn after_fillers(text: &str, toks: &[Tok], k: usize) -> bool {
    let mut j = k;
    while j > 0
        && toks[j - 1].kind == Tk::Word
        && filler(&text[toks[j - 1].start..toks[j - 1].end])
        && !toks[j].nl
    {
        j -= 1;
    }
    j < k && asked_name_before(text, toks, j)
}

fn line_ends(toks: &[Tok], e: usize) -> bool {
    toks.get(e).is_none_or(|t| t.nl)
}

/// The words of the line before token `k` (lowercase, joined by spaces).
fn prev_line_words(text: &str, toks: &[Tok], k: usize) -> String {
    if !toks[k].nl {
        return String::new();
    }
    let mut s = k;
    while s > 0 && !toks[s - 1].nl {
        s -= 1;
    }
    if s == 0 && k == 0 {
        return String::new();
    }
    let s = if toks[s].nl || s == 0 { s } else { s };
    text[toks[s.min(k - 1)].start..toks[k - 1].end].to_lowercase()
}

fn closing(line: &str) -> bool {
    let l = line.trim_end_matches([',', '.', '!', ' ']);
    matches!(
        l,
        "regards"
            | "best regards"
            | "kind regards"
            | "warm regards"
            | "warmest regards"
            | "cheers"
            | "thanks"
            | "thank you"
            | "many thanks"
            | "best"
            | "best wishes"
            | "sincerely"
            | "yours sincerely"
            | "yours faithfully"
            | "yours truly"
            | "yours"
            | "all the best"
            | "with thanks"
            | "respectfully"
            | "cordially"
            | "signed"
            | "love"
            | "warmly"
            | "with best wishes"
    )
}

/// A name question just before `k` ("your name?", "your surname?", "name on the
/// card?", "who am I speaking with?"), then at most a speaker tag or a dash.
fn asked_name_before(text: &str, toks: &[Tok], k: usize) -> bool {
    let mut j = k;
    // "Customer:" / "—" / "-"
    if j >= 2 && toks[j - 1].kind == Tk::Punct(b':') && toks[j - 2].kind == Tk::Word {
        j -= 2;
    }
    let before = text[..toks[j].start].trim_end();
    let before = before.trim_end_matches(['—', '-', '–']).trim_end();
    if !before.ends_with('?') {
        return false;
    }
    let q = &before[before.len().saturating_sub(60)..];
    let q = q.to_lowercase();
    let q = q.rsplit(['.', '!', '\n']).next().unwrap_or("");
    let _ = Kw::None;
    (q.contains("name")
        && !q.contains("user name")
        && !q.contains("username")
        && !q.contains("company")
        && !q.contains("street")
        && !q.contains("business"))
        || q.contains("who am i speaking")
        || q.contains("who is calling")
        || q.contains("who's calling")
        || q.contains("spell that")
        || particle("") && false
}
