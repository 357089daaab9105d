//! Privacy invariant: with every log level on (ours and sqlx's), a session full of
//! PII — including failures — leaves no transcript text, tool argument, e-mail or
//! token in any log line.

use std::io::Write;
use std::sync::{Arc, Mutex};

use realtime_store::{
    Consent, PersistenceStore, RealtimeStore, Role, SessionMeta, SqliteStore, Timestamp, ToolEvent,
    ToolStatus, TranscriptSegment, User,
};

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

const SECRETS: &[&str] = &[
    "jane.doe@example.com",
    "4111 1111 1111 1111",
    "sk-live-9f8e7d6c5b4a3f2e1d0c",
    "the cat sat on the mat quietly",
    "argument-value-xyz",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_content_in_any_log_line() {
    let cap = Capture::default();
    let writer = cap.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    // Global (not thread-local): events of sqlx's worker threads and of the
    // runtime's other threads are captured too.
    tracing::subscriber::set_global_default(subscriber).expect("only test of this binary");

    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("logs.db").display());
    let store = RealtimeStore::new(SqliteStore::open(&url).await.unwrap());
    let now = Timestamp::now();
    let meta = SessionMeta {
        user: Some(User {
            id: "u1".into(),
            auth_user_id: None,
            email: Some(SECRETS[0].into()),
        }),
        ..SessionMeta::new("s1", Consent::Pending)
    };
    store.save_session_meta(meta).await.unwrap();
    for (i, text) in SECRETS.iter().enumerate() {
        let seg = TranscriptSegment::new(Role::User, *text, now.add_millis(i as i64));
        store.append_transcript("s1", seg).await.unwrap();
    }
    store
        .save_session_meta(SessionMeta::new("s1", Consent::Accepted))
        .await
        .unwrap();
    let tool = ToolEvent {
        call_id: None,
        name: "t".into(),
        args: serde_json::json!({"a": SECRETS[4], "token": SECRETS[2]}),
        result: None,
        status: ToolStatus::Error,
        duration_ms: None,
        at: now,
    };
    store.append_tool_event("s1", tool).await.unwrap();
    // Failures: a validation error and a conflict.
    let bad = TranscriptSegment::new(Role::User, SECRETS[3].repeat(3000), now);
    let e1 = store.append_transcript("s1", bad).await.unwrap_err();
    let conflict = SessionMeta {
        user: Some(User {
            id: "u2".into(),
            auth_user_id: None,
            email: Some(SECRETS[0].into()),
        }),
        ..SessionMeta::new("s2", Consent::Accepted)
    };
    let e2 = store.save_session_meta(conflict).await.unwrap_err();
    for e in [&e1, &e2] {
        let shown = format!("{e} {e:?} {:?}", std::error::Error::source(e));
        for s in SECRETS {
            assert!(!shown.contains(s), "an error shows content: {shown}");
        }
    }
    store
        .save_session_meta(SessionMeta::new("s1", Consent::Declined))
        .await
        .unwrap();

    store.close().await;
    let logs = String::from_utf8(cap.0.lock().unwrap().clone()).unwrap();
    assert!(!logs.is_empty(), "the capture works");
    assert!(
        logs.contains("sqlx"),
        "sqlx's own events (from its worker threads) are captured"
    );
    for s in SECRETS {
        assert!(!logs.contains(s), "log lines contain content: {s}");
    }
    assert!(!logs.contains("jane.doe"));
}
