//! IETF vCon export (placeholder).
use crate::FullSession;
use serde_json::Value;
/// The vCon of a session.
pub fn to_vcon(_full: &FullSession) -> Value {
    Value::Null
}
