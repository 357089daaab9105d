//! blind7 addresses outside Europe: Africa, South and East Asia, Oceania, the
//! Americas, the Middle East; PO boxes, plots, blocks, districts, postcodes.

use crate::blindgen::Rng;

fn pick(rng: &mut Rng, list: &'static str) -> &'static str {
    rng.item(list)
}

/// Lines of an address outside Europe; `country` adds the country tail.
pub(crate) fn lines(rng: &mut Rng, country: bool) -> Vec<String> {
    let mut l: Vec<String> = Vec::new();
    let tail: &str = match rng.below(22) {
        0 => {
            l.push(format!(
                "Plot {} {}",
                rng.range(1, 2999),
                pick(rng, "Adeola Odeku Street|Ahmadu Bello Way|Awolowo Road")
            ));
            l.push(format!(
                "{}, Lagos {}",
                pick(rng, "Victoria Island|Ikoyi|Lekki Phase 1"),
                rng.range(100001, 106104)
            ));
            "Nigeria"
        }
        1 => {
            l.push(format!("P.O. Box {}-00100", rng.range(10000, 99999)));
            l.push("Nairobi".to_string());
            "Kenya"
        }
        2 => {
            if rng.chance(0.5) {
                l.push(format!("Unit {}", rng.range(1, 40)));
            }
            l.push(format!(
                "{} {}",
                rng.range(1, 300),
                pick(
                    rng,
                    "Long Street|Jan Smuts Avenue|Voortrekker Road|Oxford Road"
                )
            ));
            l.push(format!(
                "{}, {} {}",
                pick(rng, "Rosebank|Gardens|Bellville|Sandton"),
                pick(rng, "Johannesburg|Cape Town"),
                rng.range(1000, 8099)
            ));
            "South Africa"
        }
        3 => {
            l.push(format!(
                "House No. {}, {}",
                rng.range(1, 90),
                pick(rng, "Oxford Street|Ring Road East|Liberation Road")
            ));
            l.push(format!(
                "{}, Accra",
                pick(rng, "Osu|Cantonments|Airport Residential Area")
            ));
            "Ghana"
        }
        4 => {
            l.push(format!(
                "{} {}",
                rng.range(1, 120),
                pick(
                    rng,
                    "Tahrir Street|El Batal Ahmed Abdel Aziz Street|Salah Salem Road"
                )
            ));
            l.push(format!(
                "{}, {} {}",
                pick(rng, "Dokki|Mohandessin|Heliopolis"),
                pick(rng, "Giza|Cairo"),
                rng.range(11311, 12655)
            ));
            "Egypt"
        }
        5 => {
            l.push(format!(
                "{} {}",
                rng.range(1, 250),
                pick(rng, "Rue Ibn Batouta|Boulevard Mohammed V|Avenue Hassan II")
            ));
            l.push(format!(
                "{}0 {}",
                rng.range(1000, 9999),
                pick(rng, "Casablanca|Rabat|Marrakech")
            ));
            "Morocco"
        }
        6 => {
            l.push(format!(
                "Flat {}, {}",
                rng.range(101, 1204),
                pick(
                    rng,
                    "Sai Krupa Apartments|Lakeview Residency|Prestige Shantiniketan"
                )
            ));
            l.push(format!(
                "{}th Cross, {}",
                rng.range(4, 19),
                pick(rng, "Indiranagar|Koramangala 5th Block|Jayanagar 4th Block")
            ));
            l.push(format!(
                "Bengaluru, Karnataka {}",
                rng.range(560001, 560100)
            ));
            "India"
        }
        7 => {
            l.push(format!(
                "{}-{}, Sector {}",
                rng.letters(1),
                rng.range(1, 400),
                rng.range(1, 120)
            ));
            l.push(format!(
                "{}, Uttar Pradesh {}",
                pick(rng, "Noida|Ghaziabad"),
                rng.range(201301, 201310)
            ));
            "India"
        }
        8 => {
            l.push(format!(
                "House {}, Street {}, {}-{}/{}",
                rng.range(1, 90),
                rng.range(1, 60),
                pick(rng, "F|G|E|I"),
                rng.range(6, 11),
                rng.range(1, 4)
            ));
            l.push(format!("Islamabad {}", rng.range(44000, 44010)));
            "Pakistan"
        }
        9 => {
            l.push(format!(
                "House {}, Road {}, {}",
                rng.range(1, 120),
                rng.range(1, 30),
                pick(rng, "Banani|Gulshan 2|Dhanmondi")
            ));
            l.push(format!("Dhaka {}", rng.range(1205, 1230)));
            "Bangladesh"
        }
        10 => {
            l.push(format!(
                "Room {}, {} {}",
                rng.range(101, 3208),
                rng.range(1, 999),
                pick(rng, "Century Avenue|Nanjing West Road|Huaihai Middle Road")
            ));
            l.push(format!(
                "{}, Shanghai {}",
                pick(rng, "Pudong New District|Jing'an District|Xuhui District"),
                rng.range(200000, 200335)
            ));
            "China"
        }
        11 => {
            l.push(format!(
                "No. {} Zhongguancun Street, Haidian District",
                rng.range(1, 200)
            ));
            l.push(format!("Beijing {}", rng.range(100080, 100099)));
            "P.R. China"
        }
        12 => {
            l.push(format!(
                "{}-{}-{} {}",
                rng.range(1, 6),
                rng.range(1, 30),
                rng.range(1, 20),
                pick(rng, "Jingumae|Nishi-Shinjuku|Umeda|Sakae")
            ));
            l.push(format!(
                "{}, {} {}-{:04}",
                pick(rng, "Shibuya-ku|Shinjuku-ku|Kita-ku|Naka-ku"),
                pick(rng, "Tokyo|Osaka|Nagoya"),
                rng.range(100, 699),
                rng.range(1, 9999)
            ));
            "Japan"
        }
        13 => {
            l.push(format!(
                "{} {}",
                rng.range(1, 500),
                pick(rng, "Teheran-ro 4-gil|Sejong-daero|Olympic-ro 35-gil")
            ));
            l.push(format!(
                "{}, Seoul {:05}",
                pick(rng, "Gangnam-gu|Jongno-gu|Songpa-gu"),
                rng.range(1000, 8899)
            ));
            "South Korea"
        }
        14 => {
            l.push(format!(
                "Blk {} Ang Mo Kio Avenue {}",
                rng.range(100, 699),
                rng.range(1, 10)
            ));
            l.push(format!("#{:02}-{}", rng.range(2, 25), rng.range(100, 1999)));
            l.push(format!("Singapore {}", rng.range(560000, 569999)));
            "Singapore"
        }
        15 => {
            l.push(format!(
                "Jl. {} No. {}",
                pick(rng, "Jenderal Sudirman|M.H. Thamrin|Gatot Subroto"),
                rng.range(1, 99)
            ));
            l.push(format!("Jakarta {}", rng.range(10110, 12950)));
            "Indonesia"
        }
        16 => {
            l.push(format!(
                "Unit {}{}, Tower {}, {} Ayala Avenue",
                rng.range(2, 40),
                rng.letters(1),
                rng.range(1, 3),
                rng.range(6000, 6999)
            ));
            l.push(format!("Makati City {}", rng.range(1200, 1235)));
            "Philippines"
        }
        17 => {
            if rng.chance(0.5) {
                l.push(format!(
                    "Unit {}, {} {}",
                    rng.range(1, 30),
                    rng.range(1, 300),
                    pick(rng, "Bondi Road|Brunswick Street|Queen Street")
                ));
            } else {
                l.push(format!("PO Box {}", rng.range(100, 9999)));
            }
            l.push(format!(
                "{} {}",
                pick(rng, "Bondi NSW|Fitzroy VIC|Fortitude Valley QLD|Subiaco WA"),
                rng.range(2000, 6999)
            ));
            "Australia"
        }
        18 => {
            l.push(format!(
                "{} {}, {}",
                pick(rng, "Rua Oscar Freire|Av. Atlântica|Rua das Laranjeiras"),
                rng.range(10, 3000),
                pick(rng, "apto 52|sala 1203|casa 2|bloco B, apto 301")
            ));
            l.push(format!(
                "{}, {} - {}, {:05}-{:03}",
                pick(rng, "Jardins|Copacabana|Botafogo"),
                pick(rng, "São Paulo|Rio de Janeiro"),
                pick(rng, "SP|RJ"),
                rng.range(1000, 99999),
                rng.range(0, 999)
            ));
            "Brazil"
        }
        19 => {
            l.push(format!(
                "{} {}, {}",
                pick(rng, "Av. Insurgentes Sur|Calle Durango|Paseo de la Reforma"),
                rng.range(10, 3000),
                pick(rng, "Col. Roma Norte|Col. Juárez|Col. Del Valle")
            ));
            l.push(format!(
                "{:05} Ciudad de México, CDMX",
                rng.range(1000, 16999)
            ));
            "Mexico"
        }
        20 => match rng.below(3) {
            0 => {
                l.push(format!(
                    "Av. Corrientes {}, piso {}, depto. {}",
                    rng.range(100, 6000),
                    rng.range(1, 20),
                    rng.letters(1)
                ));
                l.push(format!(
                    "C{}{} Buenos Aires",
                    rng.range(1000, 1499),
                    rng.letters(3)
                ));
                "Argentina"
            }
            1 => {
                l.push(format!(
                    "Carrera {} # {}-{}, Apto {}",
                    rng.range(1, 90),
                    rng.range(10, 150),
                    rng.range(1, 99),
                    rng.range(101, 1502)
                ));
                l.push("Bogotá, D.C.".to_string());
                "Colombia"
            }
            _ => {
                l.push(format!(
                    "Av. Providencia {}, Of. {}",
                    rng.range(100, 2999),
                    rng.range(101, 1800)
                ));
                l.push("Providencia, Santiago".to_string());
                "Chile"
            }
        },
        _ => match rng.below(4) {
            0 => {
                l.push(format!(
                    "Office {}, {}",
                    rng.range(101, 4010),
                    pick(
                        rng,
                        "Al Moosa Tower 2, Sheikh Zayed Road|Emirates Towers, Trade Centre 2"
                    )
                ));
                l.push(format!("P.O. Box {}, Dubai", rng.range(1000, 99999)));
                "UAE"
            }
            1 => {
                l.push(format!(
                    "{} {}",
                    pick(rng, "Rehov Dizengoff|Rothschild Boulevard|Rehov Herzl"),
                    rng.range(1, 200)
                ));
                l.push(format!("Tel Aviv {}", rng.range(6100000, 6999999)));
                "Israel"
            }
            2 => {
                l.push(format!(
                    "{} King Fahd Road, Al Olaya",
                    rng.range(1000, 9999)
                ));
                l.push(format!("Riyadh {}", rng.range(11000, 14999)));
                "Saudi Arabia"
            }
            _ => {
                l.push(format!(
                    "Atatürk Cad. No: {} D: {}",
                    rng.range(1, 300),
                    rng.range(1, 40)
                ));
                l.push(format!("{} Kadıköy/İstanbul", rng.range(34000, 34999)));
                "Türkiye"
            }
        },
    };
    if country {
        l.push(tail.to_string());
    }
    l
}
