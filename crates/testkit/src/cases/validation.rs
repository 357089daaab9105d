//! Validation: every rule names its field; nothing half-written; no content in errors.

use super::*;

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
