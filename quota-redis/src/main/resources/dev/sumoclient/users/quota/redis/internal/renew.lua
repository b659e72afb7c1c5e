-- Extends the leases this JVM still holds under one access id, so that a long call keeps its permit.
--
-- KEYS[1]  in-flight leases of the access id
-- ARGV[1]  lease, microseconds
-- ARGV[2..] lease ids
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local lease = tonumber(ARGV[1])
local renewed = 0
for i = 2, #ARGV do
  -- XX: a lease that expired, was released, or vanished with a Redis restart is not recreated.
  renewed = renewed + redis.call('ZADD', KEYS[1], 'XX', 'CH', now + lease, ARGV[i])
end
if renewed > 0 and redis.call('PTTL', KEYS[1]) < math.floor(lease / 1000) + 1000 then
  redis.call('PEXPIRE', KEYS[1], math.floor(lease / 1000) + 1000)
end
return renewed
