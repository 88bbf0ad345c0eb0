-- Shared helpers for the KAP Clinic wrk scripts.
--
-- Every wrk thread runs in its own Lua state and loads the endpoint script
-- (and therefore this file) separately; done() runs in the main state. That
-- is why counters live in per-thread globals and are summed through the
-- thread handles remembered in setup().
--
-- Environment (set by run.sh):
--   BENCH_NAME   label printed in the RESULT line
--   BENCH_TOKEN  bearer token; empty/unset means "send no Authorization"

local M = {}

local threads = {}
local next_thread_id = 0

function M.headers()
  local h = { ["Accept"] = "application/json" }
  local token = os.getenv("BENCH_TOKEN")
  if token ~= nil and token ~= "" then
    h["Authorization"] = "Bearer " .. token
  end
  return h
end

-- Loads a generated fixture (a Lua file that returns an array of strings).
function M.load_list(env_var)
  local path = os.getenv(env_var)
  if path == nil or path == "" then
    error(env_var .. " is not set")
  end
  local list = dofile(path)
  if type(list) ~= "table" or #list == 0 then
    error(env_var .. " (" .. path .. ") holds no entries")
  end
  return list
end

-- Installs the wrk callbacks shared by all scripts. Endpoint scripts only
-- define request().
function M.install()
  -- Runs in the main state once per thread before it starts: give every
  -- thread a distinct index so rotating scripts do not all walk the same
  -- ids in lock-step (which would make the DB cache look better than it is).
  function setup(thread)
    thread:set("thread_id", next_thread_id)
    next_thread_id = next_thread_id + 1
    table.insert(threads, thread)
  end

  non2xx = 0
  -- wrk itself only counts status > 399 as errors; a 302 to a login page
  -- would silently pass as success, so count everything outside 2xx here.
  function response(status, headers, body)
    if status < 200 or status > 299 then
      non2xx = non2xx + 1
    end
  end

  function done(summary, latency, requests)
    local bad = 0
    for _, t in ipairs(threads) do
      bad = bad + (t:get("non2xx") or 0)
    end
    local e = summary.errors
    local sockerr = e.connect + e.read + e.write + e.timeout
    local secs = summary.duration / 1e6
    local rps = secs > 0 and summary.requests / secs or 0
    local function ms(p) return latency:percentile(p) / 1000.0 end
    -- One machine-readable line; run.sh greps for it.
    io.write(string.format(
      "RESULT %s requests=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d sockerr=%d wrk_status_errors=%d\n",
      os.getenv("BENCH_NAME") or "unnamed", summary.requests, rps,
      ms(50), ms(90), ms(95), ms(99), latency.max / 1000.0,
      bad, sockerr, e.status))
  end
end

-- Offset into a fixture list for this thread; spreads threads evenly.
function M.start_index(list)
  local id = tonumber(thread_id) or 0
  local n = tonumber(os.getenv("BENCH_THREADS") or "1") or 1
  if n < 1 then n = 1 end
  return (math.floor(#list * id / n) % #list) + 1
end

return M
