//! The bounded FIFO of pending appends and how a batch is taken from it.
//!
//! A batch is the longest prefix of the queue that fits `max_batch_events` (at
//! least one request) and holds each session at most once: a request naming a
//! session already in the batch ends it, so that request goes into the next
//! transaction, after the earlier one committed — per-session order is queue
//! order, and a session is never in two open transactions.

use std::collections::{HashSet, VecDeque};
use std::time::Instant;

use tokio::sync::oneshot;

use crate::{AppendResult, CleanEvent, Result};

/// The answer a caller waits for: one result per session of its request.
pub(super) type Answer = Result<Vec<Result<Vec<AppendResult>>>>;

/// One caller's `append_batch`, owned (the batch outlives the caller's borrow).
#[derive(Debug)]
pub(super) struct Request {
    pub(super) parts: Vec<(String, Vec<CleanEvent>)>,
    pub(super) events: usize,
    pub(super) at: Instant,
    pub(super) tx: oneshot::Sender<Answer>,
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
            let clash = front.parts.iter().any(|(id, _)| sessions.contains(id));
            if !fits || clash {
                break;
            }
            let r = self.items.pop_front().expect("front exists");
            n += r.events;
            self.events -= r.events;
            sessions.extend(r.parts.iter().map(|(id, _)| id.clone()));
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
            parts,
            events: events * ids.len(),
            at: Instant::now(),
            tx,
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
            .map(|r| r.parts[0].0.clone())
            .collect();
        assert_eq!(
            first,
            ["s1", "s2"],
            "the second s1 waits for the next batch"
        );
        let second: Vec<_> = q
            .take(100)
            .into_iter()
            .map(|r| r.parts[0].0.clone())
            .collect();
        assert_eq!(second, ["s1", "s3"]);
        assert_eq!(q.events, 0);
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
