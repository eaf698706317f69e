-- Removes consumers that crashed: nothing pending (their entries were taken over), idle for
-- reclaimAfter, and no registry entry (it expired). Atomic, so no read can slip in between the
-- check and the removal; a live API node with slots (not in the registry) that gets removed is
-- added again by its next read.
-- KEYS: stream. ARGV: group, min idle ms, worker key prefix. Returns how many went.
local removed = 0
for _, c in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
  local f = {}
  for i = 1, #c, 2 do f[c[i]] = c[i + 1] end
  if f['pending'] == 0 and f['idle'] >= tonumber(ARGV[2]) and redis.call('EXISTS', ARGV[3] .. f['name']) == 0 then
    redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], f['name'])
    removed = removed + 1
  end
end
return removed
