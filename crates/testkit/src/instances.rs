//! Privacy across separately opened instances of one database (two pools, two
//! consent caches): what the conformance cases prove over a shared backend,
//! proven again the way production runs (several processes or instances).

use realtime_store::{
    Backend, Consent, DropReason, PageRequest, PersistenceStore, RealtimeStore, Role, SessionMeta,
    Timestamp, TranscriptSegment, User, WriteOutcome,
};

fn seg(text: &str, ms: i64) -> TranscriptSegment {
    TranscriptSegment::new(Role::User, text, Timestamp::now().add_millis(-60_000 + ms))
}

fn accepted(id: &str, user: &str) -> SessionMeta {
    SessionMeta {
        user: Some(User {
            email: Some(format!("{user}@example.com")),
            ..User::new(user)
        }),
        ..SessionMeta::new(id, Consent::Accepted)
    }
}

async fn texts<B: Backend>(s: &RealtimeStore<B>, id: &str) -> Vec<String> {
    s.get_transcripts(id, &PageRequest::all())
        .await
        .unwrap()
        .items
        .into_iter()
        .map(|t| t.text)
        .collect()
}

/// Instance A serves the live call; instance B withdraws one session and erases
/// the user of another. Nothing A sends afterwards (appends, hang-up upserts,
/// PENDING upserts) is stored, on a database both opened separately.
pub async fn two_instances_withdrawal_and_erasure<B: Backend>(a: B, b: B) {
    let a = RealtimeStore::new(a);
    let b = RealtimeStore::new(b);
    // Withdrawal on B while A is live.
    a.save_session_meta(accepted("ti_w", "ti_user_w"))
        .await
        .unwrap();
    assert_eq!(
        a.append_transcript("ti_w", seg("before", 0)).await.unwrap(),
        WriteOutcome::Persisted
    );
    b.save_session_meta(SessionMeta::new("ti_w", Consent::Declined))
        .await
        .unwrap();
    let declined = WriteOutcome::Dropped(DropReason::ConsentDeclined);
    assert_eq!(
        a.append_transcript("ti_w", seg("after withdrawal", 1))
            .await
            .unwrap(),
        declined
    );
    let mut hang_up = accepted("ti_w", "ti_user_w");
    hang_up.ended_at = Some(Timestamp::now());
    assert_eq!(a.save_session_meta(hang_up).await.unwrap(), declined);
    assert!(b.get_session("ti_w").await.unwrap().is_none());
    assert!(texts(&b, "ti_w").await.is_empty());

    // erase-user on B while A's call of that user is live.
    a.save_session_meta(accepted("ti_e", "ti_user_e"))
        .await
        .unwrap();
    a.append_transcript("ti_e", seg("before erasure", 0))
        .await
        .unwrap();
    let c = b.erase_user("ti_user_e").await.unwrap();
    assert_eq!((c.users, c.sessions, c.transcripts), (1, 1, 1));
    let erased = WriteOutcome::Dropped(DropReason::Erased);
    assert_eq!(
        a.append_transcript("ti_e", seg("after erasure", 1))
            .await
            .unwrap(),
        erased
    );
    let mut pending = accepted("ti_e", "ti_user_e");
    pending.consent = Consent::Pending;
    assert_eq!(a.save_session_meta(pending).await.unwrap(), erased);
    let mut hang_up = accepted("ti_e", "ti_user_e");
    hang_up.ended_at = Some(Timestamp::now());
    assert_eq!(a.save_session_meta(hang_up).await.unwrap(), erased);
    for s in [&a, &b] {
        assert!(s.get_session("ti_e").await.unwrap().is_none());
        assert!(texts(s, "ti_e").await.is_empty());
    }
    // The user's e-mail is free: no app_users row came back.
    assert_eq!(
        b.save_session_meta(accepted("ti_other", "ti_user_e_new"))
            .await
            .unwrap(),
        WriteOutcome::Persisted
    );
    let mut reuse = accepted("ti_other2", "someone_else");
    reuse.user = Some(User {
        email: Some("ti_user_e@example.com".into()),
        ..User::new("someone_else")
    });
    assert_eq!(
        b.save_session_meta(reuse).await.unwrap(),
        WriteOutcome::Persisted
    );
}
