//! One session's events of a batch append, split by kind, with duplicates inside
//! the batch removed (the first occurrence of a dedup key is the one written).

use std::collections::HashSet;

use crate::{AppendResult, CleanEvent, EventKind, SessionAppend};

/// A session's events split by [`EventKind`].
pub(crate) struct Split<'a> {
    /// Per kind (indexed by [`EventKind::index`]): first occurrences, in order.
    pub(crate) rows: [Vec<&'a CleanEvent>; 4],
    /// Per event of the input: whether it is the first occurrence of its key.
    first: Vec<bool>,
}

impl<'a> Split<'a> {
    pub(crate) fn new(events: &'a [CleanEvent]) -> Self {
        let mut rows: [Vec<&CleanEvent>; 4] = Default::default();
        let mut seen: HashSet<(EventKind, &str)> = HashSet::with_capacity(events.len());
        let first = events
            .iter()
            .map(|e| {
                let fresh = seen.insert((e.kind(), e.dedup_key()));
                if fresh {
                    rows[e.kind().index()].push(e);
                }
                fresh
            })
            .collect();
        Split { rows, first }
    }

    /// The rows of one kind.
    pub(crate) fn of(&self, kind: EventKind) -> &[&'a CleanEvent] {
        &self.rows[kind.index()]
    }

    /// One result per input event: `Inserted` for a first occurrence whose key
    /// `inserted` says was written, `Duplicate` otherwise.
    pub(crate) fn results(
        &self,
        events: &[CleanEvent],
        inserted: impl Fn(EventKind, &str) -> bool,
    ) -> Vec<AppendResult> {
        events
            .iter()
            .zip(&self.first)
            .map(|(e, first)| {
                if *first && inserted(e.kind(), e.dedup_key()) {
                    AppendResult::Inserted
                } else {
                    AppendResult::Duplicate
                }
            })
            .collect()
    }
}

/// The splits of a batch's sessions, `None` for a session that may not be
/// written (not stored, not `ACCEPTED`, or tombstoned).
pub(crate) fn split_accepted<'a>(
    batch: &[SessionAppend<'a>],
    accepted: impl Fn(&str) -> bool,
) -> Vec<Option<Split<'a>>> {
    batch
        .iter()
        .map(|p| accepted(p.session_id).then(|| Split::new(p.events)))
        .collect()
}
