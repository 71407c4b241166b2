// Typed garbage (docs/bad-input.md): a geometry of the wrong dimension for its layer, and field
// values that are not what the field holds. SQLite is dynamically typed, so a column declared
// INTEGER can hold any text or a real beyond int64; each case stores one with plain sqlite3 and
// runs `anzhi-cli check` on it. Before the fix these values were read silently: the feature
// dropped out of every rule, '一千' read as 0, 9e99 as INT64_MAX.

#include "BadInputFixture.h"

using namespace anzhi;
using namespace anzhi::test;
using namespace anzhi::test::bad_input;

namespace {

//! Two sites, population declared `type`, both 100 people; the caller stores garbage in one.
std::string twoSites(const std::string &path, gis::FieldType type)
{
  gis::VectorDataset ds = gis::VectorDataset::createGeoPackage(path);
  auto w =
      ds.createLayer("resettlement_sites", gis::GeometryKind::Polygon, gis::Crs::fromEpsg(4546),
                     {{"code", gis::FieldType::String},
                      {"setting", gis::FieldType::String},
                      {"population", type},
                      {"support_plan", gis::FieldType::Integer}});
  for (int i = 0; i < 2; ++i) {
    gis::Geometry g = gis::fromWkt(rect(X0 + 100 * i, Y0, X0 + 100 * i + 10, Y0 + 10));
    const FieldValue population =
        type == gis::FieldType::Real ? FieldValue(100.0) : FieldValue(std::int64_t(100));
    w.add(g.get(), {FieldValue("AZQ-" + std::to_string(i + 1)), FieldValue("rural"), population,
                    FieldValue(std::int64_t(1))});
  }
  return path;
}

//! Sets a site's population with plain sqlite3, as another tool would (the R-tree triggers call
//! GeoPackage SQL functions plain sqlite3 lacks: dropped first; they do not matter to a read).
void storePopulation(const std::string &path, std::int64_t fid, const std::string &literal)
{
  for (int i = 1; i <= 7; ++i)
    sql(path, "DROP TRIGGER IF EXISTS rtree_resettlement_sites_geom_update" + std::to_string(i));
  sql(path, "UPDATE resettlement_sites SET population = " + literal +
                " WHERE fid = " + std::to_string(fid));
}

//! The storage class SQLite kept for the value (the affinity of the column may convert it).
std::string storedType(const std::string &path, std::int64_t fid)
{
  sqlite3 *db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt *stmt = nullptr;
  sqlite3_prepare_v2(
      db,
      ("SELECT typeof(population) FROM resettlement_sites WHERE fid = " + std::to_string(fid))
          .c_str(),
      -1, &stmt, nullptr);
  std::string type;
  if (sqlite3_step(stmt) == SQLITE_ROW)
    type = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0));
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return type;
}

} // namespace

TEST_F(BadInput, LineAndPointInAPolygonLayerAreWrongGeometryTypeViolations)
{
  // Plots 1 (education) and 2 (residential) overlap in a 10 m × 10 m square: 100 m² (at the
  // central meridian of EPSG:4546 the ellipsoidal area of so small a square is its planar area
  // to better than 1e-6). Plot 3 is an education plot stored as a LINESTRING across the
  // residential plot 4, plot 5 an education plot stored as a POINT inside it: as polygons both
  // would take residential land; as they are, no rule can measure them, so each must be
  // reported rather than drop out of every rule.
  ProjectBuilder b(input("错误 几何 类型.gpkg"));
  const V education = {FieldValue("教育"), FieldValue("education")};
  const V residential = {FieldValue("住宅"), FieldValue("residential")};
  b.add("planned_plots", "P-1", rect(X0, Y0, X0 + 20, Y0 + 20), education);
  b.add("planned_plots", "P-2", rect(X0 + 10, Y0 + 10, X0 + 30, Y0 + 30), residential);
  b.add("planned_plots", "P-3", "LINESTRING(500100 4300005, 500130 4300005)", education);
  b.add("planned_plots", "P-4", rect(X0 + 110, Y0, X0 + 120, Y0 + 10), residential);
  b.add("planned_plots", "P-5", point(X0 + 115, Y0 + 5), education);
  const nlohmann::json doc = report(b.finish(), 1);

  auto taken = violations(doc, "protected-land");
  ASSERT_EQ(taken.size(), 1u) << doc.dump(1);
  EXPECT_EQ(taken[0]["code"], "P-1");
  EXPECT_EQ(taken[0]["other"]["code"], "P-2");
  EXPECT_NEAR(taken[0]["area_m2"].get<double>(), 100.0, 0.01);

  auto bad = violations(doc, "invalid-geometry");
  ASSERT_EQ(bad.size(), 2u) << doc.dump(1);
  EXPECT_EQ(bad[0]["layer"], "planned_plots");
  EXPECT_EQ(bad[0]["fid"], 3);
  EXPECT_NE(bad[0]["message"].get<std::string>().find("几何类型错误：面图层中的 LineString"),
            std::string::npos)
      << bad[0]["message"];
  // A line cannot be repaired into a plot: the rules saw the plot without geometry.
  EXPECT_NE(bad[0]["message"].get<std::string>().find("该要素未带图形参与检查"), std::string::npos)
      << bad[0]["message"];
  EXPECT_EQ(bad[1]["layer"], "planned_plots");
  EXPECT_EQ(bad[1]["fid"], 5);
  EXPECT_NE(bad[1]["message"].get<std::string>().find("几何类型错误：面图层中的 Point"),
            std::string::npos)
      << bad[1]["message"];
  EXPECT_EQ(bad[1]["wkt"], "POINT (500115 4300005)"); // where the point is
  EXPECT_EQ(rule(doc, "invalid-geometry")["checked"], 5);
}

TEST_F(BadInput, PolygonInAPointLayerIsAWrongGeometryTypeViolation)
{
  ProjectBuilder b(input("学校 多边形.gpkg"));
  b.add("schools", "XX-1", point(X0, Y0),
        {FieldValue("小学"), FieldValue("primary"), FieldValue(std::int64_t(100)), null});
  b.add("schools", "XX-2", rect(X0 + 100, Y0, X0 + 110, Y0 + 10),
        {FieldValue("初中"), FieldValue("junior"), FieldValue(std::int64_t(100)), null});
  const nlohmann::json doc = report(b.finish(), 1);
  auto bad = violations(doc, "invalid-geometry");
  ASSERT_EQ(bad.size(), 1u) << doc.dump(1);
  EXPECT_EQ(bad[0]["layer"], "schools");
  EXPECT_EQ(bad[0]["fid"], 2);
  EXPECT_NE(bad[0]["message"].get<std::string>().find("几何类型错误：点图层中的 Polygon"),
            std::string::npos)
      << bad[0]["message"];
}

TEST_F(BadInput, TextInAnIntegerOrRealColumnStopsTheCheck)
{
  // Whatever the column's declared type: SQLite keeps the text, and it is no whole number.
  for (const auto &[type, file] : {std::pair{gis::FieldType::Integer, "人口 文字.gpkg"},
                                   std::pair{gis::FieldType::Real, "人口 实数 文字.gpkg"}}) {
    const std::string path = twoSites(input(file), type);
    storePopulation(path, 2, "'一千'");
    ASSERT_EQ(storedType(path, 2), "text");
    expectCannotRun(check(path), {path + ": layer 'resettlement_sites', feature 2, field "
                                         "'population': value '一千' is not a whole number"});
  }
}

TEST_F(BadInput, RealBeyondInt64InAnIntegerColumnStopsTheCheck)
{
  const std::string path = twoSites(input("人口 巨大.gpkg"), gis::FieldType::Integer);
  storePopulation(path, 2, "9e99");
  ASSERT_EQ(storedType(path, 2), "real");
  expectCannotRun(check(path), {path, "layer 'resettlement_sites', feature 2, field 'population'",
                                "9e+99", "out of range"});
}

TEST_F(BadInput, FractionInAnIntegerColumnStopsTheCheck)
{
  const std::string path = twoSites(input("人口 小数.gpkg"), gis::FieldType::Integer);
  storePopulation(path, 2, "2.5");
  ASSERT_EQ(storedType(path, 2), "real");
  expectCannotRun(check(path), {path + ": layer 'resettlement_sites', feature 2, field "
                                       "'population': value 2.5 is not a whole number"});
}
