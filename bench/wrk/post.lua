-- wrk script: POST the body in env BODY_FILE with the headers every client sends.
local f = assert(io.open(os.getenv("BODY_FILE"), "r"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Forwarded-For"] = "193.99.144.80"
