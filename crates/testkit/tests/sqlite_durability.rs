//! SQLite-specific behaviour: crash safety (SIGKILL at arbitrary moments), two
//! instances on one file, data surviving a reopen, WAL mode, indexes on read paths.

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use realtime_store::{
    Consent, PageRequest, PersistenceStore, RealtimeStore, Role, SessionMeta, SqliteStore,
    Timestamp, TranscriptSegment, WriteOutcome,
};

fn url(dir: &tempfile::TempDir) -> String {
    format!("sqlite://{}", dir.path().join("crash.db").display())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_loses_no_acknowledged_write_and_corrupts_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let url = url(&dir);
    let mut acked: Vec<(String, String)> = Vec::new();
    for (run, kill_after) in [(0, 150usize), (1, 37), (2, 401)] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_crash-writer"))
            .args([&url, &format!("r{run}")])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn crash-writer");
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let mut n = 0;
        while let Some(Ok(line)) = lines.next() {
            let mut parts = line.split_whitespace().skip(1);
            acked.push((parts.next().unwrap().into(), parts.next().unwrap().into()));
            n += 1;
            if n == kill_after {
                break;
            }
        }
        child.kill().expect("SIGKILL");
        child.wait().unwrap();
        // Whatever it printed after our last read was acknowledged too.
        for line in lines.map_while(Result::ok) {
            let mut parts = line.split_whitespace().skip(1);
            acked.push((parts.next().unwrap().into(), parts.next().unwrap().into()));
        }
        assert!(n == kill_after, "the writer stopped early at {n}");
    }
    let store = SqliteStore::open(&url).await.expect("reopen after crashes");
    let check: String = sqlx_integrity(&store).await;
    assert_eq!(check, "ok");
    let store = RealtimeStore::new(store);
    let mut present: HashSet<(String, String)> = HashSet::new();
    for run in 0..3 {
        for s in 0..8 {
            let sid = format!("crash_r{run}_{s}");
            let mut page = PageRequest::all();
            loop {
                let p = store.get_transcripts(&sid, &page).await.unwrap();
                for t in &p.items {
                    present.insert((sid.clone(), t.item_id.clone().unwrap()));
                }
                match p.next_cursor {
                    Some(c) => page.cursor = Some(c),
                    None => break,
                }
            }
        }
    }
    let missing: Vec<_> = acked.iter().filter(|a| !present.contains(*a)).collect();
    assert!(missing.is_empty(), "acknowledged but lost: {missing:?}");
    assert!(acked.len() >= 150 + 37 + 401);
}

async fn sqlx_integrity(store: &SqliteStore) -> String {
    store.integrity_check().await.expect("integrity_check")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_on_one_file_never_see_database_is_locked() {
    let dir = tempfile::tempdir().unwrap();
    let url = url(&dir);
    let a = std::sync::Arc::new(RealtimeStore::new(SqliteStore::open(&url).await.unwrap()));
    let b = std::sync::Arc::new(RealtimeStore::new(SqliteStore::open(&url).await.unwrap()));
    let mut tasks = Vec::new();
    for n in 0..64 {
        let st = if n % 2 == 0 { a.clone() } else { b.clone() };
        tasks.push(tokio::spawn(async move {
            let sid = format!("two_{n}");
            st.save_session_meta(SessionMeta::new(&sid, Consent::Accepted))
                .await
                .unwrap();
            for i in 0..20 {
                let seg = TranscriptSegment::new(
                    Role::User,
                    format!("{i}"),
                    Timestamp::now().add_millis(i),
                );
                let o = st
                    .append_transcript(&sid, seg)
                    .await
                    .expect("no busy error");
                assert_eq!(o, WriteOutcome::Persisted);
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    for n in 0..64 {
        let p = a
            .get_transcripts(&format!("two_{n}"), &PageRequest::all())
            .await
            .unwrap();
        assert_eq!(p.items.len(), 20);
    }
}

#[tokio::test]
async fn data_survives_reopen_and_uses_wal_and_indexes() {
    let dir = tempfile::tempdir().unwrap();
    let url = url(&dir);
    {
        let s = RealtimeStore::new(SqliteStore::open(&url).await.unwrap());
        s.save_session_meta(SessionMeta::new("keep_me", Consent::Accepted))
            .await
            .unwrap();
        s.append_transcript(
            "keep_me",
            TranscriptSegment::new(Role::User, "persisted", Timestamp::now()),
        )
        .await
        .unwrap();
        s.backend().close().await;
    }
    let raw = SqliteStore::open(&url).await.unwrap();
    assert_eq!(raw.journal_mode().await.unwrap(), "wal");
    for (sql, index) in [
        (
            "SELECT * FROM sessions ORDER BY started_at DESC, id DESC LIMIT 10",
            "sessions_started_idx",
        ),
        (
            "SELECT * FROM sessions WHERE user_id = 'u' ORDER BY started_at DESC, id DESC LIMIT 10",
            "sessions_user_started_idx",
        ),
        (
            "SELECT * FROM transcripts WHERE session_id = 's' AND seq > 0 ORDER BY seq LIMIT 10",
            "PRIMARY KEY",
        ),
    ] {
        let plan = raw.explain(sql).await.unwrap();
        assert!(plan.contains(index), "{sql}: {plan}");
    }
    let s = RealtimeStore::new(raw);
    let t = s
        .get_transcripts("keep_me", &PageRequest::all())
        .await
        .unwrap();
    assert_eq!(t.items[0].text, "persisted");
    // The consent of a stored session is learned again after a restart.
    let o = s
        .append_transcript(
            "keep_me",
            TranscriptSegment::new(Role::User, "after restart", Timestamp::now()),
        )
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Persisted);
}
