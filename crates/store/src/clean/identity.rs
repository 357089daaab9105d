//! JSON payloads: tool arguments and results, usage meta, and the agent config.
//!
//! Tool payloads and usage meta: every string value is redacted, with its key as
//! context; PII-shaped numbers and PII keys too (the rules live in the redaction
//! engine). The agent config is the platform's own and is kept, except the
//! values of identity keys (found by the same key rules), which are replaced.

use serde_json::Value;

/// A tool payload or usage meta, redacted by `text` (every string value, keys
/// checked, the key as context for its value).
pub(super) fn redact_json(v: &Value, text: &mut dyn FnMut(&str) -> String) -> Value {
    realtime_redact::redact_json_with(v, text)
}

/// The agent config: identity keys' values replaced wholesale; other values kept;
/// keys that themselves carry PII redacted by `text`.
pub(super) fn redact_config(v: &Value, text: &mut dyn FnMut(&str) -> String) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let v = if is_identity_key(k) {
                        realtime_redact::redact_json_with(v, &mut |_| "[REDACTED]".into())
                    } else {
                        redact_config(v, text)
                    };
                    (text(k), v)
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(|v| redact_config(v, text)).collect()),
        other => other.clone(),
    }
}

/// Whether a config key names a user identity field, in any case style
/// (`email`, `emailAddress`, `customer_email`, `caller-number`, `SSN`...).
pub(super) fn is_identity_key(k: &str) -> bool {
    let norm: String = k
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    const WHOLE: &[&str] = &[
        "user",
        "caller",
        "customer",
        "authuserid",
        "sub",
        "username",
        "name",
        "from",
        "to",
        "dob",
        "ssn",
        "zip",
        "zipcode",
        "mobile",
        "tel",
        "cell",
        "surname",
    ];
    const PARTS: &[&str] = &[
        "email",
        "mail",
        "phone",
        "callernumber",
        "contactnumber",
        "mobile",
        "ssn",
        "socialsecurity",
        "firstname",
        "lastname",
        "fullname",
        "givenname",
        "familyname",
        "surname",
        "callername",
        "customername",
        "address",
        "street",
        "postcode",
        "postalcode",
        "zipcode",
        "dateofbirth",
        "birth",
        "password",
        "iban",
        "cardnumber",
    ];
    WHOLE.contains(&norm.as_str()) || PARTS.iter().any(|p| norm.contains(p))
}
