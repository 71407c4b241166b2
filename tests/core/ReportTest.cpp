// The reports: anzhi.report/1 JSON fields and nulls, the HTML summary, and the violations
// GeoPackage layer read back through OGR.

#include "core/report/HtmlReport.h"
#include "core/report/JsonReport.h"
#include "core/report/ViolationLayer.h"
#include "tests/support/ProjectBuilder.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace anzhi;
using namespace anzhi::test;

namespace {

constexpr double X0 = 500000, Y0 = 4300000;

core::CheckResult smallProject(TempDir &dir)
{
  ProjectBuilder b(dir.file("county.gpkg"));
  b.add("planned_plots", "P-1", rect(X0, Y0, X0 + 100, Y0 + 100),
        {FieldValue("中心小学用地"), FieldValue("A33")});
  b.add("planned_plots", "P-2", rect(X0 + 90, Y0, X0 + 190, Y0 + 100),
        {FieldValue("商业"), FieldValue("commercial")});
  b.add("resettlement_sites", "AZQ-1", rect(X0, Y0 + 500, X0 + 100, Y0 + 600),
        {FieldValue("宋家沟安置区"), null, FieldValue("宋家沟乡"), FieldValue("rural"), null,
         FieldValue(std::int64_t(900)), null, null, FieldValue(std::int64_t(0))});
  return check(b.finish());
}

//! The streamed JSON report of `result`, parsed.
nlohmann::ordered_json jsonReport(const core::CheckResult &result, const std::string &lang)
{
  core::Report report;
  report.open = result;
  report.projectName = "county.gpkg";
  report.lang = lang;
  std::string text;
  core::streamJsonReport(report, [&](std::string_view piece) { text += piece; });
  return nlohmann::ordered_json::parse(text);
}

} // namespace

TEST(Report, JsonFollowsSchema)
{
  TempDir dir;
  core::CheckResult result = smallProject(dir);
  auto doc = jsonReport(result, "zh");
  EXPECT_EQ(doc["schema"], "anzhi.report/1");
  EXPECT_EQ(doc["project"], "county.gpkg");
  EXPECT_EQ(doc["working_crs"], "EPSG:4546");
  ASSERT_EQ(doc["rules"].size(), 19u);
  EXPECT_EQ(doc["rules"][0]["id"], "protected-land");
  EXPECT_EQ(doc["rules"][0]["clause"], "一（一）");
  EXPECT_EQ(doc["rules"][0]["status"], "checked");
  EXPECT_EQ(doc["rules"][0]["checked"], 2);
  EXPECT_EQ(doc["rules"][0]["violations"], 1);
  EXPECT_EQ(doc["rules"][1]["status"], "skipped");
  EXPECT_EQ(doc["rules"][1]["reason"], "missing layer: schools");
  ASSERT_EQ(doc["violations"].size(), 2u);
  const auto &v = doc["violations"][0];
  EXPECT_EQ(v["rule"], "protected-land");
  EXPECT_EQ(v["severity"], "error");
  EXPECT_EQ(v["layer"], "planned_plots");
  EXPECT_EQ(v["fid"], 1);
  EXPECT_EQ(v["code"], "P-1");
  EXPECT_EQ(v["other"]["layer"], "planned_plots");
  EXPECT_EQ(v["other"]["fid"], 2);
  EXPECT_EQ(v["other"]["code"], "P-2");
  EXPECT_TRUE(v["level"].is_null());
  // 10 × 100 m on the central meridian (scale factor 1): 1000 m², 1.5 mu.
  EXPECT_NEAR(v["area_m2"].get<double>(), 1000.0, 1e-3);
  EXPECT_NEAR(v["area_mu"].get<double>(), 1.5, 1e-6);
  EXPECT_TRUE(v["distance_m"].is_null());
  EXPECT_TRUE(v["shortfall_seats"].is_null());
  EXPECT_NE(v["message"].get<std::string>().find("P-2"), std::string::npos);
  EXPECT_EQ(v["wkt"].get<std::string>().rfind("POLYGON", 0), 0u);
  const auto &plan = doc["violations"][1];
  EXPECT_EQ(plan["rule"], "support-plan");
  EXPECT_EQ(plan["severity"], "warning");
  EXPECT_TRUE(plan["other"].is_null());
  EXPECT_TRUE(doc["exceptions"].empty());
  auto en = jsonReport(result, "en");
  EXPECT_NE(en["violations"][1]["message"].get<std::string>().find("support plan"),
            std::string::npos);
}

TEST(Report, HtmlSummarisesByRuleAndTownship)
{
  TempDir dir;
  core::CheckResult result = smallProject(dir);
  std::string html = core::toHtmlReport(result, "county.gpkg", "zh");
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(html.find("按乡镇汇总"), std::string::npos);
  EXPECT_NE(html.find("宋家沟乡"), std::string::npos);
  EXPECT_NE(html.find("七（二十二）"), std::string::npos);
  // Chinese all the way: rule and layer names, skip reasons and units in Chinese; ids stay
  // beside the names for the rule set and scripts.
  EXPECT_NE(html.find("<td>侵占保护用地 <small>protected-land</small></td>"), std::string::npos);
  EXPECT_NE(html.find("已跳过：缺少图层：schools"), std::string::npos);
  EXPECT_NE(html.find("<td>规划地块 P-1 <small>fid 1</small></td>"), std::string::npos);
  EXPECT_NE(html.find("1000.0 平方米 / 1.50 亩"), std::string::npos);
  EXPECT_EQ(html.find(" m² "), std::string::npos);
  const std::string en = core::toHtmlReport(result, "county.gpkg", "en");
  EXPECT_NE(en.find("<td>Encroachment on protected land <small>protected-land</small></td>"),
            std::string::npos);
  EXPECT_NE(en.find("skipped: missing layer: schools"), std::string::npos);
  EXPECT_NE(en.find("1000.0 m² / 1.50 mu"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http"), std::string::npos) << "self-contained: no external resource";
}

TEST(Report, ViolationLayerReadsBack)
{
  TempDir dir;
  core::CheckResult result = smallProject(dir);
  std::string out = dir.file("violations.gpkg");
  core::writeViolationLayer(out, result, gis::Crs::fromEpsg(4546), "zh");
  gis::VectorDataset ds = gis::VectorDataset::open(out);
  gis::VectorLayer layer = ds.layer("violations");
  EXPECT_EQ(layer.featureCount(), 2);
  EXPECT_EQ(layer.crs()->epsg(), 4546);
  int rule = layer.requireField("rule", gis::FieldType::String);
  int area = layer.requireField("area_mu", gis::FieldType::Real);
  std::vector<std::string> rules;
  layer.forEach([&](const gis::FeatureRow &row) {
    rules.push_back(*row.string(rule));
    if (rules.size() == 1) {
      EXPECT_NEAR(*row.real(area), 1.5, 1e-6);
      EXPECT_TRUE(row.geometry());
    }
    return true;
  });
  EXPECT_EQ(rules, (std::vector<std::string>{"protected-land", "support-plan"}));
}
