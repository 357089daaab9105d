//! The fallback spool with a primary that goes down and comes back (a
//! [`Switch`] over a memory store, so each test is fast and starts what it
//! needs): acknowledged writes survive the outage exactly once and in order,
//! tombstones spooled during the outage win, erased content leaves the spool
//! file at once, a full spool refuses writes (never acknowledging them), a
//! corrupt spool file is moved aside, and a spool left non-empty by a crash is
//! replayed at the next start before anything else.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use realtime_store::{
    Consent, Error, GroupCommit, Layer, MemoryStore, PageRequest, PersistenceStore, Reads,
    RealtimeStore, Role, SessionMeta, Spool, SpoolConfig, Timestamp, TranscriptSegment, User,
    WriteOutcome,
};
use realtime_store_testkit::Switch;

type Primary = Switch<MemoryStore>;
type Stack = RealtimeStore<GroupCommit<Spool<Primary>>>;

fn cfg(path: &Path) -> SpoolConfig {
    SpoolConfig::new(path).retry_every(Duration::from_millis(10))
}

async fn stack(primary: Primary, path: &Path) -> Stack {
    let spool = Spool::open(primary, cfg(path)).await.expect("open spool");
    RealtimeStore::new(GroupCommit::new(spool))
}

fn spool_of(s: &Stack) -> &Spool<Primary> {
    s.backend().inner()
}

fn seg(session: usize, i: usize, text: &str) -> TranscriptSegment {
    let mut s = TranscriptSegment::new(
        Role::User,
        format!("{text} {session} {i}"),
        Timestamp::from_millis(1_700_000_000_000 + i as i64),
    );
    s.item_id = Some(format!("item-{i}"));
    s
}

/// The texts the primary itself holds for a session, in `seq` order.
async fn primary_texts(p: &Primary, id: &str) -> Vec<String> {
    p.primary()
        .get_transcripts(id, &PageRequest::first(1000))
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|s| s.text)
        .collect()
}

/// Every file of the spool (`.db`, `-wal`, `-shm`), concatenated.
fn spool_bytes(path: &Path) -> Vec<u8> {
    let mut all = Vec::new();
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        if let Ok(b) = std::fs::read(&p) {
            all.extend(b);
        }
    }
    all
}

fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sixty_four_sessions_through_an_outage_keep_every_write_once_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("spool.db");
    let primary = Switch::new(MemoryStore::default());
    let store = Arc::new(stack(primary.clone(), &path).await);
    let per = 40;
    let (down_at, up_at) = (10, 25);
    let barrier = Arc::new(tokio::sync::Barrier::new(64));
    let mut tasks = Vec::new();
    for s in 0..64 {
        let (store, primary, barrier) = (store.clone(), primary.clone(), barrier.clone());
        tasks.push(tokio::spawn(async move {
            let id = format!("call-{s}");
            store
                .save_session_meta(SessionMeta::new(&id, Consent::Accepted))
                .await
                .unwrap();
            let mut outcomes = Vec::new();
            for i in 0..per {
                if i == down_at || i == up_at {
                    barrier.wait().await;
                    if s == 0 {
                        primary.set_down(i == down_at);
                    }
                    barrier.wait().await;
                }
                let o = store
                    .append_transcript(&id, seg(s, i, "said"))
                    .await
                    .unwrap();
                outcomes.push(o);
            }
            outcomes
        }));
    }
    let mut spooled = 0;
    for t in tasks {
        let outcomes = t.await.unwrap();
        for (i, o) in outcomes.iter().enumerate() {
            if (down_at..up_at).contains(&i) {
                assert_eq!(*o, WriteOutcome::Spooled, "event {i} while down");
                spooled += 1;
            } else {
                assert!(
                    matches!(o, WriteOutcome::Persisted | WriteOutcome::Spooled),
                    "event {i}: {o:?}"
                );
            }
        }
    }
    assert_eq!(spooled, 64 * (up_at - down_at));
    let replay_started = std::time::Instant::now();
    spool_of(&store).wait_replayed().await;
    let stats = spool_of(&store).stats().await;
    // The figures of this outage, for the record (`--nocapture`).
    println!(
        "spool figures: spooled {} ops, replayed {} in {:?} (replay rate {:.0} events/s)",
        stats.spooled,
        stats.replayed,
        replay_started.elapsed(),
        stats.replay_rate
    );
    assert_eq!(stats.depth, 0);
    assert!(stats.replayed >= spooled as u64, "{stats:?}");
    assert_eq!(stats.replay_errors, 0);
    for s in 0..64 {
        let want: Vec<String> = (0..per).map(|i| format!("said {s} {i}")).collect();
        assert_eq!(primary_texts(&primary, &format!("call-{s}")).await, want);
    }
    let h = store.health().await;
    assert!(!h.fallback_active && h.spool_depth == 0, "{h:?}");
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_reports_the_outage_and_writes_stay_behind_the_spool() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("spool.db");
    let primary = Switch::new(MemoryStore::default());
    let store = stack(primary.clone(), &path).await;
    store
        .save_session_meta(SessionMeta::new("s1", Consent::Accepted))
        .await
        .unwrap();
    primary.set_down(true);
    // A new session during the outage: its meta is spooled too.
    let o = store
        .save_session_meta(SessionMeta::new("s2", Consent::Accepted))
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Spooled);
    for i in 0..5 {
        for id in ["s1", "s2"] {
            let o = store.append_transcript(id, seg(0, i, id)).await.unwrap();
            assert_eq!(o, WriteOutcome::Spooled);
        }
    }
    // The same event again is a duplicate, also while spooled.
    let o = store
        .append_transcript("s1", seg(0, 4, "s1"))
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Duplicate);
    let h = store.health().await;
    assert!(h.fallback_active, "{h:?}");
    assert_eq!(h.spool_depth, 11);
    assert!(h.oldest_unsynced_ms.is_some());
    assert!(primary_texts(&primary, "s2").await.is_empty());
    primary.set_down(false);
    spool_of(&store).wait_replayed().await;
    for id in ["s1", "s2"] {
        let want: Vec<String> = (0..5).map(|i| format!("{id} 0 {i}")).collect();
        assert_eq!(primary_texts(&primary, id).await, want);
    }
    let st = spool_of(&store).stats().await;
    assert_eq!((st.depth, st.outages, st.fallback_active), (0, 1, false));
    assert!(st.replay_rate > 0.0, "{st:?}");
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn erasure_during_an_outage_leaves_nothing_in_spool_or_primary() {
    const MARK: &str = "zqxspoolmark";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("spool.db");
    let primary = Switch::new(MemoryStore::default());
    let store = stack(primary.clone(), &path).await;
    let meta = |id: &str, user: &str| SessionMeta {
        user: Some(User {
            id: user.to_owned(),
            auth_user_id: None,
            email: None,
        }),
        ..SessionMeta::new(id, Consent::Accepted)
    };
    // One session stored before the outage, one created during it.
    store
        .save_session_meta(meta("before", "u-gone"))
        .await
        .unwrap();
    store
        .append_transcript("before", seg(0, 0, MARK))
        .await
        .unwrap();
    primary.set_down(true);
    store
        .save_session_meta(meta("during", "u-gone"))
        .await
        .unwrap();
    store
        .save_session_meta(meta("other", "u-kept"))
        .await
        .unwrap();
    for i in 1..4 {
        for id in ["before", "during"] {
            let o = store.append_transcript(id, seg(0, i, MARK)).await.unwrap();
            assert_eq!(o, WriteOutcome::Spooled);
        }
        store
            .append_transcript("other", seg(0, i, "kept"))
            .await
            .unwrap();
    }
    // The session created during the outage (its meta names the user) is
    // erased from the spool file at once; "before"'s spooled events (its meta
    // is in the primary) leave with the replay.
    store.erase_user("u-gone").await.unwrap();
    let bytes = spool_bytes(&path);
    assert!(
        contains(&bytes, "kept 0 1"),
        "the other session is still spooled"
    );
    // Writes for the erased session are refused from now on.
    let o = store
        .append_transcript("during", seg(0, 9, MARK))
        .await
        .unwrap();
    assert!(matches!(o, WriteOutcome::Dropped(_)), "{o:?}");
    primary.set_down(false);
    spool_of(&store).wait_replayed().await;
    store.close().await;
    let bytes = spool_bytes(&path);
    assert!(
        !contains(&bytes, MARK),
        "erased content left in the spool file"
    );
    assert!(
        !contains(&bytes, "kept 0 1"),
        "replayed content left in the spool file"
    );
    for id in ["before", "during"] {
        assert!(primary_texts(&primary, id).await.is_empty(), "{id}");
        assert!(primary.primary().get_session(id).await.unwrap().is_none());
    }
    assert_eq!(primary_texts(&primary, "other").await.len(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn withdrawal_during_an_outage_erases_spooled_content_at_once() {
    const MARK: &str = "zqxwithdrawn";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("spool.db");
    let primary = Switch::new(MemoryStore::default());
    let store = stack(primary.clone(), &path).await;
    store
        .save_session_meta(SessionMeta::new("w", Consent::Accepted))
        .await
        .unwrap();
    store.append_transcript("w", seg(0, 0, MARK)).await.unwrap();
    primary.set_down(true);
    for i in 1..4 {
        store.append_transcript("w", seg(0, i, MARK)).await.unwrap();
    }
    assert!(contains(&spool_bytes(&path), MARK));
    store
        .save_session_meta(SessionMeta::new("w", Consent::Declined))
        .await
        .unwrap();
    // Deleted from the spool file and checkpointed before the primary is back.
    assert!(!contains(&spool_bytes(&path), MARK));
    primary.set_down(false);
    spool_of(&store).wait_replayed().await;
    assert!(primary_texts(&primary, "w").await.is_empty());
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_spool_refuses_writes_and_recovers_when_the_primary_is_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("spool.db");
    let primary = Switch::new(MemoryStore::default());
    let spool = Spool::open(primary.clone(), cfg(&path).max_bytes(96 * 1024))
        .await
        .unwrap();
    let store = RealtimeStore::new(GroupCommit::new(spool));
    store
        .save_session_meta(SessionMeta::new("big", Consent::Accepted))
        .await
        .unwrap();
    primary.set_down(true);
    let filler = "x".repeat(2000);
    let mut acked = Vec::new();
    let mut refused = None;
    for i in 0..500 {
        match store.append_transcript("big", seg(0, i, &filler)).await {
            Ok(o) => {
                assert_eq!(o, WriteOutcome::Spooled);
                acked.push(i);
            }
            Err(e) => {
                refused = Some(e);
                break;
            }
        }
    }
    let e = refused.expect("the spool filled up");
    assert!(
        matches!(e, Error::Spool { .. } | Error::Backend { .. }),
        "{e}"
    );
    assert!(
        e.to_string().contains("spool") || format!("{e:?}").contains("full"),
        "{e}"
    );
    assert!(e.is_retryable());
    assert!(!acked.is_empty());
    primary.set_down(false);
    spool_of(&store).wait_replayed().await;
    let got = primary_texts(&primary, "big").await;
    assert_eq!(got.len(), acked.len(), "exactly the acknowledged writes");
    // Working again, straight to the primary.
    let o = store
        .append_transcript("big", seg(0, 999, "after"))
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Persisted);
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_corrupt_spool_file_is_moved_aside_not_a_crash_loop() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("spool.db");
    std::fs::write(&path, vec![0xA5u8; 8192]).unwrap();
    let spool = Spool::open(MemoryStore::default(), cfg(&path))
        .await
        .unwrap();
    assert_eq!(spool.stats().await.depth, 0);
    let moved: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
        .collect();
    assert_eq!(moved.len(), 1, "the corrupt file is kept aside");
    drop(spool);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_spool_left_by_a_crash_is_replayed_first_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("spool.db");
    let memory = MemoryStore::default();
    let primary = Switch::new(memory);
    {
        let store = stack(primary.clone(), &path).await;
        store
            .save_session_meta(SessionMeta::new("known", Consent::Accepted))
            .await
            .unwrap();
        primary.set_down(true);
        store
            .save_session_meta(SessionMeta::new("c", Consent::Accepted))
            .await
            .unwrap();
        for i in 0..3 {
            let o = store
                .append_transcript("c", seg(0, i, "early"))
                .await
                .unwrap();
            assert_eq!(o, WriteOutcome::Spooled);
        }
        // No close: the process "dies" with writes in the spool.
    }
    let store = stack(primary.clone(), &path).await;
    let h = store.health().await;
    assert!(
        h.fallback_active && h.spool_depth == 4,
        "starts degraded: {h:?}"
    );
    // A new write goes behind the spooled ones, even once the primary is up.
    let o = store
        .append_transcript("c", seg(0, 3, "early"))
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Spooled);
    // A session the restarted process knows nothing about (its meta is only in
    // the unreachable primary) fails retryably instead of guessing its consent.
    let e = store
        .append_transcript("known", seg(0, 0, "x"))
        .await
        .unwrap_err();
    assert!(e.is_retryable(), "{e}");
    primary.set_down(false);
    spool_of(&store).wait_replayed().await;
    let want: Vec<String> = (0..4).map(|i| format!("early 0 {i}")).collect();
    assert_eq!(primary_texts(&primary, "c").await, want);
    store.close().await;
}
