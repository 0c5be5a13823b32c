#!/usr/bin/env python3
"""`planner serve` in a real browser (headless Chromium through chromium-driver and Selenium)
and over raw HTTP: the security rules, every page in English and Latvian with no console
error, the org chart, heatmap and charts drawn, a PDF download that is a PDF.

    test_serve.py PLANNER_EXE PLAN SCREENSHOT_DIR

Screenshots of every page go to SCREENSHOT_DIR (look at them). Exit status 77 (ctest: skipped)
when Selenium or Chromium is missing; any failed rule fails the test.
"""
import http.client
import json
import os
import socket
import subprocess
import sys
import time

EXE, PLAN, SHOTS = sys.argv[1], sys.argv[2], sys.argv[3]
PAGES = ["overview", "team", "channels", "raci", "care", "workload", "findings", "quarter",
         "reports"]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what, flush=True)


def request(port, method, path, headers=None, body=None, host=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    conn.putheader("Host", host if host is not None else "127.0.0.1:%d" % port)
    for k, v in (headers or {}).items():
        conn.putheader(k, v)
    if body is not None:
        conn.putheader("Content-Length", str(len(body)))
    conn.endheaders(body)
    resp = conn.getresponse()
    data = resp.read()
    conn.close()
    return resp.status, dict((k.lower(), v) for k, v in resp.getheaders()), data


def start_server(plan):
    proc = subprocess.Popen([EXE, "serve", plan, "--no-open"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    url = proc.stdout.readline().strip()
    if not url.startswith("http://127.0.0.1:"):
        proc.kill()
        sys.exit("serve printed no address: %r %s" % (url, proc.stderr.read()))
    port = int(url.split(":")[2].split("/")[0])
    token = url.split("token=")[1].split("&")[0]
    return proc, url, port, token


def http_rules(port, token):
    # No cookie: 403, for pages, JSON, assets and downloads alike.
    for path in ["/", "/team", "/team.json", "/assets/app.js", "/download?report=audit"]:
        status, _, _ = request(port, "GET", path)
        check(status == 403, "%s without the cookie gives 403 (got %d)" % (path, status))
    # A wrong token: 403, no cookie.
    status, headers, _ = request(port, "GET", "/?token=" + "0" * 64)
    check(status == 403 and "set-cookie" not in headers, "a wrong token gives 403 and no cookie")
    # The token: a cookie, HttpOnly and SameSite=Strict, and a redirect that drops the token.
    status, headers, _ = request(port, "GET", "/?token=" + token)
    cookie = headers.get("set-cookie", "")
    check(status == 303 and headers.get("location") == "/", "the token redirects to /")
    check("HttpOnly" in cookie and "SameSite=Strict" in cookie, "the cookie is HttpOnly, SameSite=Strict")
    session = cookie.split(";")[0]
    ok = {"Cookie": session}
    status, headers, body = request(port, "GET", "/team", ok)
    check(status == 200, "/team with the cookie gives 200")
    csp = headers.get("content-security-policy", "")
    check("script-src 'self'" in csp and "unsafe-inline" not in csp, "CSP allows no inline script")
    check("frame-ancestors 'none'" in csp, "CSP forbids framing")
    check(headers.get("x-content-type-options") == "nosniff", "nosniff is sent")
    check(b"<script>" not in body and b" style=" not in body, "pages have no inline script or style")
    # DNS rebinding: any other Host is refused, even with the cookie.
    for host in ["evil.example:%d" % port, "127.0.0.1", "127.0.0.1:1", "localhost.evil:%d" % port, ""]:
        status, _, _ = request(port, "GET", "/team", ok, host=host)
        check(status == 403, "Host %r gives 403 (got %d)" % (host, status))
    status, _, _ = request(port, "GET", "/team", ok, host="localhost:%d" % port)
    check(status == 200, "Host localhost:PORT is accepted")
    # JSON twin.
    status, headers, body = request(port, "GET", "/team.json", ok)
    check(status == 200 and headers.get("content-type", "").startswith("application/json"),
          "/team.json is JSON")
    json.loads(body)
    # State-changing requests: cookie alone is not enough.
    csrf = body_csrf(port, ok)
    origin = "http://127.0.0.1:%d" % port
    status, _, _ = request(port, "POST", "/api/reload", ok, b"")
    check(status == 403, "POST without CSRF token and Origin gives 403 (got %d)" % status)
    status, _, _ = request(port, "POST", "/api/reload", dict(ok, **{"X-CSRF-Token": csrf}), b"")
    check(status == 403, "POST without Origin gives 403 (got %d)" % status)
    status, _, _ = request(port, "POST", "/api/reload",
                           dict(ok, **{"X-CSRF-Token": csrf, "Origin": "http://evil.example"}), b"")
    check(status == 403, "POST from another Origin gives 403 (got %d)" % status)
    status, _, _ = request(port, "POST", "/api/reload",
                           dict(ok, **{"X-CSRF-Token": "x" * 64, "Origin": origin}), b"")
    check(status == 403, "POST with a wrong CSRF token gives 403 (got %d)" % status)
    status, _, _ = request(port, "POST", "/api/reload",
                           dict(ok, **{"X-CSRF-Token": csrf, "Origin": origin}), b"")
    check(status == 200, "POST with CSRF token and Origin is accepted (got %d)" % status)
    # Limits: body size, header count, a slow client.
    status, _, _ = request(port, "POST", "/api/reload",
                           dict(ok, **{"X-CSRF-Token": csrf, "Origin": origin}), b"x" * (70 * 1024))
    check(status == 413, "a 70 KiB body gives 413 (got %d)" % status)
    many = dict(ok)
    for i in range(80):
        many["X-Filler-%d" % i] = "1"
    status, _, _ = request(port, "GET", "/team", many)
    check(status in (400, 431), "80 header fields are refused (got %d)" % status)
    slow = socket.create_connection(("127.0.0.1", port))
    slow.sendall(b"GET /team HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n" % port)
    slow.settimeout(30)
    started = time.time()
    try:
        data = slow.recv(1000)
    except socket.timeout:
        data = None
    waited = time.time() - started
    check(data is not None and waited < 25, "a slow client is cut off (after %.1f s)" % waited)
    slow.close()
    # The server still answers after all that.
    status, _, _ = request(port, "GET", "/overview", ok)
    check(status == 200, "the server answers after the limit tests")
    # A PDF download is a PDF.
    status, headers, body = request(port, "GET", "/download?report=staffing&format=pdf&lang=lv", ok)
    check(status == 200 and body.startswith(b"%PDF-") and b"%%EOF" in body[-64:],
          "the staffing PDF download is a PDF")
    pdf_path = os.path.join(SHOTS, "staffing-lv.pdf")
    with open(pdf_path, "wb") as f:
        f.write(body)
    try:
        info = subprocess.run(["pdfinfo", pdf_path], capture_output=True, text=True)
        check(info.returncode == 0 and "Pages:" in info.stdout, "pdfinfo reads the download")
    except FileNotFoundError:
        pass
    status, _, body = request(port, "GET",
                              "/download?report=audit&format=pdf&client=Acme&colour=%23aa3300", ok)
    check(status == 200 and body.startswith(b"%PDF-"), "a branded audit PDF downloads")
    status, _, body = request(port, "GET", "/download?report=staffing&format=csv&table=people_x", ok)
    check(status == 404, "an unknown CSV table gives 404")
    return session


def body_csrf(port, ok):
    _, _, body = request(port, "GET", "/overview", ok)
    text = body.decode("utf-8")
    marker = '<meta name="csrf-token" content="'
    start = text.index(marker) + len(marker)
    return text[start:text.index('"', start)]


def browser_checks(url, port):
    try:
        from selenium import webdriver
        from selenium.webdriver.common.by import By
    except ImportError:
        print("selenium is not installed: skipping the browser part")
        return False
    if not (os.path.exists("/usr/bin/chromium") and os.path.exists("/usr/bin/chromedriver")):
        print("chromium or chromedriver is missing: skipping the browser part")
        return False
    options = webdriver.ChromeOptions()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000",
                "--disable-dev-shm-usage"]:
        options.add_argument(arg)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    from selenium.webdriver.chrome.service import Service
    service = Service(executable_path="/usr/bin/chromedriver")
    driver = webdriver.Chrome(service=service, options=options)
    try:
        driver.get(url)  # the token becomes a cookie
        check(driver.current_url.rstrip("/").endswith(str(port)), "the token leaves the address bar")
        for lang in ["en", "lv"]:
            for page in PAGES:
                driver.get("http://127.0.0.1:%d/%s?lang=%s" % (port, page, lang))
                check(driver.find_element(By.TAG_NAME, "h1").text.strip() != "",
                      "%s/%s has a heading" % (lang, page))
                check(driver.execute_script("return document.documentElement.lang") == lang,
                      "%s/%s is in %s" % (lang, page, lang))
                if page == "team":
                    check(len(driver.find_elements(By.CSS_SELECTOR, "svg.org-svg g.org-box")) > 1,
                          "%s: the org chart SVG has boxes" % lang)
                    nodes = driver.find_elements(By.CSS_SELECTOR, "ul.org-tree .org-node")
                    check(len(nodes) >= 11, "%s: the org tree names every person" % lang)
                    rows = driver.find_elements(By.CSS_SELECTOR, "#t-people tbody tr")
                    check(len(rows) >= 11, "%s: the people table has every person" % lang)
                    first_before = rows[0].text
                    driver.find_element(By.CSS_SELECTOR, "#t-people th[data-key=utilisation]").click()
                    driver.find_element(By.CSS_SELECTOR, "#t-people th[data-key=utilisation]").click()
                    first_after = driver.find_elements(By.CSS_SELECTOR, "#t-people tbody tr")[0].text
                    check(first_before != first_after, "%s: sorting the people table reorders it" % lang)
                    search = driver.find_element(By.CSS_SELECTOR, ".org-search")
                    name = nodes[-1].find_element(By.CSS_SELECTOR, ".org-name").text
                    search.send_keys(name[:5])
                    check(len(driver.find_elements(By.CSS_SELECTOR, ".org-node.match")) >= 1,
                          "%s: searching the org chart finds %s" % (lang, name))
                    driver.execute_script("window.scrollTo(0, 0)")
                if page == "care":
                    cells = driver.find_elements(By.CSS_SELECTOR, "table[id^=t-heatmap] td")
                    check(len(cells) >= 7 * 25, "%s: the care heatmap has days x hours" % lang)
                    check(len(driver.find_elements(By.CSS_SELECTOR, "table[id^=t-heatmap] td.s-green, table[id^=t-heatmap] td.s-amber, table[id^=t-heatmap] td.s-red")) > 0,
                          "%s: the heatmap colours the care window" % lang)
                if page == "workload":
                    bars = driver.find_elements(By.CSS_SELECTOR, "svg.chart-svg rect.bar")
                    check(len(bars) >= 10, "%s: the utilisation chart has bars" % lang)
                    height = driver.execute_script(
                        "return document.querySelector('svg.chart-svg').getBoundingClientRect().height")
                    check(height > 100, "%s: the chart is drawn (%s px high)" % (lang, height))
                if page == "raci":
                    check(len(driver.find_elements(By.CSS_SELECTOR, "table.matrix td.m0")) > 0,
                          "%s: the RACI grid shows R cells" % lang)
                if page == "findings":
                    rows = driver.find_elements(By.CSS_SELECTOR, "#t-findings tbody tr")
                    driver.find_element(By.CSS_SELECTOR, ".severity-filter button[data-severity=s-red]").click()
                    shown = [r for r in rows if r.is_displayed()]
                    check(len(shown) < len(rows), "%s: the severity filter hides rows" % lang)
                    driver.find_element(By.CSS_SELECTOR, ".severity-filter button[data-severity='']").click()
                driver.save_screenshot(os.path.join(SHOTS, "%s-%s.png" % (lang, page)))
                errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
                check(not errors, "%s/%s: no console error %s" % (lang, page, errors))
        # Full-page shots of the team and care pages for the docs.
        for page in ["team", "care", "overview"]:
            driver.get("http://127.0.0.1:%d/%s" % (port, page))
            height = driver.execute_script("return document.body.scrollHeight")
            driver.set_window_size(1400, min(3000, height + 100))
            driver.save_screenshot(os.path.join(SHOTS, "full-en-%s.png" % page))
            driver.set_window_size(1400, 1000)
    finally:
        driver.quit()
    return True


def main():
    os.makedirs(SHOTS, exist_ok=True)
    browser_ran = False
    proc, url, port, token = start_server(PLAN)
    try:
        http_rules(port, token)
        browser_ran = browser_checks(url, port)
    finally:
        proc.send_signal(2)  # Ctrl-C
        try:
            code = proc.wait(timeout=15)
            check(code == 0, "Ctrl-C stops the server cleanly (status %s)" % code)
        except subprocess.TimeoutExpired:
            proc.kill()
            check(False, "Ctrl-C stops the server within 15 s")
    if failures:
        print("%d failure(s)" % len(failures))
        return 1
    if not browser_ran:
        print("HTTP checks passed; the browser part was skipped (install chromium, "
              "chromium-driver and python3-selenium: scripts/install-deps)")
        return 77
    print("all browser and HTTP checks passed; screenshots in", SHOTS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
