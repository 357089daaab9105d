//! The documented error answers, shared by the routes.

use utoipa::IntoResponses;

use crate::ErrorBody;

/// Error answers of reads.
#[derive(IntoResponses)]
#[allow(dead_code)]
pub(crate) enum ReadErrors {
    /// Bad input: the `field` and the rule it broke.
    #[response(status = 400)]
    BadRequest(ErrorBody),
    /// The bearer token is missing or wrong.
    #[response(status = 401)]
    Unauthorized(ErrorBody),
    /// Not stored.
    #[response(status = 404)]
    NotFound(ErrorBody),
    /// The storage is unavailable or the request timed out (`Retry-After`).
    #[response(status = 503)]
    Unavailable(ErrorBody),
}

/// Error answers of writes.
#[derive(IntoResponses)]
#[allow(dead_code)]
pub(crate) enum WriteErrors {
    /// Bad input: the `field` and the rule it broke. Nothing was written.
    #[response(status = 400)]
    BadRequest(ErrorBody),
    /// The bearer token is missing or wrong.
    #[response(status = 401)]
    Unauthorized(ErrorBody),
    /// The session id already belongs to another user, or a similar conflict.
    #[response(status = 409)]
    Conflict(ErrorBody),
    /// The body is larger than allowed.
    #[response(status = 413)]
    TooLarge(ErrorBody),
    /// The body is not of the required media type.
    #[response(status = 415)]
    UnsupportedMediaType(ErrorBody),
    /// The store is overloaded (`Retry-After`).
    #[response(status = 429)]
    Overloaded(ErrorBody),
    /// Even the spool cannot take the write, or the request timed out (`Retry-After`).
    #[response(status = 503)]
    Unavailable(ErrorBody),
}
