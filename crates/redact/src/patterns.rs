//! Regex-shaped detectors: written e-mail, secrets, IP addresses, IBANs. Each runs
//! only when the tokenizer saw a hint for it.

use std::net::{Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use regex::Regex;

use crate::checks::{iban_len, iban_ok};
use crate::detect::{Cand, Found};
use crate::token::{Tk, Tok};
use crate::Entity;

/// Compiled regexes shared by every call.
#[derive(Debug)]
pub(crate) struct Patterns {
    email: Regex,
    keys: Regex,
    bearer: Regex,
    password: Regex,
    password_bare: Regex,
    key_phrase: Regex,
    generic: Regex,
}

impl Patterns {
    pub(crate) fn new() -> Self {
        let re = |s: &str| Regex::new(s).expect("built-in pattern compiles");
        Patterns {
            email: re(
                r"(?i)\b[a-z0-9][a-z0-9._%+\-']*@[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)*\.[a-z]{2,24}\b",
            ),
            keys: re(concat!(
                r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----(?:[\s\S]*?-----END [A-Z0-9 ]*PRIVATE KEY-----|\s*[A-Za-z0-9+/=]{16,}[A-Za-z0-9+/=\s]*)",
                r"|\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16}\b",
                r"|\bsk-(?:proj-|ant-|live-|test-|svcacct-|admin-)?[A-Za-z0-9_\-]{20,}",
                r"|\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}",
                r"|\bgh[pousr]_[A-Za-z0-9]{30,}",
                r"|\bgithub_pat_[A-Za-z0-9_]{30,}",
                r"|\bxox[abposre]-[A-Za-z0-9\-]{10,}",
                r"|\bAIza[0-9A-Za-z_\-]{35}",
                r"|\bglpat-[0-9A-Za-z_\-]{20,}",
                r"|\bSG\.[A-Za-z0-9_\-]{16,}\.[A-Za-z0-9_\-]{16,}",
                r"|\beyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}",
            )),
            bearer: re(r"(?i)\bbearer\s+([A-Za-z0-9\-._~+/]{16,}=*)"),
            password: re(
                r#"(?i)\b(?:password|passwd|passcode|passphrase|pwd|pin(?:\s+(?:number|code))?)(?:\s+for\s+(?:the\s+|my\s+)?[a-z0-9]+)?(?:\s+(?:is|was|will\s+be|would\s+be|should\s+be|is\s+set\s+to)\s*:?|\s*[:=])\s*["'“]?([^\s"'”]+)"#,
            ),
            password_bare: re(r#"(?i)\b(?:password|passwd|pwd)\s+["'“]?([^\s"'”]{6,})"#),
            // "the API key in the config is Blue!3567": a short made-up value
            key_phrase: re(
                r#"(?i)\b(?:api[\s_\-]?key|access[\s_\-]?key|secret[\s_\-]?key|auth[\s_\-]?token|access[\s_\-]?token|token|client[\s_\-]?secret|passphrase|passcode)(?:\s+(?:in|for|on|from)\s+(?:the\s+|my\s+|our\s+|this\s+)?[a-z0-9_\-]+)?\s+(?:is|was)\s*:?\s*["']?([^\s"']{6,})"#,
            ),
            generic: re(
                r#"(?i)\b(?:(?:aws[\s_\-]?)?secret[\s_\-]?access[\s_\-]?key|api[\s_\-]?key|access[\s_\-]?key|secret(?:[\s_\-]?key)?|auth[\s_\-]?token|access[\s_\-]?token|refresh[\s_\-]?token|token|client[\s_\-]?secret)\b\s*(?:is\s*:?|:|=)?\s*["']?([A-Za-z0-9_\-./+=]{16,})"#,
            ),
        }
    }

    /// Written e-mail addresses.
    pub(crate) fn email(&self, text: &str, out: &mut Vec<Cand>) {
        for m in self.email.find_iter(text) {
            let mut end = m.end();
            // trailing dot of a sentence is not part of the address
            while end > m.start() && text.as_bytes()[end - 1] == b'.' {
                end -= 1;
            }
            // only a maximal match: "a@b.co-20.x" is not the address "a@b.co"
            let rest = &text.as_bytes()[m.end()..];
            let glued = match rest {
                [b'-' | b'_' | b'@' | b'+', ..] => true,
                [b'.', c, ..] => c.is_ascii_alphanumeric(),
                _ => false,
            };
            if glued {
                continue;
            }
            out.push(Cand {
                start: m.start(),
                end,
                found: Found::Entity(Entity::Email),
                prio: 9,
                norm: Some(text[m.start()..end].to_ascii_lowercase()),
            });
        }
    }

    /// API keys, tokens, private keys, passwords in phrases.
    pub(crate) fn secrets(&self, text: &str, out: &mut Vec<Cand>) {
        let mut push = |s: usize, e: usize| {
            out.push(Cand {
                start: s,
                end: e,
                found: Found::Entity(Entity::Secret),
                prio: 9,
                norm: None,
            })
        };
        for m in self.keys.find_iter(text) {
            let mut e = m.end();
            while e > m.start() && text.as_bytes()[e - 1].is_ascii_whitespace() {
                e -= 1;
            }
            push(m.start(), e);
        }
        for c in self.bearer.captures_iter(text) {
            if let Some(g) = c.get(1) {
                push(g.start(), g.end());
            }
        }
        for c in self.password.captures_iter(text) {
            if let Some(g) = c.get(1) {
                let v = g.as_str();
                let trimmed = v.trim_end_matches(['.', ',', ';', '!', '?', ')', ']']);
                if trimmed.len() < 3 || is_password_stopword(trimmed) {
                    continue;
                }
                if trimmed.starts_with('[') {
                    continue;
                }
                push(g.start(), g.start() + trimmed.len());
            }
        }
        for c in self
            .password_bare
            .captures_iter(text)
            .chain(self.key_phrase.captures_iter(text))
        {
            // "password Tr0ub4dor&3" with no verb: only a value that looks made up
            // (letters with digits or symbols), never a plain word
            if let Some(g) = c.get(1) {
                let v = g.as_str().trim_end_matches(['.', ',', ';', '?', ')', ']']);
                let letters = v.bytes().any(|b| b.is_ascii_alphabetic());
                let other = v
                    .bytes()
                    .any(|b| b.is_ascii_digit() || (b.is_ascii_punctuation() && b != b'\''));
                if v.len() >= 6
                    && letters
                    && other
                    && !v.starts_with('[')
                    && !is_password_stopword(v)
                {
                    push(g.start(), g.start() + v.len());
                }
            }
        }
        for c in self.generic.captures_iter(text) {
            if let Some(g) = c.get(1) {
                let v = g.as_str().trim_end_matches(['.', ',']);
                let letters = v.bytes().any(|b| b.is_ascii_alphabetic());
                let digits = v.bytes().any(|b| b.is_ascii_digit());
                let upper = v.bytes().any(|b| b.is_ascii_uppercase());
                let lower = v.bytes().any(|b| b.is_ascii_lowercase());
                // random-looking: letters and digits, or mixed case (base64 keys)
                if letters && (digits || (upper && lower && v.len() >= 24)) && v.len() >= 16 {
                    push(g.start(), g.start() + v.len());
                }
            }
        }
    }

    /// IPv4 and IPv6 addresses.
    pub(crate) fn ip(&self, text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            let c = b[i];
            if !(c.is_ascii_hexdigit() || c == b':') || (i > 0 && is_ident(b[i - 1])) {
                i += 1;
                continue;
            }
            let s = i;
            let mut colons = 0;
            while i < b.len() && (b[i].is_ascii_hexdigit() || b[i] == b':' || b[i] == b'.') {
                colons += usize::from(b[i] == b':');
                i += 1;
            }
            if i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                // part of a longer word
                while i < b.len() && is_ident(b[i]) {
                    i += 1;
                }
                continue;
            }
            let mut e = i;
            while e > s && matches!(b[e - 1], b'.' | b':') && !text[s..e].ends_with("::") {
                e -= 1;
            }
            let cand = &text[s..e];
            let dots = cand.bytes().filter(|&x| x == b'.').count();
            let ok = if colons >= 2 {
                Ipv6Addr::from_str(cand).is_ok()
                    && cand.split(':').filter(|g| !g.is_empty()).count() >= 2
                    && cand.bytes().any(|x| x.is_ascii_digit())
            } else if colons == 0 && dots == 3 {
                Ipv4Addr::from_str(cand).is_ok() && !version_context(text, toks, s)
            } else {
                false
            };
            if ok {
                // An IPv6 zone (`fe80::1%eth0`, RFC 4007) belongs to the address.
                let mut end = e;
                if colons >= 2 && e == i && b.get(e) == Some(&b'%') {
                    let z = b[e + 1..]
                        .iter()
                        .take_while(|&&x| x.is_ascii_alphanumeric() || matches!(x, b'_' | b'-'))
                        .count();
                    if z > 0 {
                        end = e + 1 + z;
                        i = end;
                    }
                }
                out.push(Cand {
                    start: s,
                    end,
                    found: Found::Entity(Entity::IpAddress),
                    prio: 8,
                    norm: Some(cand.to_ascii_lowercase()),
                });
            }
        }
    }

    /// IBANs: country code, check digits, then the country's length of alphanumerics,
    /// optionally in groups separated by single spaces; mod-97 checked.
    pub(crate) fn iban(&self, text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
        for (k, t) in toks.iter().enumerate() {
            let w = &text.as_bytes()[t.start..t.end];
            if t.kind == Tk::Word && w.len() == 1 {
                spoken_iban(text, toks, k, out);
                continue;
            }
            // lowercase too ("de89 3704 ..." from speech-to-text): mod-97 decides
            if t.kind != Tk::Alnum
                || w.len() < 4
                || !w[0].is_ascii_alphabetic()
                || !w[1].is_ascii_alphabetic()
                || w[0].is_ascii_uppercase() != w[1].is_ascii_uppercase()
                || !w[2].is_ascii_digit()
                || !w[3].is_ascii_digit()
            {
                continue;
            }
            if k > 0 && !t.gap && matches!(toks[k - 1].kind, Tk::Punct(b'-' | b'_' | b'/')) {
                continue;
            }
            let Some(want) = iban_len(&[w[0].to_ascii_uppercase(), w[1].to_ascii_uppercase()])
            else {
                continue;
            };
            let mut acc: Vec<u8> = Vec::with_capacity(34);
            let mut end = t.end;
            let mut j = k;
            while j < toks.len() {
                let tj = &toks[j];
                if j > k && (!tj.gap || tj.nl || !matches!(tj.kind, Tk::Alnum | Tk::Num | Tk::Word))
                {
                    break;
                }
                let s = &text.as_bytes()[tj.start..tj.end];
                if acc.len() + s.len() > want {
                    break;
                }
                acc.extend(s.iter().map(u8::to_ascii_uppercase));
                end = tj.end;
                j += 1;
                if acc.len() == want {
                    break;
                }
            }
            if acc.len() == want && iban_ok(&acc) {
                let next_glued = toks
                    .get(j)
                    .is_some_and(|n| !n.gap && matches!(n.kind, Tk::Alnum | Tk::Num | Tk::Word));
                if !next_glued {
                    out.push(Cand {
                        start: t.start,
                        end,
                        found: Found::Entity(Entity::Iban),
                        prio: 9,
                        norm: Some(String::from_utf8_lossy(&acc).into_owned()),
                    });
                }
            }
        }
    }
}

/// An IBAN read aloud: the country code spelled ("D E"), then digits as words or
/// numerals and spelled letters, with pauses; held to the country's length and
/// mod-97 like the written form.
fn spoken_iban(text: &str, toks: &[Tok], k: usize, out: &mut Vec<Cand>) {
    let b = text.as_bytes();
    let letter = |j: usize| -> Option<u8> {
        let t = toks.get(j)?;
        (t.kind == Tk::Word && t.end - t.start == 1 && b[t.start].is_ascii_alphabetic())
            .then(|| b[t.start].to_ascii_uppercase())
    };
    let (Some(c0), Some(c1)) = (letter(k), letter(k + 1)) else {
        return;
    };
    if k > 0 && letter(k - 1).is_some() {
        return;
    }
    let Some(want) = iban_len(&[c0, c1]) else {
        return;
    };
    let mut acc: Vec<u8> = vec![c0, c1];
    let mut j = k + 2;
    let mut end = toks[k + 1].end;
    let mut scratch = Vec::new();
    while j < toks.len() && acc.len() < want {
        let t = &toks[j];
        match t.kind {
            Tk::Punct(b',' | b'-' | b'.') => j += 1,
            Tk::Num => {
                acc.extend_from_slice(&b[t.start..t.end]);
                end = t.end;
                j += 1;
            }
            Tk::Word => {
                if let Some(c) = letter(j) {
                    if !(acc.len() < 4 && c != b'O') {
                        acc.push(if acc.len() < 4 { b'0' } else { c });
                        end = t.end;
                        j += 1;
                        continue;
                    }
                }
                scratch.clear();
                match crate::numbers::spoken_elem(toks, j, &mut scratch, false) {
                    Some(next) => {
                        acc.extend_from_slice(&scratch);
                        end = toks[next - 1].end;
                        j = next;
                    }
                    None => return,
                }
            }
            _ => return,
        }
    }
    if acc.len() == want && iban_ok(&acc) {
        out.push(Cand {
            start: toks[k].start,
            end,
            found: Found::Entity(Entity::Iban),
            prio: 9,
            norm: Some(String::from_utf8_lossy(&acc).into_owned()),
        });
    }
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// "version 1.2.3.4", "v1.2.3.4", "build 10.0.19041.1": not an IP address.
pub(crate) fn version_context(text: &str, toks: &[Tok], start: usize) -> bool {
    let before = &text[..start];
    if before.ends_with('v') || before.ends_with('V') {
        return true;
    }
    let k = toks.partition_point(|t| t.start < start);
    let mut seen = 0;
    let mut j = k;
    while j > 0 && seen < 3 {
        j -= 1;
        let t = &toks[j];
        if t.kind == Tk::Word {
            seen += 1;
            let w = text[t.start..t.end].to_ascii_lowercase();
            if matches!(
                w.as_str(),
                "version"
                    | "ver"
                    | "build"
                    | "release"
                    | "firmware"
                    | "update"
                    | "patch"
                    | "app"
                    | "ios"
                    | "android"
                    | "chrome"
                    | "os"
                    | "software"
                    | "driver"
                    | "upgrade"
                    | "upgraded"
                    | "sdk"
                    | "api"
                    | "v"
            ) {
                return true;
            }
        }
    }
    false
}

fn is_password_stopword(v: &str) -> bool {
    let l = v.to_ascii_lowercase();
    matches!(
        l.as_str(),
        "wrong"
            | "incorrect"
            | "expired"
            | "expiring"
            | "not"
            | "correct"
            | "invalid"
            | "too"
            | "the"
            | "a"
            | "an"
            | "my"
            | "that"
            | "this"
            | "still"
            | "being"
            | "locked"
            | "reset"
            | "changed"
            | "working"
            | "fine"
            | "ok"
            | "okay"
            | "required"
            | "case"
            | "very"
            | "so"
            | "same"
            | "different"
            | "strong"
            | "weak"
            | "long"
            | "short"
            | "empty"
            | "blank"
            | "missing"
            | "it"
            | "what"
            | "also"
            | "now"
            | "just"
            | "actually"
            | "really"
            | "probably"
            | "set"
            | "stored"
            | "saved"
            | "hidden"
            | "protected"
            | "secure"
            | "safe"
            | "valid"
            | "updated"
            | "old"
            | "new"
            | "in"
            | "on"
            | "at"
            | "for"
            | "no"
            | "none"
            | "there"
            | "something"
            | "easy"
            | "hard"
            | "simple"
            | "complicated"
            | "your"
            | "his"
            | "her"
            | "their"
            | "our"
            | "and"
            | "but"
            | "or"
            | "rejected"
            | "accepted"
            | "needed"
            | "sent"
            | "asking"
            | "supposed"
            | "going"
            | "done"
            | "unknown"
            | "forgotten"
            | "lost"
            | "stolen"
            | "compromised"
            | "weird"
            | "strange"
            | "broken"
            | "case-sensitive"
            | "managed"
            | "handled"
            | "encrypted"
            | "hashed"
            | "like"
            | "about"
            | "because"
            | "why"
            | "how"
            | "when"
            | "where"
            | "which"
            | "who"
            | "you"
            | "i"
            | "we"
            | "they"
            | "he"
            | "she"
            | "to"
            | "of"
            | "with"
            | "by"
            | "from"
            | "as"
            | "if"
            | "than"
            | "then"
            | "only"
            | "exactly"
            | "at least"
            | "least"
            | "more"
            | "less"
            | "less than"
            | "mandatory"
            | "optional"
            | "unchanged"
            | "unique"
            | "personal"
            | "private"
    )
}
