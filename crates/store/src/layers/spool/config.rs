//! [`SpoolConfig`]: the settings of a [`Spool`](super::Spool) layer.

use std::path::PathBuf;
use std::time::Duration;

/// Default bound of the spool file: 1 GiB.
pub const DEFAULT_SPOOL_MAX_BYTES: u64 = 1 << 30;

/// Settings of a [`Spool`](super::Spool) layer.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SpoolConfig {
    /// The spool file (created mode 0600 when missing); unused in memory.
    pub path: PathBuf,
    /// The **lossy** in-memory spool instead of the file (see the module docs).
    pub in_memory: bool,
    /// Most bytes the spool file may hold (default 1 GiB).
    pub max_bytes: u64,
    /// Operations replayed per round (default 512).
    pub replay_batch: usize,
    /// Pause between replay rounds, so replay leaves room for live traffic
    /// (default 2 ms).
    pub replay_pause: Duration,
    /// How often replay tries an unreachable primary again (default 250 ms).
    pub retry_every: Duration,
    /// Longest wait for the primary's answer to a live write, upsert or state
    /// look-up (default 5 s). A primary that does not answer (frozen, hung, a
    /// half-open connection) counts as unreachable: the write is spooled.
    pub primary_timeout: Duration,
}

impl SpoolConfig {
    /// Defaults, with the spool at `path`.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        SpoolConfig {
            path: path.into(),
            in_memory: false,
            max_bytes: DEFAULT_SPOOL_MAX_BYTES,
            replay_batch: 512,
            replay_pause: Duration::from_millis(2),
            retry_every: Duration::from_millis(250),
            primary_timeout: Duration::from_secs(5),
        }
    }

    /// The **lossy** in-memory fallback: the same layer over a private
    /// in-memory database, bounded by `max_bytes` (default 64 MiB). What it
    /// holds is lost if the process stops before the primary is back.
    pub fn in_memory() -> Self {
        SpoolConfig {
            in_memory: true,
            max_bytes: 64 << 20,
            ..SpoolConfig::new("")
        }
    }

    /// With another pause between replay rounds.
    pub fn replay_pause(mut self, d: Duration) -> Self {
        self.replay_pause = d;
        self
    }

    /// With another bound.
    pub fn max_bytes(mut self, n: u64) -> Self {
        self.max_bytes = n;
        self
    }

    /// With another retry interval.
    pub fn retry_every(mut self, d: Duration) -> Self {
        self.retry_every = d;
        self
    }

    /// With another bound on the primary's answer.
    pub fn primary_timeout(mut self, d: Duration) -> Self {
        self.primary_timeout = d;
        self
    }
}
