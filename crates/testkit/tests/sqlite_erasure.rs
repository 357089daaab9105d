//! Erasure is physical on SQLite: after a withdrawal, `erase_user`,
//! `delete_session` or `purge_before`, and a close, no byte of the erased
//! content survives in any file of the database (`.db`, `-wal`, `-shm`). The
//! files are created readable by their owner only.

use std::path::Path;

use realtime_store::{
    Consent, Event, OnWithdrawal, PersistenceStore, RealtimeStore, Role, SessionMeta, SqliteStore,
    Summary, Timestamp, Timings, ToolEvent, ToolStatus, TranscriptSegment, UsageEvent, User,
};
use serde_json::json;

const MARK: &str = "zqxmarker";

/// Every field of a session that can hold caller-chosen bytes, with the marker.
async fn fill<B: realtime_store::Backend>(s: &RealtimeStore<B>, id: &str, user: &str) {
    let now = Timestamp::now().add_millis(-60_000);
    let meta = SessionMeta {
        user: Some(User {
            id: format!("{MARK}_{user}"),
            auth_user_id: Some(format!("auth|{MARK}{user}")),
            email: Some(format!("{MARK}.{user}@example.com")),
        }),
        provider_session_id: Some(format!("prov_{MARK}")),
        voice: Some(format!("voice {MARK}")),
        persona: Some(format!("persona {MARK}")),
        config: Some(json!({"instructions": format!("be kind {MARK}"), MARK: MARK})),
        timings: Timings::default(),
        started_at: Some(now),
        ..SessionMeta::new(id, Consent::Accepted)
    };
    s.save_session_meta(meta).await.unwrap();
    let events = vec![
        Event::Transcript(TranscriptSegment {
            item_id: Some(format!("item_{MARK}")),
            ..TranscriptSegment::new(
                Role::User,
                format!("the caller said {MARK} twice {MARK}"),
                now,
            )
        }),
        Event::ToolEvent(ToolEvent {
            call_id: Some(format!("call_{MARK}")),
            name: format!("{MARK}_tool"),
            args: json!({"query": format!("find {MARK}"), MARK: [MARK]}),
            result: Some(json!({"answer": format!("found {MARK}")})),
            status: ToolStatus::Ok,
            duration_ms: Some(3),
            at: now,
        }),
        Event::Summary(Summary {
            text: format!("summary {MARK}"),
            key_points: vec![format!("point {MARK}")],
            at: now,
        }),
        Event::Usage(UsageEvent {
            event_id: Some(format!("usage_{MARK}")),
            kind: format!("{MARK}_tokens"),
            value: 1.0,
            meta: Some(json!({"note": format!("meta {MARK}")})),
            at: now,
        }),
    ];
    for o in s.append_events(id, events).await.unwrap() {
        assert_eq!(o, realtime_store::WriteOutcome::Persisted);
    }
}

/// Occurrences of the marker in every file of `dir`.
fn hits(dir: &Path) -> Vec<(String, usize)> {
    realtime_store_testkit::files::occurrences(dir, MARK)
}

async fn open(dir: &Path, policy: OnWithdrawal) -> RealtimeStore<SqliteStore> {
    let url = format!("sqlite://{}", dir.join("calls.db").display());
    RealtimeStore::builder(SqliteStore::open(&url).await.unwrap())
        .on_withdrawal(policy)
        .build()
}

async fn check(name: &str, erase: impl AsyncFnOnce(&RealtimeStore<SqliteStore>)) {
    let dir = tempfile::tempdir().unwrap();
    let s = open(dir.path(), OnWithdrawal::Erase).await;
    fill(&s, "victim", "a").await;
    fill(&s, "bystander_kept", "b").await;
    s.close().await;
    assert!(
        !hits(dir.path()).is_empty(),
        "{name}: the marker was stored before the erasure"
    );
    let s = open(dir.path(), OnWithdrawal::Erase).await;
    erase(&s).await;
    s.close().await;
    let left = hits(dir.path());
    // The bystander's session keeps its own copies; count them separately.
    let dir2 = tempfile::tempdir().unwrap();
    let s2 = open(dir2.path(), OnWithdrawal::Erase).await;
    fill(&s2, "bystander_kept", "b").await;
    s2.close().await;
    let expected: usize = hits(dir2.path()).iter().map(|(_, n)| n).sum();
    let found: usize = left.iter().map(|(_, n)| n).sum();
    assert_eq!(
        found, expected,
        "{name}: only the bystander's copies of the marker remain ({left:?})"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn withdrawal_erases_physically() {
    check("withdrawal", async |s| {
        s.save_session_meta(SessionMeta::new("victim", Consent::Declined))
            .await
            .unwrap();
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn erase_user_erases_physically() {
    check("erase_user", async |s| {
        let c = s.erase_user(&format!("{MARK}_a")).await.unwrap();
        assert_eq!((c.users, c.sessions), (1, 1));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delete_session_erases_physically() {
    check("delete_session", async |s| {
        assert!(s.delete_session("victim").await.unwrap());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn purge_erases_physically() {
    let dir = tempfile::tempdir().unwrap();
    let s = open(dir.path(), OnWithdrawal::Erase).await;
    fill(&s, "old", "a").await;
    s.purge_before(Timestamp::now()).await.unwrap();
    s.close().await;
    assert_eq!(
        hits(dir.path()),
        vec![],
        "purge leaves nothing, users included"
    );
}

#[cfg(unix)]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn database_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let s = open(dir.path(), OnWithdrawal::Erase).await;
    fill(&s, "p", "a").await;
    let mut seen = 0;
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{} is {mode:o}", path.display());
        seen += 1;
    }
    assert!(seen >= 2, "the database and its WAL exist");
    s.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delete_event_erases_physically() {
    // One segment and one tool event of a live session carry a marker of their
    // own; deleting them leaves no byte of it, and the rest of the session stays.
    const STRIKE: &str = "strikeqjv";
    let dir = tempfile::tempdir().unwrap();
    let s = open(dir.path(), OnWithdrawal::Erase).await;
    fill(&s, "live", "a").await;
    let now = Timestamp::now().add_millis(-30_000);
    let out = s
        .append_events(
            "live",
            vec![
                Event::Transcript(TranscriptSegment::new(
                    Role::User,
                    format!("strike this {STRIKE} please"),
                    now,
                )),
                Event::ToolEvent(ToolEvent {
                    call_id: None,
                    name: "lookup".into(),
                    args: json!({"q": format!("{STRIKE} again")}),
                    result: None,
                    status: ToolStatus::Ok,
                    duration_ms: None,
                    at: now,
                }),
            ],
        )
        .await
        .unwrap();
    assert!(out
        .iter()
        .all(|o| *o == realtime_store::WriteOutcome::Persisted));
    s.close().await;
    let count = |dir: &Path| realtime_store_testkit::files::count(dir, STRIKE);
    assert!(count(dir.path()) > 0, "the marker was stored");
    let before = hits(dir.path());

    let s = open(dir.path(), OnWithdrawal::Erase).await;
    use realtime_store::EventKind;
    assert!(s
        .delete_event("live", EventKind::Transcript, 2)
        .await
        .unwrap());
    assert!(s.delete_event("live", EventKind::Tool, 2).await.unwrap());
    s.close().await;
    assert_eq!(
        count(dir.path()),
        0,
        "no byte of the deleted events is left"
    );
    let total = |h: Vec<(String, usize)>| -> usize { h.iter().map(|(_, n)| n).sum() };
    assert_eq!(
        total(hits(dir.path())),
        total(before),
        "the session's other content is untouched"
    );
}
