//! What `bench` drives: the store in this process, or a running `serve` over
//! HTTP ([`super::http::HttpTarget`]). The drivers in [`super::run`] are generic
//! over [`Target`], so both replay exactly the same calls the same way.

use std::future::Future;

use realtime_store::{
    Backend, Event, PageRequest, PersistenceStore, RealtimeStore, SessionEvent, SessionMeta,
    WriteOutcome,
};

/// The operations a bench phase needs.
pub(crate) trait Target: Send + Sync + 'static {
    /// Saves a session's meta.
    fn save_meta(&self, meta: &SessionMeta) -> impl Future<Output = anyhow::Result<()>> + Send;

    /// Appends one event and answers its outcome. `naive`: read the session's
    /// consent from the database first (the upstream code's extra round trip).
    fn append(
        &self,
        session_id: &str,
        event: &Event,
        naive: bool,
    ) -> impl Future<Output = anyhow::Result<WriteOutcome>> + Send;

    /// One page of a session's transcript: rows on it and the next cursor.
    fn transcripts(
        &self,
        session_id: &str,
        page: &PageRequest,
    ) -> impl Future<Output = anyhow::Result<(u64, Option<String>)>> + Send;

    /// Ingests a mixed batch and answers how many of its events were persisted.
    fn ingest(&self, batch: Vec<SessionEvent>) -> impl Future<Output = anyhow::Result<u64>> + Send;
}

impl<B: Backend> Target for RealtimeStore<B> {
    async fn save_meta(&self, meta: &SessionMeta) -> anyhow::Result<()> {
        self.save_session_meta(meta.clone()).await?;
        Ok(())
    }

    async fn append(
        &self,
        session_id: &str,
        event: &Event,
        naive: bool,
    ) -> anyhow::Result<WriteOutcome> {
        if naive {
            self.backend().stored_state(session_id).await?;
        }
        let out = self.append_events(session_id, vec![event.clone()]).await?;
        Ok(out.first().copied().unwrap_or(WriteOutcome::Duplicate))
    }

    async fn transcripts(
        &self,
        session_id: &str,
        page: &PageRequest,
    ) -> anyhow::Result<(u64, Option<String>)> {
        let p = self.get_transcripts(session_id, page).await?;
        Ok((p.items.len() as u64, p.next_cursor))
    }

    async fn ingest(&self, batch: Vec<SessionEvent>) -> anyhow::Result<u64> {
        let out = PersistenceStore::ingest(self, batch).await?;
        Ok(out
            .iter()
            .filter(|o| matches!(o, Ok(WriteOutcome::Persisted)))
            .count() as u64)
    }
}
