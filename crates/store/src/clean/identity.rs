//! JSON payloads: tool arguments and results, usage meta, and the agent config.
//!
//! Tool payloads and usage meta: every string value is redacted with its key as
//! context, PII-shaped numbers and PII keys too — the rules live in the
//! redaction engine ([`realtime_redact::key_entity`]). The agent config is the
//! platform's own and is kept, except the values of identity keys (found by the
//! same key rules, [`realtime_redact::is_identity_key`]), which are replaced
//! wholesale, and keys that themselves carry PII.

use serde_json::Value;

/// A tool payload or usage meta, redacted by the caller's function `text` (the
/// engine's key and number rules applied around it).
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
                    let v = if realtime_redact::is_identity_key(k) {
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
