#include "core/RuleRegistry.h"

#include <algorithm>

namespace anzhi::core {

namespace rules {
std::unique_ptr<Rule> makeProtectedLandCheck();
std::unique_ptr<Rule> makeSchoolCoverageCheck();
std::unique_ptr<Rule> makeSchoolCapacityCheck();
std::unique_ptr<Rule> makeRangerAreaCheck();
std::unique_ptr<Rule> makeRangerUnassignedCheck();
std::unique_ptr<Rule> makeRangerOverlapCheck();
std::unique_ptr<Rule> makeRangerOrphanPlotCheck();
std::unique_ptr<Rule> makeRangerDistanceCheck();
std::unique_ptr<Rule> makeClinicCoverageCheck();
std::unique_ptr<Rule> makeLargeSiteEmploymentCheck();
std::unique_ptr<Rule> makeSupportPlanCheck();
std::unique_ptr<Rule> makeReclamationProgressCheck();
std::unique_ptr<Rule> makeReclamationSuitabilityCheck();
std::unique_ptr<Rule> makeInvalidGeometryCheck();
std::unique_ptr<Rule> makeJobsNearHomeCheck();
std::unique_ptr<Rule> makeElderlyCareCoverageCheck();
std::unique_ptr<Rule> makeElderlyCareBedsCheck();
std::unique_ptr<Rule> makeLinkageBalanceCheck();
std::unique_ptr<Rule> makeUnknownCodeCheck();
} // namespace rules

const std::vector<std::unique_ptr<const Rule>> &registeredRules()
{
  // Explicit, as qgsanalysis.cpp registers its geometry checks: a rule in a static library
  // that registered itself from a global constructor would be dropped by the linker.
  static const std::vector<std::unique_ptr<const Rule>> all = [] {
    std::vector<std::unique_ptr<const Rule>> list;
    for (auto make : {rules::makeProtectedLandCheck, rules::makeSchoolCoverageCheck,
                      rules::makeSchoolCapacityCheck, rules::makeRangerAreaCheck,
                      rules::makeRangerUnassignedCheck, rules::makeRangerOverlapCheck,
                      rules::makeRangerOrphanPlotCheck, rules::makeRangerDistanceCheck,
                      rules::makeClinicCoverageCheck, rules::makeLargeSiteEmploymentCheck,
                      rules::makeSupportPlanCheck, rules::makeReclamationProgressCheck,
                      rules::makeReclamationSuitabilityCheck, rules::makeInvalidGeometryCheck,
                      rules::makeJobsNearHomeCheck, rules::makeElderlyCareCoverageCheck,
                      rules::makeElderlyCareBedsCheck, rules::makeLinkageBalanceCheck,
                      rules::makeUnknownCodeCheck})
      list.push_back(make());
    return list;
  }();
  return all;
}

const Rule *findRule(std::string_view id)
{
  for (const auto &rule : registeredRules())
    if (rule->id() == id)
      return rule.get();
  return nullptr;
}

std::vector<std::string> rulesReading(const std::string &layer)
{
  std::vector<std::string> ids;
  for (const auto &rule : registeredRules()) {
    const auto &read = rule->descriptor().layersRead;
    if (std::find(read.begin(), read.end(), layer) != read.end())
      ids.push_back(rule->id());
  }
  return ids;
}

} // namespace anzhi::core
