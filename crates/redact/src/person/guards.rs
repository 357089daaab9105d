//! Organisation and place guards: words that make a capitalised phrase a firm or
//! a street, not a person; and the last check on every name found, which cuts it
//! before a speaker tag or a pronoun and drops a street's name.

use super::cueless::{city, city_in_context, place_before};
use super::gazetteer::firm;
use super::index::Words;
use super::position::speaker_label;
use super::spelled::icao;
use crate::detect::Cand;
use crate::token::{single_letter, Tk, Tok};

/// Roles a transcript tags its turns with ("User:", "human:", "bot:", "AI:").
pub(super) fn role_word(w: &str) -> bool {
    matches!(
        w,
        "user"
            | "human"
            | "bot"
            | "ai"
            | "assistant"
            | "agent"
            | "caller"
            | "customer"
            | "rep"
            | "operator"
            | "client"
            | "system"
            | "speaker"
            | "advisor"
            | "representative"
            | "visitor"
            | "patient"
    )
}

/// Token `i` ends a name: a speaker tag ("SPEAKER_00:", "spk_1:", "User:") or a
/// contraction of "I" ("I've", "i'll", "I'm").
fn stopper(text: &str, toks: &[Tok], ix: &Words<'_>, i: usize) -> bool {
    if speaker_label(text, toks, i).is_some() {
        return true;
    }
    let Some(w) = ix.lower(i) else {
        return false;
    };
    if w.starts_with("i'") && w.len() <= 4 {
        return true;
    }
    role_word(w)
        && toks
            .get(i + 1)
            .is_some_and(|c| c.kind == Tk::Punct(b':') && !c.gap)
}

/// Cuts every name found from `first` on before a speaker tag or a contraction
/// of "I" inside it ("bautista SPEAKER_00:", "Omar I've got"), drops one that
/// starts with one, and drops a name right before a street word ("on madison
/// avenue", "Lincoln Road").
pub(super) fn trim_at_tags(
    text: &str,
    toks: &[Tok],
    ix: &Words<'_>,
    first: usize,
    out: &mut Vec<Cand>,
) {
    let mut i = first;
    while i < out.len() {
        let c = &mut out[i];
        let t0 = toks.partition_point(|t| t.start < c.start);
        let t1 = toks.partition_point(|t| t.end <= c.end);
        let mut keep = t0 < t1;
        for k in t0..t1 {
            if stopper(text, toks, ix, k) {
                match (t0..k).rev().find(|&p| toks[p].kind == Tk::Word) {
                    Some(p) => c.end = toks[p].end,
                    None => keep = false,
                }
                break;
            }
        }
        // a word of a snake_case identifier ("schedule_appointment") is not a name
        let glued = |p: Option<&Tok>, q: Option<&Tok>| {
            p.zip(q)
                .is_some_and(|(p, q)| p.kind == Tk::Punct(b'_') && !p.gap && !q.gap)
        };
        if keep
            && (t0 >= 1 && glued(toks.get(t0 - 1), toks.get(t0))
                || glued(toks.get(t1), toks.get(t1 + 1))
                    && toks.get(t1 + 1).is_some_and(|n| n.kind == Tk::Word))
        {
            keep = false;
        }
        if keep
            && t1 > t0
            && (in_firm(toks, ix, t0, t1)
                || place_elsewhere(toks, ix, t0, t1)
                || spelling_word(text, toks, ix, t0, t1))
        {
            keep = false;
        }
        if keep && t1 > t0 {
            let last = (t0..t1).rev().find(|&p| toks[p].end <= c.end).unwrap_or(t0);
            if toks.get(last + 1).is_some_and(|n| n.gap && !n.nl)
                && ix.lower(last + 1).is_some_and(street_word)
            {
                keep = false;
            }
        }
        if keep {
            i += 1;
        } else {
            out.remove(i);
        }
    }
}

/// Words that make a capitalised phrase an organisation, not a person.
pub(super) fn org_word(w: &str) -> bool {
    matches!(
        w,
        "team"
            | "department"
            | "dept"
            | "group"
            | "desk"
            | "inc"
            | "corp"
            | "corporation"
            | "llc"
            | "ltd"
            | "gmbh"
            | "plc"
            | "co"
            | "services"
            | "solutions"
            | "systems"
            | "labs"
            | "technologies"
            | "partners"
            | "associates"
            | "holdings"
            | "foundation"
            | "clinic"
            | "pharmacy"
            | "inn"
            | "hotel"
            | "hotels"
            | "suites"
            | "resort"
            | "airways"
            | "airlines"
            | "bank"
            | "insurance"
            | "mutual"
            | "energy"
            | "power"
            | "electric"
            | "union"
            | "federal"
            | "medical"
            | "health"
            | "healthcare"
            | "support"
            | "motors"
            | "university"
            | "college"
            | "school"
            | "hospital"
            | "accounts"
            | "receivable"
            | "payable"
            | "billing"
            | "dispatch"
            | "reception"
    )
}

/// Street words that are also surnames: "Jackson Street" is a place.
pub(super) fn street_word(w: &str) -> bool {
    matches!(
        w,
        "street"
            | "st"
            | "avenue"
            | "ave"
            | "road"
            | "rd"
            | "boulevard"
            | "blvd"
            | "drive"
            | "court"
            | "ct"
            | "highway"
            | "parkway"
            | "terrace"
            | "circle"
            | "plaza"
            | "square"
            | "alley"
            | "crescent"
            | "expressway"
            | "freeway"
            | "turnpike"
            | "route"
            | "county"
            | "city"
            | "center"
            | "station"
            | "airport"
            | "university"
            | "college"
            | "school"
            | "hospital"
            | "bridge"
            | "beach"
            | "valley"
            | "springs"
            | "falls"
            | "heights"
            | "hills"
            | "island"
            | "islands"
            | "harbor"
            | "harbour"
            | "canyon"
            | "creek"
            | "river"
            | "hole"
            | "mall"
            | "bank"
    )
}

/// The words of tokens `t0..t1` are a firm, or one with the word before or after
/// them ("jack daniel's", "ben & jerry's", "marks and spencer", "Eddie Bauer"),
/// or a possessive firm alone ("macy's").
fn in_firm(toks: &[Tok], ix: &Words<'_>, t0: usize, t1: usize) -> bool {
    let word = |k: usize| {
        (toks.get(k)?.kind == Tk::Word)
            .then(|| ix.lower(k))
            .flatten()
            .map(|w| w.strip_suffix("'s").unwrap_or(w))
    };
    let words: Vec<&str> = (t0..t1).filter_map(word).collect();
    if words.is_empty() {
        return false;
    }
    let own = words.join(" ");
    let possessive = ix.lower(t1 - 1).is_some_and(|w| w.ends_with("'s"));
    if (words.len() >= 2 || possessive) && firm(&own) {
        return true;
    }
    // the word before, past "&" or "and"
    let mut p = t0.checked_sub(1);
    if let Some(q) = p {
        if toks[q].kind == Tk::Punct(b'&') || ix.lower(q) == Some("and") {
            p = q.checked_sub(1);
        }
    }
    let before = p.and_then(word).map(|w| format!("{w} {own}"));
    let after = word(t1)
        .filter(|_| toks.get(t1).is_some_and(|t| t.gap))
        .map(|w| format!("{own} {w}"));
    before.is_some_and(|b| firm(&b)) || after.is_some_and(|a| firm(&a))
}

/// A one-word name that is a city said as a place elsewhere in the same text
/// ("I'm moving to Austin ... We do service Austin"), or coordinated with a place
/// ("customers in Hanoi and Austin").
fn place_elsewhere(toks: &[Tok], ix: &Words<'_>, t0: usize, t1: usize) -> bool {
    if t1 != t0 + 1 {
        return false;
    }
    let Some(w) = ix.lower(t0) else {
        return false;
    };
    // "customers in Hanoi and Austin": a city coordinated with a place
    let coordinated = city(w)
        && t0 >= 3
        && (matches!(ix.lower(t0 - 1), Some("and" | "or")) || toks[t0 - 1].kind == Tk::Punct(b','))
        && toks[t0 - 2].kind == Tk::Word
        && toks[t0 - 2].cap
        && ix.lower(t0 - 3).is_some_and(place_before);
    coordinated
        || (0..toks.len())
            .any(|k| k != t0 && ix.lower(k) == Some(w) && city_in_context(toks, ix, k, w))
}

/// A one-word name that is a word of the ICAO alphabet among others or among
/// spelled letters ("echo echo charlie foxtrot"): a letter being spelled.
fn spelling_word(text: &str, toks: &[Tok], ix: &Words<'_>, t0: usize, t1: usize) -> bool {
    let at = |k: Option<usize>| k.and_then(|k| toks.get(k).map(|t| (k, t)));
    let alpha = |k: Option<usize>| at(k).is_some_and(|(k, _)| ix.lower(k).is_some_and(icao));
    let letter = |k: Option<usize>| at(k).is_some_and(|(_, t)| single_letter(text, t).is_some());
    let (before, after) = (t0.checked_sub(1), Some(t1));
    // an initial beside a name ("Victor J. Okafor") is not spelling: letters
    // count only on both sides
    t1 == t0 + 1
        && ix.lower(t0).is_some_and(icao)
        && (alpha(before) || alpha(after) || letter(before) && letter(after))
}
