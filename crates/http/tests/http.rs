//! The API through `tower::ServiceExt::oneshot`, on an in-memory store (one test
//! binary; modules by concern).

mod http {
    pub(crate) mod common;
    mod errors;
    mod events;
    mod failures;
    mod ingest;
    mod metrics;
    mod openapi;
    mod props;
    mod sessions;
    mod spool;
    mod vcon;
}
