#!/usr/bin/env python3
"""Building a team in the browser (headless Chromium through chromium-driver and Selenium),
with no YAML: from a plan that has only a name, the editor's forms build the team of the
small-team sample (plan settings, roles, channels with a profile, drivers, care window and
approval, people, goals with KPIs, the RACI grid). GET /api/plan of the built plan is then
compared with the sample's, element by element. Then the other forms: a KPI's target, a
custom duty, a suppression, a threshold, validation messages beside a KPI's and a
suppression's fields, and the forms in Latvian.

    test_forms.py PLANNER_EXE SAMPLE_PLAN SCREENSHOT_DIR

Exit status 77 (ctest: skipped) when Selenium or Chromium is missing.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request

EXE, SAMPLE, SHOTS = sys.argv[1], sys.argv[2], sys.argv[3]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what, flush=True)
    else:
        print("ok:", what, flush=True)


def serve(plan):
    proc = subprocess.Popen([EXE, "serve", plan, "--no-open"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    url = proc.stdout.readline().strip()
    base = url.split("/?token=")[0]
    return proc, url, base, url.split("token=")[1]


def stop(proc):
    proc.send_signal(2)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


def get_plan(base, token):
    with urllib.request.urlopen("%s/api/plan?token=%s" % (base, token), timeout=20) as r:
        return json.loads(r.read().decode("utf-8"))["plan"]


KEYED = {"people", "channels", "roles", "goals", "kpis", "profiles", "duties"}


def normal(value, key=""):
    """The plan's JSON with keyed lists as maps by id (assignments by their key), so that
    the order in which the forms added things does not matter."""
    if isinstance(value, dict):
        return {k: normal(v, k) for k, v in value.items()}
    if isinstance(value, list):
        if key in KEYED and all(isinstance(x, dict) and "id" in x for x in value):
            return {x["id"]: normal(x) for x in value}
        if key == "assignments":
            return sorted(json.dumps(x, sort_keys=True) for x in value)
        return [normal(x) for x in value]
    return value


def differences(a, b, path=""):
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for k in sorted(set(a) | set(b)):
            if k not in a:
                out.append("%s/%s only in the sample: %r" % (path, k, b[k]))
            elif k not in b:
                out.append("%s/%s only in the built plan: %r" % (path, k, a[k]))
            else:
                out += differences(a[k], b[k], path + "/" + k)
        return out
    return [] if a == b else ["%s: built %r, sample %r" % (path, a, b)]


def main():
    try:
        from selenium import webdriver
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait, Select
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        print("selenium is not installed: skipping")
        return 77
    if not (os.path.exists("/usr/bin/chromium") and os.path.exists("/usr/bin/chromedriver")):
        print("chromium or chromedriver is missing: skipping")
        return 77
    os.makedirs(SHOTS, exist_ok=True)
    work = tempfile.mkdtemp(prefix="planner-forms-browser-")
    plan = os.path.join(work, "team.yaml")
    with open(plan, "w", encoding="utf-8") as f:
        f.write('version: 1\nplan:\n  name: "New plan"\n')
    proc, url, base, token = serve(plan)
    sample_proc, _, sample_base, sample_token = serve(SAMPLE)
    options = webdriver.ChromeOptions()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000",
                "--disable-dev-shm-usage", "--lang=en-GB"]:
        options.add_argument(arg)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"),
                              options=options)
    wait = WebDriverWait(driver, 20)

    def css(selector, within=None):
        return (within or driver).find_elements(By.CSS_SELECTOR, selector)

    def one(selector, within=None):
        return (within or driver).find_element(By.CSS_SELECTOR, selector)

    def shot(name):
        height = driver.execute_script("return document.body.scrollHeight")
        driver.set_window_size(1400, min(6000, height + 100))
        driver.save_screenshot(os.path.join(SHOTS, "forms-%s.png" % name))
        driver.set_window_size(1400, 1000)

    def text():
        return open(plan, encoding="utf-8").read()

    def fill(w, value):
        """Types a value into an input, picks it in a select, or sets a time field."""
        if w.tag_name == "select":
            Select(w).select_by_value(value)
        elif w.get_attribute("type") in ("time", "date"):
            driver.execute_script("arguments[0].value = arguments[1];", w, value)
        elif w.get_attribute("type") == "checkbox":
            if w.is_selected() != bool(value):
                w.click()
        else:
            w.clear()
            w.send_keys(value)

    def save(what):
        wait.until(lambda d: one("#review").is_displayed())
        errors = one("#review-errors").text
        check(errors == "", "%s: the change is valid %s" % (what, errors))
        if errors:
            one("#review-cancel").click()
            return
        before = text()
        one("#review-save").click()
        wait.until(lambda d: text() != before and not one("#review").is_displayed())
        check(True, "%s: saved" % what)

    def form_fields(form, values=(), checks=()):
        for name, value in values:
            fill(one("[name='%s']" % name, form), value)
        for group, value in checks:
            box = one("[data-group='%s'] input[value='%s']" % (group, value), form)
            if not box.is_selected():
                box.click()

    def rows(form, key, items):
        for item in items:
            one("button[data-add='%s']" % key, form).click()
            row = css("[data-rows='%s'] .sub-row" % key, form)[-1]
            for k, v in item:
                fill(one("[data-k='%s']" % k, row), v)

    def entity(kind, values, checks=(), sub=None):
        one(".add-entity[data-kind=%s]" % kind).click()
        form = one("#form-" + kind)
        form_fields(form, values, checks)
        if sub:
            rows(form, sub[0], sub[1])
        one("button[type=submit]", form).click()
        save("add %s %s" % (kind, values[0][1]))

    def person(values, checks=()):
        one("#add-person").click()
        form_fields(one("#person-form"), values, checks)
        one("#person-form button[type=submit]").click()
        save("add person %s" % values[0][1])

    def raci(person_id, duty, channel, choice):
        selector = "#raci-grid td[data-person='%s'][data-duty='%s'][data-channel='%s']" % (
            person_id, duty, channel)
        wait.until(lambda d: len(css(selector)) == 1)
        one(selector).click()
        Select(one("#raci-choice")).select_by_value(choice)
        one("#raci-apply").click()
        save("RACI %s %s %s %s" % (person_id, duty, channel, choice))

    try:
        driver.get(url)
        driver.get(base + "/edit")
        wait.until(lambda d: one("#open-settings").is_displayed())

        # The plan's settings.
        one("#open-settings").click()
        form_fields(one("#form-plan"), [("name", "Corner Bakery social media"),
                                        ("organization", "Corner Bakery"), ("quarter", "2027-Q1"),
                                        ("timezone", "Europe/London"), ("overhead", "0.2")])
        one("#form-plan button[type=submit]").click()
        save("plan settings")
        wait.until(lambda d: "Corner Bakery" in one("#plan-summary").text)

        # Roles.
        entity("roles", [("id", "owner"), ("name", "Owner")],
               [("duties", "approve"), ("duties", "report")])
        entity("roles", [("id", "content-creator"), ("name", "Content creator"), ("skills", "photo")],
               [("duties", "create"), ("duties", "publish")])
        entity("roles", [("id", "community"), ("name", "Community (shop assistant)"),
                         ("skills", "customer_care")], [("duties", "engage")])

        # Channels: drivers, a care window, approval and a profile.
        entity("channels", [("id", "instagram"), ("name", "Instagram"), ("network", "instagram"),
                            ("workload.posts_per_week", "5"), ("workload.hours_per_post", "1"),
                            ("workload.inbound_per_day", "15"), ("workload.minutes_per_inbound", "3"),
                            ("workload.reporting_hours_per_week", "0.5"),
                            ("care.start", "08:00"), ("care.end", "16:00"),
                            ("care.response_minutes", "120"), ("care.service_level", "0.8"),
                            ("approval.required", True)],
               [("care.days", d) for d in ["mon", "tue", "wed", "thu", "fri", "sat"]],
               ("profiles", [[("id", "ig-bakery"), ("handle", "@cornerbakery")]]))
        entity("channels", [("id", "facebook"), ("name", "Facebook"), ("network", "facebook"),
                            ("workload.posts_per_week", "3"), ("workload.hours_per_post", "0.5"),
                            ("workload.inbound_per_day", "8"), ("workload.minutes_per_inbound", "3"),
                            ("workload.reporting_hours_per_week", "0.5")])

        # People.
        person([("id", "sam"), ("name", "Sam Taylor"), ("capacity_hours", "10")], [("roles", "owner")])
        person([("id", "priya"), ("name", "Priya Shah"), ("fte", "0.5"), ("reports_to", "sam"),
                ("skills", "photo, copywriting")],
               [("roles", "content-creator"), ("interests", "instagram")])
        person([("id", "tom"), ("name", "Tom Hughes"), ("capacity_hours", "12"), ("reports_to", "sam"),
                ("start", "10:00"), ("end", "12:00"), ("skills", "customer_care")],
               [("roles", "community")] + [("days", d) for d in ["mon", "tue", "wed", "thu", "fri", "sat"]])

        # Goals with KPIs.
        entity("goals", [("id", "local-reach"), ("name", "Be the bakery people nearby follow"),
                         ("kind", "reach"), ("owner", "sam")],
               [("channels", "instagram"), ("channels", "facebook")],
               ("kpis", [[("id", "ig-followers"), ("metric", "follower_growth"), ("channel", "instagram"),
                          ("target", "0.08")],
                         [("id", "fb-reach"), ("metric", "reach"), ("channel", "facebook"),
                          ("target", "60000")]]))
        entity("goals", [("id", "orders"), ("name", "Answer order questions the same day"),
                         ("kind", "customer_care"), ("owner", "sam")],
               [("channels", "instagram"), ("channels", "facebook")],
               ("kpis", [[("id", "response"), ("metric", "response_minutes"), ("target", "120")]]))

        # Who owns what.
        for channel in ["instagram", "facebook"]:
            raci("sam", "all", channel, "A")
            raci("priya", "create", channel, "R")
            raci("priya", "publish", channel, "R")
            raci("tom", "engage", channel, "R")
            raci("sam", "report", channel, "R")
        raci("sam", "approve", "instagram", "R")
        raci("priya", "engage", "instagram", "backup")
        shot("built")

        # The built plan against the sample.
        built, sample = get_plan(base, token), get_plan(sample_base, sample_token)
        diff = differences(normal(built), normal(sample))
        check(not diff, "the team built in the browser is the small-team sample's" +
              "".join("\n  " + d for d in diff))
        check(sorted(p["id"] for p in built.get("people", [])) == ["priya", "sam", "tom"],
              "the built plan has the sample's people")
        check(len(built.get("assignments", [])) == len(sample["assignments"]),
              "the built plan has the sample's %d assignments" % len(sample["assignments"]))
        check(subprocess.run([EXE, "check", plan], capture_output=True).returncode in (0, 1),
              "the plan built in the browser is a valid plan")
        check("Instagram \u00b7 " + "All duties" in " ".join(th.text for th in css("#raci-grid thead th")),
              "the RACI grid has an 'All duties' column named in words")

        # A KPI's target through the goal form.
        one("#edit-goals tr[data-id='local-reach'] .edit-entity").click()
        form = one("#form-goals")
        row = [r for r in css("[data-rows=kpis] .sub-row", form)
               if one("[data-k=id]", r).get_attribute("value") == "ig-followers"][0]
        fill(one("[data-k=target]", row), "0.1")
        metric = Select(one("[data-k=metric]", row)).first_selected_option.text
        check(metric == "Follower growth", "the KPI's metric is named, not an id: %r" % metric)
        one("button[type=submit]", form).click()
        save("a KPI's target")
        kpi = [k for g in get_plan(base, token)["goals"] for k in g.get("kpis", []) if k["id"] == "ig-followers"][0]
        check(kpi["target"] == 0.1, "the KPI's target is 0.1 in GET /api/plan: %r" % kpi)

        # A KPI the plan format refuses: its message beside the KPI's field, nothing saved.
        before = text()
        one("#edit-goals tr[data-id='orders'] .edit-entity").click()
        form = one("#form-goals")
        rows(form, "kpis", [[("id", "response"), ("metric", "reach")]])
        one("button[type=submit]", form).click()
        wait.until(lambda d: one("#review").is_displayed())
        spots = [s.text for s in css("[data-rows=kpis] .sub-row:last-child .field-error", form) if s.text]
        check(spots, "a duplicate KPI id gets its message beside the KPI: %r (review: %r)"
              % (spots, one("#review-errors").text))
        check(text() == before, "the refused KPI saves nothing")
        shot("kpi-invalid")
        one("#review-cancel").click()

        # A number the browser cannot read: a message beside the field, nothing proposed.
        one("#edit-goals tr[data-id='orders'] .edit-entity").click()
        form = one("#form-goals")
        rows(form, "kpis", [[("id", "k2"), ("metric", "reach"), ("target", "1e")]])
        one("button[type=submit]", form).click()
        spot = one("[data-rows=kpis] .sub-row:last-child [data-col=target]", form).text
        check("number" in spot and not one("#review").is_displayed(),
              "a target that is not a number is refused beside the field: %r" % spot)
        one(".form-buttons button[type=button]", form).click()

        # A custom duty.
        entity("duties", [("id", "influencer-outreach"), ("name", "Influencer outreach"),
                          ("hours_per_week", "4"), ("skills", "pr")])
        duty = get_plan(base, token)["duties"][0]
        check(duty == {"id": "influencer-outreach", "name": "Influencer outreach", "hours_per_week": 4,
                       "skills": ["pr"]}, "the custom duty is in GET /api/plan: %r" % duty)

        # Remove: a role people hold is refused with the reason; the custom duty goes.
        before = text()
        one("#edit-roles tr[data-id='owner'] .remove-entity").click()
        wait.until(lambda d: one("#review").is_displayed() and one("#review-errors").text != "")
        check("owner" in one("#review-errors").text and text() == before,
              "removing a role Sam holds is refused: %r" % one("#review-errors").text)
        one("#review-cancel").click()
        one("#edit-duties tr[data-id='influencer-outreach'] .remove-entity").click()
        save("remove the custom duty")
        check(not get_plan(base, token).get("duties"), "the custom duty is gone from GET /api/plan")

        # A suppression: first without a reason (refused, message beside the field), then with one.
        one("#add-suppress").click()
        form = one("#form-suppress")
        wait.until(lambda d: form.get_attribute("data-ready") == "1")
        Select(one("[name=check]", form)).select_by_value("GOAL004")
        subject = Select(one("[name=subject]", form))
        labels = [o.text for o in subject.options]
        check(labels[0] == "every finding of this check", "a suppression can name every finding: %r" % labels)
        one("button[type=submit]", form).click()
        wait.until(lambda d: one("#review").is_displayed())
        wait.until(lambda d: one("#form-suppress [data-error-for='/suppress/0/reason']").text != ""
                   or one("#review-errors").text != "")
        message = one("#form-suppress [data-error-for='/suppress/0/reason']").text
        check("reason" in message, "a suppression without a reason gets a message beside the reason: %r"
              % message)
        one("#review-cancel").click()
        fill(one("[name=reason]", form), "The shop assistant covers Facebook from the shop")
        one("button[type=submit]", form).click()
        save("a suppression")
        suppress = get_plan(base, token).get("suppress")
        check(suppress == [{"check": "GOAL004", "reason": "The shop assistant covers Facebook from the shop"}],
              "the suppression is in GET /api/plan: %r" % suppress)
        wait.until(lambda d: len(css("#edit-suppress tbody tr")) == 1)
        check("GOAL004" in one("#edit-suppress tbody tr").text, "the suppression is listed")

        # A threshold among the plan's settings.
        one("#open-settings").click()
        fill(one("#form-plan [name='thresholds.span_of_control']"), "5")
        one("#form-plan button[type=submit]").click()
        save("a threshold")
        check(get_plan(base, token)["plan"].get("thresholds") == {"span_of_control": 5},
              "the threshold is in GET /api/plan")
        check(get_plan(base, token)["plan"]["name"] == "Corner Bakery social media",
              "the other settings are kept")
        shot("more")

        errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")
                  and "422" not in e["message"]]
        check(not errors, "no console error %s" % errors)

        # In Latvian: the forms' words, the KPI's metric and the days by name.
        driver.get(base + "/edit?lang=lv")
        wait.until(lambda d: len(css("#edit-goals tbody tr")) == 2)
        check(one("#add-suppress").text == "Pieņemt konstatējumu", "the suppression button is in Latvian")
        one("#edit-goals tr[data-id='local-reach'] .edit-entity").click()
        form = one("#form-goals")
        check(one("button[data-add=kpis]", form).text == "Pievienot KPI", "the KPI rows are in Latvian")
        metric = Select(css("[data-rows=kpis] .sub-row [data-k=metric]", form)[0]).first_selected_option.text
        check(metric == "Sekotāju pieaugums", "the metric is named in Latvian: %r" % metric)
        one("#edit-channels tr[data-id='instagram'] .edit-entity").click()
        days = one("#form-channels [data-group='care.days']").text
        check("Pirmdiena" in days and "mon" not in days, "the care days are named in Latvian: %r" % days)
        # A refused change: the API's message in Latvian, beside the field it names.
        one("#add-suppress").click()
        form = one("#form-suppress")
        wait.until(lambda d: form.get_attribute("data-ready") == "1")
        Select(one("[name=check]", form)).select_by_value("GOAL004")
        one("button[type=submit]", form).click()
        wait.until(lambda d: one("#review").is_displayed())
        wait.until(lambda d: one("#review-errors").text != "")
        spots = [s.text for s in css("#form-suppress [data-error-for$='/reason']") if s.text]
        review = one("#review-errors").text
        check(spots and "trūkst 'reason'" in spots[0] and "missing" not in review,
              "a suppression without a reason gets a Latvian message beside the reason: %r (review: %r)"
              % (spots, review))
        one("#review-cancel").click()
        shot("lv")
    finally:
        driver.quit()
        stop(proc)
        stop(sample_proc)
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print("%d failure(s)" % len(failures))
        return 1
    print("all form checks passed; screenshots in", SHOTS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
