//! Caller and agent names of blind6, from many cultures, as a speech-to-text
//! engine writes them (lowercase or capitalised, ASCII), and their spellings.

use crate::blindgen::Rng;

const GIVEN: &str = "brittany tyler kayla dwayne shawna marcus jasmine cody heather trevor \
latoya brandon courtney derek tamika colin fiona gareth niamh callum rhiannon \
alejandro ximena guadalupe joaquin marisol rodrigo yesenia esteban paola thiago luana \
gustavo renata wojciech agnieszka bartosz katarzyna jurgen annika matthias svenja \
henrik sigrid giulia lorenzo chiara matteo anais baptiste oceane thibault ioana bogdan \
vesna dragan zsofia laszlo eleni yiannis anastasia dmitri svetlana oleksandr iryna \
pieter maarten femke siobhan padraig chidinma emeka ngozi oluwaseun temitope kwabena \
akosua yaw efua wanjiru achieng tendai thabo lindiwe zanele tesfaye meron abdou \
aissatou fatoumata priyanka rohit lakshmi venkatesh anjali harpreet gurdeep sandeep \
deepika arvind nirmala tahmina rashid imran sana zainab sunil kavitha xiaoling jianhua \
meiling haruto yui takeshi ayaka minjun jiwoo seoyeon thanh linh duc somchai siriporn \
rizal dewi maricel jomar yusuf khadija omar layla tariq noura mehmet elif arash parisa \
yael avi rania karim dolores earl mildred otis bernadette rosalind ignatius philippa";

const SURNAMES: &str = "okafor|adebayo|nwosu|mensah|boateng|owusu|kamau|otieno|mwangi|\
dlamini|nkosi|mokoena|haile|tadesse|diallo|ndiaye|traore|koroma|kowalczyk|wisniewski|\
nowak|zielinska|schneider|hoffmann|becker|lindqvist|johansson|halvorsen|rossi|esposito|\
bianchi|moreau|lefebvre|girard|popescu|ionescu|petrovic|horvath|nagy|papadopoulos|\
ivanova|sokolov|kovalenko|shevchenko|van der berg|de jong|o'brien|mcallister|fitzgerald|\
gonzalez|ramirez|castillo|villanueva|herrera|mendoza|fuentes|oliveira|carvalho|ferreira|\
dos santos|patel|sharma|iyer|krishnan|reddy|banerjee|chatterjee|singh|gill|malhotra|\
chaudhry|qureshi|rahman|hossain|perera|fernando|chen|zhang|liu|huang|wong|nakamura|\
tanaka|watanabe|yamamoto|kim|park|choi|nguyen|tran|pham|santos|reyes|dela cruz|tan|lim|\
wijaya|haddad|khoury|mansour|al-rashid|abdullah|hosseini|karimi|yilmaz|ozturk|demir|\
cohen|levi|mizrahi|friedman|thompson|baker|whitfield|hargrove|pennington|coleman|\
simmons|brooks|delgado|washington|underwood|castellanos|oyelaran|szymanski|vasquez|\
abernathy|mukherjee|okonjo|rasmussen|kaczmarek|yamaguchi|achterberg|bakshi";

/// Upper-cases the first letter of each word (and after `-` or `'`).
pub(crate) fn cap(s: &str) -> String {
    let mut out = String::new();
    let mut up = true;
    for c in s.chars() {
        if up {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        up = c == ' ' || c == '-' || (c == '\'' && out.len() <= 2);
    }
    out
}

fn case(s: &str, lower: bool) -> String {
    if lower {
        s.to_string()
    } else {
        cap(s)
    }
}

pub(crate) fn given(rng: &mut Rng, lower: bool) -> String {
    case(rng.word(GIVEN), lower)
}

pub(crate) fn surname(rng: &mut Rng, lower: bool) -> String {
    case(rng.item(SURNAMES), lower)
}

/// A single-word surname (for spelling).
pub(crate) fn plain_surname(rng: &mut Rng, lower: bool) -> String {
    loop {
        let s = rng.item(SURNAMES);
        if s.chars().all(|c| c.is_ascii_alphabetic()) && s.len() >= 4 {
            return case(s, lower);
        }
    }
}

/// Given name and surname, sometimes with a second given name.
pub(crate) fn full(rng: &mut Rng, lower: bool) -> String {
    let g = given(rng, lower);
    let s = surname(rng, lower);
    if rng.chance(0.12) {
        format!("{g} {} {s}", given(rng, lower))
    } else {
        format!("{g} {s}")
    }
}

const NATO: [&str; 26] = [
    "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
    "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango",
    "uniform", "victor", "whiskey", "x-ray", "yankee", "zulu",
];

/// A name spelled letter by letter the way callers do it.
pub(crate) fn spell(rng: &mut Rng, name: &str) -> String {
    let letters: Vec<char> = name
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    match rng.below(5) {
        0 | 1 => letters
            .iter()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
            .join(" "),
        2 => letters
            .iter()
            .map(|c| c.to_ascii_lowercase().to_string())
            .collect::<Vec<_>>()
            .join(if rng.chance(0.5) { "-" } else { " " }),
        3 => letters
            .iter()
            .map(|c| format!("{c}."))
            .collect::<Vec<_>>()
            .join(" "),
        _ => {
            // first letters with "as in", the rest plain
            let mut parts = Vec::new();
            for (i, c) in letters.iter().enumerate() {
                if i < 2 || rng.chance(0.3) {
                    let n = NATO[(*c as u8 - b'A') as usize];
                    parts.push(format!("{c} as in {n}"));
                } else {
                    parts.push(c.to_string());
                }
            }
            parts.join(", ")
        }
    }
}
