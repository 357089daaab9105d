//! The single-shard write shapes of [`PostgresStore`] on a Citus coordinator
//! whose tables are distributed ([`PostgresStore::routed`]).
//!
//! Every statement a session's append makes names that session's id as a
//! constant (`session_id = $1`, or the same id in every row of a multi-row
//! `VALUES`), so Citus routes it to the one shard that holds the session and its
//! colocated children — no statement is collected on the coordinator, and a
//! transaction touching one session commits on one worker, without two-phase
//! commit. Per session, in its own transaction:
//!
//! 1. lock the session row with its tombstone (`FOR UPDATE OF s`, a colocated
//!    join on the distribution column) — the consent check and `seq` allocation
//!    stay serialised across instances, as on plain PostgreSQL;
//! 2. per event kind, one probe (current `MAX(seq)` and which of the batch's
//!    dedup keys are stored), then one multi-row `INSERT … VALUES`, `seq`
//!    numbered here after the maximum (nobody else inserts for the session while
//!    its row is locked).
//!
//! A group-commit batch of several sessions runs as that many transactions, in
//! parallel on the pool, each answered on its own: a batch spanning shards costs
//! one single-worker commit per session instead of one two-phase commit across
//! every worker it touches (measured in docs/SCALING.md).

use futures_util::future::join_all;
use serde_json::Value;
use sqlx::{Postgres, QueryBuilder};

use super::{db, pg_error, PostgresStore};
use crate::backends::batch::Split;
use crate::backends::rows::stored_state;
use crate::{CleanEvent, Consent, EventKind, Result, SessionAppend, StoredState, Timestamp};

type Tx = sqlx::Transaction<'static, Postgres>;

/// Keys one session's part inserted, per kind.
pub(super) type Keys = [std::collections::HashSet<String>; 4];

/// Rows per `INSERT … VALUES` (well below PostgreSQL's 65535 parameters).
const ROWS_PER_INSERT: usize = 500;

fn table(kind: EventKind) -> (&'static str, &'static str) {
    match kind {
        EventKind::Transcript => ("transcripts", "seq"),
        EventKind::Tool => ("tool_events", "seq"),
        EventKind::Summary => ("summaries", "version"),
        EventKind::Usage => ("usage_events", "seq"),
    }
}

/// `(TIMESTAMPTZ 'epoch' + $n::int8 * INTERVAL '1 millisecond')` with `$n` bound.
fn push_ts(
    b: &mut sqlx::query_builder::Separated<'_, '_, Postgres, &'static str>,
    ms: Option<i64>,
) {
    b.push("(TIMESTAMPTZ 'epoch' + ");
    b.push_bind_unseparated(ms);
    b.push_unseparated("::int8 * INTERVAL '1 millisecond')");
}

impl PostgresStore {
    /// The batch on Citus: one single-shard transaction per session, in
    /// parallel, each retried on its own. `None` for a session that is not
    /// stored, not `ACCEPTED`, or tombstoned.
    pub(super) async fn append_routed(
        &self,
        batch: &[SessionAppend<'_>],
    ) -> Vec<Result<Option<Keys>>> {
        join_all(batch.iter().map(|p| self.append_routed_part(p))).await
    }

    async fn append_routed_part(&self, part: &SessionAppend<'_>) -> Result<Option<Keys>> {
        let mut written = Keys::default();
        let mut attempt = 0;
        loop {
            match self.append_routed_once(part, &mut written).await {
                Ok(Some(mut got)) => {
                    // Keys of an attempt whose commit failed but happened.
                    for (g, w) in got.iter_mut().zip(written) {
                        g.extend(w);
                    }
                    return Ok(Some(got));
                }
                Ok(None) => return Ok(None),
                Err(e) => {
                    attempt += 1;
                    if !self.backoff("append", &e, attempt).await {
                        return Err(e);
                    }
                }
            }
        }
    }

    async fn append_routed_once(
        &self,
        part: &SessionAppend<'_>,
        written: &mut Keys,
    ) -> Result<Option<Keys>> {
        let op = "append";
        let id = part.session_id;
        let mut tx = self.begin(op).await?;
        let row: Option<(String, Option<String>)> = sqlx::query_as(&self.sql().lock_routed)
            .bind(id)
            .persistent(self.p())
            .fetch_optional(&mut *tx)
            .await
            .map_err(db(op))?;
        let state = match row {
            None => StoredState::Absent,
            Some((consent, reason)) => stored_state(Some(consent), reason)?,
        };
        if state != StoredState::Live(Consent::Accepted) {
            tx.rollback().await.map_err(db(op))?;
            return Ok(None);
        }
        let split = Split::new(part.events);
        let now = Timestamp::now().as_millis();
        let mut got = Keys::default();
        for kind in EventKind::ALL {
            let rows = split.of(kind);
            if rows.is_empty() {
                continue;
            }
            got[kind.index()] = self.insert_routed(&mut tx, kind, id, rows, now).await?;
        }
        if let Err(e) = tx.commit().await {
            for (w, g) in written.iter_mut().zip(&got) {
                w.extend(g.iter().cloned());
            }
            return Err(db(op)(e));
        }
        Ok(Some(got))
    }

    /// The fresh rows of one kind of one session: probe, number, insert.
    async fn insert_routed(
        &self,
        tx: &mut Tx,
        kind: EventKind,
        id: &str,
        rows: &[&CleanEvent],
        now: i64,
    ) -> Result<std::collections::HashSet<String>> {
        let (op, field) = ("append", "events");
        let keys: Vec<&str> = rows.iter().map(|e| e.dedup_key()).collect();
        let (max, stored): (i64, Vec<String>) =
            sqlx::query_as(&self.sql().probe_routed[kind.index()])
                .bind(id)
                .bind(&keys)
                .persistent(self.p())
                .fetch_one(&mut **tx)
                .await
                .map_err(db(op))?;
        let fresh: Vec<&CleanEvent> = rows
            .iter()
            .filter(|e| !stored.iter().any(|k| k == e.dedup_key()))
            .copied()
            .collect();
        let mut out = std::collections::HashSet::with_capacity(fresh.len());
        let (name, seq_col) = table(kind);
        let schema = self.schema();
        for (chunk_no, chunk) in fresh.chunks(ROWS_PER_INSERT).enumerate() {
            let base = max + (chunk_no * ROWS_PER_INSERT) as i64;
            let cols = match kind {
                EventKind::Transcript => {
                    "item_id, dedup_key, role, text, started_at, ended_at, created_at"
                }
                EventKind::Tool => {
                    "call_id, dedup_key, name, args, result, status, duration_ms, at"
                }
                EventKind::Summary => "dedup_key, text, key_points, at",
                EventKind::Usage => "event_id, dedup_key, kind, value, meta, at",
            };
            let mut qb: QueryBuilder<'_, Postgres> = QueryBuilder::new(format!(
                "INSERT INTO \"{schema}\".{name} (session_id, {seq_col}, {cols}) "
            ));
            qb.push_values(chunk.iter().enumerate(), |mut b, (i, e)| {
                b.push_bind(id).push_bind(base + i as i64 + 1);
                match e {
                    CleanEvent::Transcript(x) => {
                        b.push_bind(x.item_id())
                            .push_bind(x.dedup_key())
                            .push_bind(x.role().as_str())
                            .push_bind(x.text());
                        push_ts(&mut b, Some(x.started_at().as_millis()));
                        push_ts(&mut b, x.ended_at().map(Timestamp::as_millis));
                        push_ts(&mut b, Some(now));
                    }
                    CleanEvent::Tool(x) => {
                        b.push_bind(x.call_id())
                            .push_bind(x.dedup_key())
                            .push_bind(x.name())
                            .push_bind(x.args())
                            .push_bind(x.result())
                            .push_bind(x.status().as_str())
                            .push_bind(
                                x.duration_ms()
                                    .map(|d| i64::try_from(d).unwrap_or(i64::MAX)),
                            );
                        push_ts(&mut b, Some(x.at().as_millis()));
                    }
                    CleanEvent::Summary(x) => {
                        b.push_bind(x.dedup_key())
                            .push_bind(x.text())
                            .push_bind(Value::from(x.key_points().to_vec()));
                        push_ts(&mut b, Some(x.at().as_millis()));
                    }
                    CleanEvent::Usage(x) => {
                        b.push_bind(x.event_id())
                            .push_bind(x.dedup_key())
                            .push_bind(x.kind())
                            .push_bind(x.value())
                            .push_bind(x.meta());
                        push_ts(&mut b, Some(x.at().as_millis()));
                    }
                }
            });
            qb.push(" ON CONFLICT (session_id, dedup_key) DO NOTHING RETURNING dedup_key");
            let got: Vec<String> = qb
                .build_query_scalar()
                .persistent(self.p())
                .fetch_all(&mut **tx)
                .await
                .map_err(|e| pg_error(op, field, e))?;
            out.extend(got);
        }
        Ok(out)
    }

    /// On Citus, a user row is written only when it is missing or changes: a
    /// write to the reference table is a two-phase commit on every node.
    pub(super) async fn user_unchanged(
        &self,
        tx: &mut Tx,
        id: &str,
        auth: Option<&str>,
        email: Option<&str>,
    ) -> Result<bool> {
        let row: Option<(Option<String>, Option<String>)> = sqlx::query_as(&self.sql().get_user)
            .bind(id)
            .persistent(self.p())
            .fetch_optional(&mut **tx)
            .await
            .map_err(db("upsert_session"))?;
        Ok(match row {
            None => false,
            Some((a, e)) => {
                auth.is_none_or(|x| a.as_deref() == Some(x))
                    && email.is_none_or(|x| e.as_deref() == Some(x))
            }
        })
    }

    /// Deletes those of `users` left without sessions. On Citus in two steps
    /// (which still have sessions, then a plain delete of the others): a
    /// reference-table `DELETE` may not join a distributed table.
    pub(super) async fn delete_orphans(
        &self,
        tx: &mut Tx,
        op: &'static str,
        users: &[String],
    ) -> Result<u64> {
        if !self.routed() {
            return Ok(sqlx::query(&self.sql().delete_orphan_users)
                .bind(users)
                .persistent(self.p())
                .execute(&mut **tx)
                .await
                .map_err(db(op))?
                .rows_affected());
        }
        let linked: Vec<String> = sqlx::query_scalar(&self.sql().linked_users)
            .bind(users)
            .persistent(self.p())
            .fetch_all(&mut **tx)
            .await
            .map_err(db(op))?;
        let orphans: Vec<&String> = users.iter().filter(|u| !linked.contains(u)).collect();
        if orphans.is_empty() {
            return Ok(0);
        }
        Ok(sqlx::query(&self.sql().delete_users)
            .bind(orphans)
            .persistent(self.p())
            .execute(&mut **tx)
            .await
            .map_err(db(op))?
            .rows_affected())
    }

    /// On Citus, maintenance transactions (reference-table DML after multi-shard
    /// access to the tables referencing it) run in sequential multi-shard mode.
    pub(super) async fn citus_sequential(&self, tx: &mut Tx, op: &'static str) -> Result<()> {
        if self.routed() {
            sqlx::query("SET LOCAL citus.multi_shard_modify_mode TO 'sequential'")
                .persistent(false)
                .execute(&mut **tx)
                .await
                .map_err(db(op))?;
        }
        Ok(())
    }
}
