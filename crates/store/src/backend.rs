//! The storage side: what a backend must do with already-clean data.

use std::future::Future;

use crate::{
    CleanEvent, CleanSessionMeta, Consent, EraseCounts, Page, PageRequest, Result, Session,
    SessionFilter, StoredSegment, StoredSummary, StoredToolEvent, Timestamp, UsageReport,
};

/// What happened to one event handed to [`Backend::append`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppendResult {
    /// Written.
    Inserted,
    /// Its dedup key was already stored for the session: nothing written.
    Duplicate,
    /// The stored session is missing or not `ACCEPTED` (another instance withdrew it,
    /// or it was erased): nothing written.
    NotAccepted,
}

/// A storage backend. It only ever receives [`Clean`](crate::CleanEvent) types,
/// which only the [`Redaction`](crate::Redaction) seam can build, so it cannot be
/// handed unredacted content; consent is enforced in front of it by
/// [`RealtimeStore`](crate::RealtimeStore) and again by the backend itself, which
/// writes children only while the stored session is `ACCEPTED` (in the same
/// transaction as the write).
///
/// "Not found" is `Ok(None)`, never an error.
pub trait Backend: Send + Sync + 'static {
    /// Short name: `memory`, `sqlite`, `postgres`.
    fn kind(&self) -> &'static str;

    /// Creates or updates the session (and creates/links its user). Fields that are
    /// `None` keep their stored value; timings merge field-wise; `ended_at` sets
    /// status `ended`.
    fn upsert_session(&self, meta: &CleanSessionMeta) -> impl Future<Output = Result<()>> + Send;

    /// The stored consent of a session, `None` when there is no such session.
    fn stored_consent(
        &self,
        session_id: &str,
    ) -> impl Future<Output = Result<Option<Consent>>> + Send;

    /// Consent withdrawn: with `erase`, delete the session and everything of it;
    /// otherwise mark it `DECLINED` and keep what was stored.
    fn withdraw(&self, session_id: &str, erase: bool) -> impl Future<Output = Result<()>> + Send;

    /// Appends events of one session, in order, in one transaction, each only if the
    /// stored session is `ACCEPTED` at that moment and its dedup key is new.
    fn append(
        &self,
        session_id: &str,
        events: &[CleanEvent],
    ) -> impl Future<Output = Result<Vec<AppendResult>>> + Send;

    /// One session.
    fn get_session(&self, id: &str) -> impl Future<Output = Result<Option<Session>>> + Send;

    /// Sessions, newest first, filtered and paginated.
    fn list_sessions(
        &self,
        filter: &SessionFilter,
    ) -> impl Future<Output = Result<Page<Session>>> + Send;

    /// Transcript segments in `seq` order.
    fn get_transcripts(
        &self,
        session_id: &str,
        page: &PageRequest,
    ) -> impl Future<Output = Result<Page<StoredSegment>>> + Send;

    /// Tool events in `seq` order.
    fn get_tool_events(
        &self,
        session_id: &str,
        page: &PageRequest,
    ) -> impl Future<Output = Result<Page<StoredToolEvent>>> + Send;

    /// The latest summary.
    fn get_summary(
        &self,
        session_id: &str,
    ) -> impl Future<Output = Result<Option<StoredSummary>>> + Send;

    /// Usage events and totals.
    fn get_usage(&self, session_id: &str) -> impl Future<Output = Result<UsageReport>> + Send;

    /// Deletes a session and its children. `true` if it existed.
    fn delete_session(&self, id: &str) -> impl Future<Output = Result<bool>> + Send;

    /// Deletes a user, all their sessions and everything of them, in one transaction.
    fn erase_user(&self, user_id: &str) -> impl Future<Output = Result<EraseCounts>> + Send;

    /// Deletes sessions that started before `before`, with their children.
    fn purge_before(&self, before: Timestamp) -> impl Future<Output = Result<EraseCounts>> + Send;

    /// Checks that the backend answers.
    fn ping(&self) -> impl Future<Output = Result<()>> + Send;
}

/// A shared backend is a backend: several stores (instances) can share one.
impl<B: Backend> Backend for std::sync::Arc<B> {
    fn kind(&self) -> &'static str {
        (**self).kind()
    }
    fn upsert_session(&self, meta: &CleanSessionMeta) -> impl Future<Output = Result<()>> + Send {
        (**self).upsert_session(meta)
    }
    fn stored_consent(&self, id: &str) -> impl Future<Output = Result<Option<Consent>>> + Send {
        (**self).stored_consent(id)
    }
    fn withdraw(&self, id: &str, erase: bool) -> impl Future<Output = Result<()>> + Send {
        (**self).withdraw(id, erase)
    }
    fn append(
        &self,
        id: &str,
        events: &[CleanEvent],
    ) -> impl Future<Output = Result<Vec<AppendResult>>> + Send {
        (**self).append(id, events)
    }
    fn get_session(&self, id: &str) -> impl Future<Output = Result<Option<Session>>> + Send {
        (**self).get_session(id)
    }
    fn list_sessions(
        &self,
        f: &SessionFilter,
    ) -> impl Future<Output = Result<Page<Session>>> + Send {
        (**self).list_sessions(f)
    }
    fn get_transcripts(
        &self,
        id: &str,
        p: &PageRequest,
    ) -> impl Future<Output = Result<Page<StoredSegment>>> + Send {
        (**self).get_transcripts(id, p)
    }
    fn get_tool_events(
        &self,
        id: &str,
        p: &PageRequest,
    ) -> impl Future<Output = Result<Page<StoredToolEvent>>> + Send {
        (**self).get_tool_events(id, p)
    }
    fn get_summary(&self, id: &str) -> impl Future<Output = Result<Option<StoredSummary>>> + Send {
        (**self).get_summary(id)
    }
    fn get_usage(&self, id: &str) -> impl Future<Output = Result<UsageReport>> + Send {
        (**self).get_usage(id)
    }
    fn delete_session(&self, id: &str) -> impl Future<Output = Result<bool>> + Send {
        (**self).delete_session(id)
    }
    fn erase_user(&self, id: &str) -> impl Future<Output = Result<EraseCounts>> + Send {
        (**self).erase_user(id)
    }
    fn purge_before(&self, before: Timestamp) -> impl Future<Output = Result<EraseCounts>> + Send {
        (**self).purge_before(before)
    }
    fn ping(&self) -> impl Future<Output = Result<()>> + Send {
        (**self).ping()
    }
}

/// Default and maximum page sizes.
pub(crate) const DEFAULT_SESSION_PAGE: u32 = 50;
pub(crate) const DEFAULT_CHILD_PAGE: u32 = 100;
pub(crate) const MAX_PAGE: u32 = 1000;

/// Clamps a requested page size.
pub(crate) fn page_size(req: Option<u32>, default: u32) -> u32 {
    req.unwrap_or(default).clamp(1, MAX_PAGE)
}

/// Cursor of child reads: the last `seq` returned.
pub(crate) fn parse_seq_cursor(c: Option<&str>) -> Result<i64> {
    match c {
        None | Some("") => Ok(0),
        Some(c) => c.parse::<i64>().ok().filter(|s| *s >= 0).ok_or_else(|| {
            crate::Error::validation("cursor", "is not a cursor returned by this store")
        }),
    }
}

/// Cursor of session lists: `started_at` millis and id of the last row.
pub(crate) fn parse_session_cursor(c: Option<&str>) -> Result<Option<(i64, String)>> {
    match c {
        None | Some("") => Ok(None),
        Some(c) => {
            let bad =
                || crate::Error::validation("cursor", "is not a cursor returned by this store");
            let (ms, id) = c.split_once('~').ok_or_else(bad)?;
            let ms = ms.parse::<i64>().map_err(|_| bad())?;
            crate::validate::id("cursor", id).map_err(|_| bad())?;
            Ok(Some((ms, id.to_owned())))
        }
    }
}

/// Turns `limit + 1` fetched rows into a page: the extra row only says that a next
/// page exists; the cursor is that of the last row kept.
pub(crate) fn into_page<T>(
    mut items: Vec<T>,
    limit: u32,
    cursor: impl Fn(&T) -> String,
) -> Page<T> {
    let limit = limit as usize;
    let next_cursor = if items.len() > limit {
        items.truncate(limit);
        items.last().map(cursor)
    } else {
        None
    };
    Page { items, next_cursor }
}

/// Builds the cursor of a session list page.
pub(crate) fn session_cursor(s: &Session) -> String {
    format!("{}~{}", s.started_at.as_millis(), s.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip() {
        assert_eq!(parse_seq_cursor(None).unwrap(), 0);
        assert_eq!(parse_seq_cursor(Some("17")).unwrap(), 17);
        assert!(parse_seq_cursor(Some("-1")).is_err());
        assert!(parse_seq_cursor(Some("x")).is_err());
        assert_eq!(
            parse_session_cursor(Some("1700000000000~sess_1")).unwrap(),
            Some((1_700_000_000_000, "sess_1".to_owned()))
        );
        assert!(parse_session_cursor(Some("1700000000000~bad id")).is_err());
        assert!(parse_session_cursor(Some("nope")).is_err());
    }

    proptest::proptest! {
        #[test]
        fn cursor_parsers_never_panic(s in "\\PC{0,80}") {
            let _ = parse_seq_cursor(Some(&s));
            let _ = parse_session_cursor(Some(&s));
        }
    }
}
