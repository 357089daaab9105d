//! Digit runs, written and spoken: phone numbers, payment cards, US SSNs.
//!
//! One pass over the tokens collects "runs" of number elements: written digit
//! groups (`415`, `555-1212`) and spoken digits ("four", "oh", "double five",
//! "forty two", "eight hundred"), separated by spaces, dashes, dots, parentheses or
//! pauses (", "). A run is cut into chunks (a written chunk such as `2023-05-12` or a
//! GUID is never split), every range of whole chunks with at most 19 digits is
//! classified by its digits, its grouping and the context words before it, and the
//! classifications become candidates. Times, dates with slashes, prices, percentages,
//! thousands separators and `#ids` never enter a run.

use crate::checks::{iin_ok, luhn_ok, nanp_ok, ssn_ok};
use crate::context::{num_ctx, NumCtx};
use crate::detect::{Cand, Found};
use crate::token::{Kw, Tk, Tok};
use crate::Entity;

/// Which of the number entities are enabled.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NumEnabled {
    pub(crate) phone: bool,
    pub(crate) card: bool,
    pub(crate) ssn: bool,
}

#[derive(Debug, Clone, Copy)]
struct Chunk {
    start: usize,
    end: usize,
    /// Token index one past the chunk.
    tok_end: usize,
    d0: usize,
    d1: usize,
    g0: usize,
    g1: usize,
    spoken: bool,
    quantity: bool,
    pause_before: bool,
}

struct Run {
    chunks: Vec<Chunk>,
    digits: Vec<u8>,
    groups: Vec<u8>,
    plus: bool,
    start: usize,
    first_tok: usize,
}

const MAX_CHUNKS: usize = 48;

fn adjacent(toks: &[Tok], k: usize) -> bool {
    toks.get(k).is_some_and(|t| !t.gap)
}

fn punct_at(toks: &[Tok], k: usize) -> Option<u8> {
    match toks.get(k)?.kind {
        Tk::Punct(c) => Some(c),
        _ => None,
    }
}

fn is_num(toks: &[Tok], k: usize) -> bool {
    toks.get(k).is_some_and(|t| t.kind == Tk::Num)
}

/// A written number that must not be read as part of a phone/card/SSN:
/// times, slashed dates, prices, percentages, `#ids`, `v1.2`.
fn blocked_num(text: &str, toks: &[Tok], k: usize) -> bool {
    let t = &toks[k];
    if !t.gap && k > 0 {
        if let Some(p) = punct_at(toks, k - 1) {
            match p {
                b'$' | b'#' | b'/' | b'\\' | b'%' | b'*' | b'^' | b'~' | b'=' => return true,
                b':' if k >= 2 && is_num(toks, k - 2) && !toks[k - 1].gap => return true,
                _ => {}
            }
        }
    }
    if adjacent(toks, k + 1) {
        if let Some(p) = punct_at(toks, k + 1) {
            match p {
                b'/' | b'%' | b'\\' | b'*' | b'^' | b'=' => return true,
                b':' if is_num(toks, k + 2) && adjacent(toks, k + 2) => return true,
                _ => {}
            }
        }
    }
    if let Some(n) = toks.get(k + 1) {
        if n.kind == Tk::Word && n.end - n.start <= 7 {
            let w = &text[n.start..n.end];
            if w.eq_ignore_ascii_case("am")
                || w.eq_ignore_ascii_case("pm")
                || w.eq_ignore_ascii_case("percent")
                || w.eq_ignore_ascii_case("o'clock")
            {
                return true;
            }
        }
    }
    false
}

/// A word that may sit between the groups of a number said aloud: `Some(false)`
/// for a hesitation ("um", "uh"), `Some(true)` for a self-correction ("sorry",
/// "I mean", "no wait", "actually").
fn pause_word(w: &str) -> Option<bool> {
    if w.len() > 8 {
        return None;
    }
    let mut buf = [0u8; 8];
    for (d, s) in buf.iter_mut().zip(w.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    match &buf[..w.len()] {
        b"um" | b"uh" | b"umm" | b"uhm" | b"uhh" | b"er" | b"erm" | b"hmm" | b"ah" => Some(false),
        b"sorry" | b"mean" | b"wait" | b"actually" | b"no" | b"oops" | b"correction" => Some(true),
        b"i" | b"then" => Some(false),
        _ => None,
    }
}

fn spoken_digit(kw: Kw) -> Option<u8> {
    match kw {
        Kw::Digit(d) => Some(d),
        Kw::Oh => Some(0),
        _ => None,
    }
}

/// Parses one spoken element at token `k`: digits appended to `out`; returns the
/// token index after it.
pub(crate) fn spoken_elem(toks: &[Tok], k: usize, out: &mut Vec<u8>, first: bool) -> Option<usize> {
    let t = toks.get(k)?;
    if t.kind != Tk::Word {
        return None;
    }
    let next_kw = |j: usize| toks.get(j).filter(|t| t.kind == Tk::Word).map(|t| t.kw);
    let mut k2 = k + 1;
    match t.kw {
        Kw::Digit(d) => {
            out.push(b'0' + d);
        }
        Kw::Oh => {
            // "oh" is zero only next to other digits; never starts a run on its own
            // unless another spoken digit follows directly.
            if first {
                let nk = next_kw(k + 1)?;
                if spoken_digit(nk).is_none() && !matches!(nk, Kw::Double | Kw::Triple) {
                    return None;
                }
                if !toks[k + 1].gap || toks[k + 1].kind != Tk::Word {
                    return None;
                }
            }
            out.push(b'0');
        }
        Kw::Teen(n) => {
            out.push(b'0' + n / 10);
            out.push(b'0' + n % 10);
        }
        Kw::Tens(n) => {
            out.push(b'0' + n / 10);
            // "forty two" / "forty-two"
            let mut j = k + 1;
            if punct_at(toks, j) == Some(b'-') && adjacent(toks, j) {
                j += 1;
            }
            match next_kw(j) {
                Some(Kw::Digit(d)) if d > 0 => {
                    out.push(b'0' + d);
                    k2 = j + 1;
                }
                _ => out.push(b'0'),
            }
        }
        Kw::Double | Kw::Triple => {
            let times = if t.kw == Kw::Double { 2 } else { 3 };
            let d = spoken_digit(next_kw(k + 1)?)?;
            for _ in 0..times {
                out.push(b'0' + d);
            }
            k2 = k + 2;
        }
        _ => return None,
    }
    if next_kw(k2) == Some(Kw::Hundred) && matches!(t.kw, Kw::Digit(_) | Kw::Teen(_)) {
        out.extend_from_slice(b"00");
        k2 += 1;
    }
    Some(k2)
}

/// Builds the run starting at token `k`, if one starts there.
fn build_run(text: &str, toks: &[Tok], k0: usize) -> Option<(Run, usize)> {
    let mut k = k0;
    let mut plus = false;
    let mut start = toks[k].start;
    match toks[k].kind {
        Tk::Punct(b'+') if is_num(toks, k + 1) && adjacent(toks, k + 1) => {
            plus = true;
            k += 1;
        }
        Tk::Punct(b'(') if is_num(toks, k + 1) && punct_at(toks, k + 2) == Some(b')') => {
            k += 1;
        }
        Tk::Word if toks[k].kw == Kw::Plus => {
            plus = true;
            k += 1;
            toks.get(k)?;
        }
        _ => {}
    }
    let mut run = Run {
        chunks: Vec::new(),
        digits: Vec::new(),
        groups: Vec::new(),
        plus,
        start,
        first_tok: k0,
    };
    let mut pause = false;
    // start of the span when the first group was corrected away
    let mut corrected_from: Option<usize> = None;
    loop {
        if run.chunks.len() >= MAX_CHUNKS {
            break;
        }
        let t = &toks[k];
        let d0 = run.digits.len();
        let g0 = run.groups.len();
        let chunk = if t.kind == Tk::Num {
            if blocked_num(text, toks, k) {
                break;
            }
            // A written chunk: digit groups joined by '-', '.' or ',' with no spaces.
            let mut quantity = false;
            let mut j = k;
            loop {
                let g = &toks[j];
                run.digits
                    .extend_from_slice(&text.as_bytes()[g.start..g.end]);
                run.groups.push((g.end - g.start).min(255) as u8);
                match punct_at(toks, j + 1) {
                    Some(c @ (b'-' | b'.' | b',' | b'_'))
                        if adjacent(toks, j + 1)
                            && is_num(toks, j + 2)
                            && adjacent(toks, j + 2) =>
                    {
                        if c == b',' || c == b'_' {
                            quantity = true;
                        }
                        if c == b'.' && run.groups.len() - g0 == 1 && g.end - g.start > 4 {
                            // decimal amount such as 12345.67
                            quantity = true;
                        }
                        if blocked_num(text, toks, j + 2) {
                            quantity = true;
                        }
                        j += 2;
                    }
                    _ => break,
                }
            }
            // a letter-suffixed or -prefixed code like 12-AB is not a number chunk
            if adjacent(toks, j + 1)
                && toks
                    .get(j + 1)
                    .is_some_and(|n| matches!(n.kind, Tk::Word | Tk::Alnum))
            {
                quantity = true;
            }
            if k > 0
                && !toks[k].gap
                && matches!(punct_at(toks, k - 1), Some(b'-' | b'.' | b'_'))
                && k >= 2
                && !toks[k - 1].gap
                && matches!(toks[k - 2].kind, Tk::Word | Tk::Alnum)
            {
                // ORD-4155551212, v1.2.3
                quantity = true;
            }
            let end_tok = j + 1;
            Chunk {
                start: t.start,
                end: toks[j].end,
                tok_end: end_tok,
                d0,
                d1: run.digits.len(),
                g0,
                g1: run.groups.len(),
                spoken: false,
                quantity,
                pause_before: pause,
            }
        } else {
            let first = run.chunks.is_empty();
            match spoken_elem(toks, k, &mut run.digits, first) {
                Some(next) => {
                    run.groups.push((run.digits.len() - d0) as u8);
                    Chunk {
                        start: t.start,
                        end: toks[next - 1].end,
                        tok_end: next,
                        d0,
                        d1: run.digits.len(),
                        g0,
                        g1: run.groups.len(),
                        spoken: true,
                        quantity: false,
                        pause_before: pause,
                    }
                }
                None => break,
            }
        };
        if run.chunks.is_empty() && (plus || toks[k0].kind == Tk::Punct(b'(')) {
            start = toks[k0].start;
        }
        run.chunks.push(chunk);
        // separator to the next chunk
        let mut j = chunk.tok_end;
        pause = false;
        let mut puncts = 0;
        let mut fillers = 0;
        let mut corrected = false;
        let mut ok = false;
        while j < toks.len() {
            let t = &toks[j];
            if t.nl {
                break;
            }
            match t.kind {
                Tk::Punct(b'.')
                    if toks
                        .get(j + 1)
                        .is_some_and(|n| n.kind == Tk::Punct(b'.') && !n.gap) =>
                {
                    // an ellipsis "..." is one pause
                    while toks.get(j).is_some_and(|n| n.kind == Tk::Punct(b'.')) {
                        j += 1;
                    }
                    pause = true;
                    puncts += 1;
                }
                Tk::Punct(c @ (b'-' | b'(' | b')' | b',' | b'.')) if puncts < 2 => {
                    if c == b'.' {
                        // sentence end after a written number ends the run
                        if !chunk.spoken || toks.get(j + 1).is_some_and(|n| n.kind == Tk::Num) {
                            break;
                        }
                    }
                    if c == b',' && !toks.get(j + 1).is_some_and(|n| n.gap) && !chunk.spoken {
                        break;
                    }
                    if c != b'(' && c != b')' {
                        pause = true;
                    }
                    puncts += 1;
                    j += 1;
                }
                Tk::Word if t.kw == Kw::Dash => {
                    pause = true;
                    puncts += 1;
                    j += 1;
                    if puncts > 2 {
                        break;
                    }
                }
                // hesitations ("um", "uh") are pauses; "sorry", "I mean", "no wait"
                // correct the group just said
                Tk::Word if t.kw == Kw::None && fillers < 3 => {
                    match pause_word(&text[t.start..t.end]) {
                        Some(correct) => {
                            pause = true;
                            corrected |= correct;
                            fillers += 1;
                            j += 1;
                        }
                        None => break,
                    }
                }
                Tk::Num => {
                    ok = true;
                    break;
                }
                Tk::Word
                    if matches!(
                        t.kw,
                        Kw::Digit(_) | Kw::Oh | Kw::Teen(_) | Kw::Tens(_) | Kw::Double | Kw::Triple
                    ) =>
                {
                    ok = true;
                    break;
                }
                _ => break,
            }
        }
        if !ok {
            break;
        }
        if corrected {
            // drop the group being corrected: the last written chunk, or the spoken
            // chunks back to the previous pause; the span still starts where the
            // speaker started
            let keep = if chunk.spoken {
                match run.chunks.iter().rposition(|c| c.pause_before || !c.spoken) {
                    Some(p) if run.chunks[p].spoken => p,
                    Some(p) => p + 1,
                    // said in one breath, seven to nine digits: the correction
                    // restates the unfinished last group of a 3-3-4 number ("nine
                    // one nine two seven four five zero I mean five zero one five")
                    None if (7..=9).contains(&run.digits.len()) => run
                        .chunks
                        .iter()
                        .position(|c| c.d1 == 6)
                        .map_or(0, |p| p + 1),
                    None => 0,
                }
            } else {
                run.chunks.len() - 1
            };
            let d0 = run.chunks[keep].d0;
            let g0 = run.chunks[keep].g0;
            run.chunks.truncate(keep);
            run.digits.truncate(d0);
            run.groups.truncate(g0);
            corrected_from.get_or_insert(start);
        }
        k = j;
    }
    if run.chunks.is_empty() {
        return None;
    }
    run.start = corrected_from.unwrap_or(start).min(start);
    let next = run.chunks.last().map_or(k0 + 1, |c| c.tok_end);
    Some((run, next))
}

fn phone_shape(g: &[u8]) -> bool {
    matches!(
        g,
        [3, 3, 4] | [10] | [3, 7] | [6, 4] | [1, 3, 3, 4] | [11] | [1, 10] | [1, 3, 7] | [4, 3, 4]
    )
}

fn card_shape(g: &[u8], n: usize) -> bool {
    if g.len() == 1 {
        return true;
    }
    // read digit by digit or in pairs: "4 2 4 2 ...", "42 42 42 ..."
    if n >= 13 && g.iter().all(|&x| x <= 2) {
        return true;
    }
    if matches!(
        g,
        [4, 6, 5] | [4, 6, 4] | [4, 4, 4, 4, 3] | [6, 13] | [4, 4, 4, 4, 2] | [4, 4, 4, 4, 1]
    ) {
        return true;
    }
    let (last, init) = g.split_last().expect("non-empty");
    init.iter().all(|&x| x == 4) && (1..=4).contains(last) && n >= 13
}

/// Extension after a phone number: "ext. 204", "x204", "extension two oh four".
fn extension_end(text: &str, toks: &[Tok], mut k: usize) -> Option<usize> {
    if punct_at(toks, k) == Some(b',') {
        k += 1;
    }
    let t = toks.get(k)?;
    if t.kind == Tk::Alnum {
        let w = text[t.start..t.end].to_ascii_lowercase();
        let rest = w.strip_prefix("ext").or_else(|| w.strip_prefix('x'))?;
        if !rest.is_empty() && rest.len() <= 6 && rest.bytes().all(|b| b.is_ascii_digit()) {
            return Some(t.end);
        }
        return None;
    }
    let is_ext = (t.kind == Tk::Word && t.kw == Kw::Ext) || t.kind == Tk::Punct(b'#');
    if !is_ext {
        return None;
    }
    k += 1;
    while matches!(punct_at(toks, k), Some(b'.' | b':' | b'#')) {
        k += 1;
    }
    let n = toks.get(k)?;
    if n.kind == Tk::Num && n.end - n.start <= 6 {
        return Some(n.end);
    }
    let mut end = None;
    let mut count = 0;
    let mut scratch = Vec::new();
    while count < 6 {
        match spoken_elem(toks, k, &mut scratch, count == 0) {
            Some(next) => {
                end = Some(toks[next - 1].end);
                k = next;
                count += 1;
            }
            None => break,
        }
    }
    end
}

/// Finds phone numbers, payment cards and SSNs, written or spoken.
pub(crate) fn detect(
    text: &str,
    toks: &[Tok],
    stops: &crate::detect::Stops,
    en: NumEnabled,
    out: &mut Vec<Cand>,
) {
    let mut k = 0;
    let mut shape: Vec<u8> = Vec::new();
    while k < toks.len() {
        let t = &toks[k];
        let starts = match t.kind {
            Tk::Num => true,
            Tk::Punct(b'+' | b'(') => true,
            Tk::Word => !matches!(t.kw, Kw::None | Kw::At | Kw::Dot | Kw::Month(_)),
            _ => false,
        };
        if !starts {
            k += 1;
            continue;
        }
        let Some((run, next)) = build_run(text, toks, k) else {
            k += 1;
            continue;
        };
        // the context words are read once, when a range long enough to be a value
        // comes up (most runs are short: a year, a count)
        let mut run_ctx: Option<NumCtx> = None;
        let long = run.chunks.len() >= 24;
        for i in 0..run.chunks.len() {
            if run.chunks[i].quantity {
                continue;
            }
            // a long run of numbers (a table, a pathological input): values start at
            // its beginning or after a pause only
            if long && i > 0 && !run.chunks[i].pause_before {
                continue;
            }
            let mut ndig = 0;
            for j in i..run.chunks.len() {
                let cj = &run.chunks[j];
                if cj.quantity {
                    break;
                }
                ndig += cj.d1 - cj.d0;
                if ndig > 19 {
                    break;
                }
                if ndig < 7 {
                    continue;
                }
                let chunks = &run.chunks[i..=j];
                let spoken = chunks.iter().any(|c| c.spoken);
                shape.clear();
                let mut prev_spoken = false;
                for (n, c) in chunks.iter().enumerate() {
                    if c.spoken {
                        if n == 0 || c.pause_before || !prev_spoken {
                            shape.push(0);
                        }
                        if let Some(l) = shape.last_mut() {
                            *l = l.saturating_add((c.d1 - c.d0) as u8);
                        }
                    } else {
                        shape.extend_from_slice(&run.groups[c.g0..c.g1]);
                    }
                    prev_spoken = c.spoken;
                }
                let digits = &run.digits[chunks[0].d0..chunks[chunks.len() - 1].d1];
                let plus = run.plus && i == 0;
                // context words belong to the start of the run only
                // (a suppressing context covers the whole run)
                let ctx = *run_ctx.get_or_insert_with(|| {
                    match num_ctx(text, toks, run.first_tok, stops) {
                        NumCtx::None => crate::context::num_ctx_after(text, toks, next, stops),
                        c => c,
                    }
                });
                let ctx = match ctx {
                    NumCtx::Neg | NumCtx::Card | NumCtx::Ssn => ctx,
                    _ if i == 0 => ctx,
                    _ => NumCtx::None,
                };
                let whole = i == 0 && j + 1 == run.chunks.len();
                // a card is never a slice of a longer unbroken digit sequence
                // (tracking numbers, IBANs with a bad checksum)
                let bounded = (i == 0 || chunks[0].pause_before)
                    && run.chunks.get(j + 1).is_none_or(|c| c.pause_before);
                let Some(entity) = classify(digits, &shape, spoken, plus, ctx, whole, bounded, en)
                else {
                    continue;
                };
                let mut start = chunks[0].start;
                if i == 0 {
                    start = run.start;
                }
                let last = chunks[chunks.len() - 1];
                let mut end = last.end;
                if entity == Entity::Phone {
                    if i == 0 && start < chunks[0].start && text.as_bytes()[start] == b'(' {
                        // keep "(415)" whole
                    }
                    if let Some(e) = extension_end(text, toks, last.tok_end) {
                        end = e;
                    } else if last.tok_end < toks.len()
                        && toks[last.tok_end].kind == Tk::Punct(b')')
                        && !toks[last.tok_end].gap
                        && text[start..end].contains('(')
                        && !text[start..end].contains(')')
                    {
                        end = toks[last.tok_end].end;
                    }
                }
                let mut norm = String::with_capacity(digits.len());
                norm.extend(digits.iter().map(|&b| b as char));
                out.push(Cand {
                    start,
                    end,
                    found: Found::Entity(entity),
                    prio: match entity {
                        Entity::CreditCard | Entity::UsSsn => 8,
                        _ => 6,
                    },
                    norm: Some(norm),
                });
            }
        }
        k = next.max(k + 1);
    }
}

#[allow(clippy::too_many_arguments)]
fn classify(
    d: &[u8],
    shape: &[u8],
    spoken: bool,
    plus: bool,
    ctx: NumCtx,
    whole: bool,
    bounded: bool,
    en: NumEnabled,
) -> Option<Entity> {
    let n = d.len();
    if en.card && bounded && (13..=19).contains(&n) && luhn_ok(d) {
        let grouped4 = shape.len() >= 3 && shape[..shape.len() - 1].iter().all(|&g| g == 4);
        let shape_ok = spoken || card_shape(shape, n);
        if shape_ok
            && ((ctx == NumCtx::Card && (whole || iin_ok(d)))
                || (iin_ok(d) && (ctx != NumCtx::Neg || grouped4))
                || (spoken && ctx != NumCtx::Neg && iin_ok(d)))
        {
            return Some(Entity::CreditCard);
        }
    }
    if en.ssn && n == 9 && ssn_ok(d) {
        if ctx == NumCtx::Ssn {
            return Some(Entity::UsSsn);
        }
        if shape == [3, 2, 4] {
            return Some(Entity::UsSsn);
        }
    }
    if !en.phone || shape == [3, 2, 4] {
        return None;
    }
    // nor is a phone number a slice of a longer number said without a pause
    if spoken && !bounded && !plus {
        return None;
    }
    // "one two three four five six seven eight nine ten" is counting, not a number
    if spoken && ctx != NumCtx::Phone && counting(d) {
        return None;
    }
    // ...and counting all the way is counting even after "calling"
    if spoken && n >= 7 && d.windows(2).all(|w| w[1] == w[0] + 1) {
        return None;
    }
    if matches!(ctx, NumCtx::Neg | NumCtx::Card | NumCtx::Ssn) && !plus {
        return None;
    }
    if plus && (8..=15).contains(&n) {
        return Some(Entity::Phone);
    }
    if n == 10 && nanp_ok(d) && (spoken || phone_shape(shape)) {
        return Some(Entity::Phone);
    }
    if n == 11 && d[0] == b'1' && nanp_ok(&d[1..]) && (spoken || phone_shape(shape)) {
        return Some(Entity::Phone);
    }
    if n == 7 && !spoken && shape == [3, 4] && d[0] >= b'2' {
        return Some(Entity::Phone);
    }
    if !spoken
        && d[0] == b'0'
        && d.get(1) != Some(&b'0')
        && (10..=11).contains(&n)
        && shape.len() >= 2
        && (shape.iter().all(|&g| (2..=5).contains(&g)) || (shape == [6, 5] && whole))
    {
        return Some(Entity::Phone);
    }
    if !spoken && d.starts_with(b"00") && (11..=15).contains(&n) && shape.len() >= 2 {
        return Some(Entity::Phone);
    }
    if ctx == NumCtx::Phone && bounded && (7..=15).contains(&n) {
        return Some(Entity::Phone);
    }
    None
}

/// Six or more consecutive ascending digits (1234567...): someone counting.
fn counting(d: &[u8]) -> bool {
    let mut run = 1;
    for w in d.windows(2) {
        if w[1] == w[0] + 1 {
            run += 1;
            if run >= 6 {
                return true;
            }
        } else {
            run = 1;
        }
    }
    false
}
