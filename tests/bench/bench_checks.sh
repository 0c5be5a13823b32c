#!/usr/bin/env bash
# planner check on generated plans of 100 to 100,000 people. Targets: under 1 s for 10,000
# people and under 10 s for 100,000, growing no worse than n log n. The time includes reading
# the plan; `planner show` on the same file is printed too, so the checks' own share shows.
set -euo pipefail
source "$(dirname "$0")/plan_of_size.sh"
for n in 100 1000 10000 100000; do
  plan=$(plan_of_size "$n")
  measure "planner show (read only), $n people" "$PLANNER" show "$plan" --format json
  measure "planner check, $n people" "$PLANNER" check "$plan" --fail-on never --format json
done
ws="$BENCH_WORK/checks-100000.db"
rm -f "$ws"
"$PLANNER" import "$ws" "$(plan_of_size 100000)" >/dev/null
measure "planner check, 100000 people (workspace)" "$PLANNER" check "$ws" --fail-on never --format json
