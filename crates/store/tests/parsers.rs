//! Property tests: the wire parsers and validators never panic, and the id rule is
//! exactly `[A-Za-z0-9_.:@-]{1,128}`.

use proptest::prelude::*;
use realtime_store::{validate, Event, Limits, SessionEvent, SessionMeta, Timestamp};

proptest! {
    #[test]
    fn id_rule_is_exact(s in "\\PC{0,140}") {
        let expected = !s.is_empty()
            && s.len() <= 128
            && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"_.:@-".contains(&b));
        prop_assert_eq!(validate::id("session_id", &s).is_ok(), expected);
    }

    #[test]
    fn valid_ids_pass(s in "[A-Za-z0-9_.:@-]{1,128}") {
        prop_assert!(validate::id("session_id", &s).is_ok());
    }

    #[test]
    fn json_parsers_never_panic(s in "\\PC{0,300}") {
        let _ = serde_json::from_str::<SessionMeta>(&s);
        let _ = serde_json::from_str::<Event>(&s);
        let _ = serde_json::from_str::<SessionEvent>(&s);
        let _ = Timestamp::parse(&s);
    }

    #[test]
    fn structured_events_validate_without_panicking(
        text in "\\PC{0,200}",
        started in any::<i64>(),
        ended in proptest::option::of(any::<i64>()),
        role in prop::sample::select(vec!["user", "assistant", "system", "tool", "x"]),
        item in proptest::option::of("\\PC{0,20}"),
    ) {
        let v = serde_json::json!({
            "type": "transcript", "role": role, "text": text,
            "started_at": started, "ended_at": ended, "item_id": item,
        });
        if let Ok(e) = serde_json::from_value::<Event>(v) {
            let r = validate::event(&e, &Limits::default(), Timestamp::now());
            if let Err(err) = r {
                prop_assert!(err.field().is_some());
                // The message never contains the text itself (when it is distinctive).
                if text.len() > 12 {
                    prop_assert!(!err.to_string().contains(&text));
                }
            }
        }
    }
}
