//! Counters of the group-commit layer: batches, events, time in the queue and in
//! the commit, and histograms of batch size and commit latency (for `/metrics`
//! and `bench --profile`).

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::time::Duration;

use serde::Serialize;

/// Upper bounds of the batch-size histogram (events per commit).
pub const BATCH_BUCKETS: [f64; 10] = [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 512.0, 2048.0];
/// Upper bounds of the commit-latency histogram, in seconds.
pub const LATENCY_BUCKETS: [f64; 11] = [
    0.000_25, 0.000_5, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 2.0,
];

/// A histogram snapshot: sum, count, and per-bucket counts (not cumulative; one
/// more than the bounds, the last for `+Inf`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Histogram {
    /// Upper bounds of the buckets.
    pub bounds: Vec<f64>,
    /// Observations per bucket (`bounds.len() + 1` entries, the last `+Inf`).
    pub counts: Vec<u64>,
    /// Sum of the observations.
    pub sum: f64,
    /// Number of observations.
    pub count: u64,
}

/// What the group-commit layer did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct CommitStats {
    /// Transactions committed (batches handed to the backend).
    pub batches: u64,
    /// Callers' requests answered.
    pub requests: u64,
    /// Events in those batches.
    pub events: u64,
    /// Requests refused because the queue was full.
    pub overloaded: u64,
    /// Events waiting in the queue now.
    pub queued_events: u64,
    /// Total time requests waited in the queue before their batch started.
    pub queue_wait: Duration,
    /// Total time spent in the backend's batch append (the commit included).
    pub commit_time: Duration,
    /// Events per batch.
    pub batch_size: Histogram,
    /// Seconds per batch append.
    pub commit_latency: Histogram,
}

#[derive(Debug)]
pub(super) struct Hist<const N: usize> {
    bounds: &'static [f64; N],
    counts: Vec<AtomicU64>,
    /// Sum in micro-units (events ×1e6 or nanoseconds), to stay integral.
    sum_micro: AtomicU64,
}

impl<const N: usize> Hist<N> {
    pub(super) fn new(bounds: &'static [f64; N]) -> Self {
        Hist {
            bounds,
            counts: (0..=N).map(|_| AtomicU64::new(0)).collect(),
            sum_micro: AtomicU64::new(0),
        }
    }

    pub(super) fn observe(&self, v: f64) {
        let i = self.bounds.iter().position(|b| v <= *b).unwrap_or(N);
        self.counts[i].fetch_add(1, Relaxed);
        self.sum_micro.fetch_add((v * 1e6) as u64, Relaxed);
    }

    fn snapshot(&self) -> Histogram {
        let counts: Vec<u64> = self.counts.iter().map(|c| c.load(Relaxed)).collect();
        Histogram {
            bounds: self.bounds.to_vec(),
            count: counts.iter().sum(),
            counts,
            sum: self.sum_micro.load(Relaxed) as f64 / 1e6,
        }
    }
}

/// The live counters.
#[derive(Debug)]
pub(super) struct Counters {
    pub(super) batches: AtomicU64,
    pub(super) requests: AtomicU64,
    pub(super) events: AtomicU64,
    pub(super) overloaded: AtomicU64,
    pub(super) queue_wait_ns: AtomicU64,
    pub(super) commit_ns: AtomicU64,
    pub(super) batch_size: Hist<10>,
    pub(super) commit_latency: Hist<11>,
}

impl Default for Counters {
    fn default() -> Self {
        Counters {
            batches: AtomicU64::new(0),
            requests: AtomicU64::new(0),
            events: AtomicU64::new(0),
            overloaded: AtomicU64::new(0),
            queue_wait_ns: AtomicU64::new(0),
            commit_ns: AtomicU64::new(0),
            batch_size: Hist::new(&BATCH_BUCKETS),
            commit_latency: Hist::new(&LATENCY_BUCKETS),
        }
    }
}

impl Counters {
    pub(super) fn add(c: &AtomicU64, n: u64) {
        c.fetch_add(n, Relaxed);
    }

    pub(super) fn snapshot(&self, queued_events: u64) -> CommitStats {
        CommitStats {
            batches: self.batches.load(Relaxed),
            requests: self.requests.load(Relaxed),
            events: self.events.load(Relaxed),
            overloaded: self.overloaded.load(Relaxed),
            queued_events,
            queue_wait: Duration::from_nanos(self.queue_wait_ns.load(Relaxed)),
            commit_time: Duration::from_nanos(self.commit_ns.load(Relaxed)),
            batch_size: self.batch_size.snapshot(),
            commit_latency: self.commit_latency.snapshot(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_buckets_by_upper_bound() {
        let h = Hist::new(&BATCH_BUCKETS);
        for v in [1.0, 1.0, 3.0, 64.0, 5000.0] {
            h.observe(v);
        }
        let s = h.snapshot();
        assert_eq!(s.count, 5);
        assert_eq!(s.counts[0], 2, "1 ≤ 1");
        assert_eq!(s.counts[2], 1, "3 ≤ 4");
        assert_eq!(s.counts[6], 1, "64 ≤ 64");
        assert_eq!(s.counts[10], 1, "+Inf");
        assert!((s.sum - 5069.0).abs() < 1e-6);
    }
}
