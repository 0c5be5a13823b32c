#!/usr/bin/env python3
"""Every message the plan file's rules write has a pattern in templates/en.yaml's plan_messages.

Reads the string literals of the sources that write the plan file's error messages (adjacent
literals joined as the compiler joins them) and fails on each literal of two or more words that
no pattern or word of the catalogue contains: a new message must be added to the catalogue (and
to templates/lv.yaml) so that a Latvian page or `--lang lv` never shows it in English.

Usage: check_plan_messages.py SOURCE_DIR
"""

import re
import sys
from pathlib import Path

SOURCES = [
    "model/plan_decoder.cpp",
    "model/plan_decoder_people.cpp",
    "model/yaml_decoder.cpp",
    "model/json_patch.cpp",
    "model/suggest.cpp",
    "model/plan_json.cpp",
    "planner/editing/plan_edit.cpp",
    "planner/core/plan_source.cpp",
]

# Of these files only this part writes plan messages (the rest: workspaces and versions).
REGIONS = {"planner/core/plan_source.cpp": ("void throw_plan_errors", "WorkspaceError workspace_failure")}

# Literals of these files that are not plan messages: saving errors and the unified diff of
# plan_edit.cpp, the workspace errors of plan_source.cpp (not about the plan's content).
NOT_MESSAGES = {
    ": the plan could not be read again",
    ": the plan could not be saved: ",
    " (edited)",
    "' is damaged (",
    "); restore it from a copy, or build it again with ",
    "`planner import ",
    "workspace '",
    "malformed",
    "not a database",
    "file is encrypted",
    "(at line (d+))",  # plan_json.cpp: the regex that finds "at line N" to show a path instead
}

LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


def unescape(text):
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            if nxt == "u":
                out.append(chr(int(text[i + 2:i + 6], 16)))
                i += 6
                continue
            out.append({"n": "\n", "t": "\t"}.get(nxt, nxt))
            i += 2
            continue
        out.append(text[i])
        i += 1
    return "".join(out)


def strip_comments(code):
    code = re.sub(r"/\*.*?\*/", " ", code, flags=re.S)
    lines = []
    for line in code.split("\n"):
        if line.lstrip().startswith("#include"):
            lines.append("")
            continue
        # a // comment outside a string literal
        in_string, cut = False, len(line)
        i = 0
        while i < len(line):
            c = line[i]
            if c == "\\" and in_string:
                i += 2
                continue
            if c == '"':
                in_string = not in_string
            elif c == "'" and not in_string and i + 2 < len(line) and line[i + 2] == "'":
                i += 3
                continue
            elif c == "/" and not in_string and line[i:i + 2] == "//":
                cut = i
                break
            i += 1
        lines.append(line[:cut])
    return "\n".join(lines)


def literals(code):
    """String literals, adjacent ones joined."""
    out, last_end, current = [], None, None
    for m in LITERAL.finditer(code):
        if current is not None and code[last_end:m.start()].strip() == "":
            current += unescape(m.group(1))
        else:
            if current is not None:
                out.append(current)
            current = unescape(m.group(1))
        last_end = m.end()
    if current is not None:
        out.append(current)
    return out


def catalogue(en_yaml):
    """The texts of plan_messages in en.yaml (its last block)."""
    text = en_yaml.read_text(encoding="utf-8")
    start = text.index("\nplan_messages:\n")
    texts = []
    for line in text[start:].split("\n")[2:]:
        m = re.match(r'^\s+[a-z_]+: "((?:[^"\\]|\\.)*)"\s*$', line)
        if m:
            texts.append(unescape(m.group(1)))
        elif line and not line.startswith(" "):
            break
    return texts


def main():
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    patterns = catalogue(root / "templates" / "en.yaml")
    if len(patterns) < 50:
        print(f"only {len(patterns)} texts read from templates/en.yaml plan_messages")
        return 1
    missing = []
    checked = 0
    for source in SOURCES:
        code = strip_comments((root / source).read_text(encoding="utf-8"))
        if source in REGIONS:
            first, last = REGIONS[source]
            start = code.index(first)
            code = code[start:code.index(last, start)]
        for literal in literals(code):
            if literal in NOT_MESSAGES:
                continue
            piece = literal.strip()
            if len([w for w in piece.split() if re.search(r"[A-Za-z]{2}", w)]) < 2:
                continue  # a key, an id, a single word or punctuation
            checked += 1
            if not any(piece in p for p in patterns):
                missing.append(f"{source}: \"{literal}\"")
    for m in missing:
        print(f"no pattern in templates/en.yaml plan_messages contains {m}")
    print(f"{checked} message literals checked, {len(missing)} without a pattern")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
