#!/usr/bin/env bash
# Writes a synthetic "orthophoto" of the sample county for screenshots and benchmarks: no real
# imagery may be fetched. An RGB GeoTIFF in the project's CRS, the project's `dem` raster table
# coloured as terraced fields (see the ramp), JPEG-compressed and tiled as orthophotos come,
# with overviews.
#
#   data/synthetic_orthophoto.sh PROJECT.gpkg OUT.tif
#
# PROJECT.gpkg: `anzhi-cli sample` output (it holds the DEM: see data/README.md).
set -euo pipefail
project=$1
out=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Terraced fields along the contours, as on the loess plateau: bands of 1.25 % of the DEM's
# range (percentages, so that any sample's relief spans the ramp) alternating between crop,
# fallow and orchard colours, darker and browner with height; the nearest entry, not a blend,
# so that field edges are crisp.
awk 'BEGIN {
  split("104 140 72|176 168 112|128 150 84|190 176 128|92 126 70|160 150 100", c, "|");
  for (i = 0; i <= 80; i++) {
    split(c[i % 6 + 1], k, " ");
    f = 1 - 0.25 * i / 80;
    printf "%.2f%% %d %d %d\n", i * 1.25, k[1] * f + 40 * (1 - f), k[2] * f, k[3] * f
  }
}' >"$tmp/ramp.txt"
gdaldem color-relief -q -nearest_color_entry "GPKG:$project:dem" "$tmp/ramp.txt" "$tmp/colour.tif"
gdal_translate -q -of GTiff -co TILED=YES -co COMPRESS=JPEG -co PHOTOMETRIC=YCBCR \
  -co JPEG_QUALITY=90 "$tmp/colour.tif" "$out"
gdaladdo -q -r average "$out" 2 4 8 16
echo "$out"
