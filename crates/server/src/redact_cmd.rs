//! `redact`: stdin to stdout, line by line.

use anyhow::Context;
use realtime_redact::{Entity, PlaceholderStyle, Policy, Redactor};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

use crate::cli::RedactArgs;

pub(crate) fn redactor(a: &RedactArgs) -> anyhow::Result<Redactor> {
    let mut policy = Policy::default();
    if !a.entities.is_empty() {
        let mut set = std::collections::BTreeSet::new();
        for e in &a.entities {
            let e = e.trim();
            set.insert(
                Entity::from_label(e)
                    .with_context(|| format!("--entities: unknown entity type `{e}`"))?,
            );
        }
        policy.entities = set;
    }
    if let Some(var) = &a.hash_key_env {
        let key = std::env::var(var)
            .with_context(|| format!("--hash-key-env: environment variable {var} is not set"))?;
        if key.is_empty() {
            anyhow::bail!("--hash-key-env: environment variable {var} is empty");
        }
        policy.placeholder = PlaceholderStyle::KeyedHash {
            key: key.into_bytes(),
        };
    }
    Ok(Redactor::new(policy)?)
}

pub(crate) async fn run(a: RedactArgs) -> anyhow::Result<()> {
    let r = redactor(&a)?;
    let mut lines = BufReader::new(tokio::io::stdin()).split(b'\n');
    let mut out = tokio::io::BufWriter::new(tokio::io::stdout());
    let mut n = 0u64;
    while let Some(raw) = lines.next_segment().await.context("reading stdin")? {
        n += 1;
        // Invalid UTF-8 is replaced, never echoed raw.
        let line = String::from_utf8_lossy(&raw);
        let line = line.strip_suffix('\r').unwrap_or(&line);
        if a.json {
            let spans: Vec<serde_json::Value> = r
                .find(line)
                .into_iter()
                .map(|s| serde_json::json!({"type": s.label, "start": s.start, "end": s.end}))
                .collect();
            let v = serde_json::json!({"line": n, "entities": spans});
            out.write_all(v.to_string().as_bytes()).await?;
        } else {
            out.write_all(r.redact(line).text.as_bytes()).await?;
        }
        out.write_all(b"\n").await?;
    }
    out.flush().await?;
    Ok(())
}
