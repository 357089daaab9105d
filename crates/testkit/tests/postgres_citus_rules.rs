//! The migrated schema obeys Citus' rules for the distribution documented in
//! docs/SCALING.md (whose `create_distributed_table` / `create_reference_table`
//! statements this test reads): every primary key, unique constraint and unique
//! index of a distributed table contains its distribution column; children are
//! colocated with `sessions` and reference it by the distribution columns; no
//! foreign key goes from a reference table to a distributed one; every table of
//! the schema is placed.
#![cfg(feature = "postgres")]

use std::collections::{BTreeMap, BTreeSet};

use realtime_store_testkit::pg;

#[derive(Debug, Default)]
struct Layout {
    /// table → (distribution column, colocate_with table)
    distributed: BTreeMap<String, (String, Option<String>)>,
    reference: BTreeSet<String>,
}

/// The single-quoted arguments of the first call of `func` in `line`.
fn quoted_args(line: &str, func: &str) -> Option<Vec<String>> {
    let start = line.find(&format!("{func}("))? + func.len() + 1;
    let end = start + line[start..].find(')')?;
    Some(
        line[start..end]
            .split('\'')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect(),
    )
}

fn unqualified(t: &str) -> String {
    t.strip_prefix("realtime_store.")
        .unwrap_or_else(|| panic!("{t}: statements in SCALING.md name the realtime_store schema"))
        .to_owned()
}

fn documented_layout() -> Layout {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/SCALING.md");
    let doc = std::fs::read_to_string(path).expect("docs/SCALING.md");
    let mut l = Layout::default();
    for line in doc
        .lines()
        .filter(|l| l.trim_start().starts_with("SELECT "))
    {
        if let Some(a) = quoted_args(line, "create_distributed_table") {
            assert!(a.len() >= 2, "{line}");
            let colocate = line
                .contains("colocate_with")
                .then(|| unqualified(a.get(2).expect("colocate_with table")));
            l.distributed
                .insert(unqualified(&a[0]), (a[1].clone(), colocate));
        } else if let Some(a) = quoted_args(line, "create_reference_table") {
            l.reference.insert(unqualified(&a[0]));
        }
    }
    l
}

type Constraint = (String, String, String, Vec<String>, String, Vec<String>);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn schema_follows_citus_distribution_rules() {
    let layout = documented_layout();
    assert_eq!(
        layout.distributed.get("sessions").map(|d| d.0.as_str()),
        Some("id"),
        "sessions distributed by id: {layout:?}"
    );
    assert!(layout.reference.contains("app_users"), "{layout:?}");

    let schema = pg::fresh_schema().await;
    let _store = schema.open().await;
    let mut c = pg::admin().await;
    let s = schema.schema();

    // Every table is placed (the migrations table stays local on the coordinator).
    let tables: BTreeSet<String> = sqlx::query_scalar(
        "SELECT tablename::text FROM pg_tables WHERE schemaname = $1 AND tablename <> '_sqlx_migrations'",
    )
    .bind(s)
    .fetch_all(&mut c)
    .await
    .unwrap()
    .into_iter()
    .collect();
    let placed: BTreeSet<String> = layout
        .distributed
        .keys()
        .chain(layout.reference.iter())
        .cloned()
        .collect();
    assert_eq!(tables, placed, "every table has a documented placement");
    for (t, (col, colocate)) in &layout.distributed {
        if t != "sessions" {
            assert_eq!(col, "session_id", "{t} is distributed by session_id");
            assert_eq!(
                colocate.as_deref(),
                Some("sessions"),
                "{t} is colocated with sessions"
            );
        }
    }

    let constraints: Vec<Constraint> = sqlx::query_as(
        "SELECT c.relname::text, con.conname::text, con.contype::text,
                ARRAY(SELECT a.attname::text FROM unnest(con.conkey) k
                      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k),
                COALESCE(ft.relname::text, ''),
                ARRAY(SELECT a.attname::text FROM unnest(con.confkey) k
                      JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k)
         FROM pg_constraint con
         JOIN pg_class c ON c.oid = con.conrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_class ft ON ft.oid = con.confrelid
         WHERE n.nspname = $1 AND c.relname <> '_sqlx_migrations'",
    )
    .bind(s)
    .fetch_all(&mut c)
    .await
    .unwrap();
    let mut keys_checked = 0;
    let mut fks_checked = 0;
    for (table, name, kind, cols, target, target_cols) in &constraints {
        let dist = layout.distributed.get(table).map(|d| d.0.clone());
        match kind.as_str() {
            // Primary key, unique, exclusion: must contain the distribution column.
            "p" | "u" | "x" => {
                if let Some(dist) = &dist {
                    assert!(
                        cols.contains(dist),
                        "{table}.{name} ({cols:?}) lacks distribution column {dist}"
                    );
                    keys_checked += 1;
                }
            }
            "f" => {
                fks_checked += 1;
                let target_dist = layout.distributed.get(target).map(|d| d.0.clone());
                match (&dist, &target_dist) {
                    (Some(d), Some(td)) => {
                        assert_eq!(
                            cols,
                            &vec![d.clone()],
                            "{table}.{name}: by distribution column"
                        );
                        assert_eq!(
                            target_cols,
                            &vec![td.clone()],
                            "{table}.{name}: to distribution column"
                        );
                        assert_eq!(
                            layout.distributed[table].1.as_deref(),
                            Some(target.as_str()),
                            "{table}.{name}: colocated with {target}"
                        );
                    }
                    (Some(_), None) => assert!(layout.reference.contains(target), "{table}.{name}"),
                    (None, Some(_)) => {
                        panic!("{table}.{name}: reference table -> distributed table")
                    }
                    (None, None) => {}
                }
            }
            _ => {}
        }
    }
    // 4 child tables × (primary key + unique), the sessions and tombstones
    // primary keys; 5 foreign keys.
    assert_eq!(keys_checked, 10, "{constraints:?}");
    assert_eq!(fks_checked, 5, "{constraints:?}");

    // Unique indexes (with or without a constraint), key columns only.
    let unique: Vec<(String, String, Vec<String>)> = sqlx::query_as(
        "SELECT t.relname::text, i.relname::text,
                ARRAY(SELECT COALESCE(a.attname::text, '<expression>')
                      FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                      LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
                      WHERE k.ord <= x.indnkeyatts ORDER BY k.ord)
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         WHERE n.nspname = $1 AND x.indisunique AND t.relname <> '_sqlx_migrations'",
    )
    .bind(s)
    .fetch_all(&mut c)
    .await
    .unwrap();
    let mut indexes_checked = 0;
    for (table, index, cols) in &unique {
        if let Some((dist, _)) = layout.distributed.get(table) {
            assert!(
                cols.contains(dist),
                "unique index {index} on {table} ({cols:?}) lacks {dist}"
            );
            indexes_checked += 1;
        }
    }
    assert_eq!(indexes_checked, 10, "{unique:?}");

    // Colocated tables need the same distribution column type.
    let types: Vec<(String, String)> = sqlx::query_as(
        "SELECT table_name::text, data_type::text FROM information_schema.columns
         WHERE table_schema = $1 AND ((table_name = 'sessions' AND column_name = 'id')
               OR column_name = 'session_id')",
    )
    .bind(s)
    .fetch_all(&mut c)
    .await
    .unwrap();
    assert_eq!(types.len(), 6);
    assert!(types.iter().all(|(_, t)| t == "text"), "{types:?}");
}
