//! European street addresses of the blind corpus 4 (number after the street,
//! local street types and postcodes, city and country tails).

use crate::blindgen::Rng;

use super::addresses::{maybe_country, Lines};

pub(super) fn de(rng: &mut Rng) -> Lines {
    let stem = rng.word("Linden Garten Kirch Schiller Goethe Bahnhof Mühlen Berg Kastanien Rosen Eichen Hafen Schloss Wiesen Tannen Buchen");
    let kind = rng.item("straße|strasse|weg|allee|gasse|ring|platz|damm");
    let street = if rng.chance(0.2) {
        format!(
            "Am {}{}",
            rng.word("Hofgarten Mühlbach Steinbruch Lindenhof Weiher"),
            ""
        )
    } else {
        format!("{stem}{kind}")
    };
    let city = rng.item("Berlin|München|Köln|Hamburg|Leipzig|Düsseldorf|Freiburg im Breisgau|Nürnberg|Bonn|Dresden|Münster|Göttingen");
    let mut l = vec![
        format!(
            "{street} {}{}",
            rng.range(1, 180),
            if rng.chance(0.2) { "a" } else { "" }
        ),
        format!("{:05} {city}", rng.range(1067, 99998)),
    ];
    maybe_country(rng, &mut l, "Germany");
    l
}

pub(super) fn at_ch(rng: &mut Rng) -> Lines {
    if rng.chance(0.5) {
        let street = rng.item("Mariahilfer Straße|Landstraßer Hauptstraße|Herrengasse|Getreidegasse|Annenstraße|Linzer Gasse");
        let city = rng.item("Wien|Graz|Salzburg|Innsbruck|Linz");
        let mut l = vec![
            format!("{street} {}/{}", rng.range(1, 120), rng.range(1, 30)),
            format!("{} {city}", rng.range(1010, 9999)),
        ];
        maybe_country(rng, &mut l, "Austria");
        l
    } else {
        let street = rng.item("Bahnhofstrasse|Seefeldstrasse|Rue du Rhône|Kramgasse|Via Nassa|Spalenberg|Avenue de la Gare");
        let city = rng.item("Zürich|Genève|Bern|Basel|Lugano|Lausanne|Luzern");
        let mut l = vec![
            format!("{street} {}", rng.range(1, 90)),
            format!("CH-{} {city}", rng.range(1000, 9658)),
        ];
        maybe_country(rng, &mut l, "Switzerland");
        l
    }
}

pub(super) fn nl_be(rng: &mut Rng) -> Lines {
    if rng.chance(0.6) {
        let street = rng.item("Prinsengracht|Keizersgracht|Herengracht|Oudegracht|Kerkstraat|Molenweg|Dorpsstraat|Vondelstraat|Lange Voorhout|Stationsplein|Beukenlaan|Wilhelminakade");
        let city = rng.item("Amsterdam|Utrecht|Rotterdam|Den Haag|Groningen|Eindhoven|Haarlem|Leiden|Delft|Maastricht");
        let mut l = vec![
            format!(
                "{street} {}{}",
                rng.range(1, 400),
                rng.item("|| bis|-2|-hs| A")
            ),
            format!("{} {} {city}", rng.range(1011, 9999), rng.letters(2)),
        ];
        maybe_country(rng, &mut l, "the Netherlands");
        l
    } else {
        let street = rng.item("Rue de la Loi|Avenue Louise|Meir|Veldstraat|Rue Neuve|Chaussée de Wavre|Boulevard d'Avroy|Korenmarkt");
        let city = rng.item("Bruxelles|Antwerpen|Gent|Liège|Leuven|Namur|Brugge");
        let mut l = vec![
            format!("{street} {}", rng.range(1, 250)),
            format!("{} {city}", rng.range(1000, 9992)),
        ];
        maybe_country(rng, &mut l, "Belgium");
        l
    }
}

pub(super) fn fr(rng: &mut Rng) -> Lines {
    let kind = rng.item("rue|avenue|boulevard|impasse|allée|place|chemin|quai|cours");
    let name = rng.item("des Lilas|Jean Jaurès|Victor Hugo|de la République|du Faubourg Saint-Antoine|des Acacias|Gambetta|de la Liberté|du Moulin|Pasteur|des Tanneurs|de Verdun|Émile Zola");
    let city = rng.item("Paris|Lyon|Marseille|Toulouse|Bordeaux|Nantes|Lille|Strasbourg|Montpellier|Rennes|Aix-en-Provence|Besançon");
    let num = format!("{}{}", rng.range(1, 160), rng.item("|||| bis| ter"));
    let mut l = vec![format!("{num} {kind} {name}")];
    if rng.chance(0.25) {
        l.push(format!(
            "Bâtiment {}, {}e étage",
            rng.letters(1),
            rng.range(1, 8)
        ));
    }
    l.push(format!("{:05} {city}", rng.range(1000, 95999)));
    maybe_country(rng, &mut l, "France");
    l
}

pub(super) fn es_pt(rng: &mut Rng) -> Lines {
    match rng.below(3) {
        0 => {
            let kind = rng.item("Calle|Avenida|Paseo|Plaza|Carrer|Ronda|Travesía|Camino");
            let name = rng.item("de Alcalá|Mayor|del Prado|de la Castellana|de Gràcia|Serrano|de San Vicente|Real|del Carmen|de los Reyes Católicos|de Sant Joan|Colón");
            let city = rng.item(
                "Madrid|Barcelona|Valencia|Sevilla|Bilbao|Zaragoza|Málaga|Granada|Salamanca|Palma",
            );
            let mut line = format!("{kind} {name} {}", rng.range(1, 220));
            if rng.chance(0.4) {
                line.push_str(&format!(", {}º {}ª", rng.range(1, 9), rng.range(1, 4)));
            }
            let mut l = vec![line, format!("{:05} {city}", rng.range(1001, 52080))];
            maybe_country(rng, &mut l, "Spain");
            l
        }
        1 => {
            let kind = rng.item("Rua|Avenida|Travessa|Praça|Largo|Calçada");
            let name = rng.item("Augusta|da Liberdade|de Santa Catarina|do Comércio|das Flores|Dom João IV|Almirante Reis|da Boavista");
            let city = rng.item("Lisboa|Porto|Coimbra|Braga|Faro|Aveiro");
            let mut l = vec![
                format!("{kind} {name} {}, {}º", rng.range(1, 300), rng.range(1, 6)),
                format!("{}-{} {city}", rng.range(1000, 9999), rng.digits(3)),
            ];
            maybe_country(rng, &mut l, "Portugal");
            l
        }
        _ => {
            let kind = rng.item("Rua|Avenida|Praça|Alameda|Estrada");
            let name = rng.item("Paulista|da Sé|Oscar Freire|Sete de Setembro|Barão de Mesquita|das Palmeiras|Getúlio Vargas|Visconde de Pirajá");
            let (city, uf) = match rng.below(4) {
                0 => ("São Paulo", "SP"),
                1 => ("Rio de Janeiro", "RJ"),
                2 => ("Belo Horizonte", "MG"),
                _ => ("Curitiba", "PR"),
            };
            let mut l = vec![format!("{kind} {name}, {}", rng.range(10, 2500))];
            if rng.chance(0.4) {
                l.push(format!("apto {}", rng.range(11, 190)));
            }
            l.push(format!("{city} - {uf}"));
            l.push(format!("{:05}-{}", rng.range(10000, 99999), rng.digits(3)));
            maybe_country(rng, &mut l, "Brazil");
            l
        }
    }
}

pub(super) fn it(rng: &mut Rng) -> Lines {
    let kind = rng.item("Via|Viale|Corso|Piazza|Vicolo|Largo");
    let name = rng.item("Garibaldi|Roma|Vittorio Emanuele II|dei Mille|della Repubblica|Mazzini|San Gallo|del Corso|Cavour|dei Fiori|Nazionale|XX Settembre");
    let (city, prov) = match rng.below(6) {
        0 => ("Milano", "MI"),
        1 => ("Roma", "RM"),
        2 => ("Torino", "TO"),
        3 => ("Firenze", "FI"),
        4 => ("Napoli", "NA"),
        _ => ("Bologna", "BO"),
    };
    let mut l = vec![
        format!(
            "{kind} {name} {}{}",
            rng.range(1, 150),
            rng.item("|||/A|/b")
        ),
        format!("{:05} {city} {prov}", rng.range(10010, 98168)),
    ];
    maybe_country(rng, &mut l, "Italy");
    l
}

pub(super) fn nordic(rng: &mut Rng) -> Lines {
    match rng.below(4) {
        0 => {
            let s = format!(
                "{}{}",
                rng.word("Drottning Kungs Sveavägen Hamn Skol Ring Björk Lilla_Nygatan Stor Kyrk"),
                ""
            );
            let street = if s.ends_with("vägen") || s.contains('_') {
                s.replace('_', " ")
            } else {
                format!("{s}{}", rng.item("gatan|vägen|gränd|torget"))
            };
            let city = rng.item("Stockholm|Göteborg|Malmö|Uppsala|Lund|Umeå|Västerås");
            let mut l = vec![
                format!("{street} {}", rng.range(1, 90)),
                format!("{} {} {city}", rng.range(100, 984), rng.digits(2)),
            ];
            maybe_country(rng, &mut l, "Sweden");
            l
        }
        1 => {
            let street = format!(
                "{}{}",
                rng.word("Nørrebro Vester Øster Strand Skole Kirke Møllegårds Amager"),
                rng.item("gade|vej|boulevard|allé|stræde")
            );
            let city = rng.item("København N|Aarhus C|Odense|Aalborg|Frederiksberg|Roskilde");
            let mut l = vec![
                format!("{street} {}, {}. th.", rng.range(1, 140), rng.range(1, 5)),
                format!("{} {city}", rng.range(1000, 9990)),
            ];
            maybe_country(rng, &mut l, "Denmark");
            l
        }
        2 => {
            let street = format!(
                "{}{}",
                rng.word("Mannerheim Hämeen Aleksanterin Runebergin Puisto Koulu Satama Kirkko"),
                rng.item("intie|katu|tie|kuja")
            );
            let city = rng.item("Helsinki|Tampere|Turku|Oulu|Espoo|Jyväskylä");
            let mut l = vec![
                format!(
                    "{street} {} {} {}",
                    rng.range(1, 60),
                    rng.letters(1),
                    rng.range(1, 40)
                ),
                format!("{:05} {city}", rng.range(100, 99999)),
            ];
            maybe_country(rng, &mut l, "Finland");
            l
        }
        _ => {
            let street =
                rng.item("Storgata|Karl Johans gate|Bygdøy allé|Torggata|Kirkeveien|Thereses gate");
            let city = rng.item("Oslo|Bergen|Trondheim|Stavanger|Tromsø");
            let mut l = vec![
                format!("{street} {}", rng.range(1, 120)),
                format!("{:04} {city}", rng.range(150, 9990)),
            ];
            maybe_country(rng, &mut l, "Norway");
            l
        }
    }
}

pub(super) fn central_east(rng: &mut Rng) -> Lines {
    match rng.below(4) {
        0 => {
            let street = rng.item("Tomšičeva|Slovenska cesta|Trubarjeva|Čopova|Prešernov trg|Ilica|Vukovarska|Knez Mihailova");
            let (city, country) = match rng.below(3) {
                0 => ("Ljubljana", "Slovenia"),
                1 => ("Zagreb", "Croatia"),
                _ => ("Maribor", "Slovenia"),
            };
            let mut l = vec![
                format!("{street} {}", rng.range(1, 99)),
                format!("{} {city}", rng.range(1000, 9999)),
            ];
            maybe_country(rng, &mut l, country);
            l
        }
        1 => {
            let street = format!(
                "{} {}",
                rng.item("Kossuth Lajos|Petőfi Sándor|Szabadság|Deák Ferenc|Andrássy|Váci|Rákóczi"),
                rng.item("tér|utca|út|körút")
            );
            let city = rng.item("Budapest|Debrecen|Szeged|Pécs|Győr");
            let mut l = vec![
                format!("{street} {}.", rng.range(1, 80)),
                format!("{} {city}", rng.range(1011, 9985)),
            ];
            maybe_country(rng, &mut l, "Hungary");
            l
        }
        2 => {
            let pre = rng.item("ulica|ul.|al.|aleja|plac");
            let street = rng.item("Marszałkowska|Długa|Piotrkowska|Floriańska|Świętojańska|Grunwaldzka|Mickiewicza|Jerozolimskie");
            let city = rng.item("Warszawa|Gdańsk|Kraków|Łódź|Wrocław|Poznań|Gdynia");
            let num = if rng.chance(0.5) {
                format!("{}/{}", rng.range(1, 200), rng.range(1, 60))
            } else {
                rng.range(1, 200).to_string()
            };
            let mut l = vec![
                format!("{pre} {street} {num}"),
                format!("{:02}-{:03} {city}", rng.range(0, 99), rng.range(0, 999)),
            ];
            maybe_country(rng, &mut l, "Poland");
            l
        }
        _ => {
            let street = rng.item(
                "Vinohradská|Karlova|Národní|Masarykova|Husova|Štefánikova|Obchodná|Palackého",
            );
            let city = rng.item("Praha 2|Brno|Olomouc|Plzeň|Bratislava|Košice");
            let mut l = vec![
                format!("{street} {}/{}", rng.range(100, 2500), rng.range(1, 240)),
                format!("{} {} {city}", rng.range(100, 799), rng.digits(2)),
            ];
            maybe_country(
                rng,
                &mut l,
                if city.starts_with('B') && city.len() > 4 || city == "Košice" {
                    "Slovakia"
                } else {
                    "Czech Republic"
                },
            );
            l
        }
    }
}

pub(super) fn uk_ie(rng: &mut Rng) -> Lines {
    let outward = |rng: &mut Rng| -> String {
        let area = rng.item("W|SW|EC|N|E|KA|EH|G|M|B|LS|BS|CF|NR|OX|CB|YO|BT|AB|TR|PL");
        format!(
            "{area}{} {}{}",
            rng.range(1, 20),
            rng.range(0, 9),
            rng.letters(2)
        )
    };
    if rng.chance(0.8) {
        let street = format!(
            "{} {}",
            rng.word("Kensington Portland Harbour Station Mill Church Victoria Queen's Albert Meadow Orchard Willow Thornfield Castle"),
            rng.item("Road|Street|Lane|Gardens|Crescent|Terrace|Close|Mews|Way|Drive|Grove|Square|Row|Walk")
        );
        let town = rng.item("London|KILMARNOCK|Edinburgh|Glasgow|Manchester|Birmingham|Leeds|Bristol|Cardiff|Norwich|Oxford|Cambridge|YORK|Belfast|Aberdeen|Truro|Plymouth|Little Snoring");
        let mut l = Vec::new();
        if rng.chance(0.25) {
            l.push(format!("Flat {}", rng.range(1, 40)));
        } else if rng.chance(0.15) {
            l.push(
                rng.item("The Old Rectory|Rose Cottage|Ivy House|Hillcrest Farm")
                    .to_string(),
            );
        }
        l.push(format!("{} {street}", rng.range(1, 250)));
        if rng.chance(0.5) {
            l.push(format!("{town} {}", outward(rng)));
        } else {
            l.push(town.to_string());
            l.push(outward(rng));
        }
        if rng.chance(0.5) {
            l.push(
                rng.item("United Kingdom|UK|England|Scotland|Wales")
                    .to_string(),
            );
        }
        l
    } else {
        let street = rng.item("Harcourt Street|Grafton Street|Patrick Street|Eyre Square|Shop Street|O'Connell Street Upper");
        let city = rng.item("Dublin 2|Cork|Galway|Limerick|Dublin 8");
        let mut l = vec![
            format!("{} {street}", rng.range(1, 120)),
            city.to_string(),
            format!(
                "{}{} {}{}",
                rng.letters(1),
                rng.digits(2),
                rng.letters(1),
                rng.digits(3)
            ),
        ];
        maybe_country(rng, &mut l, "Ireland");
        l
    }
}
