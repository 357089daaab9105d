//! `/metrics`: HTTP and write counters kept by the router, and the store's own
//! figures read at scrape time through [`StatsSource`].
//!
//! `prometheus-client` with an explicit [`Registry`] per router: no global recorder,
//! so several routers (tests, a platform embedding two stores) never share counters.

use std::borrow::Cow;
use std::sync::Arc;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use parking_lot::Mutex;
use prometheus_client::encoding::{DescriptorEncoder, EncodeLabelSet, EncodeMetric};
use prometheus_client::metrics::counter::{ConstCounter, Counter};
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::ConstGauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::metrics::MetricType;
use prometheus_client::registry::Registry;
use realtime_store::{Backend, Health, RealtimeStore, SpoolStats, WriteOutcome};

/// Where the router reads the store's own figures (consent buffer, redactions,
/// later group commit and spool) on each scrape.
///
/// Implemented for [`RealtimeStore`]; a store with nothing to report implements it
/// with the default method.
pub trait StatsSource: Send + Sync {
    /// The figures, as Prometheus samples. Samples of one metric name must agree
    /// on kind and help.
    fn samples(&self) -> Vec<Sample> {
        Vec::new()
    }

    /// The fallback spool's figures, when the store has one (for `/healthz`).
    fn spool(&self) -> Option<SpoolStats> {
        None
    }

    /// Whether the store answers degraded (its fallback is active): answers
    /// then carry `X-Realtime-Store-Degraded: true`.
    fn degraded(&self) -> bool {
        self.spool().is_some_and(|s| s.fallback_active)
    }
}

/// One sample of a store-side metric.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Sample {
    /// Metric name, without the `_total` suffix of counters.
    pub name: Cow<'static, str>,
    /// One line of help.
    pub help: Cow<'static, str>,
    /// Labels, as (name, value). Values must carry no content (entity types,
    /// reasons, kinds).
    pub labels: Vec<(Cow<'static, str>, Cow<'static, str>)>,
    /// The value.
    pub value: SampleValue,
}

impl Sample {
    /// A sample without labels.
    pub fn new(
        name: impl Into<Cow<'static, str>>,
        help: impl Into<Cow<'static, str>>,
        value: SampleValue,
    ) -> Self {
        Sample {
            name: name.into(),
            help: help.into(),
            labels: Vec::new(),
            value,
        }
    }

    /// Adds a label.
    pub fn label(
        mut self,
        k: impl Into<Cow<'static, str>>,
        v: impl Into<Cow<'static, str>>,
    ) -> Self {
        self.labels.push((k.into(), v.into()));
        self
    }
}

/// The value of a [`Sample`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum SampleValue {
    /// A monotonic counter.
    Counter(u64),
    /// A value that goes up and down.
    Gauge(i64),
    /// A value that goes up and down, not a whole number (a rate).
    GaugeF64(f64),
    /// A histogram: sum, count, and cumulative buckets as (upper bound, count).
    Histogram {
        /// Sum of observations.
        sum: f64,
        /// Number of observations.
        count: u64,
        /// (upper bound, count in that bucket), ascending; the last bound is
        /// `f64::MAX`, written `+Inf` (the encoder accumulates).
        buckets: Vec<(f64, u64)>,
    },
}

impl<B: Backend> StatsSource for RealtimeStore<B> {
    fn spool(&self) -> Option<SpoolStats> {
        self.backend().spool_stats()
    }

    fn samples(&self) -> Vec<Sample> {
        let s = self.stats();
        let c = &s.consent;
        let ev = |event: &'static str, v: u64| {
            Sample::new(
                "realtime_store_consent_events",
                "Events through the consent gate, by what happened to them",
                SampleValue::Counter(v),
            )
            .label("event", event)
        };
        let mut out = vec![
            ev("buffered", c.buffered),
            ev("flushed", c.flushed),
            ev("discarded_declined", c.discarded_declined),
            ev("overflow", c.overflow),
            ev("expired", c.expired),
            ev("dropped_declined", c.dropped_declined),
            ev("meta_overflow", c.held_metas_overflow),
            Sample::new(
                "realtime_store_tombstones",
                "Tombstones written by this process (withdrawals, deletions, erasures)",
                SampleValue::Counter(c.tombstones),
            ),
            Sample::new(
                "realtime_store_consent_buffer_events",
                "Events held in memory waiting for consent",
                SampleValue::Gauge(gauge(c.held_events)),
            ),
            Sample::new(
                "realtime_store_consent_buffer_sessions",
                "Sessions with events held in memory waiting for consent",
                SampleValue::Gauge(gauge(c.held_sessions)),
            ),
            Sample::new(
                "realtime_store_consent_buffer_bytes",
                "Bytes held in memory waiting for consent, across sessions",
                SampleValue::Gauge(gauge(c.held_bytes)),
            ),
        ];
        for (entity, n) in s.redactions {
            out.push(
                Sample::new(
                    "realtime_store_redactions",
                    "PII redactions, by entity type",
                    SampleValue::Counter(n),
                )
                .label("entity", entity),
            );
        }
        if let Some(c) = s.commit {
            out.extend([
                Sample::new(
                    "realtime_store_commit_batch_events",
                    "Events per group-commit transaction",
                    histogram(&c.batch_size),
                ),
                Sample::new(
                    "realtime_store_commit_seconds",
                    "Time of one group-commit transaction (batch append and commit)",
                    histogram(&c.commit_latency),
                ),
                Sample::new(
                    "realtime_store_commit_queue_events",
                    "Events waiting in the group-commit queue",
                    SampleValue::Gauge(gauge(c.queued_events)),
                ),
                Sample::new(
                    "realtime_store_commit_overloaded",
                    "Appends refused because the group-commit queue was full",
                    SampleValue::Counter(c.overloaded),
                ),
            ]);
        }
        if let Some(sp) = &s.spool {
            out.extend(crate::spool_metrics::spool_samples(sp));
        }
        out
    }
}

/// A store-side histogram as the encoder wants it (per-bucket counts, `+Inf`
/// as `f64::MAX`).
fn histogram(h: &realtime_store::layers::group_commit::Histogram) -> SampleValue {
    let buckets = h
        .bounds
        .iter()
        .copied()
        .chain([f64::MAX])
        .zip(h.counts.iter().copied())
        .collect();
    SampleValue::Histogram {
        sum: h.sum,
        count: h.count,
        buckets,
    }
}

fn gauge(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// The samples derived from [`Health`].
pub(crate) fn health_samples(h: &Health) -> Vec<Sample> {
    let g = |name: &'static str, help: &'static str, v: i64| {
        Sample::new(name, help, SampleValue::Gauge(v))
    };
    vec![
        g(
            "realtime_store_backend_reachable",
            "1 if the primary backend answered",
            h.backend_reachable as i64,
        ),
        g(
            "realtime_store_fallback_active",
            "1 if writes go to the local fallback spool",
            h.fallback_active as i64,
        ),
        g(
            "realtime_store_spool_depth",
            "Writes in the spool, not yet in the primary",
            gauge(h.spool_depth),
        ),
        Sample::new(
            "realtime_store_oldest_unsynced_seconds",
            "Age of the oldest write not yet in the primary (0 when none waits)",
            SampleValue::GaugeF64(h.oldest_unsynced_ms.map_or(0.0, |ms| ms as f64 / 1000.0)),
        ),
    ]
}

/// The process's resident memory, now and at its peak (Linux `/proc/self/status`;
/// nothing elsewhere). `bench --url` reads the peak of the server it measured.
pub(crate) fn process_samples() -> Vec<Sample> {
    let Ok(status) = std::fs::read_to_string("/proc/self/status") else {
        return Vec::new();
    };
    let kib = |key: &str| -> Option<i64> {
        let line = status.lines().find(|l| l.starts_with(key))?;
        line.split_whitespace().nth(1)?.parse::<i64>().ok()
    };
    let mut out = Vec::new();
    if let Some(v) = kib("VmRSS:") {
        out.push(Sample::new(
            "realtime_store_process_resident_memory_bytes",
            "Resident memory of this process",
            SampleValue::Gauge(v.saturating_mul(1024)),
        ));
    }
    if let Some(v) = kib("VmHWM:") {
        out.push(Sample::new(
            "realtime_store_process_peak_resident_memory_bytes",
            "Peak resident memory of this process since it started",
            SampleValue::Gauge(v.saturating_mul(1024)),
        ));
    }
    out
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct HttpLabels {
    method: String,
    route: String,
    status: u16,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    method: String,
    route: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct WriteLabels {
    kind: &'static str,
    outcome: &'static str,
}

/// The router's metrics.
#[derive(Debug)]
pub(crate) struct HttpMetrics {
    registry: Registry,
    requests: Family<HttpLabels, Counter>,
    latency: Family<RouteLabels, Histogram>,
    writes: Family<WriteLabels, Counter>,
    scraped: Arc<Mutex<Vec<Sample>>>,
    scrape: tokio::sync::Mutex<()>,
}

impl HttpMetrics {
    pub(crate) fn new() -> Self {
        let mut registry = Registry::default();
        let requests = Family::<HttpLabels, Counter>::default();
        registry.register(
            "realtime_store_http_requests",
            "HTTP requests, by method, matched route template and status",
            requests.clone(),
        );
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(|| {
            Histogram::new([
                0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
            ])
        });
        registry.register(
            "realtime_store_http_request_duration_seconds",
            "HTTP request latency, by method and matched route template",
            latency.clone(),
        );
        let writes = Family::<WriteLabels, Counter>::default();
        registry.register(
            "realtime_store_writes",
            "Writes through the API, by kind and outcome",
            writes.clone(),
        );
        let scraped = Arc::new(Mutex::new(Vec::new()));
        registry.register_collector(Box::new(Scraped(scraped.clone())));
        HttpMetrics {
            registry,
            requests,
            latency,
            writes,
            scraped,
            scrape: tokio::sync::Mutex::new(()),
        }
    }

    /// Counts writes of one kind by outcome.
    pub(crate) fn writes(&self, kind: &'static str, outcomes: &[WriteOutcome]) {
        for o in outcomes {
            self.writes
                .get_or_create(&WriteLabels {
                    kind,
                    outcome: o.as_str(),
                })
                .inc();
        }
    }

    /// Counts one write.
    pub(crate) fn write(&self, kind: &'static str, o: WriteOutcome) {
        self.writes(kind, std::slice::from_ref(&o));
    }

    /// The text exposition, with the store's samples of this scrape.
    pub(crate) async fn render(&self, samples: Vec<Sample>) -> String {
        let _one_scrape_at_a_time = self.scrape.lock().await;
        *self.scraped.lock() = samples;
        let mut out = String::with_capacity(8 << 10);
        if prometheus_client::encoding::text::encode(&mut out, &self.registry).is_err() {
            tracing::error!("encoding the metrics failed");
        }
        out
    }
}

/// Encodes the samples handed over for the current scrape.
#[derive(Debug)]
struct Scraped(Arc<Mutex<Vec<Sample>>>);

impl prometheus_client::collector::Collector for Scraped {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        let samples = self.0.lock();
        let mut done: Vec<&str> = Vec::new();
        for s in samples.iter() {
            if done.contains(&s.name.as_ref()) {
                continue;
            }
            done.push(&s.name);
            let kind = match s.value {
                SampleValue::Counter(_) => MetricType::Counter,
                SampleValue::Gauge(_) | SampleValue::GaugeF64(_) => MetricType::Gauge,
                SampleValue::Histogram { .. } => MetricType::Histogram,
            };
            let mut family = encoder.encode_descriptor(&s.name, &s.help, None, kind)?;
            if s.labels.is_empty() {
                // An unlabelled metric has one sample.
                encode_value(&s.value, family)?;
                continue;
            }
            for x in samples.iter().filter(|x| x.name == s.name) {
                let labels: Vec<(&str, &str)> = x
                    .labels
                    .iter()
                    .map(|(k, v)| (k.as_ref(), v.as_ref()))
                    .collect();
                encode_value(&x.value, family.encode_family(&labels)?)?;
            }
        }
        Ok(())
    }
}

fn encode_value(
    v: &SampleValue,
    mut enc: prometheus_client::encoding::MetricEncoder,
) -> Result<(), std::fmt::Error> {
    match v {
        SampleValue::Counter(v) => ConstCounter::new(*v).encode(enc),
        SampleValue::Gauge(v) => ConstGauge::new(*v).encode(enc),
        SampleValue::GaugeF64(v) => ConstGauge::new(*v).encode(enc),
        SampleValue::Histogram {
            sum,
            count,
            buckets,
        } => enc.encode_histogram::<prometheus_client::encoding::NoLabelSet>(
            *sum, *count, buckets, None,
        ),
    }
}

/// Middleware: counts every request by method, matched route template (never the
/// raw path, which holds ids) and status, and observes its latency.
pub(crate) async fn track(
    State(m): State<Arc<crate::state::App>>,
    req: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = req.method().as_str().to_owned();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", |p| p.as_str())
        .to_owned();
    let res = next.run(req).await;
    let m = &m.metrics;
    let elapsed = started.elapsed().as_secs_f64();
    m.latency
        .get_or_create(&RouteLabels {
            method: method.clone(),
            route: route.clone(),
        })
        .observe(elapsed);
    m.requests
        .get_or_create(&HttpLabels {
            method,
            route,
            status: res.status().as_u16(),
        })
        .inc();
    res
}
