//! Persistence for realtime voice agents.
//!
//! Keeps every call's session metadata, transcript, tool calls, summary and usage —
//! never stores what the user did not consent to, never writes personal data in
//! clear. See the project README for a tour.
//!
//! The layers, outside in:
//! - [`PersistenceStore`]: the contract (one async trait).
//! - [`RealtimeStore`]: implements it over any [`Backend`]: validation, the consent
//!   gate ([`ConsentConfig`]), and [`Redaction`].
//! - Backends: [`MemoryStore`], `SqliteStore` (feature `sqlite`, default),
//!   `PostgresStore` (feature `postgres`), and [`AnyBackend`] to pick one at run
//!   time from a URL.
#![forbid(unsafe_code)]

mod any;
mod backend;
mod clean;
mod consent;
mod contract;
mod error;
mod memory_store;
mod model;
#[cfg(feature = "postgres")]
mod postgres_options;
#[cfg(feature = "postgres")]
mod postgres_sql;
#[cfg(feature = "postgres")]
mod postgres_store;
#[cfg(feature = "sqlite")]
mod sqlite_store;
mod store;
mod time;
pub mod validate;

pub use any::AnyBackend;
pub use backend::{AppendResult, Backend};
pub use clean::{
    CleanEvent, CleanSegment, CleanSessionMeta, CleanSummary, CleanToolEvent, CleanUsage, Redaction,
};
pub use consent::{ConsentConfig, ConsentStats, OnWithdrawal};
pub use contract::PersistenceStore;
pub use error::{DbFailure, Error, Result};
pub use memory_store::{MemoryLimits, MemoryStore};
pub use model::*;
#[cfg(feature = "postgres")]
pub use postgres_options::{PostgresOptions, DEFAULT_SCHEMA};
#[cfg(feature = "postgres")]
pub use postgres_store::{PostgresStore, POSTGRES_MIGRATOR};
#[cfg(feature = "sqlite")]
pub use sqlite_store::{SqliteOptions, SqliteStore, SQLITE_MIGRATOR};
pub use store::{RealtimeStore, StoreBuilder, StoreStats};
pub use time::{Timestamp, MIN_TIMESTAMP};
pub use validate::Limits;

/// Re-export of the redaction engine.
pub use realtime_redact as redact;

/// A store over a backend chosen at run time.
pub type AnyStore = RealtimeStore<AnyBackend>;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
