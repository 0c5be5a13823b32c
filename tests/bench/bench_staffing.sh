#!/usr/bin/env bash
# Benchmarks of `planner workload`, `planner staff` and `planner rebalance` on synthetic plans
# from generate_plan.py. Targets: workload on 100,000 people under 1 s; rebalance on 1,000
# people under 2 s and on 10,000 under 30 s (Release build).
#
# Usage: tests/bench/bench_staffing.sh BUILD_DIR [WORK_DIR]
#   BUILD_DIR  a Release build with -DPLANNER_BENCH=ON (bin/planner and bench_staffing in it)
#   WORK_DIR   where the plans go (default: a temporary directory, removed at the end)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build=${1:?usage: bench_staffing.sh BUILD_DIR [WORK_DIR]}
work=${2:-$(mktemp -d)}
[ -n "${2:-}" ] || trap 'rm -rf "$work"' EXIT

planner=$(find "$build" -type f -name planner -perm -u+x | head -n 1)
bench=$(find "$build" -type f -name bench_staffing -perm -u+x | head -n 1)

for people in 1000 10000 100000; do
    [ -f "$work/plan-$people.yaml" ] || python3 "$here/generate_plan.py" "$people" 1 "$work/plan-$people.yaml"
done

# Wall-clock seconds of one command, its output discarded.
seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" > /dev/null
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
}

if [ -n "$bench" ]; then
    echo "== analyses alone (bench_staffing) =="
    "$bench" "$work/plan-100000.yaml" workload staff
    "$bench" "$work/plan-1000.yaml" rebalance
    "$bench" "$work/plan-10000.yaml" rebalance
fi

if [ -n "$planner" ]; then
    echo "== whole commands (read, analyse, render) =="
    printf '%-44s %8s s\n' "workload, 100,000 people (target 1 s)" \
        "$(seconds "$planner" workload "$work/plan-100000.yaml" --format csv)"
    printf '%-44s %8s s\n' "staff, 100,000 people" \
        "$(seconds "$planner" staff "$work/plan-100000.yaml" --format csv)"
    printf '%-44s %8s s\n' "rebalance, 1,000 people (target 2 s)" \
        "$(seconds "$planner" rebalance "$work/plan-1000.yaml" -o "$work/proposed-1000.yaml")"
    printf '%-44s %8s s\n' "rebalance, 10,000 people (target 30 s)" \
        "$(seconds "$planner" rebalance "$work/plan-10000.yaml" -o "$work/proposed-10000.yaml")"
fi
