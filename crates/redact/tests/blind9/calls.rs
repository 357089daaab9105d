//! Calls with PII of blind corpus 9: identity checks, contact updates,
//! payments, claims, appointments, bookings, service starts, benefits; values
//! said with disfluencies and corrections, split over turns, read back by the
//! agent, and written into summaries and tool calls.

use super::clean::{agent_filler, caller_filler, BRANDS, PLACES};
use super::values::{
    address_val, card_val, dob_val, domain_spoken, email, email_spoken, email_val, expiry,
    iban_val, ip_val, local_spoken, nm, person, phone, phone_corrected, phone_spoken, phone_val,
    speak_run, spell_alphabet, spell_letters, ssn_val, us_phone, Person, Val,
};
use super::Call;
use crate::blindgen::{card_digits, group_card, ssn_digits, Rng, Sample};

const P: &str = "PERSON";
const E: &str = "EMAIL";
const PH: &str = "PHONE";
const CC: &str = "CREDIT_CARD";
const SSN: &str = "US_SSN";
const DOB: &str = "DATE_OF_BIRTH";
const AD: &str = "STREET_ADDRESS";
const IB: &str = "IBAN";
const IP: &str = "IP_ADDRESS";

const FILLERS: &str = "uh |um |so |okay |yeah |sorry |well |hmm |";

fn um(rng: &mut Rng) -> &'static str {
    rng.item(FILLERS)
}

fn g(l: bool, p: &Person) -> Val {
    nm(l, &p.given)
}

fn s(l: bool, p: &Person) -> Val {
    nm(l, &p.surname)
}

fn full(l: bool, p: &Person) -> Val {
    nm(l, &format!("{} {}", p.given, p.surname))
}

/// Spelled letters as cased ASR writes them (capitals), or STT (lower case).
fn caps(lower: bool, s: String) -> String {
    if lower {
        s
    } else {
        s.split(' ')
            .map(|w| {
                if w.len() == 1 {
                    w.to_uppercase()
                } else {
                    w.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn said(s: String) -> Val {
    Val { s, spoken: true }
}

// ---------------------------------------------------------------- openings

/// The agent's greeting, with its own name about half the time.
fn greet(rng: &mut Rng, c: &mut Call, company: &str) {
    let l = c.lower;
    if rng.chance(0.5) {
        let ag = person(rng);
        match rng.below(5) {
            0 => c
                .a(&format!("thank you for calling {company} this is "))
                .v(P, &g(l, &ag))
                .t(" how can I help you"),
            1 => c
                .a(&format!("{company} my name is "))
                .v(P, &g(l, &ag))
                .t(" may I have your name please"),
            2 => c
                .a("hi you've reached ")
                .v(P, &full(l, &ag))
                .t(&format!(" at {company} who am I speaking with")),
            3 => c
                .a(&format!("good morning {company} "))
                .v(P, &g(l, &ag))
                .t(" speaking"),
            _ => c
                .a(&format!("hello and welcome to {company} I'm "))
                .v(P, &g(l, &ag))
                .t(" your virtual assistant"),
        };
    } else {
        let s = match rng.below(4) {
            0 => format!("thank you for calling {company} how can I help you today"),
            1 => format!("{company} customer care what can I do for you"),
            2 => format!("hi this is the {company} virtual assistant I can help with most things"),
            _ => format!("welcome to {company} this call may be recorded"),
        };
        c.a(&s);
    }
}

/// The caller gives a name; returns nothing, the spans are in the call.
fn give_name(rng: &mut Rng, c: &mut Call, p: &Person) {
    let l = c.lower;
    let f = um(rng);
    match rng.below(13) {
        0 => c.u(&format!("{f}hi my name is ")).v(P, &full(l, p)),
        1 => c
            .u("yeah hi this is ")
            .v(P, &full(l, p))
            .t(" I'm calling about my account"),
        2 => c.u(&format!("{f}it's ")).v(P, &full(l, p)),
        3 => c.u("").v(P, &full(l, p)).t(" speaking"),
        4 => c.u("hi ").v(P, &g(l, p)).t(" here"),
        5 => c
            .u("first name ")
            .v(P, &g(l, p))
            .t(" last name ")
            .v(P, &s(l, p)),
        6 => {
            c.u("it's ").v(P, &full(l, p));
            c.a("could you spell the last name for me");
            let sp = caps(l, spell_letters(rng, &p.surname));
            c.u(&format!("{f}sure ")).v(P, &said(sp))
        }
        7 => {
            c.u("the account's under ").v(P, &s(l, p));
            let sp = spell_alphabet(rng, &p.surname);
            c.t(" that's ").v(P, &said(sp))
        }
        8 => c
            .u("yes hello I'm ")
            .v(P, &g(l, p))
            .t(&format!(" {}", rng.item("uh|um|sorry")))
            .t(" ")
            .v(P, &full(l, p)),
        9 => {
            let sp = caps(l, spell_letters(rng, &p.given));
            c.u("my name's ").v(P, &g(l, p)).t(" ").v(P, &said(sp))
        }
        10 => c.u("uh the name on the account is ").v(P, &full(l, p)),
        11 => {
            c.u("yeah it's ").v(P, &s(l, p));
            c.a("and the first name");
            c.u("").v(P, &g(l, p))
        }
        _ => c
            .u("last name ")
            .v(P, &s(l, p))
            .t(" first name ")
            .v(P, &g(l, p)),
    };
}

/// The agent addresses the caller by name later in the call.
fn address_by_name(rng: &mut Rng, c: &mut Call, p: &Person) {
    let l = c.lower;
    match rng.below(5) {
        0 => c
            .a("thank you ")
            .v(P, &g(l, p))
            .t(" I've got your account up"),
        1 => c
            .a(&format!("okay {} ", rng.item("mr|mrs|ms|dr")))
            .v(P, &s(l, p))
            .t(" I just need to verify a few things"),
        2 => c.a("alright ").v(P, &g(l, p)).t(" is there anything else"),
        3 => c.a("perfect thanks ").v(P, &full(l, p)),
        _ => c.a("have a great day ").v(P, &g(l, p)),
    };
}

// ---------------------------------------------------------------- values in turns

fn give_email(rng: &mut Rng, c: &mut Call, p: &Person) {
    let l = c.lower;
    let sp_p = if l { 0.75 } else { 0.45 };
    match rng.below(9) {
        0 => c.u("my email is ").v(E, &email_val(rng, p, sp_p)),
        1 => c
            .u(&format!("{}it's ", um(rng)))
            .v(E, &email_val(rng, p, sp_p)),
        2 => {
            c.a("what's the best email for you");
            c.u("").v(E, &email_val(rng, p, sp_p))
        }
        3 => {
            let a = email(rng, p);
            c.u("send it to ").v(E, &said(email_spoken(rng, &a)));
            c.a("so that's ")
                .v(
                    E,
                    &Val {
                        s: a.clone(),
                        spoken: false,
                    },
                )
                .t(" correct");
            c.u("yes")
        }
        4 => {
            let a = email(rng, p);
            let (loc, dom) = a.split_once('@').unwrap_or((&a, "gmail.com"));
            let loc_said = local_spoken(rng, loc, false);
            let dom_said = format!("at {}", domain_spoken(rng, dom));
            c.u("okay it's ").v(E, &said(loc_said));
            c.a("uh huh");
            c.u("").v(E, &said(dom_said))
        }
        5 => {
            let a = email(rng, p);
            let (loc, dom) = a.split_once('@').unwrap_or((&a, "gmail.com"));
            let spelled = format!(
                "{} at {}",
                local_spoken(rng, loc, true),
                domain_spoken(rng, dom)
            );
            c.u("the email is ").v(E, &said(spelled))
        }
        6 => c
            .u("can you update my email to ")
            .v(E, &email_val(rng, p, sp_p))
            .t(" the old one doesn't work"),
        7 => c
            .u("you can reach me at ")
            .v(E, &email_val(rng, p, sp_p))
            .t(" that's my work one"),
        _ => c
            .u("email address ")
            .v(E, &email_val(rng, p, sp_p))
            .t(" all lowercase"),
    };
}

fn give_phone(rng: &mut Rng, c: &mut Call) {
    let l = c.lower;
    let sp_p = if l { 0.7 } else { 0.4 };
    match rng.below(11) {
        0 => c.u("my number is ").v(PH, &phone_val(rng, l, sp_p)),
        1 => c
            .u(&format!("{}it's ", um(rng)))
            .v(PH, &phone_val(rng, l, sp_p)),
        2 => {
            c.a("what's a good callback number");
            c.u("").v(PH, &phone_val(rng, l, sp_p))
        }
        3 => c
            .u("you can call me back on ")
            .v(PH, &phone_val(rng, l, sp_p))
            .t(" after five"),
        4 => c.u("my cell is ").v(PH, &phone_corrected(rng)),
        5 => {
            let ph = us_phone(rng);
            let g0 = speak_run(rng, &ph.groups[0], false);
            let rest: Vec<String> = ph.groups[1..]
                .iter()
                .map(|x| speak_run(rng, x, true))
                .collect();
            c.u("it's ").v(PH, &said(g0.clone()));
            c.a("").v(PH, &said(g0)).t(" yes");
            c.u("").v(PH, &said(rest.join(" ")))
        }
        6 => {
            let ph = phone(rng);
            let spoken = phone_spoken(rng, &ph);
            c.u("the new number is ").v(PH, &said(spoken));
            let back = format!(
                "{}{}",
                if ph.cc == "1" {
                    String::new()
                } else {
                    format!("+{} ", ph.cc)
                },
                ph.groups.join(" ")
            );
            c.a("let me read that back ").v(
                PH,
                &Val {
                    s: back,
                    spoken: false,
                },
            );
            c.u("that's right")
        }
        7 => {
            let ph = phone(rng);
            let digits = speak_run(rng, &ph.groups.concat(), false);
            let e = rng.digits(3);
            let ext = format!("{} extension {}", digits, speak_run(rng, &e, false));
            c.u("the office line is ").v(PH, &said(ext))
        }
        8 => c
            .u("text me at ")
            .v(PH, &phone_val(rng, l, sp_p))
            .t(" I don't pick up unknown numbers"),
        9 => c
            .u("I want to port my number ")
            .v(PH, &phone_val(rng, l, sp_p))
            .t(" over from my old carrier"),
        _ => c
            .u("my husband's number is ")
            .v(PH, &phone_val(rng, l, sp_p))
            .t(" if you can't reach me"),
    };
}

fn give_card(rng: &mut Rng, c: &mut Call) {
    let l = c.lower;
    let sp_p = if l { 0.75 } else { 0.4 };
    match rng.below(7) {
        0 => c
            .u("okay the card number is ")
            .v(CC, &card_val(rng, l, sp_p)),
        1 => {
            let exp = expiry(rng, l);
            c.u(&format!("{}it's ", um(rng)))
                .v(CC, &card_val(rng, l, sp_p))
                .t(&format!(" expiration {exp}"))
        }
        2 => {
            c.a("go ahead with the card number whenever you're ready");
            c.u("").v(CC, &card_val(rng, l, sp_p))
        }
        3 => {
            let d = card_digits(rng);
            let grp = group_card(&d, " ");
            let parts: Vec<&str> = grp.split(' ').collect();
            let first: Vec<String> = parts[..2]
                .iter()
                .map(|x| speak_run(rng, x, false))
                .collect();
            let last: Vec<String> = parts[2..]
                .iter()
                .map(|x| speak_run(rng, x, false))
                .collect();
            c.u("it's ").v(CC, &said(first.join(" ")));
            c.a("okay");
            c.u("").v(CC, &said(last.join(" ")))
        }
        4 => {
            let exp = expiry(rng, true);
            c.u("visa ")
                .v(CC, &card_val(rng, l, sp_p))
                .t(&format!(" and it expires {exp}"))
        }
        5 => c
            .u("can you charge the card ")
            .v(CC, &card_val(rng, l, sp_p))
            .t(" for the full amount"),
        _ => {
            c.u("use my other card sorry ")
                .v(CC, &card_val(rng, l, sp_p));
            c.a("and the expiry");
            let exp = expiry(rng, l);
            c.u(&exp)
        }
    };
}

fn give_ssn(rng: &mut Rng, c: &mut Call) {
    let sp_p = if c.lower { 0.75 } else { 0.45 };
    match rng.below(7) {
        0 => c.u("my social is ").v(SSN, &ssn_val(rng, sp_p)),
        1 => {
            c.a("for verification can I get your social security number");
            c.u(&format!("{}yeah it's ", um(rng)))
                .v(SSN, &ssn_val(rng, sp_p))
        }
        2 => c.u("social security ").v(SSN, &ssn_val(rng, sp_p)),
        3 => {
            let d = ssn_digits(rng);
            c.u("the first three are ")
                .v(SSN, &said(speak_run(rng, &d[..3], true)));
            c.a("okay");
            let tail = format!(
                "{} {}",
                speak_run(rng, &d[3..5], true),
                speak_run(rng, &d[5..], true)
            );
            c.u("then ").v(SSN, &said(tail))
        }
        4 => c
            .u("SSN ")
            .v(SSN, &ssn_val(rng, sp_p))
            .t(" do you need the card too"),
        5 => c
            .u("it's ")
            .v(SSN, &ssn_val(rng, sp_p))
            .t(" that's my social"),
        _ => c.u("my wife's social is ").v(SSN, &ssn_val(rng, sp_p)),
    };
}

fn give_dob(rng: &mut Rng, c: &mut Call) {
    let l = c.lower;
    let sp_p = if l { 0.7 } else { 0.4 };
    match rng.below(9) {
        0 => c.u("my date of birth is ").v(DOB, &dob_val(rng, l, sp_p)),
        1 => c.u("I was born on ").v(DOB, &dob_val(rng, l, sp_p)),
        2 => {
            c.a("and can you confirm your date of birth");
            c.u(um(rng)).v(DOB, &dob_val(rng, l, sp_p))
        }
        3 => c.u("birthday is ").v(DOB, &dob_val(rng, l, sp_p)),
        4 => c.u("DOB ").v(DOB, &dob_val(rng, l, sp_p)),
        5 => {
            c.a("date of birth please");
            c.u("")
                .v(DOB, &dob_val(rng, l, sp_p))
                .t(" no wait ")
                .v(DOB, &dob_val(rng, l, sp_p))
        }
        6 => c.u("born ").v(DOB, &dob_val(rng, l, sp_p)),
        7 => c
            .u("his birthday is ")
            .v(DOB, &dob_val(rng, l, sp_p))
            .t(" he's my son"),
        _ => c
            .u("it's ")
            .v(DOB, &dob_val(rng, l, sp_p))
            .t(" my birthday"),
    };
}

fn give_address(rng: &mut Rng, c: &mut Call) {
    let l = c.lower;
    let sp_p = if l { 0.7 } else { 0.35 };
    match rng.below(8) {
        0 => c.u("the address is ").v(AD, &address_val(rng, l, sp_p)),
        1 => c.u("I live at ").v(AD, &address_val(rng, l, sp_p)),
        2 => {
            c.a("what's the service address");
            c.u(um(rng)).v(AD, &address_val(rng, l, sp_p))
        }
        3 => c
            .u("ship it to ")
            .v(AD, &address_val(rng, l, sp_p))
            .t(" please"),
        4 => c.u("we just moved to ").v(AD, &address_val(rng, l, sp_p)),
        5 => c
            .u("my billing address is ")
            .v(AD, &address_val(rng, l, sp_p))
            .t(" same as before"),
        6 => c
            .u("the new place is ")
            .v(AD, &address_val(rng, l, sp_p))
            .t(" can you update it"),
        _ => c.u("send the tech to ").v(AD, &address_val(rng, l, sp_p)),
    };
}

fn third_party(rng: &mut Rng, c: &mut Call) {
    let l = c.lower;
    let q = person(rng);
    match rng.below(10) {
        0 => c
            .u(&format!(
                "can you add my {} ",
                rng.item("wife|husband|partner")
            ))
            .v(P, &full(l, &q))
            .t(" as an authorized user"),
        1 => c.u("doctor ").v(P, &s(l, &q)).t(" referred me"),
        2 => c
            .u("my landlord ")
            .v(P, &full(l, &q))
            .t(" says the meter is in my name"),
        3 => c
            .a("I'll transfer you to my colleague ")
            .v(P, &g(l, &q))
            .t(" in billing"),
        4 => c
            .u("the account holder was my father ")
            .v(P, &full(l, &q))
            .t(" he passed last year"),
        5 => c
            .u("I'm calling for my mom ")
            .v(P, &full(l, &q))
            .t(" she's right here"),
        6 => c
            .a("I'll book you with Dr ")
            .v(P, &full(l, &q))
            .t(" at the Madison clinic"),
        7 => c.u("it was a gift for ").v(P, &g(l, &q)).t(" my niece"),
        8 => c
            .u("the adjuster ")
            .v(P, &full(l, &q))
            .t(" never called me back"),
        _ => c
            .u("please put ")
            .v(P, &g(l, &q))
            .t(" on the reservation too her last name is ")
            .v(P, &s(l, &q)),
    };
}

fn give_iban(rng: &mut Rng, c: &mut Call) {
    let sp_p = if c.lower { 0.5 } else { 0.25 };
    match rng.below(3) {
        0 => c.u("the IBAN is ").v(IB, &iban_val(rng, sp_p)),
        1 => c
            .u("send it to ")
            .v(IB, &iban_val(rng, sp_p))
            .t(" that's my account in Europe"),
        _ => {
            c.a("please read the international account number");
            c.u("").v(IB, &iban_val(rng, sp_p))
        }
    };
}

fn give_ip(rng: &mut Rng, c: &mut Call) {
    match rng.below(3) {
        0 => c
            .u("the router says its address is ")
            .v(IP, &ip_val(rng, 0.6)),
        1 => c
            .a("I see the modem at ")
            .v(IP, &ip_val(rng, 0.3))
            .t(" is offline"),
        _ => c
            .u("it's trying to reach ")
            .v(IP, &ip_val(rng, 0.5))
            .t(" and timing out"),
    };
}

// ---------------------------------------------------------------- call families

fn pad(rng: &mut Rng, c: &mut Call) {
    if rng.chance(0.55) {
        if rng.chance(0.5) {
            agent_filler(rng, c);
        } else {
            caller_filler(rng, c);
        }
    }
}

fn banking(rng: &mut Rng, c: &mut Call) -> &'static str {
    let p = person(rng);
    greet(rng, c, "Northwind Bank");
    give_name(rng, c, &p);
    pad(rng, c);
    match rng.below(4) {
        0 => {
            c.a("for security can you confirm your date of birth");
            give_dob(rng, c);
            address_by_name(rng, c, &p);
            c.u(&format!(
                "I need to dispute a charge from {}",
                rng.item(BRANDS)
            ));
        }
        1 => {
            give_ssn(rng, c);
            pad(rng, c);
            give_address(rng, c);
        }
        2 => {
            c.u("I want to send money to my brother overseas");
            give_iban(rng, c);
            c.a("and the beneficiary name");
            let q = person(rng);
            let l = c.lower;
            c.u("").v(P, &full(l, &q));
        }
        _ => {
            give_dob(rng, c);
            c.a("thank you and the phone number on file");
            give_phone(rng, c);
        }
    }
    "bank"
}

fn telecom(rng: &mut Rng, c: &mut Call) -> &'static str {
    let p = person(rng);
    greet(rng, c, "Bluepeak Wireless");
    match rng.below(4) {
        0 => {
            give_phone(rng, c);
            give_name(rng, c, &p);
            pad(rng, c);
            give_email(rng, c, &p);
        }
        1 => {
            give_name(rng, c, &p);
            c.u("the internet is down again");
            give_ip(rng, c);
            pad(rng, c);
        }
        2 => {
            c.u("I want to add a line for my daughter");
            third_party(rng, c);
            give_phone(rng, c);
        }
        _ => {
            give_name(rng, c, &p);
            address_by_name(rng, c, &p);
            give_address(rng, c);
            give_card(rng, c);
        }
    }
    "telecom"
}

fn insurance(rng: &mut Rng, c: &mut Call) -> &'static str {
    let p = person(rng);
    greet(rng, c, "Harbor Mutual");
    give_name(rng, c, &p);
    match rng.below(3) {
        0 => {
            give_dob(rng, c);
            c.u(&format!(
                "I'm filing a claim for the water damage from {}",
                rng.item("last week|the storm|Tuesday")
            ));
            give_address(rng, c);
        }
        1 => {
            third_party(rng, c);
            pad(rng, c);
            give_phone(rng, c);
        }
        _ => {
            give_ssn(rng, c);
            give_dob(rng, c);
            pad(rng, c);
        }
    }
    "insurance"
}

fn health(rng: &mut Rng, c: &mut Call) -> &'static str {
    let p = person(rng);
    let l = c.lower;
    greet(rng, c, "Cedar Valley Health");
    match rng.below(4) {
        0 => {
            give_name(rng, c, &p);
            give_dob(rng, c);
            let dr = person(rng);
            c.u("I need to see doctor ")
                .v(P, &s(l, &dr))
                .t(" next week");
            pad(rng, c);
        }
        1 => {
            c.u("I'm calling to schedule for my child ")
                .v(P, &full(l, &p));
            c.a("and his date of birth");
            c.u("").v(DOB, &dob_val(rng, l, 0.6));
            give_phone(rng, c);
        }
        2 => {
            give_name(rng, c, &p);
            c.a("can I get the patient's birthday");
            c.u("").v(DOB, &dob_val(rng, l, 0.6));
            give_email(rng, c, &p);
        }
        _ => {
            give_name(rng, c, &p);
            third_party(rng, c);
            give_address(rng, c);
        }
    }
    "health"
}

fn travel(rng: &mut Rng, c: &mut Call) -> &'static str {
    let p = person(rng);
    let l = c.lower;
    greet(rng, c, "Skyline Air");
    match rng.below(4) {
        0 => {
            give_name(rng, c, &p);
            c.a("and the email on the booking");
            give_email(rng, c, &p);
            pad(rng, c);
        }
        1 => {
            let q = person(rng);
            c.u("I'm booking for two me and ").v(P, &full(l, &q));
            give_name(rng, c, &p);
            give_card(rng, c);
        }
        2 => {
            c.a("the passenger name exactly as on the passport please");
            let sp = caps(l, spell_letters(rng, &p.surname));
            c.u("").v(P, &full(l, &p)).t(" ").v(P, &said(sp));
            give_dob(rng, c);
        }
        _ => {
            give_name(rng, c, &p);
            c.u(&format!("the flight from {} got moved", rng.item(PLACES)));
            give_phone(rng, c);
        }
    }
    "travel"
}

fn utility(rng: &mut Rng, c: &mut Call) -> &'static str {
    let p = person(rng);
    greet(rng, c, "Tri-County Power");
    give_name(rng, c, &p);
    match rng.below(3) {
        0 => {
            c.u("I'm starting service at a new place");
            give_address(rng, c);
            c.a("we need a social for the credit check");
            give_ssn(rng, c);
        }
        1 => {
            give_address(rng, c);
            pad(rng, c);
            give_phone(rng, c);
        }
        _ => {
            c.a("I can set up autopay now");
            give_card(rng, c);
            give_email(rng, c, &p);
        }
    }
    "utility"
}

fn ecommerce(rng: &mut Rng, c: &mut Call) -> &'static str {
    let p = person(rng);
    greet(rng, c, "ShopNest");
    match rng.below(3) {
        0 => {
            give_email(rng, c, &p);
            pad(rng, c);
            give_address(rng, c);
        }
        1 => {
            give_name(rng, c, &p);
            give_card(rng, c);
            address_by_name(rng, c, &p);
        }
        _ => {
            c.u("I never got my order");
            give_name(rng, c, &p);
            give_address(rng, c);
            give_phone(rng, c);
        }
    }
    "ecommerce"
}

fn government(rng: &mut Rng, c: &mut Call) -> &'static str {
    let p = person(rng);
    greet(rng, c, "County Social Services");
    give_name(rng, c, &p);
    match rng.below(3) {
        0 => {
            give_ssn(rng, c);
            give_dob(rng, c);
        }
        1 => {
            give_dob(rng, c);
            give_address(rng, c);
            address_by_name(rng, c, &p);
        }
        _ => {
            c.u("I'm calling about my benefits letter");
            give_ssn(rng, c);
            pad(rng, c);
            give_phone(rng, c);
        }
    }
    "government"
}

/// Short snippets: a single exchange, as a streaming segment would store it.
fn snippet(rng: &mut Rng, c: &mut Call) -> &'static str {
    let p = person(rng);
    match rng.below(9) {
        0 => give_name(rng, c, &p),
        1 => give_email(rng, c, &p),
        2 => give_phone(rng, c),
        3 => give_card(rng, c),
        4 => give_ssn(rng, c),
        5 => give_dob(rng, c),
        6 => give_address(rng, c),
        7 => third_party(rng, c),
        _ => {
            greet(rng, c, "Bluepeak Wireless");
            if c.x.gold.is_empty() {
                give_phone(rng, c);
            }
        }
    }
    "snippet"
}

/// Disfluent caller turns with restarts and values inside.
fn disfluent(rng: &mut Rng, c: &mut Call) -> &'static str {
    let p = person(rng);
    let l = c.lower;
    match rng.below(5) {
        0 => {
            c.u("um yeah so it's uh ")
                .v(P, &full(l, &p))
                .t(" and uh the the number is ")
                .v(PH, &phone_val(rng, l, 0.8));
        }
        1 => {
            let a = email(rng, &p);
            c.u("my email it's uh ")
                .v(E, &said(email_spoken(rng, &a)))
                .t(" no wait I mean ")
                .v(E, &said(email_spoken(rng, &a)));
        }
        2 => {
            c.u("I was born in uh ")
                .v(DOB, &dob_val(rng, l, 1.0))
                .t(" sorry I mean ")
                .v(DOB, &dob_val(rng, l, 1.0));
        }
        3 => {
            c.a("sorry I didn't catch the last four");
            let d = card_digits(rng);
            let grp = group_card(&d, " ");
            let last = grp.rsplit(' ').next().unwrap_or("0000").to_string();
            c.u("the whole thing is ")
                .v(CC, &said(speak_run(rng, &d, true)))
                .t(" so the last group is ")
                .v(CC, &said(speak_run(rng, &last, false)));
        }
        _ => {
            c.u("hi this is ")
                .v(P, &g(l, &p))
                .t(" oh sorry ")
                .v(P, &full(l, &p))
                .t(" I called earlier about the um the bill");
            c.a("yes ").v(P, &g(l, &p)).t(" I have the notes here");
        }
    }
    "disfluent"
}

/// The agent's written summary of a call.
fn summary(rng: &mut Rng) -> Sample {
    let mut c = Call::with_case(rng, false);
    let p = person(rng);
    let name = Val {
        s: format!("{} {}", p.given, p.surname),
        spoken: false,
    };
    let ph = phone(rng);
    let phw = Val {
        s: format!("+{}{}", ph.cc, ph.groups.concat()),
        spoken: false,
    };
    match rng.below(6) {
        0 => {
            c.t("Call summary: ")
                .v(P, &name)
                .t(" (DOB ")
                .v(DOB, &dob_val(rng, false, 0.0))
                .t(") called about a billing dispute. Callback: ")
                .v(PH, &phw)
                .t(".");
        }
        1 => {
            c.t("Summary - caller ")
                .v(P, &name)
                .t(" updated email to ")
                .v(
                    E,
                    &Val {
                        s: email(rng, &p),
                        spoken: false,
                    },
                )
                .t(" and mailing address to ")
                .v(AD, &address_val(rng, false, 0.0))
                .t(". No further action.");
        }
        2 => {
            c.t("Agent notes: verified ")
                .v(P, &name)
                .t(" with SSN ")
                .v(SSN, &ssn_val(rng, 0.0))
                .t(" and date of birth ")
                .v(DOB, &dob_val(rng, false, 0.0))
                .t("; new card requested.");
        }
        3 => {
            let q = person(rng);
            c.t("Recap: ")
                .v(
                    P,
                    &Val {
                        s: p.given.clone(),
                        spoken: false,
                    },
                )
                .t(" wants appointment with Dr. ")
                .v(
                    P,
                    &Val {
                        s: q.surname.clone(),
                        spoken: false,
                    },
                )
                .t(&format!(
                    " on {}. Reminder text to ",
                    rng.item("Monday|Thursday|the 14th")
                ))
                .v(
                    PH,
                    &Val {
                        s: super::values::phone_written(rng, &ph, false),
                        spoken: false,
                    },
                )
                .t(".");
        }
        4 => {
            c.t("Summary: customer ")
                .v(P, &name)
                .t(" paid with card ")
                .v(CC, &card_val(rng, false, 0.0))
                .t(&format!(
                    " exp {}; amount ${}.{:02}.",
                    expiry(rng, false),
                    rng.range(20, 900),
                    rng.range(0, 99)
                ));
        }
        _ => {
            c.t("Handoff note: ")
                .v(P, &name)
                .t(" reports outage at ")
                .v(AD, &address_val(rng, false, 0.0))
                .t(". Router WAN IP ")
                .v(IP, &ip_val(rng, 0.0))
                .t(". Ticket escalated.");
        }
    }
    c.done("summary")
}

/// Tool-call arguments written by the agent.
fn tool_call(rng: &mut Rng) -> Sample {
    let mut c = Call::with_case(rng, false);
    let p = person(rng);
    let name = Val {
        s: format!("{} {}", p.given, p.surname),
        spoken: false,
    };
    let ph = phone(rng);
    let phw = Val {
        s: format!("+{}{}", ph.cc, ph.groups.concat()),
        spoken: false,
    };
    match rng.below(6) {
        0 => {
            c.t("lookup_customer({\"full_name\": \"")
                .v(P, &name)
                .t("\", \"phone\": \"")
                .v(PH, &phw)
                .t("\"})");
        }
        1 => {
            c.t("{\"tool\": \"verify_identity\", \"args\": {\"last_name\": \"")
                .v(
                    P,
                    &Val {
                        s: p.surname.clone(),
                        spoken: false,
                    },
                )
                .t("\", \"dob\": \"")
                .v(DOB, &dob_val(rng, false, 0.0))
                .t("\", \"ssn\": \"")
                .v(SSN, &ssn_val(rng, 0.0))
                .t("\"}}");
        }
        2 => {
            c.t("update_contact(customer_id=\"C")
                .t(&rng.digits(7))
                .t("\", email=\"")
                .v(
                    E,
                    &Val {
                        s: email(rng, &p),
                        spoken: false,
                    },
                )
                .t("\", phone=\"")
                .v(PH, &phw)
                .t("\")");
        }
        3 => {
            c.t("charge_card(amount=")
                .t(&format!("{}.{:02}", rng.range(10, 600), rng.range(0, 99)))
                .t(", card_number=\"")
                .v(
                    CC,
                    &Val {
                        s: card_digits(rng),
                        spoken: false,
                    },
                )
                .t("\", exp=\"")
                .t(&expiry(rng, false))
                .t("\")");
        }
        4 => {
            c.t("schedule_service({\"address\": \"")
                .v(AD, &address_val(rng, false, 0.0))
                .t("\", \"contact\": \"")
                .v(P, &name)
                .t("\", \"window\": \"8-12\"})");
        }
        _ => {
            c.t("create_transfer(beneficiary=\"")
                .v(P, &name)
                .t("\", iban=\"")
                .v(IB, &iban_val(rng, 0.0))
                .t(&format!("\", amount_eur={})", rng.range(50, 5000)));
        }
    }
    c.done("tool_call")
}

/// A voicemail auto-transcript.
fn voicemail(rng: &mut Rng) -> Sample {
    let mut c = Call::new(rng);
    let p = person(rng);
    let l = c.lower;
    match rng.below(4) {
        0 => {
            c.t("voicemail from ")
                .v(P, &full(l, &p))
                .t(" hi it's me please call me back at ")
                .v(PH, &phone_val(rng, l, 0.6))
                .t(" thanks bye");
        }
        1 => {
            c.t("hey this message is for ")
                .v(P, &g(l, &p))
                .t(" this is ")
                .v(P, &full(l, &person(rng)))
                .t(" from the leasing office call me at ")
                .v(PH, &phone_val(rng, l, 0.5));
        }
        2 => {
            c.t("hi um this is ")
                .v(P, &g(l, &p))
                .t(" again my email is ")
                .v(E, &email_val(rng, &p, 0.8))
                .t(" if that's easier");
        }
        _ => {
            c.t("message left at ")
                .t(&format!("{}:{:02}", rng.range(1, 12), rng.range(0, 59)))
                .t(" caller ")
                .v(P, &full(l, &p))
                .t(" number ")
                .v(PH, &phone_val(rng, l, 0.3));
        }
    }
    c.done("voicemail")
}

/// A text with PII.
pub(crate) fn text(rng: &mut Rng) -> Sample {
    let r = rng.below(30);
    match r {
        0 | 1 => return summary(rng),
        2 | 3 => return tool_call(rng),
        4 => return voicemail(rng),
        _ => {}
    }
    let mut c = Call::new(rng);
    let kind = match r {
        5..=7 => banking(rng, &mut c),
        8..=10 => telecom(rng, &mut c),
        11 | 12 => insurance(rng, &mut c),
        13..=15 => health(rng, &mut c),
        16 | 17 => travel(rng, &mut c),
        18 | 19 => utility(rng, &mut c),
        20 | 21 => ecommerce(rng, &mut c),
        22 | 23 => government(rng, &mut c),
        24..=26 => snippet(rng, &mut c),
        _ => disfluent(rng, &mut c),
    };
    if rng.chance(0.3) {
        pad(rng, &mut c);
    }
    c.done(kind)
}
