//! Reads during an outage answer what the spool holds: the primary's data (when
//! its reads answer) followed by the session's spooled content, or the spool
//! alone when the primary is down; the store says it is degraded. Then the
//! lossy in-memory fallback: the same layer, outcome `volatile`, bounded.

mod spool_support;

use std::time::Duration;

use realtime_store::{
    Consent, Error, MemoryStore, PageRequest, PersistenceStore, Reads, SessionFilter, SessionMeta,
    SpoolConfig, Summary, Timestamp, ToolEvent, UsageEvent, WriteCore, WriteOutcome,
};
use realtime_store_testkit::Switch;
use spool_support::*;

fn tool(i: usize) -> ToolEvent {
    ToolEvent {
        call_id: Some(format!("call-{i}")),
        name: "lookup".to_owned(),
        args: serde_json::json!({ "n": i }),
        result: None,
        status: Default::default(),
        duration_ms: Some(5),
        at: Timestamp::from_millis(1_700_000_000_000 + i as i64),
    }
}

fn usage(i: usize, v: f64) -> UsageEvent {
    UsageEvent {
        event_id: Some(format!("u-{i}")),
        kind: "input_tokens".to_owned(),
        value: v,
        meta: None,
        at: Timestamp::from_millis(1_700_000_000_000 + i as i64),
    }
}

fn summary(text: &str) -> Summary {
    Summary {
        text: text.to_owned(),
        key_points: vec![format!("{text} point")],
        at: Timestamp::from_millis(1_700_000_100_000),
    }
}

async fn texts(store: &Stack, id: &str, limit: u32) -> (Vec<String>, Vec<i64>) {
    let mut req = PageRequest::first(limit);
    let (mut t, mut seqs) = (Vec::new(), Vec::new());
    loop {
        let p = store.get_transcripts(id, &req).await.unwrap();
        t.extend(p.items.iter().map(|s| s.text.clone()));
        seqs.extend(p.items.iter().map(|s| s.seq));
        match p.next_cursor {
            Some(c) => req.cursor = Some(c),
            None => return (t, seqs),
        }
    }
}

fn degraded(store: &Stack) -> bool {
    store
        .backend()
        .spool_stats()
        .expect("a spool")
        .fallback_active
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reads_during_an_outage_answer_the_primary_then_the_spool() {
    let dir = tempfile::tempdir().unwrap();
    let primary = Switch::new(MemoryStore::default());
    // Replay retries only when woken, so the partial outage below stays put.
    let cfg = cfg(&dir.path().join("spool.db")).retry_every(Duration::from_secs(3600));
    let store = stack_with(primary.clone(), cfg).await;
    let mut meta = SessionMeta::new("s1", Consent::Accepted);
    meta.voice = Some("alloy".to_owned());
    store.save_session_meta(meta).await.unwrap();
    for i in 0..3 {
        store
            .append_transcript("s1", seg(1, i, "stored"))
            .await
            .unwrap();
    }
    store.append_tool_event("s1", tool(0)).await.unwrap();
    store.persist_summary("s1", summary("first")).await.unwrap();
    store.record_usage("s1", usage(0, 10.0)).await.unwrap();
    assert!(!degraded(&store));

    primary.set_down(true);
    for i in 3..5 {
        let o = store
            .append_transcript("s1", seg(1, i, "spooled"))
            .await
            .unwrap();
        assert_eq!(o, WriteOutcome::Spooled);
    }
    store.append_tool_event("s1", tool(1)).await.unwrap();
    store
        .persist_summary("s1", summary("second"))
        .await
        .unwrap();
    store.record_usage("s1", usage(1, 5.0)).await.unwrap();
    let mut m2 = SessionMeta::new("s2", Consent::Accepted);
    m2.persona = Some("support".to_owned());
    store.save_session_meta(m2).await.unwrap();
    store
        .append_transcript("s2", seg(2, 0, "new"))
        .await
        .unwrap();
    assert!(degraded(&store));

    // The primary down: the spool alone.
    let (t, seqs) = texts(&store, "s1", 100).await;
    assert_eq!(t, vec!["spooled 1 3", "spooled 1 4"]);
    assert_eq!(seqs, vec![1, 2], "provisional positions");
    let s2 = store
        .get_session("s2")
        .await
        .unwrap()
        .expect("spooled session");
    assert_eq!(s2.persona.as_deref(), Some("support"));
    assert_eq!(texts(&store, "s2", 100).await.0, vec!["new 2 0"]);
    // A session the spool knows nothing of: the primary's error, not "not found".
    let e = store.get_session("s1").await.expect_err("no spooled meta");
    assert!(e.is_retryable(), "{e}");
    let listed = store
        .list_sessions(&SessionFilter::default())
        .await
        .unwrap();
    assert_eq!(
        listed
            .items
            .iter()
            .map(|s| s.id.as_str())
            .collect::<Vec<_>>(),
        ["s2"]
    );

    // The primary's reads answer, its writes do not (replay cannot run yet):
    // the primary's data, then the spool's.
    primary.set_reads_down(false);
    let want: Vec<String> = (0..5)
        .map(|i| format!("{} 1 {i}", if i < 3 { "stored" } else { "spooled" }))
        .collect();
    let (t, seqs) = texts(&store, "s1", 100).await;
    assert_eq!(t, want);
    assert_eq!(seqs, vec![1, 2, 3, 4, 5]);
    // The same, page by page.
    assert_eq!(texts(&store, "s1", 2).await.0, want);
    let tools = store
        .get_tool_events("s1", &PageRequest::all())
        .await
        .unwrap();
    let calls: Vec<_> = tools
        .items
        .iter()
        .map(|t| t.call_id.clone().unwrap())
        .collect();
    assert_eq!(calls, ["call-0", "call-1"]);
    let sum = store.get_summary("s1").await.unwrap().unwrap();
    assert_eq!((sum.text.as_str(), sum.version), ("second", 2));
    let u = store.get_usage("s1").await.unwrap();
    assert_eq!(u.events.len(), 2);
    assert_eq!(u.totals["input_tokens"], 15.0);
    let s1 = store.get_session("s1").await.unwrap().unwrap();
    assert_eq!(s1.voice.as_deref(), Some("alloy"));
    let listed = store
        .list_sessions(&SessionFilter::default())
        .await
        .unwrap();
    let mut ids: Vec<_> = listed.items.iter().map(|s| s.id.clone()).collect();
    ids.sort();
    assert_eq!(ids, ["s1", "s2"]);

    // A deletion spooled during the outage hides the session at once.
    store.delete_session("s2").await.unwrap();
    assert!(store.get_session("s2").await.unwrap().is_none());
    assert!(texts(&store, "s2", 100).await.0.is_empty());
    let listed = store
        .list_sessions(&SessionFilter::default())
        .await
        .unwrap();
    assert!(listed.items.iter().all(|s| s.id != "s2"));

    // Back: replayed, the same answers from the primary, no longer degraded.
    primary.set_down(false);
    spool_of(&store).wait_replayed().await;
    assert!(!degraded(&store));
    assert_eq!(texts(&store, "s1", 100).await, (want, vec![1, 2, 3, 4, 5]));
    assert_eq!(store.get_summary("s1").await.unwrap().unwrap().version, 2);
    assert!(store.get_session("s2").await.unwrap().is_none());
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_in_memory_fallback_answers_volatile_replays_and_is_bounded() {
    let primary = Switch::new(MemoryStore::default());
    let cfg = SpoolConfig::in_memory()
        .max_bytes(256 << 10)
        .retry_every(Duration::from_millis(10));
    let store = stack_with(primary.clone(), cfg).await;
    assert!(spool_of(&store).path().is_none());
    store
        .save_session_meta(SessionMeta::new("m", Consent::Accepted))
        .await
        .unwrap();
    primary.set_down(true);
    let o = store
        .save_session_meta(SessionMeta::new("m2", Consent::Accepted))
        .await
        .unwrap();
    assert_eq!(
        o,
        WriteOutcome::Volatile,
        "never `spooled`: it is not durable"
    );
    let mut kept = Vec::new();
    let mut refused = None;
    for i in 0..2000 {
        match store
            .append_transcript("m", seg(0, i, &"v".repeat(1000)))
            .await
        {
            Ok(o) => {
                assert_eq!(o, WriteOutcome::Volatile);
                kept.push(i);
            }
            Err(e) => {
                refused = Some(e);
                break;
            }
        }
    }
    let e = refused.expect("bounded");
    assert!(matches!(e, Error::Spool { .. }), "{e:?}");
    assert!(kept.len() > 10, "{}", kept.len());
    let st = spool_of(&store).stats().await;
    assert!(st.in_memory && st.fallback_active, "{st:?}");
    let h = store.health().await;
    assert!(
        h.detail.as_deref().is_some_and(|d| d.contains("lossy")),
        "{h:?}"
    );
    primary.set_down(false);
    spool_of(&store).wait_replayed().await;
    assert_eq!(primary_texts(&primary, "m").await.len(), kept.len());
    let o = store
        .append_transcript("m", seg(0, 5000, "after"))
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Persisted);
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_the_in_memory_fallback_holds_is_lost_with_the_process() {
    let primary = Switch::new(MemoryStore::default());
    let cfg = || SpoolConfig::in_memory().retry_every(Duration::from_millis(10));
    {
        let store = stack_with(primary.clone(), cfg()).await;
        primary.set_down(true);
        store
            .save_session_meta(SessionMeta::new("gone", Consent::Accepted))
            .await
            .unwrap();
        let o = store
            .append_transcript("gone", seg(0, 0, "lost"))
            .await
            .unwrap();
        assert_eq!(o, WriteOutcome::Volatile);
        // The process "dies" before the primary is back.
    }
    let store = stack_with(primary.clone(), cfg()).await;
    assert_eq!(
        spool_of(&store).stats().await.depth,
        0,
        "LOSSY, as documented"
    );
    primary.set_down(false);
    assert!(primary
        .primary()
        .get_session("gone")
        .await
        .unwrap()
        .is_none());
    store.close().await;
}
