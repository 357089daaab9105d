//! Value makers of blind6: spoken and written e-mails, dates of birth and
//! street addresses. Each returns the value and whether it is spoken.

use super::names;
use super::spoken::{house_words, ordinal, words99, year_words, MONTHS};
use crate::blindgen::{speak_digits, Rng};

const FREEMAIL: &str = "gmail dot com|yahoo dot com|yahoo dot co dot uk|outlook dot com|\
hotmail dot com|icloud dot com|proton dot me|aol dot com|comcast dot net|web dot de|\
gmx dot net|orange dot fr|libero dot it|rediffmail dot com|qq dot com|naver dot com|\
live dot ca|bigpond dot com|me dot com|att dot net|sbcglobal dot net|mail dot ru";
const ORGMAIL: &str = "brightlane dot io|kestrel dash logistics dot com|tcd dot ie|\
student dot uva dot nl|harbourview dot co dot nz|mapleridge dental dot com|\
ondacorp dot com dot br|zenith hq dot org|uni dash mannheim dot de|sunrise clinic dot in";
const WORDY: &str = "coffee lover|the real|sunny days|blue heron|night owl|happy feet|\
mountain goat|jazz hands|lucky star|soccer mom|big bear|green thumb";

/// A spoken e-mail address ("maria dot gonzalez eighty seven at gmail dot com").
pub(crate) fn spoken_email(rng: &mut Rng) -> String {
    let g = names::given(rng, true);
    let s = names::surname(rng, true).replace('\'', "");
    let num = match rng.below(4) {
        0 => format!(" {}", words99(rng.range(1, 99), false)),
        1 => {
            let k = rng.range(2, 4) as usize;
            let d = rng.digits(k);
            format!(" {}", speak_digits(rng, &d, " "))
        }
        _ => String::new(),
    };
    let local = match rng.below(9) {
        0 | 1 => format!("{g} dot {s}"),
        2 => format!("{g} underscore {s}{num}"),
        3 => format!("{} {s}{num}", &g[..1]),
        4 => format!("{g} {s}{num}"),
        5 => format!("{} {g}{num}", rng.item(WORDY)),
        6 => format!("{s} dash {g}"),
        7 => format!(
            "{}{num}",
            names::spell(rng, &g[..g.len().min(5)]).to_lowercase()
        ),
        _ => format!("{g}.{}", &s[..1]),
    };
    let domain = if rng.chance(0.75) {
        rng.item(FREEMAIL).to_string()
    } else {
        rng.item(ORGMAIL).to_string()
    };
    let domain = if rng.chance(0.1) {
        domain.replace(" dot ", ".")
    } else {
        domain
    };
    let at = if rng.chance(0.12) { "at sign" } else { "at" };
    format!("{local} {at} {domain}")
}

/// A written e-mail address.
pub(crate) fn written_email(rng: &mut Rng) -> String {
    let g = names::given(rng, true);
    let s: String = names::surname(rng, true)
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect();
    let dom = rng.item(FREEMAIL).replace(" dot ", ".").replace(' ', "");
    match rng.below(4) {
        0 => format!("{g}.{s}@{dom}"),
        1 => format!("{}{s}{}@{dom}", &g[..1], rng.range(1, 99)),
        2 => format!("{g}_{s}@{dom}"),
        _ => format!("{s}.{g}{}@{dom}", rng.range(70, 99)),
    }
}

fn days_in(m: u64) -> u64 {
    match m {
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn th(d: u64) -> &'static str {
    match d {
        1 | 21 | 31 => "st",
        2 | 22 => "nd",
        3 | 23 => "rd",
        _ => "th",
    }
}

/// A date of birth in one of many written and spoken forms.
pub(crate) fn dob(rng: &mut Rng) -> (String, bool) {
    let y = rng.range(1941, 2006);
    let m = rng.range(1, 12);
    let d = rng.range(1, days_in(m));
    let mon = MONTHS[(m - 1) as usize];
    let mon_c = names::cap(mon);
    let yy = y % 100;
    match rng.below(16) {
        0 => (format!("{m:02}/{d:02}/{y}"), false),
        1 => (format!("{m}/{d}/{yy:02}"), false),
        2 => (format!("{y}-{m:02}-{d:02}"), false),
        3 => (format!("{d:02}.{m:02}.{y}"), false),
        4 => (format!("{mon_c} {d}, {y}"), false),
        5 => (format!("{d} {mon_c} {y}"), false),
        6 => (format!("{} {d}{} {y}", &mon_c[..3], th(d)), false),
        7 => (
            format!("{mon} {} {}", ordinal(rng, d), year_words(rng, y)),
            true,
        ),
        8 => (
            format!("{mon} {}, {}", words99(d, false), year_words(rng, y)),
            true,
        ),
        9 => (
            format!("the {} of {mon}, {}", ordinal(rng, d), year_words(rng, y)),
            true,
        ),
        10 => (
            format!("{} {mon} {}", ordinal(rng, d), year_words(rng, y)),
            true,
        ),
        11 => {
            let mm = if m < 10 {
                format!("oh {}", words99(m, false))
            } else {
                words99(m, false)
            };
            let dd = if d < 10 {
                format!("oh {}", words99(d, false))
            } else {
                words99(d, false)
            };
            (format!("{mm} {dd} {}", words99(yy, false)), true)
        }
        12 => (
            format!(
                "{} {} {}",
                words99(m, false),
                words99(d, false),
                year_words(rng, y)
            ),
            true,
        ),
        13 => (
            format!("{} {mon} the {}", year_words(rng, y), ordinal(rng, d)),
            true,
        ),
        14 => (format!("{mon_c} {d}{}, {y}", th(d)), false),
        _ => (
            format!("{mon} the {}, {}", ordinal(rng, d), year_words(rng, y)),
            true,
        ),
    }
}

const STREETS: &str = "maple|north cedar|martin luther king junior|old orchard|ridgecrest|\
sycamore|lakeview|west forty second|saint charles|peachtree|willow creek|pleasant hill|\
south main|magnolia|juniper|briarwood|east fifth|cherokee|hillcrest|foxglove|prairie wind";
const SUFFIX: &str = "street|avenue|road|drive|lane|boulevard|court|place|way|terrace|\
circle|parkway|trail";
const ABBR: &str = "St|Ave|Rd|Dr|Ln|Blvd|Ct|Pl|Way|Ter|Cir|Pkwy|Trl";
const CITIES: &str = "columbus ohio|tacoma washington|el paso texas|savannah georgia|\
dearborn michigan|tempe arizona|provo utah|fresno california|bangor maine|\
duluth minnesota|lafayette louisiana|yonkers new york|camden new jersey|\
boise idaho|lexington kentucky|tulsa oklahoma";
const CITY_CODES: &str = "Columbus, OH|Tacoma, WA|El Paso, TX|Savannah, GA|Dearborn, MI|\
Tempe, AZ|Provo, UT|Fresno, CA|Bangor, ME|Duluth, MN|Lafayette, LA|Yonkers, NY|\
Camden, NJ|Boise, ID|Lexington, KY|Tulsa, OK";

fn unit(rng: &mut Rng, spoken: bool) -> String {
    let n = rng.range(1, 40);
    let letter = ["a", "b", "c", "d"][rng.below(4)];
    match (rng.below(4), spoken) {
        (0, true) => format!(" apartment {} {letter}", words99(n, false)),
        (1, true) => format!(" unit {}", words99(n, false)),
        (2, true) => {
            let s = rng.range(100, 450);
            format!(", suite {}", house_words(rng, s))
        }
        (_, true) => String::new(),
        (0, false) => format!(", Apt {n}{}", letter.to_uppercase()),
        (1, false) => format!(" Unit {n}"),
        (2, false) => format!(", Suite {}", rng.range(100, 450)),
        _ => String::new(),
    }
}

/// A US street address, spoken (number words, spoken ZIP) or as STT writes it.
pub(crate) fn us_address(rng: &mut Rng, lower: bool) -> (String, bool) {
    let n = if rng.chance(0.3) {
        rng.range(1, 99)
    } else {
        rng.range(100, 9899)
    };
    let street = rng.item(STREETS);
    let i = rng.below(SUFFIX.split('|').count());
    let zip = format!("{}{}", rng.range(1, 9), rng.digits(4));
    let city_i = rng.below(CITIES.split('|').count());
    if rng.chance(0.55) {
        let c = |s: &str| if lower { s.to_string() } else { names::cap(s) };
        let street = c(street);
        let suffix = c(SUFFIX.split('|').nth(i).unwrap_or("street"));
        let city = c(CITIES.split('|').nth(city_i).unwrap_or(""));
        let mut v = format!(
            "{} {street} {suffix}{}",
            house_words(rng, n),
            unit(rng, true)
        );
        match rng.below(3) {
            0 => v.push_str(&format!(", {city}")),
            1 => v.push_str(&format!(" in {city}, {}", speak_digits(rng, &zip, " "))),
            _ => v.push_str(&format!(" {city} {}", speak_digits(rng, &zip, " "))),
        }
        (v, true)
    } else {
        let suffix = if rng.chance(0.5) {
            ABBR.split('|').nth(i).unwrap_or("St").to_string()
        } else {
            names::cap(SUFFIX.split('|').nth(i).unwrap_or("street"))
        };
        let city = CITY_CODES.split('|').nth(city_i).unwrap_or("");
        let v = format!(
            "{n} {} {suffix}{}, {city} {zip}",
            names::cap(street),
            unit(rng, false)
        );
        (if lower { v.to_lowercase() } else { v }, false)
    }
}

/// A non-US address as a caller gives it (STT writes the digits).
pub(crate) fn intl_address(rng: &mut Rng, lower: bool) -> String {
    let v = match rng.below(8) {
        0 => format!(
            "flat {}, {} wellington road, leeds LS{} {}{}",
            rng.range(1, 12),
            rng.range(2, 180),
            rng.range(1, 28),
            rng.range(1, 9),
            rng.letters(2)
        ),
        1 => format!(
            "{} rue saint-denis, montreal, quebec H2X {}{}{}",
            rng.range(100, 4999),
            rng.range(1, 9),
            rng.letters(1),
            rng.range(1, 9)
        ),
        2 => format!(
            "unit {}, {} bondi road, bondi NSW 20{}",
            rng.range(1, 20),
            rng.range(2, 300),
            rng.range(10, 99)
        ),
        3 => format!(
            "hauptstrasse {}, {} berlin",
            rng.range(1, 140),
            rng.range(10115, 14199)
        ),
        4 => format!(
            "flat {}, sai krupa apartments, {}th cross, indiranagar, bangalore 5600{}",
            rng.range(101, 504),
            rng.range(4, 19),
            rng.range(10, 99)
        ),
        5 => format!(
            "calle durango {}, colonia roma norte, 06700 ciudad de mexico",
            rng.range(10, 399)
        ),
        6 => format!(
            "{} queen street west, toronto, ontario M5V {}{}{}",
            rng.range(10, 999),
            rng.range(1, 9),
            rng.letters(1),
            rng.range(1, 9)
        ),
        _ => format!(
            "apartment {}, {} harcourt street, dublin 2, D02 {}{}",
            rng.range(1, 30),
            rng.range(1, 90),
            rng.letters(1),
            rng.range(100, 999)
        ),
    };
    if lower {
        v.to_lowercase()
    } else {
        names::cap(&v)
    }
}
