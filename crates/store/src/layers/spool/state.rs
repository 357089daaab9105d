//! The spool's state (whether writes go to the spool) and its counters, for
//! `health()`, `StoreStats` and `/metrics`.

use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering::Relaxed};

use crate::SpoolStats;

/// Live counters.
#[derive(Debug)]
pub(crate) struct Counters {
    pub degraded: AtomicBool,
    pub spooled: AtomicU64,
    pub replayed: AtomicU64,
    /// f64 bits.
    pub replay_rate: AtomicU64,
    pub replay_errors: AtomicU64,
    pub rejected: AtomicU64,
    pub outages: AtomicU64,
    /// The spool's figures at the last look (`health()` or `stats()`), for the
    /// synchronous [`WriteCore::spool_stats`](crate::WriteCore::spool_stats).
    pub depth: AtomicU64,
    pub bytes: AtomicU64,
    /// Unix ms of the oldest unsynced write, `i64::MIN` when none.
    pub oldest_ms: AtomicI64,
    pub failed: AtomicBool,
    /// Whether the spool is the lossy in-memory one.
    pub in_memory: bool,
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

    /// Records what the spool holds now.
    pub(crate) fn observe(
        &self,
        depth: u64,
        oldest_ms: Option<i64>,
        bytes: Option<u64>,
        failed: bool,
    ) {
        self.depth.store(depth, Relaxed);
        self.oldest_ms.store(oldest_ms.unwrap_or(i64::MIN), Relaxed);
        if let Some(b) = bytes {
            self.bytes.store(b, Relaxed);
        }
        self.failed.store(failed, Relaxed);
    }

    /// The figures, with what the spool held at the last look.
    pub(crate) fn snapshot(&self, now_ms: i64) -> SpoolStats {
        let oldest = self.oldest_ms.load(Relaxed);
        SpoolStats {
            fallback_active: self.is_degraded(),
            in_memory: self.in_memory,
            failed: self.failed.load(Relaxed),
            depth: self.depth.load(Relaxed),
            bytes: self.bytes.load(Relaxed),
            oldest_unsynced_ms: (oldest != i64::MIN).then(|| (now_ms - oldest).max(0) as u64),
            spooled: self.spooled.load(Relaxed),
            replayed: self.replayed.load(Relaxed),
            replay_rate: f64::from_bits(self.replay_rate.load(Relaxed)),
            replay_errors: self.replay_errors.load(Relaxed),
            rejected: self.rejected.load(Relaxed),
            outages: self.outages.load(Relaxed),
        }
    }
}

impl Counters {
    pub(crate) fn new(in_memory: bool) -> Self {
        Counters {
            degraded: AtomicBool::new(false),
            spooled: AtomicU64::new(0),
            replayed: AtomicU64::new(0),
            replay_rate: AtomicU64::new(0),
            replay_errors: AtomicU64::new(0),
            rejected: AtomicU64::new(0),
            outages: AtomicU64::new(0),
            depth: AtomicU64::new(0),
            bytes: AtomicU64::new(0),
            oldest_ms: AtomicI64::new(i64::MIN),
            failed: AtomicBool::new(false),
            in_memory,
        }
    }
}
