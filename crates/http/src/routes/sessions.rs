//! Sessions: upsert, read, list, delete, export.

use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use realtime_store::{Consent, SessionFilter, SessionMeta, SessionStatus};
use serde_json::Value;

use super::errors::{ReadErrors, WriteErrors};
use crate::extract::{from_value, IdPath, JsonBody, QueryPairs};
use crate::schema::{FullSessionDoc, OutcomeDoc, SessionDoc, SessionMetaDoc, SessionPageDoc};
use crate::state::AppState;
use crate::ApiError;

/// Creates or updates a session (an upsert): consent, timings, config, end time
/// (`ended_at` marks it ended). Nothing is stored until consent is `ACCEPTED`.
#[utoipa::path(
    put,
    path = "/v1/sessions/{id}",
    tag = "sessions",
    params(("id" = String, Path, description = "Session id, `[A-Za-z0-9_.:@-]{1,128}`", pattern = "^[A-Za-z0-9_.:@-]{1,128}$", min_length = 1, max_length = 128)),
    request_body(content = SessionMetaDoc, content_type = "application/json"),
    responses((status = 200, description = "The write's outcome", body = OutcomeDoc), WriteErrors)
)]
pub(crate) async fn put_session(
    State(app): State<AppState>,
    IdPath(id): IdPath,
    JsonBody(body): JsonBody<serde_json::Map<String, Value>>,
) -> Result<Response, ApiError> {
    let meta = meta_for(&id, body)?;
    let o = app.store.save_session_meta(meta).await?;
    app.metrics.write("session", o);
    Ok(Json(o).into_response())
}

/// One stored session.
#[utoipa::path(
    get,
    path = "/v1/sessions/{id}",
    tag = "sessions",
    params(("id" = String, Path, description = "Session id", pattern = "^[A-Za-z0-9_.:@-]{1,128}$", min_length = 1, max_length = 128)),
    responses((status = 200, description = "The session", body = SessionDoc), ReadErrors)
)]
pub(crate) async fn get_session(
    State(app): State<AppState>,
    IdPath(id): IdPath,
) -> Result<Response, ApiError> {
    match app.store.get_session(&id).await? {
        Some(s) => Ok(Json(s).into_response()),
        None => Err(ApiError::not_found("no such session")),
    }
}

/// Deletes a session and everything of it.
#[utoipa::path(
    delete,
    path = "/v1/sessions/{id}",
    tag = "sessions",
    params(("id" = String, Path, description = "Session id", pattern = "^[A-Za-z0-9_.:@-]{1,128}$", min_length = 1, max_length = 128)),
    responses((status = 204, description = "Deleted"), ReadErrors)
)]
pub(crate) async fn delete_session(
    State(app): State<AppState>,
    IdPath(id): IdPath,
) -> Result<Response, ApiError> {
    if app.store.delete_session(&id).await? {
        Ok(StatusCode::NO_CONTENT.into_response())
    } else {
        Err(ApiError::not_found("no such session"))
    }
}

const LIST_PARAMS: &[&str] = &[
    "user_id",
    "started_after",
    "started_before",
    "consent",
    "status",
    "cursor",
    "limit",
];

/// Stored sessions, newest first, filtered, paginated by cursor.
#[utoipa::path(
    get,
    path = "/v1/sessions",
    tag = "sessions",
    params(
        ("user_id" = Option<String>, Query, description = "Only this user's sessions", pattern = "^[A-Za-z0-9_.:@-]{1,128}$", min_length = 1, max_length = 128),
        ("started_after" = Option<String>, Query, description = "Started at or after (RFC 3339 or epoch ms)"),
        ("started_before" = Option<String>, Query, description = "Started before (RFC 3339 or epoch ms)"),
        ("consent" = Option<crate::schema::ConsentDoc>, Query, description = "Stored consent"),
        ("status" = Option<crate::schema::StatusDoc>, Query, description = "`active` or `ended`"),
        ("cursor" = Option<String>, Query, description = "`next_cursor` of the previous page"),
        ("limit" = Option<u32>, Query, minimum = 1, maximum = 1000, description = "Page size (default 50)"),
    ),
    responses((status = 200, description = "A page of sessions", body = SessionPageDoc), ReadErrors)
)]
// `SessionFilter` is becoming `#[non_exhaustive]`: built by assignment, not a literal.
#[allow(clippy::field_reassign_with_default)]
pub(crate) async fn list_sessions(
    State(app): State<AppState>,
    q: QueryPairs,
) -> Result<Response, ApiError> {
    q.check(LIST_PARAMS)?;
    let mut f = SessionFilter::default();
    f.user_id = q.get("user_id").map(str::to_owned);
    f.started_after = q.time("started_after")?;
    f.started_before = q.time("started_before")?;
    f.consent = q
        .get("consent")
        .map(|c| {
            Consent::parse(c).ok_or_else(|| {
                ApiError::validation("consent", "must be ACCEPTED, DECLINED or PENDING")
            })
        })
        .transpose()?;
    f.status = q
        .get("status")
        .map(|s| {
            SessionStatus::parse(s)
                .ok_or_else(|| ApiError::validation("status", "must be active or ended"))
        })
        .transpose()?;
    f.cursor = q.get("cursor").map(str::to_owned);
    f.limit = q.limit()?;
    Ok(Json(app.store.list_sessions(&f).await?).into_response())
}

/// A session with everything of it, as JSON (`format=json`, the default; one line
/// of `realtime-store export`) or as an IETF vCon (`format=vcon`).
#[utoipa::path(
    get,
    path = "/v1/sessions/{id}/export",
    tag = "sessions",
    params(
        ("id" = String, Path, description = "Session id", pattern = "^[A-Za-z0-9_.:@-]{1,128}$", min_length = 1, max_length = 128),
        ("format" = Option<crate::schema::ExportFormatDoc>, Query, description = "`json` (default) or `vcon`"),
    ),
    responses(
        (status = 200, description = "The session (JSON) or its vCon", content(
            (FullSessionDoc = "application/json"),
        )),
        ReadErrors
    )
)]
pub(crate) async fn export_session(
    State(app): State<AppState>,
    IdPath(id): IdPath,
    q: QueryPairs,
) -> Result<Response, ApiError> {
    q.check(&["format"])?;
    let vcon = match q.get("format") {
        None | Some("json") => false,
        Some("vcon") => true,
        Some(_) => return Err(ApiError::validation("format", "must be json or vcon")),
    };
    let Some(full) = crate::full::load(app.store.as_ref(), &id).await? else {
        return Err(ApiError::not_found("no such session"));
    };
    let (mut res, ext) = if vcon {
        (
            Json(crate::vcon::to_vcon(&full)).into_response(),
            "vcon.json",
        )
    } else {
        (Json(full).into_response(), "json")
    };
    // The id passed validation: `[A-Za-z0-9_.:@-]` only.
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{id}.{ext}\"")) {
        res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

/// An explicit re-consent: stores the session as `ACCEPTED` again after a
/// withdrawal, deletion or erasure left a tombstone (a plain `PUT` never lifts
/// one). The body is the session meta; its `consent`, if given, must be `ACCEPTED`.
#[utoipa::path(
    post,
    path = "/v1/sessions/{id}/reconsent",
    tag = "sessions",
    params(("id" = String, Path, description = "Session id", pattern = "^[A-Za-z0-9_.:@-]{1,128}$", min_length = 1, max_length = 128)),
    request_body(content = SessionMetaDoc, content_type = "application/json"),
    responses((status = 200, description = "The write's outcome", body = OutcomeDoc), WriteErrors)
)]
pub(crate) async fn reconsent(
    State(app): State<AppState>,
    IdPath(id): IdPath,
    JsonBody(mut body): JsonBody<serde_json::Map<String, Value>>,
) -> Result<Response, ApiError> {
    match body.get("consent") {
        None => {
            body.insert("consent".into(), Value::String("ACCEPTED".into()));
        }
        Some(Value::String(c)) if c == "ACCEPTED" => {}
        Some(_) => {
            return Err(ApiError::validation(
                "consent",
                "must be ACCEPTED for a re-consent",
            ))
        }
    }
    let meta = meta_for(&id, body)?;
    let o = app.store.reconsent(meta).await?;
    app.metrics.write("session", o);
    Ok(Json(o).into_response())
}

/// The session meta of a body, its `session_id` taken from the path.
fn meta_for(id: &str, mut body: serde_json::Map<String, Value>) -> Result<SessionMeta, ApiError> {
    match body.get("session_id") {
        None => {
            body.insert("session_id".into(), Value::String(id.to_owned()));
        }
        Some(Value::String(s)) if s == id => {}
        Some(_) => {
            return Err(ApiError::validation(
                "session_id",
                "must equal the session id of the path",
            ))
        }
    }
    from_value(Value::Object(body))
}
