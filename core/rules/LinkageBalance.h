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

//! Every county's balance, by county name: a site belongs to the county it names (null or
//! empty: to none), a homestead to the county of the site its site_code names (none: left
//! out). Thread: any; reads the project only.
std::vector<CountyLinkage> linkageByCounty(const Project &project);

} // namespace anzhi::core::rules
