-- POST /api/v1/dosing-sessions/{id}/vitals: a durable vitals write (thresholds evaluated,
-- audited), rotating over the active sessions; readings stay within every threshold.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")
common.install()

local ids = common.load_list("BENCH_SESSIONS_FILE")
local headers
local bodies = {
  '{"systolic":124,"diastolic":78,"heartRate":72,"spo2":98,"respiratoryRate":14}',
  '{"systolic":131,"diastolic":84,"heartRate":80,"spo2":97,"respiratoryRate":16}',
  '{"systolic":118,"diastolic":74,"heartRate":66,"spo2":99,"respiratoryRate":12}',
}
local i
local pause_ms

local rate = tonumber(os.getenv("BENCH_RATE") or "")
if rate ~= nil and rate > 0 then
  pause_ms = 1000 * tonumber(os.getenv("BENCH_CONNECTIONS") or "50") / rate
  function delay()
    return pause_ms * (0.5 + math.random())
  end
end

function init(args)
  headers = common.headers()
  headers["Content-Type"] = "application/json"
  i = common.start_index(ids)
  math.randomseed(i)
end

function request()
  local id = ids[i]
  i = i % #ids + 1
  return wrk.format("POST", "/api/v1/dosing-sessions/" .. id .. "/vitals", headers, bodies[i % #bodies + 1])
end
