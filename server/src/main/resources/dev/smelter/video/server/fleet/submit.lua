-- Queues a new job: its record, its place in the listing, its stream entry, and the idempotency key.
-- KEYS: job, jobs, idempotency (or job), queue stream, priorities.
-- ARGV: id, json, created ms, priority, group, idempotent?, job key prefix, requirement class, stream member.
-- Returns the id of the job now holding the idempotency key (another one: nothing was written).
if ARGV[6] == '1' then
  local existing = redis.call('GET', KEYS[3])
  if existing and redis.call('EXISTS', ARGV[7] .. existing) == 1 then return existing end
  redis.call('SET', KEYS[3], ARGV[1])
end
redis.call('HSET', KEYS[1], 'json', ARGV[2], 'v', 1, 'status', 'queued', 'priority', ARGV[4], 'class', ARGV[8])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
redis.call('ZADD', KEYS[5], ARGV[4], ARGV[9])
redis.pcall('XGROUP', 'CREATE', KEYS[4], ARGV[5], '0', 'MKSTREAM')
redis.call('HSET', KEYS[1], 'entry', redis.call('XADD', KEYS[4], '*', 'job', ARGV[1]))
return ARGV[1]
