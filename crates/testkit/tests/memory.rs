//! The conformance suite against the in-memory backend.

use realtime_store::MemoryStore;
use realtime_store_testkit::Fixture;

realtime_store_testkit::conformance_tests!(|| async { Fixture::new(MemoryStore::default()) });
