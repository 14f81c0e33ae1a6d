-- Prints wrk's figures on one line the site benchmark reads, with exact numbers (wrk's own
-- summary rounds them). Defines no request or response function, so wrk keeps its fast path.

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "wrk-result requests=%d duration_us=%d bytes=%d p50_us=%d p99_us=%d max_us=%d "
      .. "status_errors=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(99), latency.max,
    errors.status, errors.connect, errors.read, errors.write, errors.timeout))
end
