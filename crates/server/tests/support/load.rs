//! The fault tests' load: many live calls at once against a running `serve`,
//! each a thread that writes its transcript segments one after the other and
//! records every acknowledged write; and the check of what PostgreSQL holds.
//!
//! A segment `n` of a session has the idempotency key (`item_id`) `n`. A write
//! is acknowledged when it is answered 200 with outcome `persisted`, `spooled`
//! or `duplicate`. A write that is not (transport error: the service died or a
//! connection broke; 429/503) is sent again with the same key until it is, so
//! each session's acknowledged segments are `0..k` in that order, and the
//! database must hold exactly those, in that order, once each.
#![allow(dead_code)] // each test binary uses part of it

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};
use std::sync::{Arc, RwLock};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::pg::Cluster;
use crate::support::{try_call, TOKEN};

/// Longest time one write may take to be acknowledged, retries included.
const ACK_WITHIN: Duration = Duration::from_secs(60);

/// Where the load sends its requests; the address changes when the service is
/// restarted.
#[derive(Debug)]
pub(crate) struct Target {
    url: RwLock<String>,
}

impl Target {
    /// A target at `http://127.0.0.1:PORT`.
    pub(crate) fn new(url: &str) -> Arc<Target> {
        Arc::new(Target {
            url: RwLock::new(url.to_owned()),
        })
    }

    /// Points the load at a restarted service.
    pub(crate) fn set(&self, url: &str) {
        *self.url.write().expect("target lock") = url.to_owned();
    }

    fn get(&self) -> String {
        self.url.read().expect("target lock").clone()
    }
}

/// Counters shared by the sessions' threads.
#[derive(Debug, Default)]
pub(crate) struct Counts {
    /// Acknowledged writes.
    pub(crate) acked: AtomicU64,
    /// Of which answered `spooled`.
    pub(crate) spooled: AtomicU64,
    /// Of which answered `duplicate`.
    pub(crate) duplicate: AtomicU64,
    /// Attempts that were not acknowledged (and were sent again).
    pub(crate) failed_attempts: AtomicU64,
}

/// A running load.
pub(crate) struct Load {
    stop: Arc<AtomicBool>,
    /// Live counters.
    pub(crate) counts: Arc<Counts>,
    threads: Vec<(String, JoinHandle<Vec<String>>)>,
}

/// The body of segment `n`.
fn segment(n: usize) -> Value {
    json!({
        "role": if n % 2 == 0 { "user" } else { "assistant" },
        "text": format!("segment number {n} of the call"),
        "started_at": 1_700_000_000_000i64 + n as i64 * 1000,
        "item_id": format!("{n:05}"),
    })
}

/// Sends the request until it is answered 200 (retrying transport errors,
/// 429 and 5xx with the same body); returns the answer.
fn until_ok(target: &Target, counts: &Counts, method: &str, path: &str, body: Value) -> Value {
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(10))
        .build();
    let started = Instant::now();
    loop {
        let url = format!("{}{path}", target.get());
        match try_call(&agent, method, &url, Some(TOKEN), Some(body.clone())) {
            Ok((200, v)) => return v,
            Ok((st, v)) if st == 429 || st >= 500 => {
                let _ = v;
            }
            Ok((st, v)) => panic!("{method} {path}: unexpected {st}: {v}"),
            Err(_) => {}
        }
        counts.failed_attempts.fetch_add(1, Relaxed);
        assert!(
            started.elapsed() < ACK_WITHIN,
            "{method} {path} was not acknowledged within {ACK_WITHIN:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// One live call: consent, then segments until told to stop. Returns the
/// acknowledged keys in order.
fn call(
    id: String,
    target: Arc<Target>,
    counts: Arc<Counts>,
    stop: Arc<AtomicBool>,
) -> Vec<String> {
    let meta = json!({"consent": "ACCEPTED", "user": {"id": format!("u-{id}")}});
    until_ok(&target, &counts, "PUT", &format!("/v1/sessions/{id}"), meta);
    let path = format!("/v1/sessions/{id}/transcripts");
    let mut acked = Vec::new();
    for n in 0.. {
        if stop.load(Relaxed) {
            break;
        }
        let v = until_ok(&target, &counts, "POST", &path, segment(n));
        match v["outcome"].as_str() {
            Some("persisted") => {}
            Some("spooled") => {
                counts.spooled.fetch_add(1, Relaxed);
            }
            Some("duplicate") => {
                counts.duplicate.fetch_add(1, Relaxed);
            }
            other => panic!("segment {n} of {id}: outcome {other:?} is not an acknowledgement"),
        }
        counts.acked.fetch_add(1, Relaxed);
        acked.push(format!("{n:05}"));
        std::thread::sleep(Duration::from_millis(5));
    }
    acked
}

impl Load {
    /// Starts `sessions` live calls named `<prefix>-<i>` against the target.
    pub(crate) fn start(target: &Arc<Target>, prefix: &str, sessions: usize) -> Load {
        let stop = Arc::new(AtomicBool::new(false));
        let counts = Arc::new(Counts::default());
        let threads = (0..sessions)
            .map(|i| {
                let id = format!("{prefix}-{i:03}");
                let (t, c, s) = (Arc::clone(target), Arc::clone(&counts), Arc::clone(&stop));
                let name = id.clone();
                let h = std::thread::Builder::new()
                    .name(id.clone())
                    .spawn(move || call(name, t, c, s))
                    .expect("spawn a load thread");
                (id, h)
            })
            .collect();
        Load {
            stop,
            counts,
            threads,
        }
    }

    /// Acknowledged writes so far.
    pub(crate) fn acked(&self) -> u64 {
        self.counts.acked.load(Relaxed)
    }

    /// Waits until at least `n` more writes than now are acknowledged (bounded).
    pub(crate) fn wait_more(&self, n: u64, what: &str) {
        self.wait_counter(&self.counts.acked, n, what);
    }

    /// Waits until at least `n` more writes than now are answered `spooled`
    /// (bounded).
    pub(crate) fn wait_spooled(&self, n: u64, what: &str) {
        self.wait_counter(&self.counts.spooled, n, what);
    }

    fn wait_counter(&self, c: &AtomicU64, n: u64, what: &str) {
        let want = c.load(Relaxed) + n;
        let deadline = Instant::now() + Duration::from_secs(60);
        while c.load(Relaxed) < want {
            assert!(
                Instant::now() < deadline,
                "{what}: fewer than {n} more writes counted in a minute"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Stops the calls (each finishes the write it is on: the service must be
    /// up) and returns every session's acknowledged keys.
    pub(crate) fn finish(self) -> BTreeMap<String, Vec<String>> {
        self.stop.store(true, Relaxed);
        self.threads
            .into_iter()
            .map(|(id, h)| {
                let acked = h
                    .join()
                    .unwrap_or_else(|_| panic!("the load thread of {id} panicked"));
                (id, acked)
            })
            .collect()
    }
}

/// Polls `/healthz` until the service is `ok` with an empty spool (at most
/// `within`); returns how long it took.
pub(crate) fn wait_drained(url: &str, within: Duration) -> Duration {
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(10))
        .build();
    let started = Instant::now();
    loop {
        let last = try_call(&agent, "GET", &format!("{url}/healthz"), None, None);
        if let Ok((200, v)) = &last {
            if v["status"] == "ok" && v["spool_depth"] == 0 {
                return started.elapsed();
            }
        }
        assert!(
            started.elapsed() < within,
            "the spool was not drained within {within:?}: last /healthz {last:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Every acknowledged write is in PostgreSQL exactly once, in per-session
/// order, and nothing else is: per session, the stored keys in `seq` order are
/// the acknowledged keys. Returns the number of rows checked.
pub(crate) fn check_stored(
    pg: &Cluster,
    prefix: &str,
    acked: &BTreeMap<String, Vec<String>>,
) -> usize {
    let rows = pg.query(&format!(
        "SELECT session_id, item_id FROM realtime_store.transcripts \
         WHERE session_id LIKE '{prefix}-%' ORDER BY session_id, seq"
    ));
    let mut stored: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in &rows {
        stored.entry(r[0].clone()).or_default().push(r[1].clone());
    }
    let mut problems = Vec::new();
    for (id, want) in acked {
        let got = stored.remove(id).unwrap_or_default();
        if &got == want {
            continue;
        }
        let mut seen = BTreeMap::<&str, usize>::new();
        for k in &got {
            *seen.entry(k.as_str()).or_default() += 1;
        }
        let missing: Vec<&String> = want
            .iter()
            .filter(|k| !seen.contains_key(k.as_str()))
            .collect();
        let doubled: Vec<&&str> = seen
            .iter()
            .filter(|(_, &n)| n > 1)
            .map(|(k, _)| k)
            .collect();
        let extra: Vec<&String> = got.iter().filter(|k| !want.contains(k)).collect();
        problems.push(format!(
            "{id}: {} acknowledged, {} stored; missing {missing:?}, doubled {doubled:?}, \
             not acknowledged {extra:?}, order {}",
            want.len(),
            got.len(),
            if missing.is_empty() && doubled.is_empty() && extra.is_empty() {
                "WRONG"
            } else {
                "-"
            }
        ));
    }
    for (id, got) in stored {
        problems.push(format!(
            "{id}: {} rows of a session the load never wrote",
            got.len()
        ));
    }
    assert!(
        problems.is_empty(),
        "the database does not hold exactly the acknowledged writes:\n{}",
        problems.join("\n")
    );
    rows.len()
}
