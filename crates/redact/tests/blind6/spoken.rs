//! Spoken-number makers of blind6: number words, years, ordinals, and the way
//! callers read phone numbers, cards, SSNs and IPs aloud (groups, "double",
//! "oh", tens pairs, "hundred").

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
const ORD: [&str; 20] = [
    "zeroth",
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
];
const TENS_ORD: [&str; 4] = ["", "", "twentieth", "thirtieth"];

pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// 0..=99 in words ("forty five", or "forty-five" when `hyphen`).
pub(crate) fn words99(n: u64, hyphen: bool) -> String {
    let n = n as usize;
    if n < 20 {
        ONES[n].to_string()
    } else if n % 10 == 0 {
        TENS[n / 10].to_string()
    } else {
        format!(
            "{}{}{}",
            TENS[n / 10],
            if hyphen { "-" } else { " " },
            ONES[n % 10]
        )
    }
}

/// A day of month as a spoken ordinal ("twenty first", "third").
pub(crate) fn ordinal(rng: &mut Rng, n: u64) -> String {
    let n = n as usize;
    if n < 20 {
        ORD[n].to_string()
    } else if n % 10 == 0 {
        TENS_ORD[n / 10].to_string()
    } else {
        let sep = if rng.chance(0.3) { "-" } else { " " };
        format!("{}{sep}{}", TENS[n / 10], ORD[n % 10])
    }
}

/// A year as said aloud ("nineteen eighty seven", "two thousand and four", "oh six").
pub(crate) fn year_words(rng: &mut Rng, y: u64) -> String {
    let yy = y % 100;
    if y < 2000 {
        let tail = if yy < 10 {
            format!("oh {}", ONES[yy as usize])
        } else {
            words99(yy, rng.chance(0.2))
        };
        if rng.chance(0.25) {
            tail
        } else {
            format!("nineteen {tail}")
        }
    } else if yy < 10 || rng.chance(0.5) {
        let and = if rng.chance(0.4) { " and" } else { "" };
        if yy == 0 {
            "two thousand".to_string()
        } else {
            format!("two thousand{and} {}", words99(yy, false))
        }
    } else {
        format!("twenty {}", words99(yy, false))
    }
}

/// A house number as said aloud: "four twelve", "twenty two oh five",
/// "seventeen", "one two three four", "four hundred twelve".
pub(crate) fn house_words(rng: &mut Rng, n: u64) -> String {
    if n < 100 {
        return words99(n, false);
    }
    if rng.chance(0.2) {
        return speak_digits(rng, &n.to_string(), " ");
    }
    if n % 1000 == 0 {
        return format!("{} thousand", ONES[(n / 1000) as usize % 20]);
    }
    let (head, rest) = (n / 100, n % 100);
    let tail = if rest == 0 {
        "hundred".to_string()
    } else if rest < 10 {
        format!("oh {}", ONES[rest as usize])
    } else {
        words99(rest, false)
    };
    if head < 10 && rest != 0 && rng.chance(0.25) {
        format!("{} hundred {}", ONES[head as usize], words99(rest, false))
    } else {
        format!("{} {tail}", words99(head, false))
    }
}

/// One digit group said digit by digit, with "double"/"triple" for repeats
/// (when `doubles`) and "oh" or "zero" for 0.
pub(crate) fn group_words(rng: &mut Rng, g: &str, doubles: bool) -> String {
    let ds: Vec<usize> = g.bytes().map(|b| (b - b'0') as usize).collect();
    let zero = if rng.chance(0.5) { "oh" } else { "zero" };
    let word = |d: usize| if d == 0 { zero } else { ONES[d] };
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < ds.len() {
        let mut run = 1;
        while i + run < ds.len() && ds[i + run] == ds[i] {
            run += 1;
        }
        if doubles && run == 3 {
            out.push(format!("triple {}", word(ds[i])));
            i += 3;
        } else if doubles && run >= 2 {
            out.push(format!("double {}", word(ds[i])));
            i += 2;
        } else {
            out.push(word(ds[i]).to_string());
            i += 1;
        }
    }
    out.join(" ")
}

/// Four digits as two tens pairs ("forty five sixty seven"), when neither pair starts with 0.
fn pairs_words(g: &str) -> Option<String> {
    let b = g.as_bytes();
    if b.len() != 4 || b[0] == b'0' || b[2] == b'0' {
        return None;
    }
    let a: u64 = g[..2].parse().ok()?;
    let c: u64 = g[2..].parse().ok()?;
    Some(format!("{} {}", words99(a, false), words99(c, false)))
}

/// A US phone number: area, exchange, line (NANP-valid), as digit groups.
pub(crate) fn us_phone_groups(rng: &mut Rng) -> [String; 3] {
    let area = loop {
        let a = format!("{}{}{}", rng.range(2, 9), rng.below(9), rng.below(10));
        if &a[1..] != "11" {
            break a;
        }
    };
    let exch = loop {
        let e = format!("{}{}", rng.range(2, 9), rng.digits(2));
        if &e[1..] != "11" && e != "555" {
            break e;
        }
    };
    [area, exch, rng.digits(4)]
}

/// Reads phone digit groups aloud in one of several caller habits.
pub(crate) fn speak_phone(rng: &mut Rng, groups: &[String]) -> String {
    let seps = [", ", " ", "... ", " - ", ", uh, "];
    let sep = seps[rng.below(seps.len())];
    let doubles = rng.chance(0.45);
    let last = groups.len() - 1;
    let mut parts = Vec::new();
    for (i, g) in groups.iter().enumerate() {
        let w = if i == last && rng.chance(0.3) {
            pairs_words(g).unwrap_or_else(|| group_words(rng, g, doubles))
        } else if i == 0 && g == "800" && rng.chance(0.7) {
            "eight hundred".to_string()
        } else {
            group_words(rng, g, doubles)
        };
        parts.push(w);
    }
    parts.join(sep)
}

/// A written phone as STT formats it, from US groups.
pub(crate) fn written_us_phone(rng: &mut Rng, g: &[String; 3]) -> String {
    match rng.below(5) {
        0 => format!("({}) {}-{}", g[0], g[1], g[2]),
        1 => format!("{}-{}-{}", g[0], g[1], g[2]),
        2 => format!("{}.{}.{}", g[0], g[1], g[2]),
        3 => format!("+1 {} {} {}", g[0], g[1], g[2]),
        _ => format!("{}{}{}", g[0], g[1], g[2]),
    }
}

/// A non-US phone as groups with its spoken country prefix and written form.
pub(crate) fn intl_phone(rng: &mut Rng) -> (Vec<String>, &'static str, &'static str) {
    match rng.below(6) {
        0 => (
            vec![
                "07".to_string() + &rng.range(3, 9).to_string() + &rng.digits(2),
                rng.digits(6),
            ],
            "plus four four",
            "+44",
        ),
        1 => (
            vec![
                format!("1{}", rng.range(5, 7)),
                rng.digits(4),
                rng.digits(4),
            ],
            "plus four nine",
            "+49",
        ),
        2 => (
            vec![format!("9{}", rng.digits(4)), rng.digits(5)],
            "plus nine one",
            "+91",
        ),
        3 => (
            vec![format!("4{}", rng.digits(2)), rng.digits(3), rng.digits(3)],
            "plus six one",
            "+61",
        ),
        4 => (
            vec![
                format!("6{}", rng.digits(1)),
                rng.digits(2),
                rng.digits(2),
                rng.digits(2),
                rng.digits(2),
            ],
            "plus three three",
            "+33",
        ),
        _ => (
            vec![format!("55{}", rng.digits(1)), rng.digits(3), rng.digits(4)],
            "plus five two",
            "+52",
        ),
    }
}

/// Card digits read in their printed groups.
pub(crate) fn speak_card(rng: &mut Rng, grouped: &str) -> String {
    let sep = [", ", " ", "... ", ", okay, "][rng.below(4)];
    speak_digits(rng, grouped, sep)
}

/// An SSN (digits only) read aloud 3-2-4, digit by digit or with tens pairs.
pub(crate) fn speak_ssn(rng: &mut Rng, ssn: &str) -> String {
    let (a, b, c) = (&ssn[..3], &ssn[3..5], &ssn[5..]);
    let sep = [", ", " ", "... ", " dash "][rng.below(4)];
    let doubles = rng.chance(0.3);
    let aw = group_words(rng, a, doubles);
    let bw = if rng.chance(0.4) && !b.starts_with('0') {
        words99(b.parse().unwrap_or(0), false)
    } else {
        group_words(rng, b, doubles)
    };
    let cw = if rng.chance(0.4) {
        pairs_words(c).unwrap_or_else(|| group_words(rng, c, doubles))
    } else {
        group_words(rng, c, doubles)
    };
    format!("{aw}{sep}{bw}{sep}{cw}")
}

/// An IPv4 address (not 0.x, not 255) and its spoken form.
pub(crate) fn ip(rng: &mut Rng) -> (String, String) {
    let octets: Vec<u64> = match rng.below(4) {
        0 => vec![192, 168, rng.range(0, 20), rng.range(2, 254)],
        1 => vec![10, rng.range(0, 255), rng.range(0, 255), rng.range(1, 254)],
        2 => vec![172, rng.range(16, 31), rng.range(0, 255), rng.range(1, 254)],
        _ => vec![
            rng.range(23, 223),
            rng.range(0, 255),
            rng.range(0, 255),
            rng.range(1, 254),
        ],
    };
    let written = octets
        .iter()
        .map(|o| o.to_string())
        .collect::<Vec<_>>()
        .join(".");
    let dot = if rng.chance(0.85) { " dot " } else { " point " };
    let spoken = octets
        .iter()
        .map(|&o| {
            if o < 100 && rng.chance(0.6) {
                words99(o, false)
            } else if o >= 100 && rng.chance(0.3) {
                house_words(rng, o)
            } else {
                speak_digits(rng, &o.to_string(), " ")
            }
        })
        .collect::<Vec<_>>()
        .join(dot);
    (written, spoken)
}
