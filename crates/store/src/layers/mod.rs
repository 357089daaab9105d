//! Layers: wrappers around a [`Backend`](crate::Backend) that change how writes
//! reach it, each implementing [`Layer`](crate::Layer) and forwarding what it does
//! not change.
//!
//! - [`group_commit`]: queues concurrent appends of many sessions and commits them
//!   as one transaction (one durability point per batch).
//! - [`spool`] (feature `sqlite`): the durable fallback spool: writes go to a
//!   local SQLite file while the primary is unreachable, then are replayed in order.

pub mod group_commit;
#[cfg(feature = "sqlite")]
pub mod spool;
