//! PII redaction for realtime voice transcripts.
//!
//! Pure: no I/O, no async, no global state. Build a [`Redactor`] once from a
//! [`Policy`] and share it (it is cheap to clone and `Send + Sync`).
//!
//! ```
//! use realtime_redact::Redactor;
//! let r = Redactor::default();
//! let out = r.redact("mail me at jane.doe@example.com");
//! assert_eq!(out.text, "mail me at [EMAIL]");
//! assert_eq!(out.counts.get("EMAIL"), Some(&1));
//! ```
#![forbid(unsafe_code)]

mod address;
mod checks;
mod context;
mod detect;
mod dob;
mod entity;
mod json;
mod normalize;
mod numbers;
mod patterns;
mod person;
mod policy;
mod redactor;
mod split_values;
mod spoken_email;
mod spoken_ip;
mod token;

pub use entity::Entity;
pub use json::{is_identity_key, key_entity, redact_json_with};
pub use policy::{CustomPattern, PlaceholderStyle, Policy};
pub use redactor::{Counts, Redacted, RedactedJson, Redactor, Span};

/// Errors building a [`Redactor`] from a [`Policy`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A custom pattern did not compile. The pattern itself is not echoed.
    #[error("custom pattern `{label}` is not a valid regular expression")]
    InvalidPattern {
        /// The label of the offending custom pattern.
        label: String,
        /// The regex compile error.
        #[source]
        source: regex::Error,
    },
    /// A custom label is empty or not `[A-Z0-9_]+`.
    #[error("custom pattern label `{label}` must be 1-32 characters of A-Z, 0-9 or _")]
    InvalidLabel {
        /// The offending label.
        label: String,
    },
}
