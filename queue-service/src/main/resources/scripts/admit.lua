-- One admission cycle for one concert, atomically: end ACTIVE tokens past their time (TIMEOUT), WAITING ones
-- silent past their keep-until deadline and ACTIVE ones (holding no seat) idle longer than the ACTIVE idle timeout
-- (ABANDONED), then admit in join order while fewer than the admission limit (at most maxActive) are ACTIVE.
-- Every change is announced on the outbox in this same script. Any number of instances may run it at once:
-- Redis runs scripts one at a time, so each sees the ACTIVE count the previous one left and the cap holds.
-- KEYS[1]: the outbox stream.
-- ARGV: concertId, now (ms), idle timeout (ms; the keep-until deadlines include it), ACTIVE time (ms), maxActive,
--       retention (ms), budget (most tokens ended or admitted per step, so one script never blocks Redis for
--       long; the rest waits for the next cycle), rate window (ms), rate smoothing time constant (ms), ACTIVE idle timeout (ms),
--       admission limit (the admission controller's, see ControllingAdmission; never above maxActive here),
--       most admitted in this run (ControllingAdmission.admitsPerCycle: a line that opens fills over several cycles)
-- Returns {admitted, timedOut, abandoned (WAITING ones only), waiting, active, measured rate per second as text or '',
--          released (ACTIVE ones idle; announced as ABANDONED too), the admitted tokens' waits since joining in ms as
--          comma-separated text}.
local outbox = KEYS[1]
local concert_id = ARGV[1]
local now, idle_ms, active_ms = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local max_active, retention_ms, budget = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
local rate_window_ms, rate_tau_ms, active_idle_ms = tonumber(ARGV[8]), tonumber(ARGV[9]), tonumber(ARGV[10])
local limit = math.min(max_active, tonumber(ARGV[11]))
local per_cycle = tonumber(ARGV[12])
local active_seen = line_key(concert_id, 'active-seen')
local waiting, keep_until = line_key(concert_id, 'waiting'), line_key(concert_id, 'keep-until')
local active = line_key(concert_id, 'active')
local admitted, timed_out, abandoned, released = 0, 0, 0, 0
local waits = {}

-- A member whose token record is gone (possible only if no cycle ran for the whole retention) leaves silently:
-- without its user there is no event to announce.
local function drop(token_id)
  redis.call('ZREM', waiting, token_id)
  redis.call('ZREM', keep_until, token_id)
  redis.call('ZREM', active, token_id)
  redis.call('ZREM', active_seen, token_id)
end

for _, token_id in ipairs(redis.call('ZRANGEBYSCORE', active, '-inf', int(now), 'LIMIT', 0, budget)) do
  if end_token(outbox, token_id, 'TIMEOUT', now, retention_ms) then timed_out = timed_out + 1 else drop(token_id) end
end
for _, token_id in ipairs(redis.call('ZRANGEBYSCORE', keep_until, '-inf', '(' .. int(now), 'LIMIT', 0, budget)) do
  if end_token(outbox, token_id, 'ABANDONED', now, retention_ms) then abandoned = abandoned + 1 else drop(token_id) end
end
-- ACTIVE fans who stopped making requests free their slot for the next in line.
local active_idle_before = now - active_idle_ms
for _, token_id in ipairs(redis.call('ZRANGEBYSCORE', active_seen, '-inf', '(' .. int(active_idle_before), 'LIMIT', 0,
    budget)) do
  if end_token(outbox, token_id, 'ABANDONED', now, retention_ms) then released = released + 1 else drop(token_id) end
end

local demand = redis.call('ZCARD', waiting)
local free = math.min(limit - redis.call('ZCARD', active), per_cycle)
local active_until = now + active_ms
local steps = 0
while free > 0 and steps < budget do
  -- At most the budget's remaining steps are looked at: a line whose front is thousands of left-over idle tokens
  -- (a stack restarted after an hour) must not be worked through in one script. Unbounded here, a restarted
  -- queue-service's first cycle held Redis for 23 s and every join, poll and key fetch timed out meanwhile.
  local front = redis.call('ZRANGE', waiting, 0, math.min(free, budget - steps) - 1)
  if #front == 0 then
    break
  end
  -- At most 'free' tokens are looked at per round, so admitting all of them cannot pass the cap.
  for _, token_id in ipairs(front) do
    steps = steps + 1
    local key = token_key(token_id)
    local token = redis.call('HMGET', key, 'userId', 'status', 'joinedAt')
    local kept_until = tonumber(redis.call('ZSCORE', keep_until, token_id))
    if token[2] ~= 'WAITING' or not kept_until then
      drop(token_id)
    elseif kept_until < now then
      -- Left over when the sweep above ran out of budget: idle tokens are never admitted.
      if end_token(outbox, token_id, 'ABANDONED', now, retention_ms) then abandoned = abandoned + 1 end
    else
      -- Never admitted before joining: a join stamped by a clock a few ms ahead of this cycle's (the cycle took its
      -- time before the join landed, or another instance's clock) is admitted at its join time.
      local activated_at = not_before(now, token[3])
      redis.call('ZREM', waiting, token_id)
      redis.call('ZREM', keep_until, token_id)
      redis.call('ZADD', active, active_until, token_id)
      redis.call('ZADD', active_seen, activated_at, token_id)
      redis.call('HSET', key, 'status', 'ACTIVE', 'activatedAt', int(activated_at), 'activeUntil', int(active_until))
      redis.call('PEXPIRE', key, retention_ms)
      redis.call('PEXPIRE', user_key(concert_id, token[1]), retention_ms)
      announce_activated(outbox, token_id, token[1], concert_id, activated_at, active_until, token[3])
      admitted = admitted + 1
      if tonumber(token[3]) then
        waits[#waits + 1] = int(activated_at - tonumber(token[3]))
      end
      free = free - 1
    end
  end
end

-- The measured rate: admissions per second over windows of at least rate_window_ms in which someone was waiting,
-- smoothed exponentially (time constant rate_tau_ms). Idle stretches are not measured: an empty line says nothing
-- about how fast it moves. A window's first cycle only opens it, so its admissions are not counted twice.
local rate_key = line_key(concert_id, 'rate')
if demand > 0 then
  local rate = redis.call('HMGET', rate_key, 'perSecond', 'windowStart', 'windowAdmitted')
  local window_start = tonumber(rate[2])
  if not window_start then
    redis.call('HSET', rate_key, 'windowStart', int(now), 'windowAdmitted', 0)
  else
    local counted = (tonumber(rate[3]) or 0) + admitted
    local elapsed = now - window_start
    if elapsed >= rate_window_ms then
      local observed = counted * 1000 / elapsed
      local previous = tonumber(rate[1])
      local smoothed = observed
      if previous then
        smoothed = previous + (1 - math.exp(-elapsed / rate_tau_ms)) * (observed - previous)
      end
      redis.call('HSET', rate_key, 'perSecond', tostring(smoothed), 'windowStart', int(now), 'windowAdmitted', 0)
    else
      redis.call('HSET', rate_key, 'windowAdmitted', counted)
    end
  end
  redis.call('PEXPIRE', rate_key, retention_ms)
else
  redis.call('HDEL', rate_key, 'windowStart', 'windowAdmitted')
end

local waiting_now, active_now = redis.call('ZCARD', waiting), redis.call('ZCARD', active)
if waiting_now == 0 and active_now == 0 then
  redis.call('SREM', CONCERTS, concert_id)
end
return {admitted, timed_out, abandoned, waiting_now, active_now, measured_rate(concert_id), released,
  table.concat(waits, ',')}
