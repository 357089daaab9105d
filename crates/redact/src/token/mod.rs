//! One pass over the text into tokens, with the keyword class of short words.
//!
//! Tokens split only at ASCII bytes, so every token boundary is a char boundary.
//! Whitespace is not a token; a token knows whether whitespace preceded it.

mod keyword;

use keyword::classify;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tk {
    /// Letters (ASCII or any non-ASCII char), apostrophes inside.
    Word,
    /// ASCII digits only.
    Num,
    /// Letters and digits mixed (`5th`, `A12`, `AKIA...`).
    Alnum,
    /// One ASCII punctuation byte.
    Punct(u8),
    /// An existing placeholder such as `[EMAIL]` or `[PHONE:1a2b3c]`.
    Placeholder,
}

/// Keyword class of a word (only words the detectors care about).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kw {
    None,
    /// zero..nine.
    Digit(u8),
    /// "oh" / "o": zero, only inside a spoken number.
    Oh,
    /// ten..nineteen.
    Teen(u8),
    /// twenty..ninety (the value).
    Tens(u8),
    Hundred,
    Thousand,
    Double,
    Triple,
    Plus,
    At,
    Dot,
    /// "point", said for the dots of a spoken IP address.
    Point,
    Underscore,
    Dash,
    Ext,
    /// Month 1..=12.
    Month(u8),
    /// Ordinal word first..thirty-first value (first=1).
    Ordinal(u8),
    /// Words that make secret detection worth running.
    SecretHint,
    /// Words after which a person's name may follow ("is", "for", "Mr"...).
    NameCue,
    /// "born", "birth", "DOB", "birthday".
    BirthCue,
}

/// One token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Tk,
    pub(crate) kw: Kw,
    /// Whitespace precedes the token.
    pub(crate) gap: bool,
    /// A newline precedes the token.
    pub(crate) nl: bool,
    /// First char is an ASCII uppercase letter.
    pub(crate) cap: bool,
}

/// Cheap facts gathered while tokenizing, used to skip whole detectors.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Hints {
    pub(crate) digit: bool,
    pub(crate) number_word: bool,
    pub(crate) at_sign: bool,
    pub(crate) at_word: bool,
    /// "dot" / "period" said as a word.
    pub(crate) dot_word: bool,
    pub(crate) secret: bool,
    pub(crate) ip: bool,
    pub(crate) iban: bool,
    pub(crate) cap_pair: bool,
    pub(crate) placeholder: bool,
    pub(crate) name_cue: bool,
    pub(crate) birth_cue: bool,
}

#[inline]
fn is_word_byte(b: u8) -> bool {
    CLASS[b as usize] >= DIGIT
}

const SPACE: u8 = 1;
const DIGIT: u8 = 2;
const ALPHA: u8 = 3;

/// Byte classes: 0 punctuation, 1 whitespace, 2 digit, 3 letter (or any non-ASCII).
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_whitespace() {
            SPACE
        } else if b.is_ascii_digit() {
            DIGIT
        } else if b.is_ascii_alphabetic() || b >= 0x80 {
            ALPHA
        } else {
            0
        };
        i += 1;
    }
    t
};

/// Tokenizes `text` into `out` (cleared first) and returns the hints.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Tok>) -> Hints {
    out.clear();
    out.reserve(text.len() / 3 + 8);
    let b = text.as_bytes();
    let n = b.len();
    let mut h = Hints::default();
    let mut i = 0;
    let mut gap = false;
    let mut nl = false;
    let mut prev_cap_word = false;
    let mut prev_letter = false;
    let mut cap_then_small = false;
    while i < n {
        let c = b[i];
        if CLASS[c as usize] == SPACE {
            gap = true;
            if c == b'\n' {
                nl = true;
            }
            i += 1;
            continue;
        }
        let start = i;
        if is_word_byte(c) {
            let mut has_digit = false;
            let mut has_alpha = false;
            while i < n {
                let d = b[i];
                let cl = CLASS[d as usize];
                if cl == ALPHA {
                    has_alpha = true;
                } else if cl == DIGIT {
                    has_digit = true;
                } else if d == b'\'' && i + 1 < n && b[i + 1].is_ascii_alphabetic() && has_alpha {
                    // apostrophe inside a word: "I'm", "O'Brien"
                } else {
                    break;
                }
                i += 1;
            }
            let kind = match (has_digit, has_alpha) {
                (true, false) => Tk::Num,
                (true, true) => Tk::Alnum,
                _ => Tk::Word,
            };
            let cap = c.is_ascii_uppercase()
                || (c >= 0x80 && text[start..].chars().next().is_some_and(char::is_uppercase));
            let mut kw = Kw::None;
            match kind {
                Tk::Num => h.digit = true,
                Tk::Word => {
                    kw = classify(&b[start..i]);
                    match kw {
                        Kw::Digit(_) | Kw::Teen(_) | Kw::Tens(_) | Kw::Double | Kw::Triple => {
                            h.number_word = true
                        }
                        Kw::At => h.at_word = true,
                        Kw::Dot | Kw::Point => h.dot_word = true,
                        Kw::SecretHint => h.secret = true,
                        Kw::NameCue => h.name_cue = true,
                        Kw::BirthCue => h.birth_cue = true,
                        _ => {}
                    }
                    if cap && (prev_cap_word || cap_then_small) && gap {
                        h.cap_pair = true;
                    }
                    // "Declan da Silva", "Eilidh van der Berg": particles between
                    cap_then_small = if cap {
                        false
                    } else {
                        (prev_cap_word || cap_then_small) && (1..=3).contains(&(i - start))
                    };
                    if i - start == 1 && prev_letter && gap {
                        // spelled letters: a spoken IBAN's country code
                        h.iban = true;
                    }
                    if i - start == 2 && cap && c.is_ascii_uppercase() && i < n && b[i] == b'.' {
                        // initials / abbreviations: nothing special
                    }
                }
                Tk::Alnum => {
                    h.digit = true;
                    let w = &b[start..i];
                    if w.len() >= 4
                        && w[0].is_ascii_alphabetic()
                        && w[1].is_ascii_alphabetic()
                        && w[2].is_ascii_digit()
                        && w[3].is_ascii_digit()
                    {
                        h.iban = true;
                    }
                    if w.starts_with(b"AKIA")
                        || w.starts_with(b"ASIA")
                        || w.starts_with(b"eyJ")
                        || w.starts_with(b"AIza")
                        || w.starts_with(b"xox")
                    {
                        h.secret = true;
                    }
                }
                _ => {}
            }
            if kind != Tk::Word {
                cap_then_small = false;
            }
            prev_cap_word = kind == Tk::Word && cap;
            prev_letter = kind == Tk::Word && i - start == 1;
            out.push(Tok {
                start,
                end: i,
                kind,
                kw,
                gap,
                nl,
                cap,
            });
        } else {
            i += 1;
            let mut kind = Tk::Punct(c);
            match c {
                b'@' => h.at_sign = true,
                b'.' | b':' => {
                    if start > 0 && i < n && is_word_byte(b[start - 1]) && is_word_byte(b[i]) {
                        h.ip = true;
                    }
                    if c == b':' && i < n && b[i] == b':' {
                        h.ip = true;
                    }
                }
                b'-' | b'_' => {
                    if c == b'-' && b[i..].starts_with(b"----BEGIN") {
                        h.secret = true;
                    }
                    if c == b'_' && i < n && b[i].is_ascii_alphanumeric() {
                        // `sk_live_...`, `github_pat_...`: hinted through the word before
                    }
                }
                b'[' => {
                    if let Some(len) = placeholder_len(&b[start..]) {
                        kind = Tk::Placeholder;
                        i = start + len;
                        h.placeholder = true;
                    }
                }
                _ => {}
            }
            prev_cap_word = false;
            prev_letter = false;
            // "St. Clair" keeps a particle run going
            cap_then_small &= c == b'.';
            out.push(Tok {
                start,
                end: i,
                kind,
                kw: Kw::None,
                gap,
                nl,
                cap: false,
            });
        }
        gap = false;
        nl = false;
    }
    h
}

/// If `b` starts with `[LABEL]` or `[LABEL:hhhhhh]`, its length.
pub(crate) fn placeholder_len(b: &[u8]) -> Option<usize> {
    if b.first() != Some(&b'[') {
        return None;
    }
    let mut i = 1;
    while i < b.len()
        && i <= 33
        && (b[i].is_ascii_uppercase() || b[i].is_ascii_digit() || b[i] == b'_')
    {
        i += 1;
    }
    if i == 1 || i >= b.len() {
        return None;
    }
    if b[i] == b']' {
        return Some(i + 1);
    }
    if b[i] == b':' && b.len() >= i + 8 {
        let hex = &b[i + 1..i + 7];
        if hex
            .iter()
            .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(c))
            && b[i + 7] == b']'
        {
            return Some(i + 8);
        }
    }
    None
}

/// The lowercase letter of a one-letter ASCII word ("K", "m"), as spelled
/// letters are said; `None` for any other token.
#[inline]
pub(crate) fn single_letter(text: &str, t: &Tok) -> Option<u8> {
    (t.kind == Tk::Word && t.end - t.start == 1)
        .then(|| text.as_bytes()[t.start])
        .filter(u8::is_ascii_alphabetic)
        .map(|b| b.to_ascii_lowercase())
}

/// Lowercase ASCII copy of a word into `buf`; `None` if too long or not ASCII letters.
pub(crate) fn lower<'a>(w: &str, buf: &'a mut [u8; 24]) -> Option<&'a str> {
    let b = w.as_bytes();
    if b.len() > buf.len() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        if !(s.is_ascii_alphabetic() || *s == b'\'') {
            return None;
        }
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}
