#!/usr/bin/env bash
# Turns the wrk outputs that bench.sh keeps (<workload>-<target>-<round>.txt, run with --latency; targets gateway,
# bare, direct) into one table: per workload and target the median req/s and median p99 over the rounds, the
# rounds' req/s, failed responses; then the ratios gateway/bare (the gateway's own work), gateway/direct and
# bare/direct (the hop itself).
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

# The median of the numbers given (the lower middle one for an even count).
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

ratio() {
  awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "x%.2f", a / b; else printf "n/a" }'
}

printf '%-8s %-8s %11s %12s %8s  %s\n' workload target "req/s (med)" "p99 ms (med)" failed "req/s per round"
notes=()
for workload in poll seats join; do
  declare -A rps=() p99=()
  for target in gateway bare direct; do
    files=("$dir/$workload-$target-"*.txt)
    [ -f "${files[0]}" ] || { echo "no wrk output for $workload/$target in $dir" >&2; exit 1; }
    rounds=() p99s=() failed=0
    for file in "${files[@]}"; do
      read -r r _ p f < <(figures "$file")
      rounds+=("$r")
      p99s+=("$p")
      failed=$((failed + f))
    done
    rps[$target]="$(median "${rounds[@]}")"
    p99[$target]="$(median "${p99s[@]}")"
    printf '%-8s %-8s %11s %12s %8s  %s\n' "$workload" "$target" "${rps[$target]}" "${p99[$target]}" "$failed" \
      "${rounds[*]}"
    if [ "$failed" -gt 0 ]; then
      hint=""
      if [ "$workload/$target" = join/gateway ]; then
        hint=" (429s: the stack runs with JOIN_RATE_PER_IP other than 0)"
      fi
      notes+=("$workload/$target: $failed failed responses or socket errors, see $dir/$workload-$target-*.txt$hint")
    fi
    if [ "${rps[$target]}" = 0 ]; then
      notes+=("$workload/$target: no request answered, see $dir/$workload-$target-*.txt")
    fi
  done
  notes+=("$(printf '%-6s gateway/bare: req/s %s, p99 %s;  gateway/direct: req/s %s, p99 %s;  bare/direct: req/s %s, p99 %s' \
    "$workload" "$(ratio "${rps[gateway]}" "${rps[bare]}")" "$(ratio "${p99[gateway]}" "${p99[bare]}")" \
    "$(ratio "${rps[gateway]}" "${rps[direct]}")" "$(ratio "${p99[gateway]}" "${p99[direct]}")" \
    "$(ratio "${rps[bare]}" "${rps[direct]}")" "$(ratio "${p99[bare]}" "${p99[direct]}")")")
  unset rps p99
done
echo
printf '%s\n' "${notes[@]}"
