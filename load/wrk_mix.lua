-- One endpoint group of `make load`. scripts/load.py writes `requests` above this line: a list of
-- {method, path, headers, body}, sent in turn on every connection, back to back.
--
-- wrk keeps one latency distribution per process, so scripts/load.py runs one wrk per group, all
-- at once, and each prints one RESULT line of JSON for its group. (Packet downloads are paced and
-- are sent from Python instead: a paced wrk connection is opened early and held idle until its
-- next request is due, which ties up a sync worker the whole time.)

local threads = {}
local counter = 0
local prepared = {}
-- The answers cookie as a browser keeps it: the one the server last set on this thread's
-- connections. (Sending the first cookie forever made the server refresh an ageing cookie on
-- every request, an encryption no browser would ever cause: webapp/session_cookie.py.)
local cookie = nil

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok, limited, client_errors, server_errors = 0, 0, 0, 0
  for i, r in ipairs(requests) do
    prepared[i] = wrk.format(r.method, r.path, r.headers, r.body)
  end
end

function request()
  counter = counter + 1
  local i = (counter - 1) % #prepared + 1
  local r = requests[i]
  if cookie == nil or r.headers["Cookie"] == nil then
    return prepared[i]
  end
  local headers = {}
  for name, value in pairs(r.headers) do
    headers[name] = value
  end
  headers["Cookie"] = cookie
  return wrk.format(r.method, r.path, headers, r.body)
end

function response(status, headers, body)
  local set = headers["Set-Cookie"]
  if set then
    local value = set:match("^(crr=[^;]+)")
    if value then
      cookie = value
    end
  end
  if status == 429 then
    limited = limited + 1
  elseif status >= 500 then
    server_errors = server_errors + 1
  elseif status >= 400 then
    client_errors = client_errors + 1
  else
    ok = ok + 1
  end
end

function done(summary, latency, requests)
  local totals = { ok = 0, limited = 0, client_errors = 0, server_errors = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do
      totals[name] = totals[name] + thread:get(name)
    end
  end
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, ' ..
    '"ok": %d, "limited": %d, "client_errors": %d, "server_errors": %d, "socket_errors": %d, "timeouts": %d}\n',
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    totals.ok, totals.limited, totals.client_errors, totals.server_errors,
    e.connect + e.read + e.write, e.timeout))
end
