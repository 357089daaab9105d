//! The bench's output: a table for people, `--json` for machines.

use std::fmt::Write;
use std::time::Duration;

use realtime_store::CommitStats;
use serde_json::{json, Value};

use super::run::{Latencies, WritePhase};
use super::workload::Workload;
use super::{BenchArgs, Profile};

/// Everything measured in one run.
#[derive(Debug, Default)]
pub(crate) struct Report {
    pub(crate) backend: String,
    pub(crate) sessions: usize,
    pub(crate) live: usize,
    pub(crate) seed: u64,
    pub(crate) events: u64,
    pub(crate) batch: usize,
    pub(crate) streams: usize,
    pub(crate) write: Option<WritePhase>,
    pub(crate) reads: Option<(Latencies, u64, Duration)>,
    pub(crate) naive: Option<WritePhase>,
    pub(crate) ingest: Option<WritePhase>,
    pub(crate) commit: Option<CommitStats>,
    pub(crate) profile: Option<Profile>,
    pub(crate) redactions: u64,
    pub(crate) size_bytes: Option<u64>,
    pub(crate) peak_rss: Option<u64>,
    /// With `--url`: the service's peak RSS, from its `/metrics`.
    pub(crate) server_peak_rss: Option<u64>,
}

fn mb(b: u64) -> f64 {
    b as f64 / (1024.0 * 1024.0)
}

fn lat_json(l: &Latencies) -> Value {
    let [p50, p95, p99, max] = l.percentiles();
    json!({"p50_ms": p50, "p95_ms": p95, "p99_ms": p99, "max_ms": max, "count": l.0.len()})
}

fn phase_json(p: &WritePhase) -> Value {
    json!({
        "appends": p.appends,
        "persisted": p.persisted,
        "seconds": p.elapsed.as_secs_f64(),
        "appends_per_s": p.rate(),
        "latency": lat_json(&p.latency),
    })
}

impl Report {
    pub(crate) fn new(a: &BenchArgs, url: &str, calls: &Workload) -> Report {
        Report {
            backend: url.split(':').next().unwrap_or("").to_owned(),
            sessions: a.sessions,
            live: a.live,
            seed: a.seed,
            events: calls.events(),
            batch: a.batch,
            streams: a.streams,
            ..Report::default()
        }
    }

    fn ratio(&self) -> Option<f64> {
        Some(self.write.as_ref()?.rate() / self.naive.as_ref()?.rate().max(1e-9))
    }

    /// The `--json` object.
    pub(crate) fn json(&self) -> Value {
        let mut v = json!({
            "backend": self.backend,
            "sessions": self.sessions,
            "live": self.live,
            "seed": self.seed,
            "events": self.events,
            "redactions": self.redactions,
            "database_bytes": self.size_bytes,
            "peak_rss_bytes": self.peak_rss,
        });
        if self.backend == "http" {
            v["server_peak_rss_bytes"] = json!(self.server_peak_rss);
        }
        if let Some(w) = &self.write {
            v["append"] = phase_json(w);
        }
        if let Some((l, rows, t)) = &self.reads {
            v["read"] = json!({"rows": rows, "seconds": t.as_secs_f64(), "latency": lat_json(l)});
        }
        if let Some(n) = &self.naive {
            v["naive"] = phase_json(n);
            v["ratio_vs_naive"] = json!(self.ratio());
        }
        if let Some(i) = &self.ingest {
            v["ingest"] = phase_json(i);
            v["ingest"]["batch"] = json!(self.batch);
            v["ingest"]["streams"] = json!(self.streams);
        }
        if let Some(c) = &self.commit {
            v["commit"] = json!({
                "batches": c.batches,
                "events_per_batch": c.events as f64 / c.batches.max(1) as f64,
                "queue_wait_us_per_request": c.queue_wait.as_secs_f64() * 1e6 / c.requests.max(1) as f64,
                "commit_ms_per_batch": c.commit_time.as_secs_f64() * 1e3 / c.batches.max(1) as f64,
            });
        }
        if let Some(p) = &self.profile {
            v["profile"] = json!({
                "validation_us_per_event": p.validation.as_secs_f64() * 1e6 / p.events.max(1) as f64,
                "redaction_us_per_event": p.redaction.as_secs_f64() * 1e6 / p.events.max(1) as f64,
            });
        }
        v
    }

    /// The table.
    pub(crate) fn text(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "workload: {} sessions, {} live, {} events (seed {}), backend {}",
            self.sessions, self.live, self.events, self.seed, self.backend
        );
        let phase = |s: &mut String, name: &str, p: &WritePhase| {
            let [p50, p95, p99, max] = p.latency.percentiles();
            let _ = writeln!(
                s,
                "{name:<8} {:>10.0} appends/s  ({} in {:.2} s, {} persisted)  latency ms p50 {p50:.3} p95 {p95:.3} p99 {p99:.3} max {max:.3}",
                p.rate(),
                p.appends,
                p.elapsed.as_secs_f64(),
                p.persisted
            );
        };
        if let Some(w) = &self.write {
            phase(&mut s, "append", w);
        }
        if let Some((l, rows, t)) = &self.reads {
            let [p50, p95, p99, max] = l.percentiles();
            let _ = writeln!(
                s,
                "read     {} transcript rows in {:.2} s, {} reads  latency ms p50 {p50:.3} p95 {p95:.3} p99 {p99:.3} max {max:.3}",
                rows,
                t.as_secs_f64(),
                l.0.len()
            );
        }
        if let Some(i) = &self.ingest {
            let _ = writeln!(
                s,
                "ingest   {:>10.0} events/s   ({} in {:.2} s, batches of {} from {} producers, {} persisted)",
                i.rate(),
                i.appends,
                i.elapsed.as_secs_f64(),
                self.batch,
                self.streams,
                i.persisted
            );
        }
        if let Some(n) = &self.naive {
            phase(&mut s, "naive", n);
            if let Some(r) = self.ratio() {
                let _ = writeln!(s, "ratio    {r:.1}x the naive path (one transaction and one consent read per event), same run");
            }
        }
        if let Some(c) = &self.commit {
            let _ = writeln!(
                s,
                "commit   {} batches, {:.1} events/batch, {:.3} ms/batch, queue wait {:.1} us/request",
                c.batches,
                c.events as f64 / c.batches.max(1) as f64,
                c.commit_time.as_secs_f64() * 1e3 / c.batches.max(1) as f64,
                c.queue_wait.as_secs_f64() * 1e6 / c.requests.max(1) as f64
            );
        }
        if let Some(p) = &self.profile {
            let per = |d: Duration| d.as_secs_f64() * 1e6 / p.events.max(1) as f64;
            let _ = writeln!(
                s,
                "profile  validation {:.2} us/event, redaction {:.2} us/event (one thread); {} redactions",
                per(p.validation),
                per(p.redaction),
                self.redactions
            );
        }
        let size = |b: Option<u64>| b.map_or("n/a".into(), |b| format!("{:.1} MiB", mb(b)));
        if self.backend == "http" {
            let _ = writeln!(
                s,
                "memory   service peak RSS {}   bench peak RSS {}",
                size(self.server_peak_rss),
                size(self.peak_rss)
            );
        } else {
            let _ = writeln!(
                s,
                "memory   peak RSS {}   database {}",
                size(self.peak_rss),
                size(self.size_bytes)
            );
        }
        s
    }
}
