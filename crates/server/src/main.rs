//! `realtime-store`: the command-line face of the store.
#![forbid(unsafe_code)]

mod bench;
mod cli;
mod demo;
mod export;
mod redact_cmd;
mod render;
mod retention;
mod serve;
mod sessions;

use anyhow::Context;
use clap::Parser;
use realtime_store::{AnyBackend, AnyStore, GroupCommit, RealtimeStore};

use crate::cli::{Cli, Command, SessionsCommand};

/// Opens the store the URL names (migrations applied).
pub(crate) async fn open_store(url: &str) -> anyhow::Result<AnyStore> {
    let backend = AnyBackend::open(url)
        .await
        .with_context(|| format!("opening the database at {}", cli::display_url(url)))?;
    Ok(RealtimeStore::new(GroupCommit::new(backend)))
}

/// `migrate --distribute`: distributes the schema on a Citus coordinator.
async fn distribute(backend: &AnyBackend) -> anyhow::Result<()> {
    let AnyBackend::Postgres(pg) = backend else {
        anyhow::bail!("--distribute needs a postgres:// URL of a Citus coordinator");
    };
    let r = pg
        .distribute()
        .await
        .context("distributing the schema on Citus")?;
    if r.was_done() {
        println!("schema {} was already distributed", pg.schema());
    } else {
        if !r.repaired.is_empty() {
            println!(
                "repaired (coordinator-local tables made plain first): {}",
                r.repaired.join(", ")
            );
        }
        println!("distributed: {}", r.distributed.join(", "));
    }
    Ok(())
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("RUST_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn")),
        )
        .init();
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match rt.block_on(run(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let url = cli.database_url.clone();
    match cli.command {
        Command::Migrate(args) => {
            // Whatever `migrate=` the URL says: this command's job is to migrate.
            let backend = AnyBackend::open_unmigrated(&url)
                .await
                .with_context(|| format!("opening the database at {}", cli::display_url(&url)))?;
            backend.migrate().await.context("applying the migrations")?;
            if args.distribute {
                distribute(&backend).await?;
            }
            let kind = realtime_store::WriteCore::kind(&backend);
            realtime_store::WriteCore::close(&backend).await;
            println!(
                "schema is up to date ({kind} at {})",
                cli::display_url(&url)
            );
            Ok(())
        }
        Command::Sessions { command } => {
            let store = open_store(&url).await?;
            let r = match command {
                SessionsCommand::List(args) => sessions::list(&store, args).await,
                SessionsCommand::Show(args) => sessions::show(&store, args).await,
            };
            store.close().await;
            r
        }
        // Every command closes its store: the WAL is checkpointed and no `-wal`
        // file (with copies of erased pages) is left behind.
        Command::Export(args) => {
            let s = open_store(&url).await?;
            let r = export::run(&s, args).await;
            s.close().await;
            r
        }
        Command::EraseUser(args) => {
            let s = open_store(&url).await?;
            let r = retention::erase_user(&s, args).await;
            s.close().await;
            r
        }
        Command::Purge(args) => {
            let s = open_store(&url).await?;
            let r = retention::purge(&s, args).await;
            s.close().await;
            r
        }
        Command::Redact(args) => redact_cmd::run(args).await,
        Command::Demo(args) => demo::run(&url, args).await,
        Command::Serve(args) => serve::run(&url, args).await,
        Command::Bench(args) => bench::run(&url, args).await,
    }
}
