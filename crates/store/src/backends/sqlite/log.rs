//! The append log of a file database: where group commit's batches land first.
//!
//! Why: rows are clustered by session (`PRIMARY KEY (session_id, seq)`), and a
//! batch of group commit holds one event of each of many live calls, so written
//! straight to the tables every event dirtied a table page and a dedup-index page
//! of its own — every one a WAL frame written and fsynced — and the commit
//! worker's time grew with the calls in the batch. In `event_log` (rowid order,
//! no index) a whole batch fills one or two pages. A call's rows then move to its
//! table many at a time (when it has [`MOVE_ROWS`] of them, or when its oldest is
//! [`HORIZON`] rows old), where they fill whole pages of their own.
//!
//! The rules that make this safe:
//! - a log row is *live* until its session's highest `seq` of its kind in the
//!   table reaches it: a move inserts all of a session's live rows at once, so
//!   moved rows are exactly those at or below that mark, and reads
//!   ([`with_log`]) and [`FLUSH`] need no other bookkeeping. Dead rows go with
//!   the log's start ([`PREFIX`] at a time: whole pages);
//! - only the append connection writes the log; a write on another connection
//!   that deletes, counts or renumbers a session's rows (an erasing withdrawal,
//!   deletion of a session or an event, erasure of a user, retention) first
//!   moves those sessions' live rows and deletes all their log rows, in its own
//!   transaction ([`flush_statements`], run by `maintenance::flush_where`), so
//!   their tables are whole when rows are deleted or counted, no dead row can
//!   come back to life when a table's highest `seq` drops, and an erased call
//!   leaves no copy in the log (`secure_delete` zeroes it). `close` moves the
//!   whole log;
//! - the append connection's knowledge of the log ([`LogState`]: each session's
//!   live rows, dedup keys and next `seq`) is trusted while `PRAGMA
//!   data_version` shows that no other connection committed since, or while
//!   `event_log_owner` still holds this connection's token (every other writer
//!   of log or table rows — another append connection, a flush — replaces it);
//!   otherwise it is read again from the log, inside the transaction.

use std::collections::{BTreeMap, HashMap, HashSet};

use rusqlite::Connection;

use crate::EventKind;

/// A session with this many live rows in the log moves them to its tables.
pub(super) const MOVE_ROWS: usize = 32;
/// A session whose oldest live row is this many rows behind the log's head moves
/// (bounds the log, so reads, which scan it, stay cheap).
pub(super) const HORIZON: i64 = 2048;
/// At most this many rows move in one batch (see [`LogState::compact`]).
pub(super) const MOVE_BUDGET: usize = 192;
/// Dead rows at the start of the log are deleted this many at a time.
pub(super) const PREFIX: i64 = 128;

/// The columns of a kind's table other than `session_id`, its `seq` (or
/// `version`) and `dedup_key`, in the table's insert order
/// ([`columns`](super::append::columns), the one list of them): the log's `r0`,
/// `r1`, … in this order.
pub(super) fn rest(kind: EventKind) -> &'static [&'static str] {
    static REST: std::sync::OnceLock<[Vec<&'static str>; 4]> = std::sync::OnceLock::new();
    &REST.get_or_init(|| {
        EventKind::ALL.map(|k| {
            let (seq, cols, _) = super::append::columns(k);
            cols.split(", ")
                .filter(|c| !matches!(*c, "session_id" | "dedup_key") && *c != seq)
                .collect()
        })
    })[kind.index()]
}

/// The kind whose `event_log.kind` is `code` (see [`code`]).
fn from_code(code: u8) -> Option<EventKind> {
    EventKind::ALL.into_iter().find(|k| self::code(*k) == code)
}

/// The numbering column of a kind's table.
fn seq_col(kind: EventKind) -> &'static str {
    super::append::columns(kind).0
}

/// The value of `kind` in `event_log` (stored: never renumber).
pub(super) fn code(kind: EventKind) -> u8 {
    match kind {
        EventKind::Transcript => 0,
        EventKind::Tool => 1,
        EventKind::Summary => 2,
        EventKind::Usage => 3,
    }
}

/// The statements of one kind.
pub(super) struct LogSql {
    /// Appends one row: `kind, session_id, seq, dedup_key, r0..`.
    pub(super) insert: String,
    /// Moves the rows whose ids are in the JSON array `?1`.
    move_ids: String,
    /// Moves every live row.
    flush: String,
    /// The table's highest seq of session `?1`.
    max: String,
    /// Whether the table holds session `?1`'s dedup key `?2`.
    stored: String,
}

/// The statements of `kind`, built once.
pub(super) fn sql(kind: EventKind) -> &'static LogSql {
    static SQL: std::sync::OnceLock<[LogSql; 4]> = std::sync::OnceLock::new();
    &SQL.get_or_init(|| EventKind::ALL.map(build))[kind.index()]
}

fn build(kind: EventKind) -> LogSql {
    let table = kind.table();
    let seq = seq_col(kind);
    let k = code(kind);
    let rest = rest(kind);
    let r: Vec<String> = (0..rest.len()).map(|i| format!("r{i}")).collect();
    let marks: Vec<String> = (5..5 + rest.len()).map(|i| format!("?{i}")).collect();
    let target = format!(
        "INSERT INTO {table} (session_id, {seq}, dedup_key, {})",
        rest.join(", ")
    );
    let live_cond = format!(
        "l.kind = {k} AND l.seq > COALESCE((SELECT MAX(t.{seq}) FROM {table} t \
         WHERE t.session_id = l.session_id), 0)"
    );
    LogSql {
        insert: format!(
            "INSERT INTO event_log (kind, session_id, seq, dedup_key, {}) VALUES (?1, ?2, ?3, ?4, {})",
            r.join(", "),
            marks.join(", ")
        ),
        move_ids: format!(
            "{target} SELECT session_id, seq, dedup_key, {} FROM event_log \
             WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY session_id, seq",
            r.join(", ")
        ),
        flush: format!(
            "{target} SELECT l.session_id, l.seq, l.dedup_key, {} FROM event_log l \
             WHERE {live_cond} ORDER BY l.session_id, l.seq",
            r.iter().map(|c| format!("l.{c}")).collect::<Vec<_>>().join(", ")
        ),
        max: format!("SELECT MAX({seq}) FROM {table} WHERE session_id = ?1"),
        stored: format!("SELECT 1 FROM {table} WHERE session_id = ?1 AND dedup_key = ?2"),
    }
}

/// Whether the log holds any row (a flush of an empty log is one probe).
pub(super) const FLUSH_PROBE: &str = "SELECT EXISTS (SELECT 1 FROM event_log)";

/// Run by every write on another connection that moves or deletes log or table
/// rows: no append connection owns the log any more (each reads it again).
pub(super) const DISOWN: &str = "UPDATE event_log_owner SET token = NULL WHERE id = 1";

/// The statements that move the live log rows of the sessions `cond` selects
/// (`SELECT id FROM sessions WHERE {cond}`, `?1` its parameter; `None`: every
/// session) to the tables and delete all their log rows, in order: run by a
/// write on another connection before it deletes, counts or renumbers those
/// sessions' rows (plain SQL, any driver).
pub(super) fn flush_statements(cond: Option<&str>) -> Vec<String> {
    let Some(cond) = cond else {
        return EventKind::ALL
            .into_iter()
            .map(|k| sql(k).flush.clone())
            .chain(std::iter::once("DELETE FROM event_log".to_owned()))
            .collect();
    };
    let only = format!("session_id IN (SELECT id FROM sessions WHERE {cond})");
    EventKind::ALL
        .into_iter()
        .map(|k| {
            sql(k).flush.replace(
                " ORDER BY l.session_id",
                &format!(" AND l.{only} ORDER BY l.session_id"),
            )
        })
        .chain(std::iter::once(format!(
            "DELETE FROM event_log WHERE {only}"
        )))
        .collect()
}

/// A read of one session's rows of `kind`: `SELECT {cols} FROM {table} WHERE
/// session_id = ?1 [AND seq > ?2]`, `UNION ALL` the same columns of its live log
/// rows. `cols` are the table's column names (comma-separated); the caller adds
/// `ORDER BY` and `LIMIT` (in the table's names).
pub(super) fn with_log(kind: EventKind, cols: &str, after: bool) -> String {
    let table = kind.table();
    let seq = seq_col(kind);
    let rest = rest(kind);
    let log_cols: Vec<String> = cols
        .split(',')
        .map(str::trim)
        .map(|c| {
            if c == seq {
                "seq".to_owned()
            } else if let Some(i) = rest.iter().position(|r| *r == c) {
                format!("r{i}")
            } else {
                c.to_owned()
            }
        })
        .collect();
    let (cond, log_cond) = if after {
        (format!(" AND {seq} > ?2"), " AND seq > ?2")
    } else {
        (String::new(), "")
    };
    format!(
        "SELECT {cols} FROM {table} WHERE session_id = ?1{cond} UNION ALL \
         SELECT {} FROM event_log WHERE kind = {} AND session_id = ?1{log_cond} \
         AND seq > COALESCE((SELECT MAX({seq}) FROM {table} WHERE session_id = ?1), 0)",
        log_cols.join(", "),
        code(kind)
    )
}

/// One kind of one session, as the append connection knows it.
#[derive(Debug, Default)]
struct KindLog {
    /// Highest seq in log and table (`None`: not read yet).
    max: Option<i64>,
    /// The table may hold rows (dedup keys must be looked up there too).
    in_table: bool,
    /// Ids of the live log rows.
    ids: Vec<i64>,
    /// Their dedup keys.
    keys: HashSet<String>,
}

/// One session, as the append connection knows it.
#[derive(Debug, Default)]
struct SessionLog {
    kinds: [KindLog; 4],
    /// Live log rows, all kinds.
    live: usize,
    /// Id of the oldest live log row.
    oldest: Option<i64>,
}

/// The append connection's knowledge of the log (see the module docs).
#[derive(Debug, Default)]
pub(super) struct LogState {
    /// `PRAGMA data_version` when this knowledge was last true (`None`: read it
    /// again from the log before use).
    version: Option<i64>,
    sessions: HashMap<String, SessionLog>,
    /// Each session with live rows, by the id of its oldest.
    oldest: BTreeMap<i64, String>,
    /// No log row has a smaller id (rows below were deleted).
    start: i64,
    /// The highest id written.
    head: i64,
    /// This connection's token as the log's owner.
    token: Option<i64>,
}

/// Sessions known without live rows are forgotten past this many entries.
const KEEP_SESSIONS: usize = 2048;

impl LogState {
    /// Makes the knowledge true inside the caller's write transaction. When
    /// another connection committed since it was true, it still is if the log's
    /// owner is still this connection (nobody moved or deleted rows: see
    /// `event_log_owner`); otherwise it is read again from the log, and this
    /// connection becomes the owner.
    pub(super) fn validate(&mut self, conn: &Connection) -> rusqlite::Result<()> {
        let v: i64 = conn
            .prepare_cached("PRAGMA data_version")?
            .query_row([], |r| r.get(0))?;
        if self.version == Some(v) {
            return Ok(());
        }
        let owner: Option<i64> = conn
            .prepare_cached("SELECT token FROM event_log_owner WHERE id = 1")?
            .query_row([], |r| r.get(0))?;
        if self.version.is_none() || owner != Some(self.token()) {
            self.reload(conn)?;
            conn.prepare_cached("UPDATE event_log_owner SET token = ?1 WHERE id = 1")?
                .execute([self.token()])?;
        }
        self.version = Some(v);
        Ok(())
    }

    /// This connection's token in `event_log_owner` (random, drawn once).
    fn token(&mut self) -> i64 {
        use std::hash::{BuildHasher, Hasher};
        *self.token.get_or_insert_with(|| {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u32(std::process::id());
            h.write_u128(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos()),
            );
            (h.finish() >> 1) as i64
        })
    }

    /// Forgets everything: read again at the next [`validate`](Self::validate)
    /// (after a failed transaction, whose changes it may hold).
    pub(super) fn invalidate(&mut self) {
        self.version = None;
    }

    /// Reads the live rows of the log (inside the caller's transaction): one
    /// scan of the log, and the table's highest seq once per session and kind
    /// found in it.
    pub(super) fn reload(&mut self, conn: &Connection) -> rusqlite::Result<()> {
        self.sessions.clear();
        self.oldest.clear();
        let (start, head): (Option<i64>, Option<i64>) = conn
            .prepare_cached("SELECT MIN(id), MAX(id) FROM event_log")?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        self.start = start.unwrap_or(1);
        self.head = head.unwrap_or(0);
        // The table's highest seq per (session, kind) seen, read once each.
        let mut marks: HashMap<(String, u8), i64> = HashMap::new();
        let mut st = conn.prepare_cached(
            "SELECT id, kind, session_id, seq, dedup_key FROM event_log ORDER BY id",
        )?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let (id, code, session, seq, key): (i64, u8, String, i64, String) =
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
            let Some(kind) = from_code(code) else {
                continue;
            };
            let mark = match marks.get(&(session.clone(), code)) {
                Some(m) => *m,
                None => {
                    let m: Option<i64> = conn
                        .prepare_cached(&sql(kind).max)?
                        .query_row([&session], |r| r.get(0))?;
                    marks.insert((session.clone(), code), m.unwrap_or(0));
                    m.unwrap_or(0)
                }
            };
            if seq <= mark {
                continue;
            }
            let s = self.sessions.entry(session).or_default();
            let k = &mut s.kinds[kind.index()];
            k.max = Some(k.max.map_or(seq, |m| m.max(seq)));
            k.in_table = true;
            k.ids.push(id);
            k.keys.insert(key);
            s.live += 1;
            s.oldest = Some(s.oldest.map_or(id, |o| o.min(id)));
        }
        for (id, s) in &self.sessions {
            if let Some(o) = s.oldest {
                self.oldest.insert(o, id.clone());
            }
        }
        Ok(())
    }

    /// The highest seq of `kind` stored for `session` (log and table).
    pub(super) fn max_seq(
        &mut self,
        conn: &Connection,
        session: &str,
        kind: EventKind,
    ) -> rusqlite::Result<i64> {
        let k = &mut self.entry(session).kinds[kind.index()];
        if let Some(m) = k.max {
            return Ok(m);
        }
        let m: Option<i64> = conn
            .prepare_cached(&sql(kind).max)?
            .query_row([session], |r| r.get(0))?;
        k.max = Some(m.unwrap_or(0));
        k.in_table = m.is_some();
        Ok(m.unwrap_or(0))
    }

    /// Whether `key` is already stored for `session` (log or table).
    pub(super) fn stored(
        &self,
        conn: &Connection,
        session: &str,
        kind: EventKind,
        key: &str,
    ) -> rusqlite::Result<bool> {
        let Some(k) = self.sessions.get(session).map(|s| &s.kinds[kind.index()]) else {
            return probe(conn, session, kind, key);
        };
        if k.keys.contains(key) {
            return Ok(true);
        }
        if !k.in_table && k.max.is_some() {
            return Ok(false);
        }
        probe(conn, session, kind, key)
    }

    /// Records a row just written to the log.
    pub(super) fn record(&mut self, session: &str, kind: EventKind, id: i64, seq: i64, key: &str) {
        let s = self.entry(session);
        let k = &mut s.kinds[kind.index()];
        k.max = Some(k.max.map_or(seq, |m| m.max(seq)));
        k.ids.push(id);
        k.keys.insert(key.to_owned());
        s.live += 1;
        let first = s.oldest.is_none();
        if first {
            s.oldest = Some(id);
            self.oldest.insert(id, session.to_owned());
        }
        self.head = self.head.max(id);
    }

    fn entry(&mut self, session: &str) -> &mut SessionLog {
        if !self.sessions.contains_key(session) {
            self.sessions
                .insert(session.to_owned(), SessionLog::default());
        }
        self.sessions.get_mut(session).expect("inserted above")
    }

    /// Moves the rows that are due (see the module docs) and deletes the dead
    /// start of the log, inside the caller's transaction.
    pub(super) fn compact(&mut self, conn: &Connection) -> rusqlite::Result<()> {
        let old = self.head - HORIZON;
        // The oldest first (they bound the log), then the fullest; at most
        // [`MOVE_BUDGET`] rows a batch (always one session), so calls that
        // started together do not all move in one commit.
        let mut due: Vec<(&String, usize)> = self
            .oldest
            .range(..old.max(0))
            .filter_map(|(_, id)| self.sessions.get(id).map(|s| (id, s.live)))
            .collect();
        let mut full: Vec<(&String, usize)> = self
            .sessions
            .iter()
            .filter(|(_, s)| s.live >= MOVE_ROWS && s.oldest.is_some_and(|o| o >= old))
            .map(|(id, s)| (id, s.live))
            .collect();
        full.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        due.extend(full);
        let mut rows = 0;
        let picked: Vec<String> = due
            .into_iter()
            .take_while(|(_, live)| {
                let take = rows == 0 || rows + live <= MOVE_BUDGET;
                rows += live;
                take
            })
            .map(|(id, _)| id.clone())
            .collect();
        if !picked.is_empty() {
            self.move_sessions(conn, &picked)?;
        }
        let first_live = self.oldest.keys().next().copied().unwrap_or(self.head + 1);
        if first_live - self.start >= PREFIX {
            conn.prepare_cached("DELETE FROM event_log WHERE id < ?1")?
                .execute([first_live])?;
            if first_live > self.head {
                // Empty: SQLite numbers the next row 1 again.
                (self.start, self.head) = (1, 0);
            } else {
                self.start = first_live;
            }
        }
        if self.sessions.len() > KEEP_SESSIONS {
            self.sessions.retain(|_, s| s.live > 0);
        }
        Ok(())
    }

    /// Moves every live row of `sessions` to the tables.
    fn move_sessions(&mut self, conn: &Connection, sessions: &[String]) -> rusqlite::Result<()> {
        for kind in EventKind::ALL {
            let ids: Vec<i64> = sessions
                .iter()
                .filter_map(|s| self.sessions.get(s))
                .flat_map(|s| s.kinds[kind.index()].ids.iter().copied())
                .collect();
            if ids.is_empty() {
                continue;
            }
            let json = serde_json::Value::from(ids).to_string();
            conn.prepare_cached(&sql(kind).move_ids)?.execute([json])?;
        }
        for id in sessions {
            if let Some(s) = self.sessions.get_mut(id) {
                for k in &mut s.kinds {
                    // Dropped, not cleared: a session that moved may never
                    // append again, and its capacity would stay.
                    k.ids = Vec::new();
                    k.keys = HashSet::new();
                    k.in_table |= k.max.is_some_and(|m| m > 0);
                }
                s.live = 0;
                if let Some(o) = s.oldest.take() {
                    self.oldest.remove(&o);
                }
            }
        }
        Ok(())
    }
}

/// Whether the table holds `key` for `session`.
fn probe(conn: &Connection, session: &str, kind: EventKind, key: &str) -> rusqlite::Result<bool> {
    conn.prepare_cached(&sql(kind).stored)?
        .exists(rusqlite::params![session, key])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_name_the_log_columns_of_the_table_columns() {
        let q = with_log(
            EventKind::Transcript,
            "seq, item_id, role, text, started_at, ended_at, created_at",
            true,
        );
        assert!(q.contains("SELECT seq, r0, r1, r2, r3, r4, r5 FROM event_log WHERE kind = 0"));
        assert!(q.contains("AND seq > ?2"), "{q}");
        let q = with_log(EventKind::Summary, "version, text, key_points, at", false);
        assert!(
            q.contains("SELECT seq, r0, r1, r2 FROM event_log WHERE kind = 2"),
            "{q}"
        );
        assert!(q.contains("MAX(version) FROM summaries"), "{q}");
    }

    #[test]
    fn every_kind_fits_the_log() {
        for kind in EventKind::ALL {
            let (_, cols, n) = super::super::append::columns(kind);
            assert_eq!(rest(kind).len() + 3, n, "{kind:?}");
            for c in rest(kind) {
                assert!(cols.contains(c), "{kind:?} {c}");
            }
            assert!(rest(kind).len() <= 7);
        }
    }
}
