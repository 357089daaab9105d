//! `realtime-store erase-user` run while the user's call is live in another
//! process (here: a store in the test process on the same SQLite file): nothing
//! said afterwards is stored, and no byte of the erased content is left in the
//! database files once both are closed.

use std::process::Command;

use realtime_store::{
    Consent, DropReason, PersistenceStore, RealtimeStore, Role, SessionMeta, SqliteStore,
    Timestamp, TranscriptSegment, User, WriteOutcome,
};

const MARK: &str = "qqvmarker";

fn hits(dir: &std::path::Path) -> usize {
    realtime_store_testkit::files::count(dir, MARK)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn erase_user_from_the_cli_during_a_live_call() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("live.db").display());
    let live = RealtimeStore::new(SqliteStore::open(&url).await.unwrap());
    let meta = SessionMeta {
        user: Some(User {
            email: Some(format!("{MARK}@example.com")),
            ..User::new("caller_1")
        }),
        ..SessionMeta::new("live_1", Consent::Accepted)
    };
    live.save_session_meta(meta.clone()).await.unwrap();
    let t = Timestamp::now().add_millis(-10_000);
    let seg = |text: &str, ms| TranscriptSegment::new(Role::User, text, t.add_millis(ms));
    assert_eq!(
        live.append_transcript("live_1", seg(&format!("my word is {MARK}"), 0))
            .await
            .unwrap(),
        WriteOutcome::Persisted
    );

    let out = Command::new(env!("CARGO_BIN_EXE_realtime-store"))
        .args(["erase-user", "caller_1", "--json"])
        .env("DATABASE_URL", &url)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let counts: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(counts["sessions"], 1);
    assert_eq!(counts["transcripts"], 1);

    // The live instance still believes the session is accepted.
    let erased = WriteOutcome::Dropped(DropReason::Erased);
    assert_eq!(
        live.append_transcript("live_1", seg(&format!("said after {MARK}"), 1))
            .await
            .unwrap(),
        erased
    );
    let mut hang_up = meta;
    hang_up.ended_at = Some(Timestamp::now());
    assert_eq!(live.save_session_meta(hang_up).await.unwrap(), erased);
    assert!(live.get_session("live_1").await.unwrap().is_none());
    live.close().await;
    assert_eq!(hits(dir.path()), 0, "no copy of the erased content on disk");
}
