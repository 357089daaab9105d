//! A real Citus cluster (coordinator + two workers, started by
//! `realtime_store_testkit::citus`, one per test binary): the conformance suite
//! on distributed tables, directly and through group commit; distribution
//! itself (idempotent, populated, the documented trap repaired, a foreign layout
//! refused with its fix); rows on the workers, one session's rows on one worker;
//! a store pointed at a worker refused without leaving anything there.
#![cfg(feature = "postgres")]

use realtime_store::{
    CitusLayout, Consent, Error, GroupCommit, PageRequest, PersistenceStore, PostgresStore,
    RealtimeStore, Role, SessionMeta, Timestamp, TranscriptSegment, User, WriteCore,
};
use realtime_store_testkit::{citus, pg};
use sqlx::Connection;

mod direct {
    realtime_store_testkit::conformance_tests!(realtime_store_testkit::citus::fixture);
}

mod through_group_commit {
    use realtime_store::GroupCommit;
    realtime_store_testkit::conformance_tests!(|| async {
        realtime_store_testkit::citus::fixture()
            .await
            .map(GroupCommit::new)
    });
}

fn seg(i: usize) -> TranscriptSegment {
    let mut s = TranscriptSegment::new(
        Role::User,
        format!("segment {i}"),
        Timestamp::from_millis(1_700_000_000_000 + i as i64),
    );
    s.item_id = Some(format!("item-{i}"));
    s
}

/// `n` accepted sessions of one user, `per` transcript segments each.
async fn populate(store: &RealtimeStore<GroupCommit<PostgresStore>>, n: usize, per: usize) {
    for s in 0..n {
        let id = format!("sess_{s}");
        store
            .save_session_meta(SessionMeta {
                user: Some(User::new("u_dist")),
                ..SessionMeta::new(&id, Consent::Accepted)
            })
            .await
            .unwrap();
        for i in 0..per {
            store.append_transcript(&id, seg(i)).await.unwrap();
        }
    }
}

async fn transcript_count(store: &RealtimeStore<GroupCommit<PostgresStore>>, id: &str) -> usize {
    store
        .get_transcripts(id, &PageRequest::default())
        .await
        .unwrap()
        .items
        .len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn distribute_populated_schema_is_idempotent() {
    let schema = citus::fresh_schema().await;
    let backend = schema.open().await;
    assert_eq!(backend.citus(), CitusLayout::NotDistributed);
    let h = backend.health().await;
    assert!(h.detail.unwrap().contains("not distributed"));
    let store = RealtimeStore::new(GroupCommit::new(backend.clone()));
    populate(&store, 6, 5).await;

    let r = backend.distribute().await.unwrap();
    assert_eq!(r.distributed.len(), 7, "{r:?}");
    assert!(r.repaired.is_empty());
    assert_eq!(backend.citus(), CitusLayout::Distributed);
    assert_eq!(
        backend.health().await.detail.unwrap(),
        "citus: tables distributed by session"
    );
    // Again: nothing to do.
    assert!(backend.distribute().await.unwrap().was_done());
    // The data moved to the shards and the store keeps working on it.
    for s in 0..6 {
        assert_eq!(transcript_count(&store, &format!("sess_{s}")).await, 5);
    }
    store.append_transcript("sess_0", seg(99)).await.unwrap();
    let t = store
        .get_transcripts("sess_0", &PageRequest::default())
        .await
        .unwrap();
    let seqs: Vec<i64> = t.items.iter().map(|x| x.seq).collect();
    assert_eq!(seqs, (1..=6).collect::<Vec<i64>>());
    // A second instance opening the distributed schema sees it distributed.
    let other = schema.open().await;
    assert_eq!(other.citus(), CitusLayout::Distributed);
    other.close().await;
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn documented_trap_is_repaired() {
    // What an operator got from the old SCALING.md: create_reference_table first
    // turns every other table into a coordinator-local table.
    let schema = citus::fresh_schema().await;
    let backend = schema.open().await;
    let store = RealtimeStore::new(GroupCommit::new(backend.clone()));
    populate(&store, 3, 4).await;
    let mut c = citus::admin().await;
    sqlx::query("SELECT create_reference_table($1::regclass)")
        .bind(format!("\"{}\".app_users", schema.schema()))
        .execute(&mut c)
        .await
        .unwrap();
    assert!(matches!(
        backend.citus_layout().await.unwrap(),
        CitusLayout::Partial(_)
    ));

    let r = backend.distribute().await.unwrap();
    assert!(!r.repaired.is_empty(), "{r:?}");
    assert!(r.repaired.contains(&"sessions".to_owned()), "{r:?}");
    assert_eq!(
        backend.citus_layout().await.unwrap(),
        CitusLayout::Distributed
    );
    for s in 0..3 {
        assert_eq!(transcript_count(&store, &format!("sess_{s}")).await, 4);
    }
    let _ = c.close().await;
    store.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn foreign_layout_is_refused_with_its_fix() {
    let schema = citus::fresh_schema().await;
    let backend = schema.open().await;
    let mut c = citus::admin().await;
    let table = format!("\"{}\".tombstones", schema.schema());
    sqlx::query("SELECT create_reference_table($1::regclass)")
        .bind(&table)
        .execute(&mut c)
        .await
        .unwrap();
    let e = backend.distribute().await.unwrap_err();
    let msg = e.to_string();
    assert!(matches!(e, Error::Distribution { .. }), "{e:?}");
    assert!(msg.contains("tombstones is a reference table"), "{msg}");
    assert!(msg.contains("undistribute_table"), "{msg}");
    // Nothing else changed: the other tables are still plain.
    assert!(matches!(
        backend.citus_layout().await.unwrap(),
        CitusLayout::Partial(_)
    ));
    // The fix the error names, then distribution succeeds.
    sqlx::query("SELECT undistribute_table($1::regclass, cascade_via_foreign_keys => true)")
        .bind(&table)
        .execute(&mut c)
        .await
        .unwrap();
    backend.distribute().await.unwrap();
    assert_eq!(
        backend.citus_layout().await.unwrap(),
        CitusLayout::Distributed
    );
    let _ = c.close().await;
    backend.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rows_land_on_workers_and_a_session_on_one_worker() {
    let f = citus::fixture().await;
    let (backend, guard) = f.into_parts();
    let schema = backend.schema().to_owned();
    let store = RealtimeStore::new(GroupCommit::new(backend));
    populate(&store, 24, 3).await;
    for s in 0..24 {
        store
            .append_tool_event(
                &format!("sess_{s}"),
                realtime_store::ToolEvent {
                    call_id: Some("call-1".to_owned()),
                    name: "lookup".to_owned(),
                    args: serde_json::json!({"q": 1}),
                    result: None,
                    status: realtime_store::ToolStatus::Ok,
                    duration_ms: Some(3),
                    at: Timestamp::now(),
                },
            )
            .await
            .unwrap();
    }
    let mut c = citus::admin().await;
    let ports: Vec<i32> = citus::cluster()
        .await
        .worker_ports()
        .iter()
        .map(|p| i32::from(*p))
        .collect();
    // Every shard of every distributed table sits on a worker.
    let placed: Vec<(String, i32, i64)> = sqlx::query_as(
        "SELECT table_name::text, nodeport, shardid FROM citus_shards
         WHERE table_name::text LIKE $1 || '.%' AND citus_table_type = 'distributed'",
    )
    .bind(&schema)
    .fetch_all(&mut c)
    .await
    .unwrap();
    assert_eq!(placed.len(), 6 * 4, "{placed:?}");
    assert!(
        placed.iter().all(|(_, p, _)| ports.contains(p)),
        "{placed:?} {ports:?}"
    );
    // Rows per worker: each shard counted where it lives.
    let held: Vec<(i32, i64)> = sqlx::query_as(
        "SELECT s.nodeport, sum(r.result::int8)::int8
         FROM run_command_on_shards(($1 || '.transcripts')::regclass, 'SELECT count(*) FROM %s') r
         JOIN citus_shards s ON s.shardid = r.shardid
         GROUP BY s.nodeport ORDER BY 1",
    )
    .bind(&schema)
    .fetch_all(&mut c)
    .await
    .unwrap();
    assert_eq!(held.len(), 2, "both workers hold transcripts: {held:?}");
    assert!(
        held.iter().all(|(p, n)| ports.contains(p) && *n > 0),
        "{held:?}"
    );
    assert_eq!(held.iter().map(|(_, n)| n).sum::<i64>(), 24 * 3);
    // One session: its rows of every table on one worker, and only there.
    for s in ["sess_0", "sess_7", "sess_13"] {
        let nodes: Vec<i32> = sqlx::query_scalar(
            "SELECT DISTINCT c.nodeport FROM unnest(ARRAY['sessions','transcripts','tool_events',
                                                       'summaries','usage_events','tombstones']) t
             JOIN citus_shards c
               ON c.shardid = get_shard_id_for_distribution_column(($1 || '.' || t)::regclass, $2)",
        )
        .bind(&schema)
        .bind(s)
        .fetch_all(&mut c)
        .await
        .unwrap();
        assert_eq!(nodes.len(), 1, "{s} spread over {nodes:?}");
        let on_workers: Vec<(i32, String)> = sqlx::query_as(
            "SELECT nodeport, result FROM run_command_on_workers(format(
               'SELECT count(*) FROM %s WHERE session_id = %L',
               shard_name(($1 || '.transcripts')::regclass,
                          get_shard_id_for_distribution_column(($1 || '.transcripts')::regclass, $2)),
               $2::text))",
        )
        .bind(&schema)
        .bind(s)
        .fetch_all(&mut c)
        .await
        .unwrap();
        let holding: Vec<_> = on_workers.iter().filter(|(_, r)| r == "3").collect();
        assert_eq!(holding.len(), 1, "{s}: {on_workers:?}");
        assert_eq!(holding[0].0, nodes[0]);
    }
    let _ = c.close().await;
    store.close().await;
    drop(guard);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn store_on_a_worker_is_refused_and_leaves_nothing() {
    let cluster = citus::cluster().await;
    let worker = &cluster.worker_urls()[0];
    let name = format!("rs_on_worker_{}", std::process::id());
    let e = PostgresStore::open(&format!("{worker}?schema={name}"))
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Distribution { .. }), "{e:?}");
    assert!(e.to_string().contains("worker node"), "{e}");
    let e = PostgresStore::open(&format!("{worker}?schema={name}&migrate=false"))
        .await
        .unwrap_err();
    assert!(e.to_string().contains("coordinator"), "{e}");
    let mut c = sqlx::postgres::PgConnection::connect(worker).await.unwrap();
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM pg_namespace WHERE nspname = $1")
        .bind(&name)
        .fetch_one(&mut c)
        .await
        .unwrap();
    assert_eq!(n, 0, "nothing created on the worker");
    let _ = c.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plain_postgres_is_unaffected() {
    let schema = pg::fresh_schema().await;
    let backend = schema.open().await;
    assert_eq!(backend.citus(), CitusLayout::NotCitus);
    assert_eq!(backend.health().await.detail, None);
    let e = backend.distribute().await.unwrap_err();
    assert!(e.to_string().contains("no Citus extension"), "{e}");
    backend.close().await;
}
