//! The storage seam: what a backend (or a layer wrapping one) must do with
//! already-clean data.
//!
//! Three small traits, so a layer implements only what it changes:
//! - [`WriteCore`]: the write path of live calls — session upserts, the stored
//!   consent, withdrawal with its tombstone, and the **multi-session batch append**
//!   (many sessions' events in one transaction, one durability point, each
//!   session's result reported separately);
//! - [`Reads`]: the read endpoints;
//! - [`Maintenance`]: deletion, erasure and retention (each leaves tombstones).
//!
//! [`Backend`] is all three (implemented automatically). A layer (group commit,
//! the fallback spool, a test double) implements [`Layer`] to name what it wraps
//! and forwards the traits it does not change with one line each:
//! [`forward_reads!`](crate::forward_reads), [`forward_maintenance!`](crate::forward_maintenance),
//! [`forward_write_core!`](crate::forward_write_core).
//!
//! Every backend only ever receives [`Clean`](crate::CleanEvent) values, which only
//! the [`Redaction`](crate::Redaction) seam can build, and re-checks consent and
//! tombstones **inside the write's own transaction**: no write for a tombstoned or
//! not-`ACCEPTED` session reaches storage, whatever the caller's cache says.

mod forward;
pub(crate) mod page;
mod types;

use std::future::Future;

pub use types::{
    AppendResult, BackendHealth, ErasedUser, SessionAppend, SpoolStats, StoredState,
    TombstoneReason, UpsertResult, Withdrawal, WriteOp, WriteOpResult, WriteRun,
};

use crate::{
    CleanSessionMeta, EraseCounts, EventKind, Page, PageRequest, Result, Session, SessionFilter,
    StoredSegment, StoredSummary, StoredToolEvent, Timestamp, UsageReport,
};

/// The write path of live calls.
pub trait WriteCore: Send + Sync + 'static {
    /// Short name: `memory`, `sqlite`, `postgres` (layers name what they wrap).
    fn kind(&self) -> &'static str;

    /// Creates or updates the session, in one transaction that first checks the
    /// session's tombstone and stored state:
    /// - a tombstoned session is refused ([`UpsertResult::Refused`]) unless the meta
    ///   is an explicit re-consent (which removes the tombstone in the same
    ///   transaction);
    /// - an `ACCEPTED` meta creates the session (and creates/links its user: user
    ///   rows are written only when something changed); fields that are `None`
    ///   keep their stored value, timings merge field-wise, `ended_at` sets status
    ///   `ended`, and `ended_at >= started_at` is checked against the stored values;
    /// - a `PENDING` meta never creates a row: it only marks an existing session
    ///   `PENDING` (refused with `Absent` when there is none);
    /// - a `DECLINED` meta is not an upsert: use [`WriteCore::withdraw`].
    fn upsert_session(
        &self,
        meta: &CleanSessionMeta,
    ) -> impl Future<Output = Result<UpsertResult>> + Send;

    /// What is stored about a session: nothing, its consent, or a tombstone.
    /// Served from a reader where the backend has one.
    fn stored_state(&self, session_id: &str) -> impl Future<Output = Result<StoredState>> + Send;

    /// Consent declined or withdrawn: writes the tombstone and, in the same
    /// transaction, deletes the session (erase) or marks it `DECLINED` (keep).
    fn withdraw(
        &self,
        session_id: &str,
        how: Withdrawal,
    ) -> impl Future<Output = Result<()>> + Send;

    /// Appends the events of many sessions in **one transaction** with one
    /// durability point. For each session, in order: its events are written only
    /// if the session is stored, `ACCEPTED` and not tombstoned at that moment
    /// (else every event of it is [`AppendResult::NotAccepted`]), and each only if
    /// its dedup key is new. One outer `Err` means nothing of the batch was
    /// committed; an inner `Err` fails only that session (its part was rolled
    /// back; the other sessions committed).
    fn append_batch(
        &self,
        batch: &[SessionAppend<'_>],
    ) -> impl Future<Output = Result<Vec<Result<Vec<AppendResult>>>>> + Send;

    /// Many writes — session upserts and appends — with **one** durability
    /// point where the backend can: each op as its own method would do it
    /// ([`upsert_session`](Self::upsert_session), one part of
    /// [`append_batch`](Self::append_batch)), in order, and an op's `Err` fails
    /// only that op. One outer `Err` means nothing was committed. No session
    /// appears twice in `ops` (the group-commit layer sees to it). The default
    /// runs the ops one after another (a transaction each); the SQLite backend
    /// commits them in one transaction, one savepoint per op.
    fn write_batch(
        &self,
        ops: &[WriteOp<'_>],
    ) -> impl Future<Output = Result<Vec<WriteOpResult>>> + Send {
        async move { write_each(self, ops).await }
    }

    /// Whether [`write_batch`](Self::write_batch) commits upserts together with
    /// appends (one durability point): then the group-commit layer queues
    /// upserts too; otherwise it sends them straight through. Default `false`.
    fn batches_upserts(&self) -> bool {
        false
    }

    /// Reachability and, for layers, fallback and spool figures.
    fn health(&self) -> impl Future<Output = BackendHealth> + Send;

    /// What the group-commit layer did, when there is one in the stack.
    fn commit_stats(&self) -> Option<crate::layers::group_commit::CommitStats> {
        None
    }

    /// What the fallback spool holds and did, when there is one in the stack
    /// (figures as of its last look: `health()` refreshes them). Cheap, no I/O.
    fn spool_stats(&self) -> Option<crate::SpoolStats> {
        None
    }

    /// Flushes whatever is queued, checkpoints, and releases connections. Further
    /// calls may fail.
    fn close(&self) -> impl Future<Output = ()> + Send;
}

/// The read side.
pub trait Reads: Send + Sync + 'static {
    /// One session (`None` when not stored).
    fn get_session(&self, id: &str) -> impl Future<Output = Result<Option<Session>>> + Send;

    /// Sessions, newest first, filtered and paginated (the limit is already
    /// checked by the store: `1..=`[`MAX_PAGE`](crate::MAX_PAGE)).
    fn list_sessions(
        &self,
        filter: &SessionFilter,
    ) -> impl Future<Output = Result<Page<Session>>> + Send;

    /// Transcript segments in `seq` order (by primary-key range).
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
}

/// Deletion, erasure and retention. Each removes content physically where the
/// backend can (SQLite: `secure_delete` and a WAL checkpoint) and leaves a
/// tombstone per removed session in the same transaction.
pub trait Maintenance: Send + Sync + 'static {
    /// Deletes a session and its children (tombstone `deleted`). `true` if it existed.
    fn delete_session(&self, id: &str) -> impl Future<Output = Result<bool>> + Send;

    /// Deletes one event of a session: the transcript segment, tool event or
    /// usage event numbered `seq`, or the summary of version `seq`. Physical like
    /// the other deletions; the session itself stays (no tombstone). Its dedup
    /// key goes with it, so the same write sent again is stored again. `true`
    /// if it existed.
    fn delete_event(
        &self,
        session_id: &str,
        kind: EventKind,
        seq: i64,
    ) -> impl Future<Output = Result<bool>> + Send;

    /// Deletes a user, all their sessions and everything of them, in one
    /// transaction (tombstones `erased`); returns the counts and the session ids.
    fn erase_user(&self, user_id: &str) -> impl Future<Output = Result<ErasedUser>> + Send;

    /// Deletes sessions that started before `before` (tombstones `purged`), users
    /// left without sessions, and tombstones older than `tombstones_before`.
    fn purge_before(
        &self,
        before: Timestamp,
        tombstones_before: Timestamp,
    ) -> impl Future<Output = Result<EraseCounts>> + Send;
}

/// A complete backend: every part of the seam.
pub trait Backend: WriteCore + Reads + Maintenance {}

impl<T: WriteCore + Reads + Maintenance> Backend for T {}

/// A layer over another backend: names what it wraps, so the traits it does not
/// change forward in one line (`forward_reads!();` inside the `impl`).
pub trait Layer {
    /// The wrapped backend.
    type Inner;
    /// The wrapped backend.
    fn inner(&self) -> &Self::Inner;
}

/// A shared backend is a backend: several stores (instances) can share one.
impl<B> Layer for std::sync::Arc<B> {
    type Inner = B;
    fn inner(&self) -> &B {
        self
    }
}

impl<B: WriteCore> WriteCore for std::sync::Arc<B> {
    crate::forward_write_core!();
}
impl<B: Reads> Reads for std::sync::Arc<B> {
    crate::forward_reads!();
}
impl<B: Maintenance> Maintenance for std::sync::Arc<B> {
    crate::forward_maintenance!();
}

/// [`WriteCore::write_batch`] one op after another: consecutive appends as one
/// [`WriteCore::append_batch`], each upsert alone. Never an outer `Err` (earlier
/// ops may have committed): a failed append batch fails its own parts.
pub async fn write_each<W: WriteCore + ?Sized>(
    w: &W,
    ops: &[WriteOp<'_>],
) -> Result<Vec<WriteOpResult>> {
    let mut out = Vec::with_capacity(ops.len());
    for run in WriteOp::runs(ops) {
        match run {
            WriteRun::Upsert(m) => out.push(WriteOpResult::Upsert(w.upsert_session(m).await)),
            WriteRun::Appends(parts) => match w.append_batch(&parts).await {
                Ok(results) if results.len() == parts.len() => {
                    out.extend(results.into_iter().map(WriteOpResult::Append));
                }
                Ok(_) => out.extend(parts.iter().map(|_| {
                    WriteOpResult::Append(Err(crate::Error::Unavailable {
                        what:
                            "the backend answered a batch append with the wrong number of results",
                    }))
                })),
                // Earlier ops may have committed: the error goes to these parts only.
                Err(e) => out.extend(
                    parts
                        .iter()
                        .map(|_| WriteOpResult::Append(Err(e.duplicate()))),
                ),
            },
        }
    }
    Ok(out)
}
