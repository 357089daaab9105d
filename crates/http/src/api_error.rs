//! [`ApiError`]: every error answer of the API, as `{"error":{"code","message","field"}}`.

use std::borrow::Cow;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

/// An error answer: a status, a stable machine-readable `code`, a message for people
/// and, for bad input, the offending `field` (a path like `events[3].started_at`).
///
/// Messages name fields and rules, never the values sent.
#[derive(Debug, Clone)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: Cow<'static, str>,
    field: Option<String>,
    retry_after: Option<u32>,
}

/// The JSON body of an error answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// What went wrong.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable machine-readable code: `validation`, `invalid_json`, `unauthorized`,
    /// `not_found`, `no_route`, `method_not_allowed`, `batch_rejected`, `conflict`, `payload_too_large`,
    /// `unsupported_media_type`, `overloaded`, `unavailable`, `timeout`, `internal`.
    #[schema(example = "validation")]
    pub code: String,
    /// A sentence for people. Never contains the values sent.
    #[schema(example = "invalid `started_at`: must be after 2000-01-01")]
    pub message: String,
    /// The offending field, as a path, for bad input.
    #[schema(example = "started_at")]
    pub field: Option<String>,
}

impl ApiError {
    /// An error with a status, a code and a message.
    pub fn new(
        status: StatusCode,
        code: &'static str,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            field: None,
            retry_after: None,
        }
    }

    /// 400: `field` broke `rule`.
    pub fn validation(field: impl Into<String>, rule: impl std::fmt::Display) -> Self {
        let field = field.into();
        let message = format!("invalid `{field}`: {rule}");
        ApiError {
            field: Some(field),
            ..ApiError::new(StatusCode::BAD_REQUEST, "validation", message)
        }
    }

    /// 404.
    pub fn not_found(what: &'static str) -> Self {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", what)
    }

    /// 404 of the router itself: no route has this path.
    pub fn no_route() -> Self {
        ApiError::new(StatusCode::NOT_FOUND, "no_route", "no such route")
    }

    /// 401.
    pub fn unauthorized() -> Self {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "unauthorized",
            "a valid bearer token is required (Authorization: Bearer <token>)",
        )
    }

    /// 413.
    pub fn too_large(message: impl Into<Cow<'static, str>>) -> Self {
        ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", message)
    }

    /// 415, naming the accepted media types.
    pub fn unsupported_media_type(expected: &'static str) -> Self {
        ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!("the body must be {expected} (Content-Type header)"),
        )
    }

    /// 500: a genuine failure of the server or its storage (details in the log).
    pub fn internal() -> Self {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the server failed; the log has the details",
        )
    }

    /// Asks the client to retry after `secs` seconds (`Retry-After`).
    pub fn retry_after(mut self, secs: u32) -> Self {
        self.retry_after = Some(secs);
        self
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The machine-readable code.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The offending field, if any.
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    /// The body, as it is sent.
    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            error: ErrorDetail {
                code: self.code.to_owned(),
                message: self.message.clone().into_owned(),
                field: self.field.clone(),
            },
        }
    }

    /// The error answer of a bare status (what the router or a layer produced
    /// without a JSON body).
    pub(crate) fn from_status(status: StatusCode) -> Self {
        match status {
            StatusCode::NOT_FOUND => ApiError::no_route(),
            StatusCode::METHOD_NOT_ALLOWED => ApiError::new(
                status,
                "method_not_allowed",
                "this route does not take this method",
            ),
            StatusCode::PAYLOAD_TOO_LARGE => ApiError::too_large("the body is larger than allowed"),
            StatusCode::REQUEST_TIMEOUT | StatusCode::SERVICE_UNAVAILABLE => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "timeout",
                "the request took longer than allowed",
            )
            .retry_after(1),
            StatusCode::UNAUTHORIZED => ApiError::unauthorized(),
            s if s.is_client_error() => ApiError::new(s, "bad_request", "the request was refused"),
            _ => ApiError::internal(),
        }
    }
}

impl From<realtime_store::Error> for ApiError {
    fn from(e: realtime_store::Error) -> Self {
        use realtime_store::Error as E;
        if e.is_validation() {
            // The store's messages name the field and the rule, never the value.
            return ApiError {
                field: e.field().map(str::to_owned),
                ..ApiError::new(StatusCode::BAD_REQUEST, "validation", e.to_string())
            };
        }
        match &e {
            E::Overloaded => {
                tracing::warn!("store overloaded");
                ApiError::new(StatusCode::TOO_MANY_REQUESTS, "overloaded", e.to_string())
                    .retry_after(1)
            }
            E::Unavailable { .. } | E::Spool { .. } => {
                tracing::warn!(error = %e, "store unavailable");
                ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "unavailable",
                    e.to_string(),
                )
                .retry_after(5)
            }
            E::Conflict { field, .. } => ApiError {
                field: Some(field.clone()),
                ..ApiError::new(StatusCode::CONFLICT, "conflict", e.to_string())
            },
            E::Capacity { .. } => {
                tracing::warn!(error = %e, "store at capacity");
                ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "unavailable",
                    e.to_string(),
                )
                .retry_after(1)
            }
            _ if e.is_retryable() => {
                log_chain(tracing::Level::WARN, "store temporarily unavailable", &e);
                ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "unavailable",
                    "the storage is temporarily unavailable; retry",
                )
                .retry_after(1)
            }
            _ => {
                log_chain(tracing::Level::ERROR, "store failed", &e);
                ApiError::internal()
            }
        }
    }
}

/// Logs an error with its source chain (the store's errors and sources carry no
/// content: operation names, codes, constraint names).
fn log_chain(level: tracing::Level, what: &str, e: &(dyn std::error::Error + 'static)) {
    let mut chain = e.to_string();
    let mut cur = e.source();
    while let Some(s) = cur {
        chain.push_str(": ");
        chain.push_str(&s.to_string());
        cur = s.source();
    }
    if level == tracing::Level::ERROR {
        tracing::error!(error = %chain, "{what}");
    } else {
        tracing::warn!(error = %chain, "{what}");
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_vec(&self.body()).unwrap_or_default();
        let mut res = (self.status, body).into_response();
        let h = res.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        if let Some(s) = self.retry_after {
            h.insert(header::RETRY_AFTER, HeaderValue::from(s));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            h.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        res
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_validation_keeps_field_and_rule() {
        let e: ApiError = realtime_store::Error::validation("events[2].text", "too long").into();
        assert_eq!(e.status(), StatusCode::BAD_REQUEST);
        assert_eq!(e.field(), Some("events[2].text"));
        assert_eq!(e.body().error.message, "invalid `events[2].text`: too long");
    }

    #[test]
    fn overload_unavailability_and_conflicts() {
        use realtime_store::Error as E;
        let e: ApiError = E::Overloaded.into();
        assert_eq!(e.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(
            e.clone().into_response().headers()[header::RETRY_AFTER],
            "1"
        );
        let e: ApiError = E::Unavailable {
            what: "the spool is full",
        }
        .into();
        assert_eq!(
            (e.status(), e.code()),
            (StatusCode::SERVICE_UNAVAILABLE, "unavailable")
        );
        assert!(e
            .into_response()
            .headers()
            .contains_key(header::RETRY_AFTER));
        let e: ApiError = E::conflict("user.email", "already belongs to another user").into();
        assert_eq!(
            (e.status(), e.field()),
            (StatusCode::CONFLICT, Some("user.email"))
        );
        let e: ApiError = E::Config("bad".into()).into();
        assert_eq!(e.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }

    #[test]
    fn retryable_backend_errors_are_503_with_retry_after() {
        let e: ApiError = realtime_store::Error::Backend {
            op: "append",
            retryable: true,
            source: "io".into(),
        }
        .into();
        assert_eq!(e.status(), StatusCode::SERVICE_UNAVAILABLE);
        let r = e.into_response();
        assert_eq!(r.headers()[header::RETRY_AFTER], "1");
        let e: ApiError = realtime_store::Error::Backend {
            op: "append",
            retryable: false,
            source: "disk".into(),
        }
        .into();
        assert_eq!(e.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }
}
