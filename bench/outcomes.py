#!/usr/bin/env python3
"""Outcomes report budget (issue 18): times GET /api/v1/reports/outcomes for a set of cohorts, each
repeated, on a running app; prints p50/p95/max per cohort and overall. Usage: outcomes.py BASE_URL [ROUNDS]."""
import json
import statistics
import sys
import time
import urllib.request

COHORTS = [
    "instrument=PHQ-9",
    "instrument=PHQ-9&window=END_OF_COURSE",
    "instrument=GAD-7",
    "instrument=PHQ-9&program=IV_INFUSION",
    "instrument=PHQ-9&program=KAP&route=IM",
    "instrument=PHQ-9&condition=F33",
    "instrument=PHQ-9&ageBand=26-45&sexAtBirth=FEMALE",
    "instrument=PHQ-9&from=2025-01-01&to=2025-12-31",
]


def token(base):
    body = json.dumps({"username": "admin", "password": "demo-clinic-2026"}).encode()
    request = urllib.request.Request(base + "/api/v1/auth/token", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)["access_token"]


def fetch(base, query, bearer):
    request = urllib.request.Request(base + "/api/v1/reports/outcomes?" + query,
                                     headers={"Authorization": "Bearer " + bearer})
    started = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        payload = json.load(response)
    return (time.perf_counter() - started) * 1000, payload


def main():
    base = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    bearer = token(base)
    for query in COHORTS:  # warm-up: JIT and the database's cache
        for _ in range(3):
            fetch(base, query, bearer)
    every = []
    print("| cohort | courses | p50 ms | p95 ms | max ms |")
    print("|---|---|---|---|---|")
    for query in COHORTS:
        times = []
        courses = None
        for _ in range(rounds):
            elapsed, payload = fetch(base, query, bearer)
            times.append(elapsed)
            courses = payload["cohort"]["courses"]
        every.extend(times)
        times.sort()
        print("| `%s` | %s | %.0f | %.0f | %.0f |" % (query, courses, statistics.median(times),
                                                     times[int(0.95 * (len(times) - 1))], times[-1]))
    every.sort()
    print("| all | | %.0f | %.0f | %.0f |" % (statistics.median(every), every[int(0.95 * (len(every) - 1))],
                                            every[-1]))
    export(base, bearer)


def export(base, bearer):
    """The research export of every patient with a course: time from request to DONE, and its size."""
    body = json.dumps({"purpose": "Benchmark of the de-identified research export (synthetic data only)"}).encode()
    request = urllib.request.Request(base + "/api/v1/exports/research", data=body, method="POST",
                                     headers={"Content-Type": "application/json",
                                              "Authorization": "Bearer " + bearer})
    started = time.perf_counter()
    with urllib.request.urlopen(request) as response:
        export_id = json.load(response)["id"]
    while True:
        status = json.load(urllib.request.urlopen(urllib.request.Request(
            base + "/api/v1/exports/research/" + export_id, headers={"Authorization": "Bearer " + bearer})))
        if status["status"] not in ("QUEUED", "RUNNING"):
            break
        time.sleep(0.5)
    elapsed = time.perf_counter() - started
    size = len(urllib.request.urlopen(urllib.request.Request(
        base + status["file"], headers={"Authorization": "Bearer " + bearer})).read()) if status.get("file") else 0
    print()
    print("Research export: %s in %.1f s, %s patients, rows %s, ZIP %.1f MB" % (
        status["status"], elapsed, status.get("patients"), status.get("rows"), size / 1e6))


if __name__ == "__main__":
    main()
