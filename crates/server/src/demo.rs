//! `demo`: one realistic call, replayed into the database, then shown.

use realtime_store::{
    Consent, PersistenceStore, Role, SessionMeta, Summary, Timestamp, Timings, ToolEvent,
    ToolStatus, TranscriptSegment, UsageEvent, User, WriteOutcome,
};
use serde_json::json;

use crate::cli::{display_url, DemoArgs};
use crate::render;

pub(crate) async fn run(url: &str, a: DemoArgs) -> anyhow::Result<()> {
    let store = crate::open_store(url).await?;
    let id = a
        .session_id
        .unwrap_or_else(|| format!("demo_{}", Timestamp::now().as_millis()));
    realtime_store::validate::id("--session-id", &id)?;
    println!("realtime-store demo: one call into {}\n", display_url(url));
    seed(&store, &id, true).await?;
    let Some(session) = store.get_session(&id).await? else {
        anyhow::bail!("the demo session was not stored");
    };
    println!("\nWhat the database now holds:\n");
    print!("{}", render::text(&render::load(&store, session).await?));
    println!("\nTry: realtime-store sessions list | realtime-store sessions show {id} --json | realtime-store export");
    store.close().await;
    Ok(())
}

/// Replays the demo call into `store` as session `id`; narrates it when `verbose`.
pub(crate) async fn seed<B: realtime_store::Backend>(
    store: &realtime_store::RealtimeStore<B>,
    id: &str,
    verbose: bool,
) -> anyhow::Result<()> {
    let id = id.to_owned();
    macro_rules! println {
        ($($t:tt)*) => { if verbose { std::println!($($t)*) } };
    }
    let step = |what: &str, o: WriteOutcome| {
        println!("  {:<58} -> {}", what, o.as_str());
    };
    let base = Timestamp::now().add_millis(-120_000);
    let t = |s: i64| base.add_millis(s * 1000);
    println!("The call connects; the agent asks for consent before the platform has saved any session meta:");
    let seg = |n: u32, role: Role, text: &str, at: i64| TranscriptSegment {
        item_id: Some(format!("item_{n:03}")),
        role,
        text: text.to_owned(),
        started_at: t(at),
        ended_at: Some(t(at + 3)),
    };
    let o = store
        .append_transcript(
            &id,
            seg(1, Role::Assistant, "Hi, thanks for calling Acme Support. This call is recorded to help us improve. Is that okay?", 0),
        )
        .await?;
    step("assistant asks for consent (no session meta yet)", o);
    let meta = SessionMeta {
        user: Some(User {
            id: "user_maria_17".into(),
            auth_user_id: Some("auth0|5f1c2a".into()),
            email: Some("maria.garcia@example.com".into()),
        }),
        provider_session_id: Some("sess_provider_8f2k".into()),
        voice: Some("alloy".into()),
        persona: Some("acme-support".into()),
        config: Some(json!({
            "model": "gpt-realtime",
            "turn_detection": {"type": "server_vad", "silence_ms": 500},
            "caller_name": "Maria Garcia"
        })),
        timings: Timings {
            connect_requested: Some(t(-2)),
            session_issued: Some(t(-1)),
            transport_connected: Some(t(-1)),
            first_audio: Some(t(0)),
        },
        started_at: Some(t(-2)),
        ..SessionMeta::new(&id, Consent::Pending)
    };
    step(
        "save_session_meta(consent = PENDING)",
        store.save_session_meta(meta).await?,
    );
    step(
        "caller: \"Yes, that's fine.\"",
        store
            .append_transcript(&id, seg(2, Role::User, "Yes, that's fine.", 5))
            .await?,
    );
    println!("\nThe caller accepts; held events are written in order:");
    step(
        "save_session_meta(consent = ACCEPTED)",
        store
            .save_session_meta(SessionMeta::new(&id, Consent::Accepted))
            .await?,
    );
    println!("\nThe conversation (the caller speaks PII; the store redacts it before writing):");
    let lines = [
        (Role::Assistant, "Great. Can I have your name and the email on the account?"),
        (Role::User, "My name is Maria Garcia, my email is maria.garcia@example.com and my cell is 415-555-0132."),
        (Role::Assistant, "Thanks Maria. Which order is this about?"),
        (Role::User, "Order 88231, placed at 10:30 this morning for $49.99. I paid with card 4242 4242 4242 4242."),
        (Role::User, "If we get cut off call me back at four one five, five five five, zero one three two."),
    ];
    for (i, (role, text)) in lines.iter().enumerate() {
        let n = i as u32 + 3;
        let o = store
            .append_transcript(&id, seg(n, *role, text, 10 + 6 * i as i64))
            .await?;
        step(&format!("{} segment {}", role.as_str(), n), o);
    }
    let tool = ToolEvent {
        call_id: Some("call_lookup_1".into()),
        name: "lookup_order".into(),
        args: json!({"order_id": "88231", "customer": {"email": "maria.garcia@example.com", "phone": "+1 415 555 0132"}}),
        result: Some(json!({"status": "shipped", "carrier": "UPS", "eta": "Thursday"})),
        status: ToolStatus::Ok,
        duration_ms: Some(182),
        at: t(45),
    };
    step(
        "tool call lookup_order (PII in its arguments)",
        store.append_tool_event(&id, tool.clone()).await?,
    );
    step(
        "the same tool call again (a retry)",
        store.append_tool_event(&id, tool).await?,
    );
    let o = store
        .append_transcript(
            &id,
            seg(
                8,
                Role::Assistant,
                "Your order shipped with UPS and arrives Thursday. Anything else?",
                48,
            ),
        )
        .await?;
    step("assistant segment 8", o);
    let summary = Summary {
        text: "Maria Garcia (maria.garcia@example.com) asked about order 88231; it shipped and arrives Thursday.".into(),
        key_points: vec![
            "Order 88231 shipped via UPS".into(),
            "Callback number 415-555-0132".into(),
        ],
        at: t(60),
    };
    step("summary", store.persist_summary(&id, summary).await?);
    for (k, v, ev) in [
        ("audio_input_seconds", 31.4, "u1"),
        ("audio_output_seconds", 24.9, "u2"),
        ("input_tokens", 1830.0, "u3"),
        ("output_tokens", 412.0, "u4"),
    ] {
        let u = UsageEvent {
            event_id: Some(ev.into()),
            kind: k.into(),
            value: v,
            meta: Some(json!({"model": "gpt-realtime"})),
            at: t(61),
        };
        step(
            &format!("usage {k} = {v}"),
            store.record_usage(&id, u).await?,
        );
    }
    let hang_up = SessionMeta {
        ended_at: Some(t(62)),
        ..SessionMeta::new(&id, Consent::Accepted)
    };
    step(
        "hang-up: save_session_meta(ended_at)",
        store.save_session_meta(hang_up).await?,
    );

    let stats = store.stats();
    println!(
        "\nconsent gate: {} held, {} flushed; redactions: {}",
        stats.consent.buffered,
        stats.consent.flushed,
        stats
            .redactions
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    Ok(())
}
