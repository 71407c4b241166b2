// The DEM drawn as a hillshade under the layers: a plane's hillshade is the grey its slope and
// aspect give by the textbook formula (computed here by hand), alone and at the style's
// opacity over the white background; a DEM in another CRS lands where it belongs; a hidden
// hillshade draws nothing; a DEM that is not a raster draws nothing and says why, without
// throwing; the project names its DEM by a raster table or by anzhi_settings.dem_path.

#include "app/render/Hillshade.h"
#include "app/render/MapRenderer.h"
#include "gis/Vector.h"

#include <QTemporaryDir>
#include <QtTest>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <sqlite3.h>

#include <cmath>
#include <fstream>
#include <functional>
#include <memory>

using namespace anzhi;

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kTan30 = 0.57735026918962576;

//! Writes a one-band Float32 GeoTIFF whose cell (col, row) holds z(x, y) at the cell's centre.
void writeDem(const std::string &path, int epsg, double originX, double originY, double cellX,
              double cellY, int cols, int rows, const std::function<double(double, double)> &z)
{
  GDALAllRegister();
  GDALDriver *gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
  GDALDatasetUniquePtr ds(gtiff->Create(path.c_str(), cols, rows, 1, GDT_Float32, nullptr));
  QVERIFY(ds);
  double gt[6] = {originX, cellX, 0, originY, 0, -cellY};
  ds->SetGeoTransform(gt);
  OGRSpatialReference srs;
  srs.importFromEPSG(epsg);
  ds->SetSpatialRef(&srs);
  ds->GetRasterBand(1)->SetNoDataValue(-9999);
  std::vector<float> values(std::size_t(cols) * std::size_t(rows));
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c)
      values[std::size_t(r) * std::size_t(cols) + std::size_t(c)] =
          float(z(originX + (c + 0.5) * cellX, originY - (r + 0.5) * cellY));
  QCOMPARE(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, cols, rows, values.data(), cols, rows,
                                          GDT_Float32, 0, 0, nullptr),
           CE_None);
}

//! 255 (cos(zenith) cos(slope) + sin(zenith) sin(slope) cos(azimuth - aspect)), at least 0:
//! the light at 315° azimuth, 45° altitude; aspect is the compass direction the slope faces.
double expectedGrey(double slopeDegrees, double aspectDegrees)
{
  const double zenith = (90 - 45) * kPi / 180, azimuth = 315 * kPi / 180;
  const double slope = slopeDegrees * kPi / 180, aspect = aspectDegrees * kPi / 180;
  return std::max(0.0, 255 * (std::cos(zenith) * std::cos(slope) +
                              std::sin(zenith) * std::sin(slope) * std::cos(azimuth - aspect)));
}

std::shared_ptr<core::Project> emptyProject()
{
  auto project = std::make_shared<core::Project>();
  project->workingCrs = gis::Crs::fromEpsg(4546);
  return project;
}

// A view of 100 x 100 pixels at 10 m, centred on the central meridian of EPSG:4546 (111°E).
constexpr double kCx = 500000, kCy = 4000000;
const render::MapTransform kView(kCx, kCy, 10, QSize(100, 100));

} // namespace

class HillshadeTest : public QObject
{
  Q_OBJECT

private:
  QTemporaryDir m_dir;
  std::string m_plane;

  std::string file(const char *name) const { return m_dir.filePath(name).toStdString(); }

  render::RenderRequest request(const std::string &dem) const
  {
    render::RenderRequest r;
    r.project = emptyProject();
    r.labels = false;
    r.transform = kView;
    r.hillshade = std::make_shared<render::HillshadeSource>(dem, gis::Crs::fromEpsg(4546));
    return r;
  }

private slots:
  void initTestCase()
  {
    QVERIFY(m_dir.isValid());
    // A plane rising to the east at 30°, 5 m cells, well beyond the view.
    m_plane = file("plane.tif");
    writeDem(m_plane, 4546, kCx - 1000, kCy + 1000, 5, 5, 400, 400,
             [](double x, double) { return (x - (kCx - 1000)) * kTan30; });
  }

  void planeIsUniformAndMatchesTheFormula()
  {
    // Rising to the east, the plane faces west (aspect 270°) with a slope of 30°.
    const double grey = expectedGrey(30, 270);
    const render::HillshadeSource source(m_plane, gis::Crs::fromEpsg(4546));
    const render::HillshadeImage shaded = source.render(kView);
    QVERIFY2(shaded.error.empty(), shaded.error.c_str());
    QCOMPARE(shaded.image.size(), QSize(100, 100));
    for (QPoint at : {QPoint(50, 50), QPoint(0, 0), QPoint(99, 99), QPoint(10, 80)}) {
      const QColor c = shaded.image.pixelColor(at);
      QCOMPARE(c.alpha(), 255);
      QVERIFY2(std::abs(c.red() - grey) <= 2, qPrintable(QString("%1 at (%2, %3), expected %4")
                                                             .arg(c.red())
                                                             .arg(at.x())
                                                             .arg(at.y())
                                                             .arg(grey)));
      QCOMPARE(c.green(), c.red());
    }

    // Drawn under the layers at the style's opacity over the white background.
    render::RenderStats stats;
    const QImage map = render::MapRenderer().render(request(m_plane), nullptr, &stats);
    QVERIFY2(stats.hillshadeError.empty(), stats.hillshadeError.c_str());
    const double opacity = render::MapStyle::defaults().hillshadeOpacity;
    const double blended = opacity * grey + (1 - opacity) * 255;
    QVERIFY(std::abs(map.pixelColor(50, 50).red() - blended) <= 2);
  }

  void aDemInAnotherCrsLandsWhereItBelongs()
  {
    // In EPSG:4326, from west of the view to 111°E: the view's left half (x < 500 000 is west
    // of the central meridian). Rising to the east at about 30° again.
    OGRSpatialReference gk, geographic;
    gk.importFromEPSG(4546);
    geographic.importFromEPSG(4326);
    gk.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    geographic.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> toLonLat(
        OGRCreateCoordinateTransformation(&gk, &geographic));
    double lon = kCx - 1000, lat = kCy;
    QVERIFY(toLonLat->Transform(1, &lon, &lat));
    const double metresPerDegreeLon = 111320 * std::cos(lat * kPi / 180);
    const double cell = 0.00005;
    const int cols = int(std::round((111 - (lon - 0.002)) / cell));
    const double west = 111 - cols * cell;
    const std::string dem = file("left-half-4326.tif");
    writeDem(dem, 4326, west, lat + 0.01, cell, cell, cols, 400,
             [&](double x, double) { return (x - west) * metresPerDegreeLon * kTan30; });

    render::RenderStats stats;
    const QImage map = render::MapRenderer().render(request(dem), nullptr, &stats);
    QVERIFY2(stats.hillshadeError.empty(), stats.hillshadeError.c_str());
    const double opacity = render::MapStyle::defaults().hillshadeOpacity;
    const double blended = opacity * expectedGrey(30, 270) + (1 - opacity) * 255;
    // The DEM's east edge is the view's middle column (pixel 50 starts at x = 500 000).
    for (int y : {10, 50, 90}) {
      for (int x : {0, 25, 47})
        QVERIFY2(std::abs(map.pixelColor(x, y).red() - blended) <= 3,
                 qPrintable(QString("%1 at (%2, %3), expected %4")
                                .arg(map.pixelColor(x, y).red())
                                .arg(x)
                                .arg(y)
                                .arg(blended)));
      for (int x : {51, 75, 99})
        QCOMPARE(map.pixelColor(x, y), QColor(Qt::white));
    }
  }

  void aHiddenHillshadeDrawsNothing()
  {
    render::RenderRequest r = request(m_plane);
    r.hillshadeVisible = false;
    const QImage map = render::MapRenderer().render(r);
    QCOMPARE(map.pixelColor(50, 50), QColor(Qt::white));
    QCOMPARE(map.pixelColor(0, 0), QColor(Qt::white));
  }

  void aDemThatIsNotARasterDrawsNothingAndSaysWhy()
  {
    const std::string text = file("notes.tif");
    std::ofstream(text) << "not a raster\n";
    render::RenderStats stats;
    QImage map;
    try {
      map = render::MapRenderer().render(request(text), nullptr, &stats);
    } catch (...) {
      QFAIL("an exception escaped the renderer");
    }
    QCOMPARE(map.pixelColor(50, 50), QColor(Qt::white));
    QVERIFY(stats.hillshadeError.find(text) != std::string::npos);
    QVERIFY(!stats.cancelled);

    render::RenderStats missing;
    render::MapRenderer().render(request(file("nowhere.tif")), nullptr, &missing);
    QVERIFY(missing.hillshadeError.find("nowhere.tif") != std::string::npos);
  }

  void aCancelledHillshadeStops()
  {
    std::atomic<bool> cancel{true};
    const render::HillshadeSource source(m_plane, gis::Crs::fromEpsg(4546));
    const render::HillshadeImage shaded = source.render(kView, &cancel);
    QVERIFY(shaded.cancelled);
    QVERIFY(shaded.image.isNull());
    QVERIFY(shaded.error.empty());
  }

  void theProjectNamesItsDem()
  {
    auto exec = [](const std::string &path, const char *sql) {
      sqlite3 *db = nullptr;
      QCOMPARE(sqlite3_open(path.c_str(), &db), SQLITE_OK);
      QCOMPARE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
      sqlite3_close(db);
    };
    // Real GeoPackages (the DEM is looked up as the slope rule looks it up: through GDAL).
    auto geoPackage = [&](const char *name) {
      const std::string path = file(name);
      gis::VectorDataset::createGeoPackage(path);
      return path;
    };
    const std::string none = geoPackage("none.gpkg");
    QVERIFY(!render::findHillshadeDem(none));

    const std::string settings = geoPackage("settings.gpkg");
    exec(settings, "CREATE TABLE anzhi_settings(key TEXT PRIMARY KEY, value TEXT);"
                   "INSERT INTO anzhi_settings VALUES ('dem_path', 'terrain/dem.tif')");
    QCOMPARE(render::findHillshadeDem(settings), std::optional(file("terrain/dem.tif")));
    exec(settings, "UPDATE anzhi_settings SET value = '/data/dem.tif'");
    QCOMPARE(render::findHillshadeDem(settings), std::optional<std::string>("/data/dem.tif"));

    // A raster table wins over the setting.
    exec(settings, "INSERT INTO gpkg_contents(table_name, data_type) "
                   "VALUES ('dem', '2d-gridded-coverage')");
    QCOMPARE(render::findHillshadeDem(settings), std::optional("GPKG:" + settings + ":dem"));

    QVERIFY(!render::findHillshadeDem(file("absent.gpkg")));
  }
};

QTEST_MAIN(HillshadeTest)
#include "HillshadeTest.moc"
