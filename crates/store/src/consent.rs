//! The consent gate's memory: what each live session's consent is, and the events
//! held for sessions whose consent is not decided yet.
//!
//! Pure bookkeeping, no I/O: [`RealtimeStore`](crate::RealtimeStore) drives it.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::{CleanEvent, CleanSessionMeta, Consent, DropReason, WriteOutcome};

/// What to do with stored content when consent is withdrawn (`ACCEPTED` → `DECLINED`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnWithdrawal {
    /// Delete the session and everything stored for it (the default).
    #[default]
    Erase,
    /// Mark the session `DECLINED`, keep what was stored, store nothing more.
    Keep,
}

/// Limits of the pre-consent buffer and of the consent cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConsentConfig {
    /// Events held per undecided session (default 1000). Further events are dropped
    /// and counted as overflow.
    pub max_items: usize,
    /// Bytes held per undecided session (default 1 MiB).
    pub max_bytes: usize,
    /// How long an event may wait for consent (default 10 min); older ones are
    /// discarded and counted as expired.
    pub max_age: Duration,
    /// Undecided sessions buffering at once (default 10 000).
    pub max_sessions: usize,
    /// Sessions whose consent is cached (default 100 000); idle ones beyond are
    /// forgotten and read again from the backend once when they come back.
    pub max_cached: usize,
    /// While a session's events are held, how often its stored consent is read
    /// again on the next append (default 1 s): another instance may have accepted
    /// (or declined) it meanwhile. At most one read per interval per held session.
    pub recheck_after: Duration,
    /// Withdrawal policy.
    pub on_withdrawal: OnWithdrawal,
}

impl Default for ConsentConfig {
    fn default() -> Self {
        ConsentConfig {
            max_items: 1000,
            max_bytes: 1024 * 1024,
            max_age: Duration::from_secs(600),
            max_sessions: 10_000,
            max_cached: 100_000,
            recheck_after: Duration::from_secs(1),
            on_withdrawal: OnWithdrawal::Erase,
        }
    }
}

/// Counters of the consent gate (monotonic since start).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ConsentStats {
    /// Events accepted into a pre-consent buffer.
    pub buffered: u64,
    /// Buffered events written when consent became `ACCEPTED`.
    pub flushed: u64,
    /// Buffered events discarded because consent became `DECLINED`.
    pub discarded_declined: u64,
    /// Events dropped because a buffer (or the number of buffering sessions) was full.
    pub overflow: u64,
    /// Buffered events discarded because they waited longer than `max_age`.
    pub expired: u64,
    /// Events dropped because the session is `DECLINED`.
    pub dropped_declined: u64,
    /// Events held right now.
    pub held_events: u64,
    /// Sessions holding events right now.
    pub held_sessions: u64,
}

#[derive(Default)]
pub(crate) struct Counters {
    buffered: AtomicU64,
    pub(crate) flushed: AtomicU64,
    discarded_declined: AtomicU64,
    overflow: AtomicU64,
    expired: AtomicU64,
    pub(crate) dropped_declined: AtomicU64,
    held_events: AtomicU64,
    held_sessions: AtomicU64,
}

/// What the gate knows of a session's consent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Known {
    /// Not looked up yet (or forgotten).
    Unresolved,
    /// No such session stored, no meta seen: events wait for a meta.
    Absent,
    /// Consent as last seen (stored, or pending in memory only).
    Is(Consent),
}

struct Held {
    event: CleanEvent,
    bytes: usize,
    at: Instant,
}

/// Per-session state, behind the session's own async lock (which also orders the
/// session's writes within this process).
pub(crate) struct SlotState {
    pub(crate) known: Known,
    /// The session row exists in the backend.
    pub(crate) stored: bool,
    /// When the stored consent was last read.
    pub(crate) checked_at: Option<Instant>,
    pending_meta: Option<(CleanSessionMeta, Instant)>,
    buffer: VecDeque<Held>,
    bytes: usize,
}

pub(crate) type Slot = Arc<tokio::sync::Mutex<SlotState>>;

/// The gate's memory.
pub(crate) struct Gate {
    pub(crate) cfg: ConsentConfig,
    slots: parking_lot::Mutex<HashMap<String, Slot>>,
    /// Size of the slot map at which the next eviction pass runs (amortises the
    /// scan when most cached sessions cannot be evicted).
    next_scan: std::sync::atomic::AtomicUsize,
    pub(crate) counters: Counters,
}

impl Gate {
    pub(crate) fn new(cfg: ConsentConfig) -> Self {
        Gate {
            cfg,
            slots: parking_lot::Mutex::new(HashMap::new()),
            next_scan: std::sync::atomic::AtomicUsize::new(cfg.max_cached),
            counters: Counters::default(),
        }
    }

    /// The slot of a session, created (unresolved) if missing.
    pub(crate) fn slot(&self, session_id: &str) -> Slot {
        let mut slots = self.slots.lock();
        if let Some(s) = slots.get(session_id) {
            return s.clone();
        }
        if slots.len() >= self.next_scan.load(Ordering::Relaxed) {
            // Forget idle sessions: nobody holds them, nothing buffered or pending.
            // Declined sessions are kept while there is room (up to twice the
            // limit): a declined session that was never stored cannot be learned
            // again from the backend, and its events must keep being dropped.
            let keep_declined = slots.len() < 2 * self.cfg.max_cached;
            slots.retain(|_, s| {
                Arc::strong_count(s) > 1
                    || s.try_lock()
                        .map(|st| {
                            !st.buffer.is_empty()
                                || st.pending_meta.is_some()
                                || (keep_declined && st.known == Known::Is(Consent::Declined))
                        })
                        .unwrap_or(true)
            });
            let cap = self.cfg.max_cached;
            self.next_scan
                .store(slots.len().max(cap) + cap / 8 + 1, Ordering::Relaxed);
        }
        let s: Slot = Arc::new(tokio::sync::Mutex::new(SlotState {
            known: Known::Unresolved,
            stored: false,
            checked_at: None,
            pending_meta: None,
            buffer: VecDeque::new(),
            bytes: 0,
        }));
        slots.insert(session_id.to_owned(), s.clone());
        s
    }

    /// Sessions currently cached.
    #[cfg(test)]
    pub(crate) fn cached(&self) -> usize {
        self.slots.lock().len()
    }

    /// Forgets a session (after it was deleted). Its buffer is discarded.
    pub(crate) fn forget(&self, session_id: &str, st: &mut SlotState) {
        self.take_buffer(st);
        st.pending_meta = None;
        st.known = Known::Unresolved;
        st.stored = false;
        self.slots.lock().remove(session_id);
    }

    pub(crate) fn stats(&self) -> ConsentStats {
        let c = &self.counters;
        let l = |a: &AtomicU64| a.load(Ordering::Relaxed);
        ConsentStats {
            buffered: l(&c.buffered),
            flushed: l(&c.flushed),
            discarded_declined: l(&c.discarded_declined),
            overflow: l(&c.overflow),
            expired: l(&c.expired),
            dropped_declined: l(&c.dropped_declined),
            held_events: l(&c.held_events),
            held_sessions: l(&c.held_sessions),
        }
    }

    /// Discards events (and pending meta) older than `max_age`. Returns how many
    /// events expired.
    pub(crate) fn expire(&self, st: &mut SlotState, now: Instant) -> u64 {
        let max_age = self.cfg.max_age;
        let mut n = 0;
        while st
            .buffer
            .front()
            .is_some_and(|h| now.duration_since(h.at) > max_age)
        {
            let h = st.buffer.pop_front().expect("front exists");
            st.bytes -= h.bytes;
            n += 1;
        }
        if n > 0 {
            self.counters.expired.fetch_add(n, Ordering::Relaxed);
            self.counters.held_events.fetch_sub(n, Ordering::Relaxed);
            if st.buffer.is_empty() {
                self.counters.held_sessions.fetch_sub(1, Ordering::Relaxed);
            }
        }
        if st
            .pending_meta
            .as_ref()
            .is_some_and(|(_, at)| now.duration_since(*at) > max_age)
        {
            st.pending_meta = None;
        }
        n
    }

    /// Expires old events in every slot not currently in use. Returns the count.
    pub(crate) fn sweep(&self) -> u64 {
        let now = Instant::now();
        let slots: Vec<Slot> = self.slots.lock().values().cloned().collect();
        slots
            .iter()
            .filter_map(|s| s.try_lock().ok().map(|mut st| self.expire(&mut st, now)))
            .sum()
    }

    /// Holds an event for an undecided session, within the limits.
    pub(crate) fn hold(&self, st: &mut SlotState, event: CleanEvent) -> WriteOutcome {
        let bytes = event.approx_bytes();
        let full = st.buffer.len() >= self.cfg.max_items
            || st.bytes + bytes > self.cfg.max_bytes
            || (st.buffer.is_empty()
                && self.counters.held_sessions.load(Ordering::Relaxed)
                    >= self.cfg.max_sessions as u64);
        if full {
            self.counters.overflow.fetch_add(1, Ordering::Relaxed);
            return WriteOutcome::Dropped(DropReason::BufferFull);
        }
        if st.buffer.is_empty() {
            self.counters.held_sessions.fetch_add(1, Ordering::Relaxed);
        }
        st.buffer.push_back(Held {
            event,
            bytes,
            at: Instant::now(),
        });
        st.bytes += bytes;
        self.counters.buffered.fetch_add(1, Ordering::Relaxed);
        self.counters.held_events.fetch_add(1, Ordering::Relaxed);
        WriteOutcome::Buffered
    }

    /// Takes every held event, in order.
    pub(crate) fn take_buffer(&self, st: &mut SlotState) -> Vec<CleanEvent> {
        if st.buffer.is_empty() {
            return Vec::new();
        }
        let n = st.buffer.len() as u64;
        self.counters.held_events.fetch_sub(n, Ordering::Relaxed);
        self.counters.held_sessions.fetch_sub(1, Ordering::Relaxed);
        st.bytes = 0;
        st.buffer.drain(..).map(|h| h.event).collect()
    }

    /// Puts events back at the front (a flush failed), keeping their order.
    pub(crate) fn restore(&self, st: &mut SlotState, events: Vec<CleanEvent>) {
        if events.is_empty() {
            return;
        }
        if st.buffer.is_empty() {
            self.counters.held_sessions.fetch_add(1, Ordering::Relaxed);
        }
        self.counters
            .held_events
            .fetch_add(events.len() as u64, Ordering::Relaxed);
        let now = Instant::now();
        for event in events.into_iter().rev() {
            let bytes = event.approx_bytes();
            st.bytes += bytes;
            st.buffer.push_front(Held {
                event,
                bytes,
                at: now,
            });
        }
    }

    /// Whether the session holds events.
    pub(crate) fn holds(&self, st: &SlotState) -> bool {
        !st.buffer.is_empty()
    }

    /// Whether a `PENDING` meta is held for the session.
    pub(crate) fn has_pending_meta(&self, st: &SlotState) -> bool {
        st.pending_meta.is_some()
    }

    /// Discards the buffer because consent was declined.
    pub(crate) fn discard_declined(&self, st: &mut SlotState) {
        let n = self.take_buffer(st).len() as u64;
        self.counters
            .discarded_declined
            .fetch_add(n, Ordering::Relaxed);
        st.pending_meta = None;
    }

    /// Merges a meta into the one held while consent is pending.
    pub(crate) fn hold_meta(&self, st: &mut SlotState, meta: CleanSessionMeta) {
        st.pending_meta = Some(match st.pending_meta.take() {
            Some((old, at)) => (old.merge(meta), at),
            None => (meta, Instant::now()),
        });
    }

    /// Takes the held meta merged under `meta`.
    pub(crate) fn merged_meta(
        &self,
        st: &mut SlotState,
        meta: CleanSessionMeta,
    ) -> CleanSessionMeta {
        match st.pending_meta.take() {
            Some((old, _)) => old.merge(meta),
            None => meta,
        }
    }

    /// Counts events dropped for a declined session.
    pub(crate) fn count_declined(&self, n: usize) {
        self.counters
            .dropped_declined
            .fetch_add(n as u64, Ordering::Relaxed);
    }

    pub(crate) fn count_flushed(&self, n: usize) {
        self.counters.flushed.fetch_add(n as u64, Ordering::Relaxed);
    }
}
