// Whole-layer reads of a read-only GeoPackage go straight through SQLite (gis/GpkgScan.h); a
// GeoPackage open for update is read through OGR. These tests write GeoPackages whose rows hold
// what the direct path treats specially (a curve, which it hands to OGR; an empty geometry; a value
// stored with another type than its column's; a date that is not one) and check both paths
// against the literals written.

#include "gis/GisError.h"
#include "gis/Vector.h"

#include "tests/support/TempDir.h"

#include <gtest/gtest.h>

#include <ogr_geometry.h>
#include <sqlite3.h>

#include <map>

namespace anzhi::gis {
namespace {

using anzhi::test::TempDir;

//! Runs SQL on the file with plain SQLite, after dropping the GeoPackage's R-tree triggers
//! (they call GDAL's SQL functions, which plain SQLite does not have). `blob`, if given, is
//! bound to the statement's one parameter.
void execute(const std::string &path, const std::string &sql,
             const std::vector<unsigned char> &blob = {})
{
  sqlite3 *db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  std::vector<std::string> triggers;
  sqlite3_exec(
      db, "SELECT name FROM sqlite_master WHERE type = 'trigger'",
      [](void *out, int, char **values, char **) {
        static_cast<std::vector<std::string> *>(out)->push_back(values[0]);
        return 0;
      },
      &triggers, nullptr);
  for (const std::string &t : triggers)
    sqlite3_exec(db, ("DROP TRIGGER \"" + t + "\"").c_str(), nullptr, nullptr, nullptr);
  sqlite3_stmt *statement = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db);
  if (!blob.empty())
    sqlite3_bind_blob(statement, 1, blob.data(), int(blob.size()), SQLITE_TRANSIENT);
  const int rc = sqlite3_step(statement);
  const std::string message = sqlite3_errmsg(db);
  sqlite3_finalize(statement);
  sqlite3_close(db);
  ASSERT_EQ(rc, SQLITE_DONE) << message;
}

//! A GeoPackage geometry blob (little endian, no envelope, srs 4546) of a WKT, made by OGR.
std::vector<unsigned char> gpkgBlob(const std::string &wkt)
{
  OGRGeometry *g = nullptr;
  EXPECT_EQ(OGRGeometryFactory::createFromWkt(wkt.c_str(), nullptr, &g), OGRERR_NONE);
  std::vector<unsigned char> blob = {'G',  'P',  0, std::uint8_t(0x01 | (g->IsEmpty() ? 0x10 : 0)),
                                     0xC2, 0x11, 0, 0}; // 4546 = 0x11C2
  std::vector<unsigned char> wkb(g->WkbSize());
  g->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
  delete g;
  blob.insert(blob.end(), wkb.begin(), wkb.end());
  return blob;
}

struct Row
{
  std::optional<std::int64_t> households;
  std::optional<std::string> name;
  std::string wkt; //!< "" when the feature has no geometry
};

//! Reads every row, through the direct path (read-only) or OGR (a dataset open for update).
std::map<std::int64_t, Row> readAll(const std::string &path, bool throughOgr)
{
  VectorDataset ds = VectorDataset::open(path, throughOgr ? VectorDataset::Mode::Update
                                                          : VectorDataset::Mode::ReadOnly);
  VectorLayer layer = ds.layer("resettlement_sites");
  const int households = layer.requireField("households", FieldType::Integer);
  const int name = layer.requireField("name", FieldType::String);
  std::map<std::int64_t, Row> rows;
  layer.forEach([&](const FeatureRow &r) {
    Geometry g = r.geometry();
    rows[r.fid()] = {r.integer(households), r.string(name), g ? toWkt(g.get()) : ""};
    return true;
  });
  return rows;
}

std::string writeSites(const TempDir &dir)
{
  const std::string path = dir.file("sites.gpkg");
  VectorDataset ds = VectorDataset::createGeoPackage(path);
  LayerWriter w = ds.createLayer(
      "resettlement_sites", GeometryKind::Any, Crs::fromUserInput("EPSG:4546"),
      {{"households", FieldType::Integer}, {"name", FieldType::String}, {"done", FieldType::Date}});
  Transaction t(ds);
  w.add(fromWkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))").get(), {std::int64_t(40), "甲", {}});
  w.add(fromWkt("POLYGON ((20 0, 30 0, 30 10, 20 10, 20 0))").get(), {std::int64_t(7), "乙", {}});
  w.add(nullptr, {{}, {}, {}});
  t.commit();
  return path;
}

TEST(GpkgScan, CurveGoesThroughOgrAndComesOutLinearised)
{
  TempDir dir;
  const std::string path = writeSites(dir);
  // Feature 2 becomes a curve polygon: a half-disc of radius 5 over the segment (20 0)–(30 0).
  execute(path, "UPDATE resettlement_sites SET geom = ? WHERE fid = 2",
          gpkgBlob("CURVEPOLYGON(COMPOUNDCURVE(CIRCULARSTRING(20 0, 25 5, 30 0), (30 0, 20 0)))"));
  for (bool throughOgr : {false, true}) {
    auto rows = readAll(path, throughOgr);
    ASSERT_EQ(rows.size(), 3u);
    Geometry g = fromWkt(rows[2].wkt);
    // A linearised half-disc: area just under π·5²/2 = 39.27 m², bounds 20..30 × 0..5.
    EXPECT_NEAR(planarArea(g.get()), 39.27, 0.2) << throughOgr;
    EXPECT_LE(planarArea(g.get()), 39.27) << throughOgr;
    const Envelope e = envelope(g.get());
    EXPECT_NEAR(e.minX, 20, 1e-9);
    EXPECT_NEAR(e.maxX, 30, 1e-9);
    EXPECT_NEAR(e.maxY, 5, 0.01);
    EXPECT_EQ(rows[1].wkt, "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");
    EXPECT_EQ(rows[3].wkt, "");
  }
}

TEST(GpkgScan, EmptyGeometryAndValuesOfAnotherTypeReadAsOgrReadsThem)
{
  TempDir dir;
  const std::string path = writeSites(dir);
  // SQLite keeps what it is given: a whole real in the integer column, an integer in the text
  // column; feature 1's geometry becomes an empty polygon.
  execute(path, "UPDATE resettlement_sites SET households = 12.0, name = 305 WHERE fid = 1");
  execute(path, "UPDATE resettlement_sites SET geom = ? WHERE fid = 1", gpkgBlob("POLYGON EMPTY"));
  const auto direct = readAll(path, false);
  const auto ogr = readAll(path, true);
  for (const auto *rows : {&direct, &ogr}) {
    EXPECT_EQ(rows->at(1).households, 12);
    EXPECT_EQ(rows->at(1).name, "305");
    EXPECT_EQ(rows->at(1).wkt, "POLYGON EMPTY");
    EXPECT_EQ(rows->at(3).households, std::nullopt);
  }
}

TEST(GpkgScan, TextInAnIntegerColumnNamesFileLayerFeatureAndField)
{
  TempDir dir;
  const std::string path = writeSites(dir);
  execute(path, "UPDATE resettlement_sites SET households = 'many' WHERE fid = 2");
  // OGR reads it as 0 (SQLite's conversion), which no caller can tell from a real 0; the scan
  // that loading uses reads what SQLite stored and refuses it.
  EXPECT_EQ(readAll(path, true).at(2).households, 0);
  try {
    (void)readAll(path, false);
    FAIL() << "a text was read as a whole number";
  } catch (const GisError &e) {
    const std::string m = e.what();
    EXPECT_NE(m.find(path), std::string::npos) << m;
    EXPECT_NE(m.find("feature 2"), std::string::npos) << m;
    EXPECT_NE(m.find("'households'"), std::string::npos) << m;
    EXPECT_NE(m.find("'many'"), std::string::npos) << m;
  }
}

TEST(GpkgScan, DateThatIsNotOneNamesFileLayerFeatureAndField)
{
  TempDir dir;
  const std::string path = writeSites(dir);
  execute(path, "UPDATE resettlement_sites SET done = '2020-13-45' WHERE fid = 2");
  VectorDataset ds = VectorDataset::open(path);
  VectorLayer layer = ds.layer("resettlement_sites");
  const int done = layer.requireField("done", FieldType::Date);
  try {
    layer.forEach([&](const FeatureRow &r) {
      (void)r.date(done);
      return true;
    });
    FAIL() << "a month 13 was read as a date";
  } catch (const GisError &e) {
    const std::string m = e.what();
    EXPECT_NE(m.find(path), std::string::npos) << m;
    EXPECT_NE(m.find("resettlement_sites"), std::string::npos) << m;
    EXPECT_NE(m.find("feature 2"), std::string::npos) << m;
    EXPECT_NE(m.find("'done'"), std::string::npos) << m;
  }
}

} // namespace
} // namespace anzhi::gis
