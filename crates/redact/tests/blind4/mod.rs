//! Blind corpus 4: international names and street addresses in English
//! sentences — customer-service chats and general prose, letters, signatures,
//! speaker tags, lists — written by an author who has not read the detectors.
//!
//! Gold spans: a person's name without its title ("Mr. Okafor" → "Okafor"), an
//! address from its first line to its last tail line (city, postcode, country),
//! and the phones and e-mails of letterheads. About a quarter of the texts are
//! PII-free, many of them hard negatives: firms named after people, places,
//! products, capitalised sentence starts.

mod addresses;
mod europe;
mod names;
mod world;

use crate::blindgen::{Rng, Sample, Text};
use names::Name;

pub(crate) use names::counts as name_counts;

/// Generates `n` texts from `seed`.
pub(crate) fn generate(seed: u64, n: usize) -> Vec<Sample> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            let mut t = Text::new();
            let kind = match rng.below(20) {
                0 | 1 => prose(&mut rng, &mut t),
                2 => speaker_tags(&mut rng, &mut t),
                3 => list(&mut rng, &mut t),
                4 => signature(&mut rng, &mut t),
                5 => agent_question(&mut rng, &mut t),
                6 => lowercase(&mut rng, &mut t),
                7 => titled(&mut rng, &mut t),
                8..=10 => address_sentence(&mut rng, &mut t),
                11 => letter(&mut rng, &mut t),
                12 => name_and_address(&mut rng, &mut t),
                _ if rng.chance(0.75) => negative(&mut rng, &mut t),
                _ => mixed_negative(&mut rng, &mut t),
            };
            t.done(kind)
        })
        .collect()
}

const FIRMS: &str = "Goldman Sachs|Morgan Stanley|Rolls-Royce|Marks & Spencer|Ernst & Young|Procter & Gamble|Johnson Controls|Louis Vuitton|Hewlett-Packard|Harley-Davidson|Mercedes-Benz|Ben & Jerry's|Dolce & Gabbana|Siemens|Philips|McKinsey|Ferrari|Lamborghini|Carrefour|Heineken|Nestlé|Tata Consultancy Services|Mahindra|Samsung|Toyota|Ikea|Zara|Santander|Deutsche Bahn|Air France";
const PLACES: &str = "Buenos Aires|São Paulo|Kraków|Lake Geneva|Victoria Falls|Mount Kilimanjaro|St. Petersburg|San Francisco|Santa Monica|the Algarve|Reykjavík|Lagos|Nairobi|Hokkaido|Kerala|Patagonia|the Black Forest|Oxford Street|the Champs-Élysées|Bondi Beach|Marrakesh|Jakarta|Valparaíso|Tbilisi";
const PRODUCTS: &str = "the Galaxy Note|a Surface Pro|the Kindle Paperwhite|a ThinkPad|the Model Y|an Xbox Series S|the Pixel Watch|a Dyson Airwrap|the PlayStation Portal|a Nespresso Vertuo|the Fiat Panda|a Toyota Corolla";
const STARTS: &str = "Brilliant, thanks for sorting that out.|Honestly the delivery was three days late.|Unfortunately the parcel never arrived.|Perfect, that works for me.|Great, see you on Thursday.|Sorry, could you repeat the last part?|Wonderful news about the refund.|Absolutely, I will wait.|Right, let me check the system.|Lovely, have a good evening.|Certainly, one moment please.|Hmm, that does not sound right.";
const ROLES: &str = "Head of Procurement|Customer Success Manager|Senior Engineer|Office Manager|Claims Adjuster|Account Director|Pharmacist|Project Lead|Head Teacher|Logistics Coordinator";

fn n(rng: &mut Rng) -> Name {
    names::name(rng)
}

/// Writes a name in one of its forms (full, given only, surname only).
fn put_name(rng: &mut Rng, t: &mut Text, nm: &Name) {
    let form = match rng.below(5) {
        0 => nm.given.clone(),
        1 => nm.surname.clone(),
        _ => nm.full(),
    };
    t.p("PERSON", &form);
}

fn put_addr_line(rng: &mut Rng, t: &mut Text) {
    let (_, lines) = addresses::address(rng);
    t.p("STREET_ADDRESS", &lines.join(", "));
}

fn put_addr_block(rng: &mut Rng, t: &mut Text) {
    let (_, lines) = addresses::address(rng);
    t.p("STREET_ADDRESS", &lines.join("\n"));
}

fn prose(rng: &mut Rng, t: &mut Text) -> &'static str {
    let (a, b) = (n(rng), n(rng));
    match rng.below(8) {
        0 => {
            t.p("PERSON", &a.surname).t(" and ").p("PERSON", &b.surname);
            t.t(rng.item(" were both engineers at the plant.| had never met before the conference.| wrote the report together.| disagree about almost everything."));
        }
        1 => {
            t.p("PERSON", &a.full());
            t.t(rng.item(" joined the team in March.| won the regional chess final.| has been our neighbour for ten years.| will chair the meeting."));
        }
        2 => {
            t.t("I spoke with ").p("PERSON", &a.given);
            t.t(rng.item(" yesterday and she said the boiler is fixed.| this morning; he will call back.| about the invoice.| and her brother after the match."));
        }
        3 => {
            t.t("We called her ")
                .p("PERSON", &a.given)
                .t(" after her grandmother.");
        }
        4 => {
            t.t("The award went to ")
                .p("PERSON", &a.full())
                .t(", while ");
            t.p("PERSON", &b.full()).t(" took second place.");
        }
        5 => {
            t.t("According to ").p("PERSON", &a.surname);
            t.t(", the bridge in ");
            t.t(rng.item(PLACES));
            t.t(" will reopen next spring.");
        }
        6 => {
            t.p("PERSON", &a.given)
                .t("'s sister ")
                .p("PERSON", &b.given);
            t.t(" works for ").t(rng.item(FIRMS)).t(" now.");
        }
        _ => {
            t.t("Yesterday ").p("PERSON", &a.full()).t(" flew to ");
            t.t(rng.item(PLACES))
                .t(" with ")
                .p("PERSON", &b.given)
                .t(".");
        }
    }
    "prose"
}

fn speaker_tags(rng: &mut Rng, t: &mut Text) -> &'static str {
    let (a, b) = (n(rng), n(rng));
    t.p("PERSON", &a.given).t(": ");
    t.t(rng.item(
        "do you remember me, |are you coming tonight, |thanks for the help, |good morning, ",
    ));
    t.p("PERSON", &b.given).t("?\n");
    t.p("PERSON", &b.given).t(": ");
    t.t(rng.item("of course I do.|maybe, if the train is on time.|any time.|morning! coffee?"));
    if rng.chance(0.4) {
        t.t("\n").p("PERSON", &a.given).t(": ");
        t.t(rng.item("great.|see you later.|cheers."));
    }
    "speaker_tags"
}

fn list(rng: &mut Rng, t: &mut Text) -> &'static str {
    let k = 2 + rng.below(3);
    if rng.chance(0.5) {
        t.t(rng.item("Attendees: |Present: |On the rota this week: |Shortlisted: "));
        for i in 0..k {
            if i > 0 {
                t.t(if i + 1 == k { " and " } else { ", " });
            }
            let nm = n(rng);
            t.p("PERSON", &nm.full());
        }
        t.t(".");
    } else {
        t.t(rng.item("Speakers:\n|Team:\n|Winners:\n"));
        for i in 0..k {
            t.t(&format!("{}. ", i + 1));
            let nm = n(rng);
            t.p("PERSON", &nm.full());
            t.t(rng.item("| (chair)| – logistics| – finance|")).t("\n");
        }
    }
    "list"
}

fn phone(rng: &mut Rng) -> String {
    match rng.below(5) {
        0 => format!("+49 30 {} {}", rng.digits(4), rng.digits(4)),
        1 => format!("+44 20 7{} {}", rng.digits(3), rng.digits(4)),
        2 => format!(
            "+33 1 {} {} {} {}",
            rng.digits(2),
            rng.digits(2),
            rng.digits(2),
            rng.digits(2)
        ),
        3 => format!("+91 98{} {}", rng.digits(3), rng.digits(5)),
        _ => format!("+81 3-{}-{}", rng.digits(4), rng.digits(4)),
    }
}

fn email(nm: &Name, rng: &mut Rng) -> String {
    let clean = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_ascii_alphabetic())
            .collect::<String>()
            .to_lowercase()
    };
    let dom = rng.item("example.de|firma.nl|bureau.fr|company.co.uk|studio.it|mail.jp|office.in");
    let (g, s) = (clean(&nm.given), clean(&nm.surname));
    let g = if g.is_empty() { "info".into() } else { g };
    let s = if s.is_empty() { "team".into() } else { s };
    format!("{g}.{s}@{dom}")
}

fn signature(rng: &mut Rng, t: &mut Text) -> &'static str {
    let nm = n(rng);
    t.t(rng.item("Best regards,\n|Kind regards,\n|Yours sincerely,\n|Thanks,\n|Cheers,\n"));
    t.p("PERSON", &nm.full()).t("\n");
    if rng.chance(0.7) {
        t.t(rng.item(ROLES)).t("\n");
    }
    if rng.chance(0.5) {
        put_addr_block(rng, t);
        t.t("\n");
    }
    let label = rng.item("Tel: |Phone: |Mobile: |Fax: |Desk: |T ");
    t.t(label);
    let ph = phone(rng);
    t.p("PHONE", &ph);
    if rng.chance(0.5) {
        t.t("\n");
        let e = email(&nm, rng);
        t.p("EMAIL", &e);
    }
    "signature"
}

fn agent_question(rng: &mut Rng, t: &mut Text) -> &'static str {
    let nm = n(rng);
    match rng.below(6) {
        0 => {
            t.t("Agent: May I have your name?\nCustomer: ")
                .p("PERSON", &nm.full());
        }
        1 => {
            t.t("Agent: And your surname?\nCustomer: ")
                .p("PERSON", &nm.surname);
        }
        2 => {
            t.t("Agent: What is the name on the card?\nCustomer: ")
                .p("PERSON", &nm.full())
                .t(".");
        }
        3 => {
            t.t("Customer: Please put ").p("PERSON", &nm.full());
            t.t(" on the account as a joint holder.");
        }
        4 => {
            t.p("PERSON", &nm.given)
                .t(", could you hold on a moment? I am checking the order.");
        }
        _ => {
            t.t("Agent: Who am I speaking with today?\nCustomer: It's ")
                .p("PERSON", &nm.full());
            t.t(rng.item("|, calling about my refund|, the account holder"));
            t.t(".");
        }
    }
    "agent_question"
}

fn lowercase(rng: &mut Rng, t: &mut Text) -> &'static str {
    let nm = n(rng);
    let lower = nm.full().to_lowercase();
    match rng.below(4) {
        0 => {
            t.t("yeah it is for ").p("PERSON", &lower);
        }
        1 => {
            t.t("the booking is under ")
                .p("PERSON", &lower)
                .t(" i think");
        }
        2 => {
            t.t("so i was talking to ")
                .p("PERSON", &nm.given.to_lowercase());
            t.t(" and she said the router is broken");
        }
        _ => {
            t.t("my name is ").p("PERSON", &lower).t(" and i live at ");
            let (_, lines) = addresses::address(rng);
            t.p("STREET_ADDRESS", &lines.join(" ").to_lowercase());
        }
    }
    "lowercase"
}

fn titled(rng: &mut Rng, t: &mut Text) -> &'static str {
    let nm = n(rng);
    t.t(rng.item("Mr. |Mrs. |Ms. |Dr. |Prof. |Herr |Frau |Mme |Señora |Mx. "));
    t.p("PERSON", &nm.surname);
    t.t(rng.item(" drove to | flew back to | moved to | wrote from | works near "));
    t.t(rng.item(PLACES));
    t.t(rng.item(" last week.| on Monday.| for the conference.| after the merger."));
    "titled"
}

fn address_sentence(rng: &mut Rng, t: &mut Text) -> &'static str {
    match rng.below(6) {
        0 => {
            t.t("Please send the replacement to ");
            put_addr_line(rng, t);
            t.t(".");
        }
        1 => {
            t.t("Customer: My new address is ");
            put_addr_line(rng, t);
            t.t(rng.item("|, from next Monday| — can you update it?"));
        }
        2 => {
            t.t("Ship to:\n");
            put_addr_block(rng, t);
        }
        3 => {
            t.t("The office moved to ");
            put_addr_line(rng, t);
            t.t(" in ")
                .t(rng.item("January|spring|2023|the autumn"))
                .t(".");
        }
        4 => {
            t.t("Agent: Could you confirm the delivery address?\nCustomer: ");
            put_addr_line(rng, t);
        }
        _ => {
            t.t("Return address: ");
            put_addr_line(rng, t);
        }
    }
    "address"
}

fn letter(rng: &mut Rng, t: &mut Text) -> &'static str {
    let (from, to) = (n(rng), n(rng));
    t.p("PERSON", &from.full()).t("\n");
    put_addr_block(rng, t);
    t.t("\n\n").t(rng.item("Dear |Dear Ms. |Dear Mr. |Hello "));
    t.p("PERSON", &to.surname).t(",\n");
    t.t(rng.item("thank you for your letter of 3 May.|I am writing about the lease renewal.|please find the signed contract enclosed."));
    t.t("\n")
        .t(rng.item("Sincerely,|Regards,|Best wishes,"))
        .t("\n");
    t.p("PERSON", &from.given);
    "letter"
}

fn name_and_address(rng: &mut Rng, t: &mut Text) -> &'static str {
    let nm = n(rng);
    put_name(rng, t, &nm);
    t.t(rng.item(" lives at | can be reached at | has moved to | rents a flat at "));
    put_addr_line(rng, t);
    t.t(".");
    "name_address"
}

fn negative(rng: &mut Rng, t: &mut Text) -> &'static str {
    match rng.below(8) {
        0 => {
            let (f1, f2) = (rng.item(FIRMS), rng.item(FIRMS));
            t.t(match rng.below(4) {
                0 => format!("I used to work at {f1} before joining {f2}."),
                1 => format!("{f1} sent me a voucher after the complaint."),
                2 => format!("The {f1} team replied within a day, unlike {f2}."),
                _ => format!("Is {f1} still sponsoring the league this season?"),
            }
            .as_str());
        }
        1 => {
            t.t(rng.item(STARTS));
            if rng.chance(0.5) {
                t.t(" ").t(rng.item(STARTS));
            }
        }
        2 => {
            let (p1, p2) = (rng.item(PLACES), rng.item(PLACES));
            t.t(match rng.below(3) {
                0 => format!("We spent the summer in {p1} and then {p2}."),
                1 => format!("The conference moves to {p1} next year."),
                _ => format!("Flights to {p1} are cheaper than flights to {p2} in winter."),
            }
            .as_str());
        }
        3 => {
            t.t("My ")
                .t(rng.item("kids|parents|colleagues|students|neighbours"));
            t.t(" keep ")
                .t(rng.item("talking to|arguing with|waving at|complaining about"));
            t.t(" ").t(rng.item(
                "robots|chatbots|the smart speaker|strangers|the sat nav|the vending machine",
            ));
            t.t(rng.item(" all day.| every evening.| constantly.| on the bus."));
        }
        4 => {
            t.t("Customer: ").t(rng.item(STARTS)).t(" I bought ");
            t.t(rng.item(PRODUCTS));
            t.t(rng.item(
                " and it stopped charging.| last month and the screen flickers.| as a gift.",
            ));
        }
        5 => {
            t.t(rng.item(FIRMS))
                .t(" opened a new store near ")
                .t(rng.item(PLACES))
                .t(".");
        }
        6 => {
            t.t(rng.item("Monday|Thursday|August|Easter|Christmas Eve|The second week of June|New Year's Day"));
            t.t(rng.item(" is fully booked, I'm afraid.| works better for our team.| was the busiest day of the year.| suits everyone."));
        }
        _ => {
            t.t("Agent: ").t(rng.item("Is there anything else I can help with?|Did the technician arrive?|How was the stay?|Has the refund reached your account?|Is the router light green now?|Would you like a copy by post?|Can you see the new plan in the app?|Did the courier leave a card?"));
            t.t("\nCustomer: ").t(rng.item("No, that's all, thank you.|Yes, all sorted.|Lovely, the room faced the sea.|Not yet, it's been a week.|Yes, finally.|No thanks, e-mail is fine.|Give me a second, it's loading.|Nothing at all, sadly."));
        }
    }
    "negative"
}

fn mixed_negative(rng: &mut Rng, t: &mut Text) -> &'static str {
    let nm = n(rng);
    t.t(rng.item("Mr. |Ms. |Dr. "));
    t.p("PERSON", &nm.surname)
        .t(" drove to the ")
        .t(rng.item(FIRMS));
    t.t(" office in ")
        .t(rng.item(PLACES))
        .t(" and bought ")
        .t(rng.item(PRODUCTS))
        .t(".");
    "hard_mixed"
}
