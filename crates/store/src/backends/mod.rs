//! The backends: where clean data is stored.
//!
//! - [`memory`]: in process memory (tests, ephemeral use);
//! - `sqlite` (feature `sqlite`, default): the embedded default;
//! - `postgres` (feature `postgres`): production;
//! - [`any`]: one of them, chosen at run time from a URL.
//!
//! [`batch`] splits a batch append by kind and removes in-batch duplicates, and
//! [`upsert`] decides a session upsert from the stored state, both shared by the
//! SQL backends.

pub(crate) mod any;
#[cfg(any(feature = "sqlite", feature = "postgres"))]
pub(crate) mod batch;
#[cfg(any(feature = "sqlite", feature = "postgres"))]
pub(crate) mod filter;
pub(crate) mod memory;
#[cfg(feature = "postgres")]
pub(crate) mod postgres;
#[cfg(any(feature = "sqlite", feature = "postgres"))]
pub(crate) mod rows;
#[cfg(feature = "sqlite")]
pub(crate) mod sqlite;
#[cfg(any(feature = "sqlite", feature = "postgres"))]
pub(crate) mod upsert;
