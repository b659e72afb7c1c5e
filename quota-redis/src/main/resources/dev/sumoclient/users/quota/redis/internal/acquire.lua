-- Grants one request under a quota group and an access id, atomically, on the server's clock.
--
-- KEYS[1]  rate log of the group: sorted set, member = lease id, score = when the request was
--          stamped (microseconds of Redis's TIME)
-- KEYS[2]  in-flight leases of the access id: sorted set, member = lease id, score = when the
--          lease expires (microseconds)
-- ARGV[1]  lease id (unique per permit)
-- ARGV[2]  requests allowed per window
-- ARGV[3]  window, microseconds (Sumo's second plus the guard)
-- ARGV[4]  requests allowed in flight per access id
-- ARGV[5]  lease, microseconds
--
-- Returns {1, 0, now} when granted; {0, 1, micros} when the in-flight cap is full (micros until
-- the earliest lease expires); {0, 2, micros} when the rate window is full (micros until its
-- oldest stamp leaves the window).
local function keep_for(key, millis)
  -- Only ever lengthens a key's life, so that clients configured with a longer window or lease
  -- never lose entries to one configured with a shorter one.
  if redis.call('PTTL', key) < millis then
    redis.call('PEXPIRE', key, millis)
  end
end

local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local window = tonumber(ARGV[3])
local lease = tonumber(ARGV[5])

-- Leases past their expiry belong to holders that died or lost Redis: their permits come back.
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[4]) then
  local first = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  return {0, 1, tonumber(first[2]) - now}
end

redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, 2, tonumber(oldest[2]) + window - now}
end

redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZADD', KEYS[2], now + lease, ARGV[1])
-- Idle groups and access ids leave nothing behind.
keep_for(KEYS[1], math.floor(window / 1000) + 1000)
keep_for(KEYS[2], math.floor(lease / 1000) + 1000)
return {1, 0, now}
