-- wrk script: upload one photo to POST /api/v1/analyze/image as multipart/form-data, over and over.
-- Usage (see docs/BENCHMARKS.md): PHOTO=path/to/photo.jpg wrk -t2 -c8 -d20s -s docs/serve-load.lua http://127.0.0.1:8000
local photo_path = os.getenv("PHOTO")
local file = assert(io.open(photo_path, "rb"), "set PHOTO to a photo file")
local data = file:read("*a")
file:close()
local boundary = "haski-load-boundary"
local name = photo_path:match("([^/]+)$")

wrk.method = "POST"
wrk.path = "/api/v1/analyze/image"
wrk.headers["Content-Type"] = "multipart/form-data; boundary=" .. boundary
wrk.body = "--" .. boundary .. "\r\n"
    .. "Content-Disposition: form-data; name=\"file\"; filename=\"" .. name .. "\"\r\n"
    .. "Content-Type: application/octet-stream\r\n\r\n"
    .. data .. "\r\n--" .. boundary .. "--\r\n"

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors (connect/read/write/timeout) %d/%d/%d/%d\n", summary.requests,
      summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("latency p50 %.1f ms, p99 %.1f ms\n", latency:percentile(50) / 1000,
      latency:percentile(99) / 1000))
end
