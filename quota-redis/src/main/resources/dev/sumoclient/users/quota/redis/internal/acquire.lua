-- Grants one request under a quota group and an access id, atomically, on the server's clock.
--
-- KEYS[1]  rate log of the group: sorted set, member = lease id, score = when the request was
--          stamped (microseconds of Redis's TIME)
-- KEYS[2]  in-flight leases of the access id: sorted set, member = lease id, score = when the
--          lease expires (microseconds)
-- KEYS[3]  the group's waiters in arrival order: sorted set, member = lease id, score = when it
--          first had to wait
-- KEYS[4]  when each waiter last asked: sorted set, member = lease id, score = microseconds
-- ARGV[1]  lease id (unique per permit; the same across one caller's attempts)
-- ARGV[2]  requests allowed per window
-- ARGV[3]  window, microseconds (Sumo's second plus the guard)
-- ARGV[4]  requests allowed in flight per access id
-- ARGV[5]  lease, microseconds
-- ARGV[6]  how long a waiter that stopped asking keeps its place, microseconds
--
-- Returns {1, 0, now} when granted; {0, 1, micros} when the in-flight cap is full (micros until
-- the earliest lease expires); {0, 2, micros} when the rate window is full, or its free places
-- belong to earlier waiters (micros until the oldest stamp leaves the window).
local function keep_for(key, millis)
  -- Only ever lengthens a key's life, so that clients configured with a longer window or lease
  -- never lose entries to one configured with a shorter one.
  if redis.call('PTTL', key) < millis then
    redis.call('PEXPIRE', key, millis)
  end
end

local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local lease_id = ARGV[1]
local requests = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
local lease = tonumber(ARGV[5])
local stale = tonumber(ARGV[6])

-- Leases past their expiry belong to holders that died or lost Redis: their permits come back.
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[4]) then
  local first = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  return {0, 1, tonumber(first[2]) - now}
end

-- Waiters that stopped asking (gave up, or died) leave the queue.
local gone = redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', now - stale)
for i = 1, #gone do
  redis.call('ZREM', KEYS[3], gone[i])
  redis.call('ZREM', KEYS[4], gone[i])
end

redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local used = redis.call('ZCARD', KEYS[1])
local ahead = redis.call('ZRANK', KEYS[3], lease_id)
if not ahead then
  ahead = redis.call('ZCARD', KEYS[3])
end
-- Free places go to the earliest waiters, in any JVM: a caller gets one only if fewer waiters
-- than free places are ahead of it.
if requests - used <= ahead then
  redis.call('ZADD', KEYS[3], 'NX', now, lease_id)
  redis.call('ZADD', KEYS[4], now, lease_id)
  keep_for(KEYS[3], math.floor(stale / 1000) + 1000)
  keep_for(KEYS[4], math.floor(stale / 1000) + 1000)
  local wait = 2000
  if used > 0 then
    local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
    wait = math.max(tonumber(oldest[2]) + window - now, 2000)
  end
  return {0, 2, wait}
end

redis.call('ZREM', KEYS[3], lease_id)
redis.call('ZREM', KEYS[4], lease_id)
redis.call('ZADD', KEYS[1], now, lease_id)
redis.call('ZADD', KEYS[2], now + lease, lease_id)
-- Idle groups and access ids leave nothing behind.
keep_for(KEYS[1], math.floor(window / 1000) + 1000)
keep_for(KEYS[2], math.floor(lease / 1000) + 1000)
return {1, 0, now}
