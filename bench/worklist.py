#!/usr/bin/env python3
"""Maintenance-review worklist budget (issue 19): times GET /safety/maintenance-reviews, the prescriber's page
over every patient on maintenance, signed in through the form. Usage: worklist.py BASE_URL [ROUNDS]."""
import re
import statistics
import sys
import time
import urllib.parse
import urllib.request

# The server-database bench runs behind a "trusted proxy" (the production guards want TLS or one), so
# every request says it came over HTTPS and the cookies are carried by hand (they are Secure).
HTTPS = {"X-Forwarded-Proto": "https"}


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def sign_in(base, username, password):
    opener = urllib.request.build_opener(NoRedirect)
    jar = {}

    def call(path, data=None):
        headers = dict(HTTPS)
        if jar:
            headers["Cookie"] = "; ".join("%s=%s" % kv for kv in jar.items())
        request = urllib.request.Request(base + path, data=data, headers=headers)
        try:
            response = opener.open(request, timeout=30)
        except urllib.error.HTTPError as redirect:  # 302 after the form post
            response = redirect
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            jar[name] = value
        return response.read().decode()

    page = call("/login")
    csrf = re.search(r'name="_csrf"[^>]*value="([^"]+)"', page).group(1)
    call("/login", urllib.parse.urlencode({"username": username, "password": password, "_csrf": csrf}).encode())
    return "; ".join("%s=%s" % kv for kv in jar.items())


def main():
    base = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    cookie = sign_in(base, "dr.quill", "demo-clinic-2026")
    request = urllib.request.Request(base + "/safety/maintenance-reviews", headers=dict(HTTPS, Cookie=cookie))
    times = []
    rows = 0
    for i in range(rounds + 5):  # the first 5 warm up
        started = time.perf_counter()
        with urllib.request.urlopen(request) as response:
            body = response.read().decode()
        if i >= 5:
            times.append((time.perf_counter() - started) * 1000)
        rows = len(re.findall(r'/maintenance"', body))
    times.sort()
    print("maintenance worklist (%d rows shown): p50 %.0f ms, p95 %.0f ms, max %.0f ms over %d requests"
          % (rows, statistics.median(times), times[int(0.95 * (len(times) - 1))], times[-1], rounds))


if __name__ == "__main__":
    main()
