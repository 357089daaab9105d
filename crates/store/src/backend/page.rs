//! Page sizes and cursors: one rule, shared by the store and every backend.

use crate::{Page, Result, Session};

/// Default page size of `list_sessions`.
pub const DEFAULT_SESSION_PAGE: u32 = 50;
/// Default page size of child reads (transcripts, tool events).
pub const DEFAULT_CHILD_PAGE: u32 = 100;
/// The largest page any read returns.
pub const MAX_PAGE: u32 = 1000;

/// The page size rule, the only one: `None` is the default, `1..=MAX_PAGE` is
/// taken as is, anything else is a validation error on `limit`.
pub(crate) fn limit(req: Option<u32>, default: u32) -> Result<u32> {
    match req {
        None => Ok(default),
        Some(n) if (1..=MAX_PAGE).contains(&n) => Ok(n),
        Some(_) => Err(crate::Error::validation(
            "limit",
            "must be between 1 and 1000",
        )),
    }
}

/// Cursor of child reads: the last `seq` returned.
pub(crate) fn parse_seq_cursor(c: Option<&str>) -> Result<i64> {
    match c {
        None | Some("") => Ok(0),
        Some(c) => c.parse::<i64>().ok().filter(|s| *s >= 0).ok_or_else(|| {
            crate::Error::validation("cursor", "is not a cursor returned by this store")
        }),
    }
}

/// Cursor of session lists: `started_at` millis and id of the last row.
pub(crate) fn parse_session_cursor(c: Option<&str>) -> Result<Option<(i64, String)>> {
    match c {
        None | Some("") => Ok(None),
        Some(c) => {
            let bad =
                || crate::Error::validation("cursor", "is not a cursor returned by this store");
            let (ms, id) = c.split_once('~').ok_or_else(bad)?;
            let ms = ms.parse::<i64>().map_err(|_| bad())?;
            crate::validate::id("cursor", id).map_err(|_| bad())?;
            Ok(Some((ms, id.to_owned())))
        }
    }
}

/// Turns `limit + 1` fetched rows into a page: the extra row only says that a next
/// page exists; the cursor is that of the last row kept.
pub(crate) fn into_page<T>(
    mut items: Vec<T>,
    limit: u32,
    cursor: impl Fn(&T) -> String,
) -> Page<T> {
    let limit = limit as usize;
    let next_cursor = if items.len() > limit {
        items.truncate(limit);
        items.last().map(cursor)
    } else {
        None
    };
    Page { items, next_cursor }
}

/// Builds the cursor of a session list page.
pub(crate) fn session_cursor(s: &Session) -> String {
    format!("{}~{}", s.started_at.as_millis(), s.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_page_size_rule() {
        assert_eq!(limit(None, 50).unwrap(), 50);
        assert_eq!(limit(Some(1), 50).unwrap(), 1);
        assert_eq!(limit(Some(MAX_PAGE), 50).unwrap(), MAX_PAGE);
        assert_eq!(limit(Some(0), 50).unwrap_err().field(), Some("limit"));
        assert!(limit(Some(MAX_PAGE + 1), 50).is_err());
    }

    #[test]
    fn cursors_round_trip() {
        assert_eq!(parse_seq_cursor(None).unwrap(), 0);
        assert_eq!(parse_seq_cursor(Some("17")).unwrap(), 17);
        assert!(parse_seq_cursor(Some("-1")).is_err());
        assert!(parse_seq_cursor(Some("x")).is_err());
        assert_eq!(
            parse_session_cursor(Some("1700000000000~sess_1")).unwrap(),
            Some((1_700_000_000_000, "sess_1".to_owned()))
        );
        assert!(parse_session_cursor(Some("1700000000000~bad id")).is_err());
        assert!(parse_session_cursor(Some("nope")).is_err());
    }

    proptest::proptest! {
        #[test]
        fn cursor_parsers_never_panic(s in "\\PC{0,80}") {
            let _ = parse_seq_cursor(Some(&s));
            let _ = parse_session_cursor(Some(&s));
        }
    }
}
