#!/usr/bin/env python3
"""Times the measures page of a patient with N PHQ-9 scores (the trajectory chart + table).

Creates the patient and N scores over the API (bearer token from BENCH_TOKEN), signs in
through the login form like a browser, then fetches the page REPEAT times and prints one
line: median, p95 and max wall time in ms (same host: server time plus loopback).

Usage: trajectory.py BASE_URL USERNAME PASSWORD [N] [REPEAT]
"""
import datetime
import http.cookiejar
import json
import os
import re
import sys
import time
import urllib.parse
import urllib.request


def api(base, method, path, token, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method, headers={
        "Authorization": "Bearer " + token, "Content-Type": "application/json", "Accept": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.load(resp)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    base, username, password = sys.argv[1:4]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 500
    repeat = int(sys.argv[5]) if len(sys.argv) > 5 else 40
    token = os.environ["BENCH_TOKEN"]
    patient = api(base, "POST", "/api/v1/patients", token,
                  {"givenName": "Bench", "familyName": "Trajectorywick", "birthDate": "1975-05-05",
                   "confirmDuplicate": True})["id"]
    start = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=n)
    for i in range(n):
        answers = [(i + k) % 4 for k in range(8)] + [0, 1]
        at = (start + datetime.timedelta(days=i)).strftime("%Y-%m-%dT%H:%M:%SZ")
        api(base, "POST", "/api/v1/patients/%s/measurements" % patient, token,
            {"instrument": "PHQ-9", "answers": answers, "administeredAt": at})

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    login = opener.open(base + "/login", timeout=30).read().decode()
    csrf = re.search(r'name="_csrf"[^>]*value="([^"]+)"', login).group(1)
    opener.open(base + "/login", data=urllib.parse.urlencode(
        {"username": username, "password": password, "_csrf": csrf}).encode(), timeout=30).read()
    page = base + "/patients/%s/measures?instrument=PHQ-9" % patient
    times = []
    for i in range(repeat + 5):
        t0 = time.perf_counter()
        with opener.open(page, timeout=30) as resp:
            body = resp.read()
            if resp.status != 200 or b'id="trajectory"' not in body:
                sys.exit("measures page did not render the trajectory (HTTP %d)" % resp.status)
        if i >= 5:  # the first fetches warm the template and JIT
            times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    print("median %.1f ms, p95 %.1f ms, max %.1f ms over %d fetches (%d scores, %d KB page)" % (
        times[len(times) // 2], p95, times[-1], len(times), n, len(body) // 1024))


if __name__ == "__main__":
    main()
