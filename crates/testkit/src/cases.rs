//! The conformance cases. Each takes a factory of fresh fixtures and panics with a
//! clear message when the backend (with the gate in front of it) misbehaves.

use std::ops::Deref;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use realtime_store::{
    Backend, Consent, ConsentConfig, DropReason, Event, OnWithdrawal, PageRequest,
    PersistenceStore, RealtimeStore, Role, SessionEvent, SessionFilter, SessionMeta, SessionStatus,
    Summary, Timestamp, Timings, ToolEvent, ToolStatus, TranscriptSegment, UsageEvent, User,
    WriteOutcome,
};
use serde_json::json;

use crate::{CountingBackend, MakeFixture};

/// A store under test, keeping the fixture's guard alive.
pub struct Under<B: Backend> {
    store: Arc<RealtimeStore<B>>,
    _guard: Option<Box<dyn std::any::Any + Send + Sync>>,
}

impl<B: Backend> Deref for Under<B> {
    type Target = RealtimeStore<B>;
    fn deref(&self) -> &RealtimeStore<B> {
        &self.store
    }
}

impl<B: Backend + std::fmt::Debug> std::fmt::Debug for Under<B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Under")
            .field("store", &self.store)
            .finish_non_exhaustive()
    }
}

async fn open<B: Backend, C: Backend>(
    make: impl MakeFixture<B>,
    build: impl FnOnce(B) -> RealtimeStore<C>,
) -> Under<C> {
    let (backend, guard) = make().await.into_parts();
    Under {
        store: Arc::new(build(backend)),
        _guard: guard,
    }
}

async fn default_store<B: Backend>(make: impl MakeFixture<B>) -> Under<B> {
    open(make, RealtimeStore::new).await
}

fn now() -> Timestamp {
    Timestamp::now()
}

fn at(offset_ms: i64) -> Timestamp {
    // A fixed base (an hour before the first use) keeps generated times valid,
    // ordered, and equal when a test sends "the same" event twice.
    static BASE: std::sync::OnceLock<Timestamp> = std::sync::OnceLock::new();
    BASE.get_or_init(|| Timestamp::now().add_millis(-3_600_000))
        .add_millis(offset_ms)
}

fn seg(text: &str, offset_ms: i64) -> TranscriptSegment {
    TranscriptSegment::new(Role::User, text, at(offset_ms))
}

fn keyed(item: &str, text: &str, offset_ms: i64) -> TranscriptSegment {
    TranscriptSegment {
        item_id: Some(item.to_owned()),
        ..seg(text, offset_ms)
    }
}

fn meta(id: &str, consent: Consent) -> SessionMeta {
    SessionMeta::new(id, consent)
}

fn meta_for(id: &str, user: &str, consent: Consent) -> SessionMeta {
    SessionMeta {
        user: Some(User::new(user)),
        voice: Some("alloy".into()),
        persona: Some("support".into()),
        ..meta(id, consent)
    }
}

async fn texts<B: Backend>(s: &RealtimeStore<B>, id: &str) -> Vec<String> {
    s.get_transcripts(id, &PageRequest::all())
        .await
        .expect("get_transcripts")
        .items
        .into_iter()
        .map(|t| t.text)
        .collect()
}

fn tool(call: Option<&str>, args: serde_json::Value) -> ToolEvent {
    ToolEvent {
        call_id: call.map(str::to_owned),
        name: "lookup_order".into(),
        args,
        result: Some(json!({"status": "shipped"})),
        status: ToolStatus::Ok,
        duration_ms: Some(120),
        at: at(500),
    }
}

fn usage(kind: &str, value: f64, offset: i64) -> UsageEvent {
    UsageEvent {
        event_id: None,
        kind: kind.into(),
        value,
        meta: None,
        at: at(offset),
    }
}

/// ACCEPTED: everything is stored, and redacted on the way in.
pub async fn accepted_persists_and_redacts<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    let m = SessionMeta {
        user: Some(User {
            id: "user_1".into(),
            auth_user_id: Some("auth|1".into()),
            email: Some("Caller@Example.com".into()),
        }),
        config: Some(
            json!({"model": "gpt-realtime", "user_email": "caller@example.com", "turn_detection": {"type": "server_vad"}}),
        ),
        timings: Timings {
            connect_requested: Some(at(0)),
            ..Timings::default()
        },
        started_at: Some(at(0)),
        ..meta_for("sess_1", "user_1", Consent::Accepted)
    };
    assert_eq!(
        s.save_session_meta(m).await.unwrap(),
        WriteOutcome::Persisted
    );
    let o = s
        .append_transcript("sess_1", seg("reach me at jane.doe@example.com please", 10))
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Persisted);
    let o = s
        .append_tool_event(
            "sess_1",
            tool(
                Some("call_1"),
                json!({"email": "jane.doe@example.com", "card": "4111 1111 1111 1111", "qty": 2}),
            ),
        )
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Persisted);
    let o = s
        .persist_summary(
            "sess_1",
            Summary {
                text: "Caller jane.doe@example.com asked about an order".into(),
                key_points: vec!["card 4111-1111-1111-1111 on file".into()],
                at: at(900),
            },
        )
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Persisted);
    let o = s
        .record_usage(
            "sess_1",
            UsageEvent {
                meta: Some(json!({"note": "billed to jane.doe@example.com"})),
                ..usage("input_tokens", 120.0, 950)
            },
        )
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Persisted);

    let sess = s
        .get_session("sess_1")
        .await
        .unwrap()
        .expect("session stored");
    assert_eq!(sess.consent, Consent::Accepted);
    assert_eq!(sess.user_id.as_deref(), Some("user_1"));
    assert_eq!(sess.voice.as_deref(), Some("alloy"));
    assert_eq!(sess.status, SessionStatus::Active);
    assert_eq!(sess.started_at, at(0));
    assert_eq!(sess.timings.connect_requested, Some(at(0)));
    assert_eq!(sess.config["model"], "gpt-realtime");
    assert_eq!(sess.config["turn_detection"]["type"], "server_vad");
    assert_ne!(
        sess.config["user_email"], "caller@example.com",
        "identity fields of config are redacted"
    );

    let t = texts(&s, "sess_1").await;
    assert_eq!(t, vec!["reach me at [EMAIL] please".to_string()]);
    let tools = s
        .get_tool_events("sess_1", &PageRequest::all())
        .await
        .unwrap()
        .items;
    assert_eq!(tools.len(), 1);
    assert_eq!(
        tools[0].args,
        json!({"email": "[EMAIL]", "card": "[CREDIT_CARD]", "qty": 2})
    );
    assert_eq!(tools[0].call_id.as_deref(), Some("call_1"));
    assert_eq!(tools[0].duration_ms, Some(120));
    let sum = s.get_summary("sess_1").await.unwrap().expect("summary");
    assert_eq!(sum.text, "Caller [EMAIL] asked about an order");
    assert_eq!(
        sum.key_points,
        vec!["card [CREDIT_CARD] on file".to_string()]
    );
    let u = s.get_usage("sess_1").await.unwrap();
    assert_eq!(u.events.len(), 1);
    assert_eq!(u.events[0].meta, Some(json!({"note": "billed to [EMAIL]"})));
    assert_eq!(u.totals.get("input_tokens"), Some(&120.0));
    let stats = s.stats();
    assert!(
        stats.redactions.get("EMAIL").copied().unwrap_or(0) >= 4,
        "{stats:?}"
    );
}

/// DECLINED: nothing at all is stored, no user row, and appends are dropped
/// without a backend call.
pub async fn declined_stores_nothing_without_round_trip<B: Backend>(make: impl MakeFixture<B>) {
    let s = open(make, |b| RealtimeStore::new(CountingBackend::new(b))).await;
    let o = s
        .save_session_meta(meta_for("sess_d", "user_d", Consent::Declined))
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Dropped(DropReason::ConsentDeclined));
    let calls = s.backend().calls.clone();
    let before = calls.total();
    for i in 0..50 {
        let o = s
            .append_transcript("sess_d", seg("my card is 4111 1111 1111 1111", i))
            .await
            .unwrap();
        assert_eq!(o, WriteOutcome::Dropped(DropReason::ConsentDeclined));
    }
    let o = s
        .append_tool_event("sess_d", tool(None, json!({})))
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Dropped(DropReason::ConsentDeclined));
    assert_eq!(
        calls.total(),
        before,
        "declined appends must not reach the backend"
    );
    assert!(
        s.get_session("sess_d").await.unwrap().is_none(),
        "no session row"
    );
    assert!(texts(&s, "sess_d").await.is_empty());
    let page = s.list_sessions(&SessionFilter::default()).await.unwrap();
    assert!(page.items.is_empty());
    let erased = s.erase_user("user_d").await.unwrap();
    assert_eq!(
        erased.users, 0,
        "no user row was created for a declined session"
    );
    assert_eq!(s.stats().consent.dropped_declined, 51);
}

/// PENDING: events are held, nothing is stored, then written in order on ACCEPTED.
pub async fn pending_buffers_then_flushes_in_order<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    let o = s
        .save_session_meta(meta_for("sess_p", "user_p", Consent::Pending))
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Buffered);
    for i in 0..5 {
        let o = s
            .append_transcript("sess_p", seg(&format!("segment {i}"), i * 10))
            .await
            .unwrap();
        assert_eq!(o, WriteOutcome::Buffered);
    }
    assert_eq!(
        s.append_tool_event("sess_p", tool(Some("c1"), json!({"a": 1})))
            .await
            .unwrap(),
        WriteOutcome::Buffered
    );
    assert!(
        s.get_session("sess_p").await.unwrap().is_none(),
        "nothing stored while pending"
    );
    assert!(texts(&s, "sess_p").await.is_empty());
    assert_eq!(s.health().await.buffered_events, 6);
    // The accepting call carries only the consent: the pending meta is kept.
    let o = s
        .save_session_meta(meta("sess_p", Consent::Accepted))
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Persisted);
    let sess = s
        .get_session("sess_p")
        .await
        .unwrap()
        .expect("stored on accept");
    assert_eq!(sess.user_id.as_deref(), Some("user_p"));
    assert_eq!(sess.voice.as_deref(), Some("alloy"));
    assert_eq!(
        texts(&s, "sess_p").await,
        (0..5).map(|i| format!("segment {i}")).collect::<Vec<_>>()
    );
    assert_eq!(
        s.get_tool_events("sess_p", &PageRequest::all())
            .await
            .unwrap()
            .items
            .len(),
        1
    );
    let st = s.stats().consent;
    assert_eq!(st.buffered, 6);
    assert_eq!(st.flushed, 6);
    assert_eq!(st.held_events, 0);
    // And later appends go straight through, after the flushed ones.
    s.append_transcript("sess_p", seg("after", 100))
        .await
        .unwrap();
    assert_eq!(
        texts(&s, "sess_p").await.last().map(String::as_str),
        Some("after")
    );
}

/// Events for a session nobody described yet are held, not lost.
pub async fn events_before_meta_are_buffered<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    for i in 0..3 {
        let o = s
            .append_transcript("early", seg(&format!("early {i}"), i))
            .await
            .unwrap();
        assert_eq!(o, WriteOutcome::Buffered);
    }
    assert!(s.get_session("early").await.unwrap().is_none());
    s.save_session_meta(meta_for("early", "u_early", Consent::Accepted))
        .await
        .unwrap();
    assert_eq!(
        texts(&s, "early").await,
        vec!["early 0", "early 1", "early 2"]
    );
}

/// PENDING then DECLINED: the held events are discarded and counted.
pub async fn pending_then_declined_discards<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    s.save_session_meta(meta_for("pd", "u_pd", Consent::Pending))
        .await
        .unwrap();
    for i in 0..4 {
        s.append_transcript("pd", seg("held", i)).await.unwrap();
    }
    let o = s
        .save_session_meta(meta("pd", Consent::Declined))
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Dropped(DropReason::ConsentDeclined));
    assert_eq!(s.stats().consent.discarded_declined, 4);
    assert_eq!(s.stats().consent.held_events, 0);
    // A later ACCEPTED finds nothing to flush.
    s.save_session_meta(meta("pd", Consent::Accepted))
        .await
        .unwrap();
    assert!(texts(&s, "pd").await.is_empty());
    assert_eq!(
        s.erase_user("u_pd").await.unwrap().users,
        0,
        "pending meta was dropped too"
    );
}

fn small_buffer(items: usize, bytes: usize, age: Duration) -> ConsentConfig {
    ConsentConfig {
        max_items: items,
        max_bytes: bytes,
        max_age: age,
        ..ConsentConfig::default()
    }
}

/// Overflow of the per-session item limit drops and counts.
pub async fn buffer_overflow_is_counted<B: Backend>(make: impl MakeFixture<B>) {
    let s = open(make, |b| {
        RealtimeStore::builder(b)
            .consent(small_buffer(3, 1 << 20, Duration::from_secs(60)))
            .build()
    })
    .await;
    let mut outcomes = Vec::new();
    for i in 0..5 {
        outcomes.push(
            s.append_transcript("ov", seg(&format!("t{i}"), i))
                .await
                .unwrap(),
        );
    }
    assert_eq!(&outcomes[..3], &[WriteOutcome::Buffered; 3]);
    assert_eq!(
        &outcomes[3..],
        &[WriteOutcome::Dropped(DropReason::BufferFull); 2]
    );
    assert_eq!(s.stats().consent.overflow, 2);
    s.save_session_meta(meta("ov", Consent::Accepted))
        .await
        .unwrap();
    assert_eq!(texts(&s, "ov").await, vec!["t0", "t1", "t2"]);
}

/// Overflow of the per-session byte limit drops and counts.
pub async fn buffer_byte_limit_is_counted<B: Backend>(make: impl MakeFixture<B>) {
    let s = open(make, |b| {
        RealtimeStore::builder(b)
            .consent(small_buffer(1000, 3000, Duration::from_secs(60)))
            .build()
    })
    .await;
    let big = "x".repeat(1000);
    let mut buffered = 0;
    let mut dropped = 0;
    for i in 0..5 {
        match s.append_transcript("bytes", seg(&big, i)).await.unwrap() {
            WriteOutcome::Buffered => buffered += 1,
            WriteOutcome::Dropped(DropReason::BufferFull) => dropped += 1,
            o => panic!("unexpected {o:?}"),
        }
    }
    assert!((1..=3).contains(&buffered), "buffered {buffered}");
    assert_eq!(dropped, 5 - buffered);
    assert_eq!(s.stats().consent.overflow, dropped);
}

/// Held events older than the age limit are discarded and counted.
pub async fn buffer_expiry_is_counted<B: Backend>(make: impl MakeFixture<B>) {
    let s = open(make, |b| {
        RealtimeStore::builder(b)
            .consent(small_buffer(100, 1 << 20, Duration::from_millis(30)))
            .build()
    })
    .await;
    s.append_transcript("exp", seg("old", 0)).await.unwrap();
    s.append_transcript("exp2", seg("old too", 0))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(80)).await;
    assert_eq!(s.sweep_expired(), 2, "idle sessions' events are swept");
    s.append_transcript("exp", seg("fresh", 1)).await.unwrap();
    s.save_session_meta(meta("exp", Consent::Accepted))
        .await
        .unwrap();
    assert_eq!(texts(&s, "exp").await, vec!["fresh"]);
    let st = s.stats().consent;
    assert_eq!(st.expired, 2);
    assert_eq!(st.held_events, 0);
}

/// Withdrawal erases what was stored (default) and stops writes.
pub async fn withdrawal_erases_by_default<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    s.save_session_meta(meta_for("w", "u_w", Consent::Accepted))
        .await
        .unwrap();
    s.append_transcript("w", seg("hello", 0)).await.unwrap();
    s.persist_summary(
        "w",
        Summary {
            text: "s".into(),
            key_points: vec![],
            at: at(1),
        },
    )
    .await
    .unwrap();
    let o = s
        .save_session_meta(meta("w", Consent::Declined))
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Dropped(DropReason::ConsentDeclined));
    assert!(s.get_session("w").await.unwrap().is_none());
    assert!(texts(&s, "w").await.is_empty());
    assert!(s.get_summary("w").await.unwrap().is_none());
    let o = s
        .append_transcript("w", seg("after withdrawal", 5))
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Dropped(DropReason::ConsentDeclined));
    assert!(texts(&s, "w").await.is_empty());
}

/// Withdrawal with `Keep`: stored content stays, marked DECLINED; nothing more is written.
pub async fn withdrawal_can_keep<B: Backend>(make: impl MakeFixture<B>) {
    let s = open(make, |b| {
        RealtimeStore::builder(b)
            .on_withdrawal(OnWithdrawal::Keep)
            .build()
    })
    .await;
    s.save_session_meta(meta_for("wk", "u_wk", Consent::Accepted))
        .await
        .unwrap();
    s.append_transcript("wk", seg("kept", 0)).await.unwrap();
    s.save_session_meta(meta("wk", Consent::Declined))
        .await
        .unwrap();
    let sess = s.get_session("wk").await.unwrap().expect("kept");
    assert_eq!(sess.consent, Consent::Declined);
    let o = s
        .append_transcript("wk", seg("not stored", 5))
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Dropped(DropReason::ConsentDeclined));
    assert_eq!(texts(&s, "wk").await, vec!["kept"]);
}

/// A live session's consent is known without a read per append.
pub async fn consent_is_cached_not_read_per_append<B: Backend>(make: impl MakeFixture<B>) {
    let s = open(make, |b| RealtimeStore::new(CountingBackend::new(b))).await;
    s.save_session_meta(meta_for("c", "u_c", Consent::Accepted))
        .await
        .unwrap();
    for i in 0..100 {
        s.append_transcript("c", seg(&format!("n{i}"), i))
            .await
            .unwrap();
    }
    let calls = &s.backend().calls;
    assert_eq!(
        calls.stored_consent.load(Ordering::SeqCst),
        0,
        "no consent read per append"
    );
    assert_eq!(calls.append.load(Ordering::SeqCst), 100);
    assert_eq!(texts(&s, "c").await.len(), 100);
}

/// ACCEPTED → PENDING: stop storing (hold again) until ACCEPTED once more.
pub async fn downgrade_to_pending_stops_writes<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    s.save_session_meta(meta_for("dp", "u_dp", Consent::Accepted))
        .await
        .unwrap();
    s.append_transcript("dp", seg("one", 0)).await.unwrap();
    s.save_session_meta(meta("dp", Consent::Pending))
        .await
        .unwrap();
    assert_eq!(
        s.get_session("dp").await.unwrap().unwrap().consent,
        Consent::Pending
    );
    assert_eq!(
        s.append_transcript("dp", seg("two", 1)).await.unwrap(),
        WriteOutcome::Buffered
    );
    assert_eq!(texts(&s, "dp").await, vec!["one"]);
    s.save_session_meta(meta("dp", Consent::Accepted))
        .await
        .unwrap();
    assert_eq!(texts(&s, "dp").await, vec!["one", "two"]);
}

/// 64 sessions appending at once: every segment stored, each session in order.
pub async fn ordering_under_concurrent_sessions<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    let mut tasks = Vec::new();
    for n in 0..64 {
        let st = s.store.clone();
        tasks.push(tokio::spawn(async move {
            let id = format!("conc_{n}");
            // Half the sessions start sending before their meta arrives.
            if n % 2 == 0 {
                st.save_session_meta(meta_for(&id, &format!("u{n}"), Consent::Accepted))
                    .await
                    .unwrap();
            }
            for i in 0..40 {
                if n % 2 == 1 && i == 5 {
                    st.save_session_meta(meta_for(&id, &format!("u{n}"), Consent::Accepted))
                        .await
                        .unwrap();
                }
                let o = st
                    .append_transcript(&id, seg(&format!("{id} #{i}"), i))
                    .await
                    .unwrap();
                assert!(
                    matches!(o, WriteOutcome::Persisted | WriteOutcome::Buffered),
                    "{o:?}"
                );
            }
        }));
    }
    for t in futures::future::join_all(tasks).await {
        t.expect("task");
    }
    for n in 0..64 {
        let id = format!("conc_{n}");
        let rows = s
            .get_transcripts(&id, &PageRequest::all())
            .await
            .unwrap()
            .items;
        assert_eq!(rows.len(), 40, "{id}");
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(r.text, format!("{id} #{i}"), "order of {id}");
            assert_eq!(r.seq, i as i64 + 1, "seq of {id}");
        }
    }
}

/// 32 tasks send the same keyed event at the same instant: exactly one is stored.
pub async fn idempotency_under_concurrency<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    s.save_session_meta(meta_for("idem", "u_i", Consent::Accepted))
        .await
        .unwrap();
    let barrier = Arc::new(tokio::sync::Barrier::new(32));
    let mut tasks = Vec::new();
    for _ in 0..32 {
        let st = s.store.clone();
        let b = barrier.clone();
        tasks.push(tokio::spawn(async move {
            b.wait().await;
            let a = st
                .append_transcript("idem", keyed("item_1", "same", 0))
                .await
                .unwrap();
            let t = st
                .append_tool_event("idem", tool(Some("call_1"), json!({"x": 1})))
                .await
                .unwrap();
            (a, t)
        }));
    }
    let mut seg_persisted = 0;
    let mut tool_persisted = 0;
    for t in futures::future::join_all(tasks).await {
        let (a, t) = t.unwrap();
        match a {
            WriteOutcome::Persisted => seg_persisted += 1,
            WriteOutcome::Duplicate => {}
            o => panic!("unexpected {o:?}"),
        }
        match t {
            WriteOutcome::Persisted => tool_persisted += 1,
            WriteOutcome::Duplicate => {}
            o => panic!("unexpected {o:?}"),
        }
    }
    assert_eq!(seg_persisted, 1);
    assert_eq!(tool_persisted, 1);
    assert_eq!(texts(&s, "idem").await.len(), 1);
    assert_eq!(
        s.get_tool_events("idem", &PageRequest::all())
            .await
            .unwrap()
            .items
            .len(),
        1
    );
    // A retry with the same key but other content is still a duplicate.
    let o = s
        .append_transcript("idem", keyed("item_1", "changed", 9))
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Duplicate);
    // Keys are per session.
    s.save_session_meta(meta_for("idem2", "u_i", Consent::Accepted))
        .await
        .unwrap();
    let o = s
        .append_transcript("idem2", keyed("item_1", "same", 0))
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Persisted);
}

/// Identical keyless events (same role, text, start) in one session are duplicates.
pub async fn keyless_duplicates<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    s.save_session_meta(meta_for("kl", "u_kl", Consent::Accepted))
        .await
        .unwrap();
    assert_eq!(
        s.append_transcript("kl", seg("yes", 0)).await.unwrap(),
        WriteOutcome::Persisted
    );
    assert_eq!(
        s.append_transcript("kl", seg("yes", 0)).await.unwrap(),
        WriteOutcome::Duplicate
    );
    assert_eq!(
        s.append_transcript("kl", seg("yes", 1)).await.unwrap(),
        WriteOutcome::Persisted
    );
    let mut asst = seg("yes", 0);
    asst.role = Role::Assistant;
    assert_eq!(
        s.append_transcript("kl", asst).await.unwrap(),
        WriteOutcome::Persisted
    );
    // In one batch too.
    let out = s
        .append_transcripts("kl", vec![seg("dup", 50), seg("dup", 50)])
        .await
        .unwrap();
    assert_eq!(out, vec![WriteOutcome::Persisted, WriteOutcome::Duplicate]);
    assert_eq!(texts(&s, "kl").await.len(), 4);
    // Keyless usage and tool events too.
    assert_eq!(
        s.record_usage("kl", usage("input_tokens", 5.0, 7))
            .await
            .unwrap(),
        WriteOutcome::Persisted
    );
    assert_eq!(
        s.record_usage("kl", usage("input_tokens", 5.0, 7))
            .await
            .unwrap(),
        WriteOutcome::Duplicate
    );
    assert_eq!(
        s.append_tool_event("kl", tool(None, json!({"q": 1})))
            .await
            .unwrap(),
        WriteOutcome::Persisted
    );
    assert_eq!(
        s.append_tool_event("kl", tool(None, json!({"q": 1})))
            .await
            .unwrap(),
        WriteOutcome::Duplicate
    );
}

/// Summaries are versioned (latest wins); usage totals by kind.
pub async fn summary_versions_and_usage_totals<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    s.save_session_meta(meta_for("sv", "u_sv", Consent::Accepted))
        .await
        .unwrap();
    for (i, t) in ["first draft", "final"].iter().enumerate() {
        let o = s
            .persist_summary(
                "sv",
                Summary {
                    text: (*t).into(),
                    key_points: vec![format!("p{i}")],
                    at: at(i as i64),
                },
            )
            .await
            .unwrap();
        assert_eq!(o, WriteOutcome::Persisted);
    }
    let sum = s.get_summary("sv").await.unwrap().unwrap();
    assert_eq!(sum.version, 2);
    assert_eq!(sum.text, "final");
    assert_eq!(sum.key_points, vec!["p1"]);
    for (k, v, o) in [
        ("audio_input_seconds", 1.5, 1),
        ("audio_input_seconds", 2.25, 2),
        ("output_tokens", 40.0, 3),
    ] {
        s.record_usage("sv", usage(k, v, o)).await.unwrap();
    }
    let u = s.get_usage("sv").await.unwrap();
    assert_eq!(u.events.len(), 3);
    assert_eq!(u.totals["audio_input_seconds"], 3.75);
    assert_eq!(u.totals["output_tokens"], 40.0);
}

/// Each validation rule is enforced and names its field; nothing is written.
pub async fn validation_rules<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    s.save_session_meta(meta_for("v", "u_v", Consent::Accepted))
        .await
        .unwrap();
    let field = |r: realtime_store::Result<WriteOutcome>| -> String {
        let e = r.expect_err("must be rejected");
        assert!(e.is_validation(), "{e}");
        assert!(!e.is_retryable());
        e.field().unwrap().to_owned()
    };
    // ids
    assert_eq!(
        field(s.append_transcript("", seg("a", 0)).await),
        "session_id"
    );
    assert_eq!(
        field(s.append_transcript("bad id!", seg("a", 0)).await),
        "session_id"
    );
    assert_eq!(
        field(s.append_transcript(&"x".repeat(129), seg("a", 0)).await),
        "session_id"
    );
    assert_eq!(
        field(s.append_transcript("v", keyed("no spaces", "a", 0)).await),
        "events[0].item_id"
    );
    assert_eq!(
        field(
            s.save_session_meta(meta_for("v", "bad user", Consent::Accepted))
                .await
        ),
        "user.id"
    );
    // timestamps
    assert_eq!(
        field(
            s.append_transcript(
                "v",
                TranscriptSegment::new(Role::User, "a", Timestamp::from_millis(0))
            )
            .await
        ),
        "events[0].started_at"
    );
    assert_eq!(
        field(
            s.append_transcript(
                "v",
                TranscriptSegment::new(Role::User, "a", now().add_millis(25 * 3_600_000))
            )
            .await
        ),
        "events[0].started_at"
    );
    let mut backwards = seg("a", 100);
    backwards.ended_at = Some(at(50));
    assert_eq!(
        field(s.append_transcript("v", backwards).await),
        "events[0].ended_at"
    );
    let mut m = meta("v", Consent::Accepted);
    m.started_at = Some(at(100));
    m.ended_at = Some(at(0));
    assert_eq!(field(s.save_session_meta(m).await), "ended_at");
    // sizes
    assert_eq!(
        field(
            s.append_transcript("v", seg(&"a".repeat(64 * 1024 + 1), 0))
                .await
        ),
        "events[0].text"
    );
    let big = json!({"blob": "b".repeat(256 * 1024)});
    assert_eq!(
        field(s.append_tool_event("v", tool(None, big)).await),
        "events[0].args"
    );
    // tool name, summary, usage
    let mut t = tool(None, json!({}));
    t.name = " ".into();
    assert_eq!(field(s.append_tool_event("v", t).await), "events[0].name");
    assert_eq!(
        field(
            s.persist_summary(
                "v",
                Summary {
                    text: "".into(),
                    key_points: vec![],
                    at: at(0)
                }
            )
            .await
        ),
        "events[0].text"
    );
    assert_eq!(
        field(
            s.record_usage("v", usage("input_tokens", f64::NAN, 0))
                .await
        ),
        "events[0].value"
    );
    assert_eq!(
        field(s.record_usage("v", usage("Bad Kind", 1.0, 0)).await),
        "events[0].kind"
    );
    // NUL characters (PostgreSQL cannot store them; refused on every backend alike)
    assert_eq!(
        field(s.append_transcript("v", seg("a\0b", 0)).await),
        "events[0].text"
    );
    assert_eq!(
        field(
            s.append_tool_event("v", tool(None, json!({"k": ["x\0"]})))
                .await
        ),
        "events[0].args"
    );
    let nul_kp = Summary {
        text: "ok".into(),
        key_points: vec!["a\0".into()],
        at: at(0),
    };
    assert_eq!(
        field(s.persist_summary("v", nul_kp).await),
        "events[0].key_points[0]"
    );
    // config must be an object
    let mut m = meta("v", Consent::Accepted);
    m.config = Some(json!([1, 2]));
    assert_eq!(field(s.save_session_meta(m).await), "config");
    // roles are a closed set on the wire
    let bad_role = serde_json::from_value::<TranscriptSegment>(
        json!({"role": "narrator", "text": "x", "started_at": 1_700_000_000_000i64}),
    );
    assert!(bad_role.is_err());
    // RFC 3339 and epoch ms both accepted on the wire
    let a: TranscriptSegment = serde_json::from_value(
        json!({"role": "user", "text": "x", "started_at": "2025-01-02T03:04:05.678Z"}),
    )
    .unwrap();
    let b: TranscriptSegment = serde_json::from_value(
        json!({"role": "user", "text": "x", "started_at": 1_735_787_045_678i64}),
    )
    .unwrap();
    assert_eq!(a.started_at, b.started_at);
    assert!(
        texts(&s, "v").await.is_empty(),
        "nothing written by rejected calls"
    );
    assert!(s
        .get_tool_events("v", &PageRequest::all())
        .await
        .unwrap()
        .items
        .is_empty());
}

/// A batch with one bad event writes nothing.
pub async fn batch_validated_whole<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    s.save_session_meta(meta_for("bw", "u_bw", Consent::Accepted))
        .await
        .unwrap();
    let mut bad = seg("bad", 3);
    bad.ended_at = Some(at(0));
    let err = s
        .append_events(
            "bw",
            vec![
                Event::Transcript(seg("ok 1", 1)),
                Event::Usage(usage("input_tokens", 1.0, 2)),
                Event::Transcript(bad),
            ],
        )
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("events[2].ended_at"));
    assert!(texts(&s, "bw").await.is_empty());
    assert!(s.get_usage("bw").await.unwrap().events.is_empty());
    let err = s
        .ingest(vec![
            SessionEvent {
                session_id: "bw".into(),
                event: Event::Transcript(seg("ok", 1)),
            },
            SessionEvent {
                session_id: "bad id".into(),
                event: Event::Transcript(seg("ok", 1)),
            },
        ])
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("events[1].session_id"));
    assert!(texts(&s, "bw").await.is_empty());
}

/// Upsert: later calls update consent, timings, config; hang-up sets `ended_at` and status.
pub async fn session_upsert_and_hang_up<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    let mut m = meta_for("up", "u_up", Consent::Accepted);
    m.started_at = Some(at(0));
    m.timings.connect_requested = Some(at(0));
    m.config = Some(json!({"model": "a"}));
    s.save_session_meta(m).await.unwrap();
    let first = s.get_session("up").await.unwrap().unwrap();
    let mut m = meta("up", Consent::Accepted);
    m.timings.first_audio = Some(at(800));
    s.save_session_meta(m).await.unwrap();
    let mid = s.get_session("up").await.unwrap().unwrap();
    assert_eq!(
        mid.timings.connect_requested,
        Some(at(0)),
        "timings merge field-wise"
    );
    assert_eq!(mid.timings.first_audio, Some(at(800)));
    assert_eq!(
        mid.config,
        json!({"model": "a"}),
        "config kept when not sent"
    );
    assert_eq!(mid.voice.as_deref(), Some("alloy"));
    assert_eq!(mid.started_at, at(0));
    assert_eq!(mid.status, SessionStatus::Active);
    assert_eq!(mid.created_at, first.created_at);
    assert!(mid.updated_at >= first.updated_at);
    let mut m = meta("up", Consent::Accepted);
    m.ended_at = Some(at(60_000));
    s.save_session_meta(m).await.unwrap();
    let end = s.get_session("up").await.unwrap().unwrap();
    assert_eq!(end.status, SessionStatus::Ended);
    assert_eq!(end.ended_at, Some(at(60_000)));
    assert_eq!(end.user_id.as_deref(), Some("u_up"));
    let ended = s
        .list_sessions(&SessionFilter {
            status: Some(SessionStatus::Ended),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(ended.items.len(), 1);
}

/// erase_user removes everything of that user and nothing of anyone else.
pub async fn erase_user_is_complete_and_precise<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    for (sid, uid) in [("a1", "alice"), ("a2", "alice"), ("b1", "bob")] {
        s.save_session_meta(meta_for(sid, uid, Consent::Accepted))
            .await
            .unwrap();
        s.append_transcripts(sid, vec![seg("one", 0), seg("two", 1)])
            .await
            .unwrap();
        s.append_tool_event(sid, tool(Some("c"), json!({})))
            .await
            .unwrap();
        s.persist_summary(
            sid,
            Summary {
                text: "sum".into(),
                key_points: vec![],
                at: at(2),
            },
        )
        .await
        .unwrap();
        s.record_usage(sid, usage("input_tokens", 3.0, 3))
            .await
            .unwrap();
    }
    let c = s.erase_user("alice").await.unwrap();
    assert_eq!(c.users, 1);
    assert_eq!(c.sessions, 2);
    assert_eq!(c.transcripts, 4);
    assert_eq!(c.tool_events, 2);
    assert_eq!(c.summaries, 2);
    assert_eq!(c.usage_events, 2);
    for sid in ["a1", "a2"] {
        assert!(s.get_session(sid).await.unwrap().is_none());
        assert!(texts(&s, sid).await.is_empty());
        assert!(s.get_summary(sid).await.unwrap().is_none());
        assert!(s.get_usage(sid).await.unwrap().events.is_empty());
    }
    let page = s
        .list_sessions(&SessionFilter {
            user_id: Some("alice".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(page.items.is_empty());
    assert!(s.get_session("b1").await.unwrap().is_some());
    assert_eq!(texts(&s, "b1").await.len(), 2);
    assert!(s.get_summary("b1").await.unwrap().is_some());
    // An erased user's live session stores nothing more (its cached consent is stale).
    let o = s.append_transcript("a1", seg("late", 9)).await.unwrap();
    assert_ne!(o, WriteOutcome::Persisted);
    assert!(s.get_session("a1").await.unwrap().is_none());
    assert!(texts(&s, "a1").await.is_empty());
    assert_eq!(s.erase_user("alice").await.unwrap(), Default::default());
}

/// purge_before removes sessions started before the instant, with their children.
pub async fn purge_before_retention<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    let day = 86_400_000;
    for (sid, age_days) in [("old1", 40), ("old2", 31), ("new1", 1)] {
        let mut m = meta_for(sid, "u_pr", Consent::Accepted);
        m.started_at = Some(now().add_millis(-age_days * day));
        s.save_session_meta(m).await.unwrap();
        s.append_transcript(
            sid,
            TranscriptSegment::new(Role::User, "x", now().add_millis(-age_days * day)),
        )
        .await
        .unwrap();
    }
    let c = s.purge_before(now().add_millis(-30 * day)).await.unwrap();
    assert_eq!(c.sessions, 2);
    assert_eq!(c.transcripts, 2);
    assert!(s.get_session("old1").await.unwrap().is_none());
    assert!(s.get_session("old2").await.unwrap().is_none());
    assert_eq!(texts(&s, "new1").await, vec!["x"]);
}

/// Session lists: filters, newest first, cursor pagination covering every row once.
pub async fn session_pagination_edges<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    let empty = s.list_sessions(&SessionFilter::default()).await.unwrap();
    assert!(empty.items.is_empty() && empty.next_cursor.is_none());
    // 7 sessions, three sharing one start instant (ties broken by id).
    let starts = [0, 10, 20, 20, 20, 30, 40];
    for (i, st) in starts.iter().enumerate() {
        let mut m = meta_for(
            &format!("pg_{i}"),
            if i % 2 == 0 { "even" } else { "odd" },
            Consent::Accepted,
        );
        m.started_at = Some(at(*st));
        s.save_session_meta(m).await.unwrap();
    }
    for limit in 1..=8u32 {
        let mut seen = Vec::new();
        let mut cursor = None;
        let mut pages = 0;
        loop {
            let p = s
                .list_sessions(&SessionFilter {
                    limit: Some(limit),
                    cursor: cursor.clone(),
                    ..Default::default()
                })
                .await
                .unwrap();
            assert!(p.items.len() <= limit as usize);
            seen.extend(p.items.iter().map(|x| (x.started_at, x.id.clone())));
            pages += 1;
            match p.next_cursor {
                Some(c) => cursor = Some(c),
                None => break,
            }
            assert!(pages < 20, "pagination does not terminate");
        }
        assert_eq!(seen.len(), 7, "limit {limit}");
        let mut sorted = seen.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(seen, sorted, "newest first, ties by id, limit {limit}");
        assert_eq!(pages, 7usize.div_ceil(limit as usize), "limit {limit}");
    }
    let odd = s
        .list_sessions(&SessionFilter {
            user_id: Some("odd".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(odd.items.len(), 3);
    let range = s
        .list_sessions(&SessionFilter {
            started_after: Some(at(10)),
            started_before: Some(at(30)),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(range.items.len(), 4);
    let declined = s
        .list_sessions(&SessionFilter {
            consent: Some(Consent::Pending),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(declined.items.is_empty());
    let e = s
        .list_sessions(&SessionFilter {
            cursor: Some("garbage".into()),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(e.field(), Some("cursor"));
    let e = s
        .list_sessions(&SessionFilter {
            limit: Some(0),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(e.field(), Some("limit"));
}

/// Child reads: ordered pages, exact last page, bad cursor rejected.
pub async fn child_pagination_edges<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    s.save_session_meta(meta_for("cp", "u_cp", Consent::Accepted))
        .await
        .unwrap();
    let segs: Vec<_> = (0..10).map(|i| seg(&format!("s{i}"), i)).collect();
    s.append_transcripts("cp", segs).await.unwrap();
    let p = s
        .get_transcripts("cp", &PageRequest::first(5))
        .await
        .unwrap();
    assert_eq!(p.items.len(), 5);
    let c = p.next_cursor.expect("more");
    let p2 = s
        .get_transcripts(
            "cp",
            &PageRequest {
                cursor: Some(c),
                limit: Some(5),
            },
        )
        .await
        .unwrap();
    assert_eq!(
        p2.items.iter().map(|x| x.text.as_str()).collect::<Vec<_>>(),
        vec!["s5", "s6", "s7", "s8", "s9"]
    );
    assert!(
        p2.next_cursor.is_none(),
        "an exactly full last page has no next cursor"
    );
    let p3 = s
        .get_transcripts("cp", &PageRequest::first(3))
        .await
        .unwrap();
    assert_eq!(p3.items.len(), 3);
    let e = s
        .get_transcripts(
            "cp",
            &PageRequest {
                cursor: Some("-4".into()),
                limit: None,
            },
        )
        .await
        .unwrap_err();
    assert_eq!(e.field(), Some("cursor"));
    let all = s
        .get_transcripts("cp", &PageRequest::default())
        .await
        .unwrap();
    assert_eq!(all.items.len(), 10);
    for i in 0..3 {
        s.append_tool_event("cp", tool(Some(&format!("t{i}")), json!({"i": i})))
            .await
            .unwrap();
    }
    let t = s
        .get_tool_events("cp", &PageRequest::first(2))
        .await
        .unwrap();
    assert_eq!(t.items.len(), 2);
    let t2 = s
        .get_tool_events(
            "cp",
            &PageRequest {
                cursor: t.next_cursor,
                limit: Some(2),
            },
        )
        .await
        .unwrap();
    assert_eq!(t2.items.len(), 1);
    assert_eq!(t2.items[0].args, json!({"i": 2}));
    assert!(t2.next_cursor.is_none());
}

/// Any Unicode text round-trips exactly.
pub async fn unicode_round_trip<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    s.save_session_meta(meta_for("uni", "u_uni", Consent::Accepted))
        .await
        .unwrap();
    let samples = [
        "héllo wörld — ça va ?",
        "日本語のテキスト、句読点付き。",
        "مرحبا بالعالم",
        "emoji 👩‍👩‍👧‍👦 🇫🇷 ✔︎",
        "combining: e\u{301} a\u{308}",
        "zero\u{200b}width and \u{feff}bom",
        "quotes ' \" ` and backslash \\ and nul-free",
        "",
    ];
    for (i, t) in samples.iter().enumerate() {
        s.append_transcript("uni", seg(t, i as i64)).await.unwrap();
    }
    assert_eq!(
        texts(&s, "uni").await,
        samples.iter().map(|x| x.to_string()).collect::<Vec<_>>()
    );
    s.append_tool_event(
        "uni",
        tool(
            None,
            json!({"ключ": "значение", "nested": ["日本", {"k": "🎉"}]}),
        ),
    )
    .await
    .unwrap();
    let t = s
        .get_tool_events("uni", &PageRequest::all())
        .await
        .unwrap()
        .items;
    assert_eq!(
        t[0].args,
        json!({"ключ": "значение", "nested": ["日本", {"k": "🎉"}]})
    );
}

/// delete_session removes the session and its children only.
pub async fn delete_session_removes_children<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    for sid in ["del", "keep"] {
        s.save_session_meta(meta_for(sid, "u_del", Consent::Accepted))
            .await
            .unwrap();
        s.append_transcript(sid, seg("t", 0)).await.unwrap();
        s.record_usage(sid, usage("input_tokens", 1.0, 1))
            .await
            .unwrap();
    }
    assert!(s.delete_session("del").await.unwrap());
    assert!(!s.delete_session("del").await.unwrap());
    assert!(s.get_session("del").await.unwrap().is_none());
    assert!(texts(&s, "del").await.is_empty());
    assert!(s.get_usage("del").await.unwrap().events.is_empty());
    assert_eq!(texts(&s, "keep").await, vec!["t"]);
    // A deleted session is unknown again: later events wait for a meta.
    assert_eq!(
        s.append_transcript("del", seg("again", 5)).await.unwrap(),
        WriteOutcome::Buffered
    );
}

/// A caller-supplied redaction function replaces the built-in one, for text and JSON.
pub async fn custom_redaction_function<B: Backend>(make: impl MakeFixture<B>) {
    let s = open(make, |b| {
        RealtimeStore::builder(b)
            .redact_with(|t: &str| t.replace("secret", "[HIDDEN]"))
            .build()
    })
    .await;
    s.save_session_meta(meta_for("cr", "u_cr", Consent::Accepted))
        .await
        .unwrap();
    s.append_transcript("cr", seg("the secret word", 0))
        .await
        .unwrap();
    s.append_tool_event("cr", tool(None, json!({"a": ["secret"], "secret": 1})))
        .await
        .unwrap();
    assert_eq!(texts(&s, "cr").await, vec!["the [HIDDEN] word"]);
    let t = s
        .get_tool_events("cr", &PageRequest::all())
        .await
        .unwrap()
        .items;
    assert_eq!(
        t[0].args,
        json!({"a": ["[HIDDEN]"], "secret": 1}),
        "values redacted, keys kept"
    );
}

/// `ingest`: mixed sessions and kinds, one outcome per line, per-session order kept.
pub async fn ingest_mixed_sessions<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    s.save_session_meta(meta_for("in_a", "u_in", Consent::Accepted))
        .await
        .unwrap();
    s.save_session_meta(meta_for("in_d", "u_in", Consent::Declined))
        .await
        .unwrap();
    let ev = |sid: &str, e: Event| SessionEvent {
        session_id: sid.into(),
        event: e,
    };
    let out = s
        .ingest(vec![
            ev("in_a", Event::Transcript(seg("a1", 0))),
            ev("in_d", Event::Transcript(seg("d1", 0))),
            ev("in_p", Event::Transcript(seg("p1", 0))),
            ev("in_a", Event::Usage(usage("input_tokens", 2.0, 1))),
            ev("in_a", Event::Transcript(seg("a2", 2))),
            ev("in_a", Event::Transcript(seg("a2", 2))),
        ])
        .await
        .unwrap();
    assert_eq!(
        out,
        vec![
            WriteOutcome::Persisted,
            WriteOutcome::Dropped(DropReason::ConsentDeclined),
            WriteOutcome::Buffered,
            WriteOutcome::Persisted,
            WriteOutcome::Persisted,
            WriteOutcome::Duplicate,
        ]
    );
    assert_eq!(texts(&s, "in_a").await, vec!["a1", "a2"]);
}

/// Two users may not claim the same e-mail; the error names the field, not the value.
pub async fn user_email_conflict<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    let with_email = |sid: &str, uid: &str| SessionMeta {
        user: Some(User {
            id: uid.into(),
            auth_user_id: None,
            email: Some("shared@example.com".into()),
        }),
        ..meta(sid, Consent::Accepted)
    };
    s.save_session_meta(with_email("e1", "first"))
        .await
        .unwrap();
    s.save_session_meta(with_email("e2", "first"))
        .await
        .unwrap();
    let e = s
        .save_session_meta(with_email("e3", "second"))
        .await
        .unwrap_err();
    assert_eq!(e.field(), Some("user.email"));
    assert!(!e.to_string().contains("shared@example.com"));
    assert!(
        s.get_session("e3").await.unwrap().is_none(),
        "nothing half-written"
    );
}

/// No error message carries user content.
pub async fn errors_never_echo_content<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    let secret = "jane.doe@example.com sk-live-abcdef0123456789";
    let mut big = seg(&format!("{secret} {}", "z".repeat(70_000)), 0);
    big.item_id = Some("it".into());
    let e = s.append_transcript("p", big).await.unwrap_err();
    let mut msg = format!("{e} {e:?}");
    let mut src: Option<&dyn std::error::Error> = std::error::Error::source(&e);
    while let Some(x) = src {
        msg.push_str(&x.to_string());
        src = x.source();
    }
    assert!(!msg.contains("jane.doe"), "{msg}");
    assert!(!msg.contains("sk-live"), "{msg}");
    let e = s
        .append_transcript("jane.doe@example.com is bad", seg("x", 0))
        .await
        .unwrap_err();
    assert!(!e.to_string().contains("jane.doe"), "{e}");
}

/// Reads of sessions that do not exist: `None` and empty, never errors.
pub async fn reads_of_unknown_sessions<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    assert!(s.get_session("nope").await.unwrap().is_none());
    assert!(texts(&s, "nope").await.is_empty());
    assert!(s
        .get_tool_events("nope", &PageRequest::all())
        .await
        .unwrap()
        .items
        .is_empty());
    assert!(s.get_summary("nope").await.unwrap().is_none());
    let u = s.get_usage("nope").await.unwrap();
    assert!(u.events.is_empty() && u.totals.is_empty());
    assert!(!s.delete_session("nope").await.unwrap());
    assert_eq!(s.erase_user("nobody").await.unwrap(), Default::default());
}

/// health: backend reachable, buffered figures.
pub async fn health_reports_buffers<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    let h = s.health().await;
    assert!(h.backend_reachable);
    assert!(!h.fallback_active);
    assert_eq!(h.buffered_events, 0);
    s.append_transcript("h1", seg("a", 0)).await.unwrap();
    s.append_transcript("h1", seg("b", 1)).await.unwrap();
    s.append_transcript("h2", seg("c", 0)).await.unwrap();
    let h = s.health().await;
    assert_eq!(h.buffered_sessions, 2);
    assert_eq!(h.buffered_events, 3);
    assert!(!h.backend.is_empty());
}

/// If telling the backend about a withdrawal fails, this instance still stops
/// storing at once (fail closed), and a retry completes the erasure.
pub async fn withdrawal_fails_closed<B: Backend>(make: impl MakeFixture<B>) {
    let s = open(make, |b| RealtimeStore::new(CountingBackend::new(b))).await;
    s.save_session_meta(meta_for("fc", "u_fc", Consent::Accepted))
        .await
        .unwrap();
    s.append_transcript("fc", seg("before", 0)).await.unwrap();
    let calls = s.backend().calls.clone();
    calls.fail_withdraw.store(true, Ordering::SeqCst);
    let e = s
        .save_session_meta(meta("fc", Consent::Declined))
        .await
        .unwrap_err();
    assert!(e.is_retryable());
    let o = s
        .append_transcript("fc", seg("after a failed withdrawal", 1))
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Dropped(DropReason::ConsentDeclined));
    calls.fail_withdraw.store(false, Ordering::SeqCst);
    s.save_session_meta(meta("fc", Consent::Declined))
        .await
        .unwrap();
    assert!(s.get_session("fc").await.unwrap().is_none());
    assert!(texts(&s, "fc").await.is_empty());
}

/// A flush that fails on acceptance keeps the held events; they are written first,
/// in order, by the next successful write.
pub async fn failed_flush_keeps_events_in_order<B: Backend>(make: impl MakeFixture<B>) {
    let s = open(make, |b| RealtimeStore::new(CountingBackend::new(b))).await;
    for i in 0..3 {
        s.append_transcript("ff", seg(&format!("held {i}"), i))
            .await
            .unwrap();
    }
    let calls = s.backend().calls.clone();
    calls.fail_append.store(true, Ordering::SeqCst);
    let e = s
        .save_session_meta(meta_for("ff", "u_ff", Consent::Accepted))
        .await
        .unwrap_err();
    assert!(e.is_retryable());
    assert_eq!(s.stats().consent.held_events, 3, "nothing lost");
    let e = s
        .append_transcript("ff", seg("live 3", 3))
        .await
        .unwrap_err();
    assert!(
        e.is_retryable(),
        "an unacknowledged write is an error, not a silent drop"
    );
    calls.fail_append.store(false, Ordering::SeqCst);
    assert_eq!(
        s.append_transcript("ff", seg("live 4", 4)).await.unwrap(),
        WriteOutcome::Persisted
    );
    assert_eq!(
        texts(&s, "ff").await,
        vec!["held 0", "held 1", "held 2", "live 4"]
    );
    assert_eq!(s.stats().consent.held_events, 0);
}

/// Two instances (stores) over one backend: events held by one instance for a session
/// another instance accepted are written on its next append after `recheck_after`;
/// a decline seen the same way discards them.
pub async fn held_events_follow_consent_decided_elsewhere<B: Backend>(make: impl MakeFixture<B>) {
    let (backend, _guard) = make().await.into_parts();
    let shared = Arc::new(backend);
    let cfg = ConsentConfig {
        recheck_after: Duration::from_millis(20),
        ..ConsentConfig::default()
    };
    let a = RealtimeStore::builder(shared.clone()).consent(cfg).build();
    // (With the default `Erase`, a withdrawal leaves no row to see, and events held
    // elsewhere wait until they expire; with `Keep` the decline is visible.)
    let b = RealtimeStore::builder(shared.clone())
        .consent(cfg)
        .on_withdrawal(OnWithdrawal::Keep)
        .build();
    assert_eq!(
        a.append_transcript("x1", seg("held by a", 0))
            .await
            .unwrap(),
        WriteOutcome::Buffered
    );
    assert_eq!(
        a.append_transcript("x2", seg("held too", 0)).await.unwrap(),
        WriteOutcome::Buffered
    );
    b.save_session_meta(meta_for("x1", "u_x", Consent::Accepted))
        .await
        .unwrap();
    b.save_session_meta(meta_for("x2", "u_x", Consent::Accepted))
        .await
        .unwrap();
    b.save_session_meta(meta("x2", Consent::Declined))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(60)).await;
    assert_eq!(
        a.append_transcript("x1", seg("then live", 1))
            .await
            .unwrap(),
        WriteOutcome::Persisted
    );
    assert_eq!(texts(&b, "x1").await, vec!["held by a", "then live"]);
    let o = a
        .append_transcript("x2", seg("after decline", 1))
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Dropped(DropReason::ConsentDeclined));
    assert_eq!(a.stats().consent.discarded_declined, 1);
    assert!(texts(&b, "x2").await.is_empty());
}
