// The JSON report is streamed violation by violation; its bytes must stay those of the
// document anzhi-cli wrote before, built whole in memory and dumped by nlohmann with dump(2).
// That builder is kept here, as it was, to compare against.

#include "core/AcceptedExceptions.h"
#include "core/report/JsonReport.h"
#include "core/report/Report.h"
#include "tests/support/Files.h"
#include "tests/support/ProjectBuilder.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

using namespace anzhi;
using namespace anzhi::test;

namespace {

constexpr double X0 = 543000, Y0 = 4284000;

// --- The in-memory builder of anzhi-cli check before streaming (core/report/JsonReport.cpp and
// app/cli/Commands.cpp at ca1821f).

using Json = nlohmann::ordered_json;

template<typename T> Json orNull(const std::optional<T> &value)
{
  return value ? Json(*value) : Json(nullptr);
}

Json ref(const core::FeatureRef &r)
{
  return {{"layer", r.layer}, {"fid", r.fid}, {"code", orNull(r.code)}};
}

Json toJson(const core::Violation &v, const std::string &lang)
{
  Json j;
  j["rule"] = v.rule;
  j["severity"] = std::string(core::severityName(v.severity));
  j["layer"] = v.feature.layer;
  j["fid"] = v.feature.fid;
  j["code"] = orNull(v.feature.code);
  j["other"] = v.other ? ref(*v.other) : Json(nullptr);
  j["level"] = orNull(v.level);
  j["area_m2"] = orNull(v.areaM2);
  j["area_mu"] = orNull(v.areaMu());
  j["distance_m"] = orNull(v.distanceM);
  j["minutes"] = orNull(v.minutes);
  j["shortfall_seats"] = orNull(v.shortfallSeats);
  j["value"] = orNull(v.value);
  j["message"] = v.message(lang);
  j["wkt"] = v.wkt.empty() ? Json(nullptr) : Json(v.wkt);
  return j;
}

std::string inMemoryReport(const core::Report &report)
{
  const core::CheckResult &result = report.open;
  Json doc;
  doc["schema"] = "anzhi.report/1";
  doc["project"] = report.projectName;
  doc["working_crs"] = result.workingCrs;
  Json rules = Json::array();
  for (const core::RuleOutcome &r : result.rules) {
    Json rule;
    rule["id"] = r.id;
    rule["clause"] = r.clause;
    rule["severity"] = std::string(core::severityName(r.severity));
    rule["status"] = r.skipped ? "skipped" : "checked";
    if (r.skipped)
      rule["reason"] = r.reason;
    rule["checked"] = r.checked;
    rule["unchecked"] = r.unchecked;
    rule["violations"] = r.violations;
    rule["seconds"] = std::round(r.seconds * 1000.0) / 1000.0;
    rules.push_back(std::move(rule));
  }
  doc["rules"] = std::move(rules);
  Json linkage = Json::array();
  for (const core::CountyLinkage &c : result.linkage) {
    const double mu = 10000.0 / 15.0;
    linkage.push_back({{"county", c.county},
                       {"construction_m2", c.constructionM2},
                       {"construction_mu", c.constructionM2 / mu},
                       {"reclaimed_m2", c.reclaimedM2},
                       {"reclaimed_mu", c.reclaimedM2 / mu},
                       {"balance_mu", c.reclaimedM2 / mu - c.constructionM2 / mu}});
  }
  doc["linkage"] = std::move(linkage);
  Json violations = Json::array();
  for (const core::Violation &v : result.violations)
    violations.push_back(toJson(v, report.lang));
  doc["violations"] = std::move(violations);
  Json exceptions = Json::array();
  for (const auto &[v, e] : report.excepted) {
    Json item = toJson(v, report.lang);
    item["exception"] = {{"reason", e.reason},
                         {"approval_no", e.approvalNo},
                         {"created_by", e.createdBy},
                         {"created_at", e.createdAt}};
    exceptions.push_back(std::move(item));
  }
  doc["exceptions"] = std::move(exceptions);
  return doc.dump(2) + "\n";
}

// --- end of the former builder.

std::string streamed(const core::Report &report)
{
  std::string text;
  core::streamJsonReport(report, [&](std::string_view piece) { text += piece; });
  return text;
}

//! A checked project with errors and warnings, the protected-land error accepted as an
//! exception, and a made-up violation whose text and numbers exercise escaping and formatting.
core::Report reportWithExceptions(const TempDir &dir, const std::string &lang)
{
  ProjectBuilder b(dir.file("项目 " + lang + ".gpkg"));
  b.add("planned_plots", "P-1", rect(X0, Y0, X0 + 100, Y0 + 100),
        {FieldValue("小学"), FieldValue("education")});
  b.add("planned_plots", "P-2", rect(X0 + 80, Y0, X0 + 180, Y0 + 100),
        {FieldValue("住宅"), FieldValue("residential")});
  b.add("planned_plots", "P-3", rect(X0, Y0 + 300, X0 + 100, Y0 + 400),
        {FieldValue("卫生院"), FieldValue("medical")});
  b.add("planned_plots", "P-4", rect(X0 + 50, Y0 + 350, X0 + 150, Y0 + 450),
        {FieldValue("商业"), FieldValue("commercial")});
  b.add("resettlement_sites", "AZQ-1", rect(X0 - 500, Y0 - 500, X0 + 500, Y0 + 500),
        {FieldValue("安置区"), null, FieldValue("岚漪镇"), FieldValue("rural"), null,
         FieldValue(std::int64_t(1000)), null, null, FieldValue(std::int64_t(0))});
  const std::string path = b.finish();
  core::CheckResult full = check(path);
  EXPECT_GE(violationsOf(full, "protected-land").size(), 2u);

  core::AcceptedException accepted;
  accepted.key = core::exceptionKey(violationsOf(full, "protected-land").front());
  accepted.reason = "规划调整中，\"O'Neil\"\n第二行";
  accepted.approvalNo = "晋自然资函〔2021〕7号";
  accepted.createdBy = "tester";
  accepted.createdAt = "2024-05-01T08:30:00Z";
  core::ExceptionSplit split = core::splitExceptions(full, {accepted});
  EXPECT_EQ(split.excepted.size(), 1u);

  core::Violation odd;
  odd.rule = "ranger-distance";
  odd.severity = core::Severity::Warning;
  odd.clause = "五（二）";
  odd.feature = {"rangers", -7, "\\\"/\b\f\t\x01 ☃"};
  odd.other = core::FeatureRef{"resettlement_sites", 9007199254740993, std::nullopt};
  odd.level = "junior";
  odd.areaM2 = 0.1;
  odd.distanceM = 1e-7;
  odd.shortfallSeats = -2;
  odd.value = 25.000000000000004;
  odd.messageZh = "距离 123456789.123 米\r\n";
  odd.messageEn = "distance 1e300";
  odd.wkt = "POINT (1.5 -2.25)";
  split.open.push_back(odd);

  core::Report report;
  report.open = core::withoutExcepted(full, split);
  report.open.rules.front().seconds = 0.0125;
  report.open.rules.front().unchecked = 3;
  report.open.linkage = {{"岢岚县\"", 15000.25, 5000.5, 1, 2}, {"兴县", 0.0, 1e-9, 0, 1}};
  report.excepted = split.excepted;
  report.projectName = path;
  report.lang = lang;
  return report;
}

} // namespace

TEST(JsonStream, SameBytesAsTheDocumentBuiltInMemory)
{
  TempDir dir;
  for (const char *lang : {"zh", "en"}) {
    const core::Report report = reportWithExceptions(dir, lang);
    ASSERT_GE(report.open.violations.size(), 3u);
    ASSERT_EQ(report.excepted.size(), 1u);
    EXPECT_EQ(streamed(report), inMemoryReport(report)) << lang;
  }
}

TEST(JsonStream, EmptyArraysAndNoRules)
{
  core::Report report;
  report.projectName = "空.gpkg";
  report.open.workingCrs = "EPSG:4546";
  EXPECT_EQ(streamed(report), inMemoryReport(report));
  // Written out by hand: what an empty report looks like to a script.
  EXPECT_EQ(streamed(report),
            "{\n  \"schema\": \"anzhi.report/1\",\n  \"project\": \"空.gpkg\",\n"
            "  \"working_crs\": \"EPSG:4546\",\n  \"rules\": [],\n"
            "  \"linkage\": [],\n  \"violations\": [],\n  \"exceptions\": []\n}\n");
}

TEST(JsonStream, FailedReportLeavesTheOldFileAndNoTemporary)
{
  TempDir dir;
  core::Report report = reportWithExceptions(dir, "zh");
  const std::string out = dir.file("out dir/报告.json");
  std::filesystem::create_directories(std::filesystem::path(out).parent_path());
  std::ofstream(out) << "the previous report\n";
  // Invalid UTF-8 in the last violation: nlohmann refuses it after the rest has been streamed.
  report.open.violations.back().messageZh = "bad \xFF byte";
  EXPECT_THROW(core::writeReport(report, core::ReportFormat::Json, out), std::exception);
  EXPECT_EQ(slurp(out), "the previous report\n");
  int entries = 0;
  for ([[maybe_unused]] const auto &entry :
       std::filesystem::directory_iterator(std::filesystem::path(out).parent_path()))
    ++entries;
  EXPECT_EQ(entries, 1) << "a temporary file was left beside the report";

  report.open.violations.back().messageZh = "fine";
  core::writeReport(report, core::ReportFormat::Json, out);
  EXPECT_EQ(slurp(out), inMemoryReport(report));
}
