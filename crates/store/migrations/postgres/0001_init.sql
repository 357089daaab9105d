-- realtime-store schema (PostgreSQL).
--
-- Applied with search_path set to the store's own schema (default
-- `realtime_store`), so every name below, and sqlx's `_sqlx_migrations`, lives in
-- that schema: the store can share a database with other applications.
--
-- Timestamps are `timestamptz(3)` (UTC, millisecond precision); JSON is `jsonb`.
-- Identifiers use the "C" collation: byte order, as the cursors expect.
-- Every child table's primary key starts with `session_id`, and every primary key
-- and unique constraint of a distributed table contains its distribution column
-- (`sessions.id`, children's `session_id`), so the schema distributes on Citus
-- unchanged (see docs/SCALING.md; tested by postgres_citus_rules.rs).

CREATE TABLE app_users (
    id           text COLLATE "C" PRIMARY KEY,
    auth_user_id text COLLATE "C" UNIQUE,
    email        text COLLATE "C" UNIQUE,
    created_at   timestamptz(3) NOT NULL,
    updated_at   timestamptz(3) NOT NULL
);

CREATE TABLE sessions (
    id                  text COLLATE "C" PRIMARY KEY,
    user_id             text COLLATE "C" REFERENCES app_users (id) ON DELETE CASCADE,
    provider_session_id text,
    voice               text,
    persona             text,
    config              jsonb NOT NULL DEFAULT '{}',
    timings             jsonb NOT NULL DEFAULT '{}',
    consent             text NOT NULL CHECK (consent IN ('ACCEPTED', 'DECLINED', 'PENDING')),
    status              text NOT NULL CHECK (status IN ('active', 'ended')),
    started_at          timestamptz(3) NOT NULL,
    ended_at            timestamptz(3),
    created_at          timestamptz(3) NOT NULL,
    updated_at          timestamptz(3) NOT NULL
);
-- list_sessions: newest first (ties by id), optionally per user / consent / status;
-- purge_before uses the first one, erase_user the second.
CREATE INDEX sessions_started_idx ON sessions (started_at DESC, id DESC);
CREATE INDEX sessions_user_started_idx ON sessions (user_id, started_at DESC, id DESC);
CREATE INDEX sessions_consent_started_idx ON sessions (consent, started_at DESC, id DESC);
CREATE INDEX sessions_status_started_idx ON sessions (status, started_at DESC, id DESC);

-- Children: reads are by (session_id, seq) — the primary key; idempotency by
-- (session_id, dedup_key) — the unique constraint.
CREATE TABLE transcripts (
    session_id text COLLATE "C" NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    seq        bigint NOT NULL,
    item_id    text COLLATE "C",
    dedup_key  text COLLATE "C" NOT NULL,
    role       text NOT NULL CHECK (role IN ('user', 'assistant', 'system', 'tool')),
    text       text NOT NULL,
    started_at timestamptz(3) NOT NULL,
    ended_at   timestamptz(3),
    created_at timestamptz(3) NOT NULL,
    PRIMARY KEY (session_id, seq),
    UNIQUE (session_id, dedup_key)
);

CREATE TABLE tool_events (
    session_id  text COLLATE "C" NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    seq         bigint NOT NULL,
    call_id     text COLLATE "C",
    dedup_key   text COLLATE "C" NOT NULL,
    name        text NOT NULL,
    args        jsonb NOT NULL,
    result      jsonb,
    status      text NOT NULL CHECK (status IN ('ok', 'error')),
    duration_ms bigint CHECK (duration_ms >= 0),
    at          timestamptz(3) NOT NULL,
    PRIMARY KEY (session_id, seq),
    UNIQUE (session_id, dedup_key)
);

-- The latest version is "the" summary: read backwards along the primary key.
CREATE TABLE summaries (
    session_id text COLLATE "C" NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    version    bigint NOT NULL,
    dedup_key  text COLLATE "C" NOT NULL,
    text       text NOT NULL,
    key_points jsonb NOT NULL DEFAULT '[]',
    at         timestamptz(3) NOT NULL,
    PRIMARY KEY (session_id, version),
    UNIQUE (session_id, dedup_key)
);

CREATE TABLE usage_events (
    session_id text COLLATE "C" NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    seq        bigint NOT NULL,
    event_id   text COLLATE "C",
    dedup_key  text COLLATE "C" NOT NULL,
    kind       text NOT NULL,
    value      double precision NOT NULL,
    meta       jsonb,
    at         timestamptz(3) NOT NULL,
    PRIMARY KEY (session_id, seq),
    UNIQUE (session_id, dedup_key)
);
