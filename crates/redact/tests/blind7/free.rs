//! blind7 PII-free texts: place names, organisations, streets without a house
//! number, eponymous places and prizes, capitalised job titles, dates, numbers.

use super::names::org;
use crate::blindgen::{Rng, Sample, Text};

const CITIES: &str = "Victoria|Florence|Georgetown|Santiago|Alexandria|Hyderabad|Kumasi|\
Valparaíso|Łódź|Chiang Mai|Curitiba|Mombasa|Tromsø|Ljubljana|Da Nang|Essaouira|Cebu|Tbilisi";
const STREETS: &str = "Avenida Paulista|Kenyatta Avenue|Boulevard Haussmann|Mahatma Gandhi Road|\
Nanjing Road|the Ringstraße|Orchard Road|Las Ramblas|Nevsky Prospekt|Unter den Linden|\
Istiklal Avenue|Calle Florida";
const EVENTS: &str = "the Nobel Prize in Chemistry|the Booker Prize|the Fields Medal|\
the Africa Cup of Nations|the Venice Biennale|the Frankfurt Book Fair|Diwali|Lunar New Year|\
Eid al-Fitr|Carnival";

/// Plain PII-free prose: travel, business, news.
pub(crate) fn prose(rng: &mut Rng) -> Sample {
    let mut t = Text::new();
    let c1 = rng.item(CITIES);
    let c2 = rng.item(CITIES);
    let s = match rng.below(8) {
        0 => format!(
            "The ferry from {c1} to {c2} leaves at 07:45 and takes about {} hours.",
            rng.range(2, 9)
        ),
        1 => format!(
            "{} opened a second warehouse near {c1} in March, doubling capacity to {} pallets.",
            org(rng),
            rng.range(2, 40) * 1000
        ),
        2 => format!(
            "Shops along {} stay open until 22:00 during {}.",
            rng.item(STREETS),
            rng.item(EVENTS)
        ),
        3 => format!(
            "Rainfall in {c1} reached {} mm in October, the highest since 1998.",
            rng.range(120, 480)
        ),
        4 => format!(
            "The Regional Sales Manager and the Head of Procurement will meet in {c1} on 14 November."
        ),
        5 => format!(
            "Tickets for {} cost {} euros; students pay half price.",
            rng.item(EVENTS),
            rng.range(8, 60)
        ),
        6 => format!(
            "Our team in {c1} shipped {} orders last quarter, up {}% on the year before.",
            rng.range(1200, 98000),
            rng.range(2, 35)
        ),
        _ => format!(
            "Flight {}{} to {c2} departs from Terminal {} at gate {}{}.",
            rng.item("KQ|ET|TK|LH|QR|SQ|LA"),
            rng.range(100, 999),
            rng.range(1, 5),
            rng.letters(1),
            rng.range(1, 40)
        ),
    };
    t.t(&s);
    t.done("pii_free_prose")
}

/// Hard PII-free texts: eponymous places and prizes, brand names that are
/// surnames, streets and buildings without numbers, capitalised headings,
/// numbers that look like postcodes or house numbers.
pub(crate) fn hard(rng: &mut Rng) -> Sample {
    let mut t = Text::new();
    let s = match rng.below(10) {
        0 => format!(
            "The conference hotel is on {}, opposite the central station.",
            rng.item(STREETS)
        ),
        1 => "The Nelson Mandela Bay stadium and the Simón Bolívar concert hall were both renovated in 2019.".to_string(),
        2 => format!(
            "Delivery Schedule\nZone {}: Monday and Thursday\nZone {}: Tuesday\nRoute {} is closed for roadworks.",
            rng.range(1, 9),
            rng.range(10, 19),
            rng.range(1, 120)
        ),
        3 => "We stock Mercedes-Benz, Porsche, Ferrari and Lamborghini parts, plus Bosch and Siemens tools.".to_string(),
        4 => format!(
            "Section {}.{} of the contract covers delivery to {} and {}.",
            rng.range(2, 14),
            rng.range(1, 9),
            rng.item(CITIES),
            rng.item(CITIES)
        ),
        5 => format!(
            "Room {} on floor {} of Tower B hosts the {} office until further notice.",
            rng.range(100, 2400),
            rng.range(2, 30),
            rng.item(CITIES)
        ),
        6 => format!(
            "Population of {}: about {} (2021 census); area {} km².",
            rng.item(CITIES),
            rng.range(80000, 4000000),
            rng.range(40, 1200)
        ),
        7 => "Highlights: Victoria Falls, the Ngorongoro Crater, Lake Malawi and the Drakensberg.".to_string(),
        8 => format!(
            "Best Regards to the Whole Team in {} — Happy {}!",
            rng.item(CITIES),
            rng.item("Diwali|Lunar New Year|Eid|Nowruz|Hanukkah")
        ),
        _ => format!(
            "Our partners at {} and {} will co-host the {} reception.",
            org(rng),
            org(rng),
            rng.item(EVENTS)
        ),
    };
    t.t(&s);
    t.done("pii_free_hard")
}
