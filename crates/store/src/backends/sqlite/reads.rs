//! Reads of [`SqliteStore`], on the WAL reader pool (they never wait behind the
//! writer). Child rows are read by primary-key range (`session_id`, `seq`), with
//! the session's rows still in the append log ([`super::log`]) beside them.

use sqlx::{QueryBuilder, Sqlite};

use super::log::with_log;
use super::{db, SqliteStore};
use crate::backend::page::{
    self, into_page, parse_seq_cursor, parse_session_cursor, session_cursor,
};
use crate::backends::filter::push_session_filter;
use crate::backends::rows::{decode, SegmentRow, SessionRow, SummaryRow, ToolRow, UsageRow};
use crate::{
    EventKind, Page, PageRequest, Reads, Result, Session, SessionFilter, StoredSegment,
    StoredSummary, StoredToolEvent, StoredUsage, UsageReport,
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
        push_session_filter(&mut q, f, after, limit, ("", ""));
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
        let rows: Vec<SegmentRow> = sqlx::query_as(&format!(
            "{} ORDER BY seq LIMIT ?3",
            with_log(
                EventKind::Transcript,
                "seq, item_id, role, text, started_at, ended_at, created_at",
                true
            )
        ))
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
        let rows: Vec<ToolRow> = sqlx::query_as(&format!(
            "{} ORDER BY seq LIMIT ?3",
            with_log(
                EventKind::Tool,
                "seq, call_id, name, args, result, status, duration_ms, at",
                true
            )
        ))
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
        sqlx::query_as::<_, SummaryRow>(&format!(
            "{} ORDER BY version DESC LIMIT 1",
            with_log(EventKind::Summary, "version, text, key_points, at", false)
        ))
        .bind(session_id)
        .fetch_optional(&self.reader)
        .await
        .map_err(db("get_summary"))?
        .map(StoredSummary::try_from)
        .transpose()
    }

    async fn get_usage(&self, session_id: &str) -> Result<UsageReport> {
        let rows: Vec<UsageRow> = sqlx::query_as(&format!(
            "{} ORDER BY seq",
            with_log(
                EventKind::Usage,
                "seq, event_id, kind, value, meta, at",
                false
            )
        ))
        .bind(session_id)
        .fetch_all(&self.reader)
        .await
        .map_err(db("get_usage"))?;
        Ok(UsageReport::from_events(decode::<_, StoredUsage>(rows)?))
    }
}
