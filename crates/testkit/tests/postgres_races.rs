//! The PostgreSQL race tests (shared/races.rs) on the local PostgreSQL server.
#![cfg(feature = "postgres")]

use realtime_store_testkit::pg;

#[path = "shared/races.rs"]
mod races;
