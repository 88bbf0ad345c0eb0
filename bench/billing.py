#!/usr/bin/env python3
"""Billing budgets (issue 20): posting a month of a busy clinic's charges (5,000 sessions) < 10 s, and a patient
statement (GET /api/v1/invoices/{id}: the invoice, its lines and payments) p95 < 50 ms.
Usage: billing.py BASE_URL FROM TO STATEMENT_PATIENT [ROUNDS]. Signs in as the demo billing clerk."""
import json
import statistics
import sys
import time
import urllib.request


def call(base, path, bearer, body=None):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Content-Type": "application/json",
                                              **({"Authorization": "Bearer " + bearer} if bearer else {})})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


def main():
    base, first, last, patient = sys.argv[1:5]
    rounds = int(sys.argv[5]) if len(sys.argv) > 5 else 200
    bearer = call(base, "/api/v1/auth/token", None,
                  {"username": "billing.bright", "password": "demo-clinic-2026"})["access_token"]
    proposed = len(call(base, "/api/v1/billing/charges/proposed?limit=5000", bearer))
    began = time.perf_counter()
    posted = call(base, "/api/v1/billing/charges/post", bearer, {"from": first, "to": last})["posted"]
    print(f"posting: {posted} charges of {first}..{last} in {(time.perf_counter() - began):.2f} s "
          f"(first page of the review queue held {proposed})")

    # The statement patient: a year of weekly infusions (2 lines each), invoiced monthly, each invoice paid in two.
    for month in range(1, 13):
        start, end = f"2025-{month:02d}-01", f"2025-{month:02d}-28"
        invoice = call(base, f"/api/v1/patients/{patient}/invoices", bearer, {"from": start, "to": end})
        half = invoice["totalMinor"] // 2
        for amount in (half, invoice["totalMinor"] - half):
            call(base, "/api/v1/payments", bearer,
                 {"invoiceId": invoice["id"], "amountMinor": amount, "method": "CASH", "reference": "bench"})
    statement = call(base, f"/api/v1/patients/{patient}/invoices", bearer)[0]["id"]
    lines = len(call(base, f"/api/v1/invoices/{statement}", bearer)["lines"])
    times = []
    for i in range(rounds + 20):
        began = time.perf_counter()
        call(base, f"/api/v1/invoices/{statement}", bearer)
        if i >= 20:
            times.append((time.perf_counter() - began) * 1000)
    times.sort()
    print(f"statement ({lines} lines, 2 payments): p50 {statistics.median(times):.1f} ms, "
          f"p95 {times[int(len(times) * 0.95) - 1]:.1f} ms over {rounds} calls")
    began = time.perf_counter()
    call(base, f"/api/v1/patients/{patient}/invoices", bearer)
    print(f"the patient's 12 invoices with balances: {(time.perf_counter() - began) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
