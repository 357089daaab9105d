//! `sessions list` and `sessions show`.

use anyhow::Context;
use realtime_store::{AnyStore, Consent, PersistenceStore, SessionFilter};

use crate::cli::{parse_time, ListArgs, ShowArgs};
use crate::render;

pub(crate) async fn list(store: &AnyStore, a: ListArgs) -> anyhow::Result<()> {
    let consent = a
        .consent
        .as_deref()
        .map(|c| Consent::parse(c).context("--consent: expected ACCEPTED, DECLINED or PENDING"))
        .transpose()?;
    if !(1..=1000).contains(&a.limit) {
        anyhow::bail!("--limit: must be between 1 and 1000");
    }
    let filter = {
        let mut v = SessionFilter::default();
        v.user_id = a.user;
        v.started_after = parse_time("since", a.since.as_deref())?;
        v.started_before = parse_time("until", a.until.as_deref())?;
        v.consent = consent;
        v.status = None;
        v.cursor = a.cursor;
        v.limit = Some(a.limit);
        v
    };
    let page = store.list_sessions(&filter).await?;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&page)?);
        return Ok(());
    }
    if page.items.is_empty() {
        println!("no sessions");
        return Ok(());
    }
    println!(
        "{:<32} {:<20} {:<9} {:<7} {:<24}",
        "SESSION", "USER", "CONSENT", "STATUS", "STARTED"
    );
    for s in &page.items {
        println!(
            "{:<32} {:<20} {:<9} {:<7} {:<24}",
            s.id,
            s.user_id.as_deref().unwrap_or("-"),
            s.consent.as_str(),
            s.status.as_str(),
            s.started_at.to_string()
        );
    }
    if let Some(c) = page.next_cursor {
        println!("\nmore: --cursor {c}");
    }
    Ok(())
}

pub(crate) async fn show(store: &AnyStore, a: ShowArgs) -> anyhow::Result<()> {
    let Some(session) = store.get_session(&a.id).await? else {
        anyhow::bail!("no session with this id");
    };
    let full = render::load(store, session).await?;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&full)?);
    } else {
        print!("{}", render::text(&full));
    }
    Ok(())
}
