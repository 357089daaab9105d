//! A backend layer with an off switch: while [`Switch::set_down`] is on, every
//! call fails as a lost connection would (a retryable, connection-class
//! [`Error::Backend`]), so fallback layers can be tested without a server.
//! Nothing reaches the wrapped backend while it is down, reads included.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use realtime_store::{
    AppendResult, BackendHealth, CleanSessionMeta, EraseCounts, ErasedUser, Error, EventKind,
    Layer, Maintenance, Page, PageRequest, Reads, Result, Session, SessionAppend, SessionFilter,
    StoredSegment, StoredState, StoredSummary, StoredToolEvent, Timestamp, UpsertResult,
    UsageReport, Withdrawal, WriteCore,
};

/// The layer (see the module docs). Clones share the switch.
#[derive(Debug)]
pub struct Switch<B> {
    inner: Arc<B>,
    down: Arc<AtomicBool>,
    reads_down: Arc<AtomicBool>,
}

impl<B> Clone for Switch<B> {
    fn clone(&self) -> Self {
        Switch {
            inner: Arc::clone(&self.inner),
            down: Arc::clone(&self.down),
            reads_down: Arc::clone(&self.reads_down),
        }
    }
}

impl<B> Switch<B> {
    /// Wraps `inner`, up.
    pub fn new(inner: B) -> Self {
        Switch {
            inner: Arc::new(inner),
            down: Arc::new(AtomicBool::new(false)),
            reads_down: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Takes the primary down (`true`) or brings it back, reads and writes.
    pub fn set_down(&self, down: bool) {
        self.down.store(down, Ordering::SeqCst);
        self.reads_down.store(down, Ordering::SeqCst);
    }

    /// Only the reads: a primary whose reads answer (`false`) while its writes
    /// still fail (a partial outage; the spool cannot replay yet).
    pub fn set_reads_down(&self, down: bool) {
        self.reads_down.store(down, Ordering::SeqCst);
    }

    /// The wrapped backend, to inspect what reached it.
    pub fn primary(&self) -> &B {
        &self.inner
    }

    fn check(&self, op: &'static str) -> Result<()> {
        self.check_flag(&self.down, op)
    }

    fn check_read(&self) -> Result<()> {
        self.check_flag(&self.reads_down, "read")
    }

    fn check_flag(&self, flag: &AtomicBool, op: &'static str) -> Result<()> {
        if flag.load(Ordering::SeqCst) {
            return Err(Error::Backend {
                op,
                retryable: true,
                source: "connection refused (switched off)".into(),
            });
        }
        Ok(())
    }
}

impl<B> Layer for Switch<B> {
    type Inner = B;
    fn inner(&self) -> &B {
        &self.inner
    }
}

impl<B: WriteCore> WriteCore for Switch<B> {
    fn kind(&self) -> &'static str {
        self.inner.kind()
    }
    async fn upsert_session(&self, meta: &CleanSessionMeta) -> Result<UpsertResult> {
        self.check("upsert")?;
        self.inner.upsert_session(meta).await
    }
    async fn stored_state(&self, id: &str) -> Result<StoredState> {
        self.check("stored_state")?;
        self.inner.stored_state(id).await
    }
    async fn withdraw(&self, id: &str, how: Withdrawal) -> Result<()> {
        self.check("withdraw")?;
        self.inner.withdraw(id, how).await
    }
    async fn append_batch(
        &self,
        batch: &[SessionAppend<'_>],
    ) -> Result<Vec<Result<Vec<AppendResult>>>> {
        self.check("append")?;
        self.inner.append_batch(batch).await
    }
    async fn health(&self) -> BackendHealth {
        if self.check("health").is_err() {
            return BackendHealth::probe(self.inner.kind(), false, None);
        }
        self.inner.health().await
    }
    async fn close(&self) {
        self.inner.close().await
    }
}

impl<B: Reads> Reads for Switch<B> {
    async fn get_session(&self, id: &str) -> Result<Option<Session>> {
        self.check_read()?;
        self.inner.get_session(id).await
    }
    async fn list_sessions(&self, f: &SessionFilter) -> Result<Page<Session>> {
        self.check_read()?;
        self.inner.list_sessions(f).await
    }
    async fn get_transcripts(&self, id: &str, p: &PageRequest) -> Result<Page<StoredSegment>> {
        self.check_read()?;
        self.inner.get_transcripts(id, p).await
    }
    async fn get_tool_events(&self, id: &str, p: &PageRequest) -> Result<Page<StoredToolEvent>> {
        self.check_read()?;
        self.inner.get_tool_events(id, p).await
    }
    async fn get_summary(&self, id: &str) -> Result<Option<StoredSummary>> {
        self.check_read()?;
        self.inner.get_summary(id).await
    }
    async fn get_usage(&self, id: &str) -> Result<UsageReport> {
        self.check_read()?;
        self.inner.get_usage(id).await
    }
}

impl<B: Maintenance> Maintenance for Switch<B> {
    async fn delete_session(&self, id: &str) -> Result<bool> {
        self.check("delete")?;
        self.inner.delete_session(id).await
    }
    async fn delete_event(&self, id: &str, kind: EventKind, seq: i64) -> Result<bool> {
        self.check("delete")?;
        self.inner.delete_event(id, kind, seq).await
    }
    async fn erase_user(&self, user_id: &str) -> Result<ErasedUser> {
        self.check("erase")?;
        self.inner.erase_user(user_id).await
    }
    async fn purge_before(&self, before: Timestamp, tomb: Timestamp) -> Result<EraseCounts> {
        self.check("purge")?;
        self.inner.purge_before(before, tomb).await
    }
}
