//! Word lists for addresses outside the US: street types by position (from
//! libpostal's per-language dictionaries, `data/street_types_intl.txt`) and country
//! names (`data/countries.txt`).

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

/// Street types in three positions relative to the street name.
#[derive(Debug, Default)]
pub(super) struct StreetTypes {
    /// Before the name: "rue", "calle", "via", "ulica".
    pub(super) prefix: HashSet<&'static str>,
    /// The end of a compound name: "straße", "gatan", "vej", "katu".
    pub(super) glued: Vec<&'static str>,
    /// A word after the name: "utca", "ulica", "tér".
    pub(super) after: HashSet<&'static str>,
    /// English types that USPS does not list: "Esplanade", "Quay", "Mews".
    pub(super) english: HashSet<&'static str>,
}

/// The shipped street types, loaded once.
pub(super) fn street_types() -> &'static StreetTypes {
    static T: OnceLock<StreetTypes> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = StreetTypes::default();
        let mut section = "";
        for line in include_str!("../../data/street_types_intl.txt").lines() {
            let line = line.trim();
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            if line.starts_with('[') {
                section = line;
                continue;
            }
            for w in line.split_whitespace() {
                match section {
                    "[prefix]" => {
                        t.prefix.insert(w);
                    }
                    "[glued]" => t.glued.push(w),
                    "[english]" => {
                        t.english.insert(w);
                    }
                    _ => {
                        t.after.insert(w);
                    }
                }
            }
        }
        // "after" words of their own: also the glued types written apart
        // ("Tomšičeva ulica", "Petőfi Sándor utca")
        for w in [
            "utca", "út", "ut", "tér", "ter", "körút", "ulica", "ulice", "cesta", "trg", "sokak",
            "caddesi", "gata", "gate", "vei", "veien", "vej", "gade", "katu", "tie", "straat",
            "weg", "allé", "alle", "allee",
        ] {
            t.after.insert(w);
        }
        // longest first, so "strasse" is tried before "str"
        t.glued.sort_by_key(|w| std::cmp::Reverse(w.len()));
        t
    })
}

/// Country names that end an address ("Germany", "the Netherlands", "UK").
pub(crate) fn country(w: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let set = SET.get_or_init(|| {
        include_str!("../../data/countries.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect()
    });
    set.contains(w)
}

/// Two- and three-word country names.
pub(super) fn country_phrase(w: &str) -> bool {
    matches!(
        w,
        "united kingdom"
            | "united states"
            | "united states of america"
            | "the netherlands"
            | "new zealand"
            | "south africa"
            | "south korea"
            | "northern ireland"
            | "great britain"
            | "czech republic"
            | "costa rica"
            | "puerto rico"
            | "sri lanka"
            | "saudi arabia"
            | "united arab emirates"
            | "el salvador"
            | "dominican republic"
            | "hong kong"
            | "ivory coast"
    )
}
