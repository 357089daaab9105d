//! The drivers of `bench`: closed-loop replay through `live` slots, the naive
//! baseline path, the read-back, and mixed-batch ingest.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering::Relaxed};
use std::sync::Arc;
use std::time::{Duration, Instant};

use realtime_store::{PageRequest, SessionEvent, WriteOutcome};

use super::target::Target;
use super::workload::{Call, Workload};

/// Latencies in microseconds.
#[derive(Debug, Default, Clone)]
pub(crate) struct Latencies(pub(crate) Vec<u32>);

impl Latencies {
    fn push(&mut self, d: Duration) {
        self.0
            .push(u32::try_from(d.as_micros()).unwrap_or(u32::MAX));
    }

    /// Percentiles in milliseconds: p50, p95, p99, max.
    pub(crate) fn percentiles(&self) -> [f64; 4] {
        let mut v = self.0.clone();
        v.sort_unstable();
        if v.is_empty() {
            return [0.0; 4];
        }
        let at = |q: f64| {
            let i = ((v.len() as f64 * q).ceil() as usize).clamp(1, v.len()) - 1;
            f64::from(v[i]) / 1000.0
        };
        [
            at(0.50),
            at(0.95),
            at(0.99),
            f64::from(v[v.len() - 1]) / 1000.0,
        ]
    }
}

/// What a write phase did.
#[derive(Debug, Default)]
pub(crate) struct WritePhase {
    /// Events appended (every call awaited).
    pub(crate) appends: u64,
    /// Events the store reported persisted.
    pub(crate) persisted: u64,
    /// Wall time of the phase.
    pub(crate) elapsed: Duration,
    /// Per-append latency.
    pub(crate) latency: Latencies,
}

impl WritePhase {
    pub(crate) fn rate(&self) -> f64 {
        self.appends as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Prints progress on stderr every second until dropped.
pub(crate) struct Progress {
    task: tokio::task::JoinHandle<()>,
}

impl Progress {
    pub(crate) fn start(what: &'static str, done: Arc<AtomicU64>, total: u64) -> Self {
        let task = tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(1));
            tick.tick().await;
            loop {
                tick.tick().await;
                eprintln!("  {what}: {}/{total}", done.load(Relaxed));
            }
        });
        Progress { task }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Replays every call, closed loop: `live` calls at once, admitted in order, each
/// call's events awaited one after another. `naive`: read the consent from the
/// backend before every event (the upstream code's extra round trip).
pub(crate) async fn replay<T: Target>(
    store: Arc<T>,
    calls: Arc<Workload>,
    live: usize,
    naive: bool,
    label: &'static str,
) -> anyhow::Result<WritePhase> {
    let next = Arc::new(AtomicUsize::new(0));
    let done = Arc::new(AtomicU64::new(0));
    let total = calls.events();
    let _progress = Progress::start(label, Arc::clone(&done), total);
    let started = Instant::now();
    let mut workers = Vec::with_capacity(live);
    for _ in 0..live {
        let (store, calls, next, done) = (
            Arc::clone(&store),
            Arc::clone(&calls),
            Arc::clone(&next),
            Arc::clone(&done),
        );
        workers.push(tokio::spawn(async move {
            let mut lat = Latencies::default();
            let mut persisted = 0u64;
            loop {
                let i = next.fetch_add(1, Relaxed);
                let Some(call) = calls.get(i) else { break };
                let call = &call;
                store.save_meta(&call.meta).await?;
                for e in &call.events {
                    let t = Instant::now();
                    let o = store.append(&call.id, e, naive).await?;
                    lat.push(t.elapsed());
                    persisted += u64::from(o == WriteOutcome::Persisted);
                    done.fetch_add(1, Relaxed);
                }
            }
            anyhow::Ok((lat, persisted))
        }));
    }
    let mut phase = WritePhase::default();
    for w in workers {
        let (lat, persisted) = w.await??;
        phase.appends += lat.0.len() as u64;
        phase.persisted += persisted;
        phase.latency.0.extend(lat.0);
    }
    phase.elapsed = started.elapsed();
    Ok(phase)
}

/// Reads every call's transcript back (all pages), `live` readers at once.
pub(crate) async fn read_back<T: Target>(
    store: Arc<T>,
    calls: Arc<Workload>,
    live: usize,
) -> anyhow::Result<(Latencies, u64, Duration)> {
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..live {
        let (store, calls, next) = (Arc::clone(&store), Arc::clone(&calls), Arc::clone(&next));
        workers.push(tokio::spawn(async move {
            let mut lat = Latencies::default();
            let mut rows = 0u64;
            loop {
                let i = next.fetch_add(1, Relaxed);
                let Some(call) = calls.get(i) else { break };
                let mut page = PageRequest::default();
                loop {
                    let t = Instant::now();
                    let (n, next) = store.transcripts(&call.id, &page).await?;
                    lat.push(t.elapsed());
                    rows += n;
                    match next {
                        Some(c) => page.cursor = Some(c),
                        None => break,
                    }
                }
            }
            anyhow::Ok((lat, rows))
        }));
    }
    let mut all = Latencies::default();
    let mut rows = 0;
    for w in workers {
        let (lat, n) = w.await??;
        all.0.extend(lat.0);
        rows += n;
    }
    Ok((all, rows, started.elapsed()))
}

/// Sends the whole workload through `ingest` as mixed batches of `batch` events,
/// from `streams` producers at once, the way several workers of a platform each
/// flush their own calls: producer `k` owns the calls `k, k + streams, …` (so no
/// session is in two producers' requests and per-session order is kept), takes
/// `live / streams` of them at a time, interleaves their events (each call's in
/// order) and sends its batches one after another. Metas are saved first (not
/// timed); the phase's time is the wall time from the first batch to the last.
pub(crate) async fn ingest<T: Target>(
    store: Arc<T>,
    calls: Arc<Workload>,
    live: usize,
    batch: usize,
    streams: usize,
) -> anyhow::Result<WritePhase> {
    for i in 0..calls.len() {
        if let Some(c) = calls.get(i) {
            store.save_meta(&c.meta).await?;
        }
    }
    let done = Arc::new(AtomicU64::new(0));
    let _progress = Progress::start("ingest", Arc::clone(&done), calls.events());
    let streams = streams.clamp(1, calls.len().max(1));
    let window = (live / streams).max(1);
    let started = Instant::now();
    let mut producers = Vec::with_capacity(streams);
    for k in 0..streams {
        let (store, calls, done) = (Arc::clone(&store), Arc::clone(&calls), Arc::clone(&done));
        let own: Vec<usize> = (k..calls.len()).step_by(streams).collect();
        producers.push(tokio::spawn(async move {
            produce(&*store, &calls, &own, window, batch, &done).await
        }));
    }
    let mut phase = WritePhase::default();
    for p in producers {
        let part = p.await??;
        phase.appends += part.appends;
        phase.persisted += part.persisted;
        phase.latency.0.extend(part.latency.0);
    }
    phase.elapsed = started.elapsed();
    Ok(phase)
}

/// One producer of [`ingest`]: its calls `window` at a time, their events
/// interleaved and sent `batch` at a time, each request awaited before the next.
async fn produce<T: Target>(
    store: &T,
    calls: &Workload,
    own: &[usize],
    window: usize,
    batch: usize,
    done: &AtomicU64,
) -> anyhow::Result<WritePhase> {
    let mut phase = WritePhase::default();
    let mut pending: Vec<SessionEvent> = Vec::with_capacity(batch);
    for group in own.chunks(window) {
        let group: Vec<Call> = group.iter().filter_map(|&i| calls.get(i)).collect();
        let longest = group.iter().map(|c| c.events.len()).max().unwrap_or(0);
        for k in 0..longest {
            for c in &group {
                if let Some(e) = c.events.get(k) {
                    pending.push(SessionEvent {
                        session_id: c.id.clone(),
                        event: e.clone(),
                    });
                    if pending.len() == batch {
                        let chunk = std::mem::replace(&mut pending, Vec::with_capacity(batch));
                        send(store, chunk, &mut phase, done).await?;
                    }
                }
            }
        }
    }
    if !pending.is_empty() {
        send(store, pending, &mut phase, done).await?;
    }
    Ok(phase)
}

/// One ingest batch, timed.
async fn send<T: Target>(
    store: &T,
    chunk: Vec<SessionEvent>,
    phase: &mut WritePhase,
    done: &AtomicU64,
) -> anyhow::Result<()> {
    let n = chunk.len() as u64;
    let t = Instant::now();
    let persisted = store.ingest(chunk).await?;
    phase.latency.push(t.elapsed());
    phase.appends += n;
    phase.persisted += persisted;
    done.fetch_add(n, Relaxed);
    Ok(())
}

/// Peak resident set size of this process, in bytes (Linux `VmHWM`).
pub(crate) fn peak_rss() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}
