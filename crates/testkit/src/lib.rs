//! The conformance suite: one set of behaviours every backend must show, run
//! unchanged against each of them through [`conformance_tests!`].
//!
//! A backend's test file provides a factory that returns a fresh, empty
//! [`Fixture`]; the macro generates one `#[tokio::test]` per case:
//!
//! ```text
//! realtime_store_testkit::conformance_tests!(|| async {
//!     realtime_store_testkit::Fixture::new(realtime_store::MemoryStore::default())
//! });
//! ```
#![forbid(unsafe_code)]

pub mod cases;
mod counting;
mod fixture;
#[cfg(feature = "postgres")]
pub mod pg;

pub use counting::{Calls, CountingBackend};
pub use fixture::{Fixture, MakeFixture};

/// Generates one test per conformance case for the backend the factory makes.
/// `$make` is an expression of a closure `|| async { Fixture<B> }`.
#[macro_export]
macro_rules! conformance_tests {
    ($make:expr) => {
        $crate::conformance_tests!(@cases $make;
            accepted_persists_and_redacts,
            declined_stores_nothing_without_round_trip,
            pending_buffers_then_flushes_in_order,
            events_before_meta_are_buffered,
            pending_then_declined_discards,
            buffer_overflow_is_counted,
            buffer_byte_limit_is_counted,
            buffer_expiry_is_counted,
            withdrawal_erases_by_default,
            withdrawal_can_keep,
            consent_is_cached_not_read_per_append,
            downgrade_to_pending_stops_writes,
            ordering_under_concurrent_sessions,
            idempotency_under_concurrency,
            keyless_duplicates,
            summary_versions_and_usage_totals,
            validation_rules,
            batch_validated_whole,
            session_upsert_and_hang_up,
            erase_user_is_complete_and_precise,
            purge_before_retention,
            session_pagination_edges,
            child_pagination_edges,
            unicode_round_trip,
            delete_session_removes_children,
            custom_redaction_function,
            ingest_mixed_sessions,
            user_email_conflict,
            errors_never_echo_content,
            reads_of_unknown_sessions,
            health_reports_buffers,
            withdrawal_fails_closed,
            failed_flush_keeps_events_in_order,
            held_events_follow_consent_decided_elsewhere
        );
    };
    (@cases $make:expr; $($case:ident),* $(,)?) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn $case() {
                $crate::cases::$case($make).await;
            }
        )*
    };
}
