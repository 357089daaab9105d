//! The router over a store of our own that fails on demand: overload is 429,
//! unavailability 503 (both with `Retry-After`), conflicts 409, genuine failures 500,
//! an unreachable backend makes `/healthz` 503, a slow store times out (503).

use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::Arc;
use std::time::Duration;

use axum::http::StatusCode;
use realtime_store::{
    EraseCounts, Error, Event, EventKind, Health, MemoryStore, Page, PageRequest, PersistenceStore,
    RealtimeStore, Result, Session, SessionEvent, SessionFilter, SessionMeta, StoredSegment,
    StoredSummary, StoredToolEvent, Timestamp, UsageReport, WriteOutcome,
};
use realtime_store_http::{router, ApiConfig, StatsSource};
use serde_json::json;

use super::common::{recent, Api};

const OK: u8 = 0;
const OVERLOADED: u8 = 1;
const UNAVAILABLE: u8 = 2;
const CONFLICT: u8 = 3;
const BROKEN: u8 = 4;
const SLOW: u8 = 5;
const UNREACHABLE: u8 = 6;
const SPOOLING: u8 = 7;

/// A real store whose writes fail as `mode` says.
struct Flaky {
    inner: RealtimeStore<MemoryStore>,
    mode: AtomicU8,
}

impl Flaky {
    async fn gate(&self) -> Result<()> {
        match self.mode.load(Ordering::SeqCst) {
            OVERLOADED => Err(Error::Overloaded),
            UNAVAILABLE => Err(Error::Unavailable {
                what: "the spool is full",
            }),
            CONFLICT => Err(Error::conflict(
                "user.email",
                "already belongs to another user",
            )),
            BROKEN => Err(Error::Backend {
                op: "append",
                retryable: false,
                source: "disk on fire".into(),
            }),
            SLOW => {
                tokio::time::sleep(Duration::from_secs(5)).await;
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

impl StatsSource for Flaky {}

impl PersistenceStore for Flaky {
    async fn save_session_meta(&self, meta: SessionMeta) -> Result<WriteOutcome> {
        self.gate().await?;
        self.inner.save_session_meta(meta).await
    }
    async fn get_session(&self, id: &str) -> Result<Option<Session>> {
        self.inner.get_session(id).await
    }
    async fn list_sessions(&self, f: &SessionFilter) -> Result<Page<Session>> {
        self.inner.list_sessions(f).await
    }
    async fn append_events(&self, id: &str, events: Vec<Event>) -> Result<Vec<WriteOutcome>> {
        self.gate().await?;
        self.inner.append_events(id, events).await
    }
    async fn ingest(&self, events: Vec<SessionEvent>) -> Result<Vec<Result<WriteOutcome>>> {
        if self.mode.load(Ordering::SeqCst) == UNAVAILABLE {
            return Ok(events
                .iter()
                .map(|_| {
                    Err(Error::Unavailable {
                        what: "the spool is full",
                    })
                })
                .collect());
        }
        self.gate().await?;
        self.inner.ingest(events).await
    }
    async fn reconsent(&self, meta: SessionMeta) -> Result<WriteOutcome> {
        self.gate().await?;
        self.inner.reconsent(meta).await
    }
    async fn get_transcripts(&self, id: &str, p: &PageRequest) -> Result<Page<StoredSegment>> {
        self.inner.get_transcripts(id, p).await
    }
    async fn get_tool_events(&self, id: &str, p: &PageRequest) -> Result<Page<StoredToolEvent>> {
        self.inner.get_tool_events(id, p).await
    }
    async fn get_summary(&self, id: &str) -> Result<Option<StoredSummary>> {
        self.inner.get_summary(id).await
    }
    async fn get_usage(&self, id: &str) -> Result<UsageReport> {
        self.inner.get_usage(id).await
    }
    async fn delete_session(&self, id: &str) -> Result<bool> {
        self.inner.delete_session(id).await
    }
    async fn delete_event(&self, id: &str, kind: EventKind, seq: i64) -> Result<bool> {
        self.inner.delete_event(id, kind, seq).await
    }
    async fn erase_user(&self, id: &str) -> Result<EraseCounts> {
        self.inner.erase_user(id).await
    }
    async fn purge_before(&self, t: Timestamp) -> Result<EraseCounts> {
        self.inner.purge_before(t).await
    }
    async fn health(&self) -> Health {
        let mut h = self.inner.health().await;
        match self.mode.load(Ordering::SeqCst) {
            UNREACHABLE => h.backend_reachable = false,
            SPOOLING => {
                h.backend_reachable = false;
                h.fallback_active = true;
                h.spool_depth = 3;
            }
            _ => {}
        }
        h
    }
}

fn flaky() -> (Api, Arc<Flaky>) {
    let store = Arc::new(Flaky {
        inner: RealtimeStore::new(MemoryStore::default()),
        mode: AtomicU8::new(OK),
    });
    let mut cfg = ApiConfig::default();
    cfg.request_timeout = Duration::from_millis(300);
    let mut api = Api::with(|_| {});
    api.router = router(store.clone(), cfg);
    (api, store)
}

#[tokio::test]
async fn store_errors_map_to_statuses() {
    let (api, store) = flaky();
    let seg = json!({"role": "user", "text": "hi", "started_at": recent()});
    assert_eq!(
        api.put("/v1/sessions/f1", json!({"consent": "ACCEPTED"}))
            .await
            .status,
        StatusCode::OK
    );
    for (mode, status, code) in [
        (OVERLOADED, StatusCode::TOO_MANY_REQUESTS, "overloaded"),
        (UNAVAILABLE, StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
        (CONFLICT, StatusCode::CONFLICT, "conflict"),
        (BROKEN, StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        (SLOW, StatusCode::SERVICE_UNAVAILABLE, "timeout"),
    ] {
        store.mode.store(mode, Ordering::SeqCst);
        let r = api.post("/v1/sessions/f1/transcripts", seg.clone()).await;
        assert_eq!(
            (r.status, r.code().as_str()),
            (status, code),
            "mode {mode}: {}",
            r.text()
        );
        if status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::SERVICE_UNAVAILABLE {
            assert!(r.headers.contains_key("retry-after"), "mode {mode}");
        }
        assert!(
            !r.text().contains("fire"),
            "the source stays in the log: {}",
            r.text()
        );
    }
    store.mode.store(CONFLICT, Ordering::SeqCst);
    let r = api
        .put(
            "/v1/sessions/f2",
            json!({"consent": "ACCEPTED", "user": {"id": "u2", "email": "x@example.com"}}),
        )
        .await;
    assert_eq!(
        (r.status, r.json()["error"]["field"].as_str()),
        (StatusCode::CONFLICT, Some("user.email"))
    );
}

#[tokio::test]
async fn ingest_that_nothing_could_store_is_503_per_line() {
    let (api, store) = flaky();
    store.mode.store(UNAVAILABLE, Ordering::SeqCst);
    let line =
        json!({"session_id": "f3", "type": "usage", "kind": "k", "value": 1, "at": recent()});
    let r = api
        .raw(
            axum::http::Method::POST,
            "/v1/ingest",
            "application/x-ndjson",
            format!("{line}\n{line}\n"),
        )
        .await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE, "{}", r.text());
    assert!(r.headers.contains_key("retry-after"));
    let lines = r.ndjson();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["error"]["code"], "unavailable");
}

#[tokio::test]
async fn healthz_is_degraded_while_spooling_and_503_when_unreachable() {
    let (api, store) = flaky();
    assert_eq!(api.get("/healthz").await.json()["status"], "ok");
    store.mode.store(SPOOLING, Ordering::SeqCst);
    let r = api.get("/healthz").await;
    assert_eq!(
        (r.status, r.json()["status"].as_str()),
        (StatusCode::OK, Some("degraded"))
    );
    assert_eq!(r.json()["spool_depth"], 3);
    let m = api.get("/metrics").await.text();
    assert!(
        m.contains("realtime_store_spool_depth 3")
            && m.contains("realtime_store_fallback_active 1"),
        "{m}"
    );
    store.mode.store(UNREACHABLE, Ordering::SeqCst);
    let r = api.get("/healthz").await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.json()["status"], "unavailable");
    assert!(r.headers.contains_key("retry-after"));
}
