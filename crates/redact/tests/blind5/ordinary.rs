//! Ordinary written kinds (IBAN, IP address, secrets) and PII-free turns of the
//! blind corpus 5, including hard negatives: order numbers, prices, non-birth
//! dates, domains without an address, years.

use crate::blindgen::{self, speak_digits, Rng, Text};

use super::spoken::{self, capitalise, number, SURNAMES};
use super::who;

pub(super) fn iban(rng: &mut Rng, t: &mut Text) -> &'static str {
    let w = who(rng);
    let i = blindgen::iban(rng);
    t.t(w.caller).t(rng.item("my iban is |the iban is |it's "));
    if rng.chance(0.3) {
        let spoken: Vec<String> = i
            .chars()
            .map(|c| {
                if c.is_ascii_digit() {
                    speak_digits(rng, &c.to_string(), " ")
                } else {
                    c.to_ascii_lowercase().to_string()
                }
            })
            .collect();
        t.sp("IBAN", &spoken.join(" "));
    } else {
        t.p("IBAN", &blindgen::group4(&i));
    }
    "iban"
}

pub(super) fn ip(rng: &mut Rng, t: &mut Text) -> &'static str {
    let w = who(rng);
    let ip = format!(
        "{}.{}.{}.{}",
        rng.range(11, 223),
        rng.range(0, 255),
        rng.range(0, 255),
        rng.range(1, 254)
    );
    if rng.chance(0.6) {
        t.t(w.caller)
            .t(rng.item("the router says my ip is |my ip address is |it shows "));
        t.p("IP_ADDRESS", &ip);
    } else {
        let s = ip
            .split('.')
            .map(|o| speak_digits(rng, o, " "))
            .collect::<Vec<_>>()
            .join(" dot ");
        t.t(w.caller).t("the ip address is ").sp("IP_ADDRESS", &s);
    }
    "ip"
}

pub(super) fn secret(rng: &mut Rng, t: &mut Text) -> &'static str {
    let alnum = |rng: &mut Rng, n: usize| -> String {
        const A: &[u8] = b"abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        (0..n).map(|_| char::from(A[rng.below(A.len())])).collect()
    };
    let (pre, v) = match rng.below(4) {
        0 => (
            "Customer pasted the api key ",
            format!("sk_live_{}", alnum(rng, 24)),
        ),
        1 => ("token: ", format!("ghp_{}", alnum(rng, 36))),
        2 => ("aws access key id ", format!("AKIA{}", rng.letters(16))),
        _ => (
            "my password is ",
            format!(
                "{}{}{}",
                capitalise(rng.word(SURNAMES)),
                rng.digits(3),
                rng.item("!|#|$|%")
            ),
        ),
    };
    t.t(pre).p("SECRET", &v);
    "secret"
}

pub(super) fn pii_free(rng: &mut Rng, t: &mut Text) -> &'static str {
    let w = who(rng);
    t.t(w.caller);
    if rng.chance(0.4) {
        hard_negative(rng, t);
        return "pii_free_hard";
    }
    t.t(rng.item("the order came to forty nine ninety nine|i need two boxes, maybe three|the appointment is march third at ten|yeah flight one two three was delayed|it happened around four thirty in the afternoon|room twelve on the second floor|we ordered six pizzas at about seven|the model number is on the back i think|look at the dot next to the battery icon|can you hear me okay|it says error five oh three on the screen|i've been a customer for twenty years|the parcel weighs about three kilos|my daughter is turning eight next month|the wifi drops every ten minutes|okay that's everything, thank you so much"));
    if rng.chance(0.5) {
        t.t("\n").t(w.agent);
        t.t(rng.item("no problem, let me check that for you|i understand, i'll open a ticket|thanks, is there anything else?|great, have a lovely day"));
    }
    "pii_free"
}

/// PII-free turns with numbers and words that look like values but are none of
/// the labelled kinds: order numbers, prices, times, non-birth dates, domains.
fn hard_negative(rng: &mut Rng, t: &mut Text) {
    match rng.below(6) {
        0 => {
            let d = rng.digits(6);
            let s = speak_digits(rng, &d, " ");
            t.t(rng.item("my order number is |the tracking reference is |the ticket number is "));
            t.t(&s);
        }
        1 => {
            let (a, b) = (rng.range(2, 99), rng.range(10, 99));
            t.t(&format!(
                "it came to {} dollars and {} cents",
                number(a),
                number(b)
            ));
        }
        2 => {
            let m = spoken::MONTHS[rng.below(12)];
            t.t(&format!(
                "the invoice is dated {m} {} twenty twenty {}",
                spoken::ordinal(rng.range(1, 28)),
                number(rng.range(1, 5))
            ));
        }
        3 => {
            t.t(rng.item("i opened the gmail app but nothing loads|the website says contact support at the bottom|i typed dot com at the end and it still failed|is it outlook or the other one"));
        }
        4 => {
            t.t(&format!(
                "the delivery window is {} to {} tomorrow",
                number(rng.range(1, 12)),
                number(rng.range(1, 12))
            ));
        }
        _ => {
            let y = rng.range(1990, 2024);
            let said = spoken::year(rng, y);
            t.t(&format!("i've had this phone since {said}"));
        }
    }
}
