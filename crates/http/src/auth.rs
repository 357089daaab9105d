//! Bearer-token auth: the token is kept only as its SHA-256 digest and compared in
//! constant time (`subtle`), digest against digest, so neither its content nor its
//! length leaks through timing.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use crate::{ApiError, Error, Result};

/// The shortest token accepted.
pub const MIN_TOKEN_LEN: usize = 16;

/// A bearer token, kept as its SHA-256 digest. `Debug` never shows it.
#[derive(Clone)]
pub struct Token {
    digest: [u8; 32],
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(***)")
    }
}

impl Token {
    /// A token from its text (surrounding whitespace trimmed): at least
    /// [`MIN_TOKEN_LEN`] visible ASCII characters.
    pub fn new(text: &str) -> Result<Self> {
        let t = text.trim();
        if t.is_empty() {
            return Err(Error::Token("it is empty"));
        }
        if !t.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(Error::Token(
                "it must be visible ASCII characters without spaces",
            ));
        }
        if t.len() < MIN_TOKEN_LEN {
            return Err(Error::Token("it must be at least 16 characters long"));
        }
        Ok(Token {
            digest: Sha256::digest(t.as_bytes()).into(),
        })
    }

    /// A token read from a file (its whole content, trimmed).
    pub fn from_file(path: &std::path::Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            what: format!("the token file {}", path.display()),
            source,
        })?;
        Token::new(&text)
    }

    /// Whether `presented` is this token (constant time).
    pub fn verify(&self, presented: &[u8]) -> bool {
        let d: [u8; 32] = Sha256::digest(presented).into();
        d.ct_eq(&self.digest).into()
    }

    /// Whether an `Authorization` header value carries this token as a bearer token.
    pub fn verify_header(&self, value: &[u8]) -> bool {
        match value.get(..7) {
            Some(scheme) if scheme.eq_ignore_ascii_case(b"bearer ") => {
                let t = value[7..].trim_ascii();
                self.verify(t)
            }
            _ => false,
        }
    }
}

/// Middleware: 401 unless the request carries the token (when one is configured).
pub(crate) async fn require_token(
    State(token): State<Option<Arc<Token>>>,
    req: Request,
    next: Next,
) -> Response {
    if let Some(t) = token {
        let ok = req
            .headers()
            .get(header::AUTHORIZATION)
            .is_some_and(|v| t.verify_header(v.as_bytes()));
        if !ok {
            return ApiError::unauthorized().into_response();
        }
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verifies_only_the_same_token() {
        let t = Token::new(" s3cret-token-0123456789\n").unwrap();
        assert!(t.verify(b"s3cret-token-0123456789"));
        assert!(!t.verify(b"s3cret-token-012345678"));
        assert!(t.verify_header(b"Bearer s3cret-token-0123456789"));
        assert!(t.verify_header(b"bearer s3cret-token-0123456789"));
        assert!(!t.verify_header(b"Basic s3cret-token-0123456789"));
        assert!(!t.verify_header(b"Bearer"));
        assert_eq!(format!("{t:?}"), "Token(***)");
    }

    #[test]
    fn refuses_weak_tokens() {
        assert!(Token::new("").is_err());
        assert!(Token::new("short").is_err());
        assert!(Token::new("has spaces in the middle").is_err());
        let e = Token::new("short").unwrap_err().to_string();
        assert!(!e.contains("short"), "{e}");
    }
}
