//! Blind corpus 5: voice (speech-to-text) transcripts and agent notes with the
//! spoken forms and weak kinds of issue 13 — multi-word spoken e-mails, values
//! whose cue comes after them, cards read digit by digit, phone extensions,
//! local phone formats, Fax:/Desk: lines, dates of birth answered in the next
//! turn, names after agent questions and without any cue — plus the ordinary
//! kinds and PII-free turns. Written by an author who has not read the detectors.
//!
//! Spoken gold spans (digits or punctuation as words) are marked `spoken`.

mod ordinary;
mod spoken;

use ordinary::{iban, ip, pii_free, secret};

use crate::blindgen::{self, speak_digits, Rng, Sample, Text};
use spoken::{birth_date, capitalise, number, DOMAINS, GIVEN, SURNAMES};

/// Generates `n` texts from `seed`.
pub(crate) fn generate(seed: u64, n: usize) -> Vec<Sample> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            let mut t = Text::new();
            let kind = match rng.below(29) {
                0 | 1 => spoken_email(&mut rng, &mut t),
                2 | 3 => cue_after(&mut rng, &mut t),
                4 => card_digits(&mut rng, &mut t),
                5 => extension(&mut rng, &mut t),
                6 => local_phone(&mut rng, &mut t),
                7 => letterhead(&mut rng, &mut t),
                8 => dob_next_turn(&mut rng, &mut t),
                9 => name_after_question(&mut rng, &mut t),
                10 => cueless_names(&mut rng, &mut t),
                11 => ssn(&mut rng, &mut t),
                12 => written_kinds(&mut rng, &mut t),
                13 => iban(&mut rng, &mut t),
                14 => ip(&mut rng, &mut t),
                15 => secret(&mut rng, &mut t),
                16 | 17 => street(&mut rng, &mut t),
                18 => phone_plain(&mut rng, &mut t),
                19 | 20 => multi_turn(&mut rng, &mut t),
                _ => pii_free(&mut rng, &mut t),
            };
            t.done(kind)
        })
        .collect()
}

struct Who {
    agent: &'static str,
    caller: &'static str,
}

fn who(rng: &mut Rng) -> Who {
    match rng.below(3) {
        0 => Who {
            agent: "agent: ",
            caller: "caller: ",
        },
        1 => Who {
            agent: "Agent: ",
            caller: "Customer: ",
        },
        _ => Who {
            agent: "AGENT: ",
            caller: "USER: ",
        },
    }
}

fn person(rng: &mut Rng) -> (&'static str, &'static str) {
    (rng.word(GIVEN), rng.word(SURNAMES))
}

fn phone_digits(rng: &mut Rng) -> String {
    format!(
        "({}) {}-{}",
        rng.range(201, 989),
        rng.range(200, 999),
        rng.digits(4)
    )
}

fn spoken_email(rng: &mut Rng, t: &mut Text) -> &'static str {
    let (g, s) = person(rng);
    let dom = rng.item(DOMAINS);
    let local = match rng.below(6) {
        0 => format!("{g} {s} {}", number(rng.range(1, 99))),
        1 => format!("{g} dot {s}"),
        2 => format!("{g} underscore {s}"),
        3 => format!("{} {s} {}", &g[..1], number(rng.range(1, 9))),
        4 => format!("{s} {g}"),
        _ => {
            let d = rng.digits(2);
            format!("{g} dot {s} {}", speak_digits(rng, &d, " "))
        }
    };
    let w = who(rng);
    match rng.below(4) {
        0 => {
            t.t(w.agent)
                .t("what's the best email for you?\n")
                .t(w.caller);
            t.t(rng.item("sure it's |yeah |it's |um "))
                .sp("EMAIL", &format!("{local} at {dom}"));
        }
        1 => {
            t.t(w.caller)
                .t("you can email me at ")
                .sp("EMAIL", &format!("{local} at {dom}"));
            t.t(rng.item("| thanks| if that's easier"));
        }
        2 => {
            t.t(w.caller)
                .t("my email address is ")
                .sp("EMAIL", &format!("{local} at {dom}"));
        }
        _ => {
            t.t(w.caller).sp("EMAIL", &format!("{local} at {dom}"));
            t.t(rng.item(
                " that's my email| is the email on the account| that's where the receipts go",
            ));
        }
    }
    "spoken_email"
}

fn cue_after(rng: &mut Rng, t: &mut Text) -> &'static str {
    let w = who(rng);
    t.t(w.caller).t(rng.item("it's |uh |okay so |"));
    match rng.below(4) {
        0 => {
            let v = blindgen::ssn_digits(rng);
            let v = format!("{}-{}-{}", &v[..3], &v[3..5], &v[5..]);
            let sep = rng.item(", | |... ");
            let s = speak_digits(rng, &v, if sep.is_empty() { " " } else { sep });
            t.sp("US_SSN", &s);
            t.t(rng.item(" that's my social| that's my social security number|, that's the social"));
        }
        1 => {
            let v = phone_digits(rng);
            let s = speak_digits(rng, &v, ", ");
            t.sp("PHONE", &s);
            t.t(rng.item(" that's my cell| is my work number|, that's the best number to reach me"));
        }
        2 => {
            let v = blindgen::group_card(&blindgen::card_digits(rng), "-");
            let s = speak_digits(rng, &v, ", ");
            t.sp("CREDIT_CARD", &s);
            t.t(rng
                .item(" that's the card on file| is the visa| that's the long number on the card"));
        }
        _ => {
            let (_, sp) = birth_date(rng);
            t.sp("DATE_OF_BIRTH", &sp);
            t.t(rng.item(" that's my birthday| is my date of birth|, that's when i was born"));
        }
    }
    "cue_after"
}

fn card_digits(rng: &mut Rng, t: &mut Text) -> &'static str {
    let w = who(rng);
    let digits = blindgen::card_digits(rng);
    t.t(w.agent).t(rng.item("go ahead with the card number|and the card number please|what's the number on the card")).t("\n");
    t.t(w.caller).t(rng.item("okay it's |sure |"));
    let s = if rng.chance(0.5) {
        speak_digits(rng, &blindgen::group_card(&digits, "-"), ", ")
    } else {
        speak_digits(rng, &digits, " ")
    };
    t.sp("CREDIT_CARD", &s);
    "card_digits"
}

fn extension(rng: &mut Rng, t: &mut Text) -> &'static str {
    let num = match rng.below(3) {
        0 => phone_digits(rng),
        1 => format!(
            "+1 {} {} {}",
            rng.range(201, 989),
            rng.range(200, 999),
            rng.digits(4)
        ),
        _ => format!("+44 20 7{} {}", rng.digits(3), rng.digits(4)),
    };
    let ext = match rng.below(4) {
        0 => format!(" x{}", rng.range(10, 9999)),
        1 => format!(" ext. {}", rng.range(1, 999)),
        2 => format!(" ext {}", rng.range(100, 9999)),
        _ => format!(", extension {}", rng.range(10, 999)),
    };
    t.t(rng.item("Callback: |Note: customer prefers the office line |Reach me at |Direct line: "));
    t.p("PHONE", &format!("{num}{ext}"));
    "extension"
}

fn local_phone(rng: &mut Rng, t: &mut Text) -> &'static str {
    let num = match rng.below(8) {
        0 => format!("6{} {} {}", rng.digits(2), rng.digits(3), rng.digits(3)),
        1 => format!("04{}-{}", rng.digits(2), rng.digits(7)),
        2 => format!(
            "06 {} {} {} {}",
            rng.digits(2),
            rng.digits(2),
            rng.digits(2),
            rng.digits(2)
        ),
        3 => format!("0171 {}", rng.digits(7)),
        4 => format!("07700 {}", rng.digits(6)),
        5 => format!("98{} {}", rng.digits(3), rng.digits(5)),
        6 => format!("03-{}-{}", rng.digits(4), rng.digits(4)),
        _ => format!("0412 {} {}", rng.digits(3), rng.digits(3)),
    };
    let w = who(rng);
    if rng.chance(0.5) {
        t.t(w.agent)
            .t("what number can we call you back on?\n")
            .t(w.caller);
        t.t(rng.item("it's |my mobile is |")).p("PHONE", &num);
    } else {
        t.t(w.caller)
            .t(rng.item("my cell is |call me on |the phone number is |text me at "));
        t.p("PHONE", &num);
    }
    "local_phone"
}

fn letterhead(rng: &mut Rng, t: &mut Text) -> &'static str {
    let (g, s) = person(rng);
    t.t("Notes from call with ")
        .p("PERSON", &format!("{} {}", capitalise(g), capitalise(s)));
    t.t("\n");
    for label in ["Desk: ", "Fax: ", "Mobile: "] {
        if label == "Mobile: " && rng.chance(0.5) {
            continue;
        }
        t.t(label);
        let p = if rng.chance(0.5) {
            phone_digits(rng)
        } else {
            let cc = rng.item("31|32|33|34|39|41|43|44|45|46|47|48|49");
            format!(
                "+{cc} {} {} {}",
                rng.range(10, 99),
                rng.digits(3),
                rng.digits(4)
            )
        };
        t.p("PHONE", &p).t("\n");
    }
    t.t("Follow-up: send the revised quote.");
    "letterhead"
}

fn dob_next_turn(rng: &mut Rng, t: &mut Text) -> &'static str {
    let w = who(rng);
    let (written, sp) = birth_date(rng);
    t.t(w.agent).t(rng.item("and what is your date of birth?|can you confirm your date of birth please?|and your birthday?")).t("\n");
    t.t(w.caller).t(rng.item("it's |yeah it's |sure, |"));
    if rng.chance(0.5) {
        t.p("DATE_OF_BIRTH", &written);
    } else {
        t.sp("DATE_OF_BIRTH", &sp);
    }
    "dob_next_turn"
}

fn name_after_question(rng: &mut Rng, t: &mut Text) -> &'static str {
    let w = who(rng);
    let (g, s) = person(rng);
    let cap = rng.chance(0.5);
    let f = |x: &str| if cap { capitalise(x) } else { x.to_string() };
    match rng.below(4) {
        0 => {
            t.t(w.agent).t("may i have your name?\n").t(w.caller);
            t.p("PERSON", &format!("{} {}", f(g), f(s)));
        }
        1 => {
            t.t(w.agent)
                .t("and your surname?\n")
                .t(w.caller)
                .p("PERSON", &f(s));
        }
        2 => {
            t.t(w.agent).t("the name on the card?\n").t(w.caller);
            t.t(rng.item("|it's |uh "))
                .p("PERSON", &format!("{} {}", f(g), f(s)));
        }
        _ => {
            t.t(w.agent).t("who am i speaking with?\n").t(w.caller);
            t.t("this is ").p("PERSON", &f(g));
        }
    }
    "name_after_question"
}

fn cueless_names(rng: &mut Rng, t: &mut Text) -> &'static str {
    let w = who(rng);
    let ((g1, s1), (g2, _)) = (person(rng), person(rng));
    match rng.below(4) {
        0 => {
            t.t(w.caller)
                .t("yeah it is for ")
                .p("PERSON", &format!("{g1} {s1}"));
        }
        1 => {
            t.t(w.caller).t("i spoke to ").p("PERSON", g1);
            t.t(" last week and ").p("PERSON", g2).t(" the week before");
        }
        2 => {
            t.t(w.agent).t("put ").p("PERSON", &format!("{g1} {s1}"));
            t.t(" on the account as a joint holder, is that right?\n")
                .t(w.caller)
                .t("yes please");
        }
        _ => {
            t.t(w.agent)
                .p("PERSON", g1)
                .t(", could you hold on a moment?\n")
                .t(w.caller)
                .t("sure");
        }
    }
    "cueless_names"
}

fn ssn(rng: &mut Rng, t: &mut Text) -> &'static str {
    let v = blindgen::ssn_digits(rng);
    let dashed = format!("{}-{}-{}", &v[..3], &v[3..5], &v[5..]);
    let w = who(rng);
    t.t(w.caller)
        .t(rng.item("my social is |the ssn is |social security number "));
    if rng.chance(0.5) {
        let s = speak_digits(rng, &dashed, " ");
        t.sp("US_SSN", &s);
    } else {
        t.p("US_SSN", &dashed);
    }
    "ssn"
}

fn written_kinds(rng: &mut Rng, t: &mut Text) -> &'static str {
    let (g, s) = person(rng);
    let w = who(rng);
    if rng.chance(0.5) {
        t.t(w.caller).t("it's ");
        t.p(
            "EMAIL",
            &format!(
                "{g}.{s}{}@{}",
                rng.range(1, 99),
                rng.item("gmail.com|outlook.com|web.de|proton.me")
            ),
        );
    } else {
        let c = blindgen::group_card(&blindgen::card_digits(rng), " ");
        t.t(w.caller).t("card number ").p("CREDIT_CARD", &c);
    }
    "written"
}

fn street(rng: &mut Rng, t: &mut Text) -> &'static str {
    let w = who(rng);
    let num = rng.range(10, 9999);
    let name = rng.item("maple avenue|juniper lane|harbor view drive|old mill road|sycamore court|west fifth street|lakeshore boulevard");
    let (city, st, abbr, zip) = match rng.below(4) {
        0 => ("springfield", "illinois", "IL", "62704"),
        1 => ("tacoma", "washington", "WA", "98402"),
        2 => ("savannah", "georgia", "GA", "31401"),
        _ => ("duluth", "minnesota", "MN", "55802"),
    };
    let title = |s: &str| s.split(' ').map(capitalise).collect::<Vec<_>>().join(" ");
    t.t(w.agent)
        .t("and the address for the delivery?\n")
        .t(w.caller);
    if rng.chance(0.5) {
        let nums = if num >= 1000 && num % 100 >= 10 && rng.chance(0.5) {
            format!("{} {}", number(num / 100), number(num % 100))
        } else {
            speak_digits(rng, &num.to_string(), " ")
        };
        let z = speak_digits(rng, zip, " ");
        t.sp("STREET_ADDRESS", &format!("{nums} {name} {city} {st} {z}"));
    } else {
        t.p(
            "STREET_ADDRESS",
            &format!("{num} {}, {}, {abbr} {zip}", title(name), title(city)),
        );
    }
    "street"
}

fn phone_plain(rng: &mut Rng, t: &mut Text) -> &'static str {
    let w = who(rng);
    let v = phone_digits(rng);
    t.t(w.caller)
        .t(rng.item("my number is |call me back at |the number is "));
    if rng.chance(0.5) {
        let s = speak_digits(rng, &v, " ");
        t.sp("PHONE", &s);
    } else {
        t.p("PHONE", &v);
    }
    "phone"
}

fn multi_turn(rng: &mut Rng, t: &mut Text) -> &'static str {
    let w = who(rng);
    let (g, s) = person(rng);
    let (g2, s2) = person(rng);
    if rng.chance(0.5) {
        t.t(w.agent)
            .t("hello, you're through to billing\n")
            .t(w.caller);
        t.t("yeah hi, ").p("PERSON", g2).t(" gave me this number, ");
        t.t(rng.item("she|he|they"))
            .t(" said you could fix the double charge\n");
        t.t(w.agent)
            .t("sure, whose name is the account in?\n")
            .t(w.caller);
        t.p("PERSON", &format!("{g2} {s2}"))
            .t(rng.item("| but i'm on it too|, it's a joint one"));
        t.t("\n")
            .t(w.agent)
            .t("and your own name?\n")
            .t(w.caller)
            .p("PERSON", &format!("{g} {s}"));
        return "multi_turn";
    }
    t.t(w.agent).t("thanks for calling, how can i help?\n");
    t.t(w.caller).t("hi, ").p("PERSON", &format!("{g} {s}"));
    t.t(" here, i'm calling about my partner ")
        .p("PERSON", g2)
        .t("'s order\n");
    t.t(w.agent)
        .t("of course. and the email on the order?\n")
        .t(w.caller);
    let dom = rng.item(DOMAINS);
    t.sp("EMAIL", &format!("{g} {s} at {dom}"));
    t.t("\n").t(w.agent).t("thank you, one moment");
    "multi_turn"
}
