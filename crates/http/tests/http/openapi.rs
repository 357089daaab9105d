//! The OpenAPI document: generated, 3.1, complete, and every documented operation
//! is answered by the router (not its 404/405 fallback).

use axum::http::Method;

use super::common::Api;

#[tokio::test]
async fn every_documented_operation_is_routed() {
    let api = Api::new();
    let doc = api.get("/openapi.json").await.json();
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(
        doc,
        serde_json::to_value(realtime_store_http::openapi()).unwrap()
    );
    let mut ops = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for m in item.as_object().unwrap().keys() {
            if ["get", "put", "post", "delete"].contains(&m.as_str()) {
                ops.push(format!("{} {path}", m.to_uppercase()));
                let p = path.replace("{id}", "x1");
                let r = api
                    .call(
                        Method::from_bytes(m.to_uppercase().as_bytes()).unwrap(),
                        &p,
                        None,
                    )
                    .await;
                assert_ne!(r.status, 405, "{m} {path}");
                if r.status == 404 {
                    assert_ne!(
                        r.code(),
                        "no_route",
                        "{m} {path} is documented but not routed"
                    );
                }
            }
        }
    }
    ops.sort();
    let mut want = vec![
        "GET /healthz",
        "GET /metrics",
        "GET /openapi.json",
        "POST /v1/ingest",
        "GET /v1/sessions",
        "PUT /v1/sessions/{id}",
        "GET /v1/sessions/{id}",
        "DELETE /v1/sessions/{id}",
        "GET /v1/sessions/{id}/export",
        "POST /v1/sessions/{id}/reconsent",
        "POST /v1/sessions/{id}/transcripts",
        "GET /v1/sessions/{id}/transcripts",
        "POST /v1/sessions/{id}/tool-events",
        "GET /v1/sessions/{id}/tool-events",
        // Beyond the SPEC's list: one event deleted (an agent's memory popping
        // its latest item).
        "DELETE /v1/sessions/{id}/transcripts/{seq}",
        "DELETE /v1/sessions/{id}/tool-events/{seq}",
        "PUT /v1/sessions/{id}/summary",
        "POST /v1/sessions/{id}/summary",
        "GET /v1/sessions/{id}/summary",
        "POST /v1/sessions/{id}/usage",
        "GET /v1/sessions/{id}/usage",
        "DELETE /v1/users/{id}",
    ];
    want.sort();
    assert_eq!(ops, want, "the SPEC's operations, each documented once");
}
