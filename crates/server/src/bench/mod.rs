//! `realtime-store bench`: replays a generated voice workload against a database
//! and reports throughput, latency, memory and size; with `--baseline`, the same
//! workload through the naive path (one transaction and one consent read per
//! event, as the upstream code did) in the same run, and the ratio.
//!
//! With `--url`, the same workload goes through a running `realtime-store serve`
//! over HTTP instead ([`http`]), and the service's peak memory is read from its
//! `/metrics`.
//!
//! - [`workload`]: the generated calls;
//! - [`target`]: what a phase drives (the store in process, or [`http`]);
//! - [`run`]: the drivers (closed-loop replay, read-back, mixed-batch ingest);
//! - [`report`]: the printed table and `--json`.

mod http;
mod report;
mod run;
mod target;
mod workload;

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Args;
use realtime_store::{AnyBackend, GroupCommit, GroupCommitConfig, Layer, RealtimeStore};

pub(crate) use report::Report;

/// Options of `bench`.
#[derive(Debug, Args)]
pub(crate) struct BenchArgs {
    /// Calls to replay.
    #[arg(long, default_value_t = 1000)]
    pub(crate) sessions: usize,
    /// Calls live at once (each awaits its previous event: a closed loop).
    #[arg(long, default_value_t = 64)]
    pub(crate) live: usize,
    /// Seed of the generated workload.
    #[arg(long, default_value_t = 42)]
    pub(crate) seed: u64,
    /// Also replay through the naive path and print the ratio.
    #[arg(long)]
    pub(crate) baseline: bool,
    /// Also send the whole workload through `ingest` as mixed batches.
    #[arg(long)]
    pub(crate) ingest: bool,
    /// Events per ingest batch.
    #[arg(long, default_value_t = 256)]
    pub(crate) batch: usize,
    /// Ingest producers sending at once, each with its own calls (a platform's
    /// workers, each flushing its own queue); 1 sends one batch at a time.
    #[arg(long, default_value_t = 4)]
    pub(crate) streams: usize,
    /// Group commit's regroup fraction (see `GroupCommitConfig::regroup`; 0
    /// turns it off; default: the backend's, 0.25 on PostgreSQL, off on SQLite):
    /// to measure what waiting for the answered callers gives.
    #[arg(long, value_name = "FRACTION")]
    pub(crate) regroup: Option<f64>,
    /// Show where the time went (redaction, validation, queue wait, commit).
    #[arg(long)]
    pub(crate) profile: bool,
    /// Machine-readable output (one JSON object on stdout).
    #[arg(long)]
    pub(crate) json: bool,
    /// Drive a running `realtime-store serve` at this address over HTTP (e.g.
    /// `http://127.0.0.1:8080`) instead of a fresh database in this process. The
    /// calls are written into the service's database (ids `bench<pid>-<time>-…`).
    #[arg(long, value_name = "URL")]
    pub(crate) url: Option<String>,
    /// Bearer token of the service (with `--url`).
    #[arg(long, env = "REALTIME_STORE_TOKEN", hide_env_values = true)]
    pub(crate) token: Option<String>,
}

/// Where each phase's database lives: fresh files beside the named SQLite file
/// (same disk), fresh schemas on PostgreSQL, dropped afterwards.
struct Place {
    base: String,
    dir: Option<tempfile::TempDir>,
    run: String,
}

impl Place {
    fn new(url: &str) -> anyhow::Result<Place> {
        let run = format!("bench{}", std::process::id());
        let dir = if url.starts_with("sqlite:") {
            let file = url
                .trim_start_matches("sqlite://")
                .trim_start_matches("sqlite:")
                .split('?')
                .next()
                .unwrap_or("");
            let parent = std::path::Path::new(file)
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map(std::path::Path::to_path_buf)
                .unwrap_or_else(|| ".".into());
            Some(
                tempfile::Builder::new()
                    .prefix(".realtime-store-bench-")
                    .tempdir_in(parent)
                    .context("creating the bench directory beside the database file")?,
            )
        } else {
            None
        };
        Ok(Place {
            base: url.to_owned(),
            dir,
            run,
        })
    }

    /// The URL of phase `name`'s fresh database.
    fn url(&self, name: &str) -> String {
        if let Some(d) = &self.dir {
            return format!("sqlite://{}", d.path().join(format!("{name}.db")).display());
        }
        if self.base.starts_with("postgres") {
            let sep = if self.base.contains('?') { '&' } else { '?' };
            return format!("{}{sep}schema={}_{name}", self.base, self.run);
        }
        self.base.clone()
    }

    async fn drop_schema(&self, name: &str) {
        if !self.base.starts_with("postgres") {
            return;
        }
        let base = self.base.split('?').next().unwrap_or(&self.base);
        if let Ok(pool) = sqlx::PgPool::connect(base).await {
            let _ = sqlx::query(&format!(
                "DROP SCHEMA IF EXISTS \"{}_{name}\" CASCADE",
                self.run
            ))
            .execute(&pool)
            .await;
            pool.close().await;
        }
    }
}

/// Opens a phase's fresh database; on a Citus coordinator its fresh schema is
/// distributed first (as `migrate --distribute` does), so the bench measures
/// the distributed layout.
async fn open(url: &str) -> anyhow::Result<AnyBackend> {
    let b = AnyBackend::open(url)
        .await
        .with_context(|| format!("opening {}", realtime_store::mask_url(url)))?;
    if let AnyBackend::Postgres(pg) = &b {
        if pg.citus() == realtime_store::CitusLayout::NotDistributed {
            pg.distribute()
                .await
                .context("distributing the bench schema on Citus")?;
        }
    }
    Ok(b)
}

/// Runs the benchmark and prints its report.
/// Group commit's settings for this run over `backend`.
fn group_config(a: &BenchArgs, backend: &AnyBackend) -> GroupCommitConfig {
    let mut cfg = GroupCommitConfig::for_backend(realtime_store::WriteCore::kind(backend));
    if let Some(r) = a.regroup {
        cfg.regroup = r;
    }
    cfg
}

pub(crate) async fn run(url: &str, a: BenchArgs) -> anyhow::Result<()> {
    anyhow::ensure!(a.sessions > 0, "--sessions must be at least 1");
    anyhow::ensure!(a.live > 0, "--live must be at least 1");
    anyhow::ensure!(a.batch > 0, "--batch must be at least 1");
    anyhow::ensure!(a.streams > 0, "--streams must be at least 1");
    anyhow::ensure!(
        a.regroup.is_none_or(|r| (0.0..=1.0).contains(&r)),
        "--regroup must be between 0 and 1"
    );
    if let Some(service) = a.url.clone() {
        return run_http(&service, a).await;
    }
    let place = Place::new(url)?;
    eprintln!(
        "bench: {} sessions, {} live, seed {}, on {}",
        a.sessions,
        a.live,
        a.seed,
        realtime_store::mask_url(url)
    );
    let calls = Arc::new(workload::Workload::new(a.sessions, a.seed, &place.run));
    let mut rep = Report::new(&a, url, &calls);

    // The store's path: group commit over the backend.
    let main_url = place.url("main");
    let backend = open(&main_url).await?;
    let cfg = group_config(&a, &backend);
    let store = Arc::new(RealtimeStore::new(GroupCommit::with_config(backend, cfg)));
    let w = run::replay(
        Arc::clone(&store),
        Arc::clone(&calls),
        a.live,
        false,
        "append",
    )
    .await?;
    let (reads, rows_read, read_time) =
        run::read_back(Arc::clone(&store), Arc::clone(&calls), a.live).await?;
    rep.size_bytes = store.backend().inner().size_bytes().await.ok().flatten();
    rep.commit = store.stats().commit;
    rep.redactions = store.stats().redactions.values().sum();
    store.close().await;
    drop(store);
    place.drop_schema("main").await;
    rep.write = Some(w);
    rep.reads = Some((reads, rows_read, read_time));

    if a.ingest {
        let backend = open(&place.url("ingest")).await?;
        let cfg = group_config(&a, &backend);
        let store = Arc::new(RealtimeStore::new(GroupCommit::with_config(backend, cfg)));
        rep.ingest = Some(
            run::ingest(
                Arc::clone(&store),
                Arc::clone(&calls),
                a.live,
                a.batch,
                a.streams,
            )
            .await?,
        );
        store.close().await;
        place.drop_schema("ingest").await;
    }

    if a.baseline {
        let backend = open(&place.url("naive")).await?;
        let store = Arc::new(RealtimeStore::new(backend));
        rep.naive = Some(
            run::replay(
                Arc::clone(&store),
                Arc::clone(&calls),
                a.live,
                true,
                "naive",
            )
            .await?,
        );
        store.close().await;
        place.drop_schema("naive").await;
    }

    if a.profile {
        rep.profile = Some(profile(&calls));
    }
    rep.peak_rss = run::peak_rss();
    if a.json {
        println!("{}", serde_json::to_string_pretty(&rep.json())?);
    } else {
        print!("{}", rep.text());
    }
    drop(place);
    Ok(())
}

/// `bench --url`: the append, read-back and (with `--ingest`) ingest phases
/// through the service's API.
async fn run_http(service: &str, a: BenchArgs) -> anyhow::Result<()> {
    anyhow::ensure!(
        !a.baseline,
        "--baseline compares in-process paths of a fresh database; it cannot be combined with --url"
    );
    let target = Arc::new(http::HttpTarget::new(service, a.token.as_deref())?);
    let started = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let run_id = format!("bench{}-{started}", std::process::id());
    eprintln!(
        "bench: {} sessions, {} live, seed {}, through {service}",
        a.sessions, a.live, a.seed
    );
    let calls = Arc::new(workload::Workload::new(a.sessions, a.seed, &run_id));
    let mut rep = Report::new(&a, "http", &calls);
    let w = run::replay(
        Arc::clone(&target),
        Arc::clone(&calls),
        a.live,
        false,
        "append",
    )
    .await?;
    rep.write = Some(w);
    rep.reads = Some(run::read_back(Arc::clone(&target), Arc::clone(&calls), a.live).await?);
    if a.ingest {
        let again = Arc::new(calls.with_run(&format!("{run_id}-ingest")));
        rep.ingest =
            Some(run::ingest(Arc::clone(&target), again, a.live, a.batch, a.streams).await?);
    }
    if a.profile {
        rep.profile = Some(profile(&calls));
    }
    rep.server_peak_rss = target.peak_rss().await;
    rep.peak_rss = run::peak_rss();
    if a.json {
        println!("{}", serde_json::to_string_pretty(&rep.json())?);
    } else {
        print!("{}", rep.text());
    }
    Ok(())
}

/// CPU time of the in-process steps, measured on one thread over the whole
/// workload: validation and redaction.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Profile {
    pub(crate) events: u64,
    pub(crate) validation: Duration,
    pub(crate) redaction: Duration,
}

fn profile(calls: &workload::Workload) -> Profile {
    let limits = realtime_store::Limits::default();
    let now = realtime_store::Timestamp::now();
    let r = realtime_redact::Redactor::default();
    let (mut validation, mut redaction) = (Duration::ZERO, Duration::ZERO);
    // Each call made outside the timed loops.
    for c in (0..calls.len()).filter_map(|i| calls.get(i)) {
        let t = Instant::now();
        for e in &c.events {
            let _ = realtime_store::validate::event(e, &limits, now);
        }
        validation += t.elapsed();
        let t = Instant::now();
        for e in &c.events {
            match e {
                realtime_store::Event::Transcript(s) => {
                    std::hint::black_box(r.redact(&s.text));
                }
                realtime_store::Event::ToolEvent(x) => {
                    std::hint::black_box(r.redact_json(&x.args));
                    if let Some(v) = &x.result {
                        std::hint::black_box(r.redact_json(v));
                    }
                }
                realtime_store::Event::Summary(s) => {
                    std::hint::black_box(r.redact(&s.text));
                }
                _ => {}
            }
        }
        redaction += t.elapsed();
    }
    Profile {
        events: calls.events(),
        validation,
        redaction,
    }
}
