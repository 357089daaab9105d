-- The append log (see src/backends/sqlite/log.rs). Group commit writes each
-- batch's events here in arrival order, so a batch fills one or two pages however
-- many calls it spans; the events then move to the session-clustered tables many
-- rows of a call at a time. A log row whose seq is at or below the highest seq of
-- its session and kind in that table has moved (it is dead, and goes with the
-- log's start). No index: the log stays small, and every other writer moves all
-- of it first (one writer at a time: SQLite's lock).
-- r0.. hold the kind's other columns, in the order log.rs names them.
CREATE TABLE event_log (
    id         INTEGER PRIMARY KEY,
    kind       INTEGER NOT NULL,
    session_id TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    dedup_key  TEXT NOT NULL,
    r0, r1, r2, r3, r4, r5, r6
);
-- Which append connection wrote the log last (a random token), or NULL once a
-- write on another connection moved or deleted log or table rows: an append
-- connection that finds its own token knows the log is as it left it, whatever
-- else was committed meanwhile (a tombstone, a consent).
CREATE TABLE event_log_owner (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    token INTEGER
);
INSERT INTO event_log_owner (id, token) VALUES (1, NULL);
