#!/usr/bin/env bash
# Cuts a raster into Web Mercator XYZ tiles, DIR/<z>/<x>/<y>.png (256 px, RGBA, transparent off
# the raster), for zooms Z0 … Z1 over the raster's extent: a local tile service
# (file://DIR/{z}/{x}/{y}.png) for the basemap benchmark and screenshot, with no real imagery.
#
#   bench/basemap_tiles.sh RASTER DIR Z0 Z1
set -euo pipefail
raster=$1
dir=$2
z0=$3
z1=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export GDAL_PAM_ENABLED=NO # no .aux.xml beside the tiles
gdalwarp -q -t_srs EPSG:3857 -dstalpha -r bilinear -of VRT "$raster" "$tmp/merc.vrt"
# The corners in 3857: "Upper Left  ( x, y)" and "Lower Right ( x, y)".
corner() { gdalinfo "$tmp/merc.vrt" | sed -n "s/^$1 *( *\([-0-9.]*\), *\([-0-9.]*\)).*/\1 \2/p"; }
read -r minx maxy < <(corner "Upper Left")
read -r maxx miny < <(corner "Lower Right")
half=20037508.342789244
count=0
for z in $(seq "$z0" "$z1"); do
  read -r x0 x1 y0 y1 span < <(awk -v h=$half -v z="$z" -v a="$minx" -v b="$maxx" -v c="$maxy" \
    -v d="$miny" 'BEGIN { s = 2 * h / 2 ^ z;
      printf "%d %d %d %d %.10f\n", int((a + h) / s), int((b + h) / s), int((h - c) / s),
             int((h - d) / s), s }')
  for x in $(seq "$x0" "$x1"); do
    mkdir -p "$dir/$z/$x"
    for y in $(seq "$y0" "$y1"); do
      read -r ulx uly lrx lry < <(awk -v h=$half -v s="$span" -v x="$x" -v y="$y" \
        'BEGIN { printf "%.4f %.4f %.4f %.4f\n", -h + x * s, h - y * s, -h + (x + 1) * s,
                 h - (y + 1) * s }')
      gdal_translate -q -of PNG -r bilinear -outsize 256 256 \
        -projwin "$ulx" "$uly" "$lrx" "$lry" "$tmp/merc.vrt" "$dir/$z/$x/$y.png" 2>/dev/null
      count=$((count + 1))
    done
  done
done
echo "$count tiles in $dir"
