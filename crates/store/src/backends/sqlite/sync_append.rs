//! The append path of [`SqliteStore`](super::SqliteStore) on a synchronous
//! connection of its own (rusqlite), driven in place on the committing task's
//! thread (`block_in_place`).
//!
//! Why: through the async driver every statement, and every row it returns, is a
//! hand-off to the connection's worker thread and back; a batch of group commit
//! ran a dozen statements, and profiles showed more time in thread wake-ups and
//! context switches than in SQLite itself. Here a whole batch is one call: cached
//! prepared statements, one row at a time, no JSON encoding of the rows, one
//! transaction and one fsync. Upserts, withdrawals, deletions and reads stay on
//! the async pools; writers of both kinds take the store's write turn
//! ([`super::SqliteStore::turn`]), so they never wait on SQLite's own lock
//! (whose busy handler sleeps in milliseconds).
//!
//! Same rules as every backend: in one `BEGIN IMMEDIATE` transaction, each
//! session's consent and tombstone are read before its events are written
//! (refused unless stored `ACCEPTED` and not tombstoned); a failing op fails
//! alone (a savepoint per op, once one failed); `seq` continues from the
//! session's highest; a dedup key already stored is a duplicate. Events go to
//! the append log first and move to their tables in bulk ([`super::log`]).

use std::collections::HashSet;

use parking_lot::Mutex;
use rusqlite::{params, Connection, OpenFlags, TransactionBehavior};
use serde_json::Value;

use super::checkpointer::{self, Checkpointer};
use super::log::{self, LogState};
use super::write;
use super::SqliteOptions;
use crate::backends::batch::Split;
use crate::backends::rows::stored_state;
use crate::backends::upsert::{upsert_plan, UpsertPlan};
use crate::error::DbFailure;
use crate::{
    AppendResult, CleanEvent, CleanSessionMeta, Consent, Error, EventKind, Result, SessionAppend,
    StoredState, Timestamp, UpsertResult, WriteOp, WriteOpResult,
};

/// Consent and tombstone of one session, in one row.
const STATE: &str = "SELECT (SELECT consent FROM sessions WHERE id = ?1),
                            (SELECT reason FROM tombstones WHERE session_id = ?1)";

/// An error of the synchronous connection, content-free (SQLite's messages for
/// constraint failures can quote values: only the code is kept for those).
pub(super) fn sq(op: &'static str) -> impl FnOnce(rusqlite::Error) -> Error {
    move |e| {
        let (code, retryable, message) = match &e {
            rusqlite::Error::SqliteFailure(f, msg) => {
                let busy = matches!(
                    f.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                );
                let constraint = f.code == rusqlite::ErrorCode::ConstraintViolation;
                (
                    f.extended_code.to_string(),
                    busy,
                    if constraint { None } else { msg.clone() },
                )
            }
            _ => ("driver".to_owned(), false, None),
        };
        Error::Backend {
            op,
            retryable,
            source: Box::new(DbFailure::new(code, None, message)),
        }
    }
}

/// The synchronous write connection (closed: `None`).
#[derive(Debug)]
pub(super) struct SyncAppender {
    conn: Mutex<Option<Inner>>,
    checkpointer: Checkpointer,
}

/// The connection and what it knows of the append log.
#[derive(Debug)]
struct Inner {
    conn: Connection,
    log: LogState,
}

impl SyncAppender {
    /// Opens a second connection to the database file (already created, in WAL
    /// mode and migrated by the async writer), with the store's pragmas.
    pub(super) fn open(path: &str, opts: &SqliteOptions) -> Result<Self> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sq("open"))?;
        conn.busy_timeout(opts.busy_timeout).map_err(sq("open"))?;
        let sync = if opts.full_sync { "FULL" } else { "NORMAL" };
        conn.execute_batch(&format!(
            "PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON; PRAGMA synchronous = {sync};
             PRAGMA wal_autocheckpoint = {};",
            checkpointer::BACKSTOP_PAGES
        ))
        .map_err(sq("open"))?;
        conn.set_prepared_statement_cache_capacity(64);
        Ok(SyncAppender {
            conn: Mutex::new(Some(Inner {
                conn,
                log: LogState::default(),
            })),
            checkpointer: Checkpointer::start(path).map_err(sq("open"))?,
        })
    }

    /// Closes the connection; later appends fail.
    pub(super) fn close(&self) {
        self.checkpointer.stop();
        if let Some(c) = self.conn.lock().take() {
            if let Err((_, e)) = c.conn.close() {
                tracing::warn!(error = %sq("close")(e), "closing the append connection failed");
            }
        }
    }

    /// Appends a batch (many sessions) in one transaction: per-session results,
    /// or one error when the transaction itself failed (nothing acknowledged).
    pub(super) fn append(
        &self,
        batch: &[SessionAppend<'_>],
        now: i64,
    ) -> Result<Vec<Result<Vec<AppendResult>>>> {
        let ops: Vec<WriteOp<'_>> = batch.iter().map(|p| WriteOp::Append(*p)).collect();
        Ok(self
            .write(&ops, now)?
            .into_iter()
            .map(|r| match r {
                WriteOpResult::Append(a) => a,
                WriteOpResult::Upsert(_) => unreachable!("only appends were asked"),
            })
            .collect())
    }

    /// Upserts and appends in one transaction, where a failing op fails only
    /// itself (a savepoint per op, once one failed): per-op results, or one
    /// error when the transaction itself failed (nothing acknowledged).
    pub(super) fn write(&self, ops: &[WriteOp<'_>], now: i64) -> Result<Vec<WriteOpResult>> {
        let mut guard = self.conn.lock();
        let inner = guard.as_mut().ok_or(Error::Unavailable {
            what: "the store is closed",
        })?;
        let Inner { conn, log } = inner;
        // First without savepoints (two statements less per op): ops rarely
        // fail, and when one does, the batch runs again with a savepoint per op.
        let first = transaction(conn, log, ops, now, false);
        let out = match first {
            Ok(Some(out)) => Ok(out),
            Ok(None) => transaction(conn, log, ops, now, true)
                .map(|o| o.expect("with savepoints every op is answered")),
            Err(e) => Err(e),
        };
        if out.is_err() {
            // What it learned in a transaction that did not commit is not true.
            log.invalidate();
        }
        out
    }
}

/// One transaction over `ops`. With `isolate`, each op runs under a savepoint
/// and fails alone. Without, the first failing op rolls the transaction back
/// (dropping it does) and the answer is `None` — unless it is the only op:
/// then its error is the whole answer.
///
/// The log is moved and trimmed ([`LogState::compact`]) before the commit. A
/// failed answer leaves `log` to be invalidated by the caller.
fn transaction(
    conn: &mut Connection,
    log: &mut LogState,
    ops: &[WriteOp<'_>],
    now: i64,
    isolate: bool,
) -> Result<Option<Vec<WriteOpResult>>> {
    let op = "write";
    let mut tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sq(op))?;
    log.validate(&tx).map_err(sq(op))?;
    let mut out = Vec::with_capacity(ops.len());
    for one in ops {
        let r = if isolate {
            let sp = tx.savepoint().map_err(sq(op))?;
            let r = run_op(&sp, log, one, now);
            // A failed op's savepoint is dropped, which rolls it back; what the
            // log state learned from it is read again.
            if is_err(&r) {
                drop(sp);
                log.reload(&tx).map_err(sq(op))?;
            } else {
                sp.commit().map_err(sq(op))?;
            }
            r
        } else {
            let r = run_op(&tx, log, one, now);
            if is_err(&r) {
                log.invalidate();
                if ops.len() == 1 {
                    return Ok(Some(vec![r]));
                }
                return Ok(None);
            }
            r
        };
        out.push(r);
    }
    compact(&mut tx, log)?;
    tx.commit().map_err(sq(op))?;
    Ok(Some(out))
}

/// Moves the log rows that are due ([`LogState::compact`]) under a savepoint:
/// should a move fail (a table constraint the log does not have), the batch's
/// appends still commit, in the log, and the rows move later (a flush moves
/// them all before any other write).
fn compact(tx: &mut rusqlite::Transaction<'_>, log: &mut LogState) -> Result<()> {
    let op = "write";
    let sp = tx.savepoint().map_err(sq(op))?;
    match log.compact(&sp) {
        Ok(()) => sp.commit().map_err(sq(op)),
        Err(e) => {
            drop(sp);
            tracing::warn!(error = %sq("compact")(e), "moving the append log failed; the rows stay in it");
            log.reload(tx).map_err(sq(op))
        }
    }
}

/// One op inside the caller's transaction (or savepoint).
fn run_op(conn: &Connection, log: &mut LogState, op: &WriteOp<'_>, now: i64) -> WriteOpResult {
    match op {
        WriteOp::Upsert(m) => WriteOpResult::Upsert(upsert_session(conn, m, now)),
        WriteOp::Append(part) => WriteOpResult::Append(append_session(conn, log, part, now)),
    }
}

fn is_err(r: &WriteOpResult) -> bool {
    matches!(
        r,
        WriteOpResult::Upsert(Err(_)) | WriteOpResult::Append(Err(_))
    )
}

/// One session upsert, inside the caller's transaction (the rules of
/// [`WriteCore::upsert_session`](crate::WriteCore::upsert_session); the same
/// statements as the async path, `write::UPSERT_*`).
fn upsert_session(conn: &Connection, m: &CleanSessionMeta, now: i64) -> Result<UpsertResult> {
    let op = "upsert_session";
    let id = m.session_id();
    let (consent, started, reason): (Option<String>, Option<i64>, Option<String>) = conn
        .prepare_cached(write::UPSERT_STATE)
        .map_err(sq(op))?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .map_err(sq(op))?;
    match upsert_plan(m, consent, started, reason)? {
        UpsertPlan::Refused(state) => return Ok(UpsertResult::Refused(state)),
        UpsertPlan::MarkConsent => {
            conn.prepare_cached(write::MARK_CONSENT)
                .map_err(sq(op))?
                .execute(params![id, m.consent().as_str(), now])
                .map_err(sq(op))?;
            return Ok(UpsertResult::Stored);
        }
        UpsertPlan::Store { untombstone } => {
            if untombstone {
                conn.prepare_cached(write::UNTOMBSTONE)
                    .map_err(sq(op))?
                    .execute([id])
                    .map_err(sq(op))?;
            }
        }
    }
    if let Some(uid) = m.user_id() {
        conn.prepare_cached(write::UPSERT_USER)
            .map_err(sq(op))?
            .execute(params![uid, m.auth_user_id(), m.email(), now])
            .map_err(|e| match &e {
                rusqlite::Error::SqliteFailure(f, Some(msg))
                    if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
                {
                    write::user_conflict(msg)
                }
                _ => sq(op)(e),
            })?;
    }
    let (config, timings) = write::session_json(m);
    conn.prepare_cached(write::UPSERT_SESSION)
        .map_err(sq(op))?
        .execute(params![
            id,
            m.user_id(),
            m.provider_session_id(),
            m.voice(),
            m.persona(),
            config,
            timings,
            m.consent().as_str(),
            m.started_at().map(Timestamp::as_millis),
            m.ended_at().map(Timestamp::as_millis),
            now
        ])
        .map_err(sq(op))?;
    Ok(UpsertResult::Stored)
}

/// One session's events, inside the caller's transaction: to the append log.
fn append_session(
    conn: &Connection,
    log: &mut LogState,
    part: &SessionAppend<'_>,
    now: i64,
) -> Result<Vec<AppendResult>> {
    let op = "append";
    let id = part.session_id;
    let (consent, reason): (Option<String>, Option<String>) = conn
        .prepare_cached(STATE)
        .map_err(sq(op))?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(sq(op))?;
    if stored_state(consent, reason)? != StoredState::Live(Consent::Accepted) {
        return Ok(vec![AppendResult::NotAccepted; part.events.len()]);
    }
    let split = Split::new(part.events);
    let mut inserted: [HashSet<&str>; 4] = Default::default();
    for kind in EventKind::ALL {
        let rows = split.of(kind);
        if rows.is_empty() {
            continue;
        }
        let mut insert = conn
            .prepare_cached(&log::sql(kind).insert)
            .map_err(sq(op))?;
        for e in rows {
            let key = e.dedup_key();
            if inserted[kind.index()].contains(key)
                || log.stored(conn, id, kind, key).map_err(sq(op))?
            {
                continue;
            }
            let seq = log.max_seq(conn, id, kind).map_err(sq(op))? + 1;
            insert_row(&mut insert, id, seq, e, now).map_err(sq(op))?;
            log.record(id, kind, conn.last_insert_rowid(), seq, key);
            inserted[kind.index()].insert(key);
        }
    }
    Ok(split.results(part.events, |k, key| inserted[k.index()].contains(key)))
}

/// Binds and runs the insert of one event into the log (`kind, session_id, seq,
/// dedup_key`, then the kind's other columns in [`log::rest`] order).
fn insert_row(
    st: &mut rusqlite::CachedStatement<'_>,
    id: &str,
    seq: i64,
    e: &CleanEvent,
    now: i64,
) -> rusqlite::Result<usize> {
    let k = log::code(e.kind());
    match e {
        CleanEvent::Transcript(x) => st.execute(params![
            k,
            id,
            seq,
            x.dedup_key(),
            x.item_id(),
            x.role().as_str(),
            x.text(),
            x.started_at().as_millis(),
            x.ended_at().map(Timestamp::as_millis),
            now
        ]),
        CleanEvent::Tool(x) => st.execute(params![
            k,
            id,
            seq,
            x.dedup_key(),
            x.call_id(),
            x.name(),
            x.args().to_string(),
            x.result().map(Value::to_string),
            x.status().as_str(),
            x.duration_ms()
                .map(|d| i64::try_from(d).unwrap_or(i64::MAX)),
            x.at().as_millis()
        ]),
        CleanEvent::Summary(x) => st.execute(params![
            k,
            id,
            seq,
            x.dedup_key(),
            x.text(),
            serde_json::to_string(x.key_points()).unwrap_or_else(|_| "[]".into()),
            x.at().as_millis()
        ]),
        CleanEvent::Usage(x) => st.execute(params![
            k,
            id,
            seq,
            x.dedup_key(),
            x.event_id(),
            x.kind(),
            x.value(),
            x.meta().map(Value::to_string),
            x.at().as_millis()
        ]),
    }
}
