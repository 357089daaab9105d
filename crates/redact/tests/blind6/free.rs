//! blind6 PII-free texts: calls and chats full of numbers that are not PII
//! (order and ticket numbers, prices, times, model numbers, versions, flight
//! numbers), product and brand names, place names, weekdays and months.

use super::spoken::{group_words, words99};
use super::Call;
use crate::blindgen::{Rng, Sample, Text};

const PRODUCTS: &str = "Galaxy S23|Pixel 8 Pro|iPhone 15 Pro Max|ThinkPad X1 Carbon|\
Roomba j7|Kindle Paperwhite|PlayStation 5|Nest thermostat|AirPods Pro|Surface Laptop 5|\
Instant Pot Duo|Dyson V15|Fitbit Charge 6|Echo Dot|Model Y|F-150 Lightning";
const BRANDS: &str = "Wells Fargo|Dr Pepper|Johnson & Johnson|Ben & Jerry's|Marks and Spencer|\
Tommy Hilfiger|Calvin Klein|Ralph Lauren|Hugo Boss|Jack Daniel's|Charles Schwab|\
Morgan Stanley|Dunkin|Trader Joe's|Wendy's|Macy's";
const PLACES: &str = "Denver|Phoenix|the Chicago office|Lagos|Victoria station|Georgia|\
Jordan|Dallas Fort Worth|the Frankfurt branch|Lake Tahoe|Orlando|Buenos Aires|the Bronx|\
Jersey City|Santa Monica|Sydney|Manila|Kuala Lumpur";
const DAYS: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
const MONTHS: &str = "January|March|April|May|June|July|August|October|December";

fn order_spoken(rng: &mut Rng) -> String {
    let n = rng.range(6, 9) as usize;
    let d = rng.digits(n);
    let doubles = rng.chance(0.4);
    group_words(rng, &d, doubles)
}

/// PII-free calls: billing, delivery, tech support, appointments.
pub(crate) fn call(rng: &mut Rng) -> Sample {
    let mut c = Call::new(rng);
    c.a(rng.item(
        "thanks for calling, how can I help?|customer care, what can I do for you today?|\
         hi there, what's going on with the device?",
    ));
    match rng.below(8) {
        0 => {
            c.c("yeah I'm calling about order number ")
                .x(&order_spoken(rng))
                .x(", it was supposed to come ")
                .x(rng.item(DAYS));
            c.a("I see it, it's out for delivery and should be there by eight pm.");
        }
        1 => {
            c.c("my bill says ")
                .x(&words99(rng.range(40, 99), false))
                .x(" dollars and ")
                .x(&words99(rng.range(1, 99), false))
                .x(" cents but the plan is supposed to be fifty nine ninety nine");
            c.a("let me check, there's a one time fee of twelve fifty for the upgrade in ")
                .x(rng.item(MONTHS));
        }
        2 => {
            c.c("my ")
                .x(rng.item(PRODUCTS))
                .x(" keeps restarting since the update to version ")
                .x(&format!(
                    "{}.{}.{}",
                    rng.range(2, 18),
                    rng.range(0, 9),
                    rng.range(0, 9)
                ));
            c.a("okay, hold the power button for ten seconds, then wait about two minutes.");
        }
        3 => {
            c.c("can I move my appointment from ")
                .x(rng.item(DAYS))
                .x(" at three thirty to ")
                .x(rng.item(DAYS))
                .x(" morning?");
            c.a("we have nine fifteen or ten forty five available.");
        }
        4 => {
            c.c("I'm at the store in ")
                .x(rng.item(PLACES))
                .x(" and they don't have the ")
                .x(rng.item(PRODUCTS))
                .x(" in stock");
            c.a("the one on Main Street should have four units, it's about twenty minutes away.");
        }
        5 => {
            c.c("the ticket number is ")
                .x(&format!("{}-{}", rng.letters(3), rng.digits(6)))
                .x(" and it's been open since ")
                .x(rng.item(MONTHS))
                .x(" ")
                .x(&rng.range(2, 28).to_string());
            c.a("I've escalated it to tier two, you should hear back in forty eight hours.");
        }
        6 => {
            c.c("I'm flying ")
                .x(rng.item("United|Delta|Lufthansa|Emirates|Qantas"))
                .x(" flight ")
                .x(&rng.range(100, 2999).to_string())
                .x(" out of ")
                .x(rng.item(PLACES))
                .x(", seat ")
                .x(&format!("{}{}", rng.range(3, 40), rng.item("A|C|D|F")))
                .x(", and I need to add a bag");
            c.a("that's thirty five dollars for the first checked bag.");
        }
        _ => {
            c.c("I want to use my ")
                .x(rng.item(BRANDS))
                .x(" gift card, it says there's ")
                .x(&words99(rng.range(10, 99), false))
                .x(" dollars on it");
            c.a(
                "sure, read me the last four digits of the card, the ones under the scratch strip?",
            );
            c.c("okay one moment... it's the one from ")
                .x(rng.item(MONTHS));
        }
    }
    c.c(rng.item("okay thanks.|alright, appreciate it.|great, that's all I needed.|cool, bye."));
    c.done("pii_free_call")
}

/// PII-free support chats with written numbers, codes and times.
pub(crate) fn chat(rng: &mut Rng) -> Sample {
    let mut t = Text::new();
    t.t(&format!(
        "[{:02}:{:02}] Visitor: ",
        rng.range(8, 20),
        rng.range(0, 59)
    ));
    match rng.below(5) {
        0 => t.t(&format!(
            "order #{} still says processing, placed it on {} {}",
            rng.digits(7),
            rng.item(MONTHS),
            rng.range(1, 28)
        )),
        1 => t.t(&format!(
            "getting error 0x{:08X} when I install the update on my {}",
            rng.next() as u32,
            rng.item(PRODUCTS)
        )),
        2 => t.t(&format!(
            "is the {} still $ {}.99 or did the price go up",
            rng.item(PRODUCTS),
            rng.range(49, 1299)
        )),
        3 => t.t(&format!(
            "tracking {}{} shows stuck in {} since {}",
            rng.letters(2),
            rng.digits(9),
            rng.item(PLACES),
            rng.item(DAYS)
        )),
        _ => t.t(&format!(
            "the promo code SAVE{} didn't work at checkout, total was ${}.{:02}",
            rng.range(10, 40),
            rng.range(20, 400),
            rng.range(0, 99)
        )),
    };
    t.t(&format!(
        "\n[{:02}:{:02}] Agent: ",
        rng.range(8, 20),
        rng.range(0, 59)
    ));
    t.t(rng.item(
        "Thanks for your patience! I've applied a 15% credit and reopened case 2024-118734.|\
         Our team is open 9am-6pm EST, Monday to Friday. Anything else I can help with?|\
         I've sent a replacement, it should arrive within 3-5 business days.|\
         Please try version 4.2.1 and restart; it usually takes 10 minutes.",
    ));
    t.done("pii_free_chat")
}

/// Hard PII-free calls: name-like brands, month and weekday words, capitalised
/// words, long digit strings that are not phones, streets without a number.
pub(crate) fn hard(rng: &mut Rng) -> Sample {
    let mut c = Call::new(rng);
    match rng.below(8) {
        0 => {
            c.c("I bought a ")
                .x(rng.item(BRANDS))
                .x(" jacket at the outlet in ")
                .x(rng.item(PLACES))
                .x(" and the zipper broke after two weeks");
        }
        1 => {
            let d = rng.digits(10);
            c.c("the confirmation number is ")
                .x(&group_words(rng, &d, true))
                .x(", I booked it back in ")
                .x(rng.item(MONTHS));
        }
        2 => {
            c.c("we're on the Premium Gold Plan, the one with Unlimited Talk and Text, since ")
                .x(rng.item(MONTHS))
                .x(" twenty twenty two");
        }
        3 => {
            c.c("the store on Madison Avenue closes at nine on ")
                .x(rng.item(DAYS))
                .x(" but the one near Union Square is open till ten");
        }
        4 => {
            c.c("it's model number ")
                .x(&format!(
                    "{}-{}{}",
                    rng.letters(2),
                    rng.letters(1),
                    rng.digits(4)
                ))
                .x(", serial starts with ")
                .x(&rng.digits(4))
                .x(", I bought it for ")
                .x(&words99(rng.range(20, 99), false))
                .x(" ninety nine");
        }
        5 => {
            c.c("April and May were fine but June was double, two hundred and forty dollars")
                .x(", and August looks the same");
        }
        6 => {
            c.c("take I ninety five north to exit ")
                .x(&rng.range(10, 130).to_string())
                .x(", then Route ")
                .x(&rng.range(1, 99).to_string())
                .x(" for about ")
                .x(&words99(rng.range(3, 40), false))
                .x(" miles, the depot is past the Shell station");
        }
        _ => {
            c.c("I'm calling from the ")
                .x(rng.item(PLACES))
                .x(" office, we have ")
                .x(&words99(rng.range(12, 99), false))
                .x(" seats on the Enterprise license and need ")
                .x(&words99(rng.range(2, 9), false))
                .x(" more by ")
                .x(rng.item(DAYS));
        }
    }
    c.a(rng.item(
        "I can help with that, one moment.|okay, let me put in a request for you.|\
         sure, I'll make a note on the ticket.",
    ));
    c.done("pii_free_hard")
}
