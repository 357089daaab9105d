//! The spool's start-up checks: room on its disk for what it may grow to, and a
//! torn or corrupt file repaired or moved aside with a clear message (never a
//! crash loop, never a panic).

mod spool_support;

use std::io::Write;

use realtime_store::{
    Consent, Error, MemoryStore, PersistenceStore, SessionMeta, Spool, SpoolConfig, WriteCore,
    WriteOutcome,
};
use realtime_store_testkit::Switch;
use spool_support::*;

/// The spool databases moved aside (their `-wal`/`-shm`, if any, beside them).
fn corrupt_files(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".corrupt-") && !n.ends_with("-wal") && !n.ends_with("-shm"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_spool_whose_disk_has_no_room_for_its_bound_refuses_to_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("spool.db");
    let free = fs4_free(dir.path());
    let e = Spool::open(MemoryStore::default(), cfg(&path).max_bytes(free * 4))
        .await
        .expect_err("no room for the bound");
    assert!(matches!(e, Error::Config(_)), "{e:?}");
    let msg = e.to_string();
    for part in [
        "--spool-max-bytes",
        "SpoolConfig::max_bytes",
        &(free * 4).to_string(),
        "bytes free",
    ] {
        assert!(msg.contains(part), "{part:?} not in {msg}");
    }
    assert!(corrupt_files(dir.path()).is_empty(), "nothing moved aside");
    // Within the room it starts.
    let s = Spool::open(MemoryStore::default(), cfg(&path).max_bytes(1 << 20))
        .await
        .unwrap();
    assert_eq!(s.stats().await.depth, 0);
}

/// Free bytes of the filesystem holding `dir`, as `df` reports them.
fn fs4_free(dir: &std::path::Path) -> u64 {
    let out = std::process::Command::new("df")
        .args(["--output=avail", "-B1"])
        .arg(dir)
        .output()
        .expect("df");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .nth(1)
        .and_then(|l| l.trim().parse().ok())
        .expect("df output")
}

/// Writes three spooled segments (the primary down) and returns the stack.
async fn spool_three(path: &std::path::Path) -> (Primary, Stack) {
    let primary = Switch::new(MemoryStore::default());
    let store = stack_with(primary.clone(), cfg(path)).await;
    primary.set_down(true);
    store
        .save_session_meta(SessionMeta::new("t", Consent::Accepted))
        .await
        .unwrap();
    for i in 0..3 {
        let o = store
            .append_transcript("t", seg(0, i, "kept"))
            .await
            .unwrap();
        assert_eq!(o, WriteOutcome::Spooled);
    }
    (primary, store)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_truncated_spool_file_is_moved_aside_and_a_fresh_one_works() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("spool.db");
    {
        let (_p, store) = spool_three(&path).await;
        // Enough rows that the file has more pages than the schema.
        for i in 3..200 {
            store
                .append_transcript("t", seg(0, i, &"y".repeat(200)))
                .await
                .unwrap();
        }
        store.close().await;
    }
    let len = std::fs::metadata(&path).unwrap().len();
    assert!(len > 4 * 4096, "{len}");
    std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(len / 2)
        .unwrap();
    let primary = Switch::new(MemoryStore::default());
    let store = stack_with(primary.clone(), cfg(&path)).await;
    assert_eq!(
        corrupt_files(dir.path()).len(),
        1,
        "the torn file is kept aside"
    );
    assert_eq!(spool_of(&store).stats().await.depth, 0);
    primary.set_down(true);
    store
        .save_session_meta(SessionMeta::new("n", Consent::Accepted))
        .await
        .unwrap();
    let o = store
        .append_transcript("n", seg(0, 0, "new"))
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Spooled);
    primary.set_down(false);
    spool_of(&store).wait_replayed().await;
    assert_eq!(primary_texts(&primary, "n").await, vec!["new 0 0"]);
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn garbage_in_place_of_the_spool_file_is_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("spool.db");
    std::fs::write(&path, b"not a database at all, just bytes".repeat(300)).unwrap();
    std::fs::write(dir.path().join("spool.db-wal"), vec![0x5Au8; 5000]).unwrap();
    let s = Spool::open(MemoryStore::default(), cfg(&path))
        .await
        .unwrap();
    assert_eq!(s.stats().await.depth, 0);
    let moved = corrupt_files(dir.path());
    assert_eq!(moved.len(), 1, "{moved:?}");
    // The garbage WAL is not applied to the fresh spool.
    let wal = std::fs::read(dir.path().join("spool.db-wal")).unwrap_or_default();
    assert!(!wal.windows(64).any(|w| w.iter().all(|b| *b == 0x5A)));
    // Twice in a row: the fresh file opens as it is (no crash loop).
    s.close().await;
    let s = Spool::open(MemoryStore::default(), cfg(&path))
        .await
        .unwrap();
    assert_eq!(corrupt_files(dir.path()).len(), 1);
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_torn_wal_tail_is_dropped_and_every_committed_write_replayed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("spool.db");
    let (_p, store) = spool_three(&path).await;
    // A crash image: the files as they are on disk while the store runs
    // (every commit fsynced into the WAL), plus half a frame of an unfinished
    // commit at the WAL's end.
    let image = tempfile::tempdir().unwrap();
    let copy = image.path().join("spool.db");
    std::fs::copy(&path, &copy).unwrap();
    let wal = image.path().join("spool.db-wal");
    std::fs::copy(dir.path().join("spool.db-wal"), &wal).unwrap();
    assert!(
        std::fs::metadata(&wal).unwrap().len() > 0,
        "the WAL holds the commits"
    );
    let mut f = std::fs::OpenOptions::new().append(true).open(&wal).unwrap();
    f.write_all(&[0x37, 0x7f, 0x06, 0x82]).unwrap();
    f.write_all(&[0xEEu8; 2000]).unwrap();
    drop(f);
    drop(store);
    let primary = Switch::new(MemoryStore::default());
    let restarted = stack_with(primary.clone(), cfg(&copy)).await;
    assert!(corrupt_files(image.path()).is_empty(), "repaired in place");
    spool_of(&restarted).wait_replayed().await;
    let want: Vec<String> = (0..3).map(|i| format!("kept 0 {i}")).collect();
    assert_eq!(primary_texts(&primary, "t").await, want);
    restarted.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_in_memory_fallback_is_not_checked_for_disk_room() {
    let s = Spool::open(
        MemoryStore::default(),
        SpoolConfig::in_memory().max_bytes(1 << 40),
    )
    .await
    .unwrap();
    assert!(s.path().is_none());
    assert!(s.stats().await.in_memory);
}
