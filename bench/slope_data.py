#!/usr/bin/python3
"""Writes the zonal-slope benchmark's inputs (bench/slope_bench.sh): a synthetic DEM and a
project of homesteads over it. Deterministic; nothing is committed.

    slope_data.py OUT_DIR [SIZE] [HOMESTEADS]

OUT_DIR/dem.tif   SIZE x SIZE Float32 cells of 10 m in EPSG:4546, tiled, hills of 0-45 deg
OUT_DIR/p.gpkg    reclaimed_homesteads: HOMESTEADS cropland quadrilaterals of 12-35 m, rotated
"""
import math
import os
import sys

import numpy as np
from osgeo import gdal, ogr, osr

gdal.UseExceptions()
out = sys.argv[1]
size = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
count = int(sys.argv[3]) if len(sys.argv) > 3 else 50000
cell = 10.0
x0, y1 = 480000.0, 4300000.0 + size * cell  # north-west corner
srs = osr.SpatialReference()
srs.ImportFromEPSG(4546)

dem = gdal.GetDriverByName("GTiff").Create(
    os.path.join(out, "dem.tif"), size, size, 1, gdal.GDT_Float32,
    ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "BIGTIFF=IF_SAFER"])
dem.SetGeoTransform([x0, cell, 0, y1, 0, -cell])
dem.SetProjection(srs.ExportToWkt())
band = dem.GetRasterBand(1)
xs = (np.arange(size) + 0.5) * cell
for r0 in range(0, size, 512):
    rows = min(512, size - r0)
    ys = ((np.arange(r0, r0 + rows) + 0.5) * cell)[:, None]
    z = (1200 + 180 * np.sin(xs / 900.0) * np.cos(ys / 1300.0)
         + 60 * np.sin((xs + 2 * ys) / 350.0) + 0.05 * xs)
    band.WriteArray(z.astype(np.float32), 0, r0)
dem = None

rng = np.random.default_rng(17)
ds = ogr.GetDriverByName("GPKG").CreateDataSource(os.path.join(out, "p.gpkg"))
layer = ds.CreateLayer("reclaimed_homesteads", srs, ogr.wkbPolygon)
for name, kind in [("code", ogr.OFTString), ("household_code", ogr.OFTString),
                   ("village", ogr.OFTString), ("site_code", ogr.OFTString),
                   ("status", ogr.OFTString), ("target_use", ogr.OFTString),
                   ("done_date", ogr.OFTDate)]:
    layer.CreateField(ogr.FieldDefn(name, kind))
span = size * cell
layer.StartTransaction()
for i in range(count):
    cx = x0 + 100 + rng.random() * (span - 200)
    cy = y1 - 100 - rng.random() * (span - 200)
    w, h, a = 12 + rng.random() * 23, 12 + rng.random() * 23, rng.random() * math.pi
    ca, sa = math.cos(a), math.sin(a)
    pts = [(cx + dx * ca - dy * sa, cy + dx * sa + dy * ca)
           for dx, dy in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2))]
    ring = ogr.Geometry(ogr.wkbLinearRing)
    for x, y in pts + pts[:1]:
        ring.AddPoint_2D(x, y)
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    f = ogr.Feature(layer.GetLayerDefn())
    f.SetField("code", "ZJD-%06d" % (i + 1))
    f.SetField("status", "reclaimed")
    f.SetField("target_use", "cropland")
    f.SetGeometry(poly)
    layer.CreateFeature(f)
layer.CommitTransaction()
ds = None
