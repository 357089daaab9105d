//! The conformance suite against the embedded SQLite backend (a file database in
//! a fresh temporary directory per test, WAL mode, as in production).

use realtime_store::SqliteStore;
use realtime_store_testkit::Fixture;

realtime_store_testkit::conformance_tests!(|| async {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("store.db").display());
    let store = SqliteStore::open(&url).await.expect("open sqlite");
    Fixture::new(store).with_guard(dir)
});
