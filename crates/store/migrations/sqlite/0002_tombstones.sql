-- Tombstones: a withdrawn, deleted, erased or purged session's id, when and why.
-- No content, no user data. Every write checks it in its own transaction, so no
-- instance brings the session back; only an explicit re-consent removes it.
CREATE TABLE tombstones (
    session_id TEXT PRIMARY KEY NOT NULL,
    at         INTEGER NOT NULL,
    reason     TEXT NOT NULL CHECK (reason IN ('declined', 'withdrawn', 'deleted', 'erased', 'purged'))
) WITHOUT ROWID;
CREATE INDEX tombstones_at_idx ON tombstones (at);
CREATE INDEX sessions_status_started_idx ON sessions (status, started_at DESC, id DESC);
