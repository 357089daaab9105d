//! `serve` over PostgreSQL while the database is FROZEN: in the middle of a
//! 64-session load the private cluster's postmaster and every child get
//! `kill -STOP` (sockets stay open, nothing answers), are held 8 s, then
//! `kill -CONT`. The service keeps answering (writes the database does not
//! answer are spooled), and once the spool is drained every acknowledged write
//! is in PostgreSQL exactly once, in per-session order.

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
const FROZEN_FOR: Duration = Duration::from_secs(8);

#[test]
fn a_frozen_database_loses_and_doubles_nothing() {
    let pg = Cluster::start();
    // The default fallback spool: `realtime-store-spool.db` in the working directory.
    let s = Server::start_on(
        tempfile::tempdir().unwrap(),
        &pg.url(),
        &[],
        Some(support::TOKEN),
    );
    assert!(s.dir.path().join("realtime-store-spool.db").exists());
    let target = Target::new(&s.url);
    let load = Load::start(&target, "frozen", SESSIONS);
    load.wait_more(SESSIONS as u64 * 5, "before the freeze");

    let before = load.acked();
    let stopped = pg.freeze();
    let frozen_at = Instant::now();
    // The service keeps answering: writes the database does not answer are
    // spooled (after the spool's primary timeout, 5 s).
    load.wait_spooled(SESSIONS as u64, "while the database is frozen");
    let spooling_after = frozen_at.elapsed();
    std::thread::sleep(FROZEN_FOR.saturating_sub(frozen_at.elapsed()));
    let during = load.acked() - before;
    pg.thaw();
    let thawed_after = frozen_at.elapsed();

    load.wait_more(SESSIONS as u64 * 5, "after the thaw");
    let counts = load.counts.clone();
    let acked = load.finish();
    let drained = wait_drained(&s.url, Duration::from_secs(60));
    let rows = check_stored(&pg, "frozen", &acked);
    println!(
        "frozen: {stopped} processes stopped for {thawed_after:?}; writes spooled after \
         {spooling_after:?}; {during} writes acknowledged while frozen; {} acknowledged in all ({} spooled, {} duplicate, {} attempts sent again); \
         drained {drained:?} after the load; {rows} rows checked",
        counts.acked.load(Relaxed),
        counts.spooled.load(Relaxed),
        counts.duplicate.load(Relaxed),
        counts.failed_attempts.load(Relaxed),
    );
    assert!(stopped > 1, "the postmaster and its children were stopped");
    assert_eq!(rows as u64, counts.acked.load(Relaxed));
}
