//! US street addresses: house number, optional pre-direction, street name, a USPS
//! street suffix (the full Publication 28 list, `data/street_suffixes.txt`),
//! optional post-direction, unit, city, state and ZIP.

mod boxes;
mod intl;
pub(crate) mod intl_words;
mod numbered;
mod tail;
mod words;

use crate::detect::{Cand, Found};
use crate::numbers::spoken_elem;
use crate::token::{lower, single_letter, Kw, Tk, Tok};
use crate::Entity;
use words::{direction, state, stop, strong_suffix, suffixes, two_word_state, unit_word};

fn word<'a>(text: &str, t: &Tok, buf: &'a mut [u8; 24]) -> Option<&'a str> {
    if t.kind != Tk::Word {
        return None;
    }
    lower(&text[t.start..t.end], buf)
}

fn is_ordinal_alnum(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    let digits = l.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suf = &l[digits.len()..];
    !digits.is_empty()
        && digits.len() <= 3
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suf, "st" | "nd" | "rd" | "th")
}

/// House number at `k`: digits (optionally with a letter, `12B`), or up to four spoken
/// number words. Returns the token index after it.
fn house_number(text: &str, toks: &[Tok], k: usize) -> Option<usize> {
    let t = &toks[k];
    match t.kind {
        Tk::Num => {
            let len = t.end - t.start;
            if len > 6 || text.as_bytes()[t.start] == b'0' {
                return None;
            }
            if k > 0
                && !t.gap
                && matches!(
                    toks[k - 1].kind,
                    Tk::Punct(b'$' | b'#' | b':' | b'/' | b'.' | b'-')
                )
            {
                return None;
            }
            // "12-14 Main St": a range of house numbers
            if toks
                .get(k + 1)
                .is_some_and(|p| p.kind == Tk::Punct(b'-') && !p.gap)
                && toks.get(k + 2).is_some_and(|p| p.kind == Tk::Num && !p.gap)
            {
                return Some(k + 3);
            }
            if toks.get(k + 1).is_some_and(|p| {
                !p.gap && matches!(p.kind, Tk::Punct(b':' | b'/' | b'%' | b'.' | b','))
            }) {
                return None;
            }
            Some(k + 1)
        }
        Tk::Alnum => {
            let s = &text[t.start..t.end];
            let digits = s.bytes().take_while(u8::is_ascii_digit).count();
            let rest = s.len() - digits;
            if (1..=6).contains(&digits) && rest == 1 {
                Some(k + 1)
            } else {
                None
            }
        }
        Tk::Word => {
            let mut j = k;
            let mut scratch = Vec::new();
            let mut n = 0;
            while n < 4 {
                match spoken_elem(toks, j, &mut scratch, n == 0) {
                    Some(next) => {
                        j = next;
                        n += 1;
                    }
                    None => break,
                }
            }
            (n > 0 && scratch.len() <= 6).then_some(j)
        }
        _ => None,
    }
}

/// A US state code or name ("nj", "ohio"): a word before it is a city.
pub(crate) fn is_state(w: &str) -> bool {
    state(w)
}

/// Finds street addresses.
pub(crate) fn detect(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    let first = out.len();
    us_streets(text, toks, out);
    intl::detect(text, toks, first, out);
}

/// US-shaped streets: number, name, suffix, unit, city, state, ZIP.
fn us_streets(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    let sfx = suffixes();
    let mut k = 0;
    let mut buf = [0u8; 24];
    while k < toks.len() {
        let t = &toks[k];
        let maybe = match t.kind {
            Tk::Num | Tk::Alnum => true,
            Tk::Word => matches!(t.kw, Kw::Digit(_) | Kw::Teen(_) | Kw::Tens(_)),
            _ => false,
        };
        if !maybe {
            k += 1;
            continue;
        }
        let Some(mut j) = house_number(text, toks, k) else {
            k += 1;
            continue;
        };
        // optional pre-direction
        if let Some(w) = toks.get(j).and_then(|n| word(text, n, &mut buf)) {
            if direction(w)
                && toks
                    .get(j + 1)
                    .is_some_and(|n| n.kind == Tk::Word || n.kind == Tk::Alnum)
            {
                j += 1;
                if toks
                    .get(j)
                    .is_some_and(|p| p.kind == Tk::Punct(b'.') && !p.gap)
                {
                    j += 1;
                }
            }
        }
        // street name words then a suffix
        let mut found: Option<(usize, bool)> = None; // (suffix token index, all capitalised)
        let mut all_cap = true;
        let name_start = j;
        let mut m = j;
        while m < toks.len() && m < name_start + 5 {
            let n = &toks[m];
            if n.nl || !n.gap {
                break;
            }
            let is_name_tok = match n.kind {
                Tk::Word => true,
                Tk::Alnum => is_ordinal_alnum(&text[n.start..n.end]),
                _ => false,
            };
            if !is_name_tok {
                break;
            }
            let lw = if n.kind == Tk::Word {
                word(text, n, &mut buf)
            } else {
                None
            };
            if m > name_start {
                if let Some(w) = lw {
                    if sfx.contains(w) {
                        let cap_ok = all_cap && n.cap;
                        if strong_suffix(w) || cap_ok {
                            found = Some((m, cap_ok));
                            // a suffix can also be part of a name ("Park Avenue"): keep looking
                            // one more word for a strong suffix
                            let nx = toks.get(m + 1);
                            let mut b2 = [0u8; 24];
                            let next_is_suffix = nx
                                .and_then(|x| word(text, x, &mut b2))
                                .is_some_and(|x| sfx.contains(x) && strong_suffix(x));
                            if !next_is_suffix {
                                break;
                            }
                        }
                    }
                }
            }
            if let Some(w) = lw {
                if stop(w) {
                    break;
                }
            }
            if n.kind == Tk::Word && !n.cap {
                all_cap = false;
            }
            m += 1;
        }
        let Some((sfx_tok, _)) = found else {
            k += 1;
            continue;
        };
        let mut end = toks[sfx_tok].end;
        let mut e = sfx_tok + 1;
        // the dot of an abbreviated type ("St.", "Blvd."), not a sentence's end
        // after a whole word ("... 79 Orchard Terrace. No further action")
        if toks
            .get(e)
            .is_some_and(|p| p.kind == Tk::Punct(b'.') && !p.gap)
            && toks[sfx_tok].end - toks[sfx_tok].start <= 4
        {
            end = toks[e].end;
            e += 1;
        }
        // post-direction
        if let Some(w) = toks.get(e).and_then(|n| word(text, n, &mut buf)) {
            if direction(w) && toks[e].end - toks[e].start <= 2 && toks[e].cap {
                end = toks[e].end;
                e += 1;
            }
        }
        // unit
        let (ne, nend) = unit(text, toks, e);
        if ne > e {
            e = ne;
            end = nend;
        }
        // city, state, ZIP
        if let Some((ne, nend)) = city_state_zip(text, toks, e) {
            e = ne;
            end = nend;
        }
        out.push(Cand {
            start: t.start,
            end,
            found: Found::Entity(Entity::StreetAddress),
            prio: 7,
            norm: None,
        });
        k = e.max(k + 1);
    }
}

fn unit(text: &str, toks: &[Tok], mut e: usize) -> (usize, usize) {
    let mut buf = [0u8; 24];
    let start = e;
    if toks.get(e).is_some_and(|p| p.kind == Tk::Punct(b',')) {
        e += 1;
    }
    let Some(t) = toks.get(e) else {
        return (start, 0);
    };
    let is_unit = t.kind == Tk::Punct(b'#') || word(text, t, &mut buf).is_some_and(unit_word);
    if !is_unit {
        return (start, 0);
    }
    e += 1;
    while toks
        .get(e)
        .is_some_and(|p| matches!(p.kind, Tk::Punct(b'.' | b'#')))
    {
        e += 1;
    }
    let Some(v) = toks.get(e) else {
        return (start, 0);
    };
    let ok = match v.kind {
        Tk::Num | Tk::Alnum => v.end - v.start <= 6,
        Tk::Word => {
            (v.end - v.start == 1 && v.cap)
                || matches!(v.kw, Kw::Digit(_) | Kw::Teen(_) | Kw::Tens(_))
        }
        _ => false,
    };
    if !ok {
        return (start, 0);
    }
    // spoken unit numbers may have more than one word
    let mut j = e + 1;
    let mut scratch = Vec::new();
    if v.kind == Tk::Word {
        j = e;
        let mut n = 0;
        while n < 4 {
            match spoken_elem(toks, j, &mut scratch, n == 0) {
                Some(nx) => {
                    j = nx;
                    n += 1;
                }
                None => break,
            }
        }
        if n == 0 {
            j = e + 1;
        }
    }
    // a letter after the number: "apartment nineteen c", "unit 4 B" ("a" and
    // "i" only before punctuation or the end, not "unit two a block away")
    if let Some(c) = toks
        .get(j)
        .filter(|l| l.gap && !l.nl && j > e)
        .and_then(|l| single_letter(text, l))
    {
        let closes = toks
            .get(j + 1)
            .is_none_or(|n| matches!(n.kind, Tk::Punct(_)) || n.nl);
        if !matches!(c, b'a' | b'i') || closes {
            j += 1;
        }
    }
    (j, toks[j - 1].end)
}

fn zip_at(text: &str, toks: &[Tok], e: usize) -> Option<(usize, usize)> {
    let t = toks.get(e)?;
    if t.kind != Tk::Num || t.end - t.start != 5 {
        return None;
    }
    let _ = text;
    if toks
        .get(e + 1)
        .is_some_and(|p| p.kind == Tk::Punct(b'-') && !p.gap)
        && toks
            .get(e + 2)
            .is_some_and(|p| p.kind == Tk::Num && p.end - p.start == 4 && !p.gap)
    {
        return Some((e + 3, toks[e + 2].end));
    }
    Some((e + 1, t.end))
}

fn city_state_zip(text: &str, toks: &[Tok], e0: usize) -> Option<(usize, usize)> {
    let mut buf = [0u8; 24];
    let mut e = e0;
    if toks.get(e).is_some_and(|p| p.kind == Tk::Punct(b',')) {
        e += 1;
    }
    let mut best: Option<(usize, usize)> = zip_at(text, toks, e);
    let mut consider = |r: Option<(usize, usize)>| {
        if let Some(r) = r {
            if best.is_none_or(|b| r.1 > b.1) {
                best = Some(r);
            }
        }
    };
    // state right away (no city)
    consider(state_zip(text, toks, e));
    // city: 1-3 capitalised words
    let mut c = e;
    while c < toks.len() && c < e + 3 {
        let t = &toks[c];
        if t.kind != Tk::Word || !t.cap || t.nl {
            break;
        }
        if word(text, t, &mut buf).is_some_and(stop) {
            break;
        }
        c += 1;
        let mut s = c;
        if toks.get(s).is_some_and(|p| p.kind == Tk::Punct(b',')) {
            s += 1;
        }
        consider(state_zip(text, toks, s));
    }
    best
}

fn state_zip(text: &str, toks: &[Tok], e: usize) -> Option<(usize, usize)> {
    let mut buf = [0u8; 24];
    let mut b2 = [0u8; 24];
    let t = toks.get(e)?;
    let w = word(text, t, &mut buf)?;
    let mut after = None;
    if t.cap {
        let two = toks
            .get(e + 1)
            .and_then(|n| word(text, n, &mut b2))
            .is_some_and(|n| two_word_state(w, n));
        if two {
            after = Some(e + 2);
        } else if state(w)
            && (t.end - t.start > 2 || text[t.start..t.end].bytes().all(|b| b.is_ascii_uppercase()))
        {
            after = Some(e + 1);
        }
    }
    let after = after?;
    let mut z = after;
    if toks.get(z).is_some_and(|p| p.kind == Tk::Punct(b',')) {
        z += 1;
    }
    if let Some(r) = zip_at(text, toks, z) {
        return Some(r);
    }
    // two-letter states need a ZIP unless clearly a state ("IL" after a city)
    Some((after, toks[after - 1].end))
}
