//! The write core of [`SqliteStore`]: upserts, withdrawals (tombstones) and the
//! multi-session batch append, each one `BEGIN IMMEDIATE` transaction that checks
//! the tombstone and stored consent first.

use std::collections::HashSet;
use std::time::Instant;

use sqlx::{QueryBuilder, Sqlite, Transaction};

use super::{db, SqliteStore};
use crate::backends::batch::Split;
use crate::backends::rows::stored_state;
use crate::backends::upsert::{upsert_plan, UpsertPlan};
use crate::{
    AppendResult, BackendHealth, CleanEvent, CleanSessionMeta, Consent, Error, EventKind, Result,
    SessionAppend, StoredState, Timestamp, UpsertResult, Withdrawal, WriteCore, WriteOp,
    WriteOpResult,
};

type Tx = Transaction<'static, Sqlite>;

/// Rows per multi-row statement (SQLite allows 32 766 bound parameters).
const CHUNK: usize = 500;

const STATE: &str = "SELECT (SELECT consent FROM sessions WHERE id = ?1) AS consent,
                            (SELECT reason FROM tombstones WHERE session_id = ?1) AS reason";

fn map_user_conflict(e: sqlx::Error) -> Error {
    if let sqlx::Error::Database(d) = &e {
        if d.is_unique_violation() {
            return user_conflict(d.message());
        }
    }
    Error::sqlx("upsert_session", e)
}

/// The upsert's first read: stored consent and start, and the tombstone.
pub(super) const UPSERT_STATE: &str = "SELECT (SELECT consent FROM sessions WHERE id = ?1),
                        (SELECT started_at FROM sessions WHERE id = ?1),
                        (SELECT reason FROM tombstones WHERE session_id = ?1)";

/// A `PENDING` meta: marks the stored session.
pub(super) const MARK_CONSENT: &str =
    "UPDATE sessions SET consent = ?2, updated_at = ?3 WHERE id = ?1";

/// A re-consent removes the tombstone.
pub(super) const UNTOMBSTONE: &str = "DELETE FROM tombstones WHERE session_id = ?1";

/// The user row, written only when new or when an identity field changes.
pub(super) const UPSERT_USER: &str =
    "INSERT INTO app_users (id, auth_user_id, email, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?4)
                 ON CONFLICT (id) DO UPDATE SET
                   auth_user_id = COALESCE(excluded.auth_user_id, app_users.auth_user_id),
                   email = COALESCE(excluded.email, app_users.email),
                   updated_at = excluded.updated_at
                 WHERE (excluded.auth_user_id IS NOT NULL
                        AND excluded.auth_user_id IS NOT app_users.auth_user_id)
                    OR (excluded.email IS NOT NULL AND excluded.email IS NOT app_users.email)";

/// The session row (`?1` id ... `?11` now; see `upsert_in`).
pub(super) const UPSERT_SESSION: &str =
    "INSERT INTO sessions (id, user_id, provider_session_id, voice, persona, config,
                                   timings, consent, status, started_at, ended_at, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, COALESCE(?6, '{}'), ?7, ?8,
                     CASE WHEN ?10 IS NULL THEN 'active' ELSE 'ended' END,
                     COALESCE(?9, MIN(?11, COALESCE(?10, ?11))), ?10, ?11, ?11)
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
               updated_at = excluded.updated_at";

/// The conflict a unique violation on `app_users` means (`message`: SQLite's,
/// which names the column, never the value).
pub(super) fn user_conflict(message: &str) -> Error {
    let field = if message.contains("auth_user_id") {
        "user.auth_user_id"
    } else {
        "user.email"
    };
    Error::conflict(field, "already belongs to another user")
}

pub(super) async fn state_in(
    c: &mut sqlx::SqliteConnection,
    op: &'static str,
    id: &str,
) -> Result<StoredState> {
    let (consent, reason): (Option<String>, Option<String>) = sqlx::query_as(STATE)
        .bind(id)
        .fetch_one(c)
        .await
        .map_err(db(op))?;
    stored_state(consent, reason)
}

/// Writes a tombstone (replacing an older one).
pub(super) async fn tombstone(
    tx: &mut Tx,
    op: &'static str,
    id: &str,
    reason: crate::TombstoneReason,
) -> Result<()> {
    sqlx::query("INSERT OR REPLACE INTO tombstones (session_id, at, reason) VALUES (?1, ?2, ?3)")
        .bind(id)
        .bind(Timestamp::now().as_millis())
        .bind(reason.as_str())
        .execute(&mut **tx)
        .await
        .map_err(db(op))?;
    Ok(())
}

/// Deletes users that no session refers to any more (`only`: just this one).
pub(super) async fn delete_orphan_users(
    tx: &mut Tx,
    op: &'static str,
    only: Option<&str>,
) -> Result<u64> {
    let sql = match only {
        Some(_) => {
            "DELETE FROM app_users WHERE id = ?1
                    AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = app_users.id)"
        }
        None => {
            "DELETE FROM app_users
                 WHERE NOT EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = app_users.id)"
        }
    };
    Ok(sqlx::query(sql)
        .bind(only)
        .execute(&mut **tx)
        .await
        .map_err(db(op))?
        .rows_affected())
}

/// The session's `config` and `timings` columns, as JSON text.
pub(super) fn session_json(m: &CleanSessionMeta) -> (Option<String>, String) {
    let config = m.config().map(serde_json::Value::to_string);
    let timings = serde_json::to_string(&m.timings()).unwrap_or_else(|_| "{}".into());
    (config, timings)
}

impl SqliteStore {
    async fn upsert_in(&self, tx: &mut Tx, m: &CleanSessionMeta) -> Result<UpsertResult> {
        let op = "upsert_session";
        let (consent, started, reason): (Option<String>, Option<i64>, Option<String>) =
            sqlx::query_as(UPSERT_STATE)
                .bind(m.session_id())
                .fetch_one(&mut **tx)
                .await
                .map_err(db(op))?;
        let now = Timestamp::now().as_millis();
        match upsert_plan(m, consent, started, reason)? {
            UpsertPlan::Refused(state) => return Ok(UpsertResult::Refused(state)),
            UpsertPlan::MarkConsent => {
                sqlx::query(MARK_CONSENT)
                    .bind(m.session_id())
                    .bind(m.consent().as_str())
                    .bind(now)
                    .execute(&mut **tx)
                    .await
                    .map_err(db(op))?;
                return Ok(UpsertResult::Stored);
            }
            UpsertPlan::Store { untombstone } => {
                if untombstone {
                    sqlx::query(UNTOMBSTONE)
                        .bind(m.session_id())
                        .execute(&mut **tx)
                        .await
                        .map_err(db(op))?;
                }
            }
        }
        if let Some(uid) = m.user_id() {
            // Written only when new or when an identity field changes.
            sqlx::query(UPSERT_USER)
                .bind(uid)
                .bind(m.auth_user_id())
                .bind(m.email())
                .bind(now)
                .execute(&mut **tx)
                .await
                .map_err(map_user_conflict)?;
        }
        let (config, timings) = session_json(m);
        sqlx::query(UPSERT_SESSION)
            .bind(m.session_id())
            .bind(m.user_id())
            .bind(m.provider_session_id())
            .bind(m.voice())
            .bind(m.persona())
            .bind(config)
            .bind(timings)
            .bind(m.consent().as_str())
            .bind(m.started_at().map(Timestamp::as_millis))
            .bind(m.ended_at().map(Timestamp::as_millis))
            .bind(now)
            .execute(&mut **tx)
            .await
            .map_err(db(op))?;
        Ok(UpsertResult::Stored)
    }

    /// One session's part of a batch, inside the batch's transaction.
    async fn append_session(
        &self,
        tx: &mut Tx,
        part: &SessionAppend<'_>,
        now: i64,
    ) -> Result<Vec<AppendResult>> {
        let op = "append";
        let id = part.session_id;
        if state_in(tx, op, id).await? != StoredState::Live(Consent::Accepted) {
            return Ok(vec![AppendResult::NotAccepted; part.events.len()]);
        }
        let split = Split::new(part.events);
        let mut inserted: [HashSet<&str>; 4] = Default::default();
        for kind in EventKind::ALL {
            let rows = split.of(kind);
            if rows.is_empty() {
                continue;
            }
            let table = kind.table();
            let seq = if kind == EventKind::Summary {
                "version"
            } else {
                "seq"
            };
            // Keys already stored (the write lock is ours: no one else inserts).
            let mut stored: HashSet<String> = HashSet::new();
            for chunk in rows.chunks(CHUNK) {
                let mut q = QueryBuilder::<Sqlite>::new(format!(
                    "SELECT dedup_key FROM {table} WHERE session_id = "
                ));
                q.push_bind(id).push(" AND dedup_key IN (");
                let mut sep = q.separated(", ");
                for e in chunk {
                    sep.push_bind(e.dedup_key());
                }
                q.push(")");
                let keys: Vec<String> = q
                    .build_query_scalar()
                    .fetch_all(&mut **tx)
                    .await
                    .map_err(db(op))?;
                stored.extend(keys);
            }
            let fresh: Vec<&CleanEvent> = rows
                .iter()
                .copied()
                .filter(|e| !stored.contains(e.dedup_key()))
                .collect();
            if fresh.is_empty() {
                continue;
            }
            let base: i64 = sqlx::query_scalar(&format!(
                "SELECT COALESCE(MAX({seq}), 0) FROM {table} WHERE session_id = ?1"
            ))
            .bind(id)
            .fetch_one(&mut **tx)
            .await
            .map_err(db(op))?;
            for (c, chunk) in fresh.chunks(CHUNK).enumerate() {
                insert_rows(tx, kind, id, base + (c * CHUNK) as i64, chunk, now).await?;
            }
            inserted[kind.index()] = fresh.iter().map(|e| e.dedup_key()).collect();
        }
        Ok(split.results(part.events, |k, key| inserted[k.index()].contains(key)))
    }
}

/// One multi-row INSERT of fresh rows of one kind, numbered from `base + 1`.
async fn insert_rows(
    tx: &mut Tx,
    kind: EventKind,
    id: &str,
    base: i64,
    rows: &[&CleanEvent],
    now: i64,
) -> Result<()> {
    let head = match kind {
        EventKind::Transcript => "INSERT INTO transcripts (session_id, seq, item_id, dedup_key, role, text, started_at, ended_at, created_at) ",
        EventKind::Tool => "INSERT INTO tool_events (session_id, seq, call_id, dedup_key, name, args, result, status, duration_ms, at) ",
        EventKind::Summary => "INSERT INTO summaries (session_id, version, dedup_key, text, key_points, at) ",
        EventKind::Usage => "INSERT INTO usage_events (session_id, seq, event_id, dedup_key, kind, value, meta, at) ",
    };
    let mut q = QueryBuilder::<Sqlite>::new(head);
    q.push_values(rows.iter().enumerate(), |mut b, (i, e)| {
        b.push_bind(id).push_bind(base + 1 + i as i64);
        match e {
            CleanEvent::Transcript(x) => {
                b.push_bind(x.item_id())
                    .push_bind(x.dedup_key())
                    .push_bind(x.role().as_str())
                    .push_bind(x.text())
                    .push_bind(x.started_at().as_millis())
                    .push_bind(x.ended_at().map(Timestamp::as_millis))
                    .push_bind(now);
            }
            CleanEvent::Tool(x) => {
                b.push_bind(x.call_id())
                    .push_bind(x.dedup_key())
                    .push_bind(x.name())
                    .push_bind(x.args().to_string())
                    .push_bind(x.result().map(serde_json::Value::to_string))
                    .push_bind(x.status().as_str())
                    .push_bind(
                        x.duration_ms()
                            .map(|d| i64::try_from(d).unwrap_or(i64::MAX)),
                    )
                    .push_bind(x.at().as_millis());
            }
            CleanEvent::Summary(x) => {
                b.push_bind(x.dedup_key())
                    .push_bind(x.text())
                    .push_bind(
                        serde_json::to_string(x.key_points()).unwrap_or_else(|_| "[]".into()),
                    )
                    .push_bind(x.at().as_millis());
            }
            CleanEvent::Usage(x) => {
                b.push_bind(x.event_id())
                    .push_bind(x.dedup_key())
                    .push_bind(x.kind())
                    .push_bind(x.value())
                    .push_bind(x.meta().map(serde_json::Value::to_string))
                    .push_bind(x.at().as_millis());
            }
        }
    });
    q.build().execute(&mut **tx).await.map_err(db("append"))?;
    Ok(())
}

impl WriteCore for SqliteStore {
    fn kind(&self) -> &'static str {
        "sqlite"
    }

    async fn upsert_session(&self, m: &CleanSessionMeta) -> Result<UpsertResult> {
        if let Some(s) = &self.sync {
            let now = Timestamp::now().as_millis();
            let _turn = self.turn.lock().await;
            let r = super::in_place(|| s.write(&[WriteOp::Upsert(m)], now))?;
            return match r.into_iter().next() {
                Some(WriteOpResult::Upsert(u)) => u,
                _ => unreachable!("one upsert asked, one answered"),
            };
        }
        let mut tx = self.begin("upsert_session").await?;
        let r = self.upsert_in(&mut tx, m).await?;
        tx.commit().await.map_err(db("upsert_session"))?;
        Ok(r)
    }

    async fn stored_state(&self, session_id: &str) -> Result<StoredState> {
        let mut c = self.reader.acquire().await.map_err(db("stored_state"))?;
        state_in(&mut c, "stored_state", session_id).await
    }

    async fn withdraw(&self, session_id: &str, how: Withdrawal) -> Result<()> {
        let op = "withdraw";
        let mut tx = self.begin(op).await?;
        tombstone(&mut tx, op, session_id, how.reason).await?;
        // Something was erased (else there is nothing to checkpoint away).
        let mut erased = false;
        if how.erase {
            // A call never stored has no rows anywhere (the log takes only
            // stored, accepted calls): the log and its owner stay as they are.
            let exists: bool =
                sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM sessions WHERE id = ?1)")
                    .bind(session_id)
                    .fetch_one(&mut **tx)
                    .await
                    .map_err(db(op))?;
            if exists {
                super::maintenance::flush_where(
                    &mut tx,
                    op,
                    Some("id = ?1"),
                    session_id.to_owned(),
                )
                .await?;
            }
            let user: Option<Option<String>> =
                sqlx::query_scalar("DELETE FROM sessions WHERE id = ?1 RETURNING user_id")
                    .bind(session_id)
                    .fetch_optional(&mut **tx)
                    .await
                    .map_err(db(op))?;
            erased = user.is_some();
            if let (true, Some(Some(u))) = (how.remove_orphan_user, &user) {
                delete_orphan_users(&mut tx, op, Some(u)).await?;
            }
        } else {
            sqlx::query("UPDATE sessions SET consent = 'DECLINED', updated_at = ?2 WHERE id = ?1")
                .bind(session_id)
                .bind(Timestamp::now().as_millis())
                .execute(&mut **tx)
                .await
                .map_err(db(op))?;
        }
        tx.commit().await.map_err(db(op))?;
        if erased {
            self.checkpoint().await?;
        }
        Ok(())
    }

    async fn append_batch(
        &self,
        batch: &[SessionAppend<'_>],
    ) -> Result<Vec<Result<Vec<AppendResult>>>> {
        let op = "append";
        let now = Timestamp::now().as_millis();
        if let Some(s) = &self.sync {
            let _turn = self.turn.lock().await;
            return super::in_place(|| s.append(batch, now));
        }
        if batch.len() > 1 && super::append::eligible(batch) {
            let mut tx = self.begin(op).await?;
            // Another instance's append log, if any, goes to the tables first:
            // this path numbers and dedups against the tables alone.
            super::maintenance::flush_where(&mut tx, op, None, 0).await?;
            match super::append::append_set(&mut tx, batch, now).await {
                Ok(r) => {
                    tx.commit().await.map_err(db(op))?;
                    return Ok(r.into_iter().map(Ok).collect());
                }
                Err(e) => {
                    // Find out which sessions fail: each alone, under a savepoint.
                    tracing::debug!(error = %e, "set-based append failed; retrying per session");
                    tx.rollback().await.map_err(db(op))?;
                }
            }
        }
        let mut tx = self.begin(op).await?;
        super::maintenance::flush_where(&mut tx, op, None, 0).await?;
        let mut out = Vec::with_capacity(batch.len());
        let isolate = batch.len() > 1;
        for part in batch {
            if isolate {
                sqlx::query("SAVEPOINT part")
                    .execute(&mut **tx)
                    .await
                    .map_err(db(op))?;
            }
            match self.append_session(&mut tx, part, now).await {
                Ok(r) => {
                    if isolate {
                        sqlx::query("RELEASE part")
                            .execute(&mut **tx)
                            .await
                            .map_err(db(op))?;
                    }
                    out.push(Ok(r));
                }
                Err(e) if isolate => {
                    sqlx::query("ROLLBACK TO part; RELEASE part")
                        .execute(&mut **tx)
                        .await
                        .map_err(db(op))?;
                    out.push(Err(e));
                }
                Err(e) => return Err(e),
            }
        }
        tx.commit().await.map_err(db(op))?;
        Ok(out)
    }

    async fn write_batch(&self, ops: &[WriteOp<'_>]) -> Result<Vec<WriteOpResult>> {
        match &self.sync {
            Some(s) => {
                let now = Timestamp::now().as_millis();
                let _turn = self.turn.lock().await;
                super::in_place(|| s.write(ops, now))
            }
            None => crate::write_each(self, ops).await,
        }
    }

    fn batches_upserts(&self) -> bool {
        self.sync.is_some()
    }

    async fn health(&self) -> BackendHealth {
        let t = Instant::now();
        let ok = sqlx::query("SELECT 1").execute(&self.reader).await.is_ok();
        BackendHealth::probe("sqlite", ok, Some(t.elapsed().as_secs_f64() * 1000.0))
    }

    async fn close(&self) {
        SqliteStore::close(self).await;
    }
}
