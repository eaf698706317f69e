-- Job records newest first, filtered by status, dropping ids whose record expired.
-- KEYS: jobs. ARGV: namespace, status ('' = any), offset, limit. Returns the records' JSON.
local ids = redis.call('ZREVRANGE', KEYS[1], 0, -1)
local out, skipped = {}, 0
local offset, limit = tonumber(ARGV[3]), tonumber(ARGV[4])
for _, id in ipairs(ids) do
  local h = redis.call('HMGET', ARGV[1] .. 'job:' .. id, 'status', 'json')
  if not h[1] then redis.call('ZREM', KEYS[1], id)
  elseif ARGV[2] == '' or h[1] == ARGV[2] then
    if skipped < offset then skipped = skipped + 1
    elseif #out < limit then out[#out + 1] = h[2] end
  end
end
return out
