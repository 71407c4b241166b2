#pragma once

#include "core/rules/RuleSupport.h"

#include <map>
#include <string>
#include <vector>

namespace anzhi::core::rules {

enum class SchoolLevel
{
  Primary,
  Junior
};
const char *levelName(SchoolLevel level);

//! Which schools cover a site at a level (domain.md, school-coverage): a school of that level
//! or nine_year covers a site when one of its catchments contains the site's point-on-surface
//! (boundary excluded), or, when it has no catchment, when it lies within the radius for the
//! site's setting. Shared by SchoolCoverageCheck and SchoolCapacityCheck.
//! Thread: built and used by one rule on one thread.
class SchoolCoverage
{
public:
  explicit SchoolCoverage(const RuleContext &ctx);

  struct Cover
  {
    std::vector<std::size_t> schools; //!< covering school indices, ascending
    bool covered() const { return !schools.empty(); }
  };
  Cover cover(const Site &site, SchoolLevel level) const;
  //! Distance to the nearest school of the level or nine_year, covering or not.
  std::optional<double> nearestDistance(const Site &site, SchoolLevel level) const;
  bool serves(const School &school, SchoolLevel level) const;

private:
  const RuleContext &m_ctx;
  std::vector<bool> m_hasCatchment; //!< by school index
  std::multimap<std::string, std::size_t> m_schoolsByCode;
};

} // namespace anzhi::core::rules
