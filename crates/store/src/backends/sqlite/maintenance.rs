//! Deletion, erasure and retention of [`SqliteStore`]: one transaction each,
//! the sessions' rows in the append log moved out of it first ([`flush_where`]),
//! tombstones written in it, then a `wal_checkpoint(TRUNCATE)` so the deleted
//! content (zeroed by `secure_delete`) leaves the WAL too.

use sqlx::{Sqlite, Transaction};

use super::write::{delete_orphan_users, tombstone};
use super::{db, SqliteStore};
use crate::{EraseCounts, ErasedUser, EventKind, Maintenance, Result, Timestamp, TombstoneReason};

type Tx = Transaction<'static, Sqlite>;

/// Moves the append log's live rows of the sessions `cond` selects (`None`:
/// all) to their tables and deletes all their log rows, and takes the log from
/// its owner (the caller is about to change table rows; see [`super::log`]).
pub(super) async fn flush_where<T>(
    tx: &mut Tx,
    op: &'static str,
    cond: Option<&str>,
    param: T,
) -> Result<()>
where
    T: for<'q> sqlx::Encode<'q, Sqlite> + sqlx::Type<Sqlite> + Clone + Send + 'static,
{
    sqlx::query(super::log::DISOWN)
        .execute(&mut **tx)
        .await
        .map_err(db(op))?;
    let pending: bool = sqlx::query_scalar(super::log::FLUSH_PROBE)
        .fetch_one(&mut **tx)
        .await
        .map_err(db(op))?;
    if !pending {
        return Ok(());
    }
    for sql in super::log::flush_statements(cond) {
        let q = sqlx::query(&sql);
        let q = if cond.is_some() {
            q.bind(param.clone())
        } else {
            q
        };
        q.execute(&mut **tx).await.map_err(db(op))?;
    }
    Ok(())
}

/// Counts the rows of the sessions `cond` selects, per table.
async fn counts_where<T>(tx: &mut Tx, cond: &str, param: T) -> Result<EraseCounts>
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

/// Tombstones and deletes the sessions `cond` selects; returns their ids.
async fn remove_where<T>(
    tx: &mut Tx,
    op: &'static str,
    cond: &str,
    param: T,
    reason: TombstoneReason,
) -> Result<Vec<String>>
where
    T: for<'q> sqlx::Encode<'q, Sqlite> + sqlx::Type<Sqlite> + Clone + Send + 'static,
{
    sqlx::query(&format!(
        "INSERT OR REPLACE INTO tombstones (session_id, at, reason)
         SELECT id, ?2, ?3 FROM sessions WHERE {cond}"
    ))
    .bind(param.clone())
    .bind(Timestamp::now().as_millis())
    .bind(reason.as_str())
    .execute(&mut **tx)
    .await
    .map_err(db(op))?;
    sqlx::query_scalar(&format!("DELETE FROM sessions WHERE {cond} RETURNING id"))
        .bind(param)
        .fetch_all(&mut **tx)
        .await
        .map_err(db(op))
}

impl Maintenance for SqliteStore {
    async fn delete_session(&self, id: &str) -> Result<bool> {
        let op = "delete_session";
        let mut tx = self.begin(op).await?;
        flush_where(&mut tx, op, Some("id = ?1"), id.to_owned()).await?;
        tombstone(&mut tx, op, id, TombstoneReason::Deleted).await?;
        let user: Option<Option<String>> =
            sqlx::query_scalar("DELETE FROM sessions WHERE id = ?1 RETURNING user_id")
                .bind(id)
                .fetch_optional(&mut **tx)
                .await
                .map_err(db(op))?;
        if let Some(Some(u)) = &user {
            delete_orphan_users(&mut tx, op, Some(u)).await?;
        }
        tx.commit().await.map_err(db(op))?;
        self.checkpoint().await?;
        Ok(user.is_some())
    }

    async fn delete_event(&self, session_id: &str, kind: EventKind, seq: i64) -> Result<bool> {
        let op = "delete_event";
        let (n, _, _) = super::append::columns(kind);
        let mut tx = self.begin(op).await?;
        flush_where(&mut tx, op, Some("id = ?1"), session_id.to_owned()).await?;
        let removed = sqlx::query(&format!(
            "DELETE FROM {} WHERE session_id = ?1 AND {n} = ?2",
            kind.table()
        ))
        .bind(session_id)
        .bind(seq)
        .execute(&mut **tx)
        .await
        .map_err(db(op))?
        .rows_affected();
        tx.commit().await.map_err(db(op))?;
        if removed > 0 {
            self.checkpoint().await?;
        }
        Ok(removed > 0)
    }

    async fn erase_user(&self, user_id: &str) -> Result<ErasedUser> {
        let op = "erase_user";
        let mut tx = self.begin(op).await?;
        flush_where(&mut tx, op, Some("user_id = ?1"), user_id.to_owned()).await?;
        let mut counts = counts_where(&mut tx, "user_id = ?1", user_id.to_owned()).await?;
        let session_ids = remove_where(
            &mut tx,
            op,
            "user_id = ?1",
            user_id.to_owned(),
            TombstoneReason::Erased,
        )
        .await?;
        counts.users = sqlx::query("DELETE FROM app_users WHERE id = ?1")
            .bind(user_id)
            .execute(&mut **tx)
            .await
            .map_err(db(op))?
            .rows_affected();
        tx.commit().await.map_err(db(op))?;
        self.checkpoint().await?;
        Ok(ErasedUser {
            counts,
            session_ids,
        })
    }

    async fn purge_before(
        &self,
        before: Timestamp,
        tombstones_before: Timestamp,
    ) -> Result<EraseCounts> {
        let op = "purge";
        let ms = before.as_millis();
        let mut tx = self.begin(op).await?;
        flush_where(&mut tx, op, Some("started_at < ?1"), ms).await?;
        let mut c = counts_where(&mut tx, "started_at < ?1", ms).await?;
        remove_where(&mut tx, op, "started_at < ?1", ms, TombstoneReason::Purged).await?;
        c.users = delete_orphan_users(&mut tx, op, None).await?;
        sqlx::query("DELETE FROM tombstones WHERE at < ?1")
            .bind(tombstones_before.as_millis())
            .execute(&mut **tx)
            .await
            .map_err(db(op))?;
        tx.commit().await.map_err(db(op))?;
        self.checkpoint().await?;
        Ok(c)
    }
}
