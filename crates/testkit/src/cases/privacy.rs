//! Privacy that holds under real conditions: several instances (stores) over one
//! backend, erasure during a live call, withdrawal finality, nothing before
//! consent, every stored field covered.

use super::*;

/// Two instances over one backend, each with its own consent cache.
fn two<B: Backend>(shared: &Arc<B>, on_withdrawal: OnWithdrawal) -> [RealtimeStore<Arc<B>>; 2] {
    [
        RealtimeStore::builder(shared.clone())
            .on_withdrawal(on_withdrawal)
            .build(),
        RealtimeStore::builder(shared.clone())
            .on_withdrawal(on_withdrawal)
            .build(),
    ]
}

fn hang_up(id: &str, user: &str) -> SessionMeta {
    let mut m = meta_for(id, user, Consent::Accepted);
    m.ended_at = Some(at(10_000));
    m
}

/// A withdraws nothing; B withdraws (default: erase). Everything A sends after
/// that — appends with a stale `ACCEPTED` cache, its ordinary hang-up upsert — is
/// dropped, and nothing of it is stored, until an explicit re-consent.
pub async fn withdrawal_elsewhere_is_final<B: Backend>(make: impl MakeFixture<B>) {
    let (backend, _guard) = make().await.into_parts();
    let shared = Arc::new(backend);
    let [a, b] = two(&shared, OnWithdrawal::Erase);
    a.save_session_meta(meta_for("wf", "u_wf", Consent::Accepted))
        .await
        .unwrap();
    assert_eq!(
        a.append_transcript("wf", seg("before", 0)).await.unwrap(),
        WriteOutcome::Persisted
    );
    assert_eq!(
        b.save_session_meta(meta("wf", Consent::Declined))
            .await
            .unwrap(),
        WriteOutcome::Dropped(DropReason::ConsentDeclined)
    );
    let dropped = WriteOutcome::Dropped(DropReason::ConsentDeclined);
    assert_eq!(
        a.append_transcript("wf", seg("said after withdrawal", 1))
            .await
            .unwrap(),
        dropped,
        "a stale instance's append is dropped, not buffered"
    );
    assert_eq!(
        a.save_session_meta(hang_up("wf", "u_wf")).await.unwrap(),
        dropped,
        "a stale hang-up upsert does not bring the session back"
    );
    assert_eq!(
        a.append_tool_event("wf", tool(Some("c9"), json!({"q": "after"})))
            .await
            .unwrap(),
        dropped
    );
    assert_eq!(
        a.save_session_meta(meta("wf", Consent::Pending))
            .await
            .unwrap(),
        dropped
    );
    for s in [&a, &b] {
        assert!(s.get_session("wf").await.unwrap().is_none());
        assert!(texts(s, "wf").await.is_empty());
        assert!(s
            .get_tool_events("wf", &PageRequest::all())
            .await
            .unwrap()
            .items
            .is_empty());
    }
    assert_eq!(
        a.stats().consent.held_events,
        0,
        "nothing held to write later"
    );
    // Only an explicit re-consent stores the session again.
    assert_eq!(
        a.reconsent(meta_for("wf", "u_wf", Consent::Accepted))
            .await
            .unwrap(),
        WriteOutcome::Persisted
    );
    assert_eq!(
        a.append_transcript("wf", seg("after re-consent", 2))
            .await
            .unwrap(),
        WriteOutcome::Persisted
    );
    assert_eq!(texts(&b, "wf").await, vec!["after re-consent"]);
    let e = a.reconsent(meta("wf", Consent::Pending)).await.unwrap_err();
    assert_eq!(e.field(), Some("consent"));
}

/// With `Keep`, the withdrawn session stays `DECLINED` whatever a stale instance
/// sends; what was stored before stays, nothing after is added.
pub async fn withdrawal_keep_stays_declined<B: Backend>(make: impl MakeFixture<B>) {
    let (backend, _guard) = make().await.into_parts();
    let shared = Arc::new(backend);
    let [a, b] = two(&shared, OnWithdrawal::Keep);
    a.save_session_meta(meta_for("wk", "u_wk", Consent::Accepted))
        .await
        .unwrap();
    a.append_transcript("wk", seg("kept", 0)).await.unwrap();
    b.save_session_meta(meta("wk", Consent::Declined))
        .await
        .unwrap();
    let dropped = WriteOutcome::Dropped(DropReason::ConsentDeclined);
    assert_eq!(
        a.append_transcript("wk", seg("not kept", 1)).await.unwrap(),
        dropped
    );
    assert_eq!(
        a.save_session_meta(hang_up("wk", "u_wk")).await.unwrap(),
        dropped
    );
    let s = b.get_session("wk").await.unwrap().expect("kept");
    assert_eq!(
        s.consent,
        Consent::Declined,
        "the stored consent never flips back"
    );
    assert_eq!(texts(&b, "wk").await, vec!["kept"]);
}

/// `erase_user` (from another instance, as the CLI would) while the user's call
/// is live: nothing said afterwards is stored, no row of the user comes back —
/// not from an append, a hang-up, a PENDING upsert, or a new session's events
/// held before the erasure.
pub async fn erase_user_during_live_call<B: Backend>(make: impl MakeFixture<B>) {
    let (backend, _guard) = make().await.into_parts();
    let shared = Arc::new(backend);
    let [a, b] = two(&shared, OnWithdrawal::Erase);
    let mut m = meta_for("el", "u_el", Consent::Accepted);
    m.user = Some(User {
        email: Some("el@example.com".into()),
        ..User::new("u_el")
    });
    a.save_session_meta(m.clone()).await.unwrap();
    a.append_transcript("el", seg("before erasure", 0))
        .await
        .unwrap();
    let c = b.erase_user("u_el").await.unwrap();
    assert_eq!((c.users, c.sessions, c.transcripts), (1, 1, 1));
    let erased = WriteOutcome::Dropped(DropReason::Erased);
    assert_eq!(
        a.append_transcript("el", seg("after erasure", 1))
            .await
            .unwrap(),
        erased
    );
    assert_eq!(
        a.save_session_meta(hang_up("el", "u_el")).await.unwrap(),
        erased
    );
    let mut pending = m.clone();
    pending.consent = Consent::Pending;
    assert_eq!(a.save_session_meta(pending).await.unwrap(), erased);
    assert!(b.get_session("el").await.unwrap().is_none());
    assert!(texts(&b, "el").await.is_empty());
    assert!(b
        .list_sessions(&SessionFilter::default().user("u_el"))
        .await
        .unwrap()
        .items
        .is_empty());
    // The same instance that erased: its own later PENDING upsert writes nothing.
    let mut pending = m;
    pending.consent = Consent::Pending;
    assert_eq!(b.save_session_meta(pending).await.unwrap(), erased);
    assert!(b.get_session("el").await.unwrap().is_none());
    // The e-mail is free again: nothing of the user is left to conflict with.
    let mut other = meta_for("el2", "u_other", Consent::Accepted);
    other.user = Some(User {
        email: Some("el@example.com".into()),
        ..User::new("u_other")
    });
    assert_eq!(
        b.save_session_meta(other).await.unwrap(),
        WriteOutcome::Persisted
    );
}

/// `PENDING` and unknown sessions create no row of any kind, also on a second
/// PENDING upsert with a user and config, and also after a downgrade.
pub async fn nothing_stored_before_consent<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    let mut m = meta_for("np", "u_np", Consent::Pending);
    m.config = Some(json!({"persona": "x", "user_email": "np@example.com"}));
    assert_eq!(
        s.save_session_meta(m.clone()).await.unwrap(),
        WriteOutcome::Buffered
    );
    assert_eq!(
        s.save_session_meta(m).await.unwrap(),
        WriteOutcome::Buffered
    );
    assert_eq!(
        s.append_transcript("np", seg("held", 0)).await.unwrap(),
        WriteOutcome::Buffered
    );
    assert!(s.get_session("np").await.unwrap().is_none());
    assert!(s
        .list_sessions(&SessionFilter::default().user("u_np"))
        .await
        .unwrap()
        .items
        .is_empty());
    assert!(texts(&s, "np").await.is_empty());
    // Accepted: stored with the held meta merged, then the held events.
    s.save_session_meta(meta("np", Consent::Accepted))
        .await
        .unwrap();
    let stored = s.get_session("np").await.unwrap().unwrap();
    assert_eq!(stored.user_id.as_deref(), Some("u_np"));
    assert_eq!(texts(&s, "np").await, vec!["held"]);
}

/// Keyless events that differ only in the PII they carried (same role, start
/// and, after redaction, the same text) are two events, not a duplicate; the
/// same event sent twice is still one.
pub async fn keyless_events_differing_in_pii_are_kept<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    s.save_session_meta(meta("kp", Consent::Accepted))
        .await
        .unwrap();
    let a = seg("call me at 415 555 0132", 0);
    let b = seg("call me at 415 555 0199", 0);
    assert_eq!(
        s.append_transcript("kp", a.clone()).await.unwrap(),
        WriteOutcome::Persisted
    );
    assert_eq!(
        s.append_transcript("kp", b.clone()).await.unwrap(),
        WriteOutcome::Persisted,
        "different content, same redacted text: not a duplicate"
    );
    assert_eq!(
        s.append_transcript("kp", a).await.unwrap(),
        WriteOutcome::Duplicate
    );
    assert_eq!(
        s.append_transcript("kp", b).await.unwrap(),
        WriteOutcome::Duplicate
    );
    assert_eq!(texts(&s, "kp").await.len(), 2);
}

/// `ended_at >= started_at` holds against the stored start too, and names the field.
pub async fn end_before_stored_start_is_rejected<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    let mut m = meta("eb", Consent::Accepted);
    m.started_at = Some(at(5_000));
    s.save_session_meta(m).await.unwrap();
    let mut end = meta("eb", Consent::Accepted);
    end.ended_at = Some(at(1_000));
    let e = s.save_session_meta(end).await.unwrap_err();
    assert_eq!(e.field(), Some("ended_at"));
    let stored = s.get_session("eb").await.unwrap().unwrap();
    assert_eq!(stored.ended_at, None, "nothing half-written");
}

/// Fields stored as they are sent can only hold safe shapes (tool names, usage
/// kinds); free-text fields (voice, persona, provider session id) are redacted;
/// agent-config identity fields are found in any key style.
pub async fn every_stored_field_is_covered<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    let mut m = meta("fc", Consent::Accepted);
    m.persona = Some("support for jane.doe@example.com".into());
    m.voice = Some("call 415-555-0132".into());
    m.provider_session_id = Some("sess_4111111111111111".into());
    m.config = Some(json!({
        "emailAddress": "a@example.com",
        "customerEmail": "b@example.com",
        "contact_email": "c@example.com",
        "caller_number": "+14155550132",
        "ssn": "078-05-1120",
        "featureFlags": {"beta": true},
    }));
    s.save_session_meta(m).await.unwrap();
    let stored = s.get_session("fc").await.unwrap().unwrap();
    let all = serde_json::to_string(&stored).unwrap();
    for secret in [
        "jane.doe@example.com",
        "415-555-0132",
        "4111111111111111",
        "a@example.com",
        "b@example.com",
        "c@example.com",
        "4155550132",
        "078-05-1120",
    ] {
        assert!(!all.contains(secret), "{secret} stored in clear: {all}");
    }
    assert_eq!(stored.config["featureFlags"], json!({"beta": true}));
    for key in [
        "emailAddress",
        "customerEmail",
        "contact_email",
        "caller_number",
        "ssn",
    ] {
        assert!(
            stored.config.get(key).is_some_and(|v| v.is_string()),
            "{key} kept as a key, value replaced"
        );
    }
    // Tool arguments: the key is context for its value, numbers of PII shape and
    // keys are redacted too.
    let args = json!({
        "ssn": "078051120",
        "dob": "1985-03-02",
        "first_name": "Priyanka",
        "cvv": "123",
        "card_number": 4111111111111111u64,
        "phone": 4155550195u64,
        "jo@example.com": "a key that is an e-mail",
        "quantity": 3,
        "sku": "A-100",
    });
    s.append_tool_event("fc", tool(Some("c_fc"), args))
        .await
        .unwrap();
    let stored = s
        .get_tool_events("fc", &PageRequest::all())
        .await
        .unwrap()
        .items
        .remove(0);
    let all = stored.args.to_string();
    for secret in [
        "078051120",
        "1985-03-02",
        "Priyanka",
        "\"123\"",
        "4111111111111111",
        "4155550195",
        "jo@example.com",
    ] {
        assert!(!all.contains(secret), "{secret} stored in clear: {all}");
    }
    assert_eq!(stored.args["quantity"], 3, "{all}");
    assert_eq!(stored.args["sku"], "A-100", "{all}");

    let mut t = tool(None, json!({}));
    t.name = "card_4111111111111111".into();
    let e = s.append_tool_event("fc", t).await.unwrap_err();
    assert_eq!(e.field(), Some("events[0].name"));
    assert!(!e.to_string().contains("4111"), "{e}");
    let e = s
        .record_usage("fc", usage("jane@example.com", 1.0, 0))
        .await
        .unwrap_err();
    assert_eq!(e.field(), Some("events[0].kind"));
}

/// Held `PENDING` metas count toward the buffer limits: over the number of
/// buffering sessions, a PENDING meta is refused (counted), not held.
pub async fn held_metas_are_bounded<B: Backend>(make: impl MakeFixture<B>) {
    let s = open(make, |b| {
        let mut c = ConsentConfig::default();
        c.max_sessions = 3;
        RealtimeStore::builder(b).consent(c).build()
    })
    .await;
    for i in 0..3 {
        assert_eq!(
            s.save_session_meta(meta(&format!("hm{i}"), Consent::Pending))
                .await
                .unwrap(),
            WriteOutcome::Buffered
        );
    }
    assert_eq!(
        s.save_session_meta(meta("hm3", Consent::Pending))
            .await
            .unwrap(),
        WriteOutcome::Dropped(DropReason::BufferFull)
    );
    let st = s.stats().consent;
    assert_eq!(st.held_sessions, 3);
    assert_eq!(st.held_metas_overflow, 1);
}

/// A held `PENDING` meta that a newer one would push over the session's byte
/// limit stays as it was: the newer fields are refused, not merged.
pub async fn held_meta_over_the_limit_keeps_the_older<B: Backend>(make: impl MakeFixture<B>) {
    let s = open(make, |b| {
        let mut c = ConsentConfig::default();
        c.max_bytes = 2000;
        RealtimeStore::builder(b).consent(c).build()
    })
    .await;
    let mut first = meta("hk", Consent::Pending);
    first.voice = Some("alloy".into());
    first.config = Some(serde_json::json!({ "turn_detection": "server_vad" }));
    assert_eq!(
        s.save_session_meta(first).await.unwrap(),
        WriteOutcome::Buffered
    );
    let mut bigger = meta("hk", Consent::Pending);
    bigger.voice = Some("echo".into());
    bigger.config = Some(serde_json::json!({ "instructions": "x".repeat(3000) }));
    assert_eq!(
        s.save_session_meta(bigger).await.unwrap(),
        WriteOutcome::Dropped(DropReason::BufferFull)
    );
    assert_eq!(s.stats().consent.held_metas_overflow, 1);
    s.save_session_meta(meta("hk", Consent::Accepted))
        .await
        .unwrap();
    let got = s.get_session("hk").await.unwrap().expect("stored");
    assert_eq!(
        got.voice.as_deref(),
        Some("alloy"),
        "the older meta was kept"
    );
    assert_eq!(got.config["turn_detection"], "server_vad");
    assert!(got.config.get("instructions").is_none(), "{}", got.config);
}
