//! Second blind corpus: a seeded generator written before reading `src/`,
//! `tests/corpus/` or `tests/heldout/`.
//!
//! Genres the conversational corpora under-cover: bare tool-call argument and
//! result values, JSON-ish argument strings, LLM summaries in formal prose,
//! agent-side speech, form-like text, key-point lists, and caller speech with
//! speech-to-text quirks ("four fifteen", "forty one fifty five", "eight
//! hundred", "area code ... then ...", spelled names). International phones,
//! IBANs of 14 countries and non-US names. Hard negatives of the same genres
//! (SKUs, amounts, percentages, form dates without a birth cue, times,
//! durations, case/ticket numbers, coordinates, ISBNs, serials, Luhn-failing
//! card-like numbers, brands and places in capitals, weekday and month names,
//! everyday words that are also names).
//!
//! Every PII value is labelled with its type and byte span (the value only:
//! for "Name: John Smith" the span is "John Smith"; for "Dr. Emily Chen" it is
//! "Emily Chen").

#![allow(dead_code)]

/// One labelled PII span.
#[derive(Debug, Clone)]
pub(crate) struct Gold {
    pub(crate) label: &'static str,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) spoken: bool,
}

/// One generated text with its gold spans.
#[derive(Debug, Clone)]
pub(crate) struct Sample {
    pub(crate) genre: &'static str,
    pub(crate) text: String,
    pub(crate) gold: Vec<Gold>,
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    fn chance(&mut self, pct: usize) -> bool {
        self.below(100) < pct
    }
    fn digit(&mut self) -> u8 {
        self.below(10) as u8
    }
    fn digits(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.digit()).collect()
    }
}

struct Piece {
    text: String,
    label: Option<&'static str>,
    spoken: bool,
}

fn plain(s: impl Into<String>) -> Piece {
    Piece {
        text: s.into(),
        label: None,
        spoken: false,
    }
}
fn pii(label: &'static str, s: impl Into<String>) -> Piece {
    Piece {
        text: s.into(),
        label: Some(label),
        spoken: false,
    }
}
fn spoken(label: &'static str, s: impl Into<String>) -> Piece {
    Piece {
        text: s.into(),
        label: Some(label),
        spoken: true,
    }
}

// ---------------------------------------------------------------- data

const GIVEN: &[&str] = &[
    "John",
    "Mary",
    "Ravi",
    "Priya",
    "Aisha",
    "Siobhan",
    "Tomás",
    "José",
    "Zoë",
    "Søren",
    "Björn",
    "Emily",
    "Michael",
    "Fatima",
    "Oluwaseun",
    "Chidi",
    "Mei",
    "Hiroshi",
    "Yuki",
    "Ahmed",
    "Omar",
    "Layla",
    "Sven",
    "Ingrid",
    "Pierre",
    "Camille",
    "Giulia",
    "Marco",
    "Anna",
    "Katarzyna",
    "Piotr",
    "Dmitri",
    "Olga",
    "Arjun",
    "Deepika",
    "Sanjay",
    "Ananya",
    "Kwame",
    "Ngozi",
    "Thanh",
    "Minh",
    "Seo-yeon",
    "Jae-won",
    "Liam",
    "Noah",
    "Olivia",
    "Sophia",
    "Daniel",
    "Sarah",
    "Rachel",
    "David",
    "Grace",
    "Patrick",
    "Declan",
    "Niamh",
    "Aoife",
    "Lars",
    "Matteo",
    "Lucía",
    "Alejandro",
    "Carmen",
    "Hannah",
    "Elif",
    "Mehmet",
    "Nadia",
    "Yusuf",
    "Tariq",
    "Chloe",
    "Isla",
    "Harper",
    "Mateo",
    "Valentina",
    "Wei",
    "Xiaoling",
    "Kenji",
    "Haruto",
    "Emeka",
    "Adaeze",
    "Jamal",
    "DeShawn",
    "Keisha",
    "Brendan",
    "Margaret",
    "Gareth",
    "Rhys",
    "Eilidh",
    "Fionnuala",
    "Dev",
    "Kavya",
    "Rohan",
    "Ifeoma",
    "Tunde",
];

/// Given names that are plain ASCII letters, for spelling aloud.
const SPELLABLE: &[&str] = &[
    "Siobhan",
    "Niamh",
    "Aoife",
    "Oluwaseun",
    "Katarzyna",
    "Ngozi",
    "Kwame",
    "Deepika",
    "Xiaoling",
    "Haruto",
    "Eilidh",
    "Ifeoma",
    "Tariq",
    "Mehmet",
];
const SPELLABLE_SURNAMES: &[&str] = &[
    "Okafor",
    "Kowalski",
    "Johansson",
    "Lindqvist",
    "Adeyemi",
    "Haddad",
    "Okonkwo",
    "Whitfield",
    "Abernathy",
    "Gallagher",
];

const NICKNAMES: &[&str] = &[
    "Bill", "Liz", "Bob", "Kate", "Mike", "Jim", "Sandy", "Becky", "Tony", "Sam", "Beth", "Meg",
    "Rob", "Chuck",
];

const SURNAMES: &[&str] = &[
    "Smith",
    "Patel",
    "Bello",
    "O'Brien",
    "McDonald",
    "van der Berg",
    "de la Cruz",
    "Al-Hassan",
    "Nguyen",
    "Kowalski",
    "Okafor",
    "García",
    "Müller",
    "Rossi",
    "Dubois",
    "Johansson",
    "Tanaka",
    "Kim",
    "Chen",
    "Singh",
    "Hernandez",
    "Murphy",
    "Fitzgerald",
    "MacLeod",
    "D'Angelo",
    "Adeyemi",
    "Sharma",
    "Iyer",
    "Haddad",
    "Novak",
    "Petrov",
    "Lindqvist",
    "da Silva",
    "dos Santos",
    "Abernathy",
    "Whitfield",
    "Kaur",
    "Reddy",
    "Mensah",
    "Osei",
    "Yamamoto",
    "Park",
    "Tran",
    "Wójcik",
    "Schneider",
    "Fischer",
    "Bianchi",
    "Moreau",
    "Lefèvre",
    "Jensen",
    "Brennan",
    "Gallagher",
    "Okonkwo",
    "Abubakar",
    "Rahman",
    "Hussain",
    "Cohen",
    "Goldberg",
    "Kapoor",
    "Mehta",
    "Watanabe",
    "Suzuki",
    "Zhang",
    "Wang",
    "Ivanova",
    "Sokolov",
    "van Dijk",
    "de Vries",
    "Ó Briain",
    "El-Amin",
    "ter Horst",
    "St. Clair",
];

const TITLES: &[&str] = &[
    "Dr.", "Prof.", "Mrs", "Mrs.", "Ms.", "Mr.", "Sir", "Dr", "Mr", "Ms", "Miss",
];

const RELATIONS: &[&str] = &["spouse", "mother", "father", "sister", "brother", "partner"];

const PRODUCTS: &[&str] = &[
    "Galaxy Note",
    "Amazon Prime",
    "Apple Watch",
    "Pixel Buds",
    "Surface Pro",
    "Kindle Paperwhite",
    "Xbox Series X",
    "PlayStation Plus",
    "Echo Dot",
    "Nest Thermostat",
    "Model Y",
    "Office 365",
    "Chase Sapphire",
    "Dyson V11",
    "Fire Stick",
    "Ring Doorbell",
];
const PLACES: &[&str] = &[
    "San Jose",
    "Wells Fargo",
    "New York",
    "Santa Clara",
    "Los Angeles",
    "Virginia Beach",
    "Jackson Hole",
    "Lincoln Center",
    "Home Depot",
    "Best Buy",
    "Grand Central",
    "Salt Lake City",
    "Fort Worth",
    "Palo Alto",
    "Costco",
    "Bank of America",
    "Charlotte",
    "Victoria Station",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &[
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
const MONTHS_LC: &[&str] = &[
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

const STREETS: &[&str] = &[
    "Main",
    "Oak",
    "Maple",
    "Elm",
    "Cedar",
    "Pine",
    "Washington",
    "Lincoln",
    "Park",
    "Lake",
    "Hill",
    "Sunset",
    "Highland",
    "Mission",
    "Valencia",
    "Old Mill",
    "Cherry Blossom",
    "Martin Luther King Jr",
    "Chestnut",
    "Willow Creek",
    "Riverside",
    "Magnolia",
    "Jefferson",
    "Church",
    "Bay View",
];
const SUFFIXES: &[&str] = &[
    "St",
    "Street",
    "Ave",
    "Avenue",
    "Rd",
    "Road",
    "Blvd",
    "Boulevard",
    "Dr",
    "Drive",
    "Ln",
    "Lane",
    "Ct",
    "Court",
    "Way",
    "Pl",
    "Place",
    "Ter",
    "Terrace",
    "Pkwy",
    "Cir",
    "St.",
    "Ave.",
];
const CITIES: &[(&str, &str, &str)] = &[
    ("Springfield", "IL", "62704"),
    ("Austin", "TX", "78701"),
    ("Portland", "OR", "97205"),
    ("Denver", "CO", "80202"),
    ("Madison", "WI", "53703"),
    ("Columbus", "OH", "43215"),
    ("Raleigh", "NC", "27601"),
    ("Boise", "ID", "83702"),
    ("Tucson", "AZ", "85701"),
    ("Albany", "NY", "12207"),
    ("Savannah", "GA", "31401"),
    ("Burlington", "VT", "05401"),
];

const AREAS: &[&str] = &[
    "212", "415", "646", "312", "617", "303", "206", "512", "713", "404", "718", "305", "602",
    "702", "917", "408", "650", "510", "773", "469", "347", "201", "818", "972",
];

const ONES: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];
const TEENS: &[&str] = &[
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
const TENS: &[&str] = &[
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

const DOMAINS: &[&str] = &[
    "gmail.com",
    "example.co.in",
    "outlook.com",
    "yahoo.co.uk",
    "proton.me",
    "icloud.com",
    "example.org",
    "web.de",
    "orange.fr",
    "hotmail.com",
    "company.com.au",
    "mail.example.net",
];

// ---------------------------------------------------------------- helpers

fn dstr(d: &[u8]) -> String {
    d.iter().map(|x| char::from(b'0' + x)).collect()
}

fn zero_word(rng: &mut Rng) -> &'static str {
    if rng.chance(70) {
        "oh"
    } else {
        "zero"
    }
}

fn digit_word(rng: &mut Rng, d: u8) -> String {
    if d == 0 {
        zero_word(rng).to_string()
    } else {
        ONES[d as usize].to_string()
    }
}

fn digit_words(rng: &mut Rng, d: &[u8]) -> String {
    // with occasional "double"/"triple"
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < d.len() {
        if i + 2 < d.len() && d[i] == d[i + 1] && d[i] == d[i + 2] && rng.chance(40) {
            out.push(format!("triple {}", digit_word(rng, d[i])));
            i += 3;
        } else if i + 1 < d.len() && d[i] == d[i + 1] && rng.chance(35) {
            out.push(format!("double {}", digit_word(rng, d[i])));
            i += 2;
        } else {
            out.push(digit_word(rng, d[i]));
            i += 1;
        }
    }
    out.join(" ")
}

/// Two digits said as a pair: "forty one", "oh five", "fifteen", "sixty".
fn pair_words(rng: &mut Rng, a: u8, b: u8) -> String {
    match a {
        0 => format!("{} {}", zero_word(rng), ONES[b as usize]),
        1 => TEENS[b as usize].to_string(),
        _ => {
            if b == 0 {
                TENS[a as usize].to_string()
            } else {
                format!("{} {}", TENS[a as usize], ONES[b as usize])
            }
        }
    }
}

fn pairs_words(rng: &mut Rng, d: &[u8]) -> String {
    d.chunks(2)
        .map(|c| {
            if c.len() == 2 {
                pair_words(rng, c[0], c[1])
            } else {
                digit_word(rng, c[0])
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn luhn_complete(prefix: &[u8], len: usize, rng: &mut Rng) -> Vec<u8> {
    let mut d = prefix.to_vec();
    while d.len() < len - 1 {
        d.push(rng.digit());
    }
    let mut sum = 0u32;
    for (i, &x) in d.iter().rev().enumerate() {
        let mut v = x as u32;
        if i % 2 == 0 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    d.push(((10 - sum % 10) % 10) as u8);
    d
}

fn luhn_ok(d: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, &x) in d.iter().rev().enumerate() {
        let mut v = x as u32;
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

fn card_digits(rng: &mut Rng) -> Vec<u8> {
    match rng.below(6) {
        0 | 1 => luhn_complete(&[4], 16, rng),
        2 => {
            let p = 51 + rng.below(5) as u8;
            luhn_complete(&[p / 10, p % 10], 16, rng)
        }
        3 => luhn_complete(&[3, *rng.pick(&[4u8, 7])], 15, rng),
        4 => luhn_complete(&[6, 0, 1, 1], 16, rng),
        _ => luhn_complete(&[2, 2, 2, 1 + rng.below(9) as u8], 16, rng),
    }
}

fn group(d: &str, sizes: &[usize], sep: &str) -> String {
    let mut out = Vec::new();
    let mut i = 0;
    for &s in sizes {
        out.push(&d[i..i + s]);
        i += s;
    }
    out.join(sep)
}

fn card_written(rng: &mut Rng, d: &[u8]) -> String {
    let s = dstr(d);
    let sizes: &[usize] = if d.len() == 15 {
        &[4, 6, 5]
    } else {
        &[4, 4, 4, 4]
    };
    match rng.below(4) {
        0 => group(&s, sizes, "-"),
        1 | 2 => group(&s, sizes, " "),
        _ => s,
    }
}

fn ssn_digits(rng: &mut Rng) -> Vec<u8> {
    loop {
        let d = rng.digits(9);
        let area = d[0] as u32 * 100 + d[1] as u32 * 10 + d[2] as u32;
        if area == 0 || area == 666 || area >= 900 {
            continue;
        }
        if d[3] == 0 && d[4] == 0 {
            continue;
        }
        if d[5..].iter().all(|&x| x == 0) {
            continue;
        }
        return d;
    }
}

fn nanp(rng: &mut Rng) -> Vec<u8> {
    let area = rng
        .pick(AREAS)
        .bytes()
        .map(|b| b - b'0')
        .collect::<Vec<_>>();
    let mut d = area;
    if rng.chance(40) {
        d.extend([5, 5, 5, 0, 1]);
        d.extend(rng.digits(2));
    } else {
        let mut ex = vec![2 + rng.below(8) as u8, rng.digit(), rng.digit()];
        if ex[1] == 1 && ex[2] == 1 {
            ex[2] = 4;
        }
        d.extend(ex);
        d.extend(rng.digits(4));
    }
    d
}

fn phone_us_written(rng: &mut Rng) -> String {
    let d = dstr(&nanp(rng));
    let (a, e, l) = (&d[0..3], &d[3..6], &d[6..10]);
    let mut s = match rng.below(9) {
        0 => format!("({a}) {e}-{l}"),
        1 => format!("{a}-{e}-{l}"),
        2 => format!("{a}.{e}.{l}"),
        3 => format!("+1 {a} {e} {l}"),
        4 => format!("+1 ({a}) {e}-{l}"),
        5 => format!("1-{a}-{e}-{l}"),
        6 => format!("{a}{e}{l}"),
        7 => format!("+1-{a}-{e}-{l}"),
        _ => format!("{a} {e} {l}"),
    };
    if rng.chance(8) {
        let ext = 100 + rng.below(900);
        s.push_str(&match rng.below(3) {
            0 => format!(" ext. {ext}"),
            1 => format!(" x{ext}"),
            _ => format!(" extension {ext}"),
        });
    }
    s
}

fn phone_intl_written(rng: &mut Rng) -> String {
    let d = |rng: &mut Rng, n: usize| dstr(&rng.digits(n));
    match rng.below(22) {
        0 => format!("+44 20 7946 {}", d(rng, 4)),
        1 => format!("+44 7700 900{}", d(rng, 3)),
        2 => format!("020 7946 {}", d(rng, 4)),
        3 => format!("07700 900 {}", d(rng, 3)),
        4 => format!("+44 (0)20 7946 {}", d(rng, 4)),
        5 => format!("+49 30 {}", d(rng, 8)),
        6 => format!("+49 151 {}", d(rng, 8)),
        7 => format!("030 {} {}", d(rng, 4), d(rng, 4)),
        8 => format!(
            "+33 1 {} {} {} {}",
            d(rng, 2),
            d(rng, 2),
            d(rng, 2),
            d(rng, 2)
        ),
        9 => format!("01 {} {} {} {}", d(rng, 2), d(rng, 2), d(rng, 2), d(rng, 2)),
        10 => format!(
            "+33 6 {} {} {} {}",
            d(rng, 2),
            d(rng, 2),
            d(rng, 2),
            d(rng, 2)
        ),
        11 => format!("+91 98{} {}", d(rng, 3), d(rng, 5)),
        12 => format!("+91-98{}-{}", d(rng, 3), d(rng, 5)),
        13 => format!("098{} {}", d(rng, 3), d(rng, 5)),
        14 => format!("+61 2 9{} {}", d(rng, 3), d(rng, 4)),
        15 => format!("04{} {} {}", d(rng, 2), d(rng, 3), d(rng, 3)),
        16 => format!("(02) 9{} {}", d(rng, 3), d(rng, 4)),
        17 => format!("+61 4{} {} {}", d(rng, 2), d(rng, 3), d(rng, 3)),
        18 => format!("+34 6{} {} {}", d(rng, 2), d(rng, 3), d(rng, 3)),
        19 => format!("+39 06 {} {}", d(rng, 4), d(rng, 4)),
        20 => format!("+31 20 {} {}", d(rng, 3), d(rng, 4)),
        _ => format!("+353 1 {} {}", d(rng, 3), d(rng, 4)),
    }
}

fn phone_written(rng: &mut Rng) -> String {
    if rng.chance(55) {
        phone_us_written(rng)
    } else {
        phone_intl_written(rng)
    }
}

/// A spoken phone number with speech-to-text quirks. Returns (prefix outside
/// the span, spoken value).
fn phone_spoken(rng: &mut Rng) -> (String, String) {
    let d = nanp(rng);
    let (a, e, l) = (&d[0..3], &d[3..6], &d[6..10]);
    let sep = *rng.pick(&[", ", " ", ", ", "... ", " - "]);
    match rng.below(9) {
        0 | 1 => (
            String::new(),
            format!(
                "{}{sep}{}{sep}{}",
                digit_words(rng, a),
                digit_words(rng, e),
                digit_words(rng, l)
            ),
        ),
        2 => {
            // "four fifteen" for 415 (when the last two are not 0x)
            let area = if a[1] != 0 {
                format!("{} {}", ONES[a[0] as usize], pair_words(rng, a[1], a[2]))
            } else {
                digit_words(rng, a)
            };
            (
                String::new(),
                format!("{area} {} {}", digit_words(rng, e), digit_words(rng, l)),
            )
        }
        3 => (
            String::new(),
            format!(
                "{}{sep}{}{sep}{}",
                digit_words(rng, a),
                digit_words(rng, e),
                pairs_words(rng, l)
            ),
        ),
        4 => (
            "area code ".to_string(),
            format!(
                "{} then {} {}",
                digit_words(rng, a),
                digit_words(rng, e),
                digit_words(rng, l)
            ),
        ),
        5 => {
            // toll free: "one eight hundred ..." / "eight hundred ..."
            let lead = if rng.chance(50) { "one " } else { "" };
            let hundred = *rng.pick(&["eight hundred", "eight eight eight", "eight seven seven"]);
            (
                String::new(),
                format!(
                    "{lead}{hundred}{sep}{}{sep}{}",
                    digit_words(rng, e),
                    digit_words(rng, l)
                ),
            )
        }
        6 => (
            String::new(),
            format!(
                "{} {} {}",
                dstr(a),
                digit_words(rng, e),
                digit_words(rng, l)
            ),
        ),
        7 => {
            // international, spoken
            let (cc, rest) = match rng.below(3) {
                0 => ("four four", {
                    let mut r = vec![7, 7, 0, 0, 9, 0, 0];
                    r.extend(rng.digits(3));
                    r
                }),
                1 => ("nine one", {
                    let mut r = vec![9, 8];
                    r.extend(rng.digits(8));
                    r
                }),
                _ => ("six one", {
                    let mut r = vec![4];
                    r.extend(rng.digits(8));
                    r
                }),
            };
            (
                String::new(),
                format!(
                    "plus {cc}{sep}{}{sep}{}",
                    digit_words(rng, &rest[..4]),
                    digit_words(rng, &rest[4..])
                ),
            )
        }
        _ => (
            String::new(),
            // all run together
            digit_words(rng, &d),
        ),
    }
}

fn local_part(rng: &mut Rng) -> (String, String) {
    // (written, spoken)
    let first = rng.pick(&[
        "john", "priya", "aisha", "ravi", "mei", "lars", "tom", "nadia", "kwame", "sofia",
    ]);
    let last = rng.pick(&[
        "smith", "patel", "bello", "k", "chen", "jensen", "obrien", "garcia", "mensah", "iyer",
    ]);
    match rng.below(5) {
        0 => (format!("{first}.{last}"), format!("{first} dot {last}")),
        1 => (
            format!("{first}_{last}"),
            format!("{first} underscore {last}"),
        ),
        2 => {
            let n = 10 + rng.below(90);
            (
                format!("{first}{last}{n}"),
                format!(
                    "{first}{last} {}",
                    pairs_words(rng, &[(n / 10) as u8, (n % 10) as u8])
                ),
            )
        }
        3 => (
            format!("{}{last}", &first[..1]),
            format!("{}{last}", &first[..1]),
        ),
        _ => (format!("{first}-{last}"), format!("{first} dash {last}")),
    }
}

fn email_written(rng: &mut Rng) -> String {
    let (w, _) = local_part(rng);
    let dom = rng.pick(DOMAINS);
    let w = if rng.chance(15) {
        let mut c = w.clone();
        c[..1].make_ascii_uppercase();
        c
    } else {
        w
    };
    format!("{w}@{dom}")
}

fn email_spoken(rng: &mut Rng) -> String {
    let (_, s) = local_part(rng);
    let dom = rng.pick(DOMAINS);
    let at = if rng.chance(20) { "at sign" } else { "at" };
    let dom_s = if rng.chance(30) {
        // typed domain after a spoken local part
        dom.to_string()
    } else {
        dom.replace('.', " dot ")
    };
    format!("{s} {at} {dom_s}")
}

const IBAN_FORMATS: &[(&str, &str)] = &[
    // country, BBAN shape: n = digit, a = upper letter, c = alnum
    ("DE", "nnnnnnnnnnnnnnnnnn"),
    ("GB", "aaaannnnnnnnnnnnnn"),
    ("FR", "nnnnnnnnnnnnnnnnnnnnnnn"),
    ("ES", "nnnnnnnnnnnnnnnnnnnn"),
    ("IT", "annnnnnnnnnnnnnnnnnnnnn"),
    ("NL", "aaaannnnnnnnnn"),
    ("BE", "nnnnnnnnnnnn"),
    ("CH", "nnnnnnnnnnnnnnnnn"),
    ("PL", "nnnnnnnnnnnnnnnnnnnnnnnn"),
    ("SE", "nnnnnnnnnnnnnnnnnnnn"),
    ("NO", "nnnnnnnnnnn"),
    ("AT", "nnnnnnnnnnnnnnnn"),
    ("IE", "aaaannnnnnnnnnnnnn"),
    ("PT", "nnnnnnnnnnnnnnnnnnnnn"),
];

fn iban_check(country: &str, bban: &str) -> u32 {
    let re = format!("{bban}{country}00");
    let mut m: u64 = 0;
    for c in re.chars() {
        let v = if c.is_ascii_digit() {
            c as u64 - '0' as u64
        } else {
            c as u64 - 'A' as u64 + 10
        };
        m = if v >= 10 {
            (m * 100 + v) % 97
        } else {
            (m * 10 + v) % 97
        };
    }
    (98 - m) as u32
}

fn iban(rng: &mut Rng, valid: bool) -> String {
    let (cc, shape) = *rng.pick(IBAN_FORMATS);
    let bban: String = shape
        .chars()
        .map(|k| match k {
            'n' => char::from(b'0' + rng.digit()),
            _ => char::from(b'A' + rng.below(26) as u8),
        })
        .collect();
    let mut ck = iban_check(cc, &bban);
    if !valid {
        ck = (ck + 1 + rng.below(90) as u32) % 97 + 2;
        if ck == iban_check(cc, &bban) {
            ck = if ck == 98 { 2 } else { ck + 1 };
        }
    }
    let full = format!("{cc}{ck:02}{bban}");
    if rng.chance(60) {
        full.as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        full
    }
}

fn ipv4(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => format!("192.168.{}.{}", rng.below(255), 1 + rng.below(254)),
        1 => format!(
            "10.{}.{}.{}",
            rng.below(255),
            rng.below(255),
            1 + rng.below(254)
        ),
        _ => format!(
            "{}.{}.{}.{}",
            [23, 45, 66, 81, 98, 104, 151, 172, 185, 203][rng.below(10)],
            rng.below(256),
            rng.below(256),
            1 + rng.below(254)
        ),
    }
}

fn hex(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| char::from(b"0123456789abcdef"[rng.below(16)]))
        .collect()
}

fn ipv6(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => format!(
            "2001:db8:{}::{}:{}:{}",
            hex(rng, 4),
            hex(rng, 4),
            hex(rng, 3),
            hex(rng, 4)
        ),
        1 => format!(
            "2a02:{}:{}:{}:{}:{}:{}:{}",
            hex(rng, 4),
            hex(rng, 4),
            hex(rng, 4),
            hex(rng, 4),
            hex(rng, 4),
            hex(rng, 4),
            hex(rng, 4)
        ),
        2 => format!(
            "fe80::{}:{}:{}:{}%eth0",
            hex(rng, 3),
            hex(rng, 4),
            hex(rng, 4),
            hex(rng, 4)
        ),
        _ => format!("2600:1700:{}:{}::{}", hex(rng, 4), hex(rng, 4), hex(rng, 2)),
    }
}

fn alnum(rng: &mut Rng, n: usize) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    (0..n).map(|_| char::from(A[rng.below(A.len())])).collect()
}
fn upper_alnum(rng: &mut Rng, n: usize) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    (0..n).map(|_| char::from(A[rng.below(A.len())])).collect()
}
fn b64url(rng: &mut Rng, n: usize) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    (0..n).map(|_| char::from(A[rng.below(A.len())])).collect()
}

fn jwt(rng: &mut Rng) -> String {
    format!(
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ{}.{}",
        {
            let n = 40 + rng.below(30);
            b64url(rng, n)
        },
        b64url(rng, 43)
    )
}

fn bearer(rng: &mut Rng) -> String {
    if rng.chance(70) {
        format!("Bearer {}", jwt(rng))
    } else {
        format!("Bearer {}", alnum(rng, 40))
    }
}

fn secret(rng: &mut Rng) -> String {
    match rng.below(9) {
        0 => format!("sk-proj-{}", b64url(rng, 48)),
        1 => format!("ghp_{}", alnum(rng, 36)),
        2 => format!("AKIA{}", upper_alnum(rng, 16)),
        3 => format!(
            "xoxb-{}-{}-{}",
            dstr(&rng.digits(11)),
            dstr(&rng.digits(12)),
            alnum(rng, 24)
        ),
        4 => format!("sk_live_{}", alnum(rng, 24)),
        5 => format!("AIza{}", b64url(rng, 35)),
        6 => format!("glpat-{}", b64url(rng, 20)),
        7 => jwt(rng),
        _ => bearer(rng),
    }
}

fn password(rng: &mut Rng) -> String {
    let w = rng.pick(&[
        "Tr0ub4dor",
        "Sunflower",
        "Blue",
        "Falcon",
        "Maple",
        "Winter",
        "Qwerty",
    ]);
    let sym = rng.pick(&["&3", "!92", "#2024", "$7", "_88!", "@1x"]);
    format!("{w}{sym}")
}

fn house_number(rng: &mut Rng) -> Vec<u8> {
    let n = 1 + rng.below(4);
    let mut d = rng.digits(n);
    if d[0] == 0 {
        d[0] = 1 + rng.below(9) as u8;
    }
    d
}

fn street(rng: &mut Rng) -> String {
    let dir = if rng.chance(15) {
        format!("{} ", rng.pick(&["N", "S", "E", "W", "North", "West"]))
    } else {
        String::new()
    };
    format!("{dir}{} {}", rng.pick(STREETS), rng.pick(SUFFIXES))
}

fn unit(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => format!(
            ", Apt {}{}",
            1 + rng.below(20),
            rng.pick(&["", "B", "A", "C"])
        ),
        1 => format!(", Suite {}", 100 + rng.below(400)),
        2 => format!(" Unit {}", 1 + rng.below(40)),
        _ => format!(" #{}", 1 + rng.below(30)),
    }
}

fn address(rng: &mut Rng, full: bool) -> String {
    let mut s = format!("{} {}", dstr(&house_number(rng)), street(rng));
    if rng.chance(25) {
        s.push_str(&unit(rng));
    }
    if full {
        let (c, st, z) = *rng.pick(CITIES);
        s.push_str(&format!(", {c}, {st} {z}"));
    }
    s
}

fn number_words(rng: &mut Rng, d: &[u8]) -> String {
    // house numbers as people say them: "four twenty two", "twelve thirty four"
    match d.len() {
        1 => ONES[d[0] as usize].to_string(),
        2 => pair_words(rng, d[0], d[1]),
        3 => format!("{} {}", ONES[d[0] as usize], pair_words(rng, d[1], d[2])),
        _ => format!(
            "{} {}",
            pair_words(rng, d[0], d[1]),
            pair_words(rng, d[2], d[3])
        ),
    }
}

fn address_spoken(rng: &mut Rng) -> String {
    let mut d = house_number(rng);
    if d.len() == 4 && d[2] == 0 {
        d[2] = 3;
    }
    if d.len() >= 2 && d[d.len() - 2] == 0 {
        let k = d.len() - 2;
        d[k] = 2;
    }
    let suffix = rng.pick(&[
        "street",
        "avenue",
        "road",
        "drive",
        "lane",
        "boulevard",
        "court",
    ]);
    format!(
        "{} {} {suffix}",
        number_words(rng, &d),
        rng.pick(STREETS).to_lowercase()
    )
}

fn ymd(rng: &mut Rng, birth: bool) -> (u32, u32, u32) {
    let y = if birth {
        1940 + rng.below(66) as u32
    } else {
        2023 + rng.below(4) as u32
    };
    (y, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32)
}

fn ordinal(n: u32) -> String {
    let suf = match (n % 10, n % 100) {
        (1, x) if x != 11 => "st",
        (2, x) if x != 12 => "nd",
        (3, x) if x != 13 => "rd",
        _ => "th",
    };
    format!("{n}{suf}")
}

fn date_written(rng: &mut Rng, (y, m, d): (u32, u32, u32)) -> String {
    let mon = MONTHS[m as usize - 1];
    match rng.below(8) {
        0 => format!("{m:02}/{d:02}/{y}"),
        1 => format!("{y}-{m:02}-{d:02}"),
        2 => format!("{d} {mon} {y}"),
        3 => format!("{mon} {d}, {y}"),
        4 => format!("{m}/{d}/{y}"),
        5 => format!("{mon} {}, {y}", ordinal(d)),
        6 => format!("{d:02}.{m:02}.{y}"),
        _ => format!("{d:02}-{}-{y}", &mon[..3]),
    }
}

fn ord_words(n: u32) -> String {
    const O: &[&str] = &[
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
    if n <= 20 {
        O[n as usize].to_string()
    } else if n < 30 {
        format!("twenty {}", O[(n - 20) as usize])
    } else {
        "thirtieth".to_string()
    }
}

fn year_words(rng: &mut Rng, y: u32) -> String {
    if y < 2000 {
        let (a, b) = ((y / 10 % 10) as u8, (y % 10) as u8);
        format!("nineteen {}", pair_words(rng, a, b))
    } else if y < 2010 {
        format!("two thousand {}", ONES[(y % 10) as usize])
    } else {
        format!(
            "twenty {}",
            pair_words(rng, (y / 10 % 10) as u8, (y % 10) as u8)
        )
    }
}

fn date_spoken(rng: &mut Rng, (y, m, d): (u32, u32, u32)) -> String {
    let mon = MONTHS_LC[m as usize - 1];
    match rng.below(3) {
        0 => format!("the {} of {mon} {}", ord_words(d), year_words(rng, y)),
        1 => format!("{mon} {} {}", ord_words(d), year_words(rng, y)),
        _ => format!(
            "{} {} {}",
            pair_words(rng, (m / 10) as u8, (m % 10) as u8),
            pair_words(rng, (d / 10) as u8, (d % 10) as u8),
            pair_words(rng, (y / 10 % 10) as u8, (y % 10) as u8)
        ),
    }
}

fn full_name(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(GIVEN), rng.pick(SURNAMES))
}

// ---------------------------------------------------------------- negatives

fn amount(rng: &mut Rng) -> String {
    let n = 1 + rng.below(9999);
    let c = rng.below(100);
    let th = if n >= 1000 {
        format!("{},{:03}", n / 1000, n % 1000)
    } else {
        n.to_string()
    };
    match rng.below(5) {
        0 => format!("USD {th}.{c:02}"),
        1 => format!("${th}.{c:02}"),
        2 => format!("EUR {th}.{c:02}"),
        3 => format!("£{th}"),
        _ => format!("{th}.{c:02} USD"),
    }
}

fn time(rng: &mut Rng) -> String {
    let h = 1 + rng.below(12);
    let m = rng.below(60);
    match rng.below(4) {
        0 => format!("{h}:{m:02} PM"),
        1 => format!("{h}:{m:02} am"),
        2 => format!("{:02}:{m:02}", rng.below(24)),
        _ => format!("{h} pm"),
    }
}

fn duration(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => format!("{} minutes {} seconds", rng.below(60), rng.below(60)),
        1 => format!("{}h {}m", rng.below(10), rng.below(60)),
        2 => format!("{} business days", 2 + rng.below(12)),
        _ => format!("00:{:02}:{:02}", rng.below(60), rng.below(60)),
    }
}

fn case_no(rng: &mut Rng) -> String {
    match rng.below(5) {
        0 => format!("case {}", dstr(&[vec![0, 0], rng.digits(6)].concat())),
        1 => format!("ticket #{}", 10000 + rng.below(90000)),
        2 => format!("INC{}", dstr(&rng.digits(7))),
        3 => format!("reference {}", dstr(&rng.digits(8))),
        _ => format!("case #{}-{}", 2024 + rng.below(3), dstr(&rng.digits(6))),
    }
}

fn sku(rng: &mut Rng) -> String {
    match rng.below(3) {
        0 => format!(
            "{}-{}-{}",
            dstr(&rng.digits(4)),
            upper_alnum(rng, 2),
            dstr(&rng.digits(4))
        ),
        1 => format!("SKU {}", dstr(&rng.digits(8))),
        _ => format!(
            "{}{}-{}",
            upper_alnum(rng, 3),
            dstr(&rng.digits(3)),
            dstr(&rng.digits(4))
        ),
    }
}

fn serial(rng: &mut Rng) -> String {
    format!(
        "SN {}-{}-{}",
        dstr(&rng.digits(4)),
        dstr(&rng.digits(4)),
        dstr(&rng.digits(4))
    )
}

fn isbn(rng: &mut Rng) -> String {
    let mut d = vec![9, 7, 8];
    d.extend(rng.digits(9));
    let s: u32 = d
        .iter()
        .enumerate()
        .map(|(i, &x)| x as u32 * if i % 2 == 0 { 1 } else { 3 })
        .sum();
    d.push(((10 - s % 10) % 10) as u8);
    let s = dstr(&d);
    format!(
        "ISBN {}-{}-{}-{}-{}",
        &s[..3],
        &s[3..4],
        &s[4..7],
        &s[7..12],
        &s[12..]
    )
}

fn bad_card(rng: &mut Rng) -> String {
    loop {
        let mut d = card_digits(rng);
        let last = d.len() - 1;
        d[last] = (d[last] + 1 + rng.below(9) as u8) % 10;
        if !luhn_ok(&d) {
            return card_written(rng, &d);
        }
    }
}

fn coord(rng: &mut Rng) -> String {
    format!(
        "{}.{}, -{}.{}",
        25 + rng.below(20),
        dstr(&rng.digits(4)),
        70 + rng.below(50),
        dstr(&rng.digits(4))
    )
}

fn version(rng: &mut Rng) -> String {
    match rng.below(3) {
        0 => format!("v{}.{}.{}", rng.below(10), rng.below(30), rng.below(40)),
        1 => format!(
            "version {}.{}.{}",
            1 + rng.below(17),
            rng.below(10),
            rng.below(10)
        ),
        _ => format!("build 10.0.{}.{}", 19000 + rng.below(4000), rng.below(5000)),
    }
}

fn guid(rng: &mut Rng) -> String {
    format!(
        "{}-{}-{}-{}-{}",
        hex(rng, 8),
        hex(rng, 4),
        hex(rng, 4),
        hex(rng, 4),
        hex(rng, 12)
    )
}

fn order(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => format!("ORD-{}", dstr(&rng.digits(8))),
        1 => format!("#{}", dstr(&rng.digits(9))),
        2 => format!("1Z{}{}", upper_alnum(rng, 6), dstr(&rng.digits(10))),
        _ => format!(
            "{}-{}-{}",
            100 + rng.below(900),
            dstr(&rng.digits(7)),
            dstr(&rng.digits(7))
        ),
    }
}

fn pct(rng: &mut Rng) -> String {
    match rng.below(3) {
        0 => format!("{}%", 1 + rng.below(99)),
        1 => format!("{}.{}%", rng.below(30), rng.below(10)),
        _ => format!("{} percent", 5 + rng.below(60)),
    }
}

fn negative(rng: &mut Rng) -> String {
    match rng.below(24) {
        0 => amount(rng),
        1 => time(rng),
        2 => duration(rng),
        3 => case_no(rng),
        4 => sku(rng),
        5 => serial(rng),
        6 => isbn(rng),
        7 => bad_card(rng),
        8 => coord(rng),
        9 => version(rng),
        10 => guid(rng),
        11 => order(rng),
        12 => pct(rng),
        13 => rng.pick(PRODUCTS).to_string(),
        14 => rng.pick(PLACES).to_string(),
        15 => {
            let d = ymd(rng, false);
            date_written(rng, d)
        }
        16 => rng.pick(WEEKDAYS).to_string(),
        17 => format!("{} {}", rng.pick(MONTHS), 1 + rng.below(28)),
        18 => format!("{} units", 2 + rng.below(500)),
        19 => format!("{}", 1990 + rng.below(36)),
        20 => ordinal(1 + rng.below(30) as u32),
        21 => format!("card ending in {}", dstr(&rng.digits(4))),
        22 => format!("Exp: {:02}/{}", 1 + rng.below(12), 26 + rng.below(6)),
        _ => format!(
            "flight {}{}",
            rng.pick(&["UA", "BA", "LH", "AI", "QF"]),
            100 + rng.below(900)
        ),
    }
}

/// Whole negative sentences (no PII), mixed into every genre.
fn negative_sentence(rng: &mut Rng) -> String {
    let s = match rng.below(26) {
        0 => format!(
            "Will you send the invoice for {} by {}?",
            amount(rng),
            rng.pick(WEEKDAYS)
        ),
        1 => format!("Mark it as resolved under {}.", case_no(rng)),
        2 => format!(
            "Grace period ends on {} at {}.",
            {
                let d = ymd(rng, false);
                date_written(rng, d)
            },
            time(rng)
        ),
        3 => format!(
            "Bill me monthly; the {} plan is {} cheaper.",
            rng.pick(PRODUCTS),
            pct(rng)
        ),
        4 => format!("April is usually slower; expect {}.", duration(rng)),
        5 => "i will check and mark the bill as paid, grace period or not.".to_string(),
        6 => format!(
            "The {} shipped from {} on {}.",
            rng.pick(PRODUCTS),
            rng.pick(PLACES),
            rng.pick(WEEKDAYS)
        ),
        7 => format!(
            "Appointment: {} {}",
            {
                let d = ymd(rng, false);
                date_written(rng, d)
            },
            time(rng)
        ),
        8 => format!("Serial {} does not match {}.", serial(rng), sku(rng)),
        9 => format!("The book is {}.", isbn(rng)),
        10 => format!("Card number {} failed validation.", bad_card(rng)),
        11 => format!("Store location: {}.", coord(rng)),
        12 => format!(
            "Updated the app to {} last {}.",
            version(rng),
            rng.pick(WEEKDAYS)
        ),
        13 => format!("Request id {}.", guid(rng)),
        14 => format!("Order {} totals {}.", order(rng), amount(rng)),
        15 => format!(
            "It was the {} time this {}.",
            ordinal(2 + rng.below(8) as u32),
            rng.pick(MONTHS)
        ),
        16 => format!(
            "They moved to {} in {}.",
            rng.pick(PLACES),
            1990 + rng.below(35)
        ),
        17 => format!("Call lasted {}.", duration(rng)),
        18 => format!(
            "Interest rate {} for {} months.",
            pct(rng),
            6 + rng.below(30)
        ),
        19 => format!(
            "Please allow {} for {} to process it.",
            duration(rng),
            rng.pick(PLACES)
        ),
        20 => "Thanks for calling, have a great day.".to_string(),
        21 => format!("may i put you on hold for {} minutes?", 2 + rng.below(10)),
        22 => format!("Hope the {} works now.", rng.pick(PRODUCTS)),
        23 => format!(
            "Weight: {} kg, dimensions {}x{}x{} cm.",
            1 + rng.below(40),
            10 + rng.below(90),
            10 + rng.below(90),
            5 + rng.below(50)
        ),
        24 => format!(
            "Your {} is {}.",
            rng.pick(&["ticket", "confirmation", "case"]),
            case_no(rng)
        ),
        _ => format!(
            "Temperature {} degrees on {} {}.",
            60 + rng.below(40),
            rng.pick(WEEKDAYS),
            rng.pick(MONTHS)
        ),
    };
    s
}

// ---------------------------------------------------------------- slots

fn pair_rand(rng: &mut Rng, lo: usize, span: usize) -> String {
    let a = (lo + rng.below(span)) as u8;
    let b = rng.digit();
    pair_words(rng, a, b)
}

fn slot(rng: &mut Rng, key: &str) -> Vec<Piece> {
    match key {
        "NAME" => vec![pii("PERSON", full_name(rng))],
        "FIRST" => vec![pii("PERSON", *rng.pick(GIVEN))],
        "LAST" => vec![pii("PERSON", *rng.pick(SURNAMES))],
        "NICK" => vec![pii("PERSON", *rng.pick(NICKNAMES))],
        "LASTFIRST" => vec![pii(
            "PERSON",
            format!("{}, {}", rng.pick(SURNAMES), rng.pick(GIVEN)),
        )],
        "TNAME" => {
            let t = rng.pick(TITLES);
            let n = if rng.chance(50) {
                full_name(rng)
            } else {
                rng.pick(SURNAMES).to_string()
            };
            vec![plain(format!("{t} ")), pii("PERSON", n)]
        }
        "SPELLED" => {
            let (n, spelled) = if rng.chance(60) {
                let n = *rng.pick(SPELLABLE);
                (n, n)
            } else {
                let n = *rng.pick(SPELLABLE_SURNAMES);
                (n, n)
            };
            let sep = if rng.chance(70) { " " } else { "-" };
            let letters: Vec<String> = spelled
                .chars()
                .map(|c| c.to_ascii_uppercase().to_string())
                .collect();
            vec![
                pii("PERSON", n),
                plain(", "),
                pii("PERSON", letters.join(sep)),
            ]
        }
        "RELATION" => vec![plain(*rng.pick(RELATIONS))],
        "PHONE" => vec![pii("PHONE", phone_written(rng))],
        "PHONE_US" => vec![pii("PHONE", phone_us_written(rng))],
        "PHONE_INTL" => vec![pii("PHONE", phone_intl_written(rng))],
        "PHONE_SP" => {
            let (pre, v) = phone_spoken(rng);
            vec![plain(pre), spoken("PHONE", v)]
        }
        "EMAIL" => vec![pii("EMAIL", email_written(rng))],
        "EMAIL_SP" => vec![spoken("EMAIL", email_spoken(rng))],
        "CARD" => {
            let d = card_digits(rng);
            vec![pii("CREDIT_CARD", card_written(rng, &d))]
        }
        "CARD_SP" => {
            let d = card_digits(rng);
            let groups: Vec<String> = if d.len() == 15 {
                vec![
                    digit_words(rng, &d[..4]),
                    digit_words(rng, &d[4..10]),
                    digit_words(rng, &d[10..]),
                ]
            } else {
                d.chunks(4)
                    .map(|c| {
                        if rng.chance(30) {
                            pairs_words(rng, c)
                        } else {
                            digit_words(rng, c)
                        }
                    })
                    .collect()
            };
            vec![spoken("CREDIT_CARD", groups.join(", "))]
        }
        "SSN" => {
            let d = dstr(&ssn_digits(rng));
            let v = if rng.chance(80) {
                group(&d, &[3, 2, 4], "-")
            } else {
                group(&d, &[3, 2, 4], " ")
            };
            vec![pii("US_SSN", v)]
        }
        "SSN_SP" => {
            let d = ssn_digits(rng);
            let sep = *rng.pick(&[", ", " ", "... "]);
            vec![spoken(
                "US_SSN",
                format!(
                    "{}{sep}{}{sep}{}",
                    digit_words(rng, &d[..3]),
                    digit_words(rng, &d[3..5]),
                    digit_words(rng, &d[5..])
                ),
            )]
        }
        "IBAN" => vec![pii("IBAN", iban(rng, true))],
        "IP" => vec![pii("IP_ADDRESS", ipv4(rng))],
        "IP6" => vec![pii("IP_ADDRESS", ipv6(rng))],
        "SECRET" => vec![pii("SECRET", secret(rng))],
        "BEARER" => vec![pii("SECRET", bearer(rng))],
        "PASSWORD" => vec![pii("SECRET", password(rng))],
        "ADDR" => vec![pii("STREET_ADDRESS", address(rng, false))],
        "ADDR_FULL" => vec![pii("STREET_ADDRESS", address(rng, true))],
        "ADDR_SP" => vec![spoken("STREET_ADDRESS", address_spoken(rng))],
        "DOB" => {
            let d = ymd(rng, true);
            vec![pii("DATE_OF_BIRTH", date_written(rng, d))]
        }
        "DOB_ISO" => {
            let (y, m, d) = ymd(rng, true);
            vec![pii("DATE_OF_BIRTH", format!("{y}-{m:02}-{d:02}"))]
        }
        "DOB_SP" => {
            let d = ymd(rng, true);
            vec![spoken("DATE_OF_BIRTH", date_spoken(rng, d))]
        }
        // negatives
        "DATE" => {
            let d = ymd(rng, false);
            vec![plain(date_written(rng, d))]
        }
        "TIME" => vec![plain(time(rng))],
        "AMOUNT" => vec![plain(amount(rng))],
        "PCT" => vec![plain(pct(rng))],
        "DUR" => vec![plain(duration(rng))],
        "CASE" => vec![plain(case_no(rng))],
        "SKU" => vec![plain(sku(rng))],
        "SERIAL" => vec![plain(serial(rng))],
        "ISBN" => vec![plain(isbn(rng))],
        "BADCARD" => vec![plain(bad_card(rng))],
        "BADIBAN" => vec![plain(iban(rng, false))],
        "COORD" => vec![plain(coord(rng))],
        "VERSION" => vec![plain(version(rng))],
        "GUID" => vec![plain(guid(rng))],
        "ORDER" => vec![plain(order(rng))],
        "PRODUCT" => vec![plain(*rng.pick(PRODUCTS))],
        "PLACE" => vec![plain(*rng.pick(PLACES))],
        "WEEKDAY" => vec![plain(*rng.pick(WEEKDAYS))],
        "MONTH" => vec![plain(*rng.pick(MONTHS))],
        "LAST4" => vec![plain(dstr(&rng.digits(4)))],
        "NEG" => vec![plain(negative(rng))],
        "ORDER_SP" => {
            let d = rng.digits(8);
            vec![plain(digit_words(rng, &d))]
        }
        "PRICE_SP" => vec![plain(format!(
            "{} dollars and {} cents",
            pair_rand(rng, 2, 8),
            pair_rand(rng, 1, 8)
        ))],
        "TIME_SP" => vec![plain(format!(
            "{} {}",
            ONES[1 + rng.below(9)],
            pair_rand(rng, 1, 5)
        ))],
        other => panic!("unknown slot {other}"),
    }
}

// ---------------------------------------------------------------- templates

const TOOL: &[&str] = &[
    "{NAME}",
    "{NAME}",
    "{TNAME}",
    "{PHONE}",
    "{PHONE_INTL}",
    "{PHONE_US}",
    "{EMAIL}",
    "{EMAIL}",
    "{CARD}",
    "{ADDR_FULL}",
    "{ADDR_FULL}",
    "{BEARER}",
    "{SECRET}",
    "{IP}",
    "{IP6}",
    "{IBAN}",
    "{SSN}",
    "{\"customer_name\": \"{NAME}\", \"phone\": \"{PHONE}\"}",
    "{\"email\": \"{EMAIL}\", \"order_id\": \"{ORDER}\"}",
    "{\"dob\": \"{DOB_ISO}\", \"name\": \"{NAME}\"}",
    "{\"card_number\": \"{CARD}\", \"amount\": \"{AMOUNT}\"}",
    "{\"ip\": \"{IP}\", \"user_agent\": \"Mozilla/5.0\"}",
    "{\"iban\": \"{IBAN}\", \"currency\": \"EUR\"}",
    "{\"shipping_address\": \"{ADDR_FULL}\"}",
    "{\"headers\": {\"Authorization\": \"{BEARER}\"}}",
    "{\"ssn\": \"{SSN}\", \"verified\": true}",
    "Customer found: {NAME} (member since {NEG})",
    "Booking confirmed for {NAME} on {DATE} at {TIME}.",
    "SMS sent to {PHONE}.",
    "Email delivered to {EMAIL}",
    "Refund of {AMOUNT} issued to {IBAN}.",
    "Payment of {AMOUNT} charged to card ending {LAST4}.",
    "lookup_customer(phone=\"{PHONE_US}\")",
    "{\"query\": \"orders for {EMAIL}\", \"limit\": 10}",
    "{\"sku\": \"{SKU}\", \"qty\": 2, \"price\": \"{AMOUNT}\"}",
    "{\"ticket\": \"{CASE}\", \"status\": \"open\"}",
    "{\"appointment\": \"{DATE}\", \"time\": \"{TIME}\"}",
    "{DATE}",
    "{AMOUNT}",
    "{SKU}",
    "{CASE}",
    "{PRODUCT}",
    "{PLACE}",
    "{TIME}",
    "{VERSION}",
    "{GUID}",
    "{ORDER}",
    "{SERIAL}",
    "{ISBN}",
    "{BADCARD}",
    "{BADIBAN}",
    "{COORD}",
    "{PCT}",
    "{DUR}",
];

const SUMMARY: &[&str] = &[
    "The customer, {TNAME}, reported that the {PRODUCT} stopped charging after the {VERSION} update.",
    "Callback requested at {PHONE}.",
    "{TNAME} called about a double charge of {AMOUNT} on {DATE}; the agent opened {CASE}.",
    "The caller provided the email {EMAIL} and asked for a receipt.",
    "Caller verified identity with date of birth {DOB} and the last four digits of the SSN.",
    "The customer's shipping address was updated to {ADDR_FULL}.",
    "{NAME} requested that the refund be sent to IBAN {IBAN}.",
    "Agent escalated {CASE} to tier 2; the customer, {NAME}, can be reached at {EMAIL}.",
    "The customer disputed a transaction on card {CARD}.",
    "Suspicious login attempts came from {IP} and {IP6}.",
    "The customer accidentally pasted an API key ({SECRET}) into the chat; it was revoked.",
    "The customer's SSN ({SSN}) was confirmed against the application.",
    "{NAME} will visit the {PLACE} branch on {WEEKDAY} at {TIME} to sign the documents.",
    "No personal data was shared. The customer asked about the {PRODUCT} and a {PCT} discount for {DUR}.",
    "The customer, born on {DOB}, asked to add {NAME} as a beneficiary.",
    "{TNAME} confirmed the callback number {PHONE_INTL} and preferred contact by email ({EMAIL}).",
    "The caller identified herself as {NAME} and explained that her {PRODUCT} order {ORDER} never arrived.",
    "The agent, {FIRST}, apologised for the delay and credited {AMOUNT} to the account.",
    "Per the customer, the new billing address is {ADDR} and the phone on file, {PHONE_US}, is still correct.",
    "Customer {NAME} (DOB {DOB}) requested a copy of the policy.",
    "The account holder's date of birth, {DOB}, did not match the records; verification failed.",
    "Outcome: {TNAME} agreed to a payment plan of {AMOUNT} per month starting {MONTH}.",
    "The customer read out the password {PASSWORD}; the agent advised changing it.",
    "Mr. and Mrs. {LAST} asked to close the joint account at {PLACE}.",
    "The technician, {NAME}, will arrive between {TIME} and {TIME} on {WEEKDAY}.",
    "The call was transferred to {TNAME} in the fraud team after {DUR}.",
    "Customer asked for a {PCT} refund on {ORDER}; ticket {CASE} remains open.",
    "{NAME} from {PLACE} reported that the {PRODUCT} shows error 0x80070005.",
];

const AGENT: &[&str] = &[
    "Thank you, {TNAME}. I have your number as {PHONE}, is that right?",
    "Can I confirm the email, {EMAIL_SP}?",
    "Just to confirm, that's {PHONE_SP}?",
    "I'm {FIRST}, and I'll be helping you today. Your case number is {CASE}.",
    "Let me read that back: {CARD_SP}.",
    "Okay {FIRST}, I've sent the reset link to {EMAIL}.",
    "I see the account is under {NAME}, date of birth {DOB}.",
    "Your appointment is on {DATE} at {TIME}. Will that work?",
    "I'll transfer you to {TNAME} in billing.",
    "For security, can you confirm the last four of your social? Thank you, that matches.",
    "We'll ship it to {ADDR_FULL}.",
    "So that's {ADDR_SP}, correct?",
    "And the best number to reach you is {PHONE_US}? Great.",
    "Hi {FIRST}, this is {FIRST} from {PLACE} returning your call.",
    "I have your date of birth as {DOB_SP}.",
    "Your social ends in {LAST4}, thank you.",
    "The refund of {AMOUNT} will show in {DUR}.",
    "Can you spell the last name for me? Got it, {SPELLED}.",
    "I'm showing the login came from {IP}. Was that you?",
    "Let me confirm the IBAN: {IBAN}.",
    "Thanks {NICK}, I've updated the email to {EMAIL}.",
    "Mark down ticket {CASE} and I will call you back on {WEEKDAY}.",
    "Your {PRODUCT} warranty runs until {DATE}.",
];

const FORM: &[&str] = &[
    "Name: {NAME} | Phone: {PHONE} | DOB: {DOB}",
    "Patient: {LASTFIRST}\nDOB: {DOB}\nAppointment: {DATE} {TIME}",
    "Contact: {NAME}; Email: {EMAIL}; Mobile: {PHONE_INTL}",
    "Billing name: {NAME}\nCard: {CARD}\nExp: 09/27\nAmount: {AMOUNT}",
    "SSN: {SSN} | DOB: {DOB} | Employer: {PLACE}",
    "Account holder: {NAME}, IBAN: {IBAN}, BIC: DEUTDEFF",
    "Ship to: {NAME}, {ADDR_FULL}",
    "Order: {ORDER} | SKU: {SKU} | Qty: 3 | Total: {AMOUNT}",
    "Device IP: {IP} | Firmware: {VERSION} | {SERIAL}",
    "Emergency contact: {NAME} ({RELATION}) {PHONE}",
    "Ticket: {CASE} | Opened: {DATE} | Priority: High | Assignee: {NAME}",
    "Date: {DATE} | Time: {TIME} | Duration: {DUR} | Reference: {CASE}",
    "First name: {FIRST}\nLast name: {LAST}\nDate of birth: {DOB}",
    "Full name: {TNAME}\nAddress: {ADDR_FULL}\nTel: {PHONE}",
    "Email address: {EMAIL}\nPassword: {PASSWORD}",
    "Authorization: {BEARER}",
    "api_key={SECRET}",
    "Customer: {NAME} | Plan: {PRODUCT} | Renewal: {DATE} | Discount: {PCT}",
    "Visitor IPv6: {IP6}\nSession: {GUID}",
    "Caller ID: {PHONE_US}\nWait time: {DUR}",
    "Beneficiary: {NAME}\nIBAN: {IBAN}\nReference: {CASE}",
    "Product: {PRODUCT}\nStore: {PLACE}\nPrice: {AMOUNT}\nISBN/Code: {ISBN}",
    "Name | {NAME}\nSSN | {SSN}\nBirth date | {DOB}",
    "Card on file: {CARD} (exp 11/28)",
    "Test card: {BADCARD} (declined: invalid number)",
];

const KEYPOINTS: &[&str] = &[
    "- Caller: {NAME}\n- Callback: {PHONE}\n- Issue: billing dispute of {AMOUNT}",
    "* Customer {NAME} wants to cancel {PRODUCT}\n* Refund {AMOUNT} to {IBAN}\n* Follow up {WEEKDAY}",
    "1. Verified DOB ({DOB})\n2. Updated email to {EMAIL}\n3. Closed {CASE}",
    "- New address: {ADDR_FULL}\n- Effective {DATE}",
    "- Suspicious login from {IP}\n- Password reset sent\n- {CASE}",
    "- Customer shared card {CARD} (should have been masked)\n- Charge of {AMOUNT} on {DATE}",
    "- {TNAME} prefers SMS to {PHONE_INTL}\n- Available after {TIME}",
    "- Spoke with {NAME}\n- SSN on file: {SSN}\n- Next step: send forms by {DATE}",
    "- Delivery delayed {DUR}\n- {SKU} out of stock in {PLACE}\n- Offered {PCT} credit",
    "- Key leaked in ticket: {SECRET}\n- Rotated on {DATE}",
    "- Contact {FIRST} at {EMAIL}\n- Meeting {WEEKDAY} {TIME}",
    "- Grace period: {DUR}\n- Will call back in {MONTH}\n- Bill amount {AMOUNT}",
];

const CALLER: &[&str] = &[
    "yeah my number is {PHONE_SP}",
    "you can call me back on {PHONE_SP}",
    "it's {PHONE_SP}, that's my cell",
    "my email is {EMAIL_SP}",
    "uh it's {EMAIL_SP}",
    "my name is {NAME}",
    "it's {SPELLED}",
    "this is {NAME} calling about my {PRODUCT}",
    "the card number is {CARD_SP}",
    "my social is {SSN_SP}",
    "i was born on {DOB_SP}",
    "my date of birth is {DOB_SP}",
    "i live at {ADDR_SP}",
    "the address is {ADDR}",
    "hi, {NAME} here, i'm calling about {CASE}",
    "everyone calls me {NICK}",
    "the ip it shows is {IP}",
    "i will be there at {TIME_SP}",
    "it cost me {PRICE_SP}",
    "my order number is {ORDER_SP}",
    "the tracking number is {ORDER}",
    "i called on {WEEKDAY} about the bill",
    "i'd like to mark it as urgent, it's been {DUR}",
    "my wife {FIRST} set it up in {MONTH}",
    "can you text me at {PHONE_SP}",
    "my phone number, {PHONE_SP}",
    "yes my mobile is {PHONE_INTL}",
    "i'm {TNAME}, the account holder",
    "put it under {NAME} please",
    "it's my grandson {FIRST} who will pick it up",
];

fn fill(rng: &mut Rng, tpl: &str, text: &mut String, gold: &mut Vec<Gold>) {
    let mut rest = tpl;
    while let Some(i) = rest.find('{') {
        // a slot is {UPPERCASE_KEY}; other braces are literal
        let after = &rest[i + 1..];
        let key_len = after
            .find(|c: char| !(c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit()))
            .unwrap_or(after.len());
        if key_len > 0 && after[key_len..].starts_with('}') {
            text.push_str(&rest[..i]);
            let key = &after[..key_len];
            for p in slot(rng, key) {
                let start = text.len();
                text.push_str(&p.text);
                if let Some(label) = p.label {
                    gold.push(Gold {
                        label,
                        start,
                        end: text.len(),
                        spoken: p.spoken,
                    });
                }
            }
            rest = &after[key_len + 1..];
        } else {
            text.push_str(&rest[..i + 1]);
            rest = after;
        }
    }
    text.push_str(rest);
}

/// Generate `n` labelled texts from `seed`.
pub(crate) fn generate(seed: u64, n: usize) -> Vec<Sample> {
    let mut rng = Rng(seed | 1);
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let (genre, set): (&'static str, &[&str]) = match rng.below(100) {
            0..=24 => ("tool", TOOL),
            25..=39 => ("summary", SUMMARY),
            40..=54 => ("agent", AGENT),
            55..=69 => ("form", FORM),
            70..=79 => ("keypoints", KEYPOINTS),
            _ => ("caller", CALLER),
        };
        let tpl = *rng.pick(set);
        let mut text = String::new();
        let mut gold = Vec::new();
        // prose genres sometimes start with a negative sentence
        let list = genre == "form" || genre == "keypoints";
        if genre != "tool" && genre != "form" && rng.chance(25) {
            text.push_str(&negative_sentence(&mut rng));
            text.push(if list { '\n' } else { ' ' });
        }
        fill(&mut rng, tpl, &mut text, &mut gold);
        if genre != "tool" && rng.chance(35) {
            if !list && !text.ends_with(['.', '?', '!']) {
                // caller speech has no final punctuation: end the sentence
                text.push('.');
            }
            text.push(if list { '\n' } else { ' ' });
            text.push_str(&negative_sentence(&mut rng));
        }
        if genre == "caller" && rng.chance(50) {
            // speech-to-text output, lowercased (ASCII only: byte offsets stay)
            text.make_ascii_lowercase();
        }
        out.push(Sample { genre, text, gold });
    }
    out
}
