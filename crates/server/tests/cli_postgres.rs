//! The binary against PostgreSQL (`DATABASE_URL=postgres://...?schema=...`), in a
//! fresh schema per test that is dropped afterwards.

use std::process::{Command, Output};

use realtime_store_testkit::pg;

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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_command_works_on_postgres() {
    let schema = pg::fresh_schema().await;
    let url = schema.url();
    assert!(ok(&run(&url, &["migrate"])).contains("postgres"));
    let demo = ok(&run(&url, &["demo", "--session-id", "pg_demo"]));
    assert!(demo.contains("[EMAIL]") && !demo.contains("maria.garcia@example.com"));
    assert_eq!(schema.count("transcripts", Some("pg_demo")).await, 8);
    assert!(ok(&run(&url, &["sessions", "list"])).contains("pg_demo"));
    let show: serde_json::Value =
        serde_json::from_str(&ok(&run(&url, &["sessions", "show", "pg_demo", "--json"]))).unwrap();
    assert_eq!(show["session"]["status"], "ended");
    let export = ok(&run(&url, &["export", "--quiet"]));
    assert_eq!(export.lines().count(), 1);
    let purged = ok(&run(&url, &["purge", "--older-than", "30d", "--json"]));
    assert!(purged.contains("\"sessions\":0"), "{purged}");
    let erased = ok(&run(&url, &["erase-user", "user_maria_17", "--json"]));
    assert!(erased.contains("\"sessions\":1"), "{erased}");
    assert_eq!(schema.count("sessions", None).await, 0);
    assert_eq!(schema.count("app_users", None).await, 0);
}
