//! [`ApiConfig`]: limits and auth of the router.

use std::time::Duration;

use crate::Token;

/// Limits and auth of the router. Build it with `ApiConfig::default()` then set
/// fields (it is `#[non_exhaustive]`).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ApiConfig {
    /// The bearer token every route but `/healthz` and the page's static files
    /// requires. `None`: no auth (only sensible on a loopback address).
    pub token: Option<Token>,
    /// Largest JSON body, in bytes (413 beyond).
    pub max_body_bytes: usize,
    /// Largest NDJSON body of `POST /v1/ingest`, in bytes (413 beyond).
    pub max_ingest_bytes: usize,
    /// Most non-blank lines (events) in one `POST /v1/ingest` (413 beyond).
    pub max_ingest_lines: usize,
    /// Longest time a request may take, body included (503 with `Retry-After` beyond).
    pub request_timeout: Duration,
}

impl Default for ApiConfig {
    fn default() -> Self {
        ApiConfig {
            token: None,
            max_body_bytes: 4 << 20,
            max_ingest_bytes: 64 << 20,
            max_ingest_lines: 10_000,
            request_timeout: Duration::from_secs(30),
        }
    }
}
