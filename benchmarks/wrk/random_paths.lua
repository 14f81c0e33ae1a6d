-- Requests for addresses nobody should rely on: unknown council slugs, version numbers that do
-- not exist (0, past the last one, past what a database integer holds), comparisons in the wrong
-- order, dates in the future or malformed. Counts the answers by status; a 5xx is a bug.
--
-- wrk ... -s random_paths.lua http://127.0.0.1:PORT -- <councils> <versions>

local threads = {}
local counter = 0

setup = function(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

init = function(args)
  councils = tonumber(args[1]) or 400
  versions = tonumber(args[2]) or 10
  math.randomseed(os.time() * 100 + id)
  s2xx, s3xx, s404, s4xx, s5xx = 0, 0, 0, 0, 0
end

local letters = "abcdefghijklmnopqrstuvwxyz-0123456789"

local function random_slug()
  local characters = {}
  for i = 1, math.random(1, 40) do
    local at = math.random(1, #letters)
    characters[i] = letters:sub(at, at)
  end
  return table.concat(characters)
end

local function version_number()
  local choices = { 0, versions + 1, 2147483648, 99999999999999999999, math.random(1, versions) }
  return string.format("%.0f", choices[math.random(1, #choices)])
end

local function real_notice()
  return "/councils/synthetic-council-" .. math.random(1, councils) .. "/childrens-social-care/"
end

request = function()
  local pick = math.random(1, 8)
  local path
  if pick == 1 then
    path = "/councils/" .. random_slug() .. "/childrens-social-care/"
  elseif pick == 2 then
    path = "/councils/" .. random_slug() .. "/"
  elseif pick == 3 then
    path = "/councils/synthetic-council-" .. (councils + math.random(1, 100000)) .. "/feed/"
  elseif pick == 4 or pick == 5 then
    path = real_notice() .. "versions/" .. version_number() .. "/"
  elseif pick == 6 then
    path = real_notice() .. "compare/" .. version_number() .. "..." .. version_number() .. "/"
  elseif pick == 7 then
    local dates = { "2999-01-01", "2024-02-30", "yesterday", "1900-01-01", "2025-13-01" }
    path = real_notice() .. "?at=" .. dates[math.random(1, #dates)]
  else
    path = real_notice() .. "versions/" .. version_number() .. ".jsonld"
  end
  return wrk.format("GET", path)
end

response = function(status, headers, body)
  if status >= 500 then
    s5xx = s5xx + 1
  elseif status == 404 then
    s404 = s404 + 1
  elseif status >= 400 then
    s4xx = s4xx + 1
  elseif status >= 300 then
    s3xx = s3xx + 1
  else
    s2xx = s2xx + 1
  end
end

done = function(summary, latency, requests)
  local totals = { s2xx = 0, s3xx = 0, s404 = 0, s4xx = 0, s5xx = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do
      totals[name] = totals[name] + thread:get(name)
    end
  end
  local errors = summary.errors
  io.write(string.format(
    "wrk-result requests=%d duration_us=%d bytes=%d p50_us=%d p99_us=%d max_us=%d "
      .. "status_errors=%d connect=%d read=%d write=%d timeout=%d "
      .. "s2xx=%d s3xx=%d s404=%d s4xx=%d s5xx=%d\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(99), latency.max,
    errors.status, errors.connect, errors.read, errors.write, errors.timeout,
    totals.s2xx, totals.s3xx, totals.s404, totals.s4xx, totals.s5xx))
end
