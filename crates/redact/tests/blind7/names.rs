//! blind7 names by region, written the way each culture writes them
//! (diacritics, family name first, particles, patronymics, compound surnames).

use crate::blindgen::Rng;

struct Region {
    given: &'static str,
    family: &'static str,
    /// Family name first (as often written in English text for the region).
    family_first: f64,
}

const REGIONS: [Region; 16] = [
    // Chinese (Mandarin and Cantonese romanisations)
    Region {
        given: "Wei|Xiaoming|Jing|Yuxuan|Haoran|Meihua|Zhiwei|Ka-wai|Tai Man|Siu Ling|Jiayi|Zihan",
        family: "Zhang|Li|Chen|Wang|Zhao|Huang|Xu|Sun|Chan|Wong|Leung|Cheung|Guo|He",
        family_first: 0.5,
    },
    // Japanese
    Region {
        given: "Haruki|Yuna|Sota|Aoi|Kenji|Mai|Daisuke|Hinata|Riku|Sakura|Takumi|Emi",
        family: "Sato|Suzuki|Takahashi|Ito|Kobayashi|Matsumoto|Inoue|Kimura|Hayashi|Shimizu",
        family_first: 0.3,
    },
    // Korean
    Region {
        given: "Min-jun|Ji-woo|Seo-yeon|Do-hyun|Ha-eun|Joon-ho|Soo-ah|Hyun-woo|Eun-ji",
        family: "Kim|Park|Lee|Choi|Jung|Kang|Yoon|Jang|Lim|Han",
        family_first: 0.4,
    },
    // Vietnamese, Thai, Indonesian, Filipino
    Region {
        given: "Văn An|Thị Mai|Minh Tuấn|Ngọc Lan|Somchai|Kanya|Budi|Sri Wahyuni|Maria Clara|Jose Mari",
        family: "Nguyễn|Trần|Lê|Phạm|Srisuk|Chaiyaporn|Santoso|Hartono|Villareal|Bautista",
        family_first: 0.3,
    },
    // South Asia
    Region {
        given: "Ananya|Rajesh Kumar|Priya|Siddharth|Lakshmi|Venkata Ramana|Farhana|Tanvir|Nadeesha|Gurpreet|Aarav|Meenakshi",
        family: "Krishnamurthy|Agarwal|Subramanian|Venkataraman|Deshpande|Chowdhury|Akter|Wickramasinghe|Sandhu|Bhattacharya|Nair|Menon",
        family_first: 0.0,
    },
    // Arabic
    Region {
        given: "Ahmed|Layla|Omar|Fatima|Khalid|Noor|Youssef|Mariam|Hassan|Rana|Abdulaziz|Salma",
        family: "Al-Harbi|Haddad|Abdel-Rahman|Mansour|El-Sayed|Al-Qahtani|Barakat|Nasser|bin Khalid Al-Otaibi|Khoury|Saleh|Benali",
        family_first: 0.0,
    },
    // Persian, Turkish, Hebrew
    Region {
        given: "Dariush|Nasrin|Kaveh|Shirin|Ayşe|Mehmet|Zeynep|Emre|Noa|Yossi|Tamar|Eitan",
        family: "Moradi|Tehrani|Rahimi|Yılmaz|Öztürk|Çelik|Şahin|Ben-David|Mizrahi|Peretz|Shapira",
        family_first: 0.0,
    },
    // West Africa
    Region {
        given: "Chukwuemeka|Oluwaseun|Aisha|Ngozi|Kwame|Akosua|Mamadou|Aminata|Folake|Yaw|Adaeze|Ousmane",
        family: "Eze|Adeyemi|Bello|Okonkwo|Asante|Boateng|Diallo|Ndiaye|Balogun|Osei|Nwachukwu|Sow",
        family_first: 0.0,
    },
    // East and Southern Africa
    Region {
        given: "Wanjiru|Otieno|Tesfaye|Selam|Thandiwe|Sipho|Pieter|Nokuthula|Baraka|Amani|Lerato|Tinashe",
        family: "Kamau|Odhiambo|Bekele|Haile|Nkosi|Dlamini|van der Merwe|Mahlangu|Mwakyusa|Njoroge|Botha|Chikwanha",
        family_first: 0.0,
    },
    // Western Europe
    Region {
        given: "Jürgen|Sanne|Joost|Marie-Claire|Giulia|Jean-Baptiste|Anneke|Maximilian|Océane|Lorenzo|Friederike|Siobhán",
        family: "Hoffmann|de Vries|van den Berg|Dubois|Esposito|Moreau|Janssens|Schäfer|Lefèvre|Bianchi|Müller|O'Sullivan",
        family_first: 0.0,
    },
    // Iberia and Latin America (compound surnames)
    Region {
        given: "José Luis|María Fernanda|Juan Carlos|Lucía|Thiago|Ana Beatriz|João Pedro|Valentina|Sebastián|Ximena|Gonçalo|Camila",
        family: "Martínez Ruiz|López|Rodríguez Pérez|Fernández García|Oliveira Santos|Souza|Carvalho|Gutiérrez|Ramírez de la Cruz|Silva|Pereira da Costa|Herrera",
        family_first: 0.0,
    },
    // Central and Eastern Europe
    Region {
        given: "Małgorzata|Tomáš|Zsófia|Ioana|Milica|Oksana|Dmitri|Katarzyna|Ondřej|Bogdan|Jelena|Vytautas",
        family: "Wiśniewska|Dvořák|Nagy|Popescu|Jovanović|Shevchuk|Volkov|Kowalczyk|Horváth|Petrenko|Kazlauskas|Novák",
        family_first: 0.0,
    },
    // Nordic and Baltic
    Region {
        given: "Ingrid|Bjørn|Aino|Guðrún|Lars-Erik|Sigríður|Mikko|Astrid|Henrik|Liisa",
        family: "Johansson|Halvorsen|Virtanen|Sigurðardóttir|Lindqvist|Jónsson|Korhonen|Rasmussen|Bergström|Tamm",
        family_first: 0.0,
    },
    // Greece, Balkans, Caucasus
    Region {
        given: "Eleni|Giorgos|Dimitra|Nikos|Arben|Ani|Levan|Nino|Anahit|Stavros",
        family: "Papadopoulou|Georgiou|Konstantinidis|Hoxha|Beridze|Kapanadze|Hakobyan|Petrosyan|Karamanlis|Sarkisian",
        family_first: 0.0,
    },
    // Anglophone (UK, Ireland, US, Caribbean, Australia)
    Region {
        given: "Eilidh|Rhys|Aoife|Callum|Shanice|Dwayne|Bronwyn|Declan|Tamsin|Marlon",
        family: "MacLeod|ap Gruffydd|Ní Bhriain|Featherstone|Blackwood|Okoro-Smith|Fitzpatrick|Quigley|Thistlethwaite|McAllister",
        family_first: 0.0,
    },
    // Russian with patronymic, Central Asia
    Region {
        given: "Dmitri Sergeyevich|Olga Petrovna|Aigerim|Nursultan|Dilnoza|Timur|Anastasia Igorevna|Rustam",
        family: "Ivanova|Sokolov|Nurlanovna|Abdullayev|Karimova|Kuznetsov|Tokhtarov|Yusupova",
        family_first: 0.0,
    },
];

/// A full name from a random region, written in that region's order.
pub(crate) fn full(rng: &mut Rng) -> String {
    let r = &REGIONS[rng.below(REGIONS.len())];
    let g = rng.item(r.given);
    let f = rng.item(r.family);
    if rng.chance(r.family_first) {
        format!("{f} {g}")
    } else {
        format!("{g} {f}")
    }
}

/// A given name alone (for cued single-name mentions).
pub(crate) fn given(rng: &mut Rng) -> &'static str {
    let r = &REGIONS[rng.below(REGIONS.len())];
    rng.item(r.given)
}

/// A family name alone (after a title).
pub(crate) fn family(rng: &mut Rng) -> &'static str {
    let r = &REGIONS[rng.below(REGIONS.len())];
    rng.item(r.family)
}

/// A title that is not part of the gold span.
pub(crate) fn title(rng: &mut Rng) -> &'static str {
    rng.item(
        "Dr. |Prof. |Mr |Mrs |Ms |Mx |Dr |Professor |Sheikh |Chief |Engr. |Hon. |Herr |Mme |Sra. ",
    )
}

/// A company or institution name (not a person).
pub(crate) fn org(rng: &mut Rng) -> &'static str {
    rng.item(
        "Kilimanjaro Logistics Ltd|Nordlicht GmbH|Sakura Robotics K.K.|Andes Minerals S.A.|\
         Banyan Tree Analytics Pvt Ltd|Atlas Maritime LLC|Pampas Foods SRL|Baltic Amber OÜ|\
         Lotus Textiles JSC|Cedar Advisory SAL|Harmattan Solar Ltd|Fjord Software AS",
    )
}
