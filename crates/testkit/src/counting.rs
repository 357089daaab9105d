//! A backend wrapper that counts calls, to prove what the gate does *not* do
//! (no database round trip for declined sessions, no consent read per append),
//! and injects failures, to prove what it does when the backend fails.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use realtime_store::{
    AppendResult, Backend, CleanEvent, CleanSessionMeta, Consent, EraseCounts, Page, PageRequest,
    Result, Session, SessionFilter, StoredSegment, StoredSummary, StoredToolEvent, Timestamp,
    UsageReport,
};

/// Call counters of a [`CountingBackend`].
#[derive(Debug, Default)]
pub struct Calls {
    /// `stored_consent` calls.
    pub stored_consent: AtomicU64,
    /// `append` calls.
    pub append: AtomicU64,
    /// `upsert_session` calls.
    pub upsert: AtomicU64,
    /// `withdraw` calls.
    pub withdraw: AtomicU64,
    /// While set, `append` fails (retryable, like a lost connection).
    pub fail_append: AtomicBool,
    /// While set, `withdraw` fails.
    pub fail_withdraw: AtomicBool,
}

fn injected(op: &'static str) -> realtime_store::Error {
    realtime_store::Error::Backend {
        op,
        retryable: true,
        source: "injected failure".into(),
    }
}

impl Calls {
    /// Total calls that touch the backend's storage.
    pub fn total(&self) -> u64 {
        self.stored_consent.load(Ordering::SeqCst)
            + self.append.load(Ordering::SeqCst)
            + self.upsert.load(Ordering::SeqCst)
            + self.withdraw.load(Ordering::SeqCst)
    }
}

/// Wraps a backend and counts the calls of the write path.
#[derive(Debug)]
pub struct CountingBackend<B> {
    inner: B,
    /// The counters (shared).
    pub calls: Arc<Calls>,
}

impl<B> CountingBackend<B> {
    /// Wraps `inner`.
    pub fn new(inner: B) -> Self {
        CountingBackend {
            inner,
            calls: Arc::default(),
        }
    }
}

fn inc(a: &AtomicU64) {
    a.fetch_add(1, Ordering::SeqCst);
}

impl<B: Backend> Backend for CountingBackend<B> {
    fn kind(&self) -> &'static str {
        self.inner.kind()
    }
    async fn upsert_session(&self, meta: &CleanSessionMeta) -> Result<()> {
        inc(&self.calls.upsert);
        self.inner.upsert_session(meta).await
    }
    async fn stored_consent(&self, id: &str) -> Result<Option<Consent>> {
        inc(&self.calls.stored_consent);
        self.inner.stored_consent(id).await
    }
    async fn withdraw(&self, id: &str, erase: bool) -> Result<()> {
        inc(&self.calls.withdraw);
        if self.calls.fail_withdraw.load(Ordering::SeqCst) {
            return Err(injected("withdraw"));
        }
        self.inner.withdraw(id, erase).await
    }
    async fn append(&self, id: &str, events: &[CleanEvent]) -> Result<Vec<AppendResult>> {
        inc(&self.calls.append);
        if self.calls.fail_append.load(Ordering::SeqCst) {
            return Err(injected("append"));
        }
        self.inner.append(id, events).await
    }
    async fn get_session(&self, id: &str) -> Result<Option<Session>> {
        self.inner.get_session(id).await
    }
    async fn list_sessions(&self, f: &SessionFilter) -> Result<Page<Session>> {
        self.inner.list_sessions(f).await
    }
    async fn get_transcripts(&self, id: &str, p: &PageRequest) -> Result<Page<StoredSegment>> {
        self.inner.get_transcripts(id, p).await
    }
    async fn get_tool_events(&self, id: &str, p: &PageRequest) -> Result<Page<StoredToolEvent>> {
        self.inner.get_tool_events(id, p).await
    }
    async fn get_summary(&self, id: &str) -> Result<Option<StoredSummary>> {
        self.inner.get_summary(id).await
    }
    async fn get_usage(&self, id: &str) -> Result<UsageReport> {
        self.inner.get_usage(id).await
    }
    async fn delete_session(&self, id: &str) -> Result<bool> {
        self.inner.delete_session(id).await
    }
    async fn erase_user(&self, id: &str) -> Result<EraseCounts> {
        self.inner.erase_user(id).await
    }
    async fn purge_before(&self, before: Timestamp) -> Result<EraseCounts> {
        self.inner.purge_before(before).await
    }
    async fn ping(&self) -> Result<()> {
        self.inner.ping().await
    }
}
