-- Where a token stands; a WAITING token's holder is seen alive now, which keeps the place.
-- ARGV: tokenId, userId, concertId, now (ms), idle timeout (ms), retention (ms), poll budget (polls/s),
--       longest time between polls (s)
-- Returns {'WAITING', position, '', rate or '', waiting} | {'ACTIVE', 0, activeUntil, ''} | {'ENDED'} | {'UNKNOWN'}.
local token_id, user_id, concert_id = ARGV[1], ARGV[2], ARGV[3]
local now, idle_ms, retention_ms = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local poll_budget, longest_poll_s = tonumber(ARGV[7]), tonumber(ARGV[8])
local key = token_key(token_id)

local token = redis.call('HMGET', key, 'userId', 'concertId', 'status', 'activeUntil')
if token[1] ~= user_id or token[2] ~= concert_id then
  return {'UNKNOWN'}
end
if token[3] == 'ACTIVE' then
  if tonumber(token[4]) > now then
    -- Polling is a request too: XX, so a token holding a seat (not idle-tracked) stays untracked.
    redis.call('ZADD', line_key(concert_id, 'active-seen'), 'XX', 'GT', now, token_id)
    return {'ACTIVE', 0, token[4], ''}
  end
  return {'ENDED'}
end
if token[3] ~= 'WAITING' then
  return {'ENDED'}
end

local keep_until = line_key(concert_id, 'keep-until')
local kept_until = redis.call('ZSCORE', keep_until, token_id)
local waiting = line_key(concert_id, 'waiting')
local rank = redis.call('ZRANK', waiting, token_id)
-- Idle too long: the place is lost even before the next admission cycle sweeps it (and announces it).
if not kept_until or not rank or tonumber(kept_until) < now then
  return {'ENDED'}
end
local waiting_count = redis.call('ZCARD', waiting)
-- GT: instances' clocks differ a little; a sign of life never moves the deadline back.
redis.call('ZADD', keep_until, 'XX', 'GT',
    now + allowed_silence(rank + 1, waiting_count, idle_ms, poll_budget, longest_poll_s), token_id)
redis.call('PEXPIRE', key, retention_ms)
local holder = user_key(concert_id, user_id)
if redis.call('GET', holder) == token_id then
  redis.call('PEXPIRE', holder, retention_ms)
end
return {'WAITING', rank + 1, '', measured_rate(concert_id), waiting_count}
