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
#[cfg(feature = "postgres")]
pub mod citus;
mod counting;
pub mod files;
mod fixture;
mod gate;
pub mod instances;
#[cfg(feature = "postgres")]
pub mod pg;
mod switch;

pub use counting::{Calls, CountingBackend};
pub use fixture::{Fixture, MakeFixture};
pub use gate::Gated;
pub use switch::Switch;

/// Generates one test per conformance case for the backend the factory makes.
/// `$make` is an expression of a closure `|| async { Fixture<B> }`.
///
/// The list of cases below is the only one: [`CONFORMANCE_CASES`] is generated
/// from it, and a unit test fails when a `pub async fn` of [`cases`] is in neither
/// this list nor [`gate_tests!`]'s.
#[macro_export]
macro_rules! conformance_tests {
    ($make:expr) => {
        $crate::conformance_tests!(@list [$make]);
    };
    (@list $args:tt) => {
        $crate::conformance_tests! {@go $args;
            accepted_persists_and_redacts,
            declined_stores_nothing_without_round_trip,
            pending_buffers_then_flushes_in_order,
            events_before_meta_are_buffered,
            pending_then_declined_discards,
            withdrawal_erases_by_default,
            withdrawal_can_keep,
            downgrade_to_pending_stops_writes,
            held_events_follow_consent_decided_elsewhere,
            ordering_under_concurrent_sessions,
            idempotency_under_concurrency,
            keyless_duplicates,
            summary_versions_and_usage_totals,
            session_upsert_and_hang_up,
            erase_user_is_complete_and_precise,
            purge_before_retention,
            session_pagination_edges,
            child_pagination_edges,
            unicode_round_trip,
            delete_session_removes_children,
            delete_event_removes_one,
            ingest_mixed_sessions,
            user_email_conflict,
            reads_of_unknown_sessions,
            health_reports_buffers,
            withdrawal_elsewhere_is_final,
            withdrawal_keep_stays_declined,
            erase_user_during_live_call,
            nothing_stored_before_consent,
            keyless_events_differing_in_pii_are_kept,
            end_before_stored_start_is_rejected,
            every_stored_field_is_covered
        }
    };
    (@go [names]; $($case:ident),* $(,)?) => {
        &[$(stringify!($case)),*]
    };
    (@go [$make:expr]; $($case:ident),* $(,)?) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn $case() {
                $crate::cases::$case($make).await;
            }
        )*
    };
}

/// Generates one test per case of the consent gate and validation — behaviour of
/// [`RealtimeStore`](realtime_store::RealtimeStore) in front of any backend, so it
/// runs once (on the memory backend), not per backend.
#[macro_export]
macro_rules! gate_tests {
    ($make:expr) => {
        $crate::gate_tests!(@list [$make]);
    };
    (@list $args:tt) => {
        $crate::conformance_tests! {@go $args;
            buffer_overflow_is_counted,
            buffer_byte_limit_is_counted,
            buffer_total_byte_limit_is_counted,
            buffer_expiry_is_counted,
            consent_is_cached_not_read_per_append,
            withdrawal_fails_closed,
            failed_flush_keeps_events_in_order,
            held_metas_are_bounded,
            held_meta_over_the_limit_keeps_the_older,
            validation_rules,
            batch_validated_whole,
            errors_never_echo_content,
            custom_redaction_function
        }
    };
}

/// The names of the per-backend conformance cases.
pub const CONFORMANCE_CASES: &[&str] = conformance_tests!(@list [names]);

/// The names of the gate cases.
pub const GATE_CASES: &[&str] = gate_tests!(@list [names]);

#[cfg(test)]
mod tests {
    /// Every case written is run by one of the two suites (a case left off a list
    /// would silently never run).
    #[test]
    fn every_case_is_in_exactly_one_suite() {
        let sources = [
            include_str!("cases/consent.rs"),
            include_str!("cases/lifecycle.rs"),
            include_str!("cases/privacy.rs"),
            include_str!("cases/validation.rs"),
            include_str!("cases/writes.rs"),
        ];
        let mut written = Vec::new();
        for src in sources {
            for line in src.lines() {
                if let Some(rest) = line.strip_prefix("pub async fn ") {
                    let name: String = rest
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    written.push(name);
                }
            }
        }
        assert!(written.len() > 30, "found the cases: {written:?}");
        for name in &written {
            let n = super::CONFORMANCE_CASES
                .iter()
                .filter(|c| *c == name)
                .count()
                + super::GATE_CASES.iter().filter(|c| *c == name).count();
            assert_eq!(n, 1, "case {name} must be in exactly one suite");
        }
        assert_eq!(
            written.len(),
            super::CONFORMANCE_CASES.len() + super::GATE_CASES.len(),
            "every listed case exists"
        );
    }
}
