//! A session's events: transcripts, tool events, summary, usage.

use axum::extract::{Request, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use realtime_store::{
    Event, PageRequest, Summary, ToolEvent, TranscriptSegment, UsageEvent, WriteOutcome,
};
use serde::de::DeserializeOwned;

use super::errors::{ReadErrors, WriteErrors};
use crate::extract::{json_bytes, one_or_many, IdPath, JsonBody, OneOrMany, QueryPairs};
use crate::schema::{
    OutcomeDoc, OutcomeOrOutcomesDoc, SegmentPageDoc, SegmentsBodyDoc, StoredSummaryDoc,
    SummaryDoc, ToolEventPageDoc, ToolEventsBodyDoc, UsageBodyDoc, UsageReportDoc,
};
use crate::state::AppState;
use crate::ApiError;

/// Appends one event or an array of them (validated whole), answering one outcome
/// or `{"outcomes": [...]}`.
async fn append<T: DeserializeOwned>(
    app: &AppState,
    id: &str,
    req: Request,
    kind: &'static str,
    wrap: fn(T) -> Event,
) -> Result<Response, ApiError> {
    let bytes = json_bytes(req, &()).await?;
    match one_or_many::<T>(&bytes)? {
        OneOrMany::One(e) => {
            let out = app.store.append_events(id, vec![wrap(e)]).await?;
            app.metrics.writes(kind, &out);
            let o = out.first().copied().unwrap_or(WriteOutcome::Duplicate);
            Ok(Json(o).into_response())
        }
        OneOrMany::Many(es) => {
            let out = app
                .store
                .append_events(id, es.into_iter().map(wrap).collect())
                .await?;
            app.metrics.writes(kind, &out);
            Ok(Json(serde_json::json!({ "outcomes": out })).into_response())
        }
    }
}

/// `cursor` and `limit` of a child read.
#[allow(clippy::field_reassign_with_default)] // built by assignment: may become non-exhaustive
fn page(q: &QueryPairs) -> Result<PageRequest, ApiError> {
    q.check(&["cursor", "limit"])?;
    let mut p = PageRequest::default();
    p.cursor = q.get("cursor").map(str::to_owned);
    p.limit = q.limit()?;
    Ok(p)
}

/// An empty answer for a session that is not stored is a 404.
async fn ensure_session(app: &AppState, id: &str) -> Result<(), ApiError> {
    match app.store.get_session(id).await? {
        Some(_) => Ok(()),
        None => Err(ApiError::not_found("no such session")),
    }
}

/// Appends transcript segments (one object, or an array validated whole). Held in
/// memory until consent is `ACCEPTED`; redacted before storage.
#[utoipa::path(
    post,
    path = "/v1/sessions/{id}/transcripts",
    tag = "events",
    params(("id" = String, Path, description = "Session id", pattern = "^[A-Za-z0-9_.:@-]{1,128}$", min_length = 1, max_length = 128)),
    request_body(content = SegmentsBodyDoc, content_type = "application/json"),
    responses((status = 200, description = "One outcome per segment", body = OutcomeOrOutcomesDoc), WriteErrors)
)]
pub(crate) async fn post_transcripts(
    State(app): State<AppState>,
    IdPath(id): IdPath,
    req: Request,
) -> Result<Response, ApiError> {
    append::<TranscriptSegment>(&app, &id, req, "transcript", Event::Transcript).await
}

/// Transcript segments in order (redacted).
#[utoipa::path(
    get,
    path = "/v1/sessions/{id}/transcripts",
    tag = "events",
    params(
        ("id" = String, Path, description = "Session id", pattern = "^[A-Za-z0-9_.:@-]{1,128}$", min_length = 1, max_length = 128),
        ("cursor" = Option<String>, Query, description = "`next_cursor` of the previous page"),
        ("limit" = Option<u32>, Query, minimum = 1, maximum = 1000, description = "Page size (default 100)"),
    ),
    responses((status = 200, description = "A page of segments", body = SegmentPageDoc), ReadErrors)
)]
pub(crate) async fn get_transcripts(
    State(app): State<AppState>,
    IdPath(id): IdPath,
    q: QueryPairs,
) -> Result<Response, ApiError> {
    let p = page(&q)?;
    let res = app.store.get_transcripts(&id, &p).await?;
    if res.items.is_empty() && p.cursor.is_none() {
        ensure_session(&app, &id).await?;
    }
    Ok(Json(res).into_response())
}

/// Appends tool calls (one object, or an array validated whole); every string in
/// `args` and `result` is redacted, keys kept.
#[utoipa::path(
    post,
    path = "/v1/sessions/{id}/tool-events",
    tag = "events",
    params(("id" = String, Path, description = "Session id", pattern = "^[A-Za-z0-9_.:@-]{1,128}$", min_length = 1, max_length = 128)),
    request_body(content = ToolEventsBodyDoc, content_type = "application/json"),
    responses((status = 200, description = "One outcome per tool event", body = OutcomeOrOutcomesDoc), WriteErrors)
)]
pub(crate) async fn post_tool_events(
    State(app): State<AppState>,
    IdPath(id): IdPath,
    req: Request,
) -> Result<Response, ApiError> {
    append::<ToolEvent>(&app, &id, req, "tool_event", Event::ToolEvent).await
}

/// Tool events in order (redacted).
#[utoipa::path(
    get,
    path = "/v1/sessions/{id}/tool-events",
    tag = "events",
    params(
        ("id" = String, Path, description = "Session id", pattern = "^[A-Za-z0-9_.:@-]{1,128}$", min_length = 1, max_length = 128),
        ("cursor" = Option<String>, Query, description = "`next_cursor` of the previous page"),
        ("limit" = Option<u32>, Query, minimum = 1, maximum = 1000, description = "Page size (default 100)"),
    ),
    responses((status = 200, description = "A page of tool events", body = ToolEventPageDoc), ReadErrors)
)]
pub(crate) async fn get_tool_events(
    State(app): State<AppState>,
    IdPath(id): IdPath,
    q: QueryPairs,
) -> Result<Response, ApiError> {
    let p = page(&q)?;
    let res = app.store.get_tool_events(&id, &p).await?;
    if res.items.is_empty() && p.cursor.is_none() {
        ensure_session(&app, &id).await?;
    }
    Ok(Json(res).into_response())
}

async fn summary(app: &AppState, id: &str, s: Summary) -> Result<Response, ApiError> {
    let out = app.store.append_events(id, vec![Event::Summary(s)]).await?;
    app.metrics.writes("summary", &out);
    let o = out.first().copied().unwrap_or(WriteOutcome::Duplicate);
    Ok(Json(o).into_response())
}

/// Stores a new summary version (the latest is "the" summary). Same as `POST`.
#[utoipa::path(
    put,
    path = "/v1/sessions/{id}/summary",
    tag = "events",
    params(("id" = String, Path, description = "Session id", pattern = "^[A-Za-z0-9_.:@-]{1,128}$", min_length = 1, max_length = 128)),
    request_body(content = SummaryDoc, content_type = "application/json"),
    responses((status = 200, description = "The write's outcome", body = OutcomeDoc), WriteErrors)
)]
pub(crate) async fn put_summary(
    State(app): State<AppState>,
    IdPath(id): IdPath,
    JsonBody(s): JsonBody<Summary>,
) -> Result<Response, ApiError> {
    summary(&app, &id, s).await
}

/// Stores a new summary version (the latest is "the" summary). Same as `PUT`.
#[utoipa::path(
    post,
    path = "/v1/sessions/{id}/summary",
    tag = "events",
    params(("id" = String, Path, description = "Session id", pattern = "^[A-Za-z0-9_.:@-]{1,128}$", min_length = 1, max_length = 128)),
    request_body(content = SummaryDoc, content_type = "application/json"),
    responses((status = 200, description = "The write's outcome", body = OutcomeDoc), WriteErrors)
)]
pub(crate) async fn post_summary(
    State(app): State<AppState>,
    IdPath(id): IdPath,
    JsonBody(s): JsonBody<Summary>,
) -> Result<Response, ApiError> {
    summary(&app, &id, s).await
}

/// The latest summary.
#[utoipa::path(
    get,
    path = "/v1/sessions/{id}/summary",
    tag = "events",
    params(("id" = String, Path, description = "Session id", pattern = "^[A-Za-z0-9_.:@-]{1,128}$", min_length = 1, max_length = 128)),
    responses((status = 200, description = "The latest summary", body = StoredSummaryDoc), ReadErrors)
)]
pub(crate) async fn get_summary(
    State(app): State<AppState>,
    IdPath(id): IdPath,
) -> Result<Response, ApiError> {
    match app.store.get_summary(&id).await? {
        Some(s) => Ok(Json(s).into_response()),
        None => {
            ensure_session(&app, &id).await?;
            Err(ApiError::not_found("the session has no summary"))
        }
    }
}

/// Records usage figures (one object, or an array validated whole).
#[utoipa::path(
    post,
    path = "/v1/sessions/{id}/usage",
    tag = "events",
    params(("id" = String, Path, description = "Session id", pattern = "^[A-Za-z0-9_.:@-]{1,128}$", min_length = 1, max_length = 128)),
    request_body(content = UsageBodyDoc, content_type = "application/json"),
    responses((status = 200, description = "One outcome per usage event", body = OutcomeOrOutcomesDoc), WriteErrors)
)]
pub(crate) async fn post_usage(
    State(app): State<AppState>,
    IdPath(id): IdPath,
    req: Request,
) -> Result<Response, ApiError> {
    append::<UsageEvent>(&app, &id, req, "usage", Event::Usage).await
}

/// Usage events and totals by kind.
#[utoipa::path(
    get,
    path = "/v1/sessions/{id}/usage",
    tag = "events",
    params(("id" = String, Path, description = "Session id", pattern = "^[A-Za-z0-9_.:@-]{1,128}$", min_length = 1, max_length = 128)),
    responses((status = 200, description = "Usage events and totals", body = UsageReportDoc), ReadErrors)
)]
pub(crate) async fn get_usage(
    State(app): State<AppState>,
    IdPath(id): IdPath,
) -> Result<Response, ApiError> {
    let r = app.store.get_usage(&id).await?;
    if r.events.is_empty() {
        ensure_session(&app, &id).await?;
    }
    Ok(Json(r).into_response())
}
