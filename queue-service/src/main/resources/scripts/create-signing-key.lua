-- Fills whichever of the two key positions is empty (SETNX semantics on each pointer): when several instances start
-- at once, exactly one current and one next key win and every instance uses them. A ring made before there was a
-- next key gets one here. Both keys go into the JWK Set at once; the next one signs only after a rotation.
-- KEYS[1]: queue:keys (hash kid -> private JWK JSON), KEYS[2]: queue:keys:current, KEYS[3]: queue:keys:next.
-- ARGV: current kid, its JWK JSON, next kid, its JWK JSON. Returns the current kid.
if redis.call('SET', KEYS[2], ARGV[1], 'NX') then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
end
if redis.call('SET', KEYS[3], ARGV[3], 'NX') then
  redis.call('HSET', KEYS[1], ARGV[3], ARGV[4])
end
return redis.call('GET', KEYS[2])
