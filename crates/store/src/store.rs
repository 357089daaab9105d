//! [`RealtimeStore`]: validation, the consent gate and redaction in front of a backend.

use std::collections::HashMap;
use std::time::Instant;

use realtime_redact::Redactor;

use crate::backend::AppendResult;
use crate::consent::{Gate, Known, SlotState};
use crate::{
    validate, Backend, CleanEvent, Consent, ConsentConfig, ConsentStats, DropReason, EraseCounts,
    Error, Event, Health, Limits, OnWithdrawal, Page, PageRequest, PersistenceStore, Redaction,
    Result, Session, SessionEvent, SessionFilter, SessionMeta, StoredSegment, StoredSummary,
    StoredToolEvent, Timestamp, UsageReport, WriteOutcome,
};

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

impl std::fmt::Debug for Gate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gate")
            .field("cfg", &self.cfg)
            .finish_non_exhaustive()
    }
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
pub struct StoreStats {
    /// Consent gate counters.
    pub consent: ConsentStats,
    /// Redactions per entity label.
    pub redactions: std::collections::BTreeMap<String, u64>,
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

    /// Counters (consent gate and redactions).
    pub fn stats(&self) -> StoreStats {
        StoreStats {
            consent: self.gate.stats(),
            redactions: self.redaction.counts(),
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

    async fn resolve(&self, session_id: &str, st: &mut SlotState) -> Result<()> {
        if st.known == Known::Unresolved {
            let stored = self.backend.stored_consent(session_id).await?;
            st.checked_at = Some(Instant::now());
            // A PENDING meta held here (nothing stored yet) keeps the session pending.
            let local_pending = self.gate.has_pending_meta(st);
            st.stored = stored.is_some();
            st.known = match stored {
                Some(c) => Known::Is(c),
                None if local_pending => Known::Is(Consent::Pending),
                None => Known::Absent,
            };
        }
        Ok(())
    }

    /// While events are held, another instance may have decided the session's
    /// consent: read it again, at most once per `recheck_after`.
    async fn recheck_held(&self, session_id: &str, st: &mut SlotState) -> Result<()> {
        let due = st
            .checked_at
            .is_none_or(|t| t.elapsed() >= self.gate.cfg.recheck_after);
        if !due
            || !self.gate.holds(st)
            || !matches!(st.known, Known::Absent | Known::Is(Consent::Pending))
        {
            return Ok(());
        }
        let stored = self.backend.stored_consent(session_id).await?;
        st.checked_at = Some(Instant::now());
        match stored {
            Some(Consent::Accepted) => {
                st.stored = true;
                st.known = Known::Is(Consent::Accepted);
                tracing::debug!(session_id = %session_id, "accepted by another instance; flushing held events");
            }
            Some(Consent::Declined) => {
                st.stored = true;
                st.known = Known::Is(Consent::Declined);
                self.gate.discard_declined(st);
            }
            _ => {}
        }
        Ok(())
    }

    async fn write_meta(&self, meta: SessionMeta) -> Result<WriteOutcome> {
        let id = meta.session_id.clone();
        let clean = self.redaction.clean_meta(&meta);
        let slot = self.gate.slot(&id);
        let mut st = slot.lock().await;
        self.gate.expire(&mut st, Instant::now());
        match meta.consent {
            Consent::Accepted => {
                let backup = st.stored;
                let merged = self.gate.merged_meta(&mut st, clean);
                if let Err(e) = self.backend.upsert_session(&merged).await {
                    self.gate.hold_meta(&mut st, merged);
                    st.stored = backup;
                    return Err(e);
                }
                st.known = Known::Is(Consent::Accepted);
                st.stored = true;
                let held = self.gate.take_buffer(&mut st);
                if !held.is_empty() {
                    match self.backend.append(&id, &held).await {
                        Ok(results) => {
                            let n = results
                                .iter()
                                .filter(|r| **r != AppendResult::NotAccepted)
                                .count();
                            self.gate.count_flushed(n);
                            tracing::debug!(session_id = %id, flushed = n, "consent accepted; held events written");
                        }
                        Err(e) => {
                            self.gate.restore(&mut st, held);
                            return Err(e);
                        }
                    }
                }
                Ok(WriteOutcome::Persisted)
            }
            Consent::Declined => {
                self.gate.discard_declined(&mut st);
                // Fail closed: this instance stops persisting now, even if telling the
                // backend fails below (the caller gets the error and retries).
                st.known = Known::Is(Consent::Declined);
                // Always tell the backend: another instance may have stored it.
                let erase = self.gate.cfg.on_withdrawal == OnWithdrawal::Erase;
                self.backend.withdraw(&id, erase).await?;
                tracing::debug!(session_id = %id, erase, "consent declined");
                st.known = Known::Is(Consent::Declined);
                st.stored = !erase && st.stored;
                Ok(WriteOutcome::Dropped(DropReason::ConsentDeclined))
            }
            Consent::Pending => {
                self.resolve(&id, &mut st).await?;
                if st.stored {
                    // Already stored (accepted before): stop persisting here first,
                    // then record the change, which stops writes everywhere.
                    st.known = Known::Is(Consent::Pending);
                    self.backend.upsert_session(&clean).await?;
                    Ok(WriteOutcome::Persisted)
                } else {
                    self.gate.hold_meta(&mut st, clean);
                    st.known = Known::Is(Consent::Pending);
                    Ok(WriteOutcome::Buffered)
                }
            }
        }
    }

    async fn write_events(&self, session_id: &str, events: &[Event]) -> Result<Vec<WriteOutcome>> {
        let slot = self.gate.slot(session_id);
        let mut st = slot.lock().await;
        self.gate.expire(&mut st, Instant::now());
        self.resolve(session_id, &mut st).await?;
        self.recheck_held(session_id, &mut st).await?;
        if st.known == Known::Is(Consent::Declined) {
            self.gate.count_declined(events.len());
            return Ok(vec![
                WriteOutcome::Dropped(DropReason::ConsentDeclined);
                events.len()
            ]);
        }
        let clean: Vec<CleanEvent> = events
            .iter()
            .map(|e| self.redaction.clean_event(e))
            .collect();
        if st.known != Known::Is(Consent::Accepted) {
            return Ok(clean
                .into_iter()
                .map(|e| self.gate.hold(&mut st, e))
                .collect());
        }
        // Accepted. Anything still held (a failed flush) goes first, in order.
        let held = self.gate.take_buffer(&mut st);
        let n_held = held.len();
        let mut batch = held;
        batch.extend(clean);
        let results = match self.backend.append(session_id, &batch).await {
            Ok(r) => r,
            Err(e) => {
                tracing::warn!(session_id = %session_id, error = %e, retryable = e.is_retryable(), "append failed");
                let held: Vec<CleanEvent> = batch.drain(..n_held).collect();
                self.gate.restore(&mut st, held);
                return Err(e);
            }
        };
        self.gate.count_flushed(n_held);
        let mut out = Vec::with_capacity(events.len());
        let mut rejected = Vec::new();
        for (event, r) in batch.into_iter().zip(results).skip(n_held) {
            out.push(match r {
                AppendResult::Inserted => WriteOutcome::Persisted,
                AppendResult::Duplicate => WriteOutcome::Duplicate,
                AppendResult::NotAccepted => {
                    rejected.push((out.len(), event));
                    WriteOutcome::Buffered
                }
            });
        }
        if !rejected.is_empty() {
            // The stored consent changed under us (withdrawn, erased or deleted,
            // possibly by another instance): learn it, then treat these events as
            // the new state says.
            tracing::debug!(session_id = %session_id, refused = rejected.len(), "backend refused writes; re-reading consent");
            st.known = Known::Unresolved;
            self.resolve(session_id, &mut st).await?;
            for (i, event) in rejected {
                out[i] = match st.known {
                    Known::Is(Consent::Declined) => {
                        self.gate.count_declined(1);
                        WriteOutcome::Dropped(DropReason::ConsentDeclined)
                    }
                    Known::Is(Consent::Accepted) => {
                        match self
                            .backend
                            .append(session_id, std::slice::from_ref(&event))
                            .await?[0]
                        {
                            AppendResult::Inserted => WriteOutcome::Persisted,
                            AppendResult::Duplicate => WriteOutcome::Duplicate,
                            AppendResult::NotAccepted => self.gate.hold(&mut st, event),
                        }
                    }
                    _ => self.gate.hold(&mut st, event),
                };
            }
        }
        Ok(out)
    }
}

impl<B: Backend> PersistenceStore for RealtimeStore<B> {
    async fn save_session_meta(&self, meta: SessionMeta) -> Result<WriteOutcome> {
        validate::session_meta(&meta, &self.limits, Timestamp::now())?;
        self.write_meta(meta).await
    }

    async fn get_session(&self, id: &str) -> Result<Option<Session>> {
        validate::id("session_id", id)?;
        self.backend.get_session(id).await
    }

    async fn list_sessions(&self, filter: &SessionFilter) -> Result<Page<Session>> {
        if let Some(u) = &filter.user_id {
            validate::id("user_id", u)?;
        }
        if let Some(0) = filter.limit {
            return Err(Error::validation("limit", "must be between 1 and 1000"));
        }
        self.backend.list_sessions(filter).await
    }

    async fn append_events(
        &self,
        session_id: &str,
        events: Vec<Event>,
    ) -> Result<Vec<WriteOutcome>> {
        validate::batch(session_id, &events, &self.limits, Timestamp::now())?;
        if events.is_empty() {
            return Ok(Vec::new());
        }
        self.write_events(session_id, &events).await
    }

    async fn ingest(&self, events: Vec<SessionEvent>) -> Result<Vec<WriteOutcome>> {
        let now = Timestamp::now();
        if events.len() > self.limits.batch_events {
            return Err(Error::validation(
                "events",
                format!("at most {} events per batch", self.limits.batch_events),
            ));
        }
        for (i, e) in events.iter().enumerate() {
            validate::id("session_id", &e.session_id)
                .and_then(|_| validate::event(&e.event, &self.limits, now))
                .map_err(|err| err.in_field(&format!("events[{i}]")))?;
        }
        // Group by session, keeping first-seen session order and event order.
        let mut order: Vec<&str> = Vec::new();
        let mut groups: HashMap<&str, (Vec<usize>, Vec<Event>)> = HashMap::new();
        for (i, e) in events.iter().enumerate() {
            let g = groups.entry(&e.session_id).or_insert_with(|| {
                order.push(&e.session_id);
                (Vec::new(), Vec::new())
            });
            g.0.push(i);
            g.1.push(e.event.clone());
        }
        let mut out = vec![WriteOutcome::Buffered; events.len()];
        for sid in order {
            let (idx, evs) = &groups[sid];
            let res = self.write_events(sid, evs).await?;
            for (i, r) in idx.iter().zip(res) {
                out[*i] = r;
            }
        }
        Ok(out)
    }

    async fn get_transcripts(
        &self,
        session_id: &str,
        page: &PageRequest,
    ) -> Result<Page<StoredSegment>> {
        validate::id("session_id", session_id)?;
        self.backend.get_transcripts(session_id, page).await
    }

    async fn get_tool_events(
        &self,
        session_id: &str,
        page: &PageRequest,
    ) -> Result<Page<StoredToolEvent>> {
        validate::id("session_id", session_id)?;
        self.backend.get_tool_events(session_id, page).await
    }

    async fn get_summary(&self, session_id: &str) -> Result<Option<StoredSummary>> {
        validate::id("session_id", session_id)?;
        self.backend.get_summary(session_id).await
    }

    async fn get_usage(&self, session_id: &str) -> Result<UsageReport> {
        validate::id("session_id", session_id)?;
        self.backend.get_usage(session_id).await
    }

    async fn delete_session(&self, id: &str) -> Result<bool> {
        validate::id("session_id", id)?;
        let slot = self.gate.slot(id);
        let mut st = slot.lock().await;
        let existed = self.backend.delete_session(id).await?;
        self.gate.forget(id, &mut st);
        Ok(existed)
    }

    async fn erase_user(&self, user_id: &str) -> Result<EraseCounts> {
        validate::id("user_id", user_id)?;
        // Cached consent of the user's sessions becomes stale; the backend refuses
        // writes to erased sessions and the gate re-learns on the first refusal.
        self.backend.erase_user(user_id).await
    }

    async fn purge_before(&self, before: Timestamp) -> Result<EraseCounts> {
        self.backend.purge_before(before).await
    }

    async fn health(&self) -> Health {
        let reachable = self.backend.ping().await.is_ok();
        let s = self.gate.stats();
        Health {
            backend: self.backend.kind().to_owned(),
            backend_reachable: reachable,
            fallback_active: false,
            spool_depth: 0,
            oldest_unsynced_ms: None,
            buffered_sessions: s.held_sessions,
            buffered_events: s.held_events,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{MemoryStore, Role, TranscriptSegment};

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
}
