//! Auth, limits, media types, malformed input: JSON errors, right statuses, no echo.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use serde_json::json;

use super::common::{recent, Api, TOKEN};

fn req(method: Method, path: &str, auth: Option<&str>) -> Request<Body> {
    let mut b = Request::builder().method(method).uri(path);
    if let Some(a) = auth {
        b = b.header("authorization", a);
    }
    b.body(Body::empty()).unwrap()
}

#[tokio::test]
async fn every_route_but_healthz_and_the_page_needs_the_token() {
    let api = Api::new();
    for (m, p) in [
        (Method::GET, "/v1/sessions"),
        (Method::GET, "/v1/sessions/s1"),
        (Method::PUT, "/v1/sessions/s1"),
        (Method::DELETE, "/v1/sessions/s1"),
        (Method::POST, "/v1/sessions/s1/transcripts"),
        (Method::GET, "/v1/sessions/s1/export"),
        (Method::POST, "/v1/ingest"),
        (Method::DELETE, "/v1/users/u1"),
        (Method::GET, "/metrics"),
        (Method::GET, "/openapi.json"),
    ] {
        for auth in [
            None,
            Some("Bearer wrong-token-0123456789abc"),
            Some(&*format!("Basic {TOKEN}")),
            Some("Bearer "),
        ] {
            let r = api.send(req(m.clone(), p, auth)).await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{m} {p} {auth:?}");
            assert_eq!(r.code(), "unauthorized");
            assert_eq!(r.headers["www-authenticate"], "Bearer");
        }
    }
    for p in ["/healthz", "/", "/app.js", "/style.css"] {
        let r = api.send(req(Method::GET, p, None)).await;
        assert_eq!(r.status, StatusCode::OK, "{p}");
    }
    let r = api
        .send(req(
            Method::GET,
            "/v1/sessions",
            Some(&format!("Bearer {TOKEN}")),
        ))
        .await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn without_a_token_configured_everything_is_open() {
    let api = Api::with(|_| {});
    assert_eq!(
        api.send(req(Method::GET, "/v1/sessions", None))
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn body_limits_are_413() {
    let api = Api::with(|c| {
        c.max_body_bytes = 1024;
        c.max_ingest_bytes = 4096;
        c.max_ingest_lines = 3;
    });
    api.accepted("big", "user_b").await;
    let text = "x".repeat(2000);
    let r = api
        .post(
            "/v1/sessions/big/transcripts",
            json!({"role": "user", "text": text, "started_at": recent()}),
        )
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large")
    );
    // A streamed body without Content-Length.
    let chunks: Vec<Result<bytes::Bytes, std::io::Error>> = (0..10)
        .map(|_| Ok(bytes::Bytes::from(vec![b' '; 1000])))
        .collect();
    let body = Body::from_stream(futures_util::stream::iter(chunks));
    let r = api
        .raw(Method::POST, "/v1/ingest", "application/x-ndjson", body)
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.text());
    let line = format!(
        "{}\n",
        json!({"session_id": "big", "type": "usage", "kind": "k", "value": 1, "at": recent()})
    );
    let r = api
        .raw(
            Method::POST,
            "/v1/ingest",
            "application/x-ndjson",
            line.repeat(4),
        )
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE, "{}", r.text());
    assert!(r.text().contains("at most 3 events"), "{}", r.text());
}

#[tokio::test]
async fn wrong_media_types_are_415() {
    let api = Api::new();
    let seg = json!({"role": "user", "text": "x", "started_at": recent()}).to_string();
    for ty in ["text/plain", "application/x-www-form-urlencoded", ""] {
        let r = api
            .raw(Method::POST, "/v1/sessions/s/transcripts", ty, seg.clone())
            .await;
        assert_eq!(
            (r.status, r.code().as_str()),
            (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"),
            "{ty:?}"
        );
        let r = api.raw(Method::POST, "/v1/ingest", ty, seg.clone()).await;
        assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{ty:?}");
    }
    let r = api
        .raw(Method::POST, "/v1/ingest", "application/json", seg.clone())
        .await;
    assert_eq!(r.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let r = api
        .raw(
            Method::POST,
            "/v1/sessions/s/transcripts",
            "application/json; charset=utf-8",
            seg,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
}

#[tokio::test]
async fn unknown_routes_and_methods_answer_json() {
    let api = Api::new();
    let r = api.get("/v2/nothing").await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::NOT_FOUND, "no_route")
    );
    let r = api.call(Method::PATCH, "/v1/sessions/s1", None).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed")
    );
    assert!(r.headers.contains_key("allow"));
}

#[tokio::test]
async fn bad_input_never_echoes_values() {
    let api = Api::new();
    api.accepted("pii", "user_p").await;
    let secret = "jane.doe@example.com";
    let bodies = [
        json!({"consent": secret}),
        json!({"consent": "ACCEPTED", "user": {"id": secret, "email": 7}}),
        json!({"consent": "ACCEPTED", secret: 1}),
        json!({"consent": "ACCEPTED", "started_at": secret}),
        json!({"consent": "ACCEPTED", "timings": {"first_audio": secret}}),
    ];
    for b in bodies {
        let r = api.put("/v1/sessions/pii", b.clone()).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{b}");
        assert!(!r.text().contains("jane"), "{b} -> {}", r.text());
    }
    for raw in [
        format!("{{\"role\": \"{secret}\"}}"),
        format!("[{{\"role\":\"user\",\"text\":\"x\",\"started_at\":\"{secret}\"}}]"),
        format!("{{{secret}}}"),
    ] {
        let r = api
            .raw(
                Method::POST,
                "/v1/sessions/pii/transcripts",
                "application/json",
                raw.clone(),
            )
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{raw}");
        assert!(!r.text().contains("jane"), "{raw} -> {}", r.text());
    }
    let line = format!("{{\"session_id\":\"pii\",\"type\":\"{secret}\"}}\n");
    let r = api
        .raw(Method::POST, "/v1/ingest", "application/x-ndjson", line)
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(!r.text().contains("jane"), "{}", r.text());
    let r = api.get(&format!("/v1/sessions?consent={secret}")).await;
    assert!(!r.text().contains("jane"), "{}", r.text());
}

#[tokio::test]
async fn a_mebibyte_of_garbage_is_a_400() {
    let api = Api::new();
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let garbage: Vec<u8> = (0..1 << 20)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    for (path, ty) in [
        ("/v1/sessions/g1", "application/json"),
        ("/v1/sessions/g1/transcripts", "application/json"),
        ("/v1/sessions/g1/summary", "application/json"),
        ("/v1/ingest", "application/x-ndjson"),
    ] {
        let m = if path == "/v1/sessions/g1" {
            Method::PUT
        } else {
            Method::POST
        };
        let r = api.raw(m, path, ty, garbage.clone()).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{path}");
        assert!(
            r.body.len() < 64 << 10 || path == "/v1/ingest",
            "{path}: the answer does not echo the body"
        );
    }
}
