//! Street addresses outside the US shape: the number after the street
//! ("Tomšičeva 14", "Mannerheimintie 5", "Calle Florida 2137", "Petőfi Sándor utca 2."),
//! street types before the name in other languages ("132 rue de Verdun"), post-office
//! boxes and US military addresses ("PSC 2550, Box 1072, APO AP 96287"), and a bare
//! street name with a number when a postcode line follows ("Karlova 2094/44, 405 11
//! Košice"). Street types come from libpostal's per-language dictionaries.

use std::borrow::Cow;
use std::sync::OnceLock;

use regex::Regex;

use super::intl_words::{street_types, StreetTypes};
use super::tail;
use crate::detect::{Cand, Found};
use crate::token::{Tk, Tok};
use crate::Entity;

/// Prefix street types that are everyday English words: only capitalised.
fn english_prefix(w: &str) -> bool {
    matches!(
        w,
        "place"
            | "route"
            | "square"
            | "passage"
            | "promenade"
            | "via"
            | "avenue"
            | "boulevard"
            | "cours"
            | "plaza"
            | "largo"
            | "corso"
            | "strada"
            | "camino"
            | "ronda"
            | "paseo"
            | "rambla"
            | "voie"
            | "quai"
            | "traverse"
            | "esplanade"
            | "impasse"
    )
}

/// Name particles inside street names ("Rua Barão de Mesquita", "Piazza del Corso").
fn particle(w: &str) -> bool {
    matches!(
        w,
        "de" | "del"
            | "della"
            | "delle"
            | "dei"
            | "degli"
            | "da"
            | "das"
            | "do"
            | "dos"
            | "di"
            | "la"
            | "le"
            | "les"
            | "du"
            | "des"
            | "d'"
            | "van"
            | "von"
            | "der"
            | "den"
            | "el"
            | "los"
            | "las"
            | "y"
            | "e"
            | "i"
            | "am"
            | "an"
            | "sur"
    )
}

/// The token lowercased; borrowed when it is ASCII without capitals already.
fn lower<'t>(text: &'t str, t: &Tok) -> Cow<'t, str> {
    let s = &text[t.start..t.end];
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

fn is_cap(text: &str, t: &Tok) -> bool {
    t.kind == Tk::Word
        && text[t.start..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

fn glued(types: &StreetTypes, w: &str) -> bool {
    types
        .glued
        .iter()
        .any(|g| w.len() >= g.len() + 3 && w.ends_with(g) && w.is_char_boundary(w.len() - g.len()))
}

/// A house number at `k` ("14", "29a", "136/b", "2094/44", "2."): the token index
/// after it and its end offset.
fn number(text: &str, toks: &[Tok], k: usize) -> Option<(usize, usize)> {
    let t = toks.get(k)?;
    let ok = match t.kind {
        Tk::Num => t.end - t.start <= 5,
        Tk::Alnum => {
            let s = &text[t.start..t.end];
            s.len() <= 6
                && s.bytes().next().is_some_and(|b| b.is_ascii_digit())
                && s.bytes().filter(|b| b.is_ascii_alphabetic()).count() <= 2
        }
        _ => false,
    };
    if !ok {
        return None;
    }
    let mut j = k + 1;
    let mut end = t.end;
    // "136/b", "2094/44", "12-14", "5-12-2"
    while j < k + 5
        && toks
            .get(j)
            .is_some_and(|p| matches!(p.kind, Tk::Punct(b'/' | b'-')) && !p.gap)
        && toks.get(j + 1).is_some_and(|n| {
            !n.gap
                && (n.kind == Tk::Num
                    || n.kind == Tk::Word && n.end - n.start == 1
                    // Dutch floors and ground-floor marks: "22-II", "122-hs"
                    || n.kind == Tk::Word
                        && matches!(&text[n.start..n.end], "II" | "III" | "IV" | "hs" | "huis" | "bis"))
        })
    {
        end = toks[j + 1].end;
        j += 2;
    }
    // "Kirkkokuja 20 F 20": staircase letter and flat number
    if toks
        .get(j)
        .is_some_and(|n| n.kind == Tk::Word && n.cap && n.end - n.start == 1 && n.gap)
        && toks
            .get(j + 1)
            .is_some_and(|n| n.kind == Tk::Num && n.gap && n.end - n.start <= 3)
    {
        end = toks[j + 1].end;
        j += 2;
    }
    // "76 ter", "12 bis"; "119 A" before a comma
    if let Some(n) = toks.get(j) {
        let w = &text[n.start..n.end];
        let letter = n.kind == Tk::Word
            && w.len() == 1
            && n.cap
            && toks.get(j + 1).is_some_and(|p| p.kind == Tk::Punct(b','));
        if n.kind == Tk::Word && matches!(w, "bis" | "ter" | "quater") || letter {
            end = n.end;
            j += 1;
        }
    }
    Some((j, end))
}

/// Adds non-US street cores and extends every street address in `out` from
/// `first` on with the lines that follow it.
pub(super) fn detect(text: &str, toks: &[Tok], first: usize, out: &mut Vec<Cand>) {
    let types = street_types();
    let mut k = 0;
    // Korean road names are tried at a number only when the text has one
    let korean_roads = text.contains("-ro") || text.contains("-gil") || text.contains("daero");
    while k < toks.len() {
        if !matches!(toks[k].kind, Tk::Num | Tk::Alnum) {
            k += 1;
            continue;
        }
        if let Some((s, e, next)) = name_then_number(text, toks, k, types)
            .or_else(|| number_then_prefix(text, toks, k, types))
            .or_else(|| number_name_type(text, toks, k, types))
            .or_else(|| chome(text, toks, k))
        {
            push(out, hyphen_head(text, toks, s), e);
            k = next;
            continue;
        }
        if let Some((e, next)) = korean_roads.then(|| korean(text, toks, k)).flatten() {
            push(out, toks[k].start, e);
            k = next;
            continue;
        }
        k += 1;
    }
    super::numbered::streets(text, out);
    super::numbered::colombia(text, out);
    super::boxes::boxes(text, out);
    let n = out.len();
    for c in out[first..n].iter_mut() {
        if c.found != Found::Entity(Entity::StreetAddress) {
            continue;
        }
        let lowercase = !text[c.start..c.end].chars().any(char::is_uppercase);
        c.end = tail::extend(text, c.end, lowercase);
        c.start = super::boxes::head(text, c.start);
    }
}

pub(super) fn push(out: &mut Vec<Cand>, start: usize, end: usize) {
    out.push(Cand {
        start,
        end,
        found: Found::Entity(Entity::StreetAddress),
        prio: 7,
        norm: None,
    });
}

/// "Tannenallee 49", "Calle Florida 2137", "Petőfi Sándor utca 2.", "Karlova 2094/44"
/// (with a postcode after): the street name words before the number at `k`.
fn name_then_number(
    text: &str,
    toks: &[Tok],
    k: usize,
    types: &StreetTypes,
) -> Option<(usize, usize, usize)> {
    let (next, mut end) = number(text, toks, k)?;
    if k == 0 || toks[k].nl {
        return None;
    }
    // "Avenida Getúlio Vargas, 1488"
    let mut w = k - 1;
    // "Jl. Jenderal Sudirman No. 80", "Hauptstr. Nr. 5", "Bağdat Caddesi No: 214"
    if w >= 2
        && matches!(toks[w].kind, Tk::Punct(b'.' | b':'))
        && !toks[w].gap
        && toks[w - 1].kind == Tk::Word
        && matches!(
            &*lower(text, &toks[w - 1]),
            "no" | "nr" | "num" | "núm" | "nro"
        )
        && !toks[w - 1].nl
    {
        w -= 2;
    }
    if toks[w].kind == Tk::Punct(b',') {
        if w == 0 || toks[w].nl {
            return None;
        }
        w -= 1;
    }
    // an abbreviated type after the name, with its dot: "Hauptstr. 15a", "Pilies g.
    // 98-9", "Savanorių pr. 61-22"
    if w >= 2
        && toks[w].kind == Tk::Punct(b'.')
        && !toks[w].gap
        && toks[w - 1].kind == Tk::Word
        && !toks[w - 1].nl
    {
        let a = lower(text, &toks[w - 1]);
        if a.ends_with("str") && a.len() > 5 && is_cap(text, &toks[w - 1]) {
            return Some((hyphen_head(text, toks, toks[w - 1].start), end, next));
        }
        if matches!(
            &*a,
            "g" | "pr" | "al" | "str" | "pl" | "prosp" | "bd" | "bul" | "ul"
        ) && toks[w - 1].gap
            && is_cap(text, &toks[w - 2])
            && toks[w - 2].kind == Tk::Word
            && !toks[w - 2].nl
        {
            return Some((toks[w - 2].start, end, next));
        }
    }
    let last = &toks[w];
    if last.kind != Tk::Word {
        return None;
    }
    let lw = lower(text, last);
    let cap = is_cap(text, last);
    // Hungarian "2." after "utca"
    if toks
        .get(next)
        .is_some_and(|p| p.kind == Tk::Punct(b'.') && !p.gap)
        && types.after.contains(&*lw)
    {
        end = toks[next].end;
    }
    // words of the name, walking back on the same line
    let mut prefix_at = None;
    let mut m = w;
    let mut n = 0;
    while n < 6 {
        let t = &toks[m];
        if t.kind != Tk::Word {
            break;
        }
        let l = lower(text, t);
        if types.prefix.contains(&*l)
            && m < w
            && (is_cap(text, t) || !english_prefix(&l) || tail::extend(text, end, true) > end)
        {
            prefix_at = Some(m);
            break;
        }
        if !(is_cap(text, t) || particle(&l) || m == w) {
            break;
        }
        if t.nl || m == 0 {
            break;
        }
        // "ul. Tverskaya 42", "Av. Providencia 1059", "Jl. Merdeka 5"
        if m >= 2
            && toks[m - 1].kind == Tk::Punct(b'.')
            && !toks[m - 1].gap
            && t.gap
            && toks[m - 2].kind == Tk::Word
            && !toks[m - 1].nl
            && dotted_prefix(&lower(text, &toks[m - 2]))
        {
            prefix_at = Some(m - 2);
            break;
        }
        let prev = &toks[m - 1];
        if prev.kind != Tk::Word || !t.gap {
            break;
        }
        m -= 1;
        n += 1;
    }
    if let Some(p) = prefix_at {
        return Some((toks[p].start, end, next));
    }
    if glued(types, &lw) && (cap || lw.chars().all(char::is_alphabetic)) {
        let adj = w > 0
            && last.gap
            && !last.nl
            && is_cap(text, &toks[w - 1])
            && lower(text, &toks[w - 1]).ends_with("er");
        let s = if adj { toks[w - 1].start } else { last.start };
        return Some((s, end, next));
    }
    if types.after.contains(&*lw) && w > 0 {
        // the capitalised words before the type ("Petőfi Sándor utca")
        let mut s = w;
        while s > 0 && w - s < 3 && is_cap(text, &toks[s - 1]) && !toks[s].nl && toks[s].gap {
            s -= 1;
        }
        if s < w {
            return Some((toks[s].start, end, next));
        }
    }
    // a bare capitalised name and a number: only with a postcode line after, or
    // right after words that announce an address ("I live at Tomšičeva 14")
    if cap && last.end - last.start >= 4 && !month_or_day(&lw) {
        let after = tail::extend(text, end, false);
        if after > end && postcode_follows(&text[end..after]) || address_cue_before(text, toks, w) {
            return Some((last.start, end, next));
        }
    }
    None
}

/// Abbreviated street types written before the name with a dot: Polish and
/// Russian "ul." / "al." / "pl." / "pr." / "prosp.", Spanish and Portuguese "Av." /
/// "Avda.", Indonesian and Malay "Jl.", Romanian and Bulgarian "Str." / "Bd." /
/// "Bul.", Albanian "Rr.".
fn dotted_prefix(w: &str) -> bool {
    matches!(
        w,
        "ul" | "al"
            | "pl"
            | "pr"
            | "prosp"
            | "av"
            | "avda"
            | "jl"
            | "str"
            | "bd"
            | "bul"
            | "rr"
            | "ulica"
            | "trg"
    )
}

/// The start of the capitalised words joined to the street at `start` by
/// hyphens ("Karl-Marx-Allee 80b": the street starts at "Karl").
fn hyphen_head(text: &str, toks: &[Tok], start: usize) -> usize {
    let Ok(mut k) = toks.binary_search_by_key(&start, |t| t.start) else {
        return start;
    };
    while k >= 2
        && toks[k - 1].kind == Tk::Punct(b'-')
        && !toks[k - 1].gap
        && !toks[k].gap
        && is_cap(text, &toks[k - 2])
        && !toks[k - 1].nl
    {
        k -= 2;
    }
    toks[k].start
}

/// Korean road addresses: a building number, a road name with `-ro`, `-gil` or
/// `-daero`, and an optional side-street ("148 Teheran-ro 4-gil", "156
/// Sejong-daero"). Returns the end offset and the token after the road.
fn korean(text: &str, toks: &[Tok], k: usize) -> Option<(usize, usize)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^[0-9]{1,5}(?:-[0-9]{1,3})?[ ]+\p{Lu}\p{Ll}+(?:-\p{Ll}+)?-(?:daero|ro|gil)(?:[ ]+[0-9]{1,3}(?:beon)?-gil)?\b")
            .expect("built-in pattern compiles")
    });
    if toks[k].kind != Tk::Num || k > 0 && !toks[k].gap && !toks[k].nl {
        return None;
    }
    let m = re.find(&text[toks[k].start..])?;
    let end = toks[k].start + m.end();
    let next = toks[k..]
        .iter()
        .position(|t| t.start >= end)
        .map_or(toks.len(), |i| k + i);
    Some((end, next))
}

/// Whether the words before token `w` announce an address: "live(s|d) at",
/// "living at", "reside(s) at", "residing at", "address is", "address:". Only
/// these: "moved to" or "upgraded to" are followed by "Windows 11" as often.
fn address_cue_before(text: &str, toks: &[Tok], w: usize) -> bool {
    let word = |i: usize| -> Option<Cow<'_, str>> {
        let t = toks.get(i)?;
        (t.kind == Tk::Word).then(|| lower(text, t))
    };
    if w < 2 || toks[w].nl {
        return false;
    }
    let (Some(before), one) = (word(w - 2), &toks[w - 1]) else {
        return false;
    };
    if one.kind == Tk::Punct(b':') {
        return before == "address";
    }
    match word(w - 1).as_deref() {
        Some("at") => matches!(
            &*before,
            "live" | "lives" | "lived" | "living" | "reside" | "resides" | "residing"
        ),
        Some("is") => before == "address",
        _ => false,
    }
}

/// A month or weekday name (lowercase; not "may", which is a word too).
pub(super) fn month_or_day(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "sept"
            | "sep"
            | "oct"
            | "nov"
            | "dec"
            | "jan"
            | "feb"
            | "aug"
            | "chapter"
            | "page"
            | "section"
            | "version"
            | "room"
            | "gate"
            | "platform"
            | "flight"
            | "order"
            | "ticket"
            | "case"
            | "invoice"
    )
}

/// The continuation begins with a postcode (digits, or a lettered code) then a place.
fn postcode_follows(s: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^[ \t]*,?[ \t\n]*(?:[A-Z]{1,3}-)?[0-9]{2,5}(?:[ -]?[0-9]{2,3})?(?:[ ][A-Z]{2})?[ ]+\p{Lu}")
            .expect("built-in pattern compiles")
    })
    .is_match(s)
}

/// "132 rue de Verdun", "98 place Émile Zola": a number, a prefix street type, a
/// capitalised name.
fn number_then_prefix(
    text: &str,
    toks: &[Tok],
    k: usize,
    types: &StreetTypes,
) -> Option<(usize, usize, usize)> {
    let (mut j, _) = number(text, toks, k)?;
    if toks.get(j).is_some_and(|p| p.kind == Tk::Punct(b',')) {
        j += 1;
    }
    let t = toks.get(j)?;
    if t.kind != Tk::Word || t.nl {
        return None;
    }
    let l = lower(text, t);
    if !types.prefix.contains(&*l) || l == "via" {
        return None;
    }
    let mut m = j + 1;
    let mut end = None;
    while m < toks.len() && m < j + 6 {
        let n = &toks[m];
        if n.kind != Tk::Word || n.nl || !n.gap {
            break;
        }
        let nl = lower(text, n);
        if is_cap(text, n) {
            end = Some(m);
        } else if !particle(&nl) {
            break;
        }
        m += 1;
    }
    if let Some(e) = end {
        return Some((toks[k].start, toks[e].end, e + 1));
    }
    // lowercase ("813 calle loíza port jeremy, pr 00604"): a name word, then a tail
    let n = toks.get(j + 1)?;
    if n.kind == Tk::Word && !n.nl && text[n.start..n.end].chars().all(char::is_lowercase) {
        let after = tail::extend(text, n.end, true);
        if after > n.end {
            return Some((toks[k].start, n.end, j + 2));
        }
    }
    None
}

/// "127 Murray Esplanade", "248 Cuba Quay" (English types USPS does not list), and
/// lowercase streets with any suffix when a postcode or state follows ("161 victoria
/// close cambridge b6 6yo").
fn number_name_type(
    text: &str,
    toks: &[Tok],
    k: usize,
    types: &StreetTypes,
) -> Option<(usize, usize, usize)> {
    let (j, end) = number(text, toks, k)?;
    if end != toks[k].end
        || k > 0 && matches!(toks[k - 1].kind, Tk::Punct(b',' | b'.' | b'/')) && !toks[k].gap
    {
        // a date, a version, a thousands group: not a house number
        return None;
    }
    let usps = super::words::suffixes();
    let mut m = j;
    while m < toks.len() && m < j + 5 {
        let n = &toks[m];
        if n.kind != Tk::Word || n.nl || !n.gap {
            return None;
        }
        let cap = is_cap(text, n);
        let l = lower(text, n);
        if super::words::stop(&l) || matches!(&*l, "the" | "and" | "a" | "an" | "oh" | "of") {
            return None;
        }
        if m > j {
            if cap && types.english.contains(&*l) {
                return Some((toks[k].start, n.end, m + 1));
            }
            if !cap && (types.english.contains(&*l) || usps.contains(&*l)) {
                let after = tail::extend(text, n.end, true);
                if after > n.end {
                    return Some((toks[k].start, n.end, m + 1));
                }
            }
        }
        m += 1;
    }
    None
}

/// Japanese block numbers ("5-12-2 Marunouchi"): a number of three parts, a
/// capitalised name, and a tail that holds a postcode.
fn chome(text: &str, toks: &[Tok], k: usize) -> Option<(usize, usize, usize)> {
    let (j, end) = number(text, toks, k)?;
    if text[toks[k].start..end]
        .bytes()
        .filter(|&b| b == b'-')
        .count()
        != 2
    {
        return None;
    }
    let n = toks.get(j)?;
    if !(is_cap(text, n) && n.gap && !n.nl) {
        return None;
    }
    let mut e = j + 1;
    // "Yamashita-cho"
    if toks
        .get(e)
        .is_some_and(|p| p.kind == Tk::Punct(b'-') && !p.gap)
        && toks
            .get(e + 1)
            .is_some_and(|w| w.kind == Tk::Word && !w.gap)
    {
        e += 2;
    }
    let stop = toks[e - 1].end;
    let after = tail::extend(text, stop, false);
    let digits = text[stop..after].bytes().filter(u8::is_ascii_digit).count();
    (digits >= 7).then_some((toks[k].start, stop, e))
}
