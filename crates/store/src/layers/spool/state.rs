//! The spool's state (whether writes go to the spool) and its counters, for
//! `health()`, `StoreStats` and `/metrics`.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};

use serde::Serialize;

/// What the spool layer did so far, and what it holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct SpoolStats {
    /// Whether writes currently go to the spool (primary unreachable, or the
    /// spool still holds writes that must be replayed first).
    pub fallback_active: bool,
    /// Whether a disk fault failed the spool (it takes no more writes).
    pub failed: bool,
    /// Operations waiting in the spool.
    pub depth: u64,
    /// Size of the spool file in bytes.
    pub bytes: u64,
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

/// Live counters.
#[derive(Debug, Default)]
pub(crate) struct Counters {
    pub degraded: AtomicBool,
    pub spooled: AtomicU64,
    pub replayed: AtomicU64,
    /// f64 bits.
    pub replay_rate: AtomicU64,
    pub replay_errors: AtomicU64,
    pub rejected: AtomicU64,
    pub outages: AtomicU64,
}

impl Counters {
    pub(crate) fn add(c: &AtomicU64, n: u64) {
        c.fetch_add(n, Relaxed);
    }

    pub(crate) fn is_degraded(&self) -> bool {
        self.degraded.load(Relaxed)
    }

    /// Switches to the spool; counts an outage when it was not already on.
    pub(crate) fn enter_degraded(&self) {
        if !self.degraded.swap(true, Relaxed) {
            Self::add(&self.outages, 1);
            tracing::warn!("primary unreachable: writes go to the local spool");
        }
    }

    pub(crate) fn leave_degraded(&self) {
        if self.degraded.swap(false, Relaxed) {
            tracing::info!("spool replayed: writes go to the primary again");
        }
    }

    pub(crate) fn set_rate(&self, r: f64) {
        self.replay_rate.store(r.to_bits(), Relaxed);
    }

    pub(crate) fn snapshot(&self, depth: u64, bytes: u64, failed: bool) -> SpoolStats {
        SpoolStats {
            fallback_active: self.is_degraded(),
            failed,
            depth,
            bytes,
            spooled: self.spooled.load(Relaxed),
            replayed: self.replayed.load(Relaxed),
            replay_rate: f64::from_bits(self.replay_rate.load(Relaxed)),
            replay_errors: self.replay_errors.load(Relaxed),
            rejected: self.rejected.load(Relaxed),
            outages: self.outages.load(Relaxed),
        }
    }
}
