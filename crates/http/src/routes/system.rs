//! `/healthz`, `/metrics`, `/openapi.json`.

use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use super::errors::ReadErrors;
use crate::schema::HealthDoc;
use crate::state::AppState;

#[derive(Serialize)]
struct HealthReport {
    status: &'static str,
    #[serde(flatten)]
    health: realtime_store::Health,
    /// The fallback spool's figures (the same as in `/metrics`), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    spool: Option<realtime_store::SpoolStats>,
}

/// Health: 200 `ok`; 200 `degraded` when writes wait in the spool (or the fallback
/// is active); 503 `unavailable` when the primary is unreachable and there is no
/// fallback. Answers without the token (it shows no content).
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "system",
    responses(
        (status = 200, description = "ok or degraded", body = HealthDoc),
        (status = 503, description = "unavailable", body = HealthDoc),
    )
)]
pub(crate) async fn healthz(State(app): State<AppState>) -> Response {
    let h = app.store.health().await;
    let (code, status) = if !h.backend_reachable && !h.fallback_active {
        (StatusCode::SERVICE_UNAVAILABLE, "unavailable")
    } else if h.fallback_active || h.spool_depth > 0 || !h.backend_reachable {
        (StatusCode::OK, "degraded")
    } else {
        (StatusCode::OK, "ok")
    };
    // After `health()`, which refreshed the spool's figures.
    let spool = app.stats.spool();
    let report = HealthReport {
        status,
        health: h,
        spool,
    };
    let mut res = (code, Json(report)).into_response();
    if code == StatusCode::SERVICE_UNAVAILABLE {
        res.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
    }
    res
}

/// Metrics in the Prometheus (OpenMetrics) text format.
#[utoipa::path(
    get,
    path = "/metrics",
    tag = "system",
    responses(
        (status = 200, description = "OpenMetrics text", body = String, content_type = "application/openmetrics-text"),
        ReadErrors
    )
)]
pub(crate) async fn metrics(State(app): State<AppState>) -> Response {
    let health = app.store.health().await;
    let mut samples = app.stats.samples();
    samples.extend(crate::metrics::health_samples(&health));
    samples.extend(crate::metrics::process_samples());
    let text = app.metrics.render(samples).await;
    let mut res = text.into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/openmetrics-text; version=1.0.0; charset=utf-8"),
    );
    res
}

/// This document: OpenAPI 3.1, generated from the code.
#[utoipa::path(
    get,
    path = "/openapi.json",
    tag = "system",
    responses((status = 200, description = "The OpenAPI document", body = Object), ReadErrors)
)]
pub(crate) async fn openapi_json(State(app): State<AppState>) -> Response {
    let mut res = app.openapi_json.clone().into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    res
}
