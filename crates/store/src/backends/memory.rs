//! [`MemoryStore`]: a backend that keeps everything in process memory, bounded.
//!
//! For tests and ephemeral use: it really stores (reads return what was written),
//! but nothing survives the process.

use std::collections::{BTreeMap, HashMap};

use parking_lot::Mutex;

use crate::backend::page::{
    self, into_page, parse_seq_cursor, parse_session_cursor, session_cursor,
};
use crate::backend::{
    AppendResult, BackendHealth, ErasedUser, Maintenance, Reads, SessionAppend, StoredState,
    TombstoneReason, UpsertResult, Withdrawal, WriteCore,
};
use crate::{
    CleanEvent, CleanSessionMeta, Consent, EraseCounts, Error, EventKind, Page, PageRequest,
    Result, Session, SessionFilter, SessionStatus, StoredSegment, StoredSummary, StoredToolEvent,
    StoredUsage, Timestamp, Timings, UsageReport,
};

/// Bounds of a [`MemoryStore`]. Writes beyond them fail with [`Error::Capacity`]
/// (nothing acknowledged is ever evicted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemoryLimits {
    /// Sessions kept (default 100 000).
    pub max_sessions: usize,
    /// Child rows per session (default 100 000).
    pub max_events_per_session: usize,
}

impl Default for MemoryLimits {
    fn default() -> Self {
        MemoryLimits {
            max_sessions: 100_000,
            max_events_per_session: 100_000,
        }
    }
}

#[derive(Debug, Clone)]
struct UserRow {
    auth_user_id: Option<String>,
    email: Option<String>,
}

#[derive(Debug)]
struct MemSession {
    row: Session,
    transcripts: Vec<StoredSegment>,
    tools: Vec<StoredToolEvent>,
    summaries: Vec<StoredSummary>,
    usage: Vec<StoredUsage>,
    /// Dedup keys, with the `seq` (or version) of the row each belongs to.
    keys: HashMap<(EventKind, String), i64>,
}

impl MemSession {
    fn rows(&self) -> usize {
        self.transcripts.len() + self.tools.len() + self.summaries.len() + self.usage.len()
    }

    fn counts(&self) -> EraseCounts {
        EraseCounts {
            users: 0,
            sessions: 1,
            transcripts: self.transcripts.len() as u64,
            tool_events: self.tools.len() as u64,
            summaries: self.summaries.len() as u64,
            usage_events: self.usage.len() as u64,
        }
    }
}

#[derive(Debug, Default)]
struct Mem {
    users: BTreeMap<String, UserRow>,
    sessions: HashMap<String, MemSession>,
    tombstones: HashMap<String, (Timestamp, TombstoneReason)>,
}

impl Mem {
    /// Removes a session (tombstoning it) and, if asked, its user when left
    /// without sessions. Returns what was removed.
    fn remove(&mut self, id: &str, reason: TombstoneReason, orphan_user: bool) -> EraseCounts {
        self.tombstones
            .insert(id.to_owned(), (Timestamp::now(), reason));
        let Some(s) = self.sessions.remove(id) else {
            return EraseCounts::default();
        };
        let mut c = s.counts();
        if let (true, Some(u)) = (orphan_user, &s.row.user_id) {
            if !self
                .sessions
                .values()
                .any(|o| o.row.user_id.as_ref() == Some(u))
                && self.users.remove(u).is_some()
            {
                c.users = 1;
            }
        }
        c
    }

    fn state(&self, id: &str) -> StoredState {
        if let Some((_, r)) = self.tombstones.get(id) {
            return StoredState::Tombstoned(*r);
        }
        self.sessions
            .get(id)
            .map_or(StoredState::Absent, |s| StoredState::Live(s.row.consent))
    }
}

/// An in-memory backend.
#[derive(Debug, Default)]
pub struct MemoryStore {
    mem: Mutex<Mem>,
    limits: MemoryLimits,
}

impl MemoryStore {
    /// An empty store with the given bounds.
    pub fn with_limits(limits: MemoryLimits) -> Self {
        MemoryStore {
            mem: Mutex::default(),
            limits,
        }
    }
}

fn upsert_user(mem: &mut Mem, m: &CleanSessionMeta) -> Result<()> {
    let Some(uid) = m.user_id() else {
        return Ok(());
    };
    for (uid2, u) in &mem.users {
        if uid2 != uid {
            if m.email().is_some() && u.email.as_deref() == m.email() {
                return Err(Error::conflict(
                    "user.email",
                    "already belongs to another user",
                ));
            }
            if m.auth_user_id().is_some() && u.auth_user_id.as_deref() == m.auth_user_id() {
                return Err(Error::conflict(
                    "user.auth_user_id",
                    "already belongs to another user",
                ));
            }
        }
    }
    let u = mem.users.entry(uid.to_owned()).or_insert(UserRow {
        auth_user_id: None,
        email: None,
    });
    if let Some(a) = m.auth_user_id() {
        u.auth_user_id = Some(a.to_owned());
    }
    if let Some(e) = m.email() {
        u.email = Some(e.to_owned());
    }
    Ok(())
}

fn paginate<T: Clone>(rows: &[T], seq: impl Fn(&T) -> i64, page: &PageRequest) -> Result<Page<T>> {
    let after = parse_seq_cursor(page.cursor.as_deref())?;
    let limit = page::limit(page.limit, page::DEFAULT_CHILD_PAGE)?;
    let items: Vec<T> = rows
        .iter()
        .filter(|r| seq(r) > after)
        .take(limit as usize + 1)
        .cloned()
        .collect();
    Ok(into_page(items, limit, |r| seq(r).to_string()))
}

/// Appends the row made for the next number after the last row's; returns it.
fn push<T>(rows: &mut Vec<T>, seq_of: impl Fn(&T) -> i64, make: impl FnOnce(i64) -> T) -> i64 {
    let seq = rows.last().map_or(1, |l| seq_of(l) + 1);
    rows.push(make(seq));
    seq
}

/// Removes the row numbered `seq`; `true` if there was one.
fn remove_row<T>(rows: &mut Vec<T>, seq_of: impl Fn(&T) -> i64, seq: i64) -> bool {
    match rows.binary_search_by_key(&seq, seq_of) {
        Ok(i) => {
            rows.remove(i);
            true
        }
        Err(_) => false,
    }
}

/// Stores one event; returns its `seq` (or version).
fn insert(s: &mut MemSession, e: &CleanEvent, now: Timestamp) -> i64 {
    match e {
        CleanEvent::Transcript(x) => push(
            &mut s.transcripts,
            |l| l.seq,
            |seq| StoredSegment {
                seq,
                item_id: x.item_id().map(str::to_owned),
                role: x.role(),
                text: x.text().to_owned(),
                started_at: x.started_at(),
                ended_at: x.ended_at(),
                created_at: now,
            },
        ),
        CleanEvent::Tool(x) => push(
            &mut s.tools,
            |l| l.seq,
            |seq| StoredToolEvent {
                seq,
                call_id: x.call_id().map(str::to_owned),
                name: x.name().to_owned(),
                args: x.args().clone(),
                result: x.result().cloned(),
                status: x.status(),
                duration_ms: x.duration_ms(),
                at: x.at(),
            },
        ),
        CleanEvent::Summary(x) => push(
            &mut s.summaries,
            |l| l.version,
            |version| StoredSummary {
                version,
                text: x.text().to_owned(),
                key_points: x.key_points().to_vec(),
                at: x.at(),
            },
        ),
        CleanEvent::Usage(x) => push(
            &mut s.usage,
            |l| l.seq,
            |seq| StoredUsage {
                seq,
                event_id: x.event_id().map(str::to_owned),
                kind: x.kind().to_owned(),
                value: x.value(),
                meta: x.meta().cloned(),
                at: x.at(),
            },
        ),
    }
}

impl MemoryStore {
    fn append_one(&self, mem: &mut Mem, part: &SessionAppend<'_>) -> Result<Vec<AppendResult>> {
        let n = part.events.len();
        if mem.tombstones.contains_key(part.session_id) {
            return Ok(vec![AppendResult::NotAccepted; n]);
        }
        let Some(s) = mem
            .sessions
            .get_mut(part.session_id)
            .filter(|s| s.row.consent == Consent::Accepted)
        else {
            return Ok(vec![AppendResult::NotAccepted; n]);
        };
        if s.rows() + n > self.limits.max_events_per_session {
            return Err(Error::Capacity {
                what: "memory store events per session",
            });
        }
        let now = Timestamp::now();
        Ok(part
            .events
            .iter()
            .map(|e| {
                let key = (e.kind(), e.dedup_key().to_owned());
                if s.keys.contains_key(&key) {
                    AppendResult::Duplicate
                } else {
                    let seq = insert(s, e, now);
                    s.keys.insert(key, seq);
                    AppendResult::Inserted
                }
            })
            .collect())
    }
}

impl WriteCore for MemoryStore {
    fn kind(&self) -> &'static str {
        "memory"
    }

    async fn upsert_session(&self, m: &CleanSessionMeta) -> Result<UpsertResult> {
        let mut mem = self.mem.lock();
        let id = m.session_id();
        if let Some((_, r)) = mem.tombstones.get(id) {
            if !m.is_reconsent() {
                return Ok(UpsertResult::Refused(StoredState::Tombstoned(*r)));
            }
        }
        if m.consent() != Consent::Accepted {
            // PENDING never creates a row; it only marks a stored session.
            let Some(s) = mem.sessions.get_mut(id) else {
                return Ok(UpsertResult::Refused(StoredState::Absent));
            };
            s.row.consent = m.consent();
            s.row.updated_at = Timestamp::now();
            return Ok(UpsertResult::Stored);
        }
        if !mem.sessions.contains_key(id) && mem.sessions.len() >= self.limits.max_sessions {
            return Err(Error::Capacity {
                what: "memory store sessions",
            });
        }
        if let (Some(s), Some(end)) = (mem.sessions.get(id), m.ended_at()) {
            if end < s.row.started_at {
                return Err(Error::validation(
                    "ended_at",
                    "must not be before started_at",
                ));
            }
        }
        upsert_user(&mut mem, m)?;
        mem.tombstones.remove(id);
        let now = Timestamp::now();
        match mem.sessions.get_mut(id) {
            Some(s) => {
                let r = &mut s.row;
                if let Some(u) = m.user_id() {
                    r.user_id = Some(u.to_owned());
                }
                if let Some(v) = m.provider_session_id() {
                    r.provider_session_id = Some(v.to_owned());
                }
                if let Some(v) = m.voice() {
                    r.voice = Some(v.to_owned());
                }
                if let Some(v) = m.persona() {
                    r.persona = Some(v.to_owned());
                }
                if let Some(c) = m.config() {
                    r.config = c.clone();
                }
                r.timings = r.timings.merge(m.timings());
                r.consent = m.consent();
                if let Some(e) = m.ended_at() {
                    r.ended_at = Some(e);
                    r.status = SessionStatus::Ended;
                }
                r.updated_at = now;
            }
            None => {
                let started = m
                    .started_at()
                    .unwrap_or_else(|| m.ended_at().map_or(now, |e| e.min(now)));
                let row = Session {
                    id: id.to_owned(),
                    user_id: m.user_id().map(str::to_owned),
                    provider_session_id: m.provider_session_id().map(str::to_owned),
                    voice: m.voice().map(str::to_owned),
                    persona: m.persona().map(str::to_owned),
                    config: m.config().cloned().unwrap_or_else(|| serde_json::json!({})),
                    timings: Timings::default().merge(m.timings()),
                    consent: m.consent(),
                    status: if m.ended_at().is_some() {
                        SessionStatus::Ended
                    } else {
                        SessionStatus::Active
                    },
                    started_at: started,
                    ended_at: m.ended_at(),
                    created_at: now,
                    updated_at: now,
                };
                mem.sessions.insert(
                    row.id.clone(),
                    MemSession {
                        row,
                        transcripts: Vec::new(),
                        tools: Vec::new(),
                        summaries: Vec::new(),
                        usage: Vec::new(),
                        keys: HashMap::new(),
                    },
                );
            }
        }
        Ok(UpsertResult::Stored)
    }

    async fn stored_state(&self, session_id: &str) -> Result<StoredState> {
        Ok(self.mem.lock().state(session_id))
    }

    async fn withdraw(&self, session_id: &str, how: Withdrawal) -> Result<()> {
        let mut mem = self.mem.lock();
        if how.erase {
            mem.remove(session_id, how.reason, how.remove_orphan_user);
        } else {
            mem.tombstones
                .insert(session_id.to_owned(), (Timestamp::now(), how.reason));
            if let Some(s) = mem.sessions.get_mut(session_id) {
                s.row.consent = Consent::Declined;
                s.row.updated_at = Timestamp::now();
            }
        }
        Ok(())
    }

    async fn append_batch(
        &self,
        batch: &[SessionAppend<'_>],
    ) -> Result<Vec<Result<Vec<AppendResult>>>> {
        let mut mem = self.mem.lock();
        Ok(batch.iter().map(|p| self.append_one(&mut mem, p)).collect())
    }

    async fn health(&self) -> BackendHealth {
        BackendHealth::probe("memory", true, Some(0.0))
    }

    async fn close(&self) {}
}

impl Reads for MemoryStore {
    async fn get_session(&self, id: &str) -> Result<Option<Session>> {
        Ok(self.mem.lock().sessions.get(id).map(|s| s.row.clone()))
    }

    async fn list_sessions(&self, f: &SessionFilter) -> Result<Page<Session>> {
        let after = parse_session_cursor(f.cursor.as_deref())?;
        let limit = page::limit(f.limit, page::DEFAULT_SESSION_PAGE)?;
        let mem = self.mem.lock();
        let mut rows: Vec<&Session> = mem
            .sessions
            .values()
            .map(|s| &s.row)
            .filter(|r| {
                f.user_id
                    .as_ref()
                    .is_none_or(|u| r.user_id.as_ref() == Some(u))
            })
            .filter(|r| f.consent.is_none_or(|c| r.consent == c))
            .filter(|r| f.status.is_none_or(|c| r.status == c))
            .filter(|r| f.started_after.is_none_or(|t| r.started_at >= t))
            .filter(|r| f.started_before.is_none_or(|t| r.started_at < t))
            .filter(|r| {
                after.as_ref().is_none_or(|(ms, id)| {
                    (r.started_at.as_millis(), r.id.as_str()) < (*ms, id.as_str())
                })
            })
            .collect();
        rows.sort_by(|a, b| (b.started_at, &b.id).cmp(&(a.started_at, &a.id)));
        let items: Vec<Session> = rows.into_iter().take(limit as usize + 1).cloned().collect();
        Ok(into_page(items, limit, session_cursor))
    }

    async fn get_transcripts(
        &self,
        session_id: &str,
        page: &PageRequest,
    ) -> Result<Page<StoredSegment>> {
        let mem = self.mem.lock();
        let rows = mem
            .sessions
            .get(session_id)
            .map_or(&[][..], |s| &s.transcripts);
        paginate(rows, |r| r.seq, page)
    }

    async fn get_tool_events(
        &self,
        session_id: &str,
        page: &PageRequest,
    ) -> Result<Page<StoredToolEvent>> {
        let mem = self.mem.lock();
        let rows = mem.sessions.get(session_id).map_or(&[][..], |s| &s.tools);
        paginate(rows, |r| r.seq, page)
    }

    async fn get_summary(&self, session_id: &str) -> Result<Option<StoredSummary>> {
        Ok(self
            .mem
            .lock()
            .sessions
            .get(session_id)
            .and_then(|s| s.summaries.last().cloned()))
    }

    async fn get_usage(&self, session_id: &str) -> Result<UsageReport> {
        let events = self
            .mem
            .lock()
            .sessions
            .get(session_id)
            .map(|s| s.usage.clone())
            .unwrap_or_default();
        Ok(UsageReport::from_events(events))
    }
}

impl Maintenance for MemoryStore {
    async fn delete_session(&self, id: &str) -> Result<bool> {
        let mut mem = self.mem.lock();
        Ok(mem.remove(id, TombstoneReason::Deleted, true).sessions > 0)
    }

    async fn delete_event(&self, session_id: &str, kind: EventKind, seq: i64) -> Result<bool> {
        let mut mem = self.mem.lock();
        let Some(s) = mem.sessions.get_mut(session_id) else {
            return Ok(false);
        };
        let removed = match kind {
            EventKind::Transcript => remove_row(&mut s.transcripts, |r| r.seq, seq),
            EventKind::Tool => remove_row(&mut s.tools, |r| r.seq, seq),
            EventKind::Summary => remove_row(&mut s.summaries, |r| r.version, seq),
            EventKind::Usage => remove_row(&mut s.usage, |r| r.seq, seq),
        };
        if removed {
            s.keys.retain(|(k, _), n| !(*k == kind && *n == seq));
        }
        Ok(removed)
    }

    async fn erase_user(&self, user_id: &str) -> Result<ErasedUser> {
        let mut mem = self.mem.lock();
        let mut counts = EraseCounts::default();
        let ids: Vec<String> = mem
            .sessions
            .iter()
            .filter(|(_, s)| s.row.user_id.as_deref() == Some(user_id))
            .map(|(k, _)| k.clone())
            .collect();
        for id in &ids {
            counts.add(mem.remove(id, TombstoneReason::Erased, false));
        }
        if mem.users.remove(user_id).is_some() {
            counts.users = 1;
        }
        Ok(ErasedUser {
            counts,
            session_ids: ids,
        })
    }

    async fn purge_before(
        &self,
        before: Timestamp,
        tombstones_before: Timestamp,
    ) -> Result<EraseCounts> {
        let mut mem = self.mem.lock();
        let mut counts = EraseCounts::default();
        let ids: Vec<String> = mem
            .sessions
            .iter()
            .filter(|(_, s)| s.row.started_at < before)
            .map(|(k, _)| k.clone())
            .collect();
        for id in &ids {
            counts.add(mem.remove(id, TombstoneReason::Purged, true));
        }
        mem.tombstones.retain(|_, (at, _)| *at >= tombstones_before);
        Ok(counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Consent, PersistenceStore, RealtimeStore, Role, SessionMeta, TranscriptSegment};

    #[tokio::test]
    async fn bounds_are_enforced_without_evicting_anything() {
        let store = RealtimeStore::new(MemoryStore::with_limits(MemoryLimits {
            max_sessions: 2,
            max_events_per_session: 3,
        }));
        for id in ["a", "b"] {
            store
                .save_session_meta(SessionMeta::new(id, Consent::Accepted))
                .await
                .unwrap();
        }
        let e = store
            .save_session_meta(SessionMeta::new("c", Consent::Accepted))
            .await
            .unwrap_err();
        assert!(matches!(e, Error::Capacity { .. }), "{e}");
        let now = Timestamp::now();
        for i in 0..3 {
            let seg = TranscriptSegment::new(Role::User, "x", now.add_millis(i));
            store.append_transcript("a", seg).await.unwrap();
        }
        let seg = TranscriptSegment::new(Role::User, "x", now.add_millis(9));
        assert!(matches!(
            store.append_transcript("a", seg).await,
            Err(Error::Capacity { .. })
        ));
        assert!(store.get_session("a").await.unwrap().is_some());
        assert!(store.get_session("b").await.unwrap().is_some());
        let page = store
            .get_transcripts("a", &crate::PageRequest::all())
            .await
            .unwrap();
        assert_eq!(page.items.len(), 3);
    }
}
