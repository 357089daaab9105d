//! Transcripts, tool events, summary, usage.

use axum::http::StatusCode;
use serde_json::json;

use super::common::{recent, Api};

#[tokio::test]
async fn transcripts_one_and_many_redacted_and_idempotent() {
    let api = Api::new();
    // Before any session meta: held.
    let early = json!({"item_id": "i0", "role": "assistant", "text": "May I record?", "started_at": recent()});
    let r = api.post("/v1/sessions/t1/transcripts", early).await;
    assert_eq!(r.json(), json!({"outcome": "buffered"}));
    api.accepted("t1", "user_t").await;
    let seg = json!({"item_id": "i1", "role": "user", "text": "mail me at jane@example.com", "started_at": recent()});
    assert_eq!(
        api.post("/v1/sessions/t1/transcripts", seg.clone())
            .await
            .json(),
        json!({"outcome": "persisted"})
    );
    assert_eq!(
        api.post("/v1/sessions/t1/transcripts", seg).await.json(),
        json!({"outcome": "duplicate"})
    );
    let many = json!([
        {"role": "assistant", "text": "Thanks", "started_at": recent()},
        {"role": "user", "text": "bye", "started_at": recent(), "ended_at": recent() + 500},
    ]);
    let r = api.post("/v1/sessions/t1/transcripts", many).await;
    assert_eq!(
        r.json(),
        json!({"outcomes": [{"outcome": "persisted"}, {"outcome": "persisted"}]})
    );

    let page = api.get("/v1/sessions/t1/transcripts").await.json();
    let texts: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        ["May I record?", "mail me at [EMAIL]", "Thanks", "bye"]
    );
    let p1 = api.get("/v1/sessions/t1/transcripts?limit=3").await.json();
    assert_eq!(p1["items"].as_array().unwrap().len(), 3);
    let c = p1["next_cursor"].as_str().unwrap();
    let p2 = api
        .get(&format!("/v1/sessions/t1/transcripts?limit=3&cursor={c}"))
        .await
        .json();
    assert_eq!(p2["items"][0]["text"], "bye");
}

#[tokio::test]
async fn a_batch_is_validated_whole() {
    let api = Api::new();
    api.accepted("t2", "user_t").await;
    let many = json!([
        {"role": "user", "text": "fine", "started_at": recent()},
        {"role": "user", "text": "too old", "started_at": 1000},
    ]);
    let r = api.post("/v1/sessions/t2/transcripts", many).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.text());
    assert_eq!(r.code(), "validation");
    assert!(
        r.json()["error"]["field"].as_str().unwrap().contains("[1]"),
        "{}",
        r.text()
    );
    assert!(api.get("/v1/sessions/t2/transcripts").await.json()["items"]
        .as_array()
        .unwrap()
        .is_empty());
    let r = api.post("/v1/sessions/t2/transcripts", json!([{"role": "user", "text": "x", "started_at": recent()}, {"role": "robot", "text": "x", "started_at": recent()}])).await;
    assert_eq!(r.json()["error"]["field"], "[1].role");
}

#[tokio::test]
async fn tool_events_pretty_much_as_sent_but_redacted() {
    let api = Api::new();
    api.accepted("t3", "user_t").await;
    let ev = json!({"call_id": "c1", "name": "lookup_order", "args": {"email": "jane@example.com", "order": "88231"},
                    "result": {"status": "shipped"}, "status": "ok", "duration_ms": 12, "at": recent()});
    assert_eq!(
        api.post("/v1/sessions/t3/tool-events", ev.clone())
            .await
            .json(),
        json!({"outcome": "persisted"})
    );
    assert_eq!(
        api.post("/v1/sessions/t3/tool-events", json!([ev]))
            .await
            .json(),
        json!({"outcomes": [{"outcome": "duplicate"}]})
    );
    let page = api.get("/v1/sessions/t3/tool-events").await.json();
    let t = &page["items"][0];
    assert_eq!(t["name"], "lookup_order");
    assert_eq!(t["args"]["email"], "[EMAIL]");
    assert_eq!(t["args"]["order"], "88231");
    assert_eq!(t["result"]["status"], "shipped");
}

#[tokio::test]
async fn summary_versions_and_usage_totals() {
    let api = Api::new();
    api.accepted("t4", "user_t").await;
    let r = api.get("/v1/sessions/t4/summary").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.text().contains("no summary"), "{}", r.text());
    let s1 = json!({"text": "first", "at": recent()});
    assert_eq!(
        api.put("/v1/sessions/t4/summary", s1).await.json(),
        json!({"outcome": "persisted"})
    );
    let s2 = json!({"text": "Call jane@example.com back", "key_points": ["refund", "415-555-0132"], "at": recent() + 1});
    assert_eq!(
        api.post("/v1/sessions/t4/summary", s2).await.json(),
        json!({"outcome": "persisted"})
    );
    let s = api.get("/v1/sessions/t4/summary").await.json();
    assert_eq!(s["version"], 2);
    assert_eq!(s["text"], "Call [EMAIL] back");
    assert_eq!(s["key_points"][1], "[PHONE]");

    let u = json!([
        {"event_id": "u1", "kind": "input_tokens", "value": 100, "at": recent()},
        {"event_id": "u2", "kind": "input_tokens", "value": 50.5, "at": recent()},
    ]);
    let r = api.post("/v1/sessions/t4/usage", u).await;
    assert_eq!(r.json()["outcomes"].as_array().unwrap().len(), 2);
    let single = json!({"kind": "audio_input_seconds", "value": 3.5, "at": recent()});
    assert_eq!(
        api.post("/v1/sessions/t4/usage", single).await.json(),
        json!({"outcome": "persisted"})
    );
    let rep = api.get("/v1/sessions/t4/usage").await.json();
    assert_eq!(rep["totals"]["input_tokens"], 150.5);
    assert_eq!(rep["totals"]["audio_input_seconds"], 3.5);
    assert_eq!(rep["events"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn reads_of_unknown_sessions_are_404() {
    let api = Api::new();
    for p in ["transcripts", "tool-events", "summary", "usage", "export"] {
        let r = api.get(&format!("/v1/sessions/nobody/{p}")).await;
        assert_eq!(
            (r.status, r.code().as_str()),
            (StatusCode::NOT_FOUND, "not_found"),
            "{p}"
        );
    }
}

#[tokio::test]
async fn concurrent_sessions() {
    let api = std::sync::Arc::new(Api::new());
    let mut tasks = Vec::new();
    for s in 0..32 {
        let api = api.clone();
        tasks.push(tokio::spawn(async move {
            let id = format!("c{s}");
            api.accepted(&id, &format!("user_{s}")).await;
            for i in 0..20 {
                let seg = json!({"item_id": format!("i{i}"), "role": "user", "text": format!("line {i}"), "started_at": recent()});
                let r = api.post(&format!("/v1/sessions/{id}/transcripts"), seg).await;
                assert_eq!(r.json(), json!({"outcome": "persisted"}));
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    for s in 0..32 {
        let page = api
            .get(&format!("/v1/sessions/c{s}/transcripts"))
            .await
            .json();
        let texts: Vec<String> = page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["text"].as_str().unwrap().to_owned())
            .collect();
        let want: Vec<String> = (0..20).map(|i| format!("line {i}")).collect();
        assert_eq!(texts, want, "session c{s} keeps its order");
    }
}

#[tokio::test]
async fn one_event_is_deleted_by_its_seq() {
    use axum::http::Method;
    let api = Api::new();
    api.accepted("d1", "user_d").await;
    for t in ["first", "second", "third"] {
        let seg = json!({"role": "user", "text": t, "started_at": recent()});
        api.post("/v1/sessions/d1/transcripts", seg).await;
    }
    let tool = json!({"name": "lookup", "args": {"q": 1}, "at": recent()});
    api.post("/v1/sessions/d1/tool-events", tool).await;

    let r = api
        .call(Method::DELETE, "/v1/sessions/d1/transcripts/3", None)
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    let page = api.get("/v1/sessions/d1/transcripts").await.json();
    let texts: Vec<&str> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, vec!["first", "second"]);
    let r = api
        .call(Method::DELETE, "/v1/sessions/d1/tool-events/1", None)
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let tools = api.get("/v1/sessions/d1/tool-events").await.json();
    assert_eq!(tools["items"], json!([]));

    // Gone already, never there, unknown session: 404 with the error shape.
    for path in [
        "/v1/sessions/d1/transcripts/3",
        "/v1/sessions/d1/tool-events/7",
        "/v1/sessions/nobody/transcripts/1",
    ] {
        let r = api.call(Method::DELETE, path, None).await;
        assert_eq!(
            (r.status, r.code().as_str()),
            (StatusCode::NOT_FOUND, "not_found"),
            "{path}"
        );
    }
    // A seq that is not a positive integer names the parameter, not the value.
    for bad in ["0", "-1", "abc", "99999999999999999999", "1.5"] {
        let r = api
            .call(
                Method::DELETE,
                &format!("/v1/sessions/d1/transcripts/{bad}"),
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(r.json()["error"]["field"], "seq", "{bad}");
        assert!(!r.text().contains(bad), "{bad} echoed");
    }
    // The session and its other events stay.
    assert_eq!(api.get("/v1/sessions/d1").await.status, StatusCode::OK);
}
