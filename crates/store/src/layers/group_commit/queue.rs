//! The bounded FIFO of pending writes (appends and session upserts) and how a
//! batch is taken from it.
//!
//! A batch is the longest prefix of the queue that fits `max_batch_events` (at
//! least one request) and holds each session at most once: a request naming a
//! session already in the batch ends it, so that request goes into the next
//! transaction, after the earlier one committed — per-session order is queue
//! order, and a session is never in two open transactions.

use std::collections::{HashSet, VecDeque};
use std::time::Instant;

use tokio::sync::oneshot;

use crate::{AppendResult, CleanEvent, CleanSessionMeta, Result, UpsertResult};

/// The answer an appending caller waits for: one result per session of its request.
pub(super) type Answer = Result<Vec<Result<Vec<AppendResult>>>>;

/// What a caller asked for, and where its answer goes.
#[derive(Debug)]
pub(super) enum Work {
    /// An `append_batch`, owned (the batch outlives the caller's borrow).
    Append {
        parts: Vec<(String, Vec<CleanEvent>)>,
        tx: oneshot::Sender<Answer>,
    },
    /// An `upsert_session`.
    Upsert {
        meta: Box<CleanSessionMeta>,
        tx: oneshot::Sender<Result<UpsertResult>>,
    },
}

/// One caller's request.
#[derive(Debug)]
pub(super) struct Request {
    pub(super) work: Work,
    /// Events it holds (an upsert counts as one).
    pub(super) events: usize,
    pub(super) at: Instant,
}

impl Request {
    /// The sessions it writes.
    pub(super) fn sessions(&self) -> Vec<&str> {
        match &self.work {
            Work::Append { parts, .. } => parts.iter().map(|(id, _)| id.as_str()).collect(),
            Work::Upsert { meta, .. } => vec![meta.session_id()],
        }
    }
}

/// The queue and its bookkeeping (under one mutex).
#[derive(Debug, Default)]
pub(super) struct Queue {
    pub(super) items: VecDeque<Request>,
    /// Events in `items`.
    pub(super) events: usize,
    /// Requests ever enqueued (their sequence numbers are `0..submitted`).
    pub(super) submitted: u64,
    /// No more requests are accepted.
    pub(super) closed: bool,
}

impl Queue {
    /// Takes the next batch (see the module docs); empty when the queue is.
    pub(super) fn take(&mut self, max_events: usize) -> Vec<Request> {
        let mut out: Vec<Request> = Vec::new();
        let mut sessions: HashSet<String> = HashSet::new();
        let mut n = 0;
        while let Some(front) = self.items.front() {
            let fits = out.is_empty() || n + front.events <= max_events;
            let ids = front.sessions();
            let clash = ids.iter().any(|id| sessions.contains(*id));
            if !fits || clash {
                break;
            }
            sessions.extend(ids.into_iter().map(str::to_owned));
            let r = self.items.pop_front().expect("front exists");
            n += r.events;
            self.events -= r.events;
            out.push(r);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Redaction, Role, Timestamp, TranscriptSegment};

    fn req(ids: &[&str], events: usize) -> (Request, oneshot::Receiver<Answer>) {
        let r = Redaction::default();
        let seg = TranscriptSegment::new(Role::User, "hello", Timestamp::from_millis(1));
        let (e, _) = r.clean_event(&crate::Event::Transcript(seg));
        let (tx, rx) = oneshot::channel();
        let parts = ids
            .iter()
            .map(|id| ((*id).to_owned(), vec![e.clone(); events]))
            .collect();
        let r = Request {
            work: Work::Append { parts, tx },
            events: events * ids.len(),
            at: Instant::now(),
        };
        (r, rx)
    }

    fn queue(reqs: Vec<Request>) -> Queue {
        let mut q = Queue::default();
        for r in reqs {
            q.events += r.events;
            q.items.push_back(r);
        }
        q
    }

    #[test]
    fn a_session_already_in_the_batch_ends_it() {
        let (a, _ra) = req(&["s1"], 1);
        let (b, _rb) = req(&["s2"], 1);
        let (c, _rc) = req(&["s1"], 1);
        let (d, _rd) = req(&["s3"], 1);
        let mut q = queue(vec![a, b, c, d]);
        let first: Vec<_> = q
            .take(100)
            .into_iter()
            .map(|r| r.sessions()[0].to_owned())
            .collect();
        assert_eq!(
            first,
            ["s1", "s2"],
            "the second s1 waits for the next batch"
        );
        let second: Vec<_> = q
            .take(100)
            .into_iter()
            .map(|r| r.sessions()[0].to_owned())
            .collect();
        assert_eq!(second, ["s1", "s3"]);
        assert_eq!(q.events, 0);
    }

    #[test]
    fn an_upsert_of_a_session_in_the_batch_ends_it() {
        let meta = Redaction::default().clean_meta(
            &crate::SessionMeta::new("s1", crate::Consent::Accepted),
            false,
        );
        let (tx, _rx) = oneshot::channel();
        let upsert = Request {
            work: Work::Upsert {
                meta: Box::new(meta),
                tx,
            },
            events: 1,
            at: Instant::now(),
        };
        let (a, _ra) = req(&["s2"], 1);
        let (b, _rb) = req(&["s1"], 1);
        let (c, _rc) = req(&["s3"], 1);
        let mut q = queue(vec![a, upsert, b, c]);
        let first: Vec<_> = q
            .take(100)
            .iter()
            .map(|r| r.sessions()[0].to_owned())
            .collect();
        assert_eq!(first, ["s2", "s1"], "the upsert joins; s1's append waits");
        let second: Vec<_> = q
            .take(100)
            .iter()
            .map(|r| r.sessions()[0].to_owned())
            .collect();
        assert_eq!(second, ["s1", "s3"]);
    }

    #[test]
    fn batches_are_bounded_but_never_empty() {
        let (a, _ra) = req(&["s1"], 10);
        let (b, _rb) = req(&["s2"], 10);
        let mut q = queue(vec![a, b]);
        assert_eq!(q.take(5).len(), 1, "an oversized request still goes, alone");
        assert_eq!(q.events, 10);
        assert_eq!(q.take(5).len(), 1);
        assert!(q.take(5).is_empty());
    }
}
