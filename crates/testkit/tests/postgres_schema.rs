//! The PostgreSQL schema and configuration: column types, keys and indexes per
//! SPEC §3, a schema-local migrations table, several stores sharing a database,
//! URL parameters (through `AnyBackend::open`, as the CLI uses it), error hygiene.
#![cfg(feature = "postgres")]

use realtime_store::WriteCore;
use realtime_store::{
    AnyBackend, Consent, Error, PageRequest, PersistenceStore, PostgresOptions, PostgresStore,
    RealtimeStore, Role, SessionMeta, Timestamp, TranscriptSegment, WriteOutcome,
};
use realtime_store_testkit::pg;

async fn rows(schema: &str, sql: &str) -> Vec<(String, String, String)> {
    let mut c = pg::admin().await;
    sqlx::query_as(sql)
        .bind(schema)
        .fetch_all(&mut c)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn column_types_follow_the_spec() {
    let schema = pg::fresh_schema().await;
    let _store = schema.open().await;
    let cols = rows(
        schema.schema(),
        "SELECT table_name::text, column_name::text,
                data_type::text || COALESCE('(' || datetime_precision || ')', '')
         FROM information_schema.columns WHERE table_schema = $1 AND table_name <> '_sqlx_migrations'",
    )
    .await;
    let ts_cols = ["created_at", "updated_at", "started_at", "ended_at", "at"];
    let json_cols = ["config", "timings", "args", "result", "key_points", "meta"];
    let mut seen_ts = 0;
    let mut seen_json = 0;
    for (table, column, ty) in &cols {
        if ts_cols.contains(&column.as_str()) {
            seen_ts += 1;
            assert_eq!(ty, "timestamp with time zone(3)", "{table}.{column}");
        }
        if json_cols.contains(&column.as_str()) {
            seen_json += 1;
            assert!(ty.starts_with("jsonb"), "{table}.{column} is {ty}");
        }
        assert!(
            !ty.starts_with("json") || ty.starts_with("jsonb"),
            "{table}.{column} is {ty}"
        );
        assert!(
            !ty.starts_with("timestamp without"),
            "{table}.{column} is {ty}"
        );
    }
    assert_eq!(seen_ts, 13, "every timestamp column checked: {cols:?}");
    assert_eq!(seen_json, 6);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_and_indexes_cover_every_read_path() {
    let schema = pg::fresh_schema().await;
    let _store = schema.open().await;
    let idx: Vec<(String, String, String)> = rows(
        schema.schema(),
        "SELECT tablename::text, indexname::text, indexdef FROM pg_indexes WHERE schemaname = $1",
    )
    .await;
    let has = |table: &str, cols: &str, unique: bool| {
        idx.iter().any(|(t, _, def)| {
            t == table
                && def.ends_with(&format!("({cols})"))
                && (!unique || def.starts_with("CREATE UNIQUE"))
        })
    };
    for child in ["transcripts", "tool_events", "usage_events"] {
        assert!(
            has(child, "session_id, seq", true),
            "{child} primary key: {idx:?}"
        );
        assert!(
            has(child, "session_id, dedup_key", true),
            "{child} dedup key"
        );
    }
    assert!(has("summaries", "session_id, version", true));
    assert!(has("summaries", "session_id, dedup_key", true));
    assert!(has("sessions", "id", true));
    assert!(
        has("sessions", "started_at DESC, id DESC", false),
        "list newest first"
    );
    assert!(
        has("sessions", "user_id, started_at DESC, id DESC", false),
        "list by user"
    );
    assert!(
        has("sessions", "consent, started_at DESC, id DESC", false),
        "list by consent"
    );
    assert!(
        has("sessions", "status, started_at DESC, id DESC", false),
        "list by status"
    );
    assert!(has("app_users", "email", true));
    assert!(has("app_users", "auth_user_id", true));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrations_table_is_schema_local_and_schemas_coexist() {
    let a = pg::fresh_schema().await;
    let b = pg::fresh_schema().await;
    let sa = RealtimeStore::new(a.open().await);
    let sb = RealtimeStore::new(b.open().await);
    // Reopening applies nothing new and keeps the data.
    sa.save_session_meta(SessionMeta::new("shared_id", Consent::Accepted))
        .await
        .unwrap();
    let sa = RealtimeStore::new(a.open().await);
    assert!(sa.get_session("shared_id").await.unwrap().is_some());
    assert!(
        sb.get_session("shared_id").await.unwrap().is_none(),
        "schemas are independent"
    );
    for s in [&a, &b] {
        let n: i64 = sqlx::query_scalar(&format!(
            "SELECT count(*) FROM \"{}\"._sqlx_migrations WHERE success",
            s.schema()
        ))
        .fetch_one(&mut pg::admin().await)
        .await
        .unwrap();
        assert_eq!(n, realtime_store::POSTGRES_MIGRATOR.iter().count() as i64);
    }
    let n: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM pg_tables WHERE tablename = '_sqlx_migrations' AND schemaname IN ($1, $2)",
    )
    .bind(a.schema())
    .bind(b.schema())
    .fetch_one(&mut pg::admin().await)
    .await
    .unwrap();
    assert_eq!(n, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn any_backend_opens_postgres_urls() {
    let schema = pg::fresh_schema().await;
    let url = schema.url();
    assert!(url.starts_with("postgres://"));
    let backend = AnyBackend::open(&url)
        .await
        .expect("postgres:// through AnyBackend");
    assert_eq!(backend.kind(), "postgres");
    let store = RealtimeStore::new(backend);
    store
        .save_session_meta(SessionMeta::new("any_1", Consent::Accepted))
        .await
        .unwrap();
    let o = store
        .append_transcript(
            "any_1",
            TranscriptSegment::new(Role::User, "hi", Timestamp::now()),
        )
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Persisted);
    let size = store
        .backend()
        .size_bytes()
        .await
        .unwrap()
        .expect("postgres knows its size");
    assert!(size > 0);
    assert_eq!(
        schema.count("transcripts", Some("any_1")).await,
        1,
        "written in the URL's schema"
    );
    // The postgresql:// spelling and extra parameters.
    let alt = url.replacen("postgres://", "postgresql://", 1)
        + "&max_connections=3&prepared_statements=false&statement_timeout_ms=5000";
    let backend = AnyBackend::open(&alt)
        .await
        .expect("postgresql:// through AnyBackend");
    let store = RealtimeStore::new(backend);
    assert_eq!(
        store
            .get_transcripts("any_1", &PageRequest::all())
            .await
            .unwrap()
            .items
            .len(),
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_url_parameters_are_config_errors_without_secrets() {
    let base = "postgres://app:s3cr3t-pw@127.0.0.1:1/db";
    for bad in [
        format!("{base}?schema=Bad-Name"),
        format!("{base}?schema="),
        format!("{base}?max_connections=lots"),
        format!("{base}?max_connections=0"),
        format!("{base}?prepared_statements=maybe"),
    ] {
        let e = PostgresStore::open(&bad).await.unwrap_err();
        assert!(matches!(e, Error::Config(_)), "{e:?}");
        let msg = format!("{e} {e:?}");
        assert!(!msg.contains("s3cr3t"), "{msg}");
    }
    // An unreachable server is a backend error, retryable, and does not echo the URL.
    let e = PostgresStore::open_with(
        &format!("{base}?acquire_timeout_ms=500"),
        PostgresOptions {
            migrate: false,
            ..PostgresOptions::default()
        },
    )
    .await
    .unwrap_err();
    let msg = format!("{e} {e:?}");
    assert!(!msg.contains("s3cr3t"), "{msg}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nul_characters_are_rejected_as_validation_errors_without_content() {
    let f = pg::fixture().await;
    let (backend, _guard) = f.into_parts();
    let store = RealtimeStore::new(backend);
    store
        .save_session_meta(SessionMeta::new("nul_1", Consent::Accepted))
        .await
        .unwrap();
    let at = Timestamp::now();
    let e = store
        .append_transcript(
            "nul_1",
            TranscriptSegment::new(Role::User, "secret\0text jane@example.com", at),
        )
        .await
        .unwrap_err();
    assert!(e.is_validation(), "{e:?}");
    let msg = format!("{e} {e:?}");
    assert!(!msg.contains("jane") && !msg.contains("secret"), "{msg}");
    let e = store
        .append_tool_event(
            "nul_1",
            realtime_store::ToolEvent {
                call_id: None,
                name: "t".into(),
                args: serde_json::json!({"k": "a\u{0}b"}),
                result: None,
                status: realtime_store::ToolStatus::Ok,
                duration_ms: None,
                at,
            },
        )
        .await
        .unwrap_err();
    assert!(e.is_validation(), "{e:?}");
    assert!(store
        .get_transcripts("nul_1", &PageRequest::all())
        .await
        .unwrap()
        .items
        .is_empty());
    // The session still takes clean writes.
    let o = store
        .append_transcript("nul_1", TranscriptSegment::new(Role::User, "clean", at))
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Persisted);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn timestamps_round_trip_with_millisecond_precision() {
    let f = pg::fixture().await;
    let (backend, _guard) = f.into_parts();
    let store = RealtimeStore::new(backend);
    let start = Timestamp::from_millis(Timestamp::now().as_millis() - 3_600_000 + 7);
    let mut m = SessionMeta::new("ms_1", Consent::Accepted);
    m.started_at = Some(start);
    store.save_session_meta(m).await.unwrap();
    let mut seg = TranscriptSegment::new(Role::Assistant, "x", start.add_millis(1));
    seg.ended_at = Some(start.add_millis(999));
    store.append_transcript("ms_1", seg).await.unwrap();
    let s = store.get_session("ms_1").await.unwrap().unwrap();
    assert_eq!(s.started_at, start);
    let t = &store
        .get_transcripts("ms_1", &PageRequest::all())
        .await
        .unwrap()
        .items[0];
    assert_eq!(t.started_at, start.add_millis(1));
    assert_eq!(t.ended_at, Some(start.add_millis(999)));
}

/// `lazy=true`: the store opens while the server does not answer (operations
/// fail as unreachable until it does); against a server that answers, the
/// schema is migrated by the lazy path and writes work.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lazy_open_without_a_server_then_with_one() {
    let down = "postgres://app:s3cr3t-pw@127.0.0.1:1/db?lazy=true&acquire_timeout_ms=300";
    let store = PostgresStore::open(down)
        .await
        .expect("a lazy store opens without its server");
    let e = store.stored_state("s_1").await.unwrap_err();
    assert!(e.is_unreachable(), "{e:?}");
    assert!(!format!("{e} {e:?}").contains("s3cr3t"));
    assert!(!store.health().await.reachable);
    assert!(
        PostgresStore::open(&down.replace("lazy=true", "lazy=false"))
            .await
            .is_err()
    );

    let schema = pg::fresh_schema().await;
    let backend = AnyBackend::open(&format!("{}&lazy=true", schema.url()))
        .await
        .unwrap();
    let store = RealtimeStore::new(backend);
    store
        .save_session_meta(SessionMeta::new("lazy_1", Consent::Accepted))
        .await
        .unwrap();
    let o = store
        .append_transcript(
            "lazy_1",
            TranscriptSegment::new(Role::User, "hi", Timestamp::now()),
        )
        .await
        .unwrap();
    assert_eq!(o, WriteOutcome::Persisted);
    assert_eq!(schema.count("transcripts", Some("lazy_1")).await, 1);
}
