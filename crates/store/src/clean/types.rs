//! The `Clean*` types: redacted values, the only ones a backend accepts. Their
//! fields are private; only this crate builds them (see [`Redaction`](super::Redaction)).

use serde_json::Value;

use crate::{Consent, Role, Timestamp, Timings, ToolStatus};

/// A session upsert after redaction. Built only by the consent gate.
#[derive(Debug, Clone, PartialEq)]
pub struct CleanSessionMeta {
    pub(crate) session_id: String,
    pub(crate) user_id: Option<String>,
    pub(crate) auth_user_id: Option<String>,
    pub(crate) email: Option<String>,
    pub(crate) provider_session_id: Option<String>,
    pub(crate) voice: Option<String>,
    pub(crate) persona: Option<String>,
    pub(crate) config: Option<Value>,
    pub(crate) timings: Timings,
    pub(crate) consent: Consent,
    pub(crate) started_at: Option<Timestamp>,
    pub(crate) ended_at: Option<Timestamp>,
    /// An explicit re-consent: lifts a tombstone.
    pub(crate) reconsent: bool,
}

impl CleanSessionMeta {
    /// Session id.
    pub fn session_id(&self) -> &str {
        &self.session_id
    }
    /// User id to link (and create if missing).
    pub fn user_id(&self) -> Option<&str> {
        self.user_id.as_deref()
    }
    /// The user's auth id.
    pub fn auth_user_id(&self) -> Option<&str> {
        self.auth_user_id.as_deref()
    }
    /// The user's e-mail (normalised to lower case).
    pub fn email(&self) -> Option<&str> {
        self.email.as_deref()
    }
    /// Provider session id.
    pub fn provider_session_id(&self) -> Option<&str> {
        self.provider_session_id.as_deref()
    }
    /// Voice.
    pub fn voice(&self) -> Option<&str> {
        self.voice.as_deref()
    }
    /// Persona.
    pub fn persona(&self) -> Option<&str> {
        self.persona.as_deref()
    }
    /// Config with identity fields redacted (`None`: keep the stored one).
    pub fn config(&self) -> Option<&Value> {
        self.config.as_ref()
    }
    /// Timings to merge into the stored ones.
    pub fn timings(&self) -> Timings {
        self.timings
    }
    /// Consent to store.
    pub fn consent(&self) -> Consent {
        self.consent
    }
    /// Start (`None`: keep the stored one, or now on creation).
    pub fn started_at(&self) -> Option<Timestamp> {
        self.started_at
    }
    /// End (sets status `ended`).
    pub fn ended_at(&self) -> Option<Timestamp> {
        self.ended_at
    }

    /// Whether this is an explicit re-consent (lifts a tombstone).
    pub fn is_reconsent(&self) -> bool {
        self.reconsent
    }

    /// The user's identity fields, if any were given (a user row is written only
    /// when one of them changes).
    pub fn has_user_fields(&self) -> bool {
        self.auth_user_id.is_some() || self.email.is_some()
    }

    /// Merges a newer upsert over this one (both held while consent is pending).
    pub(crate) fn merge(self, newer: CleanSessionMeta) -> CleanSessionMeta {
        CleanSessionMeta {
            session_id: newer.session_id,
            user_id: newer.user_id.or(self.user_id),
            auth_user_id: newer.auth_user_id.or(self.auth_user_id),
            email: newer.email.or(self.email),
            provider_session_id: newer.provider_session_id.or(self.provider_session_id),
            voice: newer.voice.or(self.voice),
            persona: newer.persona.or(self.persona),
            config: newer.config.or(self.config),
            timings: self.timings.merge(newer.timings),
            consent: newer.consent,
            started_at: self.started_at.or(newer.started_at),
            ended_at: newer.ended_at.or(self.ended_at),
            reconsent: newer.reconsent || self.reconsent,
        }
    }
}

/// A redacted transcript segment.
#[derive(Debug, Clone, PartialEq)]
pub struct CleanSegment {
    pub(crate) item_id: Option<String>,
    pub(crate) dedup_key: String,
    pub(crate) role: Role,
    pub(crate) text: String,
    pub(crate) started_at: Timestamp,
    pub(crate) ended_at: Option<Timestamp>,
}

impl CleanSegment {
    /// Idempotency key.
    pub fn item_id(&self) -> Option<&str> {
        self.item_id.as_deref()
    }
    /// Unique per session: `i:<item_id>`, or a hash of role, start and text.
    pub fn dedup_key(&self) -> &str {
        &self.dedup_key
    }
    /// Role.
    pub fn role(&self) -> Role {
        self.role
    }
    /// Redacted text.
    pub fn text(&self) -> &str {
        &self.text
    }
    /// Start.
    pub fn started_at(&self) -> Timestamp {
        self.started_at
    }
    /// End.
    pub fn ended_at(&self) -> Option<Timestamp> {
        self.ended_at
    }
}

/// A redacted tool event.
#[derive(Debug, Clone, PartialEq)]
pub struct CleanToolEvent {
    pub(crate) call_id: Option<String>,
    pub(crate) dedup_key: String,
    pub(crate) name: String,
    pub(crate) args: Value,
    pub(crate) result: Option<Value>,
    pub(crate) status: ToolStatus,
    pub(crate) duration_ms: Option<u64>,
    pub(crate) at: Timestamp,
}

impl CleanToolEvent {
    /// Idempotency key.
    pub fn call_id(&self) -> Option<&str> {
        self.call_id.as_deref()
    }
    /// Unique per session.
    pub fn dedup_key(&self) -> &str {
        &self.dedup_key
    }
    /// Tool name.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// Redacted args.
    pub fn args(&self) -> &Value {
        &self.args
    }
    /// Redacted result.
    pub fn result(&self) -> Option<&Value> {
        self.result.as_ref()
    }
    /// Status.
    pub fn status(&self) -> ToolStatus {
        self.status
    }
    /// Duration.
    pub fn duration_ms(&self) -> Option<u64> {
        self.duration_ms
    }
    /// When.
    pub fn at(&self) -> Timestamp {
        self.at
    }
}

/// A redacted summary.
#[derive(Debug, Clone, PartialEq)]
pub struct CleanSummary {
    pub(crate) dedup_key: String,
    pub(crate) text: String,
    pub(crate) key_points: Vec<String>,
    pub(crate) at: Timestamp,
}

impl CleanSummary {
    /// Unique per session (hash of text, key points and time).
    pub fn dedup_key(&self) -> &str {
        &self.dedup_key
    }
    /// Redacted text.
    pub fn text(&self) -> &str {
        &self.text
    }
    /// Redacted key points.
    pub fn key_points(&self) -> &[String] {
        &self.key_points
    }
    /// When.
    pub fn at(&self) -> Timestamp {
        self.at
    }
}

/// A usage event with redacted meta.
#[derive(Debug, Clone, PartialEq)]
pub struct CleanUsage {
    pub(crate) event_id: Option<String>,
    pub(crate) dedup_key: String,
    pub(crate) kind: String,
    pub(crate) value: f64,
    pub(crate) meta: Option<Value>,
    pub(crate) at: Timestamp,
}

impl CleanUsage {
    /// Idempotency key.
    pub fn event_id(&self) -> Option<&str> {
        self.event_id.as_deref()
    }
    /// Unique per session.
    pub fn dedup_key(&self) -> &str {
        &self.dedup_key
    }
    /// Kind.
    pub fn kind(&self) -> &str {
        &self.kind
    }
    /// Value.
    pub fn value(&self) -> f64 {
        self.value
    }
    /// Redacted meta.
    pub fn meta(&self) -> Option<&Value> {
        self.meta.as_ref()
    }
    /// When.
    pub fn at(&self) -> Timestamp {
        self.at
    }
}

/// Any redacted event.
#[derive(Debug, Clone, PartialEq)]
pub enum CleanEvent {
    /// Transcript segment.
    Transcript(CleanSegment),
    /// Tool event.
    Tool(CleanToolEvent),
    /// Summary.
    Summary(CleanSummary),
    /// Usage.
    Usage(CleanUsage),
}

/// The kinds of events, each stored in its own child table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventKind {
    /// `transcripts`.
    Transcript,
    /// `tool_events`.
    Tool,
    /// `summaries`.
    Summary,
    /// `usage_events`.
    Usage,
}

impl EventKind {
    /// Every kind, in table order.
    pub const ALL: [EventKind; 4] = [
        EventKind::Transcript,
        EventKind::Tool,
        EventKind::Summary,
        EventKind::Usage,
    ];

    /// The child table holding this kind.
    pub const fn table(self) -> &'static str {
        match self {
            EventKind::Transcript => "transcripts",
            EventKind::Tool => "tool_events",
            EventKind::Summary => "summaries",
            EventKind::Usage => "usage_events",
        }
    }

    /// Position in [`EventKind::ALL`] (for per-kind arrays).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The wire name (`transcript`, `tool_event`, `summary`, `usage`).
    pub const fn as_str(self) -> &'static str {
        match self {
            EventKind::Transcript => "transcript",
            EventKind::Tool => "tool_event",
            EventKind::Summary => "summary",
            EventKind::Usage => "usage",
        }
    }
}

impl CleanEvent {
    /// Which kind of event (and table) this is.
    pub fn kind(&self) -> EventKind {
        match self {
            CleanEvent::Transcript(_) => EventKind::Transcript,
            CleanEvent::Tool(_) => EventKind::Tool,
            CleanEvent::Summary(_) => EventKind::Summary,
            CleanEvent::Usage(_) => EventKind::Usage,
        }
    }

    /// Unique per session and kind: `i:<caller key>` or `h:<hash>`.
    pub fn dedup_key(&self) -> &str {
        match self {
            CleanEvent::Transcript(x) => &x.dedup_key,
            CleanEvent::Tool(x) => &x.dedup_key,
            CleanEvent::Summary(x) => &x.dedup_key,
            CleanEvent::Usage(x) => &x.dedup_key,
        }
    }

    pub(crate) fn dedup_key_mut(&mut self) -> &mut String {
        match self {
            CleanEvent::Transcript(x) => &mut x.dedup_key,
            CleanEvent::Tool(x) => &mut x.dedup_key,
            CleanEvent::Summary(x) => &mut x.dedup_key,
            CleanEvent::Usage(x) => &mut x.dedup_key,
        }
    }

    /// Whether the caller gave an idempotency key.
    pub fn is_keyed(&self) -> bool {
        self.dedup_key().starts_with("i:")
    }

    /// Approximate in-memory size, for buffer limits.
    pub(crate) fn approx_bytes(&self) -> usize {
        let json = |v: &Value| v.to_string().len();
        64 + match self {
            CleanEvent::Transcript(s) => s.text.len() + s.dedup_key.len(),
            CleanEvent::Tool(t) => t.name.len() + json(&t.args) + t.result.as_ref().map_or(0, json),
            CleanEvent::Summary(s) => {
                s.text.len() + s.key_points.iter().map(String::len).sum::<usize>()
            }
            CleanEvent::Usage(u) => u.kind.len() + u.meta.as_ref().map_or(0, json),
        }
    }
}
