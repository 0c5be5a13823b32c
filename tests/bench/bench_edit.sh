#!/usr/bin/env bash
# Time from a JSON Patch to updated findings (POST /api/plan's work: patch, check, save in
# place, facts, every check, findings compared) for generated plans of 1,000 and 10,000
# people. Targets: under 50 ms at 1,000, under 500 ms at 10,000. See docs/benchmarks.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/plan_of_size.sh"
for n in 1000 10000; do
  plan="$(plan_of_size "$n")"
  echo "-- $n people ($(basename "$plan"))"
  "$BENCH_BUILD/tests/bench/bench_edit" "$plan" 20
done
