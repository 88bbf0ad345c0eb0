-- POST with an empty JSON body to the URL given to wrk (e.g. a screening of a fixed patient).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")
common.install()

local req

function init(args)
  local headers = common.headers()
  headers["Content-Type"] = "application/json"
  req = wrk.format("POST", wrk.path, headers, "{}")
end

function request()
  return req
end
