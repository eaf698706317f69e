-- Moves due retries from the schedule to their stream (at most 50 a call).
-- KEYS: delayed. ARGV: now ms, namespace, group. Returns how many were due.
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 50)
for _, id in ipairs(due) do
  redis.call('ZREM', KEYS[1], id)
  local key = ARGV[2] .. 'job:' .. id
  if redis.call('HGET', key, 'status') == 'queued' then
    local p = redis.call('HGET', key, 'priority')
    local c = redis.call('HGET', key, 'class')
    local member = p
    if c and c ~= '' then member = p .. ':' .. c end
    local stream = ARGV[2] .. 'queue:' .. member
    redis.call('ZADD', ARGV[2] .. 'priorities', p, member)
    redis.pcall('XGROUP', 'CREATE', stream, ARGV[3], '0', 'MKSTREAM')
    redis.call('HSET', key, 'entry', redis.call('XADD', stream, '*', 'job', id))
  end
end
return #due
