//! A real Citus cluster for tests: a coordinator and two workers started from the
//! local PostgreSQL binaries (with Citus installed, see `.ci/install-citus`) on
//! free ports under a temporary directory, and stopped and deleted when dropped
//! (the shared one of [`cluster`]: by a watchdog once the test process exits).
//!
//! Each node: `initdb`, `shared_preload_libraries = 'citus'`, `CREATE EXTENSION
//! citus`; then on the coordinator `citus_set_coordinator_host` and
//! `citus_add_node` for each worker. Tests share one cluster per test binary and
//! use a schema of their own ([`fresh_schema`], [`fixture`]); 4 shards per table
//! keep distribution quick.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use realtime_store::{PostgresOptions, PostgresStore};
use sqlx::postgres::PgConnection;
use sqlx::Connection;
use tokio::sync::OnceCell;

use crate::pg::{as_owner, find_bindir, free_port, is_root, run, unique_schema, TestSchema};
use crate::Fixture;

const INSTALL_HINT: &str = "install Citus into PostgreSQL 15 with `.ci/install-citus` \
     (it runs ../shared/citus/install-citus.sh)";

/// Settings of a test cluster.
#[derive(Debug, Clone)]
pub struct ClusterConfig {
    /// `citus.recover_2pc_interval` (`"1s"` by default, so that a prepared
    /// transaction left by a killed connection is resolved quickly; `"-1"` keeps
    /// every 2PC record in `pg_dist_transaction`, for tests that count them).
    pub recover_2pc_interval: String,
    /// `citus.shard_count` (default 4).
    pub shard_count: u32,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            recover_2pc_interval: "1s".to_owned(),
            shard_count: 4,
        }
    }
}

/// A running cluster: coordinator and two workers. Dropping it stops the
/// servers and deletes their directory.
#[derive(Debug)]
pub struct CitusCluster {
    dir: PathBuf,
    bindir: PathBuf,
    root: bool,
    ports: [u16; 3],
}

impl CitusCluster {
    /// Starts a cluster (blocking; a few seconds).
    pub fn start(cfg: &ClusterConfig) -> Result<CitusCluster, String> {
        let bindir = find_bindir().ok_or("no PostgreSQL server binaries (initdb, pg_ctl) found")?;
        let lib = std::process::Command::new(bindir.join("pg_config"))
            .arg("--pkglibdir")
            .output()
            .ok()
            .map(|o| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()))
            .unwrap_or_else(|| PathBuf::from("/usr/lib/postgresql/15/lib"));
        if !lib.join("citus.so").is_file()
            && !PathBuf::from("/usr/lib/postgresql/15/lib/citus.so").is_file()
        {
            return Err(format!(
                "Citus is not installed (no citus.so); {INSTALL_HINT}"
            ));
        }
        let root = is_root();
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let dir = std::env::temp_dir().join(format!(
            "realtime-store-citus-{}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        if root {
            let mut c = Command::new("chown");
            c.args(["postgres:postgres"]).arg(&dir);
            run(c, "chown of the cluster directory")?;
        }
        let mut cluster = CitusCluster {
            dir,
            bindir,
            root,
            ports: [0; 3],
        };
        for (i, name) in ["coordinator", "worker1", "worker2"].iter().enumerate() {
            let data = cluster.dir.join(name);
            let mut c = as_owner(root, &cluster.bindir.join("initdb"));
            c.arg("-D").arg(&data).args([
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ]);
            run(c, "initdb")?;
            let mut last = String::new();
            let mut started = false;
            for _ in 0..3 {
                let port = free_port()?;
                let mut c = as_owner(root, &cluster.bindir.join("pg_ctl"));
                c.arg("-D")
                    .arg(&data)
                    .arg("-l")
                    .arg(cluster.dir.join(format!("{name}.log")))
                    .args(["-w", "-t", "60", "-o"])
                    .arg(format!(
                        "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off \
                         -c max_connections=300 -c max_prepared_transactions=300 \
                         -c shared_preload_libraries=citus -c citus.shard_count={} \
                         -c citus.recover_2pc_interval={} -c citus.enable_stat_counters=on",
                        cluster.dir.display(),
                        cfg.shard_count,
                        cfg.recover_2pc_interval
                    ))
                    .arg("start");
                match run(c, "pg_ctl start") {
                    Ok(()) => {
                        cluster.ports[i] = port;
                        started = true;
                        break;
                    }
                    Err(e) => last = e,
                }
            }
            if !started {
                return Err(last);
            }
        }
        Ok(cluster)
    }

    fn url(&self, i: usize) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.ports[i])
    }

    /// URL of the coordinator's `postgres` database.
    pub fn coordinator_url(&self) -> String {
        self.url(0)
    }

    /// URLs of the two workers' `postgres` databases.
    pub fn worker_urls(&self) -> [String; 2] {
        [self.url(1), self.url(2)]
    }

    /// The workers' ports (as `citus_shards.nodeport` shows them).
    pub fn worker_ports(&self) -> [u16; 2] {
        [self.ports[1], self.ports[2]]
    }

    /// Creates the extension on every node and registers the nodes.
    pub async fn set_up(&self) -> Result<(), String> {
        let e = |e: sqlx::Error| e.to_string();
        for i in 0..3 {
            let mut c = PgConnection::connect(&self.url(i)).await.map_err(e)?;
            sqlx::query("CREATE EXTENSION IF NOT EXISTS citus")
                .execute(&mut c)
                .await
                .map_err(e)?;
            let _ = c.close().await;
        }
        let mut c = PgConnection::connect(&self.url(0)).await.map_err(e)?;
        sqlx::query("SELECT citus_set_coordinator_host('127.0.0.1', $1)")
            .bind(i32::from(self.ports[0]))
            .execute(&mut c)
            .await
            .map_err(e)?;
        for p in self.worker_ports() {
            sqlx::query("SELECT citus_add_node('127.0.0.1', $1)")
                .bind(i32::from(p))
                .execute(&mut c)
                .await
                .map_err(e)?;
        }
        let _ = c.close().await;
        Ok(())
    }

    /// A watchdog that stops the cluster once this process has exited (for a
    /// cluster kept in a `static`, which is never dropped).
    fn spawn_watchdog(&self) -> Result<(), String> {
        let script = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 1; done; {stop}",
            pid = std::process::id(),
            stop = self.stop_script()
        );
        Command::new("setsid")
            .args(["sh", "-c", &script])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map(drop)
            .map_err(|e| format!("cannot start the cluster watchdog: {e}"))
    }

    fn stop_script(&self) -> String {
        let runas = if self.root {
            "runuser -u postgres -- "
        } else {
            ""
        };
        let mut s = String::new();
        for name in ["coordinator", "worker1", "worker2"] {
            s.push_str(&format!(
                "{runas}'{}' -D '{}' -m immediate stop >/dev/null 2>&1; ",
                self.bindir.join("pg_ctl").display(),
                self.dir.join(name).display()
            ));
        }
        s.push_str(&format!("rm -rf '{}'", self.dir.display()));
        s
    }
}

impl Drop for CitusCluster {
    fn drop(&mut self) {
        let _ = Command::new("sh")
            .args(["-c", &self.stop_script()])
            .stdin(Stdio::null())
            .status();
    }
}

static CLUSTER: OnceCell<CitusCluster> = OnceCell::const_new();

/// The cluster shared by the tests of this process (default [`ClusterConfig`]),
/// started on first use. Panics, saying how to install Citus, when it cannot start.
pub async fn cluster() -> &'static CitusCluster {
    cluster_with(ClusterConfig::default()).await
}

/// The shared cluster, started with `cfg` on first use (later calls get the
/// first cluster whatever their `cfg`).
pub async fn cluster_with(cfg: ClusterConfig) -> &'static CitusCluster {
    CLUSTER
        .get_or_init(|| async move {
            let c = tokio::task::spawn_blocking(move || CitusCluster::start(&cfg))
                .await
                .unwrap_or_else(|e| Err(format!("cluster start panicked: {e}")))
                .unwrap_or_else(|e| panic!("no Citus cluster for the tests: {e}; {INSTALL_HINT}"));
            c.spawn_watchdog()
                .unwrap_or_else(|e| panic!("no Citus cluster for the tests: {e}"));
            let mut last = String::new();
            for _ in 0..50 {
                match c.set_up().await {
                    Ok(()) => return c,
                    Err(e) => last = e,
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            panic!("the Citus cluster did not come up: {last}")
        })
        .await
}

/// A fresh, not yet created schema on the shared cluster's coordinator (dropped,
/// with its distributed tables, on drop).
pub async fn fresh_schema() -> TestSchema {
    TestSchema::new(cluster().await.coordinator_url(), unique_schema())
}

/// A fresh store on the shared cluster: a schema of its own, migrated and
/// distributed (`PostgresStore::distribute`).
pub async fn fixture() -> Fixture<PostgresStore> {
    fixture_with(PostgresOptions::default()).await
}

/// [`fixture`] with `opts` (their schema is replaced).
pub async fn fixture_with(opts: PostgresOptions) -> Fixture<PostgresStore> {
    let schema = fresh_schema().await;
    let store = schema.open_with(opts).await;
    store
        .distribute()
        .await
        .unwrap_or_else(|e| panic!("distribute schema {}: {e:?}", schema.schema()));
    Fixture::new(store).with_guard(schema)
}

/// A fresh schema on the shared cluster, already migrated and distributed (for
/// tests that open several stores on it, e.g. with `migrate=false`).
pub async fn distributed_schema() -> TestSchema {
    let schema = fresh_schema().await;
    let store = schema.open().await;
    store
        .distribute()
        .await
        .unwrap_or_else(|e| panic!("distribute schema {}: {e:?}", schema.schema()));
    store.close().await;
    schema
}

/// A connection to the shared cluster's coordinator, for catalog queries and
/// administration (`citus_shards`, `run_command_on_workers`).
pub async fn admin() -> PgConnection {
    PgConnection::connect(&cluster().await.coordinator_url())
        .await
        .expect("connect to the Citus coordinator")
}
