//! Name cues: the phrases that introduce a name ("my name is", "this is", titles,
//! relations) and the open-cue rules for unlisted lowercase names.

use super::common::common_word;
use super::index::Words;
use super::vocab::{everyday_word, not_a_name};
use super::word::listed;
use crate::detect::Names;
use crate::token::{lower, Kw, Tk, Tok};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Trigger {
    /// "my name is": lowercase names from the lists accepted too.
    Strong,
    /// "this is", "I'm", "hi", "thanks": needs a listed given name or a cue after it.
    Weak,
    /// Mr, Ms, Dr...: any capitalised word.
    Title,
    /// "my husband", "the technician": a capitalised or listed given name.
    Relation,
    /// "Customer Grace Hernandez", "Contact Minh at": capitalised words, the
    /// first a listed given name or surname.
    Label,
}

/// A lowercase word that may be a name after an open cue: not a function word, an
/// everyday word that is also a name, a common word, or a verb form.
pub(super) fn open_word(lw: &str, names: &Names) -> bool {
    let (g, sur) = listed(names, lw);
    lw.len() >= 2
        && !not_a_name(lw)
        && !everyday_word(lw)
        && !common_word(lw)
        && (g || sur || !(lw.len() >= 5 && (lw.ends_with("ing") || lw.ends_with("ed"))))
        // "talking to robots": an unlisted plural is a thing, not a person
        && (g || sur || !(lw.len() >= 4 && lw.ends_with('s') && !lw.ends_with("ss")))
        && !lw.ends_with("ly")
}

/// Cues after which an unlisted lowercase name is taken when a boundary follows it
/// ("this is thuy how can i help", "you're speaking with przemyslaw", "transfer
/// you to harika reddy in networking", "for my mom soo-ah zhou it's about").
pub(super) fn open_cue(words: &[&str]) -> bool {
    let n = words.len();
    let Some(&last) = words.last() else {
        return false;
    };
    let prev = if n >= 2 { words[n - 2] } else { "" };
    let prev2 = if n >= 3 { words[n - 3] } else { "" };
    match last {
        // "hi, I'm Tariq Khalil": at the start of a turn or after a greeting
        "i'm" | "im" => n == 1 || greeting(prev),
        "am" => prev == "i" && (n == 2 || greeting(prev2)),
        "is" => prev == "this",
        "with" | "to" => {
            matches!(
                prev,
                "speaking"
                    | "speak"
                    | "talking"
                    | "talk"
                    | "talked"
                    | "spoke"
                    | "spoken"
                    | "me"
                    | "through"
            ) || transfer_to(prev, prev2)
                || send_to(last, prev, prev2)
                || help_with(last, prev, prev2)
        }
        // "thanks anahera", "bye tamati" (not "hi": "hi battery is at 76%")
        "thanks" | "bye" => true,
        "you" => prev == "thank",
        // "oh it's X", "hi Priya, it's X"
        "it's" => {
            matches!(prev, "oh" | "hi" | "hey" | "hello") || matches!(prev2, "hi" | "hey" | "hello")
        }
        _ => false,
    }
}

pub(super) fn greeting(w: &str) -> bool {
    matches!(
        w,
        "hi" | "hello" | "hey" | "yes" | "yeah" | "and" | "morning" | "afternoon" | "evening"
    )
}

/// "transfer you to", "connect you with", "put you through to".
pub(super) fn transfer_to(prev: &str, prev2: &str) -> bool {
    prev == "you" && matches!(prev2, "transfer" | "connect" | "put" | "forward" | "patch")
}

/// "send it to", "ship them to".
pub(super) fn send_to(last: &str, prev: &str, prev2: &str) -> bool {
    last == "to"
        && matches!(prev, "it" | "them" | "this" | "that")
        && matches!(
            prev2,
            "send" | "ship" | "mail" | "deliver" | "forward" | "address" | "post"
        )
}

/// "anything else I can help with, Rawiri?"
pub(super) fn help_with(last: &str, prev: &str, prev2: &str) -> bool {
    last == "with" && prev == "help" && prev2 == "can"
}

/// An unlisted lowercase word taken after an open cue must end the name at a
/// boundary, or (for a first word) be followed by one more name word that does.
pub(super) fn open_run_ok(
    text: &str,
    toks: &[Tok],
    ix: &Words<'_>,
    next: usize,
    count: usize,
    names: &Names,
) -> bool {
    if boundary_at(text, toks, next) {
        return true;
    }
    count == 0
        && toks.get(next).is_some_and(|t| t.kind == Tk::Word && !t.nl)
        && ix.name(next).is_some_and(|(w, n2)| {
            let (g, sur) = ix.listed(next);
            (g || sur || open_word(w, names)) && boundary_at(text, toks, n2)
        })
}

/// Whether the word at `k` is a listed surname ("june shin", "chase anozie" with
/// "anozie" unlisted is not).
pub(super) fn surname_follows(toks: &[Tok], ix: &Words<'_>, k: usize) -> bool {
    toks.get(k).is_some_and(|t| t.kind == Tk::Word && !t.nl)
        && ix
            .name(k)
            .is_some_and(|(w, _)| ix.listed(k).1 && !not_a_name(w))
}

/// Words and marks that end a name said after an open cue.
pub(super) fn boundary_at(text: &str, toks: &[Tok], k: usize) -> bool {
    let Some(t) = toks.get(k) else {
        return true;
    };
    if t.nl {
        return true;
    }
    match t.kind {
        Tk::Punct(b',' | b'.' | b'?' | b'!' | b':' | b'/' | b';' | b'-') => true,
        Tk::Word => {
            let mut b = [0u8; 24];
            // "send it to valentina fernandes at web dot de": an e-mail's local part
            let domain = |i: usize| {
                toks.get(i).is_some_and(|d| {
                    d.kind == Tk::Punct(b'.')
                        || d.kw == Kw::Dot
                        || (d.kind == Tk::Word && text[d.start..d.end].eq_ignore_ascii_case("dot"))
                })
            };
            lower(&text[t.start..t.end], &mut b).is_some_and(|w| {
                (w != "at" || !domain(k + 2))
                    && is_cue_after(w)
                    || matches!(
                        w,
                        "i" | "i'm"
                            | "im"
                            | "how"
                            | "what"
                            | "who"
                            | "it's"
                            | "its"
                            | "the"
                            | "she"
                            | "he"
                            | "she's"
                            | "he's"
                            | "they"
                            | "is"
                            | "was"
                            | "thanks"
                            | "thank"
                            | "bye"
                            | "please"
                            | "can"
                            | "could"
                            | "would"
                            | "we"
                            | "you"
                            | "my"
                            | "did"
                            | "do"
                            | "in"
                            | "for"
                            | "about"
                            | "have"
                            | "so"
                            | "um"
                            | "uh"
                    )
                    || (w.len() >= 6 && w.ends_with("ing"))
                    // the next speaker's label: "... speaking with thuy caller: hi"
                    || toks.get(k + 1).is_some_and(|p| p.kind == Tk::Punct(b':'))
            })
        }
        _ => false,
    }
}

pub(super) fn trigger_after(words: &[&str]) -> Option<Trigger> {
    // words: up to 3 lowercased words ending at the token before the name
    let n = words.len();
    let last = *words.last()?;
    let prev = if n >= 2 { words[n - 2] } else { "" };
    let prev2 = if n >= 3 { words[n - 3] } else { "" };
    match last {
        "mr" | "mrs" | "ms" | "miss" | "mister" | "dr" | "doctor" | "prof" | "professor" | "mx"
        | "madam" | "sir" | "mrs." => Some(Trigger::Title),
        // titles of other languages and ranks: "Mme Okoro", "Sra. Bautista",
        // "Engr. Botha", "Sheikh Al-Otaibi"
        "mme" | "mlle" | "sra" | "srta" | "engr" | "hon" | "sheikh" | "rev" | "herr" | "frau"
        | "dame" | "madame" | "monsieur" | "senor" | "senora" | "signora" | "signor" => {
            Some(Trigger::Title)
        }
        "is" if prev == "name" || prev == "surname" => Some(Trigger::Strong),
        "name's" | "named" | "surname" => Some(Trigger::Strong),
        // "first name Tomasz", "my father's name, Mei Nowak"
        "name"
            if matches!(
                prev,
                "first" | "last" | "middle" | "full" | "maiden" | "given" | "family"
            ) || (prev.len() > 2 && prev.ends_with("'s")) =>
        {
            Some(Trigger::Strong)
        }
        "is" if prev == "holder" || (prev == "this" && prev2 != "what") => {
            Some(if prev == "holder" {
                Trigger::Strong
            } else {
                Trigger::Weak
            })
        }
        "for" if prev == "ask" || prev == "asking" => Some(Trigger::Strong),
        "with" | "to"
            if matches!(
                prev,
                "speaking"
                    | "speak"
                    | "talking"
                    | "talk"
                    | "talked"
                    | "spoke"
                    | "spoken"
                    | "chatted"
            ) =>
        {
            Some(Trigger::Weak)
        }
        // "transfer me to", "put me through to", "connect me to"
        "to" if prev == "me" || prev == "through" => Some(Trigger::Weak),
        // "I'll transfer you to", "send it to ... at <address>"
        "to" | "with" if transfer_to(prev, prev2) || send_to(last, prev, prev2) => {
            Some(Trigger::Weak)
        }
        "with" if help_with(last, prev, prev2) => Some(Trigger::Weak),
        // "could you let Ahmed know"
        "let" if prev == "you" || prev == "please" || prev == "can" => Some(Trigger::Weak),
        "i'm" | "im" => Some(Trigger::Weak),
        "am" if prev == "i" => Some(Trigger::Weak),
        // "everyone calls me Meg": naming; "call me" may be "call me tomorrow"
        "me" if matches!(prev, "calls" | "called") && prev2 != "you" && prev2 != "who" => {
            Some(Trigger::Strong)
        }
        "me" if prev == "call" => Some(Trigger::Weak),
        // "identified herself as Jae-won Kaur"
        "as" if matches!(prev, "herself" | "himself" | "themselves" | "themself") => {
            Some(Trigger::Relation)
        }
        "ok" | "okay" => Some(Trigger::Weak),
        "hi" | "hello" | "hey" | "thanks" | "dear" | "bye" | "goodbye" => Some(Trigger::Weak),
        "you" if prev == "thank" => Some(Trigger::Weak),
        "by" if prev == "signed" || prev == "authorized" => Some(Trigger::Weak),
        // "the reservation is under Okonkwo", "booked under"
        "under"
            if [prev, prev2].iter().any(|w| {
                matches!(
                    *w,
                    "booked"
                        | "reservation"
                        | "booking"
                        | "account"
                        | "order"
                        | "registered"
                        | "listed"
                        | "ticket"
                        | "table"
                        | "it"
                        | "it's"
                        | "put"
                        | "seat"
                        | "seats"
                        | "file"
                        | "name"
                        | "room"
                        | "policy"
                        | "claim"
                        | "appointment"
                        | "prescription"
                )
            }) =>
        {
            Some(Trigger::Strong)
        }
        "it's" | "its" => Some(Trigger::Weak),
        // "my husband Emeka", "the technician, Wei Tanaka,"
        "wife" | "husband" | "son" | "daughter" | "manager" | "boss" | "father" | "mother"
        | "dad" | "mom" | "brother" | "sister" | "partner" | "colleague" | "coworker"
        | "friend" | "technician" | "rep" | "landlord" | "neighbor" | "nurse" | "customer"
        | "caller" | "client" | "agent" | "grandson" | "granddaughter" | "grandmother"
        | "grandfather" | "grandma" | "grandpa" | "niece" | "nephew" | "aunt" | "uncle"
        | "cousin" | "fiance" | "fiancee" | "girlfriend" | "boyfriend" | "spouse" | "stepson"
        | "stepdaughter" | "beneficiary" | "roommate" | "caregiver"
            if matches!(
                prev,
                "my" | "our" | "his" | "her" | "the" | "their" | "your"
            ) =>
        {
            Some(Trigger::Relation)
        }
        _ => None,
    }
}

pub(super) fn is_trigger_last(w: &str) -> bool {
    !matches!(w, "here" | "speaking")
}

pub(super) fn is_cue_after(w: &str) -> bool {
    matches!(
        w,
        "speaking" | "from" | "calling" | "here" | "with" | "at" | "and" | "on" | "over" | "know"
    )
}

/// "this is rhys okonkwo calling": "calling"/"speaking"/"here" within two
/// words after token `k` (a lowercase unlisted name said before it).
pub(super) fn self_cue_follows(toks: &[Tok], ix: &Words<'_>, k: usize) -> bool {
    (k..k + 2).any(|i| {
        toks.get(i).is_some_and(|t| {
            t.kind == Tk::Word && matches!(ix.fold(i), Some("calling" | "speaking" | "here"))
        })
    }) && toks.get(k).is_some_and(|t| t.kind == Tk::Word && !t.nl)
}
