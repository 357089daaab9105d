//! The consent state machine of one session: the only place that decides what a
//! write does. Pure: every transition is a method that returns an action for
//! [`RealtimeStore`](crate::RealtimeStore) to carry out; the results of those
//! actions come back through [`Known::learn`] and friends.

use crate::backend::{StoredState, TombstoneReason, UpsertResult};
use crate::{Consent, DropReason};

/// What the gate knows of a session's consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Known {
    /// Not looked up yet (or forgotten, or a write was refused).
    Unresolved,
    /// Nothing stored, no meta seen: events wait for a meta.
    Absent,
    /// `PENDING`: only held here (`stored: false`), or a stored session marked
    /// `PENDING` (`stored: true`).
    Pending {
        /// Whether the session row exists.
        stored: bool,
    },
    /// Stored and `ACCEPTED`: writes go through (the backend re-checks).
    Accepted,
    /// Declined, withdrawn, deleted or erased: writes are dropped with this reason,
    /// without a round trip, until an explicit re-consent.
    Closed(DropReason),
}

/// What to do with events sent to a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EventsAction {
    /// Read the stored state first ([`Known::learn`]), then ask again.
    Resolve,
    /// Hold them until consent is decided.
    Hold,
    /// Write them (after anything already held).
    Write,
    /// Drop them with this reason.
    Drop(DropReason),
}

/// What to do with a session upsert.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MetaAction {
    /// Read the stored state first, then ask again.
    Resolve,
    /// Upsert (`ACCEPTED`; the backend refuses a tombstoned session unless this is
    /// a re-consent), then write what is held.
    Upsert,
    /// Write the tombstone and delete or keep what was stored; discard what is held.
    Withdraw {
        /// Whether anything of the session may be stored (decides the reason).
        stored: bool,
    },
    /// Mark the stored session `PENDING` (stops writes everywhere) and hold the
    /// meta's other fields until acceptance.
    MarkPending,
    /// Hold the meta (nothing is stored before consent).
    HoldMeta,
    /// The session is closed: answer `dropped`.
    Drop(DropReason),
}

/// The drop reason a tombstone stands for.
pub(crate) fn reason_of(t: TombstoneReason) -> DropReason {
    match t {
        TombstoneReason::Declined | TombstoneReason::Withdrawn => DropReason::ConsentDeclined,
        _ => DropReason::Erased,
    }
}

impl Known {
    /// The state after reading what is stored. `pending_here`: a `PENDING` meta is
    /// held in this process.
    pub(crate) fn learn(stored: StoredState, pending_here: bool) -> Known {
        match stored {
            StoredState::Absent if pending_here => Known::Pending { stored: false },
            StoredState::Absent => Known::Absent,
            StoredState::Live(Consent::Accepted) => Known::Accepted,
            StoredState::Live(Consent::Pending) => Known::Pending { stored: true },
            StoredState::Live(Consent::Declined) => Known::Closed(DropReason::ConsentDeclined),
            StoredState::Tombstoned(t) => Known::Closed(reason_of(t)),
        }
    }

    /// Events arrive.
    pub(crate) fn on_events(self) -> EventsAction {
        match self {
            Known::Unresolved => EventsAction::Resolve,
            Known::Absent | Known::Pending { .. } => EventsAction::Hold,
            Known::Accepted => EventsAction::Write,
            Known::Closed(r) => EventsAction::Drop(r),
        }
    }

    /// A meta arrives with `consent`.
    pub(crate) fn on_meta(self, consent: Consent) -> MetaAction {
        match (consent, self) {
            // Always asked of the backend: only it knows whether another instance
            // re-consented; it refuses a tombstoned session.
            (Consent::Accepted, _) => MetaAction::Upsert,
            (Consent::Declined, Known::Absent | Known::Pending { stored: false }) => {
                MetaAction::Withdraw { stored: false }
            }
            (Consent::Declined, _) => MetaAction::Withdraw { stored: true },
            (Consent::Pending, Known::Unresolved) => MetaAction::Resolve,
            (Consent::Pending, Known::Accepted | Known::Pending { stored: true }) => {
                MetaAction::MarkPending
            }
            (Consent::Pending, Known::Absent | Known::Pending { stored: false }) => {
                MetaAction::HoldMeta
            }
            (Consent::Pending, Known::Closed(r)) => MetaAction::Drop(r),
        }
    }

    /// The state after an upsert answered `r` (`pending_here` as in [`Known::learn`]).
    pub(crate) fn after_upsert(r: UpsertResult, consent: Consent, pending_here: bool) -> Known {
        match r {
            UpsertResult::Refused(s) => Known::learn(s, pending_here),
            _ if consent == Consent::Pending => Known::Pending { stored: true },
            _ => Known::Accepted,
        }
    }

    /// The state after a withdrawal was written.
    pub(crate) fn after_withdraw() -> Known {
        Known::Closed(DropReason::ConsentDeclined)
    }

    /// The tombstone a withdrawal writes.
    pub(crate) fn withdraw_reason(stored: bool) -> TombstoneReason {
        if stored {
            TombstoneReason::Withdrawn
        } else {
            TombstoneReason::Declined
        }
    }

    /// Whether, while events are held, the stored state is worth re-reading
    /// (another instance may have decided the consent).
    pub(crate) fn may_change_elsewhere(self) -> bool {
        matches!(self, Known::Absent | Known::Pending { .. })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPEN: [Known; 5] = [
        Known::Unresolved,
        Known::Absent,
        Known::Pending { stored: false },
        Known::Pending { stored: true },
        Known::Accepted,
    ];

    #[test]
    fn events_table() {
        let table = [
            (Known::Unresolved, EventsAction::Resolve),
            (Known::Absent, EventsAction::Hold),
            (Known::Pending { stored: false }, EventsAction::Hold),
            (Known::Pending { stored: true }, EventsAction::Hold),
            (Known::Accepted, EventsAction::Write),
            (
                Known::Closed(DropReason::ConsentDeclined),
                EventsAction::Drop(DropReason::ConsentDeclined),
            ),
            (
                Known::Closed(DropReason::Erased),
                EventsAction::Drop(DropReason::Erased),
            ),
        ];
        for (state, want) in table {
            assert_eq!(state.on_events(), want, "{state:?}");
        }
    }

    #[test]
    fn meta_table() {
        use Consent::*;
        let closed = Known::Closed(DropReason::Erased);
        let table = [
            (Accepted, Known::Unresolved, MetaAction::Upsert),
            (Accepted, closed, MetaAction::Upsert),
            (
                Declined,
                Known::Absent,
                MetaAction::Withdraw { stored: false },
            ),
            (
                Declined,
                Known::Pending { stored: false },
                MetaAction::Withdraw { stored: false },
            ),
            (
                Declined,
                Known::Unresolved,
                MetaAction::Withdraw { stored: true },
            ),
            (
                Declined,
                Known::Accepted,
                MetaAction::Withdraw { stored: true },
            ),
            (Declined, closed, MetaAction::Withdraw { stored: true }),
            (Pending, Known::Unresolved, MetaAction::Resolve),
            (Pending, Known::Absent, MetaAction::HoldMeta),
            (
                Pending,
                Known::Pending { stored: false },
                MetaAction::HoldMeta,
            ),
            (
                Pending,
                Known::Pending { stored: true },
                MetaAction::MarkPending,
            ),
            (Pending, Known::Accepted, MetaAction::MarkPending),
            (Pending, closed, MetaAction::Drop(DropReason::Erased)),
        ];
        for (consent, state, want) in table {
            assert_eq!(state.on_meta(consent), want, "{consent:?} in {state:?}");
        }
    }

    #[test]
    fn learning_the_stored_state() {
        use StoredState::*;
        let table = [
            (Absent, false, Known::Absent),
            (Absent, true, Known::Pending { stored: false }),
            (Live(Consent::Accepted), false, Known::Accepted),
            (
                Live(Consent::Pending),
                false,
                Known::Pending { stored: true },
            ),
            (
                Live(Consent::Declined),
                false,
                Known::Closed(DropReason::ConsentDeclined),
            ),
            (
                Tombstoned(TombstoneReason::Withdrawn),
                true,
                Known::Closed(DropReason::ConsentDeclined),
            ),
            (
                Tombstoned(TombstoneReason::Declined),
                false,
                Known::Closed(DropReason::ConsentDeclined),
            ),
            (
                Tombstoned(TombstoneReason::Purged),
                false,
                Known::Closed(DropReason::Erased),
            ),
        ];
        for (stored, pending, want) in table {
            assert_eq!(Known::learn(stored, pending), want, "{stored:?}");
        }
    }

    #[test]
    fn closed_sessions_stay_closed_until_an_upsert_is_accepted() {
        let closed = Known::Closed(DropReason::ConsentDeclined);
        assert_eq!(
            Known::after_upsert(
                UpsertResult::Refused(StoredState::Tombstoned(TombstoneReason::Withdrawn)),
                Consent::Accepted,
                false
            ),
            closed
        );
        assert_eq!(
            Known::after_upsert(UpsertResult::Stored, Consent::Accepted, false),
            Known::Accepted
        );
        for s in OPEN {
            assert_ne!(
                s.on_events(),
                EventsAction::Drop(DropReason::ConsentDeclined)
            );
        }
        assert_eq!(Known::after_withdraw(), closed);
        assert!(!closed.may_change_elsewhere());
    }
}
