//! Command-line definitions.

use clap::{Args, Parser, Subcommand};

/// The default database: an SQLite file in the current directory.
pub(crate) const DEFAULT_DATABASE_URL: &str = "sqlite://realtime-store.db";

/// Persistence for realtime voice agents: consent-gated, PII-redacted session storage.
///
/// With no configuration it uses an embedded SQLite file (`realtime-store.db`) in the
/// current directory. Set DATABASE_URL (or --database-url) to `sqlite://path.db`,
/// `postgres://user@host/db` or `memory://`.
#[derive(Debug, Parser)]
#[command(
    name = "realtime-store",
    version,
    propagate_version = true,
    after_help = "Examples:\n  \
    realtime-store serve --demo                           # the HTTP API and the session browser on http://127.0.0.1:8080\n  \
    REALTIME_STORE_TOKEN=$(cat token) realtime-store serve --listen 0.0.0.0:8080\n  \
    realtime-store demo                                   # one realistic call, then what was stored\n  \
    realtime-store sessions list --consent ACCEPTED --limit 10\n  \
    realtime-store sessions show sess_42 --json\n  \
    realtime-store export -o sessions.jsonl --since 2026-11-01T00:00:00Z\n  \
    realtime-store purge --older-than 30d\n  \
    echo 'mail me at jo@example.com' | realtime-store redact\n  \
    DATABASE_URL=postgres://app@db/voice realtime-store migrate"
)]
pub(crate) struct Cli {
    /// Database to use: sqlite://FILE, postgres://..., or memory://.
    #[arg(long, env = "DATABASE_URL", default_value = DEFAULT_DATABASE_URL, global = true, hide_env_values = true)]
    pub(crate) database_url: String,

    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Serve the HTTP API (every operation under /v1, /healthz, /metrics,
    /// /openapi.json) and the session browser at `/`.
    ///
    /// Listens on 127.0.0.1:8080 by default. A bearer token is required on any
    /// other address: set REALTIME_STORE_TOKEN or pass --token-file. SIGTERM or
    /// SIGINT stops accepting, drains in-flight requests, closes the store, exits 0.
    Serve(ServeArgs),
    /// Replay one realistic call (consent asked then accepted, PII spoken by the
    /// caller, a tool call, a summary, usage) into the database and print what was stored.
    Demo(DemoArgs),
    /// Create or upgrade the schema (also done automatically by every command).
    /// With `--distribute`, on a Citus coordinator, also distribute it by session.
    Migrate(MigrateArgs),
    /// Look at stored sessions.
    Sessions {
        #[command(subcommand)]
        command: SessionsCommand,
    },
    /// Export sessions as JSON Lines: one session with its transcript, tool events,
    /// summary and usage per line (`--format jsonl`), or one IETF vCon per line
    /// (`--format vcon`).
    Export(ExportArgs),
    /// Erase a user and everything of theirs (sessions, transcripts, tool events,
    /// summaries, usage) in one transaction; prints the counts.
    EraseUser(EraseUserArgs),
    /// Delete sessions that started before a retention window, with their children.
    Purge(PurgeArgs),
    /// Redact stdin to stdout, line by line, with the built-in policy: see what would
    /// be stored.
    Redact(RedactArgs),
    /// Replay a generated voice workload (64 live calls, each awaiting its previous
    /// event; 40 segments with ~10% PII, 4 tool events, a summary, usage; ~10% not
    /// ACCEPTED) against fresh databases beside --database-url, then read every
    /// transcript back. Prints appends/s, latency percentiles, peak RSS and size.
    ///
    /// `--baseline` replays the same workload through the naive path (one transaction
    /// and one consent read per event) in the same run and prints the ratio. Progress
    /// goes to stderr; the bench databases are removed afterwards.
    Bench(crate::bench::BenchArgs),
}

#[derive(Debug, Subcommand)]
pub(crate) enum SessionsCommand {
    /// List sessions, newest first.
    List(ListArgs),
    /// Show one session: metadata, transcript timeline, tool calls, summary, usage.
    Show(ShowArgs),
}

#[derive(Debug, Args)]
pub(crate) struct ListArgs {
    /// Only this user's sessions.
    #[arg(long)]
    pub(crate) user: Option<String>,
    /// Only sessions with this consent (ACCEPTED, DECLINED, PENDING).
    #[arg(long)]
    pub(crate) consent: Option<String>,
    /// Only sessions started at or after this time (RFC 3339 or epoch ms).
    #[arg(long)]
    pub(crate) since: Option<String>,
    /// Only sessions started before this time (RFC 3339 or epoch ms).
    #[arg(long)]
    pub(crate) until: Option<String>,
    /// How many sessions (1-1000; the store's one page-size rule).
    #[arg(long, default_value_t = 20)]
    pub(crate) limit: u32,
    /// Continue after this cursor (printed at the end of a previous page).
    #[arg(long)]
    pub(crate) cursor: Option<String>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub(crate) json: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ShowArgs {
    /// The session id.
    pub(crate) id: String,
    /// Print JSON instead of text.
    #[arg(long)]
    pub(crate) json: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// Write to this file instead of stdout (written to a temporary file, then renamed).
    #[arg(long, short)]
    pub(crate) output: Option<std::path::PathBuf>,
    /// Only this user's sessions.
    #[arg(long)]
    pub(crate) user: Option<String>,
    /// Only sessions started at or after this time (RFC 3339 or epoch ms).
    #[arg(long)]
    pub(crate) since: Option<String>,
    /// Only sessions started before this time (RFC 3339 or epoch ms).
    #[arg(long)]
    pub(crate) until: Option<String>,
    /// Do not print progress on stderr.
    #[arg(long, short)]
    pub(crate) quiet: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Jsonl)]
    pub(crate) format: ExportFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ExportFormat {
    /// One session with its children per line (the store's own JSON).
    Jsonl,
    /// One IETF vCon per line (parties, text dialogs, summary analysis, tool calls
    /// as attachments).
    Vcon,
}

#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// Address to listen on (port 0: any free port, printed on start).
    #[arg(long, env = "REALTIME_STORE_LISTEN", default_value = "127.0.0.1:8080")]
    pub(crate) listen: std::net::SocketAddr,
    /// Read the bearer token from this file (else from REALTIME_STORE_TOKEN).
    #[arg(long)]
    pub(crate) token_file: Option<std::path::PathBuf>,
    /// Seed the demo call when the database holds no session yet.
    #[arg(long)]
    pub(crate) demo: bool,
    /// Largest JSON body, in bytes.
    #[arg(long, default_value_t = 4 << 20)]
    pub(crate) max_body_bytes: usize,
    /// Largest NDJSON body of /v1/ingest, in bytes.
    #[arg(long, default_value_t = 64 << 20)]
    pub(crate) max_ingest_bytes: usize,
    /// Longest time a request may take, e.g. 30s.
    #[arg(long, value_parser = parse_duration, default_value = "30s")]
    pub(crate) request_timeout: std::time::Duration,
    /// On SIGTERM/SIGINT, how long in-flight requests may take to finish.
    #[arg(long, value_parser = parse_duration, default_value = "10s")]
    pub(crate) drain_timeout: std::time::Duration,
    /// Group commit: after each batch, wait for the callers it answered for at
    /// most this fraction of the commit's time, so live calls share one commit
    /// instead of taking turns (0 turns it off; default: 0.25 on PostgreSQL, off
    /// on SQLite, as measured).
    #[arg(long, value_name = "FRACTION", value_parser = parse_fraction)]
    pub(crate) commit_regroup: Option<f64>,
    /// Durable fallback spool file: while the database is unreachable, writes go
    /// there (fsynced before they are acknowledged, answered `spooled`) and are
    /// replayed in order once it is back. Default for a postgres:// database:
    /// `realtime-store-spool.db` in the working directory; none for SQLite (a
    /// spool on the same disk as the database file adds nothing).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["no_spool", "fallback"])]
    pub(crate) spool: Option<std::path::PathBuf>,
    /// No fallback spool: while the database is unreachable, writes fail (503).
    #[arg(long)]
    pub(crate) no_spool: bool,
    /// Largest size of the spool file, in bytes; a full spool refuses writes
    /// (503), it never drops what it holds.
    /// At start the spool's filesystem must have room for it to grow to this size.
    /// Default 1 GiB (64 MiB with `--fallback memory`).
    #[arg(long, value_name = "BYTES")]
    pub(crate) spool_max_bytes: Option<u64>,
    /// `memory`: the LOSSY in-memory fallback instead of the durable spool file.
    /// While the database is unreachable writes are kept in this process's memory
    /// (bounded by --spool-max-bytes), answered `volatile` (never `spooled`), and
    /// replayed in order once it is back; everything it holds is LOST if the
    /// service stops, crashes or restarts first. Only for deployments that prefer
    /// answering to durability (the upstream README's "graceful fallback").
    #[arg(long, value_enum, conflicts_with = "no_spool")]
    pub(crate) fallback: Option<Fallback>,
}

/// The kinds of fallback `serve` can stack besides the durable spool file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Fallback {
    /// The lossy in-memory fallback.
    Memory,
}

impl ServeArgs {
    /// The spool file to use, if any, for a database at `url`.
    pub(crate) fn spool_path(&self, url: &str) -> Option<std::path::PathBuf> {
        if self.no_spool || self.fallback.is_some() {
            return None;
        }
        self.spool.clone().or_else(|| {
            url.starts_with("postgres")
                .then(|| std::path::PathBuf::from("realtime-store-spool.db"))
        })
    }
}

#[derive(Debug, Args)]
pub(crate) struct EraseUserArgs {
    /// The platform's app user id.
    pub(crate) id: String,
    /// Print the counts as JSON.
    #[arg(long)]
    pub(crate) json: bool,
}

#[derive(Debug, Args)]
pub(crate) struct PurgeArgs {
    /// Retention window, e.g. `30d`, `12h`, `90days`: sessions that started longer
    /// ago than this are deleted.
    #[arg(long, value_parser = parse_duration)]
    pub(crate) older_than: std::time::Duration,
    /// Print the counts as JSON.
    #[arg(long)]
    pub(crate) json: bool,
}

#[derive(Debug, Args)]
pub(crate) struct RedactArgs {
    /// Print, per input line, the entity types and byte offsets found (never the
    /// values) as JSON, instead of the redacted text.
    #[arg(long)]
    pub(crate) json: bool,
    /// Only these entity types, comma-separated (EMAIL,PHONE,CREDIT_CARD,US_SSN,IBAN,
    /// IP_ADDRESS,SECRET,STREET_ADDRESS,DATE_OF_BIRTH,PERSON). Default: all.
    #[arg(long, value_delimiter = ',')]
    pub(crate) entities: Vec<String>,
    /// Use keyed-hash placeholders (`[EMAIL:7f3a9c]`) with the key in this
    /// environment variable.
    #[arg(long)]
    pub(crate) hash_key_env: Option<String>,
}

#[derive(Debug, Args)]
pub(crate) struct DemoArgs {
    /// Session id to use (default: a new `demo_...` id).
    #[arg(long)]
    pub(crate) session_id: Option<String>,
}

fn parse_duration(s: &str) -> Result<std::time::Duration, String> {
    let d = humantime::parse_duration(s)
        .map_err(|e| format!("`{s}` is not a duration ({e}); examples: 30d, 12h, 90days"))?;
    if d.is_zero() {
        return Err("the duration must be greater than zero".into());
    }
    Ok(d)
}

/// The URL without its password, for messages.
pub(crate) fn display_url(url: &str) -> String {
    realtime_store::mask_url(url)
}

/// Parses an optional time argument, naming the flag on error.
pub(crate) fn parse_time(
    flag: &str,
    v: Option<&str>,
) -> anyhow::Result<Option<realtime_store::Timestamp>> {
    v.map(|s| {
        realtime_store::Timestamp::parse(s)
            .ok_or_else(|| anyhow::anyhow!("--{flag}: not an RFC 3339 time or epoch milliseconds"))
    })
    .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hides_passwords() {
        assert_eq!(
            display_url("postgres://u:secret@h/db"),
            "postgres://u:***@h/db"
        );
        assert_eq!(display_url("sqlite://x.db"), "sqlite://x.db");
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("30d").unwrap().as_secs(), 30 * 86400);
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("0s").is_err());
    }

    #[test]
    fn cli_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}

/// `migrate` options.
#[derive(Debug, clap::Args)]
pub(crate) struct MigrateArgs {
    /// After migrating, distribute the schema on the Citus coordinator the URL
    /// names: `app_users` a reference table, `sessions` by `id`, the other tables
    /// by `session_id` colocated with it. Idempotent; repairs a half-done
    /// distribution or refuses, naming the fix. Fails on plain PostgreSQL.
    #[arg(long)]
    pub(crate) distribute: bool,
}

/// A fraction between 0 and 1.
fn parse_fraction(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(f) if (0.0..=1.0).contains(&f) => Ok(f),
        _ => Err("expected a number between 0 and 1".to_owned()),
    }
}
