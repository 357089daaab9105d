//! The redaction seam: the only way to obtain the `Clean*` types a backend accepts.
//!
//! Every type a [`Backend`](crate::Backend) writes is built here, by [`Redaction`],
//! from a validated input. Their fields are private and they have no public
//! constructor, so a backend cannot be handed text that did not pass through the
//! redactor — the guarantee is in the types, not in a convention.
//!
//! A backend (or anyone outside this module) cannot build one:
//!
//! ```compile_fail
//! # use realtime_store::{CleanSegment, Role, Timestamp};
//! let raw = CleanSegment {
//!     item_id: None,
//!     dedup_key: "k".into(),
//!     role: Role::User,
//!     text: "my card is 4111 1111 1111 1111".into(),
//!     started_at: Timestamp::now(),
//!     ended_at: None,
//! };
//! ```
//!
//! ```compile_fail
//! # use realtime_store::{Redaction, TranscriptSegment, Role, Timestamp, Event};
//! // The cleaning functions are private to the crate, too.
//! let clean = Redaction::default().clean_event(&Event::Transcript(
//!     TranscriptSegment::new(Role::User, "x", Timestamp::now()),
//! ));
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use parking_lot::Mutex;
use realtime_redact::Redactor;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::{
    Consent, Role, SessionMeta, Summary, Timestamp, Timings, ToolEvent, ToolStatus,
    TranscriptSegment, UsageEvent,
};

type TextFn = dyn Fn(&str) -> String + Send + Sync;

enum Engine {
    Builtin(Redactor),
    Custom(Arc<TextFn>),
}

/// How content is redacted before it reaches a backend: the built-in engine
/// ([`realtime_redact::Redactor`], the default) or a caller-supplied function.
/// Counts redactions per entity type (values are never kept).
#[derive(Clone)]
pub struct Redaction {
    engine: Arc<Engine>,
    counts: Arc<Mutex<BTreeMap<String, u64>>>,
}

impl fmt::Debug for Redaction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.engine {
            Engine::Builtin(r) => f.debug_tuple("Redaction::Builtin").field(r).finish(),
            Engine::Custom(_) => f.write_str("Redaction::Custom(<fn>)"),
        }
    }
}

impl Default for Redaction {
    fn default() -> Self {
        Redaction::builtin(Redactor::default())
    }
}

/// Config keys whose values identify the user; their string values are replaced.
const IDENTITY_KEYS: &[&str] = &[
    "email",
    "mail",
    "useremail",
    "phone",
    "phonenumber",
    "mobile",
    "userphone",
    "username",
    "fullname",
    "firstname",
    "lastname",
    "callername",
    "customername",
    "address",
    "user",
    "caller",
    "customer",
    "authuserid",
    "dateofbirth",
    "dob",
];

fn is_identity_key(k: &str) -> bool {
    let norm: String = k
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    IDENTITY_KEYS.contains(&norm.as_str())
}

impl Redaction {
    /// The built-in engine with the given policy.
    pub fn builtin(redactor: Redactor) -> Self {
        Redaction {
            engine: Arc::new(Engine::Builtin(redactor)),
            counts: Arc::default(),
        }
    }

    /// A caller-supplied function `text -> redacted text` (like the upstream
    /// `redact: (text) => text`). It is applied to every free text and every string
    /// value of JSON payloads. No per-type counts are kept for it.
    pub fn custom(f: impl Fn(&str) -> String + Send + Sync + 'static) -> Self {
        Redaction {
            engine: Arc::new(Engine::Custom(Arc::new(f))),
            counts: Arc::default(),
        }
    }

    /// Redactions performed so far, per entity label (`EMAIL`, `PHONE`...).
    pub fn counts(&self) -> BTreeMap<String, u64> {
        self.counts.lock().clone()
    }

    fn text(&self, s: &str) -> String {
        match &*self.engine {
            Engine::Builtin(r) => {
                let out = r.redact(s);
                if !out.counts.is_empty() {
                    let mut c = self.counts.lock();
                    for (k, v) in out.counts {
                        *c.entry(k).or_insert(0) += v;
                    }
                }
                out.text
            }
            Engine::Custom(f) => f(s),
        }
    }

    fn json(&self, v: &Value) -> Value {
        realtime_redact::redact_json_with(v, &mut |s| self.text(s))
    }

    fn config(&self, v: &Value) -> Value {
        match v {
            Value::Object(map) => Value::Object(
                map.iter()
                    .map(|(k, v)| {
                        let v = if is_identity_key(k) {
                            realtime_redact::redact_json_with(v, &mut |_| "[REDACTED]".into())
                        } else {
                            self.config(v)
                        };
                        (k.clone(), v)
                    })
                    .collect(),
            ),
            Value::Array(a) => Value::Array(a.iter().map(|v| self.config(v)).collect()),
            other => other.clone(),
        }
    }

    /// Cleans a (validated) session meta: identity fields of the config are redacted.
    pub(crate) fn clean_meta(&self, m: &SessionMeta) -> CleanSessionMeta {
        CleanSessionMeta {
            session_id: m.session_id.clone(),
            user_id: m.user.as_ref().map(|u| u.id.clone()),
            auth_user_id: m.user.as_ref().and_then(|u| u.auth_user_id.clone()),
            email: m
                .user
                .as_ref()
                .and_then(|u| u.email.as_ref().map(|e| e.trim().to_lowercase())),
            provider_session_id: m.provider_session_id.clone(),
            voice: m.voice.clone(),
            persona: m.persona.clone(),
            config: m.config.as_ref().map(|c| self.config(c)),
            timings: m.timings,
            consent: m.consent,
            started_at: m.started_at,
            ended_at: m.ended_at,
        }
    }

    /// Cleans a (validated) event.
    pub(crate) fn clean_event(&self, e: &crate::Event) -> CleanEvent {
        match e {
            crate::Event::Transcript(s) => CleanEvent::Transcript(self.clean_segment(s)),
            crate::Event::ToolEvent(t) => CleanEvent::Tool(self.clean_tool(t)),
            crate::Event::Summary(s) => CleanEvent::Summary(self.clean_summary(s)),
            crate::Event::Usage(u) => CleanEvent::Usage(self.clean_usage(u)),
        }
    }

    fn clean_segment(&self, s: &TranscriptSegment) -> CleanSegment {
        let text = self.text(&s.text);
        let dedup_key = match &s.item_id {
            Some(i) => format!("i:{i}"),
            None => hashed(&[
                s.role.as_str(),
                &s.started_at.as_millis().to_string(),
                &text,
            ]),
        };
        CleanSegment {
            item_id: s.item_id.clone(),
            dedup_key,
            role: s.role,
            text,
            started_at: s.started_at,
            ended_at: s.ended_at,
        }
    }

    fn clean_tool(&self, t: &ToolEvent) -> CleanToolEvent {
        let args = self.json(&t.args);
        let result = t.result.as_ref().map(|r| self.json(r));
        let dedup_key = match &t.call_id {
            Some(i) => format!("i:{i}"),
            None => hashed(&[
                &t.name,
                &t.at.as_millis().to_string(),
                &args.to_string(),
                &result.as_ref().map(Value::to_string).unwrap_or_default(),
            ]),
        };
        CleanToolEvent {
            call_id: t.call_id.clone(),
            dedup_key,
            name: t.name.clone(),
            args,
            result,
            status: t.status,
            duration_ms: t.duration_ms,
            at: t.at,
        }
    }

    fn clean_summary(&self, s: &Summary) -> CleanSummary {
        let text = self.text(&s.text);
        let key_points: Vec<String> = s.key_points.iter().map(|k| self.text(k)).collect();
        let mut parts: Vec<&str> = vec![&text];
        let at = s.at.as_millis().to_string();
        parts.push(&at);
        parts.extend(key_points.iter().map(String::as_str));
        let dedup_key = hashed(&parts);
        CleanSummary {
            dedup_key,
            text,
            key_points,
            at: s.at,
        }
    }

    fn clean_usage(&self, u: &UsageEvent) -> CleanUsage {
        let meta = u.meta.as_ref().map(|m| self.json(m));
        let dedup_key = match &u.event_id {
            Some(i) => format!("i:{i}"),
            None => hashed(&[
                &u.kind,
                &u.value.to_string(),
                &u.at.as_millis().to_string(),
                &meta.as_ref().map(Value::to_string).unwrap_or_default(),
            ]),
        };
        CleanUsage {
            event_id: u.event_id.clone(),
            dedup_key,
            kind: u.kind.clone(),
            value: u.value,
            meta,
            at: u.at,
        }
    }
}

fn hashed(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update((p.len() as u64).to_le_bytes());
        h.update(p.as_bytes());
    }
    let d = h.finalize();
    let mut s = String::with_capacity(34);
    s.push_str("h:");
    for b in &d[..16] {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// A session upsert after redaction. Built only by the consent gate.
#[derive(Debug, Clone, PartialEq)]
pub struct CleanSessionMeta {
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
    started_at: Option<Timestamp>,
    ended_at: Option<Timestamp>,
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
        }
    }
}

/// A redacted transcript segment.
#[derive(Debug, Clone, PartialEq)]
pub struct CleanSegment {
    item_id: Option<String>,
    dedup_key: String,
    role: Role,
    text: String,
    started_at: Timestamp,
    ended_at: Option<Timestamp>,
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
    call_id: Option<String>,
    dedup_key: String,
    name: String,
    args: Value,
    result: Option<Value>,
    status: ToolStatus,
    duration_ms: Option<u64>,
    at: Timestamp,
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
    dedup_key: String,
    text: String,
    key_points: Vec<String>,
    at: Timestamp,
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
    event_id: Option<String>,
    dedup_key: String,
    kind: String,
    value: f64,
    meta: Option<Value>,
    at: Timestamp,
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

impl CleanEvent {
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
