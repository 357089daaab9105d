//! A labelled, seeded corpus of conversational texts: PII in written and spoken forms
//! inside realistic sentences, and hard negatives (times, prices, dates, versions,
//! ids that fail checksums...). The generator builds values from their definitions
//! (valid Luhn, mod-97, SSN rules, numbering plans) and renders them the way people
//! and speech-to-text write them; it knows nothing about the detectors.

#![allow(dead_code)]

/// A gold span.
#[derive(Debug, Clone)]
pub(crate) struct Gold {
    pub(crate) label: &'static str,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) spoken: bool,
}

/// One labelled text.
#[derive(Debug, Clone)]
pub(crate) struct Sample {
    pub(crate) text: String,
    pub(crate) gold: Vec<Gold>,
}

/// splitmix64: small, fixed, reproducible.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub(crate) fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + (self.next() % u64::from(hi - lo + 1)) as u32
    }
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        (self.next() % 10_000) as f64 / 10_000.0 < p
    }
    pub(crate) fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
    pub(crate) fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }
}

/// Builds a text with gold spans.
#[derive(Default)]
struct B {
    text: String,
    gold: Vec<Gold>,
}

impl B {
    fn t(&mut self, s: &str) -> &mut Self {
        self.text.push_str(s);
        self
    }
    fn pii(&mut self, label: &'static str, v: &str, spoken: bool) -> &mut Self {
        let start = self.text.len();
        self.text.push_str(v);
        self.gold.push(Gold {
            label,
            start,
            end: self.text.len(),
            spoken,
        });
        self
    }
    fn done(self) -> Sample {
        Sample {
            text: self.text,
            gold: self.gold,
        }
    }
}

const FIRST: &[&str] = &[
    "James",
    "Mary",
    "John",
    "Patricia",
    "Robert",
    "Jennifer",
    "Michael",
    "Linda",
    "David",
    "Elizabeth",
    "William",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Charles",
    "Karen",
    "Daniel",
    "Nancy",
    "Matthew",
    "Lisa",
    "Anthony",
    "Betty",
    "Mark",
    "Sandra",
    "Steven",
    "Ashley",
    "Paul",
    "Kimberly",
    "Andrew",
    "Emily",
    "Joshua",
    "Donna",
    "Kevin",
    "Michelle",
    "Brian",
    "Carol",
    "George",
    "Amanda",
    "Timothy",
    "Melissa",
    "Ronald",
    "Deborah",
    "Jason",
    "Stephanie",
    "Edward",
    "Rebecca",
    "Jeffrey",
    "Laura",
    "Ryan",
    "Sharon",
    "Jacob",
    "Cynthia",
    "Gary",
    "Kathleen",
    "Nicholas",
    "Amy",
    "Eric",
    "Angela",
    "Jonathan",
    "Shirley",
    "Stephen",
    "Anna",
    "Larry",
    "Brenda",
    "Justin",
    "Pamela",
    "Scott",
    "Emma",
    "Brandon",
    "Nicole",
    "Benjamin",
    "Helen",
    "Samuel",
    "Samantha",
    "Gregory",
    "Katherine",
    "Alexander",
    "Christine",
    "Frank",
    "Debra",
    "Patrick",
    "Rachel",
    "Raymond",
    "Carolyn",
    "Jack",
    "Janet",
    "Dennis",
    "Catherine",
    "Jerry",
    "Maria",
    "Tyler",
    "Heather",
    "Aaron",
    "Diane",
    "Jose",
    "Ruth",
    "Adam",
    "Julie",
    "Nathan",
    "Olivia",
    "Henry",
    "Joyce",
    "Douglas",
    "Virginia",
    "Zachary",
    "Victoria",
    "Peter",
    "Kelly",
    "Kyle",
    "Lauren",
    "Ethan",
    "Christina",
    "Walter",
    "Joan",
    "Noah",
    "Evelyn",
    "Jeremy",
    "Judith",
    "Christian",
    "Megan",
    "Keith",
    "Andrea",
    "Roger",
    "Cheryl",
    "Terry",
    "Hannah",
    "Gerald",
    "Jacqueline",
    "Harold",
    "Martha",
    "Sean",
    "Gloria",
    "Austin",
    "Teresa",
    "Carl",
    "Ann",
    "Arthur",
    "Sara",
    "Lawrence",
    "Madison",
    "Dylan",
    "Frances",
    "Jesse",
    "Kathryn",
    "Jordan",
    "Janice",
    "Bryan",
    "Jean",
    "Billy",
    "Abigail",
    "Joe",
    "Alice",
    "Bruce",
    "Julia",
    "Gabriel",
    "Judy",
    "Logan",
    "Sophia",
    "Albert",
    "Grace",
    "Willie",
    "Denise",
    "Alan",
    "Amber",
    "Juan",
    "Doris",
    "Wayne",
    "Marilyn",
    "Elijah",
    "Danielle",
    "Randy",
    "Beverly",
    "Roy",
    "Isabella",
    "Vincent",
    "Theresa",
    "Ralph",
    "Diana",
    "Eugene",
    "Natalie",
    "Russell",
    "Brittany",
    "Bobby",
    "Charlotte",
    "Mason",
    "Marie",
    "Philip",
    "Kayla",
    "Louis",
    "Alexis",
    "Carlos",
    "Lori",
    "Luis",
    "Miguel",
    "Rosa",
    "Sofia",
];

/// Names that a frequency list of US names is unlikely to hold: only usable with context.
const RARE_FIRST: &[&str] = &[
    "Priya",
    "Oluwaseun",
    "Siobhan",
    "Xiaoming",
    "Anh",
    "Thandiwe",
    "Bartholomew",
    "Ingrid",
    "Rajesh",
    "Fatima",
    "Kenji",
    "Svetlana",
    "Mateus",
    "Aoife",
    "Dmitri",
    "Yusuf",
    "Leilani",
    "Ngozi",
    "Henrik",
    "Zainab",
    "Tadashi",
    "Marisol",
    "Bogdan",
    "Chiara",
    "Emeka",
];

const LAST: &[&str] = &[
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
    "Thompson",
    "White",
    "Harris",
    "Sanchez",
    "Clark",
    "Ramirez",
    "Lewis",
    "Robinson",
    "Walker",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Torres",
    "Nguyen",
    "Hill",
    "Flores",
    "Green",
    "Adams",
    "Nelson",
    "Baker",
    "Hall",
    "Rivera",
    "Campbell",
    "Mitchell",
    "Carter",
    "Roberts",
    "Gomez",
    "Phillips",
    "Evans",
    "Turner",
    "Diaz",
    "Parker",
    "Cruz",
    "Edwards",
    "Collins",
    "Reyes",
    "Stewart",
    "Morris",
    "Morales",
    "Murphy",
    "Cook",
    "Rogers",
    "Gutierrez",
    "Ortiz",
    "Morgan",
    "Cooper",
    "Peterson",
    "Bailey",
    "Reed",
    "Kelly",
    "Howard",
    "Ramos",
    "Kim",
    "Cox",
    "Ward",
    "Richardson",
    "Watson",
    "Brooks",
    "Chavez",
    "Wood",
    "James",
    "Bennett",
    "Gray",
    "Mendoza",
    "Ruiz",
    "Hughes",
    "Price",
    "Alvarez",
    "Castillo",
    "Sanders",
    "Patel",
    "Myers",
    "Long",
    "Ross",
    "Foster",
    "Jimenez",
    "Powell",
    "Jenkins",
    "Perry",
    "Russell",
    "Sullivan",
    "Bell",
    "Coleman",
    "Butler",
    "Henderson",
    "Barnes",
    "Gonzales",
    "Fisher",
    "Vasquez",
    "Simmons",
    "Romero",
    "Jordan",
    "Patterson",
    "Alexander",
    "Hamilton",
    "Graham",
    "Reynolds",
    "Griffin",
    "Wallace",
    "Moreno",
    "West",
    "Cole",
    "Hayes",
    "Bryant",
    "Herrera",
    "Gibson",
    "Ellis",
    "Tran",
    "Medina",
    "Aguilar",
    "Stevens",
    "Murray",
    "Ford",
    "Castro",
    "Marshall",
    "Owens",
    "Harrison",
    "Fernandez",
    "McDonald",
    "Woods",
    "Washington",
    "Kennedy",
    "Wells",
    "Vargas",
    "Henry",
    "Chen",
    "Freeman",
    "Webb",
    "Tucker",
    "Guzman",
    "Burns",
    "Crawford",
    "Olson",
    "Simpson",
    "Porter",
    "Hunter",
    "Gordon",
    "Mendez",
    "Silva",
    "Shaw",
    "Snyder",
    "Mason",
    "Dixon",
    "Munoz",
    "Hunt",
    "Hicks",
    "Holmes",
    "Palmer",
    "Wagner",
    "Black",
    "Robertson",
    "Boyd",
    "Rose",
    "Stone",
    "Salazar",
    "Fox",
];

const RARE_LAST: &[&str] = &[
    "Raman",
    "Adeyemi",
    "Okonkwo",
    "Nakamura",
    "Vasquez-Ortega",
    "Abernathy",
    "Lindqvist",
    "Kowalczyk",
    "Haddad",
    "Oyelaran",
    "Fitzgerald",
    "Papadopoulos",
    "Szymanski",
    "Achterberg",
    "Mbeki",
    "Takahashi",
    "Ferreira",
    "Okafor",
    "Delacroix",
    "Bhattacharya",
];

const DOMAINS: &[&str] = &[
    "gmail.com",
    "yahoo.com",
    "outlook.com",
    "hotmail.com",
    "icloud.com",
    "aol.com",
    "protonmail.com",
    "example.org",
    "acme-corp.io",
    "mail.company.co.uk",
    "fastmail.fm",
    "university.edu",
    "city.gov",
    "startup.ai",
    "consulting.net",
    "shop.example.de",
    "zoho.com",
    "gmx.de",
    "web.de",
    "comcast.net",
    "verizon.net",
    "bigfirm.law",
    "clinic.health",
];

const SPEAKABLE_DOMAINS: &[&str] = &[
    "gmail.com",
    "yahoo.com",
    "outlook.com",
    "hotmail.com",
    "icloud.com",
    "aol.com",
    "example.org",
    "company.co.uk",
    "university.edu",
    "comcast.net",
    "verizon.net",
    "protonmail.com",
    "startup.io",
];

const STREETS: &[&str] = &[
    "Main",
    "Oak",
    "Maple",
    "Elm",
    "Washington",
    "Lake",
    "Hill",
    "Sunset",
    "Park",
    "Cedar",
    "Pine",
    "Fifth",
    "Third",
    "Martin Luther King",
    "Church",
    "Highland",
    "Mill",
    "River",
    "Spring",
    "Forest",
    "Jefferson",
    "Lincoln",
    "Madison",
    "Franklin",
    "Chestnut",
    "Walnut",
    "Willow",
    "Meadow",
    "Ridge",
    "Valley",
    "Broad",
    "Market",
    "Union",
    "Center",
    "Bay",
    "Cherry",
    "Dogwood",
    "Magnolia",
    "Hickory",
    "Sycamore",
    "Evergreen",
    "Mountain View",
    "Old Mill",
    "Prospect",
    "Summit",
    "Grand",
    "Colonial",
    "Orchard",
    "Birch",
    "Juniper",
    "Lakeview",
    "Kingsley",
    "Pleasant",
    "Adams",
    "Monroe",
    "Wilson",
    "Jackson",
    "Riverside",
];

const SUFFIXES: &[&str] = &[
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
    "Pl",
    "Terrace",
    "Circle",
    "Cir",
    "Parkway",
    "Pkwy",
    "Highway",
    "Trail",
    "Square",
    "Alley",
    "Crescent",
    "Loop",
    "Path",
    "Pike",
    "Row",
    "Run",
];

const CITIES: &[(&str, &str, &str)] = &[
    ("Springfield", "IL", "Illinois"),
    ("Austin", "TX", "Texas"),
    ("Portland", "OR", "Oregon"),
    ("Columbus", "OH", "Ohio"),
    ("San Jose", "CA", "California"),
    ("Denver", "CO", "Colorado"),
    ("Madison", "WI", "Wisconsin"),
    ("Raleigh", "NC", "North Carolina"),
    ("Boise", "ID", "Idaho"),
    ("Tampa", "FL", "Florida"),
    ("Albany", "NY", "New York"),
    ("Salem", "MA", "Massachusetts"),
    ("Phoenix", "AZ", "Arizona"),
    ("Nashville", "TN", "Tennessee"),
    ("Des Moines", "IA", "Iowa"),
    ("Reno", "NV", "Nevada"),
    ("Burlington", "VT", "Vermont"),
    ("Richmond", "VA", "Virginia"),
    ("Seattle", "WA", "Washington"),
    ("Savannah", "GA", "Georgia"),
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

const DIGIT_WORDS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

const ORDINALS: &[&str] = &[
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

const FILLER: &[&str] = &[
    "Sure, I can help you with that.",
    "Thanks for your patience.",
    "Let me pull up your account real quick.",
    "Okay, give me one second.",
    "Is there anything else I can do for you today?",
    "I understand, that sounds frustrating.",
    "Alright, that's all updated now.",
    "Could you repeat that for me?",
    "Great, thank you so much.",
    "Um, yeah, so the thing is it stopped working yesterday.",
    "I've been a customer for a long time.",
    "The app keeps crashing when I open it.",
    "We'll send you a confirmation shortly.",
    "No worries at all.",
    "Perfect, I see it here.",
    "Hold on, let me check with my supervisor.",
    "uh huh, yes, that's right",
    "I was charged twice last month.",
    "Can you walk me through the steps?",
    "It should arrive within three to five business days.",
];

fn w2(n: u32) -> String {
    // 0..=99 in words
    match n {
        0..=9 => DIGIT_WORDS[n as usize].to_owned(),
        10..=19 => TEENS[(n - 10) as usize].to_owned(),
        _ => {
            let t = TENS[(n / 10) as usize];
            if n % 10 == 0 {
                t.to_owned()
            } else {
                format!("{t} {}", DIGIT_WORDS[(n % 10) as usize])
            }
        }
    }
}

/// Speaks a digit string the way speech-to-text writes it: digit words, "oh",
/// "double"/"triple", pauses as commas between the given groups, some digits left
/// as digits.
fn speak_digits(r: &mut Rng, groups: &[&str]) -> String {
    let use_oh = r.chance(0.5);
    let use_double = r.chance(0.5);
    let mixed = r.chance(0.15);
    let pause = r.pick(&[", ", " ", ", ", "... ", " - "]);
    let mut out = Vec::new();
    for g in groups {
        if mixed && r.chance(0.4) {
            out.push(g.to_string());
            continue;
        }
        let b = g.as_bytes();
        let mut words = Vec::new();
        let mut i = 0;
        while i < b.len() {
            let d = b[i] - b'0';
            let word = if d == 0 && use_oh {
                "oh"
            } else {
                DIGIT_WORDS[d as usize]
            };
            if use_double && i + 2 < b.len() && b[i + 1] == b[i] && b[i + 2] == b[i] {
                words.push(format!("triple {word}"));
                i += 3;
            } else if use_double && i + 1 < b.len() && b[i + 1] == b[i] {
                words.push(format!("double {word}"));
                i += 2;
            } else {
                words.push(word.to_owned());
                i += 1;
            }
        }
        out.push(words.join(" "));
    }
    out.join(pause)
}

fn luhn_complete(prefix: &str, len: usize, r: &mut Rng) -> String {
    let mut s = prefix.to_owned();
    while s.len() < len - 1 {
        s.push(char::from(b'0' + r.below(10) as u8));
    }
    for c in 0..10u8 {
        let cand = format!("{s}{}", c);
        let sum: u32 = cand
            .bytes()
            .rev()
            .enumerate()
            .map(|(i, b)| {
                let mut x = u32::from(b - b'0');
                if i % 2 == 1 {
                    x *= 2;
                    if x > 9 {
                        x -= 9;
                    }
                }
                x
            })
            .sum();
        if sum % 10 == 0 {
            return cand;
        }
    }
    unreachable!()
}

fn card_number(r: &mut Rng) -> String {
    match r.below(7) {
        0 | 1 => luhn_complete("4", 16, r),
        2 => luhn_complete(&format!("5{}", r.range(1, 5)), 16, r),
        3 => luhn_complete(&format!("{}", r.range(2221, 2720)), 16, r),
        4 => luhn_complete(if r.chance(0.5) { "34" } else { "37" }, 15, r),
        5 => luhn_complete(if r.chance(0.5) { "6011" } else { "65" }, 16, r),
        _ => luhn_complete("4", 19, r),
    }
}

fn group_card(n: &str, r: &mut Rng) -> String {
    let sep = r.pick(&[" ", "-", "", " "]);
    if n.len() == 15 {
        return format!("{}{sep}{}{sep}{}", &n[..4], &n[4..10], &n[10..]);
    }
    n.as_bytes()
        .chunks(4)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join(sep)
}

fn nanp(r: &mut Rng) -> String {
    loop {
        let a = format!("{}{}{}", r.range(2, 9), r.range(0, 8), r.range(0, 9));
        if &a[1..] == "11" {
            continue;
        }
        let e = format!("{}{}", r.range(2, 9), r.digits(2));
        return format!("{a}{e}{}", r.digits(4));
    }
}

fn ssn(r: &mut Rng) -> String {
    loop {
        let a = r.range(1, 899);
        if a == 666 {
            continue;
        }
        let g = r.range(1, 99);
        let s = r.range(1, 9999);
        return format!("{a:03}{g:02}{s:04}");
    }
}

fn iban(r: &mut Rng) -> String {
    let (cc, len, letters) = r.pick(&[
        ("GB", 22, 4),
        ("DE", 22, 0),
        ("FR", 27, 0),
        ("ES", 24, 0),
        ("NL", 18, 4),
        ("IT", 27, 1),
        ("CH", 21, 0),
        ("BE", 16, 0),
        ("IE", 22, 4),
        ("PL", 28, 0),
        ("SE", 24, 0),
        ("AT", 20, 0),
    ]);
    let mut bban = String::new();
    for _ in 0..letters {
        bban.push(char::from(b'A' + r.below(26) as u8));
    }
    bban.push_str(&r.digits(len - 4 - letters));
    let check = 98 - mod97(&format!("{bban}{cc}00"));
    format!("{cc}{check:02}{bban}")
}

fn mod97(s: &str) -> u32 {
    let mut rem = 0u32;
    for c in s.bytes() {
        if c.is_ascii_digit() {
            rem = (rem * 10 + u32::from(c - b'0')) % 97;
        } else {
            rem = (rem * 100 + u32::from(c - b'A' + 10)) % 97;
        }
    }
    rem
}

fn alnum(r: &mut Rng, n: usize, set: &[u8]) -> String {
    (0..n)
        .map(|_| char::from(set[r.below(set.len())]))
        .collect()
}

const B62: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

fn secret(r: &mut Rng) -> (String, String, String) {
    // (prefix text, secret, suffix text)
    match r.below(9) {
        0 => (
            r.pick(&[
                "my access key is ",
                "AWS key: ",
                "use the key ",
                "aws_access_key_id = ",
            ])
            .to_string(),
            format!("AKIA{}", alnum(r, 16, UPNUM)),
            r.pick(&["", " for the deploy", ", thanks"]).to_string(),
        ),
        1 => (
            r.pick(&[
                "here's the OpenAI key ",
                "export OPENAI_API_KEY=",
                "the key is ",
            ])
            .to_string(),
            format!(
                "sk-{}{}",
                if r.chance(0.5) { "proj-" } else { "" },
                alnum(r, 40, B62)
            ),
            "".into(),
        ),
        2 => (
            r.pick(&["github token ", "GH_TOKEN=", "I pasted "])
                .to_string(),
            format!("ghp_{}", alnum(r, 36, B62)),
            r.pick(&["", " into the config"]).to_string(),
        ),
        3 => (
            r.pick(&["slack bot token ", "SLACK_TOKEN=", "the webhook uses "])
                .to_string(),
            format!(
                "xoxb-{}-{}-{}",
                r.digits(11),
                r.digits(12),
                alnum(r, 24, B62)
            ),
            "".into(),
        ),
        4 => {
            let h = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
            let p = format!("eyJ{}", alnum(r, 30, B62));
            let s = alnum(r, 43, B62);
            (
                r.pick(&["the jwt is ", "token: ", "I got this JWT "])
                    .to_string(),
                format!("{h}.{p}.{s}"),
                "".into(),
            )
        }
        5 => (
            r.pick(&[
                "Authorization: Bearer ",
                "send it with bearer ",
                "header Bearer ",
            ])
            .to_string(),
            alnum(r, 32, B62),
            "".into(),
        ),
        6 => (
            "key file:\n".into(),
            format!(
                "-----BEGIN RSA PRIVATE KEY-----\n{}\n{}\n-----END RSA PRIVATE KEY-----",
                alnum(r, 64, B62),
                alnum(r, 40, B62)
            ),
            "\nplease rotate it".into(),
        ),
        7 => {
            let pw = format!(
                "{}{}{}",
                r.pick(&[
                    "Tiger",
                    "sunshine",
                    "Blue",
                    "qwerty",
                    "dragon",
                    "Maple",
                    "correcthorse",
                    "Falcon"
                ]),
                {
                    let n = r.range(1, 4) as usize;
                    r.digits(n)
                },
                r.pick(&["", "!", "#", "$", "xy"])
            );
            (
                r.pick(&[
                    "my password is ",
                    "the password is ",
                    "password: ",
                    "my passcode is ",
                    "and the password for the portal is ",
                ])
                .to_string(),
                pw,
                r.pick(&["", " if that helps", ", can you reset it?", ". "])
                    .to_string(),
            )
        }
        _ => (
            r.pick(&["the stripe key is ", "STRIPE_SECRET_KEY="])
                .to_string(),
            format!("sk_live_{}", alnum(r, 24, B62)),
            "".into(),
        ),
    }
}

fn ipv4(r: &mut Rng) -> String {
    format!(
        "{}.{}.{}.{}",
        r.range(1, 223),
        r.range(0, 255),
        r.range(0, 255),
        r.range(1, 254)
    )
}

fn ipv6(r: &mut Rng) -> String {
    let g: Vec<String> = (0..8)
        .map(|_| format!("{:x}", r.range(0, 0xffff)))
        .collect();
    match r.below(3) {
        0 => g.join(":"),
        1 => format!("2001:db8:{}::{}", g[2], g[7]),
        _ => format!("fe80::{}:{}:{}", g[1], g[2], g[3]),
    }
}

fn full_name(r: &mut Rng, rare: bool) -> String {
    let f = if rare && r.chance(0.5) {
        r.pick(RARE_FIRST)
    } else {
        r.pick(FIRST)
    };
    let l = if rare && r.chance(0.5) {
        r.pick(RARE_LAST)
    } else {
        r.pick(LAST)
    };
    format!("{f} {l}")
}

fn address(r: &mut Rng) -> String {
    let num = if r.chance(0.1) {
        format!("{}{}", r.range(1, 999), r.pick(&["A", "B", "C"]))
    } else {
        r.range(1, 19999).to_string()
    };
    let dir = if r.chance(0.15) {
        format!("{} ", r.pick(&["N", "S", "E", "W", "North", "South"]))
    } else {
        String::new()
    };
    let mut a = format!("{num} {dir}{} {}", r.pick(STREETS), r.pick(SUFFIXES));
    if r.chance(0.25) {
        a.push_str(&format!(
            "{}{} {}",
            r.pick(&[", ", " "]),
            r.pick(&["Apt", "Apt.", "Suite", "Unit", "#"]),
            if r.chance(0.3) {
                r.pick(&["A", "B", "4C", "12F"]).to_string()
            } else {
                r.range(1, 999).to_string()
            }
        ));
        if a.ends_with("# ") {
            a.pop();
        }
    }
    if r.chance(0.6) {
        let (city, st, full) = r.pick(CITIES);
        let state = if r.chance(0.7) { st } else { full };
        a.push_str(&format!(", {city}, {state}"));
        if r.chance(0.7) {
            a.push_str(&format!(" {:05}", r.range(1001, 99950)));
        }
    }
    a
}

fn year_words(y: u32) -> String {
    if (2000..2010).contains(&y) {
        format!(
            "two thousand {}",
            if y == 2000 {
                String::new()
            } else {
                w2(y % 100)
            }
        )
        .trim()
        .to_owned()
    } else if y % 100 < 10 {
        format!("{} oh {}", w2(y / 100), DIGIT_WORDS[(y % 10) as usize])
    } else {
        format!("{} {}", w2(y / 100), w2(y % 100))
    }
}

fn dob(r: &mut Rng) -> (String, bool) {
    let y = r.range(1935, 2008);
    let m = r.range(1, 12);
    let d = r.range(1, 28);
    let mn = MONTHS[(m - 1) as usize];
    match r.below(8) {
        0 => (format!("{m:02}/{d:02}/{y}"), false),
        1 => (format!("{m}/{d}/{y}"), false),
        2 => (format!("{y}-{m:02}-{d:02}"), false),
        3 => (format!("{mn} {d}, {y}"), false),
        4 => (format!("{d} {mn} {y}"), false),
        5 => (format!("{mn} {d}{}, {y}", ord_suffix(d)), false),
        6 => (
            format!(
                "the {} of {} {}",
                ORDINALS[d as usize],
                mn.to_lowercase(),
                year_words(y)
            ),
            true,
        ),
        _ => (
            format!(
                "{} {} {}",
                mn.to_lowercase(),
                ORDINALS[d as usize],
                year_words(y)
            ),
            true,
        ),
    }
}

fn ord_suffix(d: u32) -> &'static str {
    match (d % 10, d % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

fn email(r: &mut Rng) -> (String, Vec<String>, String) {
    // (written address, local-part pieces for speaking, domain)
    let f = r.pick(FIRST).to_lowercase();
    let l = r.pick(LAST).to_lowercase();
    let (local, parts): (String, Vec<String>) = match r.below(6) {
        0 => (format!("{f}.{l}"), vec![f.clone(), "dot".into(), l.clone()]),
        1 => (format!("{}{l}", &f[..1]), vec![format!("{}{l}", &f[..1])]),
        2 => (
            format!("{f}_{l}"),
            vec![f.clone(), "underscore".into(), l.clone()],
        ),
        3 => {
            let n = r.range(1, 99);
            (format!("{f}{n}"), vec![format!("{f}{n}")])
        }
        4 => (f.clone(), vec![f.clone()]),
        _ => (
            format!("{f}-{l}"),
            vec![f.clone(), "dash".into(), l.clone()],
        ),
    };
    let d = r.pick(SPEAKABLE_DOMAINS).to_string();
    (
        format!(
            "{local}@{}",
            if r.chance(0.5) {
                d.clone()
            } else {
                r.pick(DOMAINS).to_string()
            }
        ),
        parts,
        d,
    )
}

fn speak_domain(d: &str) -> String {
    d.split('.').collect::<Vec<_>>().join(" dot ")
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn filler(r: &mut Rng, b: &mut B) {
    if r.chance(0.4) {
        b.t(r.pick(FILLER)).t(" ");
    }
}

fn tail(r: &mut Rng, b: &mut B) {
    if r.chance(0.4) {
        b.t(" ").t(r.pick(FILLER));
    }
}

fn phone_written(r: &mut Rng) -> String {
    let n = nanp(r);
    let (a, e, s) = (&n[..3], &n[3..6], &n[6..]);
    let mut p = match r.below(8) {
        0 => format!("({a}) {e}-{s}"),
        1 => format!("{a}-{e}-{s}"),
        2 => format!("{a}.{e}.{s}"),
        3 => format!("{a} {e} {s}"),
        4 => format!("+1 {a} {e} {s}"),
        5 => format!("1-{a}-{e}-{s}"),
        6 => format!("+1 ({a}) {e}-{s}"),
        _ => {
            let intl = [
                format!("+44 20 {} {}", r.digits(4), r.digits(4)),
                format!("+49 30 {}", r.digits(7)),
                format!(
                    "+33 1 {} {} {} {}",
                    r.digits(2),
                    r.digits(2),
                    r.digits(2),
                    r.digits(2)
                ),
                format!("+91 98{} {}", r.digits(3), r.digits(5)),
                format!("+61 2 {} {}", r.digits(4), r.digits(4)),
                format!("+52 55 {} {}", r.digits(4), r.digits(4)),
                format!("020 {} {}", r.digits(4), r.digits(4)),
            ];
            intl[r.below(intl.len())].clone()
        }
    };
    if r.chance(0.1) {
        p.push_str(&format!(
            "{}{}",
            r.pick(&[" ext. ", " x", " extension "]),
            r.range(10, 9999)
        ));
    }
    p
}

const PHONE_CTX: &[&str] = &[
    "you can call me at ",
    "my number is ",
    "my cell is ",
    "the best number to reach me is ",
    "text me at ",
    "phone: ",
    "my mobile number is ",
    "call back at ",
    "reach me on ",
    "it's ",
    "yeah so it's ",
    "my work phone is ",
];

fn gen_phone(r: &mut Rng, spoken: bool) -> Sample {
    let mut b = B::default();
    filler(r, &mut b);
    let misheard = !spoken && r.chance(0.15);
    let ctx = if misheard {
        PHONE_CTX[r.below(9)]
    } else {
        r.pick(PHONE_CTX)
    };
    b.t(&cap_first(ctx, r));
    if spoken {
        let n = nanp(r);
        let groups: Vec<&str> = if r.chance(0.2) {
            vec!["1", &n[..3], &n[3..6], &n[6..]]
        } else {
            vec![&n[..3], &n[3..6], &n[6..]]
        };
        let s = speak_digits(r, &groups);
        b.pii("PHONE", &s, true);
    } else if misheard {
        // a misheard number no numbering plan accepts, said in a phone context
        let bad = format!(
            "{}{} {} {}",
            r.range(0, 1),
            r.digits(2),
            r.digits(3),
            r.digits(4)
        );
        b.pii("PHONE", &bad, false);
    } else {
        b.pii("PHONE", &phone_written(r), false);
    }
    b.t(r.pick(&[
        ".",
        "",
        ", thanks.",
        " if that's easier.",
        " any time after five.",
    ]));
    tail(r, &mut b);
    b.done()
}

fn cap_first(s: &str, r: &mut Rng) -> String {
    if r.chance(0.5) {
        cap(s)
    } else {
        s.to_owned()
    }
}

fn gen_card(r: &mut Rng, spoken: bool) -> Sample {
    let mut b = B::default();
    filler(r, &mut b);
    let n = card_number(r);
    b.t(&cap_first(
        r.pick(&[
            "my card number is ",
            "the visa is ",
            "charge it to ",
            "card: ",
            "it's ",
            "use my mastercard ",
            "the number on the card is ",
            "ok the credit card is ",
        ]),
        r,
    ));
    if spoken {
        let groups: Vec<String> = if n.len() == 15 {
            vec![n[..4].into(), n[4..10].into(), n[10..].into()]
        } else {
            n.as_bytes()
                .chunks(4)
                .map(|c| String::from_utf8(c.to_vec()).unwrap())
                .collect()
        };
        let gr: Vec<&str> = groups.iter().map(String::as_str).collect();
        let s = speak_digits(r, &gr);
        b.pii("CREDIT_CARD", &s, true);
    } else {
        b.pii("CREDIT_CARD", &group_card(&n, r), false);
    }
    b.t(r.pick(&[
        ", expiration 09/27.",
        ".",
        " and the expiry is 11/26",
        ", security code on the back.",
        "",
    ]));
    tail(r, &mut b);
    b.done()
}

fn gen_ssn(r: &mut Rng, spoken: bool) -> Sample {
    let mut b = B::default();
    filler(r, &mut b);
    let n = ssn(r);
    let ctx = r.chance(0.7) || spoken;
    if ctx {
        b.t(&cap_first(
            r.pick(&[
                "my social is ",
                "my social security number is ",
                "SSN: ",
                "the ssn on file is ",
                "social security ",
                "last thing, my social is ",
            ]),
            r,
        ));
    } else {
        b.t(r.pick(&["I wrote ", "the form says ", "it was listed as ", "number "]));
    }
    if spoken {
        let s = speak_digits(r, &[&n[..3], &n[3..5], &n[5..]]);
        b.pii("US_SSN", &s, true);
    } else {
        let f = if ctx { r.below(3) } else { r.below(2) };
        let v = match f {
            0 => format!("{}-{}-{}", &n[..3], &n[3..5], &n[5..]),
            1 => format!("{} {} {}", &n[..3], &n[3..5], &n[5..]),
            _ => n.clone(),
        };
        b.pii("US_SSN", &v, false);
    }
    b.t(r.pick(&[".", "", " if you need it.", ", right?"]));
    tail(r, &mut b);
    b.done()
}

fn gen_iban(r: &mut Rng) -> Sample {
    let mut b = B::default();
    filler(r, &mut b);
    let n = iban(r);
    let v = if r.chance(0.5) {
        n.as_bytes()
            .chunks(4)
            .map(|c| String::from_utf8(c.to_vec()).unwrap())
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        n
    };
    b.t(&cap_first(
        r.pick(&[
            "my IBAN is ",
            "please wire it to ",
            "IBAN: ",
            "the account is ",
            "send the refund to ",
        ]),
        r,
    ));
    b.pii("IBAN", &v, false);
    b.t(r.pick(&[".", "", " please.", " and the BIC is DEUTDEFF."]));
    tail(r, &mut b);
    b.done()
}

fn gen_ip(r: &mut Rng) -> Sample {
    let mut b = B::default();
    filler(r, &mut b);
    let v = if r.chance(0.7) { ipv4(r) } else { ipv6(r) };
    b.t(&cap_first(
        r.pick(&[
            "my IP address is ",
            "the server at ",
            "I'm connecting from ",
            "ping ",
            "the router shows ",
            "it was blocked from ",
        ]),
        r,
    ));
    b.pii("IP_ADDRESS", &v, false);
    b.t(r.pick(&[".", "", " and it times out.", ", is that whitelisted?"]));
    tail(r, &mut b);
    b.done()
}

fn gen_secret(r: &mut Rng) -> Sample {
    let mut b = B::default();
    filler(r, &mut b);
    let (p, s, t) = secret(r);
    b.t(&p);
    b.pii("SECRET", &s, false);
    b.t(&t);
    b.done()
}

fn gen_address(r: &mut Rng) -> Sample {
    let mut b = B::default();
    filler(r, &mut b);
    b.t(&cap_first(
        r.pick(&[
            "I live at ",
            "ship it to ",
            "my address is ",
            "the billing address is ",
            "we moved to ",
            "send the technician to ",
            "it's ",
            "deliver to ",
        ]),
        r,
    ));
    let a = address(r);
    b.pii("STREET_ADDRESS", &a, false);
    b.t(r.pick(&[".", "", " please.", " near the park.", ", thanks."]));
    tail(r, &mut b);
    b.done()
}

fn gen_dob(r: &mut Rng) -> Sample {
    let mut b = B::default();
    filler(r, &mut b);
    let (d, spoken) = dob(r);
    b.t(&cap_first(
        r.pick(&[
            "my date of birth is ",
            "I was born on ",
            "DOB: ",
            "date of birth: ",
            "born ",
            "my birthday is ",
            "the DOB on the account is ",
            "uh my date of birth is ",
        ]),
        r,
    ));
    b.pii("DATE_OF_BIRTH", &d, spoken);
    b.t(r.pick(&[".", "", " if that helps.", ", I think."]));
    tail(r, &mut b);
    b.done()
}

fn gen_person(r: &mut Rng) -> Sample {
    let mut b = B::default();
    match r.below(10) {
        0 => {
            b.t(r.pick(&[
                "Hi, my name is ",
                "my name is ",
                "Hello, my name's ",
                "Yes, my name is ",
            ]));
            b.pii("PERSON", &full_name(r, true), false);
            b.t(r.pick(&[
                " and I'm calling about my bill.",
                ".",
                ", I have a question.",
            ]));
        }
        1 => {
            b.t(r.pick(&["Hi, this is ", "this is ", "Hello, this is "]));
            let n = if r.chance(0.5) {
                r.pick(FIRST).to_string()
            } else {
                full_name(r, true)
            };
            b.pii("PERSON", &n, false);
            b.t(r.pick(&[
                " speaking.",
                " from the billing team.",
                " calling about my order.",
                " speaking, how can I help?",
            ]));
        }
        2 => {
            b.t(r.pick(&["Please ask for ", "You can ask for ", "ask for "]));
            b.pii("PERSON", &full_name(r, true), false);
            b.t(r.pick(&[" at the front desk.", " when you arrive.", "."]));
        }
        3 => {
            b.t(r.pick(&["The account holder is ", "the account holder is "]));
            b.pii("PERSON", &full_name(r, true), false);
            b.t(r.pick(&[".", ", she's my mother.", " but I'm authorized."]));
        }
        4 => {
            let t = r.pick(&["Mr.", "Ms.", "Dr.", "Mrs.", "Mr", "Dr"]);
            b.t(r.pick(&[
                "I spoke to ",
                "I have an appointment with ",
                "Please tell ",
                "Is ",
            ]))
            .t(t)
            .t(" ");
            let last = if r.chance(0.5) {
                r.pick(LAST)
            } else {
                r.pick(RARE_LAST)
            };
            b.pii("PERSON", last, false);
            b.t(r.pick(&[
                " yesterday.",
                " on Monday.",
                " that I called.",
                " available?",
            ]));
        }
        5..=7 => {
            b.t(r.pick(&[
                "I already talked to ",
                "The order was placed by ",
                "Can you transfer me to ",
                "My husband ",
                "Yesterday ",
                "The package was signed for by ",
            ]));
            b.pii("PERSON", &full_name(r, false), false);
            b.t(r.pick(&[
                " about this.",
                ".",
                " said it would be fixed.",
                " but nothing happened.",
            ]));
        }
        _ => {
            b.t(r.pick(&["Thanks ", "Thank you, ", "Hi "]));
            b.pii("PERSON", r.pick(FIRST), false);
            b.t(r.pick(&[
                ", that fixed it.",
                ". Have a good day.",
                ", I need some help.",
            ]));
        }
    }
    tail(r, &mut b);
    b.done()
}

fn gen_email(r: &mut Rng, spoken: bool) -> Sample {
    let mut b = B::default();
    filler(r, &mut b);
    let (written, parts, dom) = email(r);
    b.t(&cap_first(
        r.pick(&[
            "my email is ",
            "you can email me at ",
            "send it to ",
            "it's ",
            "email: ",
            "the address on file is ",
            "my e-mail address is ",
            "reach me at ",
        ]),
        r,
    ));
    if spoken {
        let s = format!("{} at {}", parts.join(" "), speak_domain(&dom));
        b.pii("EMAIL", &s, true);
    } else {
        b.pii("EMAIL", &written, false);
    }
    b.t(r.pick(&[".", "", " please.", ", all lowercase.", " and cc my wife."]));
    tail(r, &mut b);
    b.done()
}

/// Hard negatives: nothing in these texts is personal data.
fn gen_negative(r: &mut Rng) -> Sample {
    let mut b = B::default();
    let y = r.range(1990, 2030);
    let s = match r.below(30) {
        0 => format!(
            "Let's meet at {}:{:02} tomorrow.",
            r.range(1, 12),
            r.range(0, 59)
        ),
        1 => format!(
            "It costs ${},{:03}.{:02} with tax.",
            r.range(1, 9),
            r.range(0, 999),
            r.range(0, 99)
        ),
        2 => format!("That was back in {y}, I think."),
        3 => format!(
            "The meeting is on {y}-{:02}-{:02} at 3pm.",
            r.range(1, 12),
            r.range(1, 28)
        ),
        4 => format!(
            "She finished {}{} out of {} runners.",
            r.range(1, 30),
            ord_suffix(r.range(1, 30)),
            r.range(100, 900)
        ),
        5 => format!(
            "We need {} boxes and {} labels.",
            r.range(2, 80),
            r.range(100, 5000)
        ),
        6 => format!(
            "Please update to version {}.{}.{}.{} first.",
            r.range(1, 20),
            r.range(0, 20),
            r.range(0, 300),
            r.range(0, 9999)
        ),
        7 => format!(
            "The request id is {:08x}-{:04x}-{:04x}-{:04x}-{:012x}.",
            r.next() as u32,
            r.next() as u16,
            r.next() as u16,
            r.next() as u16,
            r.next() & 0xffff_ffff_ffff
        ),
        8 => {
            // order number that fails Luhn
            let mut n = card_number(r);
            let last = n.pop().unwrap();
            n.push(if last == '9' {
                '0'
            } else {
                char::from(last as u8 + 1)
            });
            format!("Your order number is {n}.")
        }
        9 => format!("Tracking number 1Z{}{}.", alnum(r, 6, UPNUM), r.digits(10)),
        10 => format!(
            "I'm on floor {} of the building, room {}.",
            r.range(2, 40),
            r.range(100, 999)
        ),
        11 => format!("The invoice total was {} dollars.", r.range(1000, 999_999)),
        12 => format!(
            "On the form it says {}-{:02}-{:04}.",
            r.pick(&["000", "666", "912", "987"]),
            r.range(1, 99),
            r.range(1, 9999)
        ),
        13 => "The password is wrong again, it keeps rejecting it.".to_owned(),
        14 => format!(
            "I live on the {}{} floor.",
            r.range(2, 9),
            ord_suffix(r.range(2, 9))
        ),
        15 => format!("We drove {} miles down the road.", r.range(2, 300)),
        16 => {
            let mut n = iban(r);
            let c = n.pop().unwrap();
            n.push(if c == '9' {
                '0'
            } else {
                char::from(c as u8 + 1)
            });
            format!("The reference {n} did not work.")
        }
        17 => format!(
            "See you at {} {}.",
            w2(r.range(1, 12)),
            r.pick(&["thirty", "fifteen", "forty five", "o'clock"])
        ),
        18 => format!(
            "I have {} kids and {} dogs.",
            w2(r.range(2, 5)),
            w2(r.range(1, 4))
        ),
        19 => format!(
            "{} is lovely in {}.",
            r.pick(&["New York", "San Francisco", "Rhode Island", "Chicago"]),
            r.pick(MONTHS)
        ),
        20 => "Thank you for calling Acme Support, how can I help?".to_owned(),
        21 => format!(
            "It was about {}.{} degrees outside.",
            r.range(50, 105),
            r.range(0, 9)
        ),
        22 => format!(
            "Route {} is closed near exit {}.",
            r.range(1, 99),
            r.range(1, 120)
        ),
        23 => format!(
            "The package weighs {} pounds and costs {} fifty.",
            r.range(1, 70),
            w2(r.range(10, 99))
        ),
        24 => format!(
            "My account balance is ${}.{:02}.",
            r.range(10, 99999),
            r.range(0, 99)
        ),
        25 => format!(
            "The new policy starts on {} {}, {y}.",
            r.pick(MONTHS),
            r.range(1, 28)
        ),
        26 => format!(
            "Confirmation code {} was sent {} minutes ago.",
            r.digits(8),
            r.range(2, 59)
        ),
        27 => format!(
            "Turn left after {} blocks and take the {} exit.",
            r.range(2, 9),
            w2(r.range(1, 9))
        ),
        28 => format!(
            "I called {} times between {} and {}.",
            w2(r.range(2, 9)),
            r.range(1, 11),
            r.range(1, 12)
        ),
        _ => format!(
            "Error code {} appeared at {}:{:02}:{:02}.",
            r.range(100, 599),
            r.range(0, 23),
            r.range(0, 59),
            r.range(0, 59)
        ),
    };
    if r.chance(0.3) {
        b.t(r.pick(FILLER)).t(" ");
    }
    b.t(&s);
    b.done()
}

/// Two PII items in one text (a realistic call summary).
fn gen_combo(r: &mut Rng) -> Sample {
    let a = match r.below(4) {
        0 => gen_person(r),
        1 => gen_email(r, false),
        2 => gen_phone(r, false),
        _ => gen_address(r),
    };
    let c = match r.below(4) {
        0 => gen_negative(r),
        1 => gen_dob(r),
        2 => {
            let sp = r.chance(0.3);
            gen_phone(r, sp)
        }
        _ => gen_card(r, false),
    };
    let off = a.text.len() + 1;
    let mut text = a.text;
    text.push(' ');
    text.push_str(&c.text);
    let mut gold = a.gold;
    gold.extend(c.gold.into_iter().map(|g| Gold {
        start: g.start + off,
        end: g.end + off,
        ..g
    }));
    Sample { text, gold }
}

/// The corpus: `n` samples from a fixed seed.
pub(crate) fn generate(seed: u64, n: usize) -> Vec<Sample> {
    let mut r = Rng::new(seed);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let s = match i % 24 {
            0 | 1 => gen_phone(&mut r, false),
            2 => gen_phone(&mut r, true),
            3 => gen_card(&mut r, false),
            4 => gen_card(&mut r, true),
            5 => gen_ssn(&mut r, false),
            6 => gen_ssn(&mut r, true),
            7 => gen_iban(&mut r),
            8 => gen_ip(&mut r),
            9 | 10 => gen_secret(&mut r),
            11 => gen_address(&mut r),
            12 => gen_dob(&mut r),
            13 | 14 => gen_person(&mut r),
            15 => gen_email(&mut r, false),
            16 => gen_email(&mut r, true),
            17 => gen_combo(&mut r),
            18 | 19 => gen_negative_spoken_and_names(&mut r),
            _ => gen_negative(&mut r),
        };
        // speech-to-text without casing: lowercase, trailing punctuation dropped
        let s = if (i % 24 <= 6 || i % 24 == 16 || i % 24 >= 18) && r.chance(0.2) {
            stt_lowercase(s)
        } else {
            s
        };
        out.push(s);
    }
    out
}

/// Lowercases a sample (byte offsets are unchanged: ASCII-only lowercasing) and drops
/// a final period, as speech-to-text without punctuation would.
fn stt_lowercase(mut s: Sample) -> Sample {
    s.text = s.text.to_ascii_lowercase();
    if s.text.ends_with('.') && s.gold.iter().all(|g| g.end < s.text.len()) {
        s.text.pop();
    }
    s
}

/// Hard negatives in spoken form, and capitalised words or numbers that are not
/// names or addresses.
fn gen_negative_spoken_and_names(r: &mut Rng) -> Sample {
    let mut b = B::default();
    let s = match r.below(24) {
        0 => format!("I'll call you back in {} minutes.", w2(r.range(2, 59))),
        1 => format!(
            "My daughter is {} and my son is {}.",
            w2(r.range(2, 17)),
            w2(r.range(2, 17))
        ),
        2 => format!(
            "Can you count to ten for me? {}",
            "one two three four five six seven eight nine ten"
        ),
        3 => format!(
            "The total is {} hundred {} dollars.",
            w2(r.range(1, 9)),
            w2(r.range(1, 99))
        ),
        4 => format!(
            "Room {} {} {} is on the left.",
            w2(r.range(1, 9)),
            r.pick(&["oh", "zero"]),
            w2(r.range(1, 9))
        ),
        5 => format!(
            "Press {} then {} to continue.",
            w2(r.range(0, 9)),
            w2(r.range(0, 9))
        ),
        6 => format!(
            "We bought {} {} packs back in {}.",
            w2(r.range(2, 9)),
            w2(r.range(10, 99)),
            year_words(r.range(1990, 2020))
        ),
        7 => r
            .pick(&[
                "Thank you, Sir, that helps.",
                "Hi there, how are you?",
                "This is great news.",
                "This is Amazon customer service.",
                "I'm fine, thanks.",
                "I'm calling about my internet.",
            ])
            .to_string(),
        8 => format!(
            "I paid with {} yesterday.",
            r.pick(&["Apple Pay", "Google Pay", "PayPal", "Venmo", "Cash App"])
        ),
        9 => format!(
            "I bought it at {} last week.",
            r.pick(&[
                "Best Buy",
                "Home Depot",
                "Whole Foods",
                "Bank of America",
                "Trader Joe's",
                "Dollar General"
            ])
        ),
        10 => format!(
            "Meet me at {} at noon.",
            r.pick(&[
                "Jackson Square",
                "Union Station",
                "Central Park",
                "Times Square",
                "Madison Square Garden"
            ])
        ),
        11 => format!("We waited {} hours on the road.", r.range(2, 9)),
        12 => format!(
            "Take Highway {} north for {} miles.",
            r.range(1, 120),
            r.range(2, 90)
        ),
        13 => format!(
            "My {} is {} years old.",
            r.pick(&["car", "laptop", "phone", "router"]),
            w2(r.range(2, 15))
        ),
        14 => format!(
            "The flight leaves at {} {} and lands at {} {}.",
            w2(r.range(1, 12)),
            w2(r.range(10, 59)),
            w2(r.range(1, 12)),
            w2(r.range(10, 59))
        ),
        15 => format!(
            "I have {} {} in my account and {} pending.",
            r.range(2, 999),
            r.pick(&["points", "credits", "miles"]),
            r.range(2, 99)
        ),
        16 => format!(
            "Was it the {} or the {} of {}?",
            ORDINALS[r.range(1, 31) as usize],
            ORDINALS[r.range(1, 31) as usize],
            r.pick(MONTHS)
        ),
        17 => format!(
            "Our {} team meets every {}.",
            r.pick(&["Sales", "Support", "Billing", "Product"]),
            r.pick(&["Monday", "Tuesday", "Friday"])
        ),
        18 => format!(
            "The model number is {}-{}.",
            alnum(r, 3, UPNUM),
            r.digits(4)
        ),
        19 => format!(
            "It was {}-{} in the fourth quarter.",
            r.range(0, 40),
            r.range(0, 40)
        ),
        20 => format!(
            "My name is on the account, but {} dollars is too much.",
            r.range(50, 900)
        ),
        21 => format!(
            "Give me {} second, I'm looking for the {} email.",
            w2(1),
            r.pick(&["last", "first", "second"])
        ),
        22 => format!(
            "There are {} lanes on {} Street near the park.",
            r.range(2, 6),
            r.pick(STREETS)
        ),
        _ => format!(
            "The score was {} to {} and we won {} games.",
            w2(r.range(0, 20)),
            w2(r.range(0, 20)),
            w2(r.range(2, 9))
        ),
    };
    if r.chance(0.3) {
        b.t(r.pick(FILLER)).t(" ");
    }
    b.t(&s);
    b.done()
}
