#!/usr/bin/env bash
# Zonal slope benchmark: reclamation-suitability (Horn slope, exact cell coverage) over
# HOMESTEADS homesteads on a SIZE x SIZE DEM, against its peer in the same run: `gdaldem slope`
# of the same DEM, then a cell-centre zonal mean in Python/GDAL (bench/slope_zonal_peer.py).
#
#   bench/slope_bench.sh [SIZE] [HOMESTEADS]        (default: 10000 50000)
#
# Environment:
#   ANZHI_BUILD      build dir with app/cli/anzhi-cli (default: <repo>/build)
#   ANZHI_BENCH_DIR  inputs and outputs (default: /tmp/anzhi-bench/slope; never the repo)
# The rule runs with max_cropland_slope_deg = 0, so that every homestead judged reports its mean
# (the worst case for the report) and the two means can be compared homestead by homestead.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${ANZHI_BUILD:-$REPO/build}
OUT=${ANZHI_BENCH_DIR:-/tmp/anzhi-bench/slope}
SIZE=${1:-10000}
COUNT=${2:-50000}
CLI=$BUILD/app/cli/anzhi-cli
PY=/usr/bin/python3 # Debian's, with python3-gdal
DIR=$OUT/$SIZE-$COUNT
mkdir -p "$DIR"

log() { echo "[$(date +%T)] $*" >&2; }
timed() {
  local logfile=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >"$logfile" 2>&1
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l | xargs printf "%.2f"
}

if [ ! -f "$DIR/dem.tif" ] || [ ! -f "$DIR/p.gpkg" ]; then
  log "writing a ${SIZE}x${SIZE} DEM and $COUNT homesteads into $DIR"
  rm -f "$DIR/dem.tif" "$DIR/p.gpkg"
  "$PY" "$REPO/bench/slope_data.py" "$DIR" "$SIZE" "$COUNT"
fi
printf '[rules.reclamation-suitability]\nmax_cropland_slope_deg = 0\n' >"$DIR/all.toml"
sync

log "anzhi-cli check (load, every rule, report)"
status=0
anzhi=$(timed "$DIR/anzhi.log" "$CLI" check "$DIR/p.gpkg" --dem "$DIR/dem.tif" \
  --rules "$DIR/all.toml" --json "$DIR/anzhi.json") || status=$?
rule=$("$PY" -c "import json,sys; d=json.load(open(sys.argv[1])); \
r=[x for x in d['rules'] if x['id']=='reclamation-suitability'][0]; \
print('%.2f %d %d' % (r['seconds'], r['checked'], r['unchecked']))" "$DIR/anzhi.json")

log "gdaldem slope, then the cell-centre zonal mean"
rm -f "$DIR/slope.tif"
gdaldem=$(timed "$DIR/gdaldem.log" gdaldem slope "$DIR/dem.tif" "$DIR/slope.tif" \
  -co TILED=YES -co BIGTIFF=IF_SAFER)
zonal=$(timed "$DIR/zonal.log" "$PY" "$REPO/bench/slope_zonal_peer.py" "$DIR/slope.tif" \
  "$DIR/p.gpkg" "$DIR/peer.csv")

compare=$("$PY" - "$DIR/anzhi.json" "$DIR/peer.csv" <<'PYEOF'
import json, sys
ours = {v["fid"]: v["value"] for v in json.load(open(sys.argv[1]))["violations"]
        if v["rule"] == "reclamation-suitability"}
peer = dict(map(lambda l: (int(l.split(",")[0]), float(l.split(",")[1])), open(sys.argv[2])))
both = sorted(set(ours) & set(peer))
d = [abs(ours[f] - peer[f]) for f in both]
print("%d in both; |exact - cell-centre| mean %.3f deg, max %.3f deg; %d only in Anzhi"
      % (len(both), sum(d) / len(d), max(d), len(set(ours) - set(peer))))
PYEOF
)

cat <<EOF2
## Zonal slope, ${SIZE}x${SIZE} DEM, $COUNT homesteads ($(date -u +'%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1 /proc/loadavg))
| | seconds |
| --- | --- |
| anzhi-cli check, whole (exit $status) | $anzhi |
| of which reclamation-suitability (seconds, checked, unchecked) | $rule |
| gdaldem slope | $gdaldem |
| Python/GDAL rasterize + zonal mean | $zonal ($(cat "$DIR/zonal.log")) |
| peer total | $(echo "$gdaldem + $zonal" | bc -l) |

Agreement: $compare
EOF2
