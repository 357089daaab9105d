//! A versioned, byte-exact serialisation of clean values, for the local spool.
//!
//! Crate-private on purpose: decoding builds `Clean*` values, so it must not be
//! usable to turn unredacted input into a "clean" one from outside the crate.
//! The layout is a version byte followed by JSON of private shadow structs (field
//! order fixed by the structs, so the same value always encodes to the same bytes).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::types::{
    CleanEvent, CleanSegment, CleanSessionMeta, CleanSummary, CleanToolEvent, CleanUsage,
};
use crate::{Consent, Error, Result, Role, Timestamp, Timings, ToolStatus};

/// The current layout version (first byte of every encoding).
pub(crate) const CODEC_VERSION: u8 = 1;

#[derive(Serialize, Deserialize)]
#[serde(tag = "k", rename_all = "snake_case", deny_unknown_fields)]
enum EventV1 {
    Transcript {
        item_id: Option<String>,
        dedup_key: String,
        role: Role,
        text: String,
        started_at: i64,
        ended_at: Option<i64>,
    },
    Tool {
        call_id: Option<String>,
        dedup_key: String,
        name: String,
        args: Value,
        result: Option<Value>,
        status: ToolStatus,
        duration_ms: Option<u64>,
        at: i64,
    },
    Summary {
        dedup_key: String,
        text: String,
        key_points: Vec<String>,
        at: i64,
    },
    Usage {
        event_id: Option<String>,
        dedup_key: String,
        kind: String,
        value: f64,
        meta: Option<Value>,
        at: i64,
    },
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct MetaV1 {
    session_id: String,
    user_id: Option<String>,
    auth_user_id: Option<String>,
    email: Option<String>,
    provider_session_id: Option<String>,
    voice: Option<String>,
    persona: Option<String>,
    config: Option<Value>,
    timings: Timings,
    consent: Consent,
    started_at: Option<i64>,
    ended_at: Option<i64>,
    reconsent: bool,
}

fn ms(t: Timestamp) -> i64 {
    t.as_millis()
}

fn ts(ms: i64) -> Timestamp {
    Timestamp::from_millis(ms)
}

fn corrupt(what: &'static str) -> Error {
    Error::Backend {
        op: "decode",
        retryable: false,
        source: format!("corrupt encoded {what}").into(),
    }
}

fn frame(v: &impl Serialize) -> Vec<u8> {
    let mut out = vec![CODEC_VERSION];
    // Serialising these plain structs cannot fail.
    serde_json::to_writer(&mut out, v).expect("plain structs serialise");
    out
}

fn unframe<'a, T: Deserialize<'a>>(bytes: &'a [u8], what: &'static str) -> Result<T> {
    match bytes.split_first() {
        Some((&CODEC_VERSION, body)) => serde_json::from_slice(body).map_err(|_| corrupt(what)),
        _ => Err(corrupt(what)),
    }
}

/// Encodes a clean event.
pub(crate) fn encode_event(e: &CleanEvent) -> Vec<u8> {
    let v = match e.clone() {
        CleanEvent::Transcript(x) => EventV1::Transcript {
            item_id: x.item_id,
            dedup_key: x.dedup_key,
            role: x.role,
            text: x.text,
            started_at: ms(x.started_at),
            ended_at: x.ended_at.map(ms),
        },
        CleanEvent::Tool(x) => EventV1::Tool {
            call_id: x.call_id,
            dedup_key: x.dedup_key,
            name: x.name,
            args: x.args,
            result: x.result,
            status: x.status,
            duration_ms: x.duration_ms,
            at: ms(x.at),
        },
        CleanEvent::Summary(x) => EventV1::Summary {
            dedup_key: x.dedup_key,
            text: x.text,
            key_points: x.key_points,
            at: ms(x.at),
        },
        CleanEvent::Usage(x) => EventV1::Usage {
            event_id: x.event_id,
            dedup_key: x.dedup_key,
            kind: x.kind,
            value: x.value,
            meta: x.meta,
            at: ms(x.at),
        },
    };
    frame(&v)
}

/// Decodes what [`encode_event`] wrote.
pub(crate) fn decode_event(bytes: &[u8]) -> Result<CleanEvent> {
    Ok(match unframe::<EventV1>(bytes, "event")? {
        EventV1::Transcript {
            item_id,
            dedup_key,
            role,
            text,
            started_at,
            ended_at,
        } => CleanEvent::Transcript(CleanSegment {
            item_id,
            dedup_key,
            role,
            text,
            started_at: ts(started_at),
            ended_at: ended_at.map(ts),
        }),
        EventV1::Tool {
            call_id,
            dedup_key,
            name,
            args,
            result,
            status,
            duration_ms,
            at,
        } => CleanEvent::Tool(CleanToolEvent {
            call_id,
            dedup_key,
            name,
            args,
            result,
            status,
            duration_ms,
            at: ts(at),
        }),
        EventV1::Summary {
            dedup_key,
            text,
            key_points,
            at,
        } => CleanEvent::Summary(CleanSummary {
            dedup_key,
            text,
            key_points,
            at: ts(at),
        }),
        EventV1::Usage {
            event_id,
            dedup_key,
            kind,
            value,
            meta,
            at,
        } => CleanEvent::Usage(CleanUsage {
            event_id,
            dedup_key,
            kind,
            value,
            meta,
            at: ts(at),
        }),
    })
}

/// Encodes a clean session upsert.
pub(crate) fn encode_meta(m: &CleanSessionMeta) -> Vec<u8> {
    let m = m.clone();
    frame(&MetaV1 {
        session_id: m.session_id,
        user_id: m.user_id,
        auth_user_id: m.auth_user_id,
        email: m.email,
        provider_session_id: m.provider_session_id,
        voice: m.voice,
        persona: m.persona,
        config: m.config,
        timings: m.timings,
        consent: m.consent,
        started_at: m.started_at.map(ms),
        ended_at: m.ended_at.map(ms),
        reconsent: m.reconsent,
    })
}

/// Decodes what [`encode_meta`] wrote.
pub(crate) fn decode_meta(bytes: &[u8]) -> Result<CleanSessionMeta> {
    let m: MetaV1 = unframe(bytes, "session meta")?;
    Ok(CleanSessionMeta {
        session_id: m.session_id,
        user_id: m.user_id,
        auth_user_id: m.auth_user_id,
        email: m.email,
        provider_session_id: m.provider_session_id,
        voice: m.voice,
        persona: m.persona,
        config: m.config,
        timings: m.timings,
        consent: m.consent,
        started_at: m.started_at.map(ts),
        ended_at: m.ended_at.map(ts),
        reconsent: m.reconsent,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Event, Redaction, SessionMeta, ToolEvent, TranscriptSegment};

    #[test]
    fn events_round_trip_byte_exact() {
        let r = Redaction::default();
        let now = Timestamp::now();
        let events = [
            Event::Transcript(TranscriptSegment::new(
                Role::User,
                "mail jo@example.com",
                now,
            )),
            Event::ToolEvent(ToolEvent {
                call_id: Some("c1".into()),
                name: "lookup".into(),
                args: serde_json::json!({"q": "x", "n": [1, 2.5, null]}),
                result: None,
                status: ToolStatus::Error,
                duration_ms: Some(7),
                at: now,
            }),
        ];
        for e in &events {
            let (clean, _) = r.clean_event(e);
            let bytes = encode_event(&clean);
            assert_eq!(bytes[0], CODEC_VERSION);
            let back = decode_event(&bytes).unwrap();
            assert_eq!(back, clean);
            assert_eq!(encode_event(&back), bytes, "byte-exact");
        }
        let meta = r.clean_meta(&SessionMeta::new("s1", Consent::Accepted), true);
        let bytes = encode_meta(&meta);
        assert_eq!(decode_meta(&bytes).unwrap(), meta);
    }

    #[test]
    fn corrupt_and_foreign_versions_are_errors() {
        assert!(decode_event(&[]).is_err());
        assert!(decode_event(&[2, b'{', b'}']).is_err());
        assert!(decode_event(&[1, b'{']).is_err());
        assert!(decode_meta(b"\x01{\"x\":1}").is_err());
    }
}
