//! The binary on a real Citus cluster (started by `realtime_store_testkit::citus`):
//! `migrate --distribute` on a populated schema, again (nothing to do), every
//! command on the distributed schema, erasure included; refused on a worker and
//! on plain PostgreSQL with messages naming the fix.

use std::process::{Command, Output};

use realtime_store_testkit::{citus, pg};

fn run(url: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_realtime-store"))
        .args(args)
        .env("DATABASE_URL", url)
        .output()
        .expect("spawn")
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "failed: {}\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn err(o: &Output) -> String {
    assert!(
        !o.status.success(),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrate_distribute_then_every_command() {
    let schema = citus::fresh_schema().await;
    let url = schema.url();
    // Populated before distribution.
    ok(&run(&url, &["demo", "--session-id", "citus_demo"]));
    let first = ok(&run(&url, &["migrate", "--distribute"]));
    assert!(
        first.contains("distributed: app_users, sessions, transcripts"),
        "{first}"
    );
    let again = ok(&run(&url, &["migrate", "--distribute"]));
    assert!(again.contains("already distributed"), "{again}");
    let mut c = citus::admin().await;
    let n: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM pg_dist_partition p JOIN pg_class c ON c.oid = p.logicalrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1",
    )
    .bind(schema.schema())
    .fetch_one(&mut c)
    .await
    .unwrap();
    assert_eq!(n, 7);
    ok(&run(&url, &["demo", "--session-id", "citus_demo_2"]));
    assert_eq!(schema.count("transcripts", Some("citus_demo_2")).await, 8);
    assert!(ok(&run(&url, &["sessions", "list"])).contains("citus_demo_2"));
    let export = ok(&run(&url, &["export", "--quiet"]));
    assert_eq!(export.lines().count(), 2);
    let purged = ok(&run(&url, &["purge", "--older-than", "30d", "--json"]));
    assert!(purged.contains("\"sessions\":0"), "{purged}");
    let erased = ok(&run(&url, &["erase-user", "user_maria_17", "--json"]));
    assert!(erased.contains("\"sessions\":2"), "{erased}");
    assert_eq!(schema.count("sessions", None).await, 0);
    assert_eq!(schema.count("app_users", None).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_on_a_worker_and_on_plain_postgres() {
    let worker = &citus::cluster().await.worker_urls()[0];
    let e = err(&run(
        &format!("{worker}?schema=rs_cli_worker"),
        &["migrate"],
    ));
    assert!(
        e.contains("Citus worker node") && e.contains("coordinator"),
        "{e}"
    );
    let plain = pg::fresh_schema().await;
    let e = err(&run(&plain.url(), &["migrate", "--distribute"]));
    assert!(e.contains("no Citus extension"), "{e}");
}
