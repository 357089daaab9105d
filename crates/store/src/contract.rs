//! The contract every store answers: the whole life of a voice session.

use std::future::Future;

use crate::{
    EraseCounts, Event, EventKind, Health, Page, PageRequest, Result, Session, SessionEvent,
    SessionFilter, SessionMeta, StoredSegment, StoredSummary, StoredToolEvent, Summary, Timestamp,
    ToolEvent, TranscriptSegment, UsageEvent, UsageReport, WriteOutcome,
};

/// The persistence contract of a realtime voice platform.
///
/// Every write returns a [`WriteOutcome`]: a missing consent is not an error.
/// "Not found" is `Ok(None)`. Implemented by [`RealtimeStore`](crate::RealtimeStore)
/// over any [`Backend`](crate::Backend).
pub trait PersistenceStore: Send + Sync {
    /// Creates or updates a session: consent, timings, config, end time (a call with
    /// `ended_at` marks it ended). Links or creates the user when stored.
    fn save_session_meta(
        &self,
        meta: SessionMeta,
    ) -> impl Future<Output = Result<WriteOutcome>> + Send;

    /// One stored session.
    fn get_session(&self, id: &str) -> impl Future<Output = Result<Option<Session>>> + Send;

    /// Stored sessions, newest first, filtered, paginated by cursor.
    fn list_sessions(
        &self,
        filter: &SessionFilter,
    ) -> impl Future<Output = Result<Page<Session>>> + Send;

    /// Appends events of one session, validated whole before anything is written;
    /// one outcome per event, in order.
    fn append_events(
        &self,
        session_id: &str,
        events: Vec<Event>,
    ) -> impl Future<Output = Result<Vec<WriteOutcome>>> + Send;

    /// Appends events of many sessions: validated whole first (one bad event
    /// rejects the batch, nothing written), then written through one batch append.
    /// One result per event, in input order; a storage failure of one session fails
    /// only that session's events. Each session's events keep their relative order.
    fn ingest(
        &self,
        events: Vec<SessionEvent>,
    ) -> impl Future<Output = Result<Vec<Result<WriteOutcome>>>> + Send;

    /// An explicit re-consent: like [`save_session_meta`](Self::save_session_meta)
    /// with `ACCEPTED`, but it also lifts the tombstone a withdrawal, deletion or
    /// erasure left, so the session can be stored again. A plain upsert never does.
    fn reconsent(&self, meta: SessionMeta) -> impl Future<Output = Result<WriteOutcome>> + Send;

    /// Transcript segments in order.
    fn get_transcripts(
        &self,
        session_id: &str,
        page: &PageRequest,
    ) -> impl Future<Output = Result<Page<StoredSegment>>> + Send;

    /// Tool events in order.
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

    /// Usage events and totals by kind.
    fn get_usage(&self, session_id: &str) -> impl Future<Output = Result<UsageReport>> + Send;

    /// Deletes a session and everything of it. `true` if it existed.
    fn delete_session(&self, id: &str) -> impl Future<Output = Result<bool>> + Send;

    /// Deletes one event of a session, physically: the transcript segment, tool
    /// event or usage event numbered `seq`, or the summary of version `seq`
    /// (e.g. an agent's memory dropping its latest item). The session stays.
    /// `true` if it existed. Its dedup key goes with it: the same write sent
    /// again is stored again, under a new `seq`.
    fn delete_event(
        &self,
        session_id: &str,
        kind: EventKind,
        seq: i64,
    ) -> impl Future<Output = Result<bool>> + Send;

    /// Erases a user and everything of theirs, in one transaction.
    fn erase_user(&self, user_id: &str) -> impl Future<Output = Result<EraseCounts>> + Send;

    /// Deletes sessions started before `before` (retention).
    fn purge_before(&self, before: Timestamp) -> impl Future<Output = Result<EraseCounts>> + Send;

    /// Reachability and buffering figures.
    fn health(&self) -> impl Future<Output = Health> + Send;

    /// Appends one transcript segment.
    fn append_transcript(
        &self,
        session_id: &str,
        segment: TranscriptSegment,
    ) -> impl Future<Output = Result<WriteOutcome>> + Send {
        one(self.append_events(session_id, vec![Event::Transcript(segment)]))
    }

    /// Appends several transcript segments (validated whole first).
    fn append_transcripts(
        &self,
        session_id: &str,
        segments: Vec<TranscriptSegment>,
    ) -> impl Future<Output = Result<Vec<WriteOutcome>>> + Send {
        self.append_events(
            session_id,
            segments.into_iter().map(Event::Transcript).collect(),
        )
    }

    /// Appends one tool event.
    fn append_tool_event(
        &self,
        session_id: &str,
        event: ToolEvent,
    ) -> impl Future<Output = Result<WriteOutcome>> + Send {
        one(self.append_events(session_id, vec![Event::ToolEvent(event)]))
    }

    /// Stores a new summary version.
    fn persist_summary(
        &self,
        session_id: &str,
        summary: Summary,
    ) -> impl Future<Output = Result<WriteOutcome>> + Send {
        one(self.append_events(session_id, vec![Event::Summary(summary)]))
    }

    /// Records a usage figure.
    fn record_usage(
        &self,
        session_id: &str,
        usage: UsageEvent,
    ) -> impl Future<Output = Result<WriteOutcome>> + Send {
        one(self.append_events(session_id, vec![Event::Usage(usage)]))
    }
}

async fn one(f: impl Future<Output = Result<Vec<WriteOutcome>>>) -> Result<WriteOutcome> {
    let mut v = f.await?;
    Ok(v.pop().expect("one outcome per event"))
}
