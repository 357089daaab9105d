//! What to redact and how placeholders look.

use std::collections::BTreeSet;

use crate::Entity;

/// How a detected value is replaced.
#[derive(Clone, Default)]
pub enum PlaceholderStyle {
    /// `[EMAIL]`.
    #[default]
    Label,
    /// `[EMAIL:7f3a9c]`: the first 6 hex digits of HMAC-SHA256(key, value), so the
    /// same value always maps to the same token without revealing it.
    KeyedHash {
        /// The HMAC key. Keep it secret; it is never printed.
        key: Vec<u8>,
    },
}

impl std::fmt::Debug for PlaceholderStyle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PlaceholderStyle::Label => f.write_str("Label"),
            PlaceholderStyle::KeyedHash { .. } => f.write_str("KeyedHash { key: <redacted> }"),
        }
    }
}

/// A caller-defined pattern with its own label, e.g. `ORDER_ID`.
#[derive(Debug, Clone)]
pub struct CustomPattern {
    /// Placeholder label: 1-32 characters of `A-Z`, `0-9`, `_`.
    pub label: String,
    /// A regular expression (Rust `regex` syntax).
    pub pattern: String,
}

/// The redaction policy: which entity types, placeholder style, custom patterns and
/// an allow-list of values that are never redacted.
#[derive(Debug, Clone)]
pub struct Policy {
    /// Enabled built-in entity types.
    pub entities: BTreeSet<Entity>,
    /// Placeholder style.
    pub placeholder: PlaceholderStyle,
    /// Extra patterns.
    pub custom: Vec<CustomPattern>,
    /// Exact values (case-insensitive) never redacted, e.g. the support line's number.
    pub allow: Vec<String>,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            entities: Entity::ALL.into_iter().collect(),
            placeholder: PlaceholderStyle::Label,
            custom: Vec::new(),
            allow: Vec::new(),
        }
    }
}

impl Policy {
    /// A policy with only the given entity types enabled.
    pub fn only(entities: impl IntoIterator<Item = Entity>) -> Self {
        Policy {
            entities: entities.into_iter().collect(),
            ..Policy::default()
        }
    }
}
