#!/usr/bin/env bash
# Anzhi's renderer against QGIS's on the same GeoPackages, sizes and extents, in one run.
# For each SAMPLE.gpkg: the full extent and a county-sized 30 km x 20 km extent around the
# centre of the resettlement sites, at WxH (default 1920x1080):
#   anzhi-cli render SAMPLE --size WxH [--extent E] --violations --repeat N
#     (all layers, labels, the violations of a check on top: the canvas after a check)
#   bench/qgis_render.py SAMPLE OUT W H [E] N                    (QGIS map renderer, offscreen)
# and prints a table of medians with the ratio QGIS / Anzhi (> 1: Anzhi is faster). Times are
# render only: Anzhi draws an in-memory project snapshot (its load, once per project, is
# printed separately); QGIS reads the features from the GeoPackage on each render, which is
# how it draws.
# Usage: bench/render_vs_qgis.sh BUILD_DIR REPEAT SAMPLE.gpkg [SAMPLE.gpkg ...]
# Environment: SIZE=1920x1080, QGIS_JOB=parallel|sequential, PYTHON=/usr/bin/python3,
# OUT=${TMPDIR:-/tmp}/anzhi-render-vs-qgis, SKIP_QGIS_FULL=1 to skip QGIS at the full extent
# of very large samples.
set -euo pipefail
BUILD=${1:?usage: $0 BUILD_DIR REPEAT SAMPLE.gpkg...}
REPEAT=${2:?usage: $0 BUILD_DIR REPEAT SAMPLE.gpkg...}
shift 2
SIZE=${SIZE:-1920x1080}
W=${SIZE%x*}
H=${SIZE#*x}
CLI="$BUILD/app/cli/anzhi-cli"
PYTHON=${PYTHON:-/usr/bin/python3}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=${OUT:-${TMPDIR:-/tmp}/anzhi-render-vs-qgis}
mkdir -p "$OUT"
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

median() { sed -n 's/.*, median \([0-9.]*\) ms, max.*/\1/p'; }
minimum() { sed -n 's/.*, min \([0-9.]*\) ms, median.*/\1/p'; }
rows=()
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/')"
for gpkg in "$@"; do
  base=$(basename "$gpkg" .gpkg)
  read -r cx cy < <(ogrinfo -so "$gpkg" resettlement_sites | awk -F'[(), -]+' \
    '/^Extent/ { printf "%.0f %.0f\n", ($2 + $4) / 2, ($3 + $5) / 2 }')
  county=($((cx - 15000)) $((cy - 10000)) $((cx + 15000)) $((cy + 10000)))
  for which in full county; do
    ext=()
    qext=()
    if [ "$which" = county ]; then
      ext=(--extent "$(IFS=,; echo "${county[*]}")")
      qext=("${county[@]}")
    fi
    echo "== $base, $which extent ($(uptime | sed 's/.*load average/load average/'))"
    a=$("$CLI" render "$gpkg" --out "$OUT/anzhi-$which-$base.png" --size "$SIZE" "${ext[@]}" \
      --violations --repeat "$REPEAT" 2>/dev/null)
    echo "anzhi: $a"
    if [ "$which" = full ] && [ "${SKIP_QGIS_FULL:-0}" = 1 ]; then
      q='{"median_ms": null}'
    else
      q=$("$PYTHON" "$HERE/qgis_render.py" "$gpkg" "$OUT/qgis-$which-$base.png" "$W" "$H" \
        "${qext[@]}" "$REPEAT" 2>/dev/null | tail -1 || true)
    fi
    echo "qgis:  $q"
    am=$(echo "$a" | median)
    amin=$(echo "$a" | minimum)
    qm=$(echo "$q" | sed -n 's/.*"median_ms": \([0-9.]*\).*/\1/p')
    qmin=$(echo "$q" | sed -n 's/.*"min_ms": \([0-9.]*\).*/\1/p')
    ratio=$( [ -n "$qm" ] && awk -v q="$qm" -v a="$am" 'BEGIN { printf "%.1f", q / a }' || echo "-")
    rows+=("| $base | $which | $am ms | $amin ms | ${qm:-not run} ms | ${qmin:-} ms | $ratio |")
  done
done
echo
echo "| sample | extent | anzhi median | anzhi min | QGIS median | QGIS min | QGIS / anzhi (medians) |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${rows[@]}"
