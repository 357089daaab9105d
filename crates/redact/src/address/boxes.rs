//! Post-office boxes and US military addresses ("PO Box 1951", "PSC 2550, Box 1072,
//! APO AP 96287", "USS Nimitz (CVN 68) FPO AE 96601"), and the unit line or prefix
//! just before a street ("Flat 34\n", "Unit 29, ").

use std::sync::OnceLock;

use regex::Regex;

use super::intl::push;
use crate::detect::Cand;

/// Post-office boxes and US military addresses.
pub(super) fn boxes(text: &str, out: &mut Vec<Cand>) {
    if !(text.contains("Box")
        || text.contains("BOX")
        || text.contains("box")
        || text.contains("PSC")
        || text.contains("USS")
        || text.contains("Postfach"))
    {
        return;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(concat!(
            r"\b(?:(?i:P\.?[ ]?O\.?[ ]?Box|Post[ ]Office[ ]Box|Postfach|Apartado|Caixa[ ]Postal|Casilla)[ ]+[0-9]{1,6}",
            r"|PSC[ ]+[0-9]{1,5},?[ ]+Box[ ]+[0-9]{1,5}",
            r"|(?:Unit|CMR)[ ]+[0-9]{3,5},?[ ]+Box[ ]+[0-9]{1,5}",
            r"|USS[ ][A-Z][a-z]+(?:[ ][A-Z][a-z]+)?(?:[ ]\([A-Z]{2,4}[- ]?[0-9]{1,3}\))?\s*,?\s*(?:APO|FPO|DPO)[ ]+(?:AA|AE|AP)[ ]+[0-9]{5}(?:-[0-9]{4})?)"
        ))
        .expect("built-in pattern compiles")
    });
    let mil = {
        static M: OnceLock<Regex> = OnceLock::new();
        M.get_or_init(|| {
            Regex::new(r"^\s*,?\s*(?:APO|FPO|DPO)[ ]+(?:AA|AE|AP)[ ]+[0-9]{5}(?:-[0-9]{4})?\b")
                .expect("built-in pattern compiles")
        })
    };
    for m in re.find_iter(text) {
        let mut end = m.end();
        if let Some(x) = mil.find(&text[end..]) {
            end += x.end();
        }
        push(out, m.start(), end);
    }
}

/// A unit line or prefix just before a street ("Flat 34\n", "Unit 29, ").
pub(super) fn head(text: &str, start: usize) -> usize {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?:(?i:\b(?:flat|unit|apt|apartment|suite|ste|level|floor|room|shop|office|blk|block|lot|tower|building|bldg|house|plot|bâtiment|batiment|bât|escalier|esc|entrée|entree)\.?[ ]*(?:no\.?[ ]*)?#?[ ]*[0-9]{1,5}[A-Z]?|\b(?:bâtiment|batiment|bât|bat|escalier|esc|entrée|entree|tower|block|building)\.?[ ]+[A-Z])[ ]*(?:,[ ]*|\n)){1,3}$")
            .expect("built-in pattern compiles")
    });
    let from = start.saturating_sub(64);
    let from = (from..=start)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(start);
    match re.find(&text[from..start]) {
        Some(m) => from + m.start(),
        None => start,
    }
}
