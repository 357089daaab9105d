//! Written street-address formats of the Anglo countries and Europe: number
//! first (United States, United Kingdom, Ireland, Australia, New Zealand,
//! Canada, France), number after the street (Germany, the Netherlands, Spain,
//! Italy, Poland, Sweden, Norway, Finland, Lithuania, Greece, Portugal), with
//! flats, units, floors and postcodes in each country's own shape.

use super::addresses::{n, pair};
use crate::blindgen::Rng;

/// The address of format `k` (0..=17) and its country's name.
pub(crate) fn format(rng: &mut Rng, k: usize) -> (String, &'static str) {
    match k {
        0 => {
            let unit = if rng.chance(0.4) {
                format!(", Apt {}{}", n(rng, 1, 30), rng.item("|A|B|C"))
            } else {
                String::new()
            };
            let city = rng.item("Tucson, AZ|Columbus, OH|Raleigh, NC|Spokane, WA|Albany, NY|Boise, ID|Savannah, GA|Madison, WI");
            (format!("{} {} {}{unit}, {city} {}", n(rng, 12, 9870), rng.item("Alder Creek|Maple Hollow|Juniper|Sycamore Bend|Prospect|Willow Park|Crestview"), rng.item("Dr|Street|Ave|Blvd|Lane|Ct"), rng.digits(5)), "USA")
        }
        1 => {
            let flat = if rng.chance(0.4) {
                format!("Flat {}, ", n(rng, 1, 24))
            } else {
                String::new()
            };
            let (city, area) = pair(rng, "Leeds:LS|Bristol:BS|Manchester:M|Newcastle:NE|Edinburgh:EH|Cardiff:CF|Birmingham:B|Glasgow:G");
            let pc = format!("{area}{} {}{}", n(rng, 1, 19), n(rng, 1, 9), rng.letters(2));
            (
                format!(
                    "{flat}{} {} {}, {city} {pc}",
                    n(rng, 1, 240),
                    rng.item("Ashgrove|Marlowe|Kingfisher|Hawthorn|Beechwood|Cranbrook"),
                    rng.item("Road|Terrace|Close|Gardens|Crescent|Mews")
                ),
                "United Kingdom",
            )
        }
        2 => (
            format!(
                "{} {} {}, {}, Dublin {}, D{:02} {}{}{}{}",
                n(rng, 1, 90),
                rng.item("Ballyhale|Glenageary|Rathmines|Clonskeagh"),
                rng.item("Court|Avenue|Park|Road"),
                rng.item("Ranelagh|Drumcondra|Terenure|Phibsborough"),
                n(rng, 2, 12),
                n(rng, 1, 24),
                rng.letters(1),
                n(rng, 1, 9),
                rng.letters(1),
                n(rng, 1, 9)
            ),
            "Ireland",
        ),
        3 => {
            let unit = if rng.chance(0.5) {
                format!("Unit {}, ", n(rng, 1, 40))
            } else {
                String::new()
            };
            (
                format!(
                    "{unit}{} {} {}, {} {}",
                    n(rng, 2, 480),
                    rng.item("Wattle Grove|Banksia|Jacaranda|Kookaburra|Waratah"),
                    rng.item("Rd|St|Pde|Ave"),
                    rng.item("Parramatta NSW|Fitzroy VIC|Toowong QLD|Fremantle WA|Glenelg SA"),
                    n(rng, 2000, 6999)
                ),
                "Australia",
            )
        }
        4 => (
            format!(
                "{} {} Street, {}, {} {}",
                n(rng, 1, 220),
                rng.item("Kowhai|Rimu|Totara|Pohutukawa|Manuka"),
                rng.item("Ponsonby|Karori|Riccarton|Mt Eden"),
                rng.item("Auckland|Wellington|Christchurch"),
                n(rng, 1010, 8099)
            ),
            "New Zealand",
        ),
        5 => (
            format!(
                "{}, Unit {}, {} {}{}{} {}{}{}",
                format_args!(
                    "{} {} {}",
                    n(rng, 10, 9999),
                    rng.item("Maple Ridge|Lakeshore|Birchmount|Bayview|Queen"),
                    rng.item("Cres|Blvd|Rd|Ave|St W")
                ),
                n(rng, 1, 60),
                rng.item("Calgary, AB|Toronto, ON|Montréal, QC|Halifax, NS|Winnipeg, MB"),
                rng.letters(1),
                n(rng, 0, 9),
                rng.letters(1),
                n(rng, 0, 9),
                rng.letters(1),
                n(rng, 0, 9)
            ),
            "Canada",
        ),
        6 => {
            let floor = if rng.chance(0.3) {
                format!(", {}. OG", n(rng, 1, 5))
            } else {
                String::new()
            };
            (
                format!(
                    "{} {}{}{floor}, {} {}",
                    rng.item(
                        "Birkenweg|Lindenstraße|Hauptstr.|Am Mühlbach|Goethestraße|Schillerplatz"
                    ),
                    n(rng, 1, 140),
                    rng.item("|||a|b"),
                    rng.digits(5),
                    rng.item("Stuttgart|Leipzig|Berlin|Köln|Hamburg|Freiburg im Breisgau")
                ),
                "Deutschland",
            )
        }
        7 => (
            format!(
                "{} {}{}, {} {} {}",
                rng.item("Keizerstraat|Prinsengracht|Oudegracht|Dorpsweg|Lange Nieuwstraat"),
                n(rng, 1, 320),
                rng.item("|-II|-hs|A"),
                n(rng, 1000, 9999),
                rng.letters(2),
                rng.item("Utrecht|Amsterdam|Haarlem|Groningen")
            ),
            "Nederland",
        ),
        8 => {
            let bat = if rng.chance(0.3) {
                format!("Bât. {}, ", rng.letters(1))
            } else {
                String::new()
            };
            (
                format!(
                    "{bat}{} {} {}, {} {}",
                    n(rng, 1, 90),
                    rng.item("rue des|allée des|avenue des|boulevard des"),
                    rng.item("Tanneurs|Tilleuls|Acacias|Capucins|Lilas"),
                    rng.item("69002|33000|31000|44000|75011"),
                    rng.item("Lyon|Bordeaux|Toulouse|Nantes|Paris")
                ),
                "France",
            )
        }
        9 => {
            let (city, pc) = pair(
                rng,
                "Madrid:28|Barcelona:08|Sevilla:41|Málaga:29|Valencia:46",
            );
            (format!("{} {}, {}º {}, {pc}{:03} {city}", rng.item("Calle de Toledo|C/ Mallorca|Avenida de la Constitución|Calle Larios|Paseo de Gracia"), n(rng, 1, 250), n(rng, 1, 8), rng.item("A|B|C|Izda|Dcha"), n(rng, 1, 999)), "España")
        }
        10 => {
            let rest = rng.item(
                "20121 Milano MI|10121 Torino TO|80133 Napoli NA|00184 Roma RM|40126 Bologna BO",
            );
            (format!("{} {}, {rest}", rng.item("Via Garibaldi|Corso Vittorio Emanuele II|Via dei Mille|Viale Monza|Via Roma"), n(rng, 1, 180)), "Italia")
        }
        11 => (
            format!(
                "ul. {} {}/{}, {}-{:03} {}",
                rng.item("Kwiatowa|Długa|Słoneczna|Lipowa|Mickiewicza"),
                n(rng, 1, 99),
                n(rng, 1, 60),
                n(rng, 10, 99),
                n(rng, 0, 999),
                rng.item("Kraków|Gdańsk|Wrocław|Poznań|Łódź")
            ),
            "Polska",
        ),
        12 => (
            format!(
                "{} {}{}, {} {:02} {}",
                rng.item("Storgatan|Drottninggatan|Kungsvägen|Björkvägen"),
                n(rng, 1, 80),
                rng.item("|A|B"),
                n(rng, 100, 989),
                n(rng, 0, 99),
                rng.item("Uppsala|Göteborg|Malmö|Umeå")
            ),
            "Sverige",
        ),
        13 => (
            format!(
                "{} {}, {:04} {}",
                rng.item("Bjørnstadveien|Kirkegata|Trondheimsveien|Sjøgata"),
                n(rng, 1, 120),
                n(rng, 150, 9990),
                rng.item("Oslo|Bergen|Tromsø|Stavanger")
            ),
            "Norway",
        ),
        14 => (
            format!(
                "{} {} {} {}, {:05} {}",
                rng.item("Mannerheimintie|Hämeenkatu|Aleksanterinkatu"),
                n(rng, 1, 99),
                rng.letters(1),
                n(rng, 1, 40),
                n(rng, 100, 99_999),
                rng.item("Helsinki|Tampere|Turku")
            ),
            "Finland",
        ),
        15 => (
            format!(
                "{} {}-{}, LT-{:05} {}",
                rng.item("Gedimino pr.|Pilies g.|Laisvės al.|Savanorių pr."),
                n(rng, 1, 99),
                n(rng, 1, 40),
                n(rng, 1000, 99_999),
                rng.item("Vilnius|Kaunas|Klaipėda")
            ),
            "Lithuania",
        ),
        16 => (
            format!(
                "Odos {} {}, {} {} {}",
                rng.item("Ermou|Patision|Tsimiski|Kifisias"),
                n(rng, 1, 200),
                n(rng, 104, 117),
                n(rng, 10, 99),
                rng.item("Athens|Thessaloniki|Piraeus")
            ),
            "Greece",
        ),
        _ => (
            format!(
                "Rua {} {}, {}º {}, {}-{:03} {}",
                rng.item("das Flores|de Santa Catarina|do Almada|Augusta"),
                n(rng, 1, 400),
                n(rng, 1, 9),
                rng.item("Esq.|Dto.|Frente"),
                n(rng, 1000, 4999),
                n(rng, 0, 999),
                rng.item("Porto|Lisboa|Coimbra|Braga")
            ),
            "Portugal",
        ),
    }
}
