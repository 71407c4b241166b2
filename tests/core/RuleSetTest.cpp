// The rule set file: the shipped file equals the documented defaults, and bad files are
// refused with the line and key at fault.

#include "core/RuleSet.h"

#include <gtest/gtest.h>

using anzhi::core::RuleSet;
using anzhi::core::RuleSetError;

namespace {

std::string errorOf(const std::string &toml)
{
  try {
    RuleSet::fromToml(toml, "my-rules.toml");
  } catch (const RuleSetError &e) {
    return e.what();
  }
  return "(accepted)";
}

} // namespace

TEST(RuleSet, ShippedFileHoldsDomainDefaults)
{
  RuleSet r = RuleSet::fromFile(ANZHI_RULES_FILE);
  EXPECT_EQ(r.minOverlapM2, 1.0);
  EXPECT_EQ(r.rangerMinMu, 500);
  EXPECT_EQ(r.schoolRadiusPrimary.urban, 500);
  EXPECT_EQ(r.schoolRadiusPrimary.rural, 2500);
  EXPECT_EQ(r.schoolRadiusJunior.urban, 1000);
  EXPECT_EQ(r.schoolRadiusJunior.rural, 5000);
  EXPECT_EQ(r.pupilRatePrimary.numerator * 100, 8 * r.pupilRatePrimary.denominator);
  EXPECT_EQ(r.pupilRateJunior.numerator * 100, 4 * r.pupilRateJunior.denominator);
  EXPECT_EQ(r.clinicRadius.urban, 1000);
  EXPECT_EQ(r.clinicRadius.rural, 3000);
  EXPECT_EQ(r.rangerMaxDistanceM, 5000);
  EXPECT_EQ(r.largeSiteRadiusM, 500);
  EXPECT_EQ(r.largeSitePopulation, 3000);
  EXPECT_EQ(r.supportPlanPopulation, 800);
  EXPECT_EQ(r.reclamationDeadline, "2020-12-31");
  EXPECT_EQ(r.config("school-capacity").severity, anzhi::core::Severity::Warning);
  EXPECT_EQ(r.config("protected-land").severity, anzhi::core::Severity::Error);
  EXPECT_EQ(r.config("support-plan").clause, "七（二十二）");
  EXPECT_EQ(RuleSet::ruleIds().size(), 13u);
  using anzhi::core::LandUseClass;
  EXPECT_EQ(r.landUse->classify("080403"), LandUseClass::Education);
  EXPECT_EQ(r.landUse->classify("08040301"), LandUseClass::Other) << "at most two more digits";
  EXPECT_EQ(r.landUse->classify("A51"), LandUseClass::Medical);
  EXPECT_EQ(r.landUse->classify("M"), LandUseClass::Industrial);
  EXPECT_EQ(r.landUse->classify("M4"), LandUseClass::Other);
  EXPECT_EQ(r.landUse->classify(std::nullopt), LandUseClass::Other);
}

TEST(RuleSet, ExactRateFloorsWithoutFloatingError)
{
  auto rate = anzhi::core::ExactRate::fromDouble(0.29);
  EXPECT_EQ(rate.floorTimes(100), 29);
  EXPECT_EQ(anzhi::core::ExactRate::fromDouble(0.08).floorTimes(1237), 98); // 98.96
  EXPECT_EQ(anzhi::core::ExactRate::fromDouble(0.07).floorTimes(100), 7);   // 7.000000000000001
}

TEST(RuleSet, ChangedNumberIsUsed)
{
  RuleSet r = RuleSet::fromToml("[rules.ranger-area]\nmin_mu = 450\n", "x.toml");
  EXPECT_EQ(r.rangerMinMu, 450);
  EXPECT_EQ(r.minOverlapM2, 1.0);
}

TEST(RuleSet, BadFilesNameLineAndKey)
{
  std::string e = errorOf("min_overlap_m2 = 1\n[rules.no-such-rule]\nenabled = true\n");
  EXPECT_NE(e.find("my-rules.toml:2"), std::string::npos) << e;
  EXPECT_NE(e.find("rules.no-such-rule"), std::string::npos) << e;

  e = errorOf("[rules.ranger-area]\nenabled = true\nmin_mu = \"500\"\n");
  EXPECT_NE(e.find("my-rules.toml:3"), std::string::npos) << e;
  EXPECT_NE(e.find("rules.ranger-area.min_mu"), std::string::npos) << e;

  e = errorOf("[rules.school-coverage]\nradius_m.primary = { urban = -500, rural = 2500 }\n");
  EXPECT_NE(e.find("my-rules.toml:2"), std::string::npos) << e;
  EXPECT_NE(e.find("rules.school-coverage.radius_m.primary.urban"), std::string::npos) << e;
  EXPECT_NE(e.find("negative"), std::string::npos) << e;

  e = errorOf("[rules.ranger-area]\nmin_acres = 3\n");
  EXPECT_NE(e.find("rules.ranger-area.min_acres"), std::string::npos) << e;

  e = errorOf("[rules.support-plan\n");
  EXPECT_NE(e.find("my-rules.toml:1"), std::string::npos) << e;

  e = errorOf("[land_use]\nparks = [\"G1\"]\n");
  EXPECT_NE(e.find("land_use.parks"), std::string::npos) << e;
}
