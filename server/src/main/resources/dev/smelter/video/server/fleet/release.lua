-- Deletes a key only while it still names its holder (an output name, a webhook lease).
-- KEYS: the key. ARGV: holder. Returns 1 when deleted.
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
