#!/usr/bin/env bash
# Ranger reallocation benchmark (anzhi-cli rangers plan, docs/planning.md): the flow planner and
# the greedy baseline on the sample county, each under /usr/bin/time -v (wall time, peak RSS),
# with the plan's own figures from its JSON summary.
#
#   bench/ranger_plan.sh [SITES] [CELL_M] [POOL] [MAX_PARTS]
#
# Defaults: 60 sites (the sample county, 1,019 rangers), 100 m cells, POOL forest (or plots:
# forest_land dropped, so that the pool is the current plots and no forest is free), 1 part.
#
# Environment:
#   ANZHI_BUILD      build dir with app/cli/anzhi-cli (default: <repo>/build)
#   ANZHI_BENCH_DIR  inputs and outputs (default: /tmp/anzhi-bench/rangers; never the repo)
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${ANZHI_BUILD:-$REPO/build}
OUT=${ANZHI_BENCH_DIR:-/tmp/anzhi-bench/rangers}
SITES=${1:-60}
CELL=${2:-100}
POOL=${3:-forest}
PARTS=${4:-1}
CLI=$BUILD/app/cli/anzhi-cli
DIR=$OUT/sites-$SITES-$POOL
mkdir -p "$DIR"

if [ ! -f "$DIR/county.gpkg" ]; then
  "$CLI" sample "$DIR/county.gpkg" --sites "$SITES" >/dev/null
  if [ "$POOL" = plots ]; then
    ogrinfo -q "$DIR/county.gpkg" -sql "DROP TABLE forest_land" >/dev/null
  fi
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "rangers: $(ogrinfo -q -sql 'SELECT COUNT(*) FROM rangers' "$DIR/county.gpkg" | grep -o '= .*')"
for method in flow greedy; do
  set +e
  /usr/bin/time -v "$CLI" rangers plan "$DIR/county.gpkg" --cell-m "$CELL" --max-parts "$PARTS" --method "$method" \
    --out "$DIR/plan-$method-$CELL-$PARTS.gpkg" --json "$DIR/plan-$method-$CELL-$PARTS.json" \
    >"$DIR/$method.out" 2>"$DIR/$method.time"
  code=$?
  set -e
  wall=$(grep 'Elapsed (wall clock)' "$DIR/$method.time" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$DIR/$method.time" | awk '{print $NF}')
  python3 - "$DIR/plan-$method-$CELL-$PARTS.json" "$method" "$code" "$wall" "$rss" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
method, code, wall, rss = sys.argv[2:6]
phases = ", ".join(f"{k} {v:.1f}" for k, v in j.get("seconds_by_phase", {}).items())
print(f"{method}: exit {code}, wall {wall}, peak RSS {int(rss) / 1024:.0f} MB; "
      f"satisfied {j['rangers_satisfied']}/{j['rangers_total']}, "
      f"area moved {j['area_moved_mu']:.1f} mu, distance mean {j['mean_distance_m']:.0f} m, "
      f"max {j['max_distance_m_planned']:.0f} m; {j['cells']} cells; phases (s): {phases}")
PY
done
