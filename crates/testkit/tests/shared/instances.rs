//! Several service instances on one database: three `RealtimeStore<PostgresStore>`
//! opened at once on the same schema (migrating concurrently), sessions spread
//! across them, one session whose events arrive at two instances, and consent
//! withdrawn on one instance while the others still have it cached as ACCEPTED.

use std::collections::HashSet;
use std::sync::Arc;

use crate::pg;
use realtime_store::{
    Consent, DropReason, OnWithdrawal, PageRequest, PersistenceStore, PostgresStore, RealtimeStore,
    Role, SessionMeta, Timestamp, TranscriptSegment, User, WriteOutcome,
};

type Store = Arc<RealtimeStore<PostgresStore>>;

fn seg(item: &str, text: &str, offset: i64) -> TranscriptSegment {
    static BASE: std::sync::OnceLock<Timestamp> = std::sync::OnceLock::new();
    let base = *BASE.get_or_init(|| Timestamp::now().add_millis(-3_600_000));
    TranscriptSegment {
        item_id: Some(item.to_owned()),
        ..TranscriptSegment::new(Role::User, text, base.add_millis(offset))
    }
}

fn accepted(id: &str) -> SessionMeta {
    SessionMeta {
        user: Some(User::new("u_multi")),
        ..SessionMeta::new(id, Consent::Accepted)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn three_instances_share_one_schema() {
    let schema = pg::fresh_schema().await;
    // Instance 0 keeps content on withdrawal, 1 and 2 erase it (the default).
    let (b0, b1, b2) = tokio::join!(schema.open(), schema.open(), schema.open());
    let inst: [Store; 3] = [
        Arc::new(
            RealtimeStore::builder(b0)
                .on_withdrawal(OnWithdrawal::Keep)
                .build(),
        ),
        Arc::new(RealtimeStore::new(b1)),
        Arc::new(RealtimeStore::new(b2)),
    ];

    // 30 sessions, each served by one instance (session affinity), all at once.
    let mut tasks = Vec::new();
    for n in 0..30 {
        let s = inst[n % 3].clone();
        tasks.push(tokio::spawn(async move {
            let id = format!("spread_{n}");
            // Some events arrive before the meta.
            s.append_transcript(&id, seg("early", "early", 0))
                .await
                .unwrap();
            s.save_session_meta(accepted(&id)).await.unwrap();
            for i in 1..40 {
                let o = s
                    .append_transcript(&id, seg(&format!("i{i}"), &format!("{id}/{i}"), i))
                    .await
                    .unwrap();
                assert_eq!(o, WriteOutcome::Persisted);
            }
        }));
    }

    // One session whose events arrive at two instances: each event goes to one of
    // them, and every fourth is re-sent to the other one as well, concurrently.
    inst[0].save_session_meta(accepted("shared")).await.unwrap();
    let mut senders = Vec::new();
    for (side, s) in inst.iter().take(2).cloned().enumerate() {
        senders.push(tokio::spawn(async move {
            let mut persisted = 0;
            for i in 0..100i64 {
                let mine = (i % 2) as usize == side;
                let resend = i % 4 == 0;
                if mine || resend {
                    let o = s
                        .append_transcript("shared", seg(&format!("ev{i}"), &format!("ev{i}"), i))
                        .await
                        .unwrap();
                    assert!(
                        matches!(o, WriteOutcome::Persisted | WriteOutcome::Duplicate),
                        "{o:?}"
                    );
                    persisted += usize::from(o == WriteOutcome::Persisted);
                }
            }
            persisted
        }));
    }
    for t in futures::future::join_all(tasks).await {
        t.unwrap();
    }
    let persisted: usize = futures::future::join_all(senders)
        .await
        .into_iter()
        .map(Result::unwrap)
        .sum();

    for n in 0..30 {
        let id = format!("spread_{n}");
        // Read through another instance than the writer: nothing is per-instance.
        let rows = inst[(n + 1) % 3]
            .get_transcripts(&id, &PageRequest::all())
            .await
            .unwrap()
            .items;
        let expect: Vec<String> = std::iter::once("early".to_owned())
            .chain((1..40).map(|i| format!("{id}/{i}")))
            .collect();
        assert_eq!(
            rows.iter().map(|r| r.text.clone()).collect::<Vec<_>>(),
            expect,
            "{id}"
        );
    }
    let shared = inst[2]
        .get_transcripts("shared", &PageRequest::all())
        .await
        .unwrap()
        .items;
    assert_eq!(shared.len(), 100, "nothing lost, nothing duplicated");
    assert_eq!(
        persisted, 100,
        "exactly one `persisted` per event across instances"
    );
    let keys: HashSet<_> = shared.iter().map(|r| r.item_id.clone().unwrap()).collect();
    assert_eq!(keys.len(), 100);
    assert!(
        shared
            .iter()
            .enumerate()
            .all(|(i, r)| r.seq == i as i64 + 1),
        "contiguous seq"
    );
    // Each sender's own events keep their relative order.
    for side in 0..2i64 {
        let pos: Vec<i64> = shared
            .iter()
            .filter_map(|r| {
                r.text
                    .strip_prefix("ev")
                    .and_then(|n| n.parse::<i64>().ok())
            })
            .filter(|n| n % 2 == side && n % 4 != 0)
            .collect();
        assert!(
            pos.windows(2).all(|w| w[0] < w[1]),
            "order of side {side}: {pos:?}"
        );
    }

    // Withdrawal (keep) on instance 0; 1 and 2 have ACCEPTED cached.
    inst[0]
        .save_session_meta(accepted("wd_keep"))
        .await
        .unwrap();
    for (k, s) in inst.iter().enumerate() {
        let o = s
            .append_transcript("wd_keep", seg(&format!("k{k}"), "before", k as i64))
            .await
            .unwrap();
        assert_eq!(o, WriteOutcome::Persisted);
    }
    let o = inst[0]
        .save_session_meta(SessionMeta::new("wd_keep", Consent::Declined))
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Dropped(DropReason::ConsentDeclined));
    for s in &inst[1..] {
        for i in 0..3 {
            let o = s
                .append_transcript("wd_keep", seg(&format!("after{i}"), "after", 10 + i))
                .await
                .unwrap();
            assert_eq!(o, WriteOutcome::Dropped(DropReason::ConsentDeclined));
        }
    }
    assert_eq!(
        schema.count("transcripts", Some("wd_keep")).await,
        3,
        "kept, and nothing more"
    );

    // Withdrawal (erase) on instance 1; 0 and 2 have ACCEPTED cached.
    inst[1]
        .save_session_meta(accepted("wd_erase"))
        .await
        .unwrap();
    for (k, s) in inst.iter().enumerate() {
        s.append_transcript("wd_erase", seg(&format!("k{k}"), "before", k as i64))
            .await
            .unwrap();
    }
    inst[1]
        .save_session_meta(SessionMeta::new("wd_erase", Consent::Declined))
        .await
        .unwrap();
    for s in [&inst[0], &inst[2]] {
        let o = s
            .append_transcript("wd_erase", seg("late", "late", 20))
            .await
            .unwrap();
        assert_ne!(o, WriteOutcome::Persisted);
        assert_ne!(o, WriteOutcome::Duplicate);
    }
    assert_eq!(schema.count("transcripts", Some("wd_erase")).await, 0);
    assert_eq!(schema.count("sessions", Some("wd_erase")).await, 0);
}
