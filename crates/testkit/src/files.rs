//! Raw-byte scans of a database's files, for the tests that prove erasure is
//! physical: the bytes on disk, not query results.

use std::path::Path;

/// Occurrences of `needle` in each file of `dir` that holds it at least once,
/// as (path, count).
pub fn occurrences(dir: &Path, needle: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("readable directory") {
        let path = entry.expect("directory entry").path();
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let n = bytes
            .windows(needle.len())
            .filter(|w| *w == needle.as_bytes())
            .count();
        if n > 0 {
            out.push((path.display().to_string(), n));
        }
    }
    out
}

/// Occurrences of `needle` in all the files of `dir` together.
pub fn count(dir: &Path, needle: &str) -> usize {
    occurrences(dir, needle).iter().map(|(_, n)| n).sum()
}
