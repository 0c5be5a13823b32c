#!/usr/bin/env bash
# The include check must fail on a tree that breaks the rules: a room including a room it does
# not link, and a loose source at planner/'s top. (A check that cannot fail checks nothing.)
set -u
script=$1
tree=$(mktemp -d "${TMPDIR:-/tmp}/planner-arch.XXXXXX")
trap 'rm -rf "$tree"' EXIT
mkdir -p "$tree/model" "$tree/exporters" "$tree/planner/core" "$tree/planner/cli"
printf 'planner_room(core)\nplanner_room(cli DEPENDS core)\n' >"$tree/planner/CMakeLists.txt"
printf '#include "model/plan.hpp"\n' >"$tree/planner/core/good.cpp"
printf '#include "planner/core/good.hpp"\n' >"$tree/planner/cli/fine.cpp"
"$script" "$tree" >/dev/null || { echo "a clean tree was refused"; exit 1; }
printf '#include "planner/cli/cli.hpp"\n' >"$tree/planner/core/bad.cpp"
out=$("$script" "$tree") && { echo "a forbidden include passed"; exit 1; }
echo "$out" | grep -q 'planner/core/bad.cpp:1: includes "planner/cli/cli.hpp"' ||
  { echo "unexpected message: $out"; exit 1; }
rm "$tree/planner/core/bad.cpp"
printf 'int x;\n' >"$tree/planner/loose.cpp"
"$script" "$tree" >/dev/null && { echo "a loose source in planner/ passed"; exit 1; }
printf '#include "planner/core/x.hpp"\n' >"$tree/model/m.cpp"
rm "$tree/planner/loose.cpp"
"$script" "$tree" >/dev/null && { echo "model/ including planner/ passed"; exit 1; }
echo "check_includes: catches forbidden includes"
