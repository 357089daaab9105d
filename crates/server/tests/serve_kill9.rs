//! `kill -9` of `serve` at 24 random moments under a 64-session load over a
//! private PostgreSQL cluster, restarted each time over the same database and
//! the same spool file. The moments fall in three phases, round after round:
//! normal writes with the database up, while writes are spooled (the database
//! stopped with `pg_ctl stop -m immediate`), and during the replay right after
//! the database is back (every other round the service is restarted during the
//! outage, answers `degraded` and replays when the database returns; in the
//! others it is restarted over the full spool once the database is back). The
//! seed is printed (`FAULTS_SEED=<n>` runs the same moments again).
//!
//! The load sends a write that was not acknowledged (the process died under it)
//! again with the same idempotency key. At the end every acknowledged write is
//! in the database exactly once, in per-session order, nothing else is; every
//! start opened the database and the spool cleanly (no error on stderr, no file
//! moved aside).

#[path = "support/load.rs"]
mod load;
#[path = "support/pg.rs"]
mod pg;
mod support;

use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering::Relaxed;
use std::time::Duration;

use load::{check_stored, wait_drained, Load, Target};
use pg::Cluster;
use rand::{Rng, SeedableRng};
use support::Server;

const SESSIONS: usize = 64;
/// Each round kills twice with the database up, once while spooling and once
/// during the replay.
const ROUNDS: usize = 6;

/// The service's stderr, read from where the last start left off.
struct Log {
    path: PathBuf,
    read: usize,
}

impl Log {
    /// What was written since the last call; panics on a sign that the database
    /// or the spool did not open cleanly.
    fn check_new(&mut self, what: &str) -> String {
        let all = std::fs::read_to_string(&self.path).unwrap_or_default();
        let new = plain(&all[self.read..]);
        self.read = all.len();
        for line in new.lines() {
            // A request answered 503 while the database is down is logged as
            // an error of that request; nothing else may be.
            let answered_503 = line.contains("tower_http::trace::on_failure")
                || line.contains("api_error: store temporarily unavailable");
            for bad in ["ERROR", "panicked", "corrupt", "moved aside", "Error:"] {
                assert!(
                    !line.contains(bad) || (bad == "ERROR" && answered_503),
                    "{what}: the service's stderr shows `{bad}`: {line}"
                );
            }
        }
        new
    }
}

/// The text without its terminal colour codes (`ESC [ ... m`).
fn plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Starts `serve` over the database and the spool; panics (showing its stderr)
/// when it does not start.
fn start(pg: &Cluster, spool: &Path, log: &mut Log, what: &str) -> Server {
    let spool = spool.display().to_string();
    let started = catch_unwind(AssertUnwindSafe(|| {
        Server::start_logged(
            tempfile::tempdir().unwrap(),
            &pg.url(),
            &["--spool", &spool],
            Some(support::TOKEN),
            Some(&log.path),
        )
    }));
    match started {
        Ok(s) => {
            let out = log.check_new(what);
            assert!(
                out.contains("fallback spool at"),
                "{what}: the spool was opened: {out}"
            );
            s
        }
        Err(p) => {
            eprintln!(
                "{what}: serve did not start; its stderr:\n{}",
                log.check_new(what)
            );
            resume_unwind(p)
        }
    }
}

/// `kill -9`, then a check of what it wrote before dying.
fn kill9(mut s: Server, log: &mut Log, what: &str) {
    s.child.kill().expect("kill -9 the service");
    let _ = s.child.wait();
    log.check_new(what);
}

/// The spool depth `/healthz` reports now (0 when it does not answer).
fn spool_depth(s: &Server) -> u64 {
    let agent = s.agent();
    match support::try_call(&agent, "GET", &format!("{}/healthz", s.url), None, None) {
        Ok((_, v)) => v["spool_depth"].as_u64().unwrap_or(0),
        Err(_) => 0,
    }
}

#[test]
fn kill_9_at_random_moments_loses_and_doubles_nothing() {
    let seed: u64 = std::env::var("FAULTS_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    println!("kill -9 moments: FAULTS_SEED={seed}");
    let mut rng = rand::rngs::SmallRng::seed_from_u64(seed);

    let pg = Cluster::start();
    let keep = tempfile::tempdir().unwrap();
    let spool = keep.path().join("spool.db");
    let mut log = Log {
        path: keep.path().join("serve.stderr"),
        read: 0,
    };
    let mut s = start(&pg, &spool, &mut log, "first start");
    let target = Target::new(&s.url);
    let load = Load::start(&target, "k9", SESSIONS);
    load.wait_more(SESSIONS as u64, "before the first kill");

    let mut kills = Vec::new();
    let mut replay_depths = Vec::new();
    let mut spooling_after = Vec::new();
    for round in 0..ROUNDS {
        for k in 0..2 {
            let what = format!("round {round}, kill {k} with the database up");
            std::thread::sleep(Duration::from_millis(rng.gen_range(50..500)));
            kill9(s, &mut log, &what);
            kills.push(what.clone());
            s = start(&pg, &spool, &mut log, &format!("restart after {what}"));
            target.set(&s.url);
            load.wait_more(SESSIONS as u64 / 2, &what);
        }

        let what = format!("round {round}, kill while spooling");
        pg.stop_immediate();
        let stopped = std::time::Instant::now();
        load.wait_spooled(SESSIONS as u64 * 3, &what);
        spooling_after.push(stopped.elapsed());
        std::thread::sleep(Duration::from_millis(rng.gen_range(0..400)));
        kill9(s, &mut log, &what);
        kills.push(what.clone());

        let what = format!("round {round}, kill during the replay");
        if round % 2 == 0 {
            // The service starts during the outage (it answers, degraded, and
            // holds the spool), then the database comes back and the running
            // service replays; kill it in the middle.
            s = start(&pg, &spool, &mut log, "restart during the outage");
            target.set(&s.url);
            let (st, h) = s.call("GET", "/healthz", None);
            assert_eq!((st, h["status"].as_str()), (200, Some("degraded")), "{h}");
            pg.pg_start();
            std::thread::sleep(Duration::from_millis(rng.gen_range(0..300)));
        } else {
            // The service starts over the full spool with the database back:
            // the replay begins at once; kill it in the middle.
            pg.pg_start();
            s = start(&pg, &spool, &mut log, &format!("restart for {what}"));
            target.set(&s.url);
            std::thread::sleep(Duration::from_millis(rng.gen_range(0..60)));
        }
        replay_depths.push(spool_depth(&s));
        kill9(s, &mut log, &what);
        kills.push(what.clone());
        s = start(&pg, &spool, &mut log, &format!("restart after {what}"));
        target.set(&s.url);
        load.wait_more(SESSIONS as u64 / 2, &what);
    }

    let counts = load.counts.clone();
    let acked = load.finish();
    let drained = wait_drained(&s.url, Duration::from_secs(60));
    let rows = check_stored(&pg, "k9", &acked);
    println!(
        "kill -9: {} kills (seed {seed}); spool depth just before each replay kill \
         {replay_depths:?}; writes spooled after the stop within {spooling_after:?}; \
         {} acknowledged ({} spooled, {} duplicate, {} attempts sent \
         again); drained {drained:?} after the load; {rows} rows checked",
        kills.len(),
        counts.acked.load(Relaxed),
        counts.spooled.load(Relaxed),
        counts.duplicate.load(Relaxed),
        counts.failed_attempts.load(Relaxed),
    );
    assert!(kills.len() >= 20);
    assert_eq!(rows as u64, counts.acked.load(Relaxed));
    assert!(
        replay_depths.iter().any(|&d| d > 0),
        "some kills fell while the spool was being replayed: {replay_depths:?}"
    );
    let aside: Vec<_> = std::fs::read_dir(keep.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("corrupt"))
        .collect();
    assert!(aside.is_empty(), "no spool file was moved aside: {aside:?}");
    s.signal("TERM");
    assert_eq!(s.wait_exit(Duration::from_secs(30)), Some(0));
    log.check_new("the final SIGTERM");
}
