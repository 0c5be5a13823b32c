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
  # One value per day, channel (and profile) and metric of the small-team sample, generic format,
  # from 2000-01-01 on (dates computed in Python: awk's strftime stops at 2038).
  /usr/bin/python3 - "$rows" "$csv" <<'PY'
import datetime, sys
rows, path = int(sys.argv[1]), sys.argv[2]
metrics = ["impressions", "reach", "engagements", "clicks", "video_views", "posts", "followers",
           "followers_gained", "inbound", "replies", "response_minutes", "spend", "conversions",
           "revenue"]
targets = [("instagram", ""), ("instagram", "ig-bakery"), ("facebook", "")]
start = datetime.date(2000, 1, 1).toordinal()
with open(path, "w") as out:
    out.write("date,channel,profile,metric,value\n")
    written, day = 0, 0
    while written < rows:
        date = datetime.date.fromordinal(start + day).isoformat()
        lines = []
        for channel, profile in targets:
            for i, metric in enumerate(metrics):
                if written + len(lines) >= rows:
                    break
                lines.append(f"{date},{channel},{profile},{metric},{(day * 7 + i) % 1000}\n")
        out.write("".join(lines))
        written += len(lines)
        day += 1
PY
fi
ws="$BENCH_WORK/limits.db"
rm -f "$ws"
"$PLANNER" import "$ws" "$(dirname "$0")/../../samples/small-team.yaml" >/dev/null
measure "import, $rows-row CSV ($(du -m "$csv" | cut -f1) MB)" "$PLANNER" import "$ws" "$csv"
measure "import of the same CSV again (imported before)" "$PLANNER" import "$ws" "$csv"

plan=$(plan_of_size "$people")
measure "check, $people people ($(du -m "$plan" | cut -f1) MB)" "$PLANNER" check "$plan" --fail-on never
