#!/usr/bin/env bash
# Desktop rendering benchmark: anzhi-cli render (the canvas's renderer, QImage + QPainter,
# offscreen) at 1920x1080, full extent and a county-sized 30 km x 20 km extent around the
# centre of the resettlement sites, for the 60-site and the 1200-site sample.
# Usage: bench/render_bench.sh [BUILD_DIR] [REPEAT]
set -euo pipefail
BUILD=${1:-build}
REPEAT=${2:-10}
CLI="$BUILD/app/cli/anzhi-cli"
OUT=${TMPDIR:-/tmp}/anzhi-render-bench
mkdir -p "$OUT"
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

for sites in 60 1200; do
  gpkg="$OUT/sample-$sites.gpkg"
  [ -f "$gpkg" ] || "$CLI" sample "$gpkg" --sites "$sites" --force > /dev/null
  # Centre of the sites' extent: "Extent: (minx, miny) - (maxx, maxy)".
  read -r cx cy < <(ogrinfo -so "$gpkg" resettlement_sites | awk -F'[(), -]+' \
    '/^Extent/ { printf "%.0f %.0f\n", ($2 + $4) / 2, ($3 + $5) / 2 }')
  county="$((cx - 15000)),$((cy - 10000)),$((cx + 15000)),$((cy + 10000))"
  echo "== $sites sites ($gpkg)"
  echo -n "full extent:   "
  "$CLI" render "$gpkg" --out "$OUT/full-$sites.png" --size 1920x1080 --violations \
    --repeat "$REPEAT"
  echo -n "30 km x 20 km: "
  "$CLI" render "$gpkg" --out "$OUT/county-$sites.png" --size 1920x1080 --violations \
    --extent "$county" --repeat "$REPEAT"
done
