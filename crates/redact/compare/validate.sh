#!/usr/bin/env bash
# Checks that score.py reproduces the crate's own full-span report
# (tests/scoring/full.rs) for our engine's predictions on every corpus.
# Usage: validate.sh OUTDIR EXPORT_LOG   (EXPORT_LOG: stdout of export_corpora)
set -euo pipefail
dir=$1 log=$2 here=$(dirname "$0") fail=0
for c in accuracy heldout blind2 blind3 blind4 blind5; do
  crate=$(awk -v c="== $c:" 'index($0, c) == 1 {f = 1; next} /^throughput/ {f = 0} f' "$log")
  ours=$(python3 "$here/score.py" "$dir/$c.gold.jsonl" "$dir/$c.ours.jsonl")
  if [ -n "$crate" ] && [ "$crate" = "$ours" ]; then
    echo "$c: identical"
  else
    echo "$c: DIFFERENT"; diff <(echo "$crate") <(echo "$ours") || true; fail=1
  fi
done
exit $fail
