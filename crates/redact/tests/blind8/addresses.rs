//! Written street addresses of 33 countries in their own formats (number after
//! the street in most of Europe, number first in Anglo countries and France,
//! Latin American "Calle ... #", East Asian block-and-district forms, South
//! Asian house/flat forms, Gulf and African plots), in the sentences and forms
//! where a customer-service record holds them. One gold span per address, from
//! the house or unit to the last of postcode, city and country.

use super::names::person;
use super::{company, issue, west, world};
use crate::blindgen::{Rng, Sample, Text};

const A: &str = "STREET_ADDRESS";
const P: &str = "PERSON";

/// A `name:value` pair of a `|`-separated list.
pub(crate) fn pair(rng: &mut Rng, list: &'static str) -> (&'static str, &'static str) {
    rng.item(list).split_once(':').unwrap_or(("", ""))
}

pub(crate) fn n(rng: &mut Rng, lo: u64, hi: u64) -> u64 {
    rng.range(lo, hi)
}

/// One written address of one of 33 countries, with its country name 30% of
/// the time.
pub(crate) fn written(rng: &mut Rng) -> String {
    let with_country = rng.chance(0.3);
    let k = rng.below(24);
    let (addr, country) = if k < 18 {
        west::format(rng, k)
    } else {
        world::format(rng, k)
    };
    let addr = addr.trim_end().to_string();
    if with_country {
        format!("{addr}, {country}")
    } else {
        addr
    }
}

/// An address split over lines, as on an envelope or a letterhead: at most
/// two breaks, none between a street and its house number ("Rua Augusta, 93").
fn lines(addr: &str) -> String {
    let parts: Vec<&str> = addr.split(", ").collect();
    let mut out = String::from(parts[0]);
    let mut breaks = 0;
    for (i, part) in parts.iter().enumerate().skip(1) {
        let number_after_street = part.starts_with(|c: char| c.is_ascii_digit())
            && !parts[i - 1].contains(|c: char| c.is_ascii_digit());
        if breaks < 2 && !number_after_street {
            out.push('\n');
            breaks += 1;
        } else {
            out.push_str(", ");
        }
        out.push_str(part);
    }
    out
}

pub(crate) fn sample(rng: &mut Rng) -> Sample {
    let a = written(rng);
    let mut t = Text::new();
    let kind = match rng.below(9) {
        0 => {
            t.t("Please ship the replacement to ").p(A, &a).t(".");
            "addr/ship"
        }
        1 => {
            t.t("Shipping address: ")
                .p(A, &a)
                .t("\nDelivery window: 8am–12pm");
            "addr/form"
        }
        2 => {
            t.t("Customer moved last month; new address is ").p(A, &a);
            t.t(". Old one removed from the account.");
            "addr/moved"
        }
        3 => {
            let b = written(rng);
            t.t("Billing address on file: ")
                .p(A, &a)
                .t("\nService address: ")
                .p(A, &b);
            "addr/two"
        }
        4 => {
            let p = person(rng);
            t.t("Deliver to: ").p(P, &p.full).t(", ").p(A, &a);
            "addr/with-name"
        }
        5 => {
            let p = person(rng);
            t.p(P, &p.full)
                .t("\n")
                .p(A, &lines(&a))
                .t("\n\nRe: ")
                .t(issue(rng));
            "addr/envelope"
        }
        6 => {
            t.t("The engineer visit is booked for ").p(A, &a);
            t.t(" on Thursday between 1 and 5.");
            "addr/visit"
        }
        7 => {
            t.t("Address | ").p(A, &a).t(" | verified");
            "addr/table"
        }
        _ => {
            t.t(company(rng)).t(" returns label printed for ").p(A, &a);
            t.t(" (parcel 2 of 3).");
            "addr/label"
        }
    };
    t.done(kind)
}
