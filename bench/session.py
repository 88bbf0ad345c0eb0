#!/usr/bin/env python3
"""Signs in through the login form and prints the session cookie ("SESSION=...").
Usage: session.py BASE_URL USERNAME PASSWORD"""
import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request

base, username, password = sys.argv[1:4]
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
login = opener.open(base + "/login", timeout=30).read().decode()
csrf = re.search(r'name="_csrf"[^>]*value="([^"]+)"', login).group(1)
opener.open(base + "/login", data=urllib.parse.urlencode(
    {"username": username, "password": password, "_csrf": csrf}).encode(), timeout=30).read()
print("; ".join("%s=%s" % (c.name, c.value) for c in jar))
