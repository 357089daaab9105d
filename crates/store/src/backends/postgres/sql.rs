//! The SQL of [`PostgresStore`](crate::PostgresStore): every statement, with the
//! store's schema baked in, built once per store.

/// SQL expression: epoch milliseconds (int8) → `timestamptz`.
pub(crate) fn ts(e: &str) -> String {
    format!("(TIMESTAMPTZ 'epoch' + ({e})::int8 * INTERVAL '1 millisecond')")
}

/// SQL expression: `timestamptz` → epoch milliseconds (int8).
pub(crate) fn ms(c: &str) -> String {
    format!("(EXTRACT(EPOCH FROM {c}) * 1000)::int8")
}

/// Every statement, with the schema baked in (built once per store).
pub(crate) struct Sql {
    pub(crate) upsert_user: String,
    pub(crate) upsert_session: String,
    pub(crate) lock_session: String,
    pub(crate) lock_sessions: String,
    pub(crate) decline: String,
    pub(crate) insert_transcripts: String,
    pub(crate) insert_tools: String,
    pub(crate) insert_summaries: String,
    pub(crate) insert_usage: String,
    pub(crate) session_cols: String,
    pub(crate) get_session: String,
    pub(crate) sessions_table: String,
    pub(crate) get_transcripts: String,
    pub(crate) get_tool_events: String,
    pub(crate) get_summary: String,
    pub(crate) get_usage: String,
    pub(crate) lock_user: String,
    pub(crate) user_session_ids: String,
    pub(crate) lock_user_session: String,
    pub(crate) purge_ids: String,
    pub(crate) lock_old_session: String,
    pub(crate) delete_children: [String; 4],
    /// Per kind: delete one row of a session by `seq` (summaries: `version`).
    pub(crate) delete_event: [String; 4],
    pub(crate) delete_sessions: String,
    pub(crate) delete_user: String,
    pub(crate) session_lock: String,
    pub(crate) upsert_state: String,
    pub(crate) tombstone_of: String,
    pub(crate) stored_state: String,
    pub(crate) set_consent: String,
    pub(crate) tombstone: String,
    pub(crate) tombstone_many: String,
    pub(crate) untombstone: String,
    pub(crate) delete_session_user: String,
    pub(crate) delete_orphan_user: String,
    pub(crate) delete_orphan_users: String,
    pub(crate) purge_tombstones: String,
    /// Citus: the session row locked with its tombstone (one routed statement).
    pub(crate) lock_routed: String,
    /// Citus, per kind: `MAX(seq)` and the given dedup keys already stored.
    pub(crate) probe_routed: [String; 4],
    /// Citus: a user's identifiers (written only when they change).
    pub(crate) get_user: String,
    /// Citus: which of the given users still have sessions.
    pub(crate) linked_users: String,
    /// Citus: delete the given users.
    pub(crate) delete_users: String,
}

/// Key space of the advisory lock that serialises upserts and withdrawals of one
/// session (a session that has no row yet cannot be locked by row).
pub(crate) const SESSION_LOCK_SPACE: i32 = 7243;

impl Sql {
    pub(crate) fn new(schema: &str) -> Sql {
        let s = format!("\"{schema}\"");
        let session_cols = format!(
            "id, user_id, provider_session_id, voice, persona, config, timings, consent, status, \
             {} AS started_at, {} AS ended_at, {} AS created_at, {} AS updated_at",
            ms("started_at"),
            ms("ended_at"),
            ms("created_at"),
            ms("updated_at")
        );
        // Rows of one kind, of any number of sessions ($1: one session id per
        // row): skip keys already stored (the session rows are locked, so no one
        // else inserts for them meanwhile), number the rest per session after its
        // current maximum, insert in input order.
        let insert = |table: &str, seq: &str, unnest: &str, names: &str, cols: &str, vals: &str| {
            format!(
                "WITH input AS (
                   SELECT * FROM UNNEST($1::text[], {unnest}) WITH ORDINALITY
                     AS u(session_id, {names}, ord)
                 ), fresh AS (
                   SELECT i.*, row_number() OVER (PARTITION BY i.session_id ORDER BY i.ord) AS rn
                   FROM input i
                   WHERE NOT EXISTS (SELECT 1 FROM {s}.{table} t
                                     WHERE t.session_id = i.session_id COLLATE \"C\"
                                       AND t.dedup_key = i.dedup_key COLLATE \"C\")
                 ), base AS (
                   SELECT d.session_id,
                          COALESCE((SELECT MAX({seq}) FROM {s}.{table} t
                                    WHERE t.session_id = d.session_id COLLATE \"C\"), 0) AS m
                   FROM (SELECT DISTINCT session_id FROM fresh) d
                 )
                 INSERT INTO {s}.{table} (session_id, {seq}, {cols})
                 SELECT f.session_id, b.m + f.rn, {vals}
                 FROM fresh f JOIN base b ON b.session_id = f.session_id
                 ORDER BY f.ord
                 ON CONFLICT (session_id, dedup_key) DO NOTHING
                 RETURNING session_id, dedup_key"
            )
        };
        let children = ["transcripts", "tool_events", "summaries", "usage_events"];
        Sql {
            upsert_user: format!(
                "INSERT INTO {s}.app_users AS u (id, auth_user_id, email, created_at, updated_at)
                 VALUES ($1, $2, $3, {now}, {now})
                 ON CONFLICT (id) DO UPDATE SET
                   auth_user_id = COALESCE(EXCLUDED.auth_user_id, u.auth_user_id),
                   email = COALESCE(EXCLUDED.email, u.email),
                   updated_at = EXCLUDED.updated_at
                 WHERE (EXCLUDED.auth_user_id IS NOT NULL
                        AND EXCLUDED.auth_user_id IS DISTINCT FROM u.auth_user_id)
                    OR (EXCLUDED.email IS NOT NULL AND EXCLUDED.email IS DISTINCT FROM u.email)",
                now = ts("$4")
            ),
            upsert_session: format!(
                "INSERT INTO {s}.sessions AS cur (id, user_id, provider_session_id, voice, persona, config,
                                   timings, consent, status, started_at, ended_at, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, COALESCE($6, '{{}}'::jsonb), $7, $8,
                         CASE WHEN $10::int8 IS NULL THEN 'active' ELSE 'ended' END,
                         {start}, {end}, {now}, {now})
                 ON CONFLICT (id) DO UPDATE SET
                   user_id = COALESCE(EXCLUDED.user_id, cur.user_id),
                   provider_session_id = COALESCE(EXCLUDED.provider_session_id, cur.provider_session_id),
                   voice = COALESCE(EXCLUDED.voice, cur.voice),
                   persona = COALESCE(EXCLUDED.persona, cur.persona),
                   config = CASE WHEN $6 IS NULL THEN cur.config ELSE EXCLUDED.config END,
                   timings = cur.timings || EXCLUDED.timings,
                   consent = EXCLUDED.consent,
                   ended_at = COALESCE(EXCLUDED.ended_at, cur.ended_at),
                   status = CASE WHEN COALESCE(EXCLUDED.ended_at, cur.ended_at) IS NULL
                                 THEN 'active' ELSE 'ended' END,
                   updated_at = EXCLUDED.updated_at",
                start = ts("COALESCE($9::int8, LEAST($11::int8, COALESCE($10::int8, $11::int8)))"),
                end = ts("$10"),
                now = ts("$11"),
            ),
            lock_session: format!("SELECT consent FROM {s}.sessions WHERE id = $1 FOR UPDATE"),
            lock_sessions: format!(
                "SELECT s.id, s.consent, t.reason FROM {s}.sessions s
                 LEFT JOIN {s}.tombstones t ON t.session_id = s.id
                 WHERE s.id = ANY($1::text[]) ORDER BY s.id FOR UPDATE OF s"
            ),
            decline: format!(
                "UPDATE {s}.sessions SET consent = 'DECLINED', updated_at = {} WHERE id = $1",
                ts("$2")
            ),
            insert_transcripts: insert(
                "transcripts",
                "seq",
                "$2::text[], $3::text[], $4::text[], $5::text[], $6::int8[], $7::int8[]",
                "item_id, dedup_key, role, text, started_at, ended_at",
                "item_id, dedup_key, role, text, started_at, ended_at, created_at",
                &format!(
                    "f.item_id, f.dedup_key, f.role, f.text, {}, {}, {}",
                    ts("f.started_at"),
                    ts("f.ended_at"),
                    ts("$8")
                ),
            ),
            insert_tools: insert(
                "tool_events",
                "seq",
                "$2::text[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[], $7::text[], $8::int8[], $9::int8[]",
                "call_id, dedup_key, name, args, result, status, duration_ms, at",
                "call_id, dedup_key, name, args, result, status, duration_ms, at",
                &format!(
                    "f.call_id, f.dedup_key, f.name, f.args, f.result, f.status, f.duration_ms, {}",
                    ts("f.at")
                ),
            ),
            insert_summaries: insert(
                "summaries",
                "version",
                "$2::text[], $3::text[], $4::jsonb[], $5::int8[]",
                "dedup_key, text, key_points, at",
                "dedup_key, text, key_points, at",
                &format!("f.dedup_key, f.text, f.key_points, {}", ts("f.at")),
            ),
            insert_usage: insert(
                "usage_events",
                "seq",
                "$2::text[], $3::text[], $4::text[], $5::float8[], $6::jsonb[], $7::int8[]",
                "event_id, dedup_key, kind, value, meta, at",
                "event_id, dedup_key, kind, value, meta, at",
                &format!("f.event_id, f.dedup_key, f.kind, f.value, f.meta, {}", ts("f.at")),
            ),
            get_session: format!("SELECT {session_cols} FROM {s}.sessions WHERE id = $1"),
            sessions_table: format!("{s}.sessions"),
            get_transcripts: format!(
                "SELECT seq, item_id, role, text, {} AS started_at, {} AS ended_at, {} AS created_at
                 FROM {s}.transcripts WHERE session_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                ms("started_at"),
                ms("ended_at"),
                ms("created_at")
            ),
            get_tool_events: format!(
                "SELECT seq, call_id, name, args, result, status, duration_ms, {} AS at
                 FROM {s}.tool_events WHERE session_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                ms("at")
            ),
            get_summary: format!(
                "SELECT version, text, key_points, {} AS at FROM {s}.summaries
                 WHERE session_id = $1 ORDER BY version DESC LIMIT 1",
                ms("at")
            ),
            get_usage: format!(
                "SELECT seq, event_id, kind, value, meta, {} AS at FROM {s}.usage_events
                 WHERE session_id = $1 ORDER BY seq",
                ms("at")
            ),
            lock_user: format!("SELECT id FROM {s}.app_users WHERE id = $1 FOR UPDATE"),
            user_session_ids: format!("SELECT id FROM {s}.sessions WHERE user_id = $1 ORDER BY id"),
            lock_user_session: format!(
                "SELECT id FROM {s}.sessions WHERE id = $1 AND user_id = $2 FOR UPDATE"
            ),
            purge_ids: format!(
                "SELECT id FROM {s}.sessions WHERE started_at < {} ORDER BY id LIMIT $2",
                ts("$1")
            ),
            lock_old_session: format!(
                "SELECT id FROM {s}.sessions WHERE id = $1 AND started_at < {} FOR UPDATE",
                ts("$2")
            ),
            delete_children: children
                .map(|t| format!("DELETE FROM {s}.{t} WHERE session_id = ANY($1::text[])")),
            delete_event: children.map(|t| {
                let n = if t == "summaries" { "version" } else { "seq" };
                format!("DELETE FROM {s}.{t} WHERE session_id = $1 AND {n} = $2")
            }),
            delete_sessions: format!("DELETE FROM {s}.sessions WHERE id = ANY($1::text[])"),
            delete_user: format!("DELETE FROM {s}.app_users WHERE id = $1"),
            session_lock: format!("SELECT pg_advisory_xact_lock({SESSION_LOCK_SPACE}, hashtext($1))"),
            upsert_state: format!(
                "SELECT consent, {} AS started_at FROM {s}.sessions WHERE id = $1 FOR UPDATE",
                ms("started_at")
            ),
            tombstone_of: format!("SELECT reason FROM {s}.tombstones WHERE session_id = $1"),
            stored_state: format!(
                "SELECT (SELECT consent FROM {s}.sessions WHERE id = $1),
                        (SELECT reason FROM {s}.tombstones WHERE session_id = $1)"
            ),
            set_consent: format!(
                "UPDATE {s}.sessions SET consent = $2, updated_at = {} WHERE id = $1",
                ts("$3")
            ),
            tombstone: format!(
                "INSERT INTO {s}.tombstones (session_id, at, reason) VALUES ($1, {}, $3)
                 ON CONFLICT (session_id) DO UPDATE SET at = EXCLUDED.at, reason = EXCLUDED.reason",
                ts("$2")
            ),
            tombstone_many: format!(
                "INSERT INTO {s}.tombstones (session_id, at, reason)
                 SELECT id, {}, $3 FROM UNNEST($1::text[]) AS u(id)
                 ON CONFLICT (session_id) DO UPDATE SET at = EXCLUDED.at, reason = EXCLUDED.reason",
                ts("$2")
            ),
            untombstone: format!("DELETE FROM {s}.tombstones WHERE session_id = $1"),
            delete_session_user: format!("DELETE FROM {s}.sessions WHERE id = $1 RETURNING user_id"),
            delete_orphan_user: format!(
                "DELETE FROM {s}.app_users u WHERE u.id = $1
                 AND NOT EXISTS (SELECT 1 FROM {s}.sessions x WHERE x.user_id = $1)"
            ),
            delete_orphan_users: format!(
                "DELETE FROM {s}.app_users u WHERE u.id = ANY($1::text[])
                 AND NOT EXISTS (SELECT 1 FROM {s}.sessions x WHERE x.user_id = u.id)"
            ),
            purge_tombstones: format!("DELETE FROM {s}.tombstones WHERE at < {}", ts("$1")),
            lock_routed: format!(
                "SELECT s.consent, t.reason FROM {s}.sessions s
                 LEFT JOIN {s}.tombstones t ON t.session_id = s.id
                 WHERE s.id = $1 FOR UPDATE OF s"
            ),
            probe_routed: [
                ("transcripts", "seq"),
                ("tool_events", "seq"),
                ("summaries", "version"),
                ("usage_events", "seq"),
            ]
            .map(|(t, seq)| {
                format!(
                    "SELECT COALESCE(MAX({seq}), 0)::int8,
                            COALESCE(array_agg(dedup_key::text)
                                     FILTER (WHERE dedup_key = ANY($2::text[])), '{{}}')
                     FROM {s}.{t} WHERE session_id = $1"
                )
            }),
            linked_users: format!(
                "SELECT DISTINCT user_id FROM {s}.sessions WHERE user_id = ANY($1::text[])"
            ),
            delete_users: format!("DELETE FROM {s}.app_users WHERE id = ANY($1::text[])"),
            get_user: format!("SELECT auth_user_id, email FROM {s}.app_users WHERE id = $1"),
            session_cols,
        }
    }
}
