//! The binary, end to end, on a fresh SQLite file per test.

use std::io::Write;
use std::process::{Command, Output, Stdio};

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Self {
        Env {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn url(&self) -> String {
        format!("sqlite://{}", self.dir.path().join("t.db").display())
    }

    fn run(&self, args: &[&str]) -> Output {
        self.run_stdin(args, "")
    }

    fn run_stdin(&self, args: &[&str], stdin: &str) -> Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_realtime-store"))
            .args(args)
            .env("DATABASE_URL", self.url())
            .current_dir(self.dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().expect("wait")
    }
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "failed: {}\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

fn err(o: &Output) -> String {
    assert!(!o.status.success(), "expected failure");
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn demo_stores_a_redacted_call_and_the_other_commands_see_it() {
    let e = Env::new();
    let out = ok(&e.run(&["demo", "--session-id", "demo_t1"]));
    assert!(out.contains("-> buffered"), "{out}");
    assert!(out.contains("-> duplicate"), "{out}");
    assert!(out.contains("[EMAIL]"), "{out}");
    assert!(out.contains("[CREDIT_CARD]"), "{out}");
    assert!(out.contains("status ended"), "{out}");
    assert!(out.contains("Order 88231"), "order numbers are kept: {out}");
    assert!(!out.contains("maria.garcia@example.com"), "{out}");
    assert!(!out.contains("4242 4242 4242 4242"), "{out}");

    let list = ok(&e.run(&["sessions", "list"]));
    assert!(
        list.contains("demo_t1") && list.contains("ACCEPTED"),
        "{list}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(&e.run(&["sessions", "list", "--json"]))).unwrap();
    assert_eq!(json["items"][0]["id"], "demo_t1");

    let show: serde_json::Value =
        serde_json::from_str(&ok(&e.run(&["sessions", "show", "demo_t1", "--json"]))).unwrap();
    assert_eq!(show["transcripts"].as_array().unwrap().len(), 8);
    assert_eq!(show["tool_events"].as_array().unwrap().len(), 1);
    assert_eq!(show["usage"]["totals"]["input_tokens"], 1830.0);

    let export = ok(&e.run(&["export", "--quiet"]));
    let lines: Vec<&str> = export.lines().collect();
    assert_eq!(lines.len(), 1);
    let line: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(line["session"]["id"], "demo_t1");
    assert!(!lines[0].contains("maria.garcia@example.com"));

    let file = e.dir.path().join("out.jsonl");
    ok(&e.run(&["export", "--quiet", "-o", file.to_str().unwrap()]));
    assert_eq!(std::fs::read_to_string(&file).unwrap().lines().count(), 1);

    let erased = ok(&e.run(&["erase-user", "user_maria_17", "--json"]));
    let c: serde_json::Value = serde_json::from_str(erased.trim()).unwrap();
    assert_eq!(c["users"], 1);
    assert_eq!(c["sessions"], 1);
    assert_eq!(c["transcripts"], 8);
    assert!(ok(&e.run(&["sessions", "list"])).contains("no sessions"));
}

#[test]
fn purge_keeps_recent_sessions() {
    let e = Env::new();
    ok(&e.run(&["demo", "--session-id", "recent"]));
    let out = ok(&e.run(&["purge", "--older-than", "30d", "--json"]));
    let c: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(c["sessions"], 0);
    let out = ok(&e.run(&["purge", "--older-than", "1s", "--json"]));
    let c: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(c["sessions"], 1);
}

#[test]
fn redact_filters_stdin_and_reports_offsets_without_values() {
    let e = Env::new();
    let input = "write to ann@example.org today\nnothing here\n";
    let out = ok(&e.run_stdin(&["redact"], input));
    assert_eq!(out, "write to [EMAIL] today\nnothing here\n");
    let out = ok(&e.run_stdin(&["redact", "--json"], input));
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["entities"][0]["type"], "EMAIL");
    assert_eq!(lines[0]["entities"][0]["start"], 9);
    assert_eq!(lines[0]["entities"][0]["end"], 24);
    assert!(lines[1]["entities"].as_array().unwrap().is_empty());
    assert!(!out.contains("ann@"));
    // Only some entity types.
    let out = ok(&e.run_stdin(&["redact", "--entities", "PHONE"], input));
    assert!(out.contains("ann@example.org"));
    let msg = err(&e.run_stdin(&["redact", "--entities", "NOPE"], input));
    assert!(msg.contains("--entities"), "{msg}");
}

#[test]
fn bad_input_is_named() {
    let e = Env::new();
    assert!(err(&e.run(&["purge", "--older-than", "soon"])).contains("--older-than"));
    assert!(err(&e.run(&["sessions", "list", "--consent", "MAYBE"])).contains("--consent"));
    assert!(err(&e.run(&["sessions", "list", "--since", "yesterday"])).contains("--since"));
    assert!(err(&e.run(&["sessions", "show", "no such id"])).contains("session_id"));
    assert!(err(&e.run(&["sessions", "show", "missing"])).contains("no session"));
    let msg = err(&e.run(&["--database-url", "mysql://u:pw@h/db", "migrate"]));
    assert!(msg.contains("unsupported"), "{msg}");
    assert!(!msg.contains("pw@"), "passwords are not printed: {msg}");
}

#[test]
fn migrate_creates_the_database() {
    let e = Env::new();
    let out = ok(&e.run(&["migrate"]));
    assert!(out.contains("up to date"), "{out}");
    assert!(e.dir.path().join("t.db").exists());
}

#[test]
fn help_explains_every_command() {
    let e = Env::new();
    let out = ok(&e.run(&["--help"]));
    for c in [
        "demo",
        "migrate",
        "sessions",
        "export",
        "erase-user",
        "purge",
        "redact",
        "DATABASE_URL",
    ] {
        assert!(out.contains(c), "--help lacks {c}");
    }
}

/// `bench` on a small workload: every phase replays the same calls, so each
/// persists the same number of events; `--json` is machine-readable; the bench
/// databases are removed afterwards.
#[test]
fn bench_replays_the_same_workload_through_every_path() {
    let env = Env::new();
    let out = env.run(&[
        "bench",
        "--sessions",
        "80",
        "--live",
        "16",
        "--baseline",
        "--ingest",
        "--profile",
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let events = v["events"].as_u64().unwrap();
    assert_eq!(
        events,
        80 * 47,
        "40 segments, 4 tools, 1 summary, 2 usage per call"
    );
    for phase in ["append", "naive", "ingest"] {
        assert_eq!(v[phase]["appends"].as_u64(), Some(events), "{phase}");
    }
    let persisted = v["append"]["persisted"].as_u64().unwrap();
    assert!(
        persisted > 0 && persisted < events,
        "some calls are not ACCEPTED"
    );
    assert_eq!(v["naive"]["persisted"].as_u64(), Some(persisted));
    assert_eq!(v["ingest"]["persisted"].as_u64(), Some(persisted));
    assert!(v["ratio_vs_naive"].as_f64().unwrap() > 0.0);
    assert!(v["read"]["rows"].as_u64().unwrap() > 0);
    assert!(
        v["redactions"].as_u64().unwrap() > 0,
        "the workload carries PII"
    );
    assert!(v["peak_rss_bytes"].as_u64().unwrap() > 0);
    assert!(String::from_utf8_lossy(&out.stderr).contains("bench: 80 sessions"));
    let left: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("bench"))
        .collect();
    assert!(left.is_empty(), "bench databases removed");
}

#[test]
fn bench_rejects_zero_sessions_naming_the_option() {
    let env = Env::new();
    let out = env.run(&["bench", "--sessions", "0"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--sessions"));
}
