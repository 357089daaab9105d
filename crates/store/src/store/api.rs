//! [`PersistenceStore`] for [`RealtimeStore`]: validation first, then the gate.

use std::collections::HashMap;
use std::time::Duration;

use super::RealtimeStore;
use crate::backend::page;
use crate::{
    validate, Backend, Consent, DropReason, EraseCounts, Error, Event, EventKind, Health, Page,
    PageRequest, PersistenceStore, Result, Session, SessionEvent, SessionFilter, SessionMeta,
    StoredSegment, StoredSummary, StoredToolEvent, Timestamp, UsageReport, WriteOutcome,
};

fn child_page(p: &PageRequest) -> Result<()> {
    page::limit(p.limit, page::DEFAULT_CHILD_PAGE).map(|_| ())
}

impl<B: Backend> RealtimeStore<B> {
    /// `now - tombstone_ttl`: tombstones older than this are purged.
    fn tombstone_horizon(&self) -> Timestamp {
        let ttl = self
            .gate
            .cfg
            .tombstone_ttl
            .min(Duration::from_secs(100 * 365 * 86_400));
        Timestamp::now().add_millis(-(ttl.as_millis() as i64))
    }
}

impl<B: Backend> PersistenceStore for RealtimeStore<B> {
    async fn save_session_meta(&self, meta: SessionMeta) -> Result<WriteOutcome> {
        validate::session_meta(&meta, &self.limits, Timestamp::now())?;
        self.write_meta(meta, false).await
    }

    async fn reconsent(&self, meta: SessionMeta) -> Result<WriteOutcome> {
        validate::session_meta(&meta, &self.limits, Timestamp::now())?;
        if meta.consent != Consent::Accepted {
            return Err(Error::validation(
                "consent",
                "must be ACCEPTED for a re-consent",
            ));
        }
        self.write_meta(meta, true).await
    }

    async fn get_session(&self, id: &str) -> Result<Option<Session>> {
        validate::id("session_id", id)?;
        self.backend.get_session(id).await
    }

    async fn list_sessions(&self, filter: &SessionFilter) -> Result<Page<Session>> {
        if let Some(u) = &filter.user_id {
            validate::id("user_id", u)?;
        }
        page::limit(filter.limit, page::DEFAULT_SESSION_PAGE)?;
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
        let mut out = self.write_sessions(&[(session_id, &events)]).await?;
        out.pop().expect("one result per session")
    }

    async fn ingest(&self, events: Vec<SessionEvent>) -> Result<Vec<Result<WriteOutcome>>> {
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
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut groups: Vec<(&str, Vec<usize>, Vec<Event>)> = Vec::new();
        for (i, e) in events.iter().enumerate() {
            let g = *index.entry(&e.session_id).or_insert_with(|| {
                groups.push((&e.session_id, Vec::new(), Vec::new()));
                groups.len() - 1
            });
            groups[g].1.push(i);
            groups[g].2.push(e.event.clone());
        }
        let refs: Vec<(&str, &[Event])> = groups.iter().map(|(s, _, e)| (*s, &e[..])).collect();
        let results = self.write_sessions(&refs).await?;
        let mut out: Vec<Option<Result<WriteOutcome>>> = (0..events.len()).map(|_| None).collect();
        for ((_, idx, _), res) in groups.iter().zip(results) {
            match res {
                Ok(outcomes) => {
                    for (i, o) in idx.iter().zip(outcomes) {
                        out[*i] = Some(Ok(o));
                    }
                }
                Err(e) => {
                    for i in idx {
                        out[*i] = Some(Err(e.duplicate()));
                    }
                }
            }
        }
        Ok(out
            .into_iter()
            .map(|o| o.expect("every event answered"))
            .collect())
    }

    async fn get_transcripts(
        &self,
        session_id: &str,
        page: &PageRequest,
    ) -> Result<Page<StoredSegment>> {
        validate::id("session_id", session_id)?;
        child_page(page)?;
        self.backend.get_transcripts(session_id, page).await
    }

    async fn get_tool_events(
        &self,
        session_id: &str,
        page: &PageRequest,
    ) -> Result<Page<StoredToolEvent>> {
        validate::id("session_id", session_id)?;
        child_page(page)?;
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
        let _st = slot.lock().await;
        let existed = self.backend.delete_session(id).await?;
        drop(_st);
        self.close_sessions([id.to_owned()], DropReason::Erased)
            .await;
        crate::gate::Counters::add(&self.gate.counters.tombstones, 1);
        Ok(existed)
    }

    async fn delete_event(&self, session_id: &str, kind: EventKind, seq: i64) -> Result<bool> {
        validate::id("session_id", session_id)?;
        if seq < 1 {
            return Err(Error::validation("seq", "must be at least 1"));
        }
        // Ordered with this instance's writes of the session.
        let slot = self.gate.slot(session_id);
        let _st = slot.lock().await;
        self.backend.delete_event(session_id, kind, seq).await
    }

    async fn erase_user(&self, user_id: &str) -> Result<EraseCounts> {
        validate::id("user_id", user_id)?;
        let erased = self.backend.erase_user(user_id).await?;
        crate::gate::Counters::add(
            &self.gate.counters.tombstones,
            erased.session_ids.len() as u64,
        );
        // Close the user's sessions here too: the stored ones (tombstoned) and the
        // ones only held for consent in this process.
        let mut ids = self.gate.take_user(user_id);
        ids.extend(erased.session_ids);
        self.close_sessions(ids, DropReason::Erased).await;
        Ok(erased.counts)
    }

    async fn purge_before(&self, before: Timestamp) -> Result<EraseCounts> {
        self.backend
            .purge_before(before, self.tombstone_horizon())
            .await
    }

    async fn health(&self) -> Health {
        let b = self.backend.health().await;
        let s = self.gate.stats();
        Health::from_parts(b, s.held_sessions, s.held_events)
    }
}
