#pragma once

#include "core/CountyLinkage.h"
#include "core/Project.h"
#include "core/RuleParameters.h"

#include <string>
#include <vector>

namespace anzhi::core::rules {

//! linkage-balance: the shortfall (亩) a county may carry before the rule fires.
struct LinkageBalanceParameters final : ParametersOf<LinkageBalanceParameters>
{
  double toleranceMu = 0;

  void visit(ParameterVisitor &v) override
  {
    v.number("tolerance_mu", toleranceMu, Unit::Mu,
             Cited{"五（十五）城乡建设用地增减挂钩：新增建设用地不超过拆旧复垦面积",
                   "五（十五） linkage: new construction land within the reclaimed area"});
  }
};

//! The ellipsoidal area of the union of `parts`: overlapping sites (or homesteads digitised
//! twice) count their land once. Only parts whose envelopes overlap (transitively) can share
//! area, so each such cluster is unioned on its own and the areas add up in the parts' order:
//! a county's thousand apart sites cost a thousand areas, not one cascaded union (0.8 s for
//! 1200 sites). Clusters come from a sweep over the envelopes sorted by their west edge (no
//! tree to build for 350 000 homesteads), and the areas are measured in parallel, small rings
//! on the authalic sphere (gis::EllipsoidalArea; docs/contract.md "Rules of wave 2", 14.).
//! Also the statistics' reclaimed area (core/stats/ProjectStats.h).
double unionAreaM2(const std::vector<const GEOSGeometry *> &parts, const gis::Crs &crs);

//! Every county's balance, by county name: a site belongs to the county it names (null or
//! empty: to none), a homestead to the county of the site its site_code names (none: left
//! out). Thread: any; reads the project only.
std::vector<CountyLinkage> linkageByCounty(const Project &project);

} // namespace anzhi::core::rules
