//! The write core of [`PostgresStore`]: upserts and withdrawals (serialised per
//! session by an advisory lock, tombstone checked in the same transaction) and
//! the multi-session batch append: one transaction; every session row locked
//! `FOR UPDATE` in one statement with its tombstone, then one set-based
//! `INSERT … FROM UNNEST` per child table for all sessions of the batch. When
//! that fails for a reason other than the connection, the batch is retried per
//! session under savepoints, so the error fails only the sessions it concerns.

use std::collections::HashSet;
use std::time::Instant;

use serde_json::Value;
use sqlx::{Postgres, Transaction};

use super::sql::SESSION_LOCK_SPACE;
use super::{db, map_user_conflict, pg_error, PostgresStore};
use crate::backends::batch::{split_accepted, Split};
use crate::backends::rows::stored_state;
use crate::backends::upsert::{upsert_plan, UpsertPlan};
use crate::{
    AppendResult, BackendHealth, CleanEvent, CleanSessionMeta, Consent, EventKind, Result,
    SessionAppend, StoredState, Timestamp, UpsertResult, Withdrawal, WriteCore,
};

type Tx = Transaction<'static, Postgres>;

/// Keys one session's part inserted, per kind.
type Keys = [HashSet<String>; 4];

impl PostgresStore {
    /// Takes the session's advisory lock (upserts and withdrawals of one session
    /// never interleave, even before the session has a row).
    async fn lock_session_id(&self, tx: &mut Tx, op: &'static str, id: &str) -> Result<()> {
        let _ = SESSION_LOCK_SPACE;
        sqlx::query(&self.sql().session_lock)
            .bind(id)
            .persistent(self.p())
            .execute(&mut **tx)
            .await
            .map_err(db(op))?;
        Ok(())
    }

    async fn tombstone_reason(
        &self,
        tx: &mut Tx,
        op: &'static str,
        id: &str,
    ) -> Result<Option<String>> {
        sqlx::query_scalar(&self.sql().tombstone_of)
            .bind(id)
            .persistent(self.p())
            .fetch_optional(&mut **tx)
            .await
            .map_err(db(op))
    }

    pub(super) async fn write_tombstone(
        &self,
        tx: &mut Tx,
        op: &'static str,
        id: &str,
        reason: crate::TombstoneReason,
    ) -> Result<()> {
        sqlx::query(&self.sql().tombstone)
            .bind(id)
            .bind(Timestamp::now().as_millis())
            .bind(reason.as_str())
            .persistent(self.p())
            .execute(&mut **tx)
            .await
            .map_err(db(op))?;
        Ok(())
    }

    async fn upsert_once(&self, m: &CleanSessionMeta) -> Result<UpsertResult> {
        let op = "upsert_session";
        let mut tx = self.begin(op).await?;
        self.lock_session_id(&mut tx, op, m.session_id()).await?;
        let row: Option<(String, i64)> = sqlx::query_as(&self.sql().upsert_state)
            .bind(m.session_id())
            .persistent(self.p())
            .fetch_optional(&mut *tx)
            .await
            .map_err(db(op))?;
        let reason = self.tombstone_reason(&mut tx, op, m.session_id()).await?;
        let (consent, started) = row.unzip();
        let now = Timestamp::now().as_millis();
        match upsert_plan(m, consent, started, reason)? {
            UpsertPlan::Refused(state) => {
                tx.rollback().await.map_err(db(op))?;
                return Ok(UpsertResult::Refused(state));
            }
            UpsertPlan::MarkConsent => {
                sqlx::query(&self.sql().set_consent)
                    .bind(m.session_id())
                    .bind(m.consent().as_str())
                    .bind(now)
                    .persistent(self.p())
                    .execute(&mut *tx)
                    .await
                    .map_err(db(op))?;
                tx.commit().await.map_err(db(op))?;
                return Ok(UpsertResult::Stored);
            }
            UpsertPlan::Store { untombstone } => {
                if untombstone {
                    sqlx::query(&self.sql().untombstone)
                        .bind(m.session_id())
                        .persistent(self.p())
                        .execute(&mut *tx)
                        .await
                        .map_err(db(op))?;
                }
            }
        }
        let user_unchanged = match m.user_id() {
            Some(uid) if self.routed() => {
                self.user_unchanged(&mut tx, uid, m.auth_user_id(), m.email())
                    .await?
            }
            _ => false,
        };
        if let (Some(uid), false) = (m.user_id(), user_unchanged) {
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
            .map_err(|e| pg_error(op, "config", e))?;
        tx.commit().await.map_err(db(op))?;
        Ok(UpsertResult::Stored)
    }

    async fn withdraw_once(&self, id: &str, how: Withdrawal) -> Result<()> {
        let op = "withdraw";
        let mut tx = self.begin(op).await?;
        self.citus_sequential(&mut tx, op).await?;
        self.lock_session_id(&mut tx, op, id).await?;
        self.write_tombstone(&mut tx, op, id, how.reason).await?;
        if how.erase {
            let user: Option<Option<String>> = sqlx::query_scalar(&self.sql().delete_session_user)
                .bind(id)
                .persistent(self.p())
                .fetch_optional(&mut *tx)
                .await
                .map_err(db(op))?;
            if let (true, Some(Some(u))) = (how.remove_orphan_user, &user) {
                sqlx::query(&self.sql().delete_orphan_user)
                    .bind(u)
                    .persistent(self.p())
                    .execute(&mut *tx)
                    .await
                    .map_err(db(op))?;
            }
        } else {
            sqlx::query(&self.sql().decline)
                .bind(id)
                .bind(Timestamp::now().as_millis())
                .persistent(self.p())
                .execute(&mut *tx)
                .await
                .map_err(db(op))?;
        }
        tx.commit().await.map_err(db(op))
    }

    /// One session's part, inside the batch transaction: `None` when the session
    /// is not stored, not `ACCEPTED`, or tombstoned.
    async fn append_part(&self, tx: &mut Tx, part: &SessionAppend<'_>) -> Result<Option<Keys>> {
        let op = "append";
        let id = part.session_id;
        // Locks the session row: writes are conditional on the stored consent in
        // this transaction, and seq allocation is serialised across instances.
        let consent: Option<String> = sqlx::query_scalar(&self.sql().lock_session)
            .bind(id)
            .persistent(self.p())
            .fetch_optional(&mut **tx)
            .await
            .map_err(db(op))?;
        if consent.as_deref() != Some(Consent::Accepted.as_str())
            || self.tombstone_reason(tx, op, id).await?.is_some()
        {
            return Ok(None);
        }
        let split = Split::new(part.events);
        let now = Timestamp::now().as_millis();
        let mut got: Keys = Default::default();
        for kind in EventKind::ALL {
            let rows = split.of(kind);
            if rows.is_empty() {
                continue;
            }
            let rows: Vec<(&str, &CleanEvent)> = rows.iter().map(|e| (id, *e)).collect();
            got[kind.index()] = self
                .insert_kind(tx, kind, &rows, now)
                .await?
                .into_iter()
                .map(|(_, key)| key)
                .collect();
        }
        Ok(Some(got))
    }

    /// Inserts the fresh rows of one kind, of any number of sessions (each row
    /// with its session id); returns the (session, key) pairs written.
    async fn insert_kind(
        &self,
        tx: &mut Tx,
        kind: EventKind,
        rows: &[(&str, &CleanEvent)],
        now: i64,
    ) -> Result<Vec<(String, String)>> {
        let (op, field) = ("append", "events");
        let sql = self.sql();
        let ids: Vec<&str> = rows.iter().map(|(id, _)| *id).collect();
        let rows: Vec<&CleanEvent> = rows.iter().map(|(_, e)| *e).collect();
        let q = match kind {
            EventKind::Transcript => {
                let r: Vec<_> = rows
                    .iter()
                    .filter_map(|e| match e {
                        CleanEvent::Transcript(x) => Some(x),
                        _ => None,
                    })
                    .collect();
                sqlx::query_as::<_, (String, String)>(&sql.insert_transcripts)
                    .bind(&ids)
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
            }
            EventKind::Tool => {
                let r: Vec<_> = rows
                    .iter()
                    .filter_map(|e| match e {
                        CleanEvent::Tool(x) => Some(x),
                        _ => None,
                    })
                    .collect();
                sqlx::query_as::<_, (String, String)>(&sql.insert_tools)
                    .bind(&ids)
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
            }
            EventKind::Summary => {
                let r: Vec<_> = rows
                    .iter()
                    .filter_map(|e| match e {
                        CleanEvent::Summary(x) => Some(x),
                        _ => None,
                    })
                    .collect();
                sqlx::query_as::<_, (String, String)>(&sql.insert_summaries)
                    .bind(&ids)
                    .bind(r.iter().map(|x| x.dedup_key()).collect::<Vec<_>>())
                    .bind(r.iter().map(|x| x.text()).collect::<Vec<_>>())
                    .bind(
                        r.iter()
                            .map(|x| Value::from(x.key_points().to_vec()))
                            .collect::<Vec<_>>(),
                    )
                    .bind(r.iter().map(|x| x.at().as_millis()).collect::<Vec<_>>())
            }
            EventKind::Usage => {
                let r: Vec<_> = rows
                    .iter()
                    .filter_map(|e| match e {
                        CleanEvent::Usage(x) => Some(x),
                        _ => None,
                    })
                    .collect();
                sqlx::query_as::<_, (String, String)>(&sql.insert_usage)
                    .bind(&ids)
                    .bind(r.iter().map(|x| x.event_id()).collect::<Vec<_>>())
                    .bind(r.iter().map(|x| x.dedup_key()).collect::<Vec<_>>())
                    .bind(r.iter().map(|x| x.kind()).collect::<Vec<_>>())
                    .bind(r.iter().map(|x| x.value()).collect::<Vec<_>>())
                    .bind(r.iter().map(|x| x.meta()).collect::<Vec<_>>())
                    .bind(r.iter().map(|x| x.at().as_millis()).collect::<Vec<_>>())
            }
        };
        q.persistent(self.p())
            .fetch_all(&mut **tx)
            .await
            .map_err(|e| pg_error(op, field, e))
    }

    /// The whole batch set-based: every session row locked in one statement (in
    /// id order, so concurrent batches cannot deadlock), then one insert per
    /// event kind for all accepted sessions. `None` for a session that is not
    /// stored, not `ACCEPTED`, or tombstoned.
    async fn append_set(
        &self,
        tx: &mut Tx,
        batch: &[SessionAppend<'_>],
    ) -> Result<Vec<Option<Keys>>> {
        let op = "append";
        let ids: Vec<&str> = batch.iter().map(|p| p.session_id).collect();
        let locked: Vec<(String, String, Option<String>)> =
            sqlx::query_as(&self.sql().lock_sessions)
                .bind(&ids)
                .persistent(self.p())
                .fetch_all(&mut **tx)
                .await
                .map_err(db(op))?;
        let mut accepted: HashSet<String> = HashSet::with_capacity(locked.len());
        for (id, consent, reason) in locked {
            if stored_state(Some(consent), reason)? == StoredState::Live(Consent::Accepted) {
                accepted.insert(id);
            }
        }
        let splits = split_accepted(batch, |id| accepted.contains(id));
        let now = Timestamp::now().as_millis();
        let mut got: Vec<Option<Keys>> = splits
            .iter()
            .map(|s| s.as_ref().map(|_| Keys::default()))
            .collect();
        let index: std::collections::HashMap<&str, usize> =
            ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        for kind in EventKind::ALL {
            let rows: Vec<(&str, &CleanEvent)> = batch
                .iter()
                .zip(&splits)
                .filter_map(|(p, s)| s.as_ref().map(|s| (p.session_id, s.of(kind))))
                .flat_map(|(id, rows)| rows.iter().map(move |e| (id, *e)))
                .collect();
            if rows.is_empty() {
                continue;
            }
            for (id, key) in self.insert_kind(tx, kind, &rows, now).await? {
                if let Some(Some(keys)) = index.get(id.as_str()).map(|&i| got[i].as_mut()) {
                    keys[kind.index()].insert(key);
                }
            }
        }
        Ok(got)
    }

    /// One attempt at a batch. Keys each part inserted are recorded in `written`
    /// before the commit, so that a retry after an ambiguous commit failure still
    /// reports them as inserted.
    async fn append_batch_once(
        &self,
        batch: &[SessionAppend<'_>],
        written: &mut [Keys],
    ) -> Result<Vec<Result<Option<Keys>>>> {
        let op = "append";
        let distinct = batch
            .iter()
            .map(|p| p.session_id)
            .collect::<HashSet<_>>()
            .len()
            == batch.len();
        if batch.len() > 1 && distinct {
            let mut tx = self.begin(op).await?;
            match self.append_set(&mut tx, batch).await {
                Ok(got) => {
                    let out: Vec<Result<Option<Keys>>> = got.into_iter().map(Ok).collect();
                    return self.commit_recording(tx, out, written).await;
                }
                Err(e) if e.is_retryable() => return Err(e),
                Err(e) => {
                    // Find out which sessions fail: each alone, under a savepoint.
                    tracing::debug!(error = %e, "set-based append failed; retrying per session");
                    tx.rollback().await.map_err(db(op))?;
                }
            }
        }
        let mut tx = self.begin(op).await?;
        let isolate = batch.len() > 1;
        let mut out = Vec::with_capacity(batch.len());
        for part in batch {
            if isolate {
                sqlx::query("SAVEPOINT part")
                    .persistent(false)
                    .execute(&mut *tx)
                    .await
                    .map_err(db(op))?;
            }
            match self.append_part(&mut tx, part).await {
                Ok(r) => {
                    if isolate {
                        sqlx::query("RELEASE SAVEPOINT part")
                            .persistent(false)
                            .execute(&mut *tx)
                            .await
                            .map_err(db(op))?;
                    }
                    out.push(Ok(r));
                }
                // A lost connection (or anything retryable) retries the whole batch.
                Err(e) if e.is_retryable() || !isolate => return Err(e),
                Err(e) => {
                    sqlx::query("ROLLBACK TO SAVEPOINT part")
                        .persistent(false)
                        .execute(&mut *tx)
                        .await
                        .map_err(db(op))?;
                    out.push(Err(e));
                }
            }
        }
        self.commit_recording(tx, out, written).await
    }

    /// Commits; on failure records what the parts inserted in `written` (the
    /// commit may have happened: a retry then sees those keys as stored).
    async fn commit_recording(
        &self,
        tx: Tx,
        out: Vec<Result<Option<Keys>>>,
        written: &mut [Keys],
    ) -> Result<Vec<Result<Option<Keys>>>> {
        if let Err(e) = tx.commit().await {
            for (w, r) in written.iter_mut().zip(&out) {
                if let Ok(Some(got)) = r {
                    for (w, g) in w.iter_mut().zip(got) {
                        w.extend(g.iter().cloned());
                    }
                }
            }
            return Err(db("append")(e));
        }
        Ok(out)
    }
}

impl WriteCore for PostgresStore {
    fn kind(&self) -> &'static str {
        "postgres"
    }

    async fn upsert_session(&self, m: &CleanSessionMeta) -> Result<UpsertResult> {
        self.retrying("upsert_session", || self.upsert_once(m))
            .await
    }

    async fn stored_state(&self, session_id: &str) -> Result<StoredState> {
        let (consent, reason): (Option<String>, Option<String>) = self
            .retrying("stored_state", || async {
                let mut c = self.conn("stored_state").await?;
                let v = sqlx::query_as(&self.sql().stored_state)
                    .bind(session_id)
                    .persistent(self.p())
                    .fetch_one(c.c())
                    .await
                    .map_err(db("stored_state"))?;
                c.done("stored_state").await?;
                Ok(v)
            })
            .await?;
        stored_state(consent, reason)
    }

    async fn withdraw(&self, session_id: &str, how: Withdrawal) -> Result<()> {
        self.retrying("withdraw", || self.withdraw_once(session_id, how))
            .await
    }

    async fn append_batch(
        &self,
        batch: &[SessionAppend<'_>],
    ) -> Result<Vec<Result<Vec<AppendResult>>>> {
        if batch.is_empty() {
            return Ok(Vec::new());
        }
        let mut written: Vec<Keys> = (0..batch.len()).map(|_| Keys::default()).collect();
        let mut attempt = 0;
        let got = if self.routed() {
            // Citus: one single-shard transaction per session, each retried alone.
            let got = self.append_routed(batch).await;
            if got
                .iter()
                .all(|r| matches!(r, Err(e) if e.is_unreachable()))
            {
                // The database is down for all of them: one error for the batch.
                if let Some(Err(e)) = got.into_iter().next() {
                    return Err(e);
                }
                return Ok(Vec::new());
            }
            got
        } else {
            loop {
                match self.append_batch_once(batch, &mut written).await {
                    Ok(g) => break g,
                    Err(e) => {
                        attempt += 1;
                        if !self.backoff("append", &e, attempt).await {
                            return Err(e);
                        }
                    }
                }
            }
        };
        Ok(batch
            .iter()
            .zip(got)
            .zip(&written)
            .map(|((part, r), w)| {
                let got = match r? {
                    None => return Ok(vec![AppendResult::NotAccepted; part.events.len()]),
                    Some(g) => g,
                };
                let split = Split::new(part.events);
                Ok(split.results(part.events, |k, key| {
                    got[k.index()].contains(key) || w[k.index()].contains(key)
                }))
            })
            .collect())
    }

    async fn health(&self) -> BackendHealth {
        let t = Instant::now();
        let ok = async {
            let mut c = self.conn("ping").await?;
            sqlx::query("SELECT 1")
                .persistent(self.p())
                .execute(c.c())
                .await
                .map_err(db("ping"))?;
            c.done("ping").await
        }
        .await
        .is_ok();
        let latency = Some(t.elapsed().as_secs_f64() * 1000.0);
        if ok && !matches!(self.citus(), crate::CitusLayout::NotCitus) {
            // On Citus, say whether the tables are distributed as expected.
            self.refresh_citus().await;
        }
        let mut h = BackendHealth::probe("postgres", ok, latency);
        h.detail = self.citus().detail();
        h
    }

    async fn close(&self) {
        PostgresStore::close(self).await;
    }
}
