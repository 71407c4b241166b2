#!/usr/bin/python3
"""The peer of reclamation-suitability's zonal slope (bench/slope_bench.sh): the slope raster
from `gdaldem slope` (run before, timed apart), then each homestead's mean over the cells whose
centre it contains (gdal.RasterizeLayer, numpy bincount) — the usual GIS way, without partial
cells. Prints timings and writes fid,mean to OUT.csv.

    slope_zonal_peer.py SLOPE.tif PROJECT.gpkg OUT.csv
"""
import sys
import time

import numpy as np
from osgeo import gdal, ogr

gdal.UseExceptions()
slope_path, project, out = sys.argv[1:4]
t0 = time.time()
slope = gdal.Open(slope_path)
nx, ny = slope.RasterXSize, slope.RasterYSize
ids = gdal.GetDriverByName("MEM").Create("", nx, ny, 1, gdal.GDT_Int32)
ids.SetGeoTransform(slope.GetGeoTransform())
ids.SetProjection(slope.GetProjection())
src = ogr.Open(project)
fids = src.ExecuteSQL("SELECT fid + 0 AS hid, geom FROM reclaimed_homesteads")
gdal.RasterizeLayer(ids, [1], fids, options=["ATTRIBUTE=hid", "ALL_TOUCHED=FALSE"])
src.ReleaseResultSet(fids)
t1 = time.time()
band = slope.GetRasterBand(1)
nodata = band.GetNoDataValue()
sums = np.zeros(1, np.float64)
counts = np.zeros(1, np.float64)
step = 1024
for r0 in range(0, ny, step):
    rows = min(step, ny - r0)
    z = band.ReadAsArray(0, r0, nx, rows).astype(np.float64)
    k = ids.GetRasterBand(1).ReadAsArray(0, r0, nx, rows)
    keep = (k > 0) & (z != nodata)
    kk, zz = k[keep], z[keep]
    if kk.size:
        top = int(kk.max()) + 1
        if top > sums.size:
            sums = np.pad(sums, (0, top - sums.size))
            counts = np.pad(counts, (0, top - counts.size))
        sums += np.bincount(kk, weights=zz, minlength=sums.size)
        counts += np.bincount(kk, minlength=counts.size)
t2 = time.time()
with open(out, "w") as f:
    for fid in np.nonzero(counts)[0]:
        f.write("%d,%.9f\n" % (fid, sums[fid] / counts[fid]))
print("rasterize %.2f s, zonal mean %.2f s, homesteads with a cell centre: %d"
      % (t1 - t0, t2 - t1, int(np.count_nonzero(counts))))
