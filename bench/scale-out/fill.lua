-- wrk script of bench/scale-out/run.sh: POST every body of BODIES_FILE (one JSON body per line) exactly once to
-- SUBMIT_PATH, the lines spread over the WRK_THREADS threads, and stop each thread once all its bodies are answered.
-- A connection that asks for a request after its thread has sent all its bodies gets a GET /__lbheartbeat__, which
-- is not counted, 100 ms later (delay), so that idle connections do not load the server. The first request() call
-- of each thread answers a heartbeat as well: wrk 4 calls it once on the first thread before the run, to verify the
-- script, and throws the answer away. done() prints "posted answered failed". wrk's main thread sleeps for the
-- whole -d even after every thread has stopped: helper.py submit interrupts it once the reports are queued.
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  local n = tonumber(os.getenv("WRK_THREADS"))
  local path = os.getenv("SUBMIT_PATH")
  local headers = { ["Content-Type"] = "application/json" }
  requests = {}
  local i = 0
  for line in io.lines(os.getenv("BODIES_FILE")) do
    if i % n == id then
      table.insert(requests, wrk.format("POST", path, headers, line))
    end
    i = i + 1
  end
  heartbeat = wrk.format("GET", "/__lbheartbeat__")
  sent, answered, failed, calls = 0, 0, 0, 0
end

function request()
  calls = calls + 1
  if calls > 1 and sent < #requests then
    sent = sent + 1
    return requests[sent]
  end
  return heartbeat
end

function delay()
  if sent < #requests then
    return 0
  end
  return 100
end

function response(status, headers, body)
  if body and string.find(body, '"status"', 1, true) then
    return -- a heartbeat
  end
  answered = answered + 1
  if status ~= 200 then
    failed = failed + 1
  end
  if answered >= #requests then
    wrk.thread:stop()
  end
end

function done(summary, latency, reqs)
  local posted, got, bad = 0, 0, 0
  for _, t in ipairs(threads) do
    posted = posted + t:get("sent")
    got = got + t:get("answered")
    bad = bad + t:get("failed")
  end
  io.write(string.format("%d %d %d\n", posted, got, bad))
end
