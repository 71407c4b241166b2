#pragma once

#include "core/network/RoadGraph.h"
#include "core/network/TravelTimes.h"
#include "core/rules/CoverLink.h"
#include "core/rules/RuleSupport.h"

#include <array>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace anzhi::core::rules {

struct SchoolCoverageParameters;
struct SchoolCapacityParameters;

enum class SchoolLevel
{
  Primary,
  Junior
};
const char *levelName(SchoolLevel level);

//! Pupils of a level of a site (docs/contract.md, school-capacity): pupils_* or, when null,
//! floor(population × pupil_rate), computed exactly.
std::int64_t pupilsOf(const SchoolCapacityParameters &rates, const Site &site, SchoolLevel level);

//! Which schools cover a site at a level (docs/contract.md, school-coverage and "Network
//! distance"): a school of that level or nine_year covers a site when one of its catchments
//! contains the site's point-on-surface (boundary excluded), or, when it has no catchment, when
//! it lies within the radius for the site's setting, or, for a level in network mode, when the
//! travel time by road is within max_minutes for the site's setting. Shared by
//! SchoolCoverageCheck and SchoolCapacityCheck.
//! Thread: built and used by one rule on one thread (the routing inside runs on several).
class SchoolCoverage
{
public:
  explicit SchoolCoverage(const RuleContext &ctx);
  ~SchoolCoverage();

  struct Cover
  {
    std::vector<std::size_t> schools; //!< covering school indices, ascending
    bool covered() const { return !schools.empty(); }
  };
  //! Coverage of the site with index `site` in the project's sites.
  Cover cover(std::size_t site, SchoolLevel level) const;
  //! The nearest school of the level or nine_year, covering or not (ties: lower fid).
  Nearest nearest(const Site &site, SchoolLevel level) const;
  //! Whether the school has a catchment: then it covers by the catchment only, never by radius.
  bool hasCatchment(std::size_t school) const { return m_hasCatchment[school]; }
  //! The service radius for the site's setting at the level; none when the setting is neither
  //! urban nor rural.
  std::optional<double> radius(const Site &site, SchoolLevel level) const;
  bool serves(const School &school, SchoolLevel level) const;
  const Project &project() const { return m_ctx.project; }

  //! Whether the level is in network mode.
  bool byNetwork(SchoolLevel level) const;
  //! The travel-time limit for the site's setting at the level (network mode); none when the
  //! setting is neither urban nor rural.
  std::optional<double> maxMinutes(const Site &site, SchoolLevel level) const;
  //! How far the search for a level's schools goes, in minutes: its largest max_minutes.
  double searchMinutes(SchoolLevel level) const;
  double maxAccessM() const;
  //! Least travel time from the site to school `school` (network mode), none when it is not
  //! reached within searchMinutes.
  std::optional<double> minutesTo(std::size_t site, SchoolLevel level, std::size_t school) const;
  //! The schools covering the site (cover()), each with its cost. In network mode a school
  //! covering by its catchment but not reached by road within searchMinutes costs
  //! searchMinutes: its trip is longer, by how much is not known; in radius mode one covering by
  //! its catchment without a location costs the level's larger radius (docs/education.md).
  std::vector<CoverLink> links(std::size_t site, SchoolLevel level) const;
  //! By site: which of `points` would cover it as schools of the level without catchment (within
  //! the radius for its setting, or by road within max_minutes), with the cost; ascending by
  //! point. The road graph is the one built for the project's schools.
  std::vector<std::vector<CoverLink>> newSchoolLinks(SchoolLevel level,
                                                     std::span<const network::XY> points) const;
  //! Least travel time from the site to any school of the level, with or without catchment;
  //! none in radius mode or when no school is reachable at all. Beyond searchMinutes it searches
  //! again from the site, as far as the quickest school.
  std::optional<double> leastMinutes(std::size_t site, SchoolLevel level) const;

private:
  const RuleContext &m_ctx;
  const SchoolCoverageParameters &m_parameters;
  std::vector<bool> m_hasCatchment; //!< by school index
  std::multimap<std::string, std::size_t> m_schoolsByCode;
  std::unique_ptr<network::RoadGraph> m_roads;          //!< when a level is in network mode
  std::vector<std::optional<network::XY>> m_sitePoints; //!< point-on-surface, by site
  //! What routing needs of a level in network mode.
  struct Level
  {
    std::vector<double> speeds; //!< by edge
    //! By site: the schools reached within searchMinutes.
    std::vector<std::vector<network::Reach>> reach;
    std::unique_ptr<network::Arrivals> schools;
    std::unique_ptr<network::Router> router; //!< for leastMinutes beyond the bound
  };
  std::array<Level, 2> m_levels;
};

//! The road network of a project (null or empty geometries for roads without one).
std::unique_ptr<network::RoadGraph> roadGraphOf(const Project &project);

} // namespace anzhi::core::rules
