#!/usr/bin/env bash
# Server time per page of `planner serve` (median and p99 over 100 requests, warm) for
# generated plans of 1,000 and 10,000 people. Targets: under 50 ms at 1,000, under 300 ms
# at 10,000. See docs/benchmarks.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/plan_of_size.sh"
for n in 1000 10000; do
  plan="$(plan_of_size "$n")"
  echo "-- $n people ($(basename "$plan"))"
  "$BENCH_BUILD/tests/bench/bench_serve" "$plan" 100
done
