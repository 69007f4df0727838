-- Takes or renews the outbox relay's lease: one relay at a time forwards the outbox, so one token's events reach
-- Kafka in the order they were written.
-- KEYS[1]: the lease. ARGV: this instance's id, lease duration (ms). Returns 1 when this instance holds it.
local holder = redis.call('GET', KEYS[1])
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if not holder then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
