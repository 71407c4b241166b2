// Basemaps under the plan: an orthophoto GeoTIFF's colours land at the pixels its transform
// puts them (computed here from the geotransform), in the working CRS or another; a grey band
// is grey; Web Mercator tiles the test writes to a folder (their z/x/y from the textbook Web
// Mercator formulas) are drawn from a file:// template at the zoom just finer than the view,
// each colour where its tile is, and are cached; with the folder gone the view comes from the
// cache alone; a service that does not answer leaves the view transparent, names itself, and
// is not asked again within the no-retry window; a cancelled render draws nothing.

#include "app/render/Basemap.h"
#include "app/render/MapRenderer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <filesystem>
#include <functional>
#include <memory>

using namespace anzhi;

namespace {

constexpr double kPi = 3.14159265358979323846;

//! A Byte GeoTIFF of `bands` bands whose cell (col, row) holds colour(x, y) at its centre.
void writeImage(const std::string &path, int epsg, double originX, double originY, double cell,
                int cols, int rows, int bands, const std::function<QColor(double, double)> &colour)
{
  GDALAllRegister();
  GDALDriver *gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
  GDALDatasetUniquePtr ds(gtiff->Create(path.c_str(), cols, rows, bands, GDT_Byte, nullptr));
  QVERIFY(ds);
  double gt[6] = {originX, cell, 0, originY, 0, -cell};
  ds->SetGeoTransform(gt);
  OGRSpatialReference srs;
  srs.importFromEPSG(epsg);
  ds->SetSpatialRef(&srs);
  for (int b = 1; b <= bands; ++b) {
    std::vector<GByte> values(std::size_t(cols) * std::size_t(rows));
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < cols; ++c) {
        const QColor k = colour(originX + (c + 0.5) * cell, originY - (r + 0.5) * cell);
        values[std::size_t(r) * std::size_t(cols) + std::size_t(c)] = GByte(b == 1   ? k.red()
                                                                            : b == 2 ? k.green()
                                                                                     : k.blue());
      }
    QCOMPARE(ds->GetRasterBand(b)->RasterIO(GF_Write, 0, 0, cols, rows, values.data(), cols, rows,
                                            GDT_Byte, 0, 0, nullptr),
             CE_None);
  }
}

bool near(const QColor &a, const QColor &b, int tolerance = 3)
{
  return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance &&
         std::abs(a.blue() - b.blue()) <= tolerance && std::abs(a.alpha() - b.alpha()) <= tolerance;
}

QString describe(const QColor &got, const QColor &expected, int x, int y)
{
  return QString("(%1, %2): got %3 alpha %4, expected %5")
      .arg(x)
      .arg(y)
      .arg(got.name())
      .arg(got.alpha())
      .arg(expected.name());
}

std::shared_ptr<core::Project> emptyProject()
{
  auto project = std::make_shared<core::Project>();
  project->workingCrs = gis::Crs::fromEpsg(4546);
  return project;
}

// On the central meridian of EPSG:4546 (111°E), about 36.1°N.
constexpr double kCx = 500000, kCy = 4000000;

const QColor kNorthWest(200, 30, 30), kNorthEast(30, 200, 30), kSouthWest(30, 30, 200),
    kSouthEast(220, 200, 40);

QColor quadrant(double x, double y)
{
  return y > kCy ? (x < kCx ? kNorthWest : kNorthEast) : (x < kCx ? kSouthWest : kSouthEast);
}

//! The colour the test gives Web Mercator tile (x, y).
QColor tileColour(int x, int y)
{
  return QColor(40 + 45 * (x % 5), 40 + 45 * (y % 5), 100 + 60 * ((x + 2 * y) % 3));
}

//! Where (lon, lat) is in the tiles of zoom z, in tiles (the integer part names the tile):
//! x = (lon + 180) / 360 · 2^z, y = (1 − ln(tan φ + sec φ) / π) / 2 · 2^z.
QPointF tileCoordinates(double lon, double lat, int z)
{
  const double n = std::ldexp(1.0, z), phi = lat * kPi / 180;
  return {(lon + 180) / 360 * n, (1 - std::log(std::tan(phi) + 1 / std::cos(phi)) / kPi) / 2 * n};
}

} // namespace

class BasemapTest : public QObject
{
  Q_OBJECT

private:
  QTemporaryDir m_dir;
  std::unique_ptr<OGRCoordinateTransformation> m_toLonLat;

  std::string file(const QString &name) const { return m_dir.filePath(name).toStdString(); }

  static render::BasemapSpec fileSpec(const std::string &path)
  {
    render::BasemapSpec spec;
    spec.name = "ortho";
    spec.kind = render::BasemapSpec::Kind::File;
    spec.source = path;
    return spec;
  }
  static render::BasemapSpec tileSpec(const std::string &pattern)
  {
    render::BasemapSpec spec;
    spec.name = "tiles";
    spec.kind = render::BasemapSpec::Kind::Tiles;
    spec.source = pattern;
    return spec;
  }

  QPointF lonLat(double x, double y) const
  {
    m_toLonLat->Transform(1, &x, &y);
    return {x, y};
  }

  //! Writes solid tiles of zoom z around (lon, lat) into folder/z/x/y.png.
  void writeTiles(const QString &folder, int z, double lon, double lat, int radius) const
  {
    const QPointF centre = tileCoordinates(lon, lat, z);
    for (int x = int(centre.x()) - radius; x <= int(centre.x()) + radius; ++x)
      for (int y = int(centre.y()) - radius; y <= int(centre.y()) + radius; ++y) {
        const QString dir = QString("%1/%2/%3").arg(folder).arg(z).arg(x);
        QVERIFY(QDir().mkpath(dir));
        QImage tile(256, 256, QImage::Format_RGB32);
        tile.fill(tileColour(x, y));
        QVERIFY(tile.save(QString("%1/%2.png").arg(dir).arg(y)));
      }
  }

  //! Checks every 7th pixel of `image` (the view `view`) against the tile the test computes
  //! for it at zoom z, skipping pixels within 3% of a tile's edge; returns how many matched.
  int checkTiles(const QImage &image, const render::MapTransform &view, int z) const
  {
    int checked = 0;
    for (int py = 3; py < image.height(); py += 7)
      for (int px = 3; px < image.width(); px += 7) {
        const QPointF map = view.toMap(QPointF(px + 0.5, py + 0.5));
        const QPointF ll = lonLat(map.x(), map.y());
        const QPointF t = tileCoordinates(ll.x(), ll.y(), z);
        const double fx = t.x() - std::floor(t.x()), fy = t.y() - std::floor(t.y());
        if (fx < 0.03 || fx > 0.97 || fy < 0.03 || fy > 0.97)
          continue;
        const QColor expected = tileColour(int(t.x()), int(t.y()));
        const QColor got = image.pixelColor(px, py);
        if (!near(got, expected))
          qWarning("%s", qPrintable(describe(got, expected, px, py)));
        if (!near(got, expected))
          return -1;
        ++checked;
      }
    return checked;
  }

private slots:
  void initTestCase()
  {
    QVERIFY(m_dir.isValid());
    GDALAllRegister();
    OGRSpatialReference gk, geographic;
    gk.importFromEPSG(4546);
    geographic.importFromEPSG(4326);
    gk.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    geographic.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    m_toLonLat.reset(OGRCreateCoordinateTransformation(&gk, &geographic));
    QVERIFY(m_toLonLat);
  }

  void anOrthophotoShowsItsColoursWhereItsTransformPutsThem()
  {
    // 10 m cells from 1 km west and north of the centre to 600 m east and south of it.
    const std::string ortho = file("ortho.tif");
    writeImage(ortho, 4546, kCx - 1000, kCy + 1000, 10, 160, 160, 3, quadrant);
    // 100 × 100 pixels of 20 m: 1 km either side of the centre, so the raster ends at
    // x = kCx + 600 (pixel 80) and y = kCy − 600 (pixel 80).
    const render::MapTransform view(kCx, kCy, 20, QSize(100, 100));
    const render::BasemapSource source(fileSpec(ortho), gis::Crs::fromEpsg(4546));
    const render::BasemapImage drawn = source.render(view);
    QVERIFY2(drawn.error.empty(), drawn.error.c_str());
    QCOMPARE(drawn.image.size(), QSize(100, 100));
    int checked = 0;
    for (int py = 1; py < 100; py += 3)
      for (int px = 1; px < 100; px += 3) {
        const double x = kCx - 1000 + (px + 0.5) * 20, y = kCy + 1000 - (py + 0.5) * 20;
        if (std::abs(x - kCx) < 40 || std::abs(y - kCy) < 40 || std::abs(x - (kCx + 600)) < 40 ||
            std::abs(y - (kCy - 600)) < 40)
          continue; // the bilinear kernel mixes colours at edges
        const bool inside = x < kCx + 600 && y > kCy - 600;
        const QColor expected = inside ? quadrant(x, y) : QColor(0, 0, 0, 0);
        const QColor got = drawn.image.pixelColor(px, py);
        QVERIFY2(near(got, expected), qPrintable(describe(got, expected, px, py)));
        ++checked;
      }
    QVERIFY(checked > 500);

    // Under the layers at half opacity over the white background.
    render::RenderRequest request;
    request.project = emptyProject();
    request.labels = false;
    request.transform = view;
    request.basemaps = {{std::make_shared<render::BasemapSource>(source), true, 0.5}};
    render::RenderStats stats;
    const QImage map = render::MapRenderer().render(request, nullptr, &stats);
    QVERIFY2(stats.basemapError.empty(), stats.basemapError.c_str());
    const QColor blended((200 + 255) / 2.0, (30 + 255) / 2.0, (30 + 255) / 2.0);
    QVERIFY2(near(map.pixelColor(20, 20), blended),
             qPrintable(describe(map.pixelColor(20, 20), blended, 20, 20)));
    QCOMPARE(map.pixelColor(95, 95), QColor(Qt::white)); // off the raster
    request.basemaps.front().visible = false;
    QCOMPARE(render::MapRenderer().render(request).pixelColor(20, 20), QColor(Qt::white));
  }

  void aGreyBandIsGreyAndAnotherCrsIsWarped()
  {
    // One band in EPSG:4326: 60 west of 111°E, 180 east of it (the view's central meridian,
    // x = 500 000, pixel column 50).
    const std::string grey = file("grey.tif");
    writeImage(grey, 4326, 110.9, 36.3, 0.0005, 400, 600, 1, [](double lon, double) {
      return lon < 111 ? QColor(60, 60, 60) : QColor(180, 180, 180);
    });
    const render::MapTransform view(kCx, kCy, 20, QSize(100, 100));
    const render::BasemapImage drawn =
        render::BasemapSource(fileSpec(grey), gis::Crs::fromEpsg(4546)).render(view);
    QVERIFY2(drawn.error.empty(), drawn.error.c_str());
    for (int py : {5, 50, 95}) {
      QVERIFY(near(drawn.image.pixelColor(10, py), QColor(60, 60, 60)));
      QVERIFY(near(drawn.image.pixelColor(46, py), QColor(60, 60, 60)));
      QVERIFY(near(drawn.image.pixelColor(54, py), QColor(180, 180, 180)));
      QVERIFY(near(drawn.image.pixelColor(90, py), QColor(180, 180, 180)));
    }
  }

  void aRasterThatCannotBeReadSaysWhich()
  {
    const std::string bogus = file("not-a-raster.tif");
    QFile f(QString::fromStdString(bogus));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("no image");
    f.close();
    const render::BasemapImage drawn =
        render::BasemapSource(fileSpec(bogus), gis::Crs::fromEpsg(4546))
            .render(render::MapTransform(kCx, kCy, 20, QSize(50, 50)));
    QVERIFY(drawn.image.isNull());
    QVERIFY(QString::fromStdString(drawn.error).contains("not-a-raster.tif"));
  }

  void tilesAreDrawnCachedAndServedFromTheCacheAlone()
  {
    const QString folder = m_dir.filePath("tiles");
    const QString cache = m_dir.filePath("cache");
    // 200 × 200 pixels of 20 m. The zoom just finer than the view: 3857 metres per pixel are
    // ground metres / cos φ, and zoom z has 2π · 6378137 / (256 · 2^z) of them per pixel.
    const render::MapTransform view(kCx, kCy, 20, QSize(200, 200));
    const QPointF centre = lonLat(kCx, kCy);
    const double perPixel = 20 / std::cos(centre.y() * kPi / 180);
    const int z = int(std::ceil(std::log2(2 * kPi * 6378137 / (256 * perPixel))));
    QCOMPARE(z, 13); // 2^12.63: not near a zoom's edge
    writeTiles(folder, z, centre.x(), centre.y(), 3);

    render::TileOptions options;
    options.cacheRoot = cache.toStdString();
    const render::BasemapSpec spec =
        tileSpec(QUrl::fromLocalFile(folder).toString().toStdString() + "/{z}/{x}/{y}.png");
    const render::BasemapImage drawn =
        render::BasemapSource(spec, gis::Crs::fromEpsg(4546), options).render(view);
    QVERIFY2(drawn.error.empty(), drawn.error.c_str());
    QVERIFY(drawn.unreachable.empty());
    QCOMPARE(drawn.zoom, z);
    QVERIFY(drawn.tiles.fetched >= 4);
    QCOMPARE(drawn.tiles.fromCache, 0);
    QVERIFY(checkTiles(drawn.image, view, z) > 300);

    // The cache holds the fetched tiles under <root>/<service>/z/x/y.
    const auto services = QDir(cache).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QCOMPARE(services.size(), 1);
    const QPointF t = tileCoordinates(centre.x(), centre.y(), z);
    QVERIFY(QFile::exists(
        QString("%1/%2/%3/%4/%5").arg(cache, services[0]).arg(z).arg(int(t.x())).arg(int(t.y()))));

    // The service gone, the view comes from the cache alone.
    QVERIFY(QDir(folder).removeRecursively());
    const render::BasemapImage cached =
        render::BasemapSource(spec, gis::Crs::fromEpsg(4546), options).render(view);
    QCOMPARE(cached.tiles.attempts, 0);
    QCOMPARE(cached.tiles.fromCache, drawn.tiles.fetched);
    QVERIFY(cached.unreachable.empty());
    QVERIFY(checkTiles(cached.image, view, z) > 300);

    // Panned off the cached tiles, offline: nothing asked, nothing drawn, nothing reported.
    options.offline = true;
    const render::MapTransform far(kCx + 50000, kCy, 20, QSize(200, 200));
    const render::BasemapImage offline =
        render::BasemapSource(spec, gis::Crs::fromEpsg(4546), options).render(far);
    QCOMPARE(offline.tiles.attempts, 0);
    QVERIFY(offline.image.isNull());
    QVERIFY(offline.unreachable.empty());
  }

  void anUnreachableServiceIsNamedAndLeftAloneForAWhile()
  {
    const QString missing = m_dir.filePath("no-such-folder");
    const render::BasemapSpec spec =
        tileSpec(QUrl::fromLocalFile(missing).toString().toStdString() + "/{z}/{x}/{y}.png");
    render::TileOptions options;
    options.cacheRoot = m_dir.filePath("cache-unreachable").toStdString();
    options.retryAfterSeconds = 3600;
    const render::MapTransform view(kCx, kCy, 20, QSize(200, 200));
    const render::BasemapImage first =
        render::BasemapSource(spec, gis::Crs::fromEpsg(4546), options).render(view);
    QVERIFY(first.image.isNull()); // transparent: nothing cached
    QVERIFY(first.error.empty());
    QVERIFY(first.tiles.attempts > 0);
    QVERIFY(QString::fromStdString(first.unreachable).contains("no-such-folder"));

    // Within the window: not asked again, still reported.
    const render::BasemapImage second =
        render::BasemapSource(spec, gis::Crs::fromEpsg(4546), options).render(view);
    QCOMPARE(second.tiles.attempts, 0);
    QCOMPARE(second.unreachable, first.unreachable);

    // The window over, it is asked again.
    options.retryAfterSeconds = 0;
    const render::BasemapImage third =
        render::BasemapSource(spec, gis::Crs::fromEpsg(4546), options).render(view);
    QVERIFY(third.tiles.attempts > 0);

    // Nothing listens on the discard port: the map says which host did not answer.
    render::RenderRequest request;
    request.project = emptyProject();
    request.labels = false;
    request.transform = view;
    request.basemaps = {{std::make_shared<render::BasemapSource>(
        tileSpec("http://127.0.0.1:9/{z}/{x}/{y}.png"), gis::Crs::fromEpsg(4546), options)}};
    render::RenderStats stats;
    const QImage map = render::MapRenderer().render(request, nullptr, &stats);
    QVERIFY(stats.unreachableServices == std::vector<std::string>{"127.0.0.1:9"});
    QCOMPARE(map.pixelColor(100, 100), QColor(Qt::white));
  }

  void aCancelledRenderDrawsNothingAndAsksNothing()
  {
    const QString folder = m_dir.filePath("tiles-cancel");
    const QPointF centre = lonLat(kCx, kCy);
    writeTiles(folder, 13, centre.x(), centre.y(), 2);
    render::TileOptions options;
    options.cacheRoot = m_dir.filePath("cache-cancel").toStdString();
    const render::BasemapSpec spec =
        tileSpec(QUrl::fromLocalFile(folder).toString().toStdString() + "/{z}/{x}/{y}.png");
    const std::atomic<bool> cancel{true};
    const render::BasemapImage drawn =
        render::BasemapSource(spec, gis::Crs::fromEpsg(4546), options)
            .render(render::MapTransform(kCx, kCy, 20, QSize(200, 200)), &cancel);
    QVERIFY(drawn.cancelled);
    QVERIFY(drawn.image.isNull());
    QCOMPARE(drawn.tiles.attempts, 0);
  }

  void templatesFillTheirPlaceholders()
  {
    // Zoom 3, column 5, row 2: the TMS row counts from the south, 2^3 − 1 − 2 = 5; {s} takes
    // the subdomain (5 + 2) mod 3 = 1.
    const render::TileTemplate t("http://t{s}.example.org/{z}/{x}/{y}/{-y}?tk={key}", "K",
                                 {"a", "b", "c"});
    QCOMPARE(t.url({3, 5, 2}), std::string("http://tb.example.org/3/5/2/5?tk=K"));
    QCOMPARE(t.label(), std::string("t{s}.example.org"));
    // The key is not part of the service's identity: a new key keeps the cache.
    QCOMPARE(render::TileTemplate(t.pattern(), "other", {}).id(), t.id());
    const render::BasemapSpec img = render::tiandituPreset("img", "img", "KEY");
    const std::string url =
        render::TileTemplate(img.source, img.key, img.subdomains).url({10, 822, 397});
    QVERIFY(url.starts_with("http://t3.tianditu.gov.cn/img_w/wmts?"));
    QVERIFY(url.find("TILEMATRIX=10&TILEROW=397&TILECOL=822&tk=KEY") != std::string::npos);
  }
};

QTEST_MAIN(BasemapTest)
#include "BasemapTest.moc"
