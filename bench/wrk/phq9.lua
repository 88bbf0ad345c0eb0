-- GET /api/v1/patients/{id}/measurements?instrument=PHQ-9&limit=20: "this patient's 20
-- newest PHQ-9 scores" (the issue's reference query), rotating over patients.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")
common.install()

local ids = common.load_list("BENCH_IDS_FILE")
local headers = common.headers()
local i

function init(args)
  i = common.start_index(ids)
end

function request()
  local id = ids[i]
  i = i % #ids + 1
  return wrk.format("GET", "/api/v1/patients/" .. id .. "/measurements?instrument=PHQ-9&limit=20", headers)
end
