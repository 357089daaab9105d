//! Blind held-out corpus: a seeded generator of support-call transcripts in the
//! style of speech-to-text output, written without looking at the detectors or at
//! `tests/corpus`. Every PII span is labelled with its type and byte offsets.
//!
//! Styles: cased and punctuated (as a "smart formatting" ASR writes), lowercased,
//! and lowercased without punctuation (raw ASR). Fillers, self-corrections,
//! pauses, mixed digits and words, international formats, and a large share of
//! hard negatives (times, prices, order and tracking numbers, versions, ...).

/// One labelled PII span.
#[derive(Clone, Debug)]
pub(crate) struct Gold {
    /// Entity label (`PHONE`, `EMAIL`, ...).
    pub(crate) label: &'static str,
    /// Byte offset of the first byte.
    pub(crate) start: usize,
    /// Byte offset one past the last byte.
    pub(crate) end: usize,
    /// Spoken form (digit words, "dot"/"at").
    pub(crate) spoken: bool,
}

/// One labelled text.
#[derive(Clone, Debug)]
pub(crate) struct Sample {
    /// The transcript text.
    pub(crate) text: String,
    /// Its PII spans.
    pub(crate) gold: Vec<Gold>,
    /// Whether the text carries at least one hard negative.
    pub(crate) has_negative: bool,
}

/// xorshift64* — small, seeded, no dependencies.
pub(crate) struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng((seed ^ 0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    fn pick_str(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len())]
    }
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
    fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Fx {
    /// Prose: lowercased and stripped of punctuation by the raw style.
    Free,
    /// Lowercased by the lowercase styles, punctuation kept.
    Lower,
    /// Never changed (secrets, IBANs).
    Fixed,
}

struct Seg {
    s: String,
    fx: Fx,
    gold: Option<(&'static str, bool)>,
    neg: bool,
}

#[derive(Default)]
struct B {
    segs: Vec<Seg>,
}

impl B {
    /// Prose.
    fn t(&mut self, s: impl AsRef<str>) {
        self.segs.push(Seg {
            s: s.as_ref().to_string(),
            fx: Fx::Free,
            gold: None,
            neg: false,
        });
    }
    /// A hard-negative value (kept as written, may be lowercased).
    fn n(&mut self, s: impl AsRef<str>) {
        self.segs.push(Seg {
            s: s.as_ref().to_string(),
            fx: Fx::Lower,
            gold: None,
            neg: true,
        });
    }
    /// A hard-negative phrase that may be restyled like prose.
    fn nf(&mut self, s: impl AsRef<str>) {
        self.segs.push(Seg {
            s: s.as_ref().to_string(),
            fx: Fx::Free,
            gold: None,
            neg: true,
        });
    }
    /// A gold span.
    fn g(&mut self, label: &'static str, s: &str, spoken: bool, fx: Fx) {
        self.segs.push(Seg {
            s: s.to_string(),
            fx,
            gold: Some((label, spoken)),
            neg: false,
        });
    }
    fn append(&mut self, other: B) {
        self.segs.extend(other.segs);
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Style {
    Clean,
    Lower,
    Raw,
}

fn finish(b: B, style: Style) -> Sample {
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut has_negative = false;
    for seg in b.segs {
        has_negative |= seg.neg;
        let mut s = seg.s;
        if style != Style::Clean && seg.fx != Fx::Fixed {
            s = s.to_ascii_lowercase();
        }
        if style == Style::Raw && seg.fx == Fx::Free {
            s = s
                .chars()
                .filter(|c| !matches!(c, ',' | '.' | '?' | '!' | ';' | ':'))
                .collect();
        }
        // Collapse doubled spaces created by stripping, at the seam too.
        let mut cleaned = String::with_capacity(s.len());
        for c in s.chars() {
            if c == ' ' && (cleaned.ends_with(' ') || (cleaned.is_empty() && text.ends_with(' '))) {
                continue;
            }
            cleaned.push(c);
        }
        let s = cleaned;
        let (lead, body) = match seg.gold {
            Some(_) => {
                let trimmed = s.trim_start();
                (s.len() - trimmed.len(), trimmed.trim_end())
            }
            None => (0, s.as_str()),
        };
        let start = text.len() + lead;
        if let Some((label, spoken)) = seg.gold {
            if !body.is_empty() {
                gold.push(Gold {
                    label,
                    start,
                    end: start + body.len(),
                    spoken,
                });
            }
        }
        text.push_str(&s);
    }
    Sample {
        text,
        gold,
        has_negative,
    }
}

// ---------------------------------------------------------------- words

const ONES: [&str; 10] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];
const TEENS: [&str; 10] = [
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

fn two_digit_words(n: u32) -> String {
    match n {
        0..=9 => ONES[n as usize].to_string(),
        10..=19 => TEENS[n as usize - 10].to_string(),
        _ if n % 10 == 0 => TENS[n as usize / 10].to_string(),
        _ => format!("{} {}", TENS[n as usize / 10], ONES[n as usize % 10]),
    }
}

/// Cardinal words for 0..=9999 ("two hundred and fifty", "one thousand two hundred").
fn cardinal(n: u32, and: bool) -> String {
    let mut parts = Vec::new();
    if n >= 1000 {
        parts.push(format!("{} thousand", two_digit_words(n / 1000)));
    }
    let h = (n / 100) % 10;
    if h > 0 {
        parts.push(format!("{} hundred", ONES[h as usize]));
    }
    let r = n % 100;
    if r > 0 || parts.is_empty() {
        if !parts.is_empty() && and {
            parts.push("and".to_string());
        }
        parts.push(two_digit_words(r));
    }
    parts.join(" ")
}

/// A pair of digits as a speaker says it: "oh five", "twelve", "forty two".
fn pair_words(a: u8, b: u8) -> String {
    if a == 0 {
        format!("oh {}", ONES[b as usize])
    } else {
        two_digit_words(u32::from(a) * 10 + u32::from(b))
    }
}

/// Year as spoken: "nineteen eighty five", "two thousand one", "twenty ten".
fn year_words(y: u32, rng: &mut Rng) -> String {
    if (2000..2010).contains(&y) {
        return if y == 2000 {
            "two thousand".into()
        } else {
            format!("two thousand {}", ONES[(y - 2000) as usize])
        };
    }
    if y >= 2010 && rng.chance(0.3) {
        return format!("two thousand {}", two_digit_words(y - 2000));
    }
    let hi = y / 100;
    let lo = y % 100;
    let lo_w = if lo == 0 {
        "hundred".to_string()
    } else if lo < 10 {
        format!("oh {}", ONES[lo as usize])
    } else {
        two_digit_words(lo)
    };
    format!("{} {}", two_digit_words(hi), lo_w)
}

#[derive(Clone, Copy)]
struct Say {
    /// Probability that a digit stays a numeral ("4 1 5 five five five").
    mixed: f64,
    /// Probability of "double"/"triple".
    double: f64,
    /// Probability that a four-digit group is said as two pairs.
    pairs: f64,
}

/// Spoken digits of one group.
fn say_group(g: &[u8], rng: &mut Rng, say: Say) -> String {
    if g.len() == 4 && rng.chance(say.pairs) {
        return format!("{} {}", pair_words(g[0], g[1]), pair_words(g[2], g[3]));
    }
    let zero = if rng.chance(0.7) { "oh" } else { "zero" };
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < g.len() {
        let d = g[i];
        let word = |d: u8| -> String {
            if d == 0 {
                zero.to_string()
            } else {
                ONES[d as usize].to_string()
            }
        };
        if i + 2 < g.len() && g[i + 1] == d && g[i + 2] == d && rng.chance(say.double) {
            out.push(format!("triple {}", word(d)));
            i += 3;
            continue;
        }
        if i + 1 < g.len() && g[i + 1] == d && rng.chance(say.double) {
            out.push(format!("double {}", word(d)));
            i += 2;
            continue;
        }
        if rng.chance(say.mixed) {
            out.push(char::from(b'0' + d).to_string());
        } else {
            out.push(word(d));
        }
        i += 1;
    }
    out.join(" ")
}

fn pause(rng: &mut Rng) -> &'static str {
    rng.pick_str(&[
        ", ", ", ", ", ", "... ", " ", " ", " - ", ", uh, ", ", um ", "... ", ",  ",
    ])
}

/// Digits said in groups with pauses between them.
fn say_digits(digits: &str, groups: &[usize], rng: &mut Rng, say: Say) -> String {
    let d: Vec<u8> = digits.bytes().map(|b| b - b'0').collect();
    let mut out = String::new();
    let mut at = 0;
    for (k, &n) in groups.iter().enumerate() {
        if k > 0 {
            out.push_str(pause(rng));
        }
        out.push_str(&say_group(&d[at..at + n], rng, say));
        at += n;
    }
    out.replace(",  ", ", ")
}

fn group(digits: &str, groups: &[usize], sep: &str) -> String {
    let mut out = Vec::new();
    let mut at = 0;
    for &n in groups {
        out.push(&digits[at..at + n]);
        at += n;
    }
    out.join(sep)
}

fn filler(rng: &mut Rng) -> &'static str {
    if rng.chance(0.45) {
        rng.pick_str(&[
            "um ",
            "uh ",
            "um, ",
            "uh, ",
            "like ",
            "you know, ",
            "so ",
            "yeah ",
            "okay so ",
            "I mean ",
            "basically ",
            "hmm ",
        ])
    } else {
        ""
    }
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

// ---------------------------------------------------------------- checksums

fn luhn_ok(d: &str) -> bool {
    let mut sum = 0;
    for (i, b) in d.bytes().rev().enumerate() {
        let mut v = u32::from(b - b'0');
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    sum % 10 == 0
}

fn luhn_complete(prefix: &str, len: usize, rng: &mut Rng) -> String {
    let mut s = prefix.to_string();
    s.push_str(&rng.digits(len - prefix.len() - 1));
    for c in 0..10u8 {
        let cand = format!("{s}{}", char::from(b'0' + c));
        if luhn_ok(&cand) {
            return cand;
        }
    }
    unreachable!()
}

fn iban_check(country: &str, bban: &str) -> String {
    let rearranged = format!("{bban}{country}00");
    let mut m: u64 = 0;
    for c in rearranged.chars() {
        if let Some(d) = c.to_digit(10) {
            m = (m * 10 + u64::from(d)) % 97;
        } else {
            let v = u64::from(c.to_ascii_uppercase() as u8 - b'A' + 10);
            m = (m * 100 + v) % 97;
        }
    }
    format!("{country}{:02}{bban}", 98 - m)
}

fn letters(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| char::from(b'A' + rng.below(26) as u8))
        .collect()
}

fn alnum(rng: &mut Rng, n: usize, set: &[u8]) -> String {
    (0..n).map(|_| char::from(*rng.pick(set))).collect()
}

const B62: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const B64URL: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const UPNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const HEX: &[u8] = b"0123456789abcdef";

// ---------------------------------------------------------------- names

const GIVEN: &[&str] = &[
    "Priya",
    "Arjun",
    "Ananya",
    "Rahul",
    "Venkatesh",
    "Lakshmi",
    "Sanjay",
    "Deepika",
    "Harpreet",
    "Sunita",
    "Wei",
    "Xiaoming",
    "Mei",
    "Jing",
    "Hao",
    "Yan",
    "Zhiwei",
    "Chidi",
    "Ngozi",
    "Oluwaseun",
    "Adaeze",
    "Emeka",
    "Chinonso",
    "Babajide",
    "Folake",
    "Tunde",
    "Fatima",
    "Ahmed",
    "Yusuf",
    "Layla",
    "Omar",
    "Khalid",
    "Aisha",
    "Mohammed",
    "Thanh",
    "Linh",
    "Minh",
    "Seo-yeon",
    "Ji-woo",
    "Hiroshi",
    "Yuki",
    "Tomasz",
    "Katarzyna",
    "Dmitri",
    "Svetlana",
    "Giulia",
    "Matteo",
    "Siobhan",
    "Niamh",
    "Mateo",
    "Valentina",
    "Alejandro",
    "Guadalupe",
    "Dave",
    "Jennifer",
    "Michael",
    "Sarah",
    "Kevin",
    "Maria",
    "Emily",
    "Tyler",
    "Brianna",
    "Jamal",
    "Keisha",
    "Darnell",
    "Greg",
    "Nadia",
    "Kwame",
    "Abena",
    "Raj",
];

const SURNAMES: &[&str] = &[
    "Zhang",
    "Wang",
    "Li",
    "Chen",
    "Liu",
    "Okafor",
    "Adeyemi",
    "Okonkwo",
    "Eze",
    "Balogun",
    "Nwosu",
    "Patel",
    "Sharma",
    "Iyer",
    "Reddy",
    "Gupta",
    "Krishnamurthy",
    "Banerjee",
    "Al-Sayed",
    "Haddad",
    "Mansour",
    "Khan",
    "Rahman",
    "Nasser",
    "Nguyen",
    "Tran",
    "Pham",
    "Kim",
    "Park",
    "Choi",
    "Tanaka",
    "Sato",
    "Kowalski",
    "Nowak",
    "Ivanov",
    "Rossi",
    "Esposito",
    "O'Brien",
    "Murphy",
    "Garcia",
    "Hernandez",
    "Lopez",
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Davis",
    "Mensah",
    "Boateng",
    "Castillo",
    "Fernandes",
    "Abdullah",
    "Yilmaz",
];

fn person_name(rng: &mut Rng, b: &mut B) {
    // The name and its surroundings.
    let given = *rng.pick(GIVEN);
    let sur = *rng.pick(SURNAMES);
    let full = format!("{given} {sur}");
    let lower_given = given.to_ascii_lowercase();
    match rng.below(24) {
        0 => {
            b.t("this is ");
            b.g("PERSON", given, false, Fx::Free);
            b.t(" speaking, how can I help");
        }
        1 => {
            b.t("hi, this is ");
            b.g("PERSON", &full, false, Fx::Free);
            b.t(" from ");
            b.t(rng.pick(&["Comcast", "the pharmacy", "Acme Dental", "billing"]));
        }
        2 => {
            b.t("you can ask for ");
            b.t(rng.pick(&["Mr. ", "Ms. ", "Mrs. ", "Dr. "]));
            b.g("PERSON", sur, false, Fx::Free);
            b.t(" at the front desk");
        }
        3 => {
            b.t("the account holder is ");
            b.g("PERSON", &full, false, Fx::Free);
        }
        4 => {
            b.t("yeah my name's ");
            b.g("PERSON", &lower_given, false, Fx::Free);
        }
        5 => {
            b.t("I spoke with ");
            b.g("PERSON", &full, false, Fx::Free);
            b.t(" yesterday and she said it was fixed");
        }
        6 => {
            b.t("my name is ");
            b.g("PERSON", &full, false, Fx::Free);
        }
        7 => {
            b.t("hey it's ");
            b.g("PERSON", given, false, Fx::Free);
            b.t(", I called last week about the router");
        }
        8 => {
            b.g("PERSON", given, false, Fx::Free);
            b.t(" here, calling about my bill");
        }
        9 => {
            b.t("I was talking to ");
            b.g("PERSON", given, false, Fx::Free);
            b.t(" earlier and got disconnected");
        }
        10 => {
            b.t("can I speak to ");
            b.g("PERSON", &full, false, Fx::Free);
            b.t(" please");
        }
        11 => {
            b.t("the reservation is under ");
            b.g("PERSON", sur, false, Fx::Free);
        }
        12 => {
            b.t("my ");
            b.t(rng.pick(&["wife ", "husband ", "daughter ", "son ", "manager "]));
            b.g("PERSON", given, false, Fx::Free);
            b.t(" usually handles the bills");
        }
        13 => {
            b.t("thanks ");
            b.g("PERSON", given, false, Fx::Free);
            b.t(", you've been really helpful");
        }
        14 => {
            b.g("PERSON", &full, false, Fx::Free);
            b.t(" is the name on the account");
        }
        15 => {
            b.t("put down ");
            b.g("PERSON", &full, false, Fx::Free);
            b.t(" as the emergency contact");
        }
        16 => {
            b.t("last name is ");
            b.g("PERSON", sur, false, Fx::Free);
            b.t(", first name ");
            b.g("PERSON", given, false, Fx::Free);
        }
        17 => {
            b.t("I'm ");
            b.g("PERSON", given, false, Fx::Free);
            b.t(", the office manager");
        }
        18 => {
            b.t("the technician, ");
            b.g("PERSON", &full, false, Fx::Free);
            b.t(", never showed up");
        }
        19 => {
            b.t("please transfer me to ");
            b.g("PERSON", &full, false, Fx::Free);
            b.t(" in accounts");
        }
        20 => {
            b.t("the policy is in my father's name, ");
            b.g("PERSON", &full, false, Fx::Free);
        }
        21 => {
            b.t("could you let ");
            b.g("PERSON", &full, false, Fx::Free);
            b.t(" know I called");
        }
        22 => {
            b.t("yes this is ");
            b.g("PERSON", &full, false, Fx::Free);
        }
        _ => {
            b.t("my name is ");
            b.g("PERSON", &lower_given, false, Fx::Free);
            b.t(" ");
            b.g("PERSON", &sur.to_ascii_lowercase(), false, Fx::Free);
        }
    }
}

// ---------------------------------------------------------------- values

const AREA: &[&str] = &[
    "415", "212", "646", "312", "617", "206", "303", "512", "404", "713", "470", "929", "858",
    "702", "305", "916", "718", "619", "480", "503", "972", "347", "267", "614", "984",
];

fn nanp(rng: &mut Rng) -> String {
    let area = *rng.pick(AREA);
    let exch = if rng.chance(0.3) {
        "555".to_string()
    } else {
        loop {
            let e = format!("{}{}", rng.range(2, 9), rng.digits(2));
            if &e[1..] != "11" {
                break e;
            }
        }
    };
    let line = if exch == "555" {
        format!("01{}", rng.digits(2))
    } else {
        rng.digits(4)
    };
    format!("{area}{exch}{line}")
}

fn phone(rng: &mut Rng, b: &mut B) {
    let ctx = *rng.pick(&[
        "my number is ",
        "you can reach me at ",
        "call me back on ",
        "my cell is ",
        "the best number is ",
        "text me at ",
        "it's ",
        "my work line is ",
        "phone number ",
        "my number's ",
        "you can call ",
        "my mobile is ",
        "the callback number is ",
    ]);
    let spoken_ctx = *rng.pick(&[
        "my number is ",
        "you can reach me at ",
        "call me back on ",
        "my cell is ",
        "the best number to reach me is ",
        "text me at ",
        "my phone number is ",
        "my number's ",
        "it's my cell, ",
        "the callback number is ",
    ]);
    let kind = rng.below(20);
    let f = filler(rng);
    match kind {
        // written NANP
        0..=4 => {
            let d = nanp(rng);
            let v = match rng.below(7) {
                0 => format!("({}) {}-{}", &d[..3], &d[3..6], &d[6..]),
                1 => format!("{}-{}-{}", &d[..3], &d[3..6], &d[6..]),
                2 => format!("{}.{}.{}", &d[..3], &d[3..6], &d[6..]),
                3 => format!("+1 {} {} {}", &d[..3], &d[3..6], &d[6..]),
                4 => format!("1-{}-{}-{}", &d[..3], &d[3..6], &d[6..]),
                5 => d.clone(),
                _ => format!("{} {} {}", &d[..3], &d[3..6], &d[6..]),
            };
            let v = if rng.chance(0.15) {
                format!("{v} ext. {}", rng.range(100, 9999))
            } else {
                v
            };
            b.t(f);
            if rng.chance(0.85) {
                b.t(ctx);
            } else {
                b.t("yeah ");
            }
            b.g("PHONE", &v, false, Fx::Lower);
        }
        // spoken NANP, several styles
        5..=11 => {
            let d = nanp(rng);
            let say = Say {
                mixed: if rng.chance(0.25) { 0.4 } else { 0.0 },
                double: 0.35,
                pairs: 0.15,
            };
            let groups: &[usize] = if rng.chance(0.85) { &[3, 3, 4] } else { &[10] };
            let mut v = say_digits(&d, groups, rng, say);
            if rng.chance(0.1) {
                v = format!("one {v}");
            }
            if rng.chance(0.1) {
                v = format!(
                    "{v} extension {}",
                    say_digits(&rng.digits(3), &[3], rng, say)
                );
            }
            b.t(f);
            b.t(spoken_ctx);
            b.g("PHONE", &v, true, Fx::Free);
        }
        // self-correction
        12 => {
            let d = nanp(rng);
            let say = Say {
                mixed: 0.0,
                double: 0.2,
                pairs: 0.0,
            };
            let a = say_group(
                &d.as_bytes()[..3]
                    .iter()
                    .map(|x| x - b'0')
                    .collect::<Vec<_>>(),
                rng,
                say,
            );
            let mut wrong = d.clone().into_bytes();
            wrong[2] = if wrong[2] == b'9' { b'8' } else { wrong[2] + 1 };
            let w = say_group(
                &wrong[..3].iter().map(|x| x - b'0').collect::<Vec<_>>(),
                rng,
                say,
            );
            let rest = say_digits(&d[3..], &[3, 4], rng, say);
            let fix = *rng.pick(&[", sorry, ", ", no wait, ", "... I mean ", ", uh, actually "]);
            b.t(spoken_ctx);
            b.g("PHONE", &format!("{w}{fix}{a}, {rest}"), true, Fx::Free);
        }
        // 800 numbers
        13 => {
            let tail = rng.digits(4);
            let ex = format!("{}{}", rng.range(2, 9), rng.digits(2));
            let v = format!(
                "one eight hundred, {}, {}",
                say_digits(
                    &ex,
                    &[3],
                    rng,
                    Say {
                        mixed: 0.0,
                        double: 0.3,
                        pairs: 0.0
                    }
                ),
                say_digits(
                    &tail,
                    &[4],
                    rng,
                    Say {
                        mixed: 0.0,
                        double: 0.3,
                        pairs: 0.3
                    }
                )
            );
            b.t("call ");
            b.g("PHONE", &v, true, Fx::Free);
            b.t(" and ask for billing");
        }
        // international written
        14..=17 => {
            let v = match rng.below(12) {
                0 => format!("+44 20 {} {}", rng.digits(4), rng.digits(4)),
                1 => format!("+44 7{} {}", rng.digits(3), rng.digits(6)),
                2 => format!("07{} {}", rng.digits(3), rng.digits(6)),
                3 => format!("+49 30 {}", rng.digits(8)),
                4 => format!("+49 15{} {}", rng.digits(1), rng.digits(8)),
                5 => format!(
                    "+33 1 {} {} {} {}",
                    rng.digits(2),
                    rng.digits(2),
                    rng.digits(2),
                    rng.digits(2)
                ),
                6 => format!(
                    "+33 6 {} {} {} {}",
                    rng.digits(2),
                    rng.digits(2),
                    rng.digits(2),
                    rng.digits(2)
                ),
                7 => format!("+91 9{} {}", rng.digits(4), rng.digits(5)),
                8 => format!("+91-9{}-{}", rng.digits(4), rng.digits(5)),
                9 => format!("+234 803 {} {}", rng.digits(3), rng.digits(4)),
                10 => format!("+44 (0)20 {} {}", rng.digits(4), rng.digits(4)),
                _ => format!("0049 89 {}", rng.digits(7)),
            };
            b.t(f);
            b.t(ctx);
            b.g("PHONE", &v, false, Fx::Lower);
        }
        // international spoken
        18 => {
            let (cc, body): (&str, String) = match rng.below(4) {
                0 => ("four four", format!("7{}", rng.digits(9))),
                1 => ("four nine", format!("15{}", rng.digits(8))),
                2 => ("three three", format!("6{}", rng.digits(8))),
                _ => ("nine one", format!("9{}", rng.digits(9))),
            };
            let groups: &[usize] = if body.len() == 10 {
                &[5, 5]
            } else {
                &[3, 3, 3]
            };
            let v = format!(
                "plus {cc}, {}",
                say_digits(
                    &body,
                    groups,
                    rng,
                    Say {
                        mixed: 0.0,
                        double: 0.3,
                        pairs: 0.0
                    }
                )
            );
            b.t(spoken_ctx);
            b.g("PHONE", &v, true, Fx::Free);
        }
        // fully mixed digits and words, no pauses
        _ => {
            let d = nanp(rng);
            let v = say_digits(
                &d,
                &[10],
                rng,
                Say {
                    mixed: 0.5,
                    double: 0.0,
                    pairs: 0.0,
                },
            );
            b.t(spoken_ctx);
            b.g("PHONE", &v, true, Fx::Free);
            b.t(rng.pick(&["", " thanks", " if I don't pick up leave a message"]));
        }
    }
}

fn card_number(rng: &mut Rng) -> (String, &'static str) {
    match rng.below(11) {
        0 | 1 => (luhn_complete("4", 16, rng), "visa"),
        2 => (luhn_complete("4", 19, rng), "visa"),
        3 => {
            let p = format!("5{}", rng.range(1, 5));
            (luhn_complete(&p, 16, rng), "mastercard")
        }
        4 | 5 => {
            let p = rng.range(2221, 2720).to_string();
            (luhn_complete(&p, 16, rng), "mastercard")
        }
        6 => {
            let p = *rng.pick(&["34", "37"]);
            (luhn_complete(p, 15, rng), "amex")
        }
        7 => (luhn_complete("6011", 16, rng), "discover"),
        8 => (luhn_complete("6011", 19, rng), "discover"),
        9 => (luhn_complete("62", 19, rng), "unionpay"),
        _ => {
            let p = rng.range(3528, 3589).to_string();
            (luhn_complete(&p, 16, rng), "jcb")
        }
    }
}

fn card_groups(len: usize) -> &'static [usize] {
    match len {
        15 => &[4, 6, 5],
        16 => &[4, 4, 4, 4],
        _ => &[4, 4, 4, 4, 3],
    }
}

fn card(rng: &mut Rng, b: &mut B) {
    let (d, brand) = card_number(rng);
    let groups = card_groups(d.len());
    let ctx = match rng.below(9) {
        0 => "my card number is ".to_string(),
        1 => format!("it's a {brand}, the number is "),
        2 => "the long number on the front is ".to_string(),
        3 => "charge it to ".to_string(),
        4 => format!("my {brand} is "),
        5 => "card number ".to_string(),
        6 => "okay the card is ".to_string(),
        7 => "can you put it on ".to_string(),
        _ => "here's the card: ".to_string(),
    };
    let f = filler(rng);
    b.t(f);
    b.t(&ctx);
    match rng.below(10) {
        0..=2 => {
            let sep = *rng.pick(&[" ", " ", "-"]);
            b.g("CREDIT_CARD", &group(&d, groups, sep), false, Fx::Lower);
        }
        3 => b.g("CREDIT_CARD", &d, false, Fx::Lower),
        4..=7 => {
            let say = Say {
                mixed: if rng.chance(0.25) { 0.4 } else { 0.0 },
                double: 0.3,
                pairs: 0.2,
            };
            b.g(
                "CREDIT_CARD",
                &say_digits(&d, groups, rng, say),
                true,
                Fx::Free,
            );
        }
        8 => {
            // groups read as numerals with long pauses
            b.g("CREDIT_CARD", &group(&d, groups, "... "), false, Fx::Free);
        }
        _ => {
            // self-correction of the last group
            let n = groups.len();
            let head_len: usize = groups[..n - 1].iter().sum();
            let head = group(&d[..head_len], &groups[..n - 1], " ");
            let wrong: String = d[head_len..]
                .bytes()
                .map(|c| char::from(if c == b'9' { b'0' } else { c + 1 }))
                .collect();
            b.g(
                "CREDIT_CARD",
                &format!("{head} {wrong}, sorry, {}", &d[head_len..]),
                false,
                Fx::Free,
            );
        }
    }
    if rng.chance(0.4) {
        b.t(", expiration ");
        b.n(format!("{:02}/{}", rng.range(1, 12), rng.range(26, 31)));
    }
}

fn ssn_value(rng: &mut Rng) -> String {
    let area = loop {
        let a = rng.range(1, 899);
        if a != 666 {
            break a;
        }
    };
    format!("{area:03}{:02}{:04}", rng.range(1, 99), rng.range(1, 9999))
}

fn ssn(rng: &mut Rng, b: &mut B) {
    let d = ssn_value(rng);
    let ctx = *rng.pick(&[
        "my social is ",
        "social security number is ",
        "my ssn is ",
        "SSN: ",
        "the social on file should be ",
        "last thing, my social security number, it's ",
        "for verification my social is ",
        "his social is ",
    ]);
    b.t(filler(rng));
    match rng.below(10) {
        0..=3 => {
            b.t(ctx);
            b.g(
                "US_SSN",
                &format!("{}-{}-{}", &d[..3], &d[3..5], &d[5..]),
                false,
                Fx::Lower,
            );
        }
        4 => {
            b.t(ctx);
            b.g(
                "US_SSN",
                &format!("{} {} {}", &d[..3], &d[3..5], &d[5..]),
                false,
                Fx::Lower,
            );
        }
        5 => {
            b.t(ctx);
            b.g("US_SSN", &d, false, Fx::Lower);
        }
        6 => {
            b.t("the form says ");
            b.g(
                "US_SSN",
                &format!("{}-{}-{}", &d[..3], &d[3..5], &d[5..]),
                false,
                Fx::Lower,
            );
            b.t(" for the applicant");
        }
        _ => {
            b.t(ctx);
            let say = Say {
                mixed: if rng.chance(0.2) { 0.4 } else { 0.0 },
                double: 0.3,
                pairs: 0.1,
            };
            b.g(
                "US_SSN",
                &say_digits(&d, &[3, 2, 4], rng, say),
                true,
                Fx::Free,
            );
        }
    }
}

fn iban_value(rng: &mut Rng) -> String {
    let (cc, bban) = match rng.below(18) {
        0 => ("DE", rng.digits(18)),
        1 => ("GB", format!("{}{}", letters(rng, 4), rng.digits(14))),
        2 => ("FR", rng.digits(23)),
        3 => ("ES", rng.digits(20)),
        4 => ("IT", format!("{}{}", letters(rng, 1), rng.digits(22))),
        5 => ("NL", format!("{}{}", letters(rng, 4), rng.digits(10))),
        6 => ("BE", rng.digits(12)),
        7 => ("CH", rng.digits(17)),
        8 => ("AT", rng.digits(16)),
        9 => ("PL", rng.digits(24)),
        10 => ("IE", format!("{}{}", letters(rng, 4), rng.digits(14))),
        11 => ("PT", rng.digits(21)),
        12 => ("NO", rng.digits(11)),
        13 => ("DK", rng.digits(14)),
        14 => ("SE", rng.digits(20)),
        15 => ("SA", rng.digits(20)),
        16 => ("AE", rng.digits(19)),
        _ => ("TR", format!("{}0{}", rng.digits(5), rng.digits(16))),
    };
    iban_check(cc, &bban)
}

fn spaced4(s: &str) -> String {
    s.as_bytes()
        .chunks(4)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join(" ")
}

fn iban(rng: &mut Rng, b: &mut B) {
    let v = iban_value(rng);
    let ctx = *rng.pick(&[
        "my IBAN is ",
        "please wire it to ",
        "the IBAN is ",
        "send the refund to IBAN ",
        "account ",
        "bank details: ",
        "you can transfer to ",
        "it's ",
    ]);
    b.t(filler(rng));
    b.t(ctx);
    match rng.below(12) {
        0..=5 => b.g("IBAN", &spaced4(&v), false, Fx::Fixed),
        6..=8 => b.g("IBAN", &v, false, Fx::Fixed),
        9 => b.g("IBAN", &spaced4(&v).to_ascii_lowercase(), false, Fx::Fixed),
        10 => b.g("IBAN", &spaced4(&v), false, Fx::Fixed),
        _ => {
            // read aloud: letters spelled, digits as words, in groups of four
            let mut parts = Vec::new();
            for chunk in v.as_bytes().chunks(4) {
                let w: Vec<String> = chunk
                    .iter()
                    .map(|&c| {
                        if c.is_ascii_digit() {
                            ONES[(c - b'0') as usize].to_string()
                        } else {
                            char::from(c).to_string()
                        }
                    })
                    .collect();
                parts.push(w.join(" "));
            }
            b.g("IBAN", &parts.join(", "), true, Fx::Fixed);
        }
    }
    if rng.chance(0.3) {
        b.t(rng.pick(&[
            ", thanks",
            ". The BIC is DEUTDEFF",
            " and the reference is the invoice",
        ]));
    }
}

fn ip_value(rng: &mut Rng) -> (String, bool) {
    match rng.below(12) {
        0..=4 => {
            let v = match rng.below(4) {
                0 => format!("192.168.{}.{}", rng.range(0, 255), rng.range(1, 254)),
                1 => format!(
                    "10.{}.{}.{}",
                    rng.range(0, 255),
                    rng.range(0, 255),
                    rng.range(1, 254)
                ),
                _ => format!(
                    "{}.{}.{}.{}",
                    rng.range(11, 223),
                    rng.range(0, 255),
                    rng.range(0, 255),
                    rng.range(1, 254)
                ),
            };
            (v, false)
        }
        5 => {
            let g: Vec<String> = (0..8).map(|_| alnum(rng, 4, HEX)).collect();
            (g.join(":"), false)
        }
        6 => (
            format!(
                "2001:db8:{}::{}:{}",
                alnum(rng, 4, HEX).trim_start_matches('0'),
                alnum(rng, 3, HEX),
                alnum(rng, 4, HEX)
            ),
            false,
        ),
        7 => (
            format!("fe80::{}:{}%eth0", alnum(rng, 3, HEX), alnum(rng, 4, HEX)),
            false,
        ),
        8 => (
            format!(
                "::ffff:{}.{}.{}.{}",
                rng.range(11, 223),
                rng.range(0, 255),
                rng.range(0, 255),
                rng.range(1, 254)
            ),
            false,
        ),
        9 => (
            format!("2607:f8b0:4004:{}::200e", alnum(rng, 3, HEX)),
            false,
        ),
        10 => (
            format!(
                "2a02:{}:{}::{}",
                alnum(rng, 4, HEX),
                alnum(rng, 3, HEX),
                alnum(rng, 2, HEX)
            ),
            false,
        ),
        _ => {
            // spoken IPv4
            let parts = [
                rng.range(11, 223),
                rng.range(0, 255),
                rng.range(0, 255),
                rng.range(1, 254),
            ];
            let w: Vec<String> = parts
                .iter()
                .map(|p| {
                    let s = p.to_string();
                    if rng.chance(0.5) {
                        s.bytes()
                            .map(|c| ONES[(c - b'0') as usize])
                            .collect::<Vec<_>>()
                            .join(" ")
                    } else {
                        cardinal(*p as u32, false)
                    }
                })
                .collect();
            (w.join(" dot "), true)
        }
    }
}

fn ip(rng: &mut Rng, b: &mut B) {
    let (v, spoken) = ip_value(rng);
    let (pre, post) = *rng.pick(&[
        ("my ip is ", ""),
        ("the server at ", " keeps timing out"),
        ("can you whitelist ", " for us"),
        ("the logs show requests from ", " all night"),
        ("I pinged ", " and got nothing back"),
        ("the router is at ", ""),
        ("our public address is ", ""),
        ("it's connecting to ", " instead of the VPN"),
        ("the firewall blocked ", ""),
        ("my IP address shows as ", ""),
    ]);
    b.t(filler(rng));
    b.t(pre);
    b.g(
        "IP_ADDRESS",
        &v,
        spoken,
        if spoken { Fx::Free } else { Fx::Lower },
    );
    b.t(post);
}

fn secret(rng: &mut Rng, b: &mut B) {
    match rng.below(16) {
        0 => {
            b.t("the api key is ");
            let v = format!("sk-proj-{}", alnum(rng, 64, B64URL));
            b.g("SECRET", &v, false, Fx::Fixed);
            b.t(" and it keeps returning 401");
        }
        1 => {
            b.t("I'm sending Authorization: Bearer ");
            let v = format!(
                "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.{}.{}",
                alnum(rng, 48, B64URL),
                alnum(rng, 43, B64URL)
            );
            b.g("SECRET", &v, false, Fx::Fixed);
            b.t(" in the header");
        }
        2 => {
            b.t("the header is Authorization: Bearer ");
            b.g("SECRET", &alnum(rng, 40, B62), false, Fx::Fixed);
        }
        3 => {
            b.t("here's my github token ");
            b.g(
                "SECRET",
                &format!("ghp_{}", alnum(rng, 36, B62)),
                false,
                Fx::Fixed,
            );
            b.t(", does it need more scopes?");
        }
        4 => {
            b.t("we used a fine-grained token, ");
            let v = format!(
                "github_pat_11{}_{}",
                alnum(rng, 20, UPNUM),
                alnum(rng, 59, B62)
            );
            b.g("SECRET", &v, false, Fx::Fixed);
        }
        5 => {
            b.t("the slack bot token is ");
            let v = format!(
                "xoxb-{}-{}-{}",
                rng.digits(12),
                rng.digits(13),
                alnum(rng, 24, B62)
            );
            b.g("SECRET", &v, false, Fx::Fixed);
        }
        6 => {
            b.t("our AWS access key ");
            b.g(
                "SECRET",
                &format!("AKIA{}", alnum(rng, 16, UPNUM)),
                false,
                Fx::Fixed,
            );
            b.t(" was flagged");
        }
        7 => {
            b.t("aws_secret_access_key = ");
            b.g("SECRET", &alnum(rng, 40, B62), false, Fx::Fixed);
        }
        8 => {
            b.t("the stripe key ");
            b.g(
                "SECRET",
                &format!("{}_live_{}", rng.pick(&["sk", "rk"]), alnum(rng, 24, B62)),
                false,
                Fx::Fixed,
            );
            b.t(" got rotated?");
        }
        9 => {
            b.t("I put ");
            b.g(
                "SECRET",
                &format!("glpat-{}", alnum(rng, 20, B64URL)),
                false,
                Fx::Fixed,
            );
            b.t(" in the CI variables");
        }
        10 => {
            b.t("maps key is ");
            b.g(
                "SECRET",
                &format!("AIza{}", alnum(rng, 35, B64URL)),
                false,
                Fx::Fixed,
            );
        }
        11 => {
            b.t(filler(rng));
            b.t("my password is ");
            let pw = format!(
                "{}{}{}",
                rng.pick(&[
                    "Sunshine",
                    "monkey",
                    "Tr0ub4dor",
                    "dragon",
                    "Welcome",
                    "qwerty"
                ]),
                rng.range(1, 2025),
                rng.pick(&["!", "", "#", "$"])
            );
            b.g("SECRET", &pw, false, Fx::Fixed);
        }
        12 => {
            b.t("password: ");
            b.g(
                "SECRET",
                &format!("{}{}", alnum(rng, 10, B62), rng.pick(&["!", "@", "%"])),
                false,
                Fx::Fixed,
            );
        }
        13 => {
            b.t("SENDGRID_API_KEY=");
            let v = format!("SG.{}.{}", alnum(rng, 22, B64URL), alnum(rng, 43, B64URL));
            b.g("SECRET", &v, false, Fx::Fixed);
        }
        14 => {
            b.t("the key looks like ");
            let body: Vec<String> = (0..3).map(|_| alnum(rng, 64, B62)).collect();
            let v = format!(
                "-----BEGIN RSA PRIVATE KEY-----\n{}\n-----END RSA PRIVATE KEY-----",
                body.join("\n")
            );
            b.g("SECRET", &v, false, Fx::Fixed);
        }
        _ => {
            b.t("set api_key=");
            b.g("SECRET", &alnum(rng, 32, HEX), false, Fx::Fixed);
            b.t(" in the config");
        }
    }
}

fn email(rng: &mut Rng, b: &mut B) {
    let given = rng.pick(GIVEN).to_ascii_lowercase().replace('-', "");
    let sur = rng
        .pick(SURNAMES)
        .to_ascii_lowercase()
        .replace(['\'', '-'], "");
    let domains: [&[&str]; 14] = [
        &["gmail", "com"],
        &["yahoo", "com"],
        &["outlook", "com"],
        &["hotmail", "co", "uk"],
        &["icloud", "com"],
        &["proton", "me"],
        &["web", "de"],
        &["orange", "fr"],
        &["rediffmail", "com"],
        &["company", "co", "in"],
        &["acme-corp", "io"],
        &["university", "edu"],
        &["mail", "ng"],
        &["btinternet", "com"],
    ];
    let domain = *rng.pick(&domains);
    let num = if rng.chance(0.3) {
        Some(rng.range(1, 99) as u32)
    } else {
        None
    };
    let sep = *rng.pick(&[".", "_", "-", ""]);
    let local_parts: Vec<String> = match rng.below(4) {
        0 => vec![given.clone(), sur.clone()],
        1 => vec![given[..1].to_string(), sur.clone()],
        2 => vec![sur.clone(), given.clone()],
        _ => vec![given.clone()],
    };
    let ctx = *rng.pick(&[
        "my email is ",
        "you can email me at ",
        "send it to ",
        "the email on file is ",
        "it's ",
        "email address is ",
        "cc my manager at ",
        "my e-mail is ",
        "reach me by email, ",
    ]);
    b.t(filler(rng));
    b.t(ctx);
    if rng.chance(0.45) {
        let mut local = local_parts.join(sep);
        if let Some(n) = num {
            local.push_str(&n.to_string());
        }
        let v = format!("{local}@{}", domain.join("."));
        let v = if rng.chance(0.1) {
            format!("{}+billing@{}", local, domain.join("."))
        } else {
            v
        };
        b.g("EMAIL", &v, false, Fx::Lower);
    } else {
        let sep_w = match sep {
            "." => " dot ",
            "_" => " underscore ",
            "-" => *rng.pick(&[" dash ", " hyphen "]),
            _ => " ",
        };
        let mut local = if sep.is_empty() && rng.chance(0.5) {
            format!("{}, all one word,", local_parts.join(" "))
        } else {
            local_parts.join(sep_w)
        };
        if let Some(n) = num {
            let nw = if rng.chance(0.5) {
                two_digit_words(n)
            } else if rng.chance(0.5) {
                n.to_string()
                    .bytes()
                    .map(|c| ONES[(c - b'0') as usize])
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                n.to_string()
            };
            local = format!("{local} {nw}");
        }
        let at = if rng.chance(0.08) {
            " at the rate "
        } else {
            " at "
        };
        let written_domain = rng.chance(0.15);
        let dom = if written_domain {
            domain.join(".")
        } else {
            domain
                .iter()
                .map(|p| p.replace('-', " dash "))
                .collect::<Vec<_>>()
                .join(" dot ")
        };
        // A written domain keeps its dots even in unpunctuated output.
        let fx = if written_domain { Fx::Lower } else { Fx::Free };
        b.g("EMAIL", &format!("{local}{at}{dom}"), true, fx);
    }
    if rng.chance(0.25) {
        b.t(rng.pick(&[
            ", that's the one I use for everything",
            " thanks",
            ", not the work one",
        ]));
    }
}

const STREETS: &[&str] = &[
    "Maple",
    "Oak",
    "Peachtree Industrial",
    "Kalakaua",
    "Mission",
    "Lakeshore",
    "Martin Luther King Jr",
    "Shattuck",
    "Telegraph",
    "Bellaire",
    "Wilshire",
    "Sepulveda",
    "Old Mill",
    "Cedar Ridge",
    "Sunset",
    "Magnolia",
    "Huntington",
    "Chestnut Hill",
    "Stony Brook",
    "Rio Grande",
    "Devonshire",
    "Willow Creek",
    "3rd",
    "42nd",
    "West 57th",
    "East Colfax",
    "N Lamar",
    "Valencia",
];
const SUFFIX: &[&str] = &[
    "Street",
    "St",
    "Avenue",
    "Ave",
    "Road",
    "Rd",
    "Boulevard",
    "Blvd",
    "Lane",
    "Ln",
    "Drive",
    "Dr",
    "Court",
    "Ct",
    "Way",
    "Place",
    "Terrace",
    "Parkway",
    "Circle",
    "Trail",
    "Highway",
    "Pike",
];
const CITY: &[&str] = &[
    "Springfield, IL 62704",
    "Austin, TX 78701",
    "Oakland, California 94612",
    "Brooklyn, NY 11215",
    "Edison, NJ 08817",
    "Fremont CA 94538",
    "Sugar Land, TX 77479",
    "Decatur, GA 30030",
    "Honolulu, HI 96815",
    "Denver, CO 80206-1234",
    "Seattle, Washington",
    "Columbus, Ohio 43215",
];

fn street(rng: &mut Rng, b: &mut B) {
    let num = rng.range(1, 9999) as u32;
    let name = *rng.pick(STREETS);
    let suf = *rng.pick(SUFFIX);
    let spoken = rng.chance(0.25);
    let num_s = if spoken {
        if (100..10000).contains(&num) && num % 100 >= 10 && rng.chance(0.6) {
            format!(
                "{} {}",
                two_digit_words(num / 100),
                two_digit_words(num % 100)
            )
        } else if rng.chance(0.5) {
            num.to_string()
                .bytes()
                .map(|c| ONES[(c - b'0') as usize])
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            cardinal(num, false)
        }
    } else {
        num.to_string()
    };
    let mut v = format!("{num_s} {name} {suf}");
    if rng.chance(0.35) {
        let unit = match rng.below(6) {
            0 => format!("Apt {}{}", rng.range(1, 30), rng.pick(&["", "B", "C"])),
            1 => format!("Suite {}", rng.range(100, 900)),
            2 => format!("Unit {}", rng.range(1, 60)),
            3 => format!("#{}", rng.range(1, 400)),
            4 => "apartment three c".to_string(),
            _ => format!("Apt. {}{}", rng.range(1, 9), rng.pick(&["A", "D"])),
        };
        v = format!("{v}{}{unit}", if rng.chance(0.5) { ", " } else { " " });
    }
    if rng.chance(0.45) {
        v = format!("{v}, {}", rng.pick(CITY));
    }
    let (pre, post) = *rng.pick(&[
        ("I live at ", ""),
        ("ship it to ", " please"),
        ("my address is ", ""),
        ("the billing address is ", ""),
        ("we moved to ", " last month"),
        ("send the technician to ", ""),
        ("it's going to ", ", the side door"),
        ("the package should go to ", ""),
        ("yeah it's ", ""),
        ("service address ", ""),
    ]);
    b.t(filler(rng));
    b.t(pre);
    b.g("STREET_ADDRESS", &v, false, Fx::Free);
    b.t(post);
}

const MONTHS: [&str; 12] = [
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
];
const ORD: [&str; 31] = [
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
    "twenty first",
    "twenty second",
    "twenty third",
    "twenty fourth",
    "twenty fifth",
    "twenty sixth",
    "twenty seventh",
    "twenty eighth",
    "twenty ninth",
    "thirtieth",
    "thirty first",
];

fn ord_suffix(d: u32) -> &'static str {
    match (d % 10, d % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// A date rendered in one of many written and spoken formats.
fn date_text(rng: &mut Rng, y: u32, m: u32, d: u32) -> String {
    let mn = MONTHS[m as usize - 1];
    match rng.below(12) {
        0 => format!("{mn} {d}{}, {y}", ord_suffix(d)),
        1 => format!("{} {d}{} {y}", mn.to_ascii_lowercase(), ord_suffix(d)),
        2 => format!("{m:02}/{d:02}/{y}"),
        3 => format!("{m}/{d}/{}", y % 100),
        4 => format!("{y}-{m:02}-{d:02}"),
        5 => format!(
            "the {} of {} {}",
            ORD[d as usize - 1],
            mn.to_ascii_lowercase(),
            year_words(y, rng)
        ),
        6 => format!(
            "{} {} {}",
            mn.to_ascii_lowercase(),
            ORD[d as usize - 1],
            year_words(y, rng)
        ),
        7 => format!("{d} {mn} {y}"),
        8 => format!("{mn} {d}, {y}"),
        9 => format!(
            "{} {} {}",
            pair_words((m / 10) as u8, (m % 10) as u8),
            pair_words((d / 10) as u8, (d % 10) as u8),
            year_words(y, rng)
        ),
        10 => format!("{d:02}.{m:02}.{y}"),
        _ => format!("{mn} {}, {}", ORD[d as usize - 1], year_words(y, rng)).to_ascii_lowercase(),
    }
}

fn dob(rng: &mut Rng, b: &mut B) {
    let y = rng.range(1935, 2006) as u32;
    let m = rng.range(1, 12) as u32;
    let d = rng.range(1, 28) as u32;
    let v = date_text(rng, y, m, d);
    let pre = *rng.pick(&[
        "I was born ",
        "born ",
        "date of birth is ",
        "dob ",
        "DOB: ",
        "my birthday is ",
        "birth date ",
        "my date of birth, ",
        "she was born on ",
        "I was born on ",
        "his date of birth is ",
        "for the DOB put ",
    ]);
    b.t(filler(rng));
    b.t(pre);
    let fx = if v.contains('.') && !v.contains(' ') {
        Fx::Lower
    } else {
        Fx::Free
    };
    b.g("DATE_OF_BIRTH", &v, false, fx);
    if rng.chance(0.3) {
        b.t(rng.pick(&[
            ", if that helps",
            " for verification",
            ", so I'm not a minor",
        ]));
    }
}

// ---------------------------------------------------------------- negatives

fn bad_luhn16(rng: &mut Rng) -> String {
    loop {
        let d = format!("{}{}", rng.pick(&["4", "5", "6"]), rng.digits(15));
        if !luhn_ok(&d) {
            return d;
        }
    }
}

fn negative(rng: &mut Rng, b: &mut B) {
    match rng.below(44) {
        0 => {
            b.t("can you call me back at ");
            b.n(format!("{}:{:02}", rng.range(1, 12), rng.range(0, 11) * 5));
            b.t(rng.pick(&["", " tomorrow", " today", " pm"]));
        }
        1 => {
            b.t("the appointment is at ");
            b.nf(rng.pick(&[
                "ten thirty",
                "half past four",
                "quarter to five",
                "nine fifteen",
                "three pm",
            ]));
        }
        2 => {
            b.t("it came to ");
            b.n(format!(
                "${},{:03}.{:02}",
                rng.range(1, 9),
                rng.range(0, 999),
                rng.range(0, 99)
            ));
            b.t(" with tax");
        }
        3 => {
            b.t("the plan is ");
            b.nf(rng.pick(&[
                "twelve ninety nine",
                "nineteen ninety nine",
                "forty nine ninety five",
                "two forty nine",
            ]));
            b.t(" a month");
        }
        4 => {
            b.t("I was charged ");
            b.n(format!("€{}.{:02}", rng.range(5, 999), rng.range(0, 99)));
            b.t(" twice");
        }
        5 => {
            b.t("it was ");
            b.nf(format!(
                "{} dollars",
                cardinal(rng.range(20, 999) as u32, true)
            ));
        }
        6 => {
            b.t("I've been a customer since ");
            let y = rng.range(1995, 2023) as u32;
            let y = if rng.chance(0.5) {
                y.to_string()
            } else {
                year_words(y, rng)
            };
            b.nf(&y);
        }
        7 => {
            b.t("it was delivered on ");
            let (y, m, d) = (
                rng.range(2019, 2025) as u32,
                rng.range(1, 12) as u32,
                rng.range(1, 28) as u32,
            );
            let t = date_text(rng, y, m, d);
            b.n(&t);
        }
        8 => {
            b.t("the payment on ");
            b.n(format!(
                "{:02}/{:02}/{}",
                rng.range(1, 12),
                rng.range(1, 28),
                rng.range(2020, 2025)
            ));
            b.t(" bounced");
        }
        9 => {
            b.t("my contract ends ");
            let m = MONTHS[rng.below(12)].to_ascii_lowercase();
            b.nf(format!("{m} {}", ORD[rng.below(28)]));
        }
        10 => {
            b.t("this is the ");
            b.nf(rng.pick(&["3rd", "fourth", "5th", "second", "twenty first"]));
            b.t(" time I'm calling");
        }
        11 => {
            b.t("we ordered ");
            let n = rng.range(120, 990) as u32;
            b.nf(format!("{} units", cardinal(n, true)));
        }
        12 => {
            b.t("it's about ");
            b.n(format!("{},{:03}", rng.range(1, 9), rng.range(0, 999)));
            b.t(" square feet");
        }
        13 => {
            b.t("I'm on ");
            b.n(format!(
                "v{}.{}.{}",
                rng.range(1, 9),
                rng.range(0, 30),
                rng.range(0, 20)
            ));
            b.t(" of the app");
        }
        14 => {
            b.t("my phone is on ");
            b.n(format!(
                "iOS {}.{}.{}",
                rng.range(14, 18),
                rng.range(0, 6),
                rng.range(1, 3)
            ));
        }
        15 => {
            b.t("windows says version ");
            b.n(format!(
                "10.0.{}.{}",
                rng.range(19041, 22631),
                rng.range(100, 4000)
            ));
        }
        16 => {
            b.t("the request id is ");
            let g = format!(
                "{}-{}-{}-{}-{}",
                alnum(rng, 8, HEX),
                alnum(rng, 4, HEX),
                alnum(rng, 4, HEX),
                alnum(rng, 4, HEX),
                alnum(rng, 12, HEX)
            );
            b.n(&g);
        }
        17 => {
            b.t("order number ");
            let d = rng.digits(8);
            b.n(group(&d, &[1; 8], " "));
        }
        18 => {
            b.t("my order number is ");
            let d = rng.digits(8);
            let s = say_digits(
                &d,
                &[8],
                rng,
                Say {
                    mixed: 0.0,
                    double: 0.2,
                    pairs: 0.0,
                },
            );
            b.nf(&s);
        }
        19 => {
            b.t("the tracking number is ");
            b.n(format!(
                "1Z{}{}{}",
                alnum(rng, 6, UPNUM),
                rng.digits(2),
                rng.digits(8)
            ));
        }
        20 => {
            b.t("USPS tracking ");
            let d = format!("9400{}", rng.digits(18));
            b.n(group(&d, &[4, 4, 4, 4, 4, 2], " "));
        }
        21 => {
            b.t("invoice ");
            b.n(format!(
                "INV-{}-{:05}",
                rng.range(2019, 2025),
                rng.range(1, 99999)
            ));
            b.t(" is still open");
        }
        22 => {
            b.t("the zip code is ");
            b.n(format!("{:05}", rng.range(10000, 99950)));
        }
        23 => {
            b.t("I'm in room ");
            b.n(rng.range(100, 2400).to_string());
        }
        24 => {
            b.t("I'm on flight ");
            b.n(format!(
                "{} {}",
                rng.pick(&["UA", "BA", "DL", "AI", "LH"]),
                rng.range(10, 2999)
            ));
        }
        25 => {
            b.t("your confirmation code is ");
            b.n(format!(
                "{}{}{}",
                letters(rng, 2),
                rng.digits(2),
                letters(rng, 2)
            ));
        }
        26 => {
            b.t(rng.pick(&[
                "the serial number is ",
                "ticket reference ",
                "the part number is ",
            ]));
            let d = bad_luhn16(rng);
            b.n(group(&d, &[4, 4, 4, 4], " "));
        }
        27 => {
            b.t(rng.pick(&["the claim number is ", "case ", "the letter code is "]));
            let area = *rng.pick(&["000", "666", "900", "912", "987", "955"]);
            b.n(format!(
                "{area}-{:02}-{:04}",
                rng.range(1, 99),
                rng.range(1, 9999)
            ));
        }
        28 => {
            b.t(rng.pick(&["okay let me count, ", "mic check ", "", "repeat after me "]));
            let n = rng.range(7, 10) as usize;
            b.nf(ONES[1..]
                .iter()
                .chain(["ten"].iter())
                .take(n)
                .copied()
                .collect::<Vec<_>>()
                .join(" "));
        }
        29 => {
            b.nf(rng.pick(&[
                "Great. Sounds good.",
                "Sure, Monday works.",
                "Alright, Tuesday then.",
                "Perfect, thanks so much.",
                "Okay. Will do.",
                "Right, Friday afternoon is fine.",
                "Absolutely. Happy New Year.",
            ]));
        }
        30 => {
            b.t("I have the ");
            b.nf(rng.pick(&[
                "Galaxy S23 Ultra",
                "iPhone 15 Pro Max",
                "Dell XPS 13",
                "Model Y",
                "Surface Pro 9",
                "Apple Watch Series 9",
                "Pixel 8 Pro",
                "ThinkPad X1 Carbon",
            ]));
        }
        31 => {
            b.t(rng.pick(&[
                "I'm calling from ",
                "we're based in ",
                "I just moved to ",
                "I'm driving through ",
            ]));
            b.nf(rng.pick(&[
                "San Francisco",
                "New Delhi",
                "Lagos",
                "Austin",
                "Charlotte",
                "Savannah",
                "Jackson Heights",
                "Florence",
                "Kuala Lumpur",
                "Santa Clara",
                "Victoria",
            ]));
        }
        32 => {
            b.t("my account at ");
            b.nf(rng.pick(&[
                "Morgan Stanley",
                "Wells Fargo",
                "Bank of America",
                "Charles River Credit Union",
                "Johnson Controls",
                "Tata Consultancy",
                "Goldman Sachs",
            ]));
            b.t(" is separate");
        }
        33 => {
            b.t(rng.pick(&["the card ending in ", "the last four are "]));
            b.n(rng.digits(4));
        }
        34 => {
            b.t("the mandate reference is ");
            let mut v = iban_value(rng).into_bytes();
            let i = v.len() - 1;
            v[i] = if v[i] == b'9' { b'0' } else { v[i] + 1 };
            b.n(spaced4(&String::from_utf8(v).unwrap()));
        }
        35 => {
            b.t("it broke after commit ");
            b.n(alnum(rng, 40, HEX));
        }
        36 => {
            b.nf(rng.pick(&[
                "I forgot my password",
                "my password is not working",
                "can you reset the password please",
                "the password is case sensitive right",
                "my password expired again",
                "the token expired yesterday",
            ]));
        }
        37 => {
            b.nf(rng.pick(&[
                "we're about 20 miles down the road",
                "take exit 42 and go two blocks",
                "I'm near Main Street right now",
                "it's the third house on the left",
                "go 3 miles past the Oak Street bridge",
                "the 5 freeway was closed",
            ]));
        }
        38 => {
            b.nf(rng.pick(&[
                "this is ridiculous",
                "my name is on the lease",
                "I'm not sure",
                "ask for a refund",
                "this is Frustrating honestly",
                "I'm calling about my bill",
                "thanks again",
                "I'm Sorry, what was that",
            ]));
        }
        39 => {
            b.t("battery is at ");
            b.n(format!("{}%", rng.range(1, 99)));
            b.t(" and the screen shows ");
            b.n(format!("{}.{}", rng.range(1, 99), rng.range(0, 9)));
        }
        40 => {
            b.t("order number ");
            b.n(nanp(rng));
        }
        41 => {
            b.t("my model number is ");
            b.n(format!(
                "{}-{}{}",
                letters(rng, 2),
                letters(rng, 1),
                rng.digits(4)
            ));
        }
        42 => {
            b.t("fedex tracking ");
            let d = rng.digits(12);
            b.n(group(&d, &[4, 4, 4], " "));
        }
        _ => {
            b.t("there were like ");
            b.nf(rng.pick(&[
                "two hundred and fifty",
                "fifteen hundred",
                "three point five",
                "a dozen",
            ]));
            b.t(rng.pick(&[" people", " gigs", " boxes"]));
        }
    }
}

fn connector(rng: &mut Rng) -> &'static str {
    rng.pick_str(&[
        ". ",
        ", and ",
        " and ",
        ". Also ",
        ", oh and ",
        ". Um, ",
        ". ",
        " so ",
        ". Okay, ",
    ])
}

fn opener(rng: &mut Rng) -> &'static str {
    rng.pick_str(&[
        "", "", "", "Yeah, ", "Okay so ", "Hi, ", "Um ", "Sure. ", "Right, ", "Yes, ",
    ])
}

type Gen = fn(&mut Rng, &mut B);

/// Generate `n` labelled samples from `seed`.
pub(crate) fn generate(seed: u64, n: usize) -> Vec<Sample> {
    let mut rng = Rng::new(seed);
    let positives: [(Gen, u32); 10] = [
        (phone, 17),
        (card, 10),
        (ssn, 7),
        (iban, 7),
        (ip, 7),
        (secret, 10),
        (email, 12),
        (street, 10),
        (dob, 8),
        (person_name, 14),
    ];
    let total: u32 = positives.iter().map(|p| p.1).sum();
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let style = match rng.below(8) {
            0..=3 => Style::Clean,
            4 | 5 => Style::Lower,
            _ => Style::Raw,
        };
        let mut b = B::default();
        b.t(opener(&mut rng));
        if rng.chance(0.38) {
            // pure hard negatives: one to three clauses
            negative(&mut rng, &mut b);
            for _ in 0..rng.below(3) {
                b.t(connector(&mut rng));
                negative(&mut rng, &mut b);
            }
        } else {
            let mut k = rng.below(total as usize) as u32;
            let mut gen = positives[0].0;
            for (g, w) in positives {
                if k < w {
                    gen = g;
                    break;
                }
                k -= w;
            }
            let mut body = B::default();
            gen(&mut rng, &mut body);
            let neg_first = rng.chance(0.15);
            if neg_first {
                negative(&mut rng, &mut b);
                b.t(connector(&mut rng));
            }
            b.append(body);
            if !neg_first && rng.chance(0.35) {
                b.t(connector(&mut rng));
                negative(&mut rng, &mut b);
            }
        }
        if rng.chance(0.3) {
            b.t(rng.pick(&[".", "?", " thanks", ", okay?", "."]));
        }
        let first_prose = b.segs.iter().position(|s| !s.s.is_empty());
        if style == Style::Clean {
            if let Some(i) = first_prose {
                if b.segs[i].gold.is_none() {
                    b.segs[i].s = cap(&b.segs[i].s);
                }
            }
        }
        out.push(finish(b, style));
    }
    out
}
