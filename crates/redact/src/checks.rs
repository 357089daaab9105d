//! Checksums and numbering-plan rules.

/// Luhn checksum over an ASCII digit string of 13-19 digits.
pub(crate) fn luhn_ok(d: &[u8]) -> bool {
    if !(13..=19).contains(&d.len()) || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let mut sum = 0u32;
    for (i, c) in d.iter().rev().enumerate() {
        let mut x = u32::from(c - b'0');
        if i % 2 == 1 {
            x *= 2;
            if x > 9 {
                x -= 9;
            }
        }
        sum += x;
    }
    sum % 10 == 0
}

fn prefix_num(d: &[u8], n: usize) -> u32 {
    d.iter()
        .take(n)
        .fold(0u32, |acc, c| acc * 10 + u32::from(c - b'0'))
}

/// Whether a card number of this length starts with an issuer range in use:
/// Visa, Mastercard (51-55 and the 2-series 2221-2720), Amex, Discover, JCB,
/// Diners, UnionPay, Maestro, Mir, RuPay, Verve.
pub(crate) fn iin_ok(d: &[u8]) -> bool {
    let n = d.len();
    if n < 13 {
        return false;
    }
    let p1 = prefix_num(d, 1);
    let p2 = prefix_num(d, 2);
    let p3 = prefix_num(d, 3);
    let p4 = prefix_num(d, 4);
    let p6 = prefix_num(d, 6);
    match p1 {
        4 => matches!(n, 13 | 16 | 19),
        5 => {
            (51..=55).contains(&p2) && n == 16
                || matches!(p2, 50 | 56..=59) && (12..=19).contains(&n)
        }
        2 => {
            (2221..=2720).contains(&p4) && n == 16
                || (2200..=2204).contains(&p4) && (16..=19).contains(&n)
        }
        3 => {
            (matches!(p2, 34 | 37) && n == 15)
                || ((3528..=3589).contains(&p4) && (16..=19).contains(&n))
                || ((300..=305).contains(&p3) || p2 == 36 || p2 == 38 || p2 == 39 || p4 == 3095)
                    && (14..=19).contains(&n)
        }
        6 => {
            (p4 == 6011 || (644..=649).contains(&p3) || p2 == 65 || (622126..=622925).contains(&p6))
                && (16..=19).contains(&n)
                || p2 == 62 && (16..=19).contains(&n)
                || matches!(p2, 60 | 63 | 67 | 68 | 69) && (12..=19).contains(&n)
                || (650002..=650027).contains(&p6)
        }
        1 => p1 == 1 && n == 15 && p2 < 20, // UATP
        _ => false,
    }
}

/// US SSN rules: area not 000, 666 or 900-999; group not 00; serial not 0000.
pub(crate) fn ssn_ok(d: &[u8]) -> bool {
    if d.len() != 9 {
        return false;
    }
    let area = prefix_num(d, 3);
    let group = prefix_num(&d[3..], 2);
    let serial = prefix_num(&d[5..], 4);
    area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
}

/// North American Numbering Plan: area code and exchange start with 2-9, the area
/// code is not N11 nor 37X/96X-style reserved oddities we can check cheaply.
pub(crate) fn nanp_ok(d: &[u8]) -> bool {
    if d.len() != 10 {
        return false;
    }
    let a0 = d[0];
    let e0 = d[3];
    if !(b'2'..=b'9').contains(&a0) || !(b'2'..=b'9').contains(&e0) {
        return false;
    }
    // N11 area codes (211, 311, ..., 911) are service codes, not area codes.
    if d[1] == b'1' && d[2] == b'1' {
        return false;
    }
    // Area codes with a 9 in the middle are reserved for expansion.
    d[1] != b'9'
}

/// Expected IBAN length per country (ISO 13616 registry).
pub(crate) fn iban_len(cc: &[u8]) -> Option<usize> {
    let l = match cc {
        b"AD" => 24,
        b"AE" => 23,
        b"AL" => 28,
        b"AT" => 20,
        b"AZ" => 28,
        b"BA" => 20,
        b"BE" => 16,
        b"BG" => 22,
        b"BH" => 22,
        b"BI" => 27,
        b"BR" => 29,
        b"BY" => 28,
        b"CH" => 21,
        b"CR" => 22,
        b"CY" => 28,
        b"CZ" => 24,
        b"DE" => 22,
        b"DJ" => 27,
        b"DK" => 18,
        b"DO" => 28,
        b"EE" => 20,
        b"EG" => 29,
        b"ES" => 24,
        b"FI" => 18,
        b"FK" => 18,
        b"FO" => 18,
        b"FR" => 27,
        b"GB" => 22,
        b"GE" => 22,
        b"GI" => 23,
        b"GL" => 18,
        b"GR" => 27,
        b"GT" => 28,
        b"HR" => 21,
        b"HU" => 28,
        b"IE" => 22,
        b"IL" => 23,
        b"IQ" => 23,
        b"IS" => 26,
        b"IT" => 27,
        b"JO" => 30,
        b"KW" => 30,
        b"KZ" => 20,
        b"LB" => 28,
        b"LC" => 32,
        b"LI" => 21,
        b"LT" => 20,
        b"LU" => 20,
        b"LV" => 21,
        b"LY" => 25,
        b"MC" => 27,
        b"MD" => 24,
        b"ME" => 22,
        b"MK" => 19,
        b"MN" => 20,
        b"MR" => 27,
        b"MT" => 31,
        b"MU" => 30,
        b"NI" => 28,
        b"NL" => 18,
        b"NO" => 15,
        b"OM" => 23,
        b"PK" => 24,
        b"PL" => 28,
        b"PS" => 29,
        b"PT" => 25,
        b"QA" => 29,
        b"RO" => 24,
        b"RS" => 22,
        b"RU" => 33,
        b"SA" => 24,
        b"SC" => 31,
        b"SD" => 18,
        b"SE" => 24,
        b"SI" => 19,
        b"SK" => 24,
        b"SM" => 27,
        b"SO" => 23,
        b"ST" => 25,
        b"SV" => 28,
        b"TL" => 23,
        b"TN" => 24,
        b"TR" => 26,
        b"UA" => 29,
        b"VA" => 22,
        b"VG" => 24,
        b"XK" => 20,
        b"YE" => 30,
        _ => return None,
    };
    Some(l)
}

/// IBAN mod-97 check over an uppercase alphanumeric IBAN (no spaces).
pub(crate) fn iban_ok(s: &[u8]) -> bool {
    if s.len() < 15 || iban_len(&s[..2]) != Some(s.len()) {
        return false;
    }
    if !s[2].is_ascii_digit() || !s[3].is_ascii_digit() {
        return false;
    }
    let mut rem: u32 = 0;
    for &c in s[4..].iter().chain(&s[..4]) {
        if c.is_ascii_digit() {
            rem = (rem * 10 + u32::from(c - b'0')) % 97;
        } else if c.is_ascii_uppercase() {
            let v = u32::from(c - b'A') + 10;
            rem = (rem * 100 + v) % 97;
        } else {
            return false;
        }
    }
    rem == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn() {
        assert!(luhn_ok(b"4111111111111111"));
        assert!(!luhn_ok(b"4111111111111112"));
        assert!(luhn_ok(b"2223003122003222"));
        assert!(iin_ok(b"2223003122003222"));
        assert!(iin_ok(b"378282246310005"));
    }

    #[test]
    fn ssn() {
        assert!(ssn_ok(b"123456789"));
        assert!(!ssn_ok(b"000456789"));
        assert!(!ssn_ok(b"666456789"));
        assert!(!ssn_ok(b"912456789"));
        assert!(!ssn_ok(b"123006789"));
        assert!(!ssn_ok(b"123450000"));
    }

    #[test]
    fn iban() {
        assert!(iban_ok(b"GB82WEST12345698765432"));
        assert!(iban_ok(b"DE89370400440532013000"));
        assert!(!iban_ok(b"GB83WEST12345698765432"));
        assert!(!iban_ok(b"GB82WEST1234569876543"));
    }
}
