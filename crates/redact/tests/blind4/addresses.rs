//! International street addresses for the blind corpus 4: per country, street
//! names and types, numbering order, unit words, postcode formats and city tails,
//! all written by the corpus author. An address is a list of lines (street line,
//! optional unit, postcode and city, optional country); the gold span is always
//! the whole address.

use crate::blindgen::Rng;

use super::europe::{at_ch, central_east, de, es_pt, fr, it, nl_be, nordic, uk_ie};
use super::world::{africa_latam, asia, ca_au_nz, military, us, us_territory};

/// An address as its lines, from the street line to the last tail line.
pub(crate) type Lines = Vec<String>;

pub(super) fn maybe_country(rng: &mut Rng, lines: &mut Lines, country: &str) {
    if rng.chance(0.55) {
        lines.push(country.to_string());
    }
}

/// A random international address as lines, with the name of its region.
pub(crate) fn address(rng: &mut Rng) -> (&'static str, Lines) {
    match rng.below(15) {
        0 => ("de", de(rng)),
        1 => ("at_ch", at_ch(rng)),
        2 => ("nl_be", nl_be(rng)),
        3 => ("fr", fr(rng)),
        4 => ("es_pt_br", es_pt(rng)),
        5 => ("it", it(rng)),
        6 => ("nordic", nordic(rng)),
        7 => ("central_east", central_east(rng)),
        8 => ("uk_ie", uk_ie(rng)),
        9 => ("ca_au_nz", ca_au_nz(rng)),
        10 => ("asia", asia(rng)),
        11 => ("africa_latam", africa_latam(rng)),
        12 => ("us_territory", us_territory(rng)),
        13 => ("military", military(rng)),
        _ => ("us", us(rng)),
    }
}
