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


if __name__ == "__main__":
    main()
