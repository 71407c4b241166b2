#pragma once

#include "core/RuleParameters.h"

namespace anzhi::core::rules {

//! elderly-care-coverage: which sites need an elderly-care facility, and within what radius.
//! elderly-care-beds assigns by the same radius, so it reads these too.
struct ElderlyCareCoverageParameters final : ParametersOf<ElderlyCareCoverageParameters>
{
  std::int64_t minPopulation = 800;
  RadiusBySetting radius{1000, 5000};

  void visit(ParameterVisitor &v) override
  {
    v.count("min_population", minPopulation,
            Cited{"一（一）：800 人及以上的安置区配套养老服务设施",
                  "一（一）: sites of 800 people or more have elderly care"});
    v.radius("radius_m", radius,
             Cited{"城镇：GB 50180-2018 15 分钟生活圈（1000 米）；农村：地方做法（5 公里）",
                   "urban: GB 50180-2018 15-minute life circle (1000 m); rural: local practice "
                   "(5 km)"});
  }
  double reachM() const override { return radius.largest(); }
};

//! elderly-care-beds: elders per resident and beds per elder.
struct ElderlyCareBedsParameters final : ParametersOf<ElderlyCareBedsParameters>
{
  ExactRate elderlyRate{20, 100};
  ExactRate bedsPerElder{4, 100};

  void visit(ParameterVisitor &v) override
  {
    v.rate("elderly_rate", elderlyRate,
           Cited{"第七次全国人口普查：山西 60 岁及以上人口约占 19%，取 20%",
                 "2020 census: about 19% of Shanxi's people are 60 or older, taken as 20%"});
    v.rate("beds_per_elder", bedsPerElder,
           Cited{"民政常用指标：每千名老年人养老床位 40 张（每百名 4 张）",
                 "civil-affairs indicator: 40 elderly-care beds per 1000 elders"});
  }
};

} // namespace anzhi::core::rules
