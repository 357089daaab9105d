//! Lifecycle: upserts and hang-up, erasure, retention, deletion, pagination, reads, health.

use super::*;

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
        .list_sessions(&{
            let mut v = SessionFilter::default();
            v.status = Some(SessionStatus::Ended);
            v
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
        .list_sessions(&{
            let mut v = SessionFilter::default();
            v.user_id = Some("alice".into());
            v
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
                .list_sessions(&{
                    let mut v = SessionFilter::default();
                    v.limit = Some(limit);
                    v.cursor = cursor.clone();
                    v
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
        .list_sessions(&{
            let mut v = SessionFilter::default();
            v.user_id = Some("odd".into());
            v
        })
        .await
        .unwrap();
    assert_eq!(odd.items.len(), 3);
    let range = s
        .list_sessions(&{
            let mut v = SessionFilter::default();
            v.started_after = Some(at(10));
            v.started_before = Some(at(30));
            v
        })
        .await
        .unwrap();
    assert_eq!(range.items.len(), 4);
    let declined = s
        .list_sessions(&{
            let mut v = SessionFilter::default();
            v.consent = Some(Consent::Pending);
            v
        })
        .await
        .unwrap();
    assert!(declined.items.is_empty());
    let e = s
        .list_sessions(&{
            let mut v = SessionFilter::default();
            v.cursor = Some("garbage".into());
            v
        })
        .await
        .unwrap_err();
    assert_eq!(e.field(), Some("cursor"));
    let e = s
        .list_sessions(&{
            let mut v = SessionFilter::default();
            v.limit = Some(0);
            v
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
    // Deletion is final: later events and a plain upsert are dropped (the
    // tombstone); only an explicit re-consent stores the session again.
    assert_eq!(
        s.append_transcript("del", seg("again", 5)).await.unwrap(),
        WriteOutcome::Dropped(DropReason::Erased)
    );
    assert_eq!(
        s.save_session_meta(meta_for("del", "u_del", Consent::Accepted))
            .await
            .unwrap(),
        WriteOutcome::Dropped(DropReason::Erased)
    );
    assert!(s.get_session("del").await.unwrap().is_none());
    assert_eq!(
        s.reconsent(meta_for("del", "u_del", Consent::Accepted))
            .await
            .unwrap(),
        WriteOutcome::Persisted
    );
    assert_eq!(
        s.append_transcript("del", seg("after re-consent", 6))
            .await
            .unwrap(),
        WriteOutcome::Persisted
    );
    assert_eq!(texts(&s, "del").await, vec!["after re-consent"]);
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
    assert!(!h.is_degraded(), "{h:?}");
    assert_eq!((h.spool_depth, h.oldest_unsynced_ms), (0, None));
    assert!(h.latency_ms.is_some_and(|ms| ms >= 0.0));
    assert_eq!(h.buffered_events, 0);
    s.append_transcript("h1", seg("a", 0)).await.unwrap();
    s.append_transcript("h1", seg("b", 1)).await.unwrap();
    s.append_transcript("h2", seg("c", 0)).await.unwrap();
    let h = s.health().await;
    assert_eq!(h.buffered_sessions, 2);
    assert_eq!(h.buffered_events, 3);
    assert!(!h.backend.is_empty());
}

/// delete_event removes exactly one event of one session, physically in the
/// sense of the reads and the dedup keys; the session and its other events stay.
pub async fn delete_event_removes_one<B: Backend>(make: impl MakeFixture<B>) {
    let s = default_store(make).await;
    for sid in ["de", "de_other"] {
        s.save_session_meta(meta_for(sid, "u_de", Consent::Accepted))
            .await
            .unwrap();
        for (i, t) in ["a", "b", "c"].iter().enumerate() {
            s.append_transcript(sid, keyed(&format!("item_{t}"), t, i as i64))
                .await
                .unwrap();
        }
        for c in ["call_1", "call_2"] {
            s.append_tool_event(sid, tool(Some(c), json!({"c": c})))
                .await
                .unwrap();
        }
        for (i, t) in ["v1", "v2"].iter().enumerate() {
            let sum = Summary {
                text: (*t).into(),
                key_points: vec![],
                at: at(i as i64),
            };
            s.persist_summary(sid, sum).await.unwrap();
        }
        s.record_usage(sid, usage("input_tokens", 5.0, 1))
            .await
            .unwrap();
    }
    let t_seqs = |p: realtime_store::Page<realtime_store::StoredSegment>| -> Vec<i64> {
        p.items.iter().map(|t| t.seq).collect()
    };

    assert!(s
        .delete_event("de", EventKind::Transcript, 2)
        .await
        .unwrap());
    assert!(!s
        .delete_event("de", EventKind::Transcript, 2)
        .await
        .unwrap());
    assert!(!s
        .delete_event("de", EventKind::Transcript, 99)
        .await
        .unwrap());
    assert!(!s
        .delete_event("de_nobody", EventKind::Transcript, 1)
        .await
        .unwrap());
    assert_eq!(texts(&s, "de").await, vec!["a", "c"]);
    let all = PageRequest::all();
    assert_eq!(
        t_seqs(s.get_transcripts("de", &all).await.unwrap()),
        vec![1, 3]
    );
    assert_eq!(texts(&s, "de_other").await, vec!["a", "b", "c"]);

    assert!(s.delete_event("de", EventKind::Tool, 1).await.unwrap());
    let tools = s.get_tool_events("de", &all).await.unwrap().items;
    assert_eq!(tools.len(), 1);
    assert_eq!(tools[0].call_id.as_deref(), Some("call_2"));
    assert_eq!(
        s.get_tool_events("de_other", &all)
            .await
            .unwrap()
            .items
            .len(),
        2
    );

    // The latest summary gone: the previous version is the summary again.
    assert!(s.delete_event("de", EventKind::Summary, 2).await.unwrap());
    let sum = s
        .get_summary("de")
        .await
        .unwrap()
        .expect("version 1 is left");
    assert_eq!((sum.version, sum.text.as_str()), (1, "v1"));
    assert!(s.delete_event("de", EventKind::Usage, 1).await.unwrap());
    assert!(s.get_usage("de").await.unwrap().events.is_empty());
    assert_eq!(s.get_usage("de_other").await.unwrap().events.len(), 1);

    // The dedup key went with the row: the same segment sent again is stored
    // again, after the others; the session is live (no tombstone).
    assert_eq!(
        s.append_transcript("de", keyed("item_b", "b", 1))
            .await
            .unwrap(),
        WriteOutcome::Persisted
    );
    assert_eq!(
        s.append_transcript("de", keyed("item_a", "a", 0))
            .await
            .unwrap(),
        WriteOutcome::Duplicate
    );
    assert_eq!(texts(&s, "de").await, vec!["a", "c", "b"]);
    assert_eq!(
        t_seqs(s.get_transcripts("de", &all).await.unwrap()),
        vec![1, 3, 4]
    );
    assert!(s.get_session("de").await.unwrap().is_some());

    let e = s
        .delete_event("de", EventKind::Transcript, 0)
        .await
        .expect_err("seq 0 is invalid");
    assert!(e.to_string().contains("seq"), "{e}");
}
