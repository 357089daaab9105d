//! Third blind corpus: whole multi-turn call transcripts and single turns as a
//! voice agent's speech-to-text emits them, for nine industries (bank, clinic,
//! airline, utility, insurance, e-commerce, IT helpdesk, pharmacy, hotel).
//!
//! Written before reading `src/` or any other corpus. Own xorshift, fixed seed.
//! Labelling decisions: a partial card ("ending in 4421") and the last four of
//! an SSN are not labelled (neither is the full value); account, member, policy,
//! prescription, order and tracking numbers are not labelled; an agent's own name
//! is a PERSON; a surname spelled out letter by letter is a PERSON too; "Dr X"
//! labels only "X". Spoken values (digits said as words) are marked spoken;
//! dates of birth are never marked spoken.

pub(crate) struct Gold {
    pub(crate) label: &'static str,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) spoken: bool,
}

pub(crate) struct Sample {
    pub(crate) text: String,
    pub(crate) gold: Vec<Gold>,
    pub(crate) kind: &'static str,
}

struct Rng(u64);

impl Rng {
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
    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + (self.next() % u64::from(hi - lo + 1)) as u32
    }
    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

#[derive(Clone, Copy)]
struct Style {
    lower: bool,
    punct: bool,
    fillers: f64,
    caps: f64,
    labels: u8,
    sep: &'static str,
}

#[derive(Clone, Copy, PartialEq)]
enum Spk {
    Agent,
    Caller,
}

struct Val {
    label: &'static str,
    spoken: bool,
    text: String,
}

struct Turn {
    spk: Spk,
    parts: Vec<(String, Option<(&'static str, bool)>)>,
    alone: bool,
}

impl Turn {
    fn new(spk: Spk) -> Self {
        Turn {
            spk,
            parts: Vec::new(),
            alone: true,
        }
    }
    fn t(&mut self, s: impl Into<String>) -> &mut Self {
        self.parts.push((s.into(), None));
        self
    }
    fn v(&mut self, v: Val) -> &mut Self {
        self.parts.push((v.text, Some((v.label, v.spoken))));
        self
    }
    fn ctx(&mut self) -> &mut Self {
        self.alone = false;
        self
    }
}

#[derive(Clone, Copy)]
struct Name {
    given: &'static str,
    sur: &'static str,
}

impl Name {
    fn full(self) -> String {
        format!("{} {}", self.given, self.sur)
    }
}

fn person(s: impl Into<String>) -> Val {
    Val {
        label: "PERSON",
        spoken: false,
        text: s.into(),
    }
}

// ---------------------------------------------------------------- names

const CULTURES: &[(&[&str], &[&str])] = &[
    (
        &[
            "Adebayo",
            "Oluwaseun",
            "Folake",
            "Temitope",
            "Babajide",
            "Olamide",
            "Yetunde",
            "Ayodele",
            "Kehinde",
            "Damilola",
            "Titilayo",
            "Olumide",
        ],
        &[
            "Adeyemi", "Ogunleye", "Balogun", "Afolabi", "Oyelaran", "Adewale", "Ogundipe",
            "Akinola", "Olatunji", "Fashola",
        ],
    ),
    (
        &[
            "Chukwuemeka",
            "Ngozi",
            "Chiamaka",
            "Obinna",
            "Ifeoma",
            "Nnamdi",
            "Chinonso",
            "Adaeze",
            "Ikenna",
            "Uchechi",
        ],
        &[
            "Okafor",
            "Eze",
            "Nwosu",
            "Okonkwo",
            "Nwachukwu",
            "Anozie",
            "Obiora",
            "Ezeh",
            "Udeh",
            "Onyekachi",
        ],
    ),
    (
        &[
            "Karthik",
            "Senthil",
            "Meenakshi",
            "Arulmozhi",
            "Kavitha",
            "Vignesh",
            "Thenmozhi",
            "Saravanan",
            "Yazhini",
            "Ilango",
        ],
        &[
            "Subramanian",
            "Ramasamy",
            "Murugan",
            "Annamalai",
            "Thangavel",
            "Palanisamy",
            "Rajendran",
            "Kandasamy",
            "Sundaram",
            "Chidambaram",
        ],
    ),
    (
        &[
            "Venkatesh",
            "Srinivas",
            "Sravani",
            "Chaitanya",
            "Bhargavi",
            "Nagarjuna",
            "Lavanya",
            "Harika",
            "Ravindra",
            "Pavani",
        ],
        &[
            "Reddy",
            "Naidu",
            "Chowdary",
            "Gollapudi",
            "Kondapalli",
            "Vemula",
            "Yarlagadda",
            "Pothula",
            "Bandaru",
            "Kodali",
        ],
    ),
    (
        &[
            "Thanh", "Huong", "Minh", "Linh", "Phuong", "Tuan", "Quynh", "Duc", "Trang", "Khoa",
        ],
        &[
            "Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do", "Ngo",
        ],
    ),
    (
        &[
            "Ji-hoon",
            "Seo-yeon",
            "Min-jun",
            "Hyun-woo",
            "Eun-ji",
            "Dong-hyun",
            "Soo-ah",
            "Jae-won",
            "Jihoon",
            "Minjun",
        ],
        &[
            "Kim", "Park", "Choi", "Jung", "Kang", "Yoon", "Jang", "Lim", "Han", "Shin",
        ],
    ),
    (
        &[
            "Tomasz",
            "Agnieszka",
            "Grzegorz",
            "Katarzyna",
            "Wojciech",
            "Malgorzata",
            "Przemyslaw",
            "Bartosz",
            "Zofia",
            "Jedrzej",
        ],
        &[
            "Wojcik",
            "Kowalczyk",
            "Zielinski",
            "Szymanski",
            "Wozniak",
            "Lewandowska",
            "Grabowski",
            "Brzezinski",
            "Krawczyk",
            "Pietrzak",
        ],
    ),
    (
        &[
            "Mehmet", "Ayse", "Emre", "Zeynep", "Burak", "Elif", "Oguz", "Cansu", "Serkan",
            "Gulsen",
        ],
        &[
            "Yilmaz", "Kaya", "Demir", "Sahin", "Celik", "Ozturk", "Aydin", "Arslan", "Dogan",
            "Kilic",
        ],
    ),
    (
        &[
            "Dariush", "Shirin", "Parisa", "Kourosh", "Farnaz", "Arash", "Niloufar", "Babak",
            "Golnaz", "Siavash",
        ],
        &[
            "Hosseini",
            "Ahmadi",
            "Rezaei",
            "Moradi",
            "Karimi",
            "Tehrani",
            "Jafari",
            "Mohammadi",
            "Sadeghi",
            "Farahani",
        ],
    ),
    (
        &[
            "Abdirahman",
            "Hodan",
            "Faadumo",
            "Liban",
            "Ayaan",
            "Abdiweli",
            "Hamdi",
            "Ilhan",
            "Mursal",
            "Sahra",
        ],
        &[
            "Warsame", "Farah", "Abdi", "Hirsi", "Jama", "Egal", "Osman", "Dualeh", "Nur", "Yusuf",
        ],
    ),
    (
        &[
            "Maricel", "Jericho", "Rowena", "Jonalyn", "Arnel", "Rhodora", "Dindo", "Marites",
            "Jomar", "Analyn",
        ],
        &[
            "Dela Cruz",
            "Bautista",
            "Macaraeg",
            "Villanueva",
            "Dimaculangan",
            "Magbanua",
            "Manalo",
            "Pangilinan",
            "Tolentino",
            "Dizon",
        ],
    ),
    (
        &[
            "Aroha", "Wiremu", "Tamati", "Ngaio", "Hemi", "Mere", "Rawiri", "Anahera", "Manaia",
            "Kahu",
        ],
        &[
            "Ngata",
            "Tawhiri",
            "Parata",
            "Tipene",
            "Waititi",
            "Horomona",
            "Tamihana",
            "Rangihuna",
            "Te Rangi",
            "Paewai",
        ],
    ),
    (
        &["Tsion", "Mulugeta", "Selam", "Yonas", "Meron", "Dawit"],
        &[
            "Tesfaye",
            "Bekele",
            "Haile",
            "Gebremedhin",
            "Alemu",
            "Wolde",
        ],
    ),
    (
        &["Youssef", "Khadija", "Omar", "Layla", "Tariq", "Noor"],
        &["Haddad", "Al-Amin", "Mansour", "Khalil", "Saleh", "Nasser"],
    ),
    (
        &["Xiaoling", "Zhiwei", "Jing", "Haoran", "Meiling", "Yichen"],
        &["Zhang", "Liu", "Wang", "Chen", "Huang", "Zhou"],
    ),
    (
        &["Oksana", "Dmytro", "Taras", "Olena", "Bohdan", "Iryna"],
        &[
            "Kovalenko",
            "Shevchenko",
            "Bondarenko",
            "Tkachuk",
            "Melnyk",
            "Savchuk",
        ],
    ),
    (
        &[
            "Rachel", "Michael", "Jennifer", "David", "Sarah", "Kevin", "Maria", "Jose",
            "Brittany", "Tyler",
        ],
        &[
            "Smith",
            "Johnson",
            "Garcia",
            "Martinez",
            "Thompson",
            "Robinson",
            "Hernandez",
            "Walker",
            "Lopez",
            "Clark",
        ],
    ),
];

/// Given names that are also everyday words; used as real names now and then.
const WORD_NAMES: &[&str] = &[
    "Will", "Grace", "Mark", "Bill", "Hope", "Faith", "June", "Rose", "April", "Victor", "Chase",
];

const AGENT_NAMES: &[&str] = &[
    "Rachel", "Marcus", "Priya", "Danielle", "Kwame", "Sione", "Mei", "Tanvir", "Ingrid", "Rafael",
    "Siobhan", "Keanu", "Amara", "Dmitri", "Leilani", "Oyelade", "Thuy", "Bongani",
];

// ---------------------------------------------------------------- numbers

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

fn words_lt100(n: u32) -> String {
    match n {
        0..=9 => ONES[n as usize].to_string(),
        10..=19 => TEENS[n as usize - 10].to_string(),
        _ if n % 10 == 0 => TENS[n as usize / 10].to_string(),
        _ => format!("{} {}", TENS[n as usize / 10], ONES[n as usize % 10]),
    }
}

fn suffix(d: u32) -> &'static str {
    match d {
        1 | 21 | 31 => "st",
        2 | 22 => "nd",
        3 | 23 => "rd",
        _ => "th",
    }
}

fn luhn_ok(digits: &str) -> bool {
    let mut sum = 0;
    for (i, c) in digits.bytes().rev().enumerate() {
        let mut d = u32::from(c - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

fn mod97(s: &str) -> u32 {
    let mut r = 0u32;
    for c in s.chars() {
        if let Some(d) = c.to_digit(10) {
            r = (r * 10 + d) % 97;
        } else {
            let v = c as u32 - 'A' as u32 + 10;
            r = (r * 100 + v) % 97;
        }
    }
    r
}

// ---------------------------------------------------------------- generator

struct Gen {
    rng: Rng,
    st: Style,
}

impl Gen {
    fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.rng.below(10) as u8))
            .collect()
    }

    fn fill(&mut self) -> &'static str {
        if self.rng.chance(self.st.fillers) {
            self.rng.pick(&[
                "um, ",
                "uh, ",
                "uh ",
                "um ",
                "you know, ",
                "like, ",
                "so ",
                "okay so ",
                "yeah ",
            ])
        } else {
            ""
        }
    }

    /// Occasionally repeats a short word, as speakers do ("my my number").
    fn rep(&mut self, w: &str) -> String {
        if self.rng.chance(self.st.fillers / 3.0) {
            format!("{w} {w}")
        } else {
            w.to_string()
        }
    }

    fn pause(&mut self) -> &'static str {
        if self.st.punct {
            self.rng.pick(&[", ", ", ", " ", "... ", " - "])
        } else {
            " "
        }
    }

    /// Digits said as words, with "oh" and "double" now and then.
    fn say(&mut self, digits: &str) -> String {
        let b = digits.as_bytes();
        let oh = self.rng.chance(0.6);
        let mut out: Vec<String> = Vec::new();
        let mut i = 0;
        while i < b.len() {
            let d = (b[i] - b'0') as usize;
            let w = if d == 0 && oh { "oh" } else { ONES[d] };
            if i + 1 < b.len() && b[i + 1] == b[i] && self.rng.chance(0.35) {
                out.push(format!("double {w}"));
                i += 2;
            } else {
                out.push(w.to_string());
                i += 1;
            }
        }
        out.join(" ")
    }

    /// Groups of digits, each said or written; returns (text, spoken).
    fn groups(&mut self, groups: &[&str], sep_written: &str) -> (String, bool) {
        let mode = self.rng.below(10);
        if mode < 5 {
            return (groups.join(sep_written), false);
        }
        let mut parts = Vec::new();
        for g in groups {
            if mode == 9 && self.rng.chance(0.5) {
                parts.push(g.to_string());
            } else {
                parts.push(self.say(g));
            }
        }
        let mut out = parts[0].clone();
        for p in &parts[1..] {
            out.push_str(self.pause());
            out.push_str(p);
        }
        (out, true)
    }

    fn name(&mut self) -> Name {
        let (given, surs) = self.rng.pick(CULTURES);
        let mut g = self.rng.pick(given);
        if self.rng.chance(0.06) {
            g = self.rng.pick(WORD_NAMES);
        }
        let s = if self.rng.chance(0.15) {
            let (_, s2) = self.rng.pick(CULTURES);
            self.rng.pick(s2)
        } else {
            self.rng.pick(surs)
        };
        Name { given: g, sur: s }
    }

    fn spelled(&mut self, w: &str) -> String {
        let letters: Vec<String> = w
            .chars()
            .filter(char::is_ascii_alphabetic)
            .map(|c| c.to_ascii_uppercase().to_string())
            .collect();
        match self.rng.below(3) {
            0 => letters.join(" "),
            1 => letters.join("-").to_lowercase(),
            _ => letters.join(", "),
        }
    }

    fn phone(&mut self) -> Val {
        if self.rng.chance(0.2) {
            return self.intl_phone();
        }
        let area = loop {
            let a = self.rng.range(201, 989);
            let (d2, d3) = ((a / 10) % 10, a % 10);
            if d2 != 9 && !(d2 == 1 && d3 == 1) {
                break a;
            }
        };
        let exch = loop {
            let e = self.rng.range(200, 999);
            if e % 100 != 11 {
                break e;
            }
        };
        let line = self.digits(4);
        let (a, e) = (area.to_string(), exch.to_string());
        let (text, spoken) = if self.st.punct && self.rng.chance(0.55) {
            let t = match self.rng.below(5) {
                0 => format!("({a}) {e}-{line}"),
                1 => format!("{a}-{e}-{line}"),
                2 => format!("{a}.{e}.{line}"),
                3 => format!("+1 {a} {e} {line}"),
                _ => format!("1-{a}-{e}-{line}"),
            };
            (t, false)
        } else if self.rng.chance(0.15) {
            (format!("{a}{e}{line}"), false)
        } else {
            self.groups(&[&a, &e, &line], " ")
        };
        Val {
            label: "PHONE",
            spoken,
            text,
        }
    }

    fn intl_phone(&mut self) -> Val {
        let (cc, shape): (&str, &[usize]) = self.rng.pick(&[
            ("44", &[4, 6][..]),
            ("91", &[5, 5][..]),
            ("234", &[3, 3, 4][..]),
            ("48", &[3, 3, 3][..]),
            ("90", &[3, 3, 2, 2][..]),
            ("63", &[3, 3, 4][..]),
            ("84", &[2, 3, 2, 2][..]),
            ("82", &[2, 4, 4][..]),
            ("61", &[3, 3, 3][..]),
            ("64", &[2, 3, 4][..]),
            ("252", &[2, 3, 4][..]),
        ]);
        let mut groups: Vec<String> = Vec::new();
        for (i, n) in shape.iter().enumerate() {
            let mut g = self.digits(*n);
            if i == 0 {
                // mobile-like leading digit, never 0
                g.replace_range(0..1, &self.rng.range(5, 9).to_string());
            }
            groups.push(g);
        }
        let refs: Vec<&str> = groups.iter().map(String::as_str).collect();
        if self.rng.chance(0.7) {
            Val {
                label: "PHONE",
                spoken: false,
                text: format!("+{cc} {}", refs.join(" ")),
            }
        } else {
            let mut t = format!("plus {}", self.say(cc));
            for g in &refs {
                t.push_str(self.pause());
                t.push_str(&self.say(g));
            }
            Val {
                label: "PHONE",
                spoken: true,
                text: t,
            }
        }
    }

    fn card_number(&mut self) -> String {
        let (prefix, len): (&str, usize) = self.rng.pick(&[
            ("4", 16),
            ("4", 16),
            ("51", 16),
            ("53", 16),
            ("55", 16),
            ("2221", 16),
            ("34", 15),
            ("37", 15),
            ("6011", 16),
        ]);
        let mut d: Vec<u32> = prefix.chars().map(|c| c.to_digit(10).unwrap()).collect();
        while d.len() < len - 1 {
            d.push(self.rng.below(10) as u32);
        }
        for c in 0..10 {
            let s: String = d
                .iter()
                .chain(std::iter::once(&c))
                .map(|x| char::from_digit(*x, 10).unwrap())
                .collect();
            if luhn_ok(&s) {
                return s;
            }
        }
        unreachable!()
    }

    fn card(&mut self) -> Val {
        let n = self.card_number();
        let groups: Vec<&str> = if n.len() == 15 {
            vec![&n[..4], &n[4..10], &n[10..]]
        } else {
            vec![&n[..4], &n[4..8], &n[8..12], &n[12..]]
        };
        let sep = if self.st.punct && self.rng.chance(0.4) {
            "-"
        } else {
            " "
        };
        let (text, spoken) = if self.rng.chance(0.12) {
            (n.clone(), false)
        } else {
            self.groups(&groups, sep)
        };
        Val {
            label: "CREDIT_CARD",
            spoken,
            text,
        }
    }

    fn ssn(&mut self, spoken_ok: bool) -> Val {
        let area = loop {
            let a = self.rng.range(1, 899);
            if a != 666 {
                break a;
            }
        };
        let group = self.rng.range(1, 99);
        let serial = self.rng.range(1, 9999);
        let (a, g, s) = (
            format!("{area:03}"),
            format!("{group:02}"),
            format!("{serial:04}"),
        );
        let (text, spoken) = if !spoken_ok || self.rng.chance(0.5) {
            if self.st.punct || self.rng.chance(0.5) {
                (format!("{a}-{g}-{s}"), false)
            } else {
                (format!("{a} {g} {s}"), false)
            }
        } else {
            self.groups(&[&a, &g, &s], " ")
        };
        Val {
            label: "US_SSN",
            spoken,
            text,
        }
    }

    fn iban(&mut self) -> Val {
        let cc = self.rng.pick(&[
            "DE", "GB", "FR", "NL", "ES", "IT", "PL", "TR", "BE", "AT", "IE", "PT",
        ]);
        let letters = |g: &mut Gen, n: usize| -> String {
            (0..n)
                .map(|_| char::from(b'A' + g.rng.below(26) as u8))
                .collect()
        };
        let bban = match cc {
            "DE" => self.digits(18),
            "GB" | "IE" => format!("{}{}", letters(self, 4), self.digits(14)),
            "FR" => self.digits(23),
            "NL" => format!("{}{}", letters(self, 4), self.digits(10)),
            "ES" => self.digits(20),
            "IT" => format!("{}{}", letters(self, 1), self.digits(22)),
            "PL" => self.digits(24),
            "TR" => format!("{}0{}", self.digits(5), self.digits(16)),
            "BE" => self.digits(12),
            "AT" => self.digits(16),
            _ => self.digits(21),
        };
        let check = 98 - mod97(&format!("{bban}{cc}00"));
        let iban = format!("{cc}{check:02}{bban}");
        let text = if self.rng.chance(0.6) {
            let chunks: Vec<String> = iban
                .as_bytes()
                .chunks(4)
                .map(|c| String::from_utf8(c.to_vec()).unwrap())
                .collect();
            chunks.join(" ")
        } else {
            iban
        };
        Val {
            label: "IBAN",
            spoken: false,
            text,
        }
    }

    fn ip(&mut self) -> Val {
        let r = self.rng.below(10);
        let text = if r < 6 {
            let first = self.rng.pick(&[10u32, 192, 172, 73, 98, 203, 81, 24, 104]);
            let second = match first {
                192 => 168,
                172 => self.rng.range(16, 31),
                _ => self.rng.range(0, 255),
            };
            format!(
                "{first}.{second}.{}.{}",
                self.rng.range(0, 255),
                self.rng.range(1, 254)
            )
        } else if r < 9 {
            let hex = |g: &mut Gen| format!("{:x}", g.rng.range(1, 0xffff));
            if self.rng.chance(0.5) {
                format!("2001:db8:{}:{}::{}", hex(self), hex(self), hex(self))
            } else {
                let gs: Vec<String> = (0..8).map(|_| hex(self)).collect();
                gs.join(":")
            }
        } else {
            // spoken IPv4
            let parts = [
                self.rng.pick(&[10u32, 192, 172]),
                self.rng.range(0, 255),
                self.rng.range(0, 255),
                self.rng.range(1, 254),
            ];
            let ws: Vec<String> = parts.iter().map(|p| self.say(&p.to_string())).collect();
            return Val {
                label: "IP_ADDRESS",
                spoken: true,
                text: ws.join(" dot "),
            };
        };
        Val {
            label: "IP_ADDRESS",
            spoken: false,
            text,
        }
    }

    fn alnum(&mut self, n: usize, lower: bool) -> String {
        let set: &[u8] = if lower {
            b"abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
        } else {
            b"ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
        };
        (0..n)
            .map(|_| char::from(set[self.rng.below(set.len())]))
            .collect()
    }

    fn secret(&mut self) -> Val {
        let text = match self.rng.below(7) {
            0 => format!("AKIA{}", self.alnum(16, false)),
            1 => format!("ghp_{}", self.alnum(36, true)),
            2 => format!("sk_live_{}", self.alnum(24, true)),
            3 => format!(
                "xoxb-{}-{}-{}",
                self.digits(11),
                self.digits(12),
                self.alnum(24, true)
            ),
            4 => format!("glpat-{}", self.alnum(20, true)),
            _ => {
                let w = self.rng.pick(&[
                    "Sunflower",
                    "Tiger",
                    "Blue",
                    "Harbor",
                    "Maple",
                    "Falcon",
                    "Kiwi",
                    "Mango",
                ]);
                let sym = self.rng.pick(&["!", "#", "$", "-", "", "@"]);
                let k = self.rng.range(2, 4) as usize;
                format!("{w}{sym}{}", self.digits(k))
            }
        };
        Val {
            label: "SECRET",
            spoken: false,
            text,
        }
    }

    fn email(&mut self, n: Name) -> Val {
        let g = n.given.to_lowercase().replace(['-', ' '], "");
        let s = n.sur.to_lowercase().replace(['-', ' '], "");
        let num = self.rng.range(1, 99);
        let dom = self.rng.pick(&[
            "gmail.com",
            "yahoo.com",
            "outlook.com",
            "hotmail.co.uk",
            "icloud.com",
            "proton.me",
            "aol.com",
            "comcast.net",
        ]);
        let form = self.rng.below(5);
        let locals: [(String, String); 5] = [
            (format!("{g}.{s}"), format!("{g} dot {s}")),
            (
                format!("{}{s}{num}", &g[..1]),
                format!("{} {s} {}", &g[..1], words_lt100(num)),
            ),
            (format!("{g}_{s}"), format!("{g} underscore {s}")),
            (format!("{s}.{g}"), format!("{s} dot {g}")),
            (
                format!("{g}{num}"),
                format!("{g} {}", self.say(&num.to_string())),
            ),
        ];
        let (wl, sl) = &locals[form];
        if self.rng.chance(0.45) {
            Val {
                label: "EMAIL",
                spoken: false,
                text: format!("{wl}@{dom}"),
            }
        } else {
            let sd = dom.replace('.', " dot ");
            let at = if self.rng.chance(0.1) {
                "at sign"
            } else {
                "at"
            };
            Val {
                label: "EMAIL",
                spoken: true,
                text: format!("{sl} {at} {sd}"),
            }
        }
    }

    fn house_words(&mut self, n: u32) -> String {
        let s = n.to_string();
        match (s.len(), self.rng.below(2)) {
            (1 | 2, _) => words_lt100(n),
            (3, 0) => format!("{} {}", ONES[(n / 100) as usize], words_lt100(n % 100)),
            (4, 0) if n % 100 >= 10 => format!("{} {}", words_lt100(n / 100), words_lt100(n % 100)),
            _ => self.say(&s),
        }
    }

    fn address(&mut self) -> Val {
        let num = match self.rng.below(3) {
            0 => self.rng.range(1, 99),
            1 => self.rng.range(100, 999),
            _ => self.rng.range(1000, 9999),
        };
        let street = self.rng.pick(&[
            "Main",
            "Maple",
            "Oak Ridge",
            "Kingsway",
            "Elm",
            "Cedar Hollow",
            "Jefferson",
            "Mill Creek",
            "Lakeview",
            "Pohutukawa",
            "Sunset",
            "Martin Luther King",
            "Willow Bend",
            "Church",
            "Highland",
            "Riverside",
            "Kalakaua",
            "Peachtree",
            "Bayshore",
            "Washington",
        ]);
        let suffix = self.rng.pick(&[
            "Street",
            "Avenue",
            "Road",
            "Drive",
            "Lane",
            "Court",
            "Boulevard",
            "Way",
            "Place",
            "Terrace",
            "Circle",
            "St",
            "Ave",
            "Rd",
            "Dr",
            "Blvd",
            "Parkway",
        ]);
        let spoken = self.rng.chance(0.4);
        let n = if spoken {
            self.house_words(num)
        } else {
            num.to_string()
        };
        let mut t = format!("{n} {street} {suffix}");
        if self.rng.chance(0.35) {
            let unit_n = self.rng.range(1, 40);
            let letter = self.rng.pick(&["", "", "B", "A", "C"]);
            let kind = self.rng.pick(&["Apartment", "Apt", "Unit", "Suite"]);
            let un = if spoken {
                format!(
                    "{}{}",
                    words_lt100(unit_n),
                    if letter.is_empty() {
                        String::new()
                    } else {
                        format!(" {letter}")
                    }
                )
            } else {
                format!("{unit_n}{letter}")
            };
            let comma = if self.st.punct { "," } else { "" };
            t.push_str(&format!("{comma} {kind} {un}"));
        }
        if self.rng.chance(0.45) {
            let (city, st) = self.rng.pick(&[
                ("Springfield", "IL"),
                ("Tacoma", "WA"),
                ("Dearborn", "MI"),
                ("Plano", "TX"),
                ("Fresno", "California"),
                ("Columbus", "Ohio"),
                ("Decatur", "GA"),
                ("Edison", "NJ"),
            ]);
            let zip = self.digits(5);
            let comma = if self.st.punct { "," } else { "" };
            let z = if spoken { self.say(&zip) } else { zip };
            t.push_str(&format!("{comma} {city}{comma} {st} {z}"));
        }
        Val {
            label: "STREET_ADDRESS",
            spoken,
            text: t,
        }
    }

    fn year_words(&mut self, y: u32) -> String {
        if y >= 2000 {
            if y == 2000 {
                "two thousand".into()
            } else if self.rng.chance(0.5) {
                format!("two thousand {}", words_lt100(y - 2000))
            } else {
                format!("two thousand and {}", words_lt100(y - 2000))
            }
        } else if y % 100 < 10 {
            format!("nineteen oh {}", ONES[(y % 100) as usize])
        } else {
            format!("nineteen {}", words_lt100(y % 100))
        }
    }

    fn dob(&mut self) -> Val {
        let y = self.rng.range(1938, 2006);
        let m = self.rng.range(1, 12);
        let d = self.rng.range(1, 28);
        let month = MONTHS[m as usize - 1];
        let text = match self.rng.below(10) {
            0 if self.st.punct => format!("{m:02}/{d:02}/{y}"),
            0 => format!("{month} {d} {y}"),
            1 if self.st.punct => format!("{month} {d}, {y}"),
            1 => format!("{month} {d}{} {y}", suffix(d)),
            2 => format!("{d} {month} {y}"),
            3 if self.st.punct => format!("{y}-{m:02}-{d:02}"),
            3 => format!(
                "the {} of {month} {}",
                ORD[d as usize - 1],
                self.year_words(y)
            ),
            4 | 5 => format!("{month} {} {}", ORD[d as usize - 1], self.year_words(y)),
            6 => format!(
                "the {} of {month} {}",
                ORD[d as usize - 1],
                self.year_words(y)
            ),
            7 => {
                // numeric, said: "oh three fifteen eighty five"
                let mm = if m < 10 {
                    format!("oh {}", ONES[m as usize])
                } else {
                    words_lt100(m)
                };
                let dd = if d < 10 {
                    format!("oh {}", ONES[d as usize])
                } else {
                    words_lt100(d)
                };
                let yy = if y < 2000 {
                    words_lt100(y % 100)
                } else {
                    self.year_words(y)
                };
                format!("{mm} {dd} {yy}")
            }
            8 if self.st.punct => format!("{month} {d}{}, {y}", suffix(d)),
            8 => format!("{month} the {}, {y}", ORD[d as usize - 1]).replace(',', ""),
            _ => format!("{month} {} {y}", words_lt100(d)),
        };
        Val {
            label: "DATE_OF_BIRTH",
            spoken: false,
            text,
        }
    }

    // ------------------------------------------------------------ negatives

    fn time(&mut self) -> String {
        let h = self.rng.range(1, 12);
        match self.rng.below(5) {
            0 => format!(
                "{h}:{:02} {}",
                self.rng.range(0, 59),
                self.rng.pick(&["am", "pm", "a.m.", "p.m."])
            ),
            1 => format!("{} thirty", words_lt100(h)),
            2 => format!("{h} pm"),
            3 => format!("quarter past {}", words_lt100(h)),
            _ => format!("{} {}", words_lt100(h), words_lt100(self.rng.range(10, 59))),
        }
    }

    fn price(&mut self) -> String {
        match self.rng.below(4) {
            0 => format!("${}.{:02}", self.rng.range(5, 999), self.rng.range(0, 99)),
            1 => format!("{} dollars", words_lt100(self.rng.range(5, 99))),
            2 => format!(
                "{} dollars and {} cents",
                words_lt100(self.rng.range(2, 99)),
                words_lt100(self.rng.range(2, 99))
            ),
            _ => format!("${},{:03}", self.rng.range(1, 9), self.rng.range(0, 999)),
        }
    }

    fn date(&mut self) -> String {
        let m = self.rng.range(1, 12);
        let d = self.rng.range(1, 28);
        let month = MONTHS[m as usize - 1];
        match self.rng.below(6) {
            0 => format!("{month} {d}{}", suffix(d)),
            1 => format!("the {}", ORD[d as usize - 1]),
            2 => format!("{m}/{d}/2025"),
            3 => format!("{month} {}", ORD[d as usize - 1]),
            4 => self
                .rng
                .pick(&["next Tuesday", "this Friday", "tomorrow", "Monday morning"])
                .to_string(),
            _ => format!("{month} {d}, 2026"),
        }
    }

    fn code(&mut self) -> String {
        self.alnum(6, false)
    }

    fn order_number(&mut self) -> String {
        loop {
            let s = match self.rng.below(3) {
                0 => format!("{}-{}-{}", self.digits(3), self.digits(7), self.digits(7)),
                1 => self.digits(12),
                _ => self.digits(16),
            };
            let d: String = s.chars().filter(char::is_ascii_digit).collect();
            if !luhn_ok(&d) {
                return s;
            }
        }
    }

    fn acct(&mut self) -> String {
        match self.rng.below(5) {
            0 => self.digits(8),
            1 => self.digits(12),
            2 => format!("{}{}", self.alnum(3, false), self.digits(6)),
            3 => format!("{} {}", self.digits(4), self.digits(4)),
            _ => {
                let d = self.digits(8);
                self.say(&d)
            }
        }
    }

    fn word_negative(&mut self) -> String {
        self.rng
            .pick(&[
                "I will look into that for you. ",
                "Let me mark it as urgent. ",
                "The bill should be lower next month. ",
                "You're still inside the grace period. ",
                "We can do it in April or May. ",
                "May I put you on a brief hold? ",
                "That was back in June. ",
                "Prices rose a bit this year. ",
                "I hope that helps. ",
                "Have a little faith, it'll go through. ",
                "I'll chase that up with the warehouse. ",
                "The wells out here run dry in summer. ",
                "The little float kept going, bob bob bob. ",
                "To be frank, that's on us. ",
                "I had to sue the contractor last year. ",
                "Will do. ",
                "It was a real victory for the team. ",
                "Let me grab a pen. ",
            ])
            .to_string()
    }

    fn misc_negative(&mut self) -> String {
        match self.rng.below(12) {
            0 => format!("The card ending in {} is still active. ", self.digits(4)),
            1 => format!(
                "It should take about {} minutes. ",
                words_lt100(self.rng.range(5, 45))
            ),
            2 => format!(
                "I'm on version {}.{}.{}. ",
                self.rng.range(1, 17),
                self.rng.range(0, 20),
                self.rng.range(0, 9)
            ),
            3 => format!("I called on {} at {}. ", self.date(), self.time()),
            4 => format!(
                "I've been a customer since {}. ",
                self.rng.range(1995, 2024)
            ),
            5 => format!(
                "That's the {} time this month. ",
                self.rng.pick(&["third", "2nd", "fourth", "5th"])
            ),
            6 => format!("Your reference number is {}. ", self.code()),
            7 => format!("It came to {}. ", self.price()),
            8 => format!(
                "I ordered {} of them. ",
                self.rng.pick(&["three", "12", "a dozen", "two boxes", "4"])
            ),
            9 => self.word_negative(),
            10 => format!("Ticket INC{}. ", self.digits(7)),
            _ => format!(
                "We're at {} {}. ",
                self.rng.pick(&[
                    "Wells Fargo",
                    "Morgan Stanley",
                    "Charles Schwab",
                    "Victoria Station",
                    "Grace Hospital",
                    "Warby Parker",
                    "Jackson Heights",
                    "Mount Sinai",
                    "St. Luke's"
                ]),
                self.rng
                    .pick(&["on the corner", "downtown", "near the station", "today"])
            ),
        }
    }
}

// ---------------------------------------------------------------- transcripts

const INDUSTRIES: [&str; 9] = [
    "bank",
    "clinic",
    "airline",
    "utility",
    "insurance",
    "ecommerce",
    "it",
    "pharmacy",
    "hotel",
];

fn company(g: &mut Gen, ind: &str) -> &'static str {
    match ind {
        "bank" => g.rng.pick(&[
            "Northwind Bank",
            "First Harbor Credit Union",
            "Summit Federal",
            "Chase",
            "Wells Fargo",
        ]),
        "clinic" => g.rng.pick(&[
            "Riverside Family Clinic",
            "Grace Medical Group",
            "St. Luke's",
            "Mount Sinai",
        ]),
        "airline" => g
            .rng
            .pick(&["SkyJet Airways", "Pacific Air", "Aer Lingus", "Delta"]),
        "utility" => g.rng.pick(&[
            "Metro Water",
            "Georgia Power",
            "City Gas and Electric",
            "Duke Energy",
        ]),
        "insurance" => g
            .rng
            .pick(&["Allied Mutual", "Liberty Shield Insurance", "State Farm"]),
        "ecommerce" => g
            .rng
            .pick(&["ShopRight", "Crate and Barrel", "Warby Parker", "Amazon"]),
        "it" => g
            .rng
            .pick(&["Contoso IT service desk", "Helix Support", "the help desk"]),
        "pharmacy" => g
            .rng
            .pick(&["Walgreens", "CVS pharmacy", "Rite Aid", "Boots"]),
        _ => g.rng.pick(&[
            "Hilton Garden Inn",
            "Marriott",
            "Hotel Victoria",
            "Harbor View Suites",
        ]),
    }
}

fn topic(ind: &str) -> &'static str {
    match ind {
        "bank" => "my card",
        "clinic" => "an appointment",
        "airline" => "my flight",
        "utility" => "my bill",
        "insurance" => "a claim",
        "ecommerce" => "an order",
        "it" => "my laptop",
        "pharmacy" => "a refill",
        _ => "a reservation",
    }
}

const RELATIONS: &[&str] = &[
    "my mom",
    "my dad",
    "my husband",
    "my wife",
    "my son",
    "my daughter",
    "my grandmother",
    "my brother",
];

fn greeting(g: &mut Gen, ind: &str, agent: Name) -> Turn {
    let c = company(g, ind);
    let a = if g.rng.chance(0.2) {
        agent.full()
    } else {
        agent.given.to_string()
    };
    let mut t = Turn::new(Spk::Agent);
    match g.rng.below(6) {
        0 => t
            .t(format!("Thank you for calling {c}, this is "))
            .v(person(a))
            .t(", how can I help you today? "),
        1 => t
            .t(format!("{c}, "))
            .v(person(a))
            .t(" speaking, how may I help? "),
        2 => t
            .t(format!("Hi, you've reached {c}. My name is "))
            .v(person(a))
            .t(". Who am I speaking with? "),
        3 => t
            .t(format!(
                "Good morning, thanks for calling {c}, you're speaking with "
            ))
            .v(person(a))
            .t(". "),
        4 => t
            .t(format!("Thanks for holding, {c}, "))
            .v(person(a))
            .t(" here. "),
        _ => t
            .t(format!("Hello and welcome to {c}. I'm "))
            .v(person(a))
            .t(". What can I do for you? "),
    };
    t
}

fn intro(g: &mut Gen, ind: &str, caller: Name, agent: Name, turns: &mut Vec<Turn>) {
    let tp = topic(ind);
    let full = caller.full();
    let mut t = Turn::new(Spk::Caller);
    let f = g.fill();
    match g.rng.below(11) {
        0 => {
            let r = g.rep("my");
            t.t(format!("{f}Hi yeah, {r} name's "))
                .v(person(full))
                .t(format!(", I'm calling about {tp}. "));
        }
        1 => {
            t.t("Hi ")
                .v(person(agent.given))
                .t(", it's ")
                .v(person(full))
                .t(format!(". {f}I had a question about {tp}. "));
        }
        2 => {
            t.t("Yes hello, this is ")
                .v(person(full))
                .t(format!(", I'm calling about {tp}. "));
        }
        3 => {
            t.t(f)
                .v(person(caller.given))
                .t(format!(" here, calling about {tp}. "));
        }
        4 => {
            let rel = g.rng.pick(RELATIONS);
            t.t(format!("Hi, {f}I'm calling for {rel}, "))
                .v(person(full))
                .t(format!(". It's about {tp}. "));
        }
        5 => {
            t.t(format!("Hey, {f}I'm calling about {tp}. It's under "))
                .v(person(full))
                .t(". ");
        }
        6 => {
            t.t("Hi, I'm ")
                .v(person(full))
                .t(format!(", {f}I need help with {tp}. "));
        }
        7 => {
            t.t(format!("{f}Oh, it's ")).v(person(full)).t(". ").ctx();
        }
        8 => {
            t.t("Hi, my name is ")
                .v(person(caller.given))
                .t(", last name ")
                .v(person(caller.sur))
                .t(format!(". It's about {tp}. "));
        }
        9 => {
            t.t(format!("Yeah hi, {f}"))
                .v(person(full))
                .t(format!(" on the line, I'm calling about {tp}. "));
        }
        _ => {
            t.t(format!("Hello, {f}I wanted to ask about {tp}. My name is "))
                .v(person(full))
                .t(". ");
        }
    }
    turns.push(t);
    // Confirmation of the name, sometimes spelled.
    let r = g.rng.below(4);
    if r == 0 && caller.sur.chars().all(|c| c.is_ascii_alphabetic()) {
        let mut a = Turn::new(Spk::Agent);
        a.t("Can I get your last name and how it's spelled? ");
        turns.push(a);
        let mut c = Turn::new(Spk::Caller);
        let sp = g.spelled(caller.sur);
        c.t("Sure, it's ")
            .v(person(caller.sur))
            .t(", that's ")
            .v(person(sp))
            .t(". ")
            .ctx();
        turns.push(c);
    } else if r == 1 {
        let mut a = Turn::new(Spk::Agent);
        match g.rng.below(3) {
            0 => a.t("Am I speaking to ").v(person(caller.full())).t("? "),
            1 => a
                .t("Just to confirm, I'm speaking to ")
                .v(person(caller.full()))
                .t("? "),
            _ => a.t("Thank you, ").v(person(caller.given)).t(". "),
        };
        turns.push(a);
        let mut c = Turn::new(Spk::Caller);
        c.t(g.rng.pick(&["Yes, that's me. ", "Yep. ", "That's right. "]));
        turns.push(c);
    }
}

fn verification(g: &mut Gen, ind: &str, turns: &mut Vec<Turn>) {
    let n = g.rng.range(1, 2);
    let first = g.rng.below(8);
    for k in 0..n {
        let kind = (first + k as usize * (1 + g.rng.below(7))) % 8;
        let mut a = Turn::new(Spk::Agent);
        let mut c = Turn::new(Spk::Caller);
        let f = g.fill();
        match kind {
            0 | 1 => {
                a.t(g.rng.pick(&[
                    "Can you confirm your date of birth? ",
                    "For verification, can I get your date of birth please? ",
                    "And the birthday on file? ",
                    "What's your date of birth? ",
                ]));
                let d = g.dob();
                c.t(format!(
                    "{f}{}",
                    g.rng.pick(&["Sure, it's ", "Yeah it's ", "", "It's "])
                ))
                .v(d)
                .t(". ")
                .ctx();
            }
            2 => {
                a.t("I'll need to verify a couple of things first. ");
                let d = g.dob();
                match g.rng.below(3) {
                    0 => c.t(format!("{f}My date of birth is ")).v(d).t(". "),
                    1 => c.t(format!("{f}I was born on ")).v(d).t(". "),
                    _ => c.t(format!("{f}Okay, my birthday is ")).v(d).t(". "),
                };
            }
            3 => {
                a.t("Can you verify the last four of your social? ");
                let l4 = g.digits(4);
                let l4 = if g.rng.chance(0.4) { g.say(&l4) } else { l4 };
                c.t(format!("{f}Yeah, last four are {l4}. "));
            }
            4 => {
                a.t("Can you confirm the address on the account? ");
                let ad = g.address();
                c.t(format!("{f}{}", g.rng.pick(&["It's ", "Sure, ", ""])))
                    .v(ad)
                    .t(". ")
                    .ctx();
            }
            5 => {
                let kind = match ind {
                    "insurance" => "policy number",
                    "clinic" | "pharmacy" => "member ID",
                    "airline" | "hotel" => "loyalty number",
                    _ => "account number",
                };
                a.t(format!("Do you have your {kind} handy? "));
                let n = g.acct();
                c.t(format!("{f}Yeah, it's {n}. "));
            }
            6 => {
                a.t("And the phone number on the account? ");
                let p = g.phone();
                c.t(f).v(p).t(". ").ctx();
            }
            _ => {
                let sp = g.rng.chance(0.4);
                let s = g.ssn(sp);
                if sp {
                    a.t("I'll need your social security number to pull that up. ");
                    c.t(format!("{f}Okay, my social is ")).v(s).t(". ");
                } else {
                    a.t("Can I get your full social security number? ");
                    c.t(format!("{f}Sure, it's ")).v(s).t(". ").ctx();
                }
            }
        }
        turns.push(a);
        turns.push(c);
    }
}

fn issue(g: &mut Gen, ind: &str, caller: Name, turns: &mut Vec<Turn>) {
    let mut a = Turn::new(Spk::Agent);
    let mut c = Turn::new(Spk::Caller);
    let f = g.fill();
    match ind {
        "bank" => {
            match g.rng.below(5) {
                0 | 1 => {
                    let card = g.card();
                    c.t(format!("{f}I lost my wallet, the card number is "))
                        .v(card)
                        .t(". ");
                    a.t(format!("Okay, I see the card ending in {}. I've blocked it, and a new one will arrive in {} business days. ", g.digits(4), g.rng.pick(&["5 to 7", "three to five", "7"])));
                }
                2 | 3 => {
                    let other = g.name();
                    let iban = g.iban();
                    let rel = g.rng.pick(RELATIONS);
                    c.t(format!("{f}I need to send a wire to {rel} "))
                        .v(person(other.full()))
                        .t(", the IBAN is ")
                        .v(iban)
                        .t(". ");
                    a.t(format!(
                        "Thank you. The transfer of {} will go out on {}. ",
                        g.price(),
                        g.date()
                    ));
                }
                _ => {
                    c.t(format!(
                        "{f}There's a charge of {} on {} that I didn't make. ",
                        g.price(),
                        g.date()
                    ));
                    a.t(format!("I've opened a dispute, your reference is {}. You're within the grace period. ", g.code()));
                }
            }
        }
        "clinic" => {
            let dr = g.name();
            c.t(format!("{f}I need to reschedule my appointment with Dr. "))
                .v(person(dr.sur))
                .t(format!(" on {} at {}. ", g.date(), g.time()));
            a.t("The doctor is Dr ").v(person(dr.sur)).t(format!(
                " and she has an opening on {} at {}. Your copay will be {}. ",
                g.date(),
                g.time(),
                g.price()
            ));
            if g.rng.chance(0.3) {
                turns.push(c);
                turns.push(a);
                let mut c2 = Turn::new(Spk::Caller);
                let s = g.ssn(true);
                c2.t("They asked for my social security number last time, it's ")
                    .v(s)
                    .t(". ");
                turns.push(c2);
                return;
            }
        }
        "airline" => {
            let other = g.name();
            c.t(format!(
                "{f}I'm on flight {} {} on {}, departing at {}. Can you put the second seat under ",
                g.rng.pick(&["UA", "DL", "AA", "EI", "SJ"]),
                g.rng.range(10, 2999),
                g.date(),
                g.time()
            ))
            .v(person(other.full()))
            .t("? ");
            a.t(format!("Done. Your confirmation code is {}, that's {} as in victor. Seat {}{}, and two checked bags are {}. ", g.code(), g.rng.pick(&["V", "v"]), g.rng.range(1, 40), g.rng.pick(&["A", "C", "F"]), g.price()));
            if g.rng.chance(0.3) {
                turns.push(c);
                turns.push(a);
                let mut c2 = Turn::new(Spk::Caller);
                let card = g.card();
                c2.t("Please charge the bag fee to my card, ")
                    .v(card)
                    .t(". ");
                turns.push(c2);
                return;
            }
        }
        "utility" => {
            let ad = g.address();
            c.t(format!("{f}I'm moving, the new service address is "))
                .v(ad)
                .t(format!(". My last bill was {}. ", g.price()));
            let other = g.name();
            a.t(format!(
                "A technician will be there between {} and {} on {}. If there's a problem ask for ",
                g.time(),
                g.time(),
                g.date()
            ))
            .v(person(other.full()))
            .t(" from accounts. ");
        }
        "insurance" => {
            match g.rng.below(3) {
                0 => {
                    let s = g.ssn(true);
                    c.t(format!("{f}I'm filing a claim for an accident on {}. My social security number is ", g.date())).v(s).t(". ");
                    a.t(format!(
                        "Thank you. Your policy number is PL-{}-{} and the deductible is {}. ",
                        g.rng.range(2019, 2025),
                        g.digits(5),
                        g.price()
                    ));
                }
                1 => {
                    let other = g.name();
                    c.t(format!(
                        "{f}I want to add a beneficiary, {} ",
                        g.rng.pick(RELATIONS)
                    ))
                    .v(person(other.full()))
                    .t(". ");
                    a.t(format!(
                        "Okay, I've added them. Your premium stays at {} a month. ",
                        g.price()
                    ));
                }
                _ => {
                    let iban = g.iban();
                    c.t(format!("{f}Please pay the claim into my account, IBAN "))
                        .v(iban)
                        .t(". ");
                    a.t(format!(
                        "Noted, it should arrive within {} business days. ",
                        g.rng.pick(&["3", "five", "ten"])
                    ));
                }
            }
        }
        "ecommerce" => {
            let other = g.name();
            let ad = g.address();
            c.t(format!(
                "{f}My order number is {}, can you send it to ",
                g.order_number()
            ))
            .v(person(other.full()))
            .t(" at ")
            .v(ad)
            .t(". ");
            let card = g.card();
            a.t(format!(
                "Sure. The tracking number is 1Z{}{}. ",
                g.alnum(6, false),
                g.digits(10)
            ))
            .t("I'll refund the difference to the card you used, ")
            .v(card)
            .t(format!(", that's {}. ", g.price()));
        }
        "it" => match g.rng.below(5) {
            0 => {
                let ip = g.ip();
                c.t(format!("{f}I can't connect to the VPN, my IP address is "))
                    .v(ip)
                    .t(format!(
                        " and I'm on version {}.{}.{}. ",
                        g.rng.range(1, 12),
                        g.rng.range(0, 30),
                        g.rng.range(0, 9)
                    ));
                let other = g.name();
                a.t(format!(
                    "Thanks. I've opened ticket INC{}. I'll transfer you to ",
                    g.digits(7)
                ))
                .v(person(other.full()))
                .t(" in networking. ");
            }
            1 | 2 => {
                let s = g.secret();
                c.t(format!("{f}My temporary password is "))
                    .v(s)
                    .t(" and it doesn't work. ");
                a.t(format!(
                    "I see error {} in the log, id {}-{}-{}. Let me reset it. ",
                    g.rng.pick(&["0x80070005", "403", "E1022"]),
                    g.alnum(8, true).to_lowercase(),
                    g.digits(4),
                    g.alnum(12, true).to_lowercase()
                ));
                if g.rng.chance(0.6) {
                    let ip = g.ip();
                    a.t("The last failed sign-in came from ")
                        .v(ip)
                        .t(", is that you? ");
                }
            }
            _ => {
                let s = g.secret();
                c.t(format!(
                    "{f}The deploy fails, the API key in the config is "
                ))
                .v(s)
                .t(". ");
                let ip = g.ip();
                a.t("I'll rotate it. Which server? ");
                turns.push(c);
                turns.push(a);
                let mut c2 = Turn::new(Spk::Caller);
                c2.t("The one at ").v(ip).t(". ").ctx();
                turns.push(c2);
                return;
            }
        },
        "pharmacy" => {
            let dr = g.name();
            let who = if g.rng.chance(0.5) {
                let other = g.name();
                c.t(format!(
                    "{f}I need a refill, it's for {}, ",
                    g.rng.pick(RELATIONS)
                ))
                .v(person(other.full()))
                .t(". ");
                other
            } else {
                c.t(format!("{f}I need a refill on my prescription. "));
                caller
            };
            let _ = who;
            c.t(format!("The Rx number is {}. ", g.digits(7)));
            a.t(format!(
                "I see it, {} milligrams twice a day, prescribed by Dr ",
                g.rng.pick(&["20", "five hundred", "10", "40"])
            ))
            .v(person(dr.full()))
            .t(format!(
                ". It'll be ready after {}, copay {}. ",
                g.time(),
                g.price()
            ));
        }
        _ => {
            let card = g.card();
            c.t(format!("{f}I have a reservation under "))
                .v(person(caller.full()))
                .t(format!(
                    " checking in on {} for {} nights. ",
                    g.date(),
                    g.rng.pick(&["two", "3", "four"])
                ));
            a.t(format!(
                "I see it, room {}, {} a night. Can I have a card to hold it? ",
                g.rng.range(101, 1520),
                g.price()
            ));
            turns.push(c);
            turns.push(a);
            let mut c2 = Turn::new(Spk::Caller);
            c2.t("Sure, it's ").v(card).t(". ").ctx();
            turns.push(c2);
            return;
        }
    }
    turns.push(c);
    turns.push(a);
}

fn callback(g: &mut Gen, caller: Name, turns: &mut Vec<Turn>) {
    if g.rng.chance(0.75) {
        let mut a = Turn::new(Spk::Agent);
        a.t(g.rng.pick(&[
            "What's the best number to reach you if we get disconnected? ",
            "And a callback number? ",
            "Can I get a good phone number for you? ",
        ]));
        turns.push(a);
        let mut c = Turn::new(Spk::Caller);
        let p = g.phone();
        let f = g.fill();
        match g.rng.below(4) {
            0 => c.t(f).v(p).t(". ").ctx(),
            1 => c.t(format!("{f}Yeah, it's ")).v(p).t(". ").ctx(),
            2 => c.t(format!("{f}You can reach me at ")).v(p).t(". "),
            _ => c
                .t(format!("{f}My cell is "))
                .v(p)
                .t(format!(", after {} is best. ", g.time())),
        };
        turns.push(c);
    }
    if g.rng.chance(0.6) {
        let mut a = Turn::new(Spk::Agent);
        a.t("And an email for the confirmation? ");
        turns.push(a);
        let mut c = Turn::new(Spk::Caller);
        let e = g.email(caller);
        match g.rng.below(3) {
            0 => c.t("Sure, it's ").v(e).t(". ").ctx(),
            1 => c.t(g.fill()).v(e).t(". ").ctx(),
            _ => c.t("My email is ").v(e).t(". "),
        };
        turns.push(c);
    }
}

fn goodbye(g: &mut Gen, caller: Name, agent: Name, turns: &mut Vec<Turn>) {
    let mut a = Turn::new(Spk::Agent);
    let neg = g.misc_negative();
    a.t(neg);
    match g.rng.below(3) {
        0 => a
            .t("Is there anything else I can help with, ")
            .v(person(caller.given))
            .t("? "),
        1 => a.t("Anything else today? "),
        _ => {
            let title = g.rng.pick(&["Mr. ", "Ms. ", "Mrs. "]);
            a.t(format!("Thanks for your patience, {title}"))
                .v(person(caller.sur))
                .t(". ")
        }
    };
    turns.push(a);
    let mut c = Turn::new(Spk::Caller);
    match g.rng.below(3) {
        0 => c.t("No, that's it, thanks ").v(person(agent.given)).t(". "),
        1 => c.t(format!("{}No that's all, bye. ", g.fill())),
        _ => c.t(g.word_negative()).t("Thanks, bye. "),
    };
    turns.push(c);
}

fn plain(g: &mut Gen, s: &str) -> String {
    let mut s = if g.st.lower {
        s.to_lowercase()
    } else {
        s.to_string()
    };
    if !g.st.punct {
        let cs: Vec<char> = s.chars().collect();
        let mut out = String::new();
        for (i, c) in cs.iter().enumerate() {
            let next_space = cs.get(i + 1).is_none_or(|n| n.is_whitespace());
            if matches!(c, ',' | '.' | '?' | '!' | ';') && next_space {
                continue;
            }
            out.push(*c);
        }
        while out.contains("  ") {
            out = out.replace("  ", " ");
        }
        s = out;
    }
    if g.rng.chance(g.st.caps) {
        s = s.to_uppercase();
    }
    s
}

fn render(g: &mut Gen, turns: &[Turn], labels: bool) -> (String, Vec<Gold>) {
    let mut text = String::new();
    let mut gold = Vec::new();
    for (i, turn) in turns.iter().enumerate() {
        if i > 0 {
            let keep = text.trim_end().len();
            text.truncate(keep);
            text.push_str(g.st.sep);
        }
        if labels {
            let agent = turn.spk == Spk::Agent;
            let l = match g.st.labels {
                0 => "",
                1 => {
                    if agent {
                        "agent: "
                    } else {
                        "caller: "
                    }
                }
                2 => {
                    if agent {
                        "Agent: "
                    } else {
                        "Customer: "
                    }
                }
                3 => {
                    if agent {
                        "AGENT: "
                    } else {
                        "CALLER: "
                    }
                }
                _ => {
                    if agent {
                        "A: "
                    } else {
                        "C: "
                    }
                }
            };
            text.push_str(l);
        }
        for (s, lab) in &turn.parts {
            match lab {
                None => {
                    let p = plain(g, s);
                    text.push_str(&p);
                }
                Some((label, spoken)) => {
                    let v = if g.st.lower && *label != "SECRET" {
                        s.to_lowercase()
                    } else {
                        s.clone()
                    };
                    let start = text.len();
                    text.push_str(&v);
                    gold.push(Gold {
                        label,
                        start,
                        end: text.len(),
                        spoken: *spoken,
                    });
                }
            }
        }
    }
    let trimmed = text.trim_end().len();
    text.truncate(trimmed);
    (text, gold)
}

fn style(rng: &mut Rng) -> Style {
    let kind = rng.below(10);
    let (lower, punct) = match kind {
        0..=3 => (true, false),
        4..=5 => (true, true),
        _ => (false, true),
    };
    Style {
        lower,
        punct,
        fillers: rng.pick(&[0.0, 0.15, 0.35]),
        caps: if rng.chance(0.2) { 0.12 } else { 0.0 },
        labels: rng.below(5) as u8,
        sep: rng.pick(&["\n", " / ", " ", "\n"]),
    }
}

fn transcript(g: &mut Gen, ind: &str) -> Vec<Turn> {
    let caller = g.name();
    let agent = if g.rng.chance(0.6) {
        Name {
            given: g.rng.pick(AGENT_NAMES),
            sur: g.name().sur,
        }
    } else {
        g.name()
    };
    let mut turns = vec![greeting(g, ind, agent)];
    intro(g, ind, caller, agent, &mut turns);
    if g.rng.chance(0.85) {
        verification(g, ind, &mut turns);
    }
    issue(g, ind, caller, &mut turns);
    if g.rng.chance(0.5) {
        let mut a = Turn::new(Spk::Agent);
        let n1 = g.misc_negative();
        let n2 = g.misc_negative();
        a.t(n1).t(n2);
        turns.push(a);
    }
    callback(g, caller, &mut turns);
    goodbye(g, caller, agent, &mut turns);
    turns
}

/// Generates `n` samples: about 60% whole transcripts, 40% single turns.
pub(crate) fn generate(seed: u64, n: usize) -> Vec<Sample> {
    let mut rng = Rng(seed | 1);
    let st = style(&mut rng);
    let mut g = Gen { rng, st };
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        g.st = style(&mut g.rng);
        let ind = g.rng.pick(&INDUSTRIES);
        let turns = transcript(&mut g, ind);
        if g.rng.chance(0.6) {
            let (text, gold) = render(&mut g, &turns, true);
            out.push(Sample {
                text,
                gold,
                kind: "transcript",
            });
        } else {
            let alone: Vec<&Turn> = turns.iter().filter(|t| t.alone).collect();
            let t = alone[g.rng.below(alone.len())];
            let one = [Turn {
                spk: t.spk,
                parts: t.parts.clone(),
                alone: true,
            }];
            let labels = g.rng.chance(0.3);
            let (text, gold) = render(&mut g, &one, labels);
            out.push(Sample {
                text,
                gold,
                kind: "turn",
            });
        }
    }
    out
}
