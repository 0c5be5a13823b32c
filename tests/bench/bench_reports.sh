#!/usr/bin/env bash
# The audit report (PDF) of generated plans of 1,000 and 10,000 people.
# Targets (issue 13): the audit and the staffing plan at most 60 pages at 1,000 people, at most
# 80 pages and under 10 s at 10,000. Prints the seconds, memory and pages of each.
set -euo pipefail
source "$(dirname "$0")/plan_of_size.sh"
for n in 1000 10000; do
  plan=$(plan_of_size "$n")
  measure "planner report audit (PDF), $n people" "$PLANNER" report audit "$plan" -o "$BENCH_WORK/audit-$n.pdf"
  pages=$(pdfinfo "$BENCH_WORK/audit-$n.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  echo "    $pages pages"
  measure "planner report staffing (PDF), $n people" "$PLANNER" report staffing "$plan" -o "$BENCH_WORK/staffing-$n.pdf"
  pages=$(pdfinfo "$BENCH_WORK/staffing-$n.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  echo "    $pages pages"
  measure "planner report audit (PDF, lv), $n people" "$PLANNER" report audit "$plan" --lang lv -o "$BENCH_WORK/audit-lv-$n.pdf"
  pages=$(pdfinfo "$BENCH_WORK/audit-lv-$n.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  echo "    $pages pages"
done
