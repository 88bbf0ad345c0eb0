-- GET of a staff page (the URL given to wrk) with a signed-in browser session's cookie
-- (BENCH_COOKIE, from bench/session.py).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")
common.install()

local req

function init(args)
  req = wrk.format("GET", wrk.path, { ["Accept"] = "text/html", ["Cookie"] = os.getenv("BENCH_COOKIE") or "" })
end

function request()
  return req
end
