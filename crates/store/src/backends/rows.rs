//! Row decoding shared by the SQL backends. Both select the same shapes
//! (timestamps as epoch milliseconds, JSON as `Json<Value>`, enums as text), so
//! one `FromRow` struct per table serves SQLite and PostgreSQL. A corrupt row is
//! an error naming the column, never a panic or a silent default.

use serde_json::Value;
use sqlx::types::Json;

use crate::{
    Consent, Error, Result, Role, Session, SessionStatus, StoredSegment, StoredSummary,
    StoredToolEvent, StoredUsage, Timestamp, Timings, ToolStatus,
};

pub(crate) fn corrupt(what: &str) -> Error {
    Error::Backend {
        op: "read",
        retryable: false,
        source: format!("unexpected value in column {what}").into(),
    }
}

fn ts(ms: i64) -> Timestamp {
    Timestamp::from_millis(ms)
}

#[derive(sqlx::FromRow)]
pub(crate) struct SessionRow {
    id: String,
    user_id: Option<String>,
    provider_session_id: Option<String>,
    voice: Option<String>,
    persona: Option<String>,
    config: Json<Value>,
    timings: Json<Value>,
    consent: String,
    status: String,
    started_at: i64,
    ended_at: Option<i64>,
    created_at: i64,
    updated_at: i64,
}

impl TryFrom<SessionRow> for Session {
    type Error = Error;
    fn try_from(r: SessionRow) -> Result<Session> {
        Ok(Session {
            id: r.id,
            user_id: r.user_id,
            provider_session_id: r.provider_session_id,
            voice: r.voice,
            persona: r.persona,
            config: r.config.0,
            timings: serde_json::from_value::<Timings>(r.timings.0)
                .map_err(|_| corrupt("sessions.timings"))?,
            consent: Consent::parse(&r.consent).ok_or_else(|| corrupt("sessions.consent"))?,
            status: SessionStatus::parse(&r.status).ok_or_else(|| corrupt("sessions.status"))?,
            started_at: ts(r.started_at),
            ended_at: r.ended_at.map(ts),
            created_at: ts(r.created_at),
            updated_at: ts(r.updated_at),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct SegmentRow {
    seq: i64,
    item_id: Option<String>,
    role: String,
    text: String,
    started_at: i64,
    ended_at: Option<i64>,
    created_at: i64,
}

impl TryFrom<SegmentRow> for StoredSegment {
    type Error = Error;
    fn try_from(r: SegmentRow) -> Result<StoredSegment> {
        Ok(StoredSegment {
            seq: r.seq,
            item_id: r.item_id,
            role: Role::parse(&r.role).ok_or_else(|| corrupt("transcripts.role"))?,
            text: r.text,
            started_at: ts(r.started_at),
            ended_at: r.ended_at.map(ts),
            created_at: ts(r.created_at),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct ToolRow {
    seq: i64,
    call_id: Option<String>,
    name: String,
    args: Json<Value>,
    result: Option<Json<Value>>,
    status: String,
    duration_ms: Option<i64>,
    at: i64,
}

impl TryFrom<ToolRow> for StoredToolEvent {
    type Error = Error;
    fn try_from(r: ToolRow) -> Result<StoredToolEvent> {
        Ok(StoredToolEvent {
            seq: r.seq,
            call_id: r.call_id,
            name: r.name,
            args: r.args.0,
            result: r.result.map(|j| j.0),
            status: ToolStatus::parse(&r.status).ok_or_else(|| corrupt("tool_events.status"))?,
            duration_ms: r
                .duration_ms
                .map(|d| u64::try_from(d).map_err(|_| corrupt("tool_events.duration_ms")))
                .transpose()?,
            at: ts(r.at),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct SummaryRow {
    version: i64,
    text: String,
    key_points: Json<Vec<String>>,
    at: i64,
}

impl TryFrom<SummaryRow> for StoredSummary {
    type Error = Error;
    fn try_from(r: SummaryRow) -> Result<StoredSummary> {
        Ok(StoredSummary {
            version: r.version,
            text: r.text,
            key_points: r.key_points.0,
            at: ts(r.at),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct UsageRow {
    seq: i64,
    event_id: Option<String>,
    kind: String,
    value: f64,
    meta: Option<Json<Value>>,
    at: i64,
}

impl TryFrom<UsageRow> for StoredUsage {
    type Error = Error;
    fn try_from(r: UsageRow) -> Result<StoredUsage> {
        Ok(StoredUsage {
            seq: r.seq,
            event_id: r.event_id,
            kind: r.kind,
            value: r.value,
            meta: r.meta.map(|j| j.0),
            at: ts(r.at),
        })
    }
}

/// Decodes rows fetched as `R` into the model type `T`.
pub(crate) fn decode<R, T>(rows: Vec<R>) -> Result<Vec<T>>
where
    T: TryFrom<R, Error = Error>,
{
    rows.into_iter().map(T::try_from).collect()
}

/// What is stored about a session, from its consent column and tombstone reason.
pub(crate) fn stored_state(
    consent: Option<String>,
    reason: Option<String>,
) -> Result<crate::StoredState> {
    use crate::{StoredState, TombstoneReason};
    if let Some(r) = reason {
        let r = TombstoneReason::parse(&r).ok_or_else(|| corrupt("tombstones.reason"))?;
        return Ok(StoredState::Tombstoned(r));
    }
    Ok(match consent {
        None => StoredState::Absent,
        Some(c) => {
            StoredState::Live(Consent::parse(&c).ok_or_else(|| corrupt("sessions.consent"))?)
        }
    })
}
