//! The one error type of the crate (setting the API up; request errors are
//! [`ApiError`](crate::ApiError) responses).

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What can go wrong while setting the HTTP API up.
///
/// Messages never contain the token itself.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The bearer token is unusable (empty, too short, not printable ASCII).
    #[error("invalid bearer token: {0}")]
    Token(&'static str),
    /// Reading a file (the token file) failed.
    #[error("cannot read {what}")]
    Io {
        /// What was being read, e.g. `the token file /run/secrets/token`.
        what: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}
