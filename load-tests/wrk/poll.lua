-- wrk script: GET /api/v1/queue/tokens/me with one fixed token ($TOKEN), the same request every time.
-- Straight against queue-service (or through the bare gateway) nothing verifies the token and sets the identity
-- headers, so with $TOKEN_ID set the script sends them itself, as the gateway would (identity.lua).
-- bash load-tests/bench.sh sets all of them.
--   TOKEN=<jws> wrk -t2 -c64 -d15s --latency -s load-tests/wrk/poll.lua http://127.0.0.1:8080
local token = os.getenv("TOKEN")
if token == nil or token == "" then
  error("set TOKEN to a queue token (bash load-tests/bench.sh does it for you)")
end

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local identity = dofile(here .. "identity.lua")

wrk.method = "GET"
wrk.path = "/api/v1/queue/tokens/me"
wrk.headers["Accept"] = "application/json"
identity.apply(wrk.headers)
