//! [`PostgresStore`]: the production backend (sqlx + PostgreSQL).
//!
//! - **Its own schema** (`realtime_store` by default; `?schema=name` in the URL or
//!   [`PostgresOptions::schema`]), holding its tables *and* its migrations table
//!   (`_sqlx_migrations`), so it can share a database with other applications.
//!   Every statement names the schema explicitly; nothing depends on the
//!   connection's `search_path` (which a transaction-mode pooler would not keep).
//! - **Appends** run in one transaction per batch: the session row is locked
//!   (`SELECT consent … FOR UPDATE`) — which makes the write conditional on the
//!   stored consent *and* serialises `seq` allocation across every instance sharing
//!   the database — then one set-based `INSERT … SELECT FROM UNNEST(…)` per child
//!   table, `ON CONFLICT (session_id, dedup_key) DO NOTHING RETURNING dedup_key`.
//! - **Transient failures** (connection killed, server restarting, serialization
//!   failure, deadlock, pool timeout) are retried a bounded number of times with
//!   backoff; dedup keys make append retries safe.
//! - **PgBouncer transaction mode**: with `prepared_statements = false` no named
//!   server-side statement is ever created, and every operation (reads included)
//!   runs inside one transaction, so its statements stay on one server connection.
//!
//! Errors never carry SQL parameter values: server messages of the data-exception
//! and integrity classes (which may quote values) are reduced to their SQLSTATE.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnectOptions, PgConnection, PgPool, PgPoolOptions, PgRow};
use sqlx::{Connection, Postgres, QueryBuilder, Row, Transaction};

use crate::backend::{
    into_page, page_size, parse_seq_cursor, parse_session_cursor, session_cursor, AppendResult,
};
use crate::backend::{DEFAULT_CHILD_PAGE, DEFAULT_SESSION_PAGE};
use crate::postgres_sql::Sql;
use crate::{
    Backend, CleanEvent, CleanSegment, CleanSessionMeta, CleanSummary, CleanToolEvent, CleanUsage,
    Consent, EraseCounts, Error, Page, PageRequest, PostgresOptions, Result, Role, Session,
    SessionFilter, SessionStatus, StoredSegment, StoredSummary, StoredToolEvent, StoredUsage,
    Timestamp, Timings, ToolStatus, UsageReport,
};

/// The embedded migrations (`migrations/postgres`). They use unqualified names and
/// are applied with `search_path` set to the store's schema.
pub static POSTGRES_MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// The PostgreSQL backend. Cheap to clone (shares the pool).
#[derive(Clone)]
pub struct PostgresStore {
    inner: Arc<Inner>,
}

struct Inner {
    pool: PgPool,
    schema: String,
    sql: Sql,
    prepared: bool,
    begin_sql: String,
    max_retries: u32,
}

impl fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PostgresStore")
            .field("schema", &self.inner.schema)
            .field("prepared_statements", &self.inner.prepared)
            .field("pool_size", &self.inner.pool.size())
            .finish_non_exhaustive()
    }
}

/// Converts a sqlx error, keeping its retryability and dropping anything that may
/// quote a parameter value. `field` names the input a NUL character came from.
fn pg_error(op: &'static str, field: &'static str, e: sqlx::Error) -> Error {
    if let sqlx::Error::Database(d) = &e {
        // Text with U+0000 (22021) or JSON with \u0000 (22P05): PostgreSQL cannot
        // store it. Validation rejects NUL first; this is the backstop.
        if matches!(d.code().as_deref(), Some("22021") | Some("22P05")) {
            return Error::validation(
                field,
                "contains a NUL character, which PostgreSQL cannot store",
            );
        }
    }
    // Error::sqlx keeps the retryability and drops anything that may quote a value.
    Error::sqlx(op, e)
}

fn db(op: &'static str) -> impl FnOnce(sqlx::Error) -> Error {
    move |e| pg_error(op, "input", e)
}

fn corrupt(op: &'static str, what: &str) -> Error {
    Error::Backend {
        op,
        retryable: false,
        source: format!("unexpected value in column {what}").into(),
    }
}

fn col<'r, T>(r: &'r PgRow, name: &str) -> Result<T>
where
    T: sqlx::Decode<'r, Postgres> + sqlx::Type<Postgres>,
{
    r.try_get(name).map_err(db("read"))
}

/// A connection for one operation: pooled, or (without prepared statements) a
/// transaction, so that a transaction-mode pooler keeps the operation's statements
/// on one server connection.
enum Conn {
    Pooled(PoolConnection<Postgres>),
    Tx(Transaction<'static, Postgres>),
}

impl Conn {
    fn c(&mut self) -> &mut PgConnection {
        match self {
            Conn::Pooled(c) => c,
            Conn::Tx(t) => t,
        }
    }

    async fn done(self, op: &'static str) -> Result<()> {
        match self {
            Conn::Pooled(_) => Ok(()),
            Conn::Tx(t) => t.commit().await.map_err(db(op)),
        }
    }
}

/// One kind of child rows of a batch, deduplicated by key (first occurrence wins).
struct Kind<'a, T> {
    rows: Vec<&'a T>,
    /// Batch index → position in `rows`, for first occurrences.
    first: HashMap<usize, usize>,
}

impl<T> Default for Kind<'_, T> {
    fn default() -> Self {
        Kind {
            rows: Vec::new(),
            first: HashMap::new(),
        }
    }
}

/// A batch split by kind, duplicates within the batch removed.
#[derive(Default)]
struct Batch<'a> {
    transcripts: Kind<'a, CleanSegment>,
    tools: Kind<'a, CleanToolEvent>,
    summaries: Kind<'a, CleanSummary>,
    usage: Kind<'a, CleanUsage>,
}

impl<'a> Batch<'a> {
    fn new(events: &'a [CleanEvent]) -> Self {
        fn add<'a, T>(
            k: &mut Kind<'a, T>,
            seen: &mut HashSet<(u8, &'a str)>,
            tag: u8,
            key: &'a str,
            i: usize,
            x: &'a T,
        ) {
            if seen.insert((tag, key)) {
                k.first.insert(i, k.rows.len());
                k.rows.push(x);
            }
        }
        let mut b = Batch::default();
        let mut seen = HashSet::new();
        for (i, e) in events.iter().enumerate() {
            match e {
                CleanEvent::Transcript(x) => {
                    add(&mut b.transcripts, &mut seen, 0, x.dedup_key(), i, x)
                }
                CleanEvent::Tool(x) => add(&mut b.tools, &mut seen, 1, x.dedup_key(), i, x),
                CleanEvent::Summary(x) => add(&mut b.summaries, &mut seen, 2, x.dedup_key(), i, x),
                CleanEvent::Usage(x) => add(&mut b.usage, &mut seen, 3, x.dedup_key(), i, x),
            }
        }
        b
    }
}

/// Dedup keys written by one append attempt, per kind.
#[derive(Default)]
struct Written {
    keys: [HashSet<String>; 4],
}

impl PostgresStore {
    /// Opens the store at `url` (`postgres://` or `postgresql://`, with optional
    /// parameters, see [`PostgresOptions`]); creates the schema and applies
    /// migrations unless `migrate=false`.
    pub async fn open(url: &str) -> Result<Self> {
        Self::open_with(url, PostgresOptions::default()).await
    }

    /// Opens with explicit options (parameters in the URL override them).
    pub async fn open_with(url: &str, opts: PostgresOptions) -> Result<Self> {
        let (mut connect, opts) = opts.apply_url(url)?;
        if connect.get_application_name().is_none() {
            connect = connect.application_name(&opts.application_name);
        }
        let timeout_ms = opts.statement_timeout.map(|d| d.as_millis().max(1));
        let mut begin_sql = "BEGIN".to_owned();
        if opts.prepared_statements {
            if let Some(ms) = timeout_ms {
                connect = connect.options([("statement_timeout", ms.to_string())]);
            }
        } else {
            // Startup parameters and session settings do not survive a
            // transaction-mode pooler: the timeout is set per transaction instead.
            connect = connect.statement_cache_capacity(0);
            if let Some(ms) = timeout_ms {
                begin_sql = format!("BEGIN; SET LOCAL statement_timeout = {ms}");
            }
        }
        if opts.migrate {
            migrate_schema(&connect, &opts.schema).await?;
        }
        let pool = PgPoolOptions::new()
            .max_connections(opts.max_connections)
            .min_connections(opts.min_connections.min(opts.max_connections))
            .acquire_timeout(opts.acquire_timeout)
            .test_before_acquire(true)
            .connect_with(connect)
            .await
            .map_err(db("open"))?;
        Ok(PostgresStore {
            inner: Arc::new(Inner {
                pool,
                sql: Sql::new(&opts.schema),
                schema: opts.schema,
                prepared: opts.prepared_statements,
                begin_sql,
                max_retries: opts.max_retries,
            }),
        })
    }

    /// The schema holding the store's tables.
    pub fn schema(&self) -> &str {
        &self.inner.schema
    }

    /// The connection pool (for maintenance queries of your own; writes must go
    /// through a [`RealtimeStore`](crate::RealtimeStore)).
    pub fn pool(&self) -> &PgPool {
        &self.inner.pool
    }

    /// Applies pending migrations (also done by [`open`](Self::open)).
    pub async fn migrate(&self) -> Result<()> {
        let opts = self.inner.pool.connect_options();
        migrate_schema(&opts, &self.inner.schema).await
    }

    /// Total size of the schema's tables (with their indexes and TOAST), in bytes.
    pub async fn size_bytes(&self) -> Result<u64> {
        let mut c = self.conn("size").await?;
        let n: i64 = sqlx::query_scalar(
            "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)::int8
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')",
        )
        .bind(&self.inner.schema)
        .persistent(self.inner.prepared)
        .fetch_one(c.c())
        .await
        .map_err(db("size"))?;
        c.done("size").await?;
        Ok(n.max(0) as u64)
    }

    /// Closes the pool.
    pub async fn close(&self) {
        self.inner.pool.close().await;
    }

    fn sql(&self) -> &Sql {
        &self.inner.sql
    }

    fn p(&self) -> bool {
        self.inner.prepared
    }

    async fn begin(&self, op: &'static str) -> Result<Transaction<'static, Postgres>> {
        if self.inner.begin_sql == "BEGIN" {
            self.inner.pool.begin().await.map_err(db(op))
        } else {
            self.inner
                .pool
                .begin_with(self.inner.begin_sql.clone())
                .await
                .map_err(db(op))
        }
    }

    /// One page of a child table's rows of a session, in `seq` order (`limit + 1`
    /// rows fetched, see `into_page`), retried on transient failures.
    async fn child_rows(
        &self,
        op: &'static str,
        sql: &str,
        session_id: &str,
        page: &PageRequest,
    ) -> Result<(Vec<PgRow>, u32)> {
        let after = parse_seq_cursor(page.cursor.as_deref())?;
        let limit = page_size(page.limit, DEFAULT_CHILD_PAGE);
        let rows = self
            .retrying(op, || async {
                let mut c = self.conn(op).await?;
                let rows = sqlx::query(sql)
                    .bind(session_id)
                    .bind(after)
                    .bind(i64::from(limit) + 1)
                    .persistent(self.p())
                    .fetch_all(c.c())
                    .await
                    .map_err(db(op))?;
                c.done(op).await?;
                Ok(rows)
            })
            .await?;
        Ok((rows, limit))
    }

    async fn conn(&self, op: &'static str) -> Result<Conn> {
        if self.inner.prepared {
            Ok(Conn::Pooled(
                self.inner.pool.acquire().await.map_err(db(op))?,
            ))
        } else {
            Ok(Conn::Tx(self.begin(op).await?))
        }
    }

    /// Waits before retry `attempt` (1-based) if `e` is transient and retries are
    /// left; `false` when the error must go to the caller.
    async fn backoff(&self, op: &'static str, e: &Error, attempt: u32) -> bool {
        if !e.is_retryable() || attempt > self.inner.max_retries {
            return false;
        }
        tracing::warn!(op, attempt, "transient PostgreSQL failure, retrying");
        let ms = 20u64 << (attempt - 1).min(6);
        tokio::time::sleep(Duration::from_millis(ms)).await;
        true
    }

    /// Runs an idempotent operation, retrying transient failures.
    async fn retrying<T, F, Fut>(&self, op: &'static str, mut f: F) -> Result<T>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T>>,
    {
        let mut attempt = 0;
        loop {
            match f().await {
                Ok(v) => return Ok(v),
                Err(e) => {
                    attempt += 1;
                    if !self.backoff(op, &e, attempt).await {
                        return Err(e);
                    }
                }
            }
        }
    }

    async fn upsert_once(&self, m: &CleanSessionMeta) -> Result<()> {
        let now = Timestamp::now().as_millis();
        let mut tx = self.begin("upsert_session").await?;
        if let Some(uid) = m.user_id() {
            sqlx::query(&self.sql().upsert_user)
                .bind(uid)
                .bind(m.auth_user_id())
                .bind(m.email())
                .bind(now)
                .persistent(self.p())
                .execute(&mut *tx)
                .await
                .map_err(map_user_conflict)?;
        }
        let timings =
            serde_json::to_value(m.timings()).unwrap_or_else(|_| Value::Object(Default::default()));
        sqlx::query(&self.sql().upsert_session)
            .bind(m.session_id())
            .bind(m.user_id())
            .bind(m.provider_session_id())
            .bind(m.voice())
            .bind(m.persona())
            .bind(m.config())
            .bind(&timings)
            .bind(m.consent().as_str())
            .bind(m.started_at().map(Timestamp::as_millis))
            .bind(m.ended_at().map(Timestamp::as_millis))
            .bind(now)
            .persistent(self.p())
            .execute(&mut *tx)
            .await
            .map_err(|e| pg_error("upsert_session", "config", e))?;
        tx.commit().await.map_err(db("upsert_session"))
    }

    /// One append attempt. Keys the attempt inserted are recorded in `written`
    /// before the commit, so that a retry after an ambiguous commit failure can
    /// still report them as inserted.
    async fn append_once(
        &self,
        session_id: &str,
        b: &Batch<'_>,
        written: &mut Written,
    ) -> Result<Option<[HashSet<String>; 4]>> {
        let op = "append";
        let field = "events";
        let mut tx = self.begin(op).await?;
        // Locks the session row: writes are conditional on the stored consent in
        // this transaction, and seq allocation is serialised across instances.
        let consent: Option<String> = sqlx::query_scalar(&self.sql().lock_session)
            .bind(session_id)
            .persistent(self.p())
            .fetch_optional(&mut *tx)
            .await
            .map_err(db(op))?;
        if consent.as_deref() != Some(Consent::Accepted.as_str()) {
            tx.rollback().await.map_err(db(op))?;
            return Ok(None);
        }
        let now = Timestamp::now().as_millis();
        let mut got: [HashSet<String>; 4] = Default::default();
        let fetch = |keys: Vec<String>| keys.into_iter().collect::<HashSet<String>>();
        if !b.transcripts.rows.is_empty() {
            let r = &b.transcripts.rows;
            let keys: Vec<String> = sqlx::query_scalar(&self.sql().insert_transcripts)
                .bind(session_id)
                .bind(r.iter().map(|x| x.item_id()).collect::<Vec<_>>())
                .bind(r.iter().map(|x| x.dedup_key()).collect::<Vec<_>>())
                .bind(r.iter().map(|x| x.role().as_str()).collect::<Vec<_>>())
                .bind(r.iter().map(|x| x.text()).collect::<Vec<_>>())
                .bind(
                    r.iter()
                        .map(|x| x.started_at().as_millis())
                        .collect::<Vec<_>>(),
                )
                .bind(
                    r.iter()
                        .map(|x| x.ended_at().map(Timestamp::as_millis))
                        .collect::<Vec<_>>(),
                )
                .bind(now)
                .persistent(self.p())
                .fetch_all(&mut *tx)
                .await
                .map_err(|e| pg_error(op, field, e))?;
            got[0] = fetch(keys);
        }
        if !b.tools.rows.is_empty() {
            let r = &b.tools.rows;
            let keys: Vec<String> = sqlx::query_scalar(&self.sql().insert_tools)
                .bind(session_id)
                .bind(r.iter().map(|x| x.call_id()).collect::<Vec<_>>())
                .bind(r.iter().map(|x| x.dedup_key()).collect::<Vec<_>>())
                .bind(r.iter().map(|x| x.name()).collect::<Vec<_>>())
                .bind(r.iter().map(|x| x.args()).collect::<Vec<_>>())
                .bind(r.iter().map(|x| x.result()).collect::<Vec<_>>())
                .bind(r.iter().map(|x| x.status().as_str()).collect::<Vec<_>>())
                .bind(
                    r.iter()
                        .map(|x| {
                            x.duration_ms()
                                .map(|d| i64::try_from(d).unwrap_or(i64::MAX))
                        })
                        .collect::<Vec<_>>(),
                )
                .bind(r.iter().map(|x| x.at().as_millis()).collect::<Vec<_>>())
                .persistent(self.p())
                .fetch_all(&mut *tx)
                .await
                .map_err(|e| pg_error(op, field, e))?;
            got[1] = fetch(keys);
        }
        if !b.summaries.rows.is_empty() {
            let r = &b.summaries.rows;
            let keys: Vec<String> = sqlx::query_scalar(&self.sql().insert_summaries)
                .bind(session_id)
                .bind(r.iter().map(|x| x.dedup_key()).collect::<Vec<_>>())
                .bind(r.iter().map(|x| x.text()).collect::<Vec<_>>())
                .bind(
                    r.iter()
                        .map(|x| Value::from(x.key_points().to_vec()))
                        .collect::<Vec<_>>(),
                )
                .bind(r.iter().map(|x| x.at().as_millis()).collect::<Vec<_>>())
                .persistent(self.p())
                .fetch_all(&mut *tx)
                .await
                .map_err(|e| pg_error(op, field, e))?;
            got[2] = fetch(keys);
        }
        if !b.usage.rows.is_empty() {
            let r = &b.usage.rows;
            let keys: Vec<String> = sqlx::query_scalar(&self.sql().insert_usage)
                .bind(session_id)
                .bind(r.iter().map(|x| x.event_id()).collect::<Vec<_>>())
                .bind(r.iter().map(|x| x.dedup_key()).collect::<Vec<_>>())
                .bind(r.iter().map(|x| x.kind()).collect::<Vec<_>>())
                .bind(r.iter().map(|x| x.value()).collect::<Vec<_>>())
                .bind(r.iter().map(|x| x.meta()).collect::<Vec<_>>())
                .bind(r.iter().map(|x| x.at().as_millis()).collect::<Vec<_>>())
                .persistent(self.p())
                .fetch_all(&mut *tx)
                .await
                .map_err(|e| pg_error(op, field, e))?;
            got[3] = fetch(keys);
        }
        if let Err(e) = tx.commit().await {
            // The commit may or may not have happened: if it did, a retry finds
            // these keys stored; they are still this call's inserts.
            for (w, g) in written.keys.iter_mut().zip(&got) {
                w.extend(g.iter().cloned());
            }
            return Err(db(op)(e));
        }
        Ok(Some(got))
    }

    /// Locks the given sessions one by one (single-row statements, which also work
    /// on a distributed database), keeping those `lock` still matches.
    async fn lock_each(
        &self,
        tx: &mut Transaction<'static, Postgres>,
        op: &'static str,
        ids: Vec<String>,
        lock: &str,
        extra: Extra<'_>,
    ) -> Result<Vec<String>> {
        let mut kept = Vec::with_capacity(ids.len());
        for id in ids {
            let q = sqlx::query_scalar::<_, String>(lock).bind(&id);
            let q = match extra {
                Extra::Text(t) => q.bind(t),
                Extra::Int(i) => q.bind(i),
            };
            if let Some(id) = q
                .persistent(self.p())
                .fetch_optional(&mut **tx)
                .await
                .map_err(db(op))?
            {
                kept.push(id);
            }
        }
        Ok(kept)
    }

    /// Deletes the (locked) sessions and their children, counting rows per table.
    async fn delete_counted(
        &self,
        tx: &mut Transaction<'static, Postgres>,
        op: &'static str,
        ids: &[String],
    ) -> Result<EraseCounts> {
        let mut c = EraseCounts::default();
        if ids.is_empty() {
            return Ok(c);
        }
        let slots = [
            &mut c.transcripts,
            &mut c.tool_events,
            &mut c.summaries,
            &mut c.usage_events,
        ];
        for (sql, slot) in self.sql().delete_children.iter().zip(slots) {
            *slot = sqlx::query(sql)
                .bind(ids)
                .persistent(self.p())
                .execute(&mut **tx)
                .await
                .map_err(db(op))?
                .rows_affected();
        }
        c.sessions = sqlx::query(&self.sql().delete_sessions)
            .bind(ids)
            .persistent(self.p())
            .execute(&mut **tx)
            .await
            .map_err(db(op))?
            .rows_affected();
        Ok(c)
    }

    async fn erase_user_once(
        &self,
        user_id: &str,
    ) -> Result<(EraseCounts, Transaction<'static, Postgres>)> {
        let op = "erase_user";
        let mut tx = self.begin(op).await?;
        // The user row first: sessions cannot be linked to it meanwhile.
        sqlx::query(&self.sql().lock_user)
            .bind(user_id)
            .persistent(self.p())
            .fetch_optional(&mut *tx)
            .await
            .map_err(db(op))?;
        let ids: Vec<String> = sqlx::query_scalar(&self.sql().user_session_ids)
            .bind(user_id)
            .persistent(self.p())
            .fetch_all(&mut *tx)
            .await
            .map_err(db(op))?;
        // Then each session row: in-flight appends finish first, later ones find
        // nothing to write to.
        let ids = self
            .lock_each(
                &mut tx,
                op,
                ids,
                &self.sql().lock_user_session,
                Extra::Text(user_id),
            )
            .await?;
        let mut c = self.delete_counted(&mut tx, op, &ids).await?;
        c.users = sqlx::query(&self.sql().delete_user)
            .bind(user_id)
            .persistent(self.p())
            .execute(&mut *tx)
            .await
            .map_err(db(op))?
            .rows_affected();
        Ok((c, tx))
    }

    async fn purge_chunk(
        &self,
        before: i64,
    ) -> Result<(EraseCounts, usize, Transaction<'static, Postgres>)> {
        const CHUNK: i64 = 500;
        let op = "purge";
        let mut tx = self.begin(op).await?;
        let ids: Vec<String> = sqlx::query_scalar(&self.sql().purge_ids)
            .bind(before)
            .bind(CHUNK)
            .persistent(self.p())
            .fetch_all(&mut *tx)
            .await
            .map_err(db(op))?;
        let listed = ids.len();
        let ids = self
            .lock_each(
                &mut tx,
                op,
                ids,
                &self.sql().lock_old_session,
                Extra::Int(before),
            )
            .await?;
        let c = self.delete_counted(&mut tx, op, &ids).await?;
        Ok((c, listed, tx))
    }
}

#[derive(Clone, Copy)]
enum Extra<'a> {
    Text(&'a str),
    Int(i64),
}

/// Creates the schema if missing and applies the migrations on a dedicated
/// connection whose `search_path` is the schema alone (so `_sqlx_migrations` is
/// the schema's own).
async fn migrate_schema(connect: &PgConnectOptions, schema: &str) -> Result<()> {
    let mig = |e: sqlx::Error| pg_error("migrate", "schema", e);
    let mut conn = PgConnection::connect_with(connect).await.map_err(mig)?;
    let res = async {
        sqlx::query("SET statement_timeout = 0")
            .execute(&mut conn)
            .await
            .map_err(mig)?;
        let exists: bool =
            sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1)")
                .bind(schema)
                .fetch_one(&mut conn)
                .await
                .map_err(mig)?;
        if !exists {
            // Serialise concurrent creators (several instances starting at once).
            let mut tx = conn.begin().await.map_err(mig)?;
            sqlx::query("SELECT pg_advisory_xact_lock(7242, hashtext($1))")
                .bind(schema)
                .execute(&mut *tx)
                .await
                .map_err(mig)?;
            sqlx::query(&format!("CREATE SCHEMA IF NOT EXISTS \"{schema}\""))
                .execute(&mut *tx)
                .await
                .map_err(mig)?;
            tx.commit().await.map_err(mig)?;
        }
        sqlx::query(&format!("SET search_path TO \"{schema}\""))
            .execute(&mut conn)
            .await
            .map_err(mig)?;
        POSTGRES_MIGRATOR
            .run(&mut conn)
            .await
            .map_err(|e| Error::Migration {
                source: Box::new(e),
            })
    }
    .await;
    let _ = conn.close().await;
    res
}

fn map_user_conflict(e: sqlx::Error) -> Error {
    if let sqlx::Error::Database(d) = &e {
        if d.is_unique_violation() {
            let field = match d.constraint() {
                Some(c) if c.contains("auth_user_id") => "user.auth_user_id",
                _ => "user.email",
            };
            return Error::validation(field, "already belongs to another user");
        }
    }
    pg_error("upsert_session", "user", e)
}

fn opt_ts(ms: Option<i64>) -> Option<Timestamp> {
    ms.map(Timestamp::from_millis)
}

fn session_row(r: &PgRow) -> Result<Session> {
    let consent: String = col(r, "consent")?;
    let status: String = col(r, "status")?;
    let timings: Value = col(r, "timings")?;
    Ok(Session {
        id: col(r, "id")?,
        user_id: col(r, "user_id")?,
        provider_session_id: col(r, "provider_session_id")?,
        voice: col(r, "voice")?,
        persona: col(r, "persona")?,
        config: col(r, "config")?,
        timings: serde_json::from_value::<Timings>(timings).unwrap_or_default(),
        consent: Consent::parse(&consent).ok_or_else(|| corrupt("read", "sessions.consent"))?,
        status: SessionStatus::parse(&status).ok_or_else(|| corrupt("read", "sessions.status"))?,
        started_at: Timestamp::from_millis(col(r, "started_at")?),
        ended_at: opt_ts(col(r, "ended_at")?),
        created_at: Timestamp::from_millis(col(r, "created_at")?),
        updated_at: Timestamp::from_millis(col(r, "updated_at")?),
    })
}

impl Backend for PostgresStore {
    fn kind(&self) -> &'static str {
        "postgres"
    }

    async fn upsert_session(&self, m: &CleanSessionMeta) -> Result<()> {
        self.retrying("upsert_session", || self.upsert_once(m))
            .await
    }

    async fn stored_consent(&self, session_id: &str) -> Result<Option<Consent>> {
        let c: Option<String> = self
            .retrying("stored_consent", || async {
                let mut c = self.conn("stored_consent").await?;
                let v = sqlx::query_scalar(&self.sql().stored_consent)
                    .bind(session_id)
                    .persistent(self.p())
                    .fetch_optional(c.c())
                    .await
                    .map_err(db("stored_consent"))?;
                c.done("stored_consent").await?;
                Ok(v)
            })
            .await?;
        c.map(|c| Consent::parse(&c).ok_or_else(|| corrupt("stored_consent", "sessions.consent")))
            .transpose()
    }

    async fn withdraw(&self, session_id: &str, erase: bool) -> Result<()> {
        self.retrying("withdraw", || async {
            let mut c = self.conn("withdraw").await?;
            if erase {
                sqlx::query(&self.sql().delete_session)
                    .bind(session_id)
                    .persistent(self.p())
                    .execute(c.c())
                    .await
                    .map_err(db("withdraw"))?;
            } else {
                sqlx::query(&self.sql().decline)
                    .bind(session_id)
                    .bind(Timestamp::now().as_millis())
                    .persistent(self.p())
                    .execute(c.c())
                    .await
                    .map_err(db("withdraw"))?;
            }
            c.done("withdraw").await
        })
        .await
    }

    async fn append(&self, session_id: &str, events: &[CleanEvent]) -> Result<Vec<AppendResult>> {
        if events.is_empty() {
            return Ok(Vec::new());
        }
        let batch = Batch::new(events);
        let mut written = Written::default();
        let mut attempt = 0;
        let got = loop {
            match self.append_once(session_id, &batch, &mut written).await {
                Ok(g) => break g,
                Err(e) => {
                    attempt += 1;
                    if !self.backoff("append", &e, attempt).await {
                        return Err(e);
                    }
                }
            }
        };
        let Some(got) = got else {
            return Ok(vec![AppendResult::NotAccepted; events.len()]);
        };
        let inserted = |k: usize, key: &str| got[k].contains(key) || written.keys[k].contains(key);
        Ok(events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let first = match e {
                    CleanEvent::Transcript(x) => batch
                        .transcripts
                        .first
                        .contains_key(&i)
                        .then_some((0, x.dedup_key())),
                    CleanEvent::Tool(x) => batch
                        .tools
                        .first
                        .contains_key(&i)
                        .then_some((1, x.dedup_key())),
                    CleanEvent::Summary(x) => batch
                        .summaries
                        .first
                        .contains_key(&i)
                        .then_some((2, x.dedup_key())),
                    CleanEvent::Usage(x) => batch
                        .usage
                        .first
                        .contains_key(&i)
                        .then_some((3, x.dedup_key())),
                };
                match first {
                    Some((k, key)) if inserted(k, key) => AppendResult::Inserted,
                    _ => AppendResult::Duplicate,
                }
            })
            .collect())
    }

    async fn get_session(&self, id: &str) -> Result<Option<Session>> {
        self.retrying("get_session", || async {
            let mut c = self.conn("get_session").await?;
            let row = sqlx::query(&self.sql().get_session)
                .bind(id)
                .persistent(self.p())
                .fetch_optional(c.c())
                .await
                .map_err(db("get_session"))?;
            c.done("get_session").await?;
            row.as_ref().map(session_row).transpose()
        })
        .await
    }

    async fn list_sessions(&self, f: &SessionFilter) -> Result<Page<Session>> {
        let after = parse_session_cursor(f.cursor.as_deref())?;
        let limit = page_size(f.limit, DEFAULT_SESSION_PAGE);
        self.retrying("list_sessions", || async {
            let sql = self.sql();
            let mut q = QueryBuilder::<Postgres>::new(format!(
                "SELECT {} FROM {} WHERE TRUE",
                sql.session_cols, sql.sessions_table
            ));
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
                q.push(" AND started_at >= TIMESTAMPTZ 'epoch' + ")
                    .push_bind(t.as_millis())
                    .push("::int8 * INTERVAL '1 millisecond'");
            }
            if let Some(t) = f.started_before {
                q.push(" AND started_at < TIMESTAMPTZ 'epoch' + ")
                    .push_bind(t.as_millis())
                    .push("::int8 * INTERVAL '1 millisecond'");
            }
            if let Some((ms, id)) = &after {
                q.push(" AND (started_at, id) < (TIMESTAMPTZ 'epoch' + ")
                    .push_bind(*ms)
                    .push("::int8 * INTERVAL '1 millisecond', ")
                    .push_bind(id.clone())
                    .push(")");
            }
            q.push(" ORDER BY started_at DESC, id DESC LIMIT ")
                .push_bind(i64::from(limit) + 1);
            let mut c = self.conn("list_sessions").await?;
            let rows = q
                .build()
                .persistent(self.p())
                .fetch_all(c.c())
                .await
                .map_err(db("list_sessions"))?;
            c.done("list_sessions").await?;
            let items = rows.iter().map(session_row).collect::<Result<Vec<_>>>()?;
            Ok(into_page(items, limit, session_cursor))
        })
        .await
    }

    async fn get_transcripts(
        &self,
        session_id: &str,
        page: &PageRequest,
    ) -> Result<Page<StoredSegment>> {
        let (rows, limit) = self
            .child_rows(
                "get_transcripts",
                &self.sql().get_transcripts,
                session_id,
                page,
            )
            .await?;
        let items = rows
            .iter()
            .map(|r| {
                let role: String = col(r, "role")?;
                Ok(StoredSegment {
                    seq: col(r, "seq")?,
                    item_id: col(r, "item_id")?,
                    role: Role::parse(&role).ok_or_else(|| corrupt("read", "transcripts.role"))?,
                    text: col(r, "text")?,
                    started_at: Timestamp::from_millis(col(r, "started_at")?),
                    ended_at: opt_ts(col(r, "ended_at")?),
                    created_at: Timestamp::from_millis(col(r, "created_at")?),
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
        let (rows, limit) = self
            .child_rows(
                "get_tool_events",
                &self.sql().get_tool_events,
                session_id,
                page,
            )
            .await?;
        let items = rows
            .iter()
            .map(|r| {
                let status: String = col(r, "status")?;
                let duration: Option<i64> = col(r, "duration_ms")?;
                Ok(StoredToolEvent {
                    seq: col(r, "seq")?,
                    call_id: col(r, "call_id")?,
                    name: col(r, "name")?,
                    args: col(r, "args")?,
                    result: col(r, "result")?,
                    status: ToolStatus::parse(&status)
                        .ok_or_else(|| corrupt("read", "tool_events.status"))?,
                    duration_ms: duration.map(|d| d.max(0) as u64),
                    at: Timestamp::from_millis(col(r, "at")?),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(into_page(items, limit, |s| s.seq.to_string()))
    }

    async fn get_summary(&self, session_id: &str) -> Result<Option<StoredSummary>> {
        self.retrying("get_summary", || async {
            let mut c = self.conn("get_summary").await?;
            let row = sqlx::query(&self.sql().get_summary)
                .bind(session_id)
                .persistent(self.p())
                .fetch_optional(c.c())
                .await
                .map_err(db("get_summary"))?;
            c.done("get_summary").await?;
            row.map(|r| {
                let kp: Value = col(&r, "key_points")?;
                Ok(StoredSummary {
                    version: col(&r, "version")?,
                    text: col(&r, "text")?,
                    key_points: serde_json::from_value(kp).unwrap_or_default(),
                    at: Timestamp::from_millis(col(&r, "at")?),
                })
            })
            .transpose()
        })
        .await
    }

    async fn get_usage(&self, session_id: &str) -> Result<UsageReport> {
        self.retrying("get_usage", || async {
            let mut c = self.conn("get_usage").await?;
            let rows = sqlx::query(&self.sql().get_usage)
                .bind(session_id)
                .persistent(self.p())
                .fetch_all(c.c())
                .await
                .map_err(db("get_usage"))?;
            c.done("get_usage").await?;
            let events = rows
                .iter()
                .map(|r| {
                    Ok(StoredUsage {
                        seq: col(r, "seq")?,
                        event_id: col(r, "event_id")?,
                        kind: col(r, "kind")?,
                        value: col(r, "value")?,
                        meta: col(r, "meta")?,
                        at: Timestamp::from_millis(col(r, "at")?),
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            Ok(UsageReport::from_events(events))
        })
        .await
    }

    async fn delete_session(&self, id: &str) -> Result<bool> {
        // Not retried once the commit was sent: a retry could not tell whether the
        // row existed.
        let mut c = self.conn("delete_session").await?;
        let n = sqlx::query(&self.sql().delete_session)
            .bind(id)
            .persistent(self.p())
            .execute(c.c())
            .await
            .map_err(db("delete_session"))?
            .rows_affected();
        c.done("delete_session").await?;
        Ok(n > 0)
    }

    async fn erase_user(&self, user_id: &str) -> Result<EraseCounts> {
        // Retried up to the commit (the counts of a retry after an ambiguous
        // commit would be wrong, so that failure goes to the caller).
        let (c, tx) = self
            .retrying("erase_user", || self.erase_user_once(user_id))
            .await?;
        tx.commit().await.map_err(db("erase_user"))?;
        Ok(c)
    }

    async fn purge_before(&self, before: Timestamp) -> Result<EraseCounts> {
        // In chunks of sessions, one transaction each (short locks on a big purge).
        let ms = before.as_millis();
        let mut total = EraseCounts::default();
        loop {
            let (c, listed, tx) = self.retrying("purge", || self.purge_chunk(ms)).await?;
            tx.commit().await.map_err(db("purge"))?;
            total.sessions += c.sessions;
            total.transcripts += c.transcripts;
            total.tool_events += c.tool_events;
            total.summaries += c.summaries;
            total.usage_events += c.usage_events;
            if listed == 0 {
                return Ok(total);
            }
        }
    }

    async fn ping(&self) -> Result<()> {
        let mut c = self.conn("ping").await?;
        sqlx::query("SELECT 1")
            .persistent(self.p())
            .execute(c.c())
            .await
            .map_err(db("ping"))?;
        c.done("ping").await
    }
}
