-- GET /api/v1/patients/{id}, rotating over ids collected by run.sh so reads
-- hit many rows rather than one hot cached row.
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
  return wrk.format("GET", "/api/v1/patients/" .. id, headers)
end
