//! IETF vCon export: a stored session as a vCon (draft-ietf-vcon-vcon-core,
//! unsigned form).
//!
//! - `parties`: the caller (index 0, `uuid` = the platform's user id when known)
//!   and the agent (index 1, `name` = the persona or voice); `system` and `tool`
//!   parties are added when such segments exist.
//! - `dialog`: one `text` dialog per transcript segment (`body` = the redacted
//!   text, `parties` = [speaker, listener], `originator` = speaker, `message_id` =
//!   the segment's `item_id`, `duration` from its end time).
//! - `analysis`: the latest summary (`type: "summary"`, JSON body with `text` and
//!   `key_points`).
//! - `attachments`: one per tool event (`purpose: "tool_call"`, JSON body with
//!   name, arguments, result, status, duration), attached to the last dialog
//!   started at or before it; and the usage report (`purpose: "usage"`).
//! - `redacted`: `{"type": "pii"}` — the content was redacted before it was stored;
//!   no less-redacted instance exists.
//! - `uuid`: a version 8 UUID derived from the session id (SHA-256), so exporting
//!   the same session twice gives the same vCon uuid.

use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

use realtime_store::Role;

use crate::FullSession;

/// Who the vendor of analyses is.
const VENDOR: &str = "realtime-store";

/// The vCon of a session.
pub fn to_vcon(full: &FullSession) -> Value {
    let s = &full.session;
    let mut parties = vec![
        party_user(s.user_id.as_deref()),
        party_agent(s.persona.as_deref(), s.voice.as_deref()),
    ];
    let index_of = |role: Role, parties: &mut Vec<Value>| -> usize {
        match role {
            Role::User => 0,
            Role::Assistant => 1,
            other => {
                let ty = other.as_str();
                match parties
                    .iter()
                    .position(|p| p["type"] == ty && p.get("uuid").is_none())
                {
                    Some(i) if i > 1 => i,
                    _ => {
                        parties.push(json!({ "type": ty, "name": ty }));
                        parties.len() - 1
                    }
                }
            }
        }
    };
    let mut dialog = Vec::with_capacity(full.transcripts.len());
    for seg in &full.transcripts {
        let speaker = index_of(seg.role, &mut parties);
        let listener = if speaker == 0 { 1 } else { 0 };
        let mut d = Map::new();
        d.insert("type".into(), "text".into());
        d.insert("start".into(), seg.started_at.to_rfc3339().into());
        if let Some(end) = seg.ended_at {
            let secs = (end.as_millis() - seg.started_at.as_millis()).max(0) as f64 / 1000.0;
            d.insert("duration".into(), json!(secs));
        }
        d.insert("parties".into(), json!([speaker, listener]));
        d.insert("originator".into(), json!(speaker));
        d.insert("mediatype".into(), "text/plain".into());
        d.insert("encoding".into(), "none".into());
        d.insert("body".into(), seg.text.clone().into());
        if let Some(item) = &seg.item_id {
            d.insert("message_id".into(), item.clone().into());
        }
        d.insert("application".into(), "realtime voice agent".into());
        dialog.push(Value::Object(d));
    }
    let mut analysis = Vec::new();
    if let Some(sum) = &full.summary {
        analysis.push(json!({
            "type": "summary",
            "dialog": (0..dialog.len()).collect::<Vec<_>>(),
            "vendor": VENDOR,
            "product": "realtime-store",
            "schema": "realtime-store-summary",
            "mediatype": "application/json",
            "encoding": "json",
            "body": { "text": sum.text, "key_points": sum.key_points, "version": sum.version, "at": sum.at },
        }));
    }
    let mut attachments = Vec::new();
    for t in &full.tool_events {
        let at = t.at.as_millis();
        let d = full
            .transcripts
            .iter()
            .rposition(|seg| seg.started_at.as_millis() <= at)
            .unwrap_or(0);
        attachments.push(json!({
            "purpose": "tool_call",
            "start": t.at.to_rfc3339(),
            "party": 1,
            "dialog": d,
            "mediatype": "application/json",
            "encoding": "json",
            "body": {
                "name": t.name,
                "call_id": t.call_id,
                "args": t.args,
                "result": t.result,
                "status": t.status,
                "duration_ms": t.duration_ms,
            },
        }));
    }
    if !full.usage.events.is_empty() {
        let start = full.usage.events.first().map(|u| u.at.to_rfc3339());
        attachments.push(json!({
            "purpose": "usage",
            "start": start,
            "party": 1,
            "dialog": dialog.len().saturating_sub(1),
            "mediatype": "application/json",
            "encoding": "json",
            "body": full.usage,
        }));
    }
    let mut v = Map::new();
    v.insert("uuid".into(), uuid_v8(&s.id).into());
    v.insert("created_at".into(), s.created_at.to_rfc3339().into());
    v.insert("updated_at".into(), s.updated_at.to_rfc3339().into());
    v.insert("subject".into(), format!("Voice session {}", s.id).into());
    v.insert("redacted".into(), json!({ "type": "pii" }));
    v.insert("parties".into(), parties.into());
    v.insert("dialog".into(), dialog.into());
    v.insert("analysis".into(), analysis.into());
    v.insert("attachments".into(), attachments.into());
    Value::Object(v)
}

fn party_user(user_id: Option<&str>) -> Value {
    let mut p = json!({ "type": "user" });
    if let Some(u) = user_id {
        p["uuid"] = u.into();
    }
    p
}

fn party_agent(persona: Option<&str>, voice: Option<&str>) -> Value {
    let name = persona.or(voice).unwrap_or("voice agent");
    json!({ "type": "agent", "name": name })
}

/// A version 8 UUID (RFC 9562) from the SHA-256 of the session id.
fn uuid_v8(id: &str) -> String {
    let mut h = Sha256::new();
    h.update(b"realtime-store vcon\0");
    h.update(id.as_bytes());
    let d = h.finalize();
    let mut b = [0u8; 16];
    b.copy_from_slice(&d[..16]);
    b[6] = (b[6] & 0x0f) | 0x80; // version 8
    b[8] = (b[8] & 0x3f) | 0x80; // variant 10
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..]
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn uuid_is_v8_and_stable() {
        let a = super::uuid_v8("sess_1");
        assert_eq!(a, super::uuid_v8("sess_1"));
        assert_ne!(a, super::uuid_v8("sess_2"));
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "8");
        assert!(matches!(&a[19..20], "8" | "9" | "a" | "b"));
    }
}
