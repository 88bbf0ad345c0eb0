-- POST /api/v1/controlled-substances/receipts into existing lots: the ledger's write path that a
-- dose's draw also takes (lock the lot row, read its last entry, append an entry with the new
-- running balance, audit it, commit). BENCH_LEDGER_LOTS lots (1: every request queues on one lot
-- row, the worst case; 20: one lot per chair). The first request to each lot creates it.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local common = dofile(dir .. "common.lua")
common.install()

local headers
local lots = tonumber(os.getenv("BENCH_LEDGER_LOTS") or "1")
local expiry = os.getenv("BENCH_LEDGER_EXPIRY")
local i

function init(args)
  headers = common.headers()
  headers["Content-Type"] = "application/json"
  i = (thread_id or 0) * 7
end

function request()
  i = i + 1
  local body = '{"product":"KETAMINE","ndc":"99999-050-10","lot":"BENCH-' .. lots .. '-' .. (i % lots)
    .. '","expiry":"' .. expiry .. '","quantityMg":50,"concentrationMgPerMl":50,"location":"Bench safe"}'
  return wrk.format("POST", wrk.path, headers, body)
end
