//! PII-free texts that look like PII: brands and firms named after people,
//! cities and streets mentioned without a number (several of them also given
//! names), product names with numbers, capitalised headings and plan names,
//! months and weekdays, given-name words used as common words, reference
//! numbers and amounts, and plain speech-to-text segments.

use super::{company, issue};
use crate::blindgen::{Rng, Sample, Text};

const BRANDS: &str = "Johnson & Johnson|Morgan Stanley|Wells Fargo|Goldman Sachs|Marks & Spencer|Procter & Gamble|Ernst & Young|Hewlett-Packard|Tata Motors|Mahindra|Siemens|Philips|Porsche|Ferrari|Chanel|Louis Vuitton|Boeing|McDonald's|Wendy's|Tim Hortons|Dell|Ford|Toyota|Suzuki|Yamaha|Mercedes-Benz|Bosch|Miele|Dyson|Heineken|Carlsberg|Cadbury|Kellogg's|Heinz|Sainsbury's|John Lewis|Bang & Olufsen|Roche|Renault|Peugeot|Citroën|Kawasaki|Hermès|Gucci|Prada|Armani|Rolls-Royce|Bentley|Levi's|Ben & Jerry's";

const FIRMS: &str = "Okafor & Sons Plumbing|Haddad Brothers Bakery|Nakamura Precision Tools Ltd|Kowalski Removals|Papadopoulos Deli|Fitzgerald Hotels Group|Sharma Textiles Pvt Ltd|Lindqvist Arkitekter AB|García Hermanos S.A.|Mensah Motors|Tanaka Sushi Bar|Van der Berg Bloemen BV|Moreau Transports SARL|Cohen & Levi LLP|Tupou Construction";

const PLACES: &str = "Oxford Street|Gran Vía|Sheikh Zayed Road|Nevsky Prospekt|Orchard Road|Champs-Élysées|Unter den Linden|Avenida Paulista|Marine Drive|Lekki-Epe Expressway|Bahnhofstrasse|Princes Street|Queen Street West|Kurfürstendamm|Rambla de Catalunya";

const CITIES: &str = "Lagos|Nairobi|Accra|Kraków|Gdańsk|Lisbon|São Paulo|Osaka|Busan|Hanoi|Chennai|Karachi|Dubai|Riyadh|Istanbul|Tehran|Vilnius|Tromsø|Thessaloniki|Auckland|Suva|Victoria|Adelaide|Charlotte|Florence|Regina|Austin|Sydney|Lincoln|Santiago|Alexandria|Jackson";

const PRODUCTS: &str = "iPhone 15 Pro|Windows 11|Galaxy S24|PlayStation 5|Pixel 8|Model 3|Xbox Series X|AirPods Pro 2|Office 365|Fiat 500|Peugeot 208|Audi A4|Boeing 737|Airbus A380|Apple Watch Series 9|Kindle Paperwhite|Surface Pro 9|MacBook Air M2|Galaxy Tab S9|Wi-Fi 6 router";

const HEADINGS: &str = "Quarterly Review — Customer Experience Team|Action Items|Billing Dispute Resolution Process (Draft)|Service Level Agreement Summary|Known Issues And Workarounds|Network Maintenance Window Notice|Welcome To Premium Support|Escalation Matrix For Priority Tickets|Holiday Opening Hours|Refund Policy Update|Onboarding Checklist For New Agents|Frequently Asked Questions";

pub(crate) fn sample(rng: &mut Rng) -> Sample {
    let mut t = Text::new();
    let kind = match rng.below(10) {
        0 => {
            let b = rng.item(BRANDS);
            let c = rng.item(BRANDS);
            match rng.below(3) {
                0 => t.t(&format!("Caller works for {b} and wants the business tariff; their old provider was billed through {c}.")),
                1 => t.t(&format!("Loyalty points can be spent at {b} and {c} until the end of the year.")),
                _ => t.t(&format!("The {b} voucher was rejected at checkout, so the customer paid with a {c} gift card.")),
            };
            "free/brand"
        }
        1 => {
            let f = rng.item(FIRMS);
            match rng.below(3) {
                0 => t.t(&format!("Invoice dispute raised by {f}. They say the {} upgrade was never installed.", rng.item(PRODUCTS))),
                1 => t.t(&format!("Business line for {f} is down since Sunday; the shop cannot take card payments.")),
                _ => t.t(&format!("{f} wants three more SIMs on the company account and a single monthly invoice.")),
            };
            "free/firm"
        }
        2 => {
            let s = rng.item(PLACES);
            let c = rng.item(CITIES);
            let c2 = rng.item(CITIES);
            t.t(rng.item(
                "The shop on |Roadworks on |We have no coverage near |The courier got stuck on ",
            ));
            t.t(&format!(
                "{s} this week; customers in {c} and {c2} are also affected."
            ));
            "free/place"
        }
        3 => {
            let p = rng.item(PRODUCTS);
            let mut q = rng.item(PRODUCTS);
            while q == p {
                q = rng.item(PRODUCTS);
            }
            match rng.below(3) {
                0 => t.t(&format!("Customer upgraded to the {p} from their old {q} and the eSIM will not activate.")),
                1 => t.t(&format!("Screen flickers on the {p} since the update; the {q} works fine on the same Wi-Fi.")),
                _ => t.t(&format!("Asked whether the Route 66 diner offer applies to the {p}. Told them it only covers the {q}.")),
            };
            "free/product"
        }
        4 => {
            t.t(rng.item(HEADINGS)).t("\n\n");
            t.t(rng.item(
                "Owner: Retentions Team|Status: Draft|Applies To: All Regions|Last Reviewed: Q3",
            ));
            t.t("\nSee the Knowledge Base article on ")
                .t(issue(rng))
                .t(".");
            "free/heading"
        }
        5 => {
            let day = rng.item("Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday");
            let m1 = rng.item("January|February|March|April|May|June|July|August");
            let m2 = rng.item("September|October|November|December");
            t.t(&format!("Call back on {day} morning. The {m1} invoice is wrong and the promotion only runs from {m1} to {m2}; we are closed on Good Friday and Easter Monday."));
            "free/calendar"
        }
        6 => {
            t.t(rng.item("May I put you on hold for a moment?|Will that be all for today?|Grace period ends on Friday, so there is no late fee yet.|Hope that helps! Your bill will be lower next month.|Frank answer: the Crystal Clear plan is cheaper.|The Rose Gold model is out of stock until Summer Sale.|Victoria line delays meant the engineer arrived late.|Sterling payments clear in two days, Euro in three."));
            "free/name-words"
        }
        7 => {
            let c = company(rng);
            t.t(&format!(
                "Order {}-{} refunded £{}.{:02} on {} {}. Case {}/{}. Flight {} {} departs {:02}:{:02} from Terminal {}.",
                rng.digits(4),
                rng.digits(4),
                rng.range(5, 400),
                rng.range(0, 99),
                rng.range(1, 28),
                rng.item("January|March|May|July|September|November"),
                rng.range(2019, 2025),
                rng.digits(6),
                rng.item("BA|LH|EK|QR|TK|ET"),
                rng.range(100, 2999),
                rng.range(6, 22),
                rng.range(0, 59),
                rng.range(1, 5)
            ));
            t.t(&format!(" Reference held by {c}."));
            "free/numbers"
        }
        8 => {
            t.t(rng.item("yeah no i just want to cancel the premium add on before it renews|can you hear me now the line keeps cutting out every few minutes|it's the one from the advert with the free router and the six month discount|okay hold on let me find the letter you sent it says final notice at the top|no the engineer never came we waited in all day on tuesday|um i think it's the twenty four month contract but i'm not sure|so the light on the box is flashing orange and then it goes off|i paid it last friday through the app so i don't know why it says overdue|sorry my kids are shouting hang on a second|is there a way to get the roaming pass for just one week|the text said my parcel is at the depot but the depot is closed on sundays|i want to speak to someone about the complaint i made in october"));
            "free/stt"
        }
        _ => {
            let c = company(rng);
            t.t(&format!("Agent: Thanks for calling {c}, you're through to the billing team.\nCaller: Hi, I'm ringing for my mother, she's the account holder.\nAgent: No problem, is she with you to give consent?"));
            "free/dialogue"
        }
    };
    t.done(kind)
}
