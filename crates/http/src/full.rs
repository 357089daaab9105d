//! [`FullSession`]: a session with every child, as exported.

use realtime_store::{
    PageRequest, PersistenceStore, Result, Session, StoredSegment, StoredSummary, StoredToolEvent,
    UsageReport,
};
use serde::Serialize;

use crate::erased::DynStore;

/// A session with all its children: one line of `export --format jsonl`, and
/// `GET /v1/sessions/{id}/export?format=json`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FullSession {
    /// The session.
    pub session: Session,
    /// Every transcript segment, in order.
    pub transcripts: Vec<StoredSegment>,
    /// Every tool event, in order.
    pub tool_events: Vec<StoredToolEvent>,
    /// The latest summary.
    pub summary: Option<StoredSummary>,
    /// Usage events and totals.
    pub usage: UsageReport,
}

/// Reads a session and every child (all pages); `None` if it is not stored.
pub async fn load_session<S: PersistenceStore + 'static>(
    store: &S,
    id: &str,
) -> Result<Option<FullSession>> {
    load(store, id).await
}

pub(crate) async fn load(store: &dyn DynStore, id: &str) -> Result<Option<FullSession>> {
    let Some(session) = store.get_session(id).await? else {
        return Ok(None);
    };
    let mut transcripts = Vec::new();
    let mut page = PageRequest::all();
    loop {
        let p = store.get_transcripts(id, &page).await?;
        transcripts.extend(p.items);
        match p.next_cursor {
            Some(c) => page.cursor = Some(c),
            None => break,
        }
    }
    let mut tool_events = Vec::new();
    let mut page = PageRequest::all();
    loop {
        let p = store.get_tool_events(id, &page).await?;
        tool_events.extend(p.items);
        match p.next_cursor {
            Some(c) => page.cursor = Some(c),
            None => break,
        }
    }
    Ok(Some(FullSession {
        summary: store.get_summary(id).await?,
        usage: store.get_usage(id).await?,
        session,
        transcripts,
        tool_events,
    }))
}
