#!/usr/bin/env bash
# Raw HTTP ratios with wrk: queue join and token poll, through the gateway (8080) and straight against
# queue-service (8081), then a table of req/s, p50, p99 and the gateway/direct ratio: the price of the gateway hop.
# Needs a running stack started for benchmarking (load-tests/README.md), and wrk.
#   bash load-tests/bench.sh
# Bounded: every wrk run is -t2 -c64 -d15s (after a 5 s warm-up run of the same request), 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

GATEWAY_URL="${GATEWAY_URL:-http://127.0.0.1:8080}"
QUEUE_URL="${QUEUE_URL:-http://127.0.0.1:8081}"
THREADS=2
CONNECTIONS=64
DURATION=15s
WARMUP="${WARMUP:-5s}"
OUT="load-tests/target/wrk"

for url in "$GATEWAY_URL" "$QUEUE_URL"; do
  case "$url" in
    http://127.*|http://localhost[:/]*|http://localhost) ;;
    *) echo "Refusing $url: benchmarks only target this machine (http://127.0.0.1...)." >&2; exit 2 ;;
  esac
done

if ! command -v wrk >/dev/null 2>&1; then
  echo "wrk is not installed. Install it with:" >&2
  echo "  apt-get install -y wrk" >&2
  exit 1
fi
if ! curl -sf -m 5 -o /dev/null "$GATEWAY_URL/api/v1/concerts"; then
  echo "The gateway does not answer at $GATEWAY_URL/api/v1/concerts: start the stack first (load-tests/README.md)." >&2
  exit 1
fi
if ! curl -sf -m 5 -o /dev/null "$QUEUE_URL/actuator/health"; then
  echo "queue-service does not answer at $QUEUE_URL/actuator/health: start the stack first (load-tests/README.md)." >&2
  exit 1
fi

CONCERT_ID="${CONCERT_ID:-$(curl -sf -m 5 "$GATEWAY_URL/api/v1/concerts" \
  | grep -o '"concertId" *: *"[0-9a-fA-F-]*"' | head -1 | sed 's/.*"\([0-9a-fA-F-]*\)"$/\1/')}"
if [ -z "$CONCERT_ID" ]; then
  echo "No concert listed at $GATEWAY_URL/api/v1/concerts (./stack up loads demo concerts; or set CONCERT_ID)." >&2
  exit 1
fi

# One token for the poll runs, joined through the gateway like any client.
joined="$(curl -s -m 5 -X POST "$GATEWAY_URL/api/v1/queue/tokens" -H 'Content-Type: application/json' \
  -d "{\"userId\":\"$(cat /proc/sys/kernel/random/uuid)\",\"concertId\":\"$CONCERT_ID\"}")"
TOKEN="$(printf '%s' "$joined" | grep -o '"token" *: *"[^"]*"' | head -1 | sed 's/.*"\([^"]*\)"$/\1/')"
if [ -z "$TOKEN" ]; then
  echo "Joining the queue of concert $CONCERT_ID failed: $joined" >&2
  exit 1
fi

# The claims that the gateway turns into X-User-Id / X-Concert-Id / X-Token-Id: the JWS payload, base64url.
payload="$(printf '%s' "$TOKEN" | cut -d. -f2 | tr '_-' '/+')"
while [ $(( ${#payload} % 4 )) -ne 0 ]; do payload="$payload="; done
claims="$(printf '%s' "$payload" | base64 -d)"
claim() { printf '%s' "$claims" | grep -o "\"$1\" *: *\"[^\"]*\"" | head -1 | sed 's/.*"\([^"]*\)"$/\1/'; }
USER_ID="$(claim sub)"
TOKEN_ID="$(claim jti)"
TOKEN_CONCERT_ID="$(claim cid)"

mkdir -p "$OUT"
echo "Concert $CONCERT_ID, token $TOKEN_ID (user $USER_ID); wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency," \
  "each after a $WARMUP warm-up. Raw outputs in $OUT/."

# run NAME URL SCRIPT [VAR=value...]: a warm-up, then the measured run, its output kept in $OUT/NAME.txt.
run() {
  local name="$1" url="$2" script="$3"
  shift 3
  echo "  $name: $url"
  env "$@" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$script" "$url" >/dev/null
  env "$@" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$script" "$url" >"$OUT/$name.txt"
}

run join-gateway "$GATEWAY_URL" load-tests/wrk/join.lua CONCERT_ID="$CONCERT_ID"
run join-direct "$QUEUE_URL" load-tests/wrk/join.lua CONCERT_ID="$CONCERT_ID"
run poll-gateway "$GATEWAY_URL" load-tests/wrk/poll.lua TOKEN="$TOKEN"
run poll-direct "$QUEUE_URL" load-tests/wrk/poll.lua TOKEN="$TOKEN" TOKEN_ID="$TOKEN_ID" USER_ID="$USER_ID" \
  CONCERT_ID="$TOKEN_CONCERT_ID"

echo
bash load-tests/wrk/table.sh "$OUT"
