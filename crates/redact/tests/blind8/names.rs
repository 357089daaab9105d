//! Name pools of the eighth blind corpus: given names and surnames of many
//! cultures (the corpus author's own lists), with the ways they are combined:
//! family-name-first orders, double and hyphenated surnames, particles and
//! middle initials. Also the ASCII folding used to turn a name into an e-mail
//! local part.

use crate::blindgen::Rng;

/// One naming tradition: `|`-separated given names and surnames.
struct Culture {
    given: &'static str,
    surnames: &'static str,
    /// Chance that the family name is written first ("Wang Jiayi").
    family_first: f64,
    /// Chance of a second surname, joined by a space or a hyphen.
    double: f64,
}

const CULTURES: [Culture; 21] = [
    // West African (Yoruba, Igbo, Akan, Wolof, Hausa, Mande).
    Culture {
        given: "Adebayo|Chiamaka|Oluwaseun|Ngozi|Kwame|Akosua|Yaw|Efua|Folake|Emeka|Chinedu|Aminata|Moussa|Ousmane|Fatoumata|Ifeoma|Babatunde|Abena|Kofi|Nnamdi",
        surnames: "Okafor|Adeyemi|Nwosu|Mensah|Boateng|Asante|Diallo|Ndiaye|Balogun|Okonkwo|Eze|Owusu|Traoré|Adeleke|Osei|Danjuma|Abubakar|Oyelaran|Agyeman|Keïta",
        family_first: 0.0,
        double: 0.03,
    },
    // East African (Kikuyu, Luo, Luhya, Kalenjin, Amharic, Somali, Swahili).
    Culture {
        given: "Wanjiru|Achieng|Baraka|Zawadi|Tesfaye|Selam|Abebe|Hiwot|Liya|Dawit|Faduma|Abdirahman|Nyokabi|Jabali|Makena|Kipchoge|Amani|Hodan",
        surnames: "Kamau|Otieno|Mwangi|Njoroge|Wekesa|Odhiambo|Haile|Tadesse|Girma|Mekonnen|Warsame|Abdi|Kiprotich|Chebet|Wambui|Mutua|Nyerere|Gebremariam",
        family_first: 0.0,
        double: 0.0,
    },
    // Arabic (Levant, Gulf, Maghreb, Egypt).
    Culture {
        given: "Omar|Layla|Yousef|Fatima|Khalid|Noor|Hamza|Mariam|Tariq|Rania|Ziad|Huda|Karim|Salma|Rashid|Dalia|Bilal|Yasmin",
        surnames: "Al-Mansouri|Haddad|Nasser|Khoury|bin Rashid|El-Sayed|Abu Zeid|Farouk|Hamdan|Al-Harbi|Shalabi|Mourad|Saleh|El Amrani|Al Qasimi|Bennani|Abdel-Malek|Tannous",
        family_first: 0.0,
        double: 0.0,
    },
    // Persian.
    Culture {
        given: "Dariush|Shirin|Parisa|Kaveh|Arash|Niloufar|Behrouz|Mahsa|Roya|Farhad|Golnaz|Payam",
        surnames: "Tehrani|Mohammadi|Rahimi|Karimi|Jafari|Hosseini|Ebrahimi|Sadeghi|Bahrami|Mirzaei|Ghorbani|Zand",
        family_first: 0.0,
        double: 0.0,
    },
    // Turkish.
    Culture {
        given: "Emre|Elif|Burak|Zeynep|Mehmet|Ayşe|Cem|Deniz|Selin|Oğuz|Hakan|Ebru",
        surnames: "Yılmaz|Demir|Kaya|Şahin|Çelik|Öztürk|Aydın|Arslan|Koç|Kurt|Erdoğan|Polat",
        family_first: 0.0,
        double: 0.0,
    },
    // South Asian (India, Pakistan, Bangladesh, Sri Lanka, Nepal).
    Culture {
        given: "Priya|Arjun|Ananya|Rohan|Kavya|Vikram|Sanjana|Rahul|Aisha|Imran|Nadia|Farhan|Sunita|Deepak|Lakshmi|Thilini|Ruwan|Gurpreet|Harjeet|Sabina|Anil",
        surnames: "Sharma|Patel|Iyer|Reddy|Banerjee|Chatterjee|Nair|Krishnan|Qureshi|Chaudhry|Siddiqui|Rahman|Perera|Fernando|Jayasuriya|Gupta|Menon|Desai|Sandhu|Gill|Shrestha|Thapa",
        family_first: 0.0,
        double: 0.0,
    },
    // Chinese.
    Culture {
        given: "Wei|Jiayi|Xiaoming|Meiling|Haoran|Yuting|Zhiwei|Xinyi|Jun|Lihua",
        surnames: "Wang|Zhang|Chen|Liu|Huang|Zhao|Zhou|Xu|Sun|Guo",
        family_first: 0.5,
        double: 0.0,
    },
    // Japanese.
    Culture {
        given: "Haruto|Yui|Sota|Aoi|Ren|Sakura|Kenji|Akiko|Daisuke|Emiko|Takumi",
        surnames: "Tanaka|Takahashi|Watanabe|Yamamoto|Nakamura|Kobayashi|Inoue|Matsumoto|Shimizu|Fujiwara|Hayashi",
        family_first: 0.25,
        double: 0.0,
    },
    // Korean.
    Culture {
        given: "Minjun|Seoyeon|Jiho|Hana|Dohyun|Eunji|Sungmin|Jiwoo|Hyejin",
        surnames: "Kim|Park|Choi|Jung|Kang|Yoon|Lim|Han|Seo",
        family_first: 0.5,
        double: 0.0,
    },
    // Southeast Asian (Vietnam, Thailand, Philippines, Indonesia, Malaysia).
    Culture {
        given: "Linh|Thao|Huong|Duc|Somchai|Niran|Kanya|Ploy|Maricel|Jerome|Rowena|Budi|Sari|Agus|Dewi|Nurul|Azlan|Quang|Thanh",
        surnames: "Nguyen|Tran|Pham|Hoang|Vu|Srisuk|Chaiyaporn|Wongsawat|Dela Cruz|Bautista|Reyes|Villanueva|Santoso|Wijaya|Hartono|Setiawan|Abdullah|Ismail",
        family_first: 0.2,
        double: 0.0,
    },
    // Slavic (Polish, Russian, Ukrainian, Czech, Serbian, Croatian, Bulgarian).
    Culture {
        given: "Dmitri|Olga|Katarzyna|Łukasz|Piotr|Agnieszka|Milena|Bojan|Ivana|Sergei|Yulia|Tomasz|Zofia|Oksana|Bohdan|Radka|Stanislav",
        surnames: "Kowalski|Nowak|Wiśniewska|Petrov|Ivanova|Horvat|Novák|Kovačević|Dvořák|Sokolov|Zielińska|Shevchenko|Bondarenko|Jovanović|Dimitrova|Lewandowski|Kuznetsov",
        family_first: 0.0,
        double: 0.04,
    },
    // Baltic and Finnic.
    Culture {
        given: "Rasa|Mindaugas|Aistė|Jānis|Ilze|Kristjan|Kadri|Gintaras|Laima|Raimonds|Egle",
        surnames: "Kazlauskas|Petrauskienė|Bērziņš|Ozoliņa|Tamm|Saar|Vaitkus|Jankauskas|Kalniņš|Mägi|Rimkus",
        family_first: 0.0,
        double: 0.0,
    },
    // Nordic.
    Culture {
        given: "Astrid|Sigrid|Lars|Ingrid|Henrik|Freya|Magnus|Solveig|Eero|Aino|Bjørn|Tuva|Oskar",
        surnames: "Lindqvist|Johansson|Haugen|Bakke|Nieminen|Virtanen|Sørensen|Halvorsen|Eriksdóttir|Björnsson|Lindgren|Mäkinen|Dahl",
        family_first: 0.0,
        double: 0.03,
    },
    // Greek.
    Culture {
        given: "Dimitris|Eleni|Giorgos|Katerina|Nikos|Sofia|Yannis|Despina|Stavros|Athena",
        surnames: "Papadopoulos|Georgiou|Konstantinidis|Alexiou|Pappas|Antoniadou|Nikolaidis|Vlachos|Karagiannis|Makris",
        family_first: 0.0,
        double: 0.0,
    },
    // Hispanic (Spain, Mexico, Andes, Caribbean, Southern Cone).
    Culture {
        given: "Alejandro|Lucía|Javier|Valentina|Mateo|Camila|Diego|Ximena|Santiago|Paola|Guadalupe|Rocío|Esteban|Marisol|Álvaro",
        surnames: "García|Rodríguez|Martínez|Hernández|López|Gómez|de la Cruz|Fuentes|Vargas|Morales|Castillo|Ramírez|Ibáñez|Del Valle|Quispe|Echeverría|Zúñiga|de los Santos",
        family_first: 0.0,
        double: 0.45,
    },
    // Lusophone (Portugal, Brazil, Angola, Mozambique).
    Culture {
        given: "João|Beatriz|Thiago|Mariana|Gonçalo|Inês|Rafaela|Caio|Luíza|Joaquim|Conceição|Vinícius",
        surnames: "Silva|Santos|Oliveira|Pereira|Costa|Ferreira|dos Santos|da Silva|Carvalho|Almeida|Souza|Moreira|da Conceição|Nascimento|Figueiredo",
        family_first: 0.0,
        double: 0.4,
    },
    // Celtic (Irish, Scottish, Welsh, Breton).
    Culture {
        given: "Siobhán|Niamh|Ciarán|Aoife|Declan|Eilidh|Rhys|Cerys|Pádraig|Máiréad|Tadhg|Seren|Ruairí|Catrìona|Gwilym",
        surnames: "O'Sullivan|Murphy|Ní Bhriain|MacLeod|Ó Ceallaigh|Gallagher|Llewellyn|McAllister|Fitzgerald|MacDonald|Ó Briain|Mac Giolla Phádraig|Pritchard|Le Goff|Nic Amhlaoibh",
        family_first: 0.0,
        double: 0.03,
    },
    // Jewish (Israeli, Ashkenazi, Sephardi, Mizrahi).
    Culture {
        given: "Avraham|Yael|Noa|Eitan|Shira|Moshe|Rivka|Tamar|Ariel|Yosef|Hadas|Itzik",
        surnames: "Cohen|Levi|Friedman|Goldberg|Rosenthal|Ben-David|Katz|Shapiro|Mizrahi|Abramovich|Peretz|Weinstein",
        family_first: 0.0,
        double: 0.0,
    },
    // Pacific (Māori, Samoan, Tongan, Fijian, Hawaiian).
    Culture {
        given: "Sione|Losana|Tevita|Mele|Manaia|Aroha|Tane|Moana|Keoni|Leilani|Ratu|Sefa|Wiremu",
        surnames: "Tupou|Fifita|Taufa|Ngata|Parata|Kealoha|Fonoti|Tuilagi|Leota|Te Rangi|Naivalu|Kahananui|Waititi",
        family_first: 0.0,
        double: 0.0,
    },
    // Western and Central European.
    Culture {
        given: "Margaret|Daniel|Sophie|Thomas|Claire|Pierre|Amélie|Jürgen|Anneke|Matthias|Giulia|Luca|Francesca|Rosalind|Benedikt|Maëlle",
        surnames: "Whitfield|Harrington|Moreau|Lefebvre|Schneider|Hoffmann|van der Berg|de Vries|Janssen|Rossi|Bianchi|Esposito|De Luca|von Hallberg|Müller|Van den Broeck|Dubois|Castellano",
        family_first: 0.0,
        double: 0.06,
    },
    // Anglo (UK, US, Australia, Canada).
    Culture {
        given: "Eleanor|Marcus|Bethany|Graham|Courtney|Wesley|Harriet|Dwayne|Imogen|Travis|Lorna|Clive",
        surnames: "Ashworth|Pemberton|Blackwood|Thornton|Fairbanks|Hollis|Merriweather|Kingsley|Rutherford|Calloway|Stanhope|Penhaligon",
        family_first: 0.0,
        double: 0.08,
    },
];

/// A generated person: the parts and the name as written in full.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub(crate) given: String,
    pub(crate) surname: String,
    pub(crate) full: String,
}

/// A person of a random culture.
pub(crate) fn person(rng: &mut Rng) -> Person {
    let c = &CULTURES[rng.below(CULTURES.len())];
    let given = rng.item(c.given).to_string();
    let mut surname = rng.item(c.surnames).to_string();
    if rng.chance(c.double) {
        let second = rng.item(c.surnames);
        if second != surname {
            let joint = if rng.chance(0.5) { " " } else { "-" };
            surname = format!("{surname}{joint}{second}");
        }
    }
    let full = if rng.chance(c.family_first) {
        format!("{surname} {given}")
    } else if rng.chance(0.07) {
        format!("{given} {}. {surname}", rng.letters(1))
    } else {
        format!("{given} {surname}")
    };
    Person {
        given,
        surname,
        full,
    }
}

/// Two different people.
pub(crate) fn two(rng: &mut Rng) -> (Person, Person) {
    let a = person(rng);
    let mut b = person(rng);
    while b.surname == a.surname {
        b = person(rng);
    }
    (a, b)
}

/// Lower-case ASCII letters of a name ("Ó Ceallaigh" -> "oceallaigh").
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars().flat_map(char::to_lowercase) {
        let m = match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ą' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' => 'e',
            'í' | 'ì' | 'î' | 'ï' | 'ı' | 'ī' | 'į' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ų' => 'u',
            'ç' | 'č' | 'ć' => 'c',
            'ñ' | 'ń' => 'n',
            'ş' | 'ś' | 'š' => 's',
            'ğ' => 'g',
            'ł' | 'ļ' => 'l',
            'đ' => 'd',
            'ķ' => 'k',
            'ņ' => 'n',
            'ř' => 'r',
            'ž' | 'ż' => 'z',
            'ý' => 'y',
            c if c.is_ascii_lowercase() => c,
            _ => continue,
        };
        out.push(m);
    }
    out
}

/// An e-mail local part made from a person's name.
pub(crate) fn local_part(rng: &mut Rng, p: &Person) -> String {
    let g = fold(&p.given);
    let s = fold(&p.surname);
    match rng.below(6) {
        0 => format!("{g}.{s}"),
        1 => format!("{}{s}", &g[..1]),
        2 => format!("{g}_{s}{}", rng.range(1, 99)),
        3 => format!("{}.{s}", &g[..1]),
        4 => format!("{s}.{g}"),
        _ => format!("{g}{}", rng.range(70, 2005)),
    }
}

/// A staff first name for an agent's self-introduction.
pub(crate) fn agent(rng: &mut Rng) -> String {
    person(rng).given
}
