-- wrk script: GET /api/v1/queue/tokens/me with one fixed token ($TOKEN), the same request every time.
-- Straight against queue-service there is no gateway to verify the token and set the identity headers, so when
-- $TOKEN_ID is set the script sends X-User-Id / X-Concert-Id / X-Token-Id ($USER_ID, $CONCERT_ID, $TOKEN_ID)
-- itself, as the gateway would (docs/queue-tokens.md). bash load-tests/bench.sh sets all of them.
--   TOKEN=<jws> wrk -t2 -c64 -d15s --latency -s load-tests/wrk/poll.lua http://127.0.0.1:8080
local token = os.getenv("TOKEN")
if token == nil or token == "" then
  error("set TOKEN to a queue token (bash load-tests/bench.sh does it for you)")
end

wrk.method = "GET"
wrk.path = "/api/v1/queue/tokens/me"
wrk.headers["Accept"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

local token_id = os.getenv("TOKEN_ID")
if token_id ~= nil and token_id ~= "" then
  wrk.headers["X-User-Id"] = os.getenv("USER_ID")
  wrk.headers["X-Concert-Id"] = os.getenv("CONCERT_ID")
  wrk.headers["X-Token-Id"] = token_id
end
