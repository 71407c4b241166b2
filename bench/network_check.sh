#!/usr/bin/env bash
# School coverage by road on a province-size sample: the whole check with every rule in radius
# mode (the shipped rule set) against the same check with both levels in network mode, runs
# alternated so that both see the same machine (docs/performance.md, "School coverage by road").
#
#   bench/network_check.sh [RUNS] [SITES]        (default: 5 runs, 1200 sites)
#
# Environment: ANZHI_CLI (default <repo>/build/app/cli/anzhi-cli), ANZHI_BENCH_DIR (default
# /tmp/anzhi-bench). Prints per run: mode, load average, wall s, user s, sys s, peak RSS KB;
# then the school-coverage seconds and violation counts of the last run of each mode.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
CLI=${ANZHI_CLI:-$REPO/build/app/cli/anzhi-cli}
OUT=${ANZHI_BENCH_DIR:-/tmp/anzhi-bench}
RUNS=${1:-5} SITES=${2:-1200}
mkdir -p "$OUT"
project=$OUT/network-$SITES.gpkg
if [ ! -f "$project" ]; then
  "$CLI" sample "$OUT/network.partial.gpkg" --sites "$SITES" --force >/dev/null
  python3 "$REPO/bench/network_roads.py" "$OUT/network.partial.gpkg" "$OUT/roads.geojson"
  "$CLI" import "$OUT/roads.geojson" --into "$OUT/network.partial.gpkg" --as roads >/dev/null
  mv "$OUT/network.partial.gpkg" "$project"
fi
sqlite3 "$project" "SELECT 'roads: ' || count(*) FROM roads; SELECT 'schools: ' || count(*) FROM schools;"
network=$OUT/network.toml
cat >"$network" <<'TOML'
[rules.school-coverage]
mode = { primary = "network", junior = "network" }
speed_kmh.junior = { default = 4.0, county = 30.0, township = 25.0 }
TOML
for ((i = 1; i <= RUNS; i++)); do
  for mode in radius network; do
    args=()
    [ "$mode" = network ] && args=(--rules "$network")
    load=$(cut -d' ' -f1 /proc/loadavg)
    # anzhi-cli check exits 1 when it finds errors: that is a result, not a failure.
    /usr/bin/time -f "%e %U %S %M" -o "$OUT/time" "$CLI" check "$project" "${args[@]}" \
      --json "$OUT/$mode.json" >/dev/null 2>&1 || true
    echo "$mode load=$load $(tail -1 "$OUT/time")"
  done
done
for mode in radius network; do
  jq -r --arg m "$mode" '.rules[] | select(.id == "school-coverage" or .id == "school-capacity")
    | "\($m) \(.id): \(.seconds) s, \(.violations) violations"' "$OUT/$mode.json"
done
