#include "core/education/SeatPlan.h"

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <stdexcept>

namespace anzhi::core::education {

std::int64_t SeatPlan::pupils() const
{
  return std::accumulate(sites.begin(), sites.end(), std::int64_t(0),
                         [](std::int64_t sum, const SiteSeats &s) { return sum + s.pupils; });
}

std::int64_t SeatPlan::unseated() const
{
  return std::accumulate(sites.begin(), sites.end(), std::int64_t(0),
                         [](std::int64_t sum, const SiteSeats &s) { return sum + s.unseated; });
}

SeatPlan planSeats(const EducationReach &reach, const std::vector<SchoolLevel> &levels)
{
  if (levels.size() == 2 && reach.byNetwork(levels[0]) != reach.byNetwork(levels[1]))
    throw std::invalid_argument(
        "primary and junior pupils cannot be seated together: one level is judged by road "
        "(minutes) and the other by radius (metres); seat them one level at a time");
  const Project &p = reach.project();
  SeatPlan plan;
  plan.levels = levels;
  // Problem schools are the project's schools serving a level, renumbered.
  std::vector<std::size_t> problemSchool(p.schools.features.size(), SIZE_MAX);
  SeatProblem problem;
  for (std::size_t s = 0; s < p.schools.features.size(); ++s) {
    bool serves = false;
    for (SchoolLevel level : levels)
      serves = serves || reach.serves(s, level);
    if (!serves)
      continue;
    const School &school = p.schools.features[s];
    SchoolSeats seats{s, school.capacity.value_or(0), school.enrolled.value_or(0), 0, 0};
    seats.free = std::max<std::int64_t>(0, seats.capacity - seats.enrolled);
    problemSchool[s] = plan.schools.size();
    problem.seats.push_back(seats.free);
    plan.schools.push_back(seats);
  }
  for (SchoolLevel level : levels) {
    const ReachMatrix links = reach.schools(level);
    for (std::size_t i = 0; i < p.sites.features.size(); ++i) {
      const std::int64_t pupils = reach.pupils(i, level);
      if (pupils <= 0 || !p.sites.features[i].hasGeometry())
        continue;
      std::vector<CoverLink> renumbered;
      for (const CoverLink &l : links[i])
        renumbered.push_back({problemSchool[l.school], l.cost});
      problem.pupils.push_back(pupils);
      problem.reach.push_back(std::move(renumbered));
      plan.sites.push_back({i, level, pupils, {}, 0});
    }
  }
  SeatResult result = assignSeats(problem);
  for (std::size_t d = 0; d < plan.sites.size(); ++d) {
    for (SeatedPupils seated : result.seated[d]) {
      seated.school = plan.schools[seated.school].school;
      plan.sites[d].seated.push_back(seated);
    }
    plan.sites[d].unseated = result.unseated[d];
  }
  for (std::size_t s = 0; s < plan.schools.size(); ++s)
    plan.schools[s].assigned = result.assigned[s];
  plan.travel = result.travel;
  // Sites in site order, each level after the other: the order a reader looks them up in.
  std::stable_sort(plan.sites.begin(), plan.sites.end(),
                   [](const SiteSeats &a, const SiteSeats &b) { return a.site < b.site; });
  return plan;
}

} // namespace anzhi::core::education
