#!/usr/bin/env python3
"""What a reader of the PDF reports sees, checked on the text pdftotext extracts.

  check_report_text.py PLANNER SOURCE_DIR

For the sample workspace (the golden tests' one) in English and Latvian, and for a generated
1,000-person plan:
  - every check id of the catalogue and every person's name appears unbroken;
  - no "KIND:ID" subject and no backtick appears;
  - the Latvian reports contain no sentence of the English templates, and neither do the
    Latvian outputs of `check` (text, JSON and CSV: the findings' messages and
    recommendations), `workload` and `staff`; the English outputs do contain them (so that the
    test can fail);
  - the audit and the staffing plan of 1,000 people have at most 60 pages;
  - the staffing plan's org chart has a legend naming the kinds of highlight the plan has
    (overloaded, vacancy, leaving) and, for each manager, the span of control and the team's
    headcount, worked out here from the plan's reporting lines.
Exit 1 with every failure listed."""
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

planner, source = os.path.abspath(sys.argv[1]), sys.argv[2]
samples = os.path.join(source, "samples")
failures = []
env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600", TZ="UTC", NO_COLOR="1")


def run(args, cwd, ok=(0,)):
    result = subprocess.run([planner] + args, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode not in ok:
        sys.exit(f"planner {' '.join(args)} failed: {result.stderr}")
    return result.stdout


def pdf_text(path):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True,
                          text=True, check=True).stdout


def pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def english_sentences():
    """Fragments of at least four words between placeholders, from templates/en.yaml."""
    fragments = set()
    with open(os.path.join(source, "templates", "en.yaml"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r'\s*[A-Za-z_0-9]+:\s*"(.*)"\s*$', line)
            if not m:
                continue
            for piece in re.split(r"\{[a-z_]+\}", m.group(1)):
                words = re.findall(r"[A-Za-z][A-Za-z'-]*", piece)
                if len(words) >= 4:
                    fragments.add(" ".join(words))
    return fragments


def words_of(text):
    return " ".join(re.findall(r"[A-Za-z][A-Za-z'-]*", text))


def english_in(text, english):
    """The English template fragments that appear in `text`."""
    flat = words_of(text)
    return sorted(sentence for sentence in english if sentence in flat)


def check_text(label, text, names, ids):
    flat = re.sub(r"\s+", " ", text)
    if "`" in text:
        failures.append(f"{label}: a backtick in the text")
    subject = re.search(r"\b(person|channel|goal|kpi|role|duty):[a-z0-9_-]+", text)
    if subject:
        failures.append(f"{label}: an internal subject '{subject.group(0)}'")
    for check_id in ids:
        if not re.search(r"\b" + re.escape(check_id) + r"\b", text):
            failures.append(f"{label}: check id {check_id} missing or broken")
    lines = set(text.split("\n"))
    for name in names:
        if name not in text:
            failures.append(f"{label}: the name '{name}' is missing or broken across lines")
    return flat


def org_of(plan_path):
    """{person id: (reports_to or None, status)} from the plan's people section."""
    people, current, inside = {}, None, False
    with open(plan_path, encoding="utf-8") as f:
        for line in f:
            if re.match(r"^people:", line):
                inside = True
                continue
            if inside and re.match(r"^\S", line):
                break
            if not inside:
                continue
            m = re.match(r"^  - id:\s*(\S+)", line)
            if m:
                current = m.group(1)
                people[current] = [None, "active"]
                continue
            m = re.match(r"^    (reports_to|status):\s*(\S+)", line)
            if m and current:
                people[current][0 if m.group(1) == "reports_to" else 1] = m.group(2)
    return people


def check_org_chart(label, text, people, overloaded, lang):
    """The legend words for the kinds present and every manager's span and team size."""
    flat = re.sub(r"\s+", " ", text)
    words = {"en": {"title": "Highlights", "overloaded": "Overloaded", "vacancy": "Vacancy",
                    "leaving": "Leaving", "span": "Direct reports",
                    "detail": "span {span} · team {team}"},
             "lv": {"title": "Apzīmējumi", "overloaded": "Pārslogots", "vacancy": "Vakance",
                    "leaving": "Aiziet no darba", "span": "Tiešie padotie",
                    "detail": "padotie {span} · komanda {team}"}}[lang]
    kinds = {status for _, status in people.values()} & {"vacancy", "leaving"}
    if overloaded:
        kinds.add("overloaded")
    if kinds and words["title"] not in flat:
        failures.append(f"{label}: no org chart legend ('{words['title']}')")
    for kind in sorted(kinds):
        if words[kind] not in flat:
            failures.append(f"{label}: the org chart legend lacks '{words[kind]}'")
    children = {}
    for person, (boss, _) in people.items():
        if boss in people:
            children.setdefault(boss, []).append(person)

    def team(person):
        return sum(1 + team(child) for child in children.get(person, []))

    if children and words["span"] not in flat:
        failures.append(f"{label}: no '{words['span']}' column in the teams table")
    for manager, reports in sorted(children.items()):
        detail = words["detail"].format(span=len(reports), team=team(manager))
        if detail not in flat:
            failures.append(f"{label}: manager {manager} lacks '{detail}' in the org chart")


work = tempfile.mkdtemp(prefix="planner-report-text.")
try:
    shutil.copytree(os.path.join(samples, "metrics"), os.path.join(work, "metrics"))
    for plan in ("latvian-retail-2026-q3.yaml", "latvian-retail.yaml"):
        shutil.copy(os.path.join(samples, plan), work)
    run(["import", "team.db", "latvian-retail-2026-q3.yaml"], work)
    run(["snapshot", "team.db", "--quarter", "2026-Q3"], work)
    run(["import", "team.db", "latvian-retail.yaml", "metrics/metrics-2026.csv"], work)
    catalogue = subprocess.run([planner, "check", "--list", "--format", "csv"], env=env,
                               capture_output=True, text=True, check=True).stdout
    all_ids = [row["id"] for row in csv.DictReader(catalogue.splitlines())]
    run(["report", "staffing", "team.db", "--format", "csv", "-o", "csv"], work)
    with open(os.path.join(work, "csv", "workload.csv"), encoding="utf-8") as f:
        names = [row[next(iter(row))] for row in csv.DictReader(f)]
    names = [n for n in names if n and ":" not in n]  # vacancies are labelled, not named
    english = english_sentences()
    people = org_of(os.path.join(work, "latvian-retail.yaml"))
    findings = json.loads(run(["check", "team.db", "--fail-on", "never", "--format", "json"],
                              work))["findings"]
    overloaded = any(f["check"] == "LOAD001" for f in findings)
    for kind in ("staffing", "audit", "quarterly"):
        for lang in ("en", "lv"):
            pdf = os.path.join(work, f"{kind}-{lang}.pdf")
            run(["report", kind, "team.db", "--lang", lang, "-o", pdf], work)
            text = pdf_text(pdf)
            label = f"{kind} ({lang})"
            check_text(label, text, names if kind == "staffing" else [],
                       all_ids if kind == "audit" else [])
            if kind == "staffing":
                check_org_chart(label, text, people, overloaded, lang)
            if lang == "lv":
                for sentence in english_in(text, english):
                    failures.append(f"{label}: English template text '{sentence}'")

    # The command-line analyses: Latvian throughout with --lang lv; the English output must
    # show the English sentences, or the comparison above proves nothing.
    analyses = [["check", "team.db", "--fail-on", "never"],
                ["check", "team.db", "--fail-on", "never", "--format", "json"],
                ["check", "team.db", "--fail-on", "never", "--format", "csv"],
                ["workload", "team.db"], ["workload", "team.db", "--by", "duty"],
                ["staff", "team.db"]]
    for args in analyses:
        label = "planner " + " ".join(args)
        english_text = run(args + ["--lang", "en"], work)
        latvian_text = run(args + ["--lang", "lv"], work)
        if "json" in args:  # keys are identifiers (worst_gap_first_on), not English text
            english_text, latvian_text = (
                "\n".join(f[k] for f in json.loads(t)["findings"]
                          for k in ("message", "recommendation"))
                for t in (english_text, latvian_text))
        if args[0] == "check" and len(english_in(english_text, english)) < 10:
            failures.append(f"{label} --lang en: fewer than 10 English template sentences")
        if english_text == latvian_text:
            failures.append(f"{label}: --lang lv prints the same as --lang en")
        for sentence in english_in(latvian_text, english):
            failures.append(f"{label} --lang lv: English template text '{sentence}'")

    big = os.path.join(work, "plan-1000.yaml")
    subprocess.run([sys.executable, os.path.join(source, "tests", "bench", "generate_plan.py"),
                    "1000", "1", big], check=True, capture_output=True)
    for kind in ("audit", "staffing"):
        pdf = os.path.join(work, f"{kind}-1000.pdf")
        run(["report", kind, big, "-o", pdf], work)
        count = pages(pdf)
        if count > 60:
            failures.append(f"{kind} of 1,000 people: {count} pages, more than 60")
        check_text(f"{kind} of 1,000 people", pdf_text(pdf), [], [])
finally:
    shutil.rmtree(work, ignore_errors=True)

for failure in failures:
    print(failure)
print(f"report text: {len(failures)} problem(s)")
sys.exit(1 if failures else 0)
