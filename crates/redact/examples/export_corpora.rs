//! Writes every labelled corpus of `tests/` as JSON Lines, with this engine's
//! predictions, for the side-by-side comparison in `compare/` (issue 13 item 3).
//!
//! ```text
//! cargo run --release -p realtime-redact --example export_corpora -- OUTDIR
//! ```
//!
//! For each corpus `NAME` (`accuracy`, `heldout`, `blind2`, `blind3`, `blind4`,
//! `blind5`, generated from the same seeds and sizes as their tests) it writes:
//!
//! - `OUTDIR/NAME.gold.jsonl`: one text a line,
//!   `{"id", "kind", "text", "spans": [{"start", "end", "type", "spoken"}]}`;
//! - `OUTDIR/NAME.ours.jsonl`: `{"id", "spans": [{"start", "end", "type"}]}`, the
//!   spans `Redactor::default()` masks.
//!
//! **Offsets are in Unicode scalar values (chars), not bytes**: `text[start:end]`
//! in Python; in JavaScript index `Array.from(text)`. `end` is exclusive.
//!
//! It then prints, per corpus, the crate's own full-span report
//! (`tests/scoring/full.rs`, the code `blind4.rs`/`blind5.rs` assert with) so that
//! `compare/score.py` can be checked against it, and the single-thread throughput
//! of `Redactor::find` over the corpus texts.

#[allow(dead_code)]
#[path = "../tests/blindgen/mod.rs"]
mod blindgen;
#[allow(dead_code)]
#[path = "../tests/scoring/mod.rs"]
mod scoring;

// `corpus/` and `blind2/` allow dead code themselves (inner attribute)
#[path = "../tests/corpus/mod.rs"]
mod accuracy;
#[path = "../tests/blind2/mod.rs"]
mod blind2;
#[allow(dead_code)]
#[path = "../tests/blind3/mod.rs"]
mod blind3;
#[allow(dead_code, unused_imports)]
#[path = "../tests/blind4/mod.rs"]
mod blind4;
#[allow(dead_code)]
#[path = "../tests/blind5/mod.rs"]
mod blind5;
#[allow(dead_code)]
#[path = "../tests/heldout/mod.rs"]
mod heldout;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use realtime_redact::Redactor;
use serde_json::json;

/// One labelled text in a generator-independent form (byte offsets).
struct Item {
    kind: &'static str,
    text: String,
    gold: Vec<scoring::GoldSpan>,
}

macro_rules! items {
    ($samples:expr, |$s:ident| $kind:expr) => {
        $samples
            .into_iter()
            .map(|$s| Item {
                kind: $kind,
                gold: $s
                    .gold
                    .iter()
                    .map(|g| scoring::GoldSpan {
                        label: g.label,
                        start: g.start,
                        end: g.end,
                        spoken: g.spoken,
                    })
                    .collect(),
                text: $s.text,
            })
            .collect::<Vec<Item>>()
    };
}

/// Every labelled corpus, with the seed and size its test uses.
fn corpora() -> Vec<(&'static str, Vec<Item>)> {
    vec![
        (
            "accuracy",
            items!(accuracy::generate(0x5EED_2026, 2400), |s| "-"),
        ),
        (
            "heldout",
            items!(heldout::generate(0x0B11_D5EE_D042, 1800), |s| "-"),
        ),
        (
            "blind2",
            items!(blind2::generate(0x000B_11D2_5EED, 2000), |s| s.genre),
        ),
        (
            "blind3",
            items!(blind3::generate(0x000B_11D3_5EED, 1600), |s| s.kind),
        ),
        (
            "blind4",
            items!(blind4::generate(0x000B_11D4_5EED, 1400), |s| s.kind),
        ),
        (
            "blind5",
            items!(blind5::generate(0x000B_11D5_5EED, 1900), |s| s.kind),
        ),
    ]
}

/// Byte offset `b` of `text` as a char offset.
fn char_offset(text: &str, b: usize) -> usize {
    text[..b].chars().count()
}

fn write_corpus(dir: &Path, name: &str, items: &[Item], r: &Redactor) -> std::io::Result<()> {
    let mut gold = BufWriter::new(File::create(dir.join(format!("{name}.gold.jsonl")))?);
    let mut ours = BufWriter::new(File::create(dir.join(format!("{name}.ours.jsonl")))?);
    for (id, it) in items.iter().enumerate() {
        let spans: Vec<_> = it
            .gold
            .iter()
            .map(|g| {
                json!({
                    "start": char_offset(&it.text, g.start),
                    "end": char_offset(&it.text, g.end),
                    "type": g.label,
                    "spoken": g.spoken,
                })
            })
            .collect();
        let line = json!({"id": id, "kind": it.kind, "text": it.text, "spans": spans});
        writeln!(gold, "{line}")?;
        let pred: Vec<_> = r
            .find(&it.text)
            .iter()
            .map(|p| {
                json!({
                    "start": char_offset(&it.text, p.start),
                    "end": char_offset(&it.text, p.end),
                    "type": p.label,
                })
            })
            .collect();
        writeln!(ours, "{}", json!({"id": id, "spans": pred}))?;
    }
    gold.flush()?;
    ours.flush()
}

/// Single-thread MB/s (10^6 bytes) of `find` over every text, best of `runs`.
fn throughput(items: &[Item], r: &Redactor, runs: usize) -> (usize, f64) {
    let bytes: usize = items.iter().map(|it| it.text.len()).sum();
    let mut best = f64::MAX;
    for _ in 0..runs {
        let t = Instant::now();
        let mut n = 0usize;
        for it in items {
            n += std::hint::black_box(r.find(&it.text)).len();
        }
        std::hint::black_box(n);
        best = best.min(t.elapsed().as_secs_f64());
    }
    (bytes, bytes as f64 / 1e6 / best)
}

fn main() -> std::io::Result<()> {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: export_corpora OUTDIR");
        std::process::exit(2);
    };
    std::fs::create_dir_all(&dir)?;
    let r = Redactor::default();
    let mut all_bytes = 0usize;
    let mut all_secs = 0.0f64;
    for (name, items) in corpora() {
        write_corpus(&dir, name, &items, &r)?;
        println!("== {name}: {} texts", items.len());
        let scores = scoring::full::score_full(
            items.iter().map(|it| {
                let gold = it
                    .gold
                    .iter()
                    .map(|g| scoring::GoldSpan {
                        label: g.label,
                        start: g.start,
                        end: g.end,
                        spoken: g.spoken,
                    })
                    .collect();
                (it.text.as_str(), gold)
            }),
            &r,
        );
        scores.report(0, |_| None, 0.0, 0.0);
        let (bytes, mbs) = throughput(&items, &r, 5);
        all_bytes += bytes;
        all_secs += bytes as f64 / 1e6 / mbs;
        println!("throughput {mbs:.2} MB/s over {bytes} bytes (single thread, best of 5)");
    }
    println!(
        "== all corpora: throughput {:.2} MB/s over {all_bytes} bytes",
        all_bytes as f64 / 1e6 / all_secs
    );
    Ok(())
}
