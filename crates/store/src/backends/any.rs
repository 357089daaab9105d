//! [`AnyBackend`]: pick the backend at run time from a URL.

use crate::{
    AppendResult, BackendHealth, CleanSessionMeta, EraseCounts, ErasedUser, Error, EventKind,
    Maintenance, MemoryStore, Page, PageRequest, Reads, Result, Session, SessionAppend,
    SessionFilter, StoredSegment, StoredState, StoredSummary, StoredToolEvent, Timestamp,
    UpsertResult, UsageReport, Withdrawal, WriteCore, WriteOp, WriteOpResult,
};

/// The URL schemes this build supports, for error messages.
fn supported() -> String {
    let mut s = vec!["memory://"];
    if cfg!(feature = "sqlite") {
        s.push("sqlite://");
    }
    if cfg!(feature = "postgres") {
        s.push("postgres://");
    }
    s.join(", ")
}

/// One of the built-in backends, chosen at run time (a closed enum rather than a
/// trait object: static dispatch, no boxing of futures).
#[derive(Debug)]
#[non_exhaustive]
pub enum AnyBackend {
    /// In memory.
    Memory(MemoryStore),
    /// Embedded SQLite.
    #[cfg(feature = "sqlite")]
    Sqlite(crate::SqliteStore),
    /// PostgreSQL.
    #[cfg(feature = "postgres")]
    Postgres(crate::PostgresStore),
}

impl AnyBackend {
    /// Opens the backend a URL names: `sqlite://file.db` (or `sqlite::memory:`),
    /// `postgres://…` / `postgresql://…` (options as URL parameters, see
    /// `PostgresOptions`), `memory://`. Migrations are applied.
    pub async fn open(url: &str) -> Result<Self> {
        let scheme = url.split(':').next().unwrap_or("");
        match scheme {
            "memory" => Ok(AnyBackend::Memory(MemoryStore::default())),
            #[cfg(feature = "sqlite")]
            "sqlite" => Ok(AnyBackend::Sqlite(crate::SqliteStore::open(url).await?)),
            #[cfg(feature = "postgres")]
            "postgres" | "postgresql" => {
                Ok(AnyBackend::Postgres(crate::PostgresStore::open(url).await?))
            }
            other => Err(Error::Config(format!(
                "unsupported database URL scheme `{other}` (expected {})",
                supported()
            ))),
        }
    }

    /// Opens the backend without applying migrations (for `migrate` to do it).
    pub async fn open_unmigrated(url: &str) -> Result<Self> {
        let scheme = url.split(':').next().unwrap_or("");
        match scheme {
            #[cfg(feature = "sqlite")]
            "sqlite" => {
                let o = crate::SqliteOptions {
                    migrate: false,
                    ..Default::default()
                };
                Ok(AnyBackend::Sqlite(
                    crate::SqliteStore::open_with(url, o).await?,
                ))
            }
            #[cfg(feature = "postgres")]
            "postgres" | "postgresql" => {
                let o = crate::PostgresOptions {
                    migrate: false,
                    ..Default::default()
                };
                Ok(AnyBackend::Postgres(
                    crate::PostgresStore::open_with(url, o).await?,
                ))
            }
            _ => Self::open(url).await,
        }
    }

    /// Applies pending migrations (whatever `migrate=` the URL said).
    pub async fn migrate(&self) -> Result<()> {
        match self {
            AnyBackend::Memory(_) => Ok(()),
            #[cfg(feature = "sqlite")]
            AnyBackend::Sqlite(s) => s.migrate().await,
            #[cfg(feature = "postgres")]
            AnyBackend::Postgres(s) => s.migrate().await,
        }
    }

    /// Size of the stored data in bytes, where the backend can tell.
    pub async fn size_bytes(&self) -> Result<Option<u64>> {
        match self {
            AnyBackend::Memory(_) => Ok(None),
            #[cfg(feature = "sqlite")]
            AnyBackend::Sqlite(s) => s.size_bytes().await.map(Some),
            #[cfg(feature = "postgres")]
            AnyBackend::Postgres(s) => s.size_bytes().await.map(Some),
        }
    }
}

macro_rules! delegate {
    ($self:ident, $b:ident => $e:expr) => {
        match $self {
            AnyBackend::Memory($b) => $e,
            #[cfg(feature = "sqlite")]
            AnyBackend::Sqlite($b) => $e,
            #[cfg(feature = "postgres")]
            AnyBackend::Postgres($b) => $e,
        }
    };
}

impl WriteCore for AnyBackend {
    fn kind(&self) -> &'static str {
        delegate!(self, b => b.kind())
    }
    async fn upsert_session(&self, meta: &CleanSessionMeta) -> Result<UpsertResult> {
        delegate!(self, b => b.upsert_session(meta).await)
    }
    async fn stored_state(&self, id: &str) -> Result<StoredState> {
        delegate!(self, b => b.stored_state(id).await)
    }
    async fn withdraw(&self, id: &str, how: Withdrawal) -> Result<()> {
        delegate!(self, b => b.withdraw(id, how).await)
    }
    async fn append_batch(
        &self,
        batch: &[SessionAppend<'_>],
    ) -> Result<Vec<Result<Vec<AppendResult>>>> {
        delegate!(self, b => b.append_batch(batch).await)
    }
    async fn write_batch(&self, ops: &[WriteOp<'_>]) -> Result<Vec<WriteOpResult>> {
        delegate!(self, b => b.write_batch(ops).await)
    }
    fn batches_upserts(&self) -> bool {
        delegate!(self, b => b.batches_upserts())
    }
    async fn health(&self) -> BackendHealth {
        delegate!(self, b => b.health().await)
    }
    async fn close(&self) {
        delegate!(self, b => WriteCore::close(b).await)
    }
}

impl Reads for AnyBackend {
    async fn get_session(&self, id: &str) -> Result<Option<Session>> {
        delegate!(self, b => b.get_session(id).await)
    }
    async fn list_sessions(&self, f: &SessionFilter) -> Result<Page<Session>> {
        delegate!(self, b => b.list_sessions(f).await)
    }
    async fn get_transcripts(&self, id: &str, p: &PageRequest) -> Result<Page<StoredSegment>> {
        delegate!(self, b => b.get_transcripts(id, p).await)
    }
    async fn get_tool_events(&self, id: &str, p: &PageRequest) -> Result<Page<StoredToolEvent>> {
        delegate!(self, b => b.get_tool_events(id, p).await)
    }
    async fn get_summary(&self, id: &str) -> Result<Option<StoredSummary>> {
        delegate!(self, b => b.get_summary(id).await)
    }
    async fn get_usage(&self, id: &str) -> Result<UsageReport> {
        delegate!(self, b => b.get_usage(id).await)
    }
}

impl Maintenance for AnyBackend {
    async fn delete_session(&self, id: &str) -> Result<bool> {
        delegate!(self, b => b.delete_session(id).await)
    }
    async fn delete_event(&self, id: &str, kind: EventKind, seq: i64) -> Result<bool> {
        delegate!(self, b => b.delete_event(id, kind, seq).await)
    }
    async fn erase_user(&self, id: &str) -> Result<ErasedUser> {
        delegate!(self, b => b.erase_user(id).await)
    }
    async fn purge_before(&self, before: Timestamp, tombstones: Timestamp) -> Result<EraseCounts> {
        delegate!(self, b => b.purge_before(before, tombstones).await)
    }
}
