-- Makes a new signing key current and keeps the previous one (now marked with its expiry) for verification.
-- Compare-and-set on the current pointer: of two rotations racing, one wins and the other tries again.
-- KEYS[1]: queue:keys, KEYS[2]: queue:keys:current. ARGV: expected current kid, its JWK JSON with an expiry,
-- new kid, new JWK JSON. Returns 1 when rotated, 0 when the current key was no longer the expected one.
if redis.call('GET', KEYS[2]) ~= ARGV[1] then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4])
redis.call('SET', KEYS[2], ARGV[3])
return 1
