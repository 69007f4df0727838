-- Ends a live token because of an event elsewhere (PAID, HOLD_EXPIRED). Idempotent: a token that already ended
-- stays as it is and nothing is announced again.
-- KEYS[1]: the outbox stream. ARGV: tokenId, userId, reason, now (ms), retention (ms), the caller's W3C
-- traceparent ('' outside a trace), stored with the TokenExpired entry
-- Returns 'EXPIRED' | 'ALREADY_ENDED' | 'NOT_THE_HOLDER'.
local token_id, user_id, reason = ARGV[1], ARGV[2], ARGV[3]
local now, retention_ms, trace_parent = tonumber(ARGV[4]), tonumber(ARGV[5]), ARGV[6]

local holder = redis.call('HGET', token_key(token_id), 'userId')
if not holder then
  return 'ALREADY_ENDED'
end
if holder ~= user_id then
  return 'NOT_THE_HOLDER'
end
if end_token(KEYS[1], token_id, reason, now, retention_ms, trace_parent) then
  return 'EXPIRED'
end
return 'ALREADY_ENDED'
