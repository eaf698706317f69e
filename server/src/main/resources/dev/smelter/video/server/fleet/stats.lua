-- The status of every job record, dropping ids whose record expired.
-- KEYS: jobs. ARGV: namespace. Returns one status per job.
local ids = redis.call('ZRANGE', KEYS[1], 0, -1)
local out = {}
for _, id in ipairs(ids) do
  local s = redis.call('HGET', ARGV[1] .. 'job:' .. id, 'status')
  if s then out[#out + 1] = s else redis.call('ZREM', KEYS[1], id) end
end
return out
