#!/usr/bin/env bash
# planner workload, staff and rebalance on generated plans. Targets: workload on 100,000
# people under 1 s; rebalance on 1,000 people under 2 s and on 10,000 under 30 s.
# Workload and staff are timed on the plan YAML and on a workspace holding the same plan
# (which reads the plan's binary form instead of parsing YAML); bench_staffing prints the
# phases (reading, PlanIndex, the analysis) apart.
set -euo pipefail
source "$(dirname "$0")/plan_of_size.sh"
big=$(plan_of_size 100000)
ws="$BENCH_WORK/staffing-100000.db"
rm -f "$ws"
"$PLANNER" import "$ws" "$big" >/dev/null
measure "planner workload, 100000 people (YAML)" "$PLANNER" workload "$big"
measure "planner workload, 100000 people (workspace)" "$PLANNER" workload "$ws"
measure "planner staff, 100000 people (YAML)" "$PLANNER" staff "$big"
measure "planner staff, 100000 people (workspace)" "$PLANNER" staff "$ws"
for n in 1000 10000; do
  plan=$(plan_of_size "$n")
  measure "planner rebalance, $n people" "$PLANNER" rebalance "$plan" -o "$BENCH_WORK/proposed-$n.yaml"
done
# The same on dense plans (two or three channels per team instead of one or two).
dense=$(plan_of_size 100000 dense)
ws_dense="$BENCH_WORK/staffing-100000-dense.db"
rm -f "$ws_dense"
"$PLANNER" import "$ws_dense" "$dense" >/dev/null
measure "planner workload, 100000 people, dense (workspace)" "$PLANNER" workload "$ws_dense"
for n in 1000 10000; do
  plan=$(plan_of_size "$n" dense)
  measure "planner rebalance, $n people, dense" "$PLANNER" rebalance "$plan" -o "$BENCH_WORK/proposed-$n-dense.yaml"
done
bench="$BENCH_BUILD/tests/bench/bench_staffing"
echo "-- phases (bench_staffing)"
"$bench" "$ws" workload staff
"$bench" "$big" workload
"$bench" "$(plan_of_size 1000)" rebalance
"$bench" "$(plan_of_size 10000)" rebalance
