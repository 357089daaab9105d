-- realtime-store schema (SQLite). Timestamps are epoch milliseconds (UTC);
-- JSON columns hold JSON text. Every child table's primary key starts with
-- session_id, so one session's rows sit together (WITHOUT ROWID clusters by PK).

CREATE TABLE app_users (
    id           TEXT PRIMARY KEY NOT NULL,
    auth_user_id TEXT UNIQUE,
    email        TEXT UNIQUE,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);

CREATE TABLE sessions (
    id                  TEXT PRIMARY KEY NOT NULL,
    user_id             TEXT REFERENCES app_users(id) ON DELETE CASCADE,
    provider_session_id TEXT,
    voice               TEXT,
    persona             TEXT,
    config              TEXT NOT NULL DEFAULT '{}',
    timings             TEXT NOT NULL DEFAULT '{}',
    consent             TEXT NOT NULL CHECK (consent IN ('ACCEPTED', 'DECLINED', 'PENDING')),
    status              TEXT NOT NULL CHECK (status IN ('active', 'ended')),
    started_at          INTEGER NOT NULL,
    ended_at            INTEGER,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
);
-- list_sessions: newest first, optionally per user / consent / status.
CREATE INDEX sessions_started_idx ON sessions (started_at DESC, id DESC);
CREATE INDEX sessions_user_started_idx ON sessions (user_id, started_at DESC, id DESC);
CREATE INDEX sessions_consent_started_idx ON sessions (consent, started_at DESC, id DESC);

CREATE TABLE transcripts (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    item_id    TEXT,
    dedup_key  TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'system', 'tool')),
    text       TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    ended_at   INTEGER,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (session_id, seq),
    UNIQUE (session_id, dedup_key)
) WITHOUT ROWID;

CREATE TABLE tool_events (
    session_id  TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    call_id     TEXT,
    dedup_key   TEXT NOT NULL,
    name        TEXT NOT NULL,
    args        TEXT NOT NULL,
    result      TEXT,
    status      TEXT NOT NULL CHECK (status IN ('ok', 'error')),
    duration_ms INTEGER,
    at          INTEGER NOT NULL,
    PRIMARY KEY (session_id, seq),
    UNIQUE (session_id, dedup_key)
) WITHOUT ROWID;

CREATE TABLE summaries (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    dedup_key  TEXT NOT NULL,
    text       TEXT NOT NULL,
    key_points TEXT NOT NULL DEFAULT '[]',
    at         INTEGER NOT NULL,
    PRIMARY KEY (session_id, version),
    UNIQUE (session_id, dedup_key)
) WITHOUT ROWID;

CREATE TABLE usage_events (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    event_id   TEXT,
    dedup_key  TEXT NOT NULL,
    kind       TEXT NOT NULL,
    value      REAL NOT NULL,
    meta       TEXT,
    at         INTEGER NOT NULL,
    PRIMARY KEY (session_id, seq),
    UNIQUE (session_id, dedup_key)
) WITHOUT ROWID;
