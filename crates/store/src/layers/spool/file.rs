//! The spool file: a separate SQLite database (WAL, `synchronous=FULL`, so a
//! commit returns only after `fsync`), bounded with `max_page_count`, with
//! `secure_delete` so erased content is overwritten, and a WAL checkpoint after
//! every erasure. A file that does not open or fails `quick_check` at start is
//! moved aside (`<name>.corrupt-<unix ms>`) with a clear message and a fresh one
//! is created: never a crash loop. A torn WAL tail is truncated by SQLite itself.
//!
//! One row per operation, in arrival order (`seq`): session metas, events,
//! withdrawals, deletions and erasures. Bodies are the crate-private codec's bytes.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::Row;

use crate::{Error, Result};

/// The spool's page size (set before the first table is created).
const PAGE_SIZE: u64 = 4096;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS ops (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    kind       TEXT    NOT NULL,
    session_id TEXT    NOT NULL,
    dedup_key  TEXT,
    user_id    TEXT,
    consent    TEXT,
    body       BLOB    NOT NULL,
    at_ms      INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS ops_event_key ON ops(session_id, dedup_key) WHERE kind = 'event';
CREATE INDEX IF NOT EXISTS ops_session ON ops(session_id);
CREATE INDEX IF NOT EXISTS ops_user ON ops(user_id) WHERE user_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS failed (
    seq        INTEGER PRIMARY KEY,
    kind       TEXT    NOT NULL,
    session_id TEXT    NOT NULL,
    body       BLOB    NOT NULL,
    at_ms      INTEGER NOT NULL
);
";

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
}

/// The open spool file.
#[derive(Debug)]
pub(crate) struct SpoolFile {
    pool: SqlitePool,
    path: PathBuf,
    /// Set by a failed write of the file's own (I/O error, failed fsync): the
    /// spool takes nothing more until restarted (an fsync is never retried).
    failed: AtomicBool,
}

/// Maps an error of the spool file to a content-free [`Error::Spool`], marking
/// the spool failed on I/O errors (SQLite `SQLITE_IOERR*`, `SQLITE_READONLY*`,
/// `SQLITE_CORRUPT`).
fn classify(e: sqlx::Error) -> (bool, Error) {
    let code = match &e {
        sqlx::Error::Database(d) => d.code().map(|c| c.into_owned()).unwrap_or_default(),
        _ => String::new(),
    };
    let primary = code.parse::<i64>().map(|c| c & 0xff).unwrap_or(-1);
    let (fatal, what) = match primary {
        13 => (false, "the spool is full"),
        10 => (
            true,
            "the spool's disk failed (I/O error); the spool is failed",
        ),
        8 => (true, "the spool's disk is read-only; the spool is failed"),
        11 | 26 => (true, "the spool file is corrupt; the spool is failed"),
        _ => (false, "the spool file could not be written"),
    };
    let source: Box<dyn std::error::Error + Send + Sync> = match &e {
        sqlx::Error::Database(d) => format!("sqlite error {code}: {}", d.message()).into(),
        _ => Box::new(e),
    };
    (fatal, Error::Spool { what, source })
}

impl SpoolFile {
    /// Opens (or creates, mode 0600) the spool at `path`, bounded to `max_bytes`.
    pub(crate) async fn open(path: &Path, max_bytes: u64) -> Result<Self> {
        match Self::try_open(path, max_bytes).await {
            Ok(f) => Ok(f),
            Err(e) if path.exists() => {
                let aside = aside_name(path);
                tracing::error!(
                    path = %path.display(),
                    moved_to = %aside.display(),
                    error = %e,
                    "the spool file is torn or corrupt: moved aside, starting with an empty spool (writes it held are in the moved file)"
                );
                for suffix in ["", "-wal", "-shm"] {
                    let from = with_suffix(path, suffix);
                    if from.exists() {
                        std::fs::rename(&from, with_suffix(&aside, suffix)).map_err(|e| {
                            Error::Spool {
                                what: "the corrupt spool file could not be moved aside",
                                source: Box::new(e),
                            }
                        })?;
                    }
                }
                Self::try_open(path, max_bytes).await
            }
            Err(e) => Err(e),
        }
    }

    async fn try_open(path: &Path, max_bytes: u64) -> Result<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::Spool {
                what: "the spool's directory could not be created",
                source: Box::new(e),
            })?;
        }
        create_private(path)?;
        let pages = (max_bytes / PAGE_SIZE).max(16);
        let connect = SqliteConnectOptions::from_str("sqlite://")
            .map_err(|_| Error::Config("bad spool options".into()))?
            .filename(path)
            .create_if_missing(true)
            .busy_timeout(Duration::from_secs(10))
            .pragma("page_size", PAGE_SIZE.to_string())
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .pragma("secure_delete", "ON")
            .pragma("max_page_count", pages.to_string());
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .test_before_acquire(false)
            .acquire_timeout(Duration::from_secs(60))
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(connect)
            .await
            .map_err(|e| classify(e).1)?;
        let check: String = sqlx::query_scalar("PRAGMA quick_check")
            .fetch_one(&pool)
            .await
            .map_err(|e| classify(e).1)?;
        if check != "ok" {
            pool.close().await;
            return Err(Error::Spool {
                what: "the spool file failed its integrity check",
                source: "quick_check did not answer ok".into(),
            });
        }
        sqlx::raw_sql(SCHEMA)
            .execute(&pool)
            .await
            .map_err(|e| classify(e).1)?;
        Ok(SpoolFile {
            pool,
            path: path.to_owned(),
            failed: AtomicBool::new(false),
        })
    }

    /// The file's path.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Whether a disk fault failed the spool.
    pub(crate) fn is_failed(&self) -> bool {
        self.failed.load(Ordering::Relaxed)
    }

    fn fail(&self, e: sqlx::Error) -> Error {
        let (fatal, err) = classify(e);
        if fatal && !self.failed.swap(true, Ordering::Relaxed) {
            tracing::error!(error = %err, "spool failed: it takes no more writes until restarted");
        }
        err
    }

    fn check(&self) -> Result<()> {
        if self.is_failed() {
            return Err(Error::Spool {
                what: "the spool failed earlier (disk error); restart once the disk is fixed",
                source: "spool marked failed".into(),
            });
        }
        Ok(())
    }

    /// Appends operations in one transaction (one fsync). Returns, per op,
    /// whether it was new (`false`: an event whose dedup key is already spooled).
    pub(crate) async fn push(&self, ops: &[NewOp<'_>], at_ms: i64) -> Result<Vec<bool>> {
        self.check()?;
        let mut tx = self.pool.begin().await.map_err(|e| self.fail(e))?;
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
        let rows = sqlx::query(
            "SELECT seq, kind, session_id, user_id, body FROM ops ORDER BY seq LIMIT ?",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await
        .map_err(|e| self.fail(e))?;
        rows.into_iter()
            .map(|r| {
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
                })
            })
            .collect()
    }

    /// Removes replayed rows (after the primary committed them).
    pub(crate) async fn remove(&self, seqs: &[i64]) -> Result<()> {
        if seqs.is_empty() {
            return Ok(());
        }
        let mut tx = self.pool.begin().await.map_err(|e| self.fail(e))?;
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
        let mut tx = self.pool.begin().await.map_err(|e| self.fail(e))?;
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
        self.check()?;
        let mut tx = self.pool.begin().await.map_err(|e| self.fail(e))?;
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
        .fetch_all(&self.pool)
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
        .fetch_optional(&self.pool)
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
            .fetch_one(&self.pool)
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
        .fetch_one(&self.pool)
        .await
        .map_err(|e| self.fail(e))?;
        Ok(n.max(0) as u64)
    }

    /// Copies the WAL into the database and truncates it.
    pub(crate) async fn checkpoint(&self) -> Result<()> {
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&self.pool)
            .await
            .map_err(|e| self.fail(e))?;
        Ok(())
    }

    /// Checkpoints and closes.
    pub(crate) async fn close(&self) {
        if let Err(e) = self.checkpoint().await {
            tracing::warn!(error = %e, "spool checkpoint at close failed");
        }
        self.pool.close().await;
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

fn aside_name(path: &Path) -> PathBuf {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0);
    with_suffix(path, &format!(".corrupt-{ms}"))
}

/// Creates the file with mode 0600 when missing (the spool holds user data).
fn create_private(path: &Path) -> Result<()> {
    let mut o = std::fs::OpenOptions::new();
    o.create(true).append(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o.open(path).map(drop).map_err(|e| Error::Spool {
        what: "the spool file could not be created",
        source: Box::new(e),
    })
}
