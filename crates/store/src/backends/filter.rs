//! The `WHERE … ORDER BY … LIMIT` of `list_sessions`, shared by the SQL backends:
//! only how an epoch-millisecond parameter becomes a timestamp differs
//! (`ts_pre`/`ts_post` around the bound value).

use sqlx::{Database, QueryBuilder};

use crate::SessionFilter;

/// Appends the filter, the keyset cursor and the order to `q` (which ends in a
/// `WHERE` clause already, e.g. `WHERE TRUE`).
pub(crate) fn push_session_filter<'a, DB>(
    q: &mut QueryBuilder<'a, DB>,
    f: &SessionFilter,
    after: Option<(i64, String)>,
    limit: u32,
    (ts_pre, ts_post): (&str, &str),
) where
    DB: Database,
    String: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
    &'a str: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
    i64: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
{
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
        q.push(" AND started_at >= ")
            .push(ts_pre)
            .push_bind(t.as_millis())
            .push(ts_post);
    }
    if let Some(t) = f.started_before {
        q.push(" AND started_at < ")
            .push(ts_pre)
            .push_bind(t.as_millis())
            .push(ts_post);
    }
    if let Some((ms, id)) = after {
        q.push(" AND (started_at, id) < (")
            .push(ts_pre)
            .push_bind(ms)
            .push(ts_post)
            .push(", ")
            .push_bind(id)
            .push(")");
    }
    q.push(" ORDER BY started_at DESC, id DESC LIMIT ")
        .push_bind(i64::from(limit) + 1);
}
