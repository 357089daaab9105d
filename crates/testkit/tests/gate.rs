//! The consent gate and validation cases, once, in front of the memory backend
//! (they test `RealtimeStore`, not the backend; the per-backend suite is
//! `conformance_tests!`).

use realtime_store::MemoryStore;
use realtime_store_testkit::Fixture;

realtime_store_testkit::gate_tests!(|| async { Fixture::new(MemoryStore::default()) });
