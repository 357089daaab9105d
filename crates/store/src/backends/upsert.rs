//! The decision of a session upsert, shared by the SQL backends (SQLite's two
//! write paths and PostgreSQL): from what is stored for the session — its
//! consent, `started_at` and tombstone — whether the upsert is refused, only
//! marks the consent, or stores the session (lifting the tombstone of an
//! explicit re-consent). Each backend then runs its own statements.

use crate::backends::rows::stored_state;
use crate::{CleanSessionMeta, Consent, Error, Result, StoredState};

/// What an upsert does, decided from the session's stored state (consent,
/// `started_at`, tombstone reason).
pub(crate) enum UpsertPlan {
    /// Nothing is written: a tombstone without re-consent, or a consent other
    /// than ACCEPTED for a session that is not stored.
    Refused(StoredState),
    /// PENDING / DECLINED on a stored session: only its consent is marked.
    MarkConsent,
    /// The user and the session are upserted, after lifting the tombstone of an
    /// explicit re-consent.
    Store {
        /// The session was tombstoned and this is its re-consent.
        untombstone: bool,
    },
}

/// Decides an upsert (see [`UpsertPlan`]); fails an `ended_at` before the
/// stored `started_at`.
pub(crate) fn upsert_plan(
    m: &CleanSessionMeta,
    consent: Option<String>,
    started: Option<i64>,
    reason: Option<String>,
) -> Result<UpsertPlan> {
    let tombstoned = reason.is_some();
    let state = stored_state(consent, reason)?;
    if tombstoned && !m.is_reconsent() {
        return Ok(UpsertPlan::Refused(state));
    }
    if m.consent() != Consent::Accepted {
        // PENDING never creates a row: it only marks a stored session.
        if started.is_none() || tombstoned {
            return Ok(UpsertPlan::Refused(state));
        }
        return Ok(UpsertPlan::MarkConsent);
    }
    if let (Some(s), Some(e)) = (started, m.ended_at()) {
        if e.as_millis() < s {
            return Err(Error::validation(
                "ended_at",
                "must not be before started_at",
            ));
        }
    }
    Ok(UpsertPlan::Store {
        untombstone: tombstoned,
    })
}
