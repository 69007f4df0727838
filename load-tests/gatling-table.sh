#!/usr/bin/env bash
# Prints the per-request table of a Gatling report (count, KO, req/s, p50/p95/p99/max in ms) on the console:
# Gatling's own console summary shows only the global line. Reads the newest report under
# load-tests/target/gatling/ unless a report folder is given.
#   bash load-tests/gatling-table.sh [load-tests/target/gatling/<run>]
set -euo pipefail
report="${1:-$(ls -dt "$(dirname "$0")"/target/gatling/*/ 2>/dev/null | head -1)}"
if [ -z "$report" ] || [ ! -f "$report/index.html" ]; then
  echo "No Gatling report found (run a simulation first, see load-tests/README.md)." >&2
  exit 1
fi
echo "Report: $report"
# Each row of the statistics table is a <tr id="..."> with the request name in an "ellipsed-name" span and
# one <td class="value ... col-N"> per column: 2 total, 4 KO, 6 count/s, 8 p50, 10 p95, 11 p99, 12 max.
awk '
  /<tr id="/ { row = $0; sub(/.*<tr id="/, "", row); sub(/".*/, "", row); indent = (row ~ /^req_/ && $0 ~ /data-parent="group_/) ? "  " : "" ; group = (row ~ /^group_/) }
  /class="ellipsed-name">/ { name = $0; sub(/.*class="ellipsed-name">/, "", name); sub(/<.*/, "", name)
                            name = indent (group ? "[group] " : "") name }
  /<td class="value .*col-[0-9]+">/ {
    col = $0; sub(/.*col-/, "", col); sub(/".*/, "", col)
    value = $0; sub(/.*">/, "", value); sub(/<.*/, "", value)
    cell[col] = value
    if (col == 14) {
      printf "%-36s %9s %7s %9s %7s %7s %7s %7s\n", substr(name, 1, 36), cell[2], cell[4], cell[6], cell[8], cell[10], cell[11], cell[12]
    }
  }
  BEGIN { printf "%-36s %9s %7s %9s %7s %7s %7s %7s\n", "request", "count", "KO", "req/s", "p50", "p95", "p99", "max" }
' "$report/index.html"
