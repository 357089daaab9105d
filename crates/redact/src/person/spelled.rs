//! Spelled-out names: a word confirmed by its letters ("Siobhan, S I O B H A N"),
//! and letters read out on their own when the text says they spell a name.
//!
//! A run of spelled letters is a sequence of elements separated by spaces, dots,
//! commas, glued hyphens or the words "hyphen" / "dash" ("K. A. C. Z.",
//! "m-o-r-e-a-u", "A L hyphen H A D D A D"). An element is a single ASCII letter,
//! optionally with a word of the same initial ("C as in charlie", "k for kilo",
//! "a like apple"), or a spelling-alphabet word standing for its initial: the
//! ICAO alphabet ("sierra oscar uniform zulu alpha") anywhere, and the older
//! word-for-letter alphabets ("cat edward lincoln", "mary", "ocean") only in a
//! run that has a letter or an ICAO word too. The run is a name when:
//! - the word right before it (past "that's", "spelled", a comma) is the word
//!   it spells ("mehmet, m-e-h-m-e-t"): both are the name;
//! - it spells a word said elsewhere in the text that is not an everyday word
//!   ("Caller: Hosseini ... how do you spell that? H. O. S. S. E. I. N. I."):
//!   the letters and every such word are the name;
//! - it has at least three letters and either follows a spelling cue ("spell",
//!   "spelled"...) within the last forty tokens, uses a spelling alphabet at
//!   least twice, or spells a listed given name or surname.
//!
//! A run that spells the word plus one more letter "a" or "i" ends before it
//! ("minh m i n h i can ..."). A run followed by "at" / "@" is the local part of
//! a spoken e-mail address and is left to that detector.

use std::borrow::Cow;

use super::index::Words;
use super::person;
use super::vocab::not_a_name;
use crate::detect::{Cand, Names};
use crate::token::{single_letter as letter, Kw, Tk, Tok};

/// Tokens looked back for a spelling cue.
const CUE_WINDOW: usize = 40;

/// The ICAO spelling alphabet.
pub(super) fn icao(w: &str) -> bool {
    matches!(
        w,
        "alpha"
            | "alfa"
            | "bravo"
            | "charlie"
            | "delta"
            | "echo"
            | "foxtrot"
            | "golf"
            | "hotel"
            | "india"
            | "juliet"
            | "juliett"
            | "kilo"
            | "lima"
            | "mike"
            | "november"
            | "oscar"
            | "papa"
            | "quebec"
            | "romeo"
            | "sierra"
            | "tango"
            | "uniform"
            | "victor"
            | "whiskey"
            | "whisky"
            | "xray"
            | "yankee"
            | "zulu"
    )
}

/// Words of the older and informal word-for-letter alphabets ("a as in apple",
/// "b for boy"), which are everyday words or names elsewhere.
fn letter_word(w: &str) -> bool {
    matches!(
        w,
        "adam"
            | "apple"
            | "able"
            | "baker"
            | "boy"
            | "bob"
            | "cat"
            | "david"
            | "dog"
            | "edward"
            | "easy"
            | "frank"
            | "fox"
            | "george"
            | "henry"
            | "ice"
            | "ida"
            | "item"
            | "john"
            | "jack"
            | "king"
            | "kilo"
            | "lincoln"
            | "larry"
            | "mary"
            | "nancy"
            | "nora"
            | "ocean"
            | "peter"
            | "paul"
            | "queen"
            | "robert"
            | "roger"
            | "sam"
            | "sugar"
            | "tom"
            | "union"
            | "umbrella"
            | "uncle"
            | "victor"
            | "william"
            | "xylophone"
            | "yellow"
            | "young"
            | "zebra"
    )
}

/// One run of spelled letters.
struct Run {
    /// Index of the last token of each element (a letter, its word or its dot).
    ends: Vec<usize>,
    /// The letters, lowercase, one per element.
    letters: String,
    /// Elements said with a spelling-alphabet word.
    alphabet: usize,
    /// Elements that were letters or ICAO words (not older-alphabet words only).
    anchored: bool,
}

impl Run {
    fn last(&self) -> usize {
        *self.ends.last().unwrap_or(&0)
    }
}

/// The element at token `j`: its letter, its last token, whether it used an
/// alphabet word, and whether it is an older-alphabet word alone.
fn element(text: &str, toks: &[Tok], ix: &Words<'_>, j: usize) -> Option<(u8, usize, bool, bool)> {
    let t = toks.get(j)?;
    if let Some(c) = letter(text, t) {
        // "C as in charlie", "k for kilo", "a like apple": a word of the same initial
        let (w1, w2) = (ix.lower(j + 1), ix.lower(j + 2));
        let initial = |w: &str| w.len() >= 3 && w.as_bytes()[0] == c;
        if w1 == Some("as") && w2 == Some("in") && ix.lower(j + 3).is_some_and(initial) {
            return Some((c, j + 3, true, false));
        }
        if matches!(w1, Some("for" | "like")) && w2.is_some_and(initial) {
            return Some((c, j + 2, true, false));
        }
        return Some((c, j, false, false));
    }
    let w = ix.lower(j)?;
    if icao(w) {
        return Some((w.as_bytes()[0], j, true, false));
    }
    if letter_word(w) {
        return Some((w.as_bytes()[0], j, true, true));
    }
    None
}

/// The run of spelled letters starting at token `k` (a letter or an alphabet
/// word).
fn run_at(text: &str, toks: &[Tok], ix: &Words<'_>, k: usize) -> Run {
    let mut run = Run {
        ends: Vec::new(),
        letters: String::new(),
        alphabet: 0,
        anchored: false,
    };
    let mut dots = 0;
    let mut j = k;
    while let Some((c, end, alpha, loose)) = element(text, toks, ix, j) {
        run.letters.push(c as char);
        run.alphabet += usize::from(alpha);
        run.anchored |= !loose;
        let mut last = end;
        j = end + 1;
        if toks
            .get(j)
            .is_some_and(|x| x.kind == Tk::Punct(b'.') && !x.gap)
        {
            dots += 1;
            last = j;
            j += 1;
        }
        run.ends.push(last);
        // the separator before the next element
        let mut glued = false;
        if let Some(x) = toks.get(j) {
            if matches!(x.kind, Tk::Punct(b',' | b'-')) && !x.gap {
                glued = x.kind == Tk::Punct(b'-');
                j += 1;
            }
        }
        if matches!(ix.lower(j), Some("hyphen" | "dash")) {
            j += 1;
        }
        let Some(n) = toks.get(j) else { break };
        // a letter before ':' is a speaker tag ("... S, H, I A: okay")
        let tag = toks.get(j + 1).is_some_and(|x| x.kind == Tk::Punct(b':'));
        if n.nl || !(n.gap || glued) || tag || element(text, toks, ix, j).is_none() {
            break;
        }
    }
    // a dot after the last letter only belongs to a run dotted throughout
    // ("K. A. C."); otherwise it ends the sentence ("that's T E H R A N I.")
    if let Some(last) = run.ends.last_mut() {
        if toks[*last].kind == Tk::Punct(b'.') && dots < run.letters.len() {
            *last -= 1;
        }
    }
    run
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

/// The word at token `i` as spelled: its fold without hyphens, with a glued
/// hyphenated part ("Al-Haddad" is "alhaddad"); the token after it.
fn spelled_form<'a>(ix: &'a Words<'_>, i: usize) -> Option<(Cow<'a, str>, usize)> {
    let (w, next) = ix.name(i)?;
    let w = if w.contains('-') {
        Cow::Owned(w.replace('-', ""))
    } else {
        Cow::Borrowed(w)
    };
    Some((w, next))
}

/// A run may start at token `k` (cheap, before [`element`]): a letter, an ICAO
/// word, or an older-alphabet word right after "that's", "spelled", "is".
fn may_start(text: &str, toks: &[Tok], ix: &Words<'_>, k: usize) -> bool {
    let t = &toks[k];
    if letter(text, t).is_some() {
        return true;
    }
    if t.kind != Tk::Word || !(3..=9).contains(&(t.end - t.start)) {
        return false;
    }
    // initials the ICAO words of each length begin with: most words are turned
    // down on their length and first byte
    const fn mask(s: &[u8]) -> u32 {
        let mut m = 0;
        let mut i = 0;
        while i < s.len() {
            m |= 1 << (s[i] - b'a');
            i += 1;
        }
        m
    }
    const ICAO_INITIALS: [u32; 10] = [
        0,
        0,
        0,
        0,
        mask(b"aegklmpxz"),
        mask(b"abdhiort"),
        mask(b"jqsvwy"),
        mask(b"cfjuw"),
        mask(b"n"),
        0,
    ];
    let first = text.as_bytes()[t.start] | 0x20;
    let maybe_icao =
        first.is_ascii_lowercase() && ICAO_INITIALS[t.end - t.start] & (1 << (first - b'a')) != 0;
    let after_intro = || {
        let Some(p) = k.checked_sub(1) else {
            return false;
        };
        let pt = &toks[p];
        pt.kind == Tk::Word
            && matches!(text.as_bytes()[pt.start] | 0x20, b't' | b's' | b'i')
            && ix.lower(p).is_some_and(|p| {
                matches!(p, "that's" | "thats" | "spelled" | "spelt" | "is" | "sure")
            })
    };
    if !maybe_icao && !after_intro() {
        return false;
    }
    let Some(w) = ix.lower(k) else {
        return false;
    };
    icao(w)
        || k.checked_sub(1)
            .and_then(|p| ix.lower(p))
            .is_some_and(|p| matches!(p, "that's" | "thats" | "spelled" | "spelt" | "is" | "sure"))
            && letter_word(w)
}

/// A second element follows the one at `k` (the cheap test before a run: "a",
/// "I", "john" alone are words).
fn second_follows(text: &str, toks: &[Tok], ix: &Words<'_>, k: usize) -> bool {
    let Some((_, end, _, _)) = element(text, toks, ix, k) else {
        return false;
    };
    let mut j = end + 1;
    if toks
        .get(j)
        .is_some_and(|x| matches!(x.kind, Tk::Punct(b'.' | b',' | b'-')) && !x.gap)
    {
        j += 1;
    }
    if matches!(ix.lower(j), Some("hyphen" | "dash")) {
        j += 1;
    }
    toks.get(j).is_some_and(|t| !t.nl) && element(text, toks, ix, j).is_some()
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
        if !may_start(text, toks, ix, k)
            || k > 0 && letter(text, &toks[k - 1]).is_some()
            || k > 0 && toks[k - 1].kind == Tk::Punct(b'-') && !toks[k].gap
        {
            k += 1;
            continue;
        }
        if !second_follows(text, toks, ix, k) {
            k += 1;
            continue;
        }
        let run = run_at(text, toks, ix, k);
        let next = run.last() + 1;
        let n = run.letters.len();
        if n < 2
            || !run.anchored
            || ix.lower(next).is_some_and(|w| w == "at")
            || toks.get(next).is_some_and(|t| t.kind == Tk::Punct(b'@'))
        {
            k += 1;
            continue;
        }
        if letter(text, &toks[k]).is_none() && run.alphabet == n && n < 3 {
            // two alphabet words alone ("echo delta") are not enough
            k += 1;
            continue;
        }
        // a run that is not a name is skipped whole: no name starts inside it
        // ("eight g as in golf quebec ..." is a code from its first letter on)
        spelled_name(toks, ix, names, k, &run, out);
        k = next;
    }
}

/// Decides whether `run` (starting at token `k`) spells a name; pushes the spans.
fn spelled_name(
    toks: &[Tok],
    ix: &Words<'_>,
    names: &Names,
    k: usize,
    run: &Run,
    out: &mut Vec<Cand>,
) -> bool {
    let letters = run.letters.as_str();
    let n = letters.len();
    let span_to = |e: usize| person(toks[k].start, toks[run.ends[e - 1]].end);
    // the run, or the run but its last letter when that is "a" / "i" ("minh m i
    // n h i can ...")
    let fits = |w: &str| {
        if w == letters {
            Some(n)
        } else if n == w.len() + 1
            && letters.starts_with(w)
            && matches!(letters.as_bytes()[n - 1], b'a' | b'i')
        {
            Some(n - 1)
        } else {
            None
        }
    };
    // the word right before, spelled: both are the name
    if let Some(w) = word_before(toks, ix, k) {
        let prev = &toks[w];
        if prev.kind == Tk::Word && prev.kw == Kw::None {
            if let Some(e) = spelled_form(ix, w)
                .filter(|(pw, _)| !not_a_name(pw))
                .and_then(|(pw, _)| fits(&pw))
            {
                out.push(person(prev.start, prev.end));
                out.push(span_to(e));
                return true;
            }
        }
    }
    if not_a_name(letters) {
        return false;
    }
    // the same word said elsewhere in the text (two letters only after a spelling
    // cue: "the T V", "my tv" are an abbreviation)
    let last = run.last();
    let mut said: Vec<(usize, usize)> = Vec::new();
    let mut take = 0;
    for i in (0..toks.len()).filter(|&i| i < k || i > last) {
        let glued = toks
            .get(i + 1)
            .is_some_and(|h| h.kind == Tk::Punct(b'-') && !h.gap);
        let len = toks[i].end - toks[i].start;
        if toks[i].kind != Tk::Word || !glued && !(n.saturating_sub(1)..=n).contains(&len) {
            continue;
        }
        if let Some((w, nx)) = spelled_form(ix, i) {
            if let Some(e) = fits(&w) {
                said.push((i, nx));
                take = take.max(e);
            }
        }
    }
    if !said.is_empty() && (take >= 3 || cue_before(ix, k)) {
        for (i, nx) in said {
            out.push(person(toks[i].start, toks[nx - 1].end));
        }
        out.push(span_to(take));
        return true;
    }
    // letters beside digits are a code ("echo echo charlie foxtrot seven echo",
    // "eight g as in golf quebec"): only a word said elsewhere makes them a name
    let digit = |i: Option<usize>| {
        i.and_then(|i| toks.get(i)).is_some_and(|t| {
            t.kind == Tk::Num || matches!(t.kw, Kw::Digit(_) | Kw::Oh | Kw::Teen(_) | Kw::Tens(_))
        })
    };
    if digit(k.checked_sub(1)) || digit(Some(last + 1)) {
        return false;
    }
    if n >= 3
        && (run.alphabet >= 2
            || cue_before(ix, k)
            || names.kinds(letters) & (Names::GIVEN | Names::SURNAME) != 0)
    {
        out.push(span_to(n));
        return true;
    }
    false
}
