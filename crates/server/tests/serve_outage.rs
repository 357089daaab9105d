//! `serve` over PostgreSQL through a real database outage: a private cluster
//! (initdb + pg_ctl on a free port) is stopped with `pg_ctl stop -m immediate` in
//! the middle of a call; the service keeps answering (`spooled`, `/healthz`
//! degraded), and once the cluster is back the spool is replayed: every
//! acknowledged segment is in the database exactly once, in order. And the same
//! after `kill -9` of the service while writes wait in the spool.

#[path = "support/pg.rs"]
mod pg;
mod support;

use std::time::{Duration, Instant};

use pg::Cluster;
use serde_json::{json, Value};
use support::Server;

fn segment(n: usize) -> Value {
    json!({
        "role": if n % 2 == 0 { "user" } else { "assistant" },
        "text": format!("segment number {n} of the call"),
        "started_at": 1_700_000_000_000i64 + n as i64 * 1000,
        "item_id": format!("item-{n:03}"),
    })
}

fn outcome(s: &Server, n: usize) -> String {
    let (st, v) = s.call("POST", "/v1/sessions/call-1/transcripts", Some(segment(n)));
    assert_eq!(st, 200, "segment {n}: {v}");
    v["outcome"].as_str().unwrap().to_owned()
}

fn health(s: &Server) -> String {
    let (_, v) = s.call("GET", "/healthz", None);
    v["status"].as_str().unwrap_or("").to_owned()
}

#[test]
fn a_database_outage_is_spooled_and_replayed_in_order() {
    let pg = Cluster::start();
    let dir = tempfile::tempdir().unwrap();
    let spool = dir.path().join("spool.db");
    let spool_arg = spool.display().to_string();
    let mut s = Server::start_on(
        dir,
        &pg.url(),
        &["--spool", &spool_arg],
        Some(support::TOKEN),
    );
    let (st, v) = s.call(
        "PUT",
        "/v1/sessions/call-1",
        Some(json!({"consent": "ACCEPTED", "user": {"id": "u-1"}})),
    );
    assert_eq!(st, 200, "{v}");
    for n in 0..10 {
        assert_eq!(outcome(&s, n), "persisted");
    }
    assert_eq!(health(&s), "ok");

    pg.stop_immediate();
    for n in 10..30 {
        assert_eq!(outcome(&s, n), "spooled", "segment {n} during the outage");
    }
    assert_eq!(health(&s), "degraded");
    // A retry of an acknowledged (spooled) write is a duplicate, not a second row.
    assert_eq!(outcome(&s, 12), "duplicate");

    pg.pg_start();
    let deadline = Instant::now() + Duration::from_secs(60);
    while health(&s) != "ok" {
        assert!(
            Instant::now() < deadline,
            "the spool was not replayed within a minute"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    // New writes go to the database again.
    assert_eq!(outcome(&s, 30), "persisted");
    let (st, page) = s.call("GET", "/v1/sessions/call-1/transcripts?limit=1000", None);
    assert_eq!(st, 200);
    let ids: Vec<String> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["item_id"].as_str().unwrap().to_owned())
        .collect();
    let want: Vec<String> = (0..31).map(|n| format!("item-{n:03}")).collect();
    assert_eq!(ids, want, "every acknowledged segment once, in order");
    s.signal("TERM");
    assert_eq!(s.wait_exit(Duration::from_secs(30)), Some(0));
}

/// `kill -9` of the service while writes wait in the spool (the database is
/// down), then the database and the service are started again over the same
/// spool file: the spooled writes are replayed before new ones, nothing is lost
/// and nothing is doubled.
#[test]
fn spooled_writes_survive_kill_9_of_the_service() {
    let pg = Cluster::start();
    let keep = tempfile::tempdir().unwrap();
    let spool = keep.path().join("spool.db").display().to_string();
    let mut s = Server::start_on(
        tempfile::tempdir().unwrap(),
        &pg.url(),
        &["--spool", &spool],
        Some(support::TOKEN),
    );
    let (st, v) = s.call(
        "PUT",
        "/v1/sessions/call-1",
        Some(json!({"consent": "ACCEPTED", "user": {"id": "u-1"}})),
    );
    assert_eq!(st, 200, "{v}");
    for n in 0..5 {
        assert_eq!(outcome(&s, n), "persisted");
    }
    pg.stop_immediate();
    for n in 5..15 {
        assert_eq!(outcome(&s, n), "spooled", "segment {n} during the outage");
    }
    s.child.kill().expect("kill -9 the service");
    let _ = s.child.wait();
    drop(s);

    pg.pg_start();
    let s = Server::start_on(
        tempfile::tempdir().unwrap(),
        &pg.url(),
        &["--spool", &spool],
        Some(support::TOKEN),
    );
    let deadline = Instant::now() + Duration::from_secs(60);
    while health(&s) != "ok" {
        assert!(
            Instant::now() < deadline,
            "the spool was not replayed within a minute"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(outcome(&s, 15), "persisted");
    assert_eq!(
        outcome(&s, 7),
        "duplicate",
        "a replayed write is not written twice"
    );
    let (st, page) = s.call("GET", "/v1/sessions/call-1/transcripts?limit=1000", None);
    assert_eq!(st, 200);
    let ids: Vec<String> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["item_id"].as_str().unwrap().to_owned())
        .collect();
    let want: Vec<String> = (0..16).map(|n| format!("item-{n:03}")).collect();
    assert_eq!(ids, want, "every acknowledged segment once, in order");
}
