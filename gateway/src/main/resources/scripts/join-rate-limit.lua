-- Token bucket for queue joins of one client address, shared by every gateway instance.
-- KEYS[1]: the address's bucket (hash: tokens, at)   ARGV[1]: joins per second   ARGV[2]: burst
-- Returns { allowed (1/0), milliseconds until a join would be allowed (0 when allowed) }.
-- Time is Redis's own, so gateway instances with drifting clocks share one notion of "now".
redis.replicate_commands()

local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now

tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
local allowed = 0
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = math.ceil((1 - tokens) * 1000 / rate)
end

redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
-- A bucket left alone refills completely within burst / rate seconds: after that it equals a new one.
redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
return { allowed, wait }
