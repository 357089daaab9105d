//! The throughput benchmark's 4,000 segments (`benches/support/segments.rs`) run
//! through `Redactor::redact` outside criterion: a fixed workload for a profiler
//! (`valgrind --tool=callgrind` counts its instructions repeatably) and a record
//! of every mask, to diff before and after a change to the engine.
//!
//! ```text
//! cargo run --release -p realtime-redact --example bench_segments -- [ROUNDS] [OUT]
//! ```
//!
//! Redacts the segments once to warm up (lazily compiled patterns), then `ROUNDS`
//! times (default 1) inside `measured`, and, when `OUT` is given, writes each
//! segment's redacted text and its spans (`start end LABEL`), one segment a line,
//! to that file. To count the steady state alone:
//!
//! ```text
//! valgrind --tool=callgrind --collect-atstart=no --toggle-collect='bench_segments::measured' \
//!     target/release/examples/bench_segments 10
//! ```

#[path = "../benches/support/segments.rs"]
mod segments;

use std::fmt::Write as _;
use std::hint::black_box;

use realtime_redact::Redactor;

/// Redacts every segment `rounds` times; the output length.
#[inline(never)]
fn measured(r: &Redactor, segs: &[String], rounds: usize) -> usize {
    let mut n = 0;
    for _ in 0..rounds {
        for s in segs {
            n += r.redact(black_box(s)).text.len();
        }
    }
    n
}

fn main() {
    let mut args = std::env::args().skip(1);
    let rounds: usize = args
        .next()
        .map_or(1, |r| r.parse().expect("ROUNDS is a number"));
    let out = args.next();
    let segs = segments::segments();
    let r = Redactor::default();
    for s in &segs {
        black_box(r.redact(s));
    }
    let n = measured(&r, &segs, rounds);
    println!("{} segments x {rounds}: {n} bytes out", segs.len());
    if let Some(path) = out {
        let mut dump = String::new();
        for s in &segs {
            let spans = r.find(s);
            let _ = write!(dump, "{}\t", r.redact(s).text);
            for sp in spans {
                let _ = write!(dump, " {} {} {}", sp.start, sp.end, sp.label);
            }
            dump.push('\n');
        }
        std::fs::write(&path, dump).expect("OUT is writable");
    }
}
