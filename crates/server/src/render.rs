//! Text rendering of stored sessions for the terminal.

use std::fmt::Write;

use realtime_store::{
    AnyStore, PageRequest, PersistenceStore, Session, StoredSegment, StoredSummary,
    StoredToolEvent, UsageReport,
};
use serde::Serialize;

/// A session with all its children, as exported and shown.
#[derive(Debug, Serialize)]
pub(crate) struct FullSession {
    pub(crate) session: Session,
    pub(crate) transcripts: Vec<StoredSegment>,
    pub(crate) tool_events: Vec<StoredToolEvent>,
    pub(crate) summary: Option<StoredSummary>,
    pub(crate) usage: UsageReport,
}

/// Reads a session and every child (all pages).
pub(crate) async fn load(store: &AnyStore, session: Session) -> anyhow::Result<FullSession> {
    let id = session.id.clone();
    let mut transcripts = Vec::new();
    let mut page = PageRequest::all();
    loop {
        let p = store.get_transcripts(&id, &page).await?;
        transcripts.extend(p.items);
        match p.next_cursor {
            Some(c) => page.cursor = Some(c),
            None => break,
        }
    }
    let mut tool_events = Vec::new();
    let mut page = PageRequest::all();
    loop {
        let p = store.get_tool_events(&id, &page).await?;
        tool_events.extend(p.items);
        match p.next_cursor {
            Some(c) => page.cursor = Some(c),
            None => break,
        }
    }
    Ok(FullSession {
        summary: store.get_summary(&id).await?,
        usage: store.get_usage(&id).await?,
        session,
        transcripts,
        tool_events,
    })
}

fn clock(t: realtime_store::Timestamp) -> String {
    let s = t.to_rfc3339();
    s.get(11..23).unwrap_or(&s).to_owned()
}

/// Human-readable text of a full session.
pub(crate) fn text(f: &FullSession) -> String {
    let s = &f.session;
    let mut o = String::new();
    let _ = writeln!(o, "session   {}", s.id);
    let _ = writeln!(o, "user      {}", s.user_id.as_deref().unwrap_or("-"));
    let _ = writeln!(o, "consent   {}    status {}", s.consent, s.status.as_str());
    let _ = writeln!(
        o,
        "voice     {}    persona {}",
        s.voice.as_deref().unwrap_or("-"),
        s.persona.as_deref().unwrap_or("-")
    );
    let _ = writeln!(
        o,
        "started   {}    ended {}",
        s.started_at,
        s.ended_at.map_or("-".to_owned(), |e| e.to_string())
    );
    let _ = writeln!(o, "\ntranscript ({} segments)", f.transcripts.len());
    for t in &f.transcripts {
        let _ = writeln!(
            o,
            "  {} {:>9}  {}",
            clock(t.started_at),
            t.role.as_str(),
            t.text
        );
    }
    let _ = writeln!(o, "\ntool calls ({})", f.tool_events.len());
    for t in &f.tool_events {
        let _ = writeln!(
            o,
            "  {} {} [{}{}]\n      args   {}\n      result {}",
            clock(t.at),
            t.name,
            t.status.as_str(),
            t.duration_ms.map_or(String::new(), |d| format!(", {d} ms")),
            t.args,
            t.result.as_ref().map_or("-".to_owned(), |r| r.to_string())
        );
    }
    match &f.summary {
        Some(sum) => {
            let _ = writeln!(o, "\nsummary (v{})\n  {}", sum.version, sum.text);
            for k in &sum.key_points {
                let _ = writeln!(o, "  - {k}");
            }
        }
        None => {
            let _ = writeln!(o, "\nsummary: none");
        }
    }
    let _ = writeln!(o, "\nusage");
    if f.usage.totals.is_empty() {
        let _ = writeln!(o, "  none");
    }
    for (k, v) in &f.usage.totals {
        let _ = writeln!(o, "  {k:<24} {v}");
    }
    o
}
