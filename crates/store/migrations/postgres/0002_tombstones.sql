-- Tombstones: a withdrawn, deleted, erased or purged session's id, when and why.
-- No content, no user data. Every write checks it in its own transaction, so no
-- instance brings the session back; only an explicit re-consent removes it.
-- Keyed by the session id: distributed like `sessions` on Citus.
CREATE TABLE tombstones (
    session_id text COLLATE "C" PRIMARY KEY,
    at         timestamptz(3) NOT NULL,
    reason     text NOT NULL CHECK (reason IN ('declined', 'withdrawn', 'deleted', 'erased', 'purged'))
);
CREATE INDEX tombstones_at_idx ON tombstones (at);
