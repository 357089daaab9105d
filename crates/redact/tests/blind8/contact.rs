//! Written contact details in CRM notes and profiles: phone numbers in the
//! international and national formats of many countries, e-mail addresses,
//! dates of birth in several orders and spellings, and full customer records.

use super::addresses::written;
use super::names::{local_part, person};
use super::{mail_domain, work_domain};
use crate::blindgen::{Rng, Sample, Text};

const P: &str = "PERSON";
const A: &str = "STREET_ADDRESS";
const PH: &str = "PHONE";
const E: &str = "EMAIL";
const D: &str = "DATE_OF_BIRTH";

/// A written phone number of one of 22 countries.
pub(crate) fn phone(rng: &mut Rng) -> String {
    let d = |rng: &mut Rng, k: usize| rng.digits(k);
    match rng.below(22) {
        0 => format!("+44 20 {} {}", d(rng, 4), d(rng, 4)),
        1 => format!("07{} {}", d(rng, 3), d(rng, 6)),
        2 => format!(
            "+1 ({}{}) {}-{}",
            rng.range(2, 9),
            d(rng, 2),
            d(rng, 3),
            d(rng, 4)
        ),
        3 => format!(
            "({}{}) {}-{}",
            rng.range(2, 9),
            d(rng, 2),
            d(rng, 3),
            d(rng, 4)
        ),
        4 => format!("+49 30 {}", d(rng, 8)),
        5 => format!(
            "+33 6 {} {} {} {}",
            d(rng, 2),
            d(rng, 2),
            d(rng, 2),
            d(rng, 2)
        ),
        6 => format!("+91 9{} {}", d(rng, 4), d(rng, 5)),
        7 => format!("+81 90-{}-{}", d(rng, 4), d(rng, 4)),
        8 => format!("+55 11 9{}-{}", d(rng, 4), d(rng, 4)),
        9 => format!("+234 80{} {} {}", d(rng, 1), d(rng, 3), d(rng, 4)),
        10 => format!("+254 7{} {}", d(rng, 2), d(rng, 6)),
        11 => format!("+971 50 {} {}", d(rng, 3), d(rng, 4)),
        12 => format!("+61 4{} {} {}", d(rng, 2), d(rng, 3), d(rng, 3)),
        13 => format!("+52 55 {} {}", d(rng, 4), d(rng, 4)),
        14 => format!(
            "+90 53{} {} {} {}",
            d(rng, 1),
            d(rng, 3),
            d(rng, 2),
            d(rng, 2)
        ),
        15 => format!("+48 60{} {} {}", d(rng, 1), d(rng, 3), d(rng, 3)),
        16 => format!("+27 82 {} {}", d(rng, 3), d(rng, 4)),
        17 => format!("+62 812-{}-{}", d(rng, 4), d(rng, 4)),
        18 => format!("+63 917 {} {}", d(rng, 3), d(rng, 4)),
        19 => format!("+82 10-{}-{}", d(rng, 4), d(rng, 4)),
        20 => format!("+86 13{} {} {}", d(rng, 1), d(rng, 4), d(rng, 4)),
        _ => format!(
            "+34 6{} {} {} {}",
            d(rng, 2),
            d(rng, 2),
            d(rng, 2),
            d(rng, 2)
        ),
    }
}

/// A written date of birth.
pub(crate) fn dob(rng: &mut Rng) -> String {
    let (d, m, y) = (rng.range(1, 28), rng.range(1, 12), rng.range(1940, 2006));
    let month = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ][(m - 1) as usize];
    match rng.below(7) {
        0 => format!("{d:02}/{m:02}/{y}"),
        1 => format!("{m:02}/{d:02}/{y}"),
        2 => format!("{y}-{m:02}-{d:02}"),
        3 => format!("{d} {month} {y}"),
        4 => format!("{month} {d}, {y}"),
        5 => format!("{d:02}.{m:02}.{y}"),
        _ => format!("{d:02}-{}-{y}", &month[..3]),
    }
}

pub(crate) fn sample(rng: &mut Rng) -> Sample {
    let p = person(rng);
    let mail = format!("{}@{}", local_part(rng, &p), mail_domain(rng));
    let ph = phone(rng);
    let mut t = Text::new();
    let kind = match rng.below(8) {
        0 => {
            t.t("Callback number: ")
                .p(PH, &ph)
                .t(" (mobile, prefers after 6pm)");
            "contact/phone"
        }
        1 => {
            let ph2 = phone(rng);
            t.t("Tel. ")
                .p(PH, &ph)
                .t(" (home), ")
                .p(PH, &ph2)
                .t(" (work)");
            "contact/phone"
        }
        2 => {
            t.t("Please call ")
                .p(P, &p.full)
                .t(" on ")
                .p(PH, &ph)
                .t(" about the refund.");
            "contact/phone"
        }
        3 => {
            t.t("Receipt re-sent to ")
                .p(E, &mail)
                .t("; the old address bounced.");
            "contact/email"
        }
        4 => {
            let w = format!("{}@{}", local_part(rng, &p), work_domain(rng));
            t.t("Customer asked us to use ")
                .p(E, &w)
                .t(" instead of ")
                .p(E, &mail)
                .t(".");
            "contact/email"
        }
        5 => {
            let b = dob(rng);
            t.t("Identity check passed: ")
                .p(P, &p.full)
                .t(", DOB ")
                .p(D, &b)
                .t(".");
            "contact/dob"
        }
        6 => {
            let b = dob(rng);
            let cue = rng.item("Date of birth: |D.O.B. |Born: |DOB: ");
            t.t("Policyholder: ").p(P, &p.full).t("\n").t(cue).p(D, &b);
            "contact/dob"
        }
        _ => {
            let b = dob(rng);
            let a = written(rng);
            t.t("Name: ").p(P, &p.full).t("\nDate of birth: ").p(D, &b);
            t.t("\nPhone: ").p(PH, &ph).t("\nEmail: ").p(E, &mail);
            t.t("\nAddress: ").p(A, &a);
            "contact/profile"
        }
    };
    t.done(kind)
}
