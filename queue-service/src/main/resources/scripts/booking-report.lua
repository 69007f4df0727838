-- One gateway's booking-path figures for its report window, added to those the next admission control step takes
-- (admission-control-take.lua): counts add up, the latency keeps the worst, so N gateways combine into one window.
-- ARGV: requests, shed, latency (ms), received at (ms)
local requests, shed, latency, at = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
redis.call('HINCRBY', ADMISSION_SIGNAL, 'reports', 1)
redis.call('HINCRBY', ADMISSION_SIGNAL, 'requests', int(requests))
redis.call('HINCRBY', ADMISSION_SIGNAL, 'shed', int(shed))
local signal = redis.call('HMGET', ADMISSION_SIGNAL, 'latencyMs', 'lastReportAt')
if latency > (tonumber(signal[1]) or 0) then
  redis.call('HSET', ADMISSION_SIGNAL, 'latencyMs', int(latency))
end
if at > (tonumber(signal[2]) or 0) then
  redis.call('HSET', ADMISSION_SIGNAL, 'lastReportAt', int(at))
end
return 1
