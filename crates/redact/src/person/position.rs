//! Names by position, listed or not: speaker tags ("Ines: ..."), signatures (the
//! line after "Best regards,"), salutations ("Dear Castellanos,"), and the answer to
//! an agent's name question ("May I have your name? — Renate Vogelsang").

use super::cueless::run;
use super::gazetteer::{acronym, blocked, cap_word, name_ok, punct};
use super::word::{listed, name_word};
use crate::detect::Names;
use crate::token::{Tk, Tok};

/// Names by position, listed or not: speaker tags, signatures, salutations, and
/// the answer to a name question. Returns the token index after the name.
pub(super) fn position_name(text: &str, toks: &[Tok], k: usize, names: &Names) -> Option<usize> {
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
        let e = run(text, toks, next, names, true)?;
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
        let e = run(text, toks, next, names, true)?;
        if line_ends(toks, e) {
            return Some(e);
        }
    }
    // salutation "Dear Castellanos," / "Hello Karimi,"
    if k > 0 {
        let p = &toks[k - 1];
        let pw = text[p.start..p.end].to_ascii_lowercase();
        if p.kind == Tk::Word && matches!(pw.as_str(), "dear" | "hello" | "hi" | "hey") {
            let e = run(text, toks, next, names, true)?;
            if punct(toks, e, b',') || punct(toks, e, b'!') || line_ends(toks, e) {
                return Some(e);
            }
        }
    }
    // the answer to a name question, at the start of the next turn
    if asked_name_before(text, toks, k) {
        let e = run(text, toks, next, names, true)?;
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
pub(super) fn asked_name_before(text: &str, toks: &[Tok], k: usize) -> bool {
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
}
