-- POST /api/v1/appointments: each request books a free 10-minute follow-up in one of the
-- bench chairs. Times never collide: every wrk run starts from a random far-future base
-- (BENCH_SEED), every thread from its own offset, and a chair's slots advance in order.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")
common.install()

local ids = common.load_list("BENCH_IDS_FILE")
local chairs = common.load_list("BENCH_CHAIRS_FILE")
local headers
local i = 0
local base

function init(args)
  headers = common.headers()
  headers["Content-Type"] = "application/json"
  local seed = tonumber(os.getenv("BENCH_SEED") or "0") % 1000
  -- 2040-01-01T00:00:00Z plus two years per seed, plus 347 days per thread.
  base = 2208988800 + seed * 63072000 + (thread_id or 0) * 30000000
end

function request()
  local chair = chairs[(i % #chairs) + 1]
  local slot = math.floor(i / #chairs)
  local patient = ids[((i + (thread_id or 0) * 7919) % #ids) + 1]
  i = i + 1
  local start = os.date("!%Y-%m-%dT%H:%M:%SZ", base + slot * 600)
  local body = '{"patientId":"' .. patient .. '","type":"FOLLOW_UP","start":"' .. start ..
    '","durationMinutes":10,"roomId":"' .. chair .. '","staffIds":[]}'
  return wrk.format("POST", "/api/v1/appointments", headers, body)
end
