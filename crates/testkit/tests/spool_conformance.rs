//! The whole conformance suite through the fallback spool layer, with a healthy
//! primary (memory and SQLite): the spool must change nothing while the primary
//! answers (every outcome `persisted`, the spool empty).

use realtime_store::{GroupCommit, MemoryStore, Spool, SpoolConfig, SqliteStore};
use realtime_store_testkit::Fixture;

mod memory {
    use super::*;
    realtime_store_testkit::conformance_tests!(|| async {
        let dir = tempfile::tempdir().expect("temp dir");
        let spool = Spool::open(
            MemoryStore::default(),
            SpoolConfig::new(dir.path().join("spool.db")),
        )
        .await
        .expect("open spool");
        Fixture::new(spool).with_guard(dir)
    });
}

mod sqlite {
    use super::*;
    realtime_store_testkit::conformance_tests!(|| async {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("store.db").display());
        let store = SqliteStore::open(&url).await.expect("open sqlite");
        let spool = Spool::open(store, SpoolConfig::new(dir.path().join("spool.db")))
            .await
            .expect("open spool");
        Fixture::new(GroupCommit::new(spool)).with_guard(dir)
    });
}
