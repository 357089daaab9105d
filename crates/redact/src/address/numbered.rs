//! Streets named by numbers: South Asian addresses that name the house and the road by number
//! ("House 34, Road 22, Dhanmondi", "House No. 52, Oxford Street", "Plot 17,
//! Street 9") or by block and sector ("J-361, Sector 113", "C-91, Sector 60").
//! The localities, postcodes and country after them come from the shared tail
//! (see [`super::tail`]), added where every street is extended. Colombian grid
//! addresses ("Calle 53 # 21-40") live here too.

use std::sync::OnceLock;

use regex::Regex;

use super::intl::push;
use crate::detect::Cand;

/// Finds house-and-road and block-and-sector street cores.
pub(super) fn streets(text: &str, out: &mut Vec<Cand>) {
    // every form holds a number and a comma ("House 34, Road 22") or "No."
    let b = text.as_bytes();
    let digit_comma = b.windows(2).any(|w| w[0].is_ascii_digit() && w[1] == b',');
    if !digit_comma && !text.contains("No.") {
        return;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(concat!(
            r"\b(?:(?i:house|plot|h)(?:[ ]+(?i:no)\.?)?[ ]+[0-9]{1,5}[A-Z]?(?:/[0-9A-Z]{1,3})?,[ ]+",
            r"(?:(?i:road|street|lane|block|sector)[ ]+[0-9]{1,4}[A-Z]?",
            r"|\p{Lu}\p{Ll}+(?:[ ]\p{Lu}\p{Ll}+){0,2}[ ](?:Road|Street|Lane|Avenue))",
            r"|\b[A-Z]{1,2}-[0-9]{1,4}[A-Z]?,[ ]+(?i:sector|block|phase)[ ]+[0-9]{1,3}[A-Z]?",
            // Indian house numbers: "H.No. 2-9-282", "H. No. 14/3"
            r"|\bH\.?[ ]?No\.?[ ]*[0-9]{1,4}(?:[-/][0-9A-Z]{1,4}){0,3})\b"
        ))
        .expect("built-in pattern compiles")
    });
    for m in re.find_iter(text) {
        push(out, m.start(), m.end());
    }
}

/// Colombian grid addresses: the street, its number, `#`, the cross street and
/// the distance ("Carrera 7 # 52-22", "Calle 72 # 10-89", "Cra. 43A #80-22").
pub(super) fn colombia(text: &str, out: &mut Vec<Cand>) {
    if !text.contains('#') {
        return;
    }
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"\b(?:Carrera|Calle|Cra\.?|Cl\.?|Avenida|Av\.?|Transversal|Diagonal|Tv\.?|Dg\.?)[ ]+[0-9]{1,3}[A-Z]?(?:[ ]?Bis)?[ ]*(?:#|No\.?)[ ]*[0-9]{1,3}[A-Z]?-[0-9]{1,3}\b")
            .expect("built-in pattern compiles")
    });
    for m in re.find_iter(text) {
        push(out, m.start(), m.end());
    }
}
