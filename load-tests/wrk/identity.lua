-- Shared by the wrk scripts: the headers a client of the real gateway sends, and those the gateway would add.
-- Authorization: Bearer $TOKEN when TOKEN is set. When $TOKEN_ID is set, also X-User-Id / X-Concert-Id / X-Token-Id
-- ($USER_ID, $CONCERT_ID, $TOKEN_ID): what the real gateway sets from a verified token (docs/queue-tokens.md), for
-- runs against a service directly or through the bare gateway, which forwards them as they are. The real gateway
-- drops client-sent identity headers, so bench.sh sends none to it.
local identity = {}

function identity.apply(headers)
  local token = os.getenv("TOKEN")
  if token ~= nil and token ~= "" then
    headers["Authorization"] = "Bearer " .. token
  end
  local token_id = os.getenv("TOKEN_ID")
  if token_id ~= nil and token_id ~= "" then
    headers["X-User-Id"] = os.getenv("USER_ID")
    headers["X-Concert-Id"] = os.getenv("CONCERT_ID")
    headers["X-Token-Id"] = token_id
  end
end

return identity
