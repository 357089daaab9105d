//! Deletion, erasure and retention of [`PostgresStore`]: each session is locked
//! before it is removed (in-flight appends finish first, later ones find it
//! tombstoned), tombstones are written in the same transaction. Physical removal
//! of dead tuples is VACUUM's job: see docs/PRIVACY.md.

use sqlx::{Postgres, Transaction};

use super::{db, PostgresStore};
use crate::{EraseCounts, ErasedUser, EventKind, Maintenance, Result, Timestamp, TombstoneReason};

impl PostgresStore {
    async fn tombstone_ids(
        &self,
        tx: &mut Transaction<'static, Postgres>,
        op: &'static str,
        ids: &[String],
        reason: TombstoneReason,
    ) -> Result<()> {
        if ids.is_empty() {
            return Ok(());
        }
        sqlx::query(&self.sql().tombstone_many)
            .bind(ids)
            .bind(Timestamp::now().as_millis())
            .bind(reason.as_str())
            .persistent(self.p())
            .execute(&mut **tx)
            .await
            .map_err(db(op))?;
        Ok(())
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
    ) -> Result<(ErasedUser, Transaction<'static, Postgres>)> {
        let op = "erase_user";
        let mut tx = self.begin(op).await?;
        self.citus_sequential(&mut tx, op).await?;
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
        self.tombstone_ids(&mut tx, op, &ids, TombstoneReason::Erased)
            .await?;
        let mut c = self.delete_counted(&mut tx, op, &ids).await?;
        c.users = sqlx::query(&self.sql().delete_user)
            .bind(user_id)
            .persistent(self.p())
            .execute(&mut *tx)
            .await
            .map_err(db(op))?
            .rows_affected();
        Ok((
            ErasedUser {
                counts: c,
                session_ids: ids,
            },
            tx,
        ))
    }

    async fn purge_chunk(
        &self,
        before: i64,
    ) -> Result<(EraseCounts, usize, Transaction<'static, Postgres>)> {
        const CHUNK: i64 = 500;
        let op = "purge";
        let mut tx = self.begin(op).await?;
        self.citus_sequential(&mut tx, op).await?;
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
        self.tombstone_ids(&mut tx, op, &ids, TombstoneReason::Purged)
            .await?;
        let users: Vec<Option<String>> = sqlx::query_scalar(&format!(
            "SELECT user_id FROM {} WHERE id = ANY($1::text[])",
            self.sql().sessions_table
        ))
        .bind(&ids)
        .persistent(self.p())
        .fetch_all(&mut *tx)
        .await
        .map_err(db(op))?;
        let mut c = self.delete_counted(&mut tx, op, &ids).await?;
        let users: Vec<String> = users.into_iter().flatten().collect();
        if !users.is_empty() {
            c.users = self.delete_orphans(&mut tx, op, &users).await?;
        }
        Ok((c, listed, tx))
    }
}

#[derive(Clone, Copy)]
enum Extra<'a> {
    Text(&'a str),
    Int(i64),
}

impl Maintenance for PostgresStore {
    async fn delete_session(&self, id: &str) -> Result<bool> {
        // Not retried once the commit was sent: a retry could not tell whether the
        // row existed.
        let op = "delete_session";
        let mut tx = self.begin(op).await?;
        self.citus_sequential(&mut tx, op).await?;
        self.write_tombstone(&mut tx, op, id, TombstoneReason::Deleted)
            .await?;
        let user: Option<Option<String>> = sqlx::query_scalar(&self.sql().delete_session_user)
            .bind(id)
            .persistent(self.p())
            .fetch_optional(&mut *tx)
            .await
            .map_err(db(op))?;
        if let Some(Some(u)) = &user {
            sqlx::query(&self.sql().delete_orphan_user)
                .bind(u)
                .persistent(self.p())
                .execute(&mut *tx)
                .await
                .map_err(db(op))?;
        }
        tx.commit().await.map_err(db(op))?;
        Ok(user.is_some())
    }

    async fn delete_event(&self, session_id: &str, kind: EventKind, seq: i64) -> Result<bool> {
        // The session row is locked first, so the deletion is ordered with the
        // session's appends (which lock it too). One routed statement on Citus.
        let op = "delete_event";
        let mut tx = self.begin(op).await?;
        let live: Option<String> = sqlx::query_scalar(&self.sql().lock_session)
            .bind(session_id)
            .persistent(self.p())
            .fetch_optional(&mut *tx)
            .await
            .map_err(db(op))?;
        if live.is_none() {
            return Ok(false);
        }
        let n = sqlx::query(&self.sql().delete_event[kind.index()])
            .bind(session_id)
            .bind(seq)
            .persistent(self.p())
            .execute(&mut *tx)
            .await
            .map_err(db(op))?
            .rows_affected();
        tx.commit().await.map_err(db(op))?;
        Ok(n > 0)
    }

    async fn erase_user(&self, user_id: &str) -> Result<ErasedUser> {
        // Retried up to the commit (the counts of a retry after an ambiguous
        // commit would be wrong, so that failure goes to the caller).
        let (c, tx) = self
            .retrying("erase_user", || self.erase_user_once(user_id))
            .await?;
        tx.commit().await.map_err(db("erase_user"))?;
        Ok(c)
    }

    async fn purge_before(
        &self,
        before: Timestamp,
        tombstones_before: Timestamp,
    ) -> Result<EraseCounts> {
        // In chunks of sessions, one transaction each (short locks on a big purge).
        let ms = before.as_millis();
        let mut total = EraseCounts::default();
        loop {
            let (c, listed, tx) = self.retrying("purge", || self.purge_chunk(ms)).await?;
            tx.commit().await.map_err(db("purge"))?;
            total.add(c);
            if listed == 0 {
                break;
            }
        }
        let mut c = self.conn("purge").await?;
        sqlx::query(&self.sql().purge_tombstones)
            .bind(tombstones_before.as_millis())
            .persistent(self.p())
            .execute(c.c())
            .await
            .map_err(db("purge"))?;
        c.done("purge").await?;
        Ok(total)
    }
}
