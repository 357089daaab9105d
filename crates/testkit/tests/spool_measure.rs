//! A measured outage (the figures go in the notes): 64 live sessions write
//! through the spool while a SQLite primary is switched off, then it comes back
//! and the spool is replayed. Prints how long writes were spooled, how many, and
//! the replay throughput (`cargo test -p realtime-store-testkit --release --test
//! spool_measure -- --nocapture`). Asserts only behaviour: every acknowledged
//! write in the primary exactly once, in order; no timing assertion.

mod spool_support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use realtime_store::{
    Consent, GroupCommit, Layer, PageRequest, PersistenceStore, Reads, RealtimeStore, SessionMeta,
    Spool, SpoolConfig, SqliteStore, WriteOutcome,
};
use realtime_store_testkit::Switch;
use spool_support::seg;

const SESSIONS: usize = 64;
const BEFORE: usize = 5;
const DURING: usize = 60;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_measured_outage_of_64_sessions_over_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("primary.db").display());
    let primary = Switch::new(SqliteStore::open(&url).await.unwrap());
    let cfg = SpoolConfig::new(dir.path().join("spool.db")).retry_every(Duration::from_millis(50));
    let spool = Spool::open(primary.clone(), cfg).await.unwrap();
    let store = Arc::new(RealtimeStore::new(GroupCommit::new(spool)));

    let run = |from: usize, to: usize, want: WriteOutcome| {
        let store = store.clone();
        async move {
            let mut tasks = Vec::new();
            for s in 0..SESSIONS {
                let store = store.clone();
                tasks.push(tokio::spawn(async move {
                    let id = format!("m-{s}");
                    for i in from..to {
                        let o = store
                            .append_transcript(&id, seg(s, i, "said"))
                            .await
                            .unwrap();
                        assert_eq!(o, want, "session {s} event {i}");
                    }
                }));
            }
            for t in tasks {
                t.await.unwrap();
            }
        }
    };
    for s in 0..SESSIONS {
        store
            .save_session_meta(SessionMeta::new(format!("m-{s}"), Consent::Accepted))
            .await
            .unwrap();
    }
    run(0, BEFORE, WriteOutcome::Persisted).await;

    primary.set_down(true);
    let outage = Instant::now();
    run(BEFORE, BEFORE + DURING, WriteOutcome::Spooled).await;
    let spooling = outage.elapsed();
    let before = store.backend().inner().stats().await;
    let spooled_events = (SESSIONS * DURING) as u64;
    assert_eq!(before.depth, spooled_events);

    primary.set_down(false);
    let back = Instant::now();
    store.backend().inner().wait_replayed().await;
    let replay = back.elapsed();
    let after = store.backend().inner().stats().await;
    println!(
        "outage figures: {SESSIONS} sessions, {spooled_events} events spooled in {:.2} s \
         ({:.0} acknowledged events/s into the spool, {} bytes of spool); writes were spooled \
         for {:.2} s in all (outage + replay); replay {:.2} s = {:.0} events/s \
         (the layer's own replay_rate: {:.0} events/s)",
        spooling.as_secs_f64(),
        spooled_events as f64 / spooling.as_secs_f64(),
        before.bytes,
        outage.elapsed().as_secs_f64(),
        replay.as_secs_f64(),
        spooled_events as f64 / replay.as_secs_f64(),
        after.replay_rate,
    );
    assert_eq!((after.depth, after.replay_errors), (0, 0));
    assert!(after.replayed >= spooled_events, "{after:?}");
    for s in 0..SESSIONS {
        let got: Vec<String> = primary
            .primary()
            .get_transcripts(&format!("m-{s}"), &PageRequest::all())
            .await
            .unwrap()
            .items
            .into_iter()
            .map(|t| t.text)
            .collect();
        let want: Vec<String> = (0..BEFORE + DURING)
            .map(|i| format!("said {s} {i}"))
            .collect();
        assert_eq!(got, want, "session {s}");
    }
    // Live traffic again goes straight to the primary.
    let o = store
        .append_transcript("m-0", seg(0, 999, "after"))
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Persisted);
    store.close().await;
}
