//! A backend layer that counts calls, to prove what the gate does *not* do
//! (no database round trip for declined sessions, no consent read per append),
//! and injects failures, to prove what it does when the backend fails. It
//! changes only the write core; reads and maintenance forward in one line.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use realtime_store::{
    AppendResult, BackendHealth, CleanSessionMeta, Layer, Maintenance, Reads, Result,
    SessionAppend, StoredState, UpsertResult, Withdrawal, WriteCore,
};

/// Call counters of a [`CountingBackend`].
#[derive(Debug, Default)]
pub struct Calls {
    /// `stored_state` calls.
    pub stored_consent: AtomicU64,
    /// `append_batch` calls.
    pub append: AtomicU64,
    /// `upsert_session` calls.
    pub upsert: AtomicU64,
    /// `withdraw` calls.
    pub withdraw: AtomicU64,
    /// While set, `append_batch` fails (retryable, like a lost connection).
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

impl<B> Layer for CountingBackend<B> {
    type Inner = B;
    fn inner(&self) -> &B {
        &self.inner
    }
}

impl<B: Reads> Reads for CountingBackend<B> {
    realtime_store::forward_reads!();
}

impl<B: Maintenance> Maintenance for CountingBackend<B> {
    realtime_store::forward_maintenance!();
}

impl<B: WriteCore> WriteCore for CountingBackend<B> {
    fn kind(&self) -> &'static str {
        self.inner.kind()
    }
    async fn upsert_session(&self, meta: &CleanSessionMeta) -> Result<UpsertResult> {
        inc(&self.calls.upsert);
        self.inner.upsert_session(meta).await
    }
    async fn stored_state(&self, id: &str) -> Result<StoredState> {
        inc(&self.calls.stored_consent);
        self.inner.stored_state(id).await
    }
    async fn withdraw(&self, id: &str, how: Withdrawal) -> Result<()> {
        inc(&self.calls.withdraw);
        if self.calls.fail_withdraw.load(Ordering::SeqCst) {
            return Err(injected("withdraw"));
        }
        self.inner.withdraw(id, how).await
    }
    async fn append_batch(
        &self,
        batch: &[SessionAppend<'_>],
    ) -> Result<Vec<Result<Vec<AppendResult>>>> {
        inc(&self.calls.append);
        if self.calls.fail_append.load(Ordering::SeqCst) {
            return Err(injected("append"));
        }
        self.inner.append_batch(batch).await
    }
    async fn health(&self) -> BackendHealth {
        self.inner.health().await
    }
    async fn close(&self) {
        self.inner.close().await
    }
}
