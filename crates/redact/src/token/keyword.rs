//! Keyword classes of short words: the keyword table, its cheap prefilter and
//! `classify`.

use super::Kw;

/// Every word `classify` knows, for the (length, first letter) prefilter.
const KEYWORDS: &[&str] = &[
    "agent",
    "am",
    "apikey",
    "applicant",
    "apr",
    "april",
    "as",
    "assignee",
    "at",
    "attention",
    "attn",
    "aug",
    "august",
    "aunt",
    "bday",
    "bearer",
    "beneficiary",
    "birth",
    "birthdate",
    "birthday",
    "born",
    "boss",
    "boyfriend",
    "brother",
    "by",
    "bye",
    "caller",
    "cardholder",
    "caregiver",
    "client",
    "colleague",
    "contact",
    "cousin",
    "coworker",
    "customer",
    "dad",
    "dash",
    "daughter",
    "dear",
    "dec",
    "december",
    "dob",
    "doctor",
    "dot",
    "double",
    "dr",
    "eight",
    "eighteen",
    "eighteenth",
    "eighth",
    "eighty",
    "eleven",
    "eleventh",
    "ext",
    "extension",
    "father",
    "feb",
    "february",
    "fiance",
    "fiancee",
    "fifteen",
    "fifteenth",
    "fifth",
    "fifty",
    "first",
    "five",
    "for",
    "forty",
    "four",
    "fourteen",
    "fourteenth",
    "fourth",
    "fourty",
    "friend",
    "gho",
    "ghp",
    "ghr",
    "ghs",
    "ghu",
    "girlfriend",
    "github",
    "glpat",
    "goodbye",
    "grandfather",
    "grandma",
    "grandmother",
    "grandpa",
    "grandson",
    "guest",
    "hello",
    "here",
    "hey",
    "hi",
    "holder",
    "hundred",
    "husband",
    "hyphen",
    "i'm",
    "im",
    "is",
    "it's",
    "its",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "key",
    "landlord",
    "let",
    "line",
    "madam",
    "manager",
    "mar",
    "march",
    "may",
    "me",
    "miss",
    "mister",
    "mom",
    "mother",
    "mr",
    "mrs",
    "ms",
    "mx",
    "name",
    "name's",
    "named",
    "neighbor",
    "nephew",
    "niece",
    "nine",
    "niner",
    "nineteen",
    "nineteenth",
    "ninety",
    "ninth",
    "nov",
    "november",
    "nurse",
    "o",
    "oct",
    "october",
    "oh",
    "ok",
    "okay",
    "one",
    "partner",
    "passcode",
    "passenger",
    "passphrase",
    "passwd",
    "password",
    "patient",
    "payee",
    "period",
    "pin",
    "plus",
    "point",
    "prof",
    "professor",
    "pwd",
    "recipient",
    "rep",
    "requester",
    "rk",
    "roommate",
    "second",
    "secret",
    "sep",
    "sept",
    "september",
    "seven",
    "seventeen",
    "seventeenth",
    "seventh",
    "seventy",
    "sg",
    "sir",
    "sister",
    "six",
    "sixteen",
    "sixteenth",
    "sixth",
    "sixty",
    "sk",
    "son",
    "speaking",
    "spouse",
    "stepdaughter",
    "stepson",
    "subscriber",
    "surname",
    "technician",
    "ten",
    "tenant",
    "tenth",
    "thanks",
    "third",
    "thirteen",
    "thirteenth",
    "thirtieth",
    "thirty",
    "thousand",
    "three",
    "to",
    "token",
    "triple",
    "twelfth",
    "twelve",
    "twentieth",
    "twenty",
    "two",
    "uncle",
    "under",
    "underscore",
    "wife",
    "with",
    "x",
    "xoxa",
    "xoxb",
    "xoxp",
    "xoxr",
    "xoxs",
    "you",
    "zero",
];

/// Bit `c - b'a'` of `MASK[len]` is set when a keyword of that length starts with `c`.
const MASK: [u32; 13] = {
    let mut m = [0u32; 13];
    let mut i = 0;
    while i < KEYWORDS.len() {
        let k = KEYWORDS[i].as_bytes();
        if k.len() < 13 && k[0].is_ascii_lowercase() {
            m[k.len()] |= 1 << (k[0] - b'a');
        }
        i += 1;
    }
    m
};

/// The bit of a keyword's last byte in `LAST`: its letter (any case), else 26.
const fn last_bit(c: u8) -> u32 {
    let c = c | 0x20;
    if c.is_ascii_lowercase() {
        (c - b'a') as u32
    } else {
        26
    }
}

/// Bit `last_bit(last byte)` of `LAST[len][first letter]` is set when a keyword of
/// that length and first letter ends so.
const LAST: [[u32; 26]; 13] = {
    let mut m = [[0u32; 26]; 13];
    let mut i = 0;
    while i < KEYWORDS.len() {
        let k = KEYWORDS[i].as_bytes();
        if k.len() < 13 && k[0].is_ascii_lowercase() {
            m[k.len()][(k[0] - b'a') as usize] |= 1 << last_bit(k[k.len() - 1]);
        }
        i += 1;
    }
    m
};

/// Whether a word could be a keyword at all (cheap): a keyword of its length
/// starts and ends with its first and last letters.
#[inline]
fn maybe_keyword(w: &[u8]) -> bool {
    let n = w.len();
    if n == 0 || n > 12 {
        return false;
    }
    let c = w[0] | 0x20;
    c.is_ascii_lowercase()
        && MASK[n] & (1 << (c - b'a')) != 0
        && LAST[n][(c - b'a') as usize] & (1 << last_bit(w[n - 1])) != 0
}

/// Keyword class of a word, case-insensitive.
#[inline]
pub(super) fn classify(w: &[u8]) -> Kw {
    if !maybe_keyword(w) {
        return Kw::None;
    }
    lookup(w)
}

/// [`classify`] of a word that passed the prefilter.
#[inline(never)]
fn lookup(w: &[u8]) -> Kw {
    if w.len() > 12 || w.is_empty() {
        return Kw::None;
    }
    let mut buf = [0u8; 12];
    for (d, s) in buf.iter_mut().zip(w) {
        *d = s.to_ascii_lowercase();
    }
    let l = &buf[..w.len()];
    match l {
        b"zero" => Kw::Digit(0),
        b"one" => Kw::Digit(1),
        b"two" => Kw::Digit(2),
        b"three" => Kw::Digit(3),
        b"four" => Kw::Digit(4),
        b"five" => Kw::Digit(5),
        b"six" => Kw::Digit(6),
        b"seven" => Kw::Digit(7),
        b"eight" => Kw::Digit(8),
        b"nine" | b"niner" => Kw::Digit(9),
        b"oh" | b"o" => Kw::Oh,
        b"ten" => Kw::Teen(10),
        b"eleven" => Kw::Teen(11),
        b"twelve" => Kw::Teen(12),
        b"thirteen" => Kw::Teen(13),
        b"fourteen" => Kw::Teen(14),
        b"fifteen" => Kw::Teen(15),
        b"sixteen" => Kw::Teen(16),
        b"seventeen" => Kw::Teen(17),
        b"eighteen" => Kw::Teen(18),
        b"nineteen" => Kw::Teen(19),
        b"twenty" => Kw::Tens(20),
        b"thirty" => Kw::Tens(30),
        b"forty" | b"fourty" => Kw::Tens(40),
        b"fifty" => Kw::Tens(50),
        b"sixty" => Kw::Tens(60),
        b"seventy" => Kw::Tens(70),
        b"eighty" => Kw::Tens(80),
        b"ninety" => Kw::Tens(90),
        b"hundred" => Kw::Hundred,
        b"thousand" => Kw::Thousand,
        b"double" => Kw::Double,
        b"triple" => Kw::Triple,
        b"plus" => Kw::Plus,
        b"at" => Kw::At,
        b"dot" | b"period" => Kw::Dot,
        b"point" => Kw::Point,
        b"underscore" => Kw::Underscore,
        b"dash" | b"hyphen" => Kw::Dash,
        b"ext" | b"extension" | b"x" => Kw::Ext,
        b"january" | b"jan" => Kw::Month(1),
        b"february" | b"feb" => Kw::Month(2),
        b"march" | b"mar" => Kw::Month(3),
        b"april" | b"apr" => Kw::Month(4),
        b"may" => Kw::Month(5),
        b"june" | b"jun" => Kw::Month(6),
        b"july" | b"jul" => Kw::Month(7),
        b"august" | b"aug" => Kw::Month(8),
        b"september" | b"sep" | b"sept" => Kw::Month(9),
        b"october" | b"oct" => Kw::Month(10),
        b"november" | b"nov" => Kw::Month(11),
        b"december" | b"dec" => Kw::Month(12),
        b"first" => Kw::Ordinal(1),
        b"second" => Kw::Ordinal(2),
        b"third" => Kw::Ordinal(3),
        b"fourth" => Kw::Ordinal(4),
        b"fifth" => Kw::Ordinal(5),
        b"sixth" => Kw::Ordinal(6),
        b"seventh" => Kw::Ordinal(7),
        b"eighth" => Kw::Ordinal(8),
        b"ninth" => Kw::Ordinal(9),
        b"tenth" => Kw::Ordinal(10),
        b"eleventh" => Kw::Ordinal(11),
        b"twelfth" => Kw::Ordinal(12),
        b"thirteenth" => Kw::Ordinal(13),
        b"fourteenth" => Kw::Ordinal(14),
        b"fifteenth" => Kw::Ordinal(15),
        b"sixteenth" => Kw::Ordinal(16),
        b"seventeenth" => Kw::Ordinal(17),
        b"eighteenth" => Kw::Ordinal(18),
        b"nineteenth" => Kw::Ordinal(19),
        b"twentieth" => Kw::Ordinal(20),
        b"thirtieth" => Kw::Ordinal(30),
        b"password" | b"passwd" | b"passcode" | b"passphrase" | b"pwd" | b"pin" | b"bearer"
        | b"token" | b"secret" | b"key" | b"apikey" | b"sk" | b"rk" | b"ghp" | b"gho" | b"ghu"
        | b"ghs" | b"ghr" | b"github" | b"glpat" | b"xoxb" | b"xoxp" | b"xoxa" | b"xoxr"
        | b"xoxs" | b"sg" => Kw::SecretHint,
        b"mr" | b"mrs" | b"ms" | b"miss" | b"mister" | b"dr" | b"doctor" | b"prof"
        | b"professor" | b"mx" | b"madam" | b"sir" | b"is" | b"name's" | b"named" | b"for"
        | b"with" | b"to" | b"i'm" | b"im" | b"am" | b"me" | b"hi" | b"hello" | b"hey"
        | b"thanks" | b"dear" | b"bye" | b"goodbye" | b"you" | b"by" | b"under" | b"it's"
        | b"its" | b"let" | b"name" | b"surname" | b"here" | b"speaking" | b"wife" | b"husband"
        | b"son" | b"daughter" | b"manager" | b"boss" | b"father" | b"mother" | b"dad" | b"mom"
        | b"brother" | b"sister" | b"partner" | b"colleague" | b"coworker" | b"friend"
        | b"technician" | b"rep" | b"landlord" | b"neighbor" | b"nurse" | b"as" | b"ok"
        | b"okay" | b"customer" | b"caller" | b"client" | b"agent" | b"grandson"
        | b"grandmother" | b"grandfather" | b"grandma" | b"grandpa" | b"niece" | b"nephew"
        | b"aunt" | b"uncle" | b"cousin" | b"fiance" | b"fiancee" | b"girlfriend"
        | b"boyfriend" | b"spouse" | b"stepson" | b"stepdaughter" | b"beneficiary"
        | b"roommate" | b"caregiver" | b"contact" | b"holder" | b"cardholder" | b"patient"
        | b"assignee" | b"recipient" | b"payee" | b"attn" | b"attention" | b"passenger"
        | b"guest" | b"applicant" | b"requester" | b"tenant" | b"subscriber" | b"line" => {
            Kw::NameCue
        }
        b"born" | b"birth" | b"birthdate" | b"dob" | b"birthday" | b"bday" => Kw::BirthCue,
        _ => Kw::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_keyword_passes_the_prefilter() {
        for k in KEYWORDS {
            assert!(maybe_keyword(k.as_bytes()), "{k}");
            assert_ne!(classify(k.as_bytes()), Kw::None, "{k}");
            assert_ne!(classify(k.to_ascii_uppercase().as_bytes()), Kw::None, "{k}");
        }
        assert_eq!(classify(b"the"), Kw::None);
        assert_eq!(classify(b"Four"), Kw::Digit(4));
    }
}
