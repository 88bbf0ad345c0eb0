#!/usr/bin/env python3
"""Patient portal budgets (issue 21): portal home p95 < 50 ms server time; 500 concurrent patients filling in a
PHQ-9 without errors; portal pages < 150 KB transferred on first load.
Usage: portal.py BASE_URL DATABASE [PATIENTS]. Every account is made the way a patient makes it: staff invite over
the API, the patient opens the e-mailed link (read from the outbox table), confirms the date of birth, chooses a
password and a TOTP key (codes computed here, RFC 6238), signs in. Needs psql on 127.0.0.1."""
import base64
import hashlib
import hmac
import http.cookiejar
import json
import os
import re
import statistics
import struct
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request

CLIENTS = int(os.environ.get("BENCH_PORTAL_CLIENTS", "16"))
PASSWORD = "amber willow harbour spindle"


def totp(key, at=None, step_offset=0):
    secret = base64.b32decode(key + "=" * (-len(key) % 8))
    counter = int((at or time.time()) // 30) + step_offset
    digest = hmac.new(secret, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


def psql(db, sql):
    return subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-At", "-c", sql],
                          check=True, capture_output=True, text=True).stdout.strip()


def api(base, method, path, bearer, body=None):
    request = urllib.request.Request(base + path, method=method,
                                     data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Content-Type": "application/json",
                                              **({"Authorization": "Bearer " + bearer} if bearer else {})})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


class Browser:
    """A cookie jar and the form posts a browser sends (with the page's CSRF token)."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path):
        with self.opener.open(self.base + path) as response:
            return response.read().decode()

    def post(self, page, path, fields):
        token = re.search(r'name="_csrf"[^>]*value="([^"]+)"', self.get(page)).group(1)
        data = urllib.parse.urlencode({"_csrf": token, **fields}).encode()
        with self.opener.open(self.base + path, data=data) as response:
            return response.geturl(), response.read().decode()


def account(base, db, bearer, patient, birth):
    email = "bench-%s@patients.invalid" % patient[:8]
    api(base, "POST", "/api/v1/patients/%s/portal-invite" % patient, bearer, {"email": email})
    body = psql(db, "select body_text from notification.outbox_message where recipient = '%s' "
                    "order by created_at desc limit 1" % email)
    link = urllib.parse.urlsplit(re.search(r"https?://\S+/portal/invite/[A-Za-z0-9_-]+", body).group()).path
    browser = Browser(base)
    browser.post(link, link, {"birthDate": birth})
    page = browser.get(link + "/setup")
    key = re.search(r'id="totp-key"[^>]*>([A-Z2-7]+)<', page).group(1)
    browser.post(link + "/setup", link + "/setup", {"password": PASSWORD, "code": totp(key)})
    url, _ = browser.post("/portal/login", "/portal/login",
                          {"email": email, "password": PASSWORD, "code": totp(key, step_offset=1)})
    if "/portal/login" in url:
        raise SystemExit("portal sign-in failed for " + email)
    return browser


def timed(browser, path, rounds):
    times = []
    for _ in range(rounds):
        began = time.perf_counter()
        browser.get(path)
        times.append((time.perf_counter() - began) * 1000)
    return times


def main():
    base, db = sys.argv[1], sys.argv[2]
    patients = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    bearer = api(base, "POST", "/api/v1/auth/token", None,
                 {"username": "admin", "password": "demo-clinic-2026"})["access_token"]
    rows = psql(db, "select p.id, p.birth_date from patient.patient p where not exists (select 1 from portal.account a "
                    "where a.patient_id = p.id) order by p.mrn limit %d" % patients).splitlines()
    began = time.perf_counter()
    browsers = [account(base, db, bearer, *row.split("|")) for row in rows]
    print("portal: %d accounts invited, set up and signed in over HTTP in %.0f s" % (len(browsers),
                                                                                    time.perf_counter() - began))
    # A PHQ-9 due now for each (the prescriber's schedule), answered by every patient at once.
    for row in rows:
        api(base, "POST", "/api/v1/patients/%s/measure-schedules" % row.split("|")[0], bearer,
            {"instruments": ["PHQ-9"], "cadence": "INTERVAL", "everyDays": 14, "sendLink": False})
    # Home: one patient, sequential, after a warm-up.
    timed(browsers[0], "/portal", 200)
    home = sorted(timed(browsers[0], "/portal", 300))
    print("portal home, 1 client: p50 %.1f ms, p95 %.1f ms" % (statistics.median(home), home[int(0.95 * 299)]))
    def transferred(path):
        request = urllib.request.Request(base + path, headers={"Accept-Encoding": "gzip"})
        with browsers[0].opener.open(request) as response:
            return len(response.read())

    page = browsers[0].get("/portal")
    assets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page) + re.findall(r'<script src="([^"]+)"', page)
    if any("bootstrap-icons" in a for a in assets):
        assets.append("/webjars/bootstrap-icons/font/fonts/bootstrap-icons.woff2")
    weight = transferred("/portal") + sum(transferred(a) for a in assets)
    print("portal home first load: %.0f KB transferred with gzip (the page and %s)" % (weight / 1024, ", ".join(assets)))
    errors = []
    times = []
    lock = threading.Lock()
    barrier = threading.Barrier(len(browsers))

    def fill(browser):
        try:
            form = browser.get("/portal/check-in")
            # Every question on the form (a demo patient may have other questionnaires due too): the
            # lowest answer, PHQ-9's first eight items at 1.
            answers = {name: "0" for name in set(re.findall(r'type="radio"[^>]*name="([A-Z0-9-]+\.\d+)"', form))}
            answers.update({"PHQ-9.%d" % i: "1" for i in range(8)})
            barrier.wait(timeout=300)
            began = time.perf_counter()
            url, page = browser.post("/portal/check-in", "/portal/check-in", answers)
            elapsed = (time.perf_counter() - began) * 1000
            with lock:
                times.append(elapsed)
                if "Thank you" not in page:
                    errors.append(url)
        except Exception as ex:  # noqa: BLE001 - every failure counts as an error
            barrier.abort()  # the others stop waiting for this one
            with lock:
                errors.append(repr(ex))

    threads = [threading.Thread(target=fill, args=(b,)) for b in browsers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    times.sort()
    if errors:
        print("first errors: %s" % errors[:3])
    print("PHQ-9 by %d patients at once: %d errors; p50 %.0f ms, p95 %.0f ms, max %.0f ms" % (
        len(browsers), len(errors), statistics.median(times) if times else 0,
        times[int(0.95 * (len(times) - 1))] if times else 0, times[-1] if times else 0))
    stored = psql(db, "select count(*) from measures.measurement m join portal.account a on a.patient_id = m.patient_id "
                      "where m.instrument = 'PHQ-9' and a.email like 'bench-%'")
    print("PHQ-9 measurements stored for bench accounts: %s" % stored)


if __name__ == "__main__":
    main()
