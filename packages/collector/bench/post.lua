-- wrk: POST a valid submission with a new, time-ordered (v7-shaped) id each time.
local counter = 0
local prefix

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
  prefix = string.format("%08x", math.random(0, 0x7fffffff))
end

function request()
  counter = counter + 1
  local id = string.format("%s-0000-7000-8000-%012x", prefix, counter)
  local body = '{"id":"' .. id .. '","serviceId":"demo-dienst","rating":' .. (counter % 5 + 1) ..
    ',"lang":"nl"}'
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end
