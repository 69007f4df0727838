#!/usr/bin/env bash
# Raw HTTP ratios with wrk, side by side: for each workload (queue poll, seat listing, queue join), three targets
# interleaved: the real gateway (8080), a bare Spring Cloud Gateway with the same routes and no filters (8090,
# load-tests/bare-gateway, started and stopped here), and the service directly. RUNS rounds of the three (default
# 3), then the median req/s and p99 of each and the ratios gateway/bare: the price of the gateway's own work.
# Needs a running stack started for benchmarking (load-tests/README.md), and wrk.
#   bash load-tests/bench.sh
# Bounded: every wrk run is -t2 -c64 -d15s, after one 30 s warm-up per workload and target (a cold gateway JIT
# measured up to 40 % below its steady state), 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/select-jdk.sh

GATEWAY_URL="${GATEWAY_URL:-http://127.0.0.1:8080}"
BARE_URL="${BARE_URL:-http://127.0.0.1:8090}"
QUEUE_URL="${QUEUE_URL:-http://127.0.0.1:8081}"
CONCERT_URL="${CONCERT_URL:-http://127.0.0.1:8082}"
THREADS=2
CONNECTIONS=64
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-30s}"
RUNS="${RUNS:-3}"
BARE_JAR="load-tests/bare-gateway/target/bare-gateway.jar"
# The same JVM options as the stack gives its services (StackSettings.defaultJvmOptions), unless SERVICE_JAVA_OPTS.
BARE_JAVA_OPTS="${SERVICE_JAVA_OPTS:--Xms64m -Xmx384m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Xss512k}"
OUT="load-tests/target/wrk"

for url in "$GATEWAY_URL" "$BARE_URL" "$QUEUE_URL" "$CONCERT_URL"; do
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
for check in "$GATEWAY_URL/api/v1/concerts" "$QUEUE_URL/actuator/health" "$CONCERT_URL/actuator/health"; do
  if ! curl -sf -m 5 -o /dev/null "$check"; then
    echo "No answer at $check: start the stack first (load-tests/README.md)." >&2
    exit 1
  fi
done
if curl -s -m 2 -o /dev/null "$BARE_URL/"; then
  echo "Something already listens at $BARE_URL: stop it, or set BARE_URL to a free port." >&2
  exit 1
fi

if [ ! -f "$BARE_JAR" ]; then
  echo "Building the bare gateway (./mvnw -q -DskipTests package -pl load-tests/bare-gateway -am; MAVEN_ARGS adds flags) ..."
  ./mvnw -q -B -DskipTests package -pl load-tests/bare-gateway -am
fi

mkdir -p "$OUT"
rm -f "$OUT"/*.txt

# The bare gateway routes to the same services as the stack's gateway (the defaults of both: localhost:8081..8084).
bare_port="${BARE_URL##*:}"
bare_port="${bare_port%%/*}"
# shellcheck disable=SC2086 # word splitting of the JVM options is intended
java $BARE_JAVA_OPTS -jar "$BARE_JAR" --server.port="$bare_port" >"$OUT/bare-gateway.log" 2>&1 &
bare_pid=$!
trap 'kill "$bare_pid" 2>/dev/null || true; wait "$bare_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf -m 2 -o /dev/null "$BARE_URL/api/v1/concerts" && break
  kill -0 "$bare_pid" 2>/dev/null || { echo "The bare gateway exited; see $OUT/bare-gateway.log" >&2; exit 1; }
  sleep 1
done
curl -sf -m 5 -o /dev/null "$BARE_URL/api/v1/concerts" \
  || { echo "The bare gateway did not answer within 120 s; see $OUT/bare-gateway.log" >&2; exit 1; }

json_field() { grep -o "\"$1\" *: *\"[^\"]*\"" | head -1 | sed 's/.*"\([^"]*\)"$/\1/'; }

# A fresh concert per run (its line empty, so the first token is admitted at once), made with the stack's admin key
# (ADMIN_KEY, default the benchmark stack's); without one, the first listed concert, whose line earlier runs' joins
# may still fill (CONCERT_ID picks another).
ADMIN_KEY="${ADMIN_KEY:-bench-admin-key}"
fresh_concert() {
  local first_date
  first_date="$(date -u -d '+7 days' +%F)"
  curl -s -m 10 -X POST "$GATEWAY_URL/api/v1/admin/concerts" -H 'Content-Type: application/json' \
    -H "X-Admin-Key: $ADMIN_KEY" \
    -d "{\"title\":\"wrk benchmark $(date -u +%FT%TZ)\",\"venue\":\"Loopback Hall\",\"dates\":[{\"date\":\"$first_date\",\"price\":50000}]}" \
    | json_field concertId
}
if [ -z "${CONCERT_ID:-}" ]; then
  CONCERT_ID="$(fresh_concert)"
  if [ -n "$CONCERT_ID" ]; then
    echo "Created concert $CONCERT_ID for this run."
  else
    CONCERT_ID="$(curl -sf -m 5 "$GATEWAY_URL/api/v1/concerts" | json_field concertId)"
    echo "Could not create a concert (ADMIN_KEY is not the stack's?): using the first listed, $CONCERT_ID;" \
      "if its line is still full from an earlier run, set ADMIN_KEY or CONCERT_ID." >&2
  fi
fi
if [ -z "$CONCERT_ID" ]; then
  echo "No concert listed at $GATEWAY_URL/api/v1/concerts (./stack up loads demo concerts; or set CONCERT_ID)." >&2
  exit 1
fi

# admit: a fresh token for each workload that needs one (poll, seats; joins make their own users), joined through the gateway like any client and polled until ACTIVE (the
# seat listing is for admitted fans only), and the claims the other targets are sent in its place. One per workload:
# an ACTIVE token ends after QUEUE_ACTIVE_TTL (10 min), and a workload with its warm-ups takes up to about 6 min.
# Sets TOKEN, DATE and IDENTITY.
keepalive_pid=""
trap 'kill $keepalive_pid "$bare_pid" 2>/dev/null || true; wait "$bare_pid" 2>/dev/null || true' EXIT
admit() {
  local joined status polled payload claims user_id token_id token_concert_id
  joined="$(curl -s -m 5 -X POST "$GATEWAY_URL/api/v1/queue/tokens" -H 'Content-Type: application/json' \
    -d "{\"userId\":\"$(cat /proc/sys/kernel/random/uuid)\",\"concertId\":\"$CONCERT_ID\"}")"
  TOKEN="$(printf '%s' "$joined" | json_field token)"
  if [ -z "$TOKEN" ]; then
    echo "Joining the queue of concert $CONCERT_ID failed: $joined" >&2
    exit 1
  fi
  status="$(printf '%s' "$joined" | json_field status)"
  for _ in $(seq 1 90); do
    [ "$status" = "ACTIVE" ] && break
    sleep 1
    polled="$(curl -s -m 5 "$GATEWAY_URL/api/v1/queue/tokens/me" -H "Authorization: Bearer $TOKEN")"
    status="$(printf '%s' "$polled" | json_field status)"
    TOKEN="$(printf '%s' "$polled" | json_field token)"
  done
  if [ "$status" != "ACTIVE" ]; then
    echo "The benchmark's token was not admitted within 90 s (last status: ${status:-none})." >&2
    exit 1
  fi
  DATE="$(curl -sf -m 5 "$GATEWAY_URL/api/v1/concerts/$CONCERT_ID/dates" -H "Authorization: Bearer $TOKEN" \
    | grep -o '"date" *: *"[0-9-]*"' | head -1 | sed 's/.*"\([0-9-]*\)"$/\1/')"
  if [ -z "$DATE" ]; then
    echo "Concert $CONCERT_ID lists no bookable date." >&2
    exit 1
  fi

  # The token is used through the gateway only while the gateway is measured; an ACTIVE fan who makes no request
  # for QUEUE_ACTIVE_IDLE_TIMEOUT (2 min) loses the slot, and the bare and direct runs with their warm-ups pass
  # no request through the gateway for minutes. One poll through it every 20 s keeps the token active, as a fan's
  # page would: without it the gateway's seat listings turned into fast 403s after a 60 s warm-up of the others.
  [ -n "$keepalive_pid" ] && kill "$keepalive_pid" 2>/dev/null
  (
    while sleep 20; do
      curl -s -m 5 -o /dev/null "$GATEWAY_URL/api/v1/queue/tokens/me" -H "Authorization: Bearer $TOKEN" || true
    done
  ) &
  keepalive_pid=$!

  # The claims that the gateway turns into X-User-Id / X-Concert-Id / X-Token-Id: the JWS payload, base64url.
  payload="$(printf '%s' "$TOKEN" | cut -d. -f2 | tr '_-' '/+')"
  while [ $(( ${#payload} % 4 )) -ne 0 ]; do payload="$payload="; done
  claims="$(printf '%s' "$payload" | base64 -d)"
  user_id="$(printf '%s' "$claims" | json_field sub)"
  token_id="$(printf '%s' "$claims" | json_field jti)"
  token_concert_id="$(printf '%s' "$claims" | json_field cid)"
  IDENTITY=(TOKEN="$TOKEN" TOKEN_ID="$token_id" USER_ID="$user_id" CONCERT_ID="$token_concert_id")
  echo "  $1: ACTIVE token $token_id (user $user_id), date $DATE"
}

echo "Concert $CONCERT_ID; wrk -t$THREADS -c$CONNECTIONS" \
  "-d$DURATION --latency, $RUNS rounds of gateway, bare, direct per workload after a $WARMUP warm-up of each." \
  "Raw outputs in $OUT/."

# measure WORKLOAD SCRIPT DIRECT_URL: the three targets, warmed up once each, then RUNS interleaved rounds. The real
# gateway gets the token only (it sets the identity headers itself); bare and direct get the headers it would set.
measure() {
  local workload="$1" script="$2" direct_url="$3" round target url
  local -a vars
  [ "$workload" = join ] || admit "$workload"
  for round in warmup $(seq 1 "$RUNS"); do
    for target in gateway bare direct; do
      case "$target" in
        gateway) url="$GATEWAY_URL"; vars=(TOKEN="$TOKEN" CONCERT_ID="$CONCERT_ID" DATE="$DATE") ;;
        bare) url="$BARE_URL"; vars=("${IDENTITY[@]}" DATE="$DATE") ;;
        direct) url="$direct_url"; vars=("${IDENTITY[@]}" DATE="$DATE") ;;
      esac
      if [ "$round" = warmup ]; then
        env "${vars[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$script" "$url" >/dev/null
      else
        echo "  $workload, round $round: $target ($url)"
        env "${vars[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$script" "$url" \
          >"$OUT/$workload-$target-$round.txt"
      fi
    done
  done
}

# Joins last: each adds tens of thousands of WAITING users to the concert's line.
measure poll load-tests/wrk/poll.lua "$QUEUE_URL"
measure seats load-tests/wrk/seats.lua "$CONCERT_URL"
measure join load-tests/wrk/join.lua "$QUEUE_URL"

echo
bash load-tests/wrk/table.sh "$OUT"
