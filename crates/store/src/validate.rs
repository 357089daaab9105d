//! Input validation. An error names the field and the rule; never the value.

use serde_json::Value;

use crate::{
    Error, Event, Result, SessionMeta, Summary, Timestamp, ToolEvent, TranscriptSegment,
    UsageEvent, MIN_TIMESTAMP,
};

/// Size limits of stored content (bytes of UTF-8 / serialized JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Transcript segment text (default 64 KiB).
    pub segment_text: usize,
    /// Tool args, and separately tool result, serialized (default 256 KiB).
    pub tool_payload: usize,
    /// Summary text plus key points (default 64 KiB).
    pub summary: usize,
    /// Agent config, serialized (default 64 KiB).
    pub config: usize,
    /// Usage meta, serialized (default 16 KiB).
    pub usage_meta: usize,
    /// Events in one batch (default 10 000).
    pub batch_events: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            segment_text: 64 * 1024,
            tool_payload: 256 * 1024,
            summary: 64 * 1024,
            config: 64 * 1024,
            usage_meta: 16 * 1024,
            batch_events: 10_000,
        }
    }
}

const FUTURE_SLACK_MS: i64 = 24 * 3600 * 1000;

/// Checks an id: 1–128 characters of `[A-Za-z0-9_.:@-]`.
pub fn id(field: &str, v: &str) -> Result<()> {
    if v.is_empty() || v.len() > 128 {
        return Err(Error::validation(field, "must be 1-128 characters"));
    }
    if !v
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b':' | b'@' | b'-'))
    {
        return Err(Error::validation(
            field,
            "may only contain A-Z, a-z, 0-9 and _ . : @ -",
        ));
    }
    Ok(())
}

/// Checks a timestamp: after 2000-01-01 and not more than 24 h after `now`.
pub fn timestamp(field: &str, t: Timestamp, now: Timestamp) -> Result<()> {
    if t < MIN_TIMESTAMP {
        return Err(Error::validation(field, "must not be before 2000-01-01"));
    }
    if t > now.add_millis(FUTURE_SLACK_MS) {
        return Err(Error::validation(
            field,
            "must not be more than 24 hours in the future",
        ));
    }
    Ok(())
}

fn opt_timestamp(field: &str, t: Option<Timestamp>, now: Timestamp) -> Result<()> {
    t.map_or(Ok(()), |t| timestamp(field, t, now))
}

fn order(start: Timestamp, end: Option<Timestamp>, field: &str, start_name: &str) -> Result<()> {
    match end {
        Some(e) if e < start => Err(Error::validation(
            field,
            format!("must not be before {start_name}"),
        )),
        _ => Ok(()),
    }
}

fn no_nul(field: &str, v: &str) -> Result<()> {
    if v.contains('\0') {
        return Err(Error::validation(field, "must not contain NUL characters"));
    }
    Ok(())
}

fn json_no_nul(field: &str, v: &Value) -> Result<()> {
    match v {
        Value::String(s) => no_nul(field, s),
        Value::Array(a) => a.iter().try_for_each(|x| json_no_nul(field, x)),
        Value::Object(m) => m
            .iter()
            .try_for_each(|(k, x)| no_nul(field, k).and_then(|_| json_no_nul(field, x))),
        _ => Ok(()),
    }
}

fn text(field: &str, v: &str, max: usize, allow_empty: bool) -> Result<()> {
    no_nul(field, v)?;
    if !allow_empty && v.trim().is_empty() {
        return Err(Error::validation(field, "must not be empty"));
    }
    if v.len() > max {
        return Err(Error::validation(
            field,
            format!("must be at most {max} bytes"),
        ));
    }
    Ok(())
}

fn json_size(v: &Value) -> usize {
    // Serializing a Value cannot fail.
    serde_json::to_vec(v).map(|b| b.len()).unwrap_or(usize::MAX)
}

fn json(field: &str, v: &Value, max: usize) -> Result<()> {
    json_no_nul(field, v)?;
    if json_size(v) > max {
        return Err(Error::validation(
            field,
            format!("must be at most {max} bytes of JSON"),
        ));
    }
    Ok(())
}

fn short_name(field: &str, v: &str) -> Result<()> {
    no_nul(field, v)?;
    if v.trim().is_empty() {
        return Err(Error::validation(field, "must not be empty"));
    }
    if v.len() > 256 {
        return Err(Error::validation(field, "must be at most 256 bytes"));
    }
    Ok(())
}

/// The longest run of digits an identifier may hold: phone, card and SSN numbers
/// are longer, so an identifier cannot carry one.
const MAX_DIGIT_RUN: usize = 6;

fn longest_digit_run(v: &str) -> usize {
    v.split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0)
}

/// Checks a name that is stored as is (tool names, usage kinds): a letter or `_`
/// first, then up to `max - 1` of `[A-Za-z0-9_.:/-]` (`extra_upper`: whether
/// upper case is allowed), and no run of more than six digits — a shape that
/// cannot carry an e-mail, phone, card or SSN number, so it needs no redaction.
pub fn identifier(field: &str, v: &str, max: usize, allow_upper: bool) -> Result<()> {
    let first_ok = v.bytes().next().is_some_and(|b| {
        b.is_ascii_lowercase() || b == b'_' || (allow_upper && b.is_ascii_uppercase())
    });
    let rest_ok = v.bytes().all(|b| {
        b.is_ascii_lowercase()
            || b.is_ascii_digit()
            || matches!(b, b'_' | b'.' | b':' | b'/' | b'-')
            || (allow_upper && b.is_ascii_uppercase())
    });
    if v.is_empty() || v.len() > max || !first_ok || !rest_ok {
        let chars = if allow_upper {
            "A-Z, a-z, 0-9"
        } else {
            "a-z, 0-9"
        };
        return Err(Error::validation(
            field,
            format!(
                "must be 1-{max} characters of {chars}, _ . : / -, starting with a letter or _"
            ),
        ));
    }
    if longest_digit_run(v) > MAX_DIGIT_RUN {
        return Err(Error::validation(
            field,
            "must not contain more than 6 digits in a row (it is stored unredacted)",
        ));
    }
    Ok(())
}

/// Validates a session upsert.
pub fn session_meta(m: &SessionMeta, limits: &Limits, now: Timestamp) -> Result<()> {
    id("session_id", &m.session_id)?;
    if let Some(u) = &m.user {
        id("user.id", &u.id)?;
        if let Some(a) = &u.auth_user_id {
            // Auth providers use their own shapes (`auth0|abc`, UUIDs...).
            if a.is_empty()
                || a.len() > 256
                || a.chars().any(|c| c.is_whitespace() || c.is_control())
            {
                return Err(Error::validation(
                    "user.auth_user_id",
                    "must be 1-256 characters without spaces",
                ));
            }
        }
        if let Some(e) = &u.email {
            let ok = e.len() <= 254
                && !e.contains('\0')
                && e.split_once('@').is_some_and(|(l, d)| {
                    !l.is_empty() && d.contains('.') && !d.starts_with('.') && !d.ends_with('.')
                })
                && !e.chars().any(char::is_whitespace);
            if !ok {
                return Err(Error::validation("user.email", "must be an e-mail address"));
            }
        }
    }
    for (f, v) in [
        ("provider_session_id", &m.provider_session_id),
        ("voice", &m.voice),
        ("persona", &m.persona),
    ] {
        if let Some(v) = v {
            short_name(f, v)?;
        }
    }
    if let Some(c) = &m.config {
        if !c.is_object() {
            return Err(Error::validation("config", "must be a JSON object"));
        }
        json("config", c, limits.config)?;
    }
    let t = &m.timings;
    opt_timestamp("timings.connect_requested", t.connect_requested, now)?;
    opt_timestamp("timings.session_issued", t.session_issued, now)?;
    opt_timestamp("timings.transport_connected", t.transport_connected, now)?;
    opt_timestamp("timings.first_audio", t.first_audio, now)?;
    opt_timestamp("started_at", m.started_at, now)?;
    opt_timestamp("ended_at", m.ended_at, now)?;
    if let Some(s) = m.started_at {
        order(s, m.ended_at, "ended_at", "started_at")?;
    }
    Ok(())
}

/// Validates a transcript segment.
pub fn segment(s: &TranscriptSegment, limits: &Limits, now: Timestamp) -> Result<()> {
    if let Some(i) = &s.item_id {
        id("item_id", i)?;
    }
    text("text", &s.text, limits.segment_text, true)?;
    timestamp("started_at", s.started_at, now)?;
    opt_timestamp("ended_at", s.ended_at, now)?;
    order(s.started_at, s.ended_at, "ended_at", "started_at")
}

/// Validates a tool event.
pub fn tool_event(e: &ToolEvent, limits: &Limits, now: Timestamp) -> Result<()> {
    if let Some(i) = &e.call_id {
        id("call_id", i)?;
    }
    identifier("name", &e.name, 128, true)?;
    json("args", &e.args, limits.tool_payload)?;
    if let Some(r) = &e.result {
        json("result", r, limits.tool_payload)?;
    }
    if e.duration_ms.is_some_and(|d| d > i64::MAX as u64) {
        return Err(Error::validation("duration_ms", "is too large"));
    }
    timestamp("at", e.at, now)
}

/// Validates a summary.
pub fn summary(s: &Summary, limits: &Limits, now: Timestamp) -> Result<()> {
    text("text", &s.text, limits.summary, false)?;
    let total = s.text.len() + s.key_points.iter().map(String::len).sum::<usize>();
    if total > limits.summary {
        return Err(Error::validation(
            "key_points",
            format!(
                "text and key points must be at most {} bytes",
                limits.summary
            ),
        ));
    }
    for (i, k) in s.key_points.iter().enumerate() {
        text(&format!("key_points[{i}]"), k, limits.summary, false)?;
    }
    timestamp("at", s.at, now)
}

/// Validates a usage event.
pub fn usage(u: &UsageEvent, limits: &Limits, now: Timestamp) -> Result<()> {
    if let Some(i) = &u.event_id {
        id("event_id", i)?;
    }
    identifier("kind", &u.kind, 64, false)?;
    if !u.value.is_finite() || u.value < 0.0 {
        return Err(Error::validation("value", "must be a finite number >= 0"));
    }
    if let Some(m) = &u.meta {
        json("meta", m, limits.usage_meta)?;
    }
    timestamp("at", u.at, now)
}

/// Validates any event.
pub fn event(e: &Event, limits: &Limits, now: Timestamp) -> Result<()> {
    match e {
        Event::Transcript(s) => segment(s, limits, now),
        Event::ToolEvent(t) => tool_event(t, limits, now),
        Event::Summary(s) => summary(s, limits, now),
        Event::Usage(u) => usage(u, limits, now),
    }
}

/// Validates a whole batch of one session before anything of it is written.
pub fn batch(session_id: &str, events: &[Event], limits: &Limits, now: Timestamp) -> Result<()> {
    id("session_id", session_id)?;
    if events.len() > limits.batch_events {
        return Err(Error::validation(
            "events",
            format!("at most {} events per batch", limits.batch_events),
        ));
    }
    for (i, e) in events.iter().enumerate() {
        event(e, limits, now).map_err(|err| err.in_field(&format!("events[{i}]")))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Role;

    fn check_id(v: &str, ok: bool) {
        assert_eq!(id("session_id", v).is_ok(), ok, "{v:?}");
    }

    #[test]
    fn ids() {
        check_id("sess_00042_9f1c", true);
        check_id("user@example.com", true);
        check_id("a:b.c-d", true);
        check_id("", false);
        check_id(&"x".repeat(128), true);
        check_id(&"x".repeat(129), false);
        check_id("has space", false);
        check_id("semi;colon", false);
        check_id("ünï", false);
    }

    #[test]
    fn timestamps_and_order() {
        let now = Timestamp::now();
        assert!(timestamp("at", now, now).is_ok());
        assert!(timestamp("at", Timestamp::from_millis(0), now).is_err());
        assert!(timestamp("at", now.add_millis(25 * 3600 * 1000), now).is_err());
        let mut s = TranscriptSegment::new(Role::User, "hi", now);
        s.ended_at = Some(now.add_millis(-1));
        let e = segment(&s, &Limits::default(), now).unwrap_err();
        assert_eq!(e.field(), Some("ended_at"));
        assert!(e.to_string().contains("started_at"));
    }

    #[test]
    fn stored_names_cannot_carry_numbers_or_addresses() {
        for ok in [
            "lookup_order",
            "get_weather_v2",
            "github.create_issue",
            "Search",
            "mcp/tool-1",
        ] {
            assert!(identifier("name", ok, 128, true).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "4111111111111111",
            "card_4111111111111111",
            "call_4155550195",
            "jane@example.com",
            "has space",
            "1st",
            "ünï",
        ] {
            let e = identifier("name", bad, 128, true).unwrap_err();
            assert_eq!(e.field(), Some("name"));
            if !bad.is_empty() {
                assert!(!e.to_string().contains(bad), "{e}");
            }
        }
        assert!(identifier("kind", "Input_Tokens", 64, false).is_err());
        assert!(identifier("kind", "audio_input_seconds", 64, false).is_ok());
    }

    #[test]
    fn batch_names_the_index() {
        let now = Timestamp::now();
        let good = Event::Transcript(TranscriptSegment::new(Role::User, "a", now));
        let bad = Event::Transcript(TranscriptSegment::new(Role::User, "x".repeat(70_000), now));
        let e = batch("s1", &[good, bad], &Limits::default(), now).unwrap_err();
        assert_eq!(e.field(), Some("events[1].text"));
        assert!(!e.to_string().contains("xxxx"));
    }
}
