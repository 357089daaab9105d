//! The conformance suite against PostgreSQL: a fresh schema per test (dropped
//! afterwards) on the server `realtime_store_testkit::pg` finds or starts.
#![cfg(feature = "postgres")]

realtime_store_testkit::conformance_tests!(realtime_store_testkit::pg::fixture);
