//! The conformance cases. Each takes a factory of fresh fixtures and panics with a
//! clear message when the backend (with the gate in front of it) misbehaves.
//!
//! - [`consent`]: the consent matrix, buffering limits, withdrawal, failures;
//! - [`writes`]: ordering and idempotency under concurrency, dedup, batches, Unicode;
//! - [`validation`]: every input rule, whole-batch validation, no content in errors;
//! - [`lifecycle`]: upserts, erasure, retention, deletion, pagination, reads, health;
//! - [`privacy`]: withdrawal and erasure across instances, nothing before consent,
//!   every stored field covered.

use std::ops::Deref;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use realtime_store::{
    Backend, Consent, ConsentConfig, DropReason, Event, EventKind, OnWithdrawal, PageRequest,
    PersistenceStore, RealtimeStore, Role, SessionEvent, SessionFilter, SessionMeta, SessionStatus,
    Summary, Timestamp, Timings, ToolEvent, ToolStatus, TranscriptSegment, UsageEvent, User,
    WriteOutcome,
};
use serde_json::json;

use crate::{CountingBackend, MakeFixture};

/// A store under test, keeping the fixture's guard alive.
pub struct Under<B: Backend> {
    store: Arc<RealtimeStore<B>>,
    _guard: Option<Box<dyn std::any::Any + Send + Sync>>,
}

impl<B: Backend> Deref for Under<B> {
    type Target = RealtimeStore<B>;
    fn deref(&self) -> &RealtimeStore<B> {
        &self.store
    }
}

impl<B: Backend + std::fmt::Debug> std::fmt::Debug for Under<B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Under")
            .field("store", &self.store)
            .finish_non_exhaustive()
    }
}

async fn open<B: Backend, C: Backend>(
    make: impl MakeFixture<B>,
    build: impl FnOnce(B) -> RealtimeStore<C>,
) -> Under<C> {
    let (backend, guard) = make().await.into_parts();
    Under {
        store: Arc::new(build(backend)),
        _guard: guard,
    }
}

async fn default_store<B: Backend>(make: impl MakeFixture<B>) -> Under<B> {
    open(make, RealtimeStore::new).await
}

fn now() -> Timestamp {
    Timestamp::now()
}

fn at(offset_ms: i64) -> Timestamp {
    // A fixed base (an hour before the first use) keeps generated times valid,
    // ordered, and equal when a test sends "the same" event twice.
    static BASE: std::sync::OnceLock<Timestamp> = std::sync::OnceLock::new();
    BASE.get_or_init(|| Timestamp::now().add_millis(-3_600_000))
        .add_millis(offset_ms)
}

fn seg(text: &str, offset_ms: i64) -> TranscriptSegment {
    TranscriptSegment::new(Role::User, text, at(offset_ms))
}

fn keyed(item: &str, text: &str, offset_ms: i64) -> TranscriptSegment {
    TranscriptSegment {
        item_id: Some(item.to_owned()),
        ..seg(text, offset_ms)
    }
}

fn meta(id: &str, consent: Consent) -> SessionMeta {
    SessionMeta::new(id, consent)
}

fn meta_for(id: &str, user: &str, consent: Consent) -> SessionMeta {
    SessionMeta {
        user: Some(User::new(user)),
        voice: Some("alloy".into()),
        persona: Some("support".into()),
        ..meta(id, consent)
    }
}

async fn texts<B: Backend>(s: &RealtimeStore<B>, id: &str) -> Vec<String> {
    s.get_transcripts(id, &PageRequest::all())
        .await
        .expect("get_transcripts")
        .items
        .into_iter()
        .map(|t| t.text)
        .collect()
}

fn tool(call: Option<&str>, args: serde_json::Value) -> ToolEvent {
    ToolEvent {
        call_id: call.map(str::to_owned),
        name: "lookup_order".into(),
        args,
        result: Some(json!({"status": "shipped"})),
        status: ToolStatus::Ok,
        duration_ms: Some(120),
        at: at(500),
    }
}

fn usage(kind: &str, value: f64, offset: i64) -> UsageEvent {
    UsageEvent {
        event_id: None,
        kind: kind.into(),
        value,
        meta: None,
        at: at(offset),
    }
}

fn small_buffer(items: usize, bytes: usize, age: Duration) -> ConsentConfig {
    let mut c = ConsentConfig::default();
    c.max_items = items;
    c.max_bytes = bytes;
    c.max_age = age;
    c
}

pub mod consent;
pub mod lifecycle;
pub mod privacy;
pub mod validation;
pub mod writes;

pub use consent::*;
pub use lifecycle::*;
pub use privacy::*;
pub use validation::*;
pub use writes::*;
