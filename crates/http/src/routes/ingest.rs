//! `POST /v1/ingest`: an NDJSON batch of mixed events, one result line per line.
//!
//! The body is parsed line by line while it streams in. The batch is then handed
//! to the store's `ingest` in **one** call, and — as everywhere in the store — it
//! is validated whole: if any line does not parse, or the store rejects any event,
//! **nothing is written**; the answer (400) has one line per input line, the bad
//! ones with their error and the others with `code: "batch_rejected"`, so a
//! client can fix the bad lines and send the batch again. Blank lines are skipped
//! (they get no result line); `line` is the 1-based line number in the body.
//!
//! Once validated, each session's events are written together; a storage failure
//! of one session fails only that session's lines (each gets its `error`, the
//! others their `outcome`, status 200). When every line failed with a retryable
//! error (nothing could be stored, not even in the spool) the status is 503 with
//! `Retry-After`, and the body still has one line per input line.

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;
use realtime_store::{SessionEvent, WriteOutcome};
use serde::Serialize;

use crate::extract::{json_error, media_type};
use crate::state::AppState;
use crate::{ApiError, ErrorDetail};

/// Media types accepted for the NDJSON body.
const NDJSON_TYPES: &[&str] = &[
    "application/x-ndjson",
    "application/ndjson",
    "application/jsonl",
    "application/x-jsonlines",
];

/// One result line.
#[derive(Serialize)]
struct Line<'a> {
    line: usize,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    outcome: Option<&'a WriteOutcome>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ErrorDetail>,
}

/// Ingests an NDJSON batch of events of any sessions (`{"session_id": ..., "type":
/// "transcript" | "tool_event" | "summary" | "usage", ...fields}` per line), in one
/// batch validated whole. Answers NDJSON: one line per non-blank input line.
#[utoipa::path(
    post,
    path = "/v1/ingest",
    tag = "events",
    request_body(
        content = crate::schema::IngestEventDoc,
        content_type = "application/x-ndjson",
        description = "One event per line (the schema is of one line)"
    ),
    responses(
        (status = 200, description = "One result line per non-blank input line (the schema is of the lines, as an array)", body = Vec<crate::schema::IngestResultDoc>, content_type = "application/x-ndjson"),
        (status = 400, description = "Some lines are invalid: nothing was written; one result line per input line", body = Vec<crate::schema::IngestResultDoc>, content_type = "application/x-ndjson"),
        (status = 503, description = "No line could be stored (retry after `Retry-After`); one result line per input line", body = Vec<crate::schema::IngestResultDoc>, content_type = "application/x-ndjson"),
        (status = 401, description = "The bearer token is missing or wrong", body = crate::ErrorBody),
        (status = 413, description = "The body is larger than allowed, or has too many lines", body = crate::ErrorBody),
        (status = 415, description = "The body is not NDJSON (Content-Type header)", body = crate::ErrorBody),
        (status = 429, description = "The store is overloaded (`Retry-After`)", body = crate::ErrorBody),
    )
)]
pub(crate) async fn ingest(
    State(app): State<AppState>,
    headers: axum::http::HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    if !media_type(&headers).is_some_and(|m| NDJSON_TYPES.contains(&m.as_str())) {
        return Err(ApiError::unsupported_media_type("application/x-ndjson"));
    }
    let max_lines = app.config.max_ingest_lines;
    let mut parser = Parser::default();
    let mut body = body;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| body_error(&e))?;
        if let Ok(data) = frame.into_data() {
            parser.feed(&data);
            if parser.lines.len() > max_lines {
                return Err(too_many(max_lines));
            }
        }
    }
    parser.finish();
    if parser.lines.len() > max_lines {
        return Err(too_many(max_lines));
    }
    let Parser {
        events, lines, bad, ..
    } = parser;
    if bad {
        return Ok(rejected(&lines, None));
    }
    let n = events.len();
    let kinds: Vec<&'static str> = events.iter().map(|e| kind(&e.event)).collect();
    match app.store.ingest(events).await {
        Ok(results) => {
            let mut out = Vec::with_capacity(n * 32);
            let mut failed_retryable = 0usize;
            for (((line, _), r), k) in lines.iter().zip(results).zip(&kinds) {
                let l = match r {
                    Ok(o) => {
                        app.metrics.write(k, o);
                        serde_json::to_writer(
                            &mut out,
                            &Line {
                                line: *line,
                                outcome: Some(&o),
                                error: None,
                            },
                        )
                    }
                    Err(e) => {
                        // A storage failure of this line's session only.
                        failed_retryable += usize::from(e.is_retryable());
                        let e = ApiError::from(e);
                        serde_json::to_writer(
                            &mut out,
                            &Line {
                                line: *line,
                                outcome: None,
                                error: Some(e.body().error),
                            },
                        )
                    }
                };
                l.map_err(|_| ApiError::internal())?;
                out.push(b'\n');
            }
            if n > 0 && failed_retryable == n {
                // Nothing could be stored, not even in the spool: retry the batch.
                let mut r = ndjson(StatusCode::SERVICE_UNAVAILABLE, out);
                r.headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
                return Ok(r);
            }
            Ok(ndjson(StatusCode::OK, out))
        }
        Err(e) if e.is_validation() => {
            // `events[i].rest`: event i is the culprit.
            let field = e.field().unwrap_or("").to_owned();
            let at = field
                .strip_prefix("events[")
                .and_then(|r| r.split_once(']'))
                .and_then(|(i, rest)| {
                    Some((i.parse::<usize>().ok()?, rest.trim_start_matches('.')))
                });
            match at {
                Some((i, rest)) if i < lines.len() => {
                    let mut err = ApiError::from(e);
                    if !rest.is_empty() {
                        err = ApiError::validation(rest.to_owned(), rule_of_store(&err, &field));
                    }
                    Ok(rejected(&lines, Some((i, err))))
                }
                _ => Err(e.into()),
            }
        }
        Err(e) => Err(e.into()),
    }
}

/// The rule part of a store validation message `invalid `field`: rule`.
fn rule_of_store(e: &ApiError, field: &str) -> String {
    let msg = e.body().error.message;
    let prefix = format!("invalid `{field}`: ");
    msg.strip_prefix(&prefix).map(str::to_owned).unwrap_or(msg)
}

fn kind(e: &realtime_store::Event) -> &'static str {
    use realtime_store::Event as E;
    match e {
        E::Transcript(_) => "transcript",
        E::ToolEvent(_) => "tool_event",
        E::Summary(_) => "summary",
        E::Usage(_) => "usage",
        #[allow(unreachable_patterns)]
        _ => "other",
    }
}

fn too_many(max: usize) -> ApiError {
    ApiError::too_large(format!("at most {max} events per ingest request"))
}

fn body_error(e: &axum::Error) -> ApiError {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = cur {
        if s.is::<http_body_util::LengthLimitError>() {
            return ApiError::too_large("the body is larger than allowed");
        }
        cur = s.source();
    }
    ApiError::new(
        StatusCode::BAD_REQUEST,
        "bad_request",
        "the body could not be read",
    )
}

/// The 400 answer: every line's error, `batch_rejected` for the valid ones.
fn rejected(lines: &[(usize, Option<ApiError>)], culprit: Option<(usize, ApiError)>) -> Response {
    let mut out = Vec::with_capacity(lines.len() * 64);
    for (i, (line, err)) in lines.iter().enumerate() {
        let error = match (&culprit, err) {
            (Some((c, e)), _) if *c == i => e.body().error,
            (_, Some(e)) => e.body().error,
            _ => ErrorDetail {
                code: "batch_rejected".into(),
                message:
                    "not written: the batch has invalid lines and is written whole or not at all"
                        .into(),
                field: None,
            },
        };
        let l = Line {
            line: *line,
            outcome: None,
            error: Some(error),
        };
        if serde_json::to_writer(&mut out, &l).is_ok() {
            out.push(b'\n');
        }
    }
    ndjson(StatusCode::BAD_REQUEST, out)
}

fn ndjson(status: StatusCode, body: Vec<u8>) -> Response {
    let mut r = (status, body).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/x-ndjson"),
    );
    r
}

/// Splits the streamed body into lines and parses each complete one at once.
#[derive(Default)]
struct Parser {
    /// Bytes of the line not yet complete.
    partial: Vec<u8>,
    /// 1-based number of the next line.
    next_line: usize,
    /// Parsed events, in order.
    events: Vec<SessionEvent>,
    /// Per non-blank line: its number and its parse error, if any.
    lines: Vec<(usize, Option<ApiError>)>,
    /// Whether any line failed to parse.
    bad: bool,
}

impl Parser {
    fn feed(&mut self, mut data: &[u8]) {
        while let Some(nl) = data.iter().position(|&b| b == b'\n') {
            if self.partial.is_empty() {
                self.line(&data[..nl]);
            } else {
                self.partial.extend_from_slice(&data[..nl]);
                let l = std::mem::take(&mut self.partial);
                self.line(&l);
            }
            data = &data[nl + 1..];
        }
        self.partial.extend_from_slice(data);
    }

    fn finish(&mut self) {
        let l = std::mem::take(&mut self.partial);
        self.line(&l);
    }

    fn line(&mut self, raw: &[u8]) {
        self.next_line += 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if raw.iter().all(u8::is_ascii_whitespace) {
            return;
        }
        let mut de = serde_json::Deserializer::from_slice(raw);
        let parsed = serde_path_to_error::deserialize::<_, SessionEvent>(&mut de)
            .map_err(|e| json_error(&e, None))
            .and_then(|ev| {
                de.end().map_err(|_| {
                    ApiError::new(
                        StatusCode::BAD_REQUEST,
                        "invalid_json",
                        "the line has trailing characters",
                    )
                })?;
                Ok(ev)
            });
        match parsed {
            Ok(ev) => {
                self.events.push(ev);
                self.lines.push((self.next_line, None));
            }
            Err(e) => {
                self.bad = true;
                self.lines.push((self.next_line, Some(e)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lines_across_chunks() {
        let mut p = Parser::default();
        let a = br#"{"session_id":"s","type":"usage","kind":"k","value":1,"at":1764072000000}"#;
        let mut body = Vec::new();
        body.extend_from_slice(a);
        body.extend_from_slice(b"\n\n");
        body.extend_from_slice(a);
        body.extend_from_slice(b"\r\nnot json\n");
        body.extend_from_slice(a);
        for chunk in body.chunks(7) {
            p.feed(chunk);
        }
        p.finish();
        assert_eq!(p.events.len(), 3);
        let nums: Vec<usize> = p.lines.iter().map(|l| l.0).collect();
        assert_eq!(nums, [1, 3, 4, 5]);
        assert!(p.bad && p.lines[2].1.is_some());
    }
}
