//! The background WAL checkpointer of a file database.
//!
//! Why: SQLite checkpoints on its own (`wal_autocheckpoint`) inside a commit,
//! on the committing connection — the append connection, so every thousandth
//! page one batch of group commit also copied the WAL into the database file and
//! fsynced it (2–4 ms, measured, where a batch takes about 0.6), and each live
//! call of that batch waited for it. Here a thread of its own runs
//! `wal_checkpoint(PASSIVE)` every [`PERIOD`] on a connection of its own: in WAL
//! mode a checkpoint runs beside the writer (it copies committed frames up to
//! the oldest reader and waits for nobody), so the appends never wait for it.
//! The append connection keeps an autocheckpoint as a backstop
//! ([`BACKSTOP_PAGES`]) should this thread fall behind.
//!
//! Durability is unchanged: a commit is on disk when its WAL frames are fsynced
//! (`synchronous = FULL`); a checkpoint only moves them into the database file,
//! and syncs it before the WAL is reused.

use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use parking_lot::{Condvar, Mutex};
use rusqlite::{Connection, OpenFlags};

/// How often the thread checkpoints.
pub(super) const PERIOD: Duration = Duration::from_millis(25);

/// `wal_autocheckpoint` of the append connection: only when the thread is this
/// far behind does a commit checkpoint itself.
pub(super) const BACKSTOP_PAGES: u32 = 8192;

/// The thread, stopped and joined on [`stop`](Checkpointer::stop) or drop.
#[derive(Debug)]
pub(super) struct Checkpointer {
    stop: Arc<(Mutex<bool>, Condvar)>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

impl Checkpointer {
    /// Opens a connection to `path` and starts the thread.
    pub(super) fn start(path: &str) -> rusqlite::Result<Self> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.execute_batch("PRAGMA synchronous = FULL;")?;
        let stop = Arc::new((Mutex::new(false), Condvar::new()));
        let flag = Arc::clone(&stop);
        let thread = std::thread::Builder::new()
            .name("sqlite-checkpoint".into())
            .spawn(move || run(&conn, &flag))
            .map_err(|_| rusqlite::Error::InvalidQuery)?;
        Ok(Checkpointer {
            stop,
            thread: Mutex::new(Some(thread)),
        })
    }

    /// Stops the thread and waits for it (its connection closes with it).
    pub(super) fn stop(&self) {
        *self.stop.0.lock() = true;
        self.stop.1.notify_all();
        if let Some(t) = self.thread.lock().take() {
            let _ = t.join();
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        self.stop();
    }
}

fn run(conn: &Connection, stop: &(Mutex<bool>, Condvar)) {
    loop {
        {
            let mut stopped = stop.0.lock();
            if *stopped {
                return;
            }
            stop.1.wait_for(&mut stopped, PERIOD);
            if *stopped {
                return;
            }
        }
        // Busy (another checkpoint, e.g. an erasure's TRUNCATE) or failed: the
        // next round tries again, and the backstop still holds.
        if let Err(e) = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(())) {
            let e = super::sync_append::sq("checkpoint")(e);
            tracing::debug!(error = %e, "background checkpoint failed");
        }
    }
}
