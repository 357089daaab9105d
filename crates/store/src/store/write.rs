//! The write paths: each step asks the session's state machine
//! ([`Known`](crate::gate::Known)) what to do and carries it out.

use std::time::Instant;

use tokio::sync::OwnedMutexGuard;

use super::RealtimeStore;
use crate::backend::{AppendResult, SessionAppend, UpsertResult, Withdrawal};
use crate::gate::{Counters, EventsAction, Known, MetaAction, SlotState};
use crate::{
    Backend, CleanEvent, Consent, DropReason, Error, Event, OnWithdrawal, Result, SessionMeta,
    WriteOutcome,
};

type Guard = OwnedMutexGuard<SlotState>;

/// One session's part of a multi-session write.
struct Part {
    /// Index of the session in the caller's groups.
    group: usize,
    /// Held events (first `held`) then the new ones.
    batch: Vec<CleanEvent>,
    held: usize,
}

fn outcome(r: AppendResult) -> Option<WriteOutcome> {
    match r {
        AppendResult::Inserted => Some(WriteOutcome::Persisted),
        AppendResult::Duplicate => Some(WriteOutcome::Duplicate),
        AppendResult::Spooled => Some(WriteOutcome::Spooled),
        AppendResult::Volatile => Some(WriteOutcome::Volatile),
        AppendResult::NotAccepted => None,
    }
}

impl<B: Backend> RealtimeStore<B> {
    fn counters(&self) -> &Counters {
        &self.gate.counters
    }

    /// Reads the stored state when the slot does not know it.
    async fn resolve(&self, session_id: &str, st: &mut SlotState) -> Result<()> {
        if st.known == Known::Unresolved {
            let stored = self.backend.stored_state(session_id).await?;
            st.checked_at = Some(Instant::now());
            st.known = Known::learn(stored, st.has_pending_meta());
            if matches!(st.known, Known::Closed(_)) && st.holds_anything() {
                st.discard(self.counters());
            }
        }
        Ok(())
    }

    /// While events are held, another instance may have decided the session's
    /// consent: read it again, at most once per `recheck_after`.
    async fn recheck_held(&self, session_id: &str, st: &mut SlotState) -> Result<()> {
        let due = st
            .checked_at
            .is_none_or(|t| t.elapsed() >= self.gate.cfg.recheck_after);
        if !due || !st.holds_events() || !st.known.may_change_elsewhere() {
            return Ok(());
        }
        st.known = Known::Unresolved;
        self.resolve(session_id, st).await?;
        if st.known == Known::Accepted {
            tracing::debug!(session_id = %session_id, "accepted elsewhere; flushing held events");
        }
        Ok(())
    }

    fn drop_all(&self, n: usize, r: DropReason) -> Vec<WriteOutcome> {
        Counters::add(&self.counters().dropped_declined, n as u64);
        vec![WriteOutcome::Dropped(r); n]
    }

    /// Cleans events for a session (redaction, keyless disambiguation).
    fn clean(&self, st: &mut SlotState, events: &[Event]) -> Vec<CleanEvent> {
        events
            .iter()
            .map(|e| {
                let (mut c, raw) = self.redaction.clean_event(e);
                st.disambiguate(&mut c, raw);
                c
            })
            .collect()
    }

    /// Writes validated events of several sessions (each session once, events in
    /// order): every session's slot is locked (in id order, so concurrent batches
    /// cannot deadlock), each session's events are held, dropped or written as its
    /// state says, and everything written goes to the backend in **one** batch
    /// append. One session's failure fails only that session.
    pub(super) async fn write_sessions(
        &self,
        groups: &[(&str, &[Event])],
    ) -> Result<Vec<Result<Vec<WriteOutcome>>>> {
        let mut order: Vec<usize> = (0..groups.len()).collect();
        order.sort_by_key(|&i| groups[i].0);
        let mut guards: Vec<Option<Guard>> = (0..groups.len()).map(|_| None).collect();
        for &i in &order {
            guards[i] = Some(self.gate.slot(groups[i].0).lock_owned().await);
        }
        let mut guards: Vec<Guard> = guards.into_iter().map(|g| g.expect("locked")).collect();
        let mut out: Vec<Result<Vec<WriteOutcome>>> = Vec::with_capacity(groups.len());
        let mut parts = Vec::new();
        for (i, (&(id, events), st)) in groups.iter().zip(guards.iter_mut()).enumerate() {
            let st: &mut SlotState = st;
            st.expire(&self.gate.cfg, self.counters(), Instant::now());
            let prepared = async {
                self.resolve(id, st).await?;
                self.recheck_held(id, st).await
            }
            .await;
            if let Err(e) = prepared {
                out.push(Err(e));
                continue;
            }
            out.push(Ok(match st.known.on_events() {
                EventsAction::Drop(r) => self.drop_all(events.len(), r),
                EventsAction::Hold | EventsAction::Resolve => {
                    let clean = self.clean(st, events);
                    clean
                        .into_iter()
                        .map(|e| st.hold(&self.gate.cfg, self.counters(), e))
                        .collect()
                }
                EventsAction::Write => {
                    let clean = self.clean(st, events);
                    let mut batch = st.take(self.counters());
                    let held = batch.len();
                    batch.extend(clean);
                    parts.push(Part {
                        group: i,
                        batch,
                        held,
                    });
                    Vec::new()
                }
            }));
        }
        if parts.is_empty() {
            return Ok(out);
        }
        let appends: Vec<SessionAppend<'_>> = parts
            .iter()
            .map(|p| SessionAppend {
                session_id: groups[p.group].0,
                events: &p.batch,
            })
            .collect();
        let results = match self.backend.append_batch(&appends).await {
            Ok(r) => r,
            Err(e) => {
                tracing::warn!(error = %e, retryable = e.is_retryable(), "append failed");
                for p in parts {
                    let held = p.batch.into_iter().take(p.held).collect();
                    guards[p.group].restore(self.counters(), held);
                }
                return Err(e);
            }
        };
        drop(appends);
        for (p, res) in parts.into_iter().zip(results) {
            let id = groups[p.group].0;
            let st: &mut SlotState = &mut guards[p.group];
            out[p.group] = match res {
                Err(e) => {
                    let held = p.batch.into_iter().take(p.held).collect();
                    st.restore(self.counters(), held);
                    Err(e)
                }
                Ok(results) => self.settle(id, st, p.batch, p.held, results).await,
            };
        }
        Ok(out)
    }

    /// Turns one session's append results into outcomes; events the backend
    /// refused (the stored state changed under us, possibly on another instance)
    /// are handled as the re-read state says.
    async fn settle(
        &self,
        id: &str,
        st: &mut SlotState,
        batch: Vec<CleanEvent>,
        held: usize,
        results: Vec<AppendResult>,
    ) -> Result<Vec<WriteOutcome>> {
        let mut refused_held = Vec::new();
        let mut out = Vec::with_capacity(batch.len() - held);
        let mut refused = Vec::new();
        let mut flushed = 0;
        for (i, (event, r)) in batch.into_iter().zip(results).enumerate() {
            match (i < held, outcome(r)) {
                (true, Some(_)) => flushed += 1,
                (true, None) => refused_held.push(event),
                (false, Some(o)) => out.push(o),
                (false, None) => {
                    refused.push((out.len(), event));
                    out.push(WriteOutcome::Buffered);
                }
            }
        }
        Counters::add(&self.counters().flushed, flushed);
        if refused.is_empty() && refused_held.is_empty() {
            return Ok(out);
        }
        tracing::debug!(session_id = %id, refused = refused.len(), "backend refused writes; re-reading the stored state");
        st.known = Known::Unresolved;
        self.resolve(id, st).await?;
        match st.known {
            Known::Closed(r) => {
                for (i, _) in &refused {
                    out[*i] = WriteOutcome::Dropped(r);
                }
                Counters::add(&self.counters().dropped_declined, refused.len() as u64);
                Counters::add(
                    &self.counters().discarded_declined,
                    refused_held.len() as u64,
                );
            }
            Known::Accepted => {
                // Accepted again in between (rare): one more try, in order.
                let mut retry = refused_held;
                let n_held = retry.len();
                retry.extend(refused.iter().map(|(_, e)| e.clone()));
                let part = [SessionAppend {
                    session_id: id,
                    events: &retry,
                }];
                let mut res = self.backend.append_batch(&part).await?;
                let res = res.pop().expect("one result per session")?;
                for ((i, event), r) in refused.into_iter().zip(res.into_iter().skip(n_held)) {
                    out[i] = match outcome(r) {
                        Some(o) => o,
                        None => st.hold(&self.gate.cfg, self.counters(), event),
                    };
                }
            }
            _ => {
                st.restore(self.counters(), refused_held);
                for (i, event) in refused {
                    out[i] = st.hold(&self.gate.cfg, self.counters(), event);
                }
            }
        }
        Ok(out)
    }

    /// Writes a validated session meta (`reconsent`: an explicit re-consent).
    /// A stored hang-up (`ended_at`, ACCEPTED) lets the consent cache forget the
    /// session ([`Gate::forget_ended`](crate::gate::Gate::forget_ended)), so the
    /// memory of a long-running service follows the live calls, not every call
    /// it ever saw.
    pub(super) async fn write_meta(
        &self,
        meta: SessionMeta,
        reconsent: bool,
    ) -> Result<WriteOutcome> {
        let ended = meta.ended_at.is_some() && meta.consent == Consent::Accepted;
        let id = meta.session_id.clone();
        let user = meta.user.as_ref().map(|u| u.id.clone());
        let out = self.write_meta_in_slot(meta, reconsent).await;
        if ended
            && matches!(
                out,
                Ok(WriteOutcome::Persisted | WriteOutcome::Spooled | WriteOutcome::Volatile)
            )
        {
            self.gate.forget_ended(&id, user.as_deref());
        }
        out
    }

    async fn write_meta_in_slot(&self, meta: SessionMeta, reconsent: bool) -> Result<WriteOutcome> {
        let id = meta.session_id.clone();
        let clean = self.redaction.clean_meta(&meta, reconsent);
        if let Some(u) = clean.user_id() {
            self.gate.note_user(u, &id);
        }
        let slot = self.gate.slot(&id);
        let mut st = slot.lock().await;
        let st: &mut SlotState = &mut st;
        st.expire(&self.gate.cfg, self.counters(), Instant::now());
        loop {
            match st.known.on_meta(meta.consent) {
                MetaAction::Resolve => self.resolve(&id, st).await?,
                MetaAction::Drop(r) => return Ok(WriteOutcome::Dropped(r)),
                MetaAction::HoldMeta => {
                    return Ok(if st.hold_meta(&self.gate.cfg, self.counters(), clean) {
                        st.known = Known::Pending { stored: false };
                        WriteOutcome::Buffered
                    } else {
                        WriteOutcome::Dropped(DropReason::BufferFull)
                    });
                }
                MetaAction::MarkPending => {
                    // Stop persisting everywhere first (the stored consent is the
                    // truth), then hold the other fields until acceptance.
                    let r = self.backend.upsert_session(&clean).await?;
                    st.known = Known::after_upsert(r, Consent::Pending, true);
                    if let Known::Closed(r) = st.known {
                        return Ok(WriteOutcome::Dropped(r));
                    }
                    return Ok(if st.hold_meta(&self.gate.cfg, self.counters(), clean) {
                        WriteOutcome::Buffered
                    } else {
                        WriteOutcome::Dropped(DropReason::BufferFull)
                    });
                }
                MetaAction::Withdraw { stored } => {
                    st.discard(self.counters());
                    // Fail closed: this instance stops persisting now, even if
                    // telling the backend fails below (the caller retries).
                    st.known = Known::after_withdraw();
                    let how = Withdrawal {
                        erase: !stored || self.gate.cfg.on_withdrawal == OnWithdrawal::Erase,
                        reason: Known::withdraw_reason(stored),
                        remove_orphan_user: self.gate.cfg.remove_orphan_users,
                    };
                    self.backend.withdraw(&id, how).await?;
                    Counters::add(&self.counters().tombstones, 1);
                    tracing::debug!(session_id = %id, erase = how.erase, "consent declined");
                    return Ok(WriteOutcome::Dropped(DropReason::ConsentDeclined));
                }
                MetaAction::Upsert => return self.accept(&id, st, clean).await,
            }
        }
    }

    /// `ACCEPTED`: upsert (merged with a held meta), then write what was held.
    async fn accept(
        &self,
        id: &str,
        st: &mut SlotState,
        clean: crate::CleanSessionMeta,
    ) -> Result<WriteOutcome> {
        let merged = st.merged_meta(self.counters(), clean);
        let r = match self.backend.upsert_session(&merged).await {
            Ok(r) => r,
            Err(e) => {
                st.restore_meta(self.counters(), merged);
                return Err(e);
            }
        };
        st.known = Known::after_upsert(r, Consent::Accepted, false);
        st.checked_at = Some(Instant::now());
        if let Known::Closed(reason) = st.known {
            st.discard(self.counters());
            return Ok(WriteOutcome::Dropped(reason));
        }
        let stored = match r {
            UpsertResult::Stored => WriteOutcome::Persisted,
            UpsertResult::Volatile => WriteOutcome::Volatile,
            _ => WriteOutcome::Spooled,
        };
        let held = st.take(self.counters());
        if held.is_empty() {
            return Ok(stored);
        }
        let part = [SessionAppend {
            session_id: id,
            events: &held,
        }];
        let res = self
            .backend
            .append_batch(&part)
            .await
            .and_then(|mut v| v.pop().expect("one result per session"));
        match res {
            Ok(results) => {
                let n = results.iter().filter(|r| outcome(**r).is_some()).count();
                Counters::add(&self.counters().flushed, n as u64);
                tracing::debug!(session_id = %id, flushed = n, "consent accepted; held events written");
                Ok(stored)
            }
            Err(e) => {
                st.restore(self.counters(), held);
                Err(e)
            }
        }
    }

    /// Closes the given sessions in this process (erased or deleted elsewhere in
    /// this call): held content discarded, later writes dropped.
    pub(super) async fn close_sessions(
        &self,
        ids: impl IntoIterator<Item = String>,
        r: DropReason,
    ) {
        for id in ids {
            let slot = self.gate.slot(&id);
            let mut st = slot.lock().await;
            st.discard(self.counters());
            st.known = Known::Closed(r);
        }
    }
}

impl Error {
    /// A content-free copy (same variant class, operation and retryability), for
    /// reporting one failure on every event it affected.
    pub(crate) fn duplicate(&self) -> Error {
        match self {
            Error::Validation { field, rule } => Error::Validation {
                field: field.clone(),
                rule: rule.clone(),
            },
            Error::Backend {
                op,
                retryable,
                source,
            } => Error::Backend {
                op,
                retryable: *retryable,
                source: source.to_string().into(),
            },
            other => Error::Backend {
                op: "write",
                retryable: other.is_retryable(),
                source: other.to_string().into(),
            },
        }
    }
}
