//! Written street-address formats of Latin America (Brazil, Mexico,
//! Colombia), East Asia (Japan, South Korea, China), South Asia (India,
//! Pakistan), the Middle East (UAE, Saudi Arabia, Egypt, Türkiye) and Africa
//! (Nigeria, Kenya, South Africa): blocks and districts, house and plot
//! numbers, "Calle ... #", "No:" and "D:".

use super::addresses::{n, pair};
use crate::blindgen::Rng;

/// The address of format `k` (18..) and its country's name.
pub(crate) fn format(rng: &mut Rng, k: usize) -> (String, &'static str) {
    match k {
        18 => {
            let (city, uf) = pair(
                rng,
                "São Paulo:SP|Rio de Janeiro:RJ|Belo Horizonte:MG|Curitiba:PR",
            );
            (format!("{} {}, {}, {city} - {uf}, {:05}-{:03}", rng.item("Rua Augusta,|Avenida Paulista,|Rua Oscar Freire,|Rua da Bahia,"), n(rng, 10, 2400), rng.item("apto 72, Consolação|casa 2, Jardins|sala 1204, Bela Vista|apto 31, Savassi"), n(rng, 10_000, 99_999), n(rng, 0, 999)), "Brasil")
        }
        19 => (
            format!(
                "{} {}, Int. {}, Col. {}, {:05} {}",
                rng.item("Av. Insurgentes Sur|Calle Durango|Av. Revolución|Calle Morelos"),
                n(rng, 10, 3000),
                n(rng, 1, 40),
                rng.item("Roma Norte|Del Valle|Centro|Narvarte"),
                n(rng, 1000, 99_999),
                rng.item("Ciudad de México, CDMX|Guadalajara, Jal.|Monterrey, N.L.|Puebla, Pue.")
            ),
            "México",
        ),
        20 => (
            format!(
                "{} # {}-{}, Apto {}, {}",
                rng.item("Carrera 7|Calle 72|Carrera 43A|Calle 10 Sur"),
                n(rng, 10, 120),
                n(rng, 1, 99),
                n(rng, 101, 1204),
                rng.item("Bogotá|Medellín|Cali")
            ),
            "Colombia",
        ),
        21 => match rng.below(3) {
            0 => (
                format!(
                    "{}-{}-{} {}, {}, {} {}-{:04}",
                    n(rng, 1, 5),
                    n(rng, 1, 30),
                    n(rng, 1, 20),
                    rng.item("Jingumae|Nishi-Shinjuku|Umeda|Sakae"),
                    rng.item("Shibuya-ku|Shinjuku-ku|Kita-ku|Naka-ku"),
                    rng.item("Tokyo|Osaka|Nagoya"),
                    n(rng, 100, 999),
                    n(rng, 0, 9999)
                ),
                "Japan",
            ),
            1 => (
                format!(
                    "Apt {}, {} {}-ro {}-gil, {}-gu, Seoul {:05}",
                    n(rng, 101, 2405),
                    n(rng, 1, 300),
                    rng.item("Teheran|Dosan-dae|Hangang-dae|Sejong-dae"),
                    n(rng, 1, 60),
                    rng.item("Gangnam|Yongsan|Mapo|Jongno"),
                    n(rng, 1000, 9999)
                ),
                "South Korea",
            ),
            _ => (
                format!(
                    "Room {}, {} {} Road, {} District, {} {}",
                    n(rng, 101, 3208),
                    n(rng, 1, 999),
                    rng.item("Huaihai Middle|Zhongshan North|Tianhe|Nanjing West"),
                    rng.item("Huangpu|Jing'an|Tianhe|Chaoyang"),
                    rng.item("Shanghai|Guangzhou|Beijing"),
                    n(rng, 100_000, 599_999)
                ),
                "China",
            ),
        },
        22 => match rng.below(3) {
            0 => (
                format!(
                    "Flat {}, {} Apartments, {}th Cross, {}, {} {}",
                    n(rng, 101, 905),
                    rng.item("Shanti|Lakshmi Nivas|Prestige Orchid|Green Valley"),
                    n(rng, 4, 19),
                    rng.item("Indiranagar|Koramangala|Andheri West|Salt Lake"),
                    rng.item("Bengaluru|Mumbai|Kolkata"),
                    n(rng, 400_001, 700_099)
                ),
                "India",
            ),
            1 => (
                format!(
                    "H.No. {}-{}-{}, {}, Hyderabad, Telangana {}",
                    n(rng, 1, 12),
                    n(rng, 1, 9),
                    n(rng, 100, 999),
                    rng.item("Ameerpet|Banjara Hills|Kukatpally"),
                    n(rng, 500_001, 500_099)
                ),
                "India",
            ),
            _ => (
                format!(
                    "House {}, Street {}, {}-{}/{}, Islamabad {}",
                    n(rng, 1, 80),
                    n(rng, 1, 60),
                    rng.item("F|G|E|I"),
                    n(rng, 6, 11),
                    n(rng, 1, 4),
                    n(rng, 44_000, 44_999)
                ),
                "Pakistan",
            ),
        },
        _ => match rng.below(7) {
            0 => (
                format!(
                    "Villa {}, Street {}, Al {} {}, Dubai",
                    n(rng, 1, 90),
                    n(rng, 1, 40),
                    rng.item("Barsha|Wasl|Safa"),
                    n(rng, 1, 3)
                ),
                "UAE",
            ),
            1 => (
                format!(
                    "{} King {} Road, Al {}, Riyadh {}",
                    n(rng, 1000, 9999),
                    rng.item("Fahd|Abdullah|Salman"),
                    rng.item("Olaya|Malaz|Sulaimaniyah"),
                    n(rng, 11_000, 14_999)
                ),
                "Saudi Arabia",
            ),
            2 => (
                format!(
                    "{} {} Street, {}, Cairo {}",
                    n(rng, 1, 60),
                    rng.item("Shagaret El Dor|Mohamed Mazhar|Ahmed Orabi"),
                    rng.item("Zamalek|Dokki|Heliopolis"),
                    n(rng, 11_000, 11_999)
                ),
                "Egypt",
            ),
            3 => (
                format!(
                    "{} Caddesi No: {} D: {}, {}, {} İstanbul",
                    rng.item("Bağdat|İstiklal|Halaskargazi"),
                    n(rng, 1, 400),
                    n(rng, 1, 20),
                    rng.item("Kadıköy|Beyoğlu|Şişli"),
                    n(rng, 34_000, 34_999)
                ),
                "Türkiye",
            ),
            4 => (
                format!(
                    "Plot {}, {} Street, {}, Lagos",
                    n(rng, 1, 120),
                    rng.item("Adeola Odeku|Ajose Adeogun|Akin Adesola"),
                    rng.item("Victoria Island|Ikoyi|Lekki Phase 1")
                ),
                "Nigeria",
            ),
            5 => (
                format!(
                    "House {}, {} Road, {}, Nairobi",
                    n(rng, 1, 60),
                    rng.item("Kindaruma|Ngong|Lenana"),
                    rng.item("Kilimani|Lavington|Westlands")
                ),
                "Kenya",
            ),
            _ => (
                format!(
                    "{} {} Avenue, {}, {}, {:04}",
                    n(rng, 1, 200),
                    rng.item("Jacaranda|Protea|Msasa"),
                    rng.item("Menlo Park|Rondebosch|Sandton"),
                    rng.item("Pretoria|Cape Town|Johannesburg"),
                    n(rng, 1, 9999)
                ),
                "South Africa",
            ),
        },
    }
}
