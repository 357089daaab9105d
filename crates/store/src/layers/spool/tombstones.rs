//! Deletion, erasure and retention through the spool layer ([`Maintenance`]),
//! and the encoding of a spooled withdrawal.
//!
//! While degraded, a deletion or a user's erasure is spooled as a tombstone-like
//! operation (replayed in order, before nothing older of the session) and the
//! sessions' spooled content is deleted from the spool at once; retention waits
//! for the primary.

use super::file::{NewOp, OpKind};
use super::Spool;
use crate::{
    Backend, EraseCounts, ErasedUser, Error, EventKind, Maintenance, Result, Timestamp,
    TombstoneReason, Withdrawal,
};

pub(super) fn encode_withdrawal(w: Withdrawal) -> Vec<u8> {
    format!(
        "{}|{}|{}",
        u8::from(w.erase),
        w.reason.as_str(),
        u8::from(w.remove_orphan_user)
    )
    .into_bytes()
}

pub(super) fn decode_withdrawal(b: &[u8]) -> Option<Withdrawal> {
    let s = std::str::from_utf8(b).ok()?;
    let mut it = s.split('|');
    let erase = it.next()? == "1";
    let reason = TombstoneReason::parse(it.next()?)?;
    let remove_orphan_user = it.next()? == "1";
    Some(Withdrawal {
        erase,
        reason,
        remove_orphan_user,
    })
}

impl<B: Backend> Maintenance for Spool<B> {
    async fn delete_session(&self, id: &str) -> Result<bool> {
        let _route = self.shared.route.read().await;
        if !self.shared.counters.is_degraded() {
            match self.shared.inner.delete_session(id).await {
                Err(e) if e.is_unreachable() => self.degrade(),
                other => return other,
            }
        }
        let op = NewOp {
            kind: OpKind::Delete,
            session_id: id,
            dedup_key: None,
            user_id: None,
            consent: None,
            body: Vec::new(),
        };
        self.spool_tombstone(op, &[id.to_owned()]).await?;
        // The deletion is spooled and will be applied: report it done.
        Ok(true)
    }

    async fn delete_event(&self, session_id: &str, kind: EventKind, seq: i64) -> Result<bool> {
        // An event is named by the `seq` the primary gave it, so its deletion
        // needs the primary: while degraded (or when it fails to reach it) the
        // caller is told to retry later; nothing is half-done.
        const NEEDS_PRIMARY: &str =
            "deleting one event needs the primary database, which is unreachable";
        let _route = self.shared.route.read().await;
        if self.shared.counters.is_degraded() {
            return Err(Error::Unavailable {
                what: NEEDS_PRIMARY,
            });
        }
        match self.shared.inner.delete_event(session_id, kind, seq).await {
            Err(e) if e.is_unreachable() => {
                self.degrade();
                Err(Error::Unavailable {
                    what: NEEDS_PRIMARY,
                })
            }
            other => other,
        }
    }

    async fn erase_user(&self, user_id: &str) -> Result<ErasedUser> {
        let _route = self.shared.route.read().await;
        if !self.shared.counters.is_degraded() {
            match self.shared.inner.erase_user(user_id).await {
                Err(e) if e.is_unreachable() => self.degrade(),
                other => return other,
            }
        }
        let sessions = self.shared.file.sessions_of_user(user_id).await?;
        let op = NewOp {
            kind: OpKind::EraseUser,
            session_id: "",
            dedup_key: None,
            user_id: Some(user_id),
            consent: None,
            body: Vec::new(),
        };
        self.spool_tombstone(op, &sessions).await?;
        Ok(ErasedUser {
            counts: EraseCounts::default(),
            session_ids: sessions,
        })
    }

    async fn purge_before(
        &self,
        before: Timestamp,
        tombstones_before: Timestamp,
    ) -> Result<EraseCounts> {
        if self.shared.counters.is_degraded() {
            return Err(Error::Unavailable {
                what: "retention waits until the primary is back and the spool is replayed",
            });
        }
        self.shared
            .inner
            .purge_before(before, tombstones_before)
            .await
    }
}
