//! Dates of birth: only a date that follows "born", "date of birth", "DOB",
//! "birthday", "birth date". Ordinary dates are left alone.

use crate::detect::{Cand, Found};
use crate::token::{lower, Kw, Tk, Tok};
use crate::Entity;

fn is_trigger(w: &str) -> bool {
    matches!(
        w,
        "born" | "birth" | "birthdate" | "dob" | "birthday" | "bday" | "d.o.b"
    )
}

fn filler(w: &str) -> bool {
    matches!(
        w,
        "on" | "in"
            | "is"
            | "was"
            | "the"
            | "it's"
            | "its"
            | "my"
            | "of"
            | "date"
            | "i"
            | "am"
            | "be"
            | "would"
            | "that"
            | "that's"
            | "uh"
            | "um"
            | "so"
            | "like"
            | "back"
            | "as"
            | "listed"
            | "please"
            | "yeah"
            | "yes"
            | "reads"
            | "says"
            | "shows"
    )
}

fn num_val(text: &str, t: &Tok) -> Option<u32> {
    if t.kind != Tk::Num || t.end - t.start > 4 {
        return None;
    }
    text[t.start..t.end].parse().ok()
}

/// A day of month at `k`: `15`, `15th`, "fifteenth", "twenty first", "fifteen".
fn day(text: &str, toks: &[Tok], k: usize) -> Option<usize> {
    let t = toks.get(k)?;
    match t.kind {
        Tk::Num => {
            let v = num_val(text, t)?;
            ((1..=31).contains(&v) && t.end - t.start <= 2).then_some(k + 1)
        }
        Tk::Alnum => {
            let s = text[t.start..t.end].to_ascii_lowercase();
            let d = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suf = &s[d.len()..];
            let v: u32 = d.parse().ok()?;
            ((1..=31).contains(&v) && matches!(suf, "st" | "nd" | "rd" | "th")).then_some(k + 1)
        }
        Tk::Word => match t.kw {
            Kw::Ordinal(_) => Some(k + 1),
            Kw::Tens(20 | 30) => {
                let mut j = k + 1;
                if toks.get(j).is_some_and(|p| p.kind == Tk::Punct(b'-')) {
                    j += 1;
                }
                match toks.get(j).map(|x| x.kw) {
                    Some(Kw::Ordinal(o)) if o < 10 => Some(j + 1),
                    Some(Kw::Digit(d)) if d > 0 => Some(j + 1),
                    _ => Some(k + 1),
                }
            }
            Kw::Digit(d) if d > 0 => Some(k + 1),
            Kw::Teen(_) => Some(k + 1),
            // "oh five", "zero six"
            Kw::Oh | Kw::Digit(0) => match toks.get(k + 1)?.kw {
                Kw::Digit(d) if d > 0 => Some(k + 2),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// A year at `k`: `1985`, `'85`, "nineteen eighty five", "two thousand three".
fn year(text: &str, toks: &[Tok], k: usize) -> Option<usize> {
    let t = toks.get(k)?;
    match t.kind {
        Tk::Num => {
            let v = num_val(text, t)?;
            (t.end - t.start == 4 && (1900..=2099).contains(&v)).then_some(k + 1)
        }
        Tk::Punct(b'\'') => {
            let n = toks.get(k + 1)?;
            (n.kind == Tk::Num && n.end - n.start == 2 && !n.gap).then_some(k + 2)
        }
        Tk::Word => match t.kw {
            Kw::Teen(19 | 20) => {
                let j = k + 1;
                match toks.get(j).map(|x| x.kw) {
                    Some(Kw::Tens(_)) => {
                        let mut m = j + 1;
                        if toks.get(m).is_some_and(|p| p.kind == Tk::Punct(b'-')) {
                            m += 1;
                        }
                        if matches!(toks.get(m).map(|x| x.kw), Some(Kw::Digit(d)) if d > 0) {
                            Some(m + 1)
                        } else {
                            Some(j + 1)
                        }
                    }
                    Some(Kw::Teen(_)) => Some(j + 1),
                    Some(Kw::Oh) => match toks.get(j + 1).map(|x| x.kw) {
                        Some(Kw::Digit(_)) => Some(j + 2),
                        _ => None,
                    },
                    _ => None,
                }
            }
            Kw::Tens(20) => match toks.get(k + 1).map(|x| x.kw) {
                Some(Kw::Teen(_)) => Some(k + 2),
                Some(Kw::Tens(20)) => Some(k + 2),
                // "twenty oh four", "twenty zero five"
                Some(Kw::Oh | Kw::Digit(0)) => match toks.get(k + 2).map(|x| x.kw) {
                    Some(Kw::Digit(d)) if d > 0 => Some(k + 3),
                    _ => None,
                },
                _ => None,
            },
            Kw::Digit(2) => {
                if toks.get(k + 1).map(|x| x.kw) != Some(Kw::Thousand) {
                    return None;
                }
                let mut j = k + 2;
                let mut bb = [0u8; 24];
                if toks
                    .get(j)
                    .and_then(|x| lower(&text[x.start..x.end], &mut bb))
                    .is_some_and(|w| w == "and")
                {
                    j += 1;
                }
                match toks.get(j).map(|x| x.kw) {
                    Some(Kw::Digit(_) | Kw::Teen(_)) => Some(j + 1),
                    Some(Kw::Tens(_)) => {
                        if matches!(toks.get(j + 1).map(|x| x.kw), Some(Kw::Digit(d)) if d > 0) {
                            Some(j + 2)
                        } else {
                            Some(j + 1)
                        }
                    }
                    _ => Some(k + 2),
                }
            }
            _ => None,
        },
        _ => None,
    }
}

/// A month said as a number: "three", "oh three", "twelve".
fn month_number(toks: &[Tok], k: usize) -> Option<usize> {
    let t = toks.get(k)?;
    match t.kw {
        Kw::Oh | Kw::Digit(0) => match toks.get(k + 1)?.kw {
            Kw::Digit(d) if d > 0 => Some(k + 2),
            _ => None,
        },
        Kw::Digit(d) if d > 0 => Some(k + 1),
        Kw::Teen(10..=12) => Some(k + 1),
        _ => None,
    }
}

/// A two-digit year said as words: "eighty two", "ninety", "oh five".
fn short_year(toks: &[Tok], k: usize) -> Option<usize> {
    match toks.get(k)?.kw {
        Kw::Tens(_) => match toks.get(k + 1).map(|t| t.kw) {
            Some(Kw::Digit(d)) if d > 0 => Some(k + 2),
            _ => Some(k + 1),
        },
        Kw::Oh => match toks.get(k + 1)?.kw {
            Kw::Digit(_) => Some(k + 2),
            _ => None,
        },
        _ => None,
    }
}

fn word_at(text: &str, toks: &[Tok], k: usize, w: &str) -> bool {
    toks.get(k)
        .is_some_and(|t| t.kind == Tk::Word && text[t.start..t.end].eq_ignore_ascii_case(w))
}

fn skip_comma(toks: &[Tok], k: usize) -> usize {
    if toks.get(k).is_some_and(|t| t.kind == Tk::Punct(b',')) {
        k + 1
    } else {
        k
    }
}

/// Past a separator said as a word between the parts of a spoken numeric date
/// ("oh eight slash twenty four slash ninety nine"), or past a comma.
fn skip_said_sep(text: &str, toks: &[Tok], k: usize) -> usize {
    if word_at(text, toks, k, "slash") || word_at(text, toks, k, "dash") {
        k + 1
    } else {
        skip_comma(toks, k)
    }
}

/// A year, or a two-digit year said as words when the date before it was said
/// in words too ("january the fifth eighty five", "the fourth of september
/// sixty two").
fn year_after_words(text: &str, toks: &[Tok], k: usize, spoken: bool) -> Option<usize> {
    year(text, toks, k).or_else(|| spoken.then(|| short_year(toks, k)).flatten())
}

/// Token `k` is a word (a day said as a word: "fifth", "eleven").
fn said(toks: &[Tok], k: usize) -> bool {
    toks.get(k).is_some_and(|t| t.kind == Tk::Word)
}

fn month(toks: &[Tok], k: usize) -> Option<usize> {
    let t = toks.get(k)?;
    if let Kw::Month(_) = t.kw {
        let mut j = k + 1;
        if toks
            .get(j)
            .is_some_and(|p| p.kind == Tk::Punct(b'.') && !p.gap)
        {
            j += 1;
        }
        return Some(j);
    }
    None
}

/// Parses a date starting at token `k`; returns the token index after it.
pub(crate) fn date_at(text: &str, toks: &[Tok], k: usize) -> Option<usize> {
    let t = toks.get(k)?;
    // numeric: 03/15/1985, 1985-03-15, 15.03.1985
    if t.kind == Tk::Num {
        let mut j = k;
        let mut parts = 1;
        let mut sep = None;
        while parts < 3 {
            let p = toks.get(j + 1)?;
            let c = match p.kind {
                Tk::Punct(c @ (b'/' | b'-' | b'.')) if !p.gap => c,
                _ => break,
            };
            if sep.is_some_and(|s| s != c) {
                break;
            }
            sep = Some(c);
            let n = toks.get(j + 2)?;
            if n.kind != Tk::Num || n.gap {
                break;
            }
            j += 2;
            parts += 1;
        }
        if parts == 3 {
            return Some(j + 1);
        }
        // 15 March 1985, 26-Jul-1980
        if let Some(d) = day(text, toks, k) {
            let glued = |i: usize| {
                toks.get(i)
                    .is_some_and(|p| matches!(p.kind, Tk::Punct(b'-' | b'/' | b'.')) && !p.gap)
                    && toks.get(i + 1).is_some_and(|n| !n.gap)
            };
            if glued(d) {
                if let Some(after_m) = month(toks, d + 1) {
                    if glued(after_m) {
                        if let Some(e) = year(text, toks, after_m + 1) {
                            return Some(e);
                        }
                    }
                    return None;
                }
            }
            let mut m = d;
            if toks.get(m).is_some_and(|x| {
                x.kind == Tk::Word && text[x.start..x.end].eq_ignore_ascii_case("of")
            }) {
                m += 1;
            }
            if let Some(after_m) = month(toks, m) {
                let y = skip_comma(toks, after_m);
                return Some(year(text, toks, y).unwrap_or(after_m));
            }
        }
        return None;
    }
    // March 15th, 1985 / March 1985
    if let Some(after_m) = month(toks, k) {
        // "may" is a month only when a day or year follows
        let mut j = after_m;
        // "August the second, 1954"
        if word_at(text, toks, j, "the") && day(text, toks, j + 1).is_some() {
            j += 1;
        }
        if let Some(d) = day(text, toks, j) {
            let spoken = said(toks, j);
            j = d;
            let y = skip_comma(toks, j);
            if let Some(ye) = year_after_words(text, toks, y, spoken) {
                return Some(ye);
            }
            return Some(j);
        }
        return year(text, toks, skip_comma(toks, j));
    }
    // spoken numeric: "twelve fifteen eighty two", "oh three fifteen nineteen ninety"
    if let Some(after_m) = month_number(toks, k) {
        if let Some(after_d) = day(text, toks, skip_said_sep(text, toks, after_m)) {
            let y = skip_said_sep(text, toks, after_d);
            if let Some(e) = year(text, toks, y).or_else(|| short_year(toks, y)) {
                return Some(e);
            }
        }
    }
    // the fifteenth of March nineteen eighty five
    let mut j = k;
    if t.kind == Tk::Word && text[t.start..t.end].eq_ignore_ascii_case("the") {
        j += 1;
    }
    let spoken = said(toks, j);
    let d = day(text, toks, j)?;
    let mut m = d;
    if toks
        .get(m)
        .is_some_and(|x| x.kind == Tk::Word && text[x.start..x.end].eq_ignore_ascii_case("of"))
    {
        m += 1;
    }
    let after_m = month(toks, m)?;
    let y = skip_comma(toks, after_m);
    Some(year_after_words(text, toks, y, spoken).unwrap_or(after_m))
}

/// Finds dates of birth.
/// The cue said after the date: "september eighth nineteen sixty six, that's my
/// birthday", "... is my date of birth", "... that's when i was born". Returns the
/// longest date that ends where the words before the cue begin.
fn date_before(text: &str, toks: &[Tok], k: usize) -> Option<(usize, usize)> {
    let mut b = k;
    let mut n = 0;
    while b > 0 && n < 7 {
        let p = &toks[b - 1];
        let fill = match p.kind {
            Tk::Punct(b',' | b'\'' | b'-') => true,
            Tk::Word => {
                let mut bb = [0u8; 24];
                lower(&text[p.start..p.end], &mut bb).is_some_and(|w| {
                    matches!(
                        w,
                        "that's"
                            | "thats"
                            | "that"
                            | "s"
                            | "is"
                            | "was"
                            | "my"
                            | "when"
                            | "i"
                            | "date"
                            | "of"
                            | "the"
                            | "day"
                            | "where"
                    )
                })
            }
            _ => false,
        };
        if !fill || p.nl && b - 1 != k {
            break;
        }
        b -= 1;
        n += 1;
    }
    if b == k {
        return None;
    }
    let from = b.saturating_sub(12);
    let line = (from..b).rev().find(|&i| toks[i].nl).unwrap_or(from);
    (line..b).find_map(|s| (date_at(text, toks, s) == Some(b)).then_some((s, b)))
}

/// Finds dates of birth.
pub(crate) fn detect(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    let mut k = 0;
    while k < toks.len() {
        let t = &toks[k];
        let is_trig = t.kw == Kw::BirthCue;
        if !is_trig {
            k += 1;
            continue;
        }
        let mut j = k + 1;
        let mut skipped = 0;
        let mut plain = 0;
        let mut hit = None;
        // the answer may come in the next turn: "what's your date of birth?\n
        // caller: um sure, it's ..."
        while j < toks.len() && skipped < 10 {
            if let Some(e) = date_at(text, toks, j) {
                hit = Some((j, e));
                break;
            }
            // the next turn's diarization label ("Speaker 2:", "spk_1:")
            if let Some(after) = crate::person::speaker_label(text, toks, j) {
                j = after;
                skipped += 1;
                continue;
            }
            let n = &toks[j];
            let fill = match n.kind {
                Tk::Punct(
                    b':' | b',' | b'-' | b'\'' | b'"' | b'(' | b')' | b'|' | b'=' | b'[' | b']'
                    | b'?' | b'/' | b'<' | b'>',
                ) => true,
                // "Date of birth please. May 23rd 1965": a sentence end right after
                // the cue, not after other words ("born in Ohio. We moved 3/4/19")
                Tk::Punct(b'.' | b'!') => plain == 0,
                Tk::Word => {
                    let mut bb = [0u8; 24];
                    // "the DOB on the account is ...": a few plain words may come between
                    lower(&text[n.start..n.end], &mut bb).is_some_and(|w| {
                        if filler(w) || is_trigger(w) || n.kw == Kw::NameCue {
                            return true;
                        }
                        plain += 1;
                        n.kw == Kw::None && plain <= 4
                    })
                }
                _ => false,
            };
            if !fill {
                break;
            }
            j += 1;
            skipped += 1;
        }
        if hit.is_none() {
            hit = date_before(text, toks, k);
        }
        if let Some((s, e)) = hit {
            out.push(dob(toks, s, e));
            let mut e = e;
            // the date said again, corrected: "... no wait june eleventh nineteen
            // sixty", "... sorry I mean zero two zero one forty three"
            while let Some((s2, e2)) = correction(text, toks, e) {
                out.push(dob(toks, s2, e2));
                e = e2;
            }
            k = e.max(k + 1);
        } else {
            k += 1;
        }
    }
}

fn dob(toks: &[Tok], s: usize, e: usize) -> Cand {
    Cand {
        start: toks[s].start,
        end: toks[e - 1].end,
        found: Found::Entity(Entity::DateOfBirth),
        prio: 7,
        norm: None,
    }
}

/// A date right after a correction that follows the date ending at `e`: "no
/// wait", "sorry", "I mean", "actually", "or rather" (a comma or "uh" between).
fn correction(text: &str, toks: &[Tok], e: usize) -> Option<(usize, usize)> {
    let mut j = e;
    let mut words = 0;
    let mut cue = false;
    while words < 4 {
        let t = toks.get(j)?;
        if matches!(t.kind, Tk::Punct(b',' | b'.' | b'-')) {
            j += 1;
            continue;
        }
        let mut bb = [0u8; 24];
        let w = lower(&text[t.start..t.end], &mut bb)?;
        if !matches!(
            w,
            "no" | "wait" | "sorry" | "i" | "mean" | "actually" | "or" | "rather" | "uh" | "um"
        ) {
            break;
        }
        cue |= matches!(w, "wait" | "sorry" | "mean" | "actually" | "rather");
        words += 1;
        j += 1;
    }
    if !cue {
        return None;
    }
    date_at(text, toks, j).map(|e2| (j, e2))
}
