//! Reads of [`PostgresStore`], from the pool (never behind the write path's
//! transactions), retried on transient failures. Child rows by primary-key range.

use sqlx::postgres::PgRow;
use sqlx::{FromRow, Postgres, QueryBuilder};

use super::{db, PostgresStore};
use crate::backend::page::{
    self, into_page, parse_seq_cursor, parse_session_cursor, session_cursor,
};
use crate::backends::rows::{decode, SegmentRow, SessionRow, SummaryRow, ToolRow, UsageRow};
use crate::{
    Error, Page, PageRequest, Reads, Result, Session, SessionFilter, StoredSegment, StoredSummary,
    StoredToolEvent, StoredUsage, UsageReport,
};

impl PostgresStore {
    /// Rows of one statement with the session id (and optional extra binds) as
    /// parameters, retried on transient failures.
    async fn rows<R>(
        &self,
        op: &'static str,
        sql: &str,
        id: &str,
        after: Option<(i64, i64)>,
    ) -> Result<Vec<R>>
    where
        R: for<'r> FromRow<'r, PgRow> + Send + Unpin,
    {
        self.retrying(op, || async {
            let mut c = self.conn(op).await?;
            let mut q = sqlx::query_as::<_, R>(sql).bind(id);
            if let Some((a, b)) = after {
                q = q.bind(a).bind(b);
            }
            let rows = q
                .persistent(self.p())
                .fetch_all(c.c())
                .await
                .map_err(db(op))?;
            c.done(op).await?;
            Ok(rows)
        })
        .await
    }

    /// One page of a child table (`limit + 1` rows fetched, see `into_page`).
    async fn child_page<R, T>(
        &self,
        op: &'static str,
        sql: &str,
        id: &str,
        page: &PageRequest,
        seq: impl Fn(&T) -> i64,
    ) -> Result<Page<T>>
    where
        R: for<'r> FromRow<'r, PgRow> + Send + Unpin,
        T: TryFrom<R, Error = Error>,
    {
        let after = parse_seq_cursor(page.cursor.as_deref())?;
        let limit = page::limit(page.limit, page::DEFAULT_CHILD_PAGE)?;
        let rows = self
            .rows::<R>(op, sql, id, Some((after, i64::from(limit) + 1)))
            .await?;
        Ok(into_page(decode(rows)?, limit, |t| seq(t).to_string()))
    }
}

impl Reads for PostgresStore {
    async fn get_session(&self, id: &str) -> Result<Option<Session>> {
        let rows = self
            .rows::<SessionRow>("get_session", &self.sql().get_session, id, None)
            .await?;
        rows.into_iter().next().map(Session::try_from).transpose()
    }

    async fn list_sessions(&self, f: &SessionFilter) -> Result<Page<Session>> {
        let after = parse_session_cursor(f.cursor.as_deref())?;
        let limit = page::limit(f.limit, page::DEFAULT_SESSION_PAGE)?;
        let ts = "::int8 * INTERVAL '1 millisecond'";
        self.retrying("list_sessions", || async {
            let sql = self.sql();
            let mut q = QueryBuilder::<Postgres>::new(format!(
                "SELECT {} FROM {} WHERE TRUE",
                sql.session_cols, sql.sessions_table
            ));
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
                q.push(" AND started_at >= TIMESTAMPTZ 'epoch' + ")
                    .push_bind(t.as_millis())
                    .push(ts);
            }
            if let Some(t) = f.started_before {
                q.push(" AND started_at < TIMESTAMPTZ 'epoch' + ")
                    .push_bind(t.as_millis())
                    .push(ts);
            }
            if let Some((ms, id)) = &after {
                q.push(" AND (started_at, id) < (TIMESTAMPTZ 'epoch' + ")
                    .push_bind(*ms)
                    .push(ts)
                    .push(", ")
                    .push_bind(id.clone())
                    .push(")");
            }
            q.push(" ORDER BY started_at DESC, id DESC LIMIT ")
                .push_bind(i64::from(limit) + 1);
            let mut c = self.conn("list_sessions").await?;
            let rows: Vec<SessionRow> = q
                .build_query_as()
                .persistent(self.p())
                .fetch_all(c.c())
                .await
                .map_err(db("list_sessions"))?;
            c.done("list_sessions").await?;
            Ok(into_page(decode(rows)?, limit, session_cursor))
        })
        .await
    }

    async fn get_transcripts(
        &self,
        session_id: &str,
        page: &PageRequest,
    ) -> Result<Page<StoredSegment>> {
        self.child_page::<SegmentRow, StoredSegment>(
            "get_transcripts",
            &self.sql().get_transcripts,
            session_id,
            page,
            |s| s.seq,
        )
        .await
    }

    async fn get_tool_events(
        &self,
        session_id: &str,
        page: &PageRequest,
    ) -> Result<Page<StoredToolEvent>> {
        self.child_page::<ToolRow, StoredToolEvent>(
            "get_tool_events",
            &self.sql().get_tool_events,
            session_id,
            page,
            |s| s.seq,
        )
        .await
    }

    async fn get_summary(&self, session_id: &str) -> Result<Option<StoredSummary>> {
        let rows = self
            .rows::<SummaryRow>("get_summary", &self.sql().get_summary, session_id, None)
            .await?;
        rows.into_iter()
            .next()
            .map(StoredSummary::try_from)
            .transpose()
    }

    async fn get_usage(&self, session_id: &str) -> Result<UsageReport> {
        let rows = self
            .rows::<UsageRow>("get_usage", &self.sql().get_usage, session_id, None)
            .await?;
        Ok(UsageReport::from_events(decode::<_, StoredUsage>(rows)?))
    }
}
