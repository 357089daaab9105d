//! No malformed request ever gets a 5xx (random methods, paths, headers, bodies).

use axum::body::Body;
use axum::http::Request;
use proptest::prelude::*;

use super::common::{Api, TOKEN};

const PATHS: &[&str] = &[
    "/v1/sessions",
    "/v1/sessions/s1",
    "/v1/sessions/s1/transcripts",
    "/v1/sessions/s1/tool-events",
    "/v1/sessions/s1/summary",
    "/v1/sessions/s1/usage",
    "/v1/sessions/s1/export",
    "/v1/ingest",
    "/v1/users/u1",
    "/healthz",
    "/metrics",
    "/openapi.json",
    "/",
    "/nope",
];
const METHODS: &[&str] = &["GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS"];
const TYPES: &[&str] = &[
    "application/json",
    "application/x-ndjson",
    "text/plain",
    "application/json; charset=utf-8",
    "",
];

fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..512),
        "[ -~]{0,200}".prop_map(String::into_bytes),
        // JSON-ish: the shapes of the model with random values.
        (any::<i64>(), "[a-z@._ ]{0,20}", prop::sample::select(vec!["user", "robot", "ACCEPTED", "", "null"]))
            .prop_map(|(n, s, e)| format!(
                r#"{{"consent":"{e}","role":"{e}","text":"{s}","started_at":{n},"session_id":"{s}","type":"{e}","kind":"{s}","value":{n},"at":"{s}","args":[{n}],"key_points":[{n}]}}"#
            ).into_bytes()),
        Just(b"[{}, [], null, 1e999, \"\\ud800\"]".to_vec()),
    ]
}

fn path() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(PATHS).prop_map(str::to_owned),
        (prop::sample::select(PATHS), "[a-zA-Z0-9%?=&_.:@/-]{0,40}")
            .prop_map(|(p, s)| format!("{p}{s}")),
        "/v1/sessions/[^/?#]{1,20}".prop_map(|s| format!(
            "/v1/sessions/{}",
            s.bytes().map(|b| format!("%{b:02X}")).collect::<String>()
        )),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn never_a_server_error(
        method in prop::sample::select(METHODS),
        path in path(),
        ty in prop::sample::select(TYPES),
        auth in any::<bool>(),
        extra in proptest::option::of(("x-[a-z]{1,10}", "[ -~]{0,40}")),
        body in body(),
    ) {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let api = Api::new();
        let status = rt.block_on(async {
            let mut b = Request::builder().method(method).uri(path.as_str());
            if !ty.is_empty() {
                b = b.header("content-type", ty);
            }
            if auth {
                b = b.header("authorization", format!("Bearer {TOKEN}"));
            }
            if let Some((k, v)) = &extra {
                b = b.header(k.as_str(), v.as_str());
            }
            let req = match b.body(Body::from(body)) {
                Ok(r) => r,
                Err(_) => return None,
            };
            let r = api.send(req).await;
            if r.status.as_u16() >= 400 && method != "HEAD" {
                // Every error is the JSON error shape.
                let j: serde_json::Value = serde_json::from_slice(&r.body).ok()?;
                if j["error"]["code"].is_null() && !(path.starts_with("/v1/ingest") && r.status == 400) {
                    panic!("not an error body: {j}");
                }
            }
            Some(r.status)
        });
        if let Some(s) = status {
            prop_assert!(s.as_u16() < 500, "{method} {path} -> {s}");
        }
    }
}
