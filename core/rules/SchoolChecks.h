#pragma once

#include "core/RuleParameters.h"

#include <algorithm>

namespace anzhi::core::rules {

//! school-coverage: the service radius of a school without catchment, by level and setting.
//! school-capacity assigns pupils by the same coverage, so it reads these too.
struct SchoolCoverageParameters final : ParametersOf<SchoolCoverageParameters>
{
  RadiusBySetting primary{500, 2500};
  RadiusBySetting junior{1000, 5000};

  void visit(ParameterVisitor &v) override
  {
    v.radius("radius_m.primary", primary,
             Cited{"城镇：GB 50180-2018 10 分钟生活圈（约 500 米）；农村：地方暂行做法（2.5 公里）",
                   "urban: GB 50180-2018 10-minute life circle (≈ 500 m); rural: provisional local "
                   "practice (2.5 km)"});
    v.radius("radius_m.junior", junior,
             Cited{"城镇：GB 50180-2018 15 分钟生活圈（约 1000 米）；农村：地方暂行做法（5 公里）",
                   "urban: GB 50180-2018 15-minute life circle (≈ 1000 m); rural: provisional "
                   "local practice (5 km)"});
  }
  double reachM() const override { return std::max(primary.largest(), junior.largest()); }
};

//! school-capacity: pupils per resident, for a site whose pupils_* is empty.
struct SchoolCapacityParameters final : ParametersOf<SchoolCapacityParameters>
{
  ExactRate primary{8, 100};
  ExactRate junior{4, 100};

  void visit(ParameterVisitor &v) override
  {
    v.rate("pupil_rate.primary", primary,
           Cited{"地方做法：每百名居民 8 名小学生",
                 "local practice: 8 primary pupils per 100 residents"});
    v.rate("pupil_rate.junior", junior,
           Cited{"地方做法：每百名居民 4 名初中生",
                 "local practice: 4 junior pupils per 100 residents"});
  }
};

} // namespace anzhi::core::rules
