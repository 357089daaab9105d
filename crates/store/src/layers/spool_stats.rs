//! [`SpoolStats`]: the fallback spool's figures, as the storage seam reports
//! them ([`WriteCore::spool_stats`](crate::WriteCore::spool_stats)) to
//! `StoreStats`, `/healthz` and `/metrics`. Outside the `spool` module so the
//! seam has the type with or without the `sqlite` feature.

use serde::Serialize;

/// What the spool layer did so far, and what it holds.
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
