//! Citus: detecting a cluster, checking how the store's tables are laid out on it,
//! and distributing them ([`PostgresStore::distribute`]).
//!
//! The target layout: `app_users` a reference table; `sessions` hash-distributed
//! by `id`; `transcripts`, `tool_events`, `summaries`, `usage_events` and
//! `tombstones` hash-distributed by `session_id`, colocated with `sessions`; the
//! foreign keys children → `sessions` and `sessions` → `app_users` kept.
//!
//! Distribution runs in **one transaction** on the coordinator (sequential
//! multi-shard mode, so DDL on the reference table and the distributed tables may
//! share it, also on a populated schema): the foreign keys between the store's
//! tables are dropped, tables Citus turned into coordinator-local tables (the
//! trap of running `create_reference_table` first) are turned back into plain
//! tables, every table not yet in its target shape is distributed, and the foreign
//! keys are added back. Either everything is done or nothing. A layout that cannot
//! be repaired safely (a table distributed by another column, or not colocated)
//! is refused with an error naming the `undistribute_table` call that fixes it.

use sqlx::postgres::PgConnection;
use sqlx::{Connection, Row};

use super::{pg_error, PostgresStore};
use crate::{Error, Result};

/// The tables distributed by session, with their distribution column.
const DISTRIBUTED: [(&str, &str); 6] = [
    ("sessions", "id"),
    ("transcripts", "session_id"),
    ("tool_events", "session_id"),
    ("summaries", "session_id"),
    ("usage_events", "session_id"),
    ("tombstones", "session_id"),
];

/// The reference table.
const REFERENCE: &str = "app_users";

/// The foreign keys between the store's tables: (table, column, referenced table).
/// All `ON DELETE CASCADE`, referencing the primary key `id`.
const FOREIGN_KEYS: [(&str, &str, &str); 5] = [
    ("sessions", "user_id", "app_users"),
    ("transcripts", "session_id", "sessions"),
    ("tool_events", "session_id", "sessions"),
    ("summaries", "session_id", "sessions"),
    ("usage_events", "session_id", "sessions"),
];

/// How one table stands in Citus' metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Shape {
    /// Not in Citus' metadata: an ordinary table on the node.
    Plain,
    /// A Citus local table (coordinator-only; what Citus auto-converts tables
    /// linked to a reference table by foreign keys into).
    CitusLocal,
    /// A reference table (copied to every node).
    Reference,
    /// Hash-distributed by `column`, in colocation group `group`.
    Hash { column: String, group: i32 },
    /// Anything else (append/range distribution, single-shard tables).
    Other(String),
}

/// Where a store's database stands with respect to Citus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CitusLayout {
    /// The database has no Citus extension: plain PostgreSQL.
    NotCitus,
    /// Citus coordinator; the store's tables are distributed as expected.
    Distributed,
    /// Citus coordinator; none of the store's tables is in Citus' metadata (all
    /// rows stay on the coordinator until `migrate --distribute`).
    NotDistributed,
    /// Citus coordinator; some tables are distributed, others not, or not as
    /// expected. The text says which (table names only).
    Partial(String),
}

impl CitusLayout {
    /// A short, content-free description for `health()`; `None` when nothing is
    /// worth saying (plain PostgreSQL).
    pub fn detail(&self) -> Option<String> {
        match self {
            CitusLayout::NotCitus => None,
            CitusLayout::Distributed => Some("citus: tables distributed by session".to_owned()),
            CitusLayout::NotDistributed => Some(
                "citus: schema not distributed (run `realtime-store migrate --distribute`)"
                    .to_owned(),
            ),
            CitusLayout::Partial(why) => Some(format!(
                "citus: distribution half-done ({why}); run `realtime-store migrate --distribute`"
            )),
        }
    }
}

/// What [`PostgresStore::distribute`] did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DistributionReport {
    /// Tables made reference or distributed tables by this call.
    pub distributed: Vec<String>,
    /// Coordinator-local tables turned back into plain tables first (repair).
    pub repaired: Vec<String>,
}

impl DistributionReport {
    /// Whether the schema was already distributed (nothing done).
    pub fn was_done(&self) -> bool {
        self.distributed.is_empty() && self.repaired.is_empty()
    }
}

fn cerr(e: sqlx::Error) -> Error {
    pg_error("distribute", "schema", e)
}

/// Whether the Citus extension is installed in the connected database, and if so
/// whether this node is the coordinator.
pub(crate) async fn node_role(c: &mut PgConnection) -> Result<Option<bool>> {
    let has: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus')")
            .persistent(false)
            .fetch_one(&mut *c)
            .await
            .map_err(cerr)?;
    if !has {
        return Ok(None);
    }
    let coordinator: bool = sqlx::query_scalar("SELECT citus_is_coordinator()")
        .persistent(false)
        .fetch_one(&mut *c)
        .await
        .map_err(cerr)?;
    Ok(Some(coordinator))
}

/// The error for a store pointed at a Citus worker.
pub(crate) fn worker_error() -> Error {
    Error::Distribution {
        problem: "this database is a Citus worker node, not the coordinator".to_owned(),
        fix: "point the store at the coordinator (migrations and `realtime-store migrate \
              --distribute` run there; the store serialises a session's upserts and \
              withdrawals with a lock that lives on the node it is connected to)"
            .to_owned(),
    }
}

async fn shapes(c: &mut PgConnection, schema: &str) -> Result<Vec<(String, Shape)>> {
    let rows = sqlx::query(
        "SELECT c.relname::text AS name, p.partmethod::text AS method, p.repmodel::text AS rep,
                CASE WHEN p.partmethod = 'h'
                     THEN column_to_column_name(p.logicalrelid, p.partkey) END AS col,
                p.colocationid AS grp
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_dist_partition p ON p.logicalrelid = c.oid
         WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname <> '_sqlx_migrations'",
    )
    .bind(schema)
    .persistent(false)
    .fetch_all(&mut *c)
    .await
    .map_err(cerr)?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let name: String = r.try_get("name").map_err(cerr)?;
        let method: Option<String> = r.try_get("method").map_err(cerr)?;
        let rep: Option<String> = r.try_get("rep").map_err(cerr)?;
        let col: Option<String> = r.try_get("col").map_err(cerr)?;
        let group: Option<i32> = r.try_get("grp").map_err(cerr)?;
        let shape = match (method.as_deref(), rep.as_deref()) {
            (None, _) => Shape::Plain,
            (Some("n"), Some("t")) => Shape::Reference,
            (Some("n"), _) => Shape::CitusLocal,
            (Some("h"), _) => Shape::Hash {
                column: col.unwrap_or_default(),
                group: group.unwrap_or(0),
            },
            (Some(m), _) => Shape::Other(m.to_owned()),
        };
        out.push((name, shape));
    }
    Ok(out)
}

fn shape_of<'a>(all: &'a [(String, Shape)], table: &str) -> Option<&'a Shape> {
    all.iter().find(|(n, _)| n == table).map(|(_, s)| s)
}

/// The layout of `schema` on the connected database.
pub(crate) async fn layout(c: &mut PgConnection, schema: &str) -> Result<CitusLayout> {
    if node_role(c).await?.is_none() {
        return Ok(CitusLayout::NotCitus);
    }
    let all = shapes(c, schema).await?;
    let mut off = Vec::new();
    let mut any_citus = false;
    let sessions_group = match shape_of(&all, "sessions") {
        Some(Shape::Hash { group, .. }) => Some(*group),
        _ => None,
    };
    if !matches!(shape_of(&all, REFERENCE), Some(Shape::Reference)) {
        off.push(REFERENCE.to_owned());
    }
    for (table, col) in DISTRIBUTED {
        match shape_of(&all, table) {
            Some(Shape::Hash { column, group })
                if column == col && Some(*group) == sessions_group => {}
            _ => off.push(table.to_owned()),
        }
    }
    for (_, s) in &all {
        any_citus |= *s != Shape::Plain;
    }
    Ok(if off.is_empty() {
        CitusLayout::Distributed
    } else if !any_citus {
        CitusLayout::NotDistributed
    } else {
        CitusLayout::Partial(format!("not as expected: {}", off.join(", ")))
    })
}

/// Refuses a shape that cannot be repaired without moving data back by hand.
fn refuse(schema: &str, table: &str, what: &str) -> Error {
    Error::Distribution {
        problem: format!("table \"{schema}\".{table} is {what}"),
        fix: format!(
            "run `SELECT undistribute_table('\"{schema}\".{table}', cascade_via_foreign_keys => true);` \
             on the coordinator, then `realtime-store migrate --distribute` again"
        ),
    }
}

impl PostgresStore {
    /// Where this store's database stands with respect to Citus (checked at open
    /// and by `health()`).
    pub async fn citus_layout(&self) -> Result<CitusLayout> {
        let mut c = self.inner.pool.acquire().await.map_err(cerr)?;
        layout(&mut c, &self.inner.schema).await
    }

    /// Distributes the store's (migrated) schema on a Citus coordinator:
    /// idempotent, on an empty or a populated schema, repairing a half-done
    /// distribution (see the module docs). Errors on plain PostgreSQL, on a
    /// worker, and on a layout it cannot repair safely, naming the fix.
    pub async fn distribute(&self) -> Result<DistributionReport> {
        let schema = self.inner.schema.clone();
        let opts = self.inner.pool.connect_options();
        // One transaction: a deadlock with other DDL on the cluster (Citus takes
        // metadata locks on every node) rolls it back whole, so it is retried.
        let mut attempt = 0u64;
        let res = loop {
            let mut c = PgConnection::connect_with(&opts).await.map_err(cerr)?;
            let res = distribute_on(&mut c, &schema).await;
            let _ = c.close().await;
            match res {
                Err(e) if e.is_retryable() && attempt < 4 => {
                    attempt += 1;
                    tracing::warn!(error = %e, attempt, "distribution rolled back; retrying");
                    tokio::time::sleep(std::time::Duration::from_millis(100 * attempt)).await;
                }
                other => break other,
            }
        };
        if res.is_ok() {
            self.refresh_citus().await;
        }
        res
    }
}

async fn distribute_on(c: &mut PgConnection, schema: &str) -> Result<DistributionReport> {
    match node_role(c).await? {
        None => {
            return Err(Error::Distribution {
                problem: "the database has no Citus extension".to_owned(),
                fix:
                    "run `CREATE EXTENSION citus` on the coordinator (with citus in \
                      shared_preload_libraries), or do not ask for distribution on plain PostgreSQL"
                        .to_owned(),
            })
        }
        Some(false) => return Err(worker_error()),
        Some(true) => {}
    }
    sqlx::query("SET statement_timeout = 0")
        .persistent(false)
        .execute(&mut *c)
        .await
        .map_err(cerr)?;
    let mut tx = c.begin().await.map_err(cerr)?;
    // Concurrent distributors (and migrators creating the schema) wait for each other.
    sqlx::query("SELECT pg_advisory_xact_lock(7242, hashtext($1))")
        .bind(schema)
        .persistent(false)
        .execute(&mut *tx)
        .await
        .map_err(cerr)?;
    // Reference-table DDL and multi-shard DDL in one transaction (and on populated
    // tables) need Citus' sequential mode.
    sqlx::query("SET LOCAL citus.multi_shard_modify_mode TO 'sequential'")
        .persistent(false)
        .execute(&mut *tx)
        .await
        .map_err(cerr)?;
    let all = shapes(&mut tx, schema).await?;
    for (table, _) in DISTRIBUTED.iter().chain([&(REFERENCE, "")]) {
        if shape_of(&all, table).is_none() {
            return Err(Error::Distribution {
                problem: format!("table \"{schema}\".{table} does not exist"),
                fix: "run `realtime-store migrate` first".to_owned(),
            });
        }
    }
    // What must not be touched automatically.
    let sessions_group = match shape_of(&all, "sessions") {
        Some(Shape::Hash { column, group }) if column == "id" => Some(*group),
        Some(Shape::Hash { column, .. }) => {
            return Err(refuse(
                schema,
                "sessions",
                &format!("distributed by \"{column}\""),
            ))
        }
        Some(Shape::Reference) => return Err(refuse(schema, "sessions", "a reference table")),
        _ => None,
    };
    for (table, col) in DISTRIBUTED {
        match shape_of(&all, table) {
            Some(Shape::Hash { column, group }) => {
                if column != col {
                    return Err(refuse(
                        schema,
                        table,
                        &format!("distributed by \"{column}\""),
                    ));
                }
                if Some(*group) != sessions_group {
                    return Err(refuse(schema, table, "not colocated with sessions"));
                }
            }
            Some(Shape::Reference) => return Err(refuse(schema, table, "a reference table")),
            Some(Shape::Other(m)) => {
                return Err(refuse(
                    schema,
                    table,
                    &format!("distributed with method {m}"),
                ))
            }
            _ => {}
        }
    }
    match shape_of(&all, REFERENCE) {
        Some(Shape::Hash { .. }) | Some(Shape::Other(_)) => {
            return Err(refuse(
                schema,
                REFERENCE,
                "distributed, not a reference table",
            ))
        }
        _ => {}
    }
    let target = |all: &[(String, Shape)], t: &str| -> bool {
        match shape_of(all, t) {
            Some(Shape::Reference) => t == REFERENCE,
            Some(Shape::Hash { .. }) => true, // checked above
            _ => false,
        }
    };
    let fks = foreign_keys(&mut tx, schema).await?;
    let all_target = DISTRIBUTED.iter().all(|(t, _)| target(&all, t)) && target(&all, REFERENCE);
    if all_target && fks.len() == FOREIGN_KEYS.len() {
        tx.commit().await.map_err(cerr)?;
        return Ok(DistributionReport::default());
    }
    let mut report = DistributionReport::default();
    let q = |t: &str| format!("\"{schema}\".{t}");
    // 1. No foreign keys between the tables while their shapes change.
    for (table, name) in &fks {
        exec(
            &mut tx,
            &format!("ALTER TABLE {} DROP CONSTRAINT \"{name}\"", q(table)),
        )
        .await?;
    }
    // 2. Coordinator-local tables back to plain tables (Citus undoes its own
    //    automatic conversions once the foreign keys are gone: look again).
    report.repaired = all
        .iter()
        .filter(|(_, s)| *s == Shape::CitusLocal)
        .map(|(n, _)| n.clone())
        .collect();
    let all = shapes(&mut tx, schema).await?;
    for (name, shape) in &all {
        if *shape == Shape::CitusLocal {
            sqlx::query("SELECT undistribute_table($1::regclass)")
                .bind(q(name))
                .persistent(false)
                .execute(&mut *tx)
                .await
                .map_err(cerr)?;
        }
    }
    // 3. Distribute what is not in its target shape yet.
    if !matches!(shape_of(&all, REFERENCE), Some(Shape::Reference)) {
        sqlx::query("SELECT create_reference_table($1::regclass)")
            .bind(q(REFERENCE))
            .persistent(false)
            .execute(&mut *tx)
            .await
            .map_err(cerr)?;
        report.distributed.push(REFERENCE.to_owned());
    }
    for (table, col) in DISTRIBUTED {
        if matches!(shape_of(&all, table), Some(Shape::Hash { .. })) {
            continue;
        }
        let colocate = if table == "sessions" {
            "default".to_owned()
        } else {
            q("sessions")
        };
        sqlx::query("SELECT create_distributed_table($1::regclass, $2, colocate_with => $3)")
            .bind(q(table))
            .bind(col)
            .bind(colocate)
            .persistent(false)
            .execute(&mut *tx)
            .await
            .map_err(cerr)?;
        report.distributed.push(table.to_owned());
    }
    // 4. The foreign keys back, with their canonical names.
    for (table, col, parent) in FOREIGN_KEYS {
        exec(
            &mut tx,
            &format!(
                "ALTER TABLE {} ADD CONSTRAINT \"{table}_{col}_fkey\" FOREIGN KEY ({col}) \
                 REFERENCES {} (id) ON DELETE CASCADE",
                q(table),
                q(parent)
            ),
        )
        .await?;
    }
    tx.commit().await.map_err(cerr)?;
    Ok(report)
}

async fn exec(c: &mut PgConnection, sql: &str) -> Result<()> {
    sqlx::query(sql)
        .persistent(false)
        .execute(&mut *c)
        .await
        .map_err(cerr)?;
    Ok(())
}

/// The foreign keys between the store's tables: (table, constraint name).
async fn foreign_keys(c: &mut PgConnection, schema: &str) -> Result<Vec<(String, String)>> {
    sqlx::query_as(
        "SELECT t.relname::text, k.conname::text
         FROM pg_constraint k
         JOIN pg_class t ON t.oid = k.conrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         WHERE k.contype = 'f' AND n.nspname = $1
         ORDER BY 1, 2",
    )
    .bind(schema)
    .persistent(false)
    .fetch_all(&mut *c)
    .await
    .map_err(cerr)
}
