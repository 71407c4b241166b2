// unknown-code on hand-built projects whose coded fields are written straight through GDAL, as
// another program would: the values docs/contract.md does not list are flagged (one warning per
// feature, naming the layer, feature, field and value), the listed ones, NULL and blank are not,
// and the other rules still read an unknown value as not set.

#include "tests/support/ProjectBuilder.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace anzhi;
using namespace anzhi::test;

namespace {

constexpr double X0 = 500000, Y0 = 4300000;

V site(const std::optional<std::string> &setting)
{
  return {FieldValue("安置区"),
          FieldValue("岢岚县"),
          FieldValue("宋家沟乡"),
          setting ? FieldValue(*setting) : null,
          null,
          FieldValue(std::int64_t(500)),
          null,
          null,
          FieldValue(std::int64_t(1))};
}

const core::Violation *of(const std::vector<core::Violation> &found, const std::string &layer,
                          const std::string &code)
{
  for (const core::Violation &v : found)
    if (v.feature.layer == layer && v.feature.code == code)
      return &v;
  return nullptr;
}

bool contains(const std::string &text, const std::string &part)
{
  return text.find(part) != std::string::npos;
}

} // namespace

TEST(UnknownCode, FlagsValuesOutsideTheListedCodes)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  const std::string square = rect(X0, Y0, X0 + 200, Y0 + 200);
  b.add("resettlement_sites", "AZQ-1", square, site("城镇"));
  b.add("resettlement_sites", "AZQ-2", rect(X0 + 5000, Y0, X0 + 5200, Y0 + 200), site("urban"));
  b.add("resettlement_sites", "AZQ-3", rect(X0 + 9000, Y0, X0 + 9200, Y0 + 200),
        site(std::nullopt));
  // The junior school inside AZQ-2 is written 初中: it serves no level.
  b.add("schools", "S-1", point(X0 + 5100, Y0 + 100),
        {FieldValue("城关初中"), FieldValue("初中"), FieldValue(std::int64_t(800)), null});
  b.add("schools", "S-2", point(X0 + 5150, Y0 + 100),
        {FieldValue("城关小学"), FieldValue("primary"), FieldValue(std::int64_t(800)), null});
  b.add("schools", "S-3", point(X0 + 5160, Y0 + 100),
        {FieldValue("学校"), FieldValue(" "), FieldValue(std::int64_t(800)), null});
  b.add("clinics", "C-1", point(X0 + 100, Y0 + 100), {FieldValue("卫生室"), FieldValue("village")});
  b.add("clinics", "C-2", point(X0 + 5100, Y0 + 150), {FieldValue("卫生院"), FieldValue("卫生院")});
  // Two fields wrong in one homestead: one violation naming both.
  b.add("reclaimed_homesteads", "H-1", rect(X0 + 300, Y0, X0 + 320, Y0 + 20),
        {null, FieldValue("宋家沟村"), FieldValue("AZQ-1"), FieldValue("已复垦"),
         FieldValue("旱地"), null});
  b.add("reclaimed_homesteads", "H-2", rect(X0 + 330, Y0, X0 + 350, Y0 + 20),
        {null, FieldValue("宋家沟村"), FieldValue("AZQ-1"), FieldValue("reclaimed"),
         FieldValue("cropland"), null});
  b.add("rangers", "R-1", point(X0 + 50, Y0 + 50),
        {FieldValue("张三"), FieldValue("AZQ-1"), FieldValue("relocated")});
  b.add("rangers", "R-2", "", {FieldValue("李四"), null, FieldValue("Local")});
  b.add("industrial_parks", "P-1", rect(X0 + 400, Y0, X0 + 450, Y0 + 50),
        {FieldValue("车间"), FieldValue("扶贫车间"), FieldValue(std::int64_t(20))});
  // A service kind is open (docs/contract.md's "…"): any value is allowed.
  b.add("service_points", "F-1", point(X0 + 60, Y0 + 60),
        {FieldValue("站"), FieldValue("elderly_service")});
  const core::CheckResult result = check(b.finish());

  const auto found = violationsOf(result, "unknown-code");
  std::vector<std::string> codes;
  for (const core::Violation &v : found)
    codes.push_back(v.feature.layer + ":" + v.feature.code.value_or("?"));
  std::sort(codes.begin(), codes.end());
  EXPECT_EQ(codes, (std::vector<std::string>{"clinics:C-2", "industrial_parks:P-1", "rangers:R-2",
                                             "reclaimed_homesteads:H-1", "resettlement_sites:AZQ-1",
                                             "schools:S-1"}));
  const core::RuleOutcome &outcome = outcomeOf(result, "unknown-code");
  EXPECT_EQ(outcome.checked, 3 + 3 + 2 + 2 + 2 + 1) << "the features of layers with codes";

  const core::Violation &site1 = *of(found, "resettlement_sites", "AZQ-1");
  EXPECT_EQ(site1.severity, core::Severity::Warning);
  EXPECT_EQ(site1.clause, "—");
  EXPECT_EQ(site1.township, "宋家沟乡");
  EXPECT_TRUE(contains(site1.messageZh, "安置区 AZQ-1「安置区」的安置方式「城镇」不是规定的代码"))
      << site1.messageZh;
  EXPECT_TRUE(contains(site1.messageZh, "urban（城镇安置）、rural（农村安置）")) << site1.messageZh;
  EXPECT_TRUE(contains(site1.messageZh, "按内置对照表应为 urban（城镇安置）")) << site1.messageZh;
  EXPECT_TRUE(
      contains(site1.messageEn, "its setting is '城镇', not one of the codes (urban, rural)"))
      << site1.messageEn;
  EXPECT_FALSE(site1.wkt.empty());

  const core::Violation &school = *of(found, "schools", "S-1");
  EXPECT_TRUE(contains(school.messageZh, "学校 S-1「城关初中」的级别「初中」")) << school.messageZh;
  EXPECT_TRUE(contains(school.messageEn, "(by the built-in table it is junior)"))
      << school.messageEn;

  const core::Violation &homestead = *of(found, "reclaimed_homesteads", "H-1");
  EXPECT_TRUE(contains(homestead.messageZh, "状态「已复垦」")) << homestead.messageZh;
  EXPECT_TRUE(contains(homestead.messageZh, "复垦为「旱地」")) << homestead.messageZh;
  EXPECT_TRUE(contains(homestead.messageEn, "target_use is '旱地'")) << homestead.messageEn;

  const core::Violation &ranger = *of(found, "rangers", "R-2");
  EXPECT_TRUE(ranger.wkt.empty()) << "a ranger without residence has no location";
  EXPECT_TRUE(contains(ranger.messageEn, "status is 'Local'")) << ranger.messageEn;
  EXPECT_TRUE(contains(ranger.messageEn, "it is local")) << "case is not ignored by the rules";

  // The other rules read 初中 and 城镇 as not set, as before: AZQ-2 has no junior school (S-1
  // is 初中) and AZQ-1's setting gives it no radius.
  const auto coverage = violationsOf(result, "school-coverage");
  EXPECT_TRUE(std::any_of(coverage.begin(), coverage.end(), [](const core::Violation &v) {
    return v.feature.code == "AZQ-2" && v.level == "junior";
  }));
  EXPECT_TRUE(std::none_of(coverage.begin(), coverage.end(), [](const core::Violation &v) {
    return v.feature.code == "AZQ-2" && v.level == "primary";
  }));
  // H-1 is 已复垦, not reclaimed: overdue.
  const auto progress = violationsOf(result, "reclamation-progress");
  ASSERT_EQ(progress.size(), 1u);
  EXPECT_EQ(progress[0].feature.code, "H-1");
}

TEST(UnknownCode, QuietOnAProjectWithListedCodesOnly)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("resettlement_sites", "AZQ-1", rect(X0, Y0, X0 + 200, Y0 + 200), site("rural"));
  b.add("schools", "S-1", point(X0 + 100, Y0 + 100),
        {FieldValue("学校"), FieldValue("nine_year"), FieldValue(std::int64_t(800)), null});
  b.add("clinics", "C-1", point(X0 + 100, Y0 + 100), {FieldValue("医院"), FieldValue("county")});
  const core::CheckResult result = check(b.finish());
  EXPECT_TRUE(violationsOf(result, "unknown-code").empty());
  EXPECT_FALSE(outcomeOf(result, "unknown-code").skipped);
  EXPECT_EQ(outcomeOf(result, "unknown-code").checked, 3);
}
