//! Deleting one event of a session: the latest item of an agent's memory, a
//! segment a user asked to strike. Physical, like every deletion; the session and
//! its other events stay.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use realtime_store::EventKind;

use super::errors::ReadErrors;
use crate::extract::IdSeqPath;
use crate::state::AppState;
use crate::ApiError;

async fn remove(app: &AppState, id: &str, kind: EventKind, seq: i64) -> Result<Response, ApiError> {
    if app.store.delete_event(id, kind, seq).await? {
        Ok(StatusCode::NO_CONTENT.into_response())
    } else {
        Err(ApiError::not_found("no such event"))
    }
}

/// Deletes one transcript segment (by its `seq`), physically. Its idempotency key
/// goes with it: the same segment sent again is stored again, under a new `seq`.
#[utoipa::path(
    delete,
    path = "/v1/sessions/{id}/transcripts/{seq}",
    tag = "events",
    params(
        ("id" = String, Path, description = "Session id", pattern = "^[A-Za-z0-9_.:@-]{1,128}$", min_length = 1, max_length = 128),
        ("seq" = i64, Path, minimum = 1, description = "The segment's `seq`"),
    ),
    responses((status = 204, description = "Deleted"), ReadErrors)
)]
pub(crate) async fn delete_transcript(
    State(app): State<AppState>,
    IdSeqPath(id, seq): IdSeqPath,
) -> Result<Response, ApiError> {
    remove(&app, &id, EventKind::Transcript, seq).await
}

/// Deletes one tool event (by its `seq`), physically. Its idempotency key goes
/// with it.
#[utoipa::path(
    delete,
    path = "/v1/sessions/{id}/tool-events/{seq}",
    tag = "events",
    params(
        ("id" = String, Path, description = "Session id", pattern = "^[A-Za-z0-9_.:@-]{1,128}$", min_length = 1, max_length = 128),
        ("seq" = i64, Path, minimum = 1, description = "The tool event's `seq`"),
    ),
    responses((status = 204, description = "Deleted"), ReadErrors)
)]
pub(crate) async fn delete_tool_event(
    State(app): State<AppState>,
    IdSeqPath(id, seq): IdSeqPath,
) -> Result<Response, ApiError> {
    remove(&app, &id, EventKind::Tool, seq).await
}
