#!/usr/bin/env bash
# The whole comparison, from a clean checkout (see README.md):
# installs the pinned Python and npm packages, exports the corpora, checks the
# scorer against the crate, runs Presidio and compromise, prints the tables.
# Each system runs pinned to one core (taskset -c 1), one after the other.
# Usage: crates/redact/compare/run_all.sh [OUTDIR]   (default compare/out)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/out}
corpora=(accuracy heldout blind2 blind3 blind4 blind5)
mkdir -p "$out"
cd "$here"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
  .venv/bin/pip install -q -r requirements.txt
fi
[ -d node_modules/compromise ] || npm ci --silent
cd "$here/../../.."
cargo build -q --release -p realtime-redact --example export_corpora
taskset -c 1 "${CARGO_TARGET_DIR:-target}/release/examples/export_corpora" "$out" | tee "$out/export.log"
"$here/validate.sh" "$out" "$out/export.log"
cd "$here"
OMP_NUM_THREADS=1 taskset -c 1 .venv/bin/python presidio_run.py "$out" "${corpora[@]}" | tee "$out/presidio.log"
taskset -c 1 node compromise_run.js "$out" "${corpora[@]}" | tee "$out/compromise.log"
python3 score.py --table "$out" "${corpora[@]}" \
  --systems ours presidio-raw presidio presidio-exact compromise compromise-noplaces | tee "$out/tables.md"
