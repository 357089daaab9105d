//! `POST /v1/ingest`: NDJSON in, one result line per non-blank line out.

use axum::http::{Method, StatusCode};
use serde_json::{json, Value};

use super::common::{recent, Api};

fn ndjson(lines: &[Value]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

#[tokio::test]
async fn mixed_events_of_many_sessions() {
    let api = Api::new();
    api.accepted("n1", "user_n").await;
    api.put("/v1/sessions/n2", json!({"consent": "DECLINED"}))
        .await;
    let t = recent();
    let body = ndjson(&[
        json!({"session_id": "n1", "type": "transcript", "item_id": "a", "role": "user", "text": "call 415-555-0132", "started_at": t}),
        json!({"session_id": "n2", "type": "transcript", "role": "user", "text": "no", "started_at": t}),
        json!({"session_id": "n3", "type": "usage", "kind": "input_tokens", "value": 5, "at": t}),
        json!({"session_id": "n1", "type": "tool_event", "call_id": "c", "name": "lookup", "args": {}, "at": t}),
        json!({"session_id": "n1", "type": "summary", "text": "done", "at": t}),
        json!({"session_id": "n1", "type": "transcript", "item_id": "a", "role": "user", "text": "call 415-555-0132", "started_at": t}),
    ]);
    let body = body.replacen('\n', "\n\n", 1); // a blank line gets no result
    let r = api
        .raw(Method::POST, "/v1/ingest", "application/x-ndjson", body)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.headers["content-type"], "application/x-ndjson");
    assert_eq!(
        r.ndjson(),
        [
            json!({"line": 1, "outcome": "persisted"}),
            json!({"line": 3, "outcome": "dropped", "reason": "consent_declined"}),
            json!({"line": 4, "outcome": "buffered"}),
            json!({"line": 5, "outcome": "persisted"}),
            json!({"line": 6, "outcome": "persisted"}),
            json!({"line": 7, "outcome": "duplicate"}),
        ]
    );
    let page = api.get("/v1/sessions/n1/transcripts").await.json();
    assert_eq!(page["items"][0]["text"], "call [PHONE]");
}

#[tokio::test]
async fn a_bad_line_rejects_the_whole_batch() {
    let api = Api::new();
    api.accepted("b1", "user_b").await;
    let good = json!({"session_id": "b1", "type": "transcript", "role": "user", "text": "hi", "started_at": recent()});
    let body = format!(
        "{good}\n{{not json\n{}\n{good}",
        json!({"session_id": "b1", "type": "transcript", "role": "user", "text": "x"})
    );
    let r = api
        .raw(Method::POST, "/v1/ingest", "application/x-ndjson", body)
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());
    let lines = r.ndjson();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["error"]["code"], "batch_rejected");
    assert_eq!(lines[1]["error"]["code"], "invalid_json");
    assert_eq!(lines[2]["error"]["field"], "started_at");
    assert_eq!(lines[3]["line"], 4);
    assert_eq!(lines[3]["error"]["code"], "batch_rejected");
    assert!(api.get("/v1/sessions/b1/transcripts").await.json()["items"]
        .as_array()
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn a_store_validation_error_is_reported_on_its_line() {
    let api = Api::new();
    api.accepted("v1", "user_v").await;
    let body = ndjson(&[
        json!({"session_id": "v1", "type": "usage", "kind": "k", "value": 1, "at": recent()}),
        json!({"session_id": "v1", "type": "usage", "kind": "k", "value": -1, "at": recent()}),
        json!({"session_id": "bad id", "type": "usage", "kind": "k", "value": 1, "at": recent()}),
    ]);
    let r = api
        .raw(Method::POST, "/v1/ingest", "application/x-ndjson", body)
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());
    let lines = r.ndjson();
    assert_eq!(lines[0]["error"]["code"], "batch_rejected");
    assert_eq!(lines[1]["error"]["code"], "validation");
    assert_eq!(lines[1]["error"]["field"], "value");
    assert!(api.get("/v1/sessions/v1/usage").await.json()["events"]
        .as_array()
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn an_empty_body_is_an_empty_answer() {
    let api = Api::new();
    let r = api
        .raw(Method::POST, "/v1/ingest", "application/x-ndjson", "\n\n")
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert!(r.body.is_empty());
}
