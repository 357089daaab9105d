//! Spoken forms as a speech-to-text engine writes them: house numbers ("four
//! twelve", "fifteen oh two"), street addresses of several countries read out
//! in lower case, phone numbers digit by digit (with "double" and "plus"),
//! e-mail addresses with "dot", "at" and "underscore", dates of birth with
//! ordinals and spoken years.

use super::mail_domain;
use super::names::{fold, Person};
use crate::blindgen::{speak_digits, Rng};

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// 0..=99 in words.
pub(crate) fn small(n: u64) -> String {
    let n = n as usize;
    if n < 20 {
        ONES[n].to_string()
    } else if n % 10 == 0 {
        TENS[n / 10].to_string()
    } else {
        format!("{} {}", TENS[n / 10], ONES[n % 10])
    }
}

/// A house number as people say it: 412 "four twelve", 1502 "fifteen oh
/// two", 300 "three hundred", 27 "twenty seven", or digit by digit.
pub(crate) fn house(rng: &mut Rng, n: u64) -> String {
    let pair = |x: u64| {
        if x < 10 {
            format!("oh {}", ONES[x as usize])
        } else {
            small(x)
        }
    };
    match n {
        0..=99 => small(n),
        100..=999 if n % 100 == 0 => format!("{} hundred", ONES[(n / 100) as usize]),
        100..=999 if rng.chance(0.7) => format!("{} {}", ONES[(n / 100) as usize], pair(n % 100)),
        1000..=9999 if n % 100 != 0 && rng.chance(0.7) => {
            format!("{} {}", small(n / 100), pair(n % 100))
        }
        _ => speak_digits(rng, &n.to_string(), " "),
    }
}

fn ordinal(n: u64) -> String {
    let base = [
        "",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    match n {
        1..=20 => base[n as usize].to_string(),
        30 => "thirtieth".to_string(),
        _ => format!("{} {}", TENS[(n / 10) as usize], base[(n % 10) as usize]),
    }
}

/// Letters of a postcode read out one by one, digits as words.
fn spell(rng: &mut Rng, code: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for c in code.chars() {
        if let Some(d) = c.to_digit(10) {
            out.push(speak_digits(rng, &d.to_string(), " "));
        } else if c.is_ascii_alphabetic() {
            out.push(c.to_ascii_lowercase().to_string());
        }
    }
    out.join(" ")
}

/// A street address read out in a call, lower case, numbers in words.
pub(crate) fn address(rng: &mut Rng) -> String {
    let num = match rng.below(3) {
        0 => rng.range(1, 99),
        1 => rng.range(100, 999),
        _ => rng.range(1000, 9999),
    };
    let h = house(rng, num);
    let small_n = small(rng.range(1, 40));
    let zip5 = rng.digits(5);
    let zip6 = rng.digits(6);
    let ca = format!(
        "{}{}{}{}{}{}",
        rng.letters(1),
        rng.range(0, 9),
        rng.letters(1),
        rng.range(0, 9),
        rng.letters(1),
        rng.range(0, 9)
    );
    match rng.below(12) {
        0 => format!(
            "{h} {} {}{} {} {}",
            rng.item("oak|alder creek|maple hollow|sycamore|juniper|prospect"),
            rng.item("street|drive|avenue|lane|boulevard"),
            if rng.chance(0.5) {
                format!(" apartment {small_n}")
            } else {
                String::new()
            },
            rng.item("tucson arizona|columbus ohio|raleigh north carolina|boise idaho"),
            spell(rng, &zip5),
        ),
        1 => {
            let pc = format!(
                "{}{}{}{}",
                rng.item("ls|bs|m|ne|cf"),
                rng.range(1, 19),
                rng.range(1, 9),
                rng.letters(2)
            );
            format!(
                "flat {small_n}, {h} {} road, {}, {}",
                rng.item("kingfisher|hawthorn|beechwood|ashgrove"),
                rng.item("leeds|bristol|manchester|cardiff"),
                spell(rng, &pc)
            )
        }
        2 => format!(
            "unit {small_n} {h} {} {} {}",
            rng.item("wattle grove|banksia|waratah"),
            rng.item("road|street|parade"),
            rng.item("parramatta|fitzroy|toowong|fremantle")
        ),
        3 => format!(
            "{h} {} {} unit {small_n} {} {}",
            rng.item("lakeshore|bayview|birchmount"),
            rng.item("boulevard|crescent|road"),
            rng.item("toronto|calgary|halifax"),
            spell(rng, &ca)
        ),
        4 => format!(
            "number {small_n} {} {} {} dublin {}",
            rng.item("ballyhale|glenageary|clonskeagh"),
            rng.item("court|park|avenue"),
            rng.item("ranelagh|terenure|drumcondra"),
            small(rng.range(2, 12))
        ),
        5 => format!(
            "{} {small_n}, {} {}",
            rng.item("lindenstrasse|goethestrasse|birkenweg|keizerstraat|storgatan"),
            spell(rng, &zip5),
            rng.item("berlin|leipzig|stuttgart|utrecht|uppsala")
        ),
        6 => format!(
            "calle {} {small_n}, {} floor {}, {}",
            rng.item("larios|de toledo|mallorca|morelos"),
            ordinal(rng.range(1, 8)),
            rng.item("a|b|c"),
            rng.item("madrid|malaga|sevilla|guadalajara")
        ),
        7 => format!(
            "flat {h}, {} apartments, {} cross, {}, {} {}",
            rng.item("shanti|green valley|prestige orchid"),
            ordinal(rng.range(2, 19)),
            rng.item("indiranagar|koramangala|andheri west"),
            rng.item("bangalore|mumbai|pune"),
            spell(rng, &zip6)
        ),
        8 => format!(
            "plot {small_n} {} street {} {}",
            rng.item("adeola odeku|ajose adeogun|akin adesola"),
            rng.item("victoria island|ikoyi|lekki"),
            rng.item("lagos|lagos nigeria")
        ),
        9 => format!(
            "rua {} {h} apartment {small_n} {}",
            rng.item("augusta|das flores|oscar freire"),
            rng.item("sao paulo|porto|belo horizonte")
        ),
        10 => format!(
            "unit {small_n} {} {h} {} street {} {}",
            rng.letters(1).to_lowercase(),
            rng.item("jupiter|kalayaan|mabini"),
            rng.item("bel air|poblacion|san antonio"),
            rng.item("makati|quezon city|pasig")
        ),
        _ => format!(
            "{h} {} avenue {} {}",
            rng.item("jacaranda|protea|msasa"),
            rng.item("menlo park|rondebosch|sandton"),
            rng.item("pretoria|cape town|johannesburg")
        ),
    }
}

/// Digits (with group breaks as spaces) spoken, "double" for some pairs.
pub(crate) fn digits(rng: &mut Rng, grouped: &str, sep: &str) -> String {
    let said = speak_digits(rng, grouped, sep);
    let words: Vec<&str> = said.split(' ').collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if i + 1 < words.len() && words[i] == words[i + 1] && rng.chance(0.5) {
            out.push(format!("double {}", words[i]));
            i += 2;
        } else {
            out.push(words[i].to_string());
            i += 1;
        }
    }
    out.join(" ")
}

/// A phone number of some country, spoken; the national forms start with 0.
pub(crate) fn phone(rng: &mut Rng) -> String {
    let (cc, rest) = match rng.below(8) {
        0 => ("44", format!("7{} {}", rng.digits(3), rng.digits(6))),
        1 => (
            "1",
            format!(
                "{}{} {} {}",
                rng.range(2, 9),
                rng.digits(2),
                rng.digits(3),
                rng.digits(4)
            ),
        ),
        2 => ("91", format!("9{} {}", rng.digits(4), rng.digits(5))),
        3 => (
            "234",
            format!("80{} {} {}", rng.digits(1), rng.digits(3), rng.digits(4)),
        ),
        4 => (
            "61",
            format!("4{} {} {}", rng.digits(2), rng.digits(3), rng.digits(3)),
        ),
        5 => ("49", format!("15{} {}", rng.digits(2), rng.digits(7))),
        6 => (
            "971",
            format!("5{} {} {}", rng.digits(1), rng.digits(3), rng.digits(4)),
        ),
        _ => ("55", format!("11 9{} {}", rng.digits(4), rng.digits(4))),
    };
    let sep = rng.item(" |, ");
    if rng.chance(0.6) {
        format!(
            "plus {}{sep}{}",
            digits(rng, cc, " "),
            digits(rng, &rest, sep)
        )
    } else {
        format!("{}{sep}{}", digits(rng, "0", " "), digits(rng, &rest, sep))
    }
}

/// An e-mail address read out: "amara dot okafor at gmail dot com".
pub(crate) fn email(rng: &mut Rng, p: &Person) -> String {
    let g = fold(&p.given);
    let s = fold(&p.surname);
    let local = match rng.below(5) {
        0 => format!("{g} dot {s}"),
        1 => format!("{} dot {s}", &g[..1]),
        2 => format!("{g} underscore {s} {}", small(rng.range(1, 99))),
        3 => format!("{}{s}", &g[..1]),
        _ => {
            let k = rng.range(70, 2005);
            format!("{g} {}", house(rng, k))
        }
    };
    let domain = mail_domain(rng).replace('.', " dot ");
    format!("{local} at {domain}")
}

fn year(rng: &mut Rng) -> String {
    let y = rng.range(1942, 2006);
    if y >= 2000 {
        let and = if rng.chance(0.5) { "and " } else { "" };
        if y == 2000 {
            "two thousand".to_string()
        } else {
            format!("two thousand {and}{}", small(y - 2000))
        }
    } else {
        format!("nineteen {}", small(y - 1900))
    }
}

/// A date of birth said aloud.
pub(crate) fn date(rng: &mut Rng) -> String {
    let m = rng.item(
        "january|february|march|april|may|june|july|august|september|october|november|december",
    );
    let d = ordinal(rng.range(1, 28));
    let y = year(rng);
    match rng.below(3) {
        0 => format!("{m} {d} {y}"),
        1 => format!("{d} {m} {y}"),
        _ => format!("{d} of {m} {y}"),
    }
}
