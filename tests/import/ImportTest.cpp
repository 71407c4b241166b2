// importLayer end to end: every input is made here — a Shapefile written by GDAL in GBK with its
// .cpg deleted, a DXF drawing written by hand, CSV and GeoJSON text — and the expected values
// are the literals written (coordinates, Chinese text), not the importer's output.

#include "core/import/Importer.h"
#include "tests/support/Files.h"

#include "gis/Vector.h"
#include "tests/support/TempDir.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <sstream>

namespace anzhi::core {
namespace {

using anzhi::test::slurp;
using anzhi::test::TempDir;

struct Row
{
  std::map<std::string, std::string> values; // non-null fields as text
  std::string wkt;
};

std::vector<Row> readTable(const std::string &project, const std::string &layer)
{
  gis::VectorDataset ds = gis::VectorDataset::open(project);
  gis::VectorLayer l = ds.layer(layer);
  const std::vector<gis::FieldDefinition> fields = l.fields();
  std::vector<Row> rows;
  l.forEach([&](const gis::FeatureRow &r) {
    Row row;
    for (std::size_t i = 0; i < fields.size(); ++i)
      if (auto v = r.string(int(i)))
        row.values[fields[i].name] = *v;
    if (gis::Geometry g = r.geometry())
      row.wkt = gis::toWkt(g.get(), 3);
    rows.push_back(row);
    return true;
  });
  return rows;
}

std::string crsOf(const std::string &project, const std::string &layer)
{
  gis::VectorDataset ds = gis::VectorDataset::open(project);
  return ds.layer(layer).crs()->authId();
}

//! Topological equality: a Shapefile stores rings clockwise, WKT prints no trailing zeros.
bool sameGeometry(const std::string &wkt, const std::string &expected)
{
  gis::Geometry a = gis::fromWkt(wkt), b = gis::fromWkt(expected);
  return gis::typeId(a.get()) == gis::typeId(b.get()) &&
         GEOSEquals_r(gis::geosContext(), a.get(), b.get()) == 1;
}

bool hasWarning(const ImportSummary &s, const std::string &kind, const std::string &text = {})
{
  return std::any_of(s.warnings.begin(), s.warnings.end(), [&](const ImportWarning &w) {
    return w.kind == kind && w.message.find(text) != std::string::npos;
  });
}

std::string warnings(const ImportSummary &s)
{
  std::string out;
  for (const ImportWarning &w : s.warnings)
    out += w.kind + ": " + w.message + "\n";
  return out + (s.refusal ? "refusal: " + *s.refusal : "");
}

//! A Shapefile of two resettlement sites in EPSG:4546, written by GDAL in GBK (CP936), with
//! its .cpg removed, as many Chinese shapefiles come.
std::string writeGbkShapefile(const TempDir &dir)
{
  GDALAllRegister();
  const std::string path = dir.file("安置区.shp");
  GDALDriver *driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
  GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  OGRSpatialReference srs;
  srs.importFromEPSG(4546);
  const char *options[] = {"ENCODING=CP936", nullptr};
  OGRLayer *layer = ds->CreateLayer("安置区", &srs, wkbPolygon, const_cast<char **>(options));
  for (const char *name : {"BM", "XMMC", "setting"}) {
    OGRFieldDefn f(name, OFTString);
    layer->CreateField(&f);
  }
  for (const char *name : {"RK", "FCJH"}) {
    OGRFieldDefn f(name, OFTInteger);
    layer->CreateField(&f);
  }
  struct Site
  {
    const char *code, *name, *setting;
    int population, plan;
    const char *wkt;
  };
  const Site sites[] = {
      {"AZQ-1", "安置区一号", "rural", 1200, 1,
       "POLYGON ((543000 4284000,543400 4284000,543400 4284300,543000 4284300,543000 4284000))"},
      {"AZQ-2", "城关镇集中安置点", "urban", 3500, 0,
       "POLYGON ((550000 4290000,550500 4290000,550500 4290400,550000 4290400,550000 4290000))"},
  };
  for (const Site &s : sites) {
    OGRFeature f(layer->GetLayerDefn());
    f.SetField("BM", s.code);
    f.SetField("XMMC", s.name); // UTF-8 in, CP936 bytes in the .dbf
    f.SetField("setting", s.setting);
    f.SetField("RK", s.population);
    f.SetField("FCJH", s.plan);
    OGRGeometry *g = nullptr;
    OGRGeometryFactory::createFromWkt(s.wkt, &srs, &g);
    f.SetGeometryDirectly(g);
    EXPECT_EQ(layer->CreateFeature(&f), OGRERR_NONE);
  }
  ds.reset();
  std::filesystem::remove(dir.file("安置区.cpg"));
  return path;
}

ImportRequest request(const std::string &source, const std::string &project,
                      const std::string &role)
{
  ImportRequest r;
  r.source = source;
  r.project = project;
  r.role = role;
  return r;
}

TEST(Import, GbkShapefileWithoutCpg)
{
  TempDir dir;
  const std::string shp = writeGbkShapefile(dir);
  ASSERT_FALSE(std::filesystem::exists(dir.file("安置区.cpg")));
  const std::string dbf = slurp(dir.file("安置区.dbf"));
  ASSERT_NE(dbf.find("\xB0\xB2\xD6\xC3\xC7\xF8"), std::string::npos) << "安置区 in GBK bytes";

  ImportRequest r = request(shp, dir.file("county.gpkg"), "resettlement_sites");
  r.fields = {{"code", "BM"}, {"name", "XMMC"}, {"population", "RK"}, {"support_plan", "FCJH"}};
  const ImportSummary s = importLayer(r);
  ASSERT_FALSE(s.refusal) << *s.refusal;
  EXPECT_EQ(s.read, 2);
  EXPECT_EQ(s.imported, 2);
  EXPECT_EQ(s.repaired, 0);
  EXPECT_TRUE(s.refused.empty());
  EXPECT_NE(s.encoding.find("GBK"), std::string::npos) << s.encoding;
  EXPECT_TRUE(s.warnings.empty()) << warnings(s);
  EXPECT_TRUE(s.createdTable);

  const std::vector<Row> rows = readTable(r.project, "resettlement_sites");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].values.at("code"), "AZQ-1");
  EXPECT_EQ(rows[0].values.at("name"), "安置区一号");
  EXPECT_EQ(rows[1].values.at("name"), "城关镇集中安置点");
  EXPECT_EQ(rows[1].values.at("setting"), "urban");
  EXPECT_EQ(rows[1].values.at("population"), "3500");
  EXPECT_EQ(rows[1].values.at("support_plan"), "0");
  EXPECT_EQ(rows[0].values.count("county"), 0u) << "unmapped fields are null";
  EXPECT_EQ(crsOf(r.project, "resettlement_sites"), "EPSG:4546");
  EXPECT_TRUE(sameGeometry(rows[0].wkt, "MULTIPOLYGON (((543000 4284000, 543400 4284000, "
                                        "543400 4284300, 543000 4284300, 543000 4284000)))"))
      << rows[0].wkt;

  // The same bytes declared as UTF-8 are refused, naming the field.
  ImportRequest wrong = r;
  wrong.project = dir.file("other.gpkg");
  wrong.encoding = gis::TextEncoding::Utf8;
  const ImportSummary refused = importLayer(wrong);
  ASSERT_TRUE(refused.refusal);
  EXPECT_NE(refused.refusal->find("feature 0, field 'name'"), std::string::npos)
      << *refused.refusal;
  EXPECT_NE(refused.refusal->find("source field 'XMMC'"), std::string::npos) << *refused.refusal;
  EXPECT_FALSE(std::filesystem::exists(wrong.project));
}

//! A DXF drawing, GBK as its $DWGCODEPAGE says (or without it, as old drawings come), with CAD
//! layers 教育用地 (two closed LWPOLYLINEs, 100 m squares) and 道路 (one open polyline).
std::string writeDxf(const TempDir &dir, bool openLineOnPlots = false, bool codePage = true)
{
  std::vector<std::string> lines = {"0", "SECTION", "2", "HEADER", "9", "$ACADVER", "1", "AC1015"};
  if (codePage)
    lines.insert(lines.end(), {"9", "$DWGCODEPAGE", "3", "ANSI_936"});
  lines.insert(lines.end(), {"0", "ENDSEC", "0", "SECTION", "2", "ENTITIES"});
  auto polyline = [&](const std::string &handle, const std::string &layer, double x, double y,
                      bool closed) {
    const std::vector<std::string> entity = {
        "0",  "LWPOLYLINE",      "5", handle, "8", layer, "90", closed ? "4" : "2",
        "70", closed ? "1" : "0"};
    lines.insert(lines.end(), entity.begin(), entity.end());
    std::vector<std::pair<double, double>> pts = {{x, y}, {x + 100, y}};
    if (closed) {
      pts.push_back({x + 100, y + 100});
      pts.push_back({x, y + 100});
    }
    for (auto [px, py] : pts) {
      lines.insert(lines.end(), {"10", std::to_string(px), "20", std::to_string(py)});
    }
  };
  const std::string plots = "\xBD\xCC\xD3\xFD\xD3\xC3\xB5\xD8"; // 教育用地 in GBK
  const std::string road = "\xB5\xC0\xC2\xB7";                  // 道路 in GBK
  polyline("1F", plots, 543000, 4284000, true);
  polyline("20", plots, 543200, 4284000, true);
  polyline("21", road, 543000, 4283900, false);
  if (openLineOnPlots)
    polyline("22", plots, 543400, 4284000, false);
  lines.insert(lines.end(), {"0", "ENDSEC", "0", "EOF"});
  std::string text;
  for (const std::string &l : lines)
    text += l + "\r\n";
  return dir.writeFile("规划.dxf", text);
}

TEST(Import, DxfClosedPolylinesOfOneCadLayer)
{
  TempDir dir;
  ImportRequest r = request(writeDxf(dir), dir.file("county.gpkg"), "planned_plots");
  r.layer = "教育用地";
  r.fields = {{"code", "EntityHandle"}, {"name", "Layer"}, {"land_use", "Layer"}};
  r.landUse = {{"教育用地", LandUseClass::Education}};
  r.assignCrs = gis::Crs::fromEpsg(4546);
  const ImportSummary s = importLayer(r);
  ASSERT_FALSE(s.refusal) << *s.refusal;
  EXPECT_EQ(s.read, 2) << "only the CAD layer's entities";
  EXPECT_EQ(s.imported, 2);
  EXPECT_TRUE(hasWarning(s, "closed-lines", "2 closed line(s)")) << warnings(s);
  EXPECT_FALSE(hasWarning(s, "land-use-other")) << warnings(s);

  const std::vector<Row> rows = readTable(r.project, "planned_plots");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].values.at("code"), "1F");
  EXPECT_EQ(rows[0].values.at("name"), "教育用地");
  EXPECT_EQ(rows[0].values.at("land_use"), "education");
  EXPECT_TRUE(sameGeometry(rows[1].wkt, "MULTIPOLYGON (((543200 4284000, 543300 4284000, "
                                        "543300 4284100, 543200 4284100, 543200 4284000)))"))
      << rows[1].wkt;
  EXPECT_EQ(crsOf(r.project, "planned_plots"), "EPSG:4546");

  // Without the CRS, refused with a hint taken from the coordinates.
  ImportRequest noCrs = r;
  noCrs.project = dir.file("no-crs.gpkg");
  noCrs.assignCrs.reset();
  const ImportSummary refused = importLayer(noCrs);
  ASSERT_TRUE(refused.refusal);
  EXPECT_NE(refused.refusal->find("no coordinate reference system"), std::string::npos);
  EXPECT_NE(refused.refusal->find("EPSG:4534"), std::string::npos) << *refused.refusal;

  // Several CAD layers and no --layer: refused, listing them.
  ImportRequest noLayer = r;
  noLayer.layer.reset();
  const ImportSummary ambiguous = importLayer(noLayer);
  ASSERT_TRUE(ambiguous.refusal);
  EXPECT_NE(ambiguous.refusal->find("'道路'"), std::string::npos) << *ambiguous.refusal;
}

TEST(Import, DxfOpenPolylineOnAPolygonLayerIsRefused)
{
  TempDir dir;
  ImportRequest r = request(writeDxf(dir, true), dir.file("county.gpkg"), "planned_plots");
  r.layer = "教育用地";
  r.fields = {{"code", "EntityHandle"}, {"land_use", "Layer"}};
  r.assignCrs = gis::Crs::fromEpsg(4546);
  const ImportSummary s = importLayer(r);
  ASSERT_TRUE(s.refusal);
  EXPECT_NE(s.refusal->find("CAD layer '教育用地', feature 3"), std::string::npos) << *s.refusal;
  EXPECT_NE(s.refusal->find("not closed"), std::string::npos) << *s.refusal;
  ASSERT_EQ(s.refused.size(), 1u);
  EXPECT_FALSE(std::filesystem::exists(r.project)) << "nothing written";

  r.skipRefused = true;
  const ImportSummary skipped = importLayer(r);
  ASSERT_FALSE(skipped.refusal) << *skipped.refusal;
  EXPECT_EQ(skipped.read, 3);
  EXPECT_EQ(skipped.imported, 2);
  EXPECT_EQ(skipped.refused.size(), 1u);
}

TEST(Import, DxfWithoutCodePageNeedsEncoding)
{
  TempDir dir;
  ImportRequest r = request(writeDxf(dir, false, false), dir.file("county.gpkg"), "forest_land");
  r.fields = {{"code", "Layer"}};
  r.assignCrs = gis::Crs::fromEpsg(4546);
  // GDAL reads the GBK bytes as Latin-1: the CAD layer names come out garbled, and so does the
  // code taken from them.
  r.layer = "\xC2\xBD\xC3\x8C\xC3\x93\xC3\xBD\xC3\x93\xC3\x83\xC2\xB5\xC3\x98"; // ½ÌÓýÓÃµØ
  const ImportSummary garbled = importLayer(r);
  ASSERT_FALSE(garbled.refusal) << *garbled.refusal;
  EXPECT_TRUE(hasWarning(garbled, "mojibake", "field 'code'")) << warnings(garbled);

  r.project = dir.file("right.gpkg");
  r.layer = "教育用地";
  r.encoding = gis::TextEncoding::Gbk;
  const ImportSummary right = importLayer(r);
  ASSERT_FALSE(right.refusal) << *right.refusal;
  EXPECT_FALSE(hasWarning(right, "mojibake")) << warnings(right);
  EXPECT_EQ(readTable(r.project, "forest_land").at(0).values.at("code"), "教育用地");
}

const char *kZonePrefixedCsv = "code,name,level,capacity,X,Y\n"
                               "XX-1,第一小学,primary,500,37512345.5,4284000.25\n"
                               "XX-2,城关中学,junior,800,37513000,4285000\n";

TEST(Import, ZonePrefixedCsvWithAssignedCrs)
{
  TempDir dir;
  ImportRequest r =
      request(dir.writeFile("学校.csv", kZonePrefixedCsv), dir.file("county.gpkg"), "schools");
  r.assignCrs = gis::Crs::fromEpsg(4525);
  const ImportSummary s = importLayer(r);
  ASSERT_FALSE(s.refusal) << *s.refusal;
  EXPECT_EQ(s.imported, 2);
  EXPECT_TRUE(s.warnings.empty()) << warnings(s);
  EXPECT_EQ(crsOf(r.project, "schools"), "EPSG:4525");
  const std::vector<Row> rows = readTable(r.project, "schools");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].values.at("name"), "第一小学");
  EXPECT_EQ(rows[0].values.at("capacity"), "500");
  EXPECT_EQ(gis::pointXY(gis::fromWkt(rows[0].wkt).get()),
            (std::pair<double, double>{37512345.5, 4284000.25}));

  // The same eastings declared in the zone without prefix: warned, naming the likely CRS.
  ImportRequest plain = r;
  plain.project = dir.file("plain.gpkg");
  plain.assignCrs = gis::Crs::fromEpsg(4546);
  const ImportSummary w = importLayer(plain);
  EXPECT_TRUE(hasWarning(w, "zone-prefix", "EPSG:4525")) << warnings(w);
  EXPECT_FALSE(hasWarning(w, "outside-china")) << "explained by the zone prefix";
}

TEST(Import, GbkCsvIsDetected)
{
  TempDir dir;
  // 第一小学 in GBK: B5DA D2BB D0A1 D1A7.
  const std::string csv = "code,name,level,capacity,lon,lat\r\n"
                          "XX-1,\xB5\xDA\xD2\xBB\xD0\xA1\xD1\xA7,primary,300,111.5,38.7\r\n";
  ImportRequest r = request(dir.writeFile("gbk.csv", csv), dir.file("county.gpkg"), "schools");
  r.assignCrs = gis::Crs::fromEpsg(4490);
  const ImportSummary s = importLayer(r);
  ASSERT_FALSE(s.refusal) << *s.refusal;
  EXPECT_NE(s.encoding.find("GBK"), std::string::npos);
  EXPECT_EQ(readTable(r.project, "schools").at(0).values.at("name"), "第一小学");
}

std::string geojson(const std::string &features)
{
  return R"({"type":"FeatureCollection","features":[)" + features + "]}";
}

std::string pointFeature(const std::string &properties, double x, double y)
{
  return R"({"type":"Feature","properties":{)" + properties +
         R"(},"geometry":{"type":"Point","coordinates":[)" + std::to_string(x) + "," +
         std::to_string(y) + "]}}";
}

TEST(Import, TransformsIntoTheProjectTablesCrs)
{
  TempDir dir;
  const std::string project = dir.file("county.gpkg");
  ImportRequest first = request(dir.writeFile("a.csv", kZonePrefixedCsv), project, "schools");
  first.assignCrs = gis::Crs::fromEpsg(4546); // the table is created in EPSG:4546
  first.skipRefused = true;
  ASSERT_FALSE(importLayer(first).refusal);

  // A point on the central meridian 111°E lies at the false easting 500 000 m of EPSG:4546.
  const std::string json =
      geojson(pointFeature(R"("code":"XX-9","level":"primary","capacity":100)", 111.0, 38.0));
  const ImportSummary s =
      importLayer(request(dir.writeFile("more.geojson", json), project, "schools"));
  ASSERT_FALSE(s.refusal) << *s.refusal;
  EXPECT_EQ(s.sourceCrs, "EPSG:4326");
  EXPECT_EQ(s.targetCrs, "EPSG:4546");
  const std::vector<Row> rows = readTable(project, "schools");
  ASSERT_EQ(rows.size(), 3u);
  gis::Geometry g = gis::fromWkt(rows[2].wkt);
  EXPECT_NEAR(gis::pointXY(g.get()).first, 500000.0, 0.001);
}

TEST(Import, RefusedImportLeavesTheProjectByteForByte)
{
  TempDir dir;
  const std::string project = dir.file("county.gpkg");
  ImportRequest first = request(dir.writeFile("a.csv", kZonePrefixedCsv), project, "schools");
  first.assignCrs = gis::Crs::fromEpsg(4525);
  ASSERT_FALSE(importLayer(first).refusal);
  const std::string before = slurp(project);

  // One good row and one without geometry: all or none.
  const std::string json =
      geojson(pointFeature(R"("code":"XX-3","level":"primary","capacity":100)", 111.5, 38.7) +
              R"(,{"type":"Feature","properties":{"code":"XX-4","level":"junior","capacity":1},)"
              R"("geometry":null})");
  ImportRequest r = request(dir.writeFile("b.geojson", json), project, "schools");
  const ImportSummary s = importLayer(r);
  ASSERT_TRUE(s.refusal);
  EXPECT_NE(s.refusal->find("feature 1"), std::string::npos) << *s.refusal;
  EXPECT_NE(s.refusal->find("no geometry"), std::string::npos) << *s.refusal;
  EXPECT_EQ(s.imported, 0);
  EXPECT_EQ(slurp(project), before);

  // A required field missing: refused naming it.
  const std::string noCapacity =
      geojson(pointFeature(R"("code":"XX-5","level":"primary")", 111.5, 38.7));
  const ImportSummary missing =
      importLayer(request(dir.writeFile("c.geojson", noCapacity), project, "schools"));
  ASSERT_TRUE(missing.refusal);
  EXPECT_NE(missing.refusal->find("'capacity'"), std::string::npos) << *missing.refusal;
  EXPECT_EQ(slurp(project), before);

  // Points offered as planned plots: the wrong geometry type, refused as a whole.
  const ImportSummary points = importLayer(
      request(dir.writeFile("d.geojson",
                            geojson(pointFeature(R"("code":"P-1","land_use":"A33")", 111.5, 38.7))),
              project, "planned_plots"));
  ASSERT_TRUE(points.refusal);
  EXPECT_NE(points.refusal->find("wrong geometry type"), std::string::npos) << *points.refusal;
  EXPECT_EQ(slurp(project), before);
}

TEST(Import, SanityWarnings)
{
  TempDir dir;
  const std::string project = dir.file("county.gpkg");
  // Rangers R-1 and R-2 exist; plots name R-1 (fine), R-9 (unknown); codes repeat and lack.
  const std::string rangers =
      geojson(pointFeature(R"("code":"R-1","name":"张三")", 111.5, 38.7) + "," +
              pointFeature(R"("code":"R-2","name":"李四")", 111.6, 38.7));
  ASSERT_FALSE(
      importLayer(request(dir.writeFile("r.geojson", rangers), project, "rangers")).refusal);

  auto square = [](const std::string &props, double x, double y, double d) {
    std::ostringstream s;
    s.precision(10);
    s << R"({"type":"Feature","properties":{)" << props
      << R"(},"geometry":{"type":"Polygon","coordinates":[[[)" << x << "," << y << "],[" << x + d
      << "," << y << "],[" << x + d << "," << y + d << "],[" << x << "," << y + d << "],[" << x
      << "," << y << "]]]}}";
    return s.str();
  };
  // A bow tie (self-intersecting) polygon, repaired by make-valid.
  const std::string bowTie =
      R"({"type":"Feature","properties":{"code":"GH-5","ranger_code":"R-1"},)"
      R"("geometry":{"type":"Polygon","coordinates":[[[111.5,38.5],[111.51,38.51],)"
      R"([111.51,38.5],[111.5,38.51],[111.5,38.5]]]}})";
  const std::string plots =
      geojson(square(R"("code":"GH-1","ranger_code":"R-1")", 111.5, 38.7, 0.01) + "," +
              square(R"("code":"GH-1","ranger_code":"R-9")", 111.52, 38.7, 0.01) + "," +
              square(R"("code":"","ranger_code":"R-2")", 111.54, 38.7, 0.01) + "," +
              square(R"("code":"GH-3","ranger_code":"R-2")", 10.0, 50.0, 0.01) + "," +
              square(R"("code":"GH-4","ranger_code":"R-2")", 38.7, 111.5, 0.01) + "," + bowTie);
  const ImportSummary s =
      importLayer(request(dir.writeFile("p.geojson", plots), project, "ranger_plots"));
  ASSERT_FALSE(s.refusal) << *s.refusal;
  EXPECT_EQ(s.read, 6);
  EXPECT_EQ(s.imported, 6);
  EXPECT_EQ(s.repaired, 1);
  EXPECT_TRUE(hasWarning(s, "duplicate-code", "feature 1, field 'code': duplicate code 'GH-1'"))
      << warnings(s);
  EXPECT_TRUE(hasWarning(s, "empty-code", "first feature 2")) << warnings(s);
  EXPECT_TRUE(hasWarning(s, "unknown-reference", "feature 1, field 'ranger_code': 'R-9'"))
      << warnings(s);
  EXPECT_TRUE(hasWarning(s, "outside-china", "feature 3")) << warnings(s);
  EXPECT_TRUE(hasWarning(s, "swapped-axes", "feature 4")) << warnings(s);

  // Codes already in the project's table are duplicates too.
  const ImportSummary again =
      importLayer(request(dir.writeFile("r2.geojson", rangers), project, "rangers"));
  EXPECT_TRUE(hasWarning(again, "duplicate-code", "'R-1' is already in the project"))
      << warnings(again);
}

TEST(Import, MojibakeAndBadCoordinates)
{
  TempDir dir;
  const std::string project = dir.file("county.gpkg");
  // Text that was GBK read as Latin-1 before it reached this GeoJSON.
  const std::string json =
      geojson(pointFeature(R"("code":"WS-1","name":"°²ÖÃÇøÎÀÉúÊÒ")", 111.5, 38.7));
  const ImportSummary s =
      importLayer(request(dir.writeFile("c.geojson", json), project, "clinics"));
  ASSERT_FALSE(s.refusal) << *s.refusal;
  EXPECT_TRUE(hasWarning(s, "mojibake", "feature 0, field 'name'")) << warnings(s);
  EXPECT_TRUE(hasWarning(s, "mojibake", "--encoding")) << warnings(s);

  // NaN coordinates (a GeoPackage's WKB can hold them) are refused.
  const std::string source = dir.file("nan.gpkg");
  {
    gis::VectorDataset ds = gis::VectorDataset::createGeoPackage(source);
    gis::LayerWriter w =
        ds.createLayer("plots", gis::GeometryKind::Polygon, gis::Crs::fromEpsg(4546),
                       {{"code", gis::FieldType::String}, {"land_use", gis::FieldType::String}});
    const double nan = std::numeric_limits<double>::quiet_NaN();
    gis::Geometry g = gis::makePolygon({{543000, 4284000}, {543100, nan}, {543100, 4284100}});
    w.add(g.get(), {std::string("P-1"), std::string("A33")});
  }
  const ImportSummary bad = importLayer(request(source, dir.file("p.gpkg"), "planned_plots"));
  ASSERT_TRUE(bad.refusal);
  EXPECT_NE(bad.refusal->find("feature 1: NaN or infinite"), std::string::npos) << *bad.refusal;
}

} // namespace
} // namespace anzhi::core
