-- Fixed request (baseline endpoints: /api/v1/ping, /actuator/health).
-- The path comes from the URL given to wrk; auth only if BENCH_TOKEN is set.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")
common.install()

local req

function init(args)
  -- Pre-format once: the baseline should measure the server, not Lua.
  req = wrk.format("GET", wrk.path, common.headers())
end

function request()
  return req
end
