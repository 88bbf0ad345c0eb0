#!/usr/bin/env python3
"""First render of the clinic's pages (issue 14 budget: < 200 ms server time with 100,000
patients), as a signed-in browser asks for them: one request at a time on loopback, so
the time is the server's plus a few hundred microseconds. For each page: the first
request (cold for that page), then the median, p95 and max of REPS more.

Usage: pages.py BASE_URL COOKIE IDS_LUA REPS   (cookie from session.py, a clinical user)
Prints one line per page: "pages <path-kind> first=… p50=… p95=… max=… status=…".
"""
import datetime
import re
import statistics
import sys
import time
import urllib.error
import urllib.request


def fetch(base, cookie, path):
    req = urllib.request.Request(base + path, headers={"Cookie": cookie, "Accept": "text/html"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            body = resp.read()
            status = resp.status
    except urllib.error.HTTPError as e:
        body, status = e.read(), e.code
    return (time.perf_counter() - started) * 1000, status, body.decode("utf-8", "replace")


def main():
    base, cookie, ids_lua, reps = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    patients = re.findall(r'"([0-9a-f-]{36})"', open(ids_lua).read())
    _, _, board = fetch(base, cookie, "/dosing/board/rows")
    sessions = re.findall(r'/dosing/sessions/([0-9a-f-]{36})', board)
    on_floor = None
    if sessions:
        _, _, page = fetch(base, cookie, "/dosing/sessions/" + sessions[0])
        found = re.search(r'/patients/([0-9a-f-]{36})', page)
        on_floor = found.group(1) if found else None
    patient = on_floor or patients[0]
    busy = (datetime.date.today() + datetime.timedelta(days=4)).isoformat()
    pages = [("/patients", "/patients"), ("/patients?q=", "/patients?q=mor"),
             ("/patients/{id}", "/patients/" + patient),
             ("/patients/{id}/eligibility", "/patients/%s/eligibility" % patient),
             ("/patients/{id}/notes", "/patients/%s/notes" % patient),
             ("/patients/{id}/measures", "/patients/%s/measures" % patient),
             ("/patients/{id}/schedule", "/patients/%s/schedule" % patient),
             ("/patients/{id}/dosing", "/patients/%s/dosing" % patient),
             ("/schedule", "/schedule"), ("/schedule?view=week", "/schedule?view=week"),
             # With the scheduling fixtures (BENCH_ONLY including week): ~1,800 appointments
             # that week, 20 chairs as the day grid's columns.
             ("/schedule?view=week (busy week)", "/schedule?view=week&date=" + busy),
             ("/schedule?view=day (busy day)", "/schedule?view=day&date=" + busy),
             ("/dosing/board", "/dosing/board"), ("/dosing/board/rows", "/dosing/board/rows"),
             ("/tasks", "/tasks"), ("/consultations", "/consultations"),
             ("/measures/worklist", "/measures/worklist"), ("/controlled-substances", "/controlled-substances"),
             ("/admin/users", "/admin/users"), ("/admin/audit", "/admin/audit"),
             ("/circles", "/circles"), ("/admin/clinic", "/admin/clinic"),
             ("/admin/protocols", "/admin/protocols"), ("/admin/protocols/{code}", "/admin/protocols/IV_KETAMINE"),
             ("/admin/protocols/{code}/edit", "/admin/protocols/IV_KETAMINE/edit"),
             ("/admin/course-templates", "/admin/course-templates"), ("/admin/note-templates", "/admin/note-templates")]
    _, _, circles = fetch(base, cookie, "/circles")
    circle = re.search(r'/circles/([0-9a-f-]{36})', circles)
    if circle:
        pages.append(("/circles/{id}", "/circles/" + circle.group(1)))
    if sessions:
        pages.append(("/dosing/sessions/{id}", "/dosing/sessions/" + sessions[0]))
    for kind, path in pages:
        first, status, _ = fetch(base, cookie, path)
        times = []
        for _ in range(reps):
            ms, status, _ = fetch(base, cookie, path)
            times.append(ms)
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
        print("pages %-34s first=%7.1f p50=%6.1f p95=%6.1f max=%6.1f status=%d"
              % (kind, first, statistics.median(times), p95, times[-1], status))


if __name__ == "__main__":
    main()
