//! The several-instances tests (shared/instances.rs) on the local PostgreSQL server.
#![cfg(feature = "postgres")]

use realtime_store_testkit::pg;

#[path = "shared/instances.rs"]
mod instances;
