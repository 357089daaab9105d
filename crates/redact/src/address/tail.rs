//! The lines that follow a street: units, localities, states, postcodes of many
//! countries and a country name, on the same line or the next lines of a
//! letterhead ("Tacoma, WA 98409", "\n7343 JU Delft\nthe Netherlands",
//! ", Port Jeremy, PR 00921", "\nKILMARNOCK\nKA1 1AB\nUnited Kingdom").
//!
//! Text-based (anchored regexes at the end of a street), so it only runs where a
//! street was found.

use std::sync::OnceLock;

use regex::Regex;

use super::intl_words::{country, country_phrase};

struct Res {
    sep: Regex,
    piece: Regex,
    unit: Regex,
    lower: Regex,
    lower_post_city: Regex,
    spoken_post: Regex,
}

fn res() -> &'static Res {
    static R: OnceLock<Res> = OnceLock::new();
    R.get_or_init(|| {
        let re = |s: &str| Regex::new(s).expect("built-in pattern compiles");
        // postcodes: UK, Canada, Netherlands, country-prefixed (CH-3163), Brazil,
        // Portugal, Poland, Sweden/Czechia/Slovakia/Greece (3+2), Japan, Argentina,
        // then plain digit codes (US ZIP / ZIP+4, 4-6 digits)
        let post = r"(?:[A-Z][0-9]{2} ?[A-Z0-9]{4}|[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}|[A-Z][0-9][A-Z] ?[0-9][A-Z][0-9]|[0-9]{4} ?[A-Z]{2}|[A-Z]{1,3}-[0-9]{4,5}|[0-9]{5}-[0-9]{3}|[0-9]{4}-[0-9]{3}|[0-9]{2}-[0-9]{3}|[0-9]{3} [0-9]{2}|[0-9]{3}-[0-9]{4}|[A-Z][0-9]{4}(?:[A-Z]{3})?|[0-9]{5}-[0-9]{4}|[0-9]{4,6})";
        let states = "alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|west virginia|wisconsin|wyoming|puerto rico|guam";
        let digit = "(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)";
        let spoken = format!("{digit}(?:[ ]+{digit}){{4}}(?:[ ]+{digit}){{0,4}}");
        // a unit number said in words: "unit thirty eight", "apartment nineteen c",
        // "suite three oh six"
        let num = "(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)";
        let spoken_unit = format!(
            r"(?i:apt|apartment|unit|suite|flat|floor|room)[ ]+(?:(?i:number)[ ]+)?{num}(?:[ ]+{num}){{0,3}}(?:[ ]+[a-z])?\b"
        );
        let lsep = "(?:,?[ ]+|[ ]+-[ ]+)";
        // a word ends with a dot only when it is an abbreviation of up to three
        // letters ("St.", "Mt.") or initials ("D.C."): "Praha. Old" is two sentences
        let word = r"(?:\p{Lu}\.(?:\p{Lu}\.)+|\p{Lu}\p{Ll}{0,2}\.|\p{Lu}[\p{L}'’-]*)";
        let particle = r"(?:de|del|da|das|do|dos|di|la|le|du|des|am|im|an|der|den|sur|upon|on|en|y|i|e|of|the)";
        let loc = format!(r"(?:the[ ]+)?{word}(?:[ ]+(?:{particle}[ ]+)?{word}){{0,3}}(?:[ ][0-9]{{1,2}}\b(?:,|$))?");
        Res {
            sep: re(r"^(?:\.?[ \t]*,[ \t]*\n?[ \t]*|[ \t]+-[ \t]+|[ \t]*\n[ \t]*|[ \t]+)"),
            // one piece: [postcode] [locality] [state] [postcode]
            piece: re(&format!(
                r"^(?:(?P<p1>{post})(?:[ ]+|\b))?(?P<loc>{loc})?(?:[ ]+(?P<p2>{post}))?\b"
            )),
            // a postcode said digit by digit, alone or after a locality ("Provo
            // Utah nine nine two seven six", "Fresno California, six eight ...")
            spoken_post: re(&format!(r"^(?:,?[ ]+)?{spoken}\b")),
            unit: re(&(format!("^(?:{spoken_unit}|") + r"(?i:piso|depto|dpto|apt|apto|apartment|flat|unit|suite|ste|floor|fl|etage|étage|stock|lgh|bus|boîte|bte|door|puerta|andar|int|esc|escalera|bloco|block|bloque|room)\.?[ ]*#?[ ]*[0-9A-Z]{1,5}[º°ª]?|[0-9]{1,2}\.?[ ]*(?:th|tv|mf|sal)\b\.?|[0-9]{1,2}\.?[º°ª](?:[ ]*(?i:andar|piso|dto|esq|izq|dcha|frente|fundos|tras|trás|[0-9]{1,2}[º°ª]|[A-Z]))?\.?|(?i:casa|sala|loja|conj|conjunto|daire|kat)[ ]*[0-9]{1,4}[A-Z]?\b|D:[ ]*[0-9]{1,4}\b|(?i:bajo|entlo|ático|atico|pral|r/c)\b|(?i:kv|kw|lok|of|ofic|oficina|apto|depto)\.?[ ]*[0-9]{1,4}[A-Z]?\b|m\.[ ]*[0-9]{1,4}\b|[A-Z]{1,2}-[0-9]{1,3}(?:/[0-9]{1,2})?\b|#[0-9]{1,3}-[0-9]{1,4}|(?i:bâtiment|batiment|bât|escalier|porte|stiege|stg|tür|top)[ ]+[0-9A-Z]{1,4}|[0-9]{1,2}(?:e|er|ème|eme)[ ]+(?i:étage|etage))")),
            lower: re(&format!(
                r"^(?:(?:\p{{Ll}}+{lsep}){{0,3}}?(?:[0-9]{{5}}(?:-[0-9]{{4}})?|(?i:[a-z]{{1,2}}[0-9][a-z0-9]? ?[0-9][a-z]{{2}}|[a-z][0-9][a-z] ?[0-9][a-z][0-9]))\b|(?:\p{{Ll}}+{lsep}){{0,3}}?(?:{states})(?:{lsep}(?:{post}|{spoken}))?\b|(?:\p{{Ll}}+{lsep}){{0,3}}?\p{{Ll}}{{2}}{lsep}(?:[0-9]{{5}}(?:-[0-9]{{4}})?|{spoken})\b)"
            )),
            lower_post_city: re(&format!(r"^(?i:{post})[ ]+\p{{Ll}}+")),
        }
    })
}

/// What a piece is worth as the continuation of an address.
#[derive(PartialEq, Eq, Clone, Copy)]
enum Kind {
    /// A postcode, a state code with a postcode, a country or a unit: certain.
    Strong,
    /// Capitalised words only: a locality if something strong follows, or if it
    /// closes the line.
    Loc,
}

fn piece_at(text: &str, p: usize, lowercase: bool) -> Option<(usize, Kind)> {
    let r = res();
    let rest = &text[p..];
    if let Some(m) = r.unit.find(rest) {
        return Some((p + m.end(), Kind::Strong));
    }
    if lowercase {
        if let Some(m) = r.lower.find(rest) {
            return Some((p + m.end(), Kind::Strong));
        }
        // postcode then city ("904 72 västerås"), closing the text or before a country
        if let Some(m) = r.lower_post_city.find(rest) {
            let after = &rest[m.end()..];
            let w: String = after
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            if after.is_empty() || after.starts_with(['.', ',', '\n']) || country(&w) {
                return Some((p + m.end(), Kind::Strong));
            }
        }
        // a country closing a lowercase address ("... b6 6yo england")
        let w: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        if !w.is_empty() && country(&w) {
            return Some((p + w.len(), Kind::Strong));
        }
        return None;
    }
    if let Some(m) = r
        .spoken_post
        .find(rest)
        .filter(|_| !rest.starts_with([',', ' ']))
    {
        return Some((p + m.end(), Kind::Strong));
    }
    let c = r.piece.captures(rest)?;
    // the end of the last part taken (a postcode alone does not take the space
    // after it)
    let end = ["p2", "loc", "p1"]
        .iter()
        .find_map(|g| c.name(g))
        .map_or(0, |m| m.end());
    if end == 0 {
        return None;
    }
    let mut end = end;
    let mut said_post = false;
    if c.name("p2").is_none() && c.name("loc").is_some() {
        if let Some(m) = r.spoken_post.find(&rest[end..]) {
            end += m.end();
            said_post = true;
        }
    }
    let has_post = c.name("p1").is_some() || c.name("p2").is_some() || said_post;
    let mut loc = c.name("loc").map(|m| m.as_str()).unwrap_or("");
    // a locality never runs on into a date: "69002 Lyon on Thursday", "Porto in May"
    if let Some(cut) = [" on ", " in "]
        .iter()
        .find_map(|w| loc.find(w).filter(|&i| month_or_day(&loc[i + w.len()..])))
    {
        loc = &loc[..cut];
        if c.name("p2").is_none() && !said_post {
            end = c.name("loc").map_or(end, |m| m.start()) + cut;
        }
    }
    // never a label ("Phone:", "Mobile:") nor a greeting
    if text[p + end..].starts_with(':') {
        return None;
    }
    let low = loc.to_lowercase();
    let first = low.split(' ').next().unwrap_or("");
    if matches!(
        first,
        "dear"
            | "hello"
            | "hi"
            | "regards"
            | "best"
            | "thanks"
            | "thank"
            | "kind"
            | "yours"
            | "sincerely"
            | "cheers"
            | "phone"
            | "mobile"
            | "tel"
            | "fax"
            | "email"
            | "e-mail"
            | "the"
            | "and"
            | "but"
            | "please"
            | "i"
            | "we"
            | "my"
            | "our"
            | "you"
            | "it"
    ) && !country_phrase(&low)
    {
        return None;
    }
    let is_country = country(low.trim_end_matches('.'))
        || country_phrase(&low)
        || low.strip_prefix("the ").is_some_and(country_phrase);
    // a state or province code alone ("RJ", "N.L.", "PR 00921"): upper case, 2-3
    let state = loc.len() <= 4
        && loc.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
        && loc.chars().all(|c| c.is_ascii_uppercase() || c == '.');
    if has_post || is_country || state && c.name("p2").is_some() {
        return Some((p + end, Kind::Strong));
    }
    if state {
        return Some((p + end, Kind::Strong));
    }
    Some((p + end, Kind::Loc))
}

/// The end of the address that starts a street ending at `end`: units, localities,
/// states, postcodes and a country, over at most five more lines.
pub(super) fn extend(text: &str, end: usize, lowercase: bool) -> usize {
    let r = res();
    let mut e = end;
    let mut pending: Option<usize> = None; // end before localities awaiting confirmation
    let mut locs = 0;
    let mut lines = 0;
    // nothing but units taken yet
    let mut open = true;
    let b = text.as_bytes();
    let digits = b[e..]
        .iter()
        .skip(1)
        .take_while(|c| c.is_ascii_digit())
        .count();
    if b.get(e) == Some(&b' ')
        && (1..=3).contains(&digits)
        && matches!(b.get(e + 1 + digits), Some(b',' | b'\n'))
    {
        e += 1 + digits;
    }
    loop {
        let rest = &text[e..];
        // "unit twenty one in Fresno California": "in" before a capitalised
        // locality
        // locality, right after the street or its unit (not "... Zagreb in
        // January")
        let into = !lowercase
            && open
            && rest.starts_with(" in ")
            && rest[4..].chars().next().is_some_and(char::is_uppercase)
            && !month_or_day(&rest[4..]);
        let Some(s) = (if into {
            r.sep.find(&rest[3..]).map(|m| (m.end() + 3, m.as_str()))
        } else {
            r.sep.find(rest).map(|m| (m.end(), m.as_str()))
        }) else {
            break;
        };
        let (s_end, sep) = s;
        if sep.contains('\n') {
            lines += 1;
            if lines > 5 {
                break;
            }
        }
        let p = e + s_end;
        if p >= text.len() {
            break;
        }
        let Some((pe, kind)) = piece_at(text, p, lowercase) else {
            break;
        };
        if pe <= p {
            break;
        }
        let line_end = text[pe..]
            .chars()
            .next()
            .is_none_or(|c| matches!(c, '\n' | ',' | '.' | ';' | '!' | '?' | ')'))
            || text[pe..].starts_with(" - ");
        open = r.unit.find(&text[p..]).is_some();
        match kind {
            Kind::Strong => {
                pending = None;
                locs = 0;
                e = pe;
            }
            Kind::Loc => {
                if locs >= 3 || !line_end {
                    // too many unconfirmed localities in a row, or words running on
                    break;
                }
                if pending.is_none() {
                    pending = Some(e);
                }
                locs += 1;
                e = pe;
            }
        }
    }
    match pending {
        // a locality that closes a line of its own or ends the text is kept
        // ("...Street\nTe Aro\nWellington 4571"), one that prose continues is not
        Some(before) => {
            let after = &text[e..];
            let closes = after.is_empty()
                || after.starts_with('\n')
                || after.starts_with(", ")
                || after.starts_with('.') && !after.starts_with(".,");
            if closes {
                e
            } else {
                before
            }
        }
        None => e,
    }
}

/// `s` starts with the name of a month or a weekday.
fn month_or_day(s: &str) -> bool {
    let w: String = s
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    w == "may" || super::intl::month_or_day(&w)
}
