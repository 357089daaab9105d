//! Consent: what is stored, held, flushed, dropped and erased, and when.

use super::*;

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
    let email = sess.config.get("user_email").expect("the key is kept");
    assert!(
        email.is_string() && email != "caller@example.com",
        "identity fields of config are redacted: {email}"
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

/// The bytes held across undecided sessions are bounded too
/// (`max_total_bytes`): many sessions that never decide cannot fill memory;
/// a decision frees their share.
pub async fn buffer_total_byte_limit_is_counted<B: Backend>(make: impl MakeFixture<B>) {
    let s = open(make, |b| {
        let mut c = small_buffer(1000, 1 << 20, Duration::from_secs(60));
        c.max_total_bytes = 5000;
        RealtimeStore::builder(b).consent(c).build()
    })
    .await;
    let big = "x".repeat(1000);
    let mut outcomes = Vec::new();
    for i in 0..10 {
        let id = format!("undecided_{i}");
        outcomes.push(s.append_transcript(&id, seg(&big, i)).await.unwrap());
    }
    let buffered = outcomes
        .iter()
        .filter(|o| **o == WriteOutcome::Buffered)
        .count();
    assert!((1..=4).contains(&buffered), "buffered {buffered}");
    assert!(
        outcomes[buffered..]
            .iter()
            .all(|o| *o == WriteOutcome::Dropped(DropReason::BufferFull)),
        "{outcomes:?}"
    );
    let st = s.stats().consent;
    assert_eq!(st.overflow, (10 - buffered) as u64);
    assert!(
        st.held_bytes > 0 && st.held_bytes <= 5000,
        "{}",
        st.held_bytes
    );
    // Deciding frees the bytes: a new undecided session fits again.
    for i in 0..buffered {
        let id = format!("undecided_{i}");
        s.save_session_meta(meta(&id, Consent::Accepted))
            .await
            .unwrap();
    }
    assert_eq!(s.stats().consent.held_bytes, 0);
    assert_eq!(texts(&s, "undecided_0").await, vec![big.clone()]);
    assert_eq!(
        s.append_transcript("latecomer", seg(&big, 0))
            .await
            .unwrap(),
        WriteOutcome::Buffered
    );
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
    let cfg = {
        let mut v = ConsentConfig::default();
        v.recheck_after = Duration::from_millis(20);
        v
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
