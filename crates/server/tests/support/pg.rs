//! A private PostgreSQL cluster per test (initdb + pg_ctl on a free loopback
//! port, as the `postgres` user), with the faults the outage tests inject:
//! stopped (`pg_ctl stop -m immediate`), frozen (`kill -STOP` of the postmaster
//! and its children) and its connections cut (`ss -K`); and `psql` to read
//! what was stored.
#![allow(dead_code)] // each test binary uses part of it

use std::path::{Path, PathBuf};
use std::process::Command;

/// A private PostgreSQL cluster, stopped and removed on drop (thawed first if
/// frozen).
pub(crate) struct Cluster {
    bindir: PathBuf,
    dir: tempfile::TempDir,
    /// The loopback port it listens on.
    pub(crate) port: u16,
}

fn bindir() -> PathBuf {
    for v in ["17", "16", "15", "14"] {
        let p = PathBuf::from(format!("/usr/lib/postgresql/{v}/bin"));
        if p.join("initdb").exists() {
            return p;
        }
    }
    panic!("no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (CI installs them)");
}

fn as_postgres(bin: &Path) -> Command {
    // initdb and the server refuse root: run them as the `postgres` user.
    let mut c = Command::new("runuser");
    c.args(["-u", "postgres", "--"]).arg(bin);
    c
}

/// Runs the command; panics with its stderr when it fails. Returns stdout.
pub(crate) fn ok(mut c: Command, what: &str) -> String {
    let out = c.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Sends `sig` (`STOP`, `CONT`) to the processes.
fn signal_all(pids: &[u32], sig: &str) {
    if pids.is_empty() {
        return;
    }
    let mut c = Command::new("kill");
    c.arg(format!("-{sig}"))
        .args(pids.iter().map(u32::to_string));
    ok(c, &format!("kill -{sig}"));
}

impl Cluster {
    /// initdb in a fresh directory and start on a free port.
    pub(crate) fn start() -> Cluster {
        let bindir = bindir();
        let dir = tempfile::tempdir().unwrap();
        let mut c = Command::new("chown");
        c.arg("postgres:postgres").arg(dir.path());
        ok(c, "chown");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut c = as_postgres(&bindir.join("initdb"));
        c.arg("-D").arg(dir.path().join("data")).args([
            "-U",
            "postgres",
            "-A",
            "trust",
            "--no-sync",
            "--locale=C",
        ]);
        ok(c, "initdb");
        let cluster = Cluster { bindir, dir, port };
        cluster.pg_start();
        cluster
    }

    /// `pg_ctl start` (waits until it accepts connections).
    pub(crate) fn pg_start(&self) {
        let mut c = as_postgres(&self.bindir.join("pg_ctl"));
        c.arg("-D")
            .arg(self.data())
            .arg("-l")
            .arg(self.dir.path().join("server.log"))
            .args(["-w", "-t", "60", "-o"])
            .arg(format!(
                "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off",
                self.port,
                self.dir.path().display()
            ))
            .arg("start");
        ok(c, "pg_ctl start");
    }

    /// `pg_ctl stop -m immediate`: the server dies without a checkpoint and every
    /// connection is cut, as in a crash.
    pub(crate) fn stop_immediate(&self) {
        let mut c = as_postgres(&self.bindir.join("pg_ctl"));
        c.arg("-D")
            .arg(self.data())
            .args(["-m", "immediate", "-w", "stop"]);
        ok(c, "pg_ctl stop -m immediate");
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// The postmaster's pid (first line of `postmaster.pid`).
    pub(crate) fn postmaster_pid(&self) -> u32 {
        let text = std::fs::read_to_string(self.data().join("postmaster.pid"))
            .expect("postmaster.pid (is the cluster running?)");
        text.lines()
            .next()
            .and_then(|l| l.trim().parse().ok())
            .expect("a pid on the first line of postmaster.pid")
    }

    /// The postmaster's children (backends, checkpointer, walwriter, ...).
    pub(crate) fn children(&self) -> Vec<u32> {
        let out = Command::new("pgrep")
            .arg("-P")
            .arg(self.postmaster_pid().to_string())
            .output()
            .expect("pgrep");
        // pgrep exits 1 when nothing matched: no children is an empty list.
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .filter_map(|p| p.parse().ok())
            .collect()
    }

    /// `kill -STOP` of the postmaster (first, so it forks no new child) and of
    /// every child: the server keeps its sockets open and answers nothing.
    /// Returns how many processes were stopped.
    pub(crate) fn freeze(&self) -> usize {
        let pm = self.postmaster_pid();
        signal_all(&[pm], "STOP");
        let kids = self.children();
        signal_all(&kids, "STOP");
        1 + kids.len()
    }

    /// `kill -CONT` of the children and the postmaster.
    pub(crate) fn thaw(&self) {
        signal_all(&self.children(), "CONT");
        signal_all(&[self.postmaster_pid()], "CONT");
    }

    /// Cuts every TCP connection to or from the server's port with `ss -K`
    /// (both ends: the clients' sockets and the backends'). Returns how many
    /// sockets were closed.
    pub(crate) fn cut_connections(&self) -> usize {
        let port = format!(":{}", self.port);
        let mut closed = 0;
        for filter in [
            ["dst", "127.0.0.1", "dport", "=", port.as_str()],
            ["src", "127.0.0.1", "sport", "=", port.as_str()],
        ] {
            let mut c = Command::new("ss");
            c.args(["-K", "-t", "-n"]).args(filter);
            // `ss -K` prints a header, then one line per socket it closed.
            closed += ok(c, "ss -K").lines().skip(1).count();
        }
        closed
    }

    /// The server's `postgres://` URL.
    pub(crate) fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// Runs one query with `psql` (unaligned, tuples only, `|` between fields):
    /// one `Vec` of fields per row.
    pub(crate) fn query(&self, sql: &str) -> Vec<Vec<String>> {
        let mut c = Command::new(self.bindir.join("psql"));
        c.args(["-X", "-q", "-A", "-t", "-F", "|", "-v", "ON_ERROR_STOP=1"])
            .args(["-h", "127.0.0.1", "-U", "postgres", "-d", "postgres"])
            .arg("-p")
            .arg(self.port.to_string())
            .arg("-c")
            .arg(sql);
        ok(c, "psql")
            .lines()
            .filter(|l| !l.is_empty())
            .map(|l| l.split('|').map(str::to_owned).collect())
            .collect()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        // A frozen server would not stop: continue it first (harmless otherwise).
        if let Ok(text) = std::fs::read_to_string(self.data().join("postmaster.pid")) {
            if let Some(pm) = text.lines().next().map(str::trim) {
                let _ = Command::new("pkill").args(["-CONT", "-P", pm]).status();
                let _ = Command::new("kill").args(["-CONT", pm]).status();
            }
        }
        let mut c = as_postgres(&self.bindir.join("pg_ctl"));
        c.arg("-D")
            .arg(self.data())
            .args(["-m", "immediate", "stop"]);
        let _ = c.output();
    }
}
