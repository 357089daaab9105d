//! blind6 contact families: spoken e-mails, spoken phones (digit by digit,
//! "double five", "oh", tens pairs, international), cards read in groups,
//! spoken street addresses (US and other countries), IPs.

use super::spoken::{
    intl_phone, ip as ip_value, speak_card, speak_phone, us_phone_groups, written_us_phone,
};
use super::values::{intl_address, spoken_email, us_address, written_email};
use super::{uh, Call};
use crate::blindgen::{card_digits, group_card, Rng, Sample};

/// Spoken e-mail addresses, asked for or volunteered.
pub(crate) fn email(rng: &mut Rng) -> Sample {
    let mut c = Call::new(rng);
    let v = spoken_email(rng);
    match rng.below(6) {
        0 => {
            c.a("what's the best email for you?");
            c.c(uh(rng)).sp("EMAIL", &v);
        }
        1 => {
            c.a("and an email address for the receipt?");
            c.c("yeah it's ").sp("EMAIL", &v);
        }
        2 => {
            c.c("you can email me at ")
                .sp("EMAIL", &v)
                .x(", I check it every day");
        }
        3 => {
            c.a("can I confirm the email on file?");
            c.c("it should be ")
                .sp("EMAIL", &v)
                .x(rng.item("|, unless my husband changed it| but I don't use it much anymore"));
        }
        4 => {
            c.a("where should I send the confirmation?");
            c.c("send it to ").sp("EMAIL", &v);
            c.a("okay, and is that all lowercase?");
            c.c("yes, all lowercase");
        }
        _ => {
            c.c("my old one was ")
                .sp("EMAIL", &v)
                .x(" but the new one is ");
            let w = spoken_email(rng);
            c.sp("EMAIL", &w);
        }
    }
    c.a(rng.item("got it.|perfect, you'll get it in a few minutes.|thank you, I've updated that."));
    c.done("email")
}

/// Spoken and written phone numbers, US and international, with cues before or after.
pub(crate) fn phone(rng: &mut Rng) -> Sample {
    let mut c = Call::new(rng);
    let (v, spoken) = match rng.below(10) {
        0..=5 => {
            let g = us_phone_groups(rng);
            let mut groups: Vec<String> = g.to_vec();
            if rng.chance(0.1) {
                groups[0] = "800".to_string();
            }
            let mut v = speak_phone(rng, &groups);
            if rng.chance(0.12) {
                v = format!("one {v}");
            }
            (v, true)
        }
        6 | 7 => {
            let (groups, prefix, _) = intl_phone(rng);
            let body = speak_phone(rng, &groups);
            if rng.chance(0.6) {
                (
                    format!(
                        "{prefix} {}",
                        body.trim_start_matches("zero ").trim_start_matches("oh ")
                    ),
                    true,
                )
            } else {
                (body, true)
            }
        }
        _ => {
            let g = us_phone_groups(rng);
            (written_us_phone(rng, &g), false)
        }
    };
    let put = |c: &mut Call, v: &str| {
        if spoken {
            c.sp("PHONE", v);
        } else {
            c.p("PHONE", v);
        }
    };
    match rng.below(7) {
        0 => {
            c.a("what's a good callback number?");
            c.c(uh(rng));
            put(&mut c, &v);
        }
        1 => {
            c.a("and the phone number on the account?");
            c.c("it's ");
            put(&mut c, &v);
        }
        2 => {
            c.c("");
            put(&mut c, &v);
            c.x(rng.item(", that's my cell| is the best number to reach me|, that's my work line"));
        }
        3 => {
            c.c("you can text me at ");
            put(&mut c, &v);
            c.x(" anytime after five");
        }
        4 => {
            c.a("can you repeat the number?");
            c.c("sure, ");
            put(&mut c, &v);
        }
        5 => {
            c.c("my husband's number is ");
            put(&mut c, &v);
            c.x(" if you can't get hold of me");
        }
        _ => {
            c.a("is there a number where we can reach you?");
            c.c("yeah, uh, ");
            put(&mut c, &v);
            c.x(rng.item(", extension four| or my landline|, either is fine"));
        }
    }
    c.a(rng.item(
        "thanks, I've got that down.|okay, perfect.|great, we'll call you back within the hour.",
    ));
    c.done("phone")
}

/// Card numbers read in groups, the expiry and CVV said around them (not labelled).
pub(crate) fn card(rng: &mut Rng) -> Sample {
    let mut c = Call::new(rng);
    let d = card_digits(rng);
    let grouped = group_card(&d, " ");
    c.a(rng.item("go ahead with the card number when you're ready.|what's the card number?|and the long number on the front?"));
    if rng.chance(0.75) {
        let v = speak_card(rng, &grouped);
        c.c(uh(rng)).sp("CREDIT_CARD", &v);
    } else {
        c.c("it's ").p("CREDIT_CARD", &grouped);
    }
    if rng.chance(0.5) {
        c.a("and the expiration?");
        c.c(rng.item("oh nine twenty seven|twelve twenty six|it's 04/28|march of twenty nine"));
    }
    c.a(rng.item(
        "thank you, that's processed.|okay, the payment went through.|great, you're all set.",
    ));
    c.done("card")
}

/// Street addresses, spoken (US, number words and spoken ZIP) or written, and non-US.
pub(crate) fn address(rng: &mut Rng) -> Sample {
    let mut c = Call::new(rng);
    let lower = c.lower;
    let (v, spoken) = if rng.chance(0.7) {
        us_address(rng, lower)
    } else {
        (intl_address(rng, lower), false)
    };
    let put = |c: &mut Call, v: &str| {
        if spoken {
            c.sp("STREET_ADDRESS", v);
        } else {
            c.p("STREET_ADDRESS", v);
        }
    };
    match rng.below(6) {
        0 => {
            c.a("what's the service address?");
            c.c(uh(rng));
            put(&mut c, &v);
        }
        1 => {
            c.a("and where should we ship it?");
            c.c("to my house, ");
            put(&mut c, &v);
        }
        2 => {
            c.c("I live at ");
            put(&mut c, &v);
            c.x(", it's the blue house on the corner");
        }
        3 => {
            c.a("can you confirm the billing address?");
            c.c("it's ");
            put(&mut c, &v);
            c.x(rng.item("|.| I think| but we're moving next month"));
        }
        4 => {
            c.c("we moved, the new address is ");
            put(&mut c, &v);
        }
        _ => {
            c.a("where is the technician going?");
            c.c("");
            put(&mut c, &v);
            c.x(", the gate code is nine nine one");
        }
    }
    c.a(rng.item(
        "thank you, I've updated the address.|okay, it'll arrive in three to five days.|got it.",
    ));
    c.done("address")
}

/// IP addresses given to tech support, spoken or written, with other numbers around.
pub(crate) fn ip(rng: &mut Rng) -> Sample {
    let mut c = Call::new(rng);
    let (w, s) = ip_value(rng);
    c.a(rng.item("can you read me the IP address on that screen?|what IP does it show?|okay, what's the address under connection details?"));
    if rng.chance(0.7) {
        c.c(uh(rng)).sp("IP_ADDRESS", &s);
    } else {
        c.c("it says ").p("IP_ADDRESS", &w);
    }
    c.x(rng.item("|, and the lights are green|, and it's running firmware three point two|. the router is on channel eleven"));
    if rng.chance(0.3) {
        c.a("and you can email the logs to ");
        let e = written_email(rng);
        c.p("EMAIL", &e);
    }
    c.a("okay, let's restart it and wait two minutes.");
    c.done("ip")
}
