//! Concurrency against a real PostgreSQL server: many sessions at once, the same
//! event retried concurrently from several instances, consent changes and
//! erasures racing with appends, and connections killed by the server mid-load.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use crate::pg;
use realtime_store::{
    Consent, DropReason, Event, OnWithdrawal, PageRequest, PersistenceStore, PostgresOptions,
    PostgresStore, RealtimeStore, Role, SessionMeta, Timestamp, ToolEvent, ToolStatus,
    TranscriptSegment, UsageEvent, User, WriteOutcome,
};
use realtime_store_testkit::pg::TestSchema;
use serde_json::json;

type Store = Arc<RealtimeStore<PostgresStore>>;

fn base() -> Timestamp {
    static BASE: std::sync::OnceLock<Timestamp> = std::sync::OnceLock::new();
    *BASE.get_or_init(|| Timestamp::now().add_millis(-3_600_000))
}

fn seg(item: &str, text: &str, offset: i64) -> TranscriptSegment {
    TranscriptSegment {
        item_id: Some(item.to_owned()),
        ..TranscriptSegment::new(Role::User, text, base().add_millis(offset))
    }
}

fn accepted(id: &str, user: &str) -> SessionMeta {
    SessionMeta {
        user: Some(User::new(user)),
        ..SessionMeta::new(id, Consent::Accepted)
    }
}

async fn instance(schema: &TestSchema, w: OnWithdrawal) -> Store {
    Arc::new(
        RealtimeStore::builder(schema.open().await)
            .on_withdrawal(w)
            .build(),
    )
}

async fn texts(s: &Store, id: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cursor = None;
    loop {
        let p = s
            .get_transcripts(
                id,
                &PageRequest {
                    cursor,
                    limit: Some(1000),
                },
            )
            .await
            .unwrap();
        out.extend(p.items.into_iter().map(|t| t.text));
        match p.next_cursor {
            Some(c) => cursor = Some(c),
            None => return out,
        }
    }
}

/// 64 sessions write mixed batches at once; every kind keeps a contiguous,
/// ordered `seq` per session.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sixty_four_sessions_append_mixed_batches_at_once() {
    let schema = pg::fresh_schema().await;
    let s = instance(&schema, OnWithdrawal::Erase).await;
    let barrier = Arc::new(tokio::sync::Barrier::new(64));
    let mut tasks = Vec::new();
    for n in 0..64 {
        let s = s.clone();
        let b = barrier.clone();
        tasks.push(tokio::spawn(async move {
            let id = format!("m64_{n}");
            s.save_session_meta(accepted(&id, &format!("u{}", n % 8)))
                .await
                .unwrap();
            b.wait().await;
            for k in 0..10i64 {
                let mut batch: Vec<Event> = (0..3)
                    .map(|j| {
                        Event::Transcript(seg(
                            &format!("it{k}_{j}"),
                            &format!("{id} {k}.{j}"),
                            k * 10 + j,
                        ))
                    })
                    .collect();
                batch.push(Event::ToolEvent(ToolEvent {
                    call_id: Some(format!("call{k}")),
                    name: "lookup".into(),
                    args: json!({"k": k}),
                    result: None,
                    status: ToolStatus::Ok,
                    duration_ms: Some(5),
                    at: base().add_millis(k * 10 + 5),
                }));
                batch.push(Event::Usage(UsageEvent {
                    event_id: Some(format!("u{k}")),
                    kind: "input_tokens".into(),
                    value: 1.0,
                    meta: None,
                    at: base().add_millis(k * 10 + 6),
                }));
                let out = s.append_events(&id, batch).await.unwrap();
                assert_eq!(out, vec![WriteOutcome::Persisted; 5], "{id} batch {k}");
            }
        }));
    }
    for t in futures::future::join_all(tasks).await {
        t.unwrap();
    }
    for n in 0..64 {
        let id = format!("m64_{n}");
        let rows = s
            .get_transcripts(&id, &PageRequest::all())
            .await
            .unwrap()
            .items;
        assert_eq!(rows.len(), 30);
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(r.seq, i as i64 + 1);
            assert_eq!(r.text, format!("{id} {}.{}", i / 3, i % 3));
        }
        let tools = s
            .get_tool_events(&id, &PageRequest::all())
            .await
            .unwrap()
            .items;
        assert_eq!(
            tools.iter().map(|t| t.seq).collect::<Vec<_>>(),
            (1..=10).collect::<Vec<_>>()
        );
        let usage = s.get_usage(&id).await.unwrap();
        assert_eq!(usage.events.len(), 10);
        assert_eq!(usage.totals["input_tokens"], 10.0);
    }
}

/// The same events sent 48 times at once through three instances: exactly one row
/// each, exactly one `persisted` answer each.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_retries_of_one_event_store_exactly_one_row() {
    let schema = pg::fresh_schema().await;
    let inst = [
        instance(&schema, OnWithdrawal::Erase).await,
        instance(&schema, OnWithdrawal::Erase).await,
        instance(&schema, OnWithdrawal::Erase).await,
    ];
    inst[0]
        .save_session_meta(accepted("retry_1", "u_r"))
        .await
        .unwrap();
    let barrier = Arc::new(tokio::sync::Barrier::new(48));
    let mut tasks = Vec::new();
    for n in 0..48 {
        let s = inst[n % 3].clone();
        let b = barrier.clone();
        tasks.push(tokio::spawn(async move {
            b.wait().await;
            let batch = vec![
                Event::Transcript(seg("item_same", "keyed", 1)),
                // Keyless: identical role, text and start make it the same event.
                Event::Transcript(TranscriptSegment::new(
                    Role::Assistant,
                    "keyless",
                    base().add_millis(2),
                )),
                Event::Usage(UsageEvent {
                    event_id: Some("usage_same".into()),
                    kind: "output_tokens".into(),
                    value: 7.0,
                    meta: None,
                    at: base().add_millis(3),
                }),
            ];
            s.append_events("retry_1", batch).await.unwrap()
        }));
    }
    let mut persisted = [0; 3];
    for t in futures::future::join_all(tasks).await {
        for (i, o) in t.unwrap().into_iter().enumerate() {
            match o {
                WriteOutcome::Persisted => persisted[i] += 1,
                WriteOutcome::Duplicate => {}
                o => panic!("unexpected {o:?}"),
            }
        }
    }
    assert_eq!(persisted, [1, 1, 1]);
    assert_eq!(schema.count("transcripts", Some("retry_1")).await, 2);
    assert_eq!(schema.count("usage_events", Some("retry_1")).await, 1);
    let rows = inst[1]
        .get_transcripts("retry_1", &PageRequest::all())
        .await
        .unwrap()
        .items;
    assert_eq!(rows.iter().map(|r| r.seq).collect::<Vec<_>>(), vec![1, 2]);
}

/// Appends on one instance while another withdraws consent: once the withdrawal
/// has returned, nothing more is stored, whatever the appending instance cached.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn withdrawal_racing_with_appends_keep_and_erase() {
    for policy in [OnWithdrawal::Keep, OnWithdrawal::Erase] {
        let schema = pg::fresh_schema().await;
        let writer = instance(&schema, OnWithdrawal::Erase).await;
        let controller = instance(&schema, policy).await;
        writer
            .save_session_meta(accepted("race_w", "u_w"))
            .await
            .unwrap();
        let w = writer.clone();
        let appender = tokio::spawn(async move {
            let mut outcomes = Vec::new();
            for i in 0..300 {
                let o = w
                    .append_transcript("race_w", seg(&format!("i{i}"), &format!("t{i}"), i))
                    .await
                    .unwrap();
                outcomes.push(o);
            }
            outcomes
        });
        // Withdraw once some appends are stored (polling the table).
        while schema.count("transcripts", Some("race_w")).await < 20 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        let o = controller
            .save_session_meta(SessionMeta::new("race_w", Consent::Declined))
            .await
            .unwrap();
        assert_eq!(o, WriteOutcome::Dropped(DropReason::ConsentDeclined));
        let at_withdrawal = schema.count("transcripts", Some("race_w")).await;
        let outcomes = appender.await.unwrap();
        let final_rows = schema.count("transcripts", Some("race_w")).await;
        let persisted = outcomes
            .iter()
            .filter(|o| **o == WriteOutcome::Persisted)
            .count() as i64;
        let first_refused = outcomes
            .iter()
            .position(|o| *o != WriteOutcome::Persisted)
            .expect("the withdrawal happened before the appender finished");
        assert!(
            outcomes[..first_refused]
                .iter()
                .all(|o| *o == WriteOutcome::Persisted)
                && outcomes[first_refused..]
                    .iter()
                    .all(|o| *o != WriteOutcome::Persisted),
            "{policy:?}: nothing persisted after the first refusal"
        );
        match policy {
            OnWithdrawal::Keep => {
                assert_eq!(
                    final_rows, at_withdrawal,
                    "nothing written after the withdrawal"
                );
                assert_eq!(
                    final_rows, persisted,
                    "every persisted answer is a stored row"
                );
                assert!(outcomes[first_refused..]
                    .iter()
                    .all(|o| *o == WriteOutcome::Dropped(DropReason::ConsentDeclined)));
                let sess = writer.get_session("race_w").await.unwrap().unwrap();
                assert_eq!(sess.consent, Consent::Declined);
            }
            OnWithdrawal::Erase => {
                assert_eq!(at_withdrawal, 0);
                assert_eq!(final_rows, 0, "nothing written after the erasure");
                assert_eq!(schema.count("sessions", Some("race_w")).await, 0);
                // The writer finds the tombstone: everything after is dropped,
                // nothing held to be written later.
                assert!(outcomes[first_refused..]
                    .iter()
                    .all(|o| *o == WriteOutcome::Dropped(DropReason::ConsentDeclined)));
            }
        }
    }
}

/// erase_user while that user's sessions are appending (and another user's are
/// too): nothing of the erased user survives, the counts are exact, the other
/// user loses nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn erase_user_racing_with_appends_leaves_nothing() {
    let schema = pg::fresh_schema().await;
    let writer = instance(&schema, OnWithdrawal::Erase).await;
    let eraser = instance(&schema, OnWithdrawal::Erase).await;
    let sessions: Vec<(String, &str)> = (0..8)
        .map(|i| (format!("er_u_{i}"), "doomed"))
        .chain((0..2).map(|i| (format!("er_v_{i}"), "spared")))
        .collect();
    for (id, user) in &sessions {
        writer.save_session_meta(accepted(id, user)).await.unwrap();
    }
    let persisted = Arc::new(AtomicU64::new(0));
    let mut tasks = Vec::new();
    for (id, user) in sessions.clone() {
        let w = writer.clone();
        let p = persisted.clone();
        tasks.push(tokio::spawn(async move {
            let mut mine = 0;
            for i in 0..120 {
                let o = w
                    .append_transcript(&id, seg(&format!("i{i}"), "x", i))
                    .await
                    .unwrap();
                if o == WriteOutcome::Persisted {
                    mine += 1;
                    if user == "doomed" {
                        p.fetch_add(1, Ordering::SeqCst);
                    }
                }
            }
            (id, user, mine)
        }));
    }
    while persisted.load(Ordering::SeqCst) < 100 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let counts = eraser.erase_user("doomed").await.unwrap();
    let results: Vec<_> = futures::future::join_all(tasks)
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let doomed_persisted: i64 = results
        .iter()
        .filter(|r| r.1 == "doomed")
        .map(|r| r.2)
        .sum();
    assert_eq!(counts.users, 1);
    assert_eq!(counts.sessions, 8);
    assert_eq!(
        counts.transcripts as i64, doomed_persisted,
        "every persisted row was erased and counted"
    );
    for (id, user, mine) in &results {
        let stored = schema.count("transcripts", Some(id)).await;
        if *user == "doomed" {
            assert_eq!(stored, 0, "{id}");
            assert_eq!(schema.count("sessions", Some(id)).await, 0, "{id}");
        } else {
            assert_eq!(*mine, 120, "{id}");
            assert_eq!(stored, 120, "{id}");
        }
    }
    let mut c = pg::admin().await;
    let users: i64 = sqlx::query_scalar(&format!(
        "SELECT count(*) FROM \"{}\".app_users WHERE id = 'doomed'",
        schema.schema()
    ))
    .fetch_one(&mut c)
    .await
    .unwrap();
    assert_eq!(users, 0);
}

/// Downgrade to PENDING by another instance while appending: no row is written
/// while the stored consent is not ACCEPTED.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn downgrade_racing_with_appends_stops_writes() {
    let schema = pg::fresh_schema().await;
    let writer = instance(&schema, OnWithdrawal::Erase).await;
    let controller = instance(&schema, OnWithdrawal::Erase).await;
    writer
        .save_session_meta(accepted("race_p", "u_p"))
        .await
        .unwrap();
    controller
        .get_session("race_p")
        .await
        .unwrap()
        .expect("visible to the controller");
    let w = writer.clone();
    let appender = tokio::spawn(async move {
        let mut out = Vec::new();
        for i in 0..300 {
            out.push(
                w.append_transcript("race_p", seg(&format!("i{i}"), "y", i))
                    .await
                    .unwrap(),
            );
        }
        out
    });
    while schema.count("transcripts", Some("race_p")).await < 20 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    controller
        .save_session_meta(SessionMeta::new("race_p", Consent::Pending))
        .await
        .unwrap();
    let at_downgrade = schema.count("transcripts", Some("race_p")).await;
    let out = appender.await.unwrap();
    assert_eq!(
        schema.count("transcripts", Some("race_p")).await,
        at_downgrade
    );
    let persisted = out
        .iter()
        .filter(|o| **o == WriteOutcome::Persisted)
        .count() as i64;
    assert_eq!(persisted, at_downgrade);
    assert!(out
        .iter()
        .all(|o| matches!(o, WriteOutcome::Persisted | WriteOutcome::Buffered)));
}

/// Kill rounds of [`killed_connections_do_not_fail_writes`] (120 ms apart).
const KILL_ROUNDS: u32 = 25;

/// The server kills the store's connections (`pg_terminate_backend`) again and
/// again while 16 sessions append: every write still succeeds, exactly once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn killed_connections_do_not_fail_writes() {
    for prepared in [true, false] {
        let schema = pg::fresh_schema().await;
        let app = format!("rs_kill_{}", schema.schema());
        let backend = schema
            .open_with(PostgresOptions {
                application_name: app.clone(),
                max_connections: 8,
                prepared_statements: prepared,
                // More retries than kill rounds (below): an attempt is killed at
                // most once per round, so every write gets through however slow
                // the machine is; what is tested is "no loss, no duplicate".
                max_retries: KILL_ROUNDS + 5,
                ..schema.options()
            })
            .await;
        let s: Store = Arc::new(RealtimeStore::new(backend));
        for n in 0..16 {
            s.save_session_meta(accepted(&format!("kill_{n}"), "u_k"))
                .await
                .unwrap();
        }
        let done = Arc::new(AtomicBool::new(false));
        let killer = {
            let done = done.clone();
            tokio::spawn(async move {
                let mut c = pg::admin().await;
                let mut killed = 0i64;
                let mut rounds = 0;
                while !done.load(Ordering::SeqCst) && rounds < KILL_ROUNDS {
                    rounds += 1;
                    let n: i64 = sqlx::query_scalar(
                        "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))
                         FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()",
                    )
                    .bind(&app)
                    .fetch_one(&mut c)
                    .await
                    .unwrap();
                    killed += n;
                    // Kill rounds far enough apart that a write retried with
                    // backoff gets through, close enough that many writes are hit.
                    tokio::time::sleep(Duration::from_millis(120)).await;
                }
                killed
            })
        };
        let mut tasks = Vec::new();
        for n in 0..16 {
            let s = s.clone();
            tasks.push(tokio::spawn(async move {
                let id = format!("kill_{n}");
                for i in 0..40i64 {
                    let out = if i % 4 == 3 {
                        // Some batches too.
                        let b = vec![
                            seg(&format!("i{i}a"), &format!("{i}a"), i),
                            seg(&format!("i{i}b"), &format!("{i}b"), i),
                        ];
                        s.append_transcripts(&id, b).await
                    } else {
                        s.append_transcript(&id, seg(&format!("i{i}"), &format!("{i}"), i))
                            .await
                            .map(|o| vec![o])
                    };
                    let out = out.unwrap_or_else(|e| panic!("{id} write {i} failed: {e:?}"));
                    assert!(
                        out.iter().all(|o| *o == WriteOutcome::Persisted),
                        "{id} {i}: {out:?}"
                    );
                }
            }));
        }
        for t in futures::future::join_all(tasks).await {
            t.unwrap();
        }
        done.store(true, Ordering::SeqCst);
        let killed = killer.await.unwrap();
        eprintln!("prepared={prepared}: {killed} connections killed during the load");
        assert!(killed > 0, "connections were killed during the load");
        for n in 0..16 {
            let id = format!("kill_{n}");
            let expected: Vec<String> = (0..40)
                .flat_map(|i| {
                    if i % 4 == 3 {
                        vec![format!("{i}a"), format!("{i}b")]
                    } else {
                        vec![format!("{i}")]
                    }
                })
                .collect();
            assert_eq!(
                texts(&s, &id).await,
                expected,
                "{id}: nothing lost, nothing twice, in order"
            );
            let rows = s
                .get_transcripts(&id, &PageRequest::all())
                .await
                .unwrap()
                .items;
            assert!(
                rows.iter().enumerate().all(|(i, r)| r.seq == i as i64 + 1),
                "{id}: contiguous seq"
            );
        }
    }
}
