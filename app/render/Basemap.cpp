#include "app/render/Basemap.h"

#include "app/render/RasterWarp.h"

#include <QStandardPaths>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>

namespace anzhi::render {

namespace {

ViewGrid gridOf(const MapTransform &view)
{
  const gis::Envelope e = view.extent();
  return {view.size().width(), view.size().height(), view.unitsPerPixel(), e.minX, e.maxY};
}

//! The RGBA dataset as a premultiplied image; null with `error` when it cannot be read.
QImage toImage(GDALDataset &rgba, std::string &error)
{
  const int w = rgba.GetRasterXSize(), h = rgba.GetRasterYSize();
  QImage image(w, h, QImage::Format_RGBA8888);
  int bands[] = {1, 2, 3, 4};
  if (rgba.RasterIO(GF_Read, 0, 0, w, h, image.bits(), w, h, GDT_Byte, 4, bands, 4,
                    image.bytesPerLine(), 1, nullptr) != CE_None) {
    error = QuietGdalErrors::last();
    return {};
  }
  return image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
}

//! The view's outline, densified (a reprojected edge is curved), as an envelope in `to`; empty
//! (minX > maxX) when no point of it transforms.
gis::Envelope outlineIn(const MapTransform &view, OGRCoordinateTransformation &to)
{
  constexpr int kSteps = 16;
  const gis::Envelope e = view.extent();
  gis::Envelope out{HUGE_VAL, HUGE_VAL, -HUGE_VAL, -HUGE_VAL};
  for (int k = 0; k <= kSteps; ++k) {
    const double f = double(k) / kSteps;
    const double x = e.minX + f * (e.maxX - e.minX), y = e.minY + f * (e.maxY - e.minY);
    const std::array<std::array<double, 2>, 4> points{
        {{x, e.minY}, {x, e.maxY}, {e.minX, y}, {e.maxX, y}}};
    for (auto [px, py] : points) {
      if (!to.Transform(1, &px, &py))
        continue;
      out.minX = std::min(out.minX, px);
      out.maxX = std::max(out.maxX, px);
      out.minY = std::min(out.minY, py);
      out.maxY = std::max(out.maxY, py);
    }
  }
  return out;
}

//! The tiles of zoom z over `extent` (EPSG:3857), row by row: first and last column and row.
struct TileRange
{
  int z = 0, x0 = 0, y0 = 0, x1 = -1, y1 = -1;
  int count() const { return std::max(0, x1 - x0 + 1) * std::max(0, y1 - y0 + 1); }
};

TileRange tilesOver(const gis::Envelope &extent, int z)
{
  const double span = tileResolution(z) * kTilePixels;
  const int last = (1 << z) - 1;
  auto column = [&](double x) {
    return std::clamp(int(std::floor((x + kMercatorHalfWorld) / span)), 0, last);
  };
  auto row = [&](double y) {
    return std::clamp(int(std::floor((kMercatorHalfWorld - y) / span)), 0, last);
  };
  return {z, column(extent.minX), row(extent.maxY), column(extent.maxX), row(extent.minY)};
}

//! More tiles than this means a view far coarser than its zoom (a whole-world view in a
//! projected CRS): a coarser zoom is drawn instead.
constexpr int kMaxTiles = 256;

} // namespace

bool looksLikeTileTemplate(const std::string &source)
{
  return source.starts_with("http://") || source.starts_with("https://") ||
         source.starts_with("file://") || source.find("{z}") != std::string::npos;
}

std::vector<std::string> splitSubdomains(const std::string &list)
{
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = std::min(list.find(',', start), list.size());
    std::string item = list.substr(start, comma - start);
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    if (!item.empty())
      out.push_back(item);
    start = comma + 1;
  }
  return out;
}

std::filesystem::path defaultTileCacheRoot()
{
  const QString cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
  return std::filesystem::path(cache.toStdString()) / "anzhi" / "tiles";
}

BasemapSpec tiandituPreset(const std::string &name, const std::string &layer,
                           const std::string &key)
{
  BasemapSpec spec;
  spec.name = name;
  spec.kind = BasemapSpec::Kind::Tiles;
  spec.source = "http://t{s}.tianditu.gov.cn/" + layer +
                "_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=" + layer +
                "&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}"
                "&TILECOL={x}&tk={key}";
  spec.key = key;
  spec.subdomains = {"0", "1", "2", "3", "4", "5", "6", "7"};
  return spec;
}

BasemapSource::BasemapSource(BasemapSpec spec, gis::Crs workingCrs, TileOptions tiles)
    : m_spec(std::move(spec))
    , m_workingCrs(std::move(workingCrs))
    , m_tiles(std::move(tiles))
{
}

BasemapImage BasemapSource::render(const MapTransform &view, const std::atomic<bool> *cancel) const
{
  if (!view.isValid())
    return {};
  try {
    BasemapImage out = m_spec.kind == BasemapSpec::Kind::File ? renderFile(view, cancel)
                                                              : renderTiles(view, cancel);
    out.cancelled = cancel && cancel->load();
    if (out.cancelled)
      out.image = QImage();
    return out;
  } catch (const std::exception &e) {
    BasemapImage out;
    out.error = m_spec.source + ": " + e.what();
    return out;
  }
}

BasemapImage BasemapSource::renderFile(const MapTransform &view,
                                       const std::atomic<bool> *cancel) const
{
  BasemapImage out;
  auto fail = [&](const std::string &why) {
    out.error = m_spec.source + ": " + why;
    return out;
  };
  QuietGdalErrors quiet;
  GDALDatasetUniquePtr raster(GDALDataset::Open(
      m_spec.source.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR));
  if (!raster)
    return fail("cannot open the raster: " + QuietGdalErrors::last());
  const int count = raster->GetRasterCount();
  if (count < 1)
    return fail("the raster has no band");
  std::array<double, 6> gt{};
  if (raster->GetGeoTransform(gt.data()) != CE_None)
    return fail("the raster has no georeferencing (geotransform)");
  // Unlike the DEM (a backdrop of the project's own), an image of unknown CRS would be drawn
  // in the wrong place without a word: refused.
  const OGRSpatialReference *rasterSrs = raster->GetSpatialRef();
  if (!rasterSrs)
    return fail("the raster has no CRS");
  OGRSpatialReference source = *rasterSrs;
  source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  auto isAlpha = [&](int band) {
    return band <= count && raster->GetRasterBand(band)->GetColorInterpretation() == GCI_AlphaBand;
  };
  // Red, green, blue (and alpha) in the first bands, as orthophotos come; one band is grey.
  std::vector<int> bands = count >= 3 ? std::vector<int>{1, 2, 3} : std::vector<int>{1, 1, 1};
  const int alpha = count >= 3 ? (isAlpha(4) ? 4 : 0) : (isAlpha(2) ? 2 : 0);
  std::string error;
  GDALDatasetUniquePtr onGrid =
      readOntoGrid(*raster, gt, source, gridOf(view), spatialReference(m_workingCrs), bands,
                   GDT_Byte, alpha, cancel, error);
  if (!onGrid) {
    if (!error.empty() && !(cancel && cancel->load()))
      return fail("cannot read the raster: " + error);
    return out; // off the raster, or cancelled
  }
  out.image = toImage(*onGrid, error);
  if (out.image.isNull())
    return fail("cannot read the raster: " + error);
  return out;
}

BasemapImage BasemapSource::renderTiles(const MapTransform &view,
                                        const std::atomic<bool> *cancel) const
{
  BasemapImage out;
  QuietGdalErrors quiet;
  const OGRSpatialReference working = spatialReference(m_workingCrs);
  OGRSpatialReference mercator;
  mercator.importFromEPSG(3857);
  mercator.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> toMercator(
      OGRCreateCoordinateTransformation(&working, &mercator));
  if (!toMercator) {
    out.error = m_spec.source + ": " + QuietGdalErrors::last();
    return out;
  }
  // The view's resolution in 3857 units at its centre (a 3857 metre is 1/cos(latitude) of a
  // ground metre: the zoom follows the tiles' own scale there).
  double x0 = view.centerX(), y0 = view.centerY();
  double x1 = x0 + view.unitsPerPixel(), y1 = y0;
  if (!toMercator->Transform(1, &x0, &y0) || !toMercator->Transform(1, &x1, &y1))
    return out; // the view is outside Web Mercator
  gis::Envelope extent = outlineIn(view, *toMercator);
  extent.minX = std::max(extent.minX, -kMercatorHalfWorld);
  extent.maxX = std::min(extent.maxX, kMercatorHalfWorld);
  extent.minY = std::max(extent.minY, -kMercatorHalfWorld);
  extent.maxY = std::min(extent.maxY, kMercatorHalfWorld);
  if (!(extent.minX < extent.maxX && extent.minY < extent.maxY))
    return out;
  TileRange range = tilesOver(extent, zoomFor(std::hypot(x1 - x0, y1 - y0)));
  while (range.count() > kMaxTiles && range.z > 0)
    range = tilesOver(extent, range.z - 1);
  out.zoom = range.z;
  std::vector<TileId> ids;
  for (int y = range.y0; y <= range.y1; ++y)
    for (int x = range.x0; x <= range.x1; ++x)
      ids.push_back({range.z, x, y});
  const TileTemplate service(m_spec.source, m_spec.key, m_spec.subdomains);
  out.tiles = fetchTiles(service, ids, m_tiles, cancel);
  if (out.tiles.unreachable)
    out.unreachable = service.label();
  if (out.tiles.cancelled)
    return out;
  const bool any = std::any_of(out.tiles.images.begin(), out.tiles.images.end(),
                               [](const QImage &tile) { return !tile.isNull(); });
  if (!any)
    return out;
  // The tiles side by side in one in-memory raster in 3857, RGBA (a missing tile: alpha 0).
  const int columns = range.x1 - range.x0 + 1, rows = range.y1 - range.y0 + 1;
  const double pixel = tileResolution(range.z), span = pixel * kTilePixels;
  const std::array<double, 6> gt{-kMercatorHalfWorld + range.x0 * span, pixel, 0,
                                 kMercatorHalfWorld - range.y0 * span,  0,     -pixel};
  GDALDatasetUniquePtr mosaic =
      memDataset(columns * kTilePixels, rows * kTilePixels, 4, GDT_Byte, gt, mercator, 0);
  if (!mosaic) {
    out.error = m_spec.source + ": " + QuietGdalErrors::last();
    return out;
  }
  mosaic->GetRasterBand(4)->SetColorInterpretation(GCI_AlphaBand);
  int bands[] = {1, 2, 3, 4};
  for (std::size_t i = 0; i < ids.size(); ++i) {
    QImage tile = out.tiles.images[i];
    if (tile.isNull())
      continue;
    if (tile.size() != QSize(kTilePixels, kTilePixels))
      tile = tile.scaled(kTilePixels, kTilePixels, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const int px = (ids[i].x - range.x0) * kTilePixels, py = (ids[i].y - range.y0) * kTilePixels;
    if (mosaic->RasterIO(GF_Write, px, py, kTilePixels, kTilePixels, tile.bits(), kTilePixels,
                         kTilePixels, GDT_Byte, 4, bands, 4, tile.bytesPerLine(), 1,
                         nullptr) != CE_None) {
      out.error = m_spec.source + ": " + QuietGdalErrors::last();
      return out;
    }
  }
  std::string error;
  GDALDatasetUniquePtr onGrid =
      warpOntoGrid(*mosaic, mercator, gridOf(view), working, cancel, error);
  if (!onGrid) {
    if (!(cancel && cancel->load()))
      out.error = m_spec.source + ": " + error;
    return out;
  }
  out.image = toImage(*onGrid, error);
  if (out.image.isNull())
    out.error = m_spec.source + ": " + error;
  return out;
}

} // namespace anzhi::render
