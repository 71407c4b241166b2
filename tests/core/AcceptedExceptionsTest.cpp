// Accepted exceptions (例外): stored in the project GeoPackage, matched to the same violation
// on the next check by (rule, layer, fid, other layer + fid, level), not counted as errors.

#include "tests/support/ProjectBuilder.h"

#include "core/AcceptedExceptions.h"

#include <gtest/gtest.h>

using namespace anzhi;
using namespace anzhi::test;

namespace {

constexpr double X0 = 543000, Y0 = 4284000;

//! An education plot encroached by a residential one (protected-land, error) and a site with
//! population 1000 and no support plan (support-plan, warning).
std::string encroachedProject(const TempDir &dir)
{
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("planned_plots", "P-1", rect(X0, Y0, X0 + 100, Y0 + 100),
        {FieldValue("小学"), FieldValue("education")});
  b.add("planned_plots", "P-2", rect(X0 + 80, Y0, X0 + 180, Y0 + 100),
        {FieldValue("住宅"), FieldValue("residential")});
  b.add("resettlement_sites", "AZQ-1", rect(X0 - 500, Y0 - 500, X0 + 500, Y0 + 500),
        {FieldValue("安置区"), null, FieldValue("岚漪镇"), FieldValue("rural"), null,
         FieldValue(std::int64_t(1000)), null, null, FieldValue(std::int64_t(0))});
  return b.finish();
}

} // namespace

TEST(Exceptions, NoTableMeansNoExceptions)
{
  TempDir dir;
  EXPECT_TRUE(core::loadExceptions(encroachedProject(dir)).empty());
}

TEST(Exceptions, SaveLoadRoundTripAndReplace)
{
  TempDir dir;
  std::string path = encroachedProject(dir);
  core::AcceptedException a;
  a.key = {"protected-land", "planned_plots", 1, "planned_plots", 2, std::nullopt};
  a.reason = "规划调整中，O'Neil";
  a.approvalNo = "晋自然资函〔2021〕7号";
  a.createdBy = "tester";
  a.createdAt = "2024-05-01T08:30:00Z";
  core::AcceptedException b;
  b.key = {"school-coverage", "resettlement_sites", 3, std::nullopt, std::nullopt, "junior"};
  core::saveExceptions(path, {a, b});
  auto loaded = core::loadExceptions(path);
  ASSERT_EQ(loaded.size(), 2u);
  EXPECT_EQ(loaded[0].key, a.key);
  EXPECT_EQ(loaded[0].reason, a.reason);
  EXPECT_EQ(loaded[0].approvalNo, a.approvalNo);
  EXPECT_EQ(loaded[0].createdBy, "tester");
  EXPECT_EQ(loaded[0].createdAt, a.createdAt);
  EXPECT_EQ(loaded[1].key, b.key);
  core::saveExceptions(path, {b});
  loaded = core::loadExceptions(path);
  ASSERT_EQ(loaded.size(), 1u);
  EXPECT_EQ(loaded[0].key, b.key);
  // The project still loads and checks with the extra table in it.
  EXPECT_NO_THROW(check(path));
}

TEST(Exceptions, MatchedOnTheNextCheckAndNotCountedAsErrors)
{
  TempDir dir;
  std::string path = encroachedProject(dir);
  core::CheckResult first = check(path);
  auto encroachment = violationsOf(first, "protected-land");
  ASSERT_EQ(encroachment.size(), 1u);
  ASSERT_EQ(first.errorCount(), 1u);
  core::AcceptedException e;
  e.key = core::exceptionKey(encroachment[0]);
  e.reason = "r";
  core::AcceptedException gone;
  gone.key = {"ranger-area", "rangers", 99, std::nullopt, std::nullopt, std::nullopt};
  core::saveExceptions(path, {e, gone});

  core::CheckResult second = check(path);
  core::ExceptionSplit split = core::splitExceptions(second, core::loadExceptions(path));
  ASSERT_EQ(split.excepted.size(), 1u);
  EXPECT_EQ(split.excepted[0].first.rule, "protected-land");
  EXPECT_EQ(split.open.size(), second.violations.size() - 1);
  EXPECT_EQ(split.openErrorCount(), 0u);
  ASSERT_EQ(split.unmatched.size(), 1u);
  EXPECT_EQ(split.unmatched[0].key.fid, 99);
  core::CheckResult reduced = core::withoutExcepted(second, split);
  EXPECT_EQ(reduced.errorCount(), 0u);
  EXPECT_EQ(outcomeOf(reduced, "protected-land").violations, 0u);
  EXPECT_EQ(outcomeOf(reduced, "support-plan").violations,
            outcomeOf(second, "support-plan").violations);
}

TEST(Exceptions, KeyDistinguishesOtherFeatureAndLevel)
{
  core::Violation v;
  v.rule = "school-coverage";
  v.feature = {"resettlement_sites", 1, "AZQ-1"};
  v.level = "primary";
  core::Violation w = v;
  w.level = "junior";
  EXPECT_NE(core::exceptionKey(v), core::exceptionKey(w));
  core::Violation x = v;
  x.other = core::FeatureRef{"planned_plots", 2, std::nullopt};
  EXPECT_NE(core::exceptionKey(v), core::exceptionKey(x));
  x.feature.code = "changed"; // codes are not part of the key
  core::Violation y = x;
  y.feature.code = "other";
  EXPECT_EQ(core::exceptionKey(x), core::exceptionKey(y));
}

TEST(Exceptions, LiveViolationsLeaveOutTheAcceptedOnesOnly)
{
  core::Violation primary;
  primary.rule = "school-coverage";
  primary.feature = {"resettlement_sites", 4, "AZQ-4"};
  primary.level = "primary";
  core::Violation junior = primary;
  junior.level = "junior";
  core::Violation ranger;
  ranger.rule = "ranger-area";
  ranger.feature = {"rangers", 9, "HLY-9"};

  core::AcceptedException accepted;
  accepted.key = {"school-coverage", "resettlement_sites", 4, std::nullopt, std::nullopt, "junior"};
  const auto open = core::withoutAccepted({primary, junior, ranger}, {accepted});
  ASSERT_EQ(open.size(), 2u);
  EXPECT_EQ(open[0].level, std::optional<std::string>("primary"));
  EXPECT_EQ(open[1].rule, "ranger-area");
  EXPECT_EQ(core::withoutAccepted({primary, junior, ranger}, {}).size(), 3u);
}
