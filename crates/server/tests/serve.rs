//! `realtime-store serve`, the real binary on a free port: auth from env and file,
//! refusal without a token off loopback, `--demo`, graceful shutdown under load.

mod support;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{json, Value};
use support::{binary, call, recent, try_call, Server, TOKEN};

#[test]
fn refuses_a_public_address_without_a_token() {
    let dir = tempfile::tempdir().unwrap();
    let out = binary()
        .args(["serve", "--listen", "0.0.0.0:0"])
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.path().join("t.db").display()),
        )
        .env_remove("REALTIME_STORE_TOKEN")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("refusing to listen on 0.0.0.0:0 without a bearer token"),
        "{err}"
    );
    assert!(
        err.contains("REALTIME_STORE_TOKEN") && err.contains("--token-file"),
        "{err}"
    );

    let out = binary()
        .args(["serve", "--listen", "127.0.0.1:0"])
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.path().join("t.db").display()),
        )
        .env("REALTIME_STORE_TOKEN", "short")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("at least 16 characters") && !err.contains("short\n"),
        "{err}"
    );
}

#[test]
fn the_token_from_the_environment_guards_the_api() {
    let s = Server::start(&[]);
    let agent = s.agent();
    let (st, body) = call(&agent, "GET", &format!("{}/v1/sessions", s.url), None, None);
    assert_eq!(st, 401);
    assert_eq!(body["error"]["code"], "unauthorized");
    let (st, _) = call(
        &agent,
        "GET",
        &format!("{}/v1/sessions", s.url),
        Some("wrong-token-0123456789"),
        None,
    );
    assert_eq!(st, 401);
    assert_eq!(s.call("GET", "/v1/sessions", None).0, 200);
    let (st, h) = call(&agent, "GET", &format!("{}/healthz", s.url), None, None);
    assert_eq!((st, h["status"].as_str()), (200, Some("ok")));
}

#[test]
fn the_token_from_a_file_guards_the_api() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("token");
    std::fs::write(&file, format!("{TOKEN}\n")).unwrap();
    let file = file.display().to_string();
    let mut s = Server::start_in(dir, &["--token-file", &file], None);
    s.token = Some(TOKEN.into());
    assert_eq!(s.call("GET", "/v1/sessions", None).0, 200);
    let (st, _) = call(
        &s.agent(),
        "GET",
        &format!("{}/v1/sessions", s.url),
        None,
        None,
    );
    assert_eq!(st, 401);
}

#[test]
fn demo_seeds_an_empty_database_once() {
    let s = Server::start(&["--demo"]);
    let (st, page) = s.call("GET", "/v1/sessions", None);
    assert_eq!(st, 200);
    let items = page["items"].as_array().unwrap().clone();
    assert_eq!(items.len(), 1);
    let id = items[0]["id"].as_str().unwrap().to_owned();
    let (_, t) = s.call("GET", &format!("/v1/sessions/{id}/transcripts"), None);
    let texts: Vec<&str> = t["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["text"].as_str().unwrap())
        .collect();
    assert!(texts.iter().any(|x| x.contains("[EMAIL]")), "{texts:?}");
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(s.dir.path().join("t.db"), dir.path().join("t.db")).unwrap();
    drop(s);
    let s2 = Server::start_in(dir, &["--demo"], Some(TOKEN));
    assert_eq!(
        s2.call("GET", "/v1/sessions", None).1["items"]
            .as_array()
            .unwrap()
            .len(),
        1,
        "seeded only when empty"
    );
}

#[test]
fn sigterm_mid_load_drains_and_keeps_every_acknowledged_write() {
    let mut s = Server::start(&[]);
    for w in 0..4 {
        let (st, _) = s.call(
            "PUT",
            &format!("/v1/sessions/load_{w}"),
            Some(json!({"consent": "ACCEPTED", "user": {"id": "user_load"}})),
        );
        assert_eq!(st, 200);
    }
    let acked: Arc<Mutex<Vec<(usize, String)>>> = Arc::default();
    let started = Arc::new(AtomicBool::new(false));
    let mut workers = Vec::new();
    for w in 0..4 {
        let (url, acked, started) = (s.url.clone(), acked.clone(), started.clone());
        workers.push(std::thread::spawn(move || {
            let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(10)).build();
            for i in 0..100_000 {
                let item = format!("w{w}_i{i}");
                let seg = json!({"item_id": item, "role": "user", "text": format!("line {i}"), "started_at": recent()});
                match try_call(&agent, "POST", &format!("{url}/v1/sessions/load_{w}/transcripts"), Some(TOKEN), Some(seg)) {
                    Ok((200, b)) if b["outcome"] == "persisted" => {
                        acked.lock().unwrap().push((w, item));
                        started.store(true, Ordering::SeqCst);
                    }
                    Ok((st, b)) => panic!("unexpected answer {st}: {b}"),
                    Err(_) => return, // the server closed: stop
                }
            }
        }));
    }
    while acked.lock().unwrap().len() < 200 {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(started.load(Ordering::SeqCst));
    s.signal("TERM");
    let code = s.wait_exit(Duration::from_secs(30));
    for w in workers {
        w.join().expect("worker");
    }
    assert_eq!(code, Some(0), "serve exits 0 after SIGTERM");

    // Every acknowledged write is in the database.
    let out = binary()
        .args(["export", "--quiet"])
        .env("DATABASE_URL", s.db_url())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut stored = std::collections::HashSet::new();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        for t in v["transcripts"].as_array().unwrap() {
            stored.insert(t["item_id"].as_str().unwrap().to_owned());
        }
    }
    let acked = acked.lock().unwrap();
    let missing: Vec<_> = acked.iter().filter(|(_, i)| !stored.contains(i)).collect();
    assert!(
        missing.is_empty(),
        "{} acknowledged writes lost, e.g. {:?}",
        missing.len(),
        &missing[..missing.len().min(5)]
    );
}

#[test]
fn sigint_on_an_idle_server_exits_zero() {
    let mut s = Server::start(&[]);
    assert_eq!(s.call("GET", "/healthz", None).0, 200);
    s.signal("INT");
    assert_eq!(s.wait_exit(Duration::from_secs(30)), Some(0));
}

#[test]
fn export_vcon_from_the_cli_validates_against_the_schema() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let out = binary()
        .args(["demo", "--session-id", "demo_v"])
        .env("DATABASE_URL", &url)
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = binary()
        .args(["export", "--format", "vcon", "--quiet"])
        .env("DATABASE_URL", &url)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../http/tests/data/vcon_json_schema.json")).unwrap();
    let v = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1);
    let vcon: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    let errors: Vec<String> = v.iter_errors(&vcon).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert!(vcon["dialog"].as_array().unwrap().len() >= 5);
    assert!(!lines[0].contains("maria.garcia@example.com"));
}

/// `bench --url` drives a running service over HTTP: every event of the workload
/// is answered, the accepted calls are stored whole (their transcripts read back
/// through the API), ingest persists as much as the appends, and the service's
/// peak memory comes from its `/metrics`. A wrong token fails with the status.
#[test]
fn bench_url_drives_a_running_service() {
    let s = Server::start(&[]);
    let bench = |token: &str| {
        binary()
            .args([
                "bench",
                "--url",
                &s.url,
                "--sessions",
                "80",
                "--live",
                "8",
                "--ingest",
                "--json",
            ])
            .env("REALTIME_STORE_TOKEN", token)
            .output()
            .expect("run bench")
    };
    let out = bench(TOKEN);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(v["backend"], "http");
    let events = v["events"].as_u64().unwrap();
    assert_eq!(v["append"]["appends"].as_u64(), Some(events));
    let persisted = v["append"]["persisted"].as_u64().unwrap();
    assert!(
        persisted > 0 && persisted < events,
        "some calls are not ACCEPTED"
    );
    assert_eq!(persisted % 47, 0, "an accepted call is stored whole");
    assert_eq!(
        v["read"]["rows"].as_u64(),
        Some(persisted / 47 * 40),
        "every stored segment read back through the API"
    );
    assert_eq!(v["ingest"]["persisted"].as_u64(), Some(persisted));
    assert!(v["server_peak_rss_bytes"].as_u64().unwrap() > 0);
    // The calls are in the service's database, not in a bench copy.
    let (st, page) = s.call("GET", "/v1/sessions?limit=1000", None);
    assert_eq!(st, 200);
    let stored = page["items"].as_array().unwrap().len() as u64;
    assert_eq!(stored, 2 * persisted / 47, "append and ingest calls stored");

    let out = bench("not-the-token");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("401"), "{err}");
    assert!(!err.contains("not-the-token"), "the token is never printed");
}
