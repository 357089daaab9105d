//! Reads through the spool layer: during an outage, what the spool holds counts.
//!
//! While the layer is not degraded the spool is empty and every read goes to
//! the primary. While it is degraded, a read of a session answers what the
//! primary holds for it (when the primary answers) **followed by the session's
//! spooled content** in spool order, or the spool alone when the primary is
//! unreachable (a read the spool knows nothing about then fails as the primary
//! did: the store does not guess). The spooled state wins: a spooled meta
//! updates the session, a spooled withdrawal marks it declined, a spooled
//! deletion or erasure hides it and its content.
//!
//! Spooled items get provisional positions after the primary's last one (`seq`,
//! summary `version`); replay assigns the final ones, in the same order. An item
//! both in the primary and still in the spool (its replay committed, its spool
//! row not yet removed) is shown once: replay moves rows under
//! `Shared::view`, which reads hold shared. Reads say that they came from a
//! degraded store through [`WriteCore::spool_stats`](crate::WriteCore::spool_stats)
//! (`fallback_active`), which the HTTP layer turns into a header.

use super::file::{OpKind, StoredOp};
use super::tombstones::decode_withdrawal;
use super::Spool;
use crate::backend::page;
use crate::clean::codec;
use crate::{
    Backend, CleanEvent, CleanSessionMeta, Consent, Page, PageRequest, Reads, Result, Session,
    SessionFilter, SessionStatus, StoredSegment, StoredSummary, StoredToolEvent, StoredUsage,
    Timestamp, Timings, UsageReport, DEFAULT_CHILD_PAGE,
};

/// What the spool says about one session.
#[derive(Default)]
pub(super) struct Spooled {
    /// A spooled meta, withdrawal or deletion exists.
    pub(super) known: bool,
    /// Deleted or erased by a spooled operation: hidden.
    pub(super) gone: bool,
    /// Withdrawn without erasure.
    declined: bool,
    metas: Vec<(CleanSessionMeta, Timestamp)>,
    events: Vec<(CleanEvent, Timestamp)>,
}

impl Spooled {
    pub(super) fn from_ops(ops: &[StoredOp]) -> Self {
        let mut s = Spooled::default();
        for op in ops {
            let at = Timestamp::from_millis(op.at_ms);
            match op.kind {
                OpKind::Meta => {
                    if let Ok(m) = codec::decode_meta(&op.body) {
                        s.known = true;
                        s.gone = false;
                        s.declined = m.consent() == Consent::Declined;
                        s.metas.push((m, at));
                    }
                }
                OpKind::Event => {
                    if let Ok(e) = codec::decode_event(&op.body) {
                        s.events.push((e, at));
                    }
                }
                OpKind::Withdraw => {
                    s.known = true;
                    let erase = decode_withdrawal(&op.body).is_none_or(|w| w.erase);
                    if erase {
                        s.gone = true;
                        s.events.clear();
                    } else {
                        s.declined = true;
                    }
                }
                OpKind::Delete | OpKind::EraseUser => {
                    s.known = true;
                    s.gone = true;
                    s.events.clear();
                }
            }
        }
        s
    }

    /// The session as the primary's row updated by the spooled state.
    pub(super) fn session(&self, id: &str, primary: Option<Session>) -> Option<Session> {
        if self.gone {
            return None;
        }
        let mut row = primary;
        for (m, at) in &self.metas {
            row = Some(apply_meta(id, row, m, *at));
        }
        if self.declined {
            if let Some(r) = row.as_mut() {
                r.consent = Consent::Declined;
            }
        }
        row
    }

    fn items<'a, T>(&'a self, f: impl Fn(&'a CleanEvent) -> Option<T> + 'a) -> Vec<(T, Timestamp)> {
        self.events
            .iter()
            .filter_map(|(e, at)| f(e).map(|t| (t, *at)))
            .collect()
    }
}

/// A session row updated by a meta (the primary's upsert rules, in short).
fn apply_meta(id: &str, prev: Option<Session>, m: &CleanSessionMeta, at: Timestamp) -> Session {
    let mut r = prev.unwrap_or_else(|| Session {
        id: id.to_owned(),
        user_id: None,
        provider_session_id: None,
        voice: None,
        persona: None,
        config: serde_json::json!({}),
        timings: Timings::default(),
        consent: m.consent(),
        status: SessionStatus::Active,
        started_at: m
            .started_at()
            .unwrap_or_else(|| m.ended_at().map_or(at, |e| e.min(at))),
        ended_at: None,
        created_at: at,
        updated_at: at,
    });
    let own = |v: Option<&str>| v.map(str::to_owned);
    r.user_id = own(m.user_id()).or(r.user_id);
    r.provider_session_id = own(m.provider_session_id()).or(r.provider_session_id);
    r.voice = own(m.voice()).or(r.voice);
    r.persona = own(m.persona()).or(r.persona);
    if let Some(c) = m.config() {
        r.config = c.clone();
    }
    r.timings = r.timings.merge(m.timings());
    r.consent = m.consent();
    if let Some(e) = m.ended_at() {
        r.ended_at = Some(e);
        r.status = SessionStatus::Ended;
    }
    r.updated_at = at;
    r
}

/// Whether an item of the spool is already among the primary's (same key).
fn seen(keys: &[Option<String>], key: Option<&str>) -> bool {
    key.is_some_and(|k| keys.iter().any(|x| x.as_deref() == Some(k)))
}

/// A page of items in `seq` order from the whole merged list.
fn seq_page<T>(all: Vec<T>, req: &PageRequest, seq: impl Fn(&T) -> i64) -> Result<Page<T>> {
    let limit = page::limit(req.limit, DEFAULT_CHILD_PAGE)?;
    let after = page::parse_seq_cursor(req.cursor.as_deref())?;
    let items: Vec<T> = all
        .into_iter()
        .filter(|t| seq(t) > after)
        .take(limit as usize + 1)
        .collect();
    Ok(page::into_page(items, limit, |t| seq(t).to_string()))
}

impl<B: Backend> Spool<B> {
    /// The spooled state of a session and, when it answers, the primary's
    /// answer (`None`: unreachable, answer from the spool alone; a session the
    /// spool knows nothing about, or whose meta it lacks when `need_meta`, fails
    /// as the primary did). A session of a user whose erasure is spooled is `gone`.
    async fn both<T>(
        &self,
        id: &str,
        need_meta: bool,
        primary: impl std::future::Future<Output = Result<T>> + Send,
    ) -> Result<(Spooled, Option<T>)> {
        let mut sp = Spooled::from_ops(&self.shared.file.session_ops(id).await?);
        let erased = self.erased_users().await?;
        let of_erased = |u: Option<&str>| u.is_some_and(|u| erased.iter().any(|x| x == u));
        if sp.metas.iter().any(|(m, _)| of_erased(m.user_id())) {
            sp.gone = true;
        }
        match primary.await {
            Ok(t) => {
                if !erased.is_empty() && !sp.gone {
                    if let Ok(Some(s)) = self.shared.inner.get_session(id).await {
                        sp.gone = of_erased(s.user_id.as_deref());
                    }
                }
                Ok((sp, Some(t)))
            }
            Err(e) if e.is_unreachable() && (sp.known || (!need_meta && !sp.events.is_empty())) => {
                Ok((sp, None))
            }
            Err(e) => Err(e),
        }
    }

    /// Users whose erasure is spooled.
    pub(super) async fn erased_users(&self) -> Result<Vec<String>> {
        Ok(self
            .shared
            .file
            .state_ops()
            .await?
            .into_iter()
            .filter(|o| o.kind == OpKind::EraseUser)
            .filter_map(|o| o.user_id)
            .collect())
    }

    /// Every page of a child read from the primary (during an outage only).
    async fn all_pages<T, F, Fut>(fetch: F) -> Result<Vec<T>>
    where
        F: Fn(PageRequest) -> Fut + Send,
        Fut: std::future::Future<Output = Result<Page<T>>> + Send,
        T: Send,
    {
        let mut out = Vec::new();
        let mut req = PageRequest::all();
        loop {
            let p = fetch(req.clone()).await?;
            out.extend(p.items);
            match p.next_cursor {
                Some(c) => req.cursor = Some(c),
                None => return Ok(out),
            }
        }
    }
}

impl<B: Backend> Reads for Spool<B> {
    async fn get_session(&self, id: &str) -> Result<Option<Session>> {
        if !self.degraded() {
            return self.shared.inner.get_session(id).await;
        }
        let _view = self.shared.view.read().await;
        let (sp, primary) = self
            .both(id, true, self.shared.inner.get_session(id))
            .await?;
        Ok(sp.session(id, primary.flatten()))
    }

    async fn list_sessions(&self, filter: &SessionFilter) -> Result<Page<Session>> {
        if !self.degraded() {
            return self.shared.inner.list_sessions(filter).await;
        }
        super::list::list(self, filter).await
    }

    async fn get_transcripts(&self, id: &str, req: &PageRequest) -> Result<Page<StoredSegment>> {
        if !self.degraded() {
            return self.shared.inner.get_transcripts(id, req).await;
        }
        let _view = self.shared.view.read().await;
        let inner = &self.shared.inner;
        let primary = Self::all_pages(|r| async move { inner.get_transcripts(id, &r).await });
        let (sp, primary) = self.both(id, false, primary).await?;
        if sp.gone {
            return Ok(Page {
                items: Vec::new(),
                next_cursor: None,
            });
        }
        let mut all = primary.unwrap_or_default();
        let keys: Vec<Option<String>> = all.iter().map(|s| s.item_id.clone()).collect();
        let mut seq = all.last().map_or(0, |s| s.seq);
        for (s, at) in sp.items(|e| match e {
            CleanEvent::Transcript(s) => Some(s),
            _ => None,
        }) {
            if seen(&keys, s.item_id()) {
                continue;
            }
            seq += 1;
            all.push(StoredSegment {
                seq,
                item_id: s.item_id().map(str::to_owned),
                role: s.role(),
                text: s.text().to_owned(),
                started_at: s.started_at(),
                ended_at: s.ended_at(),
                created_at: at,
            });
        }
        seq_page(all, req, |s| s.seq)
    }

    async fn get_tool_events(&self, id: &str, req: &PageRequest) -> Result<Page<StoredToolEvent>> {
        if !self.degraded() {
            return self.shared.inner.get_tool_events(id, req).await;
        }
        let _view = self.shared.view.read().await;
        let inner = &self.shared.inner;
        let primary = Self::all_pages(|r| async move { inner.get_tool_events(id, &r).await });
        let (sp, primary) = self.both(id, false, primary).await?;
        if sp.gone {
            return Ok(Page {
                items: Vec::new(),
                next_cursor: None,
            });
        }
        let mut all = primary.unwrap_or_default();
        let keys: Vec<Option<String>> = all.iter().map(|t| t.call_id.clone()).collect();
        let mut seq = all.last().map_or(0, |t| t.seq);
        for (t, _) in sp.items(|e| match e {
            CleanEvent::Tool(t) => Some(t),
            _ => None,
        }) {
            if seen(&keys, t.call_id()) {
                continue;
            }
            seq += 1;
            all.push(StoredToolEvent {
                seq,
                call_id: t.call_id().map(str::to_owned),
                name: t.name().to_owned(),
                args: t.args().clone(),
                result: t.result().cloned(),
                status: t.status(),
                duration_ms: t.duration_ms(),
                at: t.at(),
            });
        }
        seq_page(all, req, |t| t.seq)
    }

    async fn get_summary(&self, id: &str) -> Result<Option<StoredSummary>> {
        if !self.degraded() {
            return self.shared.inner.get_summary(id).await;
        }
        let _view = self.shared.view.read().await;
        let (sp, primary) = self
            .both(id, false, self.shared.inner.get_summary(id))
            .await?;
        if sp.gone {
            return Ok(None);
        }
        let primary = primary.flatten();
        let spooled = sp.items(|e| match e {
            CleanEvent::Summary(s) => Some(s),
            _ => None,
        });
        let version = primary.as_ref().map_or(0, |s| s.version) + spooled.len() as i64;
        Ok(match spooled.last() {
            Some((s, _)) => Some(StoredSummary {
                version,
                text: s.text().to_owned(),
                key_points: s.key_points().to_vec(),
                at: s.at(),
            }),
            None => primary,
        })
    }

    async fn get_usage(&self, id: &str) -> Result<UsageReport> {
        if !self.degraded() {
            return self.shared.inner.get_usage(id).await;
        }
        let _view = self.shared.view.read().await;
        let (sp, primary) = self
            .both(id, false, self.shared.inner.get_usage(id))
            .await?;
        if sp.gone {
            return Ok(UsageReport::from_events(Vec::new()));
        }
        let mut all = primary.map(|r| r.events).unwrap_or_default();
        let keys: Vec<Option<String>> = all.iter().map(|u| u.event_id.clone()).collect();
        let mut seq = all.last().map_or(0, |u| u.seq);
        for (u, _) in sp.items(|e| match e {
            CleanEvent::Usage(u) => Some(u),
            _ => None,
        }) {
            if seen(&keys, u.event_id()) {
                continue;
            }
            seq += 1;
            all.push(StoredUsage {
                seq,
                event_id: u.event_id().map(str::to_owned),
                kind: u.kind().to_owned(),
                value: u.value(),
                meta: u.meta().cloned(),
                at: u.at(),
            });
        }
        Ok(UsageReport::from_events(all))
    }
}
