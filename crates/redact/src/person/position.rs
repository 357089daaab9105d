//! Names by position, listed or not: speaker tags ("Ines: ..."), signatures (the
//! line after "Best regards,"), salutations ("Dear Castellanos,"), and the answer to
//! an agent's name question ("May I have your name? — Renate Vogelsang").

use super::cueless::run;
use super::gazetteer::{acronym, cap_word, punct};
use super::index::Words;
use crate::detect::Names;
use crate::token::{Tk, Tok};

/// Roles a chat transcript names its speakers by, as in "Agent (Fatoumata):".
const CHAT_ROLES: &[&str] = &[
    "agent",
    "rep",
    "representative",
    "advisor",
    "adviser",
    "specialist",
    "operator",
    "support",
    "host",
    "moderator",
    "customer",
    "caller",
    "visitor",
    "guest",
    "user",
    "client",
    "staff",
    "doctor",
    "nurse",
    "patient",
];

/// Names by position, listed or not: speaker tags, signatures, salutations, and
/// the answer to a name question. Returns the token index after the name.
pub(super) fn position_name(
    text: &str,
    toks: &[Tok],
    ix: &Words<'_>,
    k: usize,
    names: &Names,
) -> Option<usize> {
    if speaker_label(text, toks, k).is_some() {
        return None;
    }
    if !cap_word(text, toks, k) {
        return lowercase_answer(text, toks, ix, k);
    }
    let line_start = k == 0 || toks[k].nl;
    let greeted = k > 0 && greeting(text, &toks[k - 1]);
    // a speaker tag has its colon within three words (a hyphenated one is three
    // tokens: "El-Sayed"); a signature follows a line break
    let tag = line_start && (k + 1..=k + 7).any(|i| punct(toks, i, b':'));
    let signed = k > 0 && toks[k].nl;
    // a chat tag "Agent (Fatoumata): ...": a role, then the name in parentheses
    let paren = k >= 2
        && punct(toks, k - 1, b'(')
        && toks[k - 2].kind == Tk::Word
        && CHAT_ROLES
            .iter()
            .any(|r| text[toks[k - 2].start..toks[k - 2].end].eq_ignore_ascii_case(r));
    if !tag && !signed && !greeted && !paren && question_before(text, toks, ix, k).is_none() {
        // none of the positions below
        return None;
    }
    if acronym(text, &toks[k]) {
        return None;
    }
    let (_, next) = ix.name(k)?;
    if ix.blocked(k) && !ix.name_ok(k) {
        return None;
    }
    // speaker tag "Ines: ..." (one or two words, then a colon)
    if line_start {
        let e = run(text, toks, ix, next, names, true)?;
        let words = (k..e)
            .filter(|&i| toks[i].kind == Tk::Word && (i == k || toks[i].gap))
            .count();
        if punct(toks, e, b':') && words <= 3 && (ix.name_ok(k) || !ix.blocked(k) && e > next) {
            return Some(e);
        }
    }
    if paren {
        let e = run(text, toks, ix, next, names, true)?;
        // a listed name, or a word that is no everyday word ("Agent (Remote):" is
        // not a name)
        let named = ix.name_ok(k) || !ix.english(k) && !ix.blocked(k);
        if named && punct(toks, e, b')') && punct(toks, e + 1, b':') {
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
        let e = run(text, toks, ix, next, names, true)?;
        if line_ends(toks, e) {
            return Some(e);
        }
    }
    // salutation "Dear Castellanos," / "Hello Karimi,"
    if greeted {
        let e = run(text, toks, ix, next, names, true)?;
        if punct(toks, e, b',') || punct(toks, e, b'!') || line_ends(toks, e) {
            return Some(e);
        }
    }
    // the answer to a name question, at the start of the next turn
    if asked_name_before(text, toks, ix, k) {
        let e = run(text, toks, ix, next, names, true)?;
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
fn lowercase_answer(text: &str, toks: &[Tok], ix: &Words<'_>, k: usize) -> Option<usize> {
    let t = &toks[k];
    if t.kind != Tk::Word || !text.as_bytes()[t.start].is_ascii_lowercase() {
        return None;
    }
    if t.start <= ix.first_question {
        // no question before this token, nor before the fillers ahead of it
        return None;
    }
    if filler(&text[t.start..t.end])
        || !asked_name_before(text, toks, ix, k) && !after_fillers(text, toks, ix, k)
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
        let Some((w, nx)) = ix.name(e) else {
            break;
        };
        let (g, sur) = ix.listed(e);
        let ok = (g || sur || !ix.english(e) && w.len() >= 3)
            && !ix.blocked(e)
            && !filler(w)
            && !matches!(
                w,
                "but"
                    | "and"
                    | "it's"
                    | "its"
                    | "is"
                    | "please"
                    | "thanks"
                    // "first name ignatius", "the last name is …"
                    | "first"
                    | "last"
                    | "full"
                    | "given"
                    | "family"
                    | "name"
                    | "surname"
            );
        if !ok {
            break;
        }
        e = nx;
        count += 1;
    }
    (count > 0).then_some(e)
}

/// "Dear", "Hello", "Hi", "Hey" (any case): a salutation before a name.
fn greeting(text: &str, p: &Tok) -> bool {
    p.kind == Tk::Word
        && ["dear", "hello", "hi", "hey"]
            .iter()
            .any(|g| text[p.start..p.end].eq_ignore_ascii_case(g))
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
fn after_fillers(text: &str, toks: &[Tok], ix: &Words<'_>, k: usize) -> bool {
    let mut j = k;
    while j > 0
        && toks[j - 1].kind == Tk::Word
        && filler(&text[toks[j - 1].start..toks[j - 1].end])
        && !toks[j].nl
    {
        j -= 1;
    }
    j < k && asked_name_before(text, toks, ix, j)
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

/// A diarization label of speech-to-text at token `k` — a word, then digits glued
/// to it or after `_` / `-` ("spk_0:", "SPEAKER_01:", "S1:", "speaker-2:") or a
/// role word and a number ("speaker 2:", "caller 1:"), then a colon: the index
/// after the colon. A label is never a name.
pub(crate) fn speaker_label(text: &str, toks: &[Tok], k: usize) -> Option<usize> {
    let t = toks.get(k)?;
    let mut j = k + 1;
    match t.kind {
        Tk::Word => {
            let sep = toks
                .get(j)
                .is_some_and(|p| matches!(p.kind, Tk::Punct(b'_' | b'-')) && !p.gap);
            if sep {
                j += 1;
            }
            let n = toks.get(j)?;
            let role = [
                "speaker", "spk", "caller", "agent", "customer", "user", "channel",
            ]
            .iter()
            .any(|r| text[t.start..t.end].eq_ignore_ascii_case(r));
            if n.kind != Tk::Num || n.end - n.start > 3 || (n.gap && !role) || (sep && n.gap) {
                return None;
            }
            j += 1;
        }
        Tk::Alnum => {
            let w = &text.as_bytes()[t.start..t.end];
            let letters = w.iter().take_while(|b| b.is_ascii_alphabetic()).count();
            let digits = w.len() - letters;
            if letters == 0
                || digits == 0
                || digits > 3
                || !w[letters..].iter().all(u8::is_ascii_digit)
            {
                return None;
            }
        }
        _ => return None,
    }
    let c = toks.get(j)?;
    (c.kind == Tk::Punct(b':') && !c.gap).then_some(j + 1)
}

/// The text before token `k` when it ends with a question mark, after at most a
/// speaker tag or a dash: where [`asked_name_before`] looks for a name question.
fn question_before<'t>(text: &'t str, toks: &[Tok], ix: &Words<'_>, k: usize) -> Option<&'t str> {
    if toks[k].start <= ix.first_question {
        // no `?` before the token: no question either
        return None;
    }
    let mut j = k;
    // "Customer:" / "spk_1:" / "[caller]" / "—" / "-"
    if let Some(s) = (k.saturating_sub(4)..k).find(|&s| speaker_label(text, toks, s) == Some(k)) {
        j = s;
    } else if j >= 2 && toks[j - 1].kind == Tk::Punct(b':') && toks[j - 2].kind == Tk::Word {
        j -= 2;
    } else if j >= 3
        && toks[j - 1].kind == Tk::Punct(b']')
        && toks[j - 2].kind == Tk::Word
        && toks[j - 3].kind == Tk::Punct(b'[')
    {
        j -= 3;
    }
    let before = text[..toks[j].start].trim_end();
    let before = before.trim_end_matches(['—', '-', '–']).trim_end();
    before.ends_with('?').then_some(before)
}

/// A name question just before `k` ("your name?", "your surname?", "name on the
/// card?", "who am I speaking with?"), then at most a speaker tag or a dash.
pub(super) fn asked_name_before(text: &str, toks: &[Tok], ix: &Words<'_>, k: usize) -> bool {
    let Some(before) = question_before(text, toks, ix, k) else {
        return false;
    };
    // The last 60 bytes or so, from a character boundary.
    let mut from = before.len().saturating_sub(60);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let q = &before[from..];
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
