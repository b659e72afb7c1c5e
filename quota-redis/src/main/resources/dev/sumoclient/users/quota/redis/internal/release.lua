-- Gives an in-flight permit back when its response has arrived, and dates the request no earlier
-- than that: Sumo counted it on arrival, which came before the response, so a stamp at the
-- response (capped, for slow calls) is never earlier than Sumo's.
--
-- KEYS[1]  rate log of the group
-- KEYS[2]  in-flight leases of the access id
-- ARGV[1]  lease id
-- ARGV[2]  the most a stamp moves later, microseconds
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
redis.call('ZREM', KEYS[2], ARGV[1])
local stamp = redis.call('ZSCORE', KEYS[1], ARGV[1])
if stamp then
  local later = math.min(now, tonumber(stamp) + tonumber(ARGV[2]))
  -- XX: never brings back a stamp that left the window. GT: never moves one earlier.
  redis.call('ZADD', KEYS[1], 'XX', 'GT', later, ARGV[1])
end
return 1
