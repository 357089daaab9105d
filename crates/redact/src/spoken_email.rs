//! Spoken e-mail addresses: "john dot smith at gmail dot com", also mixed forms
//! such as "j.smith at example.org" or "john dot smith@gmail.com".

use crate::detect::{Cand, Found};
use crate::token::{lower, single_letter, Kw, Tk, Tok};
use crate::Entity;

fn is_tld(w: &str) -> bool {
    matches!(
        w,
        "com"
            | "net"
            | "org"
            | "edu"
            | "gov"
            | "io"
            | "co"
            | "uk"
            | "us"
            | "ca"
            | "de"
            | "fr"
            | "au"
            | "in"
            | "info"
            | "biz"
            | "me"
            | "ai"
            | "app"
            | "dev"
            | "mil"
            | "nl"
            | "es"
            | "it"
            | "jp"
            | "br"
            | "mx"
            | "ch"
            | "se"
            | "no"
            | "dk"
            | "fi"
            | "ie"
            | "nz"
            | "za"
            | "ru"
            | "cn"
            | "tv"
            | "xyz"
            | "online"
            | "email"
            | "mail"
            | "pl"
            | "be"
            | "at"
            | "pt"
            | "gr"
            | "ar"
            | "cl"
            | "sg"
            | "hk"
            | "kr"
            | "tech"
            | "cloud"
            | "site"
            | "store"
            | "shop"
            | "us.com"
            | "name"
            | "pro"
            | "mobi"
            | "club"
            | "live"
            | "life"
            | "world"
            | "today"
            | "solutions"
            | "agency"
            | "studio"
            | "design"
            | "health"
            | "law"
            | "bank"
            | "ly"
            | "to"
            | "cc"
            | "is"
            | "ph"
            | "ng"
            | "ke"
            | "il"
            | "tr"
            | "ua"
            | "cz"
            | "hu"
            | "ro"
    )
}

fn is_local_stopword(w: &str) -> bool {
    matches!(
        w,
        "is" | "me"
            | "email"
            | "e"
            | "mail"
            | "address"
            | "at"
            | "it's"
            | "its"
            | "it"
            | "was"
            | "be"
            | "send"
            | "sent"
            | "to"
            | "the"
            | "my"
            | "and"
            | "or"
            | "reach"
            | "contact"
            | "us"
            | "him"
            | "her"
            | "them"
            | "you"
            | "i"
            | "that's"
            | "that"
            | "write"
            | "message"
            | "find"
            | "on"
            | "in"
            | "of"
            | "from"
            | "for"
            | "with"
            | "a"
            | "an"
            | "here"
            | "there"
            | "account"
            | "use"
            | "try"
            | "just"
            | "but"
            | "so"
            | "also"
            | "then"
            | "um"
            | "uh"
            | "like"
            | "yes"
            | "yeah"
            | "no"
            | "ok"
            | "okay"
            | "please"
            | "sure"
            | "dot"
            | "underscore"
            | "dash"
            | "hyphen"
            | "we"
            | "they"
            | "he"
            | "she"
            | "gmail"
            | "com"
            | "net"
            | "org"
            | "this"
            | "one"
    )
}

/// Whether token `k` is the word `w` (ASCII, case-insensitive).
fn word_is(text: &str, toks: &[Tok], k: usize, w: &str) -> bool {
    toks.get(k)
        .is_some_and(|t| t.kind == Tk::Word && text[t.start..t.end].eq_ignore_ascii_case(w))
}

fn is_label(t: &Tok) -> bool {
    matches!(t.kind, Tk::Word | Tk::Alnum | Tk::Num)
}

/// Separator between labels: spoken ("dot", "underscore", "dash") or written
/// (glued `.`, `_`, `-`). Returns the normalised char.
fn sep(toks: &[Tok], k: usize) -> Option<char> {
    let t = toks.get(k)?;
    match t.kind {
        Tk::Word => match t.kw {
            Kw::Dot => Some('.'),
            Kw::Underscore => Some('_'),
            Kw::Dash => Some('-'),
            _ => None,
        },
        Tk::Punct(c @ (b'.' | b'_' | b'-'))
            if !t.gap && toks.get(k + 1).is_some_and(|n| !n.gap) =>
        {
            Some(c as char)
        }
        _ => None,
    }
}

/// The domain label at token `i`, lowercase, and its last token: one token, or
/// two or three letters spelled ("dot r u", "dot c o dot u k", "q q dot com").
fn domain_label(text: &str, toks: &[Tok], i: usize) -> (String, usize) {
    let single = |t: &Tok| single_letter(text, t).is_some();
    let t = &toks[i];
    let mut label = text[t.start..t.end].to_ascii_lowercase();
    let mut last = i;
    if single(t) {
        while last + 1 < toks.len()
            && last - i < 2
            && single(&toks[last + 1])
            && toks[last + 1].gap
            && !toks[last + 1].nl
        {
            last += 1;
            label.push(text.as_bytes()[toks[last].start].to_ascii_lowercase() as char);
        }
    }
    (label, last)
}

/// Finds spoken or mixed e-mail addresses.
pub(crate) fn detect(text: &str, toks: &[Tok], out: &mut Vec<Cand>) {
    let mut buf = [0u8; 24];
    for (k, t) in toks.iter().enumerate() {
        let is_at = (t.kind == Tk::Word && t.kw == Kw::At) || t.kind == Tk::Punct(b'@');
        if !is_at || k == 0 || k + 1 >= toks.len() {
            continue;
        }
        // domain: label (sep label)+, ending with a TLD; "at the rate" is how many
        // Indian English speakers say "@"
        let mut j = k + 1;
        if t.kind == Tk::Word && word_is(text, toks, j, "the") && word_is(text, toks, j + 1, "rate")
        {
            j += 2;
            if j + 1 >= toks.len() {
                continue;
            }
        } else if t.kind == Tk::Word
            && (word_is(text, toks, j, "sign") || word_is(text, toks, j, "symbol"))
        {
            // "john at sign gmail dot com"
            j += 1;
            if j + 1 >= toks.len() {
                continue;
            }
        }
        if !is_label(&toks[j]) {
            continue;
        }
        let (first, last) = domain_label(text, toks, j);
        let mut domain = first;
        j = last;
        let mut best: Option<(usize, String)> = None;
        let mut dots = 0;
        while let (Some(c), Some(next)) = (sep(toks, j + 1), toks.get(j + 2)) {
            if !is_label(next) || next.nl {
                break;
            }
            if next.kind == Tk::Word && next.kw == Kw::At {
                break;
            }
            domain.push(c);
            let spelled = single_letter(text, next).is_some();
            let (lbl, last) = domain_label(text, toks, j + 2);
            domain.push_str(&lbl);
            j = last;
            if c == '.' {
                dots += 1;
                // a country code: listed, or any two letters spelled or after a
                // second dot ("yahoo dot com dot b r")
                let cc = lbl.len() == 2
                    && lbl.bytes().all(|b| b.is_ascii_lowercase())
                    && (spelled || dots >= 2);
                if cc || lower(&lbl, &mut buf).is_some_and(is_tld) {
                    best = Some((j, domain.clone()));
                }
            }
            if dots > 4 {
                break;
            }
        }
        let Some((dend, domain)) = best else { continue };
        // "priya sharma, all one word, at ...": the words before are run together
        let mut k = k;
        let mut one_word = false;
        {
            let mut q = k;
            if q > 0 && toks[q - 1].kind == Tk::Punct(b',') {
                q -= 1;
            }
            if q >= 4
                && word_is(text, toks, q - 3, "all")
                && word_is(text, toks, q - 2, "one")
                && word_is(text, toks, q - 1, "word")
            {
                q -= 3;
                if toks[q - 1].kind == Tk::Punct(b',') {
                    q -= 1;
                }
                if q >= 1 {
                    k = q;
                    one_word = true;
                }
            }
        }
        // local part, backwards; spoken digits glued at its end ("jones eighty two")
        let mut s = k - 1;
        let mut digits: Vec<u8> = Vec::new();
        {
            let mut d0 = s;
            while d0 > 0
                && d0 + 4 > s
                && matches!(
                    toks[d0].kw,
                    Kw::Digit(_) | Kw::Teen(_) | Kw::Tens(_) | Kw::Oh
                )
                && toks[d0].kind == Tk::Word
            {
                d0 -= 1;
            }
            if d0 < s && is_label(&toks[d0]) && toks[d0].kw == Kw::None {
                let mut j = d0 + 1;
                let mut ok = true;
                while j < k {
                    match crate::numbers::spoken_elem(toks, j, &mut digits, false) {
                        Some(nx) if nx <= k => j = nx,
                        _ => {
                            ok = false;
                            break;
                        }
                    }
                }
                if ok {
                    s = d0;
                } else {
                    digits.clear();
                }
            }
        }
        if !is_label(&toks[s]) || toks[k].nl {
            continue;
        }
        let w0 = &text[toks[s].start..toks[s].end];
        // a local part spelled letter by letter: "j a n e at example dot com"
        let single = |t: &Tok| matches!(t.kind, Tk::Word | Tk::Num) && t.end - t.start == 1;
        let mut spelled = s;
        if !one_word && single(&toks[s]) {
            while spelled > 0
                && single(&toks[spelled - 1])
                && toks[spelled].gap
                && !toks[spelled].nl
            {
                spelled -= 1;
            }
        }
        if spelled == s && lower(w0, &mut buf).is_some_and(is_local_stopword) {
            continue;
        }
        let mut parts: Vec<(char, &str)> = vec![(' ', w0)];
        let spelled_any = spelled < s;
        while spelled < s {
            s -= 1;
            parts.push(('\0', &text[toks[s].start..toks[s].end]));
        }
        if one_word {
            // up to two more words said before it, no separator
            while parts.len() < 3 && s >= 1 {
                let p = &toks[s - 1];
                if p.kind != Tk::Word || !toks[s].gap || toks[s].nl || p.kw != Kw::None {
                    break;
                }
                let pw = &text[p.start..p.end];
                if lower(pw, &mut buf).is_none_or(is_local_stopword) {
                    break;
                }
                parts.push(('\0', pw));
                s -= 1;
            }
        }
        while s >= 2 {
            let Some(c) = sep(toks, s - 1) else { break };
            let p = &toks[s - 2];
            if !is_label(p) || toks[s - 1].nl || toks[s].nl {
                break;
            }
            let pw = &text[p.start..p.end];
            // a spelled letter is a letter, not the word "a" or "i"
            if !(spelled_any && single(p)) && lower(pw, &mut buf).is_some_and(is_local_stopword) {
                break;
            }
            parts.push((c, pw));
            s -= 2;
            // the label before the separator may be spelled too: "j o h n dot d o e"
            if spelled_any && single(&toks[s]) {
                while s > 0 && single(&toks[s - 1]) && toks[s].gap && !toks[s].nl {
                    s -= 1;
                    parts.push(('\0', &text[toks[s].start..toks[s].end]));
                }
            }
        }
        // a local part of several words said after an e-mail cue: "my email is
        // daniel reyes seven at gmail dot com" (the address is danielreyes7@)
        if !one_word && !spelled_any {
            let mut q = s;
            let mut extra: Vec<&str> = Vec::new();
            while extra.len() < 2 && q >= 1 {
                let p = &toks[q - 1];
                if p.kind != Tk::Word || !toks[q].gap || toks[q].nl || p.kw != Kw::None {
                    break;
                }
                let pw = &text[p.start..p.end];
                if lower(pw, &mut buf).is_none_or(is_local_stopword) {
                    break;
                }
                extra.push(pw);
                q -= 1;
            }
            let cue = q >= 1 && {
                let c = &toks[q - 1];
                let cw = text[c.start..c.end].to_ascii_lowercase();
                matches!(
                    cw.as_str(),
                    "is" | "it's" | "its" | "email" | "e-mail" | "mail" | "address"
                ) || c.kind == Tk::Punct(b':')
            };
            if cue && !extra.is_empty() {
                for w in extra {
                    parts.push(('\0', w));
                }
                s = q;
            }
        }
        let mut norm = String::new();
        for (i, (_, w)) in parts.iter().enumerate().rev() {
            norm.push_str(&w.to_ascii_lowercase());
            if i > 0 && parts[i].0 != '\0' {
                norm.push(parts[i].0);
            }
        }
        norm.extend(digits.iter().map(|&b| b as char));
        norm.push('@');
        norm.push_str(&domain);
        out.push(Cand {
            start: toks[s].start,
            end: toks[dend].end,
            found: Found::Entity(Entity::Email),
            prio: 9,
            norm: Some(norm),
        });
    }
}
