//! The spool file: a separate SQLite database (WAL, `synchronous=FULL`, so a
//! commit returns only after `fsync`), bounded with `max_page_count`, with
//! `secure_delete` so erased content is overwritten, and a WAL checkpoint after
//! every erasure. Opening, the start-up checks and the repair of a torn or
//! corrupt file are in `open.rs`.
//!
//! **A disk fault** (I/O error, a failed fsync, a read-only remount, a corrupt
//! page) marks the spool *failed*: the write in progress is refused (never
//! acknowledged) and the connection that saw the fault is never asked to sync
//! again (a retried fsync can report success for data the kernel already
//! dropped). After [`SpoolFile::REOPEN_AFTER`] the next operation *reopens* the
//! file on a fresh connection: SQLite's recovery rebuilds its view from what is
//! on disk (committed, fsynced transactions; a transaction whose sync failed was
//! never acknowledged, and whether it survives does not matter: a retry of it is
//! a duplicate), checks it (`quick_check`) and commits a probe row. Only if all
//! of that succeeds does the spool take writes again; otherwise it stays failed
//! and tries again after the pause. A file spool only: the in-memory spool has
//! nothing on disk to recover from.
//!
//! One row per operation, in arrival order (`seq`): session metas, events,
//! withdrawals, deletions and erasures. Bodies are the crate-private codec's bytes.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use parking_lot::{Mutex, RwLock};
use sqlx::sqlite::SqlitePool;
use sqlx::Row;

use super::open::{self, Medium};
use crate::{Error, Result};

/// What a corrupt spool file is called in errors.
pub(crate) const CORRUPT: &str = "the spool file is corrupt; the spool is failed";

/// One operation to spool.
#[derive(Debug, Clone)]
pub(crate) struct NewOp<'a> {
    pub kind: OpKind,
    pub session_id: &'a str,
    pub dedup_key: Option<&'a str>,
    pub user_id: Option<&'a str>,
    pub consent: Option<&'static str>,
    pub body: Vec<u8>,
}

/// What a spooled row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OpKind {
    Meta,
    Event,
    Withdraw,
    Delete,
    EraseUser,
}

impl OpKind {
    const fn as_str(self) -> &'static str {
        match self {
            OpKind::Meta => "meta",
            OpKind::Event => "event",
            OpKind::Withdraw => "withdraw",
            OpKind::Delete => "delete",
            OpKind::EraseUser => "erase_user",
        }
    }
    fn parse(s: &str) -> Option<Self> {
        [
            OpKind::Meta,
            OpKind::Event,
            OpKind::Withdraw,
            OpKind::Delete,
            OpKind::EraseUser,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// A spooled row read back for replay.
#[derive(Debug, Clone)]
pub(crate) struct StoredOp {
    pub seq: i64,
    pub kind: OpKind,
    pub session_id: String,
    pub user_id: Option<String>,
    pub body: Vec<u8>,
    /// When it was spooled (unix ms).
    pub at_ms: i64,
}

const SELECT_OPS: &str = "SELECT seq, kind, session_id, user_id, body, at_ms FROM ops";

fn stored_op(r: sqlx::sqlite::SqliteRow) -> Result<StoredOp> {
    let kind: String = r.get(1);
    Ok(StoredOp {
        seq: r.get(0),
        kind: OpKind::parse(&kind).ok_or_else(|| Error::Spool {
            what: "the spool holds a row of an unknown kind",
            source: "unknown op kind".into(),
        })?,
        session_id: r.get(2),
        user_id: r.get(3),
        body: r.get(4),
        at_ms: r.get(5),
    })
}

/// The open spool file.
#[derive(Debug)]
pub(crate) struct SpoolFile {
    /// Replaced as a whole when the file is reopened after a fault.
    pool: RwLock<SqlitePool>,
    /// `None`: in memory.
    path: Option<PathBuf>,
    max_bytes: u64,
    /// Set by a failed write of the file's own (I/O error, failed fsync): the
    /// spool takes nothing more until it is reopened (an fsync is never retried).
    failed: AtomicBool,
    /// When it failed (for the pause before reopening).
    failed_at: Mutex<Option<Instant>>,
    /// One reopening at a time.
    reopening: tokio::sync::Mutex<()>,
}

/// Maps an error of the spool file to a content-free [`Error::Spool`], marking
/// the spool failed on I/O errors (SQLite `SQLITE_IOERR*`, `SQLITE_READONLY*`,
/// `SQLITE_CORRUPT`).
pub(crate) fn classify(e: sqlx::Error) -> (bool, Error) {
    let code = match &e {
        sqlx::Error::Database(d) => d.code().map(|c| c.into_owned()).unwrap_or_default(),
        _ => String::new(),
    };
    let primary = code.parse::<i64>().map(|c| c & 0xff).unwrap_or(-1);
    let (fatal, what) = match primary {
        13 => (
            false,
            "the spool is full (its --spool-max-bytes bound, or its disk)",
        ),
        10 => (
            true,
            "the spool's disk failed (I/O error); the spool is failed",
        ),
        8 => (true, "the spool's disk is read-only; the spool is failed"),
        11 | 26 => (true, CORRUPT),
        _ => (false, "the spool file could not be written"),
    };
    let source: Box<dyn std::error::Error + Send + Sync> = match &e {
        sqlx::Error::Database(d) => format!("sqlite error {code}: {}", d.message()).into(),
        _ => Box::new(e),
    };
    (fatal, Error::Spool { what, source })
}

impl SpoolFile {
    /// How long a failed spool waits before it is reopened.
    pub(crate) const REOPEN_AFTER: Duration = Duration::from_millis(1000);

    /// Opens (or creates, mode 0600) the spool at `path` (`None`: in memory),
    /// bounded to `max_bytes`.
    pub(crate) async fn open(path: Option<&Path>, max_bytes: u64) -> Result<Self> {
        let medium = path.map_or(Medium::Memory, Medium::File);
        let pool = open::open(medium, max_bytes).await?;
        Ok(SpoolFile {
            pool: RwLock::new(pool),
            path: path.map(Path::to_owned),
            max_bytes,
            failed: AtomicBool::new(false),
            failed_at: Mutex::new(None),
            reopening: tokio::sync::Mutex::new(()),
        })
    }

    /// The file's path (`None` in memory).
    pub(crate) fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn pool(&self) -> SqlitePool {
        self.pool.read().clone()
    }

    /// Whether a disk fault failed the spool.
    pub(crate) fn is_failed(&self) -> bool {
        self.failed.load(Ordering::Relaxed)
    }

    fn fail(&self, e: sqlx::Error) -> Error {
        let (fatal, err) = classify(e);
        if fatal {
            *self.failed_at.lock() = Some(Instant::now());
            if !self.failed.swap(true, Ordering::Relaxed) {
                tracing::error!(error = %err, "spool failed: it takes no more writes until it is reopened");
            }
        }
        err
    }

    /// Ready for a write: not failed, or reopened after the pause.
    async fn check(&self) -> Result<()> {
        if !self.is_failed() {
            return Ok(());
        }
        let refused = || Error::Spool {
            what: "the spool failed (disk error); it is reopened once the disk takes writes again",
            source: "spool marked failed".into(),
        };
        let Some(path) = self.path.as_deref() else {
            return Err(refused());
        };
        let since = self.failed_at.lock().map_or(Duration::MAX, |t| t.elapsed());
        if since < Self::REOPEN_AFTER {
            return Err(refused());
        }
        let _one = self.reopening.lock().await;
        if !self.is_failed() {
            return Ok(());
        }
        match self.reopen(path).await {
            Ok(()) => {
                self.failed.store(false, Ordering::Relaxed);
                tracing::warn!("spool reopened after a disk fault: it takes writes again");
                Ok(())
            }
            Err(e) => {
                *self.failed_at.lock() = Some(Instant::now());
                tracing::warn!(error = %e, "the failed spool could not be reopened yet");
                Err(refused())
            }
        }
    }

    /// A fresh connection (SQLite recovery from what is on disk), checked and
    /// probed with a committed write, replaces the one that saw the fault.
    async fn reopen(&self, path: &Path) -> Result<()> {
        let fresh = open::connect(Medium::File(path), self.max_bytes).await?;
        if let Err(e) = open::probe(&fresh, crate::Timestamp::now().as_millis()).await {
            fresh.close().await;
            return Err(e);
        }
        let old = std::mem::replace(&mut *self.pool.write(), fresh);
        old.close().await;
        Ok(())
    }

    /// Appends operations in one transaction (one fsync). Returns, per op,
    /// whether it was new (`false`: an event whose dedup key is already spooled).
    pub(crate) async fn push(&self, ops: &[NewOp<'_>], at_ms: i64) -> Result<Vec<bool>> {
        self.check().await?;
        let mut tx = self.pool().begin().await.map_err(|e| self.fail(e))?;
        let mut out = Vec::with_capacity(ops.len());
        for op in ops {
            let r = sqlx::query(
                "INSERT OR IGNORE INTO ops (kind, session_id, dedup_key, user_id, consent, body, at_ms) \
                 VALUES (?, ?, ?, ?, ?, ?, ?)",
            )
            .bind(op.kind.as_str())
            .bind(op.session_id)
            .bind(op.dedup_key)
            .bind(op.user_id)
            .bind(op.consent)
            .bind(&op.body)
            .bind(at_ms)
            .execute(&mut *tx)
            .await
            .map_err(|e| self.fail(e))?;
            out.push(r.rows_affected() == 1);
        }
        tx.commit().await.map_err(|e| self.fail(e))?;
        Ok(out)
    }

    /// The oldest `limit` operations, in order.
    pub(crate) async fn oldest(&self, limit: i64) -> Result<Vec<StoredOp>> {
        self.check().await?;
        let rows = sqlx::query(&format!("{SELECT_OPS} ORDER BY seq LIMIT ?"))
            .bind(limit)
            .fetch_all(&self.pool())
            .await
            .map_err(|e| self.fail(e))?;
        rows.into_iter().map(stored_op).collect()
    }

    /// Every spooled operation of one session, in order (for reads).
    pub(crate) async fn session_ops(&self, session_id: &str) -> Result<Vec<StoredOp>> {
        let rows = sqlx::query(&format!("{SELECT_OPS} WHERE session_id = ? ORDER BY seq"))
            .bind(session_id)
            .fetch_all(&self.pool())
            .await
            .map_err(|e| self.fail(e))?;
        rows.into_iter().map(stored_op).collect()
    }

    /// Every spooled meta and tombstone-like operation, in order (for lists).
    pub(crate) async fn state_ops(&self) -> Result<Vec<StoredOp>> {
        let rows = sqlx::query(&format!("{SELECT_OPS} WHERE kind <> 'event' ORDER BY seq"))
            .fetch_all(&self.pool())
            .await
            .map_err(|e| self.fail(e))?;
        rows.into_iter().map(stored_op).collect()
    }

    /// Removes replayed rows (after the primary committed them).
    pub(crate) async fn remove(&self, seqs: &[i64]) -> Result<()> {
        if seqs.is_empty() {
            return Ok(());
        }
        self.check().await?;
        let mut tx = self.pool().begin().await.map_err(|e| self.fail(e))?;
        for s in seqs {
            sqlx::query("DELETE FROM ops WHERE seq = ?")
                .bind(s)
                .execute(&mut *tx)
                .await
                .map_err(|e| self.fail(e))?;
        }
        tx.commit().await.map_err(|e| self.fail(e))
    }

    /// Moves rows the primary refused for good (not a connection problem) to
    /// the `failed` table, so replay goes on and nothing is silently dropped.
    pub(crate) async fn quarantine(&self, seqs: &[i64]) -> Result<()> {
        self.check().await?;
        let mut tx = self.pool().begin().await.map_err(|e| self.fail(e))?;
        for s in seqs {
            sqlx::query(
                "INSERT OR REPLACE INTO failed (seq, kind, session_id, body, at_ms) \
                 SELECT seq, kind, session_id, body, at_ms FROM ops WHERE seq = ?",
            )
            .bind(s)
            .execute(&mut *tx)
            .await
            .map_err(|e| self.fail(e))?;
            sqlx::query("DELETE FROM ops WHERE seq = ?")
                .bind(s)
                .execute(&mut *tx)
                .await
                .map_err(|e| self.fail(e))?;
        }
        tx.commit().await.map_err(|e| self.fail(e))
    }

    /// Deletes the spooled metas and events of the sessions (their content is
    /// to be erased; their tombstone rows stay, to reach the primary), then
    /// checkpoints the WAL so the overwritten pages leave the log too.
    pub(crate) async fn erase_sessions(&self, ids: &[String]) -> Result<()> {
        self.check().await?;
        let mut tx = self.pool().begin().await.map_err(|e| self.fail(e))?;
        for id in ids {
            for table in ["ops", "failed"] {
                sqlx::query(&format!(
                    "DELETE FROM {table} WHERE session_id = ? AND kind IN ('meta', 'event')"
                ))
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(|e| self.fail(e))?;
            }
        }
        tx.commit().await.map_err(|e| self.fail(e))?;
        self.checkpoint().await
    }

    /// The sessions whose spooled metas name this user.
    pub(crate) async fn sessions_of_user(&self, user_id: &str) -> Result<Vec<String>> {
        sqlx::query_scalar(
            "SELECT DISTINCT session_id FROM ops WHERE kind = 'meta' AND user_id = ? ORDER BY 1",
        )
        .bind(user_id)
        .fetch_all(&self.pool())
        .await
        .map_err(|e| self.fail(e))
    }

    /// The latest spooled meta or tombstone of a session: (kind, consent, body).
    pub(crate) async fn latest_state(
        &self,
        session_id: &str,
    ) -> Result<Option<(OpKind, Option<String>, Vec<u8>)>> {
        let row = sqlx::query(
            "SELECT kind, consent, body FROM ops WHERE session_id = ? AND kind IN ('meta', 'withdraw', 'delete') \
             ORDER BY seq DESC LIMIT 1",
        )
        .bind(session_id)
        .fetch_optional(&self.pool())
        .await
        .map_err(|e| self.fail(e))?;
        Ok(row.and_then(|r| {
            let kind: String = r.get(0);
            Some((OpKind::parse(&kind)?, r.get(1), r.get(2)))
        }))
    }

    /// Rows waiting and the arrival time (unix ms) of the oldest.
    pub(crate) async fn depth(&self) -> Result<(u64, Option<i64>)> {
        let r = sqlx::query("SELECT COUNT(*), MIN(at_ms) FROM ops")
            .fetch_one(&self.pool())
            .await
            .map_err(|e| self.fail(e))?;
        let n: i64 = r.get(0);
        Ok((n.max(0) as u64, r.get(1)))
    }

    /// Size of the database in bytes (pages × page size).
    pub(crate) async fn size_bytes(&self) -> Result<u64> {
        let n: i64 = sqlx::query_scalar(
            "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
        )
        .fetch_one(&self.pool())
        .await
        .map_err(|e| self.fail(e))?;
        Ok(n.max(0) as u64)
    }

    /// Copies the WAL into the database and truncates it.
    pub(crate) async fn checkpoint(&self) -> Result<()> {
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.pool())
            .await
            .map_err(|e| self.fail(e))?;
        Ok(())
    }

    /// Checkpoints and closes.
    pub(crate) async fn close(&self) {
        if let Err(e) = self.checkpoint().await {
            tracing::warn!(error = %e, "spool checkpoint at close failed");
        }
        self.pool().close().await;
    }
}
