-- Shared by the queue scripts: QueueScripts puts this file in front of each of them, so the key layout, the
-- event entries and "end a token" are defined once. Redis runs a script atomically, so a state change and the
-- outbox entry that announces it are written together or not at all. Redis 6.2 commands only.
--
-- Per token:   queue:token:<tokenId>          hash   userId, concertId, status, joinedAt, activatedAt,
--                                                    activeUntil, expiredAt, reason (times in epoch ms)
-- Per user:    queue:user:<concertId>:<userId> string the user's live token for that concert
-- Per concert: queue:concert:<id>:waiting     zset   WAITING tokens scored by join sequence (ZRANK = place)
--              queue:concert:<id>:keep-until  zset   WAITING tokens scored by when their place is lost unless they
--                                                    poll again (ms): last poll + the allowed silence
--              queue:concert:<id>:active      zset   ACTIVE tokens scored by the end of their ACTIVE time (ms)
--              queue:concert:<id>:active-seen zset   ACTIVE tokens holding no seat, by their last request (ms)
--              queue:concert:<id>:rate        hash   measured admissions per second (see admit.lua)
-- Global:      queue:concerts                 set    concerts with anyone WAITING or ACTIVE
--              queue:join-seq                 string the join sequence (INCR)
--              queue:admission:signal         hash   booking-path reports since the last control step: reports,
--                                                    requests, shed, latencyMs (worst); lastReportAt (ms)
--              queue:admission:control        hash   the admission limit: limit, reason, step, steppedAt (ms)
-- The outbox stream's name is passed in as KEYS[1] by the scripts that announce events.
-- Keys are derived here rather than all passed in KEYS: the service runs against one Redis, not a cluster.

local function token_key(token_id)
  return 'queue:token:' .. token_id
end

local function user_key(concert_id, user_id)
  return 'queue:user:' .. concert_id .. ':' .. user_id
end

local function line_key(concert_id, part)
  return 'queue:concert:' .. concert_id .. ':' .. part
end

local CONCERTS = 'queue:concerts'
local JOIN_SEQUENCE = 'queue:join-seq'
local ADMISSION_SIGNAL = 'queue:admission:signal'
local ADMISSION_CONTROL = 'queue:admission:control'

-- Lua numbers are doubles: write integers without an exponent.
local function int(n)
  return string.format('%.0f', n)
end

local function from_hex(hex)
  return (hex:gsub('..', function(pair) return string.char(tonumber(pair, 16)) end))
end

-- Event ids are name-based UUIDs (RFC 4122 version 5: SHA-1 of a namespace and a name) of the token and the
-- event type. A token activates at most once and expires at most once, so each id is unique, and an event that
-- is relayed twice carries the same id both times: consumers deduplicate on it.
local EVENT_NAMESPACE = from_hex('6a1f4c2e9b3d4e5f8a7b0c1d2e3f4a5b')

local function event_id(token_id, event_type)
  local h = redis.sha1hex(EVENT_NAMESPACE .. token_id .. ':' .. event_type)
  local variant = string.format('%x', 8 + tonumber(h:sub(17, 17), 16) % 4)
  return h:sub(1, 8) .. '-' .. h:sub(9, 12) .. '-5' .. h:sub(14, 16) .. '-' .. variant .. h:sub(18, 20)
      .. '-' .. h:sub(21, 32)
end

-- joined_at: when the token joined its line (ms), nil for a token written before tokens kept it.
-- A token's later moment ('now' of the caller's clock) never before its join (joined_at, as stored; nil when the
-- token predates the field): clocks of instances and of a cycle begun before a join landed differ by a few ms, and
-- an event saying a token ended or was admitted before it joined is refused by every reader (TokenActivated,
-- TokenExpired).
local function not_before(now, joined_at)
  local joined = tonumber(joined_at)
  if joined and joined > now then
    return joined
  end
  return now
end

local function announce_activated(outbox, token_id, user_id, concert_id, at, active_until, joined_at)
  local fields = {'type', 'TokenActivated', 'eventId', event_id(token_id, 'TokenActivated'),
      'tokenId', token_id, 'userId', user_id, 'concertId', concert_id, 'at', int(at),
      'expiresAt', int(active_until)}
  if tonumber(joined_at) then
    fields[#fields + 1] = 'joinedAt'
    fields[#fields + 1] = int(tonumber(joined_at))
  end
  redis.call('XADD', outbox, '*', unpack(fields))
end

-- trace_parent: the W3C traceparent of the change, so the relay publishes the event in its trace; nil or '' when
-- there is none (admission's own expiries), and the entry then has no such field.
-- joined_at as for announce_activated.
local function announce_expired(outbox, token_id, user_id, concert_id, reason, at, trace_parent, joined_at)
  local fields = {'type', 'TokenExpired', 'eventId', event_id(token_id, 'TokenExpired'),
      'tokenId', token_id, 'userId', user_id, 'concertId', concert_id, 'reason', reason, 'at', int(at)}
  if tonumber(joined_at) then
    fields[#fields + 1] = 'joinedAt'
    fields[#fields + 1] = int(tonumber(joined_at))
  end
  if trace_parent and trace_parent ~= '' then
    fields[#fields + 1] = 'traceparent'
    fields[#fields + 1] = trace_parent
  end
  redis.call('XADD', outbox, '*', unpack(fields))
end

-- Ends a live token for good: out of its line, EXPIRED with its reason, announced on the outbox (in the trace
-- trace_parent names, if any). Returns false, changing nothing, when the token is not live (unknown, or ended before).
local function end_token(outbox, token_id, reason, now, retention_ms, trace_parent)
  local key = token_key(token_id)
  local token = redis.call('HMGET', key, 'userId', 'concertId', 'status', 'joinedAt')
  local user_id, concert_id, status = token[1], token[2], token[3]
  if status ~= 'WAITING' and status ~= 'ACTIVE' then
    return false
  end
  redis.call('ZREM', line_key(concert_id, 'waiting'), token_id)
  redis.call('ZREM', line_key(concert_id, 'keep-until'), token_id)
  redis.call('ZREM', line_key(concert_id, 'active'), token_id)
  redis.call('ZREM', line_key(concert_id, 'active-seen'), token_id)
  local expired_at = not_before(now, token[4])
  redis.call('HSET', key, 'status', 'EXPIRED', 'reason', reason, 'expiredAt', int(expired_at))
  redis.call('PEXPIRE', key, retention_ms)
  local holder = user_key(concert_id, user_id)
  if redis.call('GET', holder) == token_id then
    redis.call('DEL', holder)
  end
  announce_expired(outbox, token_id, user_id, concert_id, reason, expired_at, trace_parent, token[4])
  return true
end

-- How long the WAITING client at 'position' may stay silent (ms): the idle timeout, or longer where polling within
-- it would break the poll budget. Clients are told to poll no more often than every ceil(c * position) s with
-- c = (1 + ln waiting) / budget, at most every 'longest_poll_s' (QueuePolicy.budgetPollSeconds), so the whole line
-- polls at most 'budget' times a second unless it is very long; their place lasts three such periods.
local function allowed_silence(position, waiting_count, idle_ms, poll_budget, longest_poll_s)
  local per_position = (1 + math.log(math.max(1, waiting_count))) / poll_budget
  return math.max(idle_ms, 3000 * math.min(longest_poll_s, math.ceil(position * per_position)))
end

-- The concert's measured admissions per second as text, or '' before the first measurement.
local function measured_rate(concert_id)
  return redis.call('HGET', line_key(concert_id, 'rate'), 'perSecond') or ''
end

