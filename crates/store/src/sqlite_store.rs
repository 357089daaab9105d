//! [`SqliteStore`]: the embedded default backend (sqlx + SQLite in WAL mode).
//!
//! One writer connection (SQLite allows one writer at a time; queueing in the pool
//! is cheaper than `SQLITE_BUSY` retries) and a small pool of readers. Writes run in
//! `BEGIN IMMEDIATE` transactions, `synchronous = FULL` by default: a write is
//! acknowledged once it is durable on disk.

use std::str::FromStr;
use std::time::Duration;

use serde_json::Value;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteRow,
    SqliteSynchronous,
};
use sqlx::{QueryBuilder, Row, Sqlite, Transaction};

use crate::backend::{into_page, DEFAULT_CHILD_PAGE, DEFAULT_SESSION_PAGE};
use crate::backend::{
    page_size, parse_seq_cursor, parse_session_cursor, session_cursor, AppendResult,
};
use crate::{
    Backend, CleanEvent, CleanSessionMeta, Consent, EraseCounts, Error, Page, PageRequest, Result,
    Role, Session, SessionFilter, SessionStatus, StoredSegment, StoredSummary, StoredToolEvent,
    StoredUsage, Timestamp, Timings, ToolStatus, UsageReport,
};

/// The embedded migrations (`migrations/sqlite`).
pub static SQLITE_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

/// Options of a [`SqliteStore`].
#[derive(Debug, Clone, PartialEq, Eq)]
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
}

fn db(op: &'static str) -> impl FnOnce(sqlx::Error) -> Error {
    move |e| Error::sqlx(op, e)
}

impl SqliteStore {
    /// Opens (creating if missing) the database at `url` (`sqlite://path.db`,
    /// `sqlite:path.db`, or `sqlite::memory:`), and applies migrations.
    pub async fn open(url: &str) -> Result<Self> {
        Self::open_with(url, SqliteOptions::default()).await
    }

    /// Opens with explicit options.
    pub async fn open_with(url: &str, opts: SqliteOptions) -> Result<Self> {
        let memory = url.contains(":memory:") || url.contains("mode=memory");
        let connect = SqliteConnectOptions::from_str(url)
            .map_err(|_| Error::Config("not a valid sqlite:// URL".into()))?
            .create_if_missing(true)
            .foreign_keys(true)
            .busy_timeout(opts.busy_timeout)
            .synchronous(if opts.full_sync {
                SqliteSynchronous::Full
            } else {
                SqliteSynchronous::Normal
            });
        let connect = if memory {
            connect
        } else {
            connect.journal_mode(SqliteJournalMode::Wal)
        };
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .acquire_timeout(Duration::from_secs(60))
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(connect.clone())
            .await
            .map_err(db("open"))?;
        if opts.migrate {
            SQLITE_MIGRATOR
                .run(&writer)
                .await
                .map_err(|e| Error::Migration {
                    source: Box::new(e),
                })?;
        }
        // An in-memory database exists only on its one connection.
        let reader = if memory {
            writer.clone()
        } else {
            SqlitePoolOptions::new()
                .max_connections(opts.readers.max(1))
                .acquire_timeout(Duration::from_secs(60))
                .connect_with(connect.read_only(true))
                .await
                .map_err(db("open"))?
        };
        Ok(SqliteStore { writer, reader })
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
        Ok(rows
            .iter()
            .map(|r| r.get::<String, _>("detail"))
            .collect::<Vec<_>>()
            .join("\n"))
    }

    /// Closes the pools (checkpointing the WAL).
    pub async fn close(&self) {
        self.reader.close().await;
        self.writer.close().await;
    }

    async fn begin(&self, op: &'static str) -> Result<Transaction<'static, Sqlite>> {
        self.writer
            .begin_with("BEGIN IMMEDIATE")
            .await
            .map_err(db(op))
    }
}

fn ts(ms: i64) -> Timestamp {
    Timestamp::from_millis(ms)
}

fn opt_ts(ms: Option<i64>) -> Option<Timestamp> {
    ms.map(Timestamp::from_millis)
}

fn json_col(s: &str) -> Value {
    serde_json::from_str(s).unwrap_or(Value::Null)
}

fn corrupt(op: &'static str, what: &str) -> Error {
    Error::Backend {
        op,
        retryable: false,
        source: format!("unexpected value in column {what}").into(),
    }
}

fn session_row(r: &SqliteRow) -> Result<Session> {
    let consent: String = r.get("consent");
    let status: String = r.get("status");
    let timings: String = r.get("timings");
    let config: String = r.get("config");
    Ok(Session {
        id: r.get("id"),
        user_id: r.get("user_id"),
        provider_session_id: r.get("provider_session_id"),
        voice: r.get("voice"),
        persona: r.get("persona"),
        config: json_col(&config),
        timings: serde_json::from_str::<Timings>(&timings).unwrap_or_default(),
        consent: Consent::parse(&consent).ok_or_else(|| corrupt("read", "sessions.consent"))?,
        status: SessionStatus::parse(&status).ok_or_else(|| corrupt("read", "sessions.status"))?,
        started_at: ts(r.get("started_at")),
        ended_at: opt_ts(r.get("ended_at")),
        created_at: ts(r.get("created_at")),
        updated_at: ts(r.get("updated_at")),
    })
}

fn timings_json(t: Timings) -> String {
    // Only the fields that are set, so json_patch merges field-wise.
    serde_json::to_string(&t).unwrap_or_else(|_| "{}".into())
}

fn map_user_conflict(e: sqlx::Error) -> Error {
    if let sqlx::Error::Database(d) = &e {
        if d.is_unique_violation() {
            let field = if d.message().contains("auth_user_id") {
                "user.auth_user_id"
            } else {
                "user.email"
            };
            return Error::validation(field, "already belongs to another user");
        }
    }
    Error::sqlx("upsert_session", e)
}

async fn counts_where<T>(
    tx: &mut Transaction<'static, Sqlite>,
    cond: &str,
    param: T,
) -> Result<EraseCounts>
where
    T: for<'q> sqlx::Encode<'q, Sqlite> + sqlx::Type<Sqlite> + Clone + Send + 'static,
{
    let mut c = EraseCounts::default();
    for (table, slot) in [
        ("sessions", &mut c.sessions),
        ("transcripts", &mut c.transcripts),
        ("tool_events", &mut c.tool_events),
        ("summaries", &mut c.summaries),
        ("usage_events", &mut c.usage_events),
    ] {
        let sql = if table == "sessions" {
            format!("SELECT COUNT(*) FROM sessions WHERE {cond}")
        } else {
            format!("SELECT COUNT(*) FROM {table} WHERE session_id IN (SELECT id FROM sessions WHERE {cond})")
        };
        let n: i64 = sqlx::query_scalar(&sql)
            .bind(param.clone())
            .fetch_one(&mut **tx)
            .await
            .map_err(db("erase"))?;
        *slot = n as u64;
    }
    Ok(c)
}

impl Backend for SqliteStore {
    fn kind(&self) -> &'static str {
        "sqlite"
    }

    async fn upsert_session(&self, m: &CleanSessionMeta) -> Result<()> {
        let now = Timestamp::now().as_millis();
        let mut tx = self.begin("upsert_session").await?;
        if let Some(uid) = m.user_id() {
            sqlx::query(
                "INSERT INTO app_users (id, auth_user_id, email, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?4)
                 ON CONFLICT (id) DO UPDATE SET
                   auth_user_id = COALESCE(excluded.auth_user_id, app_users.auth_user_id),
                   email = COALESCE(excluded.email, app_users.email),
                   updated_at = excluded.updated_at",
            )
            .bind(uid)
            .bind(m.auth_user_id())
            .bind(m.email())
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(map_user_conflict)?;
        }
        let config = m.config().map(Value::to_string);
        let ended = m.ended_at().map(Timestamp::as_millis);
        sqlx::query(
            "INSERT INTO sessions (id, user_id, provider_session_id, voice, persona, config,
                                   timings, consent, status, started_at, ended_at, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, COALESCE(?6, '{}'), ?7, ?8,
                     CASE WHEN ?10 IS NULL THEN 'active' ELSE 'ended' END,
                     COALESCE(?9, ?11), ?10, ?11, ?11)
             ON CONFLICT (id) DO UPDATE SET
               user_id = COALESCE(excluded.user_id, sessions.user_id),
               provider_session_id = COALESCE(excluded.provider_session_id, sessions.provider_session_id),
               voice = COALESCE(excluded.voice, sessions.voice),
               persona = COALESCE(excluded.persona, sessions.persona),
               config = CASE WHEN ?6 IS NULL THEN sessions.config ELSE excluded.config END,
               timings = json_patch(sessions.timings, excluded.timings),
               consent = excluded.consent,
               ended_at = COALESCE(excluded.ended_at, sessions.ended_at),
               status = CASE WHEN COALESCE(excluded.ended_at, sessions.ended_at) IS NULL
                             THEN 'active' ELSE 'ended' END,
               updated_at = excluded.updated_at",
        )
        .bind(m.session_id())
        .bind(m.user_id())
        .bind(m.provider_session_id())
        .bind(m.voice())
        .bind(m.persona())
        .bind(config)
        .bind(timings_json(m.timings()))
        .bind(m.consent().as_str())
        .bind(m.started_at().map(Timestamp::as_millis))
        .bind(ended)
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(db("upsert_session"))?;
        tx.commit().await.map_err(db("upsert_session"))
    }

    async fn stored_consent(&self, session_id: &str) -> Result<Option<Consent>> {
        let c: Option<String> = sqlx::query_scalar("SELECT consent FROM sessions WHERE id = ?1")
            .bind(session_id)
            .fetch_optional(&self.writer)
            .await
            .map_err(db("stored_consent"))?;
        c.map(|c| Consent::parse(&c).ok_or_else(|| corrupt("stored_consent", "sessions.consent")))
            .transpose()
    }

    async fn withdraw(&self, session_id: &str, erase: bool) -> Result<()> {
        let sql = if erase {
            "DELETE FROM sessions WHERE id = ?1"
        } else {
            "UPDATE sessions SET consent = 'DECLINED', updated_at = ?2 WHERE id = ?1"
        };
        sqlx::query(sql)
            .bind(session_id)
            .bind(Timestamp::now().as_millis())
            .execute(&self.writer)
            .await
            .map_err(db("withdraw"))?;
        Ok(())
    }

    async fn append(&self, session_id: &str, events: &[CleanEvent]) -> Result<Vec<AppendResult>> {
        let mut tx = self.begin("append").await?;
        // The consent check and the writes are one transaction: a withdrawal that
        // committed first is seen; one that comes later waits for this commit.
        let consent: Option<String> =
            sqlx::query_scalar("SELECT consent FROM sessions WHERE id = ?1")
                .bind(session_id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db("append"))?;
        if consent.as_deref() != Some(Consent::Accepted.as_str()) {
            return Ok(vec![AppendResult::NotAccepted; events.len()]);
        }
        let now = Timestamp::now().as_millis();
        let mut out = Vec::with_capacity(events.len());
        for e in events {
            let q = match e {
                CleanEvent::Transcript(x) => sqlx::query(
                    "INSERT INTO transcripts (session_id, seq, item_id, dedup_key, role, text,
                                              started_at, ended_at, created_at)
                     VALUES (?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM transcripts WHERE session_id = ?1),
                             ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                     ON CONFLICT (session_id, dedup_key) DO NOTHING",
                )
                .bind(session_id)
                .bind(x.item_id())
                .bind(x.dedup_key())
                .bind(x.role().as_str())
                .bind(x.text())
                .bind(x.started_at().as_millis())
                .bind(x.ended_at().map(Timestamp::as_millis))
                .bind(now),
                CleanEvent::Tool(x) => sqlx::query(
                    "INSERT INTO tool_events (session_id, seq, call_id, dedup_key, name, args, result,
                                              status, duration_ms, at)
                     VALUES (?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM tool_events WHERE session_id = ?1),
                             ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                     ON CONFLICT (session_id, dedup_key) DO NOTHING",
                )
                .bind(session_id)
                .bind(x.call_id())
                .bind(x.dedup_key())
                .bind(x.name())
                .bind(x.args().to_string())
                .bind(x.result().map(Value::to_string))
                .bind(x.status().as_str())
                .bind(x.duration_ms().map(|d| d as i64))
                .bind(x.at().as_millis()),
                CleanEvent::Summary(x) => sqlx::query(
                    "INSERT INTO summaries (session_id, version, dedup_key, text, key_points, at)
                     VALUES (?1, (SELECT COALESCE(MAX(version), 0) + 1 FROM summaries WHERE session_id = ?1),
                             ?2, ?3, ?4, ?5)
                     ON CONFLICT (session_id, dedup_key) DO NOTHING",
                )
                .bind(session_id)
                .bind(x.dedup_key())
                .bind(x.text())
                .bind(serde_json::to_string(x.key_points()).unwrap_or_else(|_| "[]".into()))
                .bind(x.at().as_millis()),
                CleanEvent::Usage(x) => sqlx::query(
                    "INSERT INTO usage_events (session_id, seq, event_id, dedup_key, kind, value, meta, at)
                     VALUES (?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM usage_events WHERE session_id = ?1),
                             ?2, ?3, ?4, ?5, ?6, ?7)
                     ON CONFLICT (session_id, dedup_key) DO NOTHING",
                )
                .bind(session_id)
                .bind(x.event_id())
                .bind(x.dedup_key())
                .bind(x.kind())
                .bind(x.value())
                .bind(x.meta().map(Value::to_string))
                .bind(x.at().as_millis()),
            };
            let n = q
                .execute(&mut *tx)
                .await
                .map_err(db("append"))?
                .rows_affected();
            out.push(if n == 1 {
                AppendResult::Inserted
            } else {
                AppendResult::Duplicate
            });
        }
        tx.commit().await.map_err(db("append"))?;
        Ok(out)
    }

    async fn get_session(&self, id: &str) -> Result<Option<Session>> {
        sqlx::query("SELECT * FROM sessions WHERE id = ?1")
            .bind(id)
            .fetch_optional(&self.reader)
            .await
            .map_err(db("get_session"))?
            .as_ref()
            .map(session_row)
            .transpose()
    }

    async fn list_sessions(&self, f: &SessionFilter) -> Result<Page<Session>> {
        let after = parse_session_cursor(f.cursor.as_deref())?;
        let limit = page_size(f.limit, DEFAULT_SESSION_PAGE);
        let mut q = QueryBuilder::<Sqlite>::new("SELECT * FROM sessions WHERE 1 = 1");
        if let Some(u) = &f.user_id {
            q.push(" AND user_id = ").push_bind(u.clone());
        }
        if let Some(c) = f.consent {
            q.push(" AND consent = ").push_bind(c.as_str());
        }
        if let Some(s) = f.status {
            q.push(" AND status = ").push_bind(s.as_str());
        }
        if let Some(t) = f.started_after {
            q.push(" AND started_at >= ").push_bind(t.as_millis());
        }
        if let Some(t) = f.started_before {
            q.push(" AND started_at < ").push_bind(t.as_millis());
        }
        if let Some((ms, id)) = after {
            q.push(" AND (started_at < ")
                .push_bind(ms)
                .push(" OR (started_at = ")
                .push_bind(ms)
                .push(" AND id < ")
                .push_bind(id)
                .push("))");
        }
        q.push(" ORDER BY started_at DESC, id DESC LIMIT ")
            .push_bind(i64::from(limit) + 1);
        let rows = q
            .build()
            .fetch_all(&self.reader)
            .await
            .map_err(db("list_sessions"))?;
        let items = rows.iter().map(session_row).collect::<Result<Vec<_>>>()?;
        Ok(into_page(items, limit, session_cursor))
    }

    async fn get_transcripts(
        &self,
        session_id: &str,
        page: &PageRequest,
    ) -> Result<Page<StoredSegment>> {
        let after = parse_seq_cursor(page.cursor.as_deref())?;
        let limit = page_size(page.limit, DEFAULT_CHILD_PAGE);
        let rows = sqlx::query(
            "SELECT * FROM transcripts WHERE session_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3",
        )
        .bind(session_id)
        .bind(after)
        .bind(i64::from(limit) + 1)
        .fetch_all(&self.reader)
        .await
        .map_err(db("get_transcripts"))?;
        let items = rows
            .iter()
            .map(|r| {
                let role: String = r.get("role");
                Ok(StoredSegment {
                    seq: r.get("seq"),
                    item_id: r.get("item_id"),
                    role: Role::parse(&role).ok_or_else(|| corrupt("read", "transcripts.role"))?,
                    text: r.get("text"),
                    started_at: ts(r.get("started_at")),
                    ended_at: opt_ts(r.get("ended_at")),
                    created_at: ts(r.get("created_at")),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(into_page(items, limit, |s| s.seq.to_string()))
    }

    async fn get_tool_events(
        &self,
        session_id: &str,
        page: &PageRequest,
    ) -> Result<Page<StoredToolEvent>> {
        let after = parse_seq_cursor(page.cursor.as_deref())?;
        let limit = page_size(page.limit, DEFAULT_CHILD_PAGE);
        let rows = sqlx::query(
            "SELECT * FROM tool_events WHERE session_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3",
        )
        .bind(session_id)
        .bind(after)
        .bind(i64::from(limit) + 1)
        .fetch_all(&self.reader)
        .await
        .map_err(db("get_tool_events"))?;
        let items = rows
            .iter()
            .map(|r| {
                let status: String = r.get("status");
                let args: String = r.get("args");
                let result: Option<String> = r.get("result");
                let duration: Option<i64> = r.get("duration_ms");
                Ok(StoredToolEvent {
                    seq: r.get("seq"),
                    call_id: r.get("call_id"),
                    name: r.get("name"),
                    args: json_col(&args),
                    result: result.as_deref().map(json_col),
                    status: ToolStatus::parse(&status)
                        .ok_or_else(|| corrupt("read", "tool_events.status"))?,
                    duration_ms: duration.map(|d| d.max(0) as u64),
                    at: ts(r.get("at")),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(into_page(items, limit, |s| s.seq.to_string()))
    }

    async fn get_summary(&self, session_id: &str) -> Result<Option<StoredSummary>> {
        let row = sqlx::query(
            "SELECT * FROM summaries WHERE session_id = ?1 ORDER BY version DESC LIMIT 1",
        )
        .bind(session_id)
        .fetch_optional(&self.reader)
        .await
        .map_err(db("get_summary"))?;
        Ok(row.map(|r| {
            let kp: String = r.get("key_points");
            StoredSummary {
                version: r.get("version"),
                text: r.get("text"),
                key_points: serde_json::from_str(&kp).unwrap_or_default(),
                at: ts(r.get("at")),
            }
        }))
    }

    async fn get_usage(&self, session_id: &str) -> Result<UsageReport> {
        let rows = sqlx::query("SELECT * FROM usage_events WHERE session_id = ?1 ORDER BY seq")
            .bind(session_id)
            .fetch_all(&self.reader)
            .await
            .map_err(db("get_usage"))?;
        let events = rows
            .iter()
            .map(|r| {
                let meta: Option<String> = r.get("meta");
                StoredUsage {
                    seq: r.get("seq"),
                    event_id: r.get("event_id"),
                    kind: r.get("kind"),
                    value: r.get("value"),
                    meta: meta.as_deref().map(json_col),
                    at: ts(r.get("at")),
                }
            })
            .collect();
        Ok(UsageReport::from_events(events))
    }

    async fn delete_session(&self, id: &str) -> Result<bool> {
        let n = sqlx::query("DELETE FROM sessions WHERE id = ?1")
            .bind(id)
            .execute(&self.writer)
            .await
            .map_err(db("delete_session"))?
            .rows_affected();
        Ok(n > 0)
    }

    async fn erase_user(&self, user_id: &str) -> Result<EraseCounts> {
        let mut tx = self.begin("erase_user").await?;
        let mut c = counts_where(&mut tx, "user_id = ?1", user_id.to_owned()).await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = ?1")
            .bind(user_id)
            .execute(&mut *tx)
            .await
            .map_err(db("erase_user"))?;
        c.users = sqlx::query("DELETE FROM app_users WHERE id = ?1")
            .bind(user_id)
            .execute(&mut *tx)
            .await
            .map_err(db("erase_user"))?
            .rows_affected();
        tx.commit().await.map_err(db("erase_user"))?;
        Ok(c)
    }

    async fn purge_before(&self, before: Timestamp) -> Result<EraseCounts> {
        let ms = before.as_millis();
        let mut tx = self.begin("purge").await?;
        let c = counts_where(&mut tx, "started_at < ?1", ms).await?;
        sqlx::query("DELETE FROM sessions WHERE started_at < ?1")
            .bind(ms)
            .execute(&mut *tx)
            .await
            .map_err(db("purge"))?;
        tx.commit().await.map_err(db("purge"))?;
        Ok(c)
    }

    async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1")
            .execute(&self.reader)
            .await
            .map_err(db("ping"))?;
        Ok(())
    }
}
