//! `serve`: the HTTP API and the session browser, with graceful shutdown.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use axum::serve::ListenerExt;
use realtime_store::{
    AnyBackend, Backend, GroupCommit, GroupCommitConfig, PersistenceStore, RealtimeStore,
    SessionFilter, Spool, SpoolConfig,
};
use realtime_store_http::{ApiConfig, Token};

use crate::cli::{display_url, Fallback, ServeArgs};

/// The environment variable holding the bearer token.
pub(crate) const TOKEN_ENV: &str = "REALTIME_STORE_TOKEN";

/// The token from `--token-file` or the environment, if any.
fn token(a: &ServeArgs) -> anyhow::Result<Option<Token>> {
    let env = std::env::var(TOKEN_ENV)
        .ok()
        .filter(|t| !t.trim().is_empty());
    match (&a.token_file, env) {
        (Some(_), Some(_)) => anyhow::bail!(
            "both --token-file and {TOKEN_ENV} are set; use one (the token must not be ambiguous)"
        ),
        (Some(path), None) => Ok(Some(Token::from_file(path)?)),
        (None, Some(t)) => {
            Ok(Some(Token::new(&t).with_context(|| {
                format!("{TOKEN_ENV} is not a usable token")
            })?))
        }
        (None, None) => Ok(None),
    }
}

pub(crate) async fn run(url: &str, a: ServeArgs) -> anyhow::Result<()> {
    let token = token(&a)?;
    if token.is_none() && !a.listen.ip().is_loopback() {
        anyhow::bail!(
            "refusing to listen on {} without a bearer token: anyone who can reach that address \
             could read, export and erase every stored call. Set {TOKEN_ENV} (at least 16 \
             characters) or pass --token-file FILE, or listen on a loopback address such as \
             127.0.0.1:8080",
            a.listen
        );
    }
    let spool = a.spool_path(url);
    let memory = a.fallback == Some(Fallback::Memory);
    let open_url = if spool.is_some() || memory {
        fail_fast(url)
    } else {
        url.to_owned()
    };
    let backend = AnyBackend::open(&open_url)
        .await
        .with_context(|| format!("opening the database at {}", display_url(url)))?;
    if memory {
        let cfg = SpoolConfig::in_memory();
        let cfg = match a.spool_max_bytes {
            Some(n) => cfg.max_bytes(n),
            None => cfg,
        };
        let bound = cfg.max_bytes;
        let spool = Spool::open(backend, cfg)
            .await
            .context("opening the in-memory fallback")?;
        eprintln!(
            "realtime-store serve: LOSSY in-memory fallback (at most {bound} bytes): while the \
             database is unreachable writes are answered `volatile` and are lost if the service \
             stops before it is back"
        );
        return serve(url, a, token, spool).await;
    }
    match spool {
        Some(path) => {
            let max = a
                .spool_max_bytes
                .unwrap_or(realtime_store::DEFAULT_SPOOL_MAX_BYTES);
            let cfg = SpoolConfig::new(&path).max_bytes(max);
            let spool = Spool::open(backend, cfg).await.with_context(|| {
                format!(
                    "opening the fallback spool {} (choose another file with --spool FILE, or run without one: --no-spool)",
                    path.display()
                )
            })?;
            eprintln!(
                "realtime-store serve: fallback spool at {} (at most {} bytes)",
                path.display(),
                max
            );
            serve(url, a, token, spool).await
        }
        None => serve(url, a, token, backend).await,
    }
}

/// With a spool, a live call should not wait long for an unreachable database
/// before its write is spooled: a PostgreSQL URL without its own
/// `acquire_timeout_ms` gets 2 s (instead of the library's 10 s), and without its
/// own `max_retries` gets 0 (instead of 8: each retry waits out the acquire
/// timeout again, so a stopped database held every write about 20 s before the
/// spool took it; a failed write is spooled and replayed instead of retried),
/// and `lazy=true`: a service restarted during an outage starts, spools and
/// replays once the database answers (instead of exiting at every start).
fn fail_fast(url: &str) -> String {
    if !url.starts_with("postgres") {
        return url.to_owned();
    }
    let mut url = url.to_owned();
    for (key, value) in [
        ("acquire_timeout_ms", "2000"),
        ("max_retries", "0"),
        ("lazy", "true"),
    ] {
        if !url.contains(&format!("{key}=")) {
            let sep = if url.contains('?') { '&' } else { '?' };
            url = format!("{url}{sep}{key}={value}");
        }
    }
    url
}

/// Serves a store over `backend` (group commit in front) until a signal.
async fn serve<B: Backend>(
    url: &str,
    a: ServeArgs,
    token: Option<Token>,
    backend: B,
) -> anyhow::Result<()> {
    let mut commit = GroupCommitConfig::for_backend(backend.kind());
    if let Some(r) = a.commit_regroup {
        commit.regroup = r;
    }
    let store = Arc::new(RealtimeStore::new(GroupCommit::with_config(
        backend, commit,
    )));
    if a.demo {
        seed_demo(&store).await?;
    }
    let _sweeper = store.spawn_sweeper(Duration::from_secs(10));
    let mut cfg = ApiConfig::default();
    cfg.token = token;
    cfg.max_body_bytes = a.max_body_bytes;
    cfg.max_ingest_bytes = a.max_ingest_bytes;
    cfg.request_timeout = a.request_timeout;
    let auth = if cfg.token.is_some() {
        "bearer token required"
    } else {
        "no token (loopback only)"
    };
    let app = realtime_store_http::router(store.clone(), cfg);

    let listener = tokio::net::TcpListener::bind(a.listen)
        .await
        .with_context(|| format!("listening on {}", a.listen))?;
    let local = listener.local_addr()?;
    println!(
        "realtime-store serve: listening on http://{local} ({}; {auth}); the session browser is at http://{local}/",
        display_url(url)
    );
    let listener = listener.tap_io(|tcp| {
        // Small answers on keep-alive connections: never wait for Nagle.
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::debug!(error = %e, "TCP_NODELAY");
        }
    });

    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let mut server = tokio::spawn(async move {
        let mut rx = stop_rx;
        axum::serve(listener, app)
            .with_graceful_shutdown(async move {
                let _ = rx.wait_for(|s| *s).await;
            })
            .await
    });
    tokio::select! {
        res = &mut server => {
            res.context("the server task failed")?.context("serving")?;
            anyhow::bail!("the server stopped by itself");
        }
        sig = shutdown_signal() => {
            eprintln!("realtime-store serve: {sig}: no new connections; draining in-flight requests (up to {:?})", a.drain_timeout);
        }
    }
    let _ = stop_tx.send(true);
    match tokio::time::timeout(a.drain_timeout, &mut server).await {
        Ok(res) => res.context("the server task failed")?.context("serving")?,
        Err(_) => {
            eprintln!(
                "realtime-store serve: requests still running after {:?}; closing them",
                a.drain_timeout
            );
            server.abort();
        }
    }
    // Flush the store's queues and checkpoint (every acknowledged write is already
    // durable; this leaves the files tidy).
    store.close().await;
    eprintln!("realtime-store serve: stopped");
    Ok(())
}

/// Seeds the demo call when no session is stored yet.
#[allow(clippy::field_reassign_with_default)] // `SessionFilter` is becoming non-exhaustive
async fn seed_demo<B: Backend>(store: &RealtimeStore<B>) -> anyhow::Result<()> {
    let mut f = SessionFilter::default();
    f.limit = Some(1);
    if store.list_sessions(&f).await?.items.is_empty() {
        let id = format!("demo_{}", realtime_store::Timestamp::now().as_millis());
        crate::demo::seed(store, &id, false).await?;
        println!("realtime-store serve: seeded the demo call as session {id}");
    }
    Ok(())
}

/// Resolves on SIGTERM or SIGINT (Ctrl-C), naming it.
async fn shutdown_signal() -> &'static str {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match (
            signal(SignalKind::terminate()),
            signal(SignalKind::interrupt()),
        ) {
            (Ok(mut term), Ok(mut int)) => tokio::select! {
                _ = term.recv() => "SIGTERM",
                _ = int.recv() => "SIGINT",
            },
            _ => {
                let _ = tokio::signal::ctrl_c().await;
                "interrupt"
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
        "interrupt"
    }
}
