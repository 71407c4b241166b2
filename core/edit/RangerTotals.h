#pragma once

#include "core/edit/EditBuffer.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace anzhi::core {

//! One ranger's responsibility in the edited project, as the forestry bureau's table shows
//! it: the ellipsoidal area of the union of the ranger's plots (what ranger-area checks), the
//! number of plots and the distance from the residence (point, else the site) to the nearest
//! plot (what ranger-distance checks).
struct RangerTotal
{
  FeatureKey key;
  std::string code;
  std::optional<std::string> name, siteCode, status;
  double areaM2 = 0;
  int plots = 0;
  std::optional<double> distanceM;
  double mu() const;
};

//! The totals of the rangers with the given codes (all rangers when `codes` is null) in the
//! base project with the edits applied. Cost: the plots of those rangers (through the base's
//! plot-by-ranger index) plus one pass over the edit buffer; for every ranger of a national
//! project, seconds: run that on a worker.
std::vector<RangerTotal> rangerTotals(const Project &base, const EditBuffer &buffer,
                                      const std::set<std::string> *codes = nullptr);

//! The ranger plots of `code` in the edited project: base ones not edited (through the
//! base's plot-by-ranger index), then edited ones.
std::vector<FeatureKey> plotsOfRanger(const Project &base, const EditBuffer &buffer,
                                      const std::string &code);

//! The union area in m² of a ranger's plots in the edited project plus `extra` (a plot being
//! drawn), for the live total while drawing.
double rangerAreaM2(const Project &base, const EditBuffer &buffer, const std::string &code,
                    const GEOSGeometry *extra = nullptr);

//! Ranger totals by code, kept also in order of total area (lowest first, then code): the
//! rangers panel lists the lowest few hundred after every edit, and visiting all of a national
//! project's 595 k rangers for that took the UI thread about 0.1 s.
class RankedRangerTotals
{
public:
  RankedRangerTotals() = default;
  //! The ordered index points into the map's nodes, which a move keeps and a copy would not.
  RankedRangerTotals(RankedRangerTotals &&) = default;
  RankedRangerTotals &operator=(RankedRangerTotals &&) = default;
  RankedRangerTotals(const RankedRangerTotals &) = delete;
  RankedRangerTotals &operator=(const RankedRangerTotals &) = delete;

  //! Inserts the total, replacing the one with the same code.
  void put(RangerTotal total);
  void erase(const std::string &code);
  const RangerTotal *find(const std::string &code) const;
  std::size_t size() const { return m_byCode.size(); }
  //! Calls fn on the totals, lowest area first, until it returns false.
  template<typename Fn> void forEachLowestFirst(Fn fn) const
  {
    for (const RangerTotal *t : m_byArea)
      if (!fn(*t))
        return;
  }

private:
  struct LowerArea
  {
    bool operator()(const RangerTotal *a, const RangerTotal *b) const
    {
      return a->areaM2 != b->areaM2 ? a->areaM2 < b->areaM2 : a->code < b->code;
    }
  };
  std::map<std::string, RangerTotal> m_byCode;
  std::set<const RangerTotal *, LowerArea> m_byArea;
};

} // namespace anzhi::core
