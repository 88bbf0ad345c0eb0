-- GET each path of BENCH_PATHS_FILE in turn (a Lua file returning an array of
-- request paths), so reads spread over many patients rather than one cached row.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")
common.install()

local paths = common.load_list("BENCH_PATHS_FILE")
local headers = common.headers()
headers["Accept"] = os.getenv("BENCH_ACCEPT") or "application/fhir+json"
local i

function init(args)
  i = common.start_index(paths)
end

function request()
  local path = paths[i]
  i = i % #paths + 1
  return wrk.format("GET", path, headers)
end
