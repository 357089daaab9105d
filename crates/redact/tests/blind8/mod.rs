//! Eighth blind corpus: what a voice-agent platform stores in customer service
//! (call transcripts, speech-to-text segments, call summaries, CRM notes,
//! tickets, e-mails, forms), with names of many cultures, street addresses of
//! many countries (written and spoken), e-mails, international phones, dates
//! of birth, and hard PII-free texts (brands with surnames, places without
//! numbers, product names with numbers, capitalised headings, months).
//!
//! Written blind: every name, address, template and value is the corpus
//! author's own, drawn from a seeded generator (`crate::blindgen::Rng`).

mod addresses;
mod contact;
mod documents;
mod free;
mod names;
mod people;
mod spoken;
mod voice;
mod west;
mod world;

use crate::blindgen::{Rng, Sample};

/// `n` texts from `seed`; the same list on every machine.
pub(crate) fn generate(seed: u64, n: usize) -> Vec<Sample> {
    let mut rng = Rng::new(seed);
    (0..n).map(|_| one(&mut rng)).collect()
}

/// One text; the shares are about a quarter PII-free, the rest split over
/// names in prose and dialogue, names in documents, written addresses, voice
/// transcripts with spoken values, and written contact details.
fn one(rng: &mut Rng) -> Sample {
    match rng.below(100) {
        0..=23 => free::sample(rng),
        24..=39 => people::sample(rng),
        40..=53 => documents::sample(rng),
        54..=70 => addresses::sample(rng),
        71..=88 => voice::sample(rng),
        _ => contact::sample(rng),
    }
}

/// A PII-free organisation name (invented, no surnames).
pub(crate) fn company(rng: &mut Rng) -> &'static str {
    rng.item(
        "Harbourline Telecom|Bluefern Energy|Northgate Insurance|Cobaltway Broadband|Sunridge Water|Tidewell Mobile|Orchard Lane Pharmacy|Kestrel Air|Silverbirch Bank|Meridian Health Plans|Quayside Couriers|Brightpath Utilities|Redstone Credit Union|Clearwave Internet|Amberfield Rentals",
    )
}

/// A short account issue, free of PII.
pub(crate) fn issue(rng: &mut Rng) -> &'static str {
    rng.item(
        "a duplicate charge on the March invoice|the router dropping every evening|a parcel marked delivered that never arrived|switching to the family plan|a refund for the cancelled flight|the meter reading being estimated again|roaming charges from the trip|a cracked screen under the warranty|moving the installation to next week|the late fee on the last bill|a password reset that never came through|upgrading the broadband speed",
    )
}

/// A personal e-mail domain.
pub(crate) fn mail_domain(rng: &mut Rng) -> &'static str {
    rng.item(
        "gmail.com|yahoo.co.uk|outlook.com|hotmail.fr|web.de|gmx.net|mail.ru|yandex.ru|naver.com|qq.com|163.com|icloud.com|proton.me|rediffmail.com|yahoo.co.in|uol.com.br|libero.it|orange.fr|seznam.cz|wp.pl|t-online.de|bigpond.com|xtra.co.nz|btinternet.com|hotmail.com|yahoo.com.mx|terra.com.br|ymail.com",
    )
}

/// A company e-mail domain.
pub(crate) fn work_domain(rng: &mut Rng) -> &'static str {
    rng.item(
        "harbourline.co.uk|bluefern-energy.com|northgate.ie|cobaltway.net|tidewell.com.au|kestrelair.de|silverbirch.co.za|meridianhealth.in|quayside.nz|clearwave.com.br|amberfield.es",
    )
}
