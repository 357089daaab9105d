//! `serve` over PostgreSQL while its database connections are CUT: during a
//! 64-session load, every TCP connection to and from the private cluster's
//! port is closed with `ss -K`, a dozen times, then every 20 ms for 3 s. The
//! fallback spool takes the writes that failed and, with the load still on,
//! catches up: writes go to the database again. Once it is drained, every
//! acknowledged write is in PostgreSQL exactly once, in per-session order.

#[path = "support/load.rs"]
mod load;
#[path = "support/pg.rs"]
mod pg;
mod support;

use std::sync::atomic::Ordering::Relaxed;
use std::time::{Duration, Instant};

use load::{check_stored, wait_drained, Load, Target};
use pg::Cluster;
use support::Server;

const SESSIONS: usize = 64;
const CUTS: usize = 12;
const STORM: Duration = Duration::from_secs(3);

/// `ss` (iproute2) is needed; CI installs it (`.ci/run`).
fn have_ss() -> bool {
    let found = std::process::Command::new("ss")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found && std::env::var_os("CI").is_some() {
        panic!("`ss` (iproute2) is missing; CI must install it");
    }
    found
}

#[test]
fn cut_database_connections_lose_and_double_nothing() {
    if !have_ss() {
        println!("skipped: `ss` (iproute2) is not installed");
        return;
    }
    let pg = Cluster::start();
    let s = Server::start_on(
        tempfile::tempdir().unwrap(),
        &pg.url(),
        &[],
        Some(support::TOKEN),
    );
    let target = Target::new(&s.url);
    let load = Load::start(&target, "cut", SESSIONS);
    load.wait_more(SESSIONS as u64 * 3, "before the first cut");

    let mut closed = Vec::new();
    for _ in 0..CUTS {
        closed.push(pg.cut_connections());
        // Writes go on between cuts (to the database or the spool).
        load.wait_more(SESSIONS as u64, "between cuts");
        std::thread::sleep(Duration::from_millis(150));
    }
    // A storm: cut every few milliseconds for a while, so writes fail in the
    // middle of statements and commits and go to the spool, and its replay is
    // cut too.
    let storm = Instant::now();
    let mut storm_closed = 0;
    while storm.elapsed() < STORM {
        storm_closed += pg.cut_connections();
        std::thread::sleep(Duration::from_millis(20));
    }
    // The load goes on: the spool catches up and writes go to the database
    // again (they do not stay in the spool for as long as the load lasts).
    let back = wait_drained(&s.url, Duration::from_secs(30));
    let spooled = load.counts.spooled.load(Relaxed);
    load.wait_more(SESSIONS as u64 * 3, "after the storm");
    assert_eq!(
        load.counts.spooled.load(Relaxed),
        spooled,
        "writes after the recovery go to the database, not the spool"
    );
    let counts = load.counts.clone();
    let acked = load.finish();
    let drained = wait_drained(&s.url, Duration::from_secs(60));
    let rows = check_stored(&pg, "cut", &acked);
    println!(
        "cut: sockets closed per cut {closed:?}, {storm_closed} in a {STORM:?} storm; back to the database {back:?} after the storm, \
         under load; {} acknowledged ({} spooled, {} duplicate, \
         {} attempts sent again); drained {drained:?} after the load; {rows} rows checked",
        counts.acked.load(Relaxed),
        counts.spooled.load(Relaxed),
        counts.duplicate.load(Relaxed),
        counts.failed_attempts.load(Relaxed),
    );
    assert!(
        closed.iter().filter(|&&n| n > 0).count() >= CUTS / 2,
        "`ss -K` closed connections in most cuts: {closed:?}"
    );
    assert_eq!(rows as u64, counts.acked.load(Relaxed));
}
