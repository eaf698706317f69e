-- Compare-and-set of a job record with the stream work of its transition.
-- KEYS: job, delayed, queue stream (of the job's priority and class), priorities, idempotency (or
-- job), errors, dead letters.
-- ARGV: expected version, json, status, ttl s, ack?, group, enqueue (''|now|later), due ms, id,
-- priority, owner (''=keep, '-'=clear), error line, dead?, attempts, error, stream member.
-- Returns the new version; -2: no record; -1: the version changed meanwhile.
local v = redis.call('HGET', KEYS[1], 'v')
if not v then return -2 end
if v ~= ARGV[1] then return -1 end
local nv = tonumber(v) + 1
redis.call('HSET', KEYS[1], 'json', ARGV[2], 'status', ARGV[3], 'v', nv)
if ARGV[11] == '-' then redis.call('HDEL', KEYS[1], 'owner')
elseif ARGV[11] ~= '' then redis.call('HSET', KEYS[1], 'owner', ARGV[11]) end
if ARGV[5] == '1' then
  local entry = redis.call('HGET', KEYS[1], 'entry')
  if entry then
    redis.call('XACK', KEYS[3], ARGV[6], entry)
    redis.call('XDEL', KEYS[3], entry)
    redis.call('HDEL', KEYS[1], 'entry')
  end
  redis.call('ZREM', KEYS[2], ARGV[9])
end
if ARGV[7] == 'now' then
  redis.call('ZADD', KEYS[4], ARGV[10], ARGV[16])
  redis.pcall('XGROUP', 'CREATE', KEYS[3], ARGV[6], '0', 'MKSTREAM')
  redis.call('HSET', KEYS[1], 'entry', redis.call('XADD', KEYS[3], '*', 'job', ARGV[9]))
elseif ARGV[7] == 'later' then
  redis.call('ZADD', KEYS[2], ARGV[8], ARGV[9])
end
if ARGV[12] ~= '' then redis.call('RPUSH', KEYS[6], ARGV[12]) end
if ARGV[13] == '1' then
  redis.call('XADD', KEYS[7], 'MAXLEN', '~', 10000, '*', 'job', ARGV[9], 'attempts', ARGV[14], 'error', ARGV[15],
    'errors', cjson.encode(redis.call('LRANGE', KEYS[6], 0, -1)))
end
local ttl = tonumber(ARGV[4])
for _, k in ipairs({KEYS[1], KEYS[5], KEYS[6]}) do
  if ttl > 0 then redis.call('EXPIRE', k, ttl) else redis.call('PERSIST', k) end
end
return nv
