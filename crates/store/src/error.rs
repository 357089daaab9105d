//! The one error type of the crate.

use std::borrow::Cow;

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the store.
///
/// Messages never contain user content (transcript text, tool arguments, e-mails,
/// tokens): validation errors name the field and the rule, never the value.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Bad input. Nothing of the request was written.
    #[error("invalid `{field}`: {rule}")]
    Validation {
        /// Path of the offending field, e.g. `events[3].started_at`.
        field: String,
        /// The rule it broke.
        rule: Cow<'static, str>,
    },
    /// The backend failed (connection, I/O, constraint...). The source is kept.
    #[error("storage backend failed during {op}")]
    Backend {
        /// The operation that failed, e.g. `append`.
        op: &'static str,
        /// Whether retrying the same call may succeed.
        retryable: bool,
        /// The underlying error.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync + 'static>,
    },
    /// Applying the embedded migrations failed.
    #[error("schema migration failed")]
    Migration {
        /// The underlying error.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync + 'static>,
    },
    /// A configured bound of an in-memory structure was reached.
    #[error("capacity exceeded: {what}")]
    Capacity {
        /// Which bound.
        what: &'static str,
    },
    /// Configuration is wrong (bad database URL, unknown scheme, bad option).
    /// The message never contains a password (URLs are shown masked).
    #[error("configuration error: {0}")]
    Config(String),
    /// The write queue is full: retry later (retryable).
    #[error("overloaded: the write queue is full, retry later")]
    Overloaded,
    /// The write could not be made durable anywhere (primary down and the local
    /// spool full or failed). Nothing was acknowledged.
    #[error("unavailable: {what}")]
    Unavailable {
        /// What is unavailable, content-free (`"spool is full"`).
        what: &'static str,
    },
    /// The database is a Citus cluster whose layout does not fit the store (a
    /// worker node, or a half-done or foreign distribution). Nothing was changed;
    /// `fix` names what the operator should run. Carries table and schema names
    /// only, never content.
    #[error("Citus: {problem}; fix: {fix}")]
    Distribution {
        /// What is wrong, e.g. `table "s.sessions" is distributed by "user_id"`.
        problem: String,
        /// What to run or change.
        fix: String,
    },
    /// The local fallback spool could not take the write (full, disk error,
    /// read-only, failed fsync). Nothing was acknowledged. Retryable: the primary
    /// may be back, or the fault lifted, by then.
    #[error("spool unavailable: {what}")]
    Spool {
        /// What went wrong, content-free (`"the spool is full"`).
        what: &'static str,
        /// The underlying error.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync + 'static>,
    },
    /// The input conflicts with what is stored (e.g. an e-mail that belongs to
    /// another user). Nothing was written.
    #[error("conflict on `{field}`: {rule}")]
    Conflict {
        /// The conflicting field.
        field: String,
        /// What conflicts.
        rule: Cow<'static, str>,
    },
}

impl Error {
    /// Builds a validation error.
    pub fn validation(field: impl Into<String>, rule: impl Into<Cow<'static, str>>) -> Self {
        Error::Validation {
            field: field.into(),
            rule: rule.into(),
        }
    }

    /// Whether retrying the same call may succeed (connection lost, pool timeout,
    /// lock contention). Validation errors are never retryable.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            Error::Backend {
                retryable: true,
                ..
            } | Error::Overloaded
                | Error::Unavailable { .. }
                | Error::Spool { .. }
        )
    }

    /// Builds a conflict error.
    pub fn conflict(field: impl Into<String>, rule: impl Into<Cow<'static, str>>) -> Self {
        Error::Conflict {
            field: field.into(),
            rule: rule.into(),
        }
    }

    /// Whether the storage could not be reached at all (a connection-class
    /// failure), as opposed to a failure of this particular write: a fallback
    /// layer spools on these.
    pub fn is_unreachable(&self) -> bool {
        match self {
            Error::Backend {
                retryable: true, ..
            } => true,
            Error::Backend { source, .. } => source
                .downcast_ref::<DbFailure>()
                .is_some_and(|d| d.code.starts_with("08") || d.code == "57P01"),
            _ => false,
        }
    }

    /// Whether this is a validation error.
    pub fn is_validation(&self) -> bool {
        matches!(self, Error::Validation { .. })
    }

    /// The offending field of a validation or conflict error.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Validation { field, .. } | Error::Conflict { field, .. } => Some(field),
            _ => None,
        }
    }

    /// Prefixes the field path of a validation error (`text` → `events[2].text`).
    pub(crate) fn in_field(self, prefix: &str) -> Self {
        match self {
            Error::Validation { field, rule } => Error::Validation {
                field: format!("{prefix}.{field}"),
                rule,
            },
            other => other,
        }
    }
}

/// A database error reduced to what is safe to show: the database's error code, the
/// constraint name and — outside the classes whose messages may quote values (SQLSTATE
/// 22 data exceptions, 23 integrity violations) — the server's message. Keeping the
/// raw driver error would leak values through `Debug` (e.g. PostgreSQL's
/// `Key (email)=(...) already exists` detail).
#[derive(Debug)]
pub struct DbFailure {
    /// SQLSTATE (PostgreSQL) or extended result code (SQLite).
    pub code: String,
    /// The constraint involved, if the database said.
    pub constraint: Option<String>,
    message: Option<String>,
}

impl DbFailure {
    /// A failure with its code, constraint and (value-free) message.
    pub(crate) fn new(code: String, constraint: Option<String>, message: Option<String>) -> Self {
        DbFailure {
            code,
            constraint,
            message,
        }
    }
}

impl std::fmt::Display for DbFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "database error {}", self.code)?;
        if let Some(c) = &self.constraint {
            write!(f, " (constraint {c})")?;
        }
        if let Some(m) = &self.message {
            write!(f, ": {m}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DbFailure {}

#[cfg(any(feature = "sqlite", feature = "postgres"))]
impl Error {
    pub(crate) fn sqlx(op: &'static str, e: sqlx::Error) -> Self {
        let retryable = match &e {
            sqlx::Error::Io(_)
            | sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::WorkerCrashed
            | sqlx::Error::Protocol(_) => true,
            sqlx::Error::Database(db) => {
                let code = db.code();
                let code = code.as_deref().unwrap_or("");
                // SQLite BUSY/LOCKED; PostgreSQL serialization failure, deadlock,
                // admin shutdown, too many connections, connection failures.
                matches!(
                    code,
                    "5" | "6"
                        | "517"
                        | "261"
                        | "40001"
                        | "40P01"
                        | "57P01"
                        | "57P02"
                        | "57P03"
                        | "53300"
                ) || code.starts_with("08")
            }
            _ => false,
        };
        let source: Box<dyn std::error::Error + Send + Sync> = match &e {
            sqlx::Error::Database(d) => {
                let code = d.code().map(|c| c.into_owned()).unwrap_or_default();
                let quotes_values = code.starts_with("22") || code.starts_with("23");
                Box::new(DbFailure {
                    constraint: d.constraint().map(str::to_owned),
                    message: (!quotes_values).then(|| d.message().to_owned()),
                    code,
                })
            }
            _ => Box::new(e),
        };
        Error::Backend {
            op,
            retryable,
            source,
        }
    }
}
