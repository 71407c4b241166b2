#pragma once

#include "core/Rule.h"
#include "core/rules/SchoolCoverage.h"

#include <optional>
#include <span>
#include <vector>

namespace anzhi::core::education {

using rules::CoverLink;
using rules::SchoolLevel;

//! By site (index into the project's sites): the schools or points in reach, with their costs.
using ReachMatrix = std::vector<std::vector<CoverLink>>;

//! What seat assignment and school siting know of a project's sites and schools at a level:
//! pupils per site and which schools reach which sites at what cost, decided exactly as
//! school-coverage decides covering (catchments, radius or road network; docs/contract.md),
//! through the rule's own SchoolCoverage. The road graph and the routes from the project's
//! schools are computed once, when this is built.
//! Thread: one thread; the project and rule set must outlive it.
class EducationReach
{
public:
  EducationReach(const Project &project, const RuleSet &rules);
  ~EducationReach();

  const Project &project() const { return m_project; }
  //! Pupils of the level of site i (pupils_* or population × pupil_rate, rounded down).
  std::int64_t pupils(std::size_t site, SchoolLevel level) const;
  //! By site: the project's schools covering it at the level, with the cost. Throws
  //! std::runtime_error when the level is in network mode and the project has no road.
  ReachMatrix schools(SchoolLevel level) const;
  //! By site: the points that would cover it as new schools of the level, with the cost.
  ReachMatrix points(SchoolLevel level, std::span<const network::XY> points) const;
  //! Whether school s serves the level (its level or nine_year).
  bool serves(std::size_t school, SchoolLevel level) const;
  //! Whether costs at the level are minutes by road (else straight-line metres).
  bool byNetwork(SchoolLevel level) const { return m_coverage->byNetwork(level); }
  const char *costUnit(SchoolLevel level) const { return byNetwork(level) ? "min" : "m"; }
  //! The level's largest limit: the radius or max_minutes of the wider setting, in costUnit.
  double largestLimit(SchoolLevel level) const;

private:
  const Project &m_project;
  const RuleSet &m_rules;
  RuleContext m_context;
  std::unique_ptr<rules::SchoolCoverage> m_coverage;
  bool m_hasRoads = false;
  //! Throws when the level is judged by road and the project has no road.
  void requireRoads(SchoolLevel level) const;
};

} // namespace anzhi::core::education
