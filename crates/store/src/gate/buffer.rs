//! One session's slot: its [`Known`] consent and what is held for it until
//! consent is decided — events, and the pending session meta, both within the
//! limits of [`ConsentConfig`] (items, bytes, age, sessions) and counted.

use std::collections::{HashMap, VecDeque};
use std::time::Instant;

use super::{ConsentConfig, Counters, Known};
use crate::clean::RawDigest;
use crate::{CleanEvent, CleanSessionMeta, DropReason, WriteOutcome};

struct Held {
    event: CleanEvent,
    bytes: usize,
    at: Instant,
}

/// Bytes a held meta is counted for (its JSON plus fixed overhead).
fn meta_bytes(m: &CleanSessionMeta) -> usize {
    256 + m.config().map_or(0, |c| c.to_string().len())
}

/// Per-session state, behind the session's own async lock.
pub(crate) struct SlotState {
    pub(crate) known: Known,
    /// When the stored state was last read.
    pub(crate) checked_at: Option<Instant>,
    pending_meta: Option<(CleanSessionMeta, Instant, usize)>,
    buffer: VecDeque<Held>,
    bytes: usize,
    /// Keyless dedup keys seen here, with the raw digests of the distinct
    /// contents that produced them (see [`SlotState::disambiguate`]).
    keyless: HashMap<String, Vec<RawDigest>>,
}

impl SlotState {
    pub(crate) fn new() -> Self {
        SlotState {
            known: Known::Unresolved,
            checked_at: None,
            pending_meta: None,
            buffer: VecDeque::new(),
            bytes: 0,
            keyless: HashMap::new(),
        }
    }

    /// Whether events or a meta are held.
    pub(crate) fn holds_anything(&self) -> bool {
        !self.buffer.is_empty() || self.pending_meta.is_some()
    }

    /// Whether events are held.
    pub(crate) fn holds_events(&self) -> bool {
        !self.buffer.is_empty()
    }

    /// Whether a `PENDING` meta is held.
    pub(crate) fn has_pending_meta(&self) -> bool {
        self.pending_meta.is_some()
    }

    fn items(&self) -> usize {
        self.buffer.len() + usize::from(self.pending_meta.is_some())
    }

    fn total_bytes(&self) -> usize {
        self.bytes + self.pending_meta.as_ref().map_or(0, |(_, _, b)| *b)
    }

    /// Runs `f`, keeping the count of sessions holding something, and of the
    /// bytes held across sessions, right. Every change of what a slot holds
    /// goes through here.
    fn tracked<T>(&mut self, c: &Counters, f: impl FnOnce(&mut Self) -> T) -> T {
        let (before, bytes_before) = (self.holds_anything(), self.total_bytes());
        let out = f(self);
        match (before, self.holds_anything()) {
            (false, true) => Counters::add(&c.held_sessions, 1),
            (true, false) => Counters::sub(&c.held_sessions, 1),
            _ => {}
        }
        let bytes_after = self.total_bytes();
        if bytes_after > bytes_before {
            Counters::add(&c.held_bytes, (bytes_after - bytes_before) as u64);
        } else {
            Counters::sub(&c.held_bytes, (bytes_before - bytes_after) as u64);
        }
        out
    }

    /// Whether `bytes` more fit (items and bytes of the session, the number of
    /// holding sessions, and the bytes held across sessions).
    fn room(&self, cfg: &ConsentConfig, c: &Counters, bytes: usize) -> bool {
        use std::sync::atomic::Ordering::Relaxed;
        let sessions_full =
            !self.holds_anything() && c.held_sessions.load(Relaxed) >= cfg.max_sessions as u64;
        let all_full = c.held_bytes.load(Relaxed) + bytes as u64 > cfg.max_total_bytes as u64;
        self.items() < cfg.max_items
            && self.total_bytes() + bytes <= cfg.max_bytes
            && !sessions_full
            && !all_full
    }

    /// Discards what waited longer than `max_age`. Returns how many events expired.
    pub(crate) fn expire(&mut self, cfg: &ConsentConfig, c: &Counters, now: Instant) -> u64 {
        let max_age = cfg.max_age;
        self.tracked(c, |s| {
            let mut n = 0;
            while s
                .buffer
                .front()
                .is_some_and(|h| now.duration_since(h.at) > max_age)
            {
                let h = s.buffer.pop_front().expect("front exists");
                s.bytes -= h.bytes;
                n += 1;
            }
            if s.pending_meta
                .as_ref()
                .is_some_and(|(_, at, _)| now.duration_since(*at) > max_age)
            {
                s.pending_meta = None;
            }
            if n > 0 {
                Counters::add(&c.expired, n);
                Counters::sub(&c.held_events, n);
            }
            n
        })
    }

    /// Holds an event for an undecided session, within the limits.
    pub(crate) fn hold(
        &mut self,
        cfg: &ConsentConfig,
        c: &Counters,
        event: CleanEvent,
    ) -> WriteOutcome {
        let bytes = event.approx_bytes();
        if !self.room(cfg, c, bytes) {
            Counters::add(&c.overflow, 1);
            return WriteOutcome::Dropped(DropReason::BufferFull);
        }
        self.tracked(c, |s| {
            s.buffer.push_back(Held {
                event,
                bytes,
                at: Instant::now(),
            });
            s.bytes += bytes;
        });
        Counters::add(&c.buffered, 1);
        Counters::add(&c.held_events, 1);
        WriteOutcome::Buffered
    }

    /// Takes every held event, in order.
    pub(crate) fn take(&mut self, c: &Counters) -> Vec<CleanEvent> {
        if self.buffer.is_empty() {
            return Vec::new();
        }
        self.tracked(c, |s| {
            Counters::sub(&c.held_events, s.buffer.len() as u64);
            s.bytes = 0;
            s.buffer.drain(..).map(|h| h.event).collect()
        })
    }

    /// Puts events back at the front (a flush failed), keeping their order.
    pub(crate) fn restore(&mut self, c: &Counters, events: Vec<CleanEvent>) {
        if events.is_empty() {
            return;
        }
        Counters::add(&c.held_events, events.len() as u64);
        self.tracked(c, |s| {
            let now = Instant::now();
            for event in events.into_iter().rev() {
                let bytes = event.approx_bytes();
                s.bytes += bytes;
                s.buffer.push_front(Held {
                    event,
                    bytes,
                    at: now,
                });
            }
        });
    }

    /// Discards everything held (consent declined, session erased).
    pub(crate) fn discard(&mut self, c: &Counters) {
        let n = self.take(c).len() as u64;
        Counters::add(&c.discarded_declined, n);
        self.tracked(c, |s| s.pending_meta = None);
    }

    /// Holds (merging into the one already held) a `PENDING` meta. `false` when
    /// the limits leave no room for it (counted).
    pub(crate) fn hold_meta(
        &mut self,
        cfg: &ConsentConfig,
        c: &Counters,
        meta: CleanSessionMeta,
    ) -> bool {
        self.tracked(c, |s| s.hold_meta_untracked(cfg, c, meta))
    }

    fn hold_meta_untracked(
        &mut self,
        cfg: &ConsentConfig,
        c: &Counters,
        meta: CleanSessionMeta,
    ) -> bool {
        let old = self.pending_meta.take();
        let merged = match &old {
            Some((o, _, _)) => o.clone().merge(meta),
            None => meta,
        };
        let bytes = meta_bytes(&merged);
        let fits = match &old {
            None => self.room(cfg, c, bytes),
            Some(_) => self.bytes + bytes <= cfg.max_bytes,
        };
        if !fits {
            // Keep the older one; the newer fields are refused.
            self.pending_meta = old;
            Counters::add(&c.held_metas_overflow, 1);
            return false;
        }
        let at = old.map_or_else(Instant::now, |(_, at, _)| at);
        self.pending_meta = Some((merged, at, bytes));
        true
    }

    /// Takes the held meta merged under `meta` (the newer one wins field-wise).
    pub(crate) fn merged_meta(&mut self, c: &Counters, meta: CleanSessionMeta) -> CleanSessionMeta {
        self.tracked(c, |s| match s.pending_meta.take() {
            Some((old, _, _)) => old.merge(meta),
            None => meta,
        })
    }

    /// Puts a meta back (an upsert failed).
    pub(crate) fn restore_meta(&mut self, c: &Counters, meta: CleanSessionMeta) {
        let bytes = meta_bytes(&meta);
        self.tracked(c, |s| s.pending_meta = Some((meta, Instant::now(), bytes)));
    }

    /// Keyless events: two events whose *redacted* forms are identical (same role,
    /// start and redacted text) but whose content differed (e.g. two different
    /// phone numbers at the same instant) must not be merged. The first content
    /// seen keeps the plain key; each further distinct content gets `#n`. The raw
    /// digests stay in memory (bounded), never stored.
    pub(crate) fn disambiguate(&mut self, event: &mut CleanEvent, raw: Option<RawDigest>) {
        let Some(raw) = raw else { return };
        if self.keyless.len() >= 4096 {
            self.keyless.clear();
        }
        let seen = self
            .keyless
            .entry(event.dedup_key().to_owned())
            .or_default();
        let n = match seen.iter().position(|d| *d == raw) {
            Some(n) => n,
            None => {
                seen.push(raw);
                seen.len() - 1
            }
        };
        if n > 0 {
            let key = event.dedup_key_mut();
            key.push('#');
            key.push_str(&n.to_string());
        }
    }
}
