//! Disk faults under the spool, on a small tmpfs (root; CI runs as root): the
//! disk filling up and a read-only remount in the middle of an outage. Each
//! write the spool could not store fails with a clear [`Error::Spool`] and is
//! never acknowledged; every acknowledged write is replayed once the primary is
//! back; once the fault is lifted the spool takes writes again.
//! (A failing fsync, EIO, is `crates/server/tests/serve_fsync.rs`, under libfiu.)

mod spool_support;

use std::time::{Duration, Instant};

use realtime_store::{Consent, Error, MemoryStore, PersistenceStore, SessionMeta, WriteOutcome};
use realtime_store_testkit::Switch;
use spool_support::*;

/// Appends until the first refusal; returns the acknowledged indices and the error.
async fn fill(store: &Stack, id: &str, from: usize, text: &str) -> (Vec<usize>, Error) {
    let mut acked = Vec::new();
    for i in from..from + 5000 {
        match store.append_transcript(id, seg(0, i, text)).await {
            Ok(o) => {
                assert_eq!(o, WriteOutcome::Spooled, "write {i}");
                acked.push(i);
            }
            Err(e) => return (acked, e),
        }
    }
    panic!("the disk never filled up");
}

/// Retries one write until the spool takes it again (the fault lifted), at most
/// for `within`; every refusal on the way must be a spool error.
async fn until_accepted(store: &Stack, id: &str, i: usize, within: Duration) -> WriteOutcome {
    let started = Instant::now();
    loop {
        match store.append_transcript(id, seg(0, i, "after")).await {
            Ok(o) => return o,
            Err(e) => {
                assert!(matches!(e, Error::Spool { .. }), "{e:?}");
                assert!(started.elapsed() < within, "still refused: {e}");
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_refuses_writes_without_acknowledging_them_and_recovers() {
    let fs = match Tmpfs::mount("2m") {
        Ok(fs) => fs,
        Err(why) => {
            skip(&format!("cannot mount a tmpfs: {why}"));
            return;
        }
    };
    let path = fs.file("spool.db");
    let primary = Switch::new(MemoryStore::default());
    // The bound fits the disk at start; then something else fills the disk.
    let store = stack_with(primary.clone(), cfg(&path).max_bytes(1536 << 10)).await;
    store
        .save_session_meta(SessionMeta::new("d", Consent::Accepted))
        .await
        .unwrap();
    let filler = fs.file("filler");
    std::fs::write(&filler, vec![1u8; 1200 << 10]).unwrap();
    primary.set_down(true);
    let (acked, e) = fill(&store, "d", 0, &"z".repeat(1500)).await;
    assert!(!acked.is_empty());
    let Error::Spool { what, .. } = &e else {
        panic!("not a spool error: {e:?}");
    };
    assert!(what.contains("full"), "{e}");
    assert!(e.to_string().contains("spool"), "{e}");
    assert!(e.is_retryable());
    // Still refused while the disk is full; nothing of it acknowledged.
    assert!(store
        .append_transcript("d", seg(0, 9000, &"z".repeat(1500)))
        .await
        .is_err());
    // Space freed: accepted again.
    std::fs::remove_file(&filler).unwrap();
    let o = until_accepted(&store, "d", 9001, Duration::from_secs(30)).await;
    assert_eq!(o, WriteOutcome::Spooled);
    primary.set_down(false);
    spool_of(&store).wait_replayed().await;
    let mut want: Vec<String> = acked
        .iter()
        .map(|i| format!("{} 0 {i}", "z".repeat(1500)))
        .collect();
    want.push("after 0 9001".to_owned());
    assert_eq!(
        primary_texts(&primary, "d").await,
        want,
        "exactly the acknowledged writes"
    );
    let st = spool_of(&store).stats().await;
    assert!(st.rejected >= 2, "{st:?}");
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_only_filesystem_mid_outage_refuses_writes_and_recovers() {
    let fs = match LoopFs::mount(16) {
        Ok(fs) => fs,
        Err(why) => {
            skip(&format!("cannot loop-mount an ext4 filesystem: {why}"));
            return;
        }
    };
    let path = fs.file("spool.db");
    let primary = Switch::new(MemoryStore::default());
    let store = stack_with(primary.clone(), cfg(&path).max_bytes(4 << 20)).await;
    // A call that starts during the outage: its meta is spooled too.
    primary.set_down(true);
    store
        .save_session_meta(SessionMeta::new("r", Consent::Accepted))
        .await
        .unwrap();
    for i in 0..5 {
        let o = store
            .append_transcript("r", seg(0, i, "before"))
            .await
            .unwrap();
        assert_eq!(o, WriteOutcome::Spooled);
    }
    let plain = fs.go_read_only();
    let e = store
        .append_transcript("r", seg(0, 5, "refused"))
        .await
        .expect_err("a read-only filesystem takes no write");
    assert!(matches!(e, Error::Spool { .. }), "{e:?}");
    assert!(e.to_string().contains("spool"), "{e}");
    assert!(e.is_retryable());
    let h = store.health().await;
    assert!(
        h.detail
            .as_deref()
            .is_some_and(|d| d.contains("spool failed")),
        "{h:?}"
    );
    assert!(spool_of(&store).stats().await.failed);
    // Still refused after the reopen pause: reopening probes with a durable
    // write, which the read-only filesystem refuses.
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert!(store
        .append_transcript("r", seg(0, 6, "refused"))
        .await
        .is_err());
    let store = if plain {
        // Writable again: the spool reopens itself on the next write.
        fs.remount_rw();
        store
    } else {
        // After an emergency read-only the kernel wants the filesystem
        // unmounted and checked: the service restarts over the same spool.
        store.close().await;
        drop(store);
        fs.repair().await;
        let restarted = stack_with(primary.clone(), cfg(&path).max_bytes(4 << 20)).await;
        assert_eq!(
            spool_of(&restarted).stats().await.depth,
            6,
            "meta and 5 events"
        );
        restarted
    };
    let o = until_accepted(&store, "r", 7, Duration::from_secs(30)).await;
    assert_eq!(o, WriteOutcome::Spooled);
    assert!(!spool_of(&store).stats().await.failed);
    primary.set_down(false);
    spool_of(&store).wait_replayed().await;
    let mut want: Vec<String> = (0..5).map(|i| format!("before 0 {i}")).collect();
    want.push("after 0 7".to_owned());
    assert_eq!(primary_texts(&primary, "r").await, want);
    store.close().await;
}
