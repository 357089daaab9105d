//! [`DynStore`]: the contract behind a trait object, so the handlers are not generic.
//!
//! [`PersistenceStore`] returns `impl Future`, which is not object-safe. The router
//! boxes each call once instead: handlers compile once for every store type, and
//! `utoipa-axum` can collect them (it does not take generic handlers). One box per
//! request is noise next to parsing and the database.

use std::future::Future;
use std::pin::Pin;

use realtime_store::{
    EraseCounts, Event, EventKind, Health, Page, PageRequest, PersistenceStore, Result, Session,
    SessionEvent, SessionFilter, SessionMeta, StoredSegment, StoredSummary, StoredToolEvent,
    UsageReport, WriteOutcome,
};

/// A boxed, `Send` future.
pub(crate) type BoxFut<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// The object-safe mirror of [`PersistenceStore`] the handlers call.
pub(crate) trait DynStore: Send + Sync {
    fn save_session_meta(&self, meta: SessionMeta) -> BoxFut<'_, Result<WriteOutcome>>;
    fn get_session<'a>(&'a self, id: &'a str) -> BoxFut<'a, Result<Option<Session>>>;
    fn list_sessions<'a>(&'a self, f: &'a SessionFilter) -> BoxFut<'a, Result<Page<Session>>>;
    fn append_events<'a>(
        &'a self,
        id: &'a str,
        events: Vec<Event>,
    ) -> BoxFut<'a, Result<Vec<WriteOutcome>>>;
    fn ingest(&self, events: Vec<SessionEvent>) -> BoxFut<'_, Result<Vec<Result<WriteOutcome>>>>;
    fn reconsent(&self, meta: SessionMeta) -> BoxFut<'_, Result<WriteOutcome>>;
    fn get_transcripts<'a>(
        &'a self,
        id: &'a str,
        p: &'a PageRequest,
    ) -> BoxFut<'a, Result<Page<StoredSegment>>>;
    fn get_tool_events<'a>(
        &'a self,
        id: &'a str,
        p: &'a PageRequest,
    ) -> BoxFut<'a, Result<Page<StoredToolEvent>>>;
    fn get_summary<'a>(&'a self, id: &'a str) -> BoxFut<'a, Result<Option<StoredSummary>>>;
    fn get_usage<'a>(&'a self, id: &'a str) -> BoxFut<'a, Result<UsageReport>>;
    fn delete_session<'a>(&'a self, id: &'a str) -> BoxFut<'a, Result<bool>>;
    fn delete_event<'a>(
        &'a self,
        id: &'a str,
        kind: EventKind,
        seq: i64,
    ) -> BoxFut<'a, Result<bool>>;
    fn erase_user<'a>(&'a self, id: &'a str) -> BoxFut<'a, Result<EraseCounts>>;
    fn health(&self) -> BoxFut<'_, Health>;
}

impl<S: PersistenceStore + 'static> DynStore for S {
    fn save_session_meta(&self, meta: SessionMeta) -> BoxFut<'_, Result<WriteOutcome>> {
        Box::pin(PersistenceStore::save_session_meta(self, meta))
    }
    fn get_session<'a>(&'a self, id: &'a str) -> BoxFut<'a, Result<Option<Session>>> {
        Box::pin(PersistenceStore::get_session(self, id))
    }
    fn list_sessions<'a>(&'a self, f: &'a SessionFilter) -> BoxFut<'a, Result<Page<Session>>> {
        Box::pin(PersistenceStore::list_sessions(self, f))
    }
    fn append_events<'a>(
        &'a self,
        id: &'a str,
        events: Vec<Event>,
    ) -> BoxFut<'a, Result<Vec<WriteOutcome>>> {
        Box::pin(PersistenceStore::append_events(self, id, events))
    }
    fn ingest(&self, events: Vec<SessionEvent>) -> BoxFut<'_, Result<Vec<Result<WriteOutcome>>>> {
        Box::pin(PersistenceStore::ingest(self, events))
    }
    fn reconsent(&self, meta: SessionMeta) -> BoxFut<'_, Result<WriteOutcome>> {
        Box::pin(PersistenceStore::reconsent(self, meta))
    }
    fn get_transcripts<'a>(
        &'a self,
        id: &'a str,
        p: &'a PageRequest,
    ) -> BoxFut<'a, Result<Page<StoredSegment>>> {
        Box::pin(PersistenceStore::get_transcripts(self, id, p))
    }
    fn get_tool_events<'a>(
        &'a self,
        id: &'a str,
        p: &'a PageRequest,
    ) -> BoxFut<'a, Result<Page<StoredToolEvent>>> {
        Box::pin(PersistenceStore::get_tool_events(self, id, p))
    }
    fn get_summary<'a>(&'a self, id: &'a str) -> BoxFut<'a, Result<Option<StoredSummary>>> {
        Box::pin(PersistenceStore::get_summary(self, id))
    }
    fn get_usage<'a>(&'a self, id: &'a str) -> BoxFut<'a, Result<UsageReport>> {
        Box::pin(PersistenceStore::get_usage(self, id))
    }
    fn delete_session<'a>(&'a self, id: &'a str) -> BoxFut<'a, Result<bool>> {
        Box::pin(PersistenceStore::delete_session(self, id))
    }
    fn delete_event<'a>(
        &'a self,
        id: &'a str,
        kind: EventKind,
        seq: i64,
    ) -> BoxFut<'a, Result<bool>> {
        Box::pin(PersistenceStore::delete_event(self, id, kind, seq))
    }
    fn erase_user<'a>(&'a self, id: &'a str) -> BoxFut<'a, Result<EraseCounts>> {
        Box::pin(PersistenceStore::erase_user(self, id))
    }
    fn health(&self) -> BoxFut<'_, Health> {
        Box::pin(PersistenceStore::health(self))
    }
}
