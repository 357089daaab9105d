//! After a batch, a short wait for the callers it answered
//! ([`GroupCommitConfig::regroup`](super::GroupCommitConfig::regroup)).
//!
//! A live call's next event follows its previous answer within microseconds. If
//! the worker took the next batch at once, it would hold only the callers that
//! queued during the commit: the calls split into two halves that take turns,
//! each half one batch, one fsync. Waiting until the answered callers are back
//! (bounded by a fraction of the commit's time) commits them together. Callers
//! with think time do not come back that soon; the worker notices ([`Returns`])
//! and stops waiting for them.

use std::time::{Duration, Instant};

use super::Shared;
use crate::WriteCore;

/// Whether the callers of a batch come back at once (a closed loop of live
/// calls) or not (callers with think time): the share that did, averaged over
/// recent batches. Waiting is only worth it in the first case; every 16th
/// batch waits anyway, to notice a change.
#[derive(Debug)]
pub(super) struct Returns {
    share: f64,
    batches: u32,
}

impl Default for Returns {
    fn default() -> Self {
        Returns {
            share: 1.0,
            batches: 0,
        }
    }
}

impl Returns {
    fn worth_waiting(&mut self) -> bool {
        self.batches = self.batches.wrapping_add(1);
        self.share >= 0.5 || self.batches % 16 == 0
    }

    fn saw(&mut self, back: usize, answered: usize) {
        self.share = 0.75 * self.share + 0.25 * back as f64 / answered.max(1) as f64;
    }
}

/// Waits until as many requests arrived since the last batch's answers as that
/// batch had callers, the next batch would be full, or a `regroup` fraction of
/// the last commit's time has passed (Tokio's timer rounds that up to its
/// millisecond tick; arrivals end the wait sooner).
pub(super) async fn regroup<B: WriteCore>(
    s: &Shared<B>,
    (answered, from, took): (usize, Instant, Duration),
    returns: &mut Returns,
) {
    if answered < 2 || s.cfg.regroup <= 0.0 || !returns.worth_waiting() {
        return;
    }
    let deadline = from + took.mul_f64(s.cfg.regroup.min(1.0));
    let back = loop {
        let notified = s.wake.notified();
        let (back, done) = {
            let q = s.queue.lock();
            // The queue is in arrival order: the newest are at its back.
            let back = q
                .items
                .iter()
                .rev()
                .take(answered)
                .take_while(|r| r.at >= from);
            let back = back.count();
            (
                back,
                q.closed || back >= answered || q.events >= s.cfg.max_batch_events,
            )
        };
        let now = Instant::now();
        if done || now >= deadline {
            break back;
        }
        if tokio::time::timeout(deadline - now, notified)
            .await
            .is_err()
        {
            break back;
        }
    };
    returns.saw(back, answered);
}

#[cfg(test)]
mod tests {
    use super::Returns;

    #[test]
    fn waiting_stops_while_callers_do_not_come_back_and_is_probed_again() {
        let mut r = Returns::default();
        assert!(r.worth_waiting(), "callers are expected back at first");
        // Callers with think time: none of them back within the wait.
        for _ in 0..4 {
            r.saw(0, 10);
        }
        let waits: Vec<bool> = (0..32).map(|_| r.worth_waiting()).collect();
        assert_eq!(
            waits.iter().filter(|w| **w).count(),
            2,
            "only every 16th batch probes"
        );
        // A closed loop again: the probes see them back, and waiting resumes.
        r.saw(10, 10);
        r.saw(10, 10);
        r.saw(10, 10);
        assert!(r.worth_waiting());
    }
}
