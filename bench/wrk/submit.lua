-- POST /api/v1/patients/{id}/measurements: submit, score and persist a PHQ-9, rotating
-- over patients and over answer sets (item 9 stays 0, so no risk flag is raised).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")
common.install()

local ids = common.load_list("BENCH_IDS_FILE")
local headers
local bodies = {
  '{"instrument":"PHQ-9","answers":[2,2,1,1,2,1,1,0,0,1]}',
  '{"instrument":"PHQ-9","answers":[1,1,0,0,1,0,0,0,0,0]}',
  '{"instrument":"PHQ-9","answers":[3,3,2,2,2,2,2,2,0,2]}',
  '{"instrument":"PHQ-9","answers":[0,1,null,0,1,0,0,1,0,null]}',
}
local i

function init(args)
  headers = common.headers()
  headers["Content-Type"] = "application/json"
  i = common.start_index(ids)
end

function request()
  local id = ids[i]
  i = i % #ids + 1
  return wrk.format("POST", "/api/v1/patients/" .. id .. "/measurements", headers, bodies[i % #bodies + 1])
end
