-- wrk script for benchmarks/load.sh: optional HTTP pipelining and a one-line machine-readable result.
--   wrk ... -s plaintext.lua URL            one request per round trip
--   wrk ... -s plaintext.lua URL -- 16      16 requests written back to back per round trip
-- done() prints: RESULT requests=N duration_us=N p50_us=N p99_us=N connect=N read=N write=N status=N timeout=N

init = function(args)
   local depth = tonumber(args[1]) or 1
   if depth > 1 then
      local batch = {}
      for i = 1, depth do
         batch[i] = wrk.format(nil, wrk.path)
      end
      local pipelined = table.concat(batch)
      request = function()
         return pipelined
      end
   end
end

done = function(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d connect=%d read=%d write=%d status=%d timeout=%d\n",
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
      e.connect, e.read, e.write, e.status, e.timeout))
end
