//! Persistence for realtime voice agents.
//!
//! Keeps every call's session metadata, transcript, tool calls, summary and usage —
//! never stores what the user did not consent to, never writes personal data in
//! clear, never keeps what a user asked to erase. See the project README for a tour
//! and ARCHITECTURE.md for the layers.
//!
//! The layers, outside in:
//! - [`PersistenceStore`]: the contract (one async trait).
//! - [`RealtimeStore`]: implements it over any [`Backend`]: validation, the consent
//!   gate ([`ConsentConfig`]), and [`Redaction`].
//! - The storage seam ([`WriteCore`], [`Reads`], [`Maintenance`]; [`Layer`] for
//!   wrappers) and the backends: [`MemoryStore`], `SqliteStore` (feature `sqlite`,
//!   default), `PostgresStore` (feature `postgres`), and [`AnyBackend`] to pick one
//!   at run time from a URL.
#![forbid(unsafe_code)]

mod backend;
mod backends;
mod clean;
mod contract;
mod error;
mod gate;
pub mod layers;
mod model;
mod store;
mod time;
mod url;
pub mod validate;

pub use backend::page::{DEFAULT_CHILD_PAGE, DEFAULT_SESSION_PAGE, MAX_PAGE};
pub use backend::write_each;
pub use backend::{
    AppendResult, Backend, BackendHealth, ErasedUser, Layer, Maintenance, Reads, SessionAppend,
    SpoolStats, StoredState, TombstoneReason, UpsertResult, Withdrawal, WriteCore, WriteOp,
    WriteOpResult, WriteRun,
};
pub use backends::any::AnyBackend;
pub use backends::memory::{MemoryLimits, MemoryStore};
#[cfg(feature = "postgres")]
pub use backends::postgres::{
    CitusLayout, DistributionReport, PostgresOptions, PostgresStore, DEFAULT_SCHEMA,
    POSTGRES_MIGRATOR,
};
#[cfg(feature = "sqlite")]
pub use backends::sqlite::{SqliteOptions, SqliteStore, SQLITE_MIGRATOR};
pub use clean::{
    CleanEvent, CleanSegment, CleanSessionMeta, CleanSummary, CleanToolEvent, CleanUsage,
    EventKind, Redaction,
};
pub use contract::PersistenceStore;
pub use error::{DbFailure, Error, Result};
pub use gate::{ConsentConfig, ConsentStats, OnWithdrawal};
pub use layers::group_commit::{CommitStats, GroupCommit, GroupCommitConfig};
#[cfg(feature = "sqlite")]
pub use layers::spool::{Spool, SpoolConfig, DEFAULT_SPOOL_MAX_BYTES};
pub use model::*;
pub use store::{RealtimeStore, StoreBuilder, StoreStats};
pub use time::{Timestamp, MIN_TIMESTAMP};
pub use url::mask_url;
pub use validate::Limits;

/// Re-export of the redaction engine.
pub use realtime_redact as redact;

/// A store over a backend chosen at run time, with group commit.
pub type AnyStore = RealtimeStore<GroupCommit<AnyBackend>>;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
