#!/usr/bin/env python3
"""Editing in the browser (headless Chromium through chromium-driver and Selenium): on a copy of
a commented sample plan, add a person, set a RACI cell, apply a one-click fix, accept a
rebalance move, see the findings change, see a validation message beside its field, undo.
After each saved change the YAML file is checked: its comments are still there.

    test_edit.py PLANNER_EXE PLAN SCREENSHOT_DIR

Exit status 77 (ctest: skipped) when Selenium or Chromium is missing.
"""
import os
import shutil
import subprocess
import sys
import tempfile

EXE, PLAN, SHOTS = sys.argv[1], sys.argv[2], sys.argv[3]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what, flush=True)
    else:
        print("ok:", what, flush=True)


def main():
    try:
        from selenium import webdriver
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait, Select
    except ImportError:
        print("selenium is not installed: skipping")
        return 77
    if not (os.path.exists("/usr/bin/chromium") and os.path.exists("/usr/bin/chromedriver")):
        print("chromium or chromedriver is missing: skipping")
        return 77
    os.makedirs(SHOTS, exist_ok=True)
    work = tempfile.mkdtemp(prefix="planner-edit-browser-")
    plan = os.path.join(work, "team.yaml")
    shutil.copy(PLAN, plan)
    original = open(plan, encoding="utf-8").read()
    comments = [l for l in original.splitlines() if l.lstrip().startswith("#")]

    current = {"plan": plan}

    def text():
        return open(current["plan"], encoding="utf-8").read()

    def comments_kept(what):
        now = text()
        expected = comments if current["plan"] == plan else ["# Built in the browser."]
        check(all(c in now for c in expected), "%s: every comment of the file is still there" % what)

    proc = subprocess.Popen([EXE, "serve", plan, "--no-open"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    url = proc.stdout.readline().strip()
    port = int(url.split(":")[2].split("/")[0])
    options = webdriver.ChromeOptions()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000",
                "--disable-dev-shm-usage"]:
        options.add_argument(arg)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    from selenium.webdriver.chrome.service import Service
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"),
                              options=options)
    wait = WebDriverWait(driver, 20)

    def css(selector):
        return driver.find_elements(By.CSS_SELECTOR, selector)

    def shot(name):
        height = driver.execute_script("return document.body.scrollHeight")
        driver.set_window_size(1400, min(4000, height + 100))
        driver.save_screenshot(os.path.join(SHOTS, "edit-%s.png" % name))
        driver.set_window_size(1400, 1000)

    def review_and_save(what):
        wait.until(lambda d: d.find_element(By.ID, "review").is_displayed())
        diff = driver.find_element(By.ID, "review-diff").text
        check(diff.startswith("---"), "%s: the diff is shown before saving" % what)
        before = text()
        driver.find_element(By.ID, "review-save").click()
        wait.until(lambda d: text() != before and d.find_element(By.ID, "edit-status").text != "")
        wait.until(lambda d: not d.find_element(By.ID, "review").is_displayed())
        comments_kept(what)
        return diff

    try:
        driver.get(url)
        driver.get("http://127.0.0.1:%d/edit" % port)
        wait.until(lambda d: len(css("#edit-people tbody tr")) > 0 and len(css("#raci-grid td")) > 0)
        wait.until(lambda d: len(css("#edit-findings li")) > 0 and len(css("#moves > *")) > 0)
        people = len(css("#edit-people tbody tr"))
        shot("start")
        headings = " ".join(th.text for th in css("#raci-grid thead th"))
        check("Community management" in headings and " engage" not in headings,
              "the RACI grid names duties, not ids: " + headings[:200])

        # A validation message beside its field, and nothing saved.
        css("#edit-people tbody tr button.edit-person")[0].click()
        fte = driver.find_element(By.CSS_SELECTOR, "#person-form [name=fte]")
        fte.clear()
        fte.send_keys("3")
        driver.find_element(By.CSS_SELECTOR, "#person-form button[type=submit]").click()
        wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "#person-form [data-error-for$='/fte']").text != "")
        message = driver.find_element(By.CSS_SELECTOR, "#person-form [data-error-for$='/fte']").text
        check("fte" in message, "an invalid FTE gets a message beside the field: %r" % message)
        check(text() == original, "an invalid change saves nothing")
        shot("invalid")
        driver.find_element(By.ID, "review-cancel").click()

        # Add a person.
        driver.find_element(By.ID, "add-person").click()
        driver.find_element(By.CSS_SELECTOR, "#person-form [name=id]").send_keys("zane")
        driver.find_element(By.CSS_SELECTOR, "#person-form [name=name]").send_keys("Zane Liepa")
        driver.find_elements(By.CSS_SELECTOR, "#person-form [data-group=roles] input")[0].click()
        driver.find_element(By.CSS_SELECTOR, "#person-form [name=fte]").send_keys("0.5")
        tz = driver.find_element(By.CSS_SELECTOR, "#person-form [name=timezone]")
        tz.send_keys("Europe/Riga")
        check(len(css("#timezones option")) > 100, "the time zone field offers the zones")
        shot("add-person")
        driver.execute_script("document.getElementById('person-form').scrollIntoView()")
        driver.save_screenshot(os.path.join(SHOTS, "edit-form-view.png"))
        driver.find_element(By.CSS_SELECTOR, "#person-form button[type=submit]").click()
        wait.until(lambda d: d.find_element(By.ID, "review").is_displayed())
        compare = driver.find_element(By.ID, "review-compare").text
        check(str(people) in compare and str(people + 1) in compare,
              "the what-if beside the change shows the people now and with it: %r" % compare)
        shot("whatif")
        diff = review_and_save("add a person")
        check("+  - id: zane" in diff, "the diff shows the new person")
        wait.until(lambda d: len(css("#edit-people tbody tr")) == people + 1)
        check("  - id: zane\n    name: \"Zane Liepa\"\n" in text(), "the person is in the file")

        # Set a RACI cell for the new person.
        cell = css("#raci-grid td[data-person=zane]")[0]
        duty, channel = cell.get_attribute("data-duty"), cell.get_attribute("data-channel")
        cell.click()
        Select(driver.find_element(By.ID, "raci-choice")).select_by_value("C")
        driver.find_element(By.ID, "raci-apply").click()
        review_and_save("set a RACI cell")
        wait.until(lambda d: d.find_element(
            By.CSS_SELECTOR, "#raci-grid td[data-person=zane][data-duty='%s'][data-channel='%s']" % (duty, channel)).text == "C")
        check("{person: zane, duty: %s, channel: %s, raci: C}" % (duty, channel) in text(),
              "the RACI cell is an assignment line in the file")
        shot("raci")

        # One-click fixes of two kinds (a backup, then a new Responsible or owner): each
        # finding disappears.
        for kinds in (("backup",), ("assign", "owner", "accountable", "role")):
            wait.until(lambda d: len(css("#edit-findings li")) > 0)
            fixes = [b for b in css("#edit-findings button.fix") if b.get_attribute("data-kind") in kinds]
            check(len(fixes) > 0, "some finding offers a one-click fix of kind %s" % "/".join(kinds))
            if not fixes:
                continue
            item = fixes[0].find_element(By.XPATH, "..")
            key = (item.get_attribute("data-check"), item.get_attribute("data-subject"))
            fixes[0].click()
            wait.until(lambda d: d.find_element(By.ID, "review").is_displayed())
            gone = driver.find_element(By.ID, "review-findings").text
            check(key[0] in gone, "the review says the finding will be gone: %r" % gone)
            review_and_save("one-click fix " + key[0])
            wait.until(lambda d: len(css("#edit-findings li")) > 0)
            still = [li for li in css("#edit-findings li")
                     if (li.get_attribute("data-check"), li.get_attribute("data-subject")) == key]
            check(not still, "the fixed finding %s %s disappeared" % key)
            status = driver.find_element(By.ID, "edit-status").text
            check("1 gone" in status or "gone" in status, "the findings change is reported: %r" % status)
            shot("fixed-" + key[0])

        # Accept a rebalance move.
        wait.until(lambda d: len(css("#moves .accept-move")) > 0)
        groups = len(css("#moves .move-group"))
        css("#moves .reject-move")[0].click()
        check(len(css("#moves .move-group")) == groups - 1, "rejecting a move hides it")
        css("#moves .accept-move")[0].click()
        review_and_save("accept a rebalance move")
        shot("moves")

        # Undo the last change, then redo it.
        after_move = text()
        driver.find_element(By.ID, "undo").click()
        wait.until(lambda d: text() != after_move)
        comments_kept("undo")
        driver.find_element(By.ID, "redo").click()
        wait.until(lambda d: text() == after_move)
        check(True, "undo and redo restore the file")

        # A what-if scenario, dropped: the plan is unchanged.
        def scenario(changes):
            driver.find_element(By.ID, "scn-start").click()
            wait.until(lambda d: d.find_element(By.ID, "scn-body").is_displayed())
            for kind, fill in changes:
                driver.find_element(By.CSS_SELECTOR, "[name=scn-kind][value=%s]" % kind).click()
                fill()
                driver.find_element(By.ID, "scn-add").click()
                wait.until(lambda d: d.find_element(By.ID, "scn-keep").is_enabled())
            return driver.find_element(By.ID, "scn-compare").text

        def hire():
            name = driver.find_element(By.CSS_SELECTOR, "#scn-form [name=name]")
            name.clear()
            name.send_keys("Ilze Kalna")

        def channel():
            name = driver.find_element(By.CSS_SELECTOR, "#scn-form [name=name]")
            name.clear()
            name.send_keys("TikTok")

        def leave():
            Select(driver.find_element(By.CSS_SELECTOR, "#scn-form [name=person]")).select_by_index(0)

        before = text()
        compare = scenario([("channel", channel), ("leave", leave)])
        check("TikTok" in compare or len(css("#scn-appeared li")) > 0,
              "the scenario shows the findings a new channel adds")
        check(len(css("#scn-compare .scn-staffing tbody tr")) > 0, "the scenario shows staffing per role")
        check(len(css("#scn-changes li")) == 2, "the scenario lists its two changes")
        shot("scenario")
        driver.find_element(By.ID, "scn-drop").click()
        wait.until(lambda d: not d.find_element(By.ID, "scn-body").is_displayed())
        check(text() == before, "a dropped scenario leaves the plan as it was")

        # A scenario kept: the plan file gets the hire.
        scenario([("hire", hire)])
        staffing = driver.find_element(By.CSS_SELECTOR, "#scn-compare .scn-staffing").text
        check(staffing != "", "the hire's staffing is shown: %r" % staffing[:120])
        people = len(css("#edit-people tbody tr"))
        driver.find_element(By.ID, "scn-keep").click()
        wait.until(lambda d: "Ilze Kalna" in text())
        wait.until(lambda d: len(css("#edit-people tbody tr")) == people + 1)
        check("name: \"Ilze Kalna\"" in text(), "a kept scenario is saved to the plan file")
        comments_kept("keep a scenario")

        errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")
                  and "422" not in e["message"]]
        check(not errors, "no console error %s" % errors)
        driver.get("http://127.0.0.1:%d/edit?lang=lv" % port)
        wait.until(lambda d: len(css("#edit-people tbody tr")) > 0)
        check(driver.find_element(By.ID, "add-person").text == "Pievienot cilvēku", "the editor speaks Latvian")
        shot("lv")
        compare = scenario([("channel", channel)])
        check("Ar scenāriju" in compare, "the scenario speaks Latvian: %r" % compare[:80])
        shot("scenario-lv")
        driver.find_element(By.ID, "scn-drop").click()

        # From an empty plan, with no YAML: a role, a channel, a person, a RACI cell.
        empty = os.path.join(work, "empty.yaml")
        with open(empty, "w", encoding="utf-8") as f:
            f.write('# Built in the browser.\nversion: 1\nplan:\n  name: "Corner Bakery social media"\n')
        proc2 = subprocess.Popen([EXE, "serve", empty, "--no-open"], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
        url2 = proc2.stdout.readline().strip()
        port2 = int(url2.split(":")[2].split("/")[0])
        try:
            driver.get(url2)
            driver.get("http://127.0.0.1:%d/edit" % port2)
            wait.until(lambda d: d.find_element(By.CSS_SELECTOR, ".add-entity[data-kind=roles]").is_displayed())
            current["plan"] = empty  # text() and review_and_save read this file now

            def entity(kind, values, checks=()):
                driver.find_element(By.CSS_SELECTOR, ".add-entity[data-kind=%s]" % kind).click()
                form = driver.find_element(By.ID, "form-" + kind)
                for name, value in values:
                    w = form.find_element(By.CSS_SELECTOR, "[name='%s']" % name)
                    if w.tag_name == "select":
                        Select(w).select_by_value(value)
                    else:
                        w.send_keys(value)
                for group, value in checks:
                    form.find_element(By.CSS_SELECTOR, "[data-group='%s'] input[value='%s']" % (group, value)).click()
                form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
                review_and_save("add a %s" % kind)

            entity("roles", [("id", "owner"), ("name", "Owner")], [("duties", "approve"), ("duties", "report")])
            entity("channels", [("id", "instagram"), ("name", "Instagram"), ("network", "instagram"),
                                ("workload.posts_per_week", "5"), ("workload.hours_per_post", "1"),
                                ("workload.reporting_hours_per_week", "0.5")],
                   [("care.days", "mon"), ("care.days", "tue")])
            wait.until(lambda d: len(css("#edit-channels tbody tr")) == 1)
            driver.find_element(By.ID, "add-person").click()
            driver.find_element(By.CSS_SELECTOR, "#person-form [name=id]").send_keys("sam")
            driver.find_element(By.CSS_SELECTOR, "#person-form [name=name]").send_keys("Sam Taylor")
            driver.find_element(By.CSS_SELECTOR, "#person-form [data-group=roles] input[value=owner]").click()
            driver.find_element(By.CSS_SELECTOR, "#person-form button[type=submit]").click()
            review_and_save("add the first person")
            wait.until(lambda d: len(css("#raci-grid td[data-person=sam][data-duty=approve]")) == 1)
            css("#raci-grid td[data-person=sam][data-duty=approve]")[0].click()
            Select(driver.find_element(By.ID, "raci-choice")).select_by_value("A")
            driver.find_element(By.ID, "raci-apply").click()
            review_and_save("the first RACI cell")
            built = text()
            check(built.startswith("# Built in the browser.\nversion: 1\n"), "the built plan keeps its comment")
            for piece in ["id: owner", "duties: [approve, report]", "id: instagram", "posts_per_week: 5",
                          "id: sam", "{person: sam, duty: approve, channel: instagram, raci: A}"]:
                check(piece in built, "the plan built in the browser has %r" % piece)
            check(subprocess.run([EXE, "check", empty], capture_output=True).returncode in (0, 1),
                  "the plan built in the browser is a valid plan")
            shot("built")
        finally:
            proc2.send_signal(2)
            try:
                proc2.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc2.kill()
    finally:
        driver.quit()
        proc.send_signal(2)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print("%d failure(s)" % len(failures))
        return 1
    print("all editing checks passed; screenshots in", SHOTS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
