//! Test helper for crash tests: appends keyed transcript segments to several
//! sessions concurrently and prints `ack <session> <item>` on stdout the moment a
//! write is acknowledged (`persisted` or `duplicate`). The test kills it with
//! SIGKILL at an arbitrary moment and checks that every acknowledged write is there.
//!
//! Usage: `crash-writer DATABASE_URL RUN_TAG`
#![forbid(unsafe_code)]

use std::io::Write;
use std::sync::Arc;

use realtime_store::{
    AnyBackend, Consent, PersistenceStore, RealtimeStore, Role, SessionMeta, Timestamp,
    TranscriptSegment, WriteOutcome,
};

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let url = args.next().expect("DATABASE_URL argument");
    let tag = args.next().expect("RUN_TAG argument");
    let store = Arc::new(RealtimeStore::new(
        AnyBackend::open(&url).await.expect("open"),
    ));
    let out = Arc::new(std::sync::Mutex::new(std::io::stdout()));
    let mut tasks = Vec::new();
    for s in 0..8 {
        let store = store.clone();
        let out = out.clone();
        let tag = tag.clone();
        tasks.push(tokio::spawn(async move {
            let sid = format!("crash_{tag}_{s}");
            store
                .save_session_meta(SessionMeta::new(&sid, Consent::Accepted))
                .await
                .expect("meta");
            for i in 0.. {
                let seg = TranscriptSegment {
                    item_id: Some(format!("i{i}")),
                    ..TranscriptSegment::new(Role::User, format!("segment {i}"), Timestamp::now())
                };
                let o = store.append_transcript(&sid, seg).await.expect("append");
                assert!(matches!(
                    o,
                    WriteOutcome::Persisted | WriteOutcome::Duplicate
                ));
                let mut out = out.lock().expect("stdout");
                let _ = writeln!(out, "ack {sid} i{i}");
                let _ = out.flush();
            }
        }));
    }
    for t in tasks {
        let _ = t.await;
    }
}
