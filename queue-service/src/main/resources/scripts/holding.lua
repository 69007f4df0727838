-- The token's holder now holds a seat: the slot is kept while the hold lasts, however long they take to pay, so
-- the token leaves the ACTIVE idle tracking. The hold's end (PAID or HOLD_EXPIRED) ends the token anyway.
-- ARGV: tokenId. Returns 1 when the token was tracked.
local concert_id = redis.call('HGET', token_key(ARGV[1]), 'concertId')
if not concert_id then
  return 0
end
return redis.call('ZREM', line_key(concert_id, 'active-seen'), ARGV[1])
