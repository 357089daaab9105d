//! Writes: ordering and idempotency under concurrency, de-duplication, batches, redaction, Unicode.

use super::*;

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
    let out: Vec<WriteOutcome> = out
        .into_iter()
        .map(|r| r.expect("no storage failure"))
        .collect();
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
