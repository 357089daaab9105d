//! PII-free calls of blind corpus 9, and the PII-free filler turns the PII
//! calls are padded with: prices, totals, flight numbers, times, dates that are
//! not birth dates, quantities, plan and model names, confirmation and tracking
//! codes (no label exists for them), brands and places that look like names, and
//! everyday words that are also given names.

use super::values::{n2w, ordinal, speak_run, MONTHS};
use super::Call;
use crate::blindgen::{Rng, Sample};

pub(crate) const BRANDS: &str = "Wells Fargo|Dr Pepper|Ben & Jerry's|Jack Daniel's|Marks and Spencer|Charles Schwab|Morgan Stanley|Johnson & Johnson|Tim Hortons|Trader Joe's|Wendy's|McDonald's|Ralph Lauren|Calvin Klein|Tommy Hilfiger|Hugo Boss|Barnes & Noble|Goldman Sachs|Edward Jones|Raymond James|Merrill Lynch|Sherwin-Williams|Harley-Davidson|Kohl's|Macy's|Papa John's|Jimmy John's|Sara Lee|Betty Crocker|Dr. Martens|Ted Baker|Kate Spade|Michael Kors|Tory Burch|Paul Mitchell|John Lewis|Sainsbury's|Mercedes-Benz|Ben Sherman|Orville Redenbacher|Chef Boyardee|Marie Callender's|Eddie Bauer|Dick's Sporting Goods|Tommy Bahama|Jenny Craig|Hobby Lobby|Lands' End|Levi Strauss|Charles Tyrwhitt";
pub(crate) const PLACES: &str = "Charlotte|Austin|Sydney|Victoria|Florence|Jackson|Lincoln|Madison|Orlando|Savannah|Eugene|Tyler|Chelsea|Marion|San Jose|St Louis|Santa Barbara|Augusta|Helena|Raleigh|Charleston|Lafayette|Houston|Dallas|Cheyenne|Elizabeth|Sherman Oaks|Beverly Hills|Adelaide|Alexandria|Regina|Georgetown";
const PLANS: &str = "Unlimited Plus|Unlimited Starter|Fiber 500|Fiber Gig|Basic Saver 40|Gold PPO 2500|Silver HMO|Platinum Rewards|Everyday Checking|Premier Savings|Family Share 4|Prepaid 30|Home Protect Plus|Green Energy Fixed 12|Time of Use B";
const MODELS: &str = "Galaxy S23|iPhone 15 Pro Max|Pixel 8|Nighthawk RAX50|model WRT 3200|Arris SB8200|Moto G Power|Galaxy Tab A9|AirPods Pro|ecobee 3 lite|Nest Learning Thermostat|Roku Ultra|Kindle Paperwhite|Dyson V15|Instant Pot Duo 7 in 1|Whirlpool WDT750|Surface Laptop 5|ThinkPad X1";
const AIRLINES: &str = "UA|DL|AA|WN|B6|AS|BA|LH|AC|EK";

fn price(rng: &mut Rng, lower: bool) -> String {
    let d = rng.range(3, 480) as u32;
    let c = rng.range(0, 99) as u32;
    match rng.below(if lower { 4 } else { 5 }) {
        0 => format!("{} dollars and {} cents", n2w(d), n2w(c)),
        1 => format!(
            "{} {}",
            n2w(d),
            if c < 10 {
                format!("oh {}", n2w(c))
            } else {
                n2w(c)
            }
        ),
        2 => format!("{} dollars", n2w(d)),
        3 => format!("{d}.{c:02}"),
        _ => format!("${d}.{c:02}"),
    }
}

fn time(rng: &mut Rng) -> String {
    let h = rng.range(1, 12) as u32;
    let m = [0, 15, 30, 45, 10, 20, 40, 5][rng.below(8)];
    match rng.below(5) {
        0 => format!("{h}:{m:02} {}", rng.item("am|pm|a.m.|p.m.")),
        1 => format!(
            "{} {}",
            n2w(h),
            if m == 0 {
                "o'clock".to_string()
            } else if m < 10 {
                format!("oh {}", n2w(m))
            } else {
                n2w(m)
            }
        ),
        2 => format!(
            "{} in the {}",
            n2w(h),
            rng.item("morning|afternoon|evening")
        ),
        3 => format!("half past {}", n2w(h)),
        _ => format!(
            "{} {} pm",
            n2w(h),
            if m == 0 { "thirty".to_string() } else { n2w(m) }
        ),
    }
}

/// A date that is not a birth date (appointments, due dates, travel).
fn date(rng: &mut Rng) -> String {
    let m = rng.range(1, 12) as usize;
    let d = rng.range(1, 28) as u32;
    let mon = MONTHS[m - 1];
    match rng.below(7) {
        0 => format!("{mon} {}", ordinal(d)),
        1 => format!("the {} of {mon}", ordinal(d)),
        2 => format!("{mon} {d}"),
        3 => format!("{m}/{d}"),
        4 => format!(
            "{} the {}",
            rng.item("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"),
            ordinal(d)
        ),
        5 => format!("{mon} {d}, 202{}", rng.range(4, 6)),
        _ => format!("{m:02}/{d:02}/202{}", rng.range(4, 6)),
    }
}

fn code(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..6 {
        if rng.chance(0.6) {
            s.push(char::from(b'A' + rng.below(26) as u8));
        } else {
            s.push(char::from(b'0' + rng.below(10) as u8));
        }
    }
    s
}

const NATO: &str = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey x-ray yankee zulu";

/// A confirmation code spelled with the NATO alphabet (not a name).
fn code_spelled(rng: &mut Rng, code: &str) -> String {
    let words: Vec<&str> = NATO.split(' ').collect();
    code.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                n2w(u32::from(c as u8 - b'0'))
            } else {
                let w = words[(c as u8 - b'A') as usize];
                if rng.chance(0.3) {
                    format!("{} as in {w}", c.to_ascii_lowercase())
                } else {
                    w.to_string()
                }
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn order_no(rng: &mut Rng) -> String {
    match rng.below(5) {
        0 => format!("{}", rng.range(10000, 99999)),
        1 => format!("W{}", rng.digits(8)),
        2 => format!("{}-{}", rng.digits(3), rng.digits(5)),
        3 => format!("SN-{}{}", rng.letters(2), rng.digits(4)),
        _ => format!("{}", rng.range(100000, 999999)),
    }
}

/// A short non-PII turn of the agent (hard numbers included).
pub(crate) fn agent_filler(rng: &mut Rng, c: &mut Call) {
    let lower = c.lower;
    let s = match rng.below(14) {
        0 => format!(
            "okay your current balance is {} and it's due {}",
            price(rng, lower),
            date(rng)
        ),
        1 => "one moment please while I pull that up".to_string(),
        2 => format!("I see you're on the {} plan", rng.item(PLANS)),
        3 => {
            let d = rng.digits(8);
            format!("your case number is {}", speak_run(rng, &d, false))
        }
        4 => "thanks for your patience I'm just going to place you on a brief hold".to_string(),
        5 => format!("the next available slot is {} at {}", date(rng), time(rng)),
        6 => "sorry you cut out there for a second could you repeat that".to_string(),
        7 => format!(
            "I can see the order from {} for {}",
            date(rng),
            price(rng, lower)
        ),
        8 => "perfect thank you".to_string(),
        9 => "and is there anything else I can help you with today".to_string(),
        10 => format!("your confirmation code is {}", code(rng)),
        11 => "okay got it".to_string(),
        12 => format!(
            "that comes to {} a month after the {} percent discount",
            price(rng, lower),
            rng.range(5, 30)
        ),
        _ => "this call may be recorded for quality and training purposes".to_string(),
    };
    c.a(&s);
}

/// A short non-PII turn of the caller.
pub(crate) fn caller_filler(rng: &mut Rng, c: &mut Call) {
    let s = match rng.below(14) {
        0 => "yeah".to_string(),
        1 => "uh huh".to_string(),
        2 => "okay sure".to_string(),
        3 => format!(
            "um I think it was like {} something",
            n2w(rng.range(20, 90) as u32)
        ),
        4 => "sorry can you say that again".to_string(),
        5 => format!("I'm calling about the bill from {}", MONTHS[rng.below(12)]),
        6 => "no that's it thanks".to_string(),
        7 => format!("I have the {} if that matters", rng.item(MODELS)),
        8 => "hold on let me find a pen".to_string(),
        9 => format!("I was charged twice {} each time", price(rng, c.lower)),
        10 => "yes that's correct".to_string(),
        11 => "I will hold".to_string(),
        12 => format!("it's been like {} days", n2w(rng.range(2, 15) as u32)),
        _ => "great thank you so much".to_string(),
    };
    c.u(&s);
}

fn billing(rng: &mut Rng, c: &mut Call) {
    let l = c.lower;
    match rng.below(8) {
        0 => {
            c.a("thank you for calling Bluepeak Wireless how can I help you today");
            c.u(&format!(
                "hi um my bill went up to {} this month and it's usually like {}",
                price(rng, l),
                price(rng, l)
            ));
            c.a(&format!(
                "I see the promotional credit of {} ended on {}",
                price(rng, l),
                date(rng)
            ));
            c.u("oh okay can you put it back");
            c.a(&format!(
                "I can move you to {} which is {} a month",
                rng.item(PLANS),
                price(rng, l)
            ));
        }
        1 => {
            c.u("yeah I'm calling because the internet keeps dropping");
            c.a(&format!(
                "I'm sorry about that are you on the {} plan with the {}",
                rng.item(PLANS),
                rng.item(MODELS)
            ));
            c.u(&format!("yes it says {} on the bottom", rng.item(MODELS)));
            c.a(&format!(
                "okay I'll send a refresh signal it takes about {} minutes",
                n2w(rng.range(2, 9) as u32)
            ));
        }
        2 => {
            c.a("Tri-County Power this is the automated assistant");
            c.u(&format!(
                "I want to know why I used {} kilowatt hours in {}",
                rng.range(600, 2400),
                MONTHS[rng.below(12)]
            ));
            c.a(&format!(
                "your meter read on {} was {} and the previous read was {}",
                date(rng),
                rng.range(10000, 99999),
                rng.range(10000, 99999)
            ));
            c.u("that seems like a lot");
            c.a(&format!(
                "the average for homes in Madison on the {} rate is about {} kilowatt hours",
                rng.item(PLANS),
                rng.range(700, 1300)
            ));
        }
        3 => {
            c.u(&format!(
                "can I set up a payment arrangement I can pay {} now and the rest on {}",
                price(rng, l),
                date(rng)
            ));
            c.a(&format!(
                "yes the remaining {} would be split into {} installments",
                price(rng, l),
                n2w(rng.range(2, 6) as u32)
            ));
            c.u("will that stop the late fee");
            c.a("it will waive the late fee and your grace period runs to the end of the cycle");
        }
        4 => {
            c.a("okay so I'm looking at the account and I see two lines");
            c.u(&format!(
                "right one is my phone and one is the tablet the {}",
                rng.item(MODELS)
            ));
            c.a(&format!(
                "the tablet line is {} and the phone is {} plus taxes and fees of {}",
                price(rng, l),
                price(rng, l),
                price(rng, l)
            ));
            c.u("can you mark the tablet for cancellation at the end of the month");
            c.a(&format!(
                "done it'll end on {} your final bill will be around {}",
                date(rng),
                price(rng, l)
            ));
        }
        5 => {
            c.u("hi I got a text saying my autopay failed");
            c.a(&format!(
                "yes the payment of {} on {} was returned by the bank",
                price(rng, l),
                date(rng)
            ));
            c.u("oh it's probably because I switched to Wells Fargo");
            c.a("no problem you can update it in the app under billing then payment methods");
            c.u("will do");
        }
        6 => {
            c.a(&format!(
                "your account is in the {} billing cycle and the statement closes on the {}",
                rng.item("June|May|August|April"),
                ordinal(rng.range(1, 28) as u32)
            ));
            c.u("so when's the bill due");
            c.a(&format!(
                "the payment is due {} and the amount is {}",
                date(rng),
                price(rng, l)
            ));
            c.u("okay and the minimum is what");
            c.a(&format!("the minimum due is {}", price(rng, l)));
        }
        _ => {
            c.u("I'm moving to Austin next month and want to transfer service");
            c.a("we do service Austin do you know your move in date");
            c.u(&format!("we get the keys {}", date(rng)));
            c.a(&format!(
                "great I can schedule the start for {} between {} and {}",
                date(rng),
                time(rng),
                time(rng)
            ));
        }
    }
}

fn travel(rng: &mut Rng, c: &mut Call) {
    let fl = format!("{} {}", rng.item(AIRLINES), rng.range(100, 2999));
    match rng.below(7) {
        0 => {
            c.a("Skyline Air reservations how can I help");
            c.u(&format!("hi my flight {fl} to Charlotte got cancelled"));
            c.a(&format!(
                "I'm sorry about that I can rebook you on the {} departure arriving at {}",
                time(rng),
                time(rng)
            ));
            c.u("is there anything earlier");
            c.a(&format!(
                "there's a {} through Austin with a {} minute layover",
                time(rng),
                n2w(rng.range(40, 95) as u32)
            ));
        }
        1 => {
            let cd = code(rng);
            c.u(&format!(
                "yeah the confirmation is {}",
                code_spelled(rng, &cd)
            ));
            c.a(&format!(
                "thank you I have {cd} departing {} from Sydney",
                date(rng)
            ));
            c.u(&format!(
                "right and I want to add a bag it's like {} pounds",
                rng.range(35, 70)
            ));
            c.a(&format!("the second checked bag is {}", price(rng, true)));
        }
        2 => {
            c.a(&format!(
                "your flight {fl} boards at {} from gate {}{}",
                time(rng),
                rng.item("A|B|C|D|E"),
                rng.range(1, 48)
            ));
            c.u(&format!(
                "and seat {}{} is still mine",
                rng.range(2, 38),
                rng.item("A|C|D|F")
            ));
            c.a("yes seat is confirmed");
        }
        3 => {
            c.u("I need a hotel near Victoria station for two nights");
            c.a(&format!(
                "I have a room at {} a night or a suite at {}",
                price(rng, c.lower),
                price(rng, c.lower)
            ));
            c.u(&format!("the first one and checking in {}", date(rng)));
            c.a(&format!("booked your reference is {}", code(rng)));
        }
        4 => {
            c.a("can I have the booking reference please");
            let cd = code(rng);
            let d = rng.digits(3);
            let said = speak_run(rng, &d, false);
            c.u(&format!("it's {said} sorry {}", code_spelled(rng, &cd)));
            c.a(&format!(
                "got it {cd} that's the Florence to Rome train on {}",
                date(rng)
            ));
            c.u(&format!("yes the {} one", time(rng)));
        }
        5 => {
            c.u(&format!(
                "how many miles do I have I think it's around {} thousand",
                n2w(rng.range(12, 90) as u32)
            ));
            c.a(&format!(
                "you have {} miles and need {} for the upgrade",
                rng.range(10000, 95000),
                rng.range(15000, 40000)
            ));
            c.u("will they expire");
            c.a(&format!("they're good until {}", date(rng)));
        }
        _ => {
            c.a(&format!(
                "the rental car for Orlando is a {} class picking up {} at {}",
                rng.item("compact|midsize|full size|SUV"),
                date(rng),
                time(rng)
            ));
            c.u(&format!("and the total was {}", price(rng, c.lower)));
            c.a(&format!(
                "yes {} with {} days included",
                price(rng, c.lower),
                n2w(rng.range(2, 9) as u32)
            ));
        }
    }
}

fn order(rng: &mut Rng, c: &mut Call) {
    let l = c.lower;
    match rng.below(7) {
        0 => {
            c.a("ShopNest support can I get the order number");
            c.u(&format!("it's {}", order_no(rng)));
            c.a(&format!(
                "I see {} items the {} and {} a {}",
                n2w(rng.range(2, 5) as u32),
                rng.item(MODELS),
                rng.item("two phone cases|a charger|a screen protector|three cables"),
                rng.item("twelve pack of Dr Pepper|pint of Ben & Jerry's|bottle of Jack Daniel's")
            ));
            c.u("the case never showed up");
            c.a(&format!(
                "I'll refund {} to your original payment method",
                price(rng, l)
            ));
        }
        1 => {
            let t = format!("1Z{}{}", rng.letters(3), rng.digits(13));
            c.u("where's my package the tracking says it's stuck");
            c.a(&format!(
                "the tracking number {t} shows it in the Charlotte facility since {}",
                date(rng)
            ));
            c.u("so when will it come");
            c.a(&format!(
                "expected delivery is now {} by {}",
                date(rng),
                time(rng)
            ));
        }
        2 => {
            c.a(&format!(
                "your order total is {} with {} in tax and free shipping",
                price(rng, l),
                price(rng, l)
            ));
            c.u("can I use a promo code");
            let cd = code(rng);
            c.u(&format!("it's {}", code_spelled(rng, &cd)));
            c.a(&format!(
                "that's {cd} it took {} percent off",
                rng.range(10, 40)
            ));
        }
        3 => {
            c.u(&format!(
                "I want to return the {} sweater from {}",
                rng.item(
                    "Ralph Lauren|Tommy Hilfiger|Ted Baker|Calvin Klein|Eddie Bauer|Lands' End"
                ),
                rng.item("Macy's|Kohl's|Marks and Spencer|John Lewis")
            ));
            c.a(&format!(
                "sure it's within the {} day window you'll get {} back",
                rng.range(30, 90),
                price(rng, l)
            ));
            c.u("do I need the box");
            c.a("no just bring it to any store or use the prepaid label");
        }
        4 => {
            c.a(&format!(
                "the {} is back in stock in sizes {} and {}",
                rng.item(MODELS),
                rng.range(6, 12),
                rng.range(6, 12)
            ));
            c.u(&format!(
                "I'll take {} of them",
                n2w(rng.range(1, 4) as u32)
            ));
            c.a(&format!(
                "that's {} each and it ships {}",
                price(rng, l),
                date(rng)
            ));
        }
        5 => {
            c.u("the pizza from Papa John's was cold and missing the garlic sauce");
            c.a(&format!(
                "I'm sorry I've issued a credit of {} on order {}",
                price(rng, l),
                order_no(rng)
            ));
            c.u("thanks");
        }
        _ => {
            let usps = format!(
                "9400 {} {} {} {} {}",
                rng.digits(4),
                rng.digits(4),
                rng.digits(4),
                rng.digits(4),
                rng.digits(2)
            );
            c.a(&format!("the USPS tracking is {usps}"));
            c.u("can you text me that");
            c.a("it's already in your order confirmation");
        }
    }
}

fn bank(rng: &mut Rng, c: &mut Call) {
    let l = c.lower;
    let last4 = rng.digits(4);
    match rng.below(7) {
        0 => {
            c.a("Northwind Bank fraud department");
            c.u(&format!(
                "there's a charge of {} at a Jack Daniel's distillery shop I didn't make",
                price(rng, l)
            ));
            c.a(&format!(
                "on the card ending in {} dated {}",
                if rng.chance(0.5) {
                    last4.clone()
                } else {
                    speak_run(rng, &last4, false)
                },
                date(rng)
            ));
            c.u("yes that one");
            c.a(&format!(
                "I've blocked it and a replacement will arrive in {} to {} business days",
                n2w(rng.range(3, 5) as u32),
                n2w(rng.range(6, 10) as u32)
            ));
        }
        1 => {
            c.u("I want to move my IRA from Charles Schwab to you guys");
            c.a(&format!(
                "we can do that the transfer takes about {} days and there's no fee under {}",
                rng.range(5, 14),
                price(rng, l)
            ));
            c.u(&format!(
                "it's about {} thousand",
                n2w(rng.range(15, 400) as u32)
            ));
        }
        2 => {
            c.a(&format!(
                "the savings rate is {}.{} percent APY on balances over {}",
                rng.range(1, 5),
                rng.range(0, 99),
                price(rng, l)
            ));
            c.u("and the CD");
            c.a(&format!(
                "the {} month CD is {}.{} percent",
                rng.item("six|twelve|eighteen"),
                rng.range(3, 5),
                rng.range(0, 99)
            ));
        }
        3 => {
            c.u(&format!(
                "can I get a wire to Morgan Stanley for {} today",
                price(rng, l)
            ));
            c.a(&format!(
                "the cutoff is {} eastern and the fee is {}",
                time(rng),
                price(rng, l)
            ));
            c.u("okay I'll come into the branch on Madison Avenue");
        }
        4 => {
            c.a(&format!(
                "your available balance is {} and the pending deposit of {} posts {}",
                price(rng, l),
                price(rng, l),
                date(rng)
            ));
            c.u("and the check I deposited");
            c.a(&format!(
                "check number {} for {} cleared on {}",
                rng.range(100, 9999),
                price(rng, l),
                date(rng)
            ));
        }
        5 => {
            c.u(&format!(
                "my debit card ending {} got eaten by the ATM on Lincoln Road",
                last4
            ));
            c.a("I'm sorry I'll cancel it now would you like a temporary card at the branch");
            c.u("yes the one in Charlotte");
        }
        _ => {
            c.a(&format!(
                "the mortgage payment of {} is due on the {} with a {} day grace period",
                price(rng, l),
                ordinal(rng.range(1, 15) as u32),
                n2w(rng.range(10, 15) as u32)
            ));
            c.u("mark it as paid when it clears please");
            c.a("will do");
        }
    }
}

fn words(rng: &mut Rng, c: &mut Call) {
    match rng.below(7) {
        0 => {
            c.u("will you be able to waive the fee this time");
            c.a("I will see what I can do and I hope that helps");
            c.u("thank you I'll have faith in you");
        }
        1 => {
            c.a("may I ask what the call is regarding");
            c.u(&format!(
                "it's the bill from June it says {}",
                price(rng, c.lower)
            ));
            c.a("I can mark that as disputed while we review it");
        }
        2 => {
            c.u("the rose bushes I ordered came in dead and the summer bulbs too");
            c.a(&format!(
                "I'm sorry I'll ship a replacement by {}",
                date(rng)
            ));
            c.u("great the grace period for returns is what thirty days");
        }
        3 => {
            c.a("to be frank the earliest we can send a tech is next week");
            c.u("that's fine as long as the bill gets adjusted");
            c.a("I'll add a credit and put a note so the next agent can see it");
        }
        4 => {
            c.u("I'd like to pay the bill and also set up a jack for the landline");
            c.a(&format!(
                "sure the install is {} and the bill balance is {}",
                price(rng, c.lower),
                price(rng, c.lower)
            ));
            c.u("sure");
        }
        5 => {
            c.a("do you want to chase the refund or should I");
            c.u("you please I'll hope for the best");
            c.a(&format!(
                "I'll follow up by {} and mark the ticket urgent",
                date(rng)
            ));
        }
        _ => {
            c.u("I'm in Sydney this week and then Victoria and Florence in May");
            c.a(&format!(
                "the international pass is {} a day and works in all three",
                price(rng, c.lower)
            ));
            c.u("okay add it from the first of May");
        }
    }
}

fn sched(rng: &mut Rng, c: &mut Call) {
    match rng.below(6) {
        0 => {
            c.a("Cedar Valley Health scheduling how can I help");
            c.u("I need to move my appointment");
            c.a(&format!(
                "I have {} at {} or {} at {}",
                date(rng),
                time(rng),
                date(rng),
                time(rng)
            ));
            c.u("the first one");
        }
        1 => {
            c.u(&format!(
                "my appointment was oh {} slash {} I missed it",
                n2w(rng.range(1, 9) as u32),
                n2w(rng.range(10, 28) as u32)
            ));
            c.a(&format!("no problem I can rebook you for {}", date(rng)));
        }
        2 => {
            c.a(&format!(
                "your prescription is ready for pickup after {} at the Jackson pharmacy",
                time(rng)
            ));
            c.u(&format!(
                "how much is the copay it was {} last time",
                price(rng, c.lower)
            ));
            c.a(&format!(
                "it's {} with the {} plan",
                price(rng, c.lower),
                rng.item(PLANS)
            ));
        }
        3 => {
            c.u(&format!(
                "can I get the flu shot and the covid booster same day on {}",
                date(rng)
            ));
            c.a(&format!(
                "yes we have walk in hours from {} to {}",
                time(rng),
                time(rng)
            ));
        }
        4 => {
            c.a(&format!(
                "the lab results from {} are in the portal",
                date(rng)
            ));
            c.u(&format!(
                "the A1C was like {} point {}",
                n2w(rng.range(5, 9) as u32),
                n2w(rng.range(1, 9) as u32)
            ));
            c.a("the doctor will go over it at the follow up");
        }
        _ => {
            c.u(&format!(
                "I'm due for a cleaning it's been {} months",
                n2w(rng.range(6, 14) as u32)
            ));
            c.a(&format!(
                "we have {} at {} in the Eugene office",
                date(rng),
                time(rng)
            ));
            c.u("perfect");
        }
    }
}

fn tech(rng: &mut Rng, c: &mut Call) {
    match rng.below(5) {
        0 => {
            c.a(&format!(
                "can you read me the firmware version on the {}",
                rng.item(MODELS)
            ));
            c.u(&format!(
                "it says version {}.{}.{}",
                rng.range(1, 9),
                rng.range(0, 20),
                rng.range(0, 99)
            ));
            c.a(&format!(
                "okay the latest is {}.{} I'll push it now",
                rng.range(2, 9),
                rng.range(0, 9)
            ));
        }
        1 => {
            c.u(&format!(
                "I'm only getting {} megs and I pay for {}",
                rng.range(20, 200),
                rng.item("five hundred|a gig|three hundred")
            ));
            c.a(&format!(
                "I see {} devices connected and the {} gigahertz band is crowded",
                n2w(rng.range(8, 30) as u32),
                rng.item("two point four|five")
            ));
        }
        2 => {
            c.a(&format!(
                "please hold the reset button for {} seconds until the light turns amber",
                n2w(rng.range(10, 30) as u32)
            ));
            c.u("it's blinking amber now");
            c.a("that's normal give it about two minutes");
        }
        3 => {
            let d = rng.digits(3);
            c.u(&format!(
                "the error code is E {}",
                speak_run(rng, &d, false)
            ));
            let n = rng.range(100, 999);
            let part = format!("{}-{}", rng.letters(2), rng.digits(4));
            c.a(&format!(
                "error {n} means the filter needs replacing part number {part}"
            ));
        }
        _ => {
            c.a(&format!(
                "your ticket {} has been escalated to tier {}",
                order_no(rng),
                n2w(rng.range(2, 3) as u32)
            ));
            c.u("how long will that take");
            c.a(&format!("usually within {} hours", rng.range(24, 72)));
        }
    }
}

fn insur_gov(rng: &mut Rng, c: &mut Call) {
    match rng.below(7) {
        0 => {
            c.a("Harbor Mutual claims how can I help");
            c.u(&format!(
                "I had a fender bender in the Kohl's parking lot on {}",
                date(rng)
            ));
            c.a(&format!(
                "your deductible is {} and rental coverage is {} a day up to {} days",
                price(rng, c.lower),
                price(rng, c.lower),
                rng.range(10, 30)
            ));
        }
        1 => {
            c.u(&format!("how much would it be to add a {} to the policy", rng.item("2019 Honda Civic|2022 Ford F-150|2016 Mercedes-Benz C300|2021 Harley-Davidson Sportster")));
            c.a(&format!(
                "that adds about {} every six months",
                price(rng, c.lower)
            ));
        }
        2 => {
            c.a(&format!(
                "the claim {} was approved for {}",
                order_no(rng),
                price(rng, c.lower)
            ));
            c.u("when do I get the check");
            c.a(&format!(
                "within {} business days",
                n2w(rng.range(5, 10) as u32)
            ));
        }
        3 => {
            c.a("Department of Motor Vehicles virtual assistant");
            c.u("I need to renew my registration it expires in May");
            c.a(&format!(
                "the renewal fee is {} and you can pay online or at the Raleigh office",
                price(rng, c.lower)
            ));
        }
        4 => {
            c.u(&format!(
                "I mailed the form on {} and haven't heard back",
                date(rng)
            ));
            c.a(&format!(
                "processing is currently {} to {} weeks",
                n2w(rng.range(4, 8) as u32),
                n2w(rng.range(9, 14) as u32)
            ));
        }
        5 => {
            c.a(&format!(
                "the property tax installment of {} is due {}",
                price(rng, c.lower),
                date(rng)
            ));
            c.u("can I pay half");
            c.a("partial payments are accepted but interest accrues on the rest");
        }
        _ => {
            c.u("what documents do I need for the passport renewal");
            c.a(&format!(
                "the form DS-82 two photos and the fee of {}",
                price(rng, c.lower)
            ));
            c.u("and how long");
            c.a(&format!(
                "routine service is {} to {} weeks",
                n2w(rng.range(4, 7) as u32),
                n2w(rng.range(8, 11) as u32)
            ));
        }
    }
}

/// A summary or tool call without PII, as the agent writes it.
fn written(rng: &mut Rng) -> Sample {
    let mut c = Call::with_case(rng, false);
    let s = match rng.below(8) {
        0 => format!(
            "Call summary: customer disputed a charge of ${}.{:02} from {}. Refund issued, reference {}. Follow-up on {}.",
            rng.range(5, 500), rng.range(0, 99), rng.item(BRANDS), code(rng), date(rng)
        ),
        1 => format!(
            "tool_call: lookup_order({{\"order_id\": \"{}\", \"include_items\": true}})",
            order_no(rng)
        ),
        2 => format!(
            "create_ticket(category=\"billing\", priority=\"{}\", note=\"plan change to {} effective {}\")",
            rng.item("low|normal|high"), rng.item(PLANS), date(rng)
        ),
        3 => format!(
            "Summary: flight {} {} to {} rebooked to {} departing {}. Seat {}{}. Fare difference ${}.{:02} waived.",
            rng.item(AIRLINES), rng.range(100, 2999), rng.item(PLACES), date(rng), time(rng), rng.range(2, 40), rng.item("A|C|D|F"), rng.range(20, 300), rng.range(0, 99)
        ),
        4 => format!(
            "{{\"name\": \"schedule_appointment\", \"arguments\": {{\"clinic\": \"{}\", \"date\": \"2025-{:02}-{:02}\", \"time\": \"{:02}:{}\"}}}}",
            rng.item(PLACES), rng.range(1, 12), rng.range(1, 28), rng.range(8, 17), rng.item("00|15|30|45")
        ),
        5 => format!(
            "Notes: caller asked about the {} and {}. Quoted ${}.{:02}/mo. No changes made. Sentiment: {}.",
            rng.item(PLANS), rng.item(MODELS), rng.range(10, 150), rng.range(0, 99), rng.item("neutral|positive|frustrated")
        ),
        6 => format!(
            "update_case(case_id=\"{}\", status=\"resolved\", resolution=\"credit ${}.{:02} applied\")",
            order_no(rng), rng.range(5, 90), rng.range(0, 99)
        ),
        _ => format!(
            "Voicemail (auto-transcribed): hi this is a reminder from {} your order {} is ready for pickup at the {} store open until {}",
            rng.item("Barnes & Noble|Macy's|Hobby Lobby|Trader Joe's|Dick's Sporting Goods"), order_no(rng), rng.item(PLACES), time(rng)
        ),
    };
    c.t(&s);
    c.done("free_written")
}

fn ivr(rng: &mut Rng, c: &mut Call) {
    match rng.below(3) {
        0 => {
            c.a(&format!("for billing press one for technical support press two to hear these options again press {}", n2w(rng.range(8, 9) as u32)));
            c.u("two");
            c.a(&format!(
                "your estimated wait time is {} minutes",
                n2w(rng.range(2, 25) as u32)
            ));
        }
        1 => {
            c.a("please say or enter your order number");
            let d = rng.digits(6);
            c.u(&speak_run(rng, &d, true));
            c.a(&format!(
                "thank you your order shipped on {} and arrives {}",
                date(rng),
                date(rng)
            ));
        }
        _ => {
            c.a("in a few words tell me why you're calling");
            c.u(&format!(
                "uh {} the {}",
                rng.item("billing question about|problem with|I want to cancel|upgrade"),
                rng.item(PLANS)
            ));
            c.a("got it let me connect you");
        }
    }
}

/// A PII-free text.
pub(crate) fn text(rng: &mut Rng) -> Sample {
    let r = rng.below(20);
    if r == 0 || r == 1 {
        return written(rng);
    }
    let mut c = Call::new(rng);
    let kind = match r {
        2..=4 => {
            billing(rng, &mut c);
            "free_billing"
        }
        5 | 6 => {
            travel(rng, &mut c);
            "free_travel"
        }
        7 | 8 => {
            order(rng, &mut c);
            "free_order"
        }
        9 | 10 => {
            bank(rng, &mut c);
            "free_bank"
        }
        11 | 12 => {
            words(rng, &mut c);
            "free_words"
        }
        13 | 14 => {
            sched(rng, &mut c);
            "free_sched"
        }
        15 => {
            tech(rng, &mut c);
            "free_tech"
        }
        16 | 17 => {
            insur_gov(rng, &mut c);
            "free_insur_gov"
        }
        _ => {
            ivr(rng, &mut c);
            "free_ivr"
        }
    };
    if rng.chance(0.5) {
        if rng.chance(0.5) {
            agent_filler(rng, &mut c);
        } else {
            caller_filler(rng, &mut c);
        }
    }
    c.done(kind)
}
