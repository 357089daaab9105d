//! Opening the spool's SQLite database: the start-up checks and the repairs.
//!
//! - **Room on the disk.** Before a file spool opens, its filesystem must have
//!   room for everything the spool may still grow to (`max_bytes` minus what
//!   the file already holds); otherwise opening fails with a clear
//!   [`Error::Config`] naming [`SpoolConfig::max_bytes`](super::SpoolConfig)
//!   (`serve --spool-max-bytes`) and the sizes. A spool that promises room it
//!   does not have would refuse writes in the middle of an outage.
//! - **A torn or corrupt file.** A torn WAL tail (a crash in the middle of a
//!   commit that was never acknowledged) is dropped by SQLite's own recovery:
//!   frames after the last valid commit frame fail their checksum and are
//!   ignored. A file that does not open, is not a database, or fails
//!   `PRAGMA quick_check` is moved aside (`<file>.corrupt-<unix ms>`, with its
//!   `-wal` and `-shm`) with a clear message, and a fresh spool is created:
//!   never a crash loop, and what the moved file held is kept for an operator.
//! - **Reopening after a disk fault** ([`connect`] again, then [`probe`]):
//!   see the `SpoolFile` docs.
//! - **In memory** (the lossy fallback): a private `:memory:` database on the
//!   pool's one connection, kept for the life of the pool.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use super::file::classify;
use crate::{Error, Result};

/// The spool's page size (set before the first table is created).
pub(crate) const PAGE_SIZE: u64 = 4096;

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
CREATE TABLE IF NOT EXISTS probe (id INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL);
";

/// What a spool file that failed `quick_check` is called in errors.
const FAILED_CHECK: &str = "the spool file failed its integrity check";

/// Whether opening failed because the file is not a sound database.
fn is_corrupt(e: &Error) -> bool {
    matches!(e, Error::Spool { what, .. } if *what == FAILED_CHECK || *what == super::file::CORRUPT)
}

/// Where the spool lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Medium<'a> {
    /// A file, fsynced at every commit.
    File(&'a Path),
    /// This process's memory (lossy).
    Memory,
}

/// Opens the spool's database: for a file, checks the room on its disk, then
/// opens it, moving a torn or corrupt file aside.
pub(crate) async fn open(medium: Medium<'_>, max_bytes: u64) -> Result<SqlitePool> {
    let path = match medium {
        Medium::Memory => return connect(medium, max_bytes).await,
        Medium::File(p) => p,
    };
    prepare_dir(path)?;
    check_room(path, max_bytes)?;
    match connect(medium, max_bytes).await {
        Ok(p) => Ok(p),
        // Only a file that is not sound is moved aside: a disk error at start
        // (EIO, read-only) fails the start instead, so the spool's writes stay
        // where the next start replays them.
        Err(e) if path.exists() && is_corrupt(&e) => {
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
            connect(medium, max_bytes).await
        }
        Err(e) => Err(e),
    }
}

fn prepare_dir(path: &Path) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::Spool {
            what: "the spool's directory could not be created",
            source: Box::new(e),
        })?;
    }
    Ok(())
}

/// The directory holding the file (`.` for a bare file name).
fn dir_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Bytes the spool's files take now (database and WAL).
fn current_size(path: &Path) -> u64 {
    ["", "-wal"]
        .iter()
        .filter_map(|s| std::fs::metadata(with_suffix(path, s)).ok())
        .map(|m| m.len())
        .sum()
}

/// Fails unless the filesystem has room for what the spool may still grow to.
pub(crate) fn check_room(path: &Path, max_bytes: u64) -> Result<()> {
    let dir = dir_of(path);
    let free = fs4::available_space(dir).map_err(|e| Error::Spool {
        what: "the free space of the spool's filesystem could not be read",
        source: Box::new(e),
    })?;
    let current = current_size(path);
    let may_grow = max_bytes.saturating_sub(current);
    if free < may_grow {
        return Err(Error::Config(format!(
            "the fallback spool {} may grow to {max_bytes} bytes (--spool-max-bytes / \
             SpoolConfig::max_bytes; it holds {current} now, so {may_grow} more), but its \
             filesystem has only {free} bytes free: free space there, choose another --spool \
             file, or lower --spool-max-bytes to at most {}",
            path.display(),
            free.saturating_add(current),
        )));
    }
    Ok(())
}

/// Opens one connection to the spool database and makes sure it is sound
/// (`quick_check`) and has its tables.
pub(crate) async fn connect(medium: Medium<'_>, max_bytes: u64) -> Result<SqlitePool> {
    let pages = (max_bytes / PAGE_SIZE).max(16);
    let base = SqliteConnectOptions::from_str("sqlite://")
        .map_err(|_| Error::Config("bad spool options".into()))?
        .pragma("page_size", PAGE_SIZE.to_string())
        .pragma("secure_delete", "ON")
        .pragma("max_page_count", pages.to_string());
    let connect = match medium {
        Medium::File(path) => {
            create_private(path)?;
            base.filename(path)
                .create_if_missing(true)
                .busy_timeout(Duration::from_secs(10))
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Full)
        }
        Medium::Memory => base
            .filename(":memory:")
            .journal_mode(SqliteJournalMode::Memory)
            .synchronous(SqliteSynchronous::Off),
    };
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
    let check: String = match sqlx::query_scalar("PRAGMA quick_check")
        .fetch_one(&pool)
        .await
    {
        Ok(c) => c,
        Err(e) => {
            pool.close().await;
            return Err(classify(e).1);
        }
    };
    if check != "ok" {
        pool.close().await;
        return Err(Error::Spool {
            what: FAILED_CHECK,
            source: "quick_check did not answer ok".into(),
        });
    }
    if let Err(e) = sqlx::raw_sql(SCHEMA).execute(&pool).await {
        pool.close().await;
        return Err(classify(e).1);
    }
    Ok(pool)
}

/// A small durable write (one committed, fsynced transaction), to tell whether
/// the disk takes writes again after a fault.
pub(crate) async fn probe(pool: &SqlitePool, at_ms: i64) -> Result<()> {
    sqlx::query("INSERT OR REPLACE INTO probe (id, at_ms) VALUES (1, ?)")
        .bind(at_ms)
        .execute(pool)
        .await
        .map_err(|e| classify(e).1)?;
    Ok(())
}

pub(crate) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
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
