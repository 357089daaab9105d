//! `export`: JSON Lines, one session with its children per line, or one vCon per line.

use std::io::Write;
use std::time::Instant;

use anyhow::Context;
use realtime_store::{AnyStore, PersistenceStore, SessionFilter};

use crate::cli::{parse_time, ExportArgs, ExportFormat};

pub(crate) async fn run(store: &AnyStore, a: ExportArgs) -> anyhow::Result<()> {
    let mut filter = {
        let mut v = SessionFilter::default();
        v.user_id = a.user;
        v.started_after = parse_time("since", a.since.as_deref())?;
        v.started_before = parse_time("until", a.until.as_deref())?;
        v.limit = Some(200);
        v
    };
    // Write to a temporary file beside the target and rename at the end, so an
    // interrupted export never leaves a truncated file behind.
    let (mut out, tmp): (Box<dyn Write>, Option<tempfile::NamedTempFile>) = match &a.output {
        Some(path) => {
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(std::path::Path::new("."));
            let tmp = tempfile::NamedTempFile::new_in(dir)
                .with_context(|| format!("creating a file in {}", dir.display()))?;
            let f = tmp.reopen().context("opening the export file")?;
            (Box::new(std::io::BufWriter::new(f)), Some(tmp))
        }
        None => (
            Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            None,
        ),
    };
    let started = Instant::now();
    let mut n = 0u64;
    let mut last_report = Instant::now();
    loop {
        let page = store.list_sessions(&filter).await?;
        for s in page.items {
            let Some(full) = realtime_store_http::load_session(store, &s.id).await? else {
                continue; // deleted meanwhile
            };
            match a.format {
                ExportFormat::Jsonl => serde_json::to_writer(&mut out, &full)?,
                ExportFormat::Vcon => {
                    serde_json::to_writer(&mut out, &realtime_store_http::vcon::to_vcon(&full))?
                }
            }
            out.write_all(b"\n")?;
            n += 1;
            if !a.quiet && last_report.elapsed().as_secs() >= 1 {
                eprintln!("exported {n} sessions...");
                last_report = Instant::now();
            }
        }
        match page.next_cursor {
            Some(c) => filter.cursor = Some(c),
            None => break,
        }
    }
    out.flush()?;
    drop(out);
    if let (Some(tmp), Some(path)) = (tmp, &a.output) {
        tmp.as_file().sync_all()?;
        tmp.persist(path)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    if !a.quiet {
        eprintln!(
            "exported {n} sessions in {:.1}s",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}
