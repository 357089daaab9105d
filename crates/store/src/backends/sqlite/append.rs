//! The set-based batch append of [`SqliteStore`](super::SqliteStore): a whole
//! group-commit batch (many sessions) in a fixed number of statements, whatever
//! its size — one consent/tombstone probe for every session, then per event kind
//! one dedup probe, one `MAX(seq)` probe and one `INSERT … SELECT FROM json_each`.
//!
//! Every statement's text is constant (the rows travel as one JSON parameter), so
//! each is prepared once per connection and reused; a multi-row `VALUES` list
//! would be a new statement for every batch size.
//!
//! Runs inside the caller's `BEGIN IMMEDIATE` transaction: the write lock is
//! ours, so the probes cannot be overtaken by another writer before the insert.

use std::collections::{HashMap, HashSet};

use serde_json::{json, Value};
use sqlx::{Sqlite, Transaction};

use super::db;
use crate::backends::batch::split_accepted;
use crate::backends::rows::stored_state;
use crate::{
    AppendResult, CleanEvent, Consent, EventKind, Result, SessionAppend, StoredState, Timestamp,
};

type Tx = Transaction<'static, Sqlite>;

const STATES: &str = "SELECT j.value, s.consent, t.reason FROM json_each(?1) j
                      LEFT JOIN sessions s ON s.id = j.value
                      LEFT JOIN tombstones t ON t.session_id = j.value";

/// Statements of one child table.
struct KindSql {
    stored: String,
    max: String,
    insert: String,
}

/// The statements of every kind, built once (indexed by [`EventKind::index`]).
fn kind_sql(kind: EventKind) -> &'static KindSql {
    static SQL: std::sync::OnceLock<[KindSql; 4]> = std::sync::OnceLock::new();
    &SQL.get_or_init(|| EventKind::ALL.map(build_kind_sql))[kind.index()]
}

/// A child table's numbering column (`seq`, or `version` for summaries), its
/// columns in insert order, and how many: shared by both append paths.
pub(super) fn columns(kind: EventKind) -> (&'static str, &'static str, usize) {
    match kind {
        EventKind::Transcript => (
            "seq",
            "session_id, seq, item_id, dedup_key, role, text, started_at, ended_at, created_at",
            9,
        ),
        EventKind::Tool => (
            "seq",
            "session_id, seq, call_id, dedup_key, name, args, result, status, duration_ms, at",
            10,
        ),
        EventKind::Summary => (
            "version",
            "session_id, version, dedup_key, text, key_points, at",
            6,
        ),
        EventKind::Usage => (
            "seq",
            "session_id, seq, event_id, dedup_key, kind, value, meta, at",
            8,
        ),
    }
}

fn build_kind_sql(kind: EventKind) -> KindSql {
    let table = kind.table();
    let (seq, cols, n) = columns(kind);
    let vals: Vec<String> = (0..n).map(|i| format!("j.value ->> {i}")).collect();
    KindSql {
        stored: format!(
            "SELECT t.session_id, t.dedup_key FROM json_each(?1) j
             CROSS JOIN {table} t ON t.session_id = j.value ->> 0 AND t.dedup_key = j.value ->> 1"
        ),
        max: format!(
            "SELECT j.value, (SELECT MAX({seq}) FROM {table} WHERE session_id = j.value)
             FROM json_each(?1) j"
        ),
        insert: format!(
            "INSERT INTO {table} ({cols}) SELECT {} FROM json_each(?1) j",
            vals.join(", ")
        ),
    }
}

/// The row of one event, as a JSON array in the column order of [`kind_sql`].
fn row(id: &str, seq: i64, e: &CleanEvent, now: i64) -> Value {
    match e {
        CleanEvent::Transcript(x) => json!([
            id,
            seq,
            x.item_id(),
            x.dedup_key(),
            x.role().as_str(),
            x.text(),
            x.started_at().as_millis(),
            x.ended_at().map(Timestamp::as_millis),
            now
        ]),
        CleanEvent::Tool(x) => json!([
            id,
            seq,
            x.call_id(),
            x.dedup_key(),
            x.name(),
            x.args().to_string(),
            x.result().map(Value::to_string),
            x.status().as_str(),
            x.duration_ms()
                .map(|d| i64::try_from(d).unwrap_or(i64::MAX)),
            x.at().as_millis()
        ]),
        CleanEvent::Summary(x) => json!([
            id,
            seq,
            x.dedup_key(),
            x.text(),
            serde_json::to_string(x.key_points()).unwrap_or_else(|_| "[]".into()),
            x.at().as_millis()
        ]),
        CleanEvent::Usage(x) => json!([
            id,
            seq,
            x.event_id(),
            x.dedup_key(),
            x.kind(),
            x.value(),
            x.meta().map(Value::to_string),
            x.at().as_millis()
        ]),
    }
}

/// Whether the set-based path can take this batch: each session once, and every
/// value representable in JSON (a usage value that is not finite is not).
pub(super) fn eligible(batch: &[SessionAppend<'_>]) -> bool {
    let mut seen = HashSet::with_capacity(batch.len());
    batch.iter().all(|p| {
        seen.insert(p.session_id)
            && p.events.iter().all(|e| match e {
                CleanEvent::Usage(u) => u.value().is_finite(),
                _ => true,
            })
    })
}

/// Appends the whole batch with set-based statements (see the module docs).
/// An error leaves the transaction to be rolled back by the caller.
pub(super) async fn append_set(
    tx: &mut Tx,
    batch: &[SessionAppend<'_>],
    now: i64,
) -> Result<Vec<Vec<AppendResult>>> {
    let op = "append";
    let ids: Vec<&str> = batch.iter().map(|p| p.session_id).collect();
    let states: Vec<(String, Option<String>, Option<String>)> = sqlx::query_as(STATES)
        .bind(Value::from(ids).to_string())
        .fetch_all(&mut **tx)
        .await
        .map_err(db(op))?;
    let mut accepted: HashSet<String> = HashSet::with_capacity(states.len());
    for (id, consent, reason) in states {
        if stored_state(consent, reason)? == StoredState::Live(Consent::Accepted) {
            accepted.insert(id);
        }
    }
    let splits = split_accepted(batch, |id| accepted.contains(id));
    // Per kind: the (session, key) pairs written.
    let mut inserted: [HashSet<(&str, &str)>; 4] = Default::default();
    for kind in EventKind::ALL {
        let parts: Vec<(&str, &[&CleanEvent])> = batch
            .iter()
            .zip(&splits)
            .filter_map(|(p, s)| s.as_ref().map(|s| (p.session_id, s.of(kind))))
            .filter(|(_, rows)| !rows.is_empty())
            .collect();
        if parts.is_empty() {
            continue;
        }
        let sql = kind_sql(kind);
        let keys: Vec<Value> = parts
            .iter()
            .flat_map(|(id, rows)| rows.iter().map(move |e| json!([id, e.dedup_key()])))
            .collect();
        let stored: HashSet<(String, String)> = sqlx::query_as(&sql.stored)
            .bind(Value::from(keys).to_string())
            .fetch_all(&mut **tx)
            .await
            .map_err(db(op))?
            .into_iter()
            .collect();
        let fresh: Vec<(&str, Vec<&CleanEvent>)> = parts
            .iter()
            .map(|(id, rows)| {
                let f = rows
                    .iter()
                    .copied()
                    .filter(|e| !stored.contains(&((*id).to_owned(), e.dedup_key().to_owned())))
                    .collect();
                (*id, f)
            })
            .filter(|(_, f): &(&str, Vec<&CleanEvent>)| !f.is_empty())
            .collect();
        if fresh.is_empty() {
            continue;
        }
        let fresh_ids: Vec<&str> = fresh.iter().map(|(id, _)| *id).collect();
        let max: HashMap<String, Option<i64>> = sqlx::query_as(&sql.max)
            .bind(Value::from(fresh_ids).to_string())
            .fetch_all(&mut **tx)
            .await
            .map_err(db(op))?
            .into_iter()
            .collect();
        let mut rows = Vec::new();
        for (id, events) in &fresh {
            let base = max.get(*id).copied().flatten().unwrap_or(0);
            for (i, e) in events.iter().enumerate() {
                rows.push(row(id, base + 1 + i as i64, e, now));
                inserted[kind.index()].insert((id, e.dedup_key()));
            }
        }
        sqlx::query(&sql.insert)
            .bind(Value::from(rows).to_string())
            .execute(&mut **tx)
            .await
            .map_err(db(op))?;
    }
    Ok(batch
        .iter()
        .zip(&splits)
        .map(|(p, s)| match s {
            None => vec![AppendResult::NotAccepted; p.events.len()],
            Some(s) => s.results(p.events, |k, key| {
                inserted[k.index()].contains(&(p.session_id, key))
            }),
        })
        .collect())
}
