//! The append log of a SQLite file database (`backends/sqlite/log.rs`): events
//! land in `event_log` first and move to the session tables in bulk. Whatever
//! the log holds at any moment, reads see every event once and in order, `seq`
//! numbers stay contiguous, dedup keys hold across a move, a reopen after a
//! close-less drop and a second instance on the same file pick up where the log
//! stands, and an erasure of rows still in the log leaves no byte of them.

use std::path::Path;

use realtime_store::{
    Consent, Event, PageRequest, PersistenceStore, RealtimeStore, Role, SessionMeta, SqliteOptions,
    SqliteStore, Summary, Timestamp, ToolEvent, ToolStatus, TranscriptSegment, WriteOutcome,
};
use serde_json::json;

fn url(dir: &Path) -> String {
    format!("sqlite://{}", dir.join("log.db").display())
}

async fn open(dir: &Path) -> RealtimeStore<SqliteStore> {
    let mut o = SqliteOptions::default();
    o.full_sync = false;
    RealtimeStore::new(SqliteStore::open_with(&url(dir), o).await.unwrap())
}

fn seg(session: usize, i: usize) -> Event {
    Event::Transcript(TranscriptSegment {
        item_id: Some(format!("item_{i}")),
        ..TranscriptSegment::new(
            Role::User,
            format!("s{session} segment {i}"),
            Timestamp::from_millis(1_700_000_000_000 + i as i64),
        )
    })
}

fn tool(i: usize) -> Event {
    Event::ToolEvent(ToolEvent {
        call_id: Some(format!("call_{i}")),
        name: "lookup".into(),
        args: json!({"n": i}),
        result: Some(json!({"ok": true})),
        status: ToolStatus::Ok,
        duration_ms: Some(i as u64),
        at: Timestamp::from_millis(1_700_000_000_000 + i as i64),
    })
}

/// Rows in a table, read with plain SQL beside the store.
async fn count(dir: &Path, sql: &str) -> i64 {
    let pool = sqlx::SqlitePool::connect(&url(dir)).await.unwrap();
    let n: i64 = sqlx::query_scalar(sql).fetch_one(&pool).await.unwrap();
    pool.close().await;
    n
}

/// Every transcript of `session`, read in pages of 7.
async fn texts(s: &RealtimeStore<SqliteStore>, session: &str) -> (Vec<String>, Vec<i64>) {
    let (mut texts, mut seqs) = (Vec::new(), Vec::new());
    let mut req = PageRequest::first(7);
    loop {
        let page = s.get_transcripts(session, &req).await.unwrap();
        texts.extend(page.items.iter().map(|x| x.text.clone()));
        seqs.extend(page.items.iter().map(|x| x.seq));
        match page.next_cursor {
            Some(c) => req.cursor = Some(c),
            None => return (texts, seqs),
        }
    }
}

/// `session` holds segments 0..n of call `k` (`seg(k, i)`), once each, in
/// order, numbered 1..=n.
async fn assert_whole(s: &RealtimeStore<SqliteStore>, session: &str, k: usize, n: usize) {
    let (t, seqs) = texts(s, session).await;
    let want: Vec<String> = (0..n).map(|i| format!("s{k} segment {i}")).collect();
    assert_eq!(t, want, "{session}: every segment once, in order");
    assert_eq!(
        seqs,
        (1..=n as i64).collect::<Vec<_>>(),
        "{session}: contiguous"
    );
}

async fn accept(s: &RealtimeStore<SqliteStore>, id: &str) {
    s.save_session_meta(SessionMeta::new(id, Consent::Accepted))
        .await
        .unwrap();
}

/// Sessions that append at different rates, so some move because they gathered
/// many rows and some because their oldest row grew old, while the log's dead
/// start is deleted; reads page across the log and the tables.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reads_see_every_event_once_in_order_whatever_has_moved() {
    let dir = tempfile::tempdir().unwrap();
    let s = open(dir.path()).await;
    let sessions = 70;
    let rounds = 90;
    for k in 0..sessions {
        accept(&s, &format!("call-{k}")).await;
    }
    let mut sent = vec![0usize; sessions];
    for r in 0..rounds {
        for (k, n) in sent.iter_mut().enumerate() {
            if r % (1 + k % 4) != 0 {
                continue;
            }
            let mut events = vec![seg(k, *n)];
            if r % 10 == 0 {
                events.push(tool(*n));
            }
            for o in s.append_events(&format!("call-{k}"), events).await.unwrap() {
                assert_eq!(o, WriteOutcome::Persisted);
            }
            *n += 1;
        }
    }
    let moved = count(dir.path(), "SELECT COUNT(*) FROM transcripts").await;
    let logged = count(dir.path(), "SELECT COUNT(*) FROM event_log").await;
    let first = count(dir.path(), "SELECT COALESCE(MIN(id), 0) FROM event_log").await;
    assert!(moved > 0, "rows moved to the table");
    assert!(logged > 0, "rows are still in the log");
    assert!(first > 1, "the log's dead start was deleted");
    // Some sessions are split between the table and the log.
    let split = count(
        dir.path(),
        "SELECT COUNT(*) FROM (SELECT DISTINCT session_id FROM event_log WHERE kind = 0
         AND session_id IN (SELECT session_id FROM transcripts))",
    )
    .await;
    assert!(split > 0, "some sessions have rows in both");
    for (k, n) in sent.iter().enumerate() {
        let id = format!("call-{k}");
        assert_whole(&s, &id, k, *n).await;
        let tools = s
            .get_tool_events(&id, &PageRequest::all())
            .await
            .unwrap()
            .items;
        let tool_seqs: Vec<i64> = tools.iter().map(|x| x.seq).collect();
        assert_eq!(
            tool_seqs,
            (1..=tools.len() as i64).collect::<Vec<_>>(),
            "{id}: tool events contiguous"
        );
        // A retry of the first segment (moved long ago) and of the last (maybe
        // still in the log) is a duplicate.
        for i in [0, n - 1] {
            let o = s.append_events(&id, vec![seg(k, i)]).await.unwrap();
            assert_eq!(o, vec![WriteOutcome::Duplicate], "{id} item {i}");
        }
    }
    // The summary's versions too, through the log.
    for v in 0..3 {
        s.append_events(
            "call-0",
            vec![Event::Summary(Summary {
                text: format!("summary {v}"),
                key_points: vec![format!("point {v}")],
                at: Timestamp::from_millis(1_700_000_100_000 + v),
            })],
        )
        .await
        .unwrap();
    }
    let sum = s.get_summary("call-0").await.unwrap().unwrap();
    assert_eq!((sum.version, sum.text.as_str()), (3, "summary 2"));
    s.close().await;
    assert_eq!(
        count(dir.path(), "SELECT COUNT(*) FROM event_log").await,
        0,
        "a graceful close moves the whole log"
    );
    let total: usize = sent.iter().sum();
    assert_eq!(
        count(dir.path(), "SELECT COUNT(*) FROM transcripts").await,
        total as i64
    );
}

/// Dropped without a close (what a crash leaves: the log as committed), the
/// database reopens with its log: reads see it, numbering and dedup continue.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reopen_after_a_close_less_drop_continues_from_the_log() {
    let dir = tempfile::tempdir().unwrap();
    {
        let s = open(dir.path()).await;
        accept(&s, "c").await;
        for i in 0..40 {
            s.append_events("c", vec![seg(0, i)]).await.unwrap();
        }
        drop(s);
    }
    assert!(count(dir.path(), "SELECT COUNT(*) FROM event_log").await > 0);
    let s = open(dir.path()).await;
    for i in [3, 39] {
        let o = s.append_events("c", vec![seg(0, i)]).await.unwrap();
        assert_eq!(o, vec![WriteOutcome::Duplicate], "item {i} is known");
    }
    for i in 40..45 {
        let o = s.append_events("c", vec![seg(0, i)]).await.unwrap();
        assert_eq!(o, vec![WriteOutcome::Persisted]);
    }
    let (t, seqs) = texts(&s, "c").await;
    assert_eq!(t.len(), 45);
    assert_eq!(seqs, (1..=45).collect::<Vec<_>>());
    s.close().await;
}

/// Two instances on one file append to the same session in turns: each sees
/// the other's log rows (its knowledge of the log is read again when another
/// connection committed), so no seq is used twice and no retry is stored twice.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_share_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let a = open(dir.path()).await;
    let b = open(dir.path()).await;
    accept(&a, "shared").await;
    for i in 0..50 {
        let (this, other) = if i % 3 == 0 { (&a, &b) } else { (&b, &a) };
        let o = this.append_events("shared", vec![seg(0, i)]).await.unwrap();
        assert_eq!(o, vec![WriteOutcome::Persisted], "item {i}");
        let o = other
            .append_events("shared", vec![seg(0, i)])
            .await
            .unwrap();
        assert_eq!(o, vec![WriteOutcome::Duplicate], "retry of item {i}");
    }
    assert_whole(&a, "shared", 0, 50).await;
    a.close().await;
    b.close().await;
}

/// Rows erased while still in the log leave no byte in any file, and the
/// appender, whose knowledge of the log the erasure made stale, goes on.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn erasing_rows_still_in_the_log_leaves_no_byte() {
    const MARK: &str = "logmarkqz";
    let dir = tempfile::tempdir().unwrap();
    let s = open(dir.path()).await;
    accept(&s, "victim").await;
    accept(&s, "other").await;
    for i in 0..5 {
        s.append_events(
            "victim",
            vec![Event::Transcript(TranscriptSegment::new(
                Role::User,
                format!("said {MARK} {i}"),
                Timestamp::now(),
            ))],
        )
        .await
        .unwrap();
        s.append_events("other", vec![seg(1, i)]).await.unwrap();
    }
    assert!(count(dir.path(), "SELECT COUNT(*) FROM event_log").await >= 10);
    assert!(s.delete_session("victim").await.unwrap());
    let o = s.append_events("victim", vec![seg(0, 99)]).await.unwrap();
    assert!(
        matches!(o[..], [WriteOutcome::Dropped(_)]),
        "deleted: tombstoned, {o:?}"
    );
    let o = s.append_events("other", vec![seg(1, 5)]).await.unwrap();
    assert_eq!(o, vec![WriteOutcome::Persisted]);
    let (t, seqs) = texts(&s, "other").await;
    assert_eq!(t.len(), 6);
    assert_eq!(seqs, (1..=6).collect::<Vec<_>>());
    s.close().await;
    assert_eq!(
        realtime_store_testkit::files::occurrences(dir.path(), MARK),
        vec![],
        "no file holds the erased text"
    );
}

/// The WAL reaches the database file while the store runs, with no commit
/// doing it (the append connection's own autocheckpoint is far off): the
/// background checkpointer copies it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_wal_is_checkpointed_beside_the_writer() {
    let dir = tempfile::tempdir().unwrap();
    let s = open(dir.path()).await;
    accept(&s, "c").await;
    let db = dir.path().join("log.db");
    let before = std::fs::metadata(&db).unwrap().len();
    for i in 0..300 {
        s.append_events("c", vec![seg(0, i)]).await.unwrap();
    }
    let mut grew = false;
    for _ in 0..200 {
        if std::fs::metadata(&db).unwrap().len() > before {
            grew = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert!(
        grew,
        "the database file took the WAL's pages before any close"
    );
    s.close().await;
}

/// One long call alone: its rows move every 32, the log empties and SQLite
/// numbers its rows from 1 again; the log stays short throughout and every
/// event is read back once, in order.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_call_alone_keeps_the_log_short() {
    let dir = tempfile::tempdir().unwrap();
    let s = open(dir.path()).await;
    accept(&s, "long").await;
    let pool = sqlx::SqlitePool::connect(&url(dir.path())).await.unwrap();
    let mut longest = 0;
    let mut restarted = false;
    let mut last_id = 0;
    for i in 0..700 {
        s.append_events("long", vec![seg(0, i)]).await.unwrap();
        let (n, max): (i64, Option<i64>) =
            sqlx::query_as("SELECT COUNT(*), MAX(id) FROM event_log")
                .fetch_one(&pool)
                .await
                .unwrap();
        longest = longest.max(n);
        if let Some(m) = max {
            restarted |= m < last_id;
            last_id = m;
        }
    }
    pool.close().await;
    assert!(restarted, "the log emptied and its ids started again");
    assert!(longest <= 160, "the log held {longest} rows at most");
    assert_whole(&s, "long", 0, 700).await;
    s.close().await;
}
