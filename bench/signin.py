#!/usr/bin/env python3
"""What two-factor sign-in adds to a sign-in (issue 16 budget: < 5 ms).

Against a running app whose demo administrator signs in with a password alone, creates
2 x USERS staff accounts, sets up an authenticator app for half of them, then signs
every account in over the API, the two halves interleaved, for ROUNDS rounds (one TOTP
code per account per 30-second step, so each round waits for the next step). Prints the
median and p95 of each half and the difference of the medians.

Usage: signin.py BASE_URL [USERS=40] [ROUNDS=3]
"""
import base64
import hashlib
import hmac
import json
import statistics
import struct
import sys
import time
import urllib.error
import urllib.request
import uuid

base = sys.argv[1]
users = int(sys.argv[2]) if len(sys.argv) > 2 else 40
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
PASSWORD = "bench sign-in lantern 77"


def call(path, body, token=None):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def totp(secret, step):
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


def step():
    return int(time.time()) // 30


admin = call("/api/v1/auth/token", {"username": "admin", "password": "demo-clinic-2026"})[1]["access_token"]
plain, secured = [], {}
for i in range(2 * users):
    name = "bench.signin.%s" % uuid.uuid4().hex[:8]
    status, _ = call("/api/v1/users", {"username": name, "password": PASSWORD, "displayName": "Bench Signin",
                                       "roles": ["NURSE"]}, admin)
    assert status == 201, status
    if i % 2 == 0:
        plain.append(name)
        continue
    token = call("/api/v1/auth/token", {"username": name, "password": PASSWORD})[1]["access_token"]
    secret = call("/api/v1/me/mfa/totp", {}, token)[1]["secret"]
    status, _ = call("/api/v1/me/mfa/totp/confirm", {"code": totp(secret, step())}, token)
    assert status == 200, status
    secured[name] = secret

times = {"password only": [], "password and code": []}
last = step()
for r in range(rounds):
    while step() <= last:
        time.sleep(0.5)
    last = step()
    for name, (mfa_name, secret) in zip(plain, secured.items()):
        started = time.perf_counter()
        status, _ = call("/api/v1/auth/token", {"username": name, "password": PASSWORD})
        times["password only"].append((time.perf_counter() - started) * 1000)
        assert status == 200, status
        started = time.perf_counter()
        status, answer = call("/api/v1/auth/token", {"username": mfa_name, "password": PASSWORD,
                                                     "otp": totp(secret, last)})
        times["password and code"].append((time.perf_counter() - started) * 1000)
        assert status == 200, (status, answer)

for label, samples in times.items():
    samples.sort()
    print("%-18s n=%d median %.1f ms p95 %.1f ms" % (label, len(samples), statistics.median(samples),
                                                     samples[int(len(samples) * 0.95) - 1]))
print("second factor adds %.1f ms (difference of the medians)" % (
    statistics.median(times["password and code"]) - statistics.median(times["password only"])))
