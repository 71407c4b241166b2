#include "app/render/Hillshade.h"

#include "app/render/RasterWarp.h"

#include "core/Terrain.h"
#include "gis/DataFile.h"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <limits>
#include <memory>
#include <vector>

namespace anzhi::render {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kAzimuthDegrees = 315;
constexpr double kAltitudeDegrees = 45;
constexpr float kNoData = std::numeric_limits<float>::quiet_NaN();

//! The view's grid with one cell of margin on each side, so that Horn's 3x3 window has all its
//! neighbours at the view's edges: elevations (NaN: no data), north-up rows.
struct ElevationGrid
{
  explicit ElevationGrid(const MapTransform &view)
      : width(view.size().width() + 2)
      , height(view.size().height() + 2)
      , cell(view.unitsPerPixel())
      , originX(view.extent().minX - cell)
      , originY(view.extent().maxY + cell)
      , z(std::size_t(width) * std::size_t(height), kNoData)
  {
  }
  float *row(int y) { return z.data() + std::size_t(y) * std::size_t(width); }

  int width, height;
  double cell, originX, originY;
  std::vector<float> z;
};

//! Reads the DEM straight into the grid: the DEM is north-up in the working CRS, so a
//! floating-point source window resampled to the grid's cells is the grid.
bool readAligned(GDALDataset &dem, const std::array<double, 6> &gt, ElevationGrid &grid,
                 const std::atomic<bool> *cancel, std::string &error)
{
  GDALRasterBand &band = *dem.GetRasterBand(1);
  const double cols = dem.GetRasterXSize(), rows = dem.GetRasterYSize();
  // Source pixel coordinates of the grid's cell edges.
  auto srcX = [&](int i) { return (grid.originX + i * grid.cell - gt[0]) / gt[1]; };
  auto srcY = [&](int j) { return (grid.originY - j * grid.cell - gt[3]) / gt[5]; };
  auto inside = [](double v, double size) { return v >= 0 && v < size; };
  // The grid cells whose centres fall on the DEM.
  int i0 = 0, i1 = grid.width, j0 = 0, j1 = grid.height;
  while (i0 < i1 && !inside((srcX(i0) + srcX(i0 + 1)) / 2, cols))
    ++i0;
  while (i1 > i0 && !inside((srcX(i1 - 1) + srcX(i1)) / 2, cols))
    --i1;
  while (j0 < j1 && !inside((srcY(j0) + srcY(j0 + 1)) / 2, rows))
    ++j0;
  while (j1 > j0 && !inside((srcY(j1 - 1) + srcY(j1)) / 2, rows))
    --j1;
  if (i0 >= i1 || j0 >= j1)
    return true; // the view is off the DEM
  const double x0 = std::clamp(std::min(srcX(i0), srcX(i1)), 0.0, cols);
  const double x1 = std::clamp(std::max(srcX(i0), srcX(i1)), 0.0, cols);
  const double y0 = std::clamp(std::min(srcY(j0), srcY(j1)), 0.0, rows);
  const double y1 = std::clamp(std::max(srcY(j0), srcY(j1)), 0.0, rows);
  const int nx0 = int(std::floor(x0)), ny0 = int(std::floor(y0));
  const int nx1 = std::min(int(std::ceil(x1)), int(cols)),
            ny1 = std::min(int(std::ceil(y1)), int(rows));
  if (nx1 <= nx0 || ny1 <= ny0)
    return true;
  GDALRasterIOExtraArg extra;
  INIT_RASTERIO_EXTRA_ARG(extra);
  extra.eResampleAlg = GRIORA_Bilinear;
  extra.bFloatingPointWindowValidity = TRUE;
  extra.dfXOff = x0;
  extra.dfYOff = y0;
  extra.dfXSize = std::max(x1 - x0, 1e-9);
  extra.dfYSize = std::max(y1 - y0, 1e-9);
  extra.pfnProgress = keepGoing;
  extra.pProgressData = const_cast<std::atomic<bool> *>(cancel);
  const int bufW = i1 - i0, bufH = j1 - j0;
  float *first = grid.row(j0) + i0;
  const GSpacing line = GSpacing(grid.width) * GSpacing(sizeof(float));
  if (band.RasterIO(GF_Read, nx0, ny0, nx1 - nx0, ny1 - ny0, first, bufW, bufH, GDT_Float32,
                    sizeof(float), line, &extra) != CE_None) {
    error = QuietGdalErrors::last();
    return false;
  }
  for (int j = j0; j < j1; ++j)
    markNoData(band, grid.row(j) + i0, grid.row(j) + i1);
  return true;
}

//! Reads the DEM window under the view in the DEM's own CRS and warps it onto the grid.
bool readWarped(GDALDataset &dem, const std::array<double, 6> &gt,
                const OGRSpatialReference &demSrs, const OGRSpatialReference &workingSrs,
                ElevationGrid &grid, const std::atomic<bool> *cancel, std::string &error)
{
  const ViewGrid onto{grid.width, grid.height, grid.cell, grid.originX, grid.originY};
  GDALDatasetUniquePtr onGrid =
      readOntoGrid(dem, gt, demSrs, onto, workingSrs, {1}, GDT_Float32, 0, cancel, error);
  if (!onGrid)
    return error.empty(); // empty: the view is off the DEM
  if (onGrid->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, grid.width, grid.height, grid.z.data(),
                                         grid.width, grid.height, GDT_Float32, 0, 0,
                                         nullptr) != CE_None) {
    error = QuietGdalErrors::last();
    return false;
  }
  return true;
}

//! Horn's hillshade of the grid's inner cells; a cell without data is transparent, a missing
//! neighbour counts as level with the cell.
QImage shade(const ElevationGrid &grid, double metresX, double metresY,
             const std::atomic<bool> *cancel)
{
  const int width = grid.width - 2, height = grid.height - 2;
  QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
  const double azimuth = kAzimuthDegrees * kPi / 180, altitude = kAltitudeDegrees * kPi / 180;
  // The unit vector towards the light (east, north, up).
  const double lx = std::sin(azimuth) * std::cos(altitude);
  const double ly = std::cos(azimuth) * std::cos(altitude);
  const double lz = std::sin(altitude);
  for (int y = 0; y < height; ++y) {
    if (cancel && cancel->load(std::memory_order_relaxed))
      return {};
    const float *n = grid.z.data() + std::size_t(y) * std::size_t(grid.width); // north row
    const float *m = n + grid.width;
    const float *s = m + grid.width;
    auto *out = reinterpret_cast<QRgb *>(image.scanLine(y));
    for (int x = 0; x < width; ++x) {
      const double e = m[x + 1];
      if (std::isnan(e)) {
        out[x] = 0;
        continue;
      }
      auto at = [e](const float *r, int i) { return std::isnan(r[i]) ? e : double(r[i]); };
      const double a = at(n, x), b = at(n, x + 1), c = at(n, x + 2);
      const double d = at(m, x), f = at(m, x + 2);
      const double g = at(s, x), h = at(s, x + 1), i = at(s, x + 2);
      const double dzdx = ((c + 2 * f + i) - (a + 2 * d + g)) / (8 * metresX);
      const double dzdy = ((a + 2 * b + c) - (g + 2 * h + i)) / (8 * metresY);
      // The surface normal (-dz/dx, -dz/dy, 1), normalised, against the light.
      const double lit = (-dzdx * lx - dzdy * ly + lz) / std::sqrt(dzdx * dzdx + dzdy * dzdy + 1);
      const int grey = int(std::lround(255 * std::max(0.0, lit)));
      out[x] = qRgb(grey, grey, grey);
    }
  }
  return image;
}

} // namespace

std::optional<std::string> findHillshadeDem(const std::string &projectPath)
{
  // The DEM the slope rule reads. One the project names but cannot supply is reported by the
  // check (exit 2, or a problem entry in the desktop's load); the map then has no relief.
  try {
    if (auto dem = core::locateDem(projectPath, std::nullopt))
      return dem->name;
  } catch (const std::exception &) {
  }
  return std::nullopt;
}

HillshadeSource::HillshadeSource(std::string openString, gis::Crs workingCrs)
    : m_openString(std::move(openString))
    , m_workingCrs(std::move(workingCrs))
{
}

HillshadeImage HillshadeSource::render(const MapTransform &view,
                                       const std::atomic<bool> *cancel) const
{
  HillshadeImage out;
  auto fail = [&](const std::string &why) {
    out.error = m_openString + ": " + why;
    return out;
  };
  auto cancelled = [&] {
    out.cancelled = cancel && cancel->load();
    return out.cancelled;
  };
  if (!view.isValid())
    return out;
  try {
    QuietGdalErrors quiet;
    // GDAL closing a GeoPackage that has a write-ahead log would fold the log into the
    // project (see gis/DataFile.h): a guard connection keeps it out.
    std::unique_ptr<gis::WalReaderGuard> walGuard;
    if (m_openString.starts_with("GPKG:")) {
      const std::string file = m_openString.substr(5, m_openString.rfind(':') - 5);
      if (gis::hasPendingWal(file))
        walGuard = std::make_unique<gis::WalReaderGuard>(file);
    }
    GDALDatasetUniquePtr dem(GDALDataset::Open(
        m_openString.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR));
    if (!dem)
      return fail("cannot open the DEM: " + QuietGdalErrors::last());
    if (dem->GetRasterCount() < 1)
      return fail("the DEM has no band");
    std::array<double, 6> gt{};
    if (dem->GetGeoTransform(gt.data()) != CE_None)
      return fail("the DEM has no georeferencing (geotransform)");
    const OGRSpatialReference workingSrs = spatialReference(m_workingCrs);
    // A DEM without a CRS is taken to be in the working CRS (a layer without one is refused):
    // rasters such as ASCII grids often lose theirs, and the DEM is only a backdrop.
    const OGRSpatialReference *demSrs = dem->GetSpatialRef();
    const char *const sameOptions[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", nullptr};
    const bool sameCrs = !demSrs || demSrs->IsSame(&workingSrs, sameOptions);
    ElevationGrid grid(view);
    std::string error;
    bool read = false;
    if (sameCrs && gt[2] == 0 && gt[4] == 0 && gt[1] > 0 && gt[5] < 0) {
      read = readAligned(*dem, gt, grid, cancel, error);
    } else {
      OGRSpatialReference source = demSrs ? *demSrs : workingSrs;
      source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
      read = readWarped(*dem, gt, source, workingSrs, grid, cancel, error);
    }
    if (cancelled())
      return out;
    if (!read)
      return fail("cannot read the DEM: " + error);
    double metresX = grid.cell, metresY = grid.cell;
    if (m_workingCrs.isGeographic()) {
      // Degrees: the length of one on the ellipsoid at the view's latitude.
      const double latitude = view.centerY() * kPi / 180;
      metresY *= kPi / 180 * m_workingCrs.semiMajor();
      metresX = metresY * std::cos(latitude);
    }
    out.image = shade(grid, metresX, metresY, cancel);
    cancelled();
  } catch (const std::exception &e) {
    return fail(e.what());
  }
  return out;
}

} // namespace anzhi::render
