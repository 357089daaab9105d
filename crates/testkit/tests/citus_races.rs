//! The PostgreSQL race tests (shared/races.rs: concurrent batches, retries of one
//! event, withdrawal and erasure racing appends, killed connections) and the
//! three-instances test (shared/instances.rs) on a real Citus cluster, every
//! schema distributed before the instances open it.
#![cfg(feature = "postgres")]

mod pg {
    pub(crate) use realtime_store_testkit::citus::{admin, distributed_schema as fresh_schema};
}

#[path = "shared/races.rs"]
mod races;

#[path = "shared/instances.rs"]
mod instances;
