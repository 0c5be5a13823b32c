#!/usr/bin/env bash
# The audit report (PDF) of generated plans of 1,000 and 10,000 people.
# Targets: under 2 s and under 20 s.
set -euo pipefail
source "$(dirname "$0")/plan_of_size.sh"
for n in 1000 10000; do
  plan=$(plan_of_size "$n")
  measure "planner report audit (PDF), $n people" "$PLANNER" report audit "$plan" -o "$BENCH_WORK/audit-$n.pdf"
  pages=$(pdfinfo "$BENCH_WORK/audit-$n.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  echo "    $pages pages"
  measure "planner report staffing (PDF), $n people" "$PLANNER" report staffing "$plan" -o "$BENCH_WORK/staffing-$n.pdf"
done
