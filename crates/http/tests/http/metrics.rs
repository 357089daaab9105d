//! `/metrics`: writes by kind and outcome, redactions by entity, consent buffer,
//! health figures, HTTP requests by route template.

use serde_json::json;

use super::common::{recent, Api};

#[tokio::test]
async fn metrics_count_what_happened() {
    let api = Api::new();
    api.post(
        "/v1/sessions/m1/transcripts",
        json!({"role": "user", "text": "early", "started_at": recent()}),
    )
    .await;
    api.post(
        "/v1/sessions/m2/transcripts",
        json!({"role": "user", "text": "early", "started_at": recent()}),
    )
    .await;
    api.accepted("m1", "user_m").await;
    api.post(
        "/v1/sessions/m1/transcripts",
        json!({"role": "user", "text": "jane@example.com", "started_at": recent()}),
    )
    .await;
    api.get("/v1/sessions/m1").await;
    let r = api.get("/metrics").await;
    assert_eq!(r.status, 200);
    assert!(r.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/openmetrics-text"));
    let text = r.text();
    for want in [
        r#"realtime_store_writes_total{kind="transcript",outcome="buffered"} 2"#,
        r#"realtime_store_writes_total{kind="transcript",outcome="persisted"} 1"#,
        r#"realtime_store_writes_total{kind="session",outcome="persisted"} 1"#,
        r#"realtime_store_redactions_total{entity="EMAIL"} 1"#,
        r#"realtime_store_consent_events_total{event="flushed"} 1"#,
        "realtime_store_consent_buffer_events 1",
        "realtime_store_consent_buffer_sessions 1",
        "realtime_store_backend_reachable 1",
        "realtime_store_spool_depth 0",
        r#"realtime_store_http_requests_total{method="GET",route="/v1/sessions/{id}",status="200"} 1"#,
        r#"realtime_store_http_requests_total{method="POST",route="/v1/sessions/{id}/transcripts",status="200"} 3"#,
        "realtime_store_http_request_duration_seconds_bucket",
    ] {
        assert!(text.contains(want), "missing {want}:\n{text}");
    }
    assert!(
        !text.contains("m1"),
        "raw paths never become labels:\n{text}"
    );
}
