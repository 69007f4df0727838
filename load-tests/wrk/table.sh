#!/usr/bin/env bash
# Turns the wrk outputs that bench.sh keeps (<endpoint>-gateway.txt, <endpoint>-direct.txt, run with --latency)
# into one table: req/s, p50, p99 (ms), failed responses, and the gateway/direct ratios.
#   bash load-tests/wrk/table.sh [load-tests/target/wrk]
set -euo pipefail
dir="${1:-$(dirname "$0")/../target/wrk}"

# Prints "req/s p50_ms p99_ms failed" for one wrk output; failed = non-2xx/3xx responses + socket errors.
figures() {
  awk '
    function ms(v) {
      if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
      if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
      if (v ~ /m$/)  return substr(v, 1, length(v) - 1) * 60000
      if (v ~ /s$/)  return substr(v, 1, length(v) - 1) * 1000
      return v + 0
    }
    /^ +50% / { p50 = ms($2) }
    /^ +99% / { p99 = ms($2) }
    /^Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { failed += $NF }
    /Socket errors:/ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) failed += $i + 0 }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, failed }
  ' "$1"
}

printf '%-8s %-8s %10s %9s %9s %9s\n' endpoint route "req/s" "p50 ms" "p99 ms" failed
ratios=()
for endpoint in join poll; do
  gateway="$dir/$endpoint-gateway.txt"
  direct="$dir/$endpoint-direct.txt"
  [ -f "$gateway" ] && [ -f "$direct" ] || { echo "missing $gateway or $direct" >&2; exit 1; }
  read -r g_rps g_p50 g_p99 g_failed < <(figures "$gateway")
  read -r d_rps d_p50 d_p99 d_failed < <(figures "$direct")
  printf '%-8s %-8s %10s %9s %9s %9s\n' "$endpoint" gateway "$g_rps" "$g_p50" "$g_p99" "$g_failed"
  printf '%-8s %-8s %10s %9s %9s %9s\n' "$endpoint" direct "$d_rps" "$d_p50" "$d_p99" "$d_failed"
  ratios+=("$(awk -v e="$endpoint" -v g="$g_rps" -v d="$d_rps" -v gp="$g_p99" -v dp="$d_p99" 'BEGIN {
    printf "%-8s gateway/direct: req/s x%.2f, p99 x%.2f", e, (d > 0 ? g / d : 0), (dp > 0 ? gp / dp : 0) }')")
  if [ "$g_failed" -gt 0 ] || [ "$d_failed" -gt 0 ]; then
    ratios+=("$endpoint: failed responses or socket errors (gateway $g_failed, direct $d_failed): see $dir;"
      "a join answered 429 means the stack runs with JOIN_RATE_PER_IP other than 0")
  fi
done
echo
printf '%s\n' "${ratios[@]}"
