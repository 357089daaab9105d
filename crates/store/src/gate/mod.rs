//! The consent gate's memory: what each live session's consent is
//! ([`machine`]), and what is held for sessions whose consent is not decided yet
//! ([`buffer`]). No I/O: [`RealtimeStore`](crate::RealtimeStore) drives it.

pub(crate) mod buffer;
pub(crate) mod machine;

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;

pub(crate) use buffer::SlotState;
pub(crate) use machine::{EventsAction, Known, MetaAction};

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
#[non_exhaustive]
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
    /// Bytes held across all undecided sessions at once (default 64 MiB), so
    /// that many sessions that never decide cannot hold `max_sessions` ×
    /// `max_bytes` in memory; further events are dropped and counted as
    /// overflow.
    pub max_total_bytes: usize,
    /// Sessions whose consent is cached (default 100 000); idle ones beyond are
    /// forgotten and read again from the backend once when they come back.
    pub max_cached: usize,
    /// While a session's events are held, how often its stored consent is read
    /// again on the next append (default 1 s): another instance may have accepted
    /// (or declined) it meanwhile. At most one read per interval per held session.
    pub recheck_after: Duration,
    /// Withdrawal policy.
    pub on_withdrawal: OnWithdrawal,
    /// When a withdrawal or purge leaves a user without sessions, delete the
    /// user row (e-mail, auth id) too (default true).
    pub remove_orphan_users: bool,
    /// How long tombstones are kept (default 30 days); `purge_before` removes
    /// older ones.
    pub tombstone_ttl: Duration,
}

impl Default for ConsentConfig {
    fn default() -> Self {
        ConsentConfig {
            max_items: 1000,
            max_bytes: 1024 * 1024,
            max_age: Duration::from_secs(600),
            max_sessions: 10_000,
            max_total_bytes: 64 * 1024 * 1024,
            max_cached: 100_000,
            recheck_after: Duration::from_secs(1),
            on_withdrawal: OnWithdrawal::Erase,
            remove_orphan_users: true,
            tombstone_ttl: Duration::from_secs(30 * 24 * 3600),
        }
    }
}

/// Counters of the consent gate (monotonic since start).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
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
    /// Events dropped because the session is declined, withdrawn or erased.
    pub dropped_declined: u64,
    /// Session metas held for consent, and refused because the buffer was full.
    pub held_metas_overflow: u64,
    /// Tombstones this process wrote (withdrawals, deletions, erasures).
    pub tombstones: u64,
    /// Events held right now.
    pub held_events: u64,
    /// Sessions holding events right now.
    pub held_sessions: u64,
    /// Bytes held right now, across sessions (as counted against
    /// [`ConsentConfig::max_total_bytes`]).
    pub held_bytes: u64,
}

#[derive(Default, Debug)]
pub(crate) struct Counters {
    pub(crate) buffered: AtomicU64,
    pub(crate) flushed: AtomicU64,
    pub(crate) discarded_declined: AtomicU64,
    pub(crate) overflow: AtomicU64,
    pub(crate) expired: AtomicU64,
    pub(crate) dropped_declined: AtomicU64,
    pub(crate) held_events: AtomicU64,
    pub(crate) held_sessions: AtomicU64,
    pub(crate) held_bytes: AtomicU64,
    pub(crate) held_metas_overflow: AtomicU64,
    pub(crate) tombstones: AtomicU64,
}

impl Counters {
    pub(crate) fn add(a: &AtomicU64, n: u64) {
        a.fetch_add(n, Ordering::Relaxed);
    }
    pub(crate) fn sub(a: &AtomicU64, n: u64) {
        a.fetch_sub(n, Ordering::Relaxed);
    }
}

pub(crate) type Slot = Arc<tokio::sync::Mutex<SlotState>>;

/// The gate's memory: one slot per live session, behind the session's own async
/// lock (which also orders the session's writes within this process).
pub(crate) struct Gate {
    pub(crate) cfg: ConsentConfig,
    slots: parking_lot::Mutex<HashMap<String, Slot>>,
    /// Size of the slot map at which the next eviction pass runs (amortises the
    /// scan when most cached sessions cannot be evicted).
    next_scan: AtomicUsize,
    /// Sessions seen per user, so an erasure closes them here too.
    by_user: parking_lot::Mutex<HashMap<String, HashSet<String>>>,
    pub(crate) counters: Counters,
}

impl std::fmt::Debug for Gate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gate")
            .field("cfg", &self.cfg)
            .finish_non_exhaustive()
    }
}

impl Gate {
    pub(crate) fn new(cfg: ConsentConfig) -> Self {
        Gate {
            cfg,
            slots: parking_lot::Mutex::new(HashMap::new()),
            next_scan: AtomicUsize::new(cfg.max_cached),
            by_user: parking_lot::Mutex::default(),
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
            // Forget idle sessions: nobody holds them, nothing held. Closed
            // sessions can be forgotten too: their tombstone is stored.
            slots.retain(|_, s| {
                Arc::strong_count(s) > 1
                    || s.try_lock().map(|st| st.holds_anything()).unwrap_or(true)
            });
            let cap = self.cfg.max_cached;
            self.next_scan
                .store(slots.len().max(cap) + cap / 8 + 1, Ordering::Relaxed);
        }
        let s: Slot = Arc::new(tokio::sync::Mutex::new(SlotState::new()));
        slots.insert(session_id.to_owned(), s.clone());
        s
    }

    /// Forgets a session whose hang-up was stored: a live platform seldom
    /// writes to an ended call again, and if it does, the session's consent is
    /// read from the backend once (as for any session not cached). Kept while
    /// anyone holds its slot or it holds anything.
    pub(crate) fn forget_ended(&self, session_id: &str, user_id: Option<&str>) {
        {
            let mut slots = self.slots.lock();
            let idle = slots.get(session_id).is_some_and(|s| {
                Arc::strong_count(s) == 1
                    && s.try_lock().map(|st| !st.holds_anything()).unwrap_or(false)
            });
            if !idle {
                return;
            }
            slots.remove(session_id);
        }
        if let Some(u) = user_id {
            let mut m = self.by_user.lock();
            if let Some(set) = m.get_mut(u) {
                set.remove(session_id);
                if set.is_empty() {
                    m.remove(u);
                }
            }
        }
    }

    /// Sessions currently cached.
    #[cfg(test)]
    pub(crate) fn cached(&self) -> usize {
        self.slots.lock().len()
    }

    /// Remembers that `session_id` belongs to `user_id`.
    pub(crate) fn note_user(&self, user_id: &str, session_id: &str) {
        let mut m = self.by_user.lock();
        if m.len() > 4 * self.cfg.max_cached {
            m.clear();
        }
        m.entry(user_id.to_owned())
            .or_default()
            .insert(session_id.to_owned());
    }

    /// The sessions of `user_id` seen here (forgetting them).
    pub(crate) fn take_user(&self, user_id: &str) -> HashSet<String> {
        self.by_user.lock().remove(user_id).unwrap_or_default()
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
            held_bytes: l(&c.held_bytes),
            held_metas_overflow: l(&c.held_metas_overflow),
            tombstones: l(&c.tombstones),
        }
    }

    /// Expires old held events in every slot not currently in use. Returns the count.
    pub(crate) fn sweep(&self) -> u64 {
        let now = Instant::now();
        let slots: Vec<Slot> = self.slots.lock().values().cloned().collect();
        slots
            .iter()
            .filter_map(|s| {
                s.try_lock()
                    .ok()
                    .map(|mut st| st.expire(&self.cfg, &self.counters, now))
            })
            .sum()
    }
}
