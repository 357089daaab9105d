//! The values that cross the storage seam.

use serde::{Deserialize, Serialize};

use crate::{CleanEvent, Consent, EraseCounts};

/// What happened to one event handed to [`WriteCore::append_batch`](super::WriteCore::append_batch).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum AppendResult {
    /// Written.
    Inserted,
    /// Written to the durable local spool (the primary is unreachable); it will
    /// be written to the primary, in order, by the spool's replay.
    Spooled,
    /// Kept in the lossy in-memory fallback (the primary is unreachable): lost
    /// if the process stops before the replay.
    Volatile,
    /// Its dedup key was already stored for the session: nothing written.
    Duplicate,
    /// The stored session is missing, not `ACCEPTED`, or tombstoned (another
    /// instance withdrew or erased it): nothing written.
    NotAccepted,
}

/// One session's part of a batch append: its events, in order.
#[derive(Debug, Clone, Copy)]
pub struct SessionAppend<'a> {
    /// The session.
    pub session_id: &'a str,
    /// Its events, in order.
    pub events: &'a [CleanEvent],
}

/// Why a session was tombstoned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TombstoneReason {
    /// Consent was `DECLINED` before anything was stored.
    Declined,
    /// Consent was withdrawn (`ACCEPTED` → `DECLINED`).
    Withdrawn,
    /// The session was deleted.
    Deleted,
    /// Its user was erased.
    Erased,
    /// Removed by retention.
    Purged,
}

impl TombstoneReason {
    /// The stored name.
    pub const fn as_str(self) -> &'static str {
        match self {
            TombstoneReason::Declined => "declined",
            TombstoneReason::Withdrawn => "withdrawn",
            TombstoneReason::Deleted => "deleted",
            TombstoneReason::Erased => "erased",
            TombstoneReason::Purged => "purged",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<Self> {
        [
            TombstoneReason::Declined,
            TombstoneReason::Withdrawn,
            TombstoneReason::Deleted,
            TombstoneReason::Erased,
            TombstoneReason::Purged,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }
}

/// What is stored about a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum StoredState {
    /// Nothing: no row, no tombstone.
    Absent,
    /// A session row with this consent (no tombstone).
    Live(Consent),
    /// A tombstone (the session row may still exist, `DECLINED`, when the
    /// withdrawal kept it).
    Tombstoned(TombstoneReason),
}

/// Answer of [`WriteCore::upsert_session`](super::WriteCore::upsert_session).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum UpsertResult {
    /// Written.
    Stored,
    /// Written to the durable local spool (the primary is unreachable).
    Spooled,
    /// Kept in the lossy in-memory fallback (the primary is unreachable).
    Volatile,
    /// Not written: the stored state forbids it (tombstoned; or a `PENDING` meta
    /// for a session that is not stored).
    Refused(StoredState),
}

/// How to withdraw a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Withdrawal {
    /// Delete what was stored (`true`) or keep it marked `DECLINED`.
    pub erase: bool,
    /// The tombstone's reason.
    pub reason: TombstoneReason,
    /// Also delete the session's user when erasing leaves it without sessions.
    pub remove_orphan_user: bool,
}

/// What [`Maintenance::erase_user`](super::Maintenance::erase_user) removed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErasedUser {
    /// Rows removed per table.
    pub counts: EraseCounts,
    /// The user's sessions (now tombstoned), so the gate forgets them.
    pub session_ids: Vec<String>,
}

/// Health of a backend or layer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BackendHealth {
    /// What answers: `sqlite`, `postgres`, `memory`.
    pub kind: String,
    /// Whether the (primary) backend answered.
    pub reachable: bool,
    /// How long the probe took, in milliseconds.
    pub latency_ms: Option<f64>,
    /// Whether writes currently go to a fallback.
    pub fallback_active: bool,
    /// Writes waiting in the durable spool.
    pub spool_depth: u64,
    /// Age of the oldest write not yet in the primary, in milliseconds.
    pub oldest_unsynced_ms: Option<u64>,
    /// A short, content-free description of a problem (`"schema not distributed"`).
    pub detail: Option<String>,
}

impl BackendHealth {
    /// A plain backend's health: reachable or not, with the probe's latency.
    pub fn probe(kind: &str, reachable: bool, latency_ms: Option<f64>) -> Self {
        BackendHealth {
            kind: kind.to_owned(),
            reachable,
            latency_ms,
            fallback_active: false,
            spool_depth: 0,
            oldest_unsynced_ms: None,
            detail: None,
        }
    }
}

/// What the fallback spool layer did so far, and what it holds, as the seam
/// reports it ([`WriteCore::spool_stats`](super::WriteCore::spool_stats)) to
/// `StoreStats`, `/healthz` and `/metrics`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct SpoolStats {
    /// Whether writes currently go to the spool (primary unreachable, or the
    /// spool still holds writes that must be replayed first).
    pub fallback_active: bool,
    /// Whether the spool is the **lossy** in-memory fallback (lost on a crash or
    /// restart) rather than the durable file.
    pub in_memory: bool,
    /// Whether a disk fault failed the spool (it takes no writes until it is
    /// reopened, see the spool's module docs).
    pub failed: bool,
    /// Operations waiting in the spool.
    pub depth: u64,
    /// Size of the spool's database in bytes.
    pub bytes: u64,
    /// Age of the oldest write not yet in the primary, in milliseconds.
    pub oldest_unsynced_ms: Option<u64>,
    /// Operations (metas, events, tombstones) written to the spool since start.
    pub spooled: u64,
    /// Operations replayed to the primary since start.
    pub replayed: u64,
    /// Events replayed per second over the last replay run (0 when none ran).
    pub replay_rate: f64,
    /// Operations the primary refused for good during replay (kept in the
    /// spool's `failed` table, never dropped silently).
    pub replay_errors: u64,
    /// Writes refused because the spool was full or failed.
    pub rejected: u64,
    /// Times the layer switched to the spool.
    pub outages: u64,
}

/// One write of a [`WriteCore::write_batch`](super::WriteCore::write_batch): a
/// session upsert or one session's events.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub enum WriteOp<'a> {
    /// As [`WriteCore::upsert_session`](super::WriteCore::upsert_session).
    Upsert(&'a crate::CleanSessionMeta),
    /// As one part of [`WriteCore::append_batch`](super::WriteCore::append_batch).
    Append(SessionAppend<'a>),
}

impl<'a> WriteOp<'a> {
    /// The session the write concerns.
    pub fn session_id(&self) -> &'a str {
        match self {
            WriteOp::Upsert(m) => m.session_id(),
            WriteOp::Append(p) => p.session_id,
        }
    }

    /// The ops as runs, in order: each upsert alone, consecutive appends together
    /// (how a backend without a mixed transaction writes them: one
    /// [`append_batch`](super::WriteCore::append_batch) per run).
    pub fn runs<'o>(ops: &'o [WriteOp<'a>]) -> impl Iterator<Item = WriteRun<'a>> + 'o {
        let mut i = 0;
        std::iter::from_fn(move || {
            let run = match ops.get(i)? {
                WriteOp::Upsert(m) => WriteRun::Upsert(m),
                WriteOp::Append(_) => WriteRun::Appends(
                    ops[i..]
                        .iter()
                        .map_while(|op| match op {
                            WriteOp::Append(p) => Some(*p),
                            WriteOp::Upsert(_) => None,
                        })
                        .collect(),
                ),
            };
            i += match &run {
                WriteRun::Upsert(_) => 1,
                WriteRun::Appends(parts) => parts.len(),
            };
            Some(run)
        })
    }
}

/// One run of [`WriteOp::runs`].
#[derive(Debug, Clone)]
pub enum WriteRun<'a> {
    /// One upsert.
    Upsert(&'a crate::CleanSessionMeta),
    /// Consecutive appends (at least one).
    Appends(Vec<SessionAppend<'a>>),
}

/// The answer to one [`WriteOp`], in the same position.
#[derive(Debug)]
#[non_exhaustive]
pub enum WriteOpResult {
    /// The upsert's answer.
    Upsert(crate::Result<UpsertResult>),
    /// The session's per-event answers (an `Err` failed only this session).
    Append(crate::Result<Vec<AppendResult>>),
}
