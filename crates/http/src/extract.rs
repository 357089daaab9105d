//! Request extractors whose rejections are [`ApiError`]s that name the field and the
//! rule, never the value sent.
//!
//! serde's own messages quote the offending input (``unknown variant `jane@example.com` ``,
//! `invalid type: string "4242…"`): they are reduced here to the field path (from
//! `serde_path_to_error`) and a fixed rule.

use std::borrow::Cow;

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};
use bytes::Bytes;
use serde::de::DeserializeOwned;

use crate::ApiError;

/// Media types of JSON bodies.
pub(crate) const JSON: &str = "application/json";

/// A JSON body parsed into `T` (requires `Content-Type: application/json`).
#[derive(Debug)]
pub(crate) struct JsonBody<T>(pub(crate) T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let bytes = json_bytes(req, state).await?;
        parse_json(&bytes).map(JsonBody)
    }
}

/// The raw bytes of a JSON body (content type checked, size limited).
pub(crate) async fn json_bytes<S: Send + Sync>(req: Request, state: &S) -> Result<Bytes, ApiError> {
    if !is_json(req.headers()) {
        return Err(ApiError::unsupported_media_type(JSON));
    }
    body_bytes(req, state).await
}

/// The raw bytes of a body, size limited (413 past the limit).
pub(crate) async fn body_bytes<S: Send + Sync>(req: Request, state: &S) -> Result<Bytes, ApiError> {
    Bytes::from_request(req, state)
        .await
        .map_err(|rej| ApiError::from_status(rej.status()))
}

/// Whether the request says its body is JSON (`application/json`, `…+json`).
pub(crate) fn is_json(h: &HeaderMap) -> bool {
    media_type(h)
        .is_some_and(|m| m == JSON || (m.starts_with("application/") && m.ends_with("+json")))
}

/// The media type of the body, lower-cased, without parameters.
pub(crate) fn media_type(h: &HeaderMap) -> Option<String> {
    let v = h.get(header::CONTENT_TYPE)?.to_str().ok()?;
    let essence = v.split(';').next()?.trim().to_ascii_lowercase();
    (!essence.is_empty()).then_some(essence)
}

/// Parses a JSON document into `T`; errors name the field path and the rule.
pub(crate) fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let v: T = serde_path_to_error::deserialize(&mut de).map_err(|e| json_error(&e, None))?;
    de.end().map_err(|e| syntax_error(&e))?;
    Ok(v)
}

/// Deserializes a JSON value into `T`; errors name the field path and the rule.
pub(crate) fn from_value<T: DeserializeOwned>(v: serde_json::Value) -> Result<T, ApiError> {
    serde_path_to_error::deserialize(v).map_err(|e| json_error(&e, None))
}

/// The error answer of a failed parse, with `prefix` before the field path.
pub(crate) fn json_error(
    e: &serde_path_to_error::Error<serde_json::Error>,
    prefix: Option<&str>,
) -> ApiError {
    let inner = e.inner();
    if inner.is_syntax() || inner.is_eof() || inner.is_io() {
        return syntax_error(inner);
    }
    let mut path = prefix.map(str::to_owned).unwrap_or_default();
    let segments: Vec<String> = e.path().iter().filter_map(segment).collect();
    let msg = bare_message(inner);
    let (rule, extra) = rule_of(&msg);
    for s in segments {
        push_segment(&mut path, &s);
    }
    if let Some(x) = extra {
        push_segment(&mut path, &x);
    }
    if path.is_empty() {
        path.push_str("body");
    }
    ApiError::validation(path, rule)
}

fn syntax_error(e: &serde_json::Error) -> ApiError {
    let what = if e.is_eof() {
        "ends too early"
    } else {
        "is not valid JSON"
    };
    ApiError::new(
        axum::http::StatusCode::BAD_REQUEST,
        "invalid_json",
        format!("the body {what} (line {}, column {})", e.line(), e.column()),
    )
}

fn push_segment(path: &mut String, s: &str) {
    if s.starts_with('[') || path.is_empty() {
        path.push_str(s);
    } else {
        path.push('.');
        path.push_str(s);
    }
}

/// One path segment, reduced to what cannot carry content: indices, and keys that
/// look like field names (anything else is `?`).
fn segment(s: &serde_path_to_error::Segment) -> Option<String> {
    use serde_path_to_error::Segment as S;
    match s {
        S::Seq { index } => Some(format!("[{index}]")),
        S::Map { key } => Some(if is_ident(key) {
            key.clone()
        } else {
            "?".into()
        }),
        S::Enum { .. } => None,
        S::Unknown => Some("?".into()),
    }
}

fn is_ident(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .next()
            .is_some_and(|b| b.is_ascii_lowercase() || b == b'_')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// serde_json's message without its ` at line L column C` suffix.
fn bare_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    full.strip_suffix(&suffix)
        .map(str::to_owned)
        .unwrap_or(full)
}

/// Messages of the store's own deserializers that are fixed text (safe to show).
const KNOWN_RULES: &[&str] = &[
    "not an RFC 3339 timestamp",
    "epoch milliseconds must be an integer",
    "epoch milliseconds out of range",
];

/// The rule a serde message states, without the value it quotes: (rule, a static
/// field name to append to the path).
fn rule_of(msg: &str) -> (Cow<'static, str>, Option<String>) {
    let expected = || {
        msg.rsplit_once(", expected ")
            .map(|(_, x)| x.chars().take(200).collect::<String>())
            .filter(|x| !x.contains('"'))
    };
    let with_expected = |rule: &'static str| -> Cow<'static, str> {
        match expected() {
            Some(x) => format!("{rule}; expected {x}").into(),
            None => rule.into(),
        }
    };
    if let Some(rest) = msg.strip_prefix("missing field `") {
        let name = rest
            .split('`')
            .next()
            .filter(|n| is_ident(n))
            .map(str::to_owned);
        return ("is required".into(), name);
    }
    if msg.starts_with("unknown field `") {
        // Reported at the object that has it; the key itself is input, not shown.
        return (with_expected("has an unknown field"), None);
    }
    if msg.starts_with("unknown variant `") {
        return (with_expected("is not an allowed value"), None);
    }
    if msg.starts_with("invalid type: ") {
        return (with_expected("has the wrong type"), None);
    }
    if msg.starts_with("invalid value: ") {
        return (with_expected("has an invalid value"), None);
    }
    if msg.starts_with("invalid length ") {
        return (with_expected("has the wrong length"), None);
    }
    if msg.starts_with("duplicate field `") {
        return ("is given more than once".into(), None);
    }
    if let Some(k) = KNOWN_RULES.iter().find(|k| msg == **k) {
        return ((*k).into(), None);
    }
    ("is invalid".into(), None)
}

/// A body that is one `T` or an array of `T`.
#[derive(Debug)]
pub(crate) enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

/// Parses one `T` (a JSON object) or an array of them, by the first byte, so errors
/// keep their field path (`[3].text`).
pub(crate) fn one_or_many<T: DeserializeOwned>(bytes: &[u8]) -> Result<OneOrMany<T>, ApiError> {
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[') => parse_json(bytes).map(OneOrMany::Many),
        _ => parse_json(bytes).map(OneOrMany::One),
    }
}

/// The `{id}` of a route, as a string (any percent-decoding problem is a 400).
#[derive(Debug)]
pub(crate) struct IdPath(pub(crate) String);

impl<S: Send + Sync> FromRequestParts<S> for IdPath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        axum::extract::Path::<String>::from_request_parts(parts, state)
            .await
            .map(|p| IdPath(p.0))
            .map_err(|_| ApiError::validation("id", "is not a valid path parameter"))
    }
}

/// `{id}` and `{seq}` path parameters: the session id and an event's number
/// (a positive integer; errors name the parameter, never its value).
pub(crate) struct IdSeqPath(pub(crate) String, pub(crate) i64);

impl<S: Send + Sync> FromRequestParts<S> for IdSeqPath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let axum::extract::Path((id, seq)) =
            axum::extract::Path::<(String, String)>::from_request_parts(parts, state)
                .await
                .map_err(|_| ApiError::validation("id", "is not a valid path parameter"))?;
        match seq.parse::<i64>() {
            Ok(n) if n >= 1 => Ok(IdSeqPath(id, n)),
            _ => Err(ApiError::validation("seq", "must be a positive integer")),
        }
    }
}

/// The query string as name/value pairs (percent-decoded).
#[derive(Debug, Default)]
pub(crate) struct QueryPairs(pub(crate) Vec<(String, String)>);

impl<S: Send + Sync> FromRequestParts<S> for QueryPairs {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let q = parts.uri.query().unwrap_or("");
        serde_urlencoded::from_str::<Vec<(String, String)>>(q)
            .map(QueryPairs)
            .map_err(|_| ApiError::validation("query", "is not a valid query string"))
    }
}

impl QueryPairs {
    /// Checks that every parameter is one of `allowed`, and that none is repeated.
    pub(crate) fn check(&self, allowed: &[&str]) -> Result<(), ApiError> {
        for (i, (k, _)) in self.0.iter().enumerate() {
            if !allowed.contains(&k.as_str()) {
                return Err(ApiError::validation(
                    "query",
                    format!("unknown parameter (allowed: {})", allowed.join(", ")),
                ));
            }
            if self.0[..i].iter().any(|(p, _)| p == k) {
                return Err(ApiError::validation(k.clone(), "is given more than once"));
            }
        }
        Ok(())
    }

    /// The value of `name`, if given.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// `limit` as 1..=1000.
    pub(crate) fn limit(&self) -> Result<Option<u32>, ApiError> {
        self.get("limit")
            .map(|v| match v.parse::<u32>() {
                Ok(n) if (1..=1000).contains(&n) => Ok(n),
                _ => Err(ApiError::validation(
                    "limit",
                    "must be an integer from 1 to 1000",
                )),
            })
            .transpose()
    }

    /// A timestamp parameter (RFC 3339 or epoch milliseconds).
    pub(crate) fn time(
        &self,
        name: &'static str,
    ) -> Result<Option<realtime_store::Timestamp>, ApiError> {
        self.get(name)
            .map(|v| {
                realtime_store::Timestamp::parse(v).ok_or_else(|| {
                    ApiError::validation(name, "must be an RFC 3339 time or epoch milliseconds")
                })
            })
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use realtime_store::{SessionMeta, TranscriptSegment};

    fn err<T: DeserializeOwned + std::fmt::Debug>(json: &str) -> (String, String) {
        let e = parse_json::<T>(json.as_bytes()).unwrap_err();
        let b = e.body();
        (b.error.field.unwrap_or_default(), b.error.message)
    }

    #[test]
    fn messages_never_echo_values() {
        let cases = [
            r#"{"session_id":"s","consent":"jane@example.com"}"#,
            r#"{"session_id":"s","consent":"ACCEPTED","user":{"id":"u","jane@example.com":1}}"#,
            r#"{"session_id":"s","consent":"ACCEPTED","started_at":"jane@example.com"}"#,
            r#"{"session_id":["jane@example.com"],"consent":"ACCEPTED"}"#,
            r#"{"session_id":"s","consent":"ACCEPTED","jane@example.com":true}"#,
            r#"{"session_id":"s","consent":"ACCEPTED","voice":{"jane@example.com":1}}"#,
        ];
        for c in cases {
            let (field, message) = err::<SessionMeta>(c);
            assert!(
                !field.contains("jane") && !message.contains("jane"),
                "{c} -> {field}: {message}"
            );
        }
        let (field, message) =
            err::<TranscriptSegment>(r#"{"role":"jane@example.com","text":"x","started_at":1}"#);
        assert_eq!(field, "role");
        assert!(message.contains("expected one of"), "{message}");
        assert!(!message.contains("jane"), "{message}");
    }

    #[test]
    fn names_missing_fields_and_paths() {
        let (field, message) = err::<TranscriptSegment>(r#"{"role":"user","text":"x"}"#);
        assert_eq!(
            (field.as_str(), message.as_str()),
            ("started_at", "invalid `started_at`: is required")
        );
        let (field, _) = err::<Vec<TranscriptSegment>>(
            r#"[{"role":"user","text":"x","started_at":1},{"role":"user","text":7,"started_at":1}]"#,
        );
        assert_eq!(field, "[1].text");
        let (field, message) =
            err::<TranscriptSegment>(r#"{"role":"user","text":"x","started_at":"soon"}"#);
        assert_eq!(field, "started_at");
        assert!(message.ends_with("not an RFC 3339 timestamp"), "{message}");
    }

    #[test]
    fn syntax_errors_give_the_position_only() {
        let e = parse_json::<SessionMeta>(b"{\"session_id\": jane@example.com}").unwrap_err();
        assert_eq!(e.code(), "invalid_json");
        assert!(!e.body().error.message.contains("jane"));
        let e =
            parse_json::<SessionMeta>(br#"{"session_id":"s","consent":"ACCEPTED"} x"#).unwrap_err();
        assert_eq!(e.code(), "invalid_json");
    }
}
