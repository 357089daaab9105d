//! On a real Citus cluster (its own, with 2PC recovery off so that every
//! two-phase commit stays recorded in `pg_dist_transaction`): the writes of live
//! calls — session saves with an unchanged user, appends, consent checks,
//! group-commit batches spanning shards — are single-shard statements and commit
//! without two-phase commit; the counters do see multi-shard work and 2PC
//! (a user's first save, `erase_user`), so the zero is not vacuous.
#![cfg(feature = "postgres")]

use std::sync::Arc;

use realtime_store::{
    Consent, GroupCommit, PersistenceStore, RealtimeStore, Role, SessionMeta, Timestamp,
    TranscriptSegment, User,
};
use realtime_store_testkit::citus::{self, ClusterConfig};
use sqlx::postgres::PgConnection;

/// (single-shard executions, multi-shard executions, 2PC records).
async fn counters(c: &mut PgConnection) -> (i64, i64, i64) {
    let (single, multi): (i64, i64) = sqlx::query_as(
        "SELECT query_execution_single_shard, query_execution_multi_shard
         FROM citus_stat_counters WHERE name = current_database()",
    )
    .fetch_one(&mut *c)
    .await
    .unwrap();
    let twopc: i64 = sqlx::query_scalar("SELECT count(*) FROM pg_dist_transaction")
        .fetch_one(&mut *c)
        .await
        .unwrap();
    (single, multi, twopc)
}

fn meta(id: &str) -> SessionMeta {
    let mut u = User::new("u_route");
    u.email = Some("caller@example.com".to_owned());
    SessionMeta {
        user: Some(u),
        voice: Some("alloy".to_owned()),
        ..SessionMeta::new(id, Consent::Accepted)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn live_call_writes_are_single_shard_without_two_phase_commit() {
    citus::cluster_with(ClusterConfig {
        recover_2pc_interval: "-1".to_owned(),
        ..ClusterConfig::default()
    })
    .await;
    let (backend, guard) = citus::fixture().await.into_parts();
    let store = Arc::new(RealtimeStore::new(GroupCommit::new(backend)));
    let mut c = citus::admin().await;

    // The user's first save writes the reference table: a 2PC on every node.
    let before_user = counters(&mut c).await;
    store.save_session_meta(meta("call_0")).await.unwrap();
    let after_user = counters(&mut c).await;
    assert!(
        after_user.2 > before_user.2,
        "a reference-table write is a 2PC: {before_user:?} {after_user:?}"
    );

    // Live calls: eight sessions of that user (unchanged), saved again and again,
    // appended to concurrently (group-commit batches span both workers).
    let ids: Vec<String> = (0..8).map(|i| format!("call_{i}")).collect();
    for id in &ids {
        store.save_session_meta(meta(id)).await.unwrap();
    }
    let mut tasks = Vec::new();
    for id in ids.clone() {
        let s = store.clone();
        tasks.push(tokio::spawn(async move {
            for i in 0..20 {
                let seg = TranscriptSegment::new(
                    Role::User,
                    format!("turn {i}"),
                    Timestamp::from_millis(1_700_000_000_000 + i),
                );
                s.append_transcript(&id, seg).await.unwrap();
                if i % 5 == 0 {
                    s.save_session_meta(meta(&id)).await.unwrap();
                }
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let live = counters(&mut c).await;
    assert_eq!(
        live.2, after_user.2,
        "no 2PC for live-call writes: {after_user:?} {live:?}"
    );
    assert_eq!(
        live.1, after_user.1,
        "no multi-shard statement: {after_user:?} {live:?}"
    );
    assert!(
        live.0 >= after_user.0 + 8 * 20,
        "every write was a single-shard statement: {live:?}"
    );
    for id in &ids {
        let t = store
            .get_transcripts(id, &realtime_store::PageRequest::default())
            .await
            .unwrap();
        let seqs: Vec<i64> = t.items.iter().map(|x| x.seq).collect();
        assert_eq!(seqs, (1..=20).collect::<Vec<i64>>(), "{id}");
    }

    // Erasure spans shards and the reference table: the counters see it.
    store.erase_user("u_route").await.unwrap();
    let erased = counters(&mut c).await;
    assert!(erased.1 > live.1, "{live:?} {erased:?}");
    assert!(erased.2 > live.2, "{live:?} {erased:?}");
    drop(c);
    store.close().await;
    drop(guard);
}
