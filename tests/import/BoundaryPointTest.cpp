// 界址点坐标 TXT: the parser's reading and refusals (each naming file and line), the import of a
// hand-written GBK file — a square, a plot with a hole, a plot of two parts — at the ellipsoidal
// area PROJ's geod_polygonarea gives for the file's own coordinates (tests/support), the TXT
// export and its re-import, and the File Geodatabase export read back with GDAL itself.

#include "core/export/LayerExport.h"
#include "core/import/BoundaryPointFile.h"
#include "core/import/ImportError.h"
#include "core/import/Importer.h"
#include "core/report/CheckRun.h"
#include "gis/EllipsoidalArea.h"
#include "gis/Vector.h"
#include "gis/VectorSupport.h"
#include "tests/support/BoundaryPoints.h"
#include "tests/support/Files.h"
#include "tests/support/ProjectBuilder.h"
#include "tests/support/TempDir.h"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

namespace anzhi::core {
namespace {

using test::geodesicArea;
using test::sampleLines;
using test::slurp;
using test::TempDir;

constexpr double kAreaTolerance = 0.01; // m²

std::string refusalOf(const std::vector<std::string> &lines, const std::string &name = "f.txt")
{
  try {
    parseBoundaryPointFile(test::joinLines(lines), name);
  } catch (const ImportError &e) {
    return e.what();
  }
  return "";
}

ImportRequest plotsRequest(const std::string &source, const std::string &project)
{
  ImportRequest r;
  r.source = source;
  r.project = project;
  r.role = "planned_plots";
  return r;
}

struct Plot
{
  std::map<std::string, std::string> values;
  gis::Geometry geometry;
};

std::map<std::string, Plot> readPlots(const std::string &project,
                                      const std::string &layer = "planned_plots")
{
  gis::VectorDataset ds = gis::VectorDataset::open(project);
  gis::VectorLayer l = ds.layer(layer);
  const auto fields = l.fields();
  std::map<std::string, Plot> plots;
  l.forEach([&](const gis::FeatureRow &row) {
    Plot p;
    for (std::size_t i = 0; i < fields.size(); ++i)
      if (auto v = row.string(int(i)))
        p.values[fields[i].name] = *v;
    p.geometry = row.geometry();
    plots[p.values["code"]] = std::move(p);
    return true;
  });
  return plots;
}

int holes(const GEOSGeometry *g)
{
  int n = 0;
  gis::forEachRing(g, [&](const auto &, bool hole) { n += hole; });
  return n;
}

//! The expected areas of the sample's plots, from PROJ alone.
std::map<std::string, double> expectedAreas()
{
  return {{"DK-1", geodesicArea(test::kSquare)},
          {"DK-2", geodesicArea(test::kOuter) - geodesicArea(test::kHole)},
          {"DK-3", geodesicArea(test::kPartA) + geodesicArea(test::kPartB)}};
}

TEST(BoundaryPointFile, ReadsTheSectionsPlotsAndPoints)
{
  const BoundaryPointFile f = parseBoundaryPointFile(test::joinLines(sampleLines()), "f.txt");
  EXPECT_EQ(f.encoding, gis::TextEncoding::Utf8);
  ASSERT_TRUE(f.item("带号"));
  EXPECT_EQ(f.item("带号")->value, "37");
  EXPECT_EQ(f.item("带号")->line, 9);
  EXPECT_EQ(f.item("转换参数")->value, ",,,,,,");
  ASSERT_EQ(f.plots.size(), 3u);
  const BoundaryPlot &dk1 = f.plots[0];
  EXPECT_EQ(dk1.line, 13);
  EXPECT_EQ(dk1.code, "DK-1");
  EXPECT_EQ(dk1.name, "安置区小学");
  EXPECT_EQ(dk1.shape, "面");
  EXPECT_EQ(dk1.sheet, "J49G064057");
  EXPECT_EQ(dk1.use, "教育用地");
  EXPECT_EQ(dk1.landClass, "0804");
  EXPECT_EQ(*dk1.areaHectares, 1.0);
  ASSERT_EQ(dk1.points.size(), 5u);
  EXPECT_EQ(dk1.points[1].name, "J2");
  EXPECT_EQ(dk1.points[1].x, 4284000.0);  // X: the northing
  EXPECT_EQ(dk1.points[1].y, 37543100.0); // Y: the easting, zone prefix 37
  EXPECT_EQ(dk1.points[1].line, 15);
  EXPECT_EQ(f.plots[2].extra, std::vector<std::string>{"扩展值"});
  EXPECT_EQ(f.eastingZone, 37);
  // LF line ends and GBK bytes read the same.
  const BoundaryPointFile gbk =
      parseBoundaryPointFile(test::toGbk(test::joinLines(sampleLines(), "\n")), "f.txt");
  EXPECT_EQ(gbk.encoding, gis::TextEncoding::Gbk);
  EXPECT_EQ(gbk.plots[1].name, "带天井的住宅");
  EXPECT_EQ(gbk.plots[1].points.size(), 10u);
}

TEST(BoundaryPointFile, RefusesABadNumberNamingFileAndLine)
{
  std::vector<std::string> lines = sampleLines();
  lines[14] = "J2,1,4284000.000,3754310O.000"; // a letter O among the digits, line 15
  const std::string refusal = refusalOf(lines, "宗地.txt");
  EXPECT_NE(refusal.find("宗地.txt: line 15:"), std::string::npos) << refusal;
  EXPECT_NE(refusal.find("bad number"), std::string::npos) << refusal;

  lines = sampleLines();
  lines[18] = "ten,3.7500,DK-2,带天井的住宅,面,,城镇住宅用地,0701,@"; // 界址点数
  EXPECT_NE(refusalOf(lines).find("f.txt: line 19: bad number for 界址点数"), std::string::npos)
      << refusalOf(lines);
  lines = sampleLines();
  lines[21] = "J3,一,4284200.000,37544200.000"; // 圈号
  EXPECT_NE(refusalOf(lines).find("f.txt: line 22: bad number for 圈号"), std::string::npos);
}

TEST(BoundaryPointFile, RefusesAPointCountThatDisagreesWithTheLines)
{
  std::vector<std::string> lines = sampleLines();
  lines[12] = "4,1.0000,DK-1,安置区小学,面,J49G064057,教育用地,0804,@"; // 5 lines follow
  const std::string refusal = refusalOf(lines);
  EXPECT_NE(refusal.find("f.txt: line 13: 界址点数 4"), std::string::npos) << refusal;
  EXPECT_NE(refusal.find("5 point line(s)"), std::string::npos) << refusal;
  // The last plot is checked too.
  lines = sampleLines();
  lines[29] = "8,1.4000,DK-3,两块商业地,面,,商业用地,0901,扩展值,@";
  EXPECT_NE(refusalOf(lines).find("f.txt: line 30: 界址点数 8"), std::string::npos);
}

TEST(BoundaryPointFile, RefusesAZoneThatDisagreesWithTheEastingsPrefix)
{
  std::vector<std::string> lines = sampleLines();
  lines[8] = "带号=38";
  std::string refusal = refusalOf(lines);
  EXPECT_NE(refusal.find("f.txt: line 14:"), std::string::npos) << refusal;
  EXPECT_NE(refusal.find("zone prefix 37"), std::string::npos) << refusal;
  EXPECT_NE(refusal.find("带号 (line 9) is 38"), std::string::npos) << refusal;
  // Without 带号, eastings of two zones disagree with each other.
  lines = sampleLines();
  lines.erase(lines.begin() + 8); // the points move up a line
  lines[20] = "J3,1,4284200.000,38544200.000";
  refusal = refusalOf(lines);
  EXPECT_NE(refusal.find("f.txt: line 21:"), std::string::npos) << refusal;
  EXPECT_NE(refusal.find("unlike line 13"), std::string::npos) << refusal;
}

TEST(BoundaryPointFile, RefusesARingOfFewerThanThreePoints)
{
  std::vector<std::string> lines = sampleLines();
  // DK-3's triangle loses a point: two left (界址点数 follows, so only the ring is at fault).
  lines[29] = "6,1.4000,DK-3,两块商业地,面,,商业用地,0901,扩展值,@";
  lines.erase(lines.begin() + 36);
  const BoundaryPointFile f = parseBoundaryPointFile(test::joinLines(lines), "f.txt");
  try {
    plotGeometry(f.plots[2], "f.txt");
    FAIL() << "a two-point ring was accepted";
  } catch (const ImportError &e) {
    EXPECT_NE(std::string(e.what()).find("f.txt: line 35: ring 圈号 2"), std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("at least 3"), std::string::npos) << e.what();
  }
  // A closed ring of three lines is two points.
  BoundaryPlot plot;
  plot.code = "X";
  plot.points = {{"J1", 1, 0, 0, 7}, {"J2", 1, 0, 10, 8}, {"J1", 1, 0, 0, 9}};
  EXPECT_THROW(plotGeometry(plot, "f.txt"), ImportError);
}

TEST(BoundaryPointFile, FindsTheCrsOfTheHeader)
{
  auto epsgOf = [](const std::vector<std::string> &lines) {
    const BoundaryPointFile f = parseBoundaryPointFile(test::joinLines(lines), "f.txt");
    return boundaryPointCrs(f, "f.txt");
  };
  EXPECT_EQ(epsgOf(sampleLines()).epsg, 4525);
  EXPECT_EQ(epsgOf(sampleLines("CGCS2000")).epsg, 4525);
  // Old datums: their own zone 37 (projinfo EPSG:2361 "Xian 1980 / 3-degree Gauss-Kruger zone
  // 37", EPSG:2413 "Beijing 1954 / 3-degree Gauss-Kruger zone 37"); the import asks for the
  // datum parameters.
  EXPECT_EQ(epsgOf(sampleLines("1980西安坐标系")).epsg, 2361);
  EXPECT_EQ(epsgOf(sampleLines("北京54")).epsg, 2413);
  const BoundaryPointCrs unknown = epsgOf(sampleLines("地方坐标系"));
  EXPECT_FALSE(unknown.epsg);
  EXPECT_NE(unknown.problem.find("f.txt: line 5:"), std::string::npos) << unknown.problem;
  // Eastings without the prefix: the same zone without it.
  std::vector<std::string> plain = {"[属性描述]",          "坐标系=2000国家大地坐标系",
                                    "几度分带=3",          "带号=37",
                                    "[地块坐标]",          "3,,A,,面,,,,@",
                                    "J1,1,4284000,543000", "J2,1,4284000,543100",
                                    "J3,1,4284100,543100"};
  EXPECT_EQ(epsgOf(plain).epsg, 4546);
  // A 6° zone, its number from the eastings.
  std::vector<std::string> six = {"[属性描述]",
                                  "坐标系=2000国家大地坐标系",
                                  "几度分带=6",
                                  "[地块坐标]",
                                  "3,,A,,面,,,,@",
                                  "J1,1,4284000,19543000",
                                  "J2,1,4284000,19543100",
                                  "J3,1,4284100,19543100"};
  EXPECT_EQ(epsgOf(six).epsg, 4497);
  six[2] = "几度分带=3"; // zone 19 is no 3° zone
  EXPECT_FALSE(epsgOf(six).epsg);
}

//! The sample in GBK with CRLF, as a Windows program writes it.
std::string writeSample(const TempDir &dir, const std::string &name = "界址点.txt",
                        const std::vector<std::string> &lines = sampleLines())
{
  return dir.writeFile(name, test::toGbk(test::joinLines(lines)));
}

TEST(BoundaryPointImport, ImportsPlotsHolesAndPartsAtTheirEllipsoidalArea)
{
  TempDir dir;
  const std::string source = writeSample(dir);
  const std::string project = dir.file("县.gpkg");
  const ImportSummary s = importLayer(plotsRequest(source, project));
  ASSERT_FALSE(s.refusal) << *s.refusal;
  EXPECT_EQ(s.imported, 3);
  EXPECT_EQ(s.sourceCrs, "EPSG:4525");
  EXPECT_EQ(s.encoding, "GBK (detected)");
  EXPECT_EQ(s.layer, "地块坐标");

  std::map<std::string, Plot> plots = readPlots(project);
  ASSERT_EQ(plots.size(), 3u);
  EXPECT_EQ(plots["DK-1"].values["name"], "安置区小学");
  EXPECT_EQ(plots["DK-1"].values["land_use"], "0804"); // 地类编码
  EXPECT_EQ(plots["DK-2"].values["name"], "带天井的住宅");
  EXPECT_EQ(gis::partCount(plots["DK-1"].geometry.get()), 1);
  EXPECT_EQ(holes(plots["DK-1"].geometry.get()), 0);
  EXPECT_EQ(gis::partCount(plots["DK-2"].geometry.get()), 1);
  EXPECT_EQ(holes(plots["DK-2"].geometry.get()), 1);
  EXPECT_EQ(gis::partCount(plots["DK-3"].geometry.get()), 2);
  EXPECT_EQ(holes(plots["DK-3"].geometry.get()), 0);
  // GIS axis order: x is the file's Y (the easting).
  const gis::Envelope e = gis::envelope(plots["DK-1"].geometry.get());
  EXPECT_EQ(e.minX, 37543000.0);
  EXPECT_EQ(e.minY, 4284000.0);

  const gis::Crs crs = gis::Crs::fromEpsg(4525);
  for (const auto &[code, area] : expectedAreas())
    EXPECT_NEAR(gis::EllipsoidalArea(crs).squareMetres(plots[code].geometry.get()), area,
                kAreaTolerance)
        << code;
}

TEST(BoundaryPointImport, UserFieldsOverrideTheDefaultMapping)
{
  TempDir dir;
  const std::string project = dir.file("p.gpkg");
  ImportRequest r = plotsRequest(writeSample(dir), project);
  r.fields = {{"land_use", "地块用途"}};
  const ImportSummary s = importLayer(r);
  ASSERT_FALSE(s.refusal) << *s.refusal;
  // 地块用途 城镇住宅用地, then the land-use words of docs/import.md "Coded values": residential.
  EXPECT_EQ(readPlots(project)["DK-2"].values["land_use"], "residential");
}

//! Each refusal: exit 2 in the command line, summary.refusal here, naming file and line, and
//! the project — which exists — byte for byte as it was.
void expectRefused(const std::vector<std::string> &lines, const std::string &expected)
{
  TempDir dir;
  const std::string project = dir.file("p.gpkg");
  ASSERT_FALSE(importLayer(plotsRequest(writeSample(dir, "good.txt"), project)).refusal);
  const std::string before = slurp(project);
  const std::string bad = writeSample(dir, "bad.txt", lines);
  const ImportSummary s = importLayer(plotsRequest(bad, project));
  ASSERT_TRUE(s.refusal) << expected;
  EXPECT_NE(s.refusal->find(bad + ": line "), std::string::npos) << *s.refusal;
  EXPECT_NE(s.refusal->find(expected), std::string::npos) << *s.refusal;
  EXPECT_EQ(s.imported, 0);
  EXPECT_EQ(slurp(project), before);
}

TEST(BoundaryPointImport, EveryRefusalNamesFileAndLineAndLeavesTheProject)
{
  std::vector<std::string> lines = sampleLines();
  lines[22] = "J4,1,4284200.000,3754420O.000";
  expectRefused(lines, "line 23: bad number for Y");
  lines = sampleLines();
  lines[18] = "9,3.7500,DK-2,带天井的住宅,面,,城镇住宅用地,0701,@";
  expectRefused(lines, "line 19: 界址点数 9");
  lines = sampleLines();
  lines[29] = "6,1.4000,DK-3,两块商业地,面,,商业用地,0901,扩展值,@";
  lines.erase(lines.begin() + 36);
  expectRefused(lines, "line 35: ring 圈号 2");
  lines = sampleLines();
  lines[8] = "带号=36";
  expectRefused(lines, "line 14: the easting Y 37543000.000 carries the zone prefix 37");
}

TEST(BoundaryPointImport, AnOldDatumNeedsItsParameters)
{
  TempDir dir;
  const std::string source = writeSample(dir, "西安80.txt", sampleLines("1980西安坐标系"));
  const std::string project = dir.file("p.gpkg");
  ImportSummary s = importLayer(plotsRequest(source, project));
  ASSERT_TRUE(s.refusal);
  EXPECT_NE(s.refusal->find("EPSG:2361"), std::string::npos) << *s.refusal;
  EXPECT_NE(s.refusal->find("--towgs84"), std::string::npos) << *s.refusal;
  EXPECT_FALSE(std::filesystem::exists(project));
  ImportRequest r = plotsRequest(source, project);
  r.towgs84 = parseBursaWolf("24,-123,-94,0.02,-0.25,-0.13,1.1");
  s = importLayer(r);
  ASSERT_FALSE(s.refusal) << *s.refusal;
  EXPECT_EQ(s.sourceCrs, "EPSG:2361");
  EXPECT_EQ(s.targetCrs, "EPSG:4525");
}

TEST(BoundaryPointExport, RoundTripsThroughTheFileAtTheEllipsoidalArea)
{
  TempDir dir;
  const std::string project = dir.file("p.gpkg");
  ASSERT_FALSE(importLayer(plotsRequest(writeSample(dir), project)).refusal);
  TxtExportRequest r;
  r.project = project;
  r.layer = "planned_plots";
  r.out = dir.file("导出.txt");
  r.date = "2024-06-01";
  const ExportSummary summary = exportBoundaryPoints(r);
  EXPECT_EQ(summary.crs, "EPSG:4525");
  ASSERT_EQ(summary.layers.size(), 1u);
  EXPECT_EQ(summary.layers[0].features, 3);

  const std::string bytes = slurp(r.out);
  EXPECT_FALSE(gis::isValidUtf8(bytes)) << "GBK by default";
  const std::string text = test::fromGbk(bytes);
  EXPECT_EQ(text.rfind("[属性描述]\r\n", 0), 0u) << text.substr(0, 40);
  for (std::size_t i = text.find('\n'); i != std::string::npos; i = text.find('\n', i + 1))
    ASSERT_EQ(text[i - 1], '\r') << "CRLF everywhere";
  for (const char *line :
       {"坐标系=2000国家大地坐标系\r\n", "几度分带=3\r\n", "带号=37\r\n", "转换参数=,,,,,,\r\n",
        "投影类型=高斯克吕格\r\n", "计量单位=米\r\n", "数据产生日期=2024-06-01\r\n"})
    EXPECT_NE(text.find(line), std::string::npos) << line;

  const BoundaryPointFile file = parseBoundaryPointFile(bytes, r.out);
  ASSERT_EQ(file.plots.size(), 3u);
  const std::map<std::string, double> areas = expectedAreas();
  for (const BoundaryPlot &p : file.plots) {
    EXPECT_NEAR(*p.areaHectares, areas.at(p.code) / 10000, 0.00005) << p.code; // 4 decimals
    EXPECT_EQ(p.points.front().name, "J1");
    // Every ring closed: each 圈号's last line repeats its first.
    std::map<int, std::pair<const BoundaryPoint *, const BoundaryPoint *>> rings;
    for (const BoundaryPoint &pt : p.points) {
      auto &ends = rings[pt.ring];
      if (!ends.first)
        ends.first = &pt;
      ends.second = &pt;
    }
    for (const auto &[ring, ends] : rings) {
      EXPECT_EQ(ends.first->name, ends.second->name) << p.code << " ring " << ring;
      EXPECT_EQ(ends.first->x, ends.second->x);
      EXPECT_EQ(ends.first->y, ends.second->y);
    }
  }
  EXPECT_EQ(file.plots[0].code, "DK-1");
  EXPECT_EQ(file.plots[0].landClass, "0804");
  EXPECT_EQ(file.plots[0].use, "教育用地");
  EXPECT_EQ(file.plots[1].points.size(), 10u); // outer and hole, closed
  EXPECT_EQ(file.plots[1].points[5].ring, 2);
  EXPECT_EQ(file.plots[2].points.size(), 9u); // two parts, now closed

  // And back in: the same plots, parts and holes, at the same area.
  const std::string again = dir.file("again.gpkg");
  const ImportSummary s = importLayer(plotsRequest(r.out, again));
  ASSERT_FALSE(s.refusal) << *s.refusal;
  std::map<std::string, Plot> plots = readPlots(again);
  ASSERT_EQ(plots.size(), 3u);
  EXPECT_EQ(holes(plots["DK-2"].geometry.get()), 1);
  EXPECT_EQ(gis::partCount(plots["DK-3"].geometry.get()), 2);
  const gis::Crs crs = gis::Crs::fromEpsg(4525);
  for (const auto &[code, area] : areas)
    EXPECT_NEAR(gis::EllipsoidalArea(crs).squareMetres(plots[code].geometry.get()), area,
                kAreaTolerance)
        << code;

  // The output exists now: refused without force, the file as it was.
  EXPECT_THROW(exportBoundaryPoints(r), ExportError);
  EXPECT_EQ(slurp(r.out), bytes);
  r.force = true;
  r.encoding = gis::TextEncoding::Utf8;
  exportBoundaryPoints(r);
  EXPECT_TRUE(gis::isValidUtf8(slurp(r.out)));
}

//! planned_plots in EPSG:4546 (CM 111°, no zone prefix), as the tests' projects are.
std::string writeUnprefixedProject(const TempDir &dir)
{
  test::ProjectBuilder b(dir.file("project.gpkg"));
  b.add("planned_plots", "P-1", test::rect(543000, 4284000, 543100, 4284100),
        {gis::FieldValue("小学"), gis::FieldValue("0804")});
  // P-2 (residential) takes part of P-1 (education): a protected-land violation.
  b.add("planned_plots", "P-2", test::rect(543050, 4284000, 543150, 4284050),
        {gis::FieldValue("住宅"), gis::FieldValue("residential")});
  b.add("planned_plots", "P-3", test::rect(543400, 4284000, 543450, 4284050),
        {gis::FieldValue("商铺"), gis::FieldValue("0901")});
  b.add("schools", "XX-1", test::point(543050, 4284050),
        {gis::FieldValue("小学"), gis::FieldValue("primary"), gis::FieldValue(std::int64_t(500)),
         gis::FieldValue(std::int64_t(100))});
  return b.finish();
}

TEST(BoundaryPointExport, WritesTheZonePrefixAndTheSelection)
{
  TempDir dir;
  const std::string project = writeUnprefixedProject(dir);
  TxtExportRequest r;
  r.project = project;
  r.layer = "planned_plots";
  r.out = dir.file("codes.txt");
  r.selection.codes = {"P-3", "P-1"};
  EXPECT_EQ(exportBoundaryPoints(r).crs, "EPSG:4525");
  BoundaryPointFile f = parseBoundaryPointFile(slurp(r.out), r.out);
  ASSERT_EQ(f.plots.size(), 2u);
  EXPECT_EQ(f.plots[0].code, "P-1");
  EXPECT_EQ(f.plots[1].code, "P-3");
  EXPECT_EQ(f.item("带号")->value, "37");
  EXPECT_EQ(f.eastingZone, 37);
  EXPECT_NEAR(f.plots[0].points[0].y, 37543000.0, 0.0005); // same zone, prefix added
  EXPECT_NEAR(
      *f.plots[0].areaHectares,
      geodesicArea({{543000, 4284000}, {543100, 4284000}, {543100, 4284100}, {543000, 4284100}},
                   "EPSG:4546") /
          10000,
      0.00005);

  r.out = dir.file("where.txt");
  r.selection = {};
  r.selection.where = "land_use = 'residential'";
  exportBoundaryPoints(r);
  f = parseBoundaryPointFile(slurp(r.out), r.out);
  ASSERT_EQ(f.plots.size(), 1u);
  EXPECT_EQ(f.plots[0].code, "P-2");
  EXPECT_EQ(f.plots[0].use, "居住用地");

  // Refused, nothing written: a code the layer lacks, a point layer, a bad filter.
  r.out = dir.file("refused.txt");
  r.selection = {};
  r.selection.codes = {"P-1", "P-9"};
  EXPECT_THROW(exportBoundaryPoints(r), ExportError);
  r.selection = {};
  r.selection.where = "no_such_field = 1";
  EXPECT_THROW(exportBoundaryPoints(r), ExportError);
  r.selection = {};
  r.layer = "schools";
  EXPECT_THROW(exportBoundaryPoints(r), ExportError);
  EXPECT_FALSE(std::filesystem::exists(r.out));
}

//! A GDAL layer of the .gdb, opened read-only by GDAL itself.
struct GdbLayer
{
  GDALDatasetUniquePtr ds;
  OGRLayer *layer = nullptr;
};

GdbLayer openGdb(const std::string &path, const std::string &layer)
{
  GDALAllRegister();
  GdbLayer l;
  l.ds.reset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (l.ds)
    l.layer = l.ds->GetLayerByName(layer.c_str());
  return l;
}

TEST(FileGdbExport, WritesEveryLayerWithChineseAliasesAndTheViolations)
{
  TempDir dir;
  const std::string project = writeUnprefixedProject(dir);
  GdbExportRequest r;
  r.project = project;
  r.out = dir.file("汇交.gdb");
  r.violations = true;
  const ExportSummary summary = exportFileGdb(r);
  EXPECT_TRUE(std::filesystem::is_directory(r.out));
  for (const auto &entry : std::filesystem::directory_iterator(dir.path()))
    EXPECT_EQ(entry.path().filename().string().find(".partial-"), std::string::npos)
        << "left behind: " << entry.path();

  GdbLayer plots = openGdb(r.out, "planned_plots");
  ASSERT_TRUE(plots.layer);
  EXPECT_STREQ(plots.ds->GetDriver()->GetDescription(), "OpenFileGDB");
  EXPECT_EQ(plots.layer->GetFeatureCount(), 3);
  OGRFeatureDefn *defn = plots.layer->GetLayerDefn();
  const int landUse = defn->GetFieldIndex("land_use");
  ASSERT_GE(landUse, 0);
  EXPECT_STREQ(defn->GetFieldDefn(landUse)->GetAlternativeNameRef(), "用地性质");
  EXPECT_STREQ(defn->GetFieldDefn(defn->GetFieldIndex("code"))->GetAlternativeNameRef(), "编号");
  std::map<std::string, std::string> names;
  for (auto &f : *plots.layer)
    names[f->GetFieldAsString("code")] = f->GetFieldAsString("name");
  EXPECT_EQ(names, (std::map<std::string, std::string>{
                       {"P-1", "小学"}, {"P-2", "住宅"}, {"P-3", "商铺"}}));
  EXPECT_STREQ(plots.layer->GetSpatialRef()->GetAuthorityCode(nullptr), "4546");

  GdbLayer schools = openGdb(r.out, "schools");
  ASSERT_TRUE(schools.layer);
  EXPECT_EQ(schools.layer->GetFeatureCount(), 1);
  for (auto &f : *schools.layer) {
    EXPECT_EQ(f->GetFieldAsInteger("capacity"), 500);
    EXPECT_EQ(wkbFlatten(f->GetGeometryRef()->getGeometryType()), wkbPoint);
  }

  // The check's open violations, every one in a layer of its location's dimension.
  CheckOptions check;
  check.project = project;
  const std::size_t expected = runCheck(check).report.open.violations.size();
  ASSERT_GT(expected, 0u);
  std::int64_t written = 0;
  for (const char *name :
       {"violations_polygon", "violations_line", "violations_point", "violations_none"})
    if (GdbLayer v = openGdb(r.out, name); v.layer)
      written += v.layer->GetFeatureCount();
  EXPECT_EQ(written, std::int64_t(expected));

  // Not over an existing output unless forced; then replaced whole.
  GdbExportRequest one;
  one.project = project;
  one.out = r.out;
  one.layer = "planned_plots";
  one.selection.codes = {"P-2"};
  EXPECT_THROW(exportFileGdb(one), ExportError);
  EXPECT_TRUE(openGdb(r.out, "schools").layer) << "left as it was";
  one.force = true;
  exportFileGdb(one);
  EXPECT_FALSE(openGdb(r.out, "schools").layer);
  EXPECT_EQ(openGdb(r.out, "planned_plots").layer->GetFeatureCount(), 1);

  // And the importer reads it back.
  ImportRequest back;
  back.source = r.out;
  back.project = dir.file("back.gpkg");
  back.role = "planned_plots";
  const ImportSummary s = importLayer(back);
  ASSERT_FALSE(s.refusal) << *s.refusal;
  EXPECT_EQ(readPlots(back.project)["P-2"].values["land_use"], "residential");
}

TEST(FileGdbExport, RefusesANameWithoutGdbAndLeavesNothing)
{
  TempDir dir;
  GdbExportRequest r;
  r.project = writeUnprefixedProject(dir);
  r.out = dir.file("out.zip");
  EXPECT_THROW(exportFileGdb(r), ExportError);
  r.out = dir.file("out.gdb");
  r.layer = "no_such_layer";
  EXPECT_THROW(exportFileGdb(r), ExportError);
  EXPECT_FALSE(std::filesystem::exists(r.out));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()),
                          std::filesystem::directory_iterator()),
            1)
      << "only the project";
}

TEST(PersonalGdbImport, SaysWhatIsMissingOrWhatIsWrong)
{
  TempDir dir;
  // The first bytes of a Jet 4 database, and nothing more: no Personal Geodatabase.
  std::string bytes(4096, '\0');
  bytes.replace(0, 19, std::string("\x00\x01\x00\x00Standard Jet DB", 19));
  const std::string source = dir.writeFile("地块.mdb", bytes);
  ImportRequest r = plotsRequest(source, dir.file("p.gpkg"));
  const ImportSummary s = importLayer(r);
  ASSERT_TRUE(s.refusal);
  EXPECT_NE(s.refusal->find(source), std::string::npos) << *s.refusal;
  if (!gis::hasVectorDriver("PGeo")) {
    EXPECT_NE(s.refusal->find("no PGeo driver"), std::string::npos) << *s.refusal;
  } else if (!gis::hasMdbToolsOdbc()) {
    EXPECT_NE(s.refusal->find("odbc-mdbtools"), std::string::npos) << *s.refusal;
  } else {
    EXPECT_NE(s.refusal->find("Personal Geodatabase"), std::string::npos) << *s.refusal;
  }
  EXPECT_FALSE(std::filesystem::exists(r.project));
}

} // namespace
} // namespace anzhi::core
