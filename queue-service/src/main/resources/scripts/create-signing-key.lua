-- Makes a signing key current unless there is one already (SETNX semantics on the current pointer): when several
-- instances start at once, exactly one key wins and every instance signs with it.
-- KEYS[1]: queue:keys (hash kid -> private JWK JSON), KEYS[2]: queue:keys:current (kid). ARGV: kid, JWK JSON
-- Returns the current kid.
if redis.call('SET', KEYS[2], ARGV[1], 'NX') then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
  return ARGV[1]
end
return redis.call('GET', KEYS[2])
