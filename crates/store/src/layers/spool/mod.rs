//! [`Spool`]: never lose an acknowledged write when the primary is down.
//!
//! A fallback layer around any primary backend. While the primary answers, writes
//! go straight to it. When it fails with a connection-class error
//! ([`Error::is_unreachable`]), or does not answer
//! within [`SpoolConfig::primary_timeout`] (a frozen or hung server), the write,
//! and every write after it, goes to a
//! **durable local spool** (`file.rs`: a separate SQLite file, WAL,
//! `synchronous=FULL`) and is acknowledged only once committed there
//! ([`AppendResult::Spooled`] / [`UpsertResult::Spooled`], outcome `spooled`).
//!
//! - A background task (`replay.rs`) replays the spool to the primary once it
//!   answers again: oldest first (so per-session order holds), idempotent through
//!   the dedup keys, a row leaving the spool only after the primary committed it
//!   (a crash mid-replay writes nothing twice), paced by
//!   [`SpoolConfig::replay_pause`] so it does not starve live traffic.
//! - While the spool holds anything, every new write goes behind it: nothing
//!   overtakes. The layer switches back to the primary only when the spool is
//!   empty (under a lock that waits for in-flight spool writes).
//! - Withdrawal, deletion and erasure during an outage are spooled as
//!   tombstones; the spooled metas and events of the sessions concerned are
//!   deleted from the spool file at once (`secure_delete`, then a WAL
//!   checkpoint), so a replay never brings erased data back. Retention
//!   (`purge_before`) waits until the primary is back.
//! - The spool is bounded ([`SpoolConfig::max_bytes`], SQLite
//!   `max_page_count`): when full, or when its disk fails (EIO, read-only, a
//!   failed fsync), the write fails with [`Error::Spool`] and is never
//!   acknowledged; an I/O error marks the spool failed (an fsync is never retried).
//!   A disk fault marks the spool failed; the file is **reopened** on a fresh
//!   connection (SQLite recovery from disk, `quick_check`, a committed probe
//!   write) on the next write or replay round after a pause, never by retrying
//!   the fsync that failed (see `file.rs`). The start-up checks (room on the
//!   disk for [`SpoolConfig::max_bytes`], a torn or corrupt file repaired or
//!   moved aside) are in `open.rs`.
//! - During an outage `stored_state` answers from the spool (its latest spooled
//!   meta or tombstone), and the [`Reads`](crate::Reads) answer what the primary holds (when
//!   it answers) **followed by the session's spooled content**, or the spool
//!   alone when the primary is down (`reads.rs`); [`WriteCore::spool_stats`]
//!   says the store is degraded, so the HTTP layer can say so too.
//! - [`health`](WriteCore::health) reports the fallback state, the spool depth and
//!   the age of the oldest unsynced write; [`Spool::stats`] the counters.
//! - **In memory** ([`SpoolConfig::in_memory`]): the same layer over a private
//!   in-memory SQLite database, for the upstream README's "graceful fallback".
//!   **Lossy**: what it holds is lost on a crash or restart. Still bounded by
//!   `max_bytes`, still replayed in order; its writes answer
//!   [`AppendResult::Volatile`] / [`UpsertResult::Volatile`] (outcome
//!   `volatile`), never `spooled`.

mod config;
mod file;
mod list;
mod open;
mod reads;
mod replay;
mod state;
mod tombstones;

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering::Relaxed};
use std::sync::Arc;
use std::time::Duration;

use parking_lot::Mutex;
use tokio::sync::{Notify, RwLock};

pub use self::config::{SpoolConfig, DEFAULT_SPOOL_MAX_BYTES};
use self::file::{NewOp, OpKind, SpoolFile};
use self::state::Counters;
use self::tombstones::{decode_withdrawal, encode_withdrawal};
use crate::clean::codec;
use crate::{
    AppendResult, Backend, BackendHealth, CleanSessionMeta, Consent, Error, Layer, Result,
    SessionAppend, SpoolStats, StoredState, Timestamp, TombstoneReason, UpsertResult, Withdrawal,
    WriteCore, WriteOp, WriteOpResult, WriteRun,
};

#[derive(Debug)]
struct Shared<B> {
    inner: B,
    file: SpoolFile,
    cfg: SpoolConfig,
    counters: Counters,
    /// Writers hold it shared while they decide and write; replay holds it
    /// exclusively to switch back to the primary.
    route: RwLock<()>,
    /// Replay holds it exclusively while it moves rows from the spool to the
    /// primary; reads hold it shared, so they never see a row in both or in
    /// neither.
    view: RwLock<()>,
    wake: Notify,
    closed: AtomicBool,
}

/// The fallback spool layer over a primary `B` (see the module docs).
#[derive(Debug)]
pub struct Spool<B> {
    shared: Arc<Shared<B>>,
    worker: Mutex<Option<tokio::task::JoinHandle<()>>>,
}

fn now_ms() -> i64 {
    Timestamp::now().as_millis()
}

impl<B: Backend> Spool<B> {
    /// Opens the spool file (moving a corrupt one aside) and starts the replay
    /// task. A spool that holds writes at start (a crash during an outage) is
    /// replayed before any new write reaches the primary. Call inside a Tokio
    /// runtime.
    pub async fn open(inner: B, cfg: SpoolConfig) -> Result<Self> {
        let path = (!cfg.in_memory).then_some(cfg.path.as_path());
        let file = SpoolFile::open(path, cfg.max_bytes).await?;
        let counters = Counters::new(cfg.in_memory);
        let (depth, oldest) = file.depth().await?;
        counters.observe(depth, oldest, file.size_bytes().await.ok(), false);
        if depth > 0 {
            counters.enter_degraded();
        }
        let shared = Arc::new(Shared {
            inner,
            file,
            cfg,
            counters,
            route: RwLock::new(()),
            view: RwLock::new(()),
            wake: Notify::new(),
            closed: AtomicBool::new(false),
        });
        let worker = tokio::spawn(replay::run(Arc::clone(&shared)));
        Ok(Spool {
            shared,
            worker: Mutex::new(Some(worker)),
        })
    }

    /// The spool file's path (`None` for the in-memory spool).
    pub fn path(&self) -> Option<&Path> {
        self.shared.file.path()
    }

    /// What the layer did and holds (looked up now).
    pub async fn stats(&self) -> SpoolStats {
        self.refresh().await;
        self.shared.counters.snapshot(now_ms())
    }

    /// Looks at what the spool holds now (for the cached figures).
    async fn refresh(&self) -> (u64, Option<i64>) {
        let f = &self.shared.file;
        let (depth, oldest) = f.depth().await.unwrap_or((0, None));
        let bytes = f.size_bytes().await.ok();
        self.shared
            .counters
            .observe(depth, oldest, bytes, f.is_failed());
        (depth, oldest)
    }

    /// Whether writes go to the spool (the primary is down, or the spool still
    /// holds writes).
    fn degraded(&self) -> bool {
        self.shared.counters.is_degraded()
    }

    /// Waits until the spool is empty and writes go to the primary again (for
    /// tests and a graceful shutdown). Returns at once when not degraded.
    pub async fn wait_replayed(&self) {
        while self.shared.counters.is_degraded() {
            self.shared.wake.notify_one();
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// The primary's answer, or an unreachable error when it does not come
    /// within [`SpoolConfig::primary_timeout`]. A call cut short may still
    /// commit: the write is spooled as well, and its replay is a no-op (dedup
    /// keys; the session row lock orders it after the late commit).
    async fn primary<T>(
        &self,
        op: &'static str,
        call: impl std::future::Future<Output = Result<T>>,
    ) -> Result<T> {
        match tokio::time::timeout(self.shared.cfg.primary_timeout, call).await {
            Ok(r) => r,
            Err(elapsed) => Err(Error::Backend {
                op,
                retryable: true,
                source: Box::new(elapsed),
            }),
        }
    }

    fn degrade(&self) {
        self.shared.counters.enter_degraded();
        self.shared.wake.notify_one();
    }

    async fn push(&self, ops: &[NewOp<'_>]) -> Result<Vec<bool>> {
        let r = self.shared.file.push(ops, now_ms()).await;
        let c = &self.shared.counters;
        match &r {
            Ok(_) => Counters::add(&c.spooled, ops.len() as u64),
            Err(_) => Counters::add(&c.rejected, ops.len() as u64),
        }
        r
    }

    /// Writes a session upsert to the spool (refused when the spool holds the
    /// session's tombstone, unless it is a re-consent).
    async fn spool_upsert(&self, meta: &CleanSessionMeta) -> Result<UpsertResult> {
        if let Some(StoredState::Tombstoned(r)) = self.spooled_state(meta.session_id()).await? {
            if !meta.is_reconsent() {
                return Ok(UpsertResult::Refused(StoredState::Tombstoned(r)));
            }
        }
        let op = NewOp {
            kind: OpKind::Meta,
            session_id: meta.session_id(),
            dedup_key: None,
            user_id: meta.user_id(),
            consent: Some(meta.consent().as_str()),
            body: codec::encode_meta(meta),
        };
        self.push(std::slice::from_ref(&op)).await?;
        Ok(if self.shared.cfg.in_memory {
            UpsertResult::Volatile
        } else {
            UpsertResult::Spooled
        })
    }

    /// Writes the ops to the spool, in order: consecutive appends in one push.
    async fn spool_ops(&self, ops: &[WriteOp<'_>]) -> Vec<WriteOpResult> {
        let mut out = Vec::with_capacity(ops.len());
        for run in WriteOp::runs(ops) {
            match run {
                WriteRun::Upsert(m) => out.push(WriteOpResult::Upsert(self.spool_upsert(m).await)),
                WriteRun::Appends(parts) => match self.spool_events(&parts).await {
                    Ok(r) => out.extend(r.into_iter().map(WriteOpResult::Append)),
                    Err(e) => out.extend(
                        parts
                            .iter()
                            .map(|_| WriteOpResult::Append(Err(e.duplicate()))),
                    ),
                },
            }
        }
        out
    }

    /// Writes the events of the sessions to the spool, in one transaction.
    async fn spool_events(
        &self,
        batch: &[SessionAppend<'_>],
    ) -> Result<Vec<Result<Vec<AppendResult>>>> {
        let bodies: Vec<Vec<u8>> = batch
            .iter()
            .flat_map(|p| p.events.iter().map(codec::encode_event))
            .collect();
        let mut bodies = bodies.into_iter();
        let ops: Vec<NewOp<'_>> = batch
            .iter()
            .flat_map(|p| p.events.iter().map(move |e| (p.session_id, e)))
            .map(|(id, e)| NewOp {
                kind: OpKind::Event,
                session_id: id,
                dedup_key: Some(e.dedup_key()),
                user_id: None,
                consent: None,
                body: bodies.next().expect("one body per event"),
            })
            .collect();
        let fresh = self.push(&ops).await?;
        let mut fresh = fresh.into_iter();
        Ok(batch
            .iter()
            .map(|p| {
                Ok(fresh
                    .by_ref()
                    .take(p.events.len())
                    .map(|new| match (new, self.shared.cfg.in_memory) {
                        (false, _) => AppendResult::Duplicate,
                        (true, false) => AppendResult::Spooled,
                        (true, true) => AppendResult::Volatile,
                    })
                    .collect())
            })
            .collect())
    }

    /// The session's state as the spool knows it (its latest meta or tombstone).
    async fn spooled_state(&self, session_id: &str) -> Result<Option<StoredState>> {
        Ok(match self.shared.file.latest_state(session_id).await? {
            None => None,
            Some((OpKind::Meta, consent, _)) => consent
                .as_deref()
                .and_then(Consent::parse)
                .map(StoredState::Live),
            Some((OpKind::Withdraw, _, body)) => Some(match decode_withdrawal(&body) {
                Some(w) => StoredState::Tombstoned(w.reason),
                None => StoredState::Tombstoned(TombstoneReason::Withdrawn),
            }),
            Some(_) => Some(StoredState::Tombstoned(TombstoneReason::Deleted)),
        })
    }

    /// Spools a tombstone-like operation and erases the sessions' spooled content.
    async fn spool_tombstone(&self, op: NewOp<'_>, erase: &[String]) -> Result<()> {
        self.push(std::slice::from_ref(&op)).await?;
        if !erase.is_empty() {
            self.shared.file.erase_sessions(erase).await?;
        }
        Ok(())
    }
}

impl<B> Drop for Spool<B> {
    fn drop(&mut self) {
        self.shared.closed.store(true, Relaxed);
        self.shared.wake.notify_one();
    }
}

impl<B> Layer for Spool<B> {
    type Inner = B;
    fn inner(&self) -> &B {
        &self.shared.inner
    }
}

impl<B: Backend> WriteCore for Spool<B> {
    fn kind(&self) -> &'static str {
        self.shared.inner.kind()
    }

    async fn upsert_session(&self, meta: &CleanSessionMeta) -> Result<UpsertResult> {
        let _route = self.shared.route.read().await;
        if !self.shared.counters.is_degraded() {
            match self
                .primary("upsert", self.shared.inner.upsert_session(meta))
                .await
            {
                Err(e) if e.is_unreachable() => self.degrade(),
                other => return other,
            }
        }
        self.spool_upsert(meta).await
    }

    async fn stored_state(&self, session_id: &str) -> Result<StoredState> {
        if !self.shared.counters.is_degraded() {
            match self
                .primary("stored_state", self.shared.inner.stored_state(session_id))
                .await
            {
                Err(e) if e.is_unreachable() => {
                    self.degrade();
                    return match self.spooled_state(session_id).await? {
                        Some(s) => Ok(s),
                        None => Err(e),
                    };
                }
                other => return other,
            }
        }
        match self.spooled_state(session_id).await? {
            Some(s) => Ok(s),
            None => {
                self.primary("stored_state", self.shared.inner.stored_state(session_id))
                    .await
            }
        }
    }

    async fn withdraw(&self, session_id: &str, how: Withdrawal) -> Result<()> {
        let _route = self.shared.route.read().await;
        if !self.shared.counters.is_degraded() {
            match self.shared.inner.withdraw(session_id, how).await {
                Err(e) if e.is_unreachable() => self.degrade(),
                other => return other,
            }
        }
        let op = NewOp {
            kind: OpKind::Withdraw,
            session_id,
            dedup_key: None,
            user_id: None,
            consent: None,
            body: encode_withdrawal(how),
        };
        let erase = if how.erase {
            vec![session_id.to_owned()]
        } else {
            Vec::new()
        };
        self.spool_tombstone(op, &erase).await
    }

    async fn append_batch(
        &self,
        batch: &[SessionAppend<'_>],
    ) -> Result<Vec<Result<Vec<AppendResult>>>> {
        if batch.is_empty() {
            return Ok(Vec::new());
        }
        let _route = self.shared.route.read().await;
        if !self.shared.counters.is_degraded() {
            match self
                .primary("append", self.shared.inner.append_batch(batch))
                .await
            {
                Err(e) if e.is_unreachable() => self.degrade(),
                Ok(mut results) => {
                    // A session whose part failed on the connection goes to the
                    // spool (its part was rolled back); so does every write after.
                    let lost: Vec<usize> = (0..results.len().min(batch.len()))
                        .filter(|&i| matches!(&results[i], Err(e) if e.is_unreachable()))
                        .collect();
                    if lost.is_empty() {
                        return Ok(results);
                    }
                    self.degrade();
                    let again: Vec<SessionAppend<'_>> = lost.iter().map(|&i| batch[i]).collect();
                    let spooled = self.spool_events(&again).await;
                    match spooled {
                        Ok(parts) => {
                            for (i, r) in lost.into_iter().zip(parts) {
                                results[i] = r;
                            }
                        }
                        Err(e) => {
                            for i in lost {
                                results[i] = Err(e.duplicate());
                            }
                        }
                    }
                    return Ok(results);
                }
                other => return other,
            }
        }
        self.spool_events(batch).await
    }

    async fn write_batch(&self, ops: &[WriteOp<'_>]) -> Result<Vec<WriteOpResult>> {
        let _route = self.shared.route.read().await;
        if !self.shared.counters.is_degraded() {
            match self
                .primary("write", self.shared.inner.write_batch(ops))
                .await
            {
                Err(e) if e.is_unreachable() => self.degrade(),
                Ok(mut results) => {
                    // An op that failed on the connection goes to the spool (it
                    // was rolled back); so does every write after.
                    let lost: Vec<usize> = (0..results.len().min(ops.len()))
                        .filter(|&i| match &results[i] {
                            WriteOpResult::Upsert(Err(e)) | WriteOpResult::Append(Err(e)) => {
                                e.is_unreachable()
                            }
                            _ => false,
                        })
                        .collect();
                    if lost.is_empty() {
                        return Ok(results);
                    }
                    self.degrade();
                    let again: Vec<WriteOp<'_>> = lost.iter().map(|&i| ops[i]).collect();
                    for (i, r) in lost.into_iter().zip(self.spool_ops(&again).await) {
                        results[i] = r;
                    }
                    return Ok(results);
                }
                other => return other,
            }
        }
        Ok(self.spool_ops(ops).await)
    }

    fn batches_upserts(&self) -> bool {
        self.shared.inner.batches_upserts()
    }

    async fn health(&self) -> BackendHealth {
        let mut h = self.shared.inner.health().await;
        let (depth, oldest) = self.refresh().await;
        h.fallback_active = self.shared.counters.is_degraded();
        h.spool_depth = depth;
        h.oldest_unsynced_ms = oldest.map(|t| (now_ms() - t).max(0) as u64);
        if self.shared.file.is_failed() {
            h.detail =
                Some("spool failed (disk error); reopened once the disk takes writes".to_owned());
        } else if self.shared.cfg.in_memory && h.fallback_active {
            h.detail = Some(
                "lossy in-memory fallback active: writes are lost if the service stops".to_owned(),
            );
        }
        h
    }

    fn spool_stats(&self) -> Option<SpoolStats> {
        Some(self.shared.counters.snapshot(now_ms()))
    }

    fn commit_stats(&self) -> Option<crate::layers::group_commit::CommitStats> {
        self.shared.inner.commit_stats()
    }

    async fn close(&self) {
        self.shared.closed.store(true, Relaxed);
        self.shared.wake.notify_one();
        let worker = self.worker.lock().take();
        if let Some(w) = worker {
            if let Err(e) = w.await {
                tracing::error!(error = %e, "spool replay task failed");
            }
        }
        self.shared.file.close().await;
        self.shared.inner.close().await;
    }
}
