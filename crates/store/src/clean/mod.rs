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

#[cfg_attr(not(feature = "sqlite"), allow(dead_code))] // used by the spool layer
pub(crate) mod codec;
mod identity;
mod types;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use parking_lot::RwLock;
use realtime_redact::Redactor;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::{SessionMeta, Summary, ToolEvent, TranscriptSegment, UsageEvent};

#[allow(unused_imports)]
pub(crate) use codec::{decode_event, decode_meta, encode_event, encode_meta, CODEC_VERSION};
pub use types::{
    CleanEvent, CleanSegment, CleanSessionMeta, CleanSummary, CleanToolEvent, CleanUsage, EventKind,
};

/// A digest of an event's content *before* redaction. It never leaves the process
/// (it is not stored): the gate uses it to tell apart keyless events whose
/// redacted forms are identical but whose content differed.
pub(crate) type RawDigest = [u8; 16];

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
    counts: Arc<Counts>,
}

/// Redactions per label. Reads take a shared lock; a label seen for the first
/// time takes the write lock once.
#[derive(Default)]
struct Counts(RwLock<HashMap<String, AtomicU64>>);

impl Counts {
    fn add(&self, label: &str, n: u64) {
        if let Some(c) = self.0.read().get(label) {
            c.fetch_add(n, Ordering::Relaxed);
            return;
        }
        self.0
            .write()
            .entry(label.to_owned())
            .or_default()
            .fetch_add(n, Ordering::Relaxed);
    }

    fn snapshot(&self) -> BTreeMap<String, u64> {
        self.0
            .read()
            .iter()
            .map(|(k, v)| (k.clone(), v.load(Ordering::Relaxed)))
            .collect()
    }
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
        self.counts.snapshot()
    }

    fn text(&self, s: &str) -> String {
        match &*self.engine {
            Engine::Builtin(r) => {
                let out = r.redact(s);
                for (k, v) in &out.counts {
                    self.counts.add(k, *v);
                }
                out.text
            }
            Engine::Custom(f) => f(s),
        }
    }

    fn json(&self, v: &Value) -> Value {
        match &*self.engine {
            Engine::Builtin(r) => {
                let out = r.redact_json(v);
                for (k, n) in &out.counts {
                    self.counts.add(k, *n);
                }
                out.value
            }
            Engine::Custom(_) => identity::redact_json(v, &mut |s| self.text(s)),
        }
    }

    fn opt_text(&self, s: &Option<String>) -> Option<String> {
        s.as_deref().map(|s| self.text(s))
    }

    /// An identifier-like value (the provider's session id): kept as is unless the
    /// redactor finds PII in it once its separators are read as spaces (a card
    /// number glued to `sess_` is no word of its own); then it is replaced whole.
    fn opt_identifier(&self, s: &Option<String>) -> Option<String> {
        s.as_deref().map(|v| {
            let spaced: String = v
                .chars()
                .map(|c| {
                    if matches!(c, '_' | '-' | '.' | ':' | '/' | '=') {
                        ' '
                    } else {
                        c
                    }
                })
                .collect();
            if self.text(&spaced) == spaced && self.text(v) == v {
                v.to_owned()
            } else {
                "[REDACTED]".to_owned()
            }
        })
    }

    /// Cleans a (validated) session meta: `voice` and `persona` are redacted as
    /// text, `provider_session_id` is replaced whole if it carries PII; in the agent config (the
    /// platform's own, otherwise kept) the value of every identity key (by the
    /// same key rules as tool arguments) is replaced, and keys are checked too.
    /// `reconsent` marks an explicit re-consent.
    pub(crate) fn clean_meta(&self, m: &SessionMeta, reconsent: bool) -> CleanSessionMeta {
        CleanSessionMeta {
            session_id: m.session_id.clone(),
            user_id: m.user.as_ref().map(|u| u.id.clone()),
            auth_user_id: m.user.as_ref().and_then(|u| u.auth_user_id.clone()),
            email: m
                .user
                .as_ref()
                .and_then(|u| u.email.as_ref().map(|e| e.trim().to_lowercase())),
            provider_session_id: self.opt_identifier(&m.provider_session_id),
            voice: self.opt_text(&m.voice),
            persona: self.opt_text(&m.persona),
            config: m
                .config
                .as_ref()
                .map(|c| identity::redact_config(c, &mut |s| self.text(s))),
            timings: m.timings,
            consent: m.consent,
            started_at: m.started_at,
            ended_at: m.ended_at,
            reconsent,
        }
    }

    /// Cleans a (validated) event. Keyless events also get the digest of their
    /// content before redaction (see [`RawDigest`]).
    pub(crate) fn clean_event(&self, e: &crate::Event) -> (CleanEvent, Option<RawDigest>) {
        let clean = match e {
            crate::Event::Transcript(s) => CleanEvent::Transcript(self.clean_segment(s)),
            crate::Event::ToolEvent(t) => CleanEvent::Tool(self.clean_tool(t)),
            crate::Event::Summary(s) => CleanEvent::Summary(self.clean_summary(s)),
            crate::Event::Usage(u) => CleanEvent::Usage(self.clean_usage(u)),
        };
        let raw = (!clean.is_keyed()).then(|| raw_digest(e));
        (clean, raw)
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

/// Digest of an event as the caller sent it (before redaction); in memory only.
fn raw_digest(e: &crate::Event) -> RawDigest {
    let bytes = serde_json::to_vec(e).unwrap_or_default();
    let d = Sha256::digest(&bytes);
    let mut out = [0u8; 16];
    out.copy_from_slice(&d[..16]);
    out
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
