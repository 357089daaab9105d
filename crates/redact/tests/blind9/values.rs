//! Value makers of blind corpus 9: names of many cultures, e-mail addresses,
//! phone numbers, cards, SSNs, dates of birth, street addresses, IBANs and IP
//! addresses, each in written, STT-digit and spoken forms.
//!
//! Every list and form here was written by the corpus author for this corpus.

use crate::blindgen::{card_digits, group4, group_card, iban, ssn_digits, Rng};

/// A rendered value: its text and whether it is a spoken form.
#[derive(Debug, Clone)]
pub(crate) struct Val {
    pub(crate) s: String,
    pub(crate) spoken: bool,
}

fn w(s: String) -> Val {
    Val { s, spoken: false }
}

fn sp(s: String) -> Val {
    Val { s, spoken: true }
}

// ---------------------------------------------------------------- names

/// (given names, surnames) per culture; `|`-separated.
const CULTURES: &[(&str, &str)] = &[
    // Nigerian
    (
        "Chinedu|Ngozi|Oluwaseun|Adaeze|Emeka|Folake|Tunde|Chiamaka|Ifeanyi|Yetunde|Nnamdi|Bisola",
        "Okonkwo|Adeyemi|Nwosu|Balogun|Eze|Okafor|Oyelaran|Chukwuma|Adebayo|Onyekachi|Fashola",
    ),
    // Indian
    (
        "Priya|Arjun|Lakshmi|Venkatesh|Ananya|Rohit|Deepika|Sanjay|Kavitha|Harpreet|Aditya|Meenakshi",
        "Raghunathan|Iyer|Chatterjee|Patel|Subramanian|Deshpande|Malhotra|Reddy|Banerjee|Gill|Venkataraman",
    ),
    // Chinese
    (
        "Wei|Xiaoling|Jun|Mei|Zhiwei|Yan|Hao|Lijuan|Qiang|Yuting",
        "Zhang|Liu|Chen|Huang|Zhou|Xu|Guo|Lin|Tang|Feng",
    ),
    // Vietnamese
    (
        "Thanh|Linh|Minh|Phuong|Tuan|Hoa|Duc|Quynh|Khanh",
        "Nguyen|Tran|Pham|Vo|Dang|Bui|Huynh|Truong",
    ),
    // Polish
    (
        "Katarzyna|Tomasz|Agnieszka|Pawel|Malgorzata|Krzysztof|Zofia|Bartosz|Jadwiga",
        "Kowalczyk|Wisniewski|Zielinska|Szymanski|Wojcik|Lewandowska|Dabrowski|Grabowski",
    ),
    // Mexican
    (
        "Guadalupe|Alejandro|Ximena|Rodrigo|Itzel|Fernanda|Joaquin|Marisol|Ulises",
        "Hernandez|Gutierrez|Ramirez|Villalobos|Castaneda|Ochoa|Zamora|Espinoza|Montoya",
    ),
    // Brazilian
    (
        "Thiago|Larissa|Joao|Gabriela|Leandro|Rafaela|Caio|Bruna|Vinicius",
        "Oliveira|Carvalho|Albuquerque|Souza|Ribeiro|Figueiredo|Nascimento|Barbosa",
    ),
    // Arabic
    (
        "Omar|Fatima|Yousef|Layla|Khalid|Noor|Hamza|Mariam|Tariq|Rania",
        "Al-Haddad|Hassan|Nasser|Mansour|Khoury|El-Sayed|Abdelrahman|Saleh|Haddad",
    ),
    // Turkish
    (
        "Emre|Elif|Mehmet|Zeynep|Burak|Ayse|Kerem|Derya",
        "Yilmaz|Demir|Ozturk|Kaya|Celik|Aydin|Karaca|Sahin",
    ),
    // Korean
    (
        "Ji-woo|Min-jun|Seo-yeon|Hyun-woo|Eun-ji|Dong-hyun|Soo-ah",
        "Kim|Park|Choi|Jung|Kang|Yoon|Shin|Han",
    ),
    // Japanese
    (
        "Haruto|Yuki|Sakura|Kenji|Aiko|Takeshi|Emi|Daisuke|Naoko",
        "Tanaka|Watanabe|Yamamoto|Nakamura|Kobayashi|Fujimoto|Sato|Matsuda|Inoue",
    ),
    // Irish
    (
        "Siobhan|Ciaran|Niamh|Padraig|Aoife|Declan|Eoin|Grainne|Cormac",
        "O'Sullivan|Fitzgerald|Byrne|McNamara|Gallagher|Doyle|Kavanagh|Brennan|Ni Bhriain",
    ),
    // Scandinavian
    (
        "Astrid|Lars|Ingrid|Sven|Freja|Magnus|Sigrid|Henrik|Solveig",
        "Johansson|Lindqvist|Halvorsen|Bergstrom|Nilsen|Andersen|Sandvik|Haugland",
    ),
    // US / Anglo
    (
        "Megan|Tyler|Brittany|Jason|Kayla|Derek|Heather|Cody|Grace|Hope|Wesley|Shelby",
        "Whitaker|Holloway|Prescott|Caldwell|Pruitt|Harrington|Vance|Merriweather|Lockhart",
    ),
    // Eastern European
    (
        "Dmitri|Oksana|Yevgenia|Anatoliy|Svetlana|Bogdan",
        "Petrenko|Volkov|Kuznetsova|Shevchenko|Morozov|Tkachenko",
    ),
    // West / East African
    (
        "Kwame|Abena|Tesfaye|Selam|Kofi|Wanjiru|Amani",
        "Mensah|Asante|Bekele|Tadesse|Owusu|Kamau|Odhiambo",
    ),
    // Filipino
    (
        "Maricel|Jomar|Rowena|Arnel|Jocelyn",
        "Dela Cruz|Bautista|Villanueva|Macapagal|Soriano",
    ),
];

/// A person: given name and surname (as written, capitalised).
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub(crate) given: String,
    pub(crate) surname: String,
}

pub(crate) fn person(rng: &mut Rng) -> Person {
    let (g, s) = CULTURES[rng.below(CULTURES.len())];
    Person {
        given: rng.item(g).to_string(),
        surname: rng.item(s).to_string(),
    }
}

/// The way STT writes a name: lower case, ASCII.
pub(crate) fn stt(s: &str) -> String {
    fold(s).to_lowercase()
}

/// Folds the few non-ASCII letters a name may carry.
pub(crate) fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'ł' => 'l',
            'ã' | 'á' | 'ä' | 'å' | 'ą' => 'a',
            'ç' | 'ć' => 'c',
            'é' | 'ę' => 'e',
            'ö' | 'ó' | 'ø' => 'o',
            'ü' | 'ú' => 'u',
            'ş' | 'ś' => 's',
            'ğ' => 'g',
            'ı' | 'í' => 'i',
            'ñ' | 'ń' => 'n',
            'ż' => 'z',
            c => c,
        })
        .collect()
}

/// A name rendered for the transcript style (`lower`: STT).
pub(crate) fn nm(lower: bool, s: &str) -> Val {
    w(if lower { stt(s) } else { s.to_string() })
}

const NATO: [&str; 26] = [
    "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
    "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango",
    "uniform", "victor", "whiskey", "x-ray", "yankee", "zulu",
];
const EVERYDAY: [&str; 26] = [
    "apple", "boy", "cat", "dog", "edward", "frank", "george", "henry", "ice", "john", "king",
    "lincoln", "mary", "nancy", "ocean", "peter", "queen", "robert", "sam", "tom", "umbrella",
    "victor", "william", "x-ray", "yellow", "zebra",
];

/// Letters of a word with spaces ("o k a f o r"); `-` and `'` said as words.
pub(crate) fn spell_letters(rng: &mut Rng, word: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for c in stt(word).chars() {
        match c {
            'a'..='z' => {
                out.push(c.to_string());
            }
            '-' => out.push(if rng.chance(0.5) { "dash" } else { "hyphen" }.to_string()),
            '\'' => out.push("apostrophe".to_string()),
            ' ' => out.push("space".to_string()),
            _ => {}
        }
    }
    out.join(" ")
}

/// Letters of a word with a spelling alphabet ("o as in oscar k as in kilo").
pub(crate) fn spell_alphabet(rng: &mut Rng, word: &str) -> String {
    let nato = rng.chance(0.6);
    let glue = rng.item(" as in | for | like ");
    let mut out: Vec<String> = Vec::new();
    for c in stt(word).chars() {
        if c.is_ascii_lowercase() {
            let i = (c as u8 - b'a') as usize;
            let code = if nato { NATO[i] } else { EVERYDAY[i] };
            if rng.chance(0.3) {
                out.push(format!("{c}{glue}{code}"));
            } else {
                out.push(code.to_string());
            }
        } else if c == '-' {
            out.push("dash".to_string());
        } else if c == '\'' {
            out.push("apostrophe".to_string());
        }
    }
    out.join(" ")
}

// ---------------------------------------------------------------- numbers

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

/// 0..=9999 in words ("two hundred thirty one").
pub(crate) fn n2w(n: u32) -> String {
    if n < 20 {
        ONES[n as usize].to_string()
    } else if n < 100 {
        if n % 10 == 0 {
            TENS[(n / 10) as usize].to_string()
        } else {
            format!("{} {}", TENS[(n / 10) as usize], ONES[(n % 10) as usize])
        }
    } else if n < 1000 {
        let rest = n % 100;
        let h = format!("{} hundred", ONES[(n / 100) as usize]);
        if rest == 0 {
            h
        } else {
            format!("{h} {}", n2w(rest))
        }
    } else {
        let rest = n % 1000;
        let t = format!("{} thousand", n2w(n / 1000));
        if rest == 0 {
            t
        } else {
            format!("{t} {}", n2w(rest))
        }
    }
}

/// One digit said ("oh" for some zeros).
pub(crate) fn digit_word(rng: &mut Rng, d: u8) -> &'static str {
    if d == 0 && rng.chance(0.5) {
        "oh"
    } else {
        ONES[d as usize]
    }
}

/// A run of digits said one by one, with "double"/"triple" now and then.
pub(crate) fn speak_run(rng: &mut Rng, digits: &str, doubles: bool) -> String {
    let ds: Vec<u8> = digits.bytes().map(|b| b - b'0').collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < ds.len() {
        let d = ds[i];
        if doubles
            && i + 2 < ds.len()
            && ds[i + 1] == d
            && ds.get(i + 2) == Some(&d)
            && rng.chance(0.6)
        {
            out.push(format!("triple {}", digit_word(rng, d)));
            i += 3;
        } else if doubles && i + 1 < ds.len() && ds[i + 1] == d && rng.chance(0.6) {
            out.push(format!("double {}", digit_word(rng, d)));
            i += 2;
        } else {
            out.push(digit_word(rng, d).to_string());
            i += 1;
        }
    }
    out.join(" ")
}

/// Two digits said as a pair ("oh five", "thirty two").
fn pair_words(rng: &mut Rng, p: &str) -> String {
    let b = p.as_bytes();
    if b[0] == b'0' {
        format!(
            "{} {}",
            if rng.chance(0.7) { "oh" } else { "zero" },
            ONES[(b[1] - b'0') as usize]
        )
    } else {
        n2w(u32::from(b[0] - b'0') * 10 + u32::from(b[1] - b'0'))
    }
}

/// A four-digit group said in pairs ("thirteen thirty two", "fifty five hundred").
fn quad_pairs(rng: &mut Rng, g: &str) -> String {
    if &g[2..] == "00" && g.as_bytes()[0] != b'0' {
        format!("{} hundred", pair_words(rng, &g[..2]))
    } else {
        format!("{} {}", pair_words(rng, &g[..2]), pair_words(rng, &g[2..]))
    }
}

/// A year in words ("nineteen eighty seven", "two thousand three", "eighty seven").
pub(crate) fn year_words(rng: &mut Rng, y: u32, short_ok: bool) -> String {
    let yy = y % 100;
    if short_ok && rng.chance(0.35) && y < 2000 {
        return pair_words(rng, &format!("{yy:02}"));
    }
    if y >= 2000 {
        if rng.chance(0.5) {
            if yy == 0 {
                "two thousand".to_string()
            } else {
                format!(
                    "two thousand {}{}",
                    if rng.chance(0.3) { "and " } else { "" },
                    n2w(yy)
                )
            }
        } else {
            format!("twenty {}", pair_words(rng, &format!("{yy:02}")))
        }
    } else {
        format!("{} {}", n2w(y / 100), pair_words(rng, &format!("{yy:02}")))
    }
}

const ORD: [&str; 32] = [
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
pub(crate) const MONTHS: [&str; 12] = [
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

pub(crate) fn ordinal(d: u32) -> &'static str {
    ORD[d as usize]
}

fn ord_suffix(d: u32) -> &'static str {
    match d {
        1 | 21 | 31 => "st",
        2 | 22 => "nd",
        3 | 23 => "rd",
        _ => "th",
    }
}

// ---------------------------------------------------------------- e-mail

const MAIL_DOMAINS: &str = "gmail.com|gmail.com|gmail.com|yahoo.com|outlook.com|hotmail.com|icloud.com|aol.com|protonmail.com|comcast.net|verizon.net|hotmail.co.uk|yahoo.com.br|gmx.de|wp.pl|rediffmail.com|naver.com|qq.com|live.ca|bigpond.com.au|att.net|mail.ru";

/// A written e-mail address built from a person's name.
pub(crate) fn email(rng: &mut Rng, p: &Person) -> String {
    let g = stt(&p.given).replace(['-', '\'', ' '], "");
    let s = stt(&p.surname).replace(['-', '\'', ' '], "");
    let num = if rng.chance(0.5) {
        match rng.below(3) {
            0 => format!("{}", rng.range(1, 99)),
            1 => format!("{}", rng.range(1962, 2004)),
            _ => rng.digits(3),
        }
    } else {
        String::new()
    };
    let local = match rng.below(9) {
        0 => format!("{g}.{s}{num}"),
        1 => format!("{g}{s}{num}"),
        2 => format!("{g}_{s}{num}"),
        3 => format!("{}{s}{num}", &g[..1]),
        4 => format!("{g}-{s}"),
        5 => format!("{s}.{g}{num}"),
        6 => format!("{g}{num}"),
        7 => format!("{}.{s}", &g[..1]),
        _ => format!("{s}{}{num}", &g[..1]),
    };
    let domain = if rng.chance(0.12) {
        format!(
            "{s}{}",
            rng.item("law.com|dental.com|consulting.net|family.org|design.co")
        )
    } else {
        rng.item(MAIL_DOMAINS).to_string()
    };
    format!("{local}@{domain}")
}

/// The local part of an e-mail said aloud ("priya dot iyer eighty two").
pub(crate) fn local_spoken(rng: &mut Rng, local: &str, spell: bool) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut Vec<String>, rng: &mut Rng| {
        if run.is_empty() {
            return;
        }
        if run.as_bytes()[0].is_ascii_digit() {
            let n: u32 = run.parse().unwrap_or(0);
            let said = if run.len() == 2 && !run.starts_with('0') && rng.chance(0.6) {
                n2w(n)
            } else if run.len() == 4 && rng.chance(0.6) {
                year_words(rng, n, false)
            } else {
                speak_run(rng, run, true)
            };
            out.push(said);
        } else if spell || run.len() <= 2 {
            out.push(spell_letters(rng, run));
        } else {
            out.push(run.clone());
        }
        run.clear();
    };
    let mut prev_digit = None;
    for c in local.chars() {
        let is_digit = c.is_ascii_digit();
        if c.is_ascii_alphanumeric() {
            if prev_digit.is_some() && prev_digit != Some(is_digit) {
                flush(&mut run, &mut out, rng);
            }
            run.push(c);
            prev_digit = Some(is_digit);
        } else {
            flush(&mut run, &mut out, rng);
            prev_digit = None;
            let sep = match c {
                '.' => "dot",
                '_' => "underscore",
                _ => {
                    if rng.chance(0.5) {
                        "dash"
                    } else {
                        "hyphen"
                    }
                }
            };
            out.push(sep.to_string());
        }
    }
    flush(&mut run, &mut out, rng);
    out.join(" ")
}

/// The domain of an e-mail said aloud ("gmail dot com", "wp dot p l").
pub(crate) fn domain_spoken(rng: &mut Rng, domain: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for (i, l) in domain.split('.').enumerate() {
        if i > 0 {
            out.push("dot".to_string());
        }
        if l.len() == 2 && l != "co" && rng.chance(0.6) {
            out.push(spell_letters(rng, l).to_lowercase());
        } else {
            out.push(l.to_string());
        }
    }
    out.join(" ")
}

/// An e-mail address said aloud ("priya dot iyer eighty two at gmail dot com").
pub(crate) fn email_spoken(rng: &mut Rng, addr: &str) -> String {
    let (local, domain) = addr.split_once('@').unwrap_or((addr, "gmail.com"));
    let spell = rng.chance(0.2);
    format!(
        "{} at {}",
        local_spoken(rng, local, spell),
        domain_spoken(rng, domain)
    )
}

/// An e-mail in the style of the transcript: written or spoken.
pub(crate) fn email_val(rng: &mut Rng, p: &Person, spoken_p: f64) -> Val {
    let a = email(rng, p);
    if rng.chance(spoken_p) {
        sp(email_spoken(rng, &a))
    } else {
        w(a)
    }
}

// ---------------------------------------------------------------- phones

/// A phone number: country code and digit groups.
#[derive(Debug, Clone)]
pub(crate) struct Phone {
    pub(crate) cc: &'static str,
    pub(crate) groups: Vec<String>,
    /// National trunk prefix written in local form ("0" for UK, Nigeria...).
    pub(crate) trunk: bool,
}

const AREA: &str = "415 312 617 206 512 704 313 919 602 303 404 718 832 972 615 801 503 216 614 414 505 907 808 971 347 929 470 678";

pub(crate) fn phone(rng: &mut Rng) -> Phone {
    let r = rng.below(20);
    match r {
        0..=12 => {
            let area = rng.word(AREA).to_string();
            let ex = format!("{}{}", rng.range(2, 9), rng.digits(2));
            let ex = if ex.ends_with("11") {
                format!("{}2", &ex[..2])
            } else {
                ex
            };
            Phone {
                cc: "1",
                groups: vec![area, ex, rng.digits(4)],
                trunk: false,
            }
        }
        13 => Phone {
            cc: "44",
            groups: vec![format!("7{}", rng.digits(3)), rng.digits(6)],
            trunk: true,
        },
        14 => Phone {
            cc: "91",
            groups: vec![format!("9{}", rng.digits(4)), rng.digits(5)],
            trunk: false,
        },
        15 => Phone {
            cc: "234",
            groups: vec![
                format!("80{}", rng.range(2, 9)),
                rng.digits(3),
                rng.digits(4),
            ],
            trunk: true,
        },
        16 => Phone {
            cc: "55",
            groups: vec![
                format!("{}", rng.range(11, 48)),
                format!("9{}", rng.digits(4)),
                rng.digits(4),
            ],
            trunk: false,
        },
        17 => Phone {
            cc: "49",
            groups: vec![format!("15{}", rng.range(1, 9)), rng.digits(7)],
            trunk: true,
        },
        18 => Phone {
            cc: "52",
            groups: vec!["55".to_string(), rng.digits(4), rng.digits(4)],
            trunk: false,
        },
        _ => Phone {
            cc: "61",
            groups: vec![format!("4{}", rng.digits(2)), rng.digits(3), rng.digits(3)],
            trunk: true,
        },
    }
}

pub(crate) fn phone_written(rng: &mut Rng, p: &Phone, lower: bool) -> String {
    let g = &p.groups;
    if p.cc == "1" {
        if lower {
            return match rng.below(3) {
                0 => format!("{} {} {}", g[0], g[1], g[2]),
                1 => format!("{}-{}-{}", g[0], g[1], g[2]),
                _ => format!("{}{}{}", g[0], g[1], g[2]),
            };
        }
        match rng.below(7) {
            0 => format!("({}) {}-{}", g[0], g[1], g[2]),
            1 => format!("{}-{}-{}", g[0], g[1], g[2]),
            2 => format!("{}.{}.{}", g[0], g[1], g[2]),
            3 => format!("+1 {} {} {}", g[0], g[1], g[2]),
            4 => format!("+1-{}-{}-{}", g[0], g[1], g[2]),
            5 => format!("1-{}-{}-{}", g[0], g[1], g[2]),
            _ => format!("{}{}{}", g[0], g[1], g[2]),
        }
    } else if p.trunk && rng.chance(0.4) {
        format!("0{}", g.join(" "))
    } else {
        format!("+{} {}", p.cc, g.join(" "))
    }
}

const PAUSES: &str = ", | | ... | uh | um |, ";

/// A phone number said aloud, group by group.
pub(crate) fn phone_spoken(rng: &mut Rng, p: &Phone) -> String {
    let mut parts: Vec<String> = Vec::new();
    let local = p.cc != "1" && p.trunk && rng.chance(0.4);
    if p.cc != "1" && !local {
        parts.push(format!("plus {}", speak_run(rng, p.cc, false)));
    } else if p.cc == "1" && rng.chance(0.12) {
        parts.push("one".to_string());
    }
    let pairs = rng.chance(0.25);
    let sep = rng.item(PAUSES);
    for (i, g) in p.groups.iter().enumerate() {
        let g = if i == 0 && local {
            format!("0{g}")
        } else {
            g.clone()
        };
        let said = if pairs && g.len() == 4 {
            quad_pairs(rng, &g)
        } else {
            speak_run(rng, &g, true)
        };
        parts.push(said);
    }
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            let s = if rng.chance(0.25) {
                rng.item(PAUSES)
            } else {
                sep
            };
            out.push_str(if s.is_empty() { " " } else { s });
            if !s.ends_with(' ') && !s.is_empty() {
                out.push(' ');
            }
            if s.is_empty() {
                // single space already pushed
            }
        }
        out.push_str(part);
    }
    out.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" ,", ",")
}

/// A phone in the style asked for: written digits or spoken words.
pub(crate) fn phone_val(rng: &mut Rng, lower: bool, spoken_p: f64) -> Val {
    let p = phone(rng);
    if rng.chance(spoken_p) {
        sp(phone_spoken(rng, &p))
    } else {
        w(phone_written(rng, &p, lower))
    }
}

/// A US phone number.
pub(crate) fn us_phone(rng: &mut Rng) -> Phone {
    Phone {
        cc: "1",
        groups: vec![
            rng.word(AREA).to_string(),
            format!("{}{}", rng.range(2, 9), rng.digits(2)),
            rng.digits(4),
        ],
        trunk: false,
    }
}

/// A US phone said with a self-correction inside ("nine one seven no sorry nine two seven ...").
pub(crate) fn phone_corrected(rng: &mut Rng) -> Val {
    let p = us_phone(rng);
    let wrong = format!(
        "{}{}",
        &p.groups[1][..2],
        (p.groups[1].as_bytes()[2] - b'0' + 1) % 10
    );
    let fix = rng.item(" no sorry | wait | I mean | actually | no no ");
    let s = match rng.below(2) {
        0 => format!(
            "{} {}{}{} {}",
            speak_run(rng, &p.groups[0], false),
            speak_run(rng, &wrong, false),
            fix,
            speak_run(rng, &p.groups[1], false),
            speak_run(rng, &p.groups[2], true)
        ),
        _ => format!(
            "{} {} {}{}{}",
            speak_run(rng, &p.groups[0], false),
            speak_run(rng, &p.groups[1], false),
            speak_run(rng, &p.groups[2][..2], false),
            fix,
            speak_run(rng, &p.groups[2], false)
        ),
    };
    sp(s.split_whitespace().collect::<Vec<_>>().join(" "))
}

// ---------------------------------------------------------------- cards, SSN, IBAN, IP

pub(crate) fn card_val(rng: &mut Rng, lower: bool, spoken_p: f64) -> Val {
    let d = card_digits(rng);
    if rng.chance(spoken_p) {
        let g = group_card(&d, " ");
        let sep = rng.item(", | | ... |, uh ");
        let parts: Vec<String> = g
            .split(' ')
            .map(|x| {
                let dbl = rng.chance(0.3);
                speak_run(rng, x, dbl)
            })
            .collect();
        let glue = if sep.trim().is_empty() && !sep.is_empty() {
            " ".to_string()
        } else {
            format!("{} ", sep.trim_end())
        };
        sp(parts.join(&glue).replace("  ", " "))
    } else {
        w(match rng.below(if lower { 2 } else { 4 }) {
            0 => group_card(&d, " "),
            1 => d,
            2 => group_card(&d, "-"),
            _ => group_card(&d, " "),
        })
    }
}

/// Card expiry said or written (not labelled: no label for it).
pub(crate) fn expiry(rng: &mut Rng, spoken: bool) -> String {
    let m = rng.range(1, 12) as u32;
    let y = rng.range(25, 31) as u32;
    if spoken {
        format!("{} {}", pair_words(rng, &format!("{m:02}")), n2w(y))
    } else {
        format!("{m:02}/{y}")
    }
}

pub(crate) fn ssn_val(rng: &mut Rng, spoken_p: f64) -> Val {
    let d = ssn_digits(rng);
    let (a, b, c) = (&d[..3], &d[3..5], &d[5..]);
    if rng.chance(spoken_p) {
        let sep = rng.item(", | | dash | ... |, uh ");
        let glue = if sep.trim().is_empty() {
            " ".to_string()
        } else {
            format!("{} ", sep.trim_end())
        };
        let parts = [
            speak_run(rng, a, true),
            speak_run(rng, b, true),
            speak_run(rng, c, true),
        ];
        sp(parts.join(&glue).replace("  ", " "))
    } else {
        w(match rng.below(4) {
            0 | 1 => format!("{a}-{b}-{c}"),
            2 => format!("{a} {b} {c}"),
            _ => d.clone(),
        })
    }
}

pub(crate) fn iban_val(rng: &mut Rng, spoken_p: f64) -> Val {
    let i = iban(rng);
    if rng.chance(spoken_p) {
        let g = group4(&i);
        let parts: Vec<String> = g
            .split(' ')
            .map(|grp| {
                grp.chars()
                    .map(|c| {
                        if c.is_ascii_digit() {
                            digit_word(rng, c as u8 - b'0').to_string()
                        } else {
                            c.to_ascii_lowercase().to_string()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        sp(parts.join(rng.item(", | ")).to_string())
    } else if rng.chance(0.5) {
        w(group4(&i))
    } else {
        w(i)
    }
}

pub(crate) fn ip_val(rng: &mut Rng, spoken_p: f64) -> Val {
    let o: [u32; 4] = match rng.below(3) {
        0 => [192, 168, rng.range(0, 20) as u32, rng.range(2, 254) as u32],
        1 => [
            10,
            rng.range(0, 9) as u32,
            rng.range(0, 9) as u32,
            rng.range(2, 254) as u32,
        ],
        _ => [
            rng.range(23, 223) as u32,
            rng.range(1, 254) as u32,
            rng.range(1, 254) as u32,
            rng.range(1, 254) as u32,
        ],
    };
    if rng.chance(spoken_p) {
        let by_digit = rng.chance(0.5);
        let parts: Vec<String> = o
            .iter()
            .map(|x| {
                if by_digit {
                    speak_run(rng, &x.to_string(), false)
                } else {
                    n2w(*x)
                }
            })
            .collect();
        sp(parts.join(" dot "))
    } else {
        w(format!("{}.{}.{}.{}", o[0], o[1], o[2], o[3]))
    }
}

// ---------------------------------------------------------------- dates of birth

pub(crate) fn dob_val(rng: &mut Rng, lower: bool, spoken_p: f64) -> Val {
    let y = rng.range(1941, 2005) as u32;
    let m = rng.range(1, 12) as u32;
    let d = rng.range(1, 28) as u32;
    let mon = MONTHS[(m - 1) as usize];
    let mon_l = mon.to_lowercase();
    if rng.chance(spoken_p) {
        let yw = year_words(rng, y, true);
        let s = match rng.below(8) {
            0 => format!("{mon_l} {} {yw}", ordinal(d)),
            1 => format!("the {} of {mon_l} {yw}", ordinal(d)),
            2 => format!(
                "{} {} {}",
                pair_words(rng, &format!("{m:02}")),
                pair_words(rng, &format!("{d:02}")),
                yw
            ),
            3 => format!(
                "{} slash {} slash {yw}",
                pair_words(rng, &format!("{m:02}")),
                pair_words(rng, &format!("{d:02}"))
            ),
            4 => format!("{} {} {yw}", n2w(m), n2w(d),),
            5 => format!("{mon_l} {} {yw}", n2w(d)),
            6 => format!("{} {mon_l} {yw}", ordinal(d)),
            _ => format!("{mon_l} the {} {yw}", ordinal(d)),
        };
        sp(s)
    } else {
        let s = match rng.below(if lower { 4 } else { 9 }) {
            0 => format!("{m:02}/{d:02}/{y}"),
            1 => format!("{m}/{d}/{:02}", y % 100),
            2 => format!(
                "{} {d} {y}",
                if lower {
                    mon_l.clone()
                } else {
                    mon.to_string()
                }
            ),
            3 => format!(
                "{} {d}{} {y}",
                if lower {
                    mon_l.clone()
                } else {
                    mon.to_string()
                },
                ord_suffix(d)
            ),
            4 => format!("{mon} {d}, {y}"),
            5 => format!("{y}-{m:02}-{d:02}"),
            6 => format!("{d} {mon} {y}"),
            7 => format!("{d:02}.{m:02}.{y}"),
            _ => format!("{}{} of {mon} {y}", d, ord_suffix(d)),
        };
        w(s)
    }
}

// ---------------------------------------------------------------- street addresses

const STREETS: &str = "Maple Ridge|Willow Creek|Kensington|Old Mill|Sycamore Hollow|Juniper|Magnolia|Harbor View|Cedar Bluff|Pinecrest|Foxhall|Quarry|Brookstone|Larkspur|Westfield|Ironwood|Bramble|Copperfield|Eastgate|Riverbend|Hawthorne|Stonebridge|Orchard|Bayberry";
const ST_TYPES: &str =
    "Street|Avenue|Drive|Lane|Court|Boulevard|Road|Way|Place|Circle|Terrace|Parkway";
/// (city, state abbreviation, state name, zip prefix)
const CITIES: &[(&str, &str, &str, &str)] = &[
    ("Columbus", "OH", "Ohio", "432"),
    ("Tucson", "AZ", "Arizona", "857"),
    ("Raleigh", "NC", "North Carolina", "276"),
    ("Charlotte", "NC", "North Carolina", "282"),
    ("Spokane", "WA", "Washington", "992"),
    ("Albuquerque", "NM", "New Mexico", "871"),
    ("Omaha", "NE", "Nebraska", "681"),
    ("Fresno", "CA", "California", "937"),
    ("Savannah", "GA", "Georgia", "314"),
    ("Boise", "ID", "Idaho", "837"),
    ("Knoxville", "TN", "Tennessee", "379"),
    ("Lansing", "MI", "Michigan", "489"),
    ("Worcester", "MA", "Massachusetts", "016"),
    ("Des Moines", "IA", "Iowa", "503"),
    ("Austin", "TX", "Texas", "787"),
    ("Madison", "WI", "Wisconsin", "537"),
    ("Jackson", "MS", "Mississippi", "392"),
    ("Paterson", "NJ", "New Jersey", "075"),
    ("Eugene", "OR", "Oregon", "974"),
    ("Tampa", "FL", "Florida", "336"),
];

/// A street address in the requested style.
pub(crate) fn address_val(rng: &mut Rng, lower: bool, spoken_p: f64) -> Val {
    if rng.chance(0.18) {
        return intl_address(rng, lower, spoken_p);
    }
    let num = match rng.below(4) {
        0 => rng.range(2, 99) as u32,
        1 => rng.range(100, 999) as u32,
        _ => rng.range(1000, 9899) as u32,
    };
    let street = rng.item(STREETS);
    let ty = rng.item(ST_TYPES);
    let (city, st, state, zp) = CITIES[rng.below(CITIES.len())];
    let zip = format!("{zp}{}", rng.digits(2));
    let unit_kind = rng.below(6);
    let unit_no = if rng.chance(0.5) {
        format!("{}", rng.range(1, 40))
    } else {
        format!(
            "{}{}",
            rng.range(1, 9),
            char::from(b'A' + rng.below(6) as u8)
        )
    };
    let has_city = rng.chance(0.85);
    if rng.chance(spoken_p) {
        let house = match rng.below(3) {
            0 => speak_run(rng, &num.to_string(), false),
            1 if num >= 1000 => {
                let s = num.to_string();
                format!("{} {}", pair_words(rng, &s[..2]), pair_words(rng, &s[2..]))
            }
            _ => n2w(num),
        };
        let unit_spoken = unit_no
            .chars()
            .map(|c| {
                if c.is_ascii_digit() {
                    ONES[(c as u8 - b'0') as usize].to_string()
                } else {
                    c.to_ascii_lowercase().to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        let unit_spoken = if unit_no.len() == 2 && unit_no.chars().all(|c| c.is_ascii_digit()) {
            n2w(unit_no.parse().unwrap_or(0))
        } else {
            unit_spoken
        };
        let unit = match unit_kind {
            0 => format!(" apartment {unit_spoken}"),
            1 => format!(" unit {unit_spoken}"),
            2 => format!(" apt {unit_spoken}"),
            _ => String::new(),
        };
        let tail = if has_city {
            let dbl = rng.chance(0.3);
            let zipw = speak_run(rng, &zip, dbl);
            format!(" {} {} {zipw}", city.to_lowercase(), state.to_lowercase())
        } else {
            String::new()
        };
        sp(format!(
            "{house} {} {}{unit}{tail}",
            street.to_lowercase(),
            ty.to_lowercase()
        ))
    } else if lower {
        let unit = match unit_kind {
            0 => format!(" apartment {}", unit_no.to_lowercase()),
            1 => format!(" unit {}", unit_no.to_lowercase()),
            2 => format!(" apt {}", unit_no.to_lowercase()),
            _ => String::new(),
        };
        let tail = if has_city {
            format!(" {} {} {zip}", city.to_lowercase(), state.to_lowercase())
        } else {
            String::new()
        };
        w(format!(
            "{num} {} {}{unit}{tail}",
            street.to_lowercase(),
            ty.to_lowercase()
        ))
    } else {
        let unit = match unit_kind {
            0 => format!(", Apt {unit_no}"),
            1 => format!(" Unit {unit_no}"),
            2 => format!(" #{unit_no}"),
            3 => format!(", Suite {}", rng.range(100, 450)),
            _ => String::new(),
        };
        let tail = if has_city {
            if rng.chance(0.6) {
                format!(", {city}, {st} {zip}")
            } else {
                format!(", {city}, {state} {zip}")
            }
        } else {
            String::new()
        };
        w(format!("{num} {street} {ty}{unit}{tail}"))
    }
}

fn intl_address(rng: &mut Rng, lower: bool, spoken_p: f64) -> Val {
    let spoken = rng.chance(spoken_p);
    let n = rng.range(2, 180) as u32;
    let nw = if spoken { n2w(n) } else { n.to_string() };
    let s = match rng.below(6) {
        0 => format!(
            "{nw} Kingsley Road, Headingley, Leeds LS6 {}AB",
            rng.range(1, 9)
        ),
        1 => format!("Lindenstrasse {nw}, 10{} Berlin", rng.digits(3)),
        2 => format!("{nw} Banksia Crescent, Parramatta NSW 2150"),
        3 => format!(
            "Flat {nw}, Sai Residency, Koramangala, Bengaluru 5600{}",
            rng.digits(2)
        ),
        4 => format!(
            "{nw} Rue Saint-Denis, Montreal, QC H2X {}K8",
            rng.range(1, 9)
        ),
        _ => format!("Plot {nw} Adeola Odeku Street, Victoria Island, Lagos"),
    };
    let s = if spoken || lower {
        s.to_lowercase().replace(',', "")
    } else {
        s
    };
    Val { s, spoken }
}
