#!/usr/bin/env python3
"""Access fund award budget (issue 20): p95 < 30 ms for POST /api/v1/fund/applications/{id}/decision under 16
concurrent clients, every award from the same restriction (one row they all queue on: the worst case).
Usage: fund.py BASE_URL PATIENT_ID [AWARDS_PER_CLIENT]. Signs in as the demo administrator.
A warm-up round first (BENCH_FUND_WARMUP awards per client, default 100, untimed), as a running clinic's JVM
has compiled its hot paths; the fresh-JVM figure is printed too (BENCH_FUND_WARMUP=0 times only that)."""
import json
import os
import statistics
import sys
import threading
import time
import http.client
import urllib.parse
import urllib.request

CLIENTS = int(os.environ.get("BENCH_FUND_CLIENTS", "16"))
WARMUP = int(os.environ.get("BENCH_FUND_WARMUP", "100"))


def call(base, path, bearer, body=None):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Content-Type": "application/json",
                                              **({"Authorization": "Bearer " + bearer} if bearer else {})})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def main():
    base, patient = sys.argv[1], sys.argv[2]
    per_client = int(sys.argv[3]) if len(sys.argv) > 3 else 60
    bearer = call(base, "/api/v1/auth/token", None,
                  {"username": "admin", "password": "demo-clinic-2026"})["access_token"]
    total = CLIENTS * (per_client + WARMUP)
    call(base, "/api/v1/fund/donations", bearer,
         {"donorName": "Bench Donor (synthetic)", "anonymous": True, "amountMinor": total * 1000 + 1,
          "currency": "USD", "restriction": "UNRESTRICTED", "receivedOn": "2026-01-02", "method": "OTHER"})
    applications = [call(base, "/api/v1/fund/applications", bearer,
                         {"patientId": patient, "householdSize": 2, "annualIncomeMinor": 2_500_000,
                          "currency": "USD", "needStatement": "Benchmark (synthetic)"})["id"]
                    for _ in range(total)]
    times = []
    lock = threading.Lock()
    host = urllib.parse.urlsplit(base)
    start = threading.Barrier(CLIENTS)

    def client(ids):
        # One kept-alive connection per client, as a browser or an integration keeps one.
        connection = http.client.HTTPConnection(host.hostname, host.port)
        body = json.dumps({"decision": "AWARDED", "amountMinor": 1000, "restriction": "UNRESTRICTED",
                           "reason": "Benchmark"})
        headers = {"Content-Type": "application/json", "Authorization": "Bearer " + bearer}
        start.wait()
        for i, application in enumerate(ids):
            began = time.perf_counter()
            connection.request("POST", "/api/v1/fund/applications/" + application + "/decision", body, headers)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                raise SystemExit("award refused: HTTP %d" % response.status)
            if i >= 10:  # the first ten of each client warm up
                with lock:
                    times.append((time.perf_counter() - began) * 1000)

    def round_of(ids, label):
        times.clear()
        threads = [threading.Thread(target=client, args=(ids[c::CLIENTS],)) for c in range(CLIENTS)]
        began = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - began
        times.sort()
        print("fund awards, %d clients, %s: p50 %.1f ms, p95 %.1f ms, max %.1f ms over %d timed awards (%.0f awards/s)"
              % (CLIENTS, label, statistics.median(times), times[int(0.95 * (len(times) - 1))], times[-1], len(times),
                 len(ids) / elapsed))

    warm = CLIENTS * WARMUP
    if warm:
        round_of(applications[:warm], "fresh JVM (warm-up)")
    round_of(applications[warm:], "warmed up" if warm else "fresh JVM")
    balance = [b for b in call(base, "/api/v1/fund/balances", bearer) if b["restriction"] == "UNRESTRICTED"][0]
    print("unrestricted balance left %d minor units (the fund never went below zero)" % balance["balanceMinor"])


if __name__ == "__main__":
    main()
