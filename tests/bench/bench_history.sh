#!/usr/bin/env bash
# History: the space 100 versions of a 1,000-person plan take in a workspace (each version one
# import that changes one person's fte), and the time of an import that stores a version.
set -euo pipefail
source "$(dirname "$0")/plan_of_size.sh"
plan=$(plan_of_size 1000)
ws="$BENCH_WORK/history-1000.db"
work="$BENCH_WORK/history"
rm -rf "$ws" "$work"
mkdir -p "$work"
"$PLANNER" import "$ws" "$plan" >/dev/null
# 99 more versions, each a small edit: one person's fte set to 0.7 or 0.9.
python3 - "$plan" "$work" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
lines = text.split("\n")
fte = [i for i, l in enumerate(lines) if re.search(r"\bfte: [0-9.]+", l)]
for v in range(2, 101):
    i = fte[(v * 7) % len(fte)]
    lines[i] = re.sub(r"fte: [0-9.]+", "fte: %s" % ("0.7" if v % 2 else "0.9"), lines[i])
    open("%s/v%03d.yaml" % (sys.argv[2], v), "w", encoding="utf-8").write("\n".join(lines))
PY
start=$(date +%s.%N)
for f in "$work"/v*.yaml; do "$PLANNER" import "$ws" "$f" >/dev/null; done
end=$(date +%s.%N)
python3 - "$ws" "$start" "$end" <<'PY'
import sqlite3, sys, os
db = sqlite3.connect(sys.argv[1])
n, packed, raw = db.execute(
    "SELECT count(*), sum(length(yaml_zlib)), sum(size) FROM plan_versions").fetchone()
print("history of a 1,000-person plan: %d versions" % n)
print("  canonical YAML, all versions:   %8.1f KiB (%.1f KiB each)" % (raw / 1024, raw / n / 1024))
print("  stored (zlib level 9):          %8.1f KiB (%.1f KiB each, %.1f%%)" % (
    packed / 1024, packed / n / 1024, 100.0 * packed / raw))
print("  workspace file:                 %8.1f KiB" % (os.path.getsize(sys.argv[1]) / 1024))
print("  import storing a version:       %8.3f s each (average of 99)" % (
    (float(sys.argv[3]) - float(sys.argv[2])) / 99))
PY
