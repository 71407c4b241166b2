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

//! Which schools cover a site at a level (docs/contract.md, school-coverage): a school of that
//! level or nine_year covers a site when one of its catchments contains the site's point-on-surface
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
  //! The nearest school of the level or nine_year, covering or not (ties: lower fid).
  Nearest nearest(const Site &site, SchoolLevel level) const;
  //! Whether the school has a catchment: then it covers by the catchment only, never by radius.
  bool hasCatchment(std::size_t school) const { return m_hasCatchment[school]; }
  //! The service radius for the site's setting at the level; none when the setting is neither
  //! urban nor rural.
  std::optional<double> radius(const Site &site, SchoolLevel level) const;
  bool serves(const School &school, SchoolLevel level) const;
  const Project &project() const { return m_ctx.project; }

private:
  const RuleContext &m_ctx;
  std::vector<bool> m_hasCatchment; //!< by school index
  std::multimap<std::string, std::size_t> m_schoolsByCode;
};

} // namespace anzhi::core::rules
