-- Joins a concert's line, or finds the user's live token for it (same token, same place).
-- ARGV: concertId, userId, newTokenId, now (ms), idle timeout (ms), retention (ms), poll budget (polls/s),
--       longest time between polls (s)
-- Returns {tokenId, status, position, activeUntil or '', measured rate or '', 1 if a new place else 0, waiting}.
local concert_id, user_id, new_token_id = ARGV[1], ARGV[2], ARGV[3]
local now, idle_ms, retention_ms = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local poll_budget, longest_poll_s = tonumber(ARGV[7]), tonumber(ARGV[8])
local waiting, keep_until = line_key(concert_id, 'waiting'), line_key(concert_id, 'keep-until')
local holder = user_key(concert_id, user_id)

local existing = redis.call('GET', holder)
if existing then
  local token = redis.call('HMGET', token_key(existing), 'status', 'activeUntil')
  if token[1] == 'WAITING' then
    local kept_until = redis.call('ZSCORE', keep_until, existing)
    local rank = redis.call('ZRANK', waiting, existing)
    -- A place not yet swept but idle too long is lost all the same: the user gets a new one below.
    if kept_until and rank and tonumber(kept_until) >= now then
      local waiting_count = redis.call('ZCARD', waiting)
      redis.call('ZADD', keep_until, 'XX', 'GT',
          now + allowed_silence(rank + 1, waiting_count, idle_ms, poll_budget, longest_poll_s), existing)
      redis.call('PEXPIRE', token_key(existing), retention_ms)
      redis.call('PEXPIRE', holder, retention_ms)
      return {existing, 'WAITING', rank + 1, '', measured_rate(concert_id), 0, waiting_count}
    end
  elseif token[1] == 'ACTIVE' and tonumber(token[2]) > now then
    return {existing, 'ACTIVE', 0, token[2], '', 0, 0}
  end
end

local sequence = redis.call('INCR', JOIN_SEQUENCE)
local key = token_key(new_token_id)
redis.call('HSET', key, 'userId', user_id, 'concertId', concert_id, 'status', 'WAITING', 'joinedAt', int(now))
redis.call('PEXPIRE', key, retention_ms)
redis.call('ZADD', waiting, sequence, new_token_id)
local waiting_count = redis.call('ZCARD', waiting)
local position = redis.call('ZRANK', waiting, new_token_id) + 1
redis.call('ZADD', keep_until,
    now + allowed_silence(position, waiting_count, idle_ms, poll_budget, longest_poll_s), new_token_id)
redis.call('SET', holder, new_token_id, 'PX', retention_ms)
redis.call('SADD', CONCERTS, concert_id)
return {new_token_id, 'WAITING', position, '', measured_rate(concert_id), 1, waiting_count}
