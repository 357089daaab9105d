//! A backend layer that holds batches at a gate and counts what reached it, so
//! tests of group commit can queue writes behind a held batch without timing:
//! the test holds the gate, waits until the batch arrived, queues more, then
//! lets go (permits on [`Gated::open`]).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use realtime_store::{
    AppendResult, BackendHealth, CleanSessionMeta, Layer, Maintenance, Reads, Result,
    SessionAppend, StoredState, UpsertResult, Withdrawal, WriteCore, WriteOp, WriteOpResult,
};
use tokio::sync::Semaphore;

/// Wraps a backend: every `append_batch` / `write_batch` is counted and, while
/// [`held`](Gated::held), waits for a permit of [`open`](Gated::open). Upserts
/// outside a batch, reads and maintenance pass through.
#[derive(Debug)]
pub struct Gated<B> {
    inner: B,
    /// While set, each batch waits for a permit of `open` (one per batch).
    pub held: AtomicBool,
    /// The permits that let held batches go.
    pub open: Semaphore,
    /// Batches (`append_batch` or `write_batch` calls) that reached the backend.
    pub batches: AtomicU64,
    /// What was in them: each appended event, and each upsert, counts one (the
    /// group-commit queue's unit).
    pub events: AtomicU64,
}

impl<B> Gated<B> {
    /// Wraps `inner` with the gate open.
    pub fn new(inner: B) -> Self {
        Gated {
            inner,
            held: AtomicBool::new(false),
            open: Semaphore::new(0),
            batches: AtomicU64::new(0),
            events: AtomicU64::new(0),
        }
    }

    /// Wraps `inner` with the gate held from the start.
    pub fn held(inner: B) -> Self {
        let g = Gated::new(inner);
        g.held.store(true, Ordering::SeqCst);
        g
    }

    /// Holds (`true`) or opens the gate for the batches that come next; opening
    /// also lets go every batch waiting at it.
    pub fn hold(&self, held: bool) {
        self.held.store(held, Ordering::SeqCst);
        if !held {
            self.open.add_permits(Semaphore::MAX_PERMITS / 2);
        }
    }

    /// Batches that reached the backend so far.
    pub fn batches(&self) -> u64 {
        self.batches.load(Ordering::SeqCst)
    }

    /// Events (and upserts) in them so far.
    pub fn events(&self) -> u64 {
        self.events.load(Ordering::SeqCst)
    }

    async fn enter(&self, events: usize) {
        self.events.fetch_add(events as u64, Ordering::SeqCst);
        self.batches.fetch_add(1, Ordering::SeqCst);
        if self.held.load(Ordering::SeqCst) {
            self.open
                .acquire()
                .await
                .expect("the gate is never closed")
                .forget();
        }
    }
}

fn events_of(batch: &[SessionAppend<'_>]) -> usize {
    batch.iter().map(|p| p.events.len()).sum()
}

impl<B> Layer for Gated<B> {
    type Inner = B;
    fn inner(&self) -> &B {
        &self.inner
    }
}

impl<B: Reads> Reads for Gated<B> {
    realtime_store::forward_reads!();
}

impl<B: Maintenance> Maintenance for Gated<B> {
    realtime_store::forward_maintenance!();
}

impl<B: WriteCore> WriteCore for Gated<B> {
    fn kind(&self) -> &'static str {
        self.inner.kind()
    }
    async fn upsert_session(&self, m: &CleanSessionMeta) -> Result<UpsertResult> {
        self.inner.upsert_session(m).await
    }
    async fn stored_state(&self, id: &str) -> Result<StoredState> {
        self.inner.stored_state(id).await
    }
    async fn withdraw(&self, id: &str, how: Withdrawal) -> Result<()> {
        self.inner.withdraw(id, how).await
    }
    async fn append_batch(
        &self,
        batch: &[SessionAppend<'_>],
    ) -> Result<Vec<Result<Vec<AppendResult>>>> {
        self.enter(events_of(batch)).await;
        self.inner.append_batch(batch).await
    }
    async fn write_batch(&self, ops: &[WriteOp<'_>]) -> Result<Vec<WriteOpResult>> {
        let events = ops
            .iter()
            .map(|op| match op {
                WriteOp::Append(p) => p.events.len(),
                _ => 1,
            })
            .sum();
        self.enter(events).await;
        self.inner.write_batch(ops).await
    }
    fn batches_upserts(&self) -> bool {
        self.inner.batches_upserts()
    }
    async fn health(&self) -> BackendHealth {
        self.inner.health().await
    }
    async fn close(&self) {
        self.inner.close().await
    }
}
