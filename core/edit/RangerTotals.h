#pragma once

#include "core/edit/EditBuffer.h"

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

} // namespace anzhi::core
