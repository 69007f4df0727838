-- wrk script: GET /api/v1/concerts/$CONCERT_ID/dates/$DATE/seats, the hottest read of admitted fans, with one
-- fixed ACTIVE token ($TOKEN; the real gateway lets only ACTIVE tokens of that concert through). Identity headers
-- as in poll.lua (identity.lua). bash load-tests/bench.sh sets all of them.
--   CONCERT_ID=<uuid> DATE=<yyyy-mm-dd> TOKEN=<active jws> wrk -t2 -c64 -d15s --latency -s load-tests/wrk/seats.lua http://127.0.0.1:8080
local concert_id = os.getenv("CONCERT_ID")
local date = os.getenv("DATE")
if concert_id == nil or concert_id == "" or date == nil or date == "" then
  error("set CONCERT_ID and DATE (bash load-tests/bench.sh does it for you)")
end

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local identity = dofile(here .. "identity.lua")

wrk.method = "GET"
wrk.path = "/api/v1/concerts/" .. concert_id .. "/dates/" .. date .. "/seats"
wrk.headers["Accept"] = "application/json"
identity.apply(wrk.headers)
