//! Names in prose and dialogue: no cue at all ("X and Y reviewed the
//! contract"), answers to an agent's questions, speaker tags, "X called
//! yesterday", possessives, lower-case speech-to-text without punctuation,
//! ALL-CAPS notes and call summaries.

use super::names::{agent, person, two};
use super::{company, issue};
use crate::blindgen::{Rng, Sample, Text};

const P: &str = "PERSON";

pub(crate) fn sample(rng: &mut Rng) -> Sample {
    match rng.below(10) {
        0 => no_cue(rng),
        1 => asked(rng),
        2 => asked_parts(rng),
        3 => speaker_tags(rng),
        4 => called(rng),
        5 => possessive(rng),
        6 => stt(rng),
        7 => caps(rng),
        8 => summary(rng),
        _ => mentioned(rng),
    }
}

fn no_cue(rng: &mut Rng) -> Sample {
    let (a, b) = two(rng);
    let mut t = Text::new();
    match rng.below(5) {
        0 => {
            t.p(P, &a.full).t(" and ").p(P, &b.full);
            t.t(" reviewed the contract before the renewal call.");
        }
        1 => {
            t.p(P, &a.full).t(" approved the refund on Tuesday; ");
            t.p(P, &b.full).t(" will confirm it with the bank.");
        }
        2 => {
            t.t("Escalated twice. ").p(P, &a.full);
            t.t(" is handling the case until ").p(P, &b.full);
            t.t(" is back from leave.");
        }
        3 => {
            t.p(P, &a.full).t(" (billing) and ").p(P, &b.full);
            t.t(" (field engineer) both signed off the repair.");
        }
        _ => {
            t.t("Per ")
                .p(P, &a.full)
                .t(", the outage affected about 300 homes. ");
            t.p(P, &b.given).t(" disagrees and wants the logs.");
        }
    }
    t.done("person/no-cue")
}

fn asked(rng: &mut Rng) -> Sample {
    let a = person(rng);
    let mut t = Text::new();
    let q = rng.item("May I have your name, please?|Who am I speaking with today?|Can I get the full name on the account?|And the account holder's name?|Could you tell me your name before we start?|What name is the booking under?");
    t.t("Agent: ").t(q).t("\nCaller: ");
    match rng.below(4) {
        0 => t.p(P, &a.full).t("."),
        1 => t.t("It's ").p(P, &a.full).t("."),
        2 => t
            .t("Yes, ")
            .p(P, &a.full)
            .t(", I've been with you for years."),
        _ => t.t("Sure — ").p(P, &a.full),
    };
    t.t("\nAgent: Thank you. How can I help today?");
    t.done("person/asked")
}

fn asked_parts(rng: &mut Rng) -> Sample {
    let a = person(rng);
    let mut t = Text::new();
    t.t("Agent: Can I take your first name?\nCustomer: ")
        .p(P, &a.given);
    t.t("\nAgent: ");
    t.t(rng.item("and the surname?|And your last name?|Lovely, and the family name?|and the surname, please?"));
    t.t("\nCustomer: ").p(P, &a.surname);
    t.t(rng.item(".| — want me to spell it?|, like it sounds.|"));
    t.done("person/asked-parts")
}

fn speaker_tags(rng: &mut Rng) -> Sample {
    let (a, b) = two(rng);
    let mut t = Text::new();
    let stamp = rng.chance(0.5);
    let mut secs = rng.range(0, 600);
    let mut line = |t: &mut Text, rng: &mut Rng, who: &str, say: &str| {
        if stamp {
            secs += rng.range(3, 40);
            t.t(&format!("[00:{:02}:{:02}] ", secs / 60, secs % 60));
        }
        t.p(P, who).t(": ").t(say).t("\n");
    };
    let hello = format!("Thanks for calling {}, how can I help?", company(rng));
    let why = format!("Hi, I'm calling about {}.", issue(rng));
    line(&mut t, rng, &b.full, &hello);
    line(&mut t, rng, &a.full, &why);
    line(
        &mut t,
        rng,
        &b.full,
        "Let me pull that up. One moment please.",
    );
    t.done("person/speaker")
}

fn called(rng: &mut Rng) -> Sample {
    let a = person(rng);
    let mut t = Text::new();
    match rng.below(4) {
        0 => t
            .p(P, &a.full)
            .t(" called yesterday about ")
            .t(issue(rng))
            .t("."),
        1 => t
            .p(P, &a.full)
            .t(" rang twice this morning; no callback logged."),
        2 => t
            .t("Voicemail: ")
            .p(P, &a.full)
            .t(" left a message at 9:40 asking for a callback."),
        _ => t
            .t("Missed call from ")
            .p(P, &a.full)
            .t(" — wants to cancel before Friday."),
    };
    t.done("person/called")
}

fn possessive(rng: &mut Rng) -> Sample {
    let (a, b) = two(rng);
    let mut t = Text::new();
    match rng.below(3) {
        0 => t
            .p(P, &a.full)
            .t("'s account was suspended after three failed payments."),
        1 => t
            .t("I've merged ")
            .p(P, &a.full)
            .t("'s two profiles and sent the summary to ")
            .p(P, &b.full)
            .t("."),
        _ => t
            .t("Updated ")
            .p(P, &a.given)
            .t("'s contact preferences; ")
            .p(P, &b.full)
            .t("'s request is still open."),
    };
    t.done("person/possessive")
}

fn lower(s: &str) -> String {
    s.to_lowercase().replace('.', "")
}

fn stt(rng: &mut Rng) -> Sample {
    let (a, b) = two(rng);
    let mut t = Text::new();
    match rng.below(6) {
        0 => t.t("yeah it's for ").p(P, &lower(&a.full)),
        1 => t
            .t("uh the booking is under ")
            .p(P, &lower(&a.full))
            .t(" i think"),
        2 => t
            .t("my name is ")
            .p(P, &lower(&a.full))
            .t(" and i'm calling about my bill"),
        3 => t
            .t("hi this is ")
            .p(P, &lower(&a.full))
            .t(" calling from the flat upstairs"),
        4 => t
            .t("can you add my wife ")
            .p(P, &lower(&b.full))
            .t(" to the account as well"),
        _ => t
            .t("okay so i spoke to ")
            .p(P, &lower(&b.full))
            .t(" last week and she said it was sorted"),
    };
    t.done("person/stt")
}

fn caps(rng: &mut Rng) -> Sample {
    let (a, b) = two(rng);
    let mut t = Text::new();
    match rng.below(3) {
        0 => {
            t.t("CUSTOMER: ").p(P, &a.full.to_uppercase());
            t.t("\nISSUE: ").t(&issue(rng).to_uppercase());
        }
        1 => {
            t.t("ATTN ").p(P, &a.full.to_uppercase());
            t.t(" — PLEASE CALL BACK BEFORE 5PM");
        }
        _ => {
            t.t("ESCALATION — ").p(P, &a.full.to_uppercase());
            t.t(" — OWNER ")
                .p(P, &b.full.to_uppercase())
                .t(" — PRIORITY HIGH");
        }
    }
    t.done("person/caps")
}

fn summary(rng: &mut Rng) -> Sample {
    let a = person(rng);
    let ag = agent(rng);
    let mut t = Text::new();
    t.t("Call summary: ")
        .p(P, &a.full)
        .t(" asked about ")
        .t(issue(rng));
    t.t(". Resolved by ")
        .p(P, &ag)
        .t("; follow-up e-mail sent.");
    t.done("person/summary")
}

fn mentioned(rng: &mut Rng) -> Sample {
    let (a, b) = two(rng);
    let ag = agent(rng);
    let mut t = Text::new();
    t.t("Agent: This is ")
        .p(P, &ag)
        .t(" from ")
        .t(company(rng))
        .t(".\nCaller: ");
    match rng.below(3) {
        0 => t
            .t("I spoke with ")
            .p(P, &b.full)
            .t(" from your billing team last week."),
        1 => t
            .t("My neighbour ")
            .p(P, &b.full)
            .t(" said you could help with this."),
        _ => t
            .t("I'm calling on behalf of the account holder, ")
            .p(P, &a.full)
            .t("."),
    };
    t.done("person/mentioned")
}
