//! The data types of the contract: what callers send and what reads return.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::Timestamp;

/// The user's consent to storing the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Consent {
    /// Store it.
    Accepted,
    /// Store nothing; erase what was stored (by default).
    Declined,
    /// Not decided yet: hold events in memory.
    Pending,
}

impl Consent {
    /// `ACCEPTED`, `DECLINED` or `PENDING`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Consent::Accepted => "ACCEPTED",
            Consent::Declined => "DECLINED",
            Consent::Pending => "PENDING",
        }
    }

    /// Parses `ACCEPTED`/`DECLINED`/`PENDING` (case-insensitive).
    pub fn parse(s: &str) -> Option<Self> {
        [Consent::Accepted, Consent::Declined, Consent::Pending]
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(s))
    }
}

impl fmt::Display for Consent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether the call is still going on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SessionStatus {
    /// The call is live.
    Active,
    /// The call hung up (`ended_at` is set).
    Ended,
}

impl SessionStatus {
    /// `active` or `ended`.
    pub const fn as_str(self) -> &'static str {
        match self {
            SessionStatus::Active => "active",
            SessionStatus::Ended => "ended",
        }
    }

    /// Parses `active`/`ended`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "active" => Some(SessionStatus::Active),
            "ended" => Some(SessionStatus::Ended),
            _ => None,
        }
    }
}

/// Who spoke a transcript segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The caller.
    User,
    /// The voice agent.
    Assistant,
    /// System messages.
    System,
    /// Tool output read into the conversation.
    Tool,
}

impl Role {
    /// `user`, `assistant`, `system` or `tool`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::User => "user",
            Role::Assistant => "assistant",
            Role::System => "system",
            Role::Tool => "tool",
        }
    }

    /// Parses a role name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "user" => Some(Role::User),
            "assistant" => Some(Role::Assistant),
            "system" => Some(Role::System),
            "tool" => Some(Role::Tool),
            _ => None,
        }
    }
}

/// Outcome of a tool call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ToolStatus {
    /// The tool succeeded.
    #[default]
    Ok,
    /// The tool failed.
    Error,
}

impl ToolStatus {
    /// `ok` or `error`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ToolStatus::Ok => "ok",
            ToolStatus::Error => "error",
        }
    }

    /// Parses `ok`/`error`.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "ok" => Some(ToolStatus::Ok),
            "error" => Some(ToolStatus::Error),
            _ => None,
        }
    }
}

/// The platform's user of a session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct User {
    /// The platform's app user id (`[A-Za-z0-9_.:@-]{1,128}`).
    pub id: String,
    /// The id of the user in the auth provider, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auth_user_id: Option<String>,
    /// The user's e-mail, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

impl User {
    /// A user known by id only.
    pub fn new(id: impl Into<String>) -> Self {
        User {
            id: id.into(),
            auth_user_id: None,
            email: None,
        }
    }
}

/// Connection timings of a session, each an instant (epoch ms on the wire, or RFC 3339).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timings {
    /// When the client asked to connect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connect_requested: Option<Timestamp>,
    /// When the provider issued the session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_issued: Option<Timestamp>,
    /// When the media transport connected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transport_connected: Option<Timestamp>,
    /// When the first audio was heard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_audio: Option<Timestamp>,
}

impl Timings {
    /// Field-wise merge: values set in `newer` win.
    pub fn merge(self, newer: Timings) -> Timings {
        Timings {
            connect_requested: newer.connect_requested.or(self.connect_requested),
            session_issued: newer.session_issued.or(self.session_issued),
            transport_connected: newer.transport_connected.or(self.transport_connected),
            first_audio: newer.first_audio.or(self.first_audio),
        }
    }
}

/// The argument of `save_session_meta`: an upsert of the session.
///
/// The first call creates the session; later calls update consent, timings, config
/// and end time (fields left `None` keep their stored value). A call with `ended_at`
/// set marks the session `ended`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionMeta {
    /// The caller's session id.
    pub session_id: String,
    /// The user, linked (or created) when the session is stored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<User>,
    /// The realtime provider's own session id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_session_id: Option<String>,
    /// Voice name (e.g. `alloy`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<String>,
    /// Persona / instructions name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub persona: Option<String>,
    /// The whole agent config (JSON object). User identity fields inside it are redacted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config: Option<Value>,
    /// Connection timings.
    #[serde(default)]
    pub timings: Timings,
    /// The user's consent.
    pub consent: Consent,
    /// When the call started (defaults to the first save).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<Timestamp>,
    /// When the call ended (sets status `ended`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<Timestamp>,
}

impl SessionMeta {
    /// A minimal meta: just the id and consent.
    pub fn new(session_id: impl Into<String>, consent: Consent) -> Self {
        SessionMeta {
            session_id: session_id.into(),
            user: None,
            provider_session_id: None,
            voice: None,
            persona: None,
            config: None,
            timings: Timings::default(),
            consent,
            started_at: None,
            ended_at: None,
        }
    }
}

/// One transcript segment to append.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranscriptSegment {
    /// Caller's idempotency key (unique per session).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// Who spoke.
    pub role: Role,
    /// What was said. Redacted before storage.
    pub text: String,
    /// When the segment started.
    pub started_at: Timestamp,
    /// When it ended (`>= started_at`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<Timestamp>,
}

impl TranscriptSegment {
    /// A segment without idempotency key or end time.
    pub fn new(role: Role, text: impl Into<String>, started_at: Timestamp) -> Self {
        TranscriptSegment {
            item_id: None,
            role,
            text: text.into(),
            started_at,
            ended_at: None,
        }
    }
}

/// One tool call to append.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ToolEvent {
    /// Caller's idempotency key (unique per session).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_id: Option<String>,
    /// Tool name (non-empty).
    pub name: String,
    /// Arguments (any JSON); every string value is redacted, keys kept.
    #[serde(default)]
    pub args: Value,
    /// Result (any JSON), redacted the same way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Value>,
    /// `ok` or `error`.
    #[serde(default)]
    pub status: ToolStatus,
    /// How long the call took.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_ms: Option<u64>,
    /// When it happened.
    pub at: Timestamp,
}

/// An end-of-call summary. Every new summary becomes the latest version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    /// The summary text (redacted).
    pub text: String,
    /// Key points (each redacted).
    #[serde(default)]
    pub key_points: Vec<String>,
    /// When it was produced.
    pub at: Timestamp,
}

/// A usage figure (audio seconds, tokens...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UsageEvent {
    /// Caller's idempotency key (unique per session).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
    /// What is measured, e.g. `audio_input_seconds`, `input_tokens`.
    pub kind: String,
    /// The amount (finite, >= 0).
    pub value: f64,
    /// Free metadata (JSON); string values are redacted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Value>,
    /// When it was measured.
    pub at: Timestamp,
}

/// Any event of a session, for batch appends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// A transcript segment.
    Transcript(TranscriptSegment),
    /// A tool call.
    ToolEvent(ToolEvent),
    /// A summary.
    Summary(Summary),
    /// A usage figure.
    Usage(UsageEvent),
}

/// An event addressed to a session, for mixed multi-session batches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionEvent {
    /// The session.
    pub session_id: String,
    /// The event.
    #[serde(flatten)]
    pub event: Event,
}

/// Why a write was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DropReason {
    /// The session's consent is `DECLINED` (declined, or withdrawn: tombstoned
    /// until an explicit re-consent).
    ConsentDeclined,
    /// The session's pre-consent buffer is full (items or bytes), or too many
    /// sessions are buffering.
    BufferFull,
    /// The session was deleted, erased with its user, or purged: tombstoned.
    Erased,
}

impl DropReason {
    /// `consent_declined`, `buffer_full` or `erased`.
    pub const fn as_str(self) -> &'static str {
        match self {
            DropReason::ConsentDeclined => "consent_declined",
            DropReason::BufferFull => "buffer_full",
            DropReason::Erased => "erased",
        }
    }
}

/// What happened to a write. A missing consent is not an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "outcome", content = "reason", rename_all = "snake_case")]
#[non_exhaustive]
pub enum WriteOutcome {
    /// Durably stored in the database.
    Persisted,
    /// Durably stored in the local fallback spool (the database is unreachable);
    /// it will be written to the database, in order, when it is back.
    Spooled,
    /// Kept only in this process's memory by the **lossy** in-memory fallback
    /// (the database is unreachable; `serve --fallback memory`): written to the
    /// database, in order, when it is back, but lost if the process stops first.
    Volatile,
    /// Already stored (same idempotency key, or identical keyless event): nothing written.
    Duplicate,
    /// Held in memory until consent is decided.
    Buffered,
    /// Not stored, and never will be.
    Dropped(DropReason),
}

impl WriteOutcome {
    /// `persisted`, `spooled`, `volatile`, `duplicate`, `buffered` or `dropped`.
    pub const fn as_str(self) -> &'static str {
        match self {
            WriteOutcome::Persisted => "persisted",
            WriteOutcome::Spooled => "spooled",
            WriteOutcome::Volatile => "volatile",
            WriteOutcome::Duplicate => "duplicate",
            WriteOutcome::Buffered => "buffered",
            WriteOutcome::Dropped(_) => "dropped",
        }
    }
}

/// A stored session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Session id.
    pub id: String,
    /// Linked user.
    pub user_id: Option<String>,
    /// Provider's session id.
    pub provider_session_id: Option<String>,
    /// Voice.
    pub voice: Option<String>,
    /// Persona.
    pub persona: Option<String>,
    /// Agent config (identity fields redacted).
    pub config: Value,
    /// Connection timings.
    pub timings: Timings,
    /// Stored consent.
    pub consent: Consent,
    /// `active` or `ended`.
    pub status: SessionStatus,
    /// Start of the call.
    pub started_at: Timestamp,
    /// End of the call.
    pub ended_at: Option<Timestamp>,
    /// Row creation.
    pub created_at: Timestamp,
    /// Last update.
    pub updated_at: Timestamp,
}

/// A stored transcript segment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredSegment {
    /// Position in the session (1-based, increasing in arrival order).
    pub seq: i64,
    /// Caller's idempotency key.
    pub item_id: Option<String>,
    /// Who spoke.
    pub role: Role,
    /// Redacted text.
    pub text: String,
    /// Start.
    pub started_at: Timestamp,
    /// End.
    pub ended_at: Option<Timestamp>,
    /// When stored.
    pub created_at: Timestamp,
}

/// A stored tool call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredToolEvent {
    /// Position in the session.
    pub seq: i64,
    /// Caller's idempotency key.
    pub call_id: Option<String>,
    /// Tool name.
    pub name: String,
    /// Redacted arguments.
    pub args: Value,
    /// Redacted result.
    pub result: Option<Value>,
    /// `ok`/`error`.
    pub status: ToolStatus,
    /// Duration.
    pub duration_ms: Option<u64>,
    /// When.
    pub at: Timestamp,
}

/// A stored summary version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredSummary {
    /// Version (1-based); the highest is "the" summary.
    pub version: i64,
    /// Redacted text.
    pub text: String,
    /// Redacted key points.
    pub key_points: Vec<String>,
    /// When produced.
    pub at: Timestamp,
}

/// A stored usage event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredUsage {
    /// Position in the session.
    pub seq: i64,
    /// Caller's idempotency key.
    pub event_id: Option<String>,
    /// Kind.
    pub kind: String,
    /// Amount.
    pub value: f64,
    /// Redacted metadata.
    pub meta: Option<Value>,
    /// When.
    pub at: Timestamp,
}

/// Usage of a session: the events and their totals by kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UsageReport {
    /// Every usage event, in order.
    pub events: Vec<StoredUsage>,
    /// Sum of `value` per `kind`.
    pub totals: BTreeMap<String, f64>,
}

impl UsageReport {
    /// Builds the report (totals) from events.
    pub fn from_events(events: Vec<StoredUsage>) -> Self {
        let mut totals = BTreeMap::new();
        for e in &events {
            *totals.entry(e.kind.clone()).or_insert(0.0) += e.value;
        }
        UsageReport { events, totals }
    }
}

/// A page of results and the cursor of the next page (`None` on the last page).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    /// The items.
    pub items: Vec<T>,
    /// Pass it back to get the next page.
    pub next_cursor: Option<String>,
}

/// Filter and pagination of `list_sessions`. Sessions come newest first
/// (`started_at` descending, then id).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SessionFilter {
    /// Only this user's sessions.
    #[serde(default)]
    pub user_id: Option<String>,
    /// Only sessions started at or after this instant.
    #[serde(default)]
    pub started_after: Option<Timestamp>,
    /// Only sessions started before this instant.
    #[serde(default)]
    pub started_before: Option<Timestamp>,
    /// Only sessions with this stored consent.
    #[serde(default)]
    pub consent: Option<Consent>,
    /// Only sessions with this status.
    #[serde(default)]
    pub status: Option<SessionStatus>,
    /// Cursor from a previous page.
    #[serde(default)]
    pub cursor: Option<String>,
    /// Page size (1..=1000, default 50).
    #[serde(default)]
    pub limit: Option<u32>,
}

/// Pagination of child reads (transcripts, tool events), in `seq` order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageRequest {
    /// Cursor from a previous page.
    #[serde(default)]
    pub cursor: Option<String>,
    /// Page size (1..=1000, default 100).
    #[serde(default)]
    pub limit: Option<u32>,
}

impl PageRequest {
    /// The first page with the given size.
    pub fn first(limit: u32) -> Self {
        PageRequest {
            cursor: None,
            limit: Some(limit),
        }
    }

    /// Everything (up to 1000 items).
    pub fn all() -> Self {
        PageRequest::first(1000)
    }
}

/// Rows removed by an erasure or a purge.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EraseCounts {
    /// `app_users` rows.
    pub users: u64,
    /// `sessions` rows.
    pub sessions: u64,
    /// `transcripts` rows.
    pub transcripts: u64,
    /// `tool_events` rows.
    pub tool_events: u64,
    /// `summaries` rows.
    pub summaries: u64,
    /// `usage_events` rows.
    pub usage_events: u64,
}

impl EraseCounts {
    /// Adds another count into this one.
    pub fn add(&mut self, o: EraseCounts) {
        self.users += o.users;
        self.sessions += o.sessions;
        self.transcripts += o.transcripts;
        self.tool_events += o.tool_events;
        self.summaries += o.summaries;
        self.usage_events += o.usage_events;
    }
}

/// Health of the store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Health {
    /// Backend name (`memory`, `sqlite`, `postgres`).
    pub backend: String,
    /// Whether the (primary) backend answered.
    pub backend_reachable: bool,
    /// How long the backend's probe took, in milliseconds.
    pub latency_ms: Option<f64>,
    /// A short, content-free description of a problem, if any.
    pub detail: Option<String>,
    /// Whether writes currently go to a fallback.
    pub fallback_active: bool,
    /// Writes waiting in the durable spool.
    pub spool_depth: u64,
    /// Age of the oldest write not yet in the primary, in milliseconds.
    pub oldest_unsynced_ms: Option<u64>,
    /// Sessions with events held for consent.
    pub buffered_sessions: u64,
    /// Events held for consent.
    pub buffered_events: u64,
}

impl Health {
    /// Combines the backend's health with the gate's buffer figures.
    pub fn from_parts(
        b: crate::BackendHealth,
        buffered_sessions: u64,
        buffered_events: u64,
    ) -> Self {
        Health {
            backend: b.kind,
            backend_reachable: b.reachable,
            latency_ms: b.latency_ms,
            detail: b.detail,
            fallback_active: b.fallback_active,
            spool_depth: b.spool_depth,
            oldest_unsynced_ms: b.oldest_unsynced_ms,
            buffered_sessions,
            buffered_events,
        }
    }

    /// Whether the store is degraded: the primary is unreachable or writes are
    /// waiting in the spool.
    pub fn is_degraded(&self) -> bool {
        !self.backend_reachable || self.fallback_active || self.spool_depth > 0
    }
}

impl SessionFilter {
    /// Only this user's sessions.
    pub fn user(mut self, user_id: impl Into<String>) -> Self {
        self.user_id = Some(user_id.into());
        self
    }

    /// Page size.
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Continue after this cursor.
    pub fn after(mut self, cursor: impl Into<String>) -> Self {
        self.cursor = Some(cursor.into());
        self
    }

    /// Only sessions with this stored consent.
    pub fn consent(mut self, consent: Consent) -> Self {
        self.consent = Some(consent);
        self
    }

    /// Only sessions with this status.
    pub fn status(mut self, status: SessionStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// Only sessions started in `[after, before)`.
    pub fn started(mut self, after: Option<Timestamp>, before: Option<Timestamp>) -> Self {
        self.started_after = after;
        self.started_before = before;
        self
    }
}
