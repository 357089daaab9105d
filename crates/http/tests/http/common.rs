//! One helper to call the router: `Api::call(method, path, body)`.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use realtime_store::{MemoryStore, RealtimeStore};
use realtime_store_http::{router, ApiConfig, Token};
use serde_json::Value;
use tower::ServiceExt;

pub(crate) const TOKEN: &str = "test-token-0123456789abcdef";

pub(crate) struct Api {
    pub(crate) router: Router,
    #[allow(dead_code)] // for tests that look behind the API
    pub(crate) store: Arc<RealtimeStore<MemoryStore>>,
    pub(crate) token: Option<&'static str>,
}

#[derive(Debug)]
pub(crate) struct Resp {
    pub(crate) status: StatusCode,
    pub(crate) headers: axum::http::HeaderMap,
    pub(crate) body: Vec<u8>,
}

impl Resp {
    pub(crate) fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The `code` of an error answer (and checks its shape).
    pub(crate) fn code(&self) -> String {
        let j = self.json();
        let e = &j["error"];
        assert!(e["message"].is_string(), "{j}");
        assert!(e.get("field").is_some(), "{j}");
        e["code"].as_str().expect("code").to_owned()
    }

    pub(crate) fn ndjson(&self) -> Vec<Value> {
        self.text()
            .lines()
            .map(|l| serde_json::from_str(l).expect("json line"))
            .collect()
    }
}

impl Api {
    /// A router with a token, over a fresh memory store.
    pub(crate) fn new() -> Self {
        Self::with(|c| c.token = Some(Token::new(TOKEN).unwrap()))
    }

    pub(crate) fn with(f: impl FnOnce(&mut ApiConfig)) -> Self {
        let store = Arc::new(RealtimeStore::new(MemoryStore::default()));
        let mut cfg = ApiConfig::default();
        f(&mut cfg);
        let token = cfg.token.as_ref().map(|_| TOKEN);
        Api {
            router: router(store.clone(), cfg),
            store,
            token,
        }
    }

    pub(crate) async fn send(&self, req: Request<Body>) -> Resp {
        let res = self.router.clone().oneshot(req).await.expect("infallible");
        let status = res.status();
        let headers = res.headers().clone();
        let body = res
            .into_body()
            .collect()
            .await
            .expect("body")
            .to_bytes()
            .to_vec();
        Resp {
            status,
            headers,
            body,
        }
    }

    /// A request with the token, a JSON body when `body` is given.
    pub(crate) async fn call(&self, method: Method, path: &str, body: Option<Value>) -> Resp {
        let mut b = Request::builder().method(method).uri(path);
        if let Some(t) = self.token {
            b = b.header("authorization", format!("Bearer {t}"));
        }
        let req = match body {
            Some(v) => b
                .header("content-type", "application/json")
                .body(Body::from(serde_json::to_vec(&v).unwrap())),
            None => b.body(Body::empty()),
        }
        .unwrap();
        self.send(req).await
    }

    /// A request with the token and a raw body of the given content type.
    pub(crate) async fn raw(
        &self,
        method: Method,
        path: &str,
        ty: &str,
        body: impl Into<Body>,
    ) -> Resp {
        let mut b = Request::builder()
            .method(method)
            .uri(path)
            .header("content-type", ty);
        if let Some(t) = self.token {
            b = b.header("authorization", format!("Bearer {t}"));
        }
        self.send(b.body(body.into()).unwrap()).await
    }

    pub(crate) async fn get(&self, path: &str) -> Resp {
        self.call(Method::GET, path, None).await
    }

    pub(crate) async fn put(&self, path: &str, body: Value) -> Resp {
        self.call(Method::PUT, path, Some(body)).await
    }

    pub(crate) async fn post(&self, path: &str, body: Value) -> Resp {
        self.call(Method::POST, path, Some(body)).await
    }

    /// Stores an accepted session.
    pub(crate) async fn accepted(&self, id: &str, user: &str) {
        let r = self
            .put(
                &format!("/v1/sessions/{id}"),
                serde_json::json!({"consent": "ACCEPTED", "user": {"id": user}}),
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    }
}

/// Epoch ms a minute ago (valid for the store's timestamp rules).
pub(crate) fn recent() -> i64 {
    realtime_store::Timestamp::now().as_millis() - 60_000
}
