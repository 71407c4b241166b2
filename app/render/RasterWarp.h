#pragma once

#include "gis/Crs.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <array>
#include <atomic>
#include <string>
#include <vector>

namespace anzhi::render {

//! GDAL's error messages go to the caller (an image's error), not to stderr, while this lives;
//! registers GDAL's drivers once. Thread: the handler is the calling thread's.
class QuietGdalErrors
{
public:
  QuietGdalErrors();
  ~QuietGdalErrors();
  QuietGdalErrors(const QuietGdalErrors &) = delete;
  QuietGdalErrors &operator=(const QuietGdalErrors &) = delete;

  static std::string last();
};

//! A north-up grid of square cells in a view's CRS: the view's pixels, possibly with a margin.
struct ViewGrid
{
  int width = 0, height = 0;
  double cell = 0, originX = 0, originY = 0; //!< the top-left corner
  std::array<double, 6> geoTransform() const { return {originX, cell, 0, originY, 0, -cell}; }
};

//! `crs` with x = easting / longitude first, as the view's coordinates are.
OGRSpatialReference spatialReference(const gis::Crs &crs);

//! Values of `band` equal to its nodata become NaN.
void markNoData(GDALRasterBand &band, float *begin, float *end);

//! A GDAL progress function that stops GDAL when the std::atomic<bool> it is given is set.
int keepGoing(double, const char *, void *cancel);

//! An in-memory dataset (GDAL's MEM driver) in `srs`, every band filled with `fill` (also its
//! nodata for Float32).
GDALDatasetUniquePtr memDataset(int width, int height, int bands, GDALDataType type,
                                const std::array<double, 6> &gt, const OGRSpatialReference &srs,
                                double fill);

//! Warps `source` (small: about view-sized, in memory) onto `grid` in `gridSrs`, bilinearly,
//! into a new in-memory dataset of the same bands and type. A Float32 source's nodata is
//! kept as NaN; a source whose last band is alpha warps with it (outside the source: alpha 0).
//! Null with `error` on failure or when cancelled.
GDALDatasetUniquePtr warpOntoGrid(GDALDataset &source, const OGRSpatialReference &sourceSrs,
                                  const ViewGrid &grid, const OGRSpatialReference &gridSrs,
                                  const std::atomic<bool> *cancel, std::string &error);

//! The window of `raster` under `grid`, read in the raster's own CRS at about the grid's
//! resolution into memory, then warped onto the grid: warping the raster itself would read
//! every cell under the view. `bands` are the raster's bands to read (1-based; one may repeat),
//! as `type`: Float32 (nodata becomes NaN) or Byte (an alpha band is added: the raster's own
//! alpha when `alphaBand` > 0, else 255 except at the first band's nodata). Returns the grid's
//! dataset; null with an empty `error` when the view is off the raster, or with `error`.
GDALDatasetUniquePtr readOntoGrid(GDALDataset &raster, const std::array<double, 6> &gt,
                                  const OGRSpatialReference &rasterSrs, const ViewGrid &grid,
                                  const OGRSpatialReference &gridSrs, const std::vector<int> &bands,
                                  GDALDataType type, int alphaBand, const std::atomic<bool> *cancel,
                                  std::string &error);

} // namespace anzhi::render
