//! The HTTP API of realtime-store: an [axum](https://docs.rs/axum) [`Router`] over
//! any [`PersistenceStore`], so a Rust platform can embed it and the
//! `realtime-store serve` binary stays thin.
//!
//! - every operation of the contract under `/v1` (sessions, transcripts, tool
//!   events, summary, usage, NDJSON ingest, user erasure, export as JSON or vCon);
//! - `GET /healthz`, `GET /metrics` (Prometheus/OpenMetrics text), `GET /openapi.json`
//!   (OpenAPI 3.1, generated from the handlers' annotations with `utoipa`: routes and
//!   document come from the same registration, so they cannot drift);
//! - errors as `{"error":{"code","message","field"}}`, never quoting the values sent;
//! - a bearer token compared in constant time, body-size and time limits;
//! - the session browser at `/` (plain HTML, CSS and JS embedded in the crate).
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use std::sync::Arc;
//! use realtime_store::{MemoryStore, RealtimeStore};
//! use realtime_store_http::{router, ApiConfig};
//!
//! let store = Arc::new(RealtimeStore::new(MemoryStore::default()));
//! let app = router(store, ApiConfig::default());
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
//! axum::serve(listener, app).await?;
//! # Ok(()) }
//! ```
#![forbid(unsafe_code)]

mod api_error;
mod auth;
mod config;
mod degraded;
mod erased;
mod error;
mod extract;
mod full;
mod metrics;
mod routes;
mod schema;
mod spool_metrics;
mod state;
mod ui;
pub mod vcon;

use std::sync::Arc;

pub use api_error::{ApiError, ErrorBody, ErrorDetail};
pub use auth::{Token, MIN_TOKEN_LEN};
pub use config::ApiConfig;
pub use error::{Error, Result};
pub use full::{load_session, FullSession};
pub use metrics::{Sample, SampleValue, StatsSource};

use axum::Router;
use realtime_store::PersistenceStore;

/// The whole API and the page, over `store`, ready to serve.
pub fn router<S>(store: Arc<S>, config: ApiConfig) -> Router
where
    S: PersistenceStore + StatsSource + 'static,
{
    routes::build(store.clone(), store, config)
}

/// The OpenAPI 3.1 document of [`router`] (what `GET /openapi.json` serves).
pub fn openapi() -> utoipa::openapi::OpenApi {
    routes::openapi()
}
