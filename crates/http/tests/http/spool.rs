//! The API over the fallback spool with a primary that goes down: answers say
//! the store is degraded (`X-Realtime-Store-Degraded`), reads answer from the
//! spool, `/healthz` and `/metrics` report the same spool figures.

use std::sync::Arc;
use std::time::Duration;

use realtime_store::{GroupCommit, Layer, MemoryStore, RealtimeStore, Spool, SpoolConfig};
use realtime_store_http::{router, ApiConfig};
use realtime_store_testkit::Switch;
use serde_json::json;

use super::common::{recent, Api};

const HEADER: &str = "x-realtime-store-degraded";

type Stack = RealtimeStore<GroupCommit<Spool<Switch<MemoryStore>>>>;

/// The value of an unlabelled sample in the exposition.
fn sample(text: &str, name: &str) -> f64 {
    text.lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(' ')?.parse().ok())
        .unwrap_or_else(|| panic!("{name} not in\n{text}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_degraded_store_says_so_and_reports_its_spool() {
    let dir = tempfile::tempdir().unwrap();
    let primary = Switch::new(MemoryStore::default());
    let cfg = SpoolConfig::new(dir.path().join("spool.db")).retry_every(Duration::from_millis(10));
    let spool = Spool::open(primary.clone(), cfg).await.unwrap();
    let store: Arc<Stack> = Arc::new(RealtimeStore::new(GroupCommit::new(spool)));
    let api = Api {
        router: router(store.clone(), ApiConfig::default()),
        // Not used: this router is over the spool stack above.
        store: Arc::new(RealtimeStore::new(MemoryStore::default())),
        token: None,
    };
    api.accepted("h1", "user_h").await;
    let r = api.get("/v1/sessions/h1").await;
    assert!(!r.headers.contains_key(HEADER), "not degraded yet");

    primary.set_down(true);
    let seg = |t: &str| json!({"role": "user", "text": t, "started_at": recent()});
    let r = api.post("/v1/sessions/h1/transcripts", seg("one")).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["outcome"], "spooled");
    assert_eq!(r.headers[HEADER], "true");
    api.post("/v1/sessions/h1/transcripts", seg("two")).await;
    // Reads answer from the spool while the primary is down, and say so.
    let r = api.get("/v1/sessions/h1/transcripts").await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.headers[HEADER], "true");
    let texts: Vec<_> = r.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(texts, ["one", "two"]);

    let h = api.get("/healthz").await.json();
    assert_eq!(h["status"], "degraded");
    assert_eq!(h["spool_depth"], 2);
    assert_eq!(h["spool"]["depth"], 2);
    assert_eq!(h["spool"]["fallback_active"], true);
    assert_eq!(h["spool"]["in_memory"], false);
    let m = api.get("/metrics").await.text();
    assert_eq!(sample(&m, "realtime_store_fallback_active"), 1.0);
    assert_eq!(sample(&m, "realtime_store_spool_depth"), 2.0);
    assert_eq!(sample(&m, "realtime_store_spool_ops_total"), 2.0);
    assert_eq!(sample(&m, "realtime_store_spool_outages_total"), 1.0);
    assert_eq!(sample(&m, "realtime_store_spool_failed"), 0.0);
    assert_eq!(sample(&m, "realtime_store_spool_lossy"), 0.0);
    assert_eq!(sample(&m, "realtime_store_spool_rejected_total"), 0.0);
    assert!(sample(&m, "realtime_store_spool_bytes") > 0.0);
    assert!(sample(&m, "realtime_store_oldest_unsynced_seconds") >= 0.0);

    primary.set_down(false);
    store.backend().inner().wait_replayed().await;
    let r = api.get("/v1/sessions/h1/transcripts").await;
    assert!(!r.headers.contains_key(HEADER));
    let m = api.get("/metrics").await.text();
    assert_eq!(sample(&m, "realtime_store_fallback_active"), 0.0);
    assert_eq!(sample(&m, "realtime_store_spool_depth"), 0.0);
    assert_eq!(sample(&m, "realtime_store_spool_replayed_ops_total"), 2.0);
    assert_eq!(sample(&m, "realtime_store_spool_replay_errors_total"), 0.0);
    assert!(sample(&m, "realtime_store_spool_replay_events_per_second") > 0.0);
    assert_eq!(sample(&m, "realtime_store_oldest_unsynced_seconds"), 0.0);
    let h = api.get("/healthz").await.json();
    assert_eq!(h["status"], "ok");
    assert_eq!(h["spool"]["replayed"], 2);
}

#[tokio::test]
async fn the_degraded_header_is_in_the_openapi_document() {
    let api = Api::new();
    let doc = api.get("/openapi.json").await.json();
    let op = &doc["paths"]["/v1/sessions/{id}/transcripts"]["get"]["responses"]["200"];
    assert_eq!(op["headers"][HEADER]["schema"]["type"], "boolean", "{op}");
    let health = &doc["paths"]["/healthz"]["get"]["responses"]["200"];
    assert!(health["headers"].get(HEADER).is_none());
}
