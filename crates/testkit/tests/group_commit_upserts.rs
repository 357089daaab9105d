//! Session upserts through the group-commit layer on SQLite: queued with the
//! appends and committed in the same transaction (one fsync for a batch of
//! calls starting, ending and speaking), each under its own savepoint — an
//! upsert the database refuses fails alone, the rest of its batch is written.
//! No timing: the first batch is held at a gate while the others queue.

use std::sync::Arc;

use realtime_store::{
    Consent, Error, GroupCommit, Layer, PageRequest, PersistenceStore, RealtimeStore, Role,
    SessionMeta, SqliteStore, Timestamp, TranscriptSegment, User, WriteCore, WriteOutcome,
};
use realtime_store_testkit::Gated;

fn seg(i: usize) -> TranscriptSegment {
    let mut s = TranscriptSegment::new(
        Role::User,
        format!("segment {i}"),
        Timestamp::from_millis(1_700_000_000_000 + i as i64),
    );
    s.item_id = Some(format!("item-{i}"));
    s
}

fn with_user(id: &str, user: &str, email: &str) -> SessionMeta {
    let mut m = SessionMeta::new(id, Consent::Accepted);
    let mut u = User::new(user);
    u.email = Some(email.to_owned());
    m.user = Some(u);
    m
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn upserts_and_appends_of_many_sessions_commit_together_and_fail_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("store.db").display());
    let inner = SqliteStore::open(&url).await.unwrap();
    assert!(inner.batches_upserts(), "a file database batches upserts");
    let gated = Gated::new(inner);
    let store = Arc::new(RealtimeStore::new(GroupCommit::new(gated)));
    let t0 = Timestamp::from_millis(1_700_000_000_000);

    // Before the batch: a started session (for a bad end), a user with an e-mail
    // (for a conflicting one), and sessions that will speak.
    let mut started = SessionMeta::new("late-end", Consent::Accepted);
    started.started_at = Some(t0);
    store.save_session_meta(started).await.unwrap();
    store
        .save_session_meta(with_user("owner", "u-1", "owner@example.com"))
        .await
        .unwrap();
    for i in 0..8 {
        store
            .save_session_meta(SessionMeta::new(format!("talk-{i}"), Consent::Accepted))
            .await
            .unwrap();
    }
    let backend = Layer::inner(store.backend());
    let calls_before = backend.batches();
    assert!(calls_before >= 10, "every upsert went through a batch");

    // Hold the next batch at the gate, then queue many writes behind it.
    backend.hold(true);
    let first = {
        let s = Arc::clone(&store);
        tokio::spawn(async move {
            s.save_session_meta(SessionMeta::new("first", Consent::Accepted))
                .await
        })
    };
    while backend.batches() == calls_before {
        tokio::task::yield_now().await;
    }
    let mut tasks = Vec::new();
    for i in 0..16 {
        let s = Arc::clone(&store);
        tasks.push(tokio::spawn(async move {
            let r = s
                .save_session_meta(SessionMeta::new(format!("new-{i}"), Consent::Accepted))
                .await;
            (format!("new-{i}"), r)
        }));
    }
    for i in 0..8 {
        let s = Arc::clone(&store);
        tasks.push(tokio::spawn(async move {
            let r = s.append_transcript(&format!("talk-{i}"), seg(i)).await;
            (format!("talk-{i}"), r)
        }));
    }
    let bad_end = {
        let s = Arc::clone(&store);
        tokio::spawn(async move {
            let mut m = SessionMeta::new("late-end", Consent::Accepted);
            m.ended_at = Some(Timestamp::from_millis(t0.as_millis() - 60_000));
            s.save_session_meta(m).await
        })
    };
    let conflict = {
        let s = Arc::clone(&store);
        tokio::spawn(async move {
            s.save_session_meta(with_user("thief", "u-2", "owner@example.com"))
                .await
        })
    };
    // 16 + 8 + 2 requests queued behind the held batch.
    while store.backend().stats().queued_events < 26 {
        tokio::task::yield_now().await;
    }
    backend.hold(false);

    assert_eq!(first.await.unwrap().unwrap(), WriteOutcome::Persisted);
    for t in tasks {
        let (id, r) = t.await.unwrap();
        assert_eq!(r.unwrap(), WriteOutcome::Persisted, "{id} is written");
    }
    match bad_end.await.unwrap() {
        Err(Error::Validation { field, .. }) => assert_eq!(field, "ended_at"),
        other => panic!("an end before the stored start is refused: {other:?}"),
    }
    match conflict.await.unwrap() {
        Err(e @ Error::Conflict { .. }) => {
            assert_eq!(e.field(), Some("user.email"));
            assert!(!e.to_string().contains("owner@"), "no value in the error");
        }
        other => panic!("a second user with the same e-mail is refused: {other:?}"),
    }
    // The 26 queued requests went to the backend in few batches, not 26.
    let calls = backend.batches() - calls_before;
    let ops = backend.events();
    assert!(calls <= 4, "26 queued writes committed in {calls} batches");
    assert!(ops > 0);

    for i in 0..16 {
        let s = store.get_session(&format!("new-{i}")).await.unwrap();
        assert!(s.is_some(), "new-{i} is stored");
    }
    for i in 0..8 {
        let n = store
            .get_transcripts(&format!("talk-{i}"), &PageRequest::default())
            .await
            .unwrap()
            .items
            .len();
        assert_eq!(n, 1, "talk-{i}'s segment is stored");
    }
    assert!(store.get_session("thief").await.unwrap().is_none());
    let late = store.get_session("late-end").await.unwrap().unwrap();
    assert!(
        late.ended_at.is_none(),
        "the refused end left the session as it was"
    );
    store.close().await;
}
