#!/usr/bin/env bash
# What one more instance of everything costs on this machine: the local stack started with 1 and with 2 instances
# of every process (./stack up --replicas N), RUNS rounds alternating the two (default 3); for each start the time to
# healthy and the resident memory the launcher reports, then a bounded wrk run through the first gateway (concert
# list, public) and the resident memory of every process after it. Prints the median of each for 1 and 2 instances.
#   bash load-tests/scale-out.sh
# Needs a build (./mvnw -DskipTests package) and wrk; no other stack may be running (it uses the standard ports).
# Bounded: every wrk run is -t2 -c32 -d15s after a 15 s warm-up, against 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${RUNS:-3}"
OUT="load-tests/target/scale-out"
DATA="$OUT/stack"
mkdir -p "$OUT"
command -v wrk >/dev/null 2>&1 || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }

resident_mib() {
  local total=0
  for pid_file in "$DATA"/pids/*.pid "$DATA"/mariadb/data/mariadbd.pid "$DATA"/redis/redis.pid; do
    [ -f "$pid_file" ] || continue
    local pid rss
    pid="$(cat "$pid_file")"
    rss="$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)"
    total=$((total + ${rss:-0}))
  done
  # The launcher's own JVM hosts Kafka.
  local launcher
  launcher="$(cat "$DATA/pids/launcher.pid" 2>/dev/null || true)"
  [ -n "$launcher" ] && total=$((total + $(awk '/^VmRSS:/ {print $2}' "/proc/$launcher/status" 2>/dev/null || echo 0)))
  echo $((total / 1024))
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for run in $(seq 1 "$RUNS"); do
  for replicas in 1 2; do
    log="$OUT/up-$replicas-$run.log"
    STACK_DATA_DIR="$DATA" STACK_STARTUP_CACHE=off ./stack up --no-build --replicas "$replicas" > "$log" 2>&1 &
    launcher=$!
    for _ in $(seq 1 600); do
      grep -q "Concert ticketing is up" "$log" && break
      kill -0 "$launcher" 2>/dev/null || { echo "the stack did not start; see $log" >&2; exit 1; }
      sleep 1
    done
    up="$(grep -o 'all healthy after [0-9.]* s, [0-9]* MiB' "$log")"
    seconds="$(echo "$up" | awk '{print $4}')"
    start_mib="$(echo "$up" | awk '{print $6}')"
    wrk -t2 -c32 -d15s http://127.0.0.1:8080/api/v1/concerts > /dev/null
    rps="$(wrk -t2 -c32 -d15s http://127.0.0.1:8080/api/v1/concerts | awk '/Requests\/sec/ {print $2}')"
    loaded_mib="$(resident_mib)"
    echo "$replicas $seconds $start_mib $rps $loaded_mib" | tee -a "$OUT/results.txt"
    STACK_DATA_DIR="$DATA" ./stack down --wipe > /dev/null
    wait "$launcher" || true
  done
done

echo
echo "instances  start-s  MiB-at-start  concert-list-req/s  MiB-after-load   (medians of $RUNS)"
for replicas in 1 2; do
  rows="$(awk -v r="$replicas" '$1 == r' "$OUT/results.txt" | tail -n "$RUNS")"
  printf "%9s  %7s  %12s  %18s  %14s\n" "$replicas" \
    "$(echo "$rows" | awk '{print $2}' | median)" "$(echo "$rows" | awk '{print $3}' | median)" \
    "$(echo "$rows" | awk '{print $4}' | median)" "$(echo "$rows" | awk '{print $5}' | median)"
done
