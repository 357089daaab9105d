//! `erase-user` and `purge`.

use realtime_store::{AnyStore, EraseCounts, PersistenceStore, Timestamp};

use crate::cli::{EraseUserArgs, PurgeArgs};

fn print_counts(what: &str, c: &EraseCounts, json: bool) -> anyhow::Result<()> {
    if json {
        println!("{}", serde_json::to_string(c)?);
    } else {
        println!(
            "{what}: {} users, {} sessions, {} transcript segments, {} tool events, {} summaries, {} usage events",
            c.users, c.sessions, c.transcripts, c.tool_events, c.summaries, c.usage_events
        );
    }
    Ok(())
}

pub(crate) async fn erase_user(store: &AnyStore, a: EraseUserArgs) -> anyhow::Result<()> {
    let c = store.erase_user(&a.id).await?;
    print_counts("erased", &c, a.json)
}

pub(crate) async fn purge(store: &AnyStore, a: PurgeArgs) -> anyhow::Result<()> {
    let ms = i64::try_from(a.older_than.as_millis()).unwrap_or(i64::MAX);
    let before = Timestamp::now().add_millis(-ms);
    let c = store.purge_before(before).await?;
    print_counts(
        &format!("purged sessions started before {before}"),
        &c,
        a.json,
    )
}
