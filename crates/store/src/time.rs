//! UTC timestamps with millisecond precision.

use std::fmt;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A UTC instant with millisecond precision, stored as epoch milliseconds.
///
/// On the wire it is written as an RFC 3339 string (`2026-11-25T12:00:00.000Z`) and
/// read from either an RFC 3339 string or an integer of epoch milliseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

/// 2000-01-01T00:00:00Z: nothing a voice agent records is older.
pub const MIN_TIMESTAMP: Timestamp = Timestamp(946_684_800_000);

impl Timestamp {
    /// From epoch milliseconds.
    pub const fn from_millis(ms: i64) -> Self {
        Timestamp(ms)
    }

    /// Epoch milliseconds.
    pub const fn as_millis(self) -> i64 {
        self.0
    }

    /// The current instant, truncated to milliseconds.
    pub fn now() -> Self {
        Timestamp(Utc::now().timestamp_millis())
    }

    /// Parses an RFC 3339 string (any offset; converted to UTC) or a string of
    /// epoch milliseconds.
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        if !s.is_empty() && s.len() <= 16 && s.bytes().all(|b| b.is_ascii_digit()) {
            return s.parse::<i64>().ok().map(Timestamp);
        }
        DateTime::parse_from_rfc3339(s)
            .ok()
            .map(|d| Timestamp(d.timestamp_millis()))
    }

    /// RFC 3339 with milliseconds, `Z` suffix.
    pub fn to_rfc3339(self) -> String {
        match DateTime::<Utc>::from_timestamp_millis(self.0) {
            Some(d) => d.to_rfc3339_opts(SecondsFormat::Millis, true),
            None => self.0.to_string(),
        }
    }

    /// This instant moved by `ms` milliseconds (saturating).
    pub fn add_millis(self, ms: i64) -> Self {
        Timestamp(self.0.saturating_add(ms))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_rfc3339())
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Timestamp;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an RFC 3339 timestamp or epoch milliseconds")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Timestamp, E> {
                Ok(Timestamp(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Timestamp, E> {
                i64::try_from(v)
                    .map(Timestamp)
                    .map_err(|_| E::custom("epoch milliseconds out of range"))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Timestamp, E> {
                if v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e15 {
                    Ok(Timestamp(v as i64))
                } else {
                    Err(E::custom("epoch milliseconds must be an integer"))
                }
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Timestamp, E> {
                Timestamp::parse(v).ok_or_else(|| E::custom("not an RFC 3339 timestamp"))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rfc3339_and_millis() {
        let a = Timestamp::parse("2026-11-25T12:00:00.123Z").unwrap();
        let b = Timestamp::parse("2026-11-25T13:00:00.123+01:00").unwrap();
        assert_eq!(a, b);
        assert_eq!(Timestamp::parse(&a.as_millis().to_string()), Some(a));
        assert_eq!(a.to_rfc3339(), "2026-11-25T12:00:00.123Z");
        assert_eq!(Timestamp::parse("yesterday"), None);
        assert_eq!(Timestamp::parse("2026-13-01T00:00:00Z"), None);
        let j: Timestamp = serde_json::from_str("1764072000123").unwrap();
        assert_eq!(j.as_millis(), 1_764_072_000_123);
        assert!(serde_json::from_str::<Timestamp>("\"nope\"").is_err());
    }

    proptest::proptest! {
        #[test]
        fn parse_never_panics(s in ".{0,64}") {
            let _ = Timestamp::parse(&s);
        }

        #[test]
        fn rfc3339_round_trips(ms in MIN_TIMESTAMP.as_millis()..4_102_444_800_000i64) {
            let t = Timestamp::from_millis(ms);
            proptest::prop_assert_eq!(Timestamp::parse(&t.to_rfc3339()), Some(t));
        }
    }
}
