#!/usr/bin/env bash
# Builds an optimised planner with the benchmark tools and runs every tests/bench/bench_*.sh.
# Each prints its own figures (seconds and peak memory); nothing here passes or fails on
# time: the machines are shared and noisy, so figures are read, not asserted.
#
# Usage: tests/bench/run_benchmarks.sh [NAME...]   (NAME: import, checks, ...; default all)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$root/build/bench"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPLANNER_BENCH=ON >/dev/null
cmake --build "$build" -j2 >/dev/null
export PLANNER="$build/bin/planner" BENCH_BUILD="$build" BENCH_WORK="${BENCH_WORK:-$build/bench-work}"
mkdir -p "$BENCH_WORK"
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in "$here"/bench_*.sh; do names+=("$(basename "$f" .sh | sed 's/^bench_//')"); done
fi
for n in "${names[@]}"; do
  echo "== $n"
  bash "$here/bench_$n.sh"
done
