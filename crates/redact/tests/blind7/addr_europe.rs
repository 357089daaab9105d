//! blind7 European addresses, as lines in each country's own format (number
//! after the street, local street types and postcodes, flats, city and country).

use crate::blindgen::Rng;

fn pick(rng: &mut Rng, list: &'static str) -> &'static str {
    rng.item(list)
}

/// Lines of an address in one European country; `country` adds the country tail.
pub(crate) fn lines(rng: &mut Rng, country: bool) -> Vec<String> {
    let mut l: Vec<String> = Vec::new();
    let tail: &str = match rng.below(16) {
        0 => {
            let s = pick(
                rng,
                "Lindenstraße|Schillerstr.|Am Kirchberg|Bergmannweg|Karl-Marx-Allee|Fasanenstraße",
            );
            let n = format!("{}{}", rng.range(1, 180), pick(rng, "||||a|b"));
            l.push(format!("{s} {n}"));
            let city = pick(
                rng,
                "Berlin|München|Freiburg im Breisgau|Köln|Leipzig|Hamburg",
            );
            l.push(format!("{:05} {city}", rng.range(1067, 99998)));
            "Germany"
        }
        1 => {
            let s = pick(
                rng,
                "Mariahilfer Straße|Landstraßer Hauptstraße|Getreidegasse|Praterstraße",
            );
            l.push(format!(
                "{s} {}/{}/{}",
                rng.range(1, 120),
                rng.range(1, 9),
                rng.range(1, 30)
            ));
            l.push(format!(
                "{} {}",
                rng.range(1010, 9999),
                pick(rng, "Wien|Salzburg|Graz|Linz")
            ));
            "Austria"
        }
        2 => {
            let s = pick(
                rng,
                "Bahnhofstrasse|Rue du Rhône|Via Nassa|Marktgasse|Avenue de la Gare",
            );
            l.push(format!("{s} {}", rng.range(1, 90)));
            l.push(format!(
                "{} {}",
                rng.range(1000, 9658),
                pick(rng, "Zürich|Genève|Lugano|Bern|Lausanne")
            ));
            "Switzerland"
        }
        3 => {
            if rng.chance(0.3) {
                l.push(format!(
                    "Bâtiment {}, escalier {}",
                    rng.letters(1),
                    rng.range(1, 4)
                ));
            }
            let s = pick(rng, "rue des Lilas|avenue Jean Jaurès|boulevard Voltaire|allée des Tilleuls|place du Marché|impasse des Acacias");
            let bis = pick(rng, "|||| bis| ter");
            l.push(format!("{}{bis} {s}", rng.range(1, 220)));
            l.push(format!(
                "{:05} {}",
                rng.range(1000, 95999),
                pick(rng, "Lyon|Paris|Bordeaux|Toulouse|Nantes|Lille CEDEX")
            ));
            "France"
        }
        4 => {
            let s = pick(rng, "Via Giuseppe Garibaldi|Corso Vittorio Emanuele II|Piazza della Signoria|Viale dei Mille|Via Roma");
            l.push(format!("{s} {}", rng.range(1, 200)));
            let (cap, city) = [
                ("20121", "Milano MI"),
                ("10123", "Torino TO"),
                ("50122", "Firenze FI"),
                ("80134", "Napoli NA"),
                ("00184", "Roma RM"),
            ][rng.below(5)];
            l.push(format!("{cap} {city}"));
            "Italy"
        }
        5 => {
            let s = pick(rng, "Calle Mayor|Avenida de la Constitución|Carrer de Mallorca|Paseo de Gracia|Calle de Alcalá");
            let floor = pick(rng, "|, 3º izq.|, 2º B|, 5.º 1.ª|, bajo");
            l.push(format!("{s} {}{floor}", rng.range(1, 400)));
            let (cp, city) = [
                ("28013", "Madrid"),
                ("41001", "Sevilla"),
                ("08037", "Barcelona"),
                ("46002", "Valencia"),
            ][rng.below(4)];
            l.push(format!("{cp} {city}"));
            "Spain"
        }
        6 => {
            let s = pick(
                rng,
                "Rua Augusta|Avenida da Liberdade|Rua de Santa Catarina|Travessa do Carmo",
            );
            l.push(format!(
                "{s} {}, {}",
                rng.range(1, 300),
                pick(rng, "2.º Esq.|1.º Dto.|r/c|3.º")
            ));
            l.push(format!(
                "{}-{:03} {}",
                rng.range(1000, 4999),
                rng.range(1, 999),
                pick(rng, "Lisboa|Porto|Coimbra")
            ));
            "Portugal"
        }
        7 => {
            let s = pick(
                rng,
                "Keizersgracht|Dorpsstraat|Oudegracht|Laan van Meerdervoort|Prinsengracht",
            );
            l.push(format!(
                "{s} {}{}",
                rng.range(1, 600),
                pick(rng, "||-III|-hs| A")
            ));
            l.push(format!(
                "{} {} {}",
                rng.range(1011, 9999),
                rng.letters(2),
                pick(rng, "Amsterdam|Utrecht|Den Haag|Groningen")
            ));
            "the Netherlands"
        }
        8 => {
            let s = pick(rng, "Rue de la Loi|Meir|Kortrijksesteenweg|Avenue Louise");
            l.push(format!(
                "{s} {}{}",
                rng.range(1, 300),
                pick(rng, "|| bus 4| boîte 12")
            ));
            l.push(format!(
                "{} {}",
                rng.range(1000, 9992),
                pick(rng, "Bruxelles|Antwerpen|Gent|Liège")
            ));
            "Belgium"
        }
        9 => {
            if rng.chance(0.4) {
                l.push(format!("Flat {}", rng.range(1, 30)));
            }
            let s = pick(
                rng,
                "Grosvenor Road|Church Lane|Victoria Terrace|Mill Close|Kingsway|Albert Crescent",
            );
            l.push(format!("{} {s}", rng.range(1, 240)));
            let (city, pc) = [
                (
                    "London",
                    format!(
                        "SW{} {}{}",
                        rng.range(1, 20),
                        rng.range(1, 9),
                        super::pc_letters(rng, 2)
                    ),
                ),
                (
                    "Manchester",
                    format!(
                        "M{} {}{}",
                        rng.range(1, 40),
                        rng.range(1, 9),
                        super::pc_letters(rng, 2)
                    ),
                ),
                (
                    "Cardiff",
                    format!(
                        "CF{} {}{}",
                        rng.range(10, 24),
                        rng.range(1, 9),
                        super::pc_letters(rng, 2)
                    ),
                ),
                (
                    "Edinburgh",
                    format!(
                        "EH{} {}{}",
                        rng.range(1, 17),
                        rng.range(1, 9),
                        super::pc_letters(rng, 2)
                    ),
                ),
            ][rng.below(4)]
            .clone();
            l.push(format!("{city} {pc}"));
            "United Kingdom"
        }
        10 => {
            l.push(format!("Apartment {}", rng.range(1, 60)));
            l.push(format!(
                "{} {}",
                rng.range(1, 99),
                pick(
                    rng,
                    "Harcourt Terrace|Pembroke Road|Quay Street|Main Street"
                )
            ));
            l.push(format!(
                "Dublin {}, D{:02} {}{}",
                rng.range(1, 12),
                rng.range(1, 24),
                rng.letters(1),
                rng.range(100, 999)
            ));
            "Ireland"
        }
        11 => {
            let s = pick(
                rng,
                "ul. Marszałkowska|ul. Piotrkowska|al. Jerozolimskie|ul. Długa",
            );
            l.push(format!(
                "{s} {}/{} m. {}",
                rng.range(1, 200),
                rng.range(1, 90),
                rng.range(1, 40)
            ));
            l.push(format!(
                "{:02}-{:03} {}",
                rng.range(0, 99),
                rng.range(1, 999),
                pick(rng, "Warszawa|Łódź|Kraków|Gdańsk")
            ));
            "Poland"
        }
        12 => {
            let s = pick(rng, "Vinohradská|Náměstí Míru|Masarykova|Karlova");
            l.push(format!(
                "{s} {}/{}",
                rng.range(100, 2999),
                rng.range(1, 250)
            ));
            l.push(format!(
                "{} {:02} {}",
                rng.range(100, 799),
                rng.range(0, 99),
                pick(rng, "Praha 10|Brno|Ostrava")
            ));
            "Czech Republic"
        }
        13 => {
            let s = pick(
                rng,
                "Drottninggatan|Storgatan|Nørrebrogade|Karl Johans gate|Mannerheimintie",
            );
            let (extra, pc, t) = match s {
                "Nørrebrogade" => (
                    ", 2. th.",
                    format!("{} København N", rng.range(2000, 2400)),
                    "Denmark",
                ),
                "Karl Johans gate" => ("", format!("0{} Oslo", rng.range(150, 199)), "Norway"),
                "Mannerheimintie" => (
                    " B 7",
                    format!("00{}0 Helsinki", rng.range(10, 99)),
                    "Finland",
                ),
                _ => (
                    "",
                    format!("{} {:02} Stockholm", rng.range(111, 199), rng.range(10, 99)),
                    "Sweden",
                ),
            };
            l.push(format!("{s} {}{extra}", rng.range(1, 120)));
            l.push(pc);
            t
        }
        14 => {
            l.push(format!(
                "{} {} {}",
                pick(rng, "Odos|Leoforos"),
                pick(rng, "Ermou|Vasilissis Sofias|Tsimiski"),
                rng.range(1, 150)
            ));
            l.push(format!(
                "{} {:02} {}",
                rng.range(100, 851),
                rng.range(10, 99),
                pick(rng, "Athens|Thessaloniki")
            ));
            "Greece"
        }
        _ => {
            l.push(format!(
                "ul. {} {}, kv. {}",
                pick(rng, "Tverskaya|Arbat|Lenina|Nevsky prospekt"),
                rng.range(1, 120),
                rng.range(1, 300)
            ));
            l.push(format!(
                "{} {}",
                pick(rng, "Moscow|Saint Petersburg|Kazan"),
                rng.range(101000, 199999)
            ));
            "Russia"
        }
    };
    if country {
        l.push(tail.to_string());
    }
    l
}
