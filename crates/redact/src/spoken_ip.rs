//! Spoken IPv4 addresses: four octets said in words or digits, joined by "dot" or "point"
//! ("one nine two dot one six eight dot one dot forty five", "ten dot oh dot two
//! hundred thirty six dot twelve"). Each octet must be 0-255; not after a version
//! word ("version two dot one dot three dot four").

use crate::detect::{Cand, Found};
use crate::token::{Kw, Tk, Tok};
use crate::Entity;

/// One octet starting at token `k`: its digits and the token index after it.
fn octet(text: &str, toks: &[Tok], mut k: usize) -> Option<(String, usize)> {
    let mut digits = String::new();
    let start = k;
    while let Some(t) = toks.get(k) {
        if k > start && !t.gap {
            break;
        }
        match (t.kind, t.kw) {
            (Tk::Num, _) if digits.is_empty() => {
                let s = &text[t.start..t.end];
                if s.len() > 3 || !s.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                digits.push_str(s);
                k += 1;
                break;
            }
            (Tk::Word, Kw::Digit(d)) => {
                // "two hundred thirty six", "two hundred five", "two hundred"
                if toks.get(k + 1).is_some_and(|n| n.kw == Kw::Hundred) {
                    digits.push(char::from(b'0' + d));
                    k += 2;
                    match toks.get(k).map(|n| n.kw) {
                        Some(Kw::Tens(v)) => {
                            digits.push(char::from(b'0' + v / 10));
                            k += 1;
                            if let Some(Kw::Digit(u @ 1..=9)) = toks.get(k).map(|n| n.kw) {
                                digits.push(char::from(b'0' + u));
                                k += 1;
                            } else {
                                digits.push('0');
                            }
                        }
                        Some(Kw::Teen(v)) => {
                            digits.push_str(&v.to_string());
                            k += 1;
                        }
                        Some(Kw::Digit(u)) => {
                            digits.push('0');
                            digits.push(char::from(b'0' + u));
                            k += 1;
                        }
                        _ => digits.push_str("00"),
                    }
                    break;
                }
                digits.push(char::from(b'0' + d));
                k += 1;
            }
            (Tk::Word, Kw::Oh) => {
                digits.push('0');
                k += 1;
            }
            (Tk::Word, Kw::Double | Kw::Triple) => {
                let n = if t.kw == Kw::Double { 2 } else { 3 };
                let Some(Kw::Digit(d)) = toks.get(k + 1).map(|x| x.kw) else {
                    return None;
                };
                for _ in 0..n {
                    digits.push(char::from(b'0' + d));
                }
                k += 2;
            }
            (Tk::Word, Kw::Teen(v)) => {
                digits.push_str(&v.to_string());
                k += 1;
            }
            (Tk::Word, Kw::Tens(v)) => {
                digits.push(char::from(b'0' + v / 10));
                k += 1;
                if let Some(Kw::Digit(u @ 1..=9)) = toks.get(k).map(|n| n.kw) {
                    digits.push(char::from(b'0' + u));
                    k += 1;
                } else {
                    digits.push('0');
                }
            }
            _ => break,
        }
        if digits.len() > 3 {
            return None;
        }
    }
    if digits.is_empty() || digits.len() > 3 || digits.parse::<u32>().ok()? > 255 {
        return None;
    }
    Some((digits, k))
}

/// "dot", or "point" (as in "one nine two point one six eight point ...").
fn is_dot(text: &str, t: &Tok) -> bool {
    t.kind == Tk::Word
        && (t.kw == Kw::Point
            || t.kw == Kw::Dot && text[t.start..t.end].eq_ignore_ascii_case("dot"))
}

/// Finds spoken IPv4 addresses.
pub(crate) fn detect(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    let mut k = 0;
    while k < toks.len() {
        // the first octet ends right before a "dot"
        if !is_dot(text, &toks[k]) || k == 0 {
            k += 1;
            continue;
        }
        // walk back to where the first octet may start (at most 4 tokens)
        let mut found = None;
        for s in k.saturating_sub(4)..k {
            if s > 0 && is_dot(text, &toks[s - 1]) {
                continue;
            }
            let Some((_, e)) = octet(text, toks, s) else {
                continue;
            };
            if e != k {
                continue;
            }
            let mut j = e;
            let mut parts = 1;
            let mut end = e;
            while parts < 4 && toks.get(j).is_some_and(|t| is_dot(text, t)) {
                let Some((_, e2)) = octet(text, toks, j + 1) else {
                    break;
                };
                parts += 1;
                end = e2;
                j = e2;
            }
            let longer = toks.get(end).is_some_and(|t| is_dot(text, t));
            if parts == 4 && !longer {
                found = Some((s, end));
            }
            break;
        }
        if let Some((s, e)) = found {
            let start = toks[s].start;
            if !crate::patterns::version_context(text, toks, start) {
                out.push(Cand {
                    start,
                    end: toks[e - 1].end,
                    found: Found::Entity(Entity::IpAddress),
                    prio: 8,
                    norm: None,
                });
            }
            k = e;
        } else {
            k += 1;
        }
    }
}
