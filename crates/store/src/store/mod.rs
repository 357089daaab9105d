//! [`RealtimeStore`]: validation, the consent gate and redaction in front of a backend.
//!
//! - this file: the type, its builder and counters;
//! - [`write`]: the write paths (session upserts, batch appends) driven by the
//!   consent state machine of [`crate::gate`];
//! - [`api`]: the [`PersistenceStore`](crate::PersistenceStore) implementation.

mod api;
mod write;

use realtime_redact::Redactor;

use crate::gate::Gate;
use crate::{Backend, ConsentConfig, ConsentStats, Limits, OnWithdrawal, Redaction};

/// The store: every write is validated, held or dropped according to the session's
/// consent, and redacted, before the backend `B` sees it.
///
/// ```
/// # async fn demo() -> realtime_store::Result<()> {
/// use realtime_store::{MemoryStore, RealtimeStore};
/// let store = RealtimeStore::new(MemoryStore::default());
/// # let _ = store; Ok(()) }
/// ```
#[derive(Debug)]
pub struct RealtimeStore<B> {
    backend: B,
    gate: Gate,
    redaction: Redaction,
    limits: Limits,
}

/// Builds a [`RealtimeStore`] with non-default settings.
#[derive(Debug)]
pub struct StoreBuilder<B> {
    backend: B,
    consent: ConsentConfig,
    redaction: Redaction,
    limits: Limits,
}

impl<B: Backend> StoreBuilder<B> {
    /// Consent buffer limits and withdrawal policy.
    pub fn consent(mut self, cfg: ConsentConfig) -> Self {
        self.consent = cfg;
        self
    }

    /// What to do with stored content on withdrawal.
    pub fn on_withdrawal(mut self, w: OnWithdrawal) -> Self {
        self.consent.on_withdrawal = w;
        self
    }

    /// The redaction engine (default: the built-in policy).
    pub fn redaction(mut self, r: Redaction) -> Self {
        self.redaction = r;
        self
    }

    /// The built-in engine with a custom policy.
    pub fn redactor(self, r: Redactor) -> Self {
        self.redaction(Redaction::builtin(r))
    }

    /// A caller-supplied redaction function.
    pub fn redact_with(self, f: impl Fn(&str) -> String + Send + Sync + 'static) -> Self {
        self.redaction(Redaction::custom(f))
    }

    /// Size limits.
    pub fn limits(mut self, l: Limits) -> Self {
        self.limits = l;
        self
    }

    /// Builds the store.
    pub fn build(self) -> RealtimeStore<B> {
        RealtimeStore {
            backend: self.backend,
            gate: Gate::new(self.consent),
            redaction: self.redaction,
            limits: self.limits,
        }
    }
}

/// Counters for metrics.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct StoreStats {
    /// Consent gate counters.
    pub consent: ConsentStats,
    /// Redactions per entity label.
    pub redactions: std::collections::BTreeMap<String, u64>,
    /// Group-commit figures, when the backend stack has that layer.
    pub commit: Option<crate::CommitStats>,
    /// Fallback spool figures, when the backend stack has that layer.
    pub spool: Option<crate::SpoolStats>,
}

impl<B: Backend> RealtimeStore<B> {
    /// A store with default settings over `backend`.
    pub fn new(backend: B) -> Self {
        Self::builder(backend).build()
    }

    /// A builder over `backend`.
    pub fn builder(backend: B) -> StoreBuilder<B> {
        StoreBuilder {
            backend,
            consent: ConsentConfig::default(),
            redaction: Redaction::default(),
            limits: Limits::default(),
        }
    }

    /// The backend (for reads and maintenance; writes must go through the store).
    pub fn backend(&self) -> &B {
        &self.backend
    }

    /// Flushes what the backend has queued, checkpoints, and closes its
    /// connections (graceful shutdown). Events still held for consent are not
    /// stored (they never had consent).
    pub async fn close(&self) {
        self.backend.close().await;
    }

    /// Counters (consent gate and redactions).
    pub fn stats(&self) -> StoreStats {
        StoreStats {
            consent: self.gate.stats(),
            redactions: self.redaction.counts(),
            commit: self.backend.commit_stats(),
            spool: self.backend.spool_stats(),
        }
    }

    /// Discards held events older than the configured age; returns how many.
    /// [`RealtimeStore`] also expires lazily whenever a session is touched; call this
    /// periodically to bound memory for sessions that went silent.
    pub fn sweep_expired(&self) -> u64 {
        self.gate.sweep()
    }

    /// Spawns a task that calls [`sweep_expired`](Self::sweep_expired) every
    /// `every`, and stops by itself when the store is dropped.
    pub fn spawn_sweeper(
        self: &std::sync::Arc<Self>,
        every: std::time::Duration,
    ) -> tokio::task::JoinHandle<()> {
        let weak = std::sync::Arc::downgrade(self);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(every);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            tick.tick().await;
            loop {
                tick.tick().await;
                let Some(store) = weak.upgrade() else { break };
                let n = store.sweep_expired();
                if n > 0 {
                    tracing::info!(
                        expired = n,
                        "discarded events that waited too long for consent"
                    );
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        Consent, DropReason, MemoryStore, PersistenceStore, Role, SessionMeta, Timestamp,
        TranscriptSegment, WriteOutcome,
    };

    #[tokio::test]
    async fn declined_sessions_outlive_cache_eviction() {
        let store = RealtimeStore::builder(MemoryStore::default())
            .consent(ConsentConfig {
                max_cached: 4,
                ..ConsentConfig::default()
            })
            .build();
        store
            .save_session_meta(SessionMeta::new("declined", Consent::Declined))
            .await
            .unwrap();
        for i in 0..10 {
            store
                .save_session_meta(SessionMeta::new(format!("other_{i}"), Consent::Accepted))
                .await
                .unwrap();
        }
        let seg = TranscriptSegment::new(Role::User, "x", Timestamp::now());
        assert_eq!(
            store.append_transcript("declined", seg).await.unwrap(),
            WriteOutcome::Dropped(DropReason::ConsentDeclined)
        );
        assert!(store.gate.cached() <= 8, "the cache stays bounded");
    }

    #[tokio::test]
    async fn an_ended_call_is_forgotten_and_read_again_when_written_to() {
        let store = RealtimeStore::new(MemoryStore::default());
        let mut calls = Vec::new();
        for i in 0..20 {
            let id = format!("call_{i}");
            let mut m = SessionMeta::new(&id, Consent::Accepted);
            m.user = Some(crate::User::new(format!("user_{}", i % 3)));
            store.save_session_meta(m.clone()).await.unwrap();
            let seg = TranscriptSegment::new(Role::User, "hello", Timestamp::now());
            store.append_transcript(&id, seg).await.unwrap();
            m.ended_at = Some(Timestamp::now());
            store.save_session_meta(m).await.unwrap();
            calls.push(id);
        }
        let live = SessionMeta::new("live", Consent::Accepted);
        store.save_session_meta(live).await.unwrap();
        assert_eq!(store.gate.cached(), 1, "only the live call stays cached");
        assert!(store.gate.take_user("user_0").is_empty(), "nor its users");
        // A late event of an ended call: its stored consent is read again.
        let late = TranscriptSegment::new(Role::Assistant, "bye", Timestamp::now());
        assert_eq!(
            store.append_transcript(&calls[3], late).await.unwrap(),
            WriteOutcome::Persisted
        );
        // An ended call declined afterwards stays refused.
        store
            .save_session_meta(SessionMeta::new(&calls[4], Consent::Declined))
            .await
            .unwrap();
        let after = TranscriptSegment::new(Role::User, "again", Timestamp::now());
        assert_eq!(
            store.append_transcript(&calls[4], after).await.unwrap(),
            WriteOutcome::Dropped(DropReason::ConsentDeclined)
        );
    }
}
