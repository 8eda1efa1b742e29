-- wrk script for tools/bench/run.sh: saves one section of an identity sheet as a person would. Each connection of a
-- thread alternates: open the section (GET: the form with its antiforgery token and the section's token, "Version"),
-- then post the form back as it was shown. The page answers a save with 302 (accepted), a stale section token with
-- 409 (refused: its form carries the stored token, posted next, as a person would after reading the message), an
-- invalid form with 422. wrk counts requests; the figures that matter here are printed by done():
--   saves <accepted> refused <409> invalid <422> other <anything else>
-- Usage: wrk -s tools/bench/section-save.lua -H "Cookie: ..." http://host/Profiles/<id>/HumanResources

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

-- Per thread (each has its Lua state): the last form read, waiting to be posted, and the counts.
local form = nil
saved, refused, invalid, other = 0, 0, 0, 0

-- English pages: the numbers are shown and read back with Western digits.
wrk.headers["Accept-Language"] = "en"

-- wrk runs LuaJIT (Lua 5.1): no utf8 library.
local function utf8_char(n)
  if n < 0x80 then return string.char(n) end
  if n < 0x800 then return string.char(0xC0 + math.floor(n / 0x40), 0x80 + n % 0x40) end
  if n < 0x10000 then return string.char(0xE0 + math.floor(n / 0x1000), 0x80 + math.floor(n / 0x40) % 0x40, 0x80 + n % 0x40) end
  return string.char(0xF0 + math.floor(n / 0x40000), 0x80 + math.floor(n / 0x1000) % 0x40, 0x80 + math.floor(n / 0x40) % 0x40, 0x80 + n % 0x40)
end

local function decode(s)
  s = s:gsub("&#x(%x+);", function(h) return utf8_char(tonumber(h, 16)) end)
  s = s:gsub("&#(%d+);", function(d) return utf8_char(tonumber(d)) end)
  return (s:gsub("&quot;", '"'):gsub("&lt;", "<"):gsub("&gt;", ">"):gsub("&#39;", "'"):gsub("&amp;", "&"))
end

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- The section's form (not the sign-out form of the menu), its fields as shown, url-encoded.
local function read_form(body)
  local path = wrk.path:gsub("[%-%.%+%[%]%(%)%$%^%%%?%*]", "%%%0")
  local inner = body:match('<form[^>]- action="' .. path .. '"[^>]*>(.-)</form>')
  if inner == nil then
    return nil
  end
  local pairs_ = {}
  for tag in inner:gmatch("<input[^>]*>") do
    local name = tag:match(' name="([^"]*)"')
    local kind = tag:match(' type="([^"]*)"') or "text"
    local checked = tag:find(" checked") ~= nil
    if name ~= nil and kind ~= "submit" and kind ~= "button" and ((kind ~= "checkbox" and kind ~= "radio") or checked) then
      table.insert(pairs_, encode(name) .. "=" .. encode(decode(tag:match(' value="([^"]*)"') or "")))
    end
  end
  for name, text in inner:gmatch('<textarea[^>]- name="([^"]*)"[^>]*>(.-)</textarea>') do
    table.insert(pairs_, encode(name) .. "=" .. encode(decode(text)))
  end
  return table.concat(pairs_, "&")
end

function request()
  if form ~= nil then
    local body = form
    form = nil
    local headers = {}
    for k, v in pairs(wrk.headers) do headers[k] = v end
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    return wrk.format("POST", wrk.path, headers, body)
  end
  return wrk.format("GET", wrk.path)
end

function response(status, headers, body)
  if status == 200 then
    form = read_form(body)
  elseif status == 302 then
    saved = saved + 1
  elseif status == 409 then
    refused = refused + 1
    form = read_form(body)
  elseif status == 422 then
    invalid = invalid + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local s, r, i, o = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    s = s + thread:get("saved")
    r = r + thread:get("refused")
    i = i + thread:get("invalid")
    o = o + thread:get("other")
  end
  io.write(string.format("saves %d refused %d invalid %d other %d\n", s, r, i, o))
end
