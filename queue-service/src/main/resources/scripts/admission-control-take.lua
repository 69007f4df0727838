-- The admission limit, and the turn to take a control step when none was taken within the interval: the step's
-- number goes up and the reports since the previous step are handed over and cleared, atomically, so with any
-- number of instances one takes each step and each report is seen by one step.
-- ARGV: now (ms), interval (ms)
-- Returns {due (1/0), step, limit or '', reason or '', reports, requests, shed, latency (ms), last report at (ms) or ''}.
local now, interval = tonumber(ARGV[1]), tonumber(ARGV[2])
local state = redis.call('HMGET', ADMISSION_CONTROL, 'limit', 'reason', 'step', 'steppedAt')
local limit, reason, step, stepped_at = state[1] or '', state[2] or '', tonumber(state[3]) or 0, tonumber(state[4])
local signal = redis.call('HMGET', ADMISSION_SIGNAL, 'reports', 'requests', 'shed', 'latencyMs', 'lastReportAt')
local last_report = signal[5] or ''
-- Either way round: an instance whose clock is behind the one that stepped must not step again at once.
if stepped_at and math.abs(now - stepped_at) < interval then
  return {0, step, limit, reason, 0, 0, 0, 0, last_report}
end
step = redis.call('HINCRBY', ADMISSION_CONTROL, 'step', 1)
redis.call('HSET', ADMISSION_CONTROL, 'steppedAt', int(now))
redis.call('HDEL', ADMISSION_SIGNAL, 'reports', 'requests', 'shed', 'latencyMs')
return {1, step, limit, reason, tonumber(signal[1]) or 0, tonumber(signal[2]) or 0, tonumber(signal[3]) or 0,
    tonumber(signal[4]) or 0, last_report}
