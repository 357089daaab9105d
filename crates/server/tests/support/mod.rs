//! Starts the real `realtime-store serve` on a free port, and a tiny HTTP client.
#![allow(dead_code)] // each test binary uses part of it

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::Value;

pub(crate) const TOKEN: &str = "serve-test-token-0123456789";

/// A running server, killed on drop if still running.
pub(crate) struct Server {
    pub(crate) child: Child,
    /// `http://127.0.0.1:PORT`
    pub(crate) url: String,
    pub(crate) dir: tempfile::TempDir,
    pub(crate) token: Option<String>,
    pub(crate) stdout: mpsc::Receiver<String>,
}

pub(crate) fn binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_realtime-store"))
}

impl Server {
    /// Starts `serve` on 127.0.0.1:0 over a fresh SQLite file, with `TOKEN`.
    pub(crate) fn start(extra: &[&str]) -> Server {
        Self::start_in(tempfile::tempdir().expect("temp dir"), extra, Some(TOKEN))
    }

    pub(crate) fn start_in(dir: tempfile::TempDir, extra: &[&str], token: Option<&str>) -> Server {
        let url = format!("sqlite://{}", dir.path().join("t.db").display());
        Self::start_on(dir, &url, extra, token)
    }

    /// Starts `serve` over the database at `url`, working directory `dir`.
    pub(crate) fn start_on(
        dir: tempfile::TempDir,
        url: &str,
        extra: &[&str],
        token: Option<&str>,
    ) -> Server {
        Self::start_logged(dir, url, extra, token, None)
    }

    /// As [`start_on`](Self::start_on), with the server's stderr appended to
    /// the file `stderr` (inherited when `None`).
    pub(crate) fn start_logged(
        dir: tempfile::TempDir,
        url: &str,
        extra: &[&str],
        token: Option<&str>,
        stderr: Option<&std::path::Path>,
    ) -> Server {
        let mut cmd = binary();
        cmd.arg("serve")
            .args(["--listen", "127.0.0.1:0"])
            .args(extra)
            .env("DATABASE_URL", url)
            .env_remove("REALTIME_STORE_TOKEN")
            .env_remove("REALTIME_STORE_LISTEN")
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(match stderr {
                Some(path) => Stdio::from(
                    std::fs::OpenOptions::new()
                        .create(true)
                        .append(true)
                        .open(path)
                        .expect("the server's stderr file"),
                ),
                None => Stdio::inherit(),
            });
        if let Some(t) = token {
            cmd.env("REALTIME_STORE_TOKEN", t);
        }
        let mut child = cmd.spawn().expect("spawn realtime-store serve");
        let out = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let url = loop {
            let line = rx
                .recv_timeout(Duration::from_secs(60))
                .expect("serve printed its address within a minute");
            if let Some(rest) = line.split("listening on ").nth(1) {
                break rest.split_whitespace().next().unwrap().to_owned();
            }
        };
        Server {
            child,
            url,
            dir,
            token: token.map(str::to_owned),
            stdout: rx,
        }
    }

    pub(crate) fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Sends a signal (`TERM`, `INT`) to the server.
    pub(crate) fn signal(&self, sig: &str) {
        let ok = Command::new("kill")
            .arg(format!("-{sig}"))
            .arg(self.pid().to_string())
            .status()
            .expect("kill");
        assert!(ok.success(), "kill -{sig}");
    }

    /// Waits for the process to exit (bounded), returning its exit code.
    pub(crate) fn wait_exit(&mut self, within: Duration) -> Option<i32> {
        let deadline = std::time::Instant::now() + within;
        loop {
            if let Some(st) = self.child.try_wait().expect("try_wait") {
                return st.code();
            }
            assert!(
                std::time::Instant::now() < deadline,
                "serve did not exit within {within:?}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub(crate) fn db_url(&self) -> String {
        format!("sqlite://{}", self.dir.path().join("t.db").display())
    }

    pub(crate) fn agent(&self) -> ureq::Agent {
        ureq::AgentBuilder::new()
            .timeout(Duration::from_secs(30))
            .build()
    }

    /// A request with the token; answers (status, JSON body or Null).
    pub(crate) fn call(&self, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
        call(
            &self.agent(),
            method,
            &format!("{}{path}", self.url),
            self.token.as_deref(),
            body,
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// One HTTP request; (status, JSON body or Null). Transport errors panic.
pub(crate) fn call(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> (u16, Value) {
    try_call(agent, method, url, token, body).unwrap_or_else(|e| panic!("{method} {url}: {e}"))
}

/// One HTTP request; Err on transport errors (connection refused or reset).
pub(crate) fn try_call(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> Result<(u16, Value), String> {
    let mut req = agent.request(method, url);
    if let Some(t) = token {
        req = req.set("Authorization", &format!("Bearer {t}"));
    }
    let res = match body {
        Some(b) => req.send_json(b),
        None => req.call(),
    };
    let res = match res {
        Ok(r) => r,
        Err(ureq::Error::Status(_, r)) => r,
        Err(e) => return Err(e.to_string()),
    };
    let status = res.status();
    let text = res.into_string().map_err(|e| e.to_string())?;
    Ok((status, serde_json::from_str(&text).unwrap_or(Value::Null)))
}

/// Epoch ms a minute ago.
pub(crate) fn recent() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
        - 60_000
}
