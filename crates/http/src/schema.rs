//! OpenAPI schemas of the store's wire types.
//!
//! The model types live in `realtime-store`, which knows nothing about HTTP, so
//! their schemas are written here as documentation-only mirrors (`#[schema(as =
//! ...)]`). `tests/openapi.rs` validates real serialized values against them, so a
//! mirror that drifts from the model's serde form fails a test.
#![allow(dead_code)]

use std::collections::BTreeMap;

use serde_json::Value;
use utoipa::openapi::schema::{ObjectBuilder, OneOfBuilder, Type};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{PartialSchema, ToSchema};

/// An instant: an RFC 3339 string, or an integer of epoch milliseconds.
pub(crate) struct TimestampIn;

impl PartialSchema for TimestampIn {
    fn schema() -> RefOr<Schema> {
        OneOfBuilder::new()
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                        utoipa::openapi::KnownFormat::DateTime,
                    )))
                    .examples([Value::from("2026-11-25T12:00:00.000Z")]),
            )
            .item(
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                        utoipa::openapi::KnownFormat::Int64,
                    )))
                    .examples([Value::from(1_764_072_000_000i64)]),
            )
            .description(Some(
                "RFC 3339 time or epoch milliseconds; after 2000-01-01, at most 24 h ahead",
            ))
            .into()
    }
}

impl ToSchema for TimestampIn {
    fn name() -> std::borrow::Cow<'static, str> {
        "Timestamp".into()
    }
}

/// An instant as the API writes it: RFC 3339, UTC, milliseconds.
pub(crate) struct TimestampOut;

impl PartialSchema for TimestampOut {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                utoipa::openapi::KnownFormat::DateTime,
            )))
            .description(Some("RFC 3339, UTC, milliseconds"))
            .examples([Value::from("2026-11-25T12:00:00.000Z")])
            .into()
    }
}

impl ToSchema for TimestampOut {
    fn name() -> std::borrow::Cow<'static, str> {
        "Instant".into()
    }
}

/// The user's consent.
#[derive(ToSchema)]
#[schema(as = Consent)]
#[allow(clippy::upper_case_acronyms)]
pub(crate) enum ConsentDoc {
    ACCEPTED,
    DECLINED,
    PENDING,
}

/// Export format.
#[derive(ToSchema)]
#[schema(as = ExportFormat)]
#[allow(non_camel_case_types)]
pub(crate) enum ExportFormatDoc {
    json,
    vcon,
}

/// Whether the call is still going on.
#[derive(ToSchema)]
#[schema(as = SessionStatus)]
#[allow(non_camel_case_types)]
pub(crate) enum StatusDoc {
    active,
    ended,
}

/// Who spoke.
#[derive(ToSchema)]
#[schema(as = Role)]
#[allow(non_camel_case_types)]
pub(crate) enum RoleDoc {
    user,
    assistant,
    system,
    tool,
}

/// Outcome of a tool call.
#[derive(ToSchema)]
#[schema(as = ToolStatus)]
#[allow(non_camel_case_types)]
pub(crate) enum ToolStatusDoc {
    ok,
    error,
}

/// The platform's user of a session.
#[derive(ToSchema)]
#[schema(as = User)]
pub(crate) struct UserDoc {
    /// App user id, `[A-Za-z0-9_.:@-]{1,128}`.
    #[schema(
        example = "user_17",
        pattern = "^[A-Za-z0-9_.:@-]{1,128}$",
        min_length = 1,
        max_length = 128
    )]
    id: String,
    /// Id in the auth provider.
    auth_user_id: Option<String>,
    /// E-mail.
    email: Option<String>,
}

/// Connection timings (each optional).
#[derive(ToSchema)]
#[schema(as = Timings)]
pub(crate) struct TimingsDoc {
    #[schema(value_type = Option<TimestampIn>)]
    connect_requested: Option<()>,
    #[schema(value_type = Option<TimestampIn>)]
    session_issued: Option<()>,
    #[schema(value_type = Option<TimestampIn>)]
    transport_connected: Option<()>,
    #[schema(value_type = Option<TimestampIn>)]
    first_audio: Option<()>,
}

/// Connection timings as stored.
#[derive(ToSchema)]
#[schema(as = StoredTimings)]
pub(crate) struct StoredTimingsDoc {
    connect_requested: Option<TimestampOut>,
    session_issued: Option<TimestampOut>,
    transport_connected: Option<TimestampOut>,
    first_audio: Option<TimestampOut>,
}

/// An upsert of a session (`PUT /v1/sessions/{id}`). `session_id` may be left out
/// (the path names the session); if given it must equal the path's.
#[derive(ToSchema)]
#[schema(as = SessionMeta)]
pub(crate) struct SessionMetaDoc {
    /// Equal to the path's id when given.
    #[schema(
        pattern = "^[A-Za-z0-9_.:@-]{1,128}$",
        min_length = 1,
        max_length = 128
    )]
    session_id: Option<String>,
    #[schema(value_type = Option<UserDoc>)]
    user: Option<()>,
    provider_session_id: Option<String>,
    #[schema(example = "alloy")]
    voice: Option<String>,
    persona: Option<String>,
    /// The agent config (a JSON object); identity fields in it are redacted.
    #[schema(value_type = Option<Object>)]
    config: Option<Value>,
    #[schema(value_type = TimingsDoc, required = false)]
    timings: (),
    #[schema(value_type = ConsentDoc)]
    consent: (),
    #[schema(value_type = Option<TimestampIn>)]
    started_at: Option<()>,
    /// Set at hang-up: marks the session `ended`.
    #[schema(value_type = Option<TimestampIn>)]
    ended_at: Option<()>,
}

/// A stored session.
#[derive(ToSchema)]
#[schema(as = Session)]
pub(crate) struct SessionDoc {
    id: String,
    user_id: Option<String>,
    provider_session_id: Option<String>,
    voice: Option<String>,
    persona: Option<String>,
    /// Agent config (identity fields redacted).
    #[schema(value_type = Object)]
    config: Value,
    #[schema(value_type = StoredTimingsDoc)]
    timings: (),
    #[schema(value_type = ConsentDoc)]
    consent: (),
    #[schema(value_type = StatusDoc)]
    status: (),
    started_at: TimestampOut,
    ended_at: Option<TimestampOut>,
    created_at: TimestampOut,
    updated_at: TimestampOut,
}

/// A page of sessions.
#[derive(ToSchema)]
#[schema(as = SessionPage)]
pub(crate) struct SessionPageDoc {
    #[schema(value_type = Vec<SessionDoc>)]
    items: Vec<()>,
    /// Pass as `cursor` for the next page; `null` on the last.
    next_cursor: Option<String>,
}

/// One transcript segment to append.
#[derive(ToSchema)]
#[schema(as = TranscriptSegment)]
pub(crate) struct SegmentDoc {
    /// Idempotency key (unique per session).
    #[schema(
        pattern = "^[A-Za-z0-9_.:@-]{1,128}$",
        min_length = 1,
        max_length = 128
    )]
    item_id: Option<String>,
    #[schema(value_type = RoleDoc)]
    role: (),
    /// What was said (redacted before storage; at most 64 KiB).
    #[schema(example = "My email is jane@example.com")]
    text: String,
    #[schema(value_type = TimestampIn)]
    started_at: (),
    #[schema(value_type = Option<TimestampIn>)]
    ended_at: Option<()>,
}

/// A stored segment.
#[derive(ToSchema)]
#[schema(as = StoredSegment)]
pub(crate) struct StoredSegmentDoc {
    seq: i64,
    item_id: Option<String>,
    #[schema(value_type = RoleDoc)]
    role: (),
    /// Redacted text, e.g. `My email is [EMAIL]`.
    text: String,
    started_at: TimestampOut,
    ended_at: Option<TimestampOut>,
    created_at: TimestampOut,
}

/// A page of segments.
#[derive(ToSchema)]
#[schema(as = SegmentPage)]
pub(crate) struct SegmentPageDoc {
    #[schema(value_type = Vec<StoredSegmentDoc>)]
    items: Vec<()>,
    next_cursor: Option<String>,
}

/// One tool call to append.
#[derive(ToSchema)]
#[schema(as = ToolEvent)]
pub(crate) struct ToolEventDoc {
    /// Idempotency key (unique per session).
    #[schema(
        pattern = "^[A-Za-z0-9_.:@-]{1,128}$",
        min_length = 1,
        max_length = 128
    )]
    call_id: Option<String>,
    /// Tool name (non-empty).
    #[schema(min_length = 1, example = "lookup_order")]
    name: String,
    /// Arguments (any JSON); string values redacted, keys kept.
    #[schema(value_type = Value, required = false)]
    args: Value,
    /// Result (any JSON), redacted the same way.
    #[schema(value_type = Option<Value>)]
    result: Option<Value>,
    #[schema(value_type = ToolStatusDoc, required = false)]
    status: (),
    #[schema(minimum = 0)]
    duration_ms: Option<u64>,
    #[schema(value_type = TimestampIn)]
    at: (),
}

/// A stored tool call.
#[derive(ToSchema)]
#[schema(as = StoredToolEvent)]
pub(crate) struct StoredToolEventDoc {
    seq: i64,
    call_id: Option<String>,
    name: String,
    #[schema(value_type = Value)]
    args: Value,
    #[schema(value_type = Option<Value>)]
    result: Option<Value>,
    #[schema(value_type = ToolStatusDoc)]
    status: (),
    #[schema(minimum = 0)]
    duration_ms: Option<u64>,
    at: TimestampOut,
}

/// A page of tool events.
#[derive(ToSchema)]
#[schema(as = ToolEventPage)]
pub(crate) struct ToolEventPageDoc {
    #[schema(value_type = Vec<StoredToolEventDoc>)]
    items: Vec<()>,
    next_cursor: Option<String>,
}

/// An end-of-call summary (becomes the latest version).
#[derive(ToSchema)]
#[schema(as = Summary)]
pub(crate) struct SummaryDoc {
    #[schema(min_length = 1)]
    text: String,
    #[schema(required = false)]
    key_points: Vec<String>,
    #[schema(value_type = TimestampIn)]
    at: (),
}

/// The latest stored summary.
#[derive(ToSchema)]
#[schema(as = StoredSummary)]
pub(crate) struct StoredSummaryDoc {
    version: i64,
    text: String,
    key_points: Vec<String>,
    at: TimestampOut,
}

/// A usage figure.
#[derive(ToSchema)]
#[schema(as = UsageEvent)]
pub(crate) struct UsageDoc {
    /// Idempotency key (unique per session).
    #[schema(
        pattern = "^[A-Za-z0-9_.:@-]{1,128}$",
        min_length = 1,
        max_length = 128
    )]
    event_id: Option<String>,
    /// What is measured, e.g. `input_tokens` (an identifier).
    #[schema(example = "audio_input_seconds", pattern = "^[a-z][a-z0-9_.]{0,63}$")]
    kind: String,
    /// Finite, >= 0.
    #[schema(minimum = 0)]
    value: f64,
    #[schema(value_type = Option<Value>)]
    meta: Option<Value>,
    #[schema(value_type = TimestampIn)]
    at: (),
}

/// A stored usage event.
#[derive(ToSchema)]
#[schema(as = StoredUsage)]
pub(crate) struct StoredUsageDoc {
    seq: i64,
    event_id: Option<String>,
    kind: String,
    value: f64,
    #[schema(value_type = Option<Value>)]
    meta: Option<Value>,
    at: TimestampOut,
}

/// Usage events and totals by kind.
#[derive(ToSchema)]
#[schema(as = UsageReport)]
pub(crate) struct UsageReportDoc {
    #[schema(value_type = Vec<StoredUsageDoc>)]
    events: Vec<()>,
    totals: BTreeMap<String, f64>,
}

/// What happened to a write: `persisted`, `duplicate` (idempotent retry),
/// `buffered` (consent pending), `spooled` (durable in the local fallback spool),
/// `volatile` (kept only in memory by the lossy fallback, `serve --fallback
/// memory`: lost if the service stops before the database is back),
/// `dropped` (with a `reason`).
#[derive(ToSchema)]
#[schema(as = WriteOutcome)]
pub(crate) struct OutcomeDoc {
    #[schema(example = "persisted")]
    outcome: String,
    /// Why it was dropped, e.g. `consent_declined`, `buffer_full`.
    #[schema(nullable = false)]
    reason: Option<String>,
}

/// One outcome per event, in order.
#[derive(ToSchema)]
#[schema(as = Outcomes)]
pub(crate) struct OutcomesDoc {
    #[schema(value_type = Vec<OutcomeDoc>)]
    outcomes: Vec<()>,
}

/// Rows removed by an erasure.
#[derive(ToSchema)]
#[schema(as = EraseCounts)]
pub(crate) struct EraseCountsDoc {
    users: u64,
    sessions: u64,
    transcripts: u64,
    tool_events: u64,
    summaries: u64,
    usage_events: u64,
}

/// `GET /healthz`: `ok`, `degraded` (writes wait in the spool, or the fallback is
/// active) or `unavailable` (503: the primary is unreachable and no fallback).
#[derive(ToSchema)]
#[schema(as = HealthReport)]
pub(crate) struct HealthDoc {
    #[schema(example = "ok")]
    status: String,
    backend: String,
    backend_reachable: bool,
    /// Round trip of the backend's health check.
    latency_ms: Option<f64>,
    /// A short, content-free description of a problem.
    detail: Option<String>,
    fallback_active: bool,
    spool_depth: u64,
    oldest_unsynced_ms: Option<u64>,
    buffered_sessions: u64,
    buffered_events: u64,
    /// The fallback spool's figures, when the store has a spool.
    #[schema(value_type = Option<SpoolStatsDoc>, nullable = false)]
    spool: Option<()>,
}

/// The fallback spool's figures (as in `/metrics`).
#[derive(ToSchema)]
#[schema(as = SpoolStats)]
pub(crate) struct SpoolStatsDoc {
    /// Writes go to the spool (primary unreachable, or writes still to replay).
    fallback_active: bool,
    /// The spool is the **lossy** in-memory fallback (`serve --fallback memory`).
    in_memory: bool,
    /// A disk fault failed the spool; it refuses writes until it is reopened.
    failed: bool,
    /// Operations waiting in the spool.
    depth: u64,
    /// Size of the spool's database in bytes.
    bytes: u64,
    /// Age of the oldest write not yet in the primary, in milliseconds.
    oldest_unsynced_ms: Option<u64>,
    /// Operations written to the spool since start.
    spooled: u64,
    /// Operations replayed to the primary since start.
    replayed: u64,
    /// Events replayed per second over the last complete replay.
    replay_rate: f64,
    /// Operations the primary refused for good during replay.
    replay_errors: u64,
    /// Writes refused because the spool was full or failed.
    rejected: u64,
    /// Times writes switched to the spool.
    outages: u64,
}

/// A session with all its children (`format=json`).
#[derive(ToSchema)]
#[schema(as = FullSession)]
pub(crate) struct FullSessionDoc {
    #[schema(value_type = SessionDoc)]
    session: (),
    #[schema(value_type = Vec<StoredSegmentDoc>)]
    transcripts: Vec<()>,
    #[schema(value_type = Vec<StoredToolEventDoc>)]
    tool_events: Vec<()>,
    #[schema(value_type = Option<StoredSummaryDoc>)]
    summary: Option<()>,
    #[schema(value_type = UsageReportDoc)]
    usage: (),
}

/// One line of a `POST /v1/ingest` body: an event addressed to a session, with its
/// `type`: `transcript` (fields of `TranscriptSegment`), `tool_event`
/// (`ToolEvent`), `summary` (`Summary`) or `usage` (`UsageEvent`).
#[derive(ToSchema)]
#[schema(as = IngestEvent)]
pub(crate) struct IngestEventDoc {
    #[schema(
        example = "sess_42",
        pattern = "^[A-Za-z0-9_.:@-]{1,128}$",
        min_length = 1,
        max_length = 128
    )]
    session_id: String,
    #[schema(example = "transcript")]
    r#type: String,
}

/// One line of the `POST /v1/ingest` answer, per non-blank input line: its 1-based
/// `line` number and either the write's `outcome` (and `reason`) or an `error`.
#[derive(ToSchema)]
#[schema(as = IngestResult)]
pub(crate) struct IngestResultDoc {
    line: u64,
    outcome: Option<String>,
    #[schema(nullable = false)]
    reason: Option<String>,
    #[schema(value_type = Option<crate::ErrorDetail>)]
    error: Option<()>,
}

/// A schema that is `one` or `many`: `oneOf` of two references.
macro_rules! one_of_two {
    ($ty:ident, $name:literal, $desc:literal, $one:ty, $many:expr, $many_ty:ty) => {
        #[doc = $desc]
        pub(crate) struct $ty;

        impl PartialSchema for $ty {
            fn schema() -> RefOr<Schema> {
                OneOfBuilder::new()
                    .item(utoipa::openapi::Ref::from_schema_name(
                        <$one as ToSchema>::name(),
                    ))
                    .item($many)
                    .description(Some($desc))
                    .into()
            }
        }

        impl ToSchema for $ty {
            fn name() -> std::borrow::Cow<'static, str> {
                $name.into()
            }
            fn schemas(out: &mut Vec<(String, RefOr<Schema>)>) {
                out.push((
                    <$one as ToSchema>::name().into_owned(),
                    <$one as PartialSchema>::schema(),
                ));
                <$one as ToSchema>::schemas(out);
                out.push((
                    <$many_ty as ToSchema>::name().into_owned(),
                    <$many_ty as PartialSchema>::schema(),
                ));
                <$many_ty as ToSchema>::schemas(out);
            }
        }
    };
}

fn array_of<T: ToSchema>() -> utoipa::openapi::schema::Array {
    utoipa::openapi::schema::ArrayBuilder::new()
        .items(utoipa::openapi::Ref::from_schema_name(T::name()))
        .build()
}

one_of_two!(
    SegmentsBodyDoc,
    "SegmentsBody",
    "One segment, or an array of segments (validated whole).",
    SegmentDoc,
    array_of::<SegmentDoc>(),
    SegmentDoc
);
one_of_two!(
    ToolEventsBodyDoc,
    "ToolEventsBody",
    "One tool event, or an array of them (validated whole).",
    ToolEventDoc,
    array_of::<ToolEventDoc>(),
    ToolEventDoc
);
one_of_two!(
    UsageBodyDoc,
    "UsageBody",
    "One usage event, or an array of them (validated whole).",
    UsageDoc,
    array_of::<UsageDoc>(),
    UsageDoc
);
one_of_two!(
    OutcomeOrOutcomesDoc,
    "OutcomeOrOutcomes",
    "One outcome (a single event was sent) or `{\"outcomes\": [...]}` (an array was sent).",
    OutcomeDoc,
    utoipa::openapi::Ref::from_schema_name(<OutcomesDoc as ToSchema>::name()),
    OutcomesDoc
);
