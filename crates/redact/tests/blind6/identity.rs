//! blind6 identity families: names after the agent's question, spelled
//! surnames, names inside chit-chat, agent introductions, SSNs with the cue
//! after the value, dates of birth (also answered in the next turn).

use super::names::{self, spell};
use super::spoken::speak_ssn;
use super::values::dob as dob_value;
use super::{uh, Call};
use crate::blindgen::{ssn_digits, Rng, Sample};

const COMPANIES: &str = "Northwind Energy|Bluewater Telecom|Crestline Insurance|Harbor Point Bank|\
Summit Wireless|Evergreen Health|Quickship Parcel|Lakeshore Utilities|Brightpath Internet|\
Cobalt Auto Finance";

const ASK_NAME: &str = "can I get your full name please?|who am I speaking with today?|\
and the name on the account?|could you give me your first and last name?|\
may I have the cardholder's name?|what name is the reservation under?|and who's calling?|\
okay, and your name?|who do I have the pleasure of speaking with?|\
before we start, can I get the account holder's name?";

/// The agent asks for the name; the caller gives it in the next turn.
pub(crate) fn name_next_turn(rng: &mut Rng) -> Sample {
    let mut c = Call::new(rng);
    if rng.chance(0.3) {
        c.a("thanks for calling ")
            .x(rng.item(COMPANIES))
            .x(", how can I help?");
        c.c(uh(rng))
            .x(rng.item("I'm calling about my bill|I need to change my plan|my card got declined|I wanted to check on a delivery|I have a question about a charge"));
    }
    c.a(rng.item(ASK_NAME));
    let lower = c.lower;
    if rng.chance(0.2) {
        let g = names::given(rng, lower);
        let s = names::surname(rng, lower);
        c.c(uh(rng)).x("first name ").p("PERSON", &g);
        c.a("and the last name?");
        c.c(uh(rng)).p("PERSON", &s);
        c.x(rng.item("|.| yeah.| that's right"));
    } else {
        let n = if rng.chance(0.15) {
            format!(
                "{}... {}",
                names::given(rng, lower),
                names::surname(rng, lower)
            )
        } else {
            c.name(rng)
        };
        match rng.below(9) {
            0 => c.c("yeah it's ").p("PERSON", &n),
            1 => c.c("").p("PERSON", &n).x("."),
            2 => c.c("sure, ").p("PERSON", &n),
            3 => c
                .c("um, it's ")
                .p("PERSON", &n)
                .x(". I've been a customer for years"),
            4 => c.c("").p("PERSON", &n).x(", and I'm calling about my bill"),
            5 => c.c("it'd be under ").p("PERSON", &n),
            6 => c.c("").p("PERSON", &n).x(". that's me"),
            7 => c.c("this is ").p("PERSON", &n),
            _ => c.c("oh, yes, ").p("PERSON", &n).x(" speaking"),
        };
    }
    c.a(rng.item(
        "thank you. how can I help you today?|great, one moment while I pull that up.|\
         perfect, thanks.|okay I see the account here.|thanks, and what's the reason for your call?",
    ));
    c.done("name_next_turn")
}

/// A surname given and spelled (letters, dashes, "as in").
pub(crate) fn name_spelled(rng: &mut Rng) -> Sample {
    let mut c = Call::new(rng);
    let lower = c.lower;
    let g = names::given(rng, lower);
    let s = names::plain_surname(rng, lower);
    let sp = spell(rng, &s);
    match rng.below(4) {
        0 => {
            c.a("can I have your last name?");
            c.c("it's ").p("PERSON", &s).x(", ").sp("PERSON", &sp);
        }
        1 => {
            c.a("and your name please?");
            c.c(uh(rng))
                .p("PERSON", &format!("{g} {s}"))
                .x(", that's spelled ")
                .sp("PERSON", &sp);
        }
        2 => {
            c.a("who am I speaking with?");
            c.c("").p("PERSON", &format!("{g} {s}"));
            c.a("could you spell the last name for me?");
            c.c("sure, ").sp("PERSON", &sp);
        }
        _ => {
            c.a("what's the surname on the booking?");
            c.c("").p("PERSON", &s);
            c.a("how do you spell that?");
            c.c("")
                .sp("PERSON", &sp)
                .x(rng.item("||, yeah|, it's a weird one"));
        }
    }
    c.a(rng.item("got it, thank you.|okay, found you.|thanks, let me look that up."));
    c.done("name_spelled")
}

/// Names in the middle of chit-chat, with and without relation words or titles.
pub(crate) fn name_chitchat(rng: &mut Rng) -> Sample {
    let mut c = Call::new(rng);
    let lower = c.lower;
    c.a(rng.item("how can I help you today?|what can I do for you?|go ahead."));
    c.c(uh(rng));
    let g = names::given(rng, lower);
    let full = c.name(rng);
    let s = names::surname(rng, lower);
    match rng.below(8) {
        0 => c
            .x("I was just on the phone with my cousin ")
            .p("PERSON", &g)
            .x(" and she said you could move the payment date"),
        1 => c
            .x("my neighbor ")
            .p("PERSON", &full)
            .x(" recommended you guys, so here I am"),
        2 => c
            .x("my daughter ")
            .p("PERSON", &g)
            .x(" set up the account, she's away at college now"),
        3 => c
            .x("I spoke to someone named ")
            .p("PERSON", &g)
            .x(" last week and she said it would be fixed by friday"),
        4 => c
            .x("doctor ")
            .p("PERSON", &s)
            .x("'s office referred me, they said to call this number"),
        5 => c
            .x("the technician, ")
            .p("PERSON", &full)
            .x(", came out tuesday but the box is still blinking"),
        6 => c
            .x("it's for my mother, ")
            .p("PERSON", &full)
            .x(", she's eighty four and can't come to the phone"),
        _ => c
            .x("so ")
            .p("PERSON", &g)
            .x(" and I were going back and forth, and honestly we just want to cancel"),
    };
    c.a(rng.item("I understand. let me see what I can do.|okay, I can help with that.|I'm sorry to hear that."));
    c.done("name_chitchat")
}

/// The agent introduces herself; the caller greets her by name.
pub(crate) fn agent_intro(rng: &mut Rng) -> Sample {
    let mut c = Call::new(rng);
    let lower = c.lower;
    let agent = names::given(rng, lower);
    c.a("thank you for calling ")
        .x(rng.item(COMPANIES))
        .x(rng.item(", my name is |, this is |, you're speaking with "))
        .p("PERSON", &agent)
        .x(rng.item(". how can I help?|, how may I help you today?|. who do I have on the line?"));
    if rng.chance(0.5) {
        let n = c.name(rng);
        c.c("hi ")
            .p("PERSON", &agent)
            .x(rng.item(", this is |, my name's |, it's "))
            .p("PERSON", &n)
            .x(rng.item(". I'm having trouble with my router|, I need to reschedule a delivery|, I got charged twice"));
    } else {
        c.c("hey ")
            .p("PERSON", &agent)
            .x(", I'm calling about a charge on my statement");
    }
    c.a("okay, I can look into that for you.");
    c.done("agent_intro")
}

/// SSNs, mostly spoken, the cue often after the value.
pub(crate) fn ssn(rng: &mut Rng) -> Sample {
    let mut c = Call::new(rng);
    let d = ssn_digits(rng);
    let written = rng.chance(0.25);
    let v = if written {
        match rng.below(2) {
            0 => format!("{}-{}-{}", &d[..3], &d[3..5], &d[5..]),
            _ => format!("{} {} {}", &d[..3], &d[3..5], &d[5..]),
        }
    } else {
        speak_ssn(rng, &d)
    };
    let put = |c: &mut Call, v: &str| {
        if written {
            c.p("US_SSN", v);
        } else {
            c.sp("US_SSN", v);
        }
    };
    match rng.below(5) {
        0 => {
            c.a("to verify, I'll need the number we have on file for you.");
            c.c("okay, it's ");
            put(&mut c, &v);
            c.x(", that's my social");
        }
        1 => {
            c.a("go ahead whenever you're ready.");
            c.c(uh(rng));
            put(&mut c, &v);
            c.x(" is my social security number");
        }
        2 => {
            c.a("can you verify your social security number?");
            c.c("");
            put(&mut c, &v);
        }
        3 => {
            c.a("what number should I use?");
            c.c("the number is ");
            put(&mut c, &v);
            c.x("... yeah that's the social, not the account number");
        }
        _ => {
            c.c("I can give you my SSN, it's ");
            put(&mut c, &v);
        }
    }
    c.a(rng.item("thank you, that matches.|okay, you're verified.|thanks, one second."));
    c.done("ssn")
}

/// Dates of birth, asked for and answered in the next turn, or with a cue.
pub(crate) fn dob(rng: &mut Rng) -> Sample {
    let mut c = Call::new(rng);
    let (v, spoken) = dob_value(rng);
    let v = if c.lower { v.to_lowercase() } else { v };
    let put = |c: &mut Call, v: &str| {
        if spoken {
            c.sp("DATE_OF_BIRTH", v);
        } else {
            c.p("DATE_OF_BIRTH", v);
        }
    };
    match rng.below(6) {
        0 => {
            c.a(rng.item("and your date of birth?|can you confirm your DOB?|what's your birthday?|date of birth please?"));
            c.c(uh(rng));
            put(&mut c, &v);
        }
        1 => {
            c.a("can I get your date of birth for verification?");
            c.c("it's ");
            put(&mut c, &v);
            c.x(rng.item("|.|, yeah|. I'm getting old"));
        }
        2 => {
            c.a("I'll just need one more detail.");
            c.c("");
            put(&mut c, &v);
            c.x(", that's my birthday, if that's what you need");
        }
        3 => {
            c.c("I was born on ");
            put(&mut c, &v);
            c.x(", if that helps find me");
        }
        4 => {
            c.a("and the patient's date of birth?");
            c.c("she's ");
            put(&mut c, &v);
            c.x(rng.item(". my appointment was on march third though|. we came in last friday"));
        }
        _ => {
            c.a("okay, and the birth date on the policy?");
            c.c("uh let me think... ");
            put(&mut c, &v);
        }
    }
    c.a(rng.item("thank you.|perfect, that matches.|okay, I have you here."));
    c.done("dob")
}
