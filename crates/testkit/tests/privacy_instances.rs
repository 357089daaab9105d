//! Two separately opened instances of one database (SQLite file, PostgreSQL
//! schema): withdrawal and erasure by one are final for the other.

use realtime_store::SqliteStore;
use realtime_store_testkit::instances::two_instances_withdrawal_and_erasure;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_two_instances() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("shared.db").display());
    let a = SqliteStore::open(&url).await.unwrap();
    let b = SqliteStore::open(&url).await.unwrap();
    two_instances_withdrawal_and_erasure(a, b).await;
}

#[cfg(feature = "postgres")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_two_instances() {
    let schema = realtime_store_testkit::pg::fresh_schema().await;
    let a = schema.open().await;
    let b = schema.open().await;
    two_instances_withdrawal_and_erasure(a, b).await;
}
