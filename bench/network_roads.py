#!/usr/bin/env python3
"""Writes a synthetic road network over a project's sites and schools, as GeoJSON for
`anzhi-cli import ROADS.geojson --into PROJECT --as roads` (bench/network_check.sh).

    network_roads.py PROJECT.gpkg OUT.geojson [SPACING_M]

A jittered grid of long polylines (spacing 1500 m by default) over the extent of the sites and
schools, crossing each other without shared vertices (the check must node them), every fifth
line a county road, every other a township road, the rest village roads; and a diagonal
county road across the whole extent. Deterministic. Coordinates in the sites' CRS (a
geographic CRS is handled with degrees ≈ metres / 111 000).
"""
import json
import random
import sqlite3
import sys


def extent(db, table):
    row = db.execute(
        "SELECT min(minx), min(miny), max(maxx), max(maxy) FROM rtree_%s_geom" % table).fetchone()
    return row


def main():
    project, out = sys.argv[1], sys.argv[2]
    spacing = float(sys.argv[3]) if len(sys.argv) > 3 else 1500.0
    db = sqlite3.connect(project)
    srs = db.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = "
                     "'resettlement_sites'").fetchone()[0]
    kind = db.execute("SELECT definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?",
                      (srs,)).fetchone()[0]
    unit = 1.0 / 111000.0 if kind.lstrip().startswith(("GEOGCS", "GEOGCRS")) else 1.0
    boxes = [extent(db, "resettlement_sites"), extent(db, "schools")]
    x0 = min(b[0] for b in boxes); y0 = min(b[1] for b in boxes)
    x1 = max(b[2] for b in boxes); y1 = max(b[3] for b in boxes)
    step = spacing * unit
    rng = random.Random(16)
    features = []

    def road(code, cls, coords):
        features.append({"type": "Feature",
                         "properties": {"code": code, "class": cls},
                         "geometry": {"type": "LineString", "coordinates": coords}})

    def cls_of(i):
        return "county" if i % 5 == 0 else "township" if i % 2 == 0 else "village"

    # Vertices every step / 3 along each line, jittered across it: no vertex falls on a
    # crossing line, so GEOS must node every crossing.
    n = 0
    y = y0 - step / 2
    while y <= y1 + step:
        xs = [x0 - step + k * step / 3 for k in range(int((x1 - x0) / (step / 3)) + 7)]
        road("H-%d" % n, cls_of(n), [[x, y + rng.uniform(-0.2, 0.2) * step] for x in xs])
        n += 1
        y += step
    m = 0
    x = x0 - step / 2
    while x <= x1 + step:
        ys = [y0 - step + k * step / 3 for k in range(int((y1 - y0) / (step / 3)) + 7)]
        road("V-%d" % m, cls_of(m), [[x + rng.uniform(-0.2, 0.2) * step, yy] for yy in ys])
        m += 1
        x += step
    road("D-0", "county", [[x0, y0], [x1, y1]])
    doc = {"type": "FeatureCollection",
           "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::%d" % srs}},
           "features": features}
    with open(out, "w") as f:
        json.dump(doc, f)
    print("%d roads over %.0f x %.0f (CRS units), spacing %g m" %
          (len(features), x1 - x0, y1 - y0, spacing))


if __name__ == "__main__":
    main()
