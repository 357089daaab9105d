//! Wire shapes: what an HTTP or NDJSON client sends parses into the model types.

use realtime_store::{Event, Role, SessionEvent, SessionMeta, WriteOutcome};

#[test]
fn ndjson_lines_parse_into_session_events() {
    let line = r#"{"session_id":"sess_1","type":"transcript","role":"user","text":"hi","started_at":"2026-01-02T03:04:05.678Z","item_id":"i1"}"#;
    let e: SessionEvent = serde_json::from_str(line).unwrap();
    assert_eq!(e.session_id, "sess_1");
    match e.event {
        Event::Transcript(t) => {
            assert_eq!(t.role, Role::User);
            assert_eq!(t.item_id.as_deref(), Some("i1"));
        }
        other => panic!("{other:?}"),
    }
    let tool = r#"{"session_id":"s","type":"tool_event","name":"lookup","args":{"a":1},"at":1767323045678}"#;
    assert!(matches!(
        serde_json::from_str::<SessionEvent>(tool).unwrap().event,
        Event::ToolEvent(_)
    ));
    let usage =
        r#"{"session_id":"s","type":"usage","kind":"input_tokens","value":12,"at":1767323045678}"#;
    assert!(matches!(
        serde_json::from_str::<SessionEvent>(usage).unwrap().event,
        Event::Usage(_)
    ));
    let bad =
        r#"{"session_id":"s","type":"transcript","role":"narrator","text":"x","started_at":1}"#;
    assert!(serde_json::from_str::<SessionEvent>(bad).is_err());
    let unknown = r#"{"session_id":"s","type":"transcript","role":"user","text":"x","started_at":1,"extra":true}"#;
    assert!(
        serde_json::from_str::<SessionEvent>(unknown).is_err(),
        "unknown fields are refused"
    );
}

#[test]
fn session_meta_and_outcomes_have_stable_wire_shapes() {
    let m: SessionMeta = serde_json::from_str(
        r#"{"session_id":"s1","consent":"ACCEPTED","user":{"id":"u1","email":"a@b.co"},"timings":{"first_audio":1767323045678},"ended_at":"2026-01-02T03:04:05Z"}"#,
    )
    .unwrap();
    assert_eq!(m.user.unwrap().id, "u1");
    assert!(m.timings.first_audio.is_some());
    assert_eq!(
        serde_json::to_string(&WriteOutcome::Persisted).unwrap(),
        r#"{"outcome":"persisted"}"#
    );
    assert_eq!(
        serde_json::to_string(&WriteOutcome::Dropped(
            realtime_store::DropReason::ConsentDeclined
        ))
        .unwrap(),
        r#"{"outcome":"dropped","reason":"consent_declined"}"#
    );
}
