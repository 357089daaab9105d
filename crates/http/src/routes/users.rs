//! `DELETE /v1/users/{id}`: erasure.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;

use super::errors::ReadErrors;
use crate::extract::IdPath;
use crate::schema::EraseCountsDoc;
use crate::state::AppState;
use crate::ApiError;

/// Erases a user and everything of theirs (sessions, transcripts, tool events,
/// summaries, usage) in one transaction; answers the counts (all zero if the user
/// was not stored).
#[utoipa::path(
    delete,
    path = "/v1/users/{id}",
    tag = "users",
    params(("id" = String, Path, description = "The platform's app user id", pattern = "^[A-Za-z0-9_.:@-]{1,128}$", min_length = 1, max_length = 128)),
    responses((status = 200, description = "Rows removed", body = EraseCountsDoc), ReadErrors)
)]
pub(crate) async fn erase_user(
    State(app): State<AppState>,
    IdPath(id): IdPath,
) -> Result<Response, ApiError> {
    Ok(Json(app.store.erase_user(&id).await?).into_response())
}
