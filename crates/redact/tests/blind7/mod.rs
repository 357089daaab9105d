//! Seventh blind corpus: international names and street addresses in English
//! sentences (prose, lists, speaker tags, signatures, letterheads), mixed with
//! phones and e-mails; tricky PII-free texts. Written blind: every name,
//! address and template is the author's own.

mod addr_europe;
mod addr_world;
mod free;
mod names;
mod prose;
mod records;

use crate::blindgen::{Rng, Sample};

/// An address of a random country as lines (the caller joins them).
pub(crate) fn address_lines(rng: &mut Rng, country: bool) -> Vec<String> {
    match rng.below(20) {
        0..=8 => addr_europe::lines(rng, country),
        9..=17 => addr_world::lines(rng, country),
        _ => {
            let mut l = Vec::new();
            if rng.chance(0.5) {
                l.push(format!(
                    "Suite {}, {} {}",
                    rng.range(100, 2400),
                    rng.range(1, 999),
                    rng.item("King Street West|Bay Street|Rue Sainte-Catherine Ouest")
                ));
                l.push(format!(
                    "{} {}{}{} {}{}{}",
                    rng.item("Toronto, ON|Montréal QC|Ottawa, ON"),
                    rng.item("M|H|K"),
                    rng.range(1, 9),
                    pc_letters(rng, 1),
                    rng.range(1, 9),
                    pc_letters(rng, 1),
                    rng.range(1, 9)
                ));
                if country {
                    l.push("Canada".to_string());
                }
            } else {
                l.push(format!(
                    "{} {}",
                    rng.range(10, 9999),
                    rng.item("NE Alberta Street|Calle Ocho|West Wacker Drive|Kalākaua Avenue")
                ));
                l.push(format!(
                    "{} {:05}",
                    rng.item("Portland, OR|Miami, FL|Chicago, IL|Honolulu, HI"),
                    rng.range(10000, 99950)
                ));
                if country {
                    l.push("USA".to_string());
                }
            }
            l
        }
    }
}

/// Letters valid in both UK inward codes and Canadian postcodes.
pub(crate) fn pc_letters(rng: &mut Rng, n: usize) -> String {
    (0..n)
        .map(|_| rng.word("A B E G H J L N P R S T X Y").to_string())
        .collect()
}

/// An address on one line, comma-separated.
pub(crate) fn address(rng: &mut Rng) -> String {
    let country = rng.chance(0.5);
    address_lines(rng, country).join(", ")
}

/// A written international phone number.
pub(crate) fn phone(rng: &mut Rng) -> String {
    match rng.below(10) {
        0 => format!("+44 20 {} {}", rng.range(3000, 8999), rng.digits(4)),
        1 => format!("+49 30 {} {}", rng.digits(4), rng.digits(4)),
        2 => format!(
            "+33 {} {} {} {} {}",
            rng.range(1, 7),
            rng.digits(2),
            rng.digits(2),
            rng.digits(2),
            rng.digits(2)
        ),
        3 => format!("+91 {} {}", rng.range(70000, 99999), rng.digits(5)),
        4 => format!(
            "+234 {} {} {}",
            rng.range(802, 909),
            rng.digits(3),
            rng.digits(4)
        ),
        5 => format!("+81 3-{}-{}", rng.digits(4), rng.digits(4)),
        6 => format!("+55 11 9{}-{}", rng.digits(4), rng.digits(4)),
        7 => format!("+254 7{} {}", rng.digits(2), rng.digits(6)),
        8 => format!("+971 4 {} {}", rng.digits(3), rng.digits(4)),
        _ => format!("+61 2 {} {}", rng.digits(4), rng.digits(4)),
    }
}

/// A written e-mail address for a person's name (ASCII-folded).
pub(crate) fn email_for(rng: &mut Rng, name: &str) -> String {
    let folded: String = name
        .chars()
        .filter_map(|c| {
            let c = match c {
                'á' | 'à' | 'â' | 'ã' | 'ä' | 'å' => 'a',
                'é' | 'è' | 'ê' | 'ë' | 'ě' => 'e',
                'í' | 'ì' | 'î' | 'ı' => 'i',
                'ó' | 'ò' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
                'ú' | 'ù' | 'û' | 'ü' | 'ů' => 'u',
                'ç' | 'č' => 'c',
                'ñ' | 'ń' => 'n',
                'ś' | 'š' | 'ş' => 's',
                'ł' => 'l',
                'ž' | 'ź' | 'ż' => 'z',
                'ř' => 'r',
                'ð' => 'd',
                'ğ' => 'g',
                c => c.to_ascii_lowercase(),
            };
            (c.is_ascii_alphanumeric() || c == ' ').then_some(c.to_ascii_lowercase())
        })
        .collect();
    let parts: Vec<&str> = folded.split_whitespace().collect();
    let first = parts.first().copied().unwrap_or("info");
    let last = parts.last().copied().unwrap_or("office");
    let dom = rng.item(
        "gmail.com|outlook.com|nordlicht.de|sakura-robotics.co.jp|andesminerals.cl|\
         banyantree.in|atlasmaritime.ae|harmattan.com.ng|fjord.no|uni-graz.at|yahoo.fr|mail.ru",
    );
    match rng.below(3) {
        0 => format!("{first}.{last}@{dom}"),
        1 => format!("{}{last}@{dom}", &first[..1]),
        _ => format!("{first}@{dom}"),
    }
}

/// Generates `n` texts from `seed`: about a quarter PII-free.
pub(crate) fn generate(seed: u64, n: usize) -> Vec<Sample> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            let r = &mut rng;
            match r.below(100) {
                0..=13 => free::prose(r),
                14..=24 => free::hard(r),
                25..=34 => prose::cued(r),
                35..=42 => prose::uncued(r),
                43..=49 => prose::list(r),
                50..=56 => prose::speaker_tags(r),
                57..=63 => prose::titled(r),
                64..=71 => records::signature(r),
                72..=78 => records::letterhead(r),
                79..=89 => records::address_sentence(r),
                _ => records::mixed(r),
            }
        })
        .collect()
}
