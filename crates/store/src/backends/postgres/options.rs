//! [`PostgresOptions`]: pool, timeouts, schema and pooler settings of a
//! [`PostgresStore`](crate::PostgresStore), from code or from URL parameters.

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::PgConnectOptions;

use crate::{Error, Result};

/// The default schema.
pub const DEFAULT_SCHEMA: &str = "realtime_store";

/// Options of a [`PostgresStore`](crate::PostgresStore).
///
/// Each can also be given as a query parameter of the URL (which then wins over
/// the value passed in code): `schema`, `max_connections`, `min_connections`,
/// `acquire_timeout_ms`, `statement_timeout_ms` (`0` = none),
/// `prepared_statements` (`true`/`false`), `max_retries`, `migrate`
/// (`true`/`false`), `lazy` (`true`/`false`). Other parameters are sqlx's own (`sslmode`,
/// `application_name`, …). Example:
/// `postgres://app@db/voice?schema=realtime_store&max_connections=20`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostgresOptions {
    /// Schema holding the tables and the migrations table (default
    /// `realtime_store`): lower-case letters, digits and `_`, not starting with a
    /// digit, at most 63 characters. Created if missing.
    pub schema: String,
    /// Pool size (default 10).
    pub max_connections: u32,
    /// Connections kept open when idle (default 0).
    pub min_connections: u32,
    /// How long an operation waits for a free connection (default 10 s).
    pub acquire_timeout: Duration,
    /// Server-side limit of one statement (default 30 s; `None` = the server's).
    pub statement_timeout: Option<Duration>,
    /// Use named server-side prepared statements, cached per connection (default
    /// true). Set `false` behind PgBouncer in transaction mode (or any pooler that
    /// does not keep a server connection per client).
    pub prepared_statements: bool,
    /// Retries of an operation after a transient failure (default 8: with the
    /// doubling backoff from 20 ms, about 4 s of outage ridden out).
    pub max_retries: u32,
    /// `application_name` of the connections, unless the URL sets one (default
    /// `realtime-store`). Shows in `pg_stat_activity`.
    pub application_name: String,
    /// Create the schema and apply migrations on open (default true). Migrations
    /// need a direct connection (or a session-mode pooler): they take a session
    /// advisory lock and use prepared statements.
    pub migrate: bool,
    /// Open even when the server does not answer (default false): the pool
    /// connects on first use, and the migrations and the Citus check run at the
    /// first operation that reaches the server; until then every operation fails
    /// as unreachable ([`Error::is_unreachable`]). For a fallback spool in front,
    /// so that a service restarted during an outage starts, spools and replays.
    pub lazy: bool,
}

impl Default for PostgresOptions {
    fn default() -> Self {
        PostgresOptions {
            schema: DEFAULT_SCHEMA.to_owned(),
            max_connections: 10,
            min_connections: 0,
            acquire_timeout: Duration::from_secs(10),
            statement_timeout: Some(Duration::from_secs(30)),
            prepared_statements: true,
            max_retries: 8,
            application_name: "realtime-store".to_owned(),
            migrate: true,
            lazy: false,
        }
    }
}

fn valid_schema(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 63
        && (b[0].is_ascii_lowercase() || b[0] == b'_')
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'_')
}

fn parse_flag(key: &str, v: &str) -> Result<bool> {
    match v {
        "true" | "1" | "yes" | "on" => Ok(true),
        "false" | "0" | "no" | "off" => Ok(false),
        _ => Err(Error::Config(format!(
            "URL parameter `{key}` must be true or false"
        ))),
    }
}

fn parse_num<T: FromStr>(key: &str, v: &str) -> Result<T> {
    v.parse().map_err(|_| {
        Error::Config(format!(
            "URL parameter `{key}` must be a non-negative integer"
        ))
    })
}

impl PostgresOptions {
    /// Splits a `postgres://` / `postgresql://` URL into sqlx's connect options and
    /// these options (URL parameters override `self`). Errors never echo the URL.
    pub fn apply_url(mut self, url: &str) -> Result<(PgConnectOptions, PostgresOptions)> {
        let (base, query) = match url.split_once('?') {
            Some((b, q)) => (b, q),
            None => (url, ""),
        };
        let mut kept = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            match k {
                "schema" => self.schema = v.to_owned(),
                "max_connections" => self.max_connections = parse_num(k, v)?,
                "min_connections" => self.min_connections = parse_num(k, v)?,
                "acquire_timeout_ms" => {
                    self.acquire_timeout = Duration::from_millis(parse_num(k, v)?)
                }
                "statement_timeout_ms" => {
                    let ms: u64 = parse_num(k, v)?;
                    self.statement_timeout = (ms > 0).then(|| Duration::from_millis(ms));
                }
                "prepared_statements" => self.prepared_statements = parse_flag(k, v)?,
                "max_retries" => self.max_retries = parse_num(k, v)?,
                "migrate" => self.migrate = parse_flag(k, v)?,
                "lazy" => self.lazy = parse_flag(k, v)?,
                _ => kept.push(pair),
            }
        }
        if !valid_schema(&self.schema) {
            return Err(Error::Config(
                "schema name must be 1-63 characters of [a-z0-9_], not starting with a digit"
                    .into(),
            ));
        }
        if self.max_connections == 0 {
            return Err(Error::Config("max_connections must be at least 1".into()));
        }
        let url = if kept.is_empty() {
            base.to_owned()
        } else {
            format!("{base}?{}", kept.join("&"))
        };
        let connect = PgConnectOptions::from_str(&url)
            .map_err(|_| Error::Config("not a valid postgres:// URL".into()))?;
        Ok((connect, self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_parameters_override_and_are_removed() {
        let (_, o) = PostgresOptions::default()
            .apply_url("postgres://u@h/db?schema=s1&max_connections=3&prepared_statements=false&statement_timeout_ms=0&sslmode=disable")
            .unwrap();
        assert_eq!(o.schema, "s1");
        assert_eq!(o.max_connections, 3);
        assert!(!o.prepared_statements);
        assert_eq!(o.statement_timeout, None);
        let e = PostgresOptions::default()
            .apply_url("postgres://u:pw@h/db?schema=Bad-Name")
            .unwrap_err();
        assert!(!e.to_string().contains("pw"));
        assert!(PostgresOptions::default()
            .apply_url("postgres://h/db?max_connections=0")
            .is_err());
        assert!(PostgresOptions::default()
            .apply_url("postgres://h/db?migrate=maybe")
            .is_err());
        assert!(!PostgresOptions::default().lazy);
        let (_, o) = PostgresOptions::default()
            .apply_url("postgres://h/db?lazy=true")
            .unwrap();
        assert!(o.lazy);
    }

    proptest::proptest! {
        #[test]
        fn url_parsing_never_panics(q in "\\PC{0,120}") {
            let _ = PostgresOptions::default().apply_url(&format!("postgres://h/db?{q}"));
            let _ = PostgresOptions::default().apply_url(&q);
        }
    }
}
