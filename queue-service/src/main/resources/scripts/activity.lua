-- Requests made with ACTIVE tokens, as the gateways report them in batches: each is a sign of life that keeps
-- the slot (see the ACTIVE idle timeout in admit.lua). XX: only tokens still tracked (ACTIVE and holding no seat)
-- are touched; GT: a late or repeated report never moves a last request back.
-- ARGV: tokenId, at (ms), tokenId, at (ms), ...
-- Returns how many tracked tokens were updated.
local updated = 0
for i = 1, #ARGV, 2 do
  local token_id, at = ARGV[i], ARGV[i + 1]
  local concert_id = redis.call('HGET', token_key(token_id), 'concertId')
  if concert_id then
    updated = updated + redis.call('ZADD', line_key(concert_id, 'active-seen'), 'XX', 'GT', 'CH', at, token_id)
  end
end
return updated
