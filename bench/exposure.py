#!/usr/bin/env python3
"""Cumulative-exposure budget (issue 19): times GET /api/v1/patients/{id}/exposure for one patient with
500 sessions, as the demo prescriber; prints p50/p95/max. Usage: exposure.py BASE_URL PATIENT_ID [ROUNDS]."""
import json
import statistics
import sys
import time
import urllib.request


def token(base):
    body = json.dumps({"username": "dr.quill", "password": "demo-clinic-2026"}).encode()
    request = urllib.request.Request(base + "/api/v1/auth/token", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)["access_token"]


def main():
    base, patient = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 200
    bearer = token(base)
    request = urllib.request.Request(base + "/api/v1/patients/" + patient + "/exposure",
                                     headers={"Authorization": "Bearer " + bearer})
    times = []
    payload = None
    for i in range(rounds + 50):  # the first 50 warm up the JIT and the cache
        started = time.perf_counter()
        with urllib.request.urlopen(request) as response:
            payload = json.load(response)
        if i >= 50:
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    lifetime = [w for w in payload["windows"] if w["code"] == "LIFETIME"][0]["all"]
    print("exposure of a patient with %d sessions: p50 %.1f ms, p95 %.1f ms, max %.1f ms over %d requests"
          % (lifetime["sessions"], statistics.median(times), times[int(0.95 * (len(times) - 1))], times[-1], rounds))


if __name__ == "__main__":
    main()
