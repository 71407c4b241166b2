#!/usr/bin/env bash
# The violations layer and the sample project pass GDAL's own GeoPackage validator.
set -euo pipefail
cli=$1
validator=/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$cli" sample "$dir/county.gpkg" --sites 12 >/dev/null
status=0
"$cli" check "$dir/county.gpkg" --violations "$dir/violations.gpkg" >/dev/null || status=$?
[ "$status" -eq 1 ] || { echo "expected exit 1 (planted errors), got $status"; exit 1; }
python3 "$validator" "$dir/violations.gpkg"
python3 "$validator" "$dir/county.gpkg"
echo "validate_gpkg: both files valid"
