# Sourced by the bench scripts: plan_of_size N [dense] prints the path of a generated N-person
# plan (standard density unless "dense"; see generate_plan.py).
plan_of_size() {
  local n="$1" density="${2:-standard}"
  local path="$BENCH_WORK/plan-$n.yaml"
  [ "$density" = standard ] || path="$BENCH_WORK/plan-$n-$density.yaml"
  if [ ! -s "$path" ]; then
    python3 "$(dirname "${BASH_SOURCE[0]}")/generate_plan.py" "$n" 1 "$path" "$density" >/dev/null
  fi
  echo "$path"
}
# measure LABEL COMMAND...: prints wall seconds and peak resident memory of COMMAND.
measure() {
  local label="$1"; shift
  local seconds kib
  /usr/bin/time -f "%e %M" -o "$BENCH_WORK/.time" "$@" >/dev/null 2>&1 || true
  read -r seconds kib <"$BENCH_WORK/.time"
  awk -v l="$label" -v s="$seconds" -v k="$kib" 'BEGIN { printf "%-48s %8.2f s  %7.0f MiB\n", l, s, k / 1024 }'
}
