-- Stores the limit a control step computed, unless a later step was taken meanwhile (its result wins).
-- ARGV: step, limit, reason
-- Returns 1 when stored, 0 when a later step was taken.
if tonumber(redis.call('HGET', ADMISSION_CONTROL, 'step')) ~= tonumber(ARGV[1]) then
  return 0
end
redis.call('HSET', ADMISSION_CONTROL, 'limit', ARGV[2], 'reason', ARGV[3])
return 1
