// The rule set file: the shipped file equals the documented defaults, and bad files are
// refused with the line and key at fault.

#include "core/RuleSet.h"
#include "core/rules/ElderlyCare.h"
#include "core/rules/JobsNearHome.h"
#include "core/rules/LinkageBalance.h"
#include "core/rules/RangerChecks.h"
#include "core/rules/SchoolChecks.h"
#include "core/rules/SiteServiceChecks.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

using anzhi::core::RuleSet;
using anzhi::core::RuleSetError;
namespace rules = anzhi::core::rules;

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
  EXPECT_EQ(r.parameters<rules::RangerAreaParameters>("ranger-area").minMu, 500);
  const auto &school = r.parameters<rules::SchoolCoverageParameters>("school-coverage");
  EXPECT_EQ(school.primary.urban, 500);
  EXPECT_EQ(school.primary.rural, 2500);
  EXPECT_EQ(school.junior.urban, 1000);
  EXPECT_EQ(school.junior.rural, 5000);
  const auto &rates = r.parameters<rules::SchoolCapacityParameters>("school-capacity");
  EXPECT_EQ(rates.primary.numerator * 100, 8 * rates.primary.denominator);
  EXPECT_EQ(rates.junior.numerator * 100, 4 * rates.junior.denominator);
  const auto &clinic = r.parameters<rules::ClinicCoverageParameters>("clinic-coverage");
  EXPECT_EQ(clinic.radius.urban, 1000);
  EXPECT_EQ(clinic.radius.rural, 3000);
  EXPECT_EQ(r.parameters<rules::RangerDistanceParameters>("ranger-distance").maxDistanceM, 5000);
  const auto &large = r.parameters<rules::LargeSiteEmploymentParameters>("large-site-employment");
  EXPECT_EQ(large.radiusM, 500);
  EXPECT_EQ(large.minPopulation, 3000);
  EXPECT_EQ(large.serviceKind, "employment_service");
  EXPECT_EQ(r.parameters<rules::SupportPlanParameters>("support-plan").minPopulation, 800);
  EXPECT_EQ(r.parameters<rules::ReclamationProgressParameters>("reclamation-progress").deadline,
            "2020-12-31");
  EXPECT_EQ(r.config("school-capacity").severity, anzhi::core::Severity::Warning);
  EXPECT_EQ(r.config("protected-land").severity, anzhi::core::Severity::Error);
  EXPECT_EQ(r.config("support-plan").clause, "七（二十二）");
  EXPECT_EQ(r.parameters<rules::JobsNearHomeParameters>("jobs-near-home").radius.rural, 3000);
  const auto &care = r.parameters<rules::ElderlyCareCoverageParameters>("elderly-care-coverage");
  EXPECT_EQ(care.minPopulation, 800);
  EXPECT_EQ(care.radius.urban, 1000);
  EXPECT_EQ(care.radius.rural, 5000);
  const auto &beds = r.parameters<rules::ElderlyCareBedsParameters>("elderly-care-beds");
  EXPECT_EQ(beds.elderlyRate.floorTimes(1000), 200);
  EXPECT_EQ(beds.bedsPerElder.floorTimes(1000), 40);
  EXPECT_EQ(r.parameters<rules::LinkageBalanceParameters>("linkage-balance").toleranceMu, 0);
  EXPECT_EQ(r.config("linkage-balance").clause, "五（十五）");
  EXPECT_EQ(RuleSet::ruleIds().size(), 19u);
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
  EXPECT_EQ(r.parameters<rules::RangerAreaParameters>("ranger-area").minMu, 450);
  EXPECT_EQ(r.config("ranger-area").setAtLine.at("min_mu"), 2);
  EXPECT_EQ(r.minOverlapM2, 1.0);
  // The defaults keep their value and were set by no line.
  EXPECT_EQ(RuleSet::defaults().parameters<rules::RangerAreaParameters>("ranger-area").minMu, 500);
  EXPECT_EQ(r.config("ranger-distance").setAtLine.count("max_distance_m"), 0u);
  // Nested keys and dates, each read by its own rule.
  r = RuleSet::fromToml("[rules.school-coverage]\nradius_m.junior = { rural = 4000 }\n"
                        "[rules.reclamation-progress]\ndeadline = 2021-06-30\n",
                        "x.toml");
  const auto &school = r.parameters<rules::SchoolCoverageParameters>("school-coverage");
  EXPECT_EQ(school.junior.rural, 4000);
  EXPECT_EQ(school.junior.urban, 1000);
  EXPECT_EQ(school.primary.rural, 2500);
  EXPECT_EQ(r.parameters<rules::ReclamationProgressParameters>("reclamation-progress").deadline,
            "2021-06-30");
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
  EXPECT_NE(e.find("unknown key"), std::string::npos) << e;
  // A key another rule has is unknown here; so is one inside a declared parameter's table.
  e = errorOf("[rules.support-plan]\nmin_mu = 500\n");
  EXPECT_NE(e.find("rules.support-plan.min_mu': unknown key"), std::string::npos) << e;
  e = errorOf("[rules.school-coverage]\nradius_m.senior = { urban = 1 }\n");
  EXPECT_NE(e.find("rules.school-coverage.radius_m.senior': unknown key"), std::string::npos) << e;
  e = errorOf("[rules.school-coverage]\nradius_m = 500\n");
  EXPECT_NE(e.find("rules.school-coverage.radius_m': expected a table"), std::string::npos) << e;
  e = errorOf("[rules.clinic-coverage]\nradius_m = { urban = 1, suburban = 2 }\n");
  EXPECT_NE(e.find("rules.clinic-coverage.radius_m.suburban': unknown key"), std::string::npos)
      << e;
  e = errorOf("[rules.reclamation-progress]\ndeadline = \"2020-12-31\"\n");
  EXPECT_NE(e.find("expected a date"), std::string::npos) << e;

  e = errorOf("[rules.support-plan\n");
  EXPECT_NE(e.find("my-rules.toml:1"), std::string::npos) << e;

  e = errorOf("[land_use]\nparks = [\"G1\"]\n");
  EXPECT_NE(e.find("land_use.parks"), std::string::npos) << e;
}

TEST(RuleSet, PatternsRe2RefusesNameFileLineAndKey)
{
  // RE2 has no back-references and no lookaround (they need backtracking); it refuses
  // repetition counts over 1000, alone or nested.
  std::string e = errorOf("[land_use]\neducation = [\"(A)33\\\\1\"]\n");
  EXPECT_NE(e.find("my-rules.toml:2"), std::string::npos) << e;
  EXPECT_NE(e.find("land_use.education"), std::string::npos) << e;
  EXPECT_NE(e.find("invalid escape sequence"), std::string::npos) << e;
  e = errorOf("[land_use]\nother = [\"other\"]\nmedical = [\"A51\", \"(?=A)A51\"]\n");
  EXPECT_NE(e.find("my-rules.toml:3"), std::string::npos) << e;
  EXPECT_NE(e.find("land_use.medical"), std::string::npos) << e;
  EXPECT_NE(e.find("(?=A)A51"), std::string::npos) << e;
  EXPECT_NE(e.find("invalid perl operator"), std::string::npos) << e;
  e = errorOf("[land_use]\nmedical = [\"A{1001}\"]\n");
  EXPECT_NE(e.find("invalid repetition size"), std::string::npos) << e;
  e = errorOf("[land_use]\nmedical = [\"((A{100}){100}){2}\"]\n");
  EXPECT_NE(e.find("invalid repetition size"), std::string::npos) << e;
  // The fuzz-found inputs that overflowed std::regex's compiler are plain text to RE2: a
  // count too large to be one is a literal '{', "\\111…" an octal escape.
  RuleSet literal = RuleSet::fromToml(
      "[land_use]\nmedical = [\"A{1111111111111111111}\", \"A33\\\\1111111111111111111111\"]\n",
      "x.toml");
  EXPECT_EQ(literal.landUse->classify("A{1111111111111111111}"),
            anzhi::core::LandUseClass::Medical);
  EXPECT_EQ(literal.landUse->classify("A33I1111111111111111111"),
            anzhi::core::LandUseClass::Medical);
  // What planners write is accepted: escapes, ranges, counts.
  RuleSet r = RuleSet::fromToml(
      "[land_use]\neducation = [\"0804[0-9]{0,2}\", \"A33\\\\.\\\\d{1,2}\", \"\\\\{x\\\\}\"]\n",
      "x.toml");
  EXPECT_EQ(r.landUse->classify("080401"), anzhi::core::LandUseClass::Education);
  EXPECT_EQ(r.landUse->classify("0804012"), anzhi::core::LandUseClass::Other);
  EXPECT_EQ(r.landUse->classify("A33.1"), anzhi::core::LandUseClass::Education);
  EXPECT_EQ(r.landUse->classify("{x}"), anzhi::core::LandUseClass::Education);
}

TEST(RuleSet, PatternsMatchTheWholeValueInLinearTime)
{
  // Exponential for a backtracking matcher (std::regex took minutes on 30 characters).
  RuleSet r = RuleSet::fromToml("[land_use]\neducation = [\"(.|.|.|.|.|.|.|.)*Q\"]\n", "x.toml");
  EXPECT_EQ(r.landUse->classify(std::string(30, 'a')), anzhi::core::LandUseClass::Other);
  EXPECT_EQ(r.landUse->classify(std::string(30, 'a') + "Q"), anzhi::core::LandUseClass::Education);
  // Whole value, as std::regex_match did: a pattern is not found inside a longer value.
  r = RuleSet::fromToml("[land_use]\nindustrial = [\"M[1-3]?\"]\n", "x.toml");
  EXPECT_EQ(r.landUse->classify("M2"), anzhi::core::LandUseClass::Industrial);
  EXPECT_EQ(r.landUse->classify("M4"), anzhi::core::LandUseClass::Other);
  EXPECT_EQ(r.landUse->classify("AM2"), anzhi::core::LandUseClass::Other);
  // An alternation is whole too (RE2::FullMatch anchors the whole expression).
  r = RuleSet::fromToml("[land_use]\ngreen = [\"G1|G2\"]\n", "x.toml");
  EXPECT_EQ(r.landUse->classify("G2"), anzhi::core::LandUseClass::Green);
  EXPECT_EQ(r.landUse->classify("G1x"), anzhi::core::LandUseClass::Other);
}

TEST(RuleSet, ChinesePatternsMatchByCharacter)
{
  RuleSet r = RuleSet::fromToml("[land_use]\neducation = [\"教育用地\", \"中小学.{0,2}\"]\n"
                                "medical = [\"[医卫].*\"]\n",
                                "x.toml");
  EXPECT_EQ(r.landUse->classify(" 教育用地 "), anzhi::core::LandUseClass::Education);
  // ".{0,2}" counts characters (UTF-8), not bytes: 用地 is two characters, six bytes.
  EXPECT_EQ(r.landUse->classify("中小学用地"), anzhi::core::LandUseClass::Education);
  EXPECT_EQ(r.landUse->classify("中小学教育用地"), anzhi::core::LandUseClass::Other);
  EXPECT_EQ(r.landUse->classify("卫生院"), anzhi::core::LandUseClass::Medical);
  EXPECT_EQ(r.landUse->classify("居住用地"), anzhi::core::LandUseClass::Other);
}

TEST(RuleSet, RatesAndPopulationsAreBounded)
{
  // A rate beyond 1 or a population beyond int64 would overflow (undefined behaviour).
  std::string e = errorOf("[rules.school-capacity]\npupil_rate = { primary = 1e15 }\n");
  EXPECT_NE(e.find("rules.school-capacity.pupil_rate.primary"), std::string::npos) << e;
  EXPECT_NE(e.find("from 0 to 1"), std::string::npos) << e;
  e = errorOf("[rules.support-plan]\nmin_population = 1e300\n");
  EXPECT_NE(e.find("rules.support-plan.min_population"), std::string::npos) << e;
  e = errorOf("[rules.large-site-employment]\nmin_population = 3000.5\n");
  EXPECT_NE(e.find("whole number"), std::string::npos) << e;
  EXPECT_EQ(RuleSet::fromToml("[rules.support-plan]\nmin_population = 800.0\n", "x.toml")
                .parameters<rules::SupportPlanParameters>("support-plan")
                .minPopulation,
            800);
  // floor(count × rate) stays exact for any count a population field can hold:
  // python3 -c "print(9223372036854775807*8//100)" → 737869762948382064.
  EXPECT_EQ(anzhi::core::ExactRate::fromDouble(0.08).floorTimes(INT64_MAX), 737869762948382064);
  EXPECT_EQ(anzhi::core::ExactRate::fromDouble(1.0).floorTimes(INT64_MAX), INT64_MAX);
}

TEST(RuleSet, VeryLongLandUseValuesAreMatched)
{
  // ".*学校.*" is a plausible planner's pattern; libstdc++ matched it recursively, one frame
  // per character, and a 200,000-character value overflowed the stack. RE2 does not recurse.
  RuleSet r = RuleSet::fromToml("[land_use]\neducation = [\".*学校.*\"]\n", "x.toml");
  EXPECT_EQ(r.landUse->classify(std::string(300, 'x') + "学校"),
            anzhi::core::LandUseClass::Education);
  EXPECT_EQ(r.landUse->classify(std::string(200000, 'x') + "学校"),
            anzhi::core::LandUseClass::Education);
  EXPECT_EQ(r.landUse->classify(std::string(200000, 'x')), anzhi::core::LandUseClass::Other);
}
