-- Gives the lease up, if this instance holds it, so another instance takes over at once.
-- KEYS[1]: the lease. ARGV: this instance's id. Returns 1 when released.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
