//! The conformance suite on a real Citus cluster (coordinator + two workers,
//! started by `realtime_store_testkit::citus`): every test in a schema of its
//! own, migrated and distributed with `PostgresStore::distribute`, so every write
//! takes the single-shard shapes.
#![cfg(feature = "postgres")]

realtime_store_testkit::conformance_tests!(realtime_store_testkit::citus::fixture);
