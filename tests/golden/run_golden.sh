#!/usr/bin/env bash
# Golden outputs: for every sample plan, the text, CSV and JSON of show, check, workload, staff,
# cost, rebalance and diff (and staff --budget on the 11-person sample), and the CSV and JSON
# of the three reports, compared byte for byte with tests/golden/expected/. Behaviour must not
# change when code moves.
#
#   run_golden.sh PLANNER_EXE            compare (exit 1 and a diff on any difference)
#   run_golden.sh PLANNER_EXE --update   rewrite the expected files
set -uo pipefail
planner=$(realpath "$1")
mode=${2:-compare}
here=$(cd "$(dirname "$0")" && pwd)
samples=$(cd "$here/../../samples" && pwd)
expected=$here/expected
work=$(mktemp -d "${TMPDIR:-/tmp}/planner-golden.XXXXXX")
trap 'rm -rf "$work"' EXIT
out=$work/out
mkdir -p "$out"
export SOURCE_DATE_EPOCH=1767225600 NO_COLOR=1 TZ=UTC LC_ALL=C

# run NAME ARGS...: stdout to NAME, stderr to NAME.err, exit status to NAME.status
run() {
  local name=$1; shift
  (cd "$work" && "$planner" "$@" >"$out/$name" 2>"$out/$name.err"; echo $? >"$out/$name.status")
  # messages name the temporary folder; keep only what does not depend on it
  sed -i "s#$work#WORK#g" "$out/$name.err"
}

plans=(small-team latvian-retail latvian-retail-2026-q3 audit-group checks-coverage
       checks-organisation checks-workload)
for p in "${plans[@]}"; do
  cp "$samples/$p.yaml" "$work/$p.yaml"
  for f in text csv json; do
    run "$p.check.$f" check "$p.yaml" --format "$f"
    run "$p.workload.$f" workload "$p.yaml" --format "$f"
    run "$p.workload-duty.$f" workload "$p.yaml" --by duty --format "$f"
    run "$p.staff.$f" staff "$p.yaml" --format "$f"
    run "$p.cost.$f" cost "$p.yaml" --format "$f"
    run "$p.rebalance.$f" rebalance "$p.yaml" --format "$f" -o "$p.proposed.yaml"
    [ -e "$work/$p.proposed.yaml" ] && mv "$work/$p.proposed.yaml" "$out/$p.rebalance.$f.proposed.yaml"
  done
  for f in text json; do run "$p.show.$f" show "$p.yaml" --format "$f"; done
done
# Editing: one value of each commented sample changed with `planner apply`; the diff of the file
# must be exactly that line (comments, order and every other byte kept).
echo '[{"op":"replace","path":"/plan/name","value":"Edited: one value changed"}]' >"$work/one-value.json"
for p in "${plans[@]}"; do
  cp "$samples/$p.yaml" "$work/$p.edited.yaml"
  run "$p.apply-one-value.out" apply "$p.edited.yaml" one-value.json
  (cd "$work" && diff "$p.yaml" "$p.edited.yaml" >"$out/$p.apply-one-value.diff")
done
for f in text csv json; do
  run "latvian-retail.staff-budget.$f" staff latvian-retail.yaml --budget 325000 --format "$f"
done
for f in text csv json; do
  run "diff.$f" diff latvian-retail-2026-q3.yaml latvian-retail.yaml --format "$f"
done

# Reports: a workspace with the sample's metrics and the previous quarter's snapshot.
cp -r "$samples/metrics" "$work/metrics"
(cd "$work" && "$planner" import team.db latvian-retail-2026-q3.yaml >/dev/null 2>&1 &&
  "$planner" snapshot team.db --quarter 2026-Q3 >/dev/null 2>&1 &&
  "$planner" import team.db latvian-retail.yaml metrics/metrics-2026.csv >/dev/null 2>&1) ||
  { echo "golden: could not build the report workspace"; exit 1; }
for kind in staffing audit quarterly; do
  for lang in en lv; do
    run "report.$kind.$lang.json-run" report "$kind" team.db --format json --lang "$lang" \
        -o "report-$kind-$lang.json"
    cp "$work/report-$kind-$lang.json" "$out/report.$kind.$lang.json"
    (cd "$work" && "$planner" report "$kind" team.db --format csv --lang "$lang" \
        -o "csv-$kind-$lang" >/dev/null 2>&1)
    for f in "$work/csv-$kind-$lang"/*.csv; do
      [ -e "$f" ] && cp "$f" "$out/report.$kind.$lang.$(basename "$f")"
    done
  done
done

if [ "$mode" = "--update" ]; then
  rm -rf "$expected"
  cp -r "$out" "$expected"
  echo "golden: wrote $(ls "$expected" | wc -l) expected files"
  exit 0
fi
if diff -r -u "$expected" "$out" >"$work/diff.txt"; then
  echo "golden: $(ls "$out" | wc -l) outputs identical"
  exit 0
fi
head -c 20000 "$work/diff.txt"
echo "golden: outputs differ from tests/golden/expected (run with --update only if the change is intended)"
exit 1
