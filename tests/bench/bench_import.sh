#!/usr/bin/env bash
# planner import of generated plans of 1,000 and 100,000 people (about 33 MB of YAML), and the
# cost of the YAML parsers alone on the same files. Targets: under 0.2 s and 10 s, < 1 GB.
set -euo pipefail
source "$(dirname "$0")/plan_of_size.sh"
for n in 1000 100000; do
  plan=$(plan_of_size "$n")
  ws="$BENCH_WORK/import-$n.db"
  rm -f "$ws"
  measure "planner import, $n people ($(du -m "$plan" | cut -f1) MB)" "$PLANNER" import "$ws" "$plan"
done
parser="$BENCH_BUILD/tests/bench/bench_yaml_parsers"
for n in 1000 100000; do
  plan=$(plan_of_size "$n")
  for mode in libfyaml reader yaml-cpp; do
    "$parser" "$mode" "$plan" || true
  done
done
