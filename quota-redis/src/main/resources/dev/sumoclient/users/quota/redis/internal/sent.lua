-- Re-stamps a granted request in its group's rate log with the time it was written, which is
-- later than the grant: Sumo counts a request when it arrives, so the later stamp is the closer one.
--
-- KEYS[1]  rate log of the group
-- ARGV[1]  lease id
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
-- XX: a stamp that already left the window (or a Redis restarted empty) is not brought back.
-- GT: never moves a stamp earlier.
return redis.call('ZADD', KEYS[1], 'XX', 'GT', now, ARGV[1])
