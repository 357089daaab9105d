//! The fallback of the test support: a throwaway cluster started from the local
//! server binaries (as the `postgres` user when running as root), used like any
//! other server. Fails, with installation advice, where no binaries exist.
#![cfg(feature = "postgres")]

use realtime_store::{
    Consent, PageRequest, PersistenceStore, PostgresOptions, PostgresStore, RealtimeStore, Role,
    SessionMeta, Timestamp, TranscriptSegment, WriteOutcome,
};
use realtime_store_testkit::pg;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn throwaway_cluster_serves_a_store() {
    let url = tokio::task::spawn_blocking(pg::start_throwaway_cluster)
        .await
        .unwrap()
        .unwrap_or_else(|e| {
            panic!("throwaway cluster: {e} (install PostgreSQL: apt-get install postgresql)")
        });
    assert!(url.starts_with("postgres://postgres@127.0.0.1:"), "{url}");
    assert!(
        !url.contains(":5432/"),
        "a port of its own, not the local server's"
    );
    // pg_ctl -w returned: it accepts connections (retry briefly on a slow start).
    let mut backend = None;
    for _ in 0..50 {
        match PostgresStore::open_with(&url, PostgresOptions::default()).await {
            Ok(b) => {
                backend = Some(b);
                break;
            }
            Err(_) => tokio::time::sleep(std::time::Duration::from_millis(100)).await,
        }
    }
    let store = RealtimeStore::new(backend.expect("open a store on the throwaway cluster"));
    store
        .save_session_meta(SessionMeta::new("tc_1", Consent::Accepted))
        .await
        .unwrap();
    let o = store
        .append_transcript(
            "tc_1",
            TranscriptSegment::new(Role::User, "hello", Timestamp::now()),
        )
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Persisted);
    let rows = store
        .get_transcripts("tc_1", &PageRequest::all())
        .await
        .unwrap()
        .items;
    assert_eq!(rows.len(), 1);
    // It is the cluster in the temporary directory, not another server.
    let data_dir: String = sqlx::query_scalar("SELECT current_setting('data_directory')")
        .fetch_one(store.backend().pool())
        .await
        .unwrap();
    assert!(data_dir.contains("realtime-store-pg-"), "{data_dir}");
}
