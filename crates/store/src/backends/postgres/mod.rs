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
//!
//! On a **Citus** coordinator whose schema is distributed
//! ([`PostgresStore::distribute`], `realtime-store migrate --distribute`), writes
//! take single-shard shapes instead ([`citus_write`]); a worker node is refused
//! at open; the layout is checked at open and reported by `health()` ([`citus`]).
//!
//! Files: this one (options, pool, connections, retries, migrations), [`sql`] (every
//! statement), [`write`] (the write core), [`reads`], [`maintenance`], [`citus`],
//! [`citus_write`].

mod citus;
mod citus_write;
mod maintenance;
mod options;
mod reads;
mod sql;
mod write;

use std::fmt;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnectOptions, PgConnection, PgPool, PgPoolOptions};
use sqlx::{Connection, Postgres, Transaction};

pub use citus::{CitusLayout, DistributionReport};
pub use options::{PostgresOptions, DEFAULT_SCHEMA};
use sql::Sql;

use crate::{Error, Result};

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
    /// The Citus layout last seen (at open, by `health()`, after `distribute`).
    citus: parking_lot::RwLock<CitusLayout>,
    /// Set once the schema is migrated and the node checked (at open, or with
    /// [`PostgresOptions::lazy`] by the first operation that reaches the server).
    ready: tokio::sync::OnceCell<()>,
    /// Whether getting ready migrates the schema.
    migrate: bool,
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

impl PostgresStore {
    /// Opens the store at `url` (`postgres://` or `postgresql://`, with optional
    /// parameters, see [`PostgresOptions`]); creates the schema and applies
    /// migrations unless `migrate=false`.
    pub async fn open(url: &str) -> Result<Self> {
        Self::open_with(url, PostgresOptions::default()).await
    }

    /// Opens with explicit options (parameters in the URL override them).
    pub async fn open_with(url: &str, opts: PostgresOptions) -> Result<Self> {
        let url = url.trim();
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
        let pool = PgPoolOptions::new()
            .max_connections(opts.max_connections)
            .min_connections(opts.min_connections.min(opts.max_connections))
            .acquire_timeout(opts.acquire_timeout)
            .test_before_acquire(true);
        let pool = if opts.lazy {
            pool.connect_lazy_with(connect)
        } else {
            if opts.migrate {
                migrate_schema(&connect, &opts.schema).await?;
            }
            pool.connect_with(connect).await.map_err(db("open"))?
        };
        let store = PostgresStore {
            inner: Arc::new(Inner {
                pool,
                sql: Sql::new(&opts.schema),
                schema: opts.schema,
                prepared: opts.prepared_statements,
                begin_sql,
                max_retries: opts.max_retries,
                citus: parking_lot::RwLock::new(CitusLayout::NotCitus),
                ready: tokio::sync::OnceCell::new(),
                migrate: opts.migrate && opts.lazy,
            }),
        };
        match store.ready().await {
            Err(e) if opts.lazy && e.is_unreachable() => {
                tracing::warn!(
                    error = %e,
                    "PostgreSQL does not answer yet: opened without it (operations fail as unreachable until it does)"
                );
            }
            other => other?,
        }
        Ok(store)
    }

    /// Migrates the schema (when lazy) and checks the node, once: before the
    /// first operation, which fails with this error until it succeeds.
    async fn ready(&self) -> Result<()> {
        self.inner
            .ready
            .get_or_try_init(|| self.get_ready())
            .await
            .map(drop)
    }

    /// What [`ready`](Self::ready) does once.
    async fn get_ready(&self) -> Result<()> {
        if self.inner.migrate {
            let opts = self.inner.pool.connect_options();
            migrate_schema(&opts, &self.inner.schema).await?;
        }
        // On Citus: never on a worker, and the write shapes follow the layout.
        {
            let mut c = self.inner.pool.acquire().await.map_err(db("open"))?;
            if citus::node_role(&mut c).await? == Some(false) {
                return Err(citus::worker_error());
            }
        }
        self.refresh_citus().await;
        if let CitusLayout::NotDistributed | CitusLayout::Partial(_) = &*self.inner.citus.read() {
            tracing::warn!(
                schema = %self.inner.schema,
                "Citus coordinator, but the schema is not (fully) distributed: run `realtime-store migrate --distribute`"
            );
        }
        Ok(())
    }

    /// Re-reads the Citus layout (errors leave the last one seen).
    pub(crate) async fn refresh_citus(&self) {
        if let Ok(l) = self.citus_layout().await {
            *self.inner.citus.write() = l;
        }
    }

    /// Whether writes take the single-shard (router) shapes: on a Citus
    /// coordinator whose tables are (at least partly) distributed.
    pub(crate) fn routed(&self) -> bool {
        matches!(
            &*self.inner.citus.read(),
            CitusLayout::Distributed | CitusLayout::Partial(_)
        )
    }

    /// The Citus layout last seen (at open, by `health()`, after
    /// [`distribute`](Self::distribute)); [`CitusLayout::NotCitus`] on plain
    /// PostgreSQL.
    pub fn citus(&self) -> CitusLayout {
        self.inner.citus.read().clone()
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

    /// A store over the host application's pool (its connections must not set a
    /// `search_path` the store relies on: every statement names the schema).
    /// Migrations are not applied (call [`migrate`](Self::migrate)).
    pub fn from_pool(pool: PgPool, opts: PostgresOptions) -> Self {
        PostgresStore {
            inner: Arc::new(Inner {
                pool,
                sql: Sql::new(&opts.schema),
                schema: opts.schema,
                prepared: opts.prepared_statements,
                begin_sql: "BEGIN".to_owned(),
                max_retries: opts.max_retries,
                citus: parking_lot::RwLock::new(CitusLayout::NotCitus),
                // The host application's pool: no check of ours at first use.
                ready: tokio::sync::OnceCell::new_with(Some(())),
                migrate: false,
            }),
        }
    }

    fn sql(&self) -> &Sql {
        &self.inner.sql
    }

    fn p(&self) -> bool {
        self.inner.prepared
    }

    async fn begin(&self, op: &'static str) -> Result<Transaction<'static, Postgres>> {
        self.ready().await?;
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

    async fn conn(&self, op: &'static str) -> Result<Conn> {
        self.ready().await?;
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
}

/// Creates the schema if missing and applies the migrations on a dedicated
/// connection whose `search_path` is the schema alone (so `_sqlx_migrations` is
/// the schema's own).
async fn migrate_schema(connect: &PgConnectOptions, schema: &str) -> Result<()> {
    let mig = |e: sqlx::Error| pg_error("migrate", "schema", e);
    let mut conn = PgConnection::connect_with(connect).await.map_err(mig)?;
    let res = async {
        // Never on a Citus worker: the tables would be created there, beside the
        // coordinator's shards, and nothing would route to them.
        if citus::node_role(&mut conn).await? == Some(false) {
            return Err(citus::worker_error());
        }
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
        // `run_direct`, not `run`: `run`'s `Acquire` bound makes the future not
        // provably `Send`, and a lazy store migrates inside the write core's futures.
        POSTGRES_MIGRATOR
            .run_direct(&mut conn)
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
            return Error::conflict(field, "already belongs to another user");
        }
    }
    pg_error("upsert_session", "user", e)
}
