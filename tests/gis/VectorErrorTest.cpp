// Errors from gis/Vector.h must say which file, layer, feature and field are at fault, so that
// the user can find them. Each test checks that GisError::what() names them.

#include "gis/GisError.h"
#include "gis/Vector.h"

#include "tests/support/TempDir.h"

#include <gtest/gtest.h>

namespace anzhi::gis {
namespace {

using anzhi::test::TempDir;

//! Runs fn, which must throw GisError, and returns its message.
template<typename Fn> std::string errorOf(Fn &&fn)
{
  try {
    fn();
  } catch (const GisError &e) {
    return e.what();
  }
  ADD_FAILURE() << "no GisError thrown";
  return {};
}

#define EXPECT_MENTIONS(message, part)                                                             \
  EXPECT_NE((message).find(part), std::string::npos)                                               \
      << "'" << (message) << "' lacks '" << (part) << "'"

TEST(VectorError, MissingFile)
{
  TempDir dir;
  const std::string path = dir.file("nowhere.gpkg");
  std::string message = errorOf([&] { VectorDataset::open(path); });
  EXPECT_MENTIONS(message, path);
  EXPECT_MENTIONS(message, "not found");
}

TEST(VectorError, TextFileNamedGpkg)
{
  TempDir dir;
  const std::string path = dir.writeFile("x.gpkg", "hello");
  std::string message = errorOf([&] { VectorDataset::open(path); });
  EXPECT_MENTIONS(message, path);
}

TEST(VectorError, EmptyFile)
{
  TempDir dir;
  const std::string path = dir.writeFile("empty.gpkg", "");
  std::string message = errorOf([&] { VectorDataset::open(path); });
  EXPECT_MENTIONS(message, path);
  EXPECT_MENTIONS(message, "empty");
}

//! A GeoPackage with layer "sites" (EPSG:4546): integer "code", text "label" and date
//! "surveyed"; feature 7 has label "abc".
class SmallGeoPackage : public ::testing::Test
{
protected:
  void SetUp() override
  {
    m_path = m_dir.file("small.gpkg");
    VectorDataset ds = VectorDataset::createGeoPackage(m_path);
    LayerWriter w = ds.createLayer("sites", GeometryKind::Polygon, Crs::fromEpsg(4546),
                                   {{"code", FieldType::Integer},
                                    {"label", FieldType::String},
                                    {"surveyed", FieldType::Date}});
    Transaction tx(ds);
    Geometry g = fromWkt("POLYGON ((0 0, 1 0, 1 1, 0 0))");
    w.add(g.get(), {std::int64_t{1}, std::string("abc"), Date{2024, 1, 2}}, 7);
    tx.commit();
  }

  TempDir m_dir;
  std::string m_path;
};

TEST_F(SmallGeoPackage, MissingLayerNamesFileAndLayer)
{
  VectorDataset ds = VectorDataset::open(m_path);
  std::string message = errorOf([&] { ds.layer("parcels"); });
  EXPECT_MENTIONS(message, m_path);
  EXPECT_MENTIONS(message, "parcels");
}

TEST_F(SmallGeoPackage, RequireMissingFieldNamesLayerAndField)
{
  VectorDataset ds = VectorDataset::open(m_path);
  VectorLayer layer = ds.layer("sites");
  std::string message = errorOf([&] { layer.requireField("households", FieldType::Integer); });
  EXPECT_MENTIONS(message, m_path);
  EXPECT_MENTIONS(message, "sites");
  EXPECT_MENTIONS(message, "households");
}

TEST_F(SmallGeoPackage, RequireIntegerOfDateFieldFails)
{
  VectorDataset ds = VectorDataset::open(m_path);
  VectorLayer layer = ds.layer("sites");
  std::string message = errorOf([&] { layer.requireField("surveyed", FieldType::Integer); });
  EXPECT_MENTIONS(message, "sites");
  EXPECT_MENTIONS(message, "surveyed");
  EXPECT_MENTIONS(message, "integer");
  // A date field can be read as a date or text.
  EXPECT_EQ(layer.requireField("surveyed", FieldType::Date), 2);
  EXPECT_EQ(layer.requireField("surveyed", FieldType::String), 2);
}

TEST_F(SmallGeoPackage, RequireDateOfIntegerFieldFails)
{
  VectorDataset ds = VectorDataset::open(m_path);
  std::string message = errorOf([&] { ds.layer("sites").requireField("code", FieldType::Date); });
  EXPECT_MENTIONS(message, "code");
  EXPECT_MENTIONS(message, "date");
}

TEST_F(SmallGeoPackage, IntegerOfTextNamesLayerFeatureAndField)
{
  VectorDataset ds = VectorDataset::open(m_path);
  VectorLayer layer = ds.layer("sites");
  const int label = layer.requireField("label", FieldType::Integer);
  std::string message;
  layer.forEach([&](const FeatureRow &row) {
    message = errorOf([&] { row.integer(label); });
    return true;
  });
  EXPECT_MENTIONS(message, m_path);
  EXPECT_MENTIONS(message, "'sites'");
  EXPECT_MENTIONS(message, "feature 7");
  EXPECT_MENTIONS(message, "'label'");
  EXPECT_MENTIONS(message, "abc");
}

TEST_F(SmallGeoPackage, RealAndDateOfTextFail)
{
  VectorDataset ds = VectorDataset::open(m_path);
  VectorLayer layer = ds.layer("sites");
  const int label = layer.fieldIndex("label");
  std::string realMessage, dateMessage;
  layer.forEach([&](const FeatureRow &row) {
    realMessage = errorOf([&] { row.real(label); });
    dateMessage = errorOf([&] { row.date(label); });
    return true;
  });
  EXPECT_MENTIONS(realMessage, "feature 7");
  EXPECT_MENTIONS(realMessage, "'label'");
  EXPECT_MENTIONS(dateMessage, "feature 7");
  EXPECT_MENTIONS(dateMessage, "'label'");
}

// createLayer(..., std::nullopt, ...) makes GDAL record srs_id 0, the GeoPackage's "Undefined
// geographic SRS" (sqlite3: SELECT srs_id FROM gpkg_geometry_columns → 0). That is no CRS.
TEST(VectorError, LayerWithoutCrs)
{
  TempDir dir;
  const std::string path = dir.file("nocrs.gpkg");
  {
    VectorDataset ds = VectorDataset::createGeoPackage(path);
    LayerWriter w = ds.createLayer("loose", GeometryKind::Polygon, std::nullopt,
                                   {{"code", FieldType::Integer}});
    Transaction tx(ds);
    Geometry g = fromWkt("POLYGON ((0 0, 1 0, 1 1, 0 0))");
    w.add(g.get(), {std::int64_t{1}});
    tx.commit();
  }
  VectorDataset ds = VectorDataset::open(path);
  VectorLayer layer = ds.layer("loose");
  std::optional<Crs> crs = layer.crs();
  EXPECT_FALSE(crs.has_value()) << "got " << crs->name();
  EXPECT_EQ(layer.featureCount(), 1);
}

// srs_id -1 is the GeoPackage's "Undefined Cartesian SRS", which QGIS and other writers use for
// layers without CRS: also no CRS, and in particular no error.
TEST(VectorError, LayerWithUndefinedCartesianSrs)
{
  TempDir dir;
  const std::string path = dir.file("cartesian.gpkg");
  {
    VectorDataset ds = VectorDataset::createGeoPackage(path);
    LayerWriter w = ds.createLayer("loose", GeometryKind::Polygon, std::nullopt,
                                   {{"code", FieldType::Integer}});
    Geometry g = fromWkt("POLYGON ((0 0, 1 0, 1 1, 0 0))");
    w.add(g.get(), {std::int64_t{1}});
    ds.executeSql("UPDATE gpkg_geometry_columns SET srs_id = -1 WHERE table_name = 'loose'");
    ds.executeSql("UPDATE gpkg_contents SET srs_id = -1 WHERE table_name = 'loose'");
  }
  VectorDataset ds = VectorDataset::open(path);
  VectorLayer layer = ds.layer("loose");
  std::optional<Crs> crs;
  EXPECT_NO_THROW(crs = layer.crs());
  EXPECT_FALSE(crs.has_value()) << crs->name();
}

TEST_F(SmallGeoPackage, GetterOfMissingFieldIndexThrows)
{
  // Vector.h: "Field getters throw GisError naming file, layer, feature and field when the
  // field is missing from the layer". fieldIndex() gives -1 for a missing field.
  VectorDataset ds = VectorDataset::open(m_path);
  VectorLayer layer = ds.layer("sites");
  const int missing = layer.fieldIndex("households");
  ASSERT_EQ(missing, -1);
  layer.forEach([&](const FeatureRow &row) {
    EXPECT_THROW(row.integer(missing), GisError);
    EXPECT_THROW(row.string(missing), GisError);
    return true;
  });
}

} // namespace
} // namespace anzhi::gis
