//! Voice-call transcripts: an agent's question and the caller's spoken answer,
//! or a raw lower-case speech-to-text segment, carrying spoken street
//! addresses, phone numbers, e-mail addresses and dates of birth, often with
//! the caller's name.

use super::names::person;
use super::spoken;
use crate::blindgen::{Rng, Sample, Text};

const P: &str = "PERSON";
const A: &str = "STREET_ADDRESS";
const PH: &str = "PHONE";
const E: &str = "EMAIL";
const D: &str = "DATE_OF_BIRTH";

fn lower(s: &str) -> String {
    s.to_lowercase().replace('.', "")
}

pub(crate) fn sample(rng: &mut Rng) -> Sample {
    match rng.below(10) {
        0..=2 => address(rng),
        3 | 4 => phone(rng),
        5 | 6 => email(rng),
        7 => dob(rng),
        8 => intro(rng),
        _ => mixed(rng),
    }
}

fn address(rng: &mut Rng) -> Sample {
    let a = spoken::address(rng);
    let mut t = Text::new();
    match rng.below(5) {
        0 => {
            t.t("Agent: What's the address for the delivery?\nCaller: it's ")
                .sp(A, &a);
        }
        1 => {
            t.t("ok so can you send the new router to ")
                .sp(A, &a)
                .t(" please");
        }
        2 => {
            t.t("Agent: And the service address?\nCaller: yeah ")
                .sp(A, &a);
            t.t("\nAgent: Thank you, I've got that.");
        }
        3 => {
            let p = person(rng);
            t.t("the account's under ")
                .p(P, &lower(&p.full))
                .t(" at ")
                .sp(A, &a);
        }
        _ => {
            t.t("Caller: we moved last month the new place is ")
                .sp(A, &a);
            t.t(" so the bills need to go there");
        }
    }
    t.done("voice/address")
}

fn phone(rng: &mut Rng) -> Sample {
    let ph = spoken::phone(rng);
    let mut t = Text::new();
    match rng.below(4) {
        0 => {
            t.t("Agent: What's the best number to reach you on?\nCaller: ")
                .sp(PH, &ph);
        }
        1 => {
            t.t("yeah my number is ").sp(PH, &ph).t(" that's my mobile");
        }
        2 => {
            t.t("can you call me back on ").sp(PH, &ph).t(" after six");
        }
        _ => {
            t.t("Agent: Is the number still ending the same?\nCaller: no it changed it's ");
            t.sp(PH, &ph);
        }
    }
    t.done("voice/phone")
}

fn email(rng: &mut Rng) -> Sample {
    let p = person(rng);
    let em = spoken::email(rng, &p);
    let mut t = Text::new();
    match rng.below(4) {
        0 => {
            t.t("Agent: Could I get an e-mail for the receipt?\nCaller: sure it's ")
                .sp(E, &em);
        }
        1 => {
            t.t("send it to ").sp(E, &em).t(" thanks");
        }
        2 => {
            t.t("my name is ")
                .p(P, &lower(&p.full))
                .t(" and my email is ")
                .sp(E, &em);
        }
        _ => {
            t.t("Agent: And the e-mail on the account?\nCaller: it should be ")
                .sp(E, &em);
            t.t(" unless my son changed it");
        }
    }
    t.done("voice/email")
}

fn dob(rng: &mut Rng) -> Sample {
    let d = spoken::date(rng);
    let the = if d.contains(" of ") && rng.chance(0.5) {
        "the "
    } else {
        ""
    };
    let mut t = Text::new();
    match rng.below(4) {
        0 => {
            t.t("Agent: For security, can you confirm your date of birth?\nCaller: ")
                .t(the)
                .sp(D, &d);
        }
        1 => {
            t.t("i was born on ").t(the).sp(D, &d).t(" if that helps");
        }
        2 => {
            t.t("Agent: And your birthday?\nCaller: it's ").sp(D, &d);
        }
        _ => {
            t.t("date of birth is ").t(the).sp(D, &d);
        }
    }
    t.done("voice/dob")
}

fn intro(rng: &mut Rng) -> Sample {
    let p = person(rng);
    let mut t = Text::new();
    match rng.below(3) {
        0 => {
            t.t("Agent: Who am I speaking with?\nCaller: ")
                .p(P, &lower(&p.full));
            t.t(" and i'm calling about my order");
        }
        1 => {
            t.t("hi yes it's ")
                .p(P, &lower(&p.given))
                .t(" again i called yesterday about the refund");
        }
        _ => {
            t.t("Agent: and the surname?\nCaller: ")
                .p(P, &lower(&p.surname));
        }
    }
    t.done("voice/name")
}

fn mixed(rng: &mut Rng) -> Sample {
    let p = person(rng);
    let d = spoken::date(rng);
    let ph = spoken::phone(rng);
    let mut t = Text::new();
    t.t("ok my name is ")
        .p(P, &lower(&p.full))
        .t(" date of birth ")
        .sp(D, &d);
    if rng.chance(0.5) {
        t.t(" and the number is ").sp(PH, &ph);
    } else {
        let a = spoken::address(rng);
        t.t(" and i live at ").sp(A, &a);
    }
    t.done("voice/mixed")
}
