#!/usr/bin/env python3
"""Fails when a source file includes a header its folder may not depend on.

The allowed links come from the build itself: every `planner_room(NAME DEPENDS ...)` line of
planner/CMakeLists.txt. model/ and exporters/ include nothing of ours but themselves; a room
of planner/ includes model/, exporters/, itself and the rooms it DEPENDS on. So a wrong
dependency fails the test suite, and the build graph and the includes cannot drift apart.

    check_includes.py SOURCE_DIR
"""
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
root = os.path.abspath(root)
cmake = open(os.path.join(root, "planner", "CMakeLists.txt"), encoding="utf-8").read()

allowed = {"model": {"model"}, "exporters": {"exporters"}}
for match in re.finditer(r"^planner_room\((\w+)([^)]*)\)", cmake, re.M):
    name, rest = match.group(1), match.group(2)
    deps = set()
    if "DEPENDS" in rest:
        deps = set(rest.split("DEPENDS", 1)[1].split())
    allowed["planner/" + name] = {"model", "exporters", "planner/" + name} | {
        "planner/" + d for d in deps}
rooms = sorted(k for k in allowed if k.startswith("planner/"))
if len(rooms) < 2:
    sys.exit("check_includes: found no planner_room() lines in planner/CMakeLists.txt")

include = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
problems = []
checked = 0
for top in ("model", "exporters", "planner"):
    for folder, _, files in os.walk(os.path.join(root, top)):
        rel_folder = os.path.relpath(folder, root).replace(os.sep, "/")
        for f in sorted(files):
            if not f.endswith((".cpp", ".hpp", ".h")):
                continue
            rel = rel_folder + "/" + f
            if top == "planner":
                parts = rel.split("/")
                if len(parts) < 3:
                    problems.append(f"{rel}: planner/ has no loose sources; put it in a room")
                    continue
                owner = "planner/" + parts[1]
            else:
                owner = top
            if owner not in allowed:
                problems.append(f"{rel}: room '{owner}' is not declared with planner_room()")
                continue
            checked += 1
            text = open(os.path.join(root, rel), encoding="utf-8").read()
            for line_no, line in enumerate(text.splitlines(), 1):
                m = include.match(line)
                if not m:
                    continue
                target = m.group(1)
                parts = target.split("/")
                if parts[0] not in ("model", "exporters", "planner") or len(parts) < 2:
                    continue  # a system or generated header
                area = parts[0] if parts[0] != "planner" else "planner/" + parts[1]
                if area not in allowed[owner]:
                    problems.append(f"{rel}:{line_no}: includes \"{target}\", but {owner} may "
                                    f"only include {', '.join(sorted(allowed[owner]))}")

for p in problems:
    print(p)
print(f"check_includes: {checked} files checked, {len(problems)} forbidden includes")
sys.exit(1 if problems else 0)
