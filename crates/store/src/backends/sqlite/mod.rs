//! [`SqliteStore`]: the embedded default backend (sqlx + SQLite in WAL mode).
//!
//! - this file: options, opening (file mode 0600, pragmas), pools, checkpoints;
//! - [`write`]: the write core (upserts, tombstones, the per-session batch append);
//! - [`append`]: the set-based batch append on the async connection (a whole
//!   group-commit batch in a few statements; used for databases without a file);
//! - [`sync_append`]: the batch append on a synchronous connection of its own,
//!   run in place (file databases: no thread hand-off per statement);
//! - [`log`]: the append log that connection writes first, and the moves of its
//!   rows to the session tables;
//! - [`checkpointer`]: a thread that checkpoints the WAL beside the writer, so
//!   no batch pays for it;
//! - [`reads`]: reads on the reader pool;
//! - [`maintenance`]: deletion, erasure, retention.
//!
//! Two write connections — the async one (upserts, withdrawals, deletions,
//! migrations, checkpoints) and, for file databases, the synchronous append
//! connection — that take one write turn (SQLite allows one writer at a time;
//! waiting for the turn is cheaper than `SQLITE_BUSY` sleeps), and a pool of WAL
//! readers, so reads never wait behind writes. Writes run in `BEGIN IMMEDIATE` transactions with
//! `synchronous = FULL` by default: a write is acknowledged once it is on disk.
//! Every connection runs `secure_delete = ON` and erasures end with a
//! `wal_checkpoint(TRUNCATE)`, so erased content leaves the file and the WAL.

mod append;
mod checkpointer;
mod log;
mod maintenance;
mod reads;
mod sync_append;
mod write;

use std::ops::{Deref, DerefMut};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Row, Sqlite, Transaction};

use crate::{Error, Result};

/// Page size of a new database file (an existing file keeps its own). Appends
/// land in the append log ([`log`]), a batch in one or two pages, and move to the
/// session tables many rows at a time, so pages fill whole: measured with the
/// log, 4 KiB pages gave the same appends/s as 1 KiB and a lower p99 (README,
/// *Performance*). Before the log, every event dirtied pages of its own and
/// 1 KiB pages kept that write small.
const PAGE_SIZE: u32 = 4096;

/// The embedded migrations (`migrations/sqlite`).
pub static SQLITE_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

/// Options of a [`SqliteStore`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SqliteOptions {
    /// How long a writer waits for a lock held by another process (default 10 s).
    pub busy_timeout: Duration,
    /// Reader connections (default 4).
    pub readers: u32,
    /// `synchronous = FULL` (default true). `false` uses `NORMAL`: still safe against
    /// process crashes, but the last commits may be lost on power failure.
    pub full_sync: bool,
    /// Apply migrations on open (default true).
    pub migrate: bool,
}

impl Default for SqliteOptions {
    fn default() -> Self {
        SqliteOptions {
            busy_timeout: Duration::from_secs(10),
            readers: 4,
            full_sync: true,
            migrate: true,
        }
    }
}

/// The embedded SQLite backend.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    writer: SqlitePool,
    reader: SqlitePool,
    /// The append connection of a file database (see [`sync_append`]).
    sync: Option<Arc<sync_append::SyncAppender>>,
    /// The write turn: every write transaction of this store, on either
    /// connection, holds it, so the two never contend for SQLite's lock.
    turn: Arc<tokio::sync::Mutex<()>>,
}

/// A write transaction holding the store's write turn.
pub(super) struct WriteTx {
    tx: Transaction<'static, Sqlite>,
    _turn: tokio::sync::OwnedMutexGuard<()>,
}

impl WriteTx {
    /// Commits, then gives the turn back.
    pub(super) async fn commit(self) -> std::result::Result<(), sqlx::Error> {
        self.tx.commit().await
    }

    /// Rolls back, then gives the turn back.
    pub(super) async fn rollback(self) -> std::result::Result<(), sqlx::Error> {
        self.tx.rollback().await
    }
}

impl Deref for WriteTx {
    type Target = Transaction<'static, Sqlite>;
    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

impl DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tx
    }
}

/// Runs blocking work in place: on a multi-threaded runtime the worker's other
/// tasks move to another thread meanwhile; elsewhere it simply runs.
fn in_place<T>(f: impl FnOnce() -> T) -> T {
    use tokio::runtime::{Handle, RuntimeFlavor};
    match Handle::try_current() {
        Ok(h) if h.runtime_flavor() == RuntimeFlavor::MultiThread => tokio::task::block_in_place(f),
        _ => f(),
    }
}

pub(super) fn db(op: &'static str) -> impl FnOnce(sqlx::Error) -> Error {
    move |e| Error::sqlx(op, e)
}

/// The file a `sqlite:` URL names (`None` for in-memory databases).
fn file_of(url: &str) -> Result<Option<String>> {
    if url.contains(":memory:") || url.contains("mode=memory") {
        return Ok(None);
    }
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
        .ok_or_else(|| Error::Config("not a sqlite: URL".into()))?;
    let path = rest.split('?').next().unwrap_or("");
    if path.trim().is_empty() {
        return Err(Error::Config(
            "the sqlite URL names no file: use sqlite://path/to/file.db (or sqlite::memory:)"
                .into(),
        ));
    }
    Ok(Some(path.to_owned()))
}

/// Creates the database file readable by its owner only (0600) if it is missing.
/// SQLite gives its `-wal` and `-shm` files the database file's permissions.
fn create_private(path: &str) -> Result<()> {
    use std::fs::OpenOptions;
    #[cfg(unix)]
    use std::os::unix::fs::OpenOptionsExt;
    let mut o = OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    o.mode(0o600);
    match o.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(Error::Backend {
            op: "open",
            retryable: false,
            source: Box::new(e),
        }),
    }
}

impl SqliteStore {
    /// Opens (creating if missing, mode 0600) the database at `url`
    /// (`sqlite://path.db`, `sqlite:path.db`, or `sqlite::memory:`), and applies
    /// migrations.
    pub async fn open(url: &str) -> Result<Self> {
        Self::open_with(url, SqliteOptions::default()).await
    }

    /// Opens with explicit options.
    pub async fn open_with(url: &str, opts: SqliteOptions) -> Result<Self> {
        let file = file_of(url)?;
        if let Some(f) = &file {
            create_private(f)?;
        }
        let connect = SqliteConnectOptions::from_str(url)
            .map_err(|_| Error::Config("not a valid sqlite:// URL".into()))?
            .create_if_missing(true)
            .foreign_keys(true)
            .busy_timeout(opts.busy_timeout)
            .pragma("secure_delete", "ON")
            .page_size(PAGE_SIZE)
            .synchronous(if opts.full_sync {
                SqliteSynchronous::Full
            } else {
                SqliteSynchronous::Normal
            });
        let connect = if file.is_none() {
            connect
        } else {
            connect.journal_mode(SqliteJournalMode::Wal)
        };
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            // An embedded file cannot drop the connection: no ping round trip
            // to the worker thread before every transaction.
            .test_before_acquire(false)
            .acquire_timeout(Duration::from_secs(60))
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(connect.clone())
            .await
            .map_err(db("open"))?;
        // An in-memory database exists only on its one connection.
        let reader = if file.is_none() {
            writer.clone()
        } else {
            SqlitePoolOptions::new()
                .max_connections(opts.readers.max(1))
                .test_before_acquire(false)
                .acquire_timeout(Duration::from_secs(60))
                .connect_with(connect.read_only(true))
                .await
                .map_err(db("open"))?
        };
        let mut store = SqliteStore {
            writer,
            reader,
            sync: None,
            turn: Arc::default(),
        };
        if opts.migrate {
            store.migrate().await?;
        }
        if let Some(f) = &file {
            store.sync = Some(Arc::new(sync_append::SyncAppender::open(f, &opts)?));
        }
        Ok(store)
    }

    /// A store over pools of the host application's: `writer` must have exactly
    /// one connection (WAL, `foreign_keys = ON`, `secure_delete = ON` are set by
    /// the store on it), `reader` may be the same pool. Migrations are not applied
    /// (call [`migrate`](Self::migrate)).
    pub async fn from_pool(writer: SqlitePool, reader: SqlitePool) -> Result<Self> {
        for p in [&writer, &reader] {
            sqlx::query("PRAGMA secure_delete = ON")
                .execute(p)
                .await
                .map_err(db("open"))?;
        }
        sqlx::query("PRAGMA foreign_keys = ON")
            .execute(&writer)
            .await
            .map_err(db("open"))?;
        Ok(SqliteStore {
            writer,
            reader,
            sync: None,
            turn: Arc::default(),
        })
    }

    /// A private in-memory database (for tests).
    pub async fn open_in_memory() -> Result<Self> {
        Self::open("sqlite::memory:").await
    }

    /// Applies pending migrations (also done by [`open`](Self::open)).
    pub async fn migrate(&self) -> Result<()> {
        SQLITE_MIGRATOR
            .run(&self.writer)
            .await
            .map_err(|e| Error::Migration {
                source: Box::new(e),
            })
    }

    /// Size of the database file(s) in bytes (pages × page size).
    pub async fn size_bytes(&self) -> Result<u64> {
        let n: i64 = sqlx::query_scalar(
            "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()",
        )
        .fetch_one(&self.reader)
        .await
        .map_err(db("size"))?;
        Ok(n.max(0) as u64)
    }

    /// `PRAGMA integrity_check`: `ok` when the file is sound.
    pub async fn integrity_check(&self) -> Result<String> {
        sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&self.writer)
            .await
            .map_err(db("integrity_check"))
    }

    /// The journal mode in effect (`wal` for file databases).
    pub async fn journal_mode(&self) -> Result<String> {
        sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&self.writer)
            .await
            .map_err(db("journal_mode"))
    }

    /// `EXPLAIN QUERY PLAN` of a read statement, one line per step (for checking
    /// that read paths use an index).
    pub async fn explain(&self, sql: &str) -> Result<String> {
        let rows = sqlx::query(&format!("EXPLAIN QUERY PLAN {sql}"))
            .fetch_all(&self.reader)
            .await
            .map_err(db("explain"))?;
        rows.iter()
            .map(|r| r.try_get::<String, _>("detail").map_err(db("explain")))
            .collect::<Result<Vec<_>>>()
            .map(|v| v.join("\n"))
    }

    /// Moves everything in the WAL into the database file and truncates the WAL
    /// to zero bytes, so no copy of deleted content survives in the `-wal` file.
    /// Retries while a reader's snapshot holds the WAL.
    pub async fn checkpoint(&self) -> Result<()> {
        let _turn = self.turn.lock().await;
        for attempt in 0..50u32 {
            let row = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
                .fetch_one(&self.writer)
                .await
                .map_err(db("checkpoint"))?;
            let busy: i64 = row.try_get(0).map_err(db("checkpoint"))?;
            if busy == 0 {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(2 + u64::from(attempt))).await;
        }
        tracing::warn!("WAL checkpoint stayed busy (long-lived readers)");
        Ok(())
    }

    /// Moves the whole append log (where a file database writes appends first)
    /// to the session tables.
    pub async fn flush_log(&self) -> Result<()> {
        let op = "flush_log";
        let mut tx = self.begin(op).await?;
        maintenance::flush_where(&mut tx, op, None, 0).await?;
        tx.commit().await.map_err(db(op))
    }

    /// Moves the append log to the tables, checkpoints (TRUNCATE) and closes the
    /// pools; the `-wal` file is removed when the last connection closes.
    pub async fn close(&self) {
        if let Err(e) = self.flush_log().await {
            tracing::warn!(error = %e, "moving the append log on close failed");
        }
        if let Some(s) = &self.sync {
            let _turn = self.turn.lock().await;
            s.close();
        }
        if let Err(e) = self.checkpoint().await {
            tracing::warn!(error = %e, "checkpoint on close failed");
        }
        self.reader.close().await;
        self.writer.close().await;
    }

    /// A write transaction on the async connection, holding the write turn.
    async fn begin(&self, op: &'static str) -> Result<WriteTx> {
        let turn = self.turn.clone().lock_owned().await;
        let tx = self
            .writer
            .begin_with("BEGIN IMMEDIATE")
            .await
            .map_err(db(op))?;
        Ok(WriteTx { tx, _turn: turn })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_name_a_file_or_fail_clearly() {
        assert_eq!(file_of("sqlite://a.db").unwrap().as_deref(), Some("a.db"));
        assert_eq!(
            file_of("sqlite:a.db?mode=rwc").unwrap().as_deref(),
            Some("a.db")
        );
        assert_eq!(file_of("sqlite::memory:").unwrap(), None);
        let e = file_of("sqlite://").unwrap_err().to_string();
        assert!(e.contains("names no file"), "{e}");
        assert!(file_of("sqlite:").is_err());
    }
}
