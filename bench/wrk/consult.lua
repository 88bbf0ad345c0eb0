-- Public consultation requests, each from its own client address: the app sits behind a
-- proxy in production and reads X-Forwarded-For, and its per-address rate limit would
-- otherwise (rightly) refuse a single address sending 50 requests a second. Addresses
-- come from 198.18.0.0/15, the range reserved for benchmarks (RFC 2544).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")
common.install()

local body = '{"givenName":"Bench","familyName":"Requestwick","birthDate":"1984-04-04",'
  .. '"email":"bench@example.test","phone":"555-0100","concerns":["DEPRESSION","ANXIETY"],'
  .. '"preferredContactTimes":"mornings","consentToContact":true}'

function init(args)
  math.randomseed(os.time() + (thread_id or 0) * 7919)
end

function request()
  local headers = {
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
    ["X-Forwarded-For"] = string.format("198.%d.%d.%d", 18 + math.random(0, 1), math.random(0, 255), math.random(1, 254)),
  }
  return wrk.format("POST", wrk.path, headers, body)
end
