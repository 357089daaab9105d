//! PgBouncer transaction mode: the whole conformance suite with
//! `prepared_statements = false`, and proof that no named server-side statement
//! is left on the store's connections in that mode (and that one is in the
//! default mode, so the check can tell them apart).
#![cfg(feature = "postgres")]

use realtime_store::{
    Consent, PageRequest, PersistenceStore, PostgresOptions, RealtimeStore, Role, SessionMeta,
    Timestamp, TranscriptSegment,
};
use realtime_store_testkit::pg;

realtime_store_testkit::conformance_tests!(|| pg::fixture_with(PostgresOptions {
    prepared_statements: false,
    ..PostgresOptions::default()
}));

/// Runs a small workload on a one-connection store and returns how many
/// prepared statements that connection holds on the server.
async fn prepared_statements_left(prepared: bool) -> i64 {
    let schema = pg::fresh_schema().await;
    let backend = schema
        .open_with(PostgresOptions {
            prepared_statements: prepared,
            max_connections: 1,
            ..schema.options()
        })
        .await;
    let store = RealtimeStore::new(backend);
    store
        .save_session_meta(SessionMeta::new("pgb_1", Consent::Accepted))
        .await
        .unwrap();
    let at = Timestamp::now().add_millis(-1000);
    for i in 0..5 {
        store
            .append_transcript(
                "pgb_1",
                TranscriptSegment::new(Role::User, format!("t{i}"), at.add_millis(i)),
            )
            .await
            .unwrap();
    }
    assert_eq!(
        store
            .get_transcripts("pgb_1", &PageRequest::all())
            .await
            .unwrap()
            .items
            .len(),
        5
    );
    assert!(store.get_session("pgb_1").await.unwrap().is_some());
    // The pool's only connection: the one that ran everything above.
    sqlx::query_scalar("SELECT count(*) FROM pg_prepared_statements")
        .persistent(false)
        .fetch_one(store.backend().pool())
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_named_statements_without_prepared_mode() {
    assert_eq!(prepared_statements_left(false).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn named_statements_are_cached_in_default_mode() {
    assert!(prepared_statements_left(true).await > 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn statement_timeout_is_a_connection_setting_in_default_mode() {
    let schema = pg::fresh_schema().await;
    let store = schema
        .open_with(PostgresOptions {
            statement_timeout: Some(std::time::Duration::from_millis(1234)),
            ..schema.options()
        })
        .await;
    let v: String = sqlx::query_scalar("SHOW statement_timeout")
        .fetch_one(store.pool())
        .await
        .unwrap();
    assert_eq!(v, "1234ms");
}
