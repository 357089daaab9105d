//! Reads of [`SqliteStore`], on the WAL reader pool (they never wait behind the
//! writer). Child rows are read by primary-key range (`session_id`, `seq`).

use sqlx::{QueryBuilder, Sqlite};

use super::{db, SqliteStore};
use crate::backend::page::{
    self, into_page, parse_seq_cursor, parse_session_cursor, session_cursor,
};
use crate::backends::rows::{decode, SegmentRow, SessionRow, SummaryRow, ToolRow, UsageRow};
use crate::{
    Page, PageRequest, Reads, Result, Session, SessionFilter, StoredSegment, StoredSummary,
    StoredToolEvent, StoredUsage, UsageReport,
};

impl Reads for SqliteStore {
    async fn get_session(&self, id: &str) -> Result<Option<Session>> {
        sqlx::query_as::<_, SessionRow>("SELECT * FROM sessions WHERE id = ?1")
            .bind(id)
            .fetch_optional(&self.reader)
            .await
            .map_err(db("get_session"))?
            .map(Session::try_from)
            .transpose()
    }

    async fn list_sessions(&self, f: &SessionFilter) -> Result<Page<Session>> {
        let after = parse_session_cursor(f.cursor.as_deref())?;
        let limit = page::limit(f.limit, page::DEFAULT_SESSION_PAGE)?;
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
        let rows: Vec<SessionRow> = q
            .build_query_as()
            .fetch_all(&self.reader)
            .await
            .map_err(db("list_sessions"))?;
        Ok(into_page(decode(rows)?, limit, session_cursor))
    }

    async fn get_transcripts(
        &self,
        session_id: &str,
        page: &PageRequest,
    ) -> Result<Page<StoredSegment>> {
        let after = parse_seq_cursor(page.cursor.as_deref())?;
        let limit = page::limit(page.limit, page::DEFAULT_CHILD_PAGE)?;
        let rows: Vec<SegmentRow> = sqlx::query_as(
            "SELECT seq, item_id, role, text, started_at, ended_at, created_at FROM transcripts
             WHERE session_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3",
        )
        .bind(session_id)
        .bind(after)
        .bind(i64::from(limit) + 1)
        .fetch_all(&self.reader)
        .await
        .map_err(db("get_transcripts"))?;
        Ok(into_page(decode(rows)?, limit, |s: &StoredSegment| {
            s.seq.to_string()
        }))
    }

    async fn get_tool_events(
        &self,
        session_id: &str,
        page: &PageRequest,
    ) -> Result<Page<StoredToolEvent>> {
        let after = parse_seq_cursor(page.cursor.as_deref())?;
        let limit = page::limit(page.limit, page::DEFAULT_CHILD_PAGE)?;
        let rows: Vec<ToolRow> = sqlx::query_as(
            "SELECT seq, call_id, name, args, result, status, duration_ms, at FROM tool_events
             WHERE session_id = ?1 AND seq > ?2 ORDER BY seq LIMIT ?3",
        )
        .bind(session_id)
        .bind(after)
        .bind(i64::from(limit) + 1)
        .fetch_all(&self.reader)
        .await
        .map_err(db("get_tool_events"))?;
        Ok(into_page(decode(rows)?, limit, |s: &StoredToolEvent| {
            s.seq.to_string()
        }))
    }

    async fn get_summary(&self, session_id: &str) -> Result<Option<StoredSummary>> {
        sqlx::query_as::<_, SummaryRow>(
            "SELECT version, text, key_points, at FROM summaries
             WHERE session_id = ?1 ORDER BY version DESC LIMIT 1",
        )
        .bind(session_id)
        .fetch_optional(&self.reader)
        .await
        .map_err(db("get_summary"))?
        .map(StoredSummary::try_from)
        .transpose()
    }

    async fn get_usage(&self, session_id: &str) -> Result<UsageReport> {
        let rows: Vec<UsageRow> = sqlx::query_as(
            "SELECT seq, event_id, kind, value, meta, at FROM usage_events
             WHERE session_id = ?1 ORDER BY seq",
        )
        .bind(session_id)
        .fetch_all(&self.reader)
        .await
        .map_err(db("get_usage"))?;
        Ok(UsageReport::from_events(decode::<_, StoredUsage>(rows)?))
    }
}
