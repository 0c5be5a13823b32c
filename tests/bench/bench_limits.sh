#!/usr/bin/env bash
# Issue 15, bounded resources: peak memory of importing a 10-million-row analytics CSV (target
# under 300 MB), of importing it again (found from the hash before parsing), and of `check` on
# a 1,000,000-person plan (target under 2 GB). Figures go to docs/benchmarks.md.
#   BENCH_ROWS / BENCH_PEOPLE override the sizes (for a quick look on a small machine).
set -euo pipefail
source "$(dirname "$0")/plan_of_size.sh"
rows=${BENCH_ROWS:-10000000}
people=${BENCH_PEOPLE:-1000000}

csv="$BENCH_WORK/metrics-$rows.csv"
if [ ! -s "$csv" ]; then
  # One value per day, channel and metric, over as many days as it takes (generic format).
  awk -v n="$rows" 'BEGIN {
    print "date,channel,profile,metric,value"
    split("impressions reach engagements clicks video_views", m, " ")
    split("instagram facebook", c, " ")
    row = 0
    for (day = 0; row < n; day++) {
      t = 946684800 + day * 86400   # from 2000-01-01
      d = strftime("%Y-%m-%d", t, 1)
      for (ci = 1; ci <= 2 && row < n; ci++)
        for (mi = 1; mi <= 5 && row < n; mi++) { printf "%s,%s,,%s,%d\n", d, c[ci], m[mi], (day * 7 + mi) % 1000; row++ }
    }
  }' >"$csv"
fi
ws="$BENCH_WORK/limits.db"
rm -f "$ws"
"$PLANNER" import "$ws" "$(dirname "$0")/../../samples/small-team.yaml" >/dev/null
measure "import, $rows-row CSV ($(du -m "$csv" | cut -f1) MB)" "$PLANNER" import "$ws" "$csv"
measure "import of the same CSV again (imported before)" "$PLANNER" import "$ws" "$csv"

plan=$(plan_of_size "$people")
measure "check, $people people ($(du -m "$plan" | cut -f1) MB)" "$PLANNER" check "$plan" --fail-on never
