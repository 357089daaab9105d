//! `list_sessions` through a degraded spool layer: the primary's page (when it
//! answers) with each session updated by its spooled state (a spooled deletion
//! or erasure hides it), merged with the sessions only the spool knows (created
//! during the outage), in the one order of session lists (`started_at`, then
//! id, newest first) and with the same cursors. When the primary is down, the
//! spool's sessions alone.

use std::collections::{BTreeMap, HashSet};

use super::file::StoredOp;
use super::reads::Spooled;
use super::Spool;
use crate::backend::page;
use crate::{Backend, Page, Result, Session, SessionFilter, DEFAULT_SESSION_PAGE};

/// The sort key of session lists.
fn key(s: &Session) -> (i64, &str) {
    (s.started_at.as_millis(), s.id.as_str())
}

/// Whether a session passes the filter (the backends' rules).
fn matches(f: &SessionFilter, r: &Session) -> bool {
    f.user_id
        .as_ref()
        .is_none_or(|u| r.user_id.as_ref() == Some(u))
        && f.consent.is_none_or(|c| r.consent == c)
        && f.status.is_none_or(|c| r.status == c)
        && f.started_after.is_none_or(|t| r.started_at >= t)
        && f.started_before.is_none_or(|t| r.started_at < t)
}

pub(super) async fn list<B: Backend>(sp: &Spool<B>, f: &SessionFilter) -> Result<Page<Session>> {
    let _view = sp.shared.view.read().await;
    let limit = page::limit(f.limit, DEFAULT_SESSION_PAGE)?;
    let after = page::parse_session_cursor(f.cursor.as_deref())?;
    let ops = sp.shared.file.state_ops().await?;
    let erased = sp.erased_users().await?;
    let mut by_session: BTreeMap<&str, Vec<StoredOp>> = BTreeMap::new();
    for op in &ops {
        if !op.session_id.is_empty() {
            by_session
                .entry(op.session_id.as_str())
                .or_default()
                .push(op.clone());
        }
    }
    let (primary, more) = match sp.shared.inner.list_sessions(f).await {
        Ok(p) => (p.items, p.next_cursor),
        Err(e) if e.is_unreachable() && !by_session.is_empty() => (Vec::new(), None),
        Err(e) => return Err(e),
    };
    // With more pages in the primary, spool-only sessions after this page's
    // last row belong to a later page.
    let bound = if more.is_some() {
        primary
            .last()
            .map(|s| (s.started_at.as_millis(), s.id.clone()))
    } else {
        None
    };
    let of_erased = |s: &Session| {
        s.user_id
            .as_deref()
            .is_some_and(|u| erased.iter().any(|x| x == u))
    };
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for s in primary {
        seen.insert(s.id.clone());
        let state = by_session
            .get(s.id.as_str())
            .map(|o| Spooled::from_ops(o))
            .unwrap_or_default();
        let id = s.id.clone();
        if let Some(v) = state.session(&id, Some(s)) {
            if matches(f, &v) && !of_erased(&v) {
                out.push(v);
            }
        }
    }
    for (id, o) in &by_session {
        if seen.contains(*id) {
            continue;
        }
        let Some(v) = Spooled::from_ops(o).session(id, None) else {
            continue;
        };
        let k = key(&v);
        let in_range = after.as_ref().is_none_or(|(ms, c)| k < (*ms, c.as_str()))
            && bound.as_ref().is_none_or(|(ms, b)| k >= (*ms, b.as_str()));
        if in_range && matches(f, &v) && !of_erased(&v) {
            out.push(v);
        }
    }
    out.sort_by(|a, b| key(b).cmp(&key(a)));
    let full = out.len() > limit as usize;
    let mut p = page::into_page(out, limit, page::session_cursor);
    if !full && more.is_some() {
        p.next_cursor = p.items.last().map(page::session_cursor).or(more);
    }
    Ok(p)
}
