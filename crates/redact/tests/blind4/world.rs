//! Street addresses outside Europe for the blind corpus 4: Canada, Australia,
//! New Zealand, Asia, Africa, Latin America, US territories, military post and
//! the mainland US.

use crate::blindgen::Rng;

use super::addresses::{maybe_country, Lines};

pub(super) fn ca_au_nz(rng: &mut Rng) -> Lines {
    match rng.below(3) {
        0 => {
            let ca_code = |rng: &mut Rng| {
                format!(
                    "{}{}{} {}{}{}",
                    rng.item("H|M|V|T|K|L|B|R|E|J"),
                    rng.range(0, 9),
                    rng.letters(1),
                    rng.range(0, 9),
                    rng.letters(1),
                    rng.range(0, 9)
                )
            };
            let (street, city, prov) = match rng.below(4) {
                0 => (
                    format!("{} Rue Sainte-Catherine Ouest", rng.range(100, 2500)),
                    "Montréal",
                    "QC",
                ),
                1 => (
                    format!("{} Bloor Street West", rng.range(100, 3500)),
                    "Toronto",
                    "ON",
                ),
                2 => (
                    format!(
                        "{} {} Avenue",
                        rng.range(100, 9900),
                        rng.item("Commercial|Kingsway|Main|Granville")
                    ),
                    "Vancouver",
                    "BC",
                ),
                _ => (
                    format!("{} {} Street NW", rng.range(100, 9900), rng.range(10, 150)),
                    "Edmonton",
                    "AB",
                ),
            };
            let mut l = vec![street];
            if rng.chance(0.3) {
                l.push(format!(
                    "{} {}",
                    rng.item("Unit|Suite|Apt"),
                    rng.range(1, 2400)
                ));
            }
            l.push(format!("{city} {prov} {}", ca_code(rng)));
            maybe_country(rng, &mut l, "Canada");
            l
        }
        1 => {
            let street = format!(
                "{} {}",
                rng.word(
                    "Chapel Collins Swanston Pitt George Brunswick Hay Murray Flinders Oxford"
                ),
                rng.item("Street|Road|Parade|Esplanade|Avenue|Terrace")
            );
            let (suburb, st) = match rng.below(5) {
                0 => ("Windsor", "VIC"),
                1 => ("Surry Hills", "NSW"),
                2 => ("Fremantle", "WA"),
                3 => ("Fortitude Valley", "QLD"),
                _ => ("Glenelg", "SA"),
            };
            let mut line = format!("{} {street}", rng.range(1, 400));
            if rng.chance(0.35) {
                line = format!("Unit {}, {line}", rng.range(1, 30));
            }
            let mut l = vec![line, format!("{suburb} {st} {}", rng.range(2000, 6999))];
            maybe_country(rng, &mut l, "Australia");
            l
        }
        _ => {
            let street = format!(
                "{} {}",
                rng.word("Ponsonby Cuba Karangahape Dominion Colombo Lambton"),
                rng.item("Road|Street|Quay|Terrace")
            );
            let (sub, city) = match rng.below(3) {
                0 => ("Grey Lynn", "Auckland"),
                1 => ("Te Aro", "Wellington"),
                _ => ("Riccarton", "Christchurch"),
            };
            let mut l = vec![
                format!("{} {street}", rng.range(1, 300)),
                sub.to_string(),
                format!("{city} {}", rng.range(1010, 9893)),
            ];
            maybe_country(rng, &mut l, "New Zealand");
            l
        }
    }
}

pub(super) fn asia(rng: &mut Rng) -> Lines {
    match rng.below(3) {
        0 => {
            let (ward, city) = match rng.below(4) {
                0 => ("Meguro-ku", "Tokyo"),
                1 => ("Chiyoda-ku", "Tokyo"),
                2 => ("Naka-ku", "Yokohama"),
                _ => ("Sakyo-ku", "Kyoto"),
            };
            let mut l = vec![format!(
                "{}-{}-{} {}",
                rng.range(1, 9),
                rng.range(1, 30),
                rng.range(1, 20),
                rng.item("Meguro|Marunouchi|Yamashita-cho|Jingumae|Shimogamo|Ebisu")
            )];
            if rng.chance(0.3) {
                l[0].push_str(&format!(", Room {}", rng.range(101, 1208)));
            }
            l.push(format!(
                "{ward}, {city} {}-{}",
                rng.digits(3),
                rng.digits(4)
            ));
            maybe_country(rng, &mut l, "Japan");
            l
        }
        1 => {
            let mut l = Vec::new();
            if rng.chance(0.5) {
                l.push(format!(
                    "Flat {}, {}",
                    rng.range(101, 1204),
                    rng.item("Sai Residency|Prestige Lakeview|Green Park Apartments|Shanti Niwas")
                ));
            }
            l.push(format!(
                "{}{} {}",
                rng.item("|No. |#|B-"),
                rng.range(1, 400),
                rng.item("14th Cross Road, Indiranagar|Lajpat Nagar II|MG Road|Linking Road, Bandra West|Anna Salai, Teynampet|Park Street")
            ));
            let (city, pin) = match rng.below(5) {
                0 => ("Bengaluru", "560"),
                1 => ("New Delhi", "110"),
                2 => ("Mumbai", "400"),
                3 => ("Chennai", "600"),
                _ => ("Kolkata", "700"),
            };
            l.push(format!("{city} {pin}{}", rng.digits(3)));
            maybe_country(rng, &mut l, "India");
            l
        }
        _ => {
            let mut l = vec![
                format!(
                    "Blk {} {} Avenue {}",
                    rng.range(100, 999),
                    rng.item("Ang Mo Kio|Tampines|Bedok North|Jurong West"),
                    rng.range(1, 10)
                ),
                format!("#{:02}-{}", rng.range(2, 25), rng.range(100, 1999)),
                format!("Singapore {}", rng.digits(6)),
            ];
            if rng.chance(0.3) {
                l.remove(1);
            }
            l
        }
    }
}

pub(super) fn africa_latam(rng: &mut Rng) -> Lines {
    match rng.below(4) {
        0 => {
            let mut l = vec![
                format!(
                    "{} {}",
                    rng.range(1, 300),
                    rng.item("Jan Smuts Avenue|Long Street|Florida Road|Main Road")
                ),
                rng.item("Rosebank|Gardens|Morningside|Observatory")
                    .to_string(),
                format!(
                    "{} {:04}",
                    rng.item("Johannesburg|Cape Town|Durban"),
                    rng.range(1, 9999)
                ),
            ];
            maybe_country(rng, &mut l, "South Africa");
            l
        }
        1 => {
            let mut l = vec![
                format!("{} {}", rng.item("Calle Durango|Avenida Insurgentes Sur|Calle Tonalá|Avenida Juárez|Calle Hidalgo"), rng.range(10, 3000)),
                format!("Col. {}", rng.item("Roma Norte|Condesa|Del Valle|Centro|Polanco")),
                format!("{:05} {}", rng.range(1000, 99999), rng.item("Ciudad de México, CDMX|Guadalajara, Jal.|Monterrey, N.L.|Puebla, Pue.")),
            ];
            maybe_country(rng, &mut l, "Mexico");
            l
        }
        2 => {
            let mut l = vec![
                format!(
                    "{} {}",
                    rng.item("Avenida Corrientes|Calle Florida|Avenida Santa Fe|Calle Defensa"),
                    rng.range(100, 5000)
                ),
                format!("piso {}, depto {}", rng.range(1, 20), rng.letters(1)),
                format!("C{} Buenos Aires", rng.range(1000, 1499)),
            ];
            maybe_country(rng, &mut l, "Argentina");
            l
        }
        _ => {
            let mut l = vec![
                format!(
                    "{} {}",
                    rng.item(
                        "Carrera 7|Calle 93|Avenida Providencia|Jirón de la Unión|Avenida Larco"
                    ),
                    rng.item("# 71-21|No. 14-55|1250|845|# 11-40")
                ),
                rng.item("Bogotá, D.C.|Santiago|Lima 18|Miraflores, Lima")
                    .to_string(),
            ];
            let country = rng.item("Colombia|Chile|Peru");
            maybe_country(rng, &mut l, country);
            l
        }
    }
}

pub(super) fn us_territory(rng: &mut Rng) -> Lines {
    let (line, city, code, zip) = match rng.below(8) {
        0 => (
            format!(
                "{} Calle {}",
                rng.range(1, 1999),
                rng.item("Loíza|San Francisco|Fortaleza|del Parque|Mayor Cantón")
            ),
            rng.item("San Juan|Ponce|Bayamón|Port Jeremy|Carolina"),
            "PR",
            format!("00{}", rng.range(601, 988)),
        ),
        1 => (
            format!(
                "{} {}",
                rng.range(100, 2500),
                rng.item("Marine Corps Dr|Chalan San Antonio|Route 8|Army Drive")
            ),
            rng.item("Tamuning|Hagåtña|Dededo|Barrigada"),
            "GU",
            format!("969{}", rng.range(10, 32)),
        ),
        2 => (
            format!(
                "{} Estate {}",
                rng.range(1, 90),
                rng.item("Thomas|Contant|La Grande Princesse|Bovoni")
            ),
            rng.item("St. Thomas|Christiansted|Frederiksted|Charlotte Amalie"),
            "VI",
            format!("008{}", rng.range(1, 51)),
        ),
        3 => (
            format!("PO Box {}", rng.range(100, 9999)),
            rng.item("Pago Pago|Tafuna|Leone"),
            "AS",
            "96799".to_string(),
        ),
        4 => (
            format!("{} Beach Road", rng.range(1, 400)),
            rng.item("Garapan, Saipan|San Jose, Tinian|Susupe"),
            "MP",
            "96950".to_string(),
        ),
        5 => (
            format!("PO Box {}", rng.range(10, 2000)),
            rng.item("Kolonia, Pohnpei|Weno, Chuuk|Tofol, Kosrae"),
            "FM",
            format!("9694{}", rng.range(1, 4)),
        ),
        6 => (
            format!("Lot {}, Delap Village", rng.range(1, 300)),
            "Majuro",
            "MH",
            "96960".to_string(),
        ),
        _ => (
            format!("{} Lebuu Street", rng.range(1, 200)),
            "Koror",
            "PW",
            "96940".to_string(),
        ),
    };
    vec![line, format!("{city}, {code} {zip}")]
}

pub(super) fn military(rng: &mut Rng) -> Lines {
    let first = match rng.below(4) {
        0 => format!("PSC {}, Box {}", rng.range(1000, 9999), rng.range(1, 9999)),
        1 => format!("Unit {} Box {}", rng.range(2000, 9999), rng.range(1, 9999)),
        2 => format!("CMR {} Box {}", rng.range(400, 499), rng.range(1, 9999)),
        _ => rng
            .item("USS Nimitz (CVN 68)|USS Gerald R. Ford (CVN 78)|USS Bataan (LHD 5)|USS Ohio (SSGN 726)")
            .to_string(),
    };
    let (post, region, zip) = match rng.below(3) {
        0 => ("APO", "AE", format!("09{}", rng.digits(3))),
        1 => ("APO", "AP", format!("96{}", rng.range(200, 399))),
        _ => (
            "FPO",
            rng.item("AP|AE"),
            format!(
                "{}-{}",
                if rng.chance(0.5) { "96601" } else { "09501" },
                rng.digits(4)
            ),
        ),
    };
    let post = if first.starts_with("USS") {
        "FPO"
    } else {
        post
    };
    vec![first, format!("{post} {region} {zip}")]
}

pub(super) fn us(rng: &mut Rng) -> Lines {
    let street = format!(
        "{} {} {}",
        rng.range(1, 9999),
        rng.word(
            "Maple Juniper Orchard Sycamore Magnolia Hawthorne Bayview Canyon Prairie Ridgeview"
        ),
        rng.item("Avenue|Street|Boulevard|Drive|Court|Lane|Way|Terrace")
    );
    let (city, st, zip) = match rng.below(5) {
        0 => ("Tacoma", "WA", "984"),
        1 => ("Albuquerque", "NM", "871"),
        2 => ("Savannah", "GA", "314"),
        3 => ("Duluth", "MN", "558"),
        _ => ("Providence", "RI", "029"),
    };
    let mut l = vec![street];
    if rng.chance(0.3) {
        l.push(format!(
            "{} {}",
            rng.item("Apt|Suite|Unit"),
            rng.range(1, 900)
        ));
    }
    l.push(format!("{city}, {st} {zip}{}", rng.digits(2)));
    l
}
