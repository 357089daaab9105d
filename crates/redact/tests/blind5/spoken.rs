//! Spoken forms for the blind corpus 5: numbers, ordinals, years and dates as a
//! speech-to-text engine writes them, and the voice corpus's name lists.

use crate::blindgen::Rng;

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
];
const ORD_TENS: [&str; 4] = ["", "", "twentieth", "thirtieth"];

/// Month names, January first.
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

/// 0..=99 in words ("twenty one").
pub(crate) fn number(n: u64) -> String {
    let n = n as usize;
    if n < 20 {
        ONES[n].to_string()
    } else if n % 10 == 0 {
        TENS[n / 10].to_string()
    } else {
        format!("{} {}", TENS[n / 10], ONES[n % 10])
    }
}

/// 1..=31 as an ordinal ("twenty third").
pub(crate) fn ordinal(n: u64) -> String {
    let n = n as usize;
    if n < 20 {
        ORD[n].to_string()
    } else if n % 10 == 0 {
        ORD_TENS[n / 10].to_string()
    } else {
        format!("{} {}", TENS[n / 10], ORD[n % 10])
    }
}

/// A year as spoken ("nineteen eighty eight", "two thousand four", "twenty ten").
pub(crate) fn year(rng: &mut Rng, y: u64) -> String {
    let (hi, lo) = (y / 100, y % 100);
    if hi == 20 && lo < 10 {
        if lo == 0 {
            "two thousand".to_string()
        } else {
            format!("two thousand {}", ONES[lo as usize])
        }
    } else if lo == 0 {
        format!("{} hundred", number(hi))
    } else if lo < 10 {
        format!("{} oh {}", number(hi), ONES[lo as usize])
    } else if hi == 20 && rng.chance(0.5) {
        format!("two thousand {}", number(lo))
    } else {
        format!("{} {}", number(hi), number(lo))
    }
}

/// A birth date as `(written, spoken)` forms.
pub(crate) fn birth_date(rng: &mut Rng) -> (String, String) {
    let (y, m, d) = (rng.range(1938, 2006), rng.range(1, 12), rng.range(1, 28));
    let month = MONTHS[(m - 1) as usize];
    let written = match rng.below(4) {
        0 => format!("{m}/{d}/{y}"),
        1 => format!("{m:02}/{d:02}/{y}"),
        2 => format!("{} {d}, {y}", capitalise(month)),
        _ => format!("{y}-{m:02}-{d:02}"),
    };
    let spoken = match rng.below(3) {
        0 => format!("{month} {} {}", ordinal(d), year(rng, y)),
        1 => format!("the {} of {month} {}", ordinal(d), year(rng, y)),
        _ => format!("{month} {} {}", number(d), year(rng, y)),
    };
    (written, spoken)
}

/// Upper-cases the first letter.
pub(crate) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Given names for the voice corpus (various cultures, author's own list).
pub(crate) const GIVEN: &str = "daniel renate marisol tomasz aoife kenji olumide priyanka stefan ingrid haruka mateus svetlana kwabena lucia yusuf astrid rashida bogdan carmen dmitri naledi fernando hiroshi amelie bartosz joanna efua rafael zainab lorenzo siddharth hana nikolai catalina emeka brigitte tariq solveig wanjiru arturo mei-ling gustavo farah ilse desmond kalinda pablo noor vasco yvonne";

/// Surnames for the voice corpus.
pub(crate) const SURNAMES: &str = "reyes vogelsang okonkwo wierzbicki lindqvist castellanos horakova nakamura fitzgerald adebayo moreau kowalski haddad fernandes bergmann achterberg nguyen papadakis oyelaran szymanski rautio delacroix mbeki sorensen yamaguchi abernathy quintero kapoor ferreira novak hakimi bianchi ostrowski lemaire mwangi engel takahashi alvarado sandoval brennan kaminski rosales obi varga pereira holloway suzuki duarte koch mcintyre";

/// Mail domains as spoken ("gmail dot com").
pub(crate) const DOMAINS: &str = "gmail dot com|outlook dot com|yahoo dot co dot uk|hotmail dot com|icloud dot com|proton dot me|web dot de|gmx dot net|orange dot fr|comcast dot net|libero dot it|acme dot io";
