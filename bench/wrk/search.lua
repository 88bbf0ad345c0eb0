-- GET /api/v1/patients?q=TERM&size=20, rotating over family-name prefixes
-- (already URL-encoded by run.sh) taken from real patients, so every query
-- has matches and the mix resembles a clinician typing a surname.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")
common.install()

local terms = common.load_list("BENCH_TERMS_FILE")
local headers = common.headers()
local i

function init(args)
  i = common.start_index(terms)
end

function request()
  local term = terms[i]
  i = i % #terms + 1
  return wrk.format("GET", "/api/v1/patients?q=" .. term .. "&size=20", headers)
end
