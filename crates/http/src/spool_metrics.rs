//! The fallback spool's figures in `/metrics`: read on each scrape from
//! [`SpoolStats`] (refreshed by the store's `health()` just before, so they agree
//! with `/healthz` and the health gauges `realtime_store_fallback_active`,
//! `realtime_store_spool_depth`, `realtime_store_oldest_unsynced_seconds`).

use realtime_store::SpoolStats;

use crate::metrics::{Sample, SampleValue};

fn gauge(v: u64) -> SampleValue {
    SampleValue::Gauge(i64::try_from(v).unwrap_or(i64::MAX))
}

/// The spool's samples.
pub(crate) fn spool_samples(s: &SpoolStats) -> Vec<Sample> {
    let c = SampleValue::Counter;
    vec![
        Sample::new(
            "realtime_store_spool_bytes",
            "Size of the fallback spool's database in bytes",
            gauge(s.bytes),
        ),
        Sample::new(
            "realtime_store_spool_lossy",
            "1 if the fallback is the lossy in-memory one (lost on a crash or restart)",
            gauge(u64::from(s.in_memory)),
        ),
        Sample::new(
            "realtime_store_spool_failed",
            "1 if a disk fault failed the spool (it refuses writes until it is reopened)",
            gauge(u64::from(s.failed)),
        ),
        Sample::new(
            "realtime_store_spool_ops",
            "Operations (metas, events, tombstones) written to the fallback spool",
            c(s.spooled),
        ),
        Sample::new(
            "realtime_store_spool_replayed_ops",
            "Operations replayed from the spool to the primary",
            c(s.replayed),
        ),
        Sample::new(
            "realtime_store_spool_replay_events_per_second",
            "Events replayed per second over the last complete replay",
            SampleValue::GaugeF64(s.replay_rate),
        ),
        Sample::new(
            "realtime_store_spool_replay_errors",
            "Spooled operations the primary refused for good (kept in the spool's failed table)",
            c(s.replay_errors),
        ),
        Sample::new(
            "realtime_store_spool_rejected",
            "Writes refused because the spool was full or failed (never acknowledged)",
            c(s.rejected),
        ),
        Sample::new(
            "realtime_store_spool_outages",
            "Times writes switched to the fallback spool",
            c(s.outages),
        ),
    ]
}
