-- Makes the next signing key (published since it was made) current, keeps the previous one (now marked with its
-- expiry) for verification, and publishes a new next key.
-- Compare-and-set on both pointers: of two rotations racing, one wins and the other tries again.
-- KEYS[1]: queue:keys, KEYS[2]: queue:keys:current, KEYS[3]: queue:keys:next. ARGV: expected current kid, its JWK
-- JSON with an expiry, expected next kid, new next kid, new next JWK JSON. Returns 1 when rotated, 0 when the
-- current or the next key was no longer the expected one.
if redis.call('GET', KEYS[2]) ~= ARGV[1] or redis.call('GET', KEYS[3]) ~= ARGV[3] then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2], ARGV[4], ARGV[5])
redis.call('SET', KEYS[2], ARGV[3])
redis.call('SET', KEYS[3], ARGV[4])
return 1
