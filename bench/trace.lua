-- wrk script replaying a trace: one URL path per line of the file given after "--".
--   wrk -t2 -c8 -d10s -s bench/trace.lua http://127.0.0.1:8000 -- /tmp/trace.txt
-- Each thread starts at its own place in the trace and goes round it in order.

local threads = 0

function setup(thread)
  thread:set("number", threads)
  threads = threads + 1
end

local paths = {}
local position = 0

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  if #paths == 0 then
    error("empty trace: " .. args[1])
  end
  position = ((number or 0) * 7919) % #paths
end

function request()
  position = position % #paths + 1
  return wrk.format(nil, paths[position])
end
