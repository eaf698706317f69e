-- Reserves the first output name no unfinished job holds (OutputNames): a name is held while its
-- holder's record says it is unfinished, or has no record yet (being submitted right now).
-- ARGV: job id, name key prefix, job key prefix, ttl ms, candidates.... Returns the name reserved.
for i = 5, #ARGV do
  local key = ARGV[2] .. ARGV[i]
  local holder = redis.call('GET', key)
  local busy = false
  if holder and holder ~= ARGV[1] then
    local st = redis.call('HGET', ARGV[3] .. holder, 'status')
    busy = (not st) or (st ~= 'completed' and st ~= 'failed' and st ~= 'cancelled')
  end
  if not busy then
    redis.call('SET', key, ARGV[1], 'PX', ARGV[4])
    return ARGV[i]
  end
end
return ARGV[#ARGV]
