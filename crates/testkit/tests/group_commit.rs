//! The group-commit layer: the whole conformance suite through it on every
//! backend, and what the layer itself promises — per-session order of many
//! concurrent sessions, one failing session not failing the others of its
//! batch, a full queue answering `Overloaded`, and a graceful close that loses
//! nothing queued. No timing assertions: stalls are made with a gate, not sleeps.

use std::sync::Arc;

use realtime_store::{
    Consent, Error, GroupCommit, GroupCommitConfig, Layer, MemoryStore, PageRequest,
    PersistenceStore, Reads, RealtimeStore, Role, SessionMeta, SqliteStore, Timestamp,
    TranscriptSegment, WriteOutcome,
};
use realtime_store_testkit::{Fixture, Gated};

mod memory {
    use super::*;
    realtime_store_testkit::conformance_tests!(|| async {
        Fixture::new(GroupCommit::new(MemoryStore::default()))
    });
}

mod sqlite {
    use super::*;
    realtime_store_testkit::conformance_tests!(|| async {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("store.db").display());
        let store = SqliteStore::open(&url).await.expect("open sqlite");
        Fixture::new(GroupCommit::new(store)).with_guard(dir)
    });
}

#[cfg(feature = "postgres")]
mod postgres {
    use super::*;
    realtime_store_testkit::conformance_tests!(|| async {
        realtime_store_testkit::pg::fixture()
            .await
            .map(GroupCommit::new)
    });
}

fn seg(i: usize) -> TranscriptSegment {
    let mut s = TranscriptSegment::new(
        Role::User,
        format!("segment {i}"),
        Timestamp::from_millis(1_700_000_000_000 + i as i64),
    );
    s.item_id = Some(format!("item-{i}"));
    s
}

async fn sqlite_file() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("store.db").display());
    (dir, url)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sixty_four_concurrent_sessions_keep_their_order() {
    let (_dir, url) = sqlite_file().await;
    let store = Arc::new(RealtimeStore::new(GroupCommit::new(
        SqliteStore::open(&url).await.unwrap(),
    )));
    let per = 30;
    let mut tasks = Vec::new();
    for s in 0..64 {
        let store = Arc::clone(&store);
        tasks.push(tokio::spawn(async move {
            let id = format!("call-{s}");
            store
                .save_session_meta(SessionMeta::new(&id, Consent::Accepted))
                .await
                .unwrap();
            for i in 0..per {
                let o = store.append_transcript(&id, seg(i)).await.unwrap();
                assert_eq!(o, WriteOutcome::Persisted);
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let stats = store.backend().stats();
    assert!(
        stats.batches < stats.requests,
        "requests were coalesced ({} batches for {} requests)",
        stats.batches,
        stats.requests
    );
    for s in 0..64 {
        let page = store
            .get_transcripts(&format!("call-{s}"), &PageRequest::default())
            .await
            .unwrap();
        let texts: Vec<String> = page.items.iter().map(|x| x.text.clone()).collect();
        let want: Vec<String> = (0..per).map(|i| format!("segment {i}")).collect();
        assert_eq!(texts, want, "session {s} in order, each once");
        let seqs: Vec<i64> = page.items.iter().map(|x| x.seq).collect();
        assert_eq!(seqs, (1..=per as i64).collect::<Vec<_>>(), "contiguous seq");
    }
    store.close().await;
}

/// A session whose inserts the database refuses (a trigger on the append log,
/// where a file database writes appends first) fails alone: the
/// other sessions of the same batches are written.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_session_does_not_fail_its_batch() {
    let (_dir, url) = sqlite_file().await;
    let backend = SqliteStore::open(&url).await.unwrap();
    let raw = sqlx::SqlitePool::connect(&url).await.unwrap();
    sqlx::query(
        "CREATE TRIGGER refuse_bad BEFORE INSERT ON event_log WHEN NEW.session_id = 'bad'
         BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END",
    )
    .execute(&raw)
    .await
    .unwrap();
    raw.close().await;
    // A stalled worker makes sure the bad session shares a batch with others.
    let mut cfg = GroupCommitConfig::default();
    cfg.max_wait = std::time::Duration::from_millis(20);
    let store = Arc::new(RealtimeStore::new(GroupCommit::with_config(backend, cfg)));
    let ids: Vec<String> = (0..16)
        .map(|i| format!("good-{i}"))
        .chain(["bad".to_owned()])
        .collect();
    for id in &ids {
        store
            .save_session_meta(SessionMeta::new(id, Consent::Accepted))
            .await
            .unwrap();
    }
    let mut tasks = Vec::new();
    for id in ids.clone() {
        let store = Arc::clone(&store);
        tasks.push(tokio::spawn(async move {
            let r = store.append_transcript(&id, seg(1)).await;
            (id, r)
        }));
    }
    for t in tasks {
        let (id, r) = t.await.unwrap();
        if id == "bad" {
            let e = r.expect_err("the refused session fails");
            assert!(!e.to_string().contains("segment"), "no content in errors");
        } else {
            assert_eq!(r.unwrap(), WriteOutcome::Persisted, "{id} is written");
        }
    }
    let stats = store.backend().stats();
    assert!(stats.batches < stats.requests, "the writes shared batches");
    for id in &ids {
        let n = store
            .get_transcripts(id, &PageRequest::default())
            .await
            .unwrap()
            .items
            .len();
        assert_eq!(n, usize::from(id != "bad"), "{id}");
    }
}

/// A backend whose batches wait until the test lets them go.
fn stalled() -> Gated<MemoryStore> {
    Gated::held(MemoryStore::default())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_queue_answers_overloaded() {
    let mut cfg = GroupCommitConfig::default();
    cfg.queue_events = 8;
    let store = Arc::new(RealtimeStore::new(GroupCommit::with_config(stalled(), cfg)));
    for i in 0..40 {
        store
            .save_session_meta(SessionMeta::new(format!("s{i}"), Consent::Accepted))
            .await
            .unwrap();
    }
    let mut pending = Vec::new();
    let mut overloaded = 0;
    for i in 0..40 {
        let store = Arc::clone(&store);
        let t =
            tokio::spawn(async move { store.append_transcript(&format!("s{i}"), seg(i)).await });
        pending.push(t);
        tokio::task::yield_now().await;
    }
    // While the worker is stalled, the queue fills: some callers are refused.
    let inner = Layer::inner(store.backend());
    let mut answered = Vec::new();
    loop {
        let done = pending.iter().filter(|t| t.is_finished()).count();
        let queued = store.backend().stats().queued_events;
        // the stalled batch may hold several requests (one event each)
        let entered = inner.events() as usize;
        if done + queued as usize + entered >= 40 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(1)).await;
    }
    inner.open.add_permits(1000);
    for t in pending {
        answered.push(t.await.unwrap());
    }
    for r in &answered {
        match r {
            Ok(o) => assert_eq!(*o, WriteOutcome::Persisted),
            Err(Error::Overloaded) => overloaded += 1,
            Err(e) => panic!("unexpected error: {e}"),
        }
    }
    assert!(overloaded > 0, "a full queue refuses writes");
    assert!(Error::Overloaded.is_retryable(), "overloaded is retryable");
    assert_eq!(store.backend().stats().overloaded, overloaded);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn graceful_close_loses_nothing_queued() {
    let (_dir, url) = sqlite_file().await;
    let store = Arc::new(RealtimeStore::new(GroupCommit::new(
        SqliteStore::open(&url).await.unwrap(),
    )));
    let mut tasks = Vec::new();
    for s in 0..32 {
        store
            .save_session_meta(SessionMeta::new(format!("c{s}"), Consent::Accepted))
            .await
            .unwrap();
    }
    for s in 0..32 {
        let store = Arc::clone(&store);
        tasks.push(tokio::spawn(async move {
            let mut acked = 0;
            for i in 0..20 {
                match store.append_transcript(&format!("c{s}"), seg(i)).await {
                    Ok(WriteOutcome::Persisted) => acked += 1,
                    Ok(o) => panic!("unexpected outcome {o:?}"),
                    Err(_) => break, // closed: not acknowledged
                }
            }
            acked
        }));
    }
    tokio::task::yield_now().await;
    store.close().await;
    let mut acked = Vec::new();
    for t in tasks {
        acked.push(t.await.unwrap());
    }
    let reopened = SqliteStore::open(&url).await.unwrap();
    for (s, n) in acked.iter().enumerate() {
        let got = reopened
            .get_transcripts(&format!("c{s}"), &PageRequest::default())
            .await
            .unwrap()
            .items
            .len();
        assert!(got >= *n, "session c{s}: {n} acknowledged, {got} stored");
        assert!(
            got <= *n + 1,
            "at most the one in flight at close beyond those acked"
        );
    }
    reopened.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn erasure_waits_for_queued_appends() {
    let store = Arc::new(RealtimeStore::new(GroupCommit::new(stalled())));
    let mut meta = SessionMeta::new("e1", Consent::Accepted);
    meta.user = Some(realtime_store::User::new("user-1"));
    store.save_session_meta(meta).await.unwrap();
    let writer = {
        let store = Arc::clone(&store);
        tokio::spawn(async move { store.append_transcript("e1", seg(1)).await })
    };
    let inner = Layer::inner(store.backend());
    while inner.batches() == 0 {
        tokio::time::sleep(std::time::Duration::from_millis(1)).await;
    }
    let eraser = {
        let store = Arc::clone(&store);
        tokio::spawn(async move { store.erase_user("user-1").await })
    };
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    assert!(
        !eraser.is_finished(),
        "erasure waits behind the queued append"
    );
    inner.open.add_permits(100);
    let w = writer.await.unwrap().unwrap();
    assert_eq!(w, WriteOutcome::Persisted);
    let counts = eraser.await.unwrap().unwrap();
    assert_eq!(
        counts.transcripts, 1,
        "the queued append was erased with the user"
    );
    let left = store
        .get_transcripts("e1", &PageRequest::default())
        .await
        .unwrap();
    assert!(left.items.is_empty());
}

/// A closed loop of live calls (each awaits its previous append) commits in one
/// batch per round: after a batch, the worker waits for the callers it just
/// answered (`regroup`) instead of committing whoever else is queued, which
/// would split the calls into two halves taking turns.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answered_callers_are_regrouped_into_one_batch() {
    let mut cfg = GroupCommitConfig::default();
    // Wait up to a whole commit's time (200 ms here), far more than the callers
    // need to come back, even on a loaded machine (at 50 ms a CI-loaded run once
    // split a round).
    cfg.regroup = 1.0;
    let store = Arc::new(RealtimeStore::new(GroupCommit::with_config(stalled(), cfg)));
    let (calls, rounds) = (16, 6);
    for s in 0..calls {
        store
            .save_session_meta(SessionMeta::new(format!("c{s}"), Consent::Accepted))
            .await
            .unwrap();
    }
    // Every commit takes 200 ms: a batch is let go 200 ms after it reached the
    // backend (so a commit is never instant and the wait it bounds never zero).
    let ticker = {
        let store = Arc::clone(&store);
        tokio::spawn(async move {
            let inner = Layer::inner(store.backend());
            let mut released = 0;
            loop {
                if inner.batches() > released {
                    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                    inner.open.add_permits(1);
                    released += 1;
                } else {
                    tokio::time::sleep(std::time::Duration::from_millis(1)).await;
                }
            }
        })
    };
    let mut tasks = Vec::new();
    for s in 0..calls {
        let store = Arc::clone(&store);
        tasks.push(tokio::spawn(async move {
            for i in 0..rounds {
                let o = store.append_transcript(&format!("c{s}"), seg(i)).await;
                assert_eq!(o.unwrap(), WriteOutcome::Persisted);
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    ticker.abort();
    let stats = store.backend().stats();
    assert_eq!(stats.requests, (calls * rounds) as u64);
    // The first round may split (calls arrive one by one); after it, one batch a
    // round. Taking turns would need about twice as many.
    assert!(
        stats.batches <= rounds as u64 + 3,
        "{} batches for {rounds} rounds of {calls} calls",
        stats.batches
    );
}
