//! Shared building blocks of the blind corpora 4 and 5 (`tests/blind4/`,
//! `tests/blind5/`): a seeded xorshift generator, a text builder that records
//! gold spans while the text is written, and value makers (Luhn-valid cards,
//! well-formed SSNs, IBANs with correct check digits, spoken digits).
//!
//! Written without reading the detectors: every value and template here is the
//! corpus author's own.

/// A labelled span of a generated text (byte offsets).
#[derive(Debug, Clone)]
pub(crate) struct Gold {
    pub(crate) label: &'static str,
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) spoken: bool,
}

/// One generated text with its gold spans and the template family it came from.
#[derive(Debug, Clone)]
pub(crate) struct Sample {
    pub(crate) kind: &'static str,
    pub(crate) text: String,
    pub(crate) gold: Vec<Gold>,
}

/// xorshift64* with a fixed seed: the same corpus on every machine.
#[derive(Debug)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub(crate) fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in `0..n`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    /// True with probability `p`.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 > 1.0 - p
    }

    pub(crate) fn pick<'a, T: ?Sized>(&mut self, xs: &[&'a T]) -> &'a T {
        xs[self.below(xs.len())]
    }

    /// A word of a space-separated list.
    pub(crate) fn word(&mut self, list: &'static str) -> &'static str {
        let n = list.split_whitespace().count();
        let i = self.below(n);
        list.split_whitespace().nth(i).unwrap_or("")
    }

    /// An item of a `|`-separated list.
    pub(crate) fn item(&mut self, list: &'static str) -> &'static str {
        let n = list.split('|').count();
        let i = self.below(n);
        list.split('|').nth(i).unwrap_or("")
    }

    /// `n` random decimal digits.
    pub(crate) fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }

    /// `n` random upper-case letters.
    pub(crate) fn letters(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'A' + self.below(26) as u8))
            .collect()
    }
}

/// A text under construction: plain pieces and labelled pieces.
#[derive(Debug, Default)]
pub(crate) struct Text {
    pub(crate) s: String,
    pub(crate) gold: Vec<Gold>,
}

impl Text {
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Appends unlabelled text.
    pub(crate) fn t(&mut self, piece: &str) -> &mut Self {
        self.s.push_str(piece);
        self
    }

    /// Appends a written PII value labelled `label`.
    pub(crate) fn p(&mut self, label: &'static str, value: &str) -> &mut Self {
        self.push(label, value, false)
    }

    /// Appends a spoken PII value labelled `label`.
    pub(crate) fn sp(&mut self, label: &'static str, value: &str) -> &mut Self {
        self.push(label, value, true)
    }

    fn push(&mut self, label: &'static str, value: &str, spoken: bool) -> &mut Self {
        assert!(
            !value.is_empty() && value.trim() == value,
            "bad value {value:?}"
        );
        let start = self.s.len();
        self.s.push_str(value);
        self.gold.push(Gold {
            label,
            start,
            end: self.s.len(),
            spoken,
        });
        self
    }

    /// Finishes the text as a sample of family `kind`.
    pub(crate) fn done(&mut self, kind: &'static str) -> Sample {
        Sample {
            kind,
            text: std::mem::take(&mut self.s),
            gold: std::mem::take(&mut self.gold),
        }
    }
}

const DIGIT_WORDS: [&str; 10] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

/// Speaks a string digit by digit ("0" as "zero" or "oh"); other characters
/// become group breaks (`sep` between groups, a space inside a group).
pub(crate) fn speak_digits(rng: &mut Rng, value: &str, sep: &str) -> String {
    let mut out = String::new();
    let mut group_open = false;
    for c in value.chars() {
        if let Some(d) = c.to_digit(10) {
            if group_open {
                out.push(' ');
            }
            let w = if d == 0 && rng.chance(0.4) {
                "oh"
            } else {
                DIGIT_WORDS[d as usize]
            };
            out.push_str(w);
            group_open = true;
        } else if group_open {
            out.push_str(sep);
            group_open = false;
        }
    }
    out.trim_end_matches([',', ' ']).to_string()
}

/// A Luhn-valid card number (Visa, Mastercard, Amex or Discover), digits only.
pub(crate) fn card_digits(rng: &mut Rng) -> String {
    let (prefix, len) = match rng.below(4) {
        0 => ("4".to_string(), 16),
        1 => (format!("5{}", rng.range(1, 5)), 16),
        2 => (format!("3{}", if rng.chance(0.5) { 4 } else { 7 }), 15),
        _ => ("6011".to_string(), 16),
    };
    let mut s = prefix;
    s.push_str(&rng.digits(len - 1 - s.len()));
    let sum: u32 = s
        .chars()
        .rev()
        .enumerate()
        .map(|(i, c)| {
            let d = c.to_digit(10).unwrap_or(0);
            if i % 2 == 0 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum();
    s.push(char::from(b'0' + ((10 - sum % 10) % 10) as u8));
    s
}

/// Groups a card number the way it is printed (4-4-4-4, Amex 4-6-5).
pub(crate) fn group_card(digits: &str, sep: &str) -> String {
    let cuts: &[usize] = if digits.len() == 15 {
        &[4, 10]
    } else {
        &[4, 8, 12]
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if cuts.contains(&i) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// A well-formed SSN (area not 000, 666 or 9xx; group and serial not zero), digits only.
pub(crate) fn ssn_digits(rng: &mut Rng) -> String {
    let mut area = rng.range(1, 899);
    if area == 666 {
        area = 667;
    }
    format!("{area:03}{:02}{:04}", rng.range(1, 99), rng.range(1, 9999))
}

/// An IBAN with correct check digits for one of several countries, compact form.
pub(crate) fn iban(rng: &mut Rng) -> String {
    let (cc, bban) = match rng.below(7) {
        0 => ("DE", rng.digits(18)),
        1 => ("GB", format!("{}{}", rng.letters(4), rng.digits(14))),
        2 => (
            "FR",
            format!("{}{}{}", rng.digits(10), rng.letters(1), rng.digits(12)),
        ),
        3 => ("NL", format!("{}{}", rng.letters(4), rng.digits(10))),
        4 => ("ES", rng.digits(20)),
        5 => ("IT", format!("{}{}", rng.letters(1), rng.digits(22))),
        _ => ("CH", rng.digits(17)),
    };
    let rearranged = format!("{bban}{cc}00");
    let mut rem: u64 = 0;
    for c in rearranged.chars() {
        let v = if c.is_ascii_digit() {
            u64::from(c as u8 - b'0')
        } else {
            u64::from(c as u8 - b'A') + 10
        };
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    format!("{cc}{:02}{bban}", 98 - rem)
}

/// Groups an IBAN in fours, as printed.
pub(crate) fn group4(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// The gold spans of a sample in the shared scoring's form.
pub(crate) fn gold_spans(s: &Sample) -> Vec<crate::scoring::GoldSpan> {
    s.gold
        .iter()
        .map(|g| crate::scoring::GoldSpan {
            label: g.label,
            start: g.start,
            end: g.end,
            spoken: g.spoken,
        })
        .collect()
}

/// Prints every text with its labelled values (`*` marks spoken spans).
pub(crate) fn dump(samples: &[Sample]) {
    for s in samples {
        let spans: Vec<String> = s
            .gold
            .iter()
            .map(|g| {
                format!(
                    "{}{}={:?}",
                    g.label,
                    if g.spoken { "*" } else { "" },
                    &s.text[g.start..g.end]
                )
            })
            .collect();
        println!("[{}] {:?}\n      {}", s.kind, s.text, spans.join(" | "));
    }
}
