//! JSON-aware redaction: every string value at any depth, keys kept.

use serde_json::Value;

/// Returns a copy of `value` where every string value (at any depth) has been
/// passed through `redact`. Object keys, numbers, booleans and nulls are kept.
pub fn redact_json_with(value: &Value, redact: &mut dyn FnMut(&str) -> String) -> Value {
    match value {
        Value::String(s) => Value::String(redact(s)),
        Value::Array(items) => {
            Value::Array(items.iter().map(|v| redact_json_with(v, redact)).collect())
        }
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), redact_json_with(v, redact)))
                .collect(),
        ),
        other => other.clone(),
    }
}
