#include "app/render/RasterWarp.h"

#include <cpl_error.h>
#include <gdalwarper.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <mutex>

namespace anzhi::render {

namespace {

constexpr float kNoData = std::numeric_limits<float>::quiet_NaN();

//! The raster's pixel window under the grid (the grid's outline densified, since a
//! reprojected edge is curved), with two cells of margin for the bilinear kernels; empty
//! (x1 <= x0) when the view is off the raster or outside its CRS.
struct PixelWindow
{
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty() const { return x1 <= x0 || y1 <= y0; }
};

PixelWindow windowUnder(const ViewGrid &grid, int cols, int rows,
                        OGRCoordinateTransformation &toRaster, const std::array<double, 6> &inverse)
{
  constexpr int kSteps = 16;
  double minPx = HUGE_VAL, minPy = HUGE_VAL, maxPx = -HUGE_VAL, maxPy = -HUGE_VAL;
  const double w = grid.width * grid.cell, h = grid.height * grid.cell;
  for (int k = 0; k <= kSteps; ++k) {
    const double f = double(k) / kSteps;
    const std::array<std::array<double, 2>, 4> points{{{grid.originX + f * w, grid.originY},
                                                       {grid.originX + f * w, grid.originY - h},
                                                       {grid.originX, grid.originY - f * h},
                                                       {grid.originX + w, grid.originY - f * h}}};
    for (auto [x, y] : points) {
      if (!toRaster.Transform(1, &x, &y))
        continue;
      const double px = inverse[0] + x * inverse[1] + y * inverse[2];
      const double py = inverse[3] + x * inverse[4] + y * inverse[5];
      minPx = std::min(minPx, px);
      maxPx = std::max(maxPx, px);
      minPy = std::min(minPy, py);
      maxPy = std::max(maxPy, py);
    }
  }
  if (minPx > maxPx)
    return {};
  return {std::clamp(int(std::floor(minPx)) - 2, 0, cols),
          std::clamp(int(std::floor(minPy)) - 2, 0, rows),
          std::clamp(int(std::ceil(maxPx)) + 2, 0, cols),
          std::clamp(int(std::ceil(maxPy)) + 2, 0, rows)};
}

} // namespace

QuietGdalErrors::QuietGdalErrors()
{
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
  CPLPushErrorHandler(CPLQuietErrorHandler);
  CPLErrorReset();
}

QuietGdalErrors::~QuietGdalErrors()
{
  CPLPopErrorHandler();
}

std::string QuietGdalErrors::last()
{
  const std::string message = CPLGetLastErrorMsg();
  return message.empty() ? "unknown GDAL error" : message;
}

void markNoData(GDALRasterBand &band, float *begin, float *end)
{
  int hasNoData = 0;
  const double noData = band.GetNoDataValue(&hasNoData);
  if (!hasNoData || std::isnan(noData))
    return;
  const auto value = float(noData);
  std::replace(begin, end, value, kNoData);
}

OGRSpatialReference spatialReference(const gis::Crs &crs)
{
  OGRSpatialReference srs;
  srs.SetFromUserInput(crs.definition().c_str());
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

int keepGoing(double, const char *, void *cancel)
{
  return !(cancel && static_cast<const std::atomic<bool> *>(cancel)->load());
}

GDALDatasetUniquePtr memDataset(int width, int height, int bands, GDALDataType type,
                                const std::array<double, 6> &gt, const OGRSpatialReference &srs,
                                double fill)
{
  GDALDriver *mem = GetGDALDriverManager()->GetDriverByName("MEM");
  GDALDatasetUniquePtr ds(mem->Create("", width, height, bands, type, nullptr));
  if (!ds)
    return ds;
  auto transform = gt;
  ds->SetGeoTransform(transform.data());
  ds->SetSpatialRef(&srs);
  for (int b = 1; b <= bands; ++b) {
    if (type == GDT_Float32)
      ds->GetRasterBand(b)->SetNoDataValue(fill);
    ds->GetRasterBand(b)->Fill(fill);
  }
  return ds;
}

GDALDatasetUniquePtr warpOntoGrid(GDALDataset &source, const OGRSpatialReference &sourceSrs,
                                  const ViewGrid &grid, const OGRSpatialReference &gridSrs,
                                  const std::atomic<bool> *cancel, std::string &error)
{
  const int bands = source.GetRasterCount();
  const GDALDataType type = source.GetRasterBand(1)->GetRasterDataType();
  const bool alpha = source.GetRasterBand(bands)->GetColorInterpretation() == GCI_AlphaBand;
  GDALDatasetUniquePtr onGrid =
      memDataset(grid.width, grid.height, bands, type, grid.geoTransform(), gridSrs,
                 type == GDT_Float32 ? double(kNoData) : 0.0);
  if (!onGrid) {
    error = QuietGdalErrors::last();
    return nullptr;
  }
  // GDALReprojectImage warps with an alpha band when it is the last band of both.
  if (alpha)
    onGrid->GetRasterBand(bands)->SetColorInterpretation(GCI_AlphaBand);
  char *sourceWkt = nullptr, *gridWkt = nullptr;
  sourceSrs.exportToWkt(&sourceWkt);
  gridSrs.exportToWkt(&gridWkt);
  const CPLErr warped =
      GDALReprojectImage(&source, sourceWkt, onGrid.get(), gridWkt, GRA_Bilinear, 0, 0.125,
                         keepGoing, const_cast<std::atomic<bool> *>(cancel), nullptr);
  CPLFree(sourceWkt);
  CPLFree(gridWkt);
  if (warped != CE_None) {
    error = QuietGdalErrors::last();
    return nullptr;
  }
  return onGrid;
}

GDALDatasetUniquePtr readOntoGrid(GDALDataset &raster, const std::array<double, 6> &gt,
                                  const OGRSpatialReference &rasterSrs, const ViewGrid &grid,
                                  const OGRSpatialReference &gridSrs, const std::vector<int> &bands,
                                  GDALDataType type, int alphaBand, const std::atomic<bool> *cancel,
                                  std::string &error)
{
  std::array<double, 6> inverse{};
  if (!GDALInvGeoTransform(const_cast<double *>(gt.data()), inverse.data())) {
    error = "its geotransform cannot be inverted";
    return nullptr;
  }
  std::unique_ptr<OGRCoordinateTransformation> toRaster(
      OGRCreateCoordinateTransformation(&gridSrs, &rasterSrs));
  if (!toRaster) {
    error = QuietGdalErrors::last();
    return nullptr;
  }
  const int cols = raster.GetRasterXSize(), rows = raster.GetRasterYSize();
  const PixelWindow win = windowUnder(grid, cols, rows, *toRaster, inverse);
  if (win.empty())
    return nullptr; // the view is off the raster
  // At most about twice the grid's cells: finer would only cost reading.
  const double cells = double(win.x1 - win.x0) * double(win.y1 - win.y0);
  const double scale = std::min(1.0, std::sqrt(2.0 * grid.width * grid.height / cells));
  const int bufW = std::max(2, int(std::ceil((win.x1 - win.x0) * scale)));
  const int bufH = std::max(2, int(std::ceil((win.y1 - win.y0) * scale)));
  const double sx = double(win.x1 - win.x0) / bufW, sy = double(win.y1 - win.y0) / bufH;
  const std::array<double, 6> windowGt{
      gt[0] + win.x0 * gt[1] + win.y0 * gt[2], gt[1] * sx, gt[2] * sy,
      gt[3] + win.x0 * gt[4] + win.y0 * gt[5], gt[4] * sx, gt[5] * sy};
  const bool floats = type == GDT_Float32;
  const int outBands = int(bands.size()) + (floats ? 0 : 1);
  GDALDatasetUniquePtr window =
      memDataset(bufW, bufH, outBands, type, windowGt, rasterSrs, floats ? double(kNoData) : 0.0);
  if (!window) {
    error = QuietGdalErrors::last();
    return nullptr;
  }
  GDALRasterIOExtraArg extra;
  INIT_RASTERIO_EXTRA_ARG(extra);
  extra.eResampleAlg = GRIORA_Bilinear;
  extra.pfnProgress = keepGoing;
  extra.pProgressData = const_cast<std::atomic<bool> *>(cancel);
  const std::size_t count = std::size_t(bufW) * std::size_t(bufH);
  std::vector<float> values(floats ? count : 0);
  std::vector<GByte> bytes(floats ? 0 : count);
  std::vector<GByte> opaque(floats ? 0 : count, 255);
  auto io = [&](GDALRasterBand &band, GDALRWFlag rw, void *data, GDALRasterIOExtraArg *arg) {
    const bool read = rw == GF_Read;
    if (band.RasterIO(rw, read ? win.x0 : 0, read ? win.y0 : 0, read ? win.x1 - win.x0 : bufW,
                      read ? win.y1 - win.y0 : bufH, data, bufW, bufH, type, 0, 0, arg) == CE_None)
      return true;
    error = QuietGdalErrors::last();
    return false;
  };
  for (std::size_t i = 0; i < bands.size(); ++i) {
    GDALRasterBand &band = *raster.GetRasterBand(bands[i]);
    GDALRasterBand &out = *window->GetRasterBand(int(i) + 1);
    void *data = floats ? static_cast<void *>(values.data()) : static_cast<void *>(bytes.data());
    if (!io(band, GF_Read, data, &extra))
      return nullptr;
    if (floats) {
      markNoData(band, values.data(), values.data() + values.size());
    } else if (i == 0 && alphaBand <= 0) {
      int hasNoData = 0;
      const double noData = band.GetNoDataValue(&hasNoData);
      if (hasNoData)
        for (std::size_t k = 0; k < count; ++k)
          if (bytes[k] == noData)
            opaque[k] = 0;
    }
    if (!io(out, GF_Write, data, nullptr))
      return nullptr;
  }
  if (!floats) {
    GDALRasterBand &alpha = *window->GetRasterBand(outBands);
    alpha.SetColorInterpretation(GCI_AlphaBand);
    if (alphaBand > 0 && !io(*raster.GetRasterBand(alphaBand), GF_Read, opaque.data(), &extra))
      return nullptr;
    if (!io(alpha, GF_Write, opaque.data(), nullptr))
      return nullptr;
  }
  return warpOntoGrid(*window, rasterSrs, grid, gridSrs, cancel, error);
}

} // namespace anzhi::render
