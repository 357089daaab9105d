//! Given names and surnames by culture for the blind corpus 4, written by the
//! corpus author (not taken from the engine's data or from the lists).

use crate::blindgen::Rng;

/// `(given names, surnames)` per culture, space-separated; `_` joins the parts
/// of a multi-word surname.
const CULTURES: [(&str, &str); 22] = [
    (
        "Zdeňka Jiří Radek Lenka Ondřej Kateřina Miloš Tereza Vojtěch Božena Přemysl Alžběta Luboš Jarmila",
        "Dvořák Horáková Novotný Procházka Kučerová Černý Svobodová Vlček Šimek Pokorná Hruška Máchová Říha Beneš",
    ),
    (
        "Tomasz Agnieszka Grzegorz Małgorzata Wojciech Katarzyna Łukasz Joanna Bartłomiej Jadwiga Przemysław Zofia",
        "Wierzbicki Kowalczyk Zieliński Wiśniewska Jabłoński Szymańska Nowakowski Dąbrowska Grabowski Pawlak Wróbel Sienkiewicz",
    ),
    (
        "Anders Ingrid Sigrid Björn Astrid Henrik Linnea Eskil Freja Oskar Solveig Torbjørn Maja Leif",
        "Lindqvist Bergström Sjöberg Nyström Halvorsen Johannessen Åkesson Lundgren Fjeldstad Engström Rasmussen Kjærgaard Holmberg",
    ),
    (
        "Aino Eero Juha Satu Ilkka Riikka Tuomas Kaisa Jóhanna Guðrún Sigurður Einar",
        "Virtanen Mäkinen Korhonen Lehtonen Heikkinen Järvinen Nieminen Salonen Þórsdóttir Gunnarsson Magnúsdóttir Ólafsson",
    ),
    (
        "Renate Tobias Ines Jürgen Friederike Matthias Sabine Wolfgang Dietmar Ulrike Henning Gudrun Kilian Annelie",
        "Vogelsang Oberhuber Großmann Schüßler Brandstätter Zimmermann Weißenborn Hoffmeister Pfeiffer Kästner Lechner Mühlbauer Eichhorn Schwarzkopf",
    ),
    (
        "Anneke Joost Maarten Sanne Femke Sjoerd Wouter Lieke Bram Marloes Pieter Griet",
        "de_Vries van_den_Berg Jansen Bakker Hoekstra Kuipers Visser Dijkstra van_Leeuwen Mertens Claes Peeters Vermeulen",
    ),
    (
        "Élodie Benoît Théo Margaux Gaëlle Aurélien Séverine Léa Clément Hélène Quentin Maëlle Jérôme Solène",
        "Lefèvre Mercier Dubois Rousseau Gauthier Chevalier Moreau Fontaine Lemaire Girard Boucher Thibault Marchand Faure",
    ),
    (
        "Giulia Matteo Lorenzo Chiara Alessandro Francesca Davide Ilaria Niccolò Benedetta Salvatore Rosaria",
        "Esposito Ricci Bianchi Romano Conti Colombo Ferraro Galli Mancini Rizzo De_Luca Marchetti Santoro Caruso",
    ),
    (
        "Álvaro Inmaculada Íñigo Montserrat Jordi Nerea Begoña Gonzalo Rocío Xabier Ainhoa Borja",
        "Castellanos Ibáñez Muñoz Gutiérrez Etxeberria Sáez Domínguez Pujol Garrido Iglesias Fernández_de_Córdoba Aranda Urquijo",
    ),
    (
        "João Conceição Sebastião Inês Gonçalo Leonor Thiago Luana Rafaela Caio Vitória Everton",
        "Gonçalves Araújo Magalhães Carvalho Figueiredo Nascimento Albuquerque Sousa Ribeiro Cavalcanti Brandão Teixeira",
    ),
    (
        "Ximena Guadalupe Joaquín Valentina Santiago Camila Rodrigo Luciana Maximiliano Yesenia Itzel Fernando Mariela Octavio",
        "Quispe Mamani Huamán Velázquez Villalobos Cárdenas Zambrano Echeverría Chávez Saavedra Oyarzún Bustamante Arellano Peñaloza",
    ),
    (
        "Dimitrios Eleni Stavros Nikos Katerina Spyros Emre Ayşe Mehmet Elif Burak Zeynep Gökhan Şule",
        "Papadopoulos Karamanlis Georgiou Tsakalidis Konstantinou Yılmaz Öztürk Çelik Şahin Demir Aydın Kaya Karaca",
    ),
    (
        "Zsófia Gergely Bence Réka Levente Milica Dragan Jelena Vesna Goran Ana Mirela Dorin",
        "Nagy Szabó Tóth Kovács Horváth Petrović Jovanović Kovačević Marković Babić Popescu Ionescu Dumitrescu",
    ),
    (
        "Oksana Dmytro Yevgeny Anastasia Sergei Tatiana Bohdan Svitlana Vladislav Olena Aleksei Irina",
        "Shevchenko Kovalenko Ivanova Sokolov Bondarenko Melnyk Kuznetsova Volkov Tkachenko Morozova Lysenko Orlov",
    ),
    (
        "Yasmin Omar Khalid Fatima Layla Tariq Nour Hamza Rania Youssef Samira Bilal Dalia Karim",
        "Al-Farsi Haddad Mansour El-Amin Nasser Khoury Abdelrahman Al-Sayed Hamdan Saleh Barakat Al-Qahtani Azzam Darwish",
    ),
    (
        "Parisa Dariush Shirin Kaveh Golnar Yael Eitan Noa Avraham Tamar Ofer",
        "Tehrani Farahani Moradi Jafari Karimi Rostami Ben-David Shapiro Mizrahi Peretz Avraham Katzir",
    ),
    (
        "Priya Arjun Ananya Vikram Sanjay Deepika Rohan Lakshmi Harpreet Gurpreet Aditi Karthik Meenakshi Siddharth",
        "Venkataraman Chatterjee Iyer Subramanian Krishnamurthy Banerjee Patil Deshpande Sandhu Grewal Raghunathan Mukherjee Nair Kulkarni",
    ),
    (
        "Imran Farhana Nimal Tahmina Rashed Chamari Asif Sadia Dilani Tanvir",
        "Rahman Chowdhury Perera Jayasuriya Siddiqui Hossain Wickramasinghe Qureshi Bandara Malik",
    ),
    (
        "Wei Xiaoming Mei Jing Haoran Yuting Zhiwei Lanfen Haruto Yui Sakura Takeshi Kenji Aiko",
        "Zhang Liu Huang Zhou Xu Guo Tanaka Watanabe Yamamoto Nakamura Kobayashi Matsumoto Inoue Fujimoto",
    ),
    (
        "Minjun Seo-yeon Ji-woo Hyun-woo Eun-ji Thanh Minh Linh Quang Hoa Siriporn Somchai Maricel Rommel Agustina Bayu",
        "Park Choi Jeong Kang Yoon Tran Pham Hoang Vu Nguyen Chaiyaporn Srisuk Dela_Cruz Bautista Macaraeg Wijaya Santoso Kusuma",
    ),
    (
        "Chinedu Ngozi Oluwaseun Adaeze Emeka Folake Kwame Ama Kofi Abena Tendai Nomvula Thabo Wanjiru Sekou Fatoumata Yohannes Tsion Chiamaka Babajide",
        "Okafor Adeyemi Nwosu Balogun Mensah Boateng Asante Owusu Moyo Dlamini Ndlovu Mutua Otieno Kamau Diallo Traoré Keïta Tesfaye Bekele Eze",
    ),
    (
        "Marcus Eleanor Declan Siobhan Rhys Gwen Callum Fiona Tamsin Hamish Niamh Ewan Imogen Padraig",
        "Ellery Whitlock O'Sullivan McAllister Pritchard Featherstone Ashworth Fairweather MacLeod Llewellyn Gallagher Thistlewood Kinsella Haverford",
    ),
];

/// A person's name from one culture.
#[derive(Debug, Clone)]
pub(crate) struct Name {
    pub(crate) given: String,
    pub(crate) surname: String,
}

impl Name {
    /// "Given Surname".
    pub(crate) fn full(&self) -> String {
        format!("{} {}", self.given, self.surname)
    }
}

/// A random name; the given name and surname come from the same culture.
pub(crate) fn name(rng: &mut Rng) -> Name {
    let (g, s) = CULTURES[rng.below(CULTURES.len())];
    let gs: Vec<&str> = g.split_whitespace().collect();
    let ss: Vec<&str> = s.split_whitespace().collect();
    Name {
        given: rng.pick(&gs).to_string(),
        surname: rng.pick(&ss).replace('_', " "),
    }
}

/// Number of distinct given names and surnames (for the corpus header).
pub(crate) fn counts() -> (usize, usize) {
    CULTURES.iter().fold((0, 0), |(a, b), (g, s)| {
        (
            a + g.split_whitespace().count(),
            b + s.split_whitespace().count(),
        )
    })
}
