// Coded values on import (docs/import.md, "Coded values"): the words a bureau writes (小学, 城镇)
// become the codes of docs/contract.md by the built-in table, the user's --value and value-map file
// override it, an unmapped value refuses the import (or is NULL with --unmapped null), and a
// school's level comes from its 学校（机构）标识码 where no 学段 is given. Every source is written
// here and the expected codes are the literals of docs/contract.md.

#include "core/import/ImportError.h"
#include "core/import/Importer.h"
#include "core/import/ValueMap.h"
#include "tests/support/Files.h"
#include "tests/support/ProjectBuilder.h"
#include "tests/support/TempDir.h"

#include "gis/Vector.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace anzhi::core {
namespace {

using anzhi::test::slurp;
using anzhi::test::TempDir;

ImportRequest request(const std::string &source, const std::string &project,
                      const std::string &role)
{
  ImportRequest r;
  r.source = source;
  r.project = project;
  r.role = role;
  r.assignCrs = gis::Crs::fromEpsg(4546);
  return r;
}

//! code → the value of `field` (NULL for null) of every row of the project's layer.
std::map<std::string, std::string> column(const std::string &project, const std::string &layer,
                                          const std::string &field)
{
  gis::VectorDataset ds = gis::VectorDataset::open(project);
  gis::VectorLayer l = ds.layer(layer);
  const int code = l.fieldIndex("code"), value = l.fieldIndex(field);
  std::map<std::string, std::string> out;
  l.forEach([&](const gis::FeatureRow &r) {
    out[r.string(code).value_or("?")] = value < 0 ? "NULL" : r.string(value).value_or("NULL");
    return true;
  });
  return out;
}

std::string warnings(const ImportSummary &s)
{
  std::string out;
  for (const ImportWarning &w : s.warnings)
    out += w.kind + ": " + w.message + "\n";
  return out + (s.refusal ? "refusal: " + *s.refusal : "");
}

bool hasWarning(const ImportSummary &s, const std::string &kind, const std::string &text = {})
{
  return std::any_of(s.warnings.begin(), s.warnings.end(), [&](const ImportWarning &w) {
    return w.kind == kind && w.message.find(text) != std::string::npos;
  });
}

bool contains(const std::string &text, const std::string &part)
{
  return text.find(part) != std::string::npos;
}

//! Schools as a CSV in EPSG:4546 (x, y), one line per "code,学段" pair.
std::string schoolsCsv(const std::vector<std::pair<std::string, std::string>> &rows,
                       const std::string &extraHeader = {},
                       const std::vector<std::string> &extra = {})
{
  std::string csv =
      "code,学段,capacity,x,y" + (extraHeader.empty() ? "" : "," + extraHeader) + "\n";
  for (std::size_t i = 0; i < rows.size(); ++i)
    csv += rows[i].first + "," + rows[i].second + ",500," + std::to_string(500100 + 10 * i) +
           ",4300100" + (extra.empty() ? "" : "," + extra[i]) + "\n";
  return csv;
}

const CodedValueCount *counted(const std::vector<CodedValueCount> &list, const std::string &value)
{
  for (const CodedValueCount &c : list)
    if (c.value == value)
      return &c;
  return nullptr;
}

TEST(CodedValues, SchoolLevelsInChineseBecomeTheirCodes)
{
  TempDir dir;
  ImportRequest r = request(dir.writeFile("学校.csv", schoolsCsv({{"XX-1", "小学"},
                                                                  {"XX-2", "初中"},
                                                                  {"XX-3", "九年一贯制"},
                                                                  {"XX-4", "PRIMARY"},
                                                                  {"XX-5", "小学\xE3\x80\x80"},
                                                                  {"XX-6", ""},
                                                                  {"XX-7", "junior"}})),
                            dir.file("county.gpkg"), "schools");
  r.fields = {{"level", "学段"}};
  const ImportSummary s = importLayer(r);
  ASSERT_FALSE(s.refusal) << warnings(s);
  EXPECT_EQ(s.imported, 7);
  EXPECT_EQ(column(r.project, "schools", "level"),
            (std::map<std::string, std::string>{{"XX-1", "primary"},
                                                {"XX-2", "junior"},
                                                {"XX-3", "nine_year"},
                                                {"XX-4", "primary"},
                                                {"XX-5", "primary"},
                                                {"XX-6", "NULL"},
                                                {"XX-7", "junior"}}));
  // The summary says what became what, and how; a value that is its code is not listed.
  const CodedValueCount *primary = counted(s.mappedValues, "小学");
  ASSERT_NE(primary, nullptr);
  EXPECT_EQ(primary->field, "level");
  EXPECT_EQ(primary->code, "primary");
  EXPECT_EQ(primary->how, "default");
  EXPECT_EQ(primary->rows, 2) << "小学 and 小学 with an ideographic space are one value";
  EXPECT_EQ(counted(s.mappedValues, "九年一贯制")->code, "nine_year");
  EXPECT_EQ(counted(s.mappedValues, "junior"), nullptr);
  EXPECT_TRUE(s.nullValues.empty());
}

TEST(CodedValues, UserValueOverridesTheBuiltInTable)
{
  TempDir dir;
  const std::string sites =
      dir.writeFile("安置区.geojson",
                    R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":)"
                    R"({"code":"AZQ-1","安置方式":"集镇","population":900,"support_plan":1},)"
                    R"("geometry":{"type":"Polygon","coordinates":[[[111.5,38.5],[111.51,38.5],)"
                    R"([111.51,38.51],[111.5,38.5]]]}}]})");
  ImportRequest r = request(sites, dir.file("a.gpkg"), "resettlement_sites");
  r.assignCrs.reset();
  r.fields = {{"setting", "安置方式"}};
  ASSERT_FALSE(importLayer(r).refusal);
  EXPECT_EQ(column(r.project, "resettlement_sites", "setting").at("AZQ-1"), "urban")
      << "集镇 is urban by the built-in table";

  r.project = dir.file("b.gpkg");
  r.values = parseValueMappings({"setting=集镇:rural"});
  const ImportSummary s = importLayer(r);
  ASSERT_FALSE(s.refusal) << warnings(s);
  EXPECT_EQ(column(r.project, "resettlement_sites", "setting").at("AZQ-1"), "rural");
  ASSERT_NE(counted(s.mappedValues, "集镇"), nullptr);
  EXPECT_EQ(counted(s.mappedValues, "集镇")->how, "map");

  // The code may be named by its word, and the colon typed full-width.
  r.project = dir.file("c.gpkg");
  r.values = parseValueMappings({"setting = 集镇：农村安置"});
  ASSERT_FALSE(importLayer(r).refusal);
  EXPECT_EQ(column(r.project, "resettlement_sites", "setting").at("AZQ-1"), "rural");
}

TEST(CodedValues, ValueMapFile)
{
  TempDir dir;
  const std::string file = dir.writeFile("县教育局.toml", "# 学段\n"
                                                          "[level]\n"
                                                          "\"完中\" = \"high\"\n"
                                                          "\"幼儿园\" = \"\"\n"
                                                          "\"卫生所\" = \"village\"\n"
                                                          "\n"
                                                          "[schools.level]\n"
                                                          "\"初高中\" = \"junior\"\n"
                                                          "\n"
                                                          "[clinics.level]\n"
                                                          "\"社区医院\" = \"township\"\n");
  ImportRequest r = request(
      dir.writeFile(
          "学校.csv",
          schoolsCsv({{"XX-1", "完中"}, {"XX-2", "幼儿园"}, {"XX-3", "初高中"}, {"XX-4", "小学"}})),
      dir.file("county.gpkg"), "schools");
  r.fields = {{"level", "学段"}};
  r.values = readValueMapFile(file);
  // --value overrides the file.
  overrideValueMaps(r.values, parseValueMappings({"level=完中:vocational"}));
  const ImportSummary s = importLayer(r);
  ASSERT_FALSE(s.refusal) << warnings(s);
  EXPECT_EQ(
      column(r.project, "schools", "level"),
      (std::map<std::string, std::string>{
          {"XX-1", "vocational"}, {"XX-2", "NULL"}, {"XX-3", "junior"}, {"XX-4", "primary"}}));
  ASSERT_NE(counted(s.mappedValues, "幼儿园"), nullptr);
  EXPECT_EQ(counted(s.mappedValues, "幼儿园")->code, std::nullopt) << "mapped to NULL";
  EXPECT_TRUE(s.nullValues.empty()) << "a NULL the user chose is not an unmapped value";

  // Errors name the file and line.
  auto error = [](const std::string &text) {
    try {
      parseValueMapToml(text, "map.toml");
    } catch (const ImportError &e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_TRUE(contains(error("[level]\n\"小学\" = 1\n"), "map.toml:2"))
      << error("[level]\n\"小学\" = 1\n");
  EXPECT_TRUE(contains(error("[level]\n\"小学\" = \"primry\"\n"), "'primry'"));
  EXPECT_TRUE(contains(error("[levle]\n\"小学\" = \"primary\"\n"), "'levle' is not a coded field"));
  EXPECT_TRUE(contains(error("[schools.setting]\n\"x\" = \"urban\"\n"), "schools.setting"));
  EXPECT_TRUE(contains(error("level = \"primary\"\n"), "must be a table"));
  EXPECT_TRUE(contains(error("[level\n"), "map.toml:1"));
}

TEST(CodedValues, UnmappedValueRefusesTheImportNamingFieldAndValue)
{
  TempDir dir;
  const std::string project = dir.file("county.gpkg");
  ImportRequest first =
      request(dir.writeFile("a.csv", schoolsCsv({{"XX-1", "小学"}})), project, "schools");
  first.fields = {{"level", "学段"}};
  ASSERT_FALSE(importLayer(first).refusal);
  const std::string before = slurp(project);

  ImportRequest r = request(
      dir.writeFile(
          "学校.csv",
          schoolsCsv({{"XX-2", "初中"}, {"XX-3", "培智"}, {"XX-4", "完全中学"}, {"XX-5", "培智"}})),
      project, "schools");
  r.fields = {{"level", "学段"}};
  const ImportSummary s = importLayer(r);
  ASSERT_TRUE(s.refusal);
  EXPECT_TRUE(contains(*s.refusal, "学校.csv")) << *s.refusal;
  EXPECT_TRUE(contains(*s.refusal, "feature 2")) << *s.refusal;
  EXPECT_TRUE(contains(*s.refusal, "field 'level'")) << *s.refusal;
  EXPECT_TRUE(contains(*s.refusal, "'培智'")) << *s.refusal;
  EXPECT_TRUE(contains(*s.refusal, "--value level=培智:CODE")) << *s.refusal;
  EXPECT_EQ(s.refused.size(), 3u) << "完全中学 spans two levels: no default for it";
  EXPECT_EQ(s.imported, 0);
  EXPECT_EQ(slurp(project), before) << "the project is byte for byte what it was";

  // --unmapped null: imported as NULL and counted per value.
  r.unmappedAsNull = true;
  const ImportSummary n = importLayer(r);
  ASSERT_FALSE(n.refusal) << warnings(n);
  EXPECT_EQ(n.imported, 4);
  const auto levels = column(project, "schools", "level");
  EXPECT_EQ(levels.at("XX-2"), "junior");
  EXPECT_EQ(levels.at("XX-3"), "NULL");
  EXPECT_EQ(levels.at("XX-4"), "NULL");
  ASSERT_EQ(n.nullValues.size(), 2u);
  EXPECT_EQ(counted(n.nullValues, "培智")->rows, 2);
  EXPECT_EQ(counted(n.nullValues, "培智")->field, "level");
  EXPECT_EQ(counted(n.nullValues, "完全中学")->rows, 1);
  EXPECT_TRUE(hasWarning(n, "unmapped-null", "3 value(s)")) << warnings(n);
}

TEST(CodedValues, EveryCodedFieldIsChecked)
{
  // A homestead's status and target_use, a ranger's status, a park's kind and a clinic's level:
  // each unmapped value refuses its row, naming the field.
  TempDir dir;
  struct Case
  {
    std::string role, field, good, goodCode, bad, geometry;
    std::string extra; //!< other required columns, header and values
  };
  const std::string polygon = "\"POLYGON((500000 4300000,500100 4300000,500100 4300100,"
                              "500000 4300000))\"";
  const std::vector<Case> cases = {
      {"reclaimed_homesteads", "status", "已复垦", "reclaimed", "复垦中", polygon, "done_date"},
      {"reclaimed_homesteads", "target_use", "水浇地", "cropland", "园地", polygon,
       "status,done_date"},
      {"rangers", "status", "易地搬迁", "relocated", "外出务工", "", ""},
      {"industrial_parks", "kind", "社区工厂", "workshop", "合作社", polygon, ""},
      {"clinics", "level", "乡镇卫生院", "township", "诊所", "\"POINT(500000 4300000)\"", ""},
      {"resettlement_sites", "setting", "城镇", "urban", "插花安置", polygon,
       "population,support_plan"},
  };
  for (const Case &c : cases) {
    SCOPED_TRACE(c.role + "." + c.field);
    std::string header = "code,值" + std::string(c.geometry.empty() ? "" : ",wkt") +
                         (c.extra.empty() ? "" : "," + c.extra);
    auto line = [&](const std::string &code, const std::string &value) {
      std::string l = code + "," + value + (c.geometry.empty() ? "" : "," + c.geometry);
      for (std::size_t k = 0, n = c.extra.empty()
                                      ? 0
                                      : 1 + std::count(c.extra.begin(), c.extra.end(), ',');
           k < n; ++k)
        l += ",";
      return l + "\n";
    };
    const std::string source = dir.writeFile(
        c.role + c.field + ".csv", header + "\n" + line("A-1", c.good) + line("A-2", c.bad));
    ImportRequest r = request(source, dir.file(c.role + c.field + ".gpkg"), c.role);
    r.fields = {{c.field, "值"}};
    const ImportSummary s = importLayer(r);
    ASSERT_TRUE(s.refusal) << warnings(s);
    EXPECT_TRUE(contains(*s.refusal, "field '" + c.field + "'")) << *s.refusal;
    EXPECT_TRUE(contains(*s.refusal, "'" + c.bad + "'")) << *s.refusal;
    ASSERT_EQ(s.refused.size(), 1u) << warnings(s);

    r.unmappedAsNull = true;
    const ImportSummary n = importLayer(r);
    ASSERT_FALSE(n.refusal) << warnings(n);
    const auto values = column(r.project, c.role, c.field);
    EXPECT_EQ(values.at("A-1"), c.goodCode);
    EXPECT_EQ(values.at("A-2"), "NULL");
  }
}

TEST(CodedValues, LevelFromTheSchoolCode)
{
  EXPECT_EQ(levelFromSchoolCode("2114000001"), "primary");
  EXPECT_EQ(levelFromSchoolCode("3114000002"), "junior");
  EXPECT_EQ(levelFromSchoolCode(" 3414000003 "), "high");
  EXPECT_EQ(levelFromSchoolCode("3614000004"), "vocational");
  std::string why;
  EXPECT_EQ(levelFromSchoolCode("1114000005", &why), std::nullopt);
  EXPECT_TRUE(contains(why, "幼儿园")) << why;
  EXPECT_EQ(levelFromSchoolCode("2214000005", &why), std::nullopt) << "成人小学";
  EXPECT_EQ(levelFromSchoolCode("9914000005", &why), std::nullopt);
  EXPECT_TRUE(contains(why, "not a type")) << why;
  EXPECT_EQ(levelFromSchoolCode("211400001", &why), std::nullopt);
  EXPECT_TRUE(contains(why, "ten-digit")) << why;
  EXPECT_EQ(levelFromSchoolCode("21140000O1"), std::nullopt) << "a letter O";

  TempDir dir;
  // The 学段 where given wins; the code gives the others; no 学段 at all is fine too.
  const std::string csv =
      schoolsCsv({{"XX-1", ""}, {"XX-2", ""}, {"XX-3", "初中"}, {"XX-4", ""}, {"XX-5", ""}},
                 "学校标识码", {"2114000001", "3114000002", "2114000003", "3414000004", ""});
  ImportRequest r = request(dir.writeFile("学校.csv", csv), dir.file("a.gpkg"), "schools");
  r.fields = {{"level", "学段"}};
  ImportSummary s = importLayer(r);
  ASSERT_FALSE(s.refusal) << warnings(s);
  EXPECT_EQ(column(r.project, "schools", "level"),
            (std::map<std::string, std::string>{{"XX-1", "primary"},
                                                {"XX-2", "junior"},
                                                {"XX-3", "junior"},
                                                {"XX-4", "high"},
                                                {"XX-5", "NULL"}}));
  EXPECT_TRUE(hasWarning(s, "school-code", "九年一贯制")) << warnings(s);
  ASSERT_NE(counted(s.mappedValues, "2114000001"), nullptr);
  EXPECT_EQ(counted(s.mappedValues, "2114000001")->how, "school code");

  // Without a 学段 column the code alone gives the level; a pinyin field named with
  // --field school_id=….
  const std::string noLevel = "code,XXBSM,capacity,x,y\n"
                              "XX-1,2114000001,500,500100,4300100\n"
                              "XX-2,3614000002,500,500200,4300100\n";
  r = request(dir.writeFile("b.csv", noLevel), dir.file("b.gpkg"), "schools");
  s = importLayer(r);
  ASSERT_TRUE(s.refusal) << "no level and no code field found";
  EXPECT_TRUE(contains(*s.refusal, "'level'")) << *s.refusal;
  r.fields = {{"school_id", "XXBSM"}};
  s = importLayer(r);
  ASSERT_FALSE(s.refusal) << warnings(s);
  EXPECT_EQ(column(r.project, "schools", "level"),
            (std::map<std::string, std::string>{{"XX-1", "primary"}, {"XX-2", "vocational"}}));

  // A kindergarten's code gives no level: refused, or NULL with --unmapped null.
  const std::string kindergarten = "code,学校标识码,capacity,x,y\n"
                                   "XX-1,1114000001,500,500100,4300100\n";
  r = request(dir.writeFile("c.csv", kindergarten), dir.file("c.gpkg"), "schools");
  s = importLayer(r);
  ASSERT_TRUE(s.refusal);
  EXPECT_TRUE(contains(*s.refusal, "field 'level'")) << *s.refusal;
  EXPECT_TRUE(contains(*s.refusal, "幼儿园")) << *s.refusal;
  r.unmappedAsNull = true;
  s = importLayer(r);
  ASSERT_FALSE(s.refusal) << warnings(s);
  EXPECT_EQ(column(r.project, "schools", "level").at("XX-1"), "NULL");
  EXPECT_EQ(counted(s.nullValues, "1114000001")->field, "level");
}

TEST(CodedValues, ArgumentsAreChecked)
{
  auto error = [](const std::vector<std::string> &args) {
    try {
      parseValueMappings(args);
    } catch (const ImportError &e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_TRUE(contains(error({"level=小学"}), "expected field=source:code"));
  EXPECT_TRUE(contains(error({"小学:primary"}), "expected field=source:code"));
  EXPECT_TRUE(contains(error({"levle=小学:primary"}), "'levle' is not a coded field"));
  EXPECT_TRUE(contains(error({"name=小学:primary"}), "'name' is not a coded field"));
  EXPECT_TRUE(contains(error({"level=小学:primry"}), "'primry' is not a code of"));
  EXPECT_TRUE(contains(error({"level=小学:primary", "level=小学:junior"}), "mapped twice"));
  EXPECT_TRUE(contains(error({"level= :primary"}), "no source value"));
  EXPECT_EQ(error({"level=小学:primary", "level=小学:primary", "schools.level=1:2:junior"}),
            "no error");
  const ValueMaps maps = parseValueMappings({"schools.level=1:2:junior"});
  EXPECT_EQ(maps.fields.at("schools.level").at("1:2").code, "junior") << "the last colon";

  // A code of another layer's field of the same name: refused on import, naming it.
  TempDir dir;
  ImportRequest r = request(dir.writeFile("a.csv", schoolsCsv({{"XX-1", "完中"}})),
                            dir.file("a.gpkg"), "schools");
  r.fields = {{"level", "学段"}};
  r.values = parseValueMappings({"level=完中:village"});
  const ImportSummary s = importLayer(r);
  ASSERT_TRUE(s.refusal);
  EXPECT_TRUE(contains(*s.refusal, "'village' is not a code of schools.level")) << *s.refusal;
}

TEST(CodedValues, LandUseValueMap)
{
  TempDir dir;
  auto plot = [](const std::string &code, const std::string &use, int i) {
    return code + "," + use + ",\"POLYGON((" + std::to_string(500000 + 200 * i) + " 4300000," +
           std::to_string(500100 + 200 * i) + " 4300000," + std::to_string(500100 + 200 * i) +
           " 4300100," + std::to_string(500000 + 200 * i) + " 4300000))\"\n";
  };
  const std::string csv = "code,用地,wkt\n" + plot("P-1", "教育用地", 0) + plot("P-2", "R2", 1) +
                          plot("P-3", "A33", 2) + plot("P-4", "B1", 3) + plot("P-5", "工业用地", 4);
  ImportRequest r = request(dir.writeFile("规划.csv", csv), dir.file("a.gpkg"), "planned_plots");
  r.fields = {{"land_use", "用地"}};
  r.values = parseValueMappings({"land_use=R2:居住用地"});
  r.landUse = parseLandUseMappings({"B1=commercial"});
  const ImportSummary s = importLayer(r);
  ASSERT_FALSE(s.refusal) << warnings(s);
  // Land-use words are classes; codes the rule set maps (A33) are kept; nothing is refused.
  EXPECT_EQ(column(r.project, "planned_plots", "land_use"),
            (std::map<std::string, std::string>{{"P-1", "education"},
                                                {"P-2", "residential"},
                                                {"P-3", "A33"},
                                                {"P-4", "commercial"},
                                                {"P-5", "industrial"}}));
  EXPECT_FALSE(hasWarning(s, "land-use-other")) << warnings(s);

  // A value unknown to every table stays as it is, with the warning of old.
  r.project = dir.file("b.gpkg");
  r.values = {};
  r.landUse = {};
  const ImportSummary other = importLayer(r);
  ASSERT_FALSE(other.refusal) << warnings(other);
  EXPECT_EQ(column(r.project, "planned_plots", "land_use").at("P-2"), "R2");
  EXPECT_TRUE(hasWarning(other, "land-use-other", "'R2' (1)")) << warnings(other);

  // --land-use and --value saying two things of one value: refused.
  r.project = dir.file("c.gpkg");
  r.values = parseValueMappings({"land_use=R2:residential"});
  r.landUse = parseLandUseMappings({"R2=green"});
  const ImportSummary both = importLayer(r);
  ASSERT_TRUE(both.refusal);
  EXPECT_TRUE(contains(*both.refusal, "R2")) << *both.refusal;
}

// The issue's scenario: a junior school imported with 学段 初中 inside a site covers the site
// for the junior level; the same school written with 初中 straight into the project does not,
// and unknown-code says why.
TEST(CodedValues, JuniorSchoolImportedWithChineseLevelCoversItsSite)
{
  TempDir dir;
  auto sites = [&](const std::string &path) {
    test::ProjectBuilder b(path);
    b.add("resettlement_sites", "AZQ-1", test::rect(500000, 4300000, 500400, 4300400),
          {test::FieldValue("城关安置区"), test::null, test::FieldValue("城关镇"),
           test::FieldValue("urban"), test::null, test::FieldValue(std::int64_t(1000)), test::null,
           test::null, test::FieldValue(std::int64_t(1))});
    return b.finish();
  };
  const std::string imported = sites(dir.file("imported.gpkg"));
  ImportRequest r = request(dir.writeFile("学校.csv", "code,学段,capacity,x,y\n"
                                                      "XX-1,初中,800,500100,4300100\n"
                                                      "XX-2,小学,500,500300,4300300\n"),
                            imported, "schools");
  r.fields = {{"level", "学段"}};
  ASSERT_FALSE(importLayer(r).refusal);
  const CheckResult good = test::check(imported);
  EXPECT_TRUE(test::violationsOf(good, "school-coverage").empty());
  EXPECT_TRUE(test::violationsOf(good, "unknown-code").empty());

  const std::string raw = sites(dir.file("raw.gpkg"));
  {
    gis::VectorDataset ds = gis::VectorDataset::open(raw, gis::VectorDataset::Mode::Update);
    gis::LayerWriter w =
        ds.createLayer("schools", gis::GeometryKind::Point, gis::Crs::fromEpsg(4546),
                       {{"code", gis::FieldType::String},
                        {"level", gis::FieldType::String},
                        {"capacity", gis::FieldType::Integer}});
    gis::Geometry a = gis::fromWkt("POINT (500100 4300100)");
    gis::Geometry b = gis::fromWkt("POINT (500300 4300300)");
    w.add(a.get(),
          {gis::FieldValue("XX-1"), gis::FieldValue("初中"), gis::FieldValue(std::int64_t(800))});
    w.add(b.get(), {gis::FieldValue("XX-2"), gis::FieldValue("primary"),
                    gis::FieldValue(std::int64_t(500))});
  }
  const CheckResult bad = test::check(raw);
  const auto uncovered = test::violationsOf(bad, "school-coverage");
  ASSERT_EQ(uncovered.size(), 1u);
  EXPECT_EQ(uncovered[0].level, "junior");
  const auto unknown = test::violationsOf(bad, "unknown-code");
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0].feature.code, "XX-1");
}

} // namespace
} // namespace anzhi::core
