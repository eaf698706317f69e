-- Extends a lease only while it still names its holder.
-- KEYS: the lease. ARGV: holder, ttl ms. Returns 1 when extended.
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
