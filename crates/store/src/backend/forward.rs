//! One-line forwarding of the seam's traits for a [`Layer`](super::Layer).
//!
//! ```text
//! impl<B: Reads> Reads for MyLayer<B> { realtime_store::forward_reads!(); }
//! ```

/// Forwards every [`Reads`](crate::Reads) method to [`Layer::inner`](crate::Layer::inner).
#[macro_export]
macro_rules! forward_reads {
    () => {
        fn get_session(
            &self,
            id: &str,
        ) -> impl ::std::future::Future<Output = $crate::Result<Option<$crate::Session>>> + Send
        {
            $crate::Layer::inner(self).get_session(id)
        }
        fn list_sessions(
            &self,
            f: &$crate::SessionFilter,
        ) -> impl ::std::future::Future<Output = $crate::Result<$crate::Page<$crate::Session>>> + Send
        {
            $crate::Layer::inner(self).list_sessions(f)
        }
        fn get_transcripts(
            &self,
            id: &str,
            p: &$crate::PageRequest,
        ) -> impl ::std::future::Future<
            Output = $crate::Result<$crate::Page<$crate::StoredSegment>>,
        > + Send {
            $crate::Layer::inner(self).get_transcripts(id, p)
        }
        fn get_tool_events(
            &self,
            id: &str,
            p: &$crate::PageRequest,
        ) -> impl ::std::future::Future<
            Output = $crate::Result<$crate::Page<$crate::StoredToolEvent>>,
        > + Send {
            $crate::Layer::inner(self).get_tool_events(id, p)
        }
        fn get_summary(
            &self,
            id: &str,
        ) -> impl ::std::future::Future<Output = $crate::Result<Option<$crate::StoredSummary>>> + Send
        {
            $crate::Layer::inner(self).get_summary(id)
        }
        fn get_usage(
            &self,
            id: &str,
        ) -> impl ::std::future::Future<Output = $crate::Result<$crate::UsageReport>> + Send {
            $crate::Layer::inner(self).get_usage(id)
        }
    };
}

/// Forwards every [`Maintenance`](crate::Maintenance) method to [`Layer::inner`](crate::Layer::inner).
#[macro_export]
macro_rules! forward_maintenance {
    () => {
        fn delete_session(
            &self,
            id: &str,
        ) -> impl ::std::future::Future<Output = $crate::Result<bool>> + Send {
            $crate::Layer::inner(self).delete_session(id)
        }
        fn delete_event(
            &self,
            session_id: &str,
            kind: $crate::EventKind,
            seq: i64,
        ) -> impl ::std::future::Future<Output = $crate::Result<bool>> + Send {
            $crate::Layer::inner(self).delete_event(session_id, kind, seq)
        }
        fn erase_user(
            &self,
            id: &str,
        ) -> impl ::std::future::Future<Output = $crate::Result<$crate::ErasedUser>> + Send {
            $crate::Layer::inner(self).erase_user(id)
        }
        fn purge_before(
            &self,
            before: $crate::Timestamp,
            tombstones_before: $crate::Timestamp,
        ) -> impl ::std::future::Future<Output = $crate::Result<$crate::EraseCounts>> + Send {
            $crate::Layer::inner(self).purge_before(before, tombstones_before)
        }
    };
}

/// Forwards every [`WriteCore`](crate::WriteCore) method to [`Layer::inner`](crate::Layer::inner).
#[macro_export]
macro_rules! forward_write_core {
    () => {
        fn kind(&self) -> &'static str {
            $crate::Layer::inner(self).kind()
        }
        fn upsert_session(
            &self,
            meta: &$crate::CleanSessionMeta,
        ) -> impl ::std::future::Future<Output = $crate::Result<$crate::UpsertResult>> + Send {
            $crate::Layer::inner(self).upsert_session(meta)
        }
        fn stored_state(
            &self,
            id: &str,
        ) -> impl ::std::future::Future<Output = $crate::Result<$crate::StoredState>> + Send {
            $crate::Layer::inner(self).stored_state(id)
        }
        fn withdraw(
            &self,
            id: &str,
            how: $crate::Withdrawal,
        ) -> impl ::std::future::Future<Output = $crate::Result<()>> + Send {
            $crate::Layer::inner(self).withdraw(id, how)
        }
        fn append_batch(
            &self,
            batch: &[$crate::SessionAppend<'_>],
        ) -> impl ::std::future::Future<
            Output = $crate::Result<Vec<$crate::Result<Vec<$crate::AppendResult>>>>,
        > + Send {
            $crate::Layer::inner(self).append_batch(batch)
        }
        fn health(&self) -> impl ::std::future::Future<Output = $crate::BackendHealth> + Send {
            $crate::Layer::inner(self).health()
        }
        fn commit_stats(&self) -> Option<$crate::layers::group_commit::CommitStats> {
            $crate::Layer::inner(self).commit_stats()
        }
        fn spool_stats(&self) -> Option<$crate::SpoolStats> {
            $crate::Layer::inner(self).spool_stats()
        }
        fn close(&self) -> impl ::std::future::Future<Output = ()> + Send {
            $crate::Layer::inner(self).close()
        }
    };
}
