//! The replay task: moves the spool's content to the primary once it answers.
//!
//! Oldest first, in rounds of [`SpoolConfig::replay_batch`](super::SpoolConfig)
//! operations: consecutive events (of any sessions) go in one batch append, every
//! other operation (meta, withdrawal, deletion, erasure) is applied alone after
//! the events before it, so per-session order is spool order. A row leaves the
//! spool only after the primary committed it; a crash between the two replays it
//! again, and the dedup keys make that a no-op. A connection-class error stops
//! the round (retried every `retry_every`); any other refusal moves the rows
//! concerned to the spool's `failed` table (counted in `replay_errors`). Each
//! step (primary write, then spool removal) holds `Shared::view` exclusively,
//! so a read during the outage sees every row exactly once.

use std::sync::atomic::Ordering::Relaxed;
use std::sync::Arc;
use std::time::Instant;

use super::file::{OpKind, StoredOp};
use super::state::Counters;
use super::tombstones::decode_withdrawal;
use super::Shared;
use crate::clean::codec;
use crate::{Backend, CleanEvent, Error, Result, SessionAppend};

/// Most rounds replayed while the writers are held, to empty the spool before
/// switching back to the primary (what came in since the last round: a few).
const CATCH_UP_ROUNDS: usize = 4;

/// Why a round stopped early.
enum Stop {
    /// The primary is (still) unreachable.
    Unreachable,
}

/// The task: waits while not degraded; while degraded, replays round after
/// round; once a round finds less than a full batch, replays the rest with the
/// writers held and switches back to the primary when the spool is empty.
pub(super) async fn run<B: Backend>(s: Arc<Shared<B>>) {
    let mut run_started: Option<(Instant, u64)> = None;
    loop {
        if s.closed.load(Relaxed) {
            return;
        }
        if !s.counters.is_degraded() {
            let _ = tokio::time::timeout(s.cfg.retry_every, s.wake.notified()).await;
            continue;
        }
        match round(&s).await {
            Ok((done, events)) if done < s.cfg.replay_batch.max(1) as u64 => {
                // Caught up (the spool held less than a round): hold the writers
                // (the lock waits for in-flight spool writes), replay what came in
                // meanwhile and switch back once the spool is empty. Without the
                // lock, a steady load keeps the spool from ever being found empty
                // and every write goes through it for as long as the load lasts.
                // Bounded by the primary timeout, so a primary that stops
                // answering now holds the writers no longer than that.
                let _w = s.route.write().await;
                let catch_up = async {
                    let mut n = 0;
                    for _ in 0..CATCH_UP_ROUNDS {
                        match round(&s).await {
                            Ok((0, _)) => return (true, n),
                            Ok((_, events)) => n += events,
                            Err(Stop::Unreachable) => break,
                        }
                    }
                    (false, n)
                };
                let (empty, n) = tokio::time::timeout(s.cfg.primary_timeout, catch_up)
                    .await
                    .unwrap_or((false, 0));
                let replayed = events + n;
                if replayed > 0 {
                    run_started.get_or_insert((Instant::now(), 0)).1 += replayed;
                }
                if empty && matches!(s.file.depth().await, Ok((0, _))) {
                    s.counters.leave_degraded();
                    if let Err(e) = s.file.checkpoint().await {
                        tracing::warn!(error = %e, "spool checkpoint after replay failed");
                    }
                    if let Some((t, n)) = run_started.take() {
                        let secs = t.elapsed().as_secs_f64();
                        if secs > 0.0 {
                            s.counters.set_rate(n as f64 / secs);
                        }
                    }
                }
            }
            Ok((_, events)) => {
                let (_, n) = run_started.get_or_insert((Instant::now(), 0));
                *n += events;
                if !s.cfg.replay_pause.is_zero() {
                    tokio::time::sleep(s.cfg.replay_pause).await;
                }
            }
            Err(Stop::Unreachable) => {
                let _ = tokio::time::timeout(s.cfg.retry_every, s.wake.notified()).await;
            }
        }
    }
}

/// Events waiting to be appended: per session (first appearance order), the
/// events and their spool rows.
#[derive(Default)]
struct Pending {
    sessions: Vec<(String, Vec<CleanEvent>, Vec<i64>)>,
}

impl Pending {
    fn add(&mut self, session_id: &str, e: CleanEvent, seq: i64) {
        match self.sessions.iter_mut().find(|(id, ..)| id == session_id) {
            Some((_, evs, seqs)) => {
                evs.push(e);
                seqs.push(seq);
            }
            None => self
                .sessions
                .push((session_id.to_owned(), vec![e], vec![seq])),
        }
    }
}

/// One round: returns (operations done, events appended).
async fn round<B: Backend>(s: &Shared<B>) -> Result<(u64, u64), Stop> {
    let ops = match s.file.oldest(s.cfg.replay_batch.max(1) as i64).await {
        Ok(ops) => ops,
        Err(e) => {
            tracing::warn!(error = %e, "spool replay could not read the spool");
            return Err(Stop::Unreachable);
        }
    };
    let mut done = 0u64;
    let mut events = 0u64;
    let mut pending = Pending::default();
    let mut bad = Vec::new();
    for op in ops {
        if op.kind == OpKind::Event {
            match codec::decode_event(&op.body) {
                Ok(e) => pending.add(&op.session_id, e, op.seq),
                Err(_) => bad.push(op.seq),
            }
            continue;
        }
        let n = flush(s, std::mem::take(&mut pending)).await?;
        done += n;
        events += n;
        apply(s, &op).await?;
        done += 1;
    }
    let n = flush(s, pending).await?;
    done += n;
    events += n;
    if !bad.is_empty() {
        quarantine(s, &bad).await;
        done += bad.len() as u64;
    }
    Ok((done, events))
}

async fn remove<B: Backend>(s: &Shared<B>, seqs: &[i64]) -> Result<(), Stop> {
    s.file.remove(seqs).await.map_err(|e| {
        tracing::warn!(error = %e, "spool rows could not be removed after replay");
        Stop::Unreachable
    })?;
    Counters::add(&s.counters.replayed, seqs.len() as u64);
    Ok(())
}

async fn quarantine<B: Backend>(s: &Shared<B>, seqs: &[i64]) {
    Counters::add(&s.counters.replay_errors, seqs.len() as u64);
    if let Err(e) = s.file.quarantine(seqs).await {
        tracing::error!(error = %e, "spool rows refused by the primary could not be set aside");
    }
}

/// Appends the pending events in one batch; returns how many left the spool.
async fn flush<B: Backend>(s: &Shared<B>, p: Pending) -> Result<u64, Stop> {
    if p.sessions.is_empty() {
        return Ok(0);
    }
    // Reads never see these rows in both the primary and the spool, or in neither.
    let _view = s.view.write().await;
    let batch: Vec<SessionAppend<'_>> = p
        .sessions
        .iter()
        .map(|(id, evs, _)| SessionAppend {
            session_id: id,
            events: evs,
        })
        .collect();
    let res = s.inner.append_batch(&batch).await;
    drop(batch);
    match res {
        Err(e) if e.is_unreachable() => Err(Stop::Unreachable),
        Err(e) => {
            tracing::warn!(error = %e, "the primary refused a replayed batch; retrying each session alone");
            let mut n = 0;
            for (id, evs, seqs) in p.sessions {
                let one = [SessionAppend {
                    session_id: &id,
                    events: &evs,
                }];
                match s.inner.append_batch(&one).await {
                    Err(e) if e.is_unreachable() => return Err(Stop::Unreachable),
                    Ok(mut r) if matches!(r.first(), Some(Ok(_))) && r.len() == 1 => {
                        let _ = r.pop();
                        remove(s, &seqs).await?;
                        n += seqs.len() as u64;
                    }
                    _ => quarantine(s, &seqs).await,
                }
            }
            Ok(n)
        }
        Ok(results) => {
            let mut ok = Vec::new();
            let mut lost = false;
            for ((_, _, seqs), r) in p.sessions.iter().zip(results) {
                match r {
                    Ok(_) => ok.extend_from_slice(seqs),
                    Err(e) if e.is_unreachable() => lost = true,
                    Err(e) => {
                        tracing::warn!(error = %e, "the primary refused a replayed session's events");
                        quarantine(s, seqs).await;
                    }
                }
            }
            remove(s, &ok).await?;
            if lost {
                return Err(Stop::Unreachable);
            }
            Ok(ok.len() as u64)
        }
    }
}

/// Applies one non-event operation.
async fn apply<B: Backend>(s: &Shared<B>, op: &StoredOp) -> Result<(), Stop> {
    let _view = s.view.write().await;
    let res: Result<()> = match op.kind {
        OpKind::Meta => match codec::decode_meta(&op.body) {
            Ok(m) => s.inner.upsert_session(&m).await.map(drop),
            Err(e) => Err(e),
        },
        OpKind::Withdraw => match decode_withdrawal(&op.body) {
            Some(w) => s.inner.withdraw(&op.session_id, w).await,
            None => Err(Error::Unavailable {
                what: "a spooled withdrawal could not be read",
            }),
        },
        OpKind::Delete => s.inner.delete_session(&op.session_id).await.map(drop),
        OpKind::EraseUser => match &op.user_id {
            Some(u) => s.inner.erase_user(u).await.map(drop),
            None => Err(Error::Unavailable {
                what: "a spooled erasure names no user",
            }),
        },
        OpKind::Event => unreachable!("events are flushed in batches"),
    };
    match res {
        Ok(()) => remove(s, &[op.seq]).await,
        Err(e) if e.is_unreachable() => Err(Stop::Unreachable),
        Err(e) => {
            tracing::warn!(error = %e, kind = ?op.kind, "the primary refused a replayed operation");
            quarantine(s, &[op.seq]).await;
            Ok(())
        }
    }
}
