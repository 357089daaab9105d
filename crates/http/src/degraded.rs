//! Saying that an answer came from a degraded store.
//!
//! While the store's fallback is active (the primary is unreachable, or writes
//! still wait in the spool), every `/v1` answer carries
//! `X-Realtime-Store-Degraded: true`: reads then answer what the primary holds
//! (if it answers) followed by what the spool holds, or the spool alone (see
//! the spool layer's `reads.rs`), so positions (`seq`, summary `version`) of
//! spooled items are provisional. A header rather than a body field, so every
//! response shape stays as it is; it is in the OpenAPI document on every `/v1`
//! answer ([`DegradedHeader`]).

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::{RefOr, Type};
use utoipa::Modify;

use crate::state::App;

/// The header's name.
pub(crate) const HEADER: &str = "x-realtime-store-degraded";

/// Middleware: marks answers given while the store is degraded.
pub(crate) async fn mark(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    if app.stats.degraded() {
        res.headers_mut()
            .insert(HEADER, HeaderValue::from_static("true"));
    }
    res
}

/// Documents the header on every answer of every `/v1` operation.
pub(crate) struct DegradedHeader;

impl Modify for DegradedHeader {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        let header = HeaderBuilder::new()
            .schema(utoipa::openapi::ObjectBuilder::new().schema_type(Type::Boolean))
            .description(Some(
                "`true` when the store answered while degraded (the database unreachable, or \
                 writes still waiting in the fallback spool): reads then include what the \
                 spool holds, with provisional positions. Absent otherwise.",
            ))
            .build();
        for (path, item) in doc.paths.paths.iter_mut() {
            if !path.starts_with("/v1/") {
                continue;
            }
            let ops = [
                item.get.as_mut(),
                item.put.as_mut(),
                item.post.as_mut(),
                item.delete.as_mut(),
            ];
            for op in ops.into_iter().flatten() {
                for r in op.responses.responses.values_mut() {
                    if let RefOr::T(r) = r {
                        r.headers.insert(HEADER.to_owned(), header.clone());
                    }
                }
            }
        }
    }
}
