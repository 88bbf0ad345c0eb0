#!/usr/bin/env python3
"""Times the notes budgets (issue 7) against a running app, sequentially from one client.

1. Note save: a draft autosaved SAVES times (PUT /api/v1/notes/{id}, ~1.5 KB body).
2. Search: a patient with N notes (default 1,000, mixed types, ~600 characters each);
   GET /api/v1/patients/{id}/notes by text, by type + text, by date range, unfiltered
   (limit 200), REPEAT times each.
3. PDF summary: POST /api/v1/patients/{id}/disclosures (all four contents, 30 PHQ-9
   scores) under a covering release, REPEAT times.

Prints one line per measure: median, p95, max wall time in ms (same host).
Usage: notes.py BASE_URL [N] [SAVES] [REPEAT]   (signs in as dr.quill, demo password)
"""
import datetime
import json
import sys
import time
import urllib.request

WORDS = ("grief ocean mother fear light rest body breath music tears memory forest anger "
         "safety trust child home silence warmth father river sky").split()


def call(base, method, path, token, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method, headers={
        "Authorization": "Bearer " + token if token else "", "Content-Type": "application/json",
        "Accept": "application/json"})
    t0 = time.perf_counter()
    with urllib.request.urlopen(req, timeout=60) as resp:
        raw = resp.read()
        ms = (time.perf_counter() - t0) * 1000
        if resp.status >= 300:
            sys.exit("%s %s -> %d" % (method, path, resp.status))
        ctype = resp.headers.get("Content-Type", "")
        return (json.loads(raw) if raw and "json" in ctype else raw), ms


def stats(name, times, extra=""):
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
    print("%s: median %.1f ms, p95 %.1f ms, max %.1f ms over %d requests%s" % (
        name, times[len(times) // 2], p95, times[-1], len(times), extra))


def text(i, size):
    out, k = [], i
    while len(" ".join(out)) < size:
        out.append(WORDS[k % len(WORDS)])
        k = k * 7 + 3
    return " ".join(out)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    base = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    saves = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    repeat = int(sys.argv[4]) if len(sys.argv) > 4 else 40
    token, _ = call(base, "POST", "/api/v1/auth/token", None,
                    {"username": "dr.quill", "password": "demo-clinic-2026"})
    token = token["access_token"]
    patient, _ = call(base, "POST", "/api/v1/patients", token,
                      {"givenName": "Bench", "familyName": "Notewhistle", "birthDate": "1979-09-09",
                       "confirmDuplicate": True})
    pid = patient["id"]

    draft, _ = call(base, "POST", "/api/v1/patients/%s/notes" % pid, token,
                    {"type": "INTEGRATION", "body": {"experiences": "start"}})
    times = []
    for i in range(saves + 10):
        body = {"experiences": text(i, 600), "insights": text(i + 1, 400), "homework": text(i + 2, 300),
                "actionSteps": text(i + 3, 200)}
        saved, ms = call(base, "PUT", "/api/v1/notes/%s" % draft["id"], token,
                         {"body": body, "version": i, "editorSession": "bench"})
        if i >= 10:
            times.append(ms)
    stats("note save (PUT draft)", times)

    types = ["PREPARATION", "INTEGRATION", "PROGRESS_SOAP", "PROGRESS_DAP"]
    keys = {"PREPARATION": "intentions", "INTEGRATION": "insights", "PROGRESS_SOAP": "subjective",
            "PROGRESS_DAP": "data"}
    today = datetime.date.today()
    for i in range(n - 1):
        t = types[i % len(types)]
        note_date = (today - datetime.timedelta(days=(n - i) // 3)).isoformat()
        created, _ = call(base, "POST", "/api/v1/patients/%s/notes" % pid, token,
                          {"type": t, "body": {keys[t]: text(i, 600) + (" lighthouse" if i % 97 == 0 else "")},
                           "noteDate": note_date})
        if i % 2 == 0:
            call(base, "POST", "/api/v1/notes/%s/sign" % created["id"], token, {})
    month_ago = (today - datetime.timedelta(days=30)).isoformat()
    queries = {
        "search q=lighthouse (rare word)": "q=lighthouse",
        "search q=ocean (common word, limit 200)": "q=ocean",
        "search type=INTEGRATION&q=grief": "type=INTEGRATION&q=grief",
        "search last 30 days": "from=" + month_ago,
        "list newest 200": "",
    }
    for name, query in queries.items():
        times, count = [], 0
        for i in range(repeat + 5):
            found, ms = call(base, "GET", "/api/v1/patients/%s/notes?%s" % (pid, query), token)
            count = len(found)
            if i >= 5:
                times.append(ms)
        stats(name, times, " (%d notes on the chart, %d returned)" % (n, count))

    for k in range(30):
        answers = [(k + j) % 4 for j in range(8)] + [0, 1]
        call(base, "POST", "/api/v1/patients/%s/measurements" % pid, token, {
            "instrument": "PHQ-9", "answers": answers,
            "administeredAt": (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=60 - 2 * k))
            .strftime("%Y-%m-%dT%H:%M:%SZ")})
    provider, _ = call(base, "POST", "/api/v1/outside-providers", token,
                       {"name": "Dr. Bench Fictional", "secureContact": "bench@direct.example.test"})
    call(base, "POST", "/api/v1/patients/%s/consents" % pid, token, {
        "document": "RELEASE_OF_INFORMATION", "version": 1, "signerName": "Bench Notewhistle",
        "signerRole": "PATIENT", "details": {
            "recipientName": "Dr. Bench Fictional", "scope": "summary", "providerId": provider["id"],
            "content": "COURSE_STATUS,DOSES,OUTCOMES,INTEGRATION_THEMES",
            "expiresOn": (today + datetime.timedelta(days=90)).isoformat()}})
    times, size = [], 0
    for i in range(repeat + 3):
        made, ms = call(base, "POST", "/api/v1/patients/%s/disclosures" % pid, token, {
            "providerId": provider["id"], "content": ["COURSE_STATUS", "DOSES", "OUTCOMES", "INTEGRATION_THEMES"],
            "themes": text(i, 1500)})
        if i >= 3:
            times.append(ms)
    pdf, _ = call(base, "GET", made["pdf"], token)
    stats("PDF summary (POST disclosure, render + store)", times, " (%d KB PDF)" % (len(pdf) // 1024))


if __name__ == "__main__":
    main()
