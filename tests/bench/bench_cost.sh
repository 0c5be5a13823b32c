#!/usr/bin/env bash
# planner cost on generated plans, and the exact choice of hires within a budget
# (bench_cost) on random candidate sets of growing size. Figures only.
set -euo pipefail
source "$(dirname "$0")/plan_of_size.sh"
for n in 1000 100000; do
  plan=$(plan_of_size "$n")
  measure "planner cost, $n people" "$PLANNER" cost "$plan"
  measure "planner staff --budget, $n people" "$PLANNER" staff "$plan" --budget 1000000
done
echo "-- choose_hires (bench_cost)"
"$BENCH_BUILD/tests/bench/bench_cost"
