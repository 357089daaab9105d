//! [`Spool`]: never lose an acknowledged write when the primary is down.
//!
//! A fallback layer around any primary backend. While the primary answers, writes
//! go straight to it. When it fails with a connection-class error
//! ([`Error::is_unreachable`]), or does not answer within
//! [`SpoolConfig::primary_timeout`] (a frozen or hung server), the write, and
//! every write after it, goes to a
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
//! - During an outage `stored_state` answers from the spool (its latest spooled
//!   meta or tombstone); reads are forwarded to the primary (they fail while it
//!   is down: merging spooled content into reads is not done yet).
//! - [`health`](WriteCore::health) reports the fallback state, the spool depth and
//!   the age of the oldest unsynced write; [`Spool::stats`] the counters.

mod file;
mod replay;
mod state;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering::Relaxed};
use std::sync::Arc;
use std::time::Duration;

use parking_lot::Mutex;
use tokio::sync::{Notify, RwLock};

pub use state::SpoolStats;

use self::file::{NewOp, OpKind, SpoolFile};
use self::state::Counters;
use crate::clean::codec;
use crate::{
    AppendResult, Backend, BackendHealth, CleanSessionMeta, Consent, EraseCounts, ErasedUser,
    Error, EventKind, Layer, Maintenance, Reads, Result, SessionAppend, StoredState, Timestamp,
    TombstoneReason, UpsertResult, Withdrawal, WriteCore,
};

/// Default bound of the spool file: 1 GiB.
pub const DEFAULT_SPOOL_MAX_BYTES: u64 = 1 << 30;

/// Settings of a [`Spool`] layer.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SpoolConfig {
    /// The spool file (created mode 0600 when missing).
    pub path: PathBuf,
    /// Most bytes the spool file may hold (default 1 GiB).
    pub max_bytes: u64,
    /// Operations replayed per round (default 512).
    pub replay_batch: usize,
    /// Pause between replay rounds, so replay leaves room for live traffic
    /// (default 2 ms).
    pub replay_pause: Duration,
    /// How often replay tries an unreachable primary again (default 250 ms).
    pub retry_every: Duration,
    /// Longest wait for the primary's answer to a live write, upsert or state
    /// look-up (default 5 s). A primary that does not answer (frozen, hung, a
    /// half-open connection) counts as unreachable: the write is spooled.
    pub primary_timeout: Duration,
}

impl SpoolConfig {
    /// Defaults, with the spool at `path`.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        SpoolConfig {
            path: path.into(),
            max_bytes: DEFAULT_SPOOL_MAX_BYTES,
            replay_batch: 512,
            replay_pause: Duration::from_millis(2),
            retry_every: Duration::from_millis(250),
            primary_timeout: Duration::from_secs(5),
        }
    }

    /// With another bound.
    pub fn max_bytes(mut self, n: u64) -> Self {
        self.max_bytes = n;
        self
    }

    /// With another retry interval.
    pub fn retry_every(mut self, d: Duration) -> Self {
        self.retry_every = d;
        self
    }

    /// With another bound on the primary's answer.
    pub fn primary_timeout(mut self, d: Duration) -> Self {
        self.primary_timeout = d;
        self
    }
}

#[derive(Debug)]
struct Shared<B> {
    inner: B,
    file: SpoolFile,
    cfg: SpoolConfig,
    counters: Counters,
    /// Writers hold it shared while they decide and write; replay holds it
    /// exclusively to switch back to the primary.
    route: RwLock<()>,
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

fn encode_withdrawal(w: Withdrawal) -> Vec<u8> {
    format!(
        "{}|{}|{}",
        u8::from(w.erase),
        w.reason.as_str(),
        u8::from(w.remove_orphan_user)
    )
    .into_bytes()
}

fn decode_withdrawal(b: &[u8]) -> Option<Withdrawal> {
    let s = std::str::from_utf8(b).ok()?;
    let mut it = s.split('|');
    let erase = it.next()? == "1";
    let reason = TombstoneReason::parse(it.next()?)?;
    let remove_orphan_user = it.next()? == "1";
    Some(Withdrawal {
        erase,
        reason,
        remove_orphan_user,
    })
}

impl<B: Backend> Spool<B> {
    /// Opens the spool file (moving a corrupt one aside) and starts the replay
    /// task. A spool that holds writes at start (a crash during an outage) is
    /// replayed before any new write reaches the primary. Call inside a Tokio
    /// runtime.
    pub async fn open(inner: B, cfg: SpoolConfig) -> Result<Self> {
        let file = SpoolFile::open(&cfg.path, cfg.max_bytes).await?;
        let counters = Counters::default();
        if file.depth().await?.0 > 0 {
            counters.enter_degraded();
        }
        let shared = Arc::new(Shared {
            inner,
            file,
            cfg,
            counters,
            route: RwLock::new(()),
            wake: Notify::new(),
            closed: AtomicBool::new(false),
        });
        let worker = tokio::spawn(replay::run(Arc::clone(&shared)));
        Ok(Spool {
            shared,
            worker: Mutex::new(Some(worker)),
        })
    }

    /// The spool file's path.
    pub fn path(&self) -> &std::path::Path {
        self.shared.file.path()
    }

    /// What the layer did and holds.
    pub async fn stats(&self) -> SpoolStats {
        let f = &self.shared.file;
        let depth = f.depth().await.map(|d| d.0).unwrap_or(0);
        let bytes = f.size_bytes().await.unwrap_or(0);
        self.shared.counters.snapshot(depth, bytes, f.is_failed())
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
                    .map(|new| {
                        if new {
                            AppendResult::Spooled
                        } else {
                            AppendResult::Duplicate
                        }
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
        Ok(UpsertResult::Spooled)
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

    async fn health(&self) -> BackendHealth {
        let mut h = self.shared.inner.health().await;
        let f = &self.shared.file;
        let (depth, oldest) = f.depth().await.unwrap_or((0, None));
        h.fallback_active = self.shared.counters.is_degraded();
        h.spool_depth = depth;
        h.oldest_unsynced_ms = oldest.map(|t| (now_ms() - t).max(0) as u64);
        if f.is_failed() {
            h.detail = Some("spool failed (disk error)".to_owned());
        }
        h
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

impl<B: Backend> Reads for Spool<B> {
    crate::forward_reads!();
}

impl<B: Backend> Maintenance for Spool<B> {
    async fn delete_session(&self, id: &str) -> Result<bool> {
        let _route = self.shared.route.read().await;
        if !self.shared.counters.is_degraded() {
            match self.shared.inner.delete_session(id).await {
                Err(e) if e.is_unreachable() => self.degrade(),
                other => return other,
            }
        }
        let op = NewOp {
            kind: OpKind::Delete,
            session_id: id,
            dedup_key: None,
            user_id: None,
            consent: None,
            body: Vec::new(),
        };
        self.spool_tombstone(op, &[id.to_owned()]).await?;
        // The deletion is spooled and will be applied: report it done.
        Ok(true)
    }

    async fn delete_event(&self, session_id: &str, kind: EventKind, seq: i64) -> Result<bool> {
        // An event is named by the `seq` the primary gave it, so its deletion
        // needs the primary: while degraded (or when it fails to reach it) the
        // caller is told to retry later; nothing is half-done.
        let _route = self.shared.route.read().await;
        if self.shared.counters.is_degraded() {
            return Err(Error::Unavailable {
                what: "deleting one event needs the primary database, which is unreachable",
            });
        }
        match self.shared.inner.delete_event(session_id, kind, seq).await {
            Err(e) if e.is_unreachable() => {
                self.degrade();
                Err(Error::Unavailable {
                    what: "deleting one event needs the primary database, which is unreachable",
                })
            }
            other => other,
        }
    }

    async fn erase_user(&self, user_id: &str) -> Result<ErasedUser> {
        let _route = self.shared.route.read().await;
        if !self.shared.counters.is_degraded() {
            match self.shared.inner.erase_user(user_id).await {
                Err(e) if e.is_unreachable() => self.degrade(),
                other => return other,
            }
        }
        let sessions = self.shared.file.sessions_of_user(user_id).await?;
        let op = NewOp {
            kind: OpKind::EraseUser,
            session_id: "",
            dedup_key: None,
            user_id: Some(user_id),
            consent: None,
            body: Vec::new(),
        };
        self.spool_tombstone(op, &sessions).await?;
        Ok(ErasedUser {
            counts: EraseCounts::default(),
            session_ids: sessions,
        })
    }

    async fn purge_before(
        &self,
        before: Timestamp,
        tombstones_before: Timestamp,
    ) -> Result<EraseCounts> {
        if self.shared.counters.is_degraded() {
            return Err(Error::Unavailable {
                what: "retention waits until the primary is back and the spool is replayed",
            });
        }
        self.shared
            .inner
            .purge_before(before, tombstones_before)
            .await
    }
}
