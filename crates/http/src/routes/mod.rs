//! The routes: registered from their `#[utoipa::path]` annotations with
//! `utoipa-axum`, so the OpenAPI document and the router come from one list.

mod errors;
mod events;
mod ingest;
mod remove;
mod sessions;
mod system;
mod users;

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{DefaultBodyLimit, MatchedPath, Request};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::erased::DynStore;
use crate::metrics::{HttpMetrics, StatsSource};
use crate::state::{App, AppState};
use crate::{ApiConfig, ApiError};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "realtime-store",
        description = "Persistence for realtime voice agents: consent-gated, PII-redacted, durable session storage. Every write answers an outcome (persisted, duplicate, buffered, spooled, volatile, dropped); errors are {\"error\":{\"code\",\"message\",\"field\"}}.",
        license(name = "MIT OR Apache-2.0")
    ),
    modifiers(&BearerAuth),
    security(("bearer" = [])),
    components(schemas(
        crate::ErrorBody,
        crate::schema::IngestEventDoc,
        crate::schema::IngestResultDoc,
        crate::schema::ExportFormatDoc
    )),
    tags(
        (name = "sessions", description = "Session metadata: upsert, read, list, delete"),
        (name = "events", description = "Transcripts, tool events, summaries, usage"),
        (name = "users", description = "Erasure of a user and everything of theirs"),
        (name = "system", description = "Health, metrics, this document")
    )
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        doc.components
            .get_or_insert_with(Default::default)
            .add_security_scheme(
                "bearer",
                SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
            );
    }
}

/// The documented routes, split into those behind the token and the open ones.
fn documented() -> (OpenApiRouter<AppState>, OpenApiRouter<AppState>) {
    let protected = OpenApiRouter::new()
        .routes(routes!(sessions::list_sessions))
        .routes(routes!(
            sessions::put_session,
            sessions::get_session,
            sessions::delete_session
        ))
        .routes(routes!(sessions::export_session))
        .routes(routes!(sessions::reconsent))
        .routes(routes!(events::post_transcripts, events::get_transcripts))
        .routes(routes!(events::post_tool_events, events::get_tool_events))
        .routes(routes!(remove::delete_transcript))
        .routes(routes!(remove::delete_tool_event))
        .routes(routes!(
            events::put_summary,
            events::post_summary,
            events::get_summary
        ))
        .routes(routes!(events::post_usage, events::get_usage))
        .routes(routes!(ingest::ingest))
        .routes(routes!(users::erase_user))
        .routes(routes!(system::metrics))
        .routes(routes!(system::openapi_json));
    let open = OpenApiRouter::new().routes(routes!(system::healthz));
    (protected, open)
}

/// The OpenAPI document.
pub(crate) fn openapi() -> utoipa::openapi::OpenApi {
    let (protected, open) = documented();
    let mut doc = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(protected)
        .merge(open)
        .into_openapi();
    // After the merge: the header goes on the routes' own answers.
    crate::degraded::DegradedHeader.modify(&mut doc);
    // `/healthz` answers without the token.
    if let Some(item) = doc.paths.paths.get_mut("/healthz") {
        if let Some(op) = item.get.as_mut() {
            op.security = Some(vec![
                utoipa::openapi::security::SecurityRequirement::default(),
            ]);
        }
    }
    doc
}

pub(crate) fn build(
    store: Arc<dyn DynStore>,
    stats: Arc<dyn StatsSource>,
    config: ApiConfig,
) -> Router {
    let doc = openapi();
    let openapi_json = serde_json::to_vec(&doc).unwrap_or_default().into();
    let token = config.token.clone().map(Arc::new);
    let timeout = config.request_timeout;
    let max_body = config.max_body_bytes;
    let max_ingest = config.max_ingest_bytes.max(max_body);
    let app: AppState = Arc::new(App {
        store,
        stats,
        metrics: HttpMetrics::new(),
        config,
        openapi_json,
    });
    let (protected, open) = documented();
    let protected: Router<AppState> = Router::from(protected).route_layer(
        middleware::from_fn_with_state(token, crate::auth::require_token),
    );
    let open: Router<AppState> = Router::from(open).merge(crate::ui::routes());
    protected
        .merge(open)
        .fallback(|| async { ApiError::no_route() })
        .layer(middleware::from_fn_with_state(
            app.clone(),
            crate::degraded::mark,
        ))
        .layer(middleware::from_fn_with_state(
            app.clone(),
            crate::metrics::track,
        ))
        .layer(DefaultBodyLimit::max(max_body))
        .layer(RequestBodyLimitLayer::new(max_ingest))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            timeout,
        ))
        .layer(trace_layer())
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(|_| {
            tracing::error!("a handler panicked");
            ApiError::internal().into_response()
        }))
        .layer(middleware::from_fn(json_errors))
        .with_state(app)
}

type Trace = TraceLayer<
    tower_http::classify::SharedClassifier<tower_http::classify::ServerErrorsAsFailures>,
    fn(&Request) -> tracing::Span,
    (),
    fn(&Response, Duration, &tracing::Span),
    tower_http::trace::DefaultOnBodyChunk,
    tower_http::trace::DefaultOnEos,
    fn(tower_http::classify::ServerErrorsFailureClass, Duration, &tracing::Span),
>;

/// Logs carry the method, the matched route template, the status and the latency:
/// never the raw path or query (they hold ids), headers (the token) or bodies.
fn trace_layer() -> Trace {
    TraceLayer::new_for_http()
        .make_span_with(make_span as fn(&Request) -> tracing::Span)
        .on_request(())
        .on_response(on_response as fn(&Response, Duration, &tracing::Span))
        .on_failure(
            on_failure
                as fn(tower_http::classify::ServerErrorsFailureClass, Duration, &tracing::Span),
        )
}

/// A 503 (the database and the spool unavailable, a timeout) is an expected,
/// handled condition during an outage: a warning, not an error per request.
fn on_failure(
    class: tower_http::classify::ServerErrorsFailureClass,
    latency: Duration,
    _: &tracing::Span,
) {
    use tower_http::classify::ServerErrorsFailureClass as C;
    let latency_us = latency.as_micros() as u64;
    match class {
        C::StatusCode(s) if s == StatusCode::SERVICE_UNAVAILABLE => {
            tracing::warn!(status = s.as_u16(), latency_us, "unavailable");
        }
        other => tracing::error!(classification = %other, latency_us, "failed"),
    }
}

fn make_span(req: &Request) -> tracing::Span {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", |p| p.as_str());
    tracing::info_span!("http", method = %req.method(), route = %route)
}

fn on_response(res: &Response, latency: Duration, _: &tracing::Span) {
    tracing::debug!(
        status = res.status().as_u16(),
        latency_us = latency.as_micros() as u64,
        "answered"
    );
}

/// Every error answer is JSON: bare statuses from the router or a layer (405, 413,
/// timeouts) get the `{"error":...}` body, and 429/503 always carry `Retry-After`.
async fn json_errors(req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let is_json = res.headers().get(header::CONTENT_TYPE).is_some_and(|v| {
        let v = v.as_bytes();
        v.starts_with(b"application/json") || v.starts_with(b"application/x-ndjson")
    });
    let mut res = if is_json {
        res
    } else {
        let mut fresh = ApiError::from_status(status).into_response();
        if let Some(allow) = res.headers().get(header::ALLOW) {
            fresh.headers_mut().insert(header::ALLOW, allow.clone());
        }
        fresh
    };
    if matches!(
        res.status(),
        StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
    ) && !res.headers().contains_key(header::RETRY_AFTER)
    {
        res.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    }
    res
}
