#include "core/education/EducationReach.h"

#include "core/rules/SchoolChecks.h"

#include <stdexcept>

namespace anzhi::core::education {

EducationReach::EducationReach(const Project &project, const RuleSet &rules)
    : m_project(project)
    , m_rules(rules)
    , m_context(project, rules, rules.config("school-coverage"), nullptr, std::nullopt)
    , m_coverage(std::make_unique<rules::SchoolCoverage>(m_context))
{
  for (const Road &road : project.roads.features)
    m_hasRoads = m_hasRoads || road.hasGeometry();
}

void EducationReach::requireRoads(SchoolLevel level) const
{
  if (byNetwork(level) && !m_hasRoads)
    throw std::runtime_error(m_project.path + ": " + rules::levelName(level) +
                             " schools: " + kNoRoadsReason);
}

EducationReach::~EducationReach() = default;

std::int64_t EducationReach::pupils(std::size_t site, SchoolLevel level) const
{
  return rules::pupilsOf(m_rules.parameters<rules::SchoolCapacityParameters>("school-capacity"),
                         m_project.sites.features[site], level);
}

ReachMatrix EducationReach::schools(SchoolLevel level) const
{
  requireRoads(level);
  ReachMatrix bySite(m_project.sites.features.size());
  for (std::size_t i = 0; i < bySite.size(); ++i)
    bySite[i] = m_coverage->links(i, level);
  return bySite;
}

ReachMatrix EducationReach::points(SchoolLevel level, std::span<const network::XY> points) const
{
  requireRoads(level);
  return m_coverage->newSchoolLinks(level, points);
}

bool EducationReach::serves(std::size_t school, SchoolLevel level) const
{
  return m_coverage->serves(m_project.schools.features[school], level);
}

double EducationReach::largestLimit(SchoolLevel level) const
{
  const auto &p = m_rules.parameters<rules::SchoolCoverageParameters>("school-coverage");
  const bool primary = level == SchoolLevel::Primary;
  if (byNetwork(level))
    return (primary ? p.maxMinutesPrimary : p.maxMinutesJunior).largest();
  return (primary ? p.primary : p.junior).largest();
}

} // namespace anzhi::core::education
