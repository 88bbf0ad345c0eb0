-- Public consultation requests, each from its own client address: the app sits behind a
-- proxy in production and reads X-Forwarded-For, and its per-address rate limit would
-- otherwise (rightly) refuse a single address sending 50 requests a second. Addresses are
-- random in 2001:db8::/32, the IPv6 documentation range: wide enough that no address
-- repeats often enough to hit the limit (an IPv4 /15 did, at thousands of requests/s).
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
    ["X-Forwarded-For"] = string.format("2001:db8:%x:%x:%x:%x::1", math.random(0, 65535), math.random(0, 65535),
      math.random(0, 65535), math.random(0, 65535)),
  }
  return wrk.format("POST", wrk.path, headers, body)
end
