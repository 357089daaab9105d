//! The built-in entity types.

use std::fmt;

/// A built-in kind of personal data the redactor detects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Entity {
    /// E-mail addresses, written or spoken ("john dot smith at gmail dot com").
    Email,
    /// Phone numbers, written or spoken.
    Phone,
    /// Payment card numbers (Luhn-checked).
    CreditCard,
    /// US social security numbers.
    UsSsn,
    /// International bank account numbers (mod-97 checked).
    Iban,
    /// IPv4 and IPv6 addresses.
    IpAddress,
    /// API keys, bearer tokens, JWTs, private keys, spoken passwords.
    Secret,
    /// Street addresses.
    StreetAddress,
    /// Dates of birth (only in context).
    DateOfBirth,
    /// Person names (in context, or common given name + surname).
    Person,
}

impl Entity {
    /// Every built-in entity type.
    pub const ALL: [Entity; 10] = [
        Entity::Email,
        Entity::Phone,
        Entity::CreditCard,
        Entity::UsSsn,
        Entity::Iban,
        Entity::IpAddress,
        Entity::Secret,
        Entity::StreetAddress,
        Entity::DateOfBirth,
        Entity::Person,
    ];

    /// The label used in placeholders and counts, e.g. `EMAIL`.
    pub const fn label(self) -> &'static str {
        match self {
            Entity::Email => "EMAIL",
            Entity::Phone => "PHONE",
            Entity::CreditCard => "CREDIT_CARD",
            Entity::UsSsn => "US_SSN",
            Entity::Iban => "IBAN",
            Entity::IpAddress => "IP_ADDRESS",
            Entity::Secret => "SECRET",
            Entity::StreetAddress => "STREET_ADDRESS",
            Entity::DateOfBirth => "DATE_OF_BIRTH",
            Entity::Person => "PERSON",
        }
    }

    /// Parses a label (`EMAIL`, case-insensitive) back into an entity.
    pub fn from_label(label: &str) -> Option<Entity> {
        Entity::ALL
            .into_iter()
            .find(|e| e.label().eq_ignore_ascii_case(label))
    }
}

impl fmt::Display for Entity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}
