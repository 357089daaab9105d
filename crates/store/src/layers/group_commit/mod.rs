//! [`GroupCommit`]: many callers' appends, one transaction.
//!
//! A live platform appends an event every second or two per call, from hundreds
//! of calls at once. Committing each on its own makes throughput a function of
//! per-transaction overhead (an fsync, a few round trips) rather than of the disk.
//! This layer queues concurrent [`append_batch`](crate::WriteCore::append_batch)
//! calls and hands them to the backend as **one** batch append — one transaction,
//! one durability point, set-based SQL in the SQL backends — then answers each
//! caller with its own part of the result, once the batch is durable.
//!
//! - The queue is bounded in events ([`GroupCommitConfig::queue_events`]): a
//!   caller that would overflow it gets [`Error::Overloaded`] (retryable) at once.
//! - One worker task commits one batch at a time, in queue order; a batch holds
//!   a session at most once (`queue.rs`), so per-session order is queue order and a
//!   session is never in two open transactions.
//! - Natural batching: while a batch commits, the next one fills. Then a short,
//!   bounded wait for the callers just answered ([`GroupCommitConfig::regroup`]):
//!   a live call's next event follows its previous answer within microseconds, so
//!   without it the callers split into two halves that take turns, each half a
//!   batch; with it they commit together (twice the events per fsync). An
//!   optional linger ([`GroupCommitConfig::max_wait`]) trades latency for larger
//!   batches.
//! - A failed batch never fails callers it did not concern: a connection-class
//!   error fails every caller of the batch (nothing was committed); any other
//!   error retries each caller's request alone, so it fails only its own.
//! - Withdrawal, deletion, erasure and retention are barriers: they wait until
//!   every append queued before them is committed.
//! - [`close`](crate::WriteCore::close) stops accepting, commits what is queued,
//!   then closes the backend.

mod queue;
mod regroup;
mod stats;

use std::sync::Arc;
use std::time::{Duration, Instant};

use parking_lot::Mutex;
use tokio::sync::{oneshot, watch, Notify};

pub use stats::{CommitStats, Histogram, BATCH_BUCKETS, LATENCY_BUCKETS};

use self::queue::{Queue, Request, Work};
use self::regroup::{regroup, Returns};
use self::stats::Counters;
use crate::{
    AppendResult, BackendHealth, CleanSessionMeta, EraseCounts, ErasedUser, Error, EventKind,
    Layer, Maintenance, Reads, Result, SessionAppend, StoredState, Timestamp, UpsertResult,
    Withdrawal, WriteCore, WriteOp, WriteOpResult,
};

/// Settings of a [`GroupCommit`] layer.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct GroupCommitConfig {
    /// Most events in one transaction (default 4096). A single larger request
    /// still goes, alone.
    pub max_batch_events: usize,
    /// How long the worker lingers for more requests before committing a batch
    /// smaller than `max_batch_events` (default zero: commit as soon as the
    /// previous batch is done — with many live calls the queue fills meanwhile).
    pub max_wait: Duration,
    /// After a batch, wait for its callers' next requests before taking the next
    /// batch: until as many have arrived as the batch answered, for at most this
    /// fraction of the last commit's time (0 turns it off). An open-loop workload (callers that do not come
    /// back at once) pays at most this fraction in latency; a closed loop of live
    /// calls commits in one batch instead of two. The worker stops waiting while
    /// callers do not come back (it keeps checking every 16th batch). Default 0
    /// (off); [`GroupCommitConfig::for_backend`] turns it on where it was measured
    /// to help.
    pub regroup: f64,
    /// Most events waiting in the queue (default 65 536); beyond it callers get
    /// [`Error::Overloaded`].
    pub queue_events: usize,
}

impl Default for GroupCommitConfig {
    fn default() -> Self {
        GroupCommitConfig {
            max_batch_events: 4096,
            max_wait: Duration::ZERO,
            regroup: 0.0,
            queue_events: 65_536,
        }
    }
}

impl GroupCommitConfig {
    /// The defaults for a backend of this [`kind`](WriteCore::kind): `regroup`
    /// 0.25 for PostgreSQL, whose commit is round trips the worker awaits while
    /// the answered callers come back (measured with `realtime-store bench`, 64
    /// live calls: 8,712 / 9,343 appends/s against 7,807 / 5,659 without, p99 19
    /// against 27–31 ms); off for SQLite, whose commit runs on the worker's thread
    /// and overlaps with callers preparing their next events (there waiting cost
    /// about 10%: 10,446–15,237 against 14,334–15,131 appends/s).
    pub fn for_backend(kind: &str) -> Self {
        let mut cfg = GroupCommitConfig::default();
        if kind == "postgres" {
            cfg.regroup = 0.25;
        }
        cfg
    }
}

#[derive(Debug)]
struct Shared<B> {
    inner: B,
    cfg: GroupCommitConfig,
    queue: Mutex<Queue>,
    /// Wakes the worker.
    wake: Notify,
    /// Requests answered so far (in queue order, so also a watermark).
    done: watch::Sender<u64>,
    counters: Counters,
}

/// The group-commit layer over a backend `B` (see the module docs).
#[derive(Debug)]
pub struct GroupCommit<B> {
    shared: Arc<Shared<B>>,
    worker: Mutex<Option<tokio::task::JoinHandle<()>>>,
}

impl<B: WriteCore> GroupCommit<B> {
    /// The layer with the defaults for its backend
    /// ([`GroupCommitConfig::for_backend`]). Spawns its worker: call inside a
    /// Tokio runtime.
    pub fn new(inner: B) -> Self {
        let cfg = GroupCommitConfig::for_backend(inner.kind());
        Self::with_config(inner, cfg)
    }

    /// The layer with the given settings.
    pub fn with_config(inner: B, cfg: GroupCommitConfig) -> Self {
        let shared = Arc::new(Shared {
            inner,
            cfg,
            queue: Mutex::new(Queue::default()),
            wake: Notify::new(),
            done: watch::channel(0).0,
            counters: Counters::default(),
        });
        let worker = tokio::spawn(run(Arc::clone(&shared)));
        GroupCommit {
            shared,
            worker: Mutex::new(Some(worker)),
        }
    }

    /// What the layer did so far.
    pub fn stats(&self) -> CommitStats {
        let queued = self.shared.queue.lock().events as u64;
        self.shared.counters.snapshot(queued)
    }

    /// Waits until every append queued before this call is answered.
    async fn barrier(&self) {
        let target = self.shared.queue.lock().submitted;
        let mut rx = self.shared.done.subscribe();
        // The worker only stops after answering everything (or when the layer
        // is dropped, which cannot happen while `self` is borrowed).
        let _ = rx.wait_for(|done| *done >= target).await;
    }

    /// Queues a request (`events` of them) and wakes the worker.
    fn enqueue(&self, work: Work, events: usize) -> Result<()> {
        {
            let mut q = self.shared.queue.lock();
            if q.closed {
                return Err(Error::Unavailable {
                    what: "the store is closed",
                });
            }
            if q.events > 0 && q.events + events > self.shared.cfg.queue_events {
                Counters::add(&self.shared.counters.overloaded, 1);
                return Err(Error::Overloaded);
            }
            q.events += events;
            q.submitted += 1;
            q.items.push_back(Request {
                work,
                events,
                at: Instant::now(),
            });
        }
        self.shared.wake.notify_one();
        Ok(())
    }
}

impl<B> Drop for GroupCommit<B> {
    fn drop(&mut self) {
        // The worker commits what is queued, then stops.
        self.shared.queue.lock().closed = true;
        self.shared.wake.notify_one();
    }
}

/// The worker: one batch at a time, in queue order, until closed and drained.
async fn run<B: WriteCore>(s: Arc<Shared<B>>) {
    // The last batch: how many callers it answered, from when, after how long a
    // commit (for `regroup`), and whether callers come back at once.
    let mut last: Option<(usize, Instant, Duration)> = None;
    let mut returns = Returns::default();
    loop {
        let batch = loop {
            let (empty, closed) = {
                let q = s.queue.lock();
                (q.items.is_empty(), q.closed)
            };
            if !empty {
                if let (Some(last), false) = (last, closed) {
                    regroup(&s, last, &mut returns).await;
                }
                // The linger, unless the batch is full already (counted after
                // the regroup wait, which may have filled it).
                if !s.cfg.max_wait.is_zero()
                    && !closed
                    && s.queue.lock().events < s.cfg.max_batch_events
                {
                    tokio::time::sleep(s.cfg.max_wait).await;
                }
                break s.queue.lock().take(s.cfg.max_batch_events);
            }
            if closed {
                return;
            }
            // `last` is kept: when the first of its callers comes back to an
            // empty queue, the regroup wait for the others still applies (it
            // is bounded by a deadline from the last answer, so after an idle
            // spell it is no wait at all).
            s.wake.notified().await;
        };
        let n = batch.len();
        let started = Instant::now();
        let answered_from = commit(&s, batch).await;
        last = Some((n, answered_from, answered_from - started));
        s.done.send_modify(|d| *d += n as u64);
    }
}

/// Commits one batch and answers its callers; answers when the backend answered
/// (before the callers were told).
async fn commit<B: WriteCore>(s: &Shared<B>, batch: Vec<Request>) -> Instant {
    let started = Instant::now();
    let c = &s.counters;
    let mut events = 0;
    for r in &batch {
        Counters::add(&c.queue_wait_ns, nanos(started - r.at));
        events += r.events;
    }
    let ops: Vec<WriteOp<'_>> = batch.iter().flat_map(ops_of).collect();
    let upserts = ops.iter().any(|op| matches!(op, WriteOp::Upsert(_)));
    let res = if upserts {
        s.inner.write_batch(&ops).await
    } else {
        let parts: Vec<SessionAppend<'_>> = ops
            .iter()
            .filter_map(|op| match op {
                WriteOp::Append(p) => Some(*p),
                WriteOp::Upsert(_) => None,
            })
            .collect();
        s.inner
            .append_batch(&parts)
            .await
            .map(|r| r.into_iter().map(WriteOpResult::Append).collect())
    };
    let answered_from = Instant::now();
    let took = answered_from - started;
    let n_ops = ops.len();
    drop(ops);
    Counters::add(&c.batches, 1);
    Counters::add(&c.requests, batch.len() as u64);
    Counters::add(&c.events, events as u64);
    Counters::add(&c.commit_ns, nanos(took));
    c.batch_size.observe(events as f64);
    c.commit_latency.observe(took.as_secs_f64());
    match res {
        Ok(results) if results.len() == n_ops => {
            let mut results = results.into_iter();
            for r in batch {
                answer(r, &mut results);
            }
        }
        Ok(_) => {
            for r in batch {
                fail(
                    r,
                    Error::Unavailable {
                        what: "the backend answered a batch write with the wrong number of results",
                    },
                );
            }
        }
        Err(e) if batch.len() == 1 => {
            fail(batch.into_iter().next().expect("one request"), e);
        }
        Err(e)
            if e.is_unreachable()
                || matches!(
                    e,
                    Error::Overloaded | Error::Unavailable { .. } | Error::Spool { .. }
                ) =>
        {
            // Nothing was committed and no caller would do better alone.
            for r in batch {
                fail(r, e.duplicate());
            }
        }
        Err(e) => {
            tracing::debug!(error = %e, requests = batch.len(), "batch write failed; retrying each request alone");
            for r in batch {
                alone(s, r).await;
            }
        }
    }
    answered_from
}

/// The ops of one request, borrowing it.
fn ops_of(r: &Request) -> Vec<WriteOp<'_>> {
    match &r.work {
        Work::Append { parts, .. } => parts
            .iter()
            .map(|(id, ev)| {
                WriteOp::Append(SessionAppend {
                    session_id: id,
                    events: ev,
                })
            })
            .collect(),
        Work::Upsert { meta, .. } => vec![WriteOp::Upsert(meta)],
    }
}

/// Answers `r` with its share of the batch's results.
fn answer(r: Request, results: &mut impl Iterator<Item = WriteOpResult>) {
    match r.work {
        Work::Append { parts, tx } => {
            let mine: Result<Vec<_>> = results
                .by_ref()
                .take(parts.len())
                .map(|x| match x {
                    WriteOpResult::Append(a) => Ok(a),
                    WriteOpResult::Upsert(_) => Err(mismatch()),
                })
                .collect();
            let _ = tx.send(mine);
        }
        Work::Upsert { tx, .. } => {
            let _ = tx.send(match results.next() {
                Some(WriteOpResult::Upsert(u)) => u,
                _ => Err(mismatch()),
            });
        }
    }
}

fn mismatch() -> Error {
    Error::Unavailable {
        what: "the backend answered a batch write with results of the wrong kind",
    }
}

/// Fails `r` with `e`.
fn fail(r: Request, e: Error) {
    match r.work {
        Work::Append { tx, .. } => {
            let _ = tx.send(Err(e));
        }
        Work::Upsert { tx, .. } => {
            let _ = tx.send(Err(e));
        }
    }
}

/// Commits `r` on its own (after its batch failed) and answers it.
async fn alone<B: WriteCore>(s: &Shared<B>, r: Request) {
    match r.work {
        Work::Append { parts, tx } => {
            let appends: Vec<SessionAppend<'_>> = parts
                .iter()
                .map(|(id, ev)| SessionAppend {
                    session_id: id,
                    events: ev,
                })
                .collect();
            let res = s.inner.append_batch(&appends).await;
            drop(appends);
            let _ = tx.send(res);
        }
        Work::Upsert { meta, tx } => {
            let _ = tx.send(s.inner.upsert_session(&meta).await);
        }
    }
}

fn nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

impl<B> Layer for GroupCommit<B> {
    type Inner = B;
    fn inner(&self) -> &B {
        &self.shared.inner
    }
}

impl<B: WriteCore> WriteCore for GroupCommit<B> {
    fn kind(&self) -> &'static str {
        self.shared.inner.kind()
    }

    async fn upsert_session(&self, meta: &CleanSessionMeta) -> Result<UpsertResult> {
        if !self.shared.inner.batches_upserts() {
            return self.shared.inner.upsert_session(meta).await;
        }
        let (tx, rx) = oneshot::channel();
        let work = Work::Upsert {
            meta: Box::new(meta.clone()),
            tx,
        };
        self.enqueue(work, 1)?;
        rx.await.unwrap_or(Err(Error::Unavailable {
            what: "the group-commit worker stopped",
        }))
    }

    async fn stored_state(&self, session_id: &str) -> Result<StoredState> {
        self.shared.inner.stored_state(session_id).await
    }

    async fn withdraw(&self, session_id: &str, how: Withdrawal) -> Result<()> {
        self.barrier().await;
        self.shared.inner.withdraw(session_id, how).await
    }

    async fn append_batch(
        &self,
        batch: &[SessionAppend<'_>],
    ) -> Result<Vec<Result<Vec<AppendResult>>>> {
        if batch.is_empty() {
            return Ok(Vec::new());
        }
        let (tx, rx) = oneshot::channel();
        let work = Work::Append {
            parts: batch
                .iter()
                .map(|p| (p.session_id.to_owned(), p.events.to_vec()))
                .collect(),
            tx,
        };
        let events = batch.iter().map(|p| p.events.len()).sum();
        self.enqueue(work, events)?;
        rx.await.unwrap_or(Err(Error::Unavailable {
            what: "the group-commit worker stopped",
        }))
    }

    async fn health(&self) -> BackendHealth {
        self.shared.inner.health().await
    }

    fn commit_stats(&self) -> Option<CommitStats> {
        Some(self.stats())
    }

    fn spool_stats(&self) -> Option<crate::SpoolStats> {
        self.shared.inner.spool_stats()
    }

    async fn close(&self) {
        self.shared.queue.lock().closed = true;
        self.shared.wake.notify_one();
        let worker = self.worker.lock().take();
        if let Some(w) = worker {
            if let Err(e) = w.await {
                tracing::error!(error = %e, "group-commit worker failed");
            }
        }
        self.shared.inner.close().await;
    }
}

impl<B: Reads + WriteCore> Reads for GroupCommit<B> {
    crate::forward_reads!();
}

impl<B: Maintenance + WriteCore> Maintenance for GroupCommit<B> {
    async fn delete_session(&self, id: &str) -> Result<bool> {
        self.barrier().await;
        self.shared.inner.delete_session(id).await
    }

    async fn delete_event(&self, session_id: &str, kind: EventKind, seq: i64) -> Result<bool> {
        // After every queued write: the event to delete may be one of them.
        self.barrier().await;
        self.shared.inner.delete_event(session_id, kind, seq).await
    }

    async fn erase_user(&self, user_id: &str) -> Result<ErasedUser> {
        self.barrier().await;
        self.shared.inner.erase_user(user_id).await
    }

    async fn purge_before(
        &self,
        before: Timestamp,
        tombstones_before: Timestamp,
    ) -> Result<EraseCounts> {
        self.barrier().await;
        self.shared
            .inner
            .purge_before(before, tombstones_before)
            .await
    }
}
