//! PostgreSQL for tests: a server to talk to, and a fresh schema per test, dropped
//! when the test ends (also when it panics).
//!
//! Where the server comes from, in order:
//! 1. `TEST_DATABASE_URL`, if set (a database the tests may create schemas in);
//! 2. the local server at `127.0.0.1:5432` (user `postgres`, trust auth), if it
//!    answers — the tests use their own database `realtime_store_test` there,
//!    created on first use;
//! 3. a throwaway cluster started from the local server binaries (`initdb` into a
//!    temporary directory, a free port, `pg_ctl start`), stopped and deleted by a
//!    watchdog once the test process exits. As root, the binaries run as the
//!    `postgres` user (`initdb` refuses root).
//!
//! `REALTIME_STORE_TEST_PG=throwaway` skips step 2. When none of these works the
//! tests fail, saying how to install PostgreSQL — they never skip silently.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use realtime_store::{PostgresOptions, PostgresStore};
use sqlx::postgres::PgConnection;
use sqlx::Connection;
use tokio::sync::OnceCell;

use crate::Fixture;

const LOCAL_ADMIN_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";
const TEST_DB: &str = "realtime_store_test";
const INSTALL_HINT: &str = "install PostgreSQL (`apt-get install postgresql`, or run \
     `.ci/install-postgres`), start it, or set TEST_DATABASE_URL to a database the tests may use";

static DATABASE: OnceCell<String> = OnceCell::const_new();

/// URL of the database the tests use (resolving it on first call, see the module
/// docs). Panics, with installation advice, when no PostgreSQL is available.
pub async fn database_url() -> String {
    DATABASE
        .get_or_init(|| async {
            match resolve().await {
                Ok(url) => url,
                Err(why) => panic!("no PostgreSQL for the tests: {why}; {INSTALL_HINT}"),
            }
        })
        .await
        .clone()
}

async fn resolve() -> Result<String, String> {
    if let Ok(url) = std::env::var("TEST_DATABASE_URL") {
        if !url.is_empty() {
            return Ok(url);
        }
    }
    let force_throwaway = std::env::var("REALTIME_STORE_TEST_PG").is_ok_and(|v| v == "throwaway");
    if !force_throwaway {
        if let Ok(url) = local_server().await {
            return Ok(url);
        }
    }
    let url = tokio::task::spawn_blocking(start_cluster)
        .await
        .map_err(|e| format!("cluster start panicked: {e}"))??;
    // Wait until it accepts connections.
    let mut last = String::new();
    for _ in 0..100 {
        match PgConnection::connect(&url).await {
            Ok(c) => {
                let _ = c.close().await;
                return Ok(url);
            }
            Err(e) => last = e.to_string(),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!(
        "the throwaway cluster does not accept connections ({last})"
    ))
}

/// The local server, with the tests' own database created if missing.
async fn local_server() -> Result<String, String> {
    let mut c = tokio::time::timeout(
        Duration::from_secs(5),
        PgConnection::connect(LOCAL_ADMIN_URL),
    )
    .await
    .map_err(|_| "local server timed out".to_owned())?
    .map_err(|e| e.to_string())?;
    let exists: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
            .bind(TEST_DB)
            .fetch_one(&mut c)
            .await
            .map_err(|e| e.to_string())?;
    if !exists {
        if let Err(e) = sqlx::query(&format!("CREATE DATABASE {TEST_DB}"))
            .execute(&mut c)
            .await
        {
            // Another test process may have created it meanwhile.
            let raced = matches!(&e, sqlx::Error::Database(d)
                if matches!(d.code().as_deref(), Some("42P04") | Some("23505")));
            if !raced {
                return Err(e.to_string());
            }
        }
    }
    let _ = c.close().await;
    Ok(format!("postgres://postgres@127.0.0.1:5432/{TEST_DB}"))
}

pub(crate) fn find_bindir() -> Option<PathBuf> {
    let has_initdb = |d: &Path| d.join("initdb").is_file() && d.join("pg_ctl").is_file();
    if let Ok(d) = std::env::var("PG_BINDIR") {
        let d = PathBuf::from(d);
        if has_initdb(&d) {
            return Some(d);
        }
    }
    if let Ok(out) = Command::new("pg_config").arg("--bindir").output() {
        let d = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
        if out.status.success() && has_initdb(&d) {
            return Some(d);
        }
    }
    // Debian/Ubuntu layout: the newest installed major version.
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let v = e.file_name().to_str()?.parse::<u32>().ok()?;
            let d = e.path().join("bin");
            has_initdb(&d).then_some((v, d))
        })
        .collect();
    versions.sort();
    if let Some((_, d)) = versions.pop() {
        return Some(d);
    }
    ["/usr/local/bin", "/usr/bin", "/usr/local/pgsql/bin"]
        .iter()
        .map(PathBuf::from)
        .find(|d| has_initdb(d))
}

pub(crate) fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// A command running `program` as the cluster's owner.
pub(crate) fn as_owner(root: bool, program: &Path) -> Command {
    if root {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        Command::new(program)
    }
}

pub(crate) fn run(mut c: Command, what: &str) -> Result<(), String> {
    let out = c
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run {what}: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{what} failed: {}{}",
            String::from_utf8_lossy(&out.stdout).trim(),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

pub(crate) fn free_port() -> Result<u16, String> {
    let l = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"))?;
    l.local_addr().map(|a| a.port()).map_err(|e| e.to_string())
}

/// Starts a new throwaway cluster from the local server binaries (initdb into a
/// temporary directory, a free port, `pg_ctl start`; as root, run as the
/// `postgres` user) and returns the URL of its `postgres` database. A watchdog
/// stops it and deletes its directory once this process exits. Blocking.
pub fn start_throwaway_cluster() -> Result<String, String> {
    start_cluster()
}

/// initdb + pg_ctl start in a temporary directory; returns the admin URL.
fn start_cluster() -> Result<String, String> {
    let bindir = find_bindir().ok_or_else(|| {
        "no PostgreSQL server binaries (initdb, pg_ctl) found and no server reachable at 127.0.0.1:5432".to_owned()
    })?;
    let root = is_root();
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let dir =
        std::env::temp_dir().join(format!("realtime-store-pg-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    if root {
        // initdb refuses root: the cluster belongs to the `postgres` user.
        let mut c = Command::new("chown");
        c.args(["postgres:postgres"]).arg(&dir);
        run(c, "chown of the cluster directory to the postgres user")?;
    }
    let data = dir.join("data");
    let mut c = as_owner(root, &bindir.join("initdb"));
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
    for _ in 0..3 {
        let port = free_port()?;
        let mut c = as_owner(root, &bindir.join("pg_ctl"));
        c.arg("-D")
            .arg(&data)
            .arg("-l")
            .arg(dir.join("server.log"))
            .args(["-w", "-t", "60", "-o"])
            .arg(format!(
                "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300",
                dir.display()
            ))
            .arg("start");
        match run(c, "pg_ctl start") {
            Ok(()) => {
                spawn_watchdog(root, &bindir, &dir, &data)?;
                return Ok(format!("postgres://postgres@127.0.0.1:{port}/postgres"));
            }
            Err(e) => last = e,
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    Err(last)
}

/// Stops the cluster and deletes its directory once this process has exited.
fn spawn_watchdog(root: bool, bindir: &Path, dir: &Path, data: &Path) -> Result<(), String> {
    let runas = if root { "runuser -u postgres -- " } else { "" };
    let script = format!(
        "while kill -0 {pid} 2>/dev/null; do sleep 1; done; \
         {runas}'{pg_ctl}' -D '{data}' -m immediate stop >/dev/null 2>&1; rm -rf '{dir}'",
        pid = std::process::id(),
        pg_ctl = bindir.join("pg_ctl").display(),
        data = data.display(),
        dir = dir.display(),
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

/// A fresh schema name, unique across test processes.
pub(crate) fn unique_schema() -> String {
    static N: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "rs_test_{}_{}_{nanos}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    )
}

/// A schema of its own for one test, dropped (with everything in it) on drop.
#[derive(Debug)]
pub struct TestSchema {
    database_url: String,
    schema: String,
}

impl TestSchema {
    /// A schema named `schema` (created by the first store opened in it) on the
    /// database at `database_url`, dropped on drop.
    pub fn new(database_url: String, schema: String) -> Self {
        TestSchema {
            database_url,
            schema,
        }
    }

    /// The schema's name.
    pub fn schema(&self) -> &str {
        &self.schema
    }

    /// URL of the database (without the schema parameter).
    pub fn database_url(&self) -> &str {
        &self.database_url
    }

    /// URL selecting this schema (`…?schema=name`), for `AnyBackend::open`.
    pub fn url(&self) -> String {
        let sep = if self.database_url.contains('?') {
            '&'
        } else {
            '?'
        };
        format!("{}{sep}schema={}", self.database_url, self.schema)
    }

    /// Options for a store in this schema (defaults otherwise, pool of 10).
    pub fn options(&self) -> PostgresOptions {
        PostgresOptions {
            schema: self.schema.clone(),
            ..PostgresOptions::default()
        }
    }

    /// Rows of `table` in this schema, of one session or all.
    pub async fn count(&self, table: &str, session_id: Option<&str>) -> i64 {
        let mut c = PgConnection::connect(&self.database_url)
            .await
            .expect("connect to the test database");
        let sql = match session_id {
            Some(_) => format!(
                "SELECT count(*) FROM \"{}\".{table} WHERE {} = $1",
                self.schema,
                if table == "sessions" {
                    "id"
                } else {
                    "session_id"
                }
            ),
            None => format!("SELECT count(*) FROM \"{}\".{table}", self.schema),
        };
        let mut q = sqlx::query_scalar(&sql);
        if let Some(id) = session_id {
            q = q.bind(id);
        }
        let n = q.fetch_one(&mut c).await.expect("count rows");
        let _ = c.close().await;
        n
    }

    /// Opens a store in this schema (migrating it).
    pub async fn open(&self) -> PostgresStore {
        self.open_with(self.options()).await
    }

    /// Opens a store with `opts`; the schema is forced to this one.
    pub async fn open_with(&self, opts: PostgresOptions) -> PostgresStore {
        let opts = PostgresOptions {
            schema: self.schema.clone(),
            ..opts
        };
        PostgresStore::open_with(&self.database_url, opts)
            .await
            .unwrap_or_else(|e| panic!("open PostgresStore in schema {}: {e:?}", self.schema))
    }
}

impl Drop for TestSchema {
    fn drop(&mut self) {
        let url = self.database_url.clone();
        let schema = self.schema.clone();
        // Drop runs inside the test's runtime: use a thread with its own.
        let done = std::thread::spawn(move || -> Result<(), String> {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| e.to_string())?;
            rt.block_on(async {
                let mut c = PgConnection::connect(&url)
                    .await
                    .map_err(|e| e.to_string())?;
                sqlx::query("SET lock_timeout = '20s'")
                    .execute(&mut c)
                    .await
                    .map_err(|e| e.to_string())?;
                sqlx::query(&format!("DROP SCHEMA IF EXISTS \"{schema}\" CASCADE"))
                    .execute(&mut c)
                    .await
                    .map_err(|e| e.to_string())?;
                let _ = c.close().await;
                Ok(())
            })
        })
        .join();
        if let Ok(Err(e)) | Err(e) = done.map_err(|_| "panicked".to_owned()) {
            eprintln!("note: could not drop test schema {}: {e}", self.schema);
        }
    }
}

/// A fresh, not yet created, schema on the test database.
pub async fn fresh_schema() -> TestSchema {
    TestSchema {
        database_url: database_url().await,
        schema: unique_schema(),
    }
}

/// A connection to the test database, for catalog queries and administration.
pub async fn admin() -> PgConnection {
    PgConnection::connect(&database_url().await)
        .await
        .expect("connect to the test database")
}

/// A fresh store in a fresh schema (default options), dropped after the test.
pub async fn fixture() -> Fixture<PostgresStore> {
    fixture_with(PostgresOptions::default()).await
}

/// A fresh store in a fresh schema with `opts` (their schema is replaced).
pub async fn fixture_with(opts: PostgresOptions) -> Fixture<PostgresStore> {
    let schema = fresh_schema().await;
    let store = schema.open_with(opts).await;
    Fixture::new(store).with_guard(schema)
}
