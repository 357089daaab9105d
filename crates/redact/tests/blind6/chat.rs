//! blind6 mixed families: chat transcripts with written values (timestamps,
//! handles), and verification calls that collect several values in a row.

use super::names;
use super::spoken::{speak_phone, speak_ssn, us_phone_groups, written_us_phone};
use super::values::{dob, spoken_email, us_address, written_email};
use super::{uh, Call};
use crate::blindgen::{card_digits, group_card, ssn_digits, Rng, Sample, Text};

fn stamp(rng: &mut Rng) -> String {
    match rng.below(3) {
        0 => format!("[{:02}:{:02}] ", rng.range(8, 20), rng.range(0, 59)),
        1 => format!(
            "[{:02}:{:02}:{:02}] ",
            rng.range(8, 20),
            rng.range(0, 59),
            rng.range(0, 59)
        ),
        _ => String::new(),
    }
}

/// A support chat: the visitor types written values; the agent signs with a name.
pub(crate) fn written(rng: &mut Rng) -> Sample {
    let mut t = Text::new();
    let agent = names::given(rng, false);
    let visitor = names::full(rng, false);
    let who = if rng.chance(0.5) { "Visitor" } else { "You" };
    t.t(&stamp(rng))
        .t("Agent (")
        .p("PERSON", &agent)
        .t("): Hi, thanks for contacting support! Could I get your name and email?\n");
    t.t(&stamp(rng))
        .t(who)
        .t(": hi its ")
        .p("PERSON", &visitor)
        .t(", email is ")
        .p("EMAIL", &written_email(rng))
        .t("\n");
    match rng.below(4) {
        0 => {
            let g = us_phone_groups(rng);
            t.t(&stamp(rng))
                .t(who)
                .t(": phone ")
                .p("PHONE", &written_us_phone(rng, &g))
                .t(" if you need to call\n");
        }
        1 => {
            let (a, _) = us_address(rng, false);
            t.t(&stamp(rng))
                .t(who)
                .t(": the package was supposed to go to ")
                .p("STREET_ADDRESS", &a)
                .t(" but tracking says delivered??\n");
        }
        2 => {
            let d = card_digits(rng);
            let sep = if rng.chance(0.5) { " " } else { "-" };
            t.t(&stamp(rng))
                .t(who)
                .t(": card is ")
                .p("CREDIT_CARD", &group_card(&d, sep))
                .t(" exp 11/27\n");
        }
        _ => {
            let (v, _) = dob(rng);
            t.t(&stamp(rng))
                .t(who)
                .t(": dob ")
                .p("DATE_OF_BIRTH", &v)
                .t("\n");
        }
    }
    t.t(&stamp(rng)).t("Agent (").p("PERSON", &agent).t(
        "): Thank you! I've found your order #A55-20931. It ships on Monday via 2-day delivery.",
    );
    t.done("chat_written")
}

/// A verification call: name, date of birth, then one more value, spoken.
pub(crate) fn verification(rng: &mut Rng) -> Sample {
    let mut c = Call::new(rng);
    let lower = c.lower;
    c.a("for security I'll need to verify a few things. first, your full name?");
    let n = c.name(rng);
    c.c(uh(rng)).p("PERSON", &n);
    c.a("and your date of birth?");
    let (d, spoken) = dob(rng);
    let d = if lower { d.to_lowercase() } else { d };
    c.c("");
    if spoken {
        c.sp("DATE_OF_BIRTH", &d);
    } else {
        c.p("DATE_OF_BIRTH", &d);
    }
    match rng.below(4) {
        0 => {
            c.a("and the last number we have on file, your social?");
            let d = ssn_digits(rng);
            let s = speak_ssn(rng, &d);
            c.c("").sp("US_SSN", &s);
        }
        1 => {
            c.a("and the phone number on the account?");
            let g = us_phone_groups(rng);
            let v = speak_phone(rng, &g);
            c.c("").sp("PHONE", &v);
        }
        2 => {
            c.a("and the email?");
            let v = spoken_email(rng);
            c.c("").sp("EMAIL", &v);
        }
        _ => {
            c.a("and the address on the account?");
            let (v, spoken) = us_address(rng, lower);
            c.c("");
            if spoken {
                c.sp("STREET_ADDRESS", &v);
            } else {
                c.p("STREET_ADDRESS", &v);
            }
        }
    }
    c.a("thank you, you're verified. what can I help with today?");
    c.c(rng.item(
        "I want to know why my bill went up twenty dollars|my order from the 14th never arrived|\
         I need to add a line for my son",
    ));
    c.done("verification")
}
