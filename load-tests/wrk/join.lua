-- wrk script: POST /api/v1/queue/tokens, a new random userId on every request, for the concert in $CONCERT_ID.
--   CONCERT_ID=<uuid> wrk -t2 -c64 -d15s --latency -s load-tests/wrk/join.lua http://127.0.0.1:8080
-- Through the gateway this needs JOIN_RATE_PER_IP=0, or most joins are answered 429 (wrk counts them as non-2xx).
local concert_id = os.getenv("CONCERT_ID")
if concert_id == nil or concert_id == "" then
  error("set CONCERT_ID to the concert to join (bash load-tests/bench.sh does it for you)")
end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  -- Each wrk thread has its own Lua state: seed apart so threads do not repeat each other's user ids.
  math.randomseed(os.time() * 1000 + (thread_number or 0))
end

local function uuid_v4()
  local template = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx"
  return (template:gsub("[xy]", function(c)
    local v = (c == "x") and math.random(0, 15) or math.random(8, 11)
    return string.format("%x", v)
  end))
end

local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }

function request()
  local body = '{"userId":"' .. uuid_v4() .. '","concertId":"' .. concert_id .. '"}'
  return wrk.format("POST", "/api/v1/queue/tokens", headers, body)
end
