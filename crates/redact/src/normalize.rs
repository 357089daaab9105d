//! Look-alike folding for detection only: full-width and mathematical letters and
//! digits, Unicode dashes, spaces and apostrophes, zero-width characters, `%40`,
//! `&#64;`, `(at)`, `[dot]`. The detectors run on the folded text; every folded
//! byte remembers the span of the original character (or sequence) it came from,
//! so found spans map back onto the original text, always on char boundaries.
//!
//! A leaf module: it knows nothing of tokens or detectors.

/// Text folded for detection, with the way back to the original.
#[derive(Debug)]
pub(crate) struct Folded {
    /// The folded text (what the detectors see).
    pub(crate) text: String,
    /// For each byte of `text`: the original byte range of its source.
    src: Vec<(u32, u32)>,
}

impl Folded {
    /// The original byte range of the folded range `start..end` (non-empty).
    pub(crate) fn original(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.src[start].0 as usize;
        let e = self.src[end - 1].1 as usize;
        (s, e)
    }
}

/// What one source character (or sequence) becomes.
enum Fold {
    Char(char),
    Str(&'static str),
    Drop,
}

/// The folding of one non-ASCII char, or `None` to keep it.
fn fold_char(c: char) -> Option<Fold> {
    let u = c as u32;
    let ch = |v: u32| char::from_u32(v).map(Fold::Char);
    match u {
        // full-width ASCII: ＠ ． ４ Ａ
        0xFF01..=0xFF5E => ch(u - 0xFEE0),
        0x3000 | 0x00A0 | 0x1680 | 0x2000..=0x200A | 0x202F | 0x205F => Some(Fold::Char(' ')),
        0x200B..=0x200D | 0x2060 | 0xFEFF | 0x00AD | 0x180E => Some(Fold::Drop),
        // hyphens, non-breaking hyphen, figure/en/em dashes, horizontal bar, minus
        0x2010..=0x2015 | 0x2212 | 0xFE58 | 0xFE63 | 0x2043 | 0x2E3A | 0x2E3B => {
            Some(Fold::Char('-'))
        }
        0x2018 | 0x2019 | 0x201B | 0x2032 | 0x02BC => Some(Fold::Char('\'')),
        0x201C | 0x201D | 0x201F => Some(Fold::Char('"')),
        0xFE6B => Some(Fold::Char('@')),
        0xFE52 | 0x2024 | 0x3002 | 0xFF61 => Some(Fold::Char('.')),
        0xFE50 | 0x3001 => Some(Fold::Char(',')),
        0xFE55 => Some(Fold::Char(':')),
        // mathematical alphanumerics: 𝐣𝐚𝐧𝐞, 𝟒𝟏𝟓
        0x1D400..=0x1D6A3 => {
            let i = (u - 0x1D400) % 52;
            ch(if i < 26 { 0x41 + i } else { 0x61 + i - 26 })
        }
        0x1D7CE..=0x1D7FF => ch(0x30 + (u - 0x1D7CE) % 10),
        // other decimal digits: circled, Arabic-Indic, Extended Arabic-Indic, Devanagari, Bengali
        0x2460..=0x2468 => ch(0x31 + u - 0x2460),
        0x24EA => Some(Fold::Char('0')),
        0x0660..=0x0669 => ch(0x30 + u - 0x0660),
        0x06F0..=0x06F9 => ch(0x30 + u - 0x06F0),
        0x0966..=0x096F => ch(0x30 + u - 0x0966),
        0x09E6..=0x09EF => ch(0x30 + u - 0x09E6),
        // Latin ligatures
        0xFB00 => Some(Fold::Str("ff")),
        0xFB01 => Some(Fold::Str("fi")),
        0xFB02 => Some(Fold::Str("fl")),
        0xFB03 => Some(Fold::Str("ffi")),
        0xFB04 => Some(Fold::Str("ffl")),
        0xFB05 | 0xFB06 => Some(Fold::Str("st")),
        _ => None,
    }
}

/// An ASCII obfuscation starting at byte `i`: (its length, what it becomes).
fn ascii_seq(b: &[u8], i: usize) -> Option<(usize, &'static str)> {
    let rest = &b[i..];
    let starts = |p: &[u8]| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
    match b[i] {
        b'%' if starts(b"%40") => Some((3, "@")),
        b'&' if starts(b"&#64;") => Some((5, "@")),
        b'&' if starts(b"&commat;") => Some((8, "@")),
        b'&' if starts(b"&period;") => Some((8, ".")),
        b'(' | b'[' | b'{' | b'<' => {
            let close = match b[i] {
                b'(' => b')',
                b'[' => b']',
                b'{' => b'}',
                _ => b'>',
            };
            // "(at)", "[ at ]", "{dot}": the word with its brackets, padded with spaces
            let mut j = i + 1;
            while j < b.len() && b[j] == b' ' && j - i < 3 {
                j += 1;
            }
            let w0 = j;
            while j < b.len() && b[j].is_ascii_alphabetic() && j - w0 < 3 {
                j += 1;
            }
            let word = &b[w0..j];
            while j < b.len() && b[j] == b' ' && j - w0 < 6 {
                j += 1;
            }
            if j >= b.len() || b[j] != close {
                return None;
            }
            let len = j + 1 - i;
            if word.eq_ignore_ascii_case(b"at") {
                Some((len, " at "))
            } else if word.eq_ignore_ascii_case(b"dot") {
                Some((len, " dot "))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Whether `b` may hold anything [`fold`] changes (fast, no allocation).
fn may_fold(b: &[u8]) -> bool {
    // branch-free per 32-byte block so the scan vectorises
    b.chunks(32).any(|c| {
        c.iter().fold(false, |acc, &x| {
            acc | (x >= 0x80)
                | (x == b'%')
                | (x == b'&')
                | (x == b'(')
                | (x == b'[')
                | (x == b'{')
                | (x == b'<')
        })
    })
}

/// Folds `text` for detection; `None` when nothing would change.
pub(crate) fn fold(text: &str) -> Option<Folded> {
    let b = text.as_bytes();
    if !may_fold(b) {
        return None;
    }
    let mut out: Option<Folded> = None;
    // bytes before `copied` are already in `out`
    let mut copied = 0usize;
    let mut i = 0usize;
    while i < b.len() {
        let c = b[i];
        let (len, fold) = if c < 0x80 {
            match ascii_seq(b, i) {
                Some((len, s)) => (len, Fold::Str(s)),
                None => {
                    i += 1;
                    continue;
                }
            }
        } else {
            let ch = text[i..].chars().next().expect("char boundary");
            match fold_char(ch) {
                Some(f) => (ch.len_utf8(), f),
                None => {
                    i += ch.len_utf8();
                    continue;
                }
            }
        };
        let f = out.get_or_insert_with(|| Folded {
            text: String::with_capacity(text.len()),
            src: Vec::with_capacity(text.len()),
        });
        // copy the unchanged stretch, byte for byte (each byte maps to its char)
        push_same(f, text, copied, i);
        let span = (i as u32, (i + len) as u32);
        match fold {
            Fold::Char(c) => {
                f.text.push(c);
                f.src.extend(std::iter::repeat_n(span, c.len_utf8()));
            }
            Fold::Str(s) => {
                f.text.push_str(s);
                f.src.extend(std::iter::repeat_n(span, s.len()));
            }
            Fold::Drop => {}
        }
        i += len;
        copied = i;
    }
    let mut f = out?;
    push_same(&mut f, text, copied, b.len());
    Some(f)
}

/// Appends `text[from..to]` unchanged, each byte mapped to its own char's range.
fn push_same(f: &mut Folded, text: &str, from: usize, to: usize) {
    if from >= to {
        return;
    }
    f.text.push_str(&text[from..to]);
    for (off, ch) in text[from..to].char_indices() {
        let s = (from + off) as u32;
        let e = s + ch.len_utf8() as u32;
        f.src.extend(std::iter::repeat_n((s, e), ch.len_utf8()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(s: &str) -> String {
        fold(s).map_or_else(|| s.to_owned(), |f| f.text)
    }

    #[test]
    fn folds_look_alikes() {
        assert_eq!(folded("jane＠example．com"), "jane@example.com");
        assert_eq!(folded("415\u{2013}555\u{2011}1212"), "415-555-1212");
        assert_eq!(folded("415\u{a0}555\u{202f}1212"), "415 555 1212");
        assert_eq!(folded("jane%40example.com"), "jane@example.com");
        assert_eq!(
            folded("jane (at) example [dot] com"),
            "jane  at  example  dot  com"
        );
        assert_eq!(folded("I\u{2019}m"), "I'm");
        assert_eq!(folded("４１５"), "415");
        assert_eq!(folded("a\u{200b}b"), "ab");
        assert!(fold("plain ascii text (415) 555-1212 [EMAIL]").is_none());
    }

    #[test]
    fn maps_back_to_char_boundaries() {
        let s = "mail jane＠example.com now";
        let f = fold(s).unwrap();
        let at = f.text.find('@').unwrap();
        let (a, b) = f.original(at, at + 1);
        assert_eq!(&s[a..b], "＠");
        let start = f.text.find("jane").unwrap();
        let end = f.text.find(" now").unwrap();
        let (a, b) = f.original(start, end);
        assert_eq!(&s[a..b], "jane＠example.com");
        let s = "x (at) y";
        let f = fold(s).unwrap();
        let k = f.text.find("at").unwrap();
        assert_eq!(f.original(k, k + 2), (2, 6));
    }
}
