#pragma once

#include "core/RuleParameters.h"

namespace anzhi::core::rules {

//! clinic-coverage: the radius within which a site needs a clinic, by setting.
struct ClinicCoverageParameters final : ParametersOf<ClinicCoverageParameters>
{
  RadiusBySetting radius{1000, 3000};

  void visit(ParameterVisitor &v) override
  {
    v.radius("radius_m", radius,
             Cited{"城镇：GB 50180-2018 15 分钟生活圈（1000 米）；农村：地方暂行做法（3 公里）",
                   "urban: GB 50180-2018 15-minute life circle (1000 m); rural: provisional local "
                   "practice (3 km)"});
  }
  double reachM() const override { return radius.largest(); }
};

//! large-site-employment: which sites are large, how near the service point must be and
//! which service_points.kind it has.
struct LargeSiteEmploymentParameters final : ParametersOf<LargeSiteEmploymentParameters>
{
  std::int64_t minPopulation = 3000;
  double radiusM = 500;
  std::string serviceKind = "employment_service";

  void visit(ParameterVisitor &v) override
  {
    v.count("min_population", minPopulation,
            Cited{"二（五）大型安置区：3000 人及以上", "二（五）大型安置区: 3000 people or more"});
    v.number("radius_m", radiusM, Unit::Metres,
             Cited{"二（五）就近：地方做法（500 米）", "二（五）: nearby, local practice (500 m)"});
    v.text("service_kind", serviceKind,
           Cited{"docs/contract.md：公共就业服务站在 service_points.kind 中的取值",
                 "docs/contract.md: service_points.kind of the service"});
  }
  double reachM() const override { return radiusM; }
};

//! support-plan: the population from which a site needs a follow-up support plan.
struct SupportPlanParameters final : ParametersOf<SupportPlanParameters>
{
  std::int64_t minPopulation = 800;

  void visit(ParameterVisitor &v) override
  {
    v.count(
        "min_population", minPopulation,
        Cited{"七（二十二）：800 人及以上的安置区", "七（二十二）: sites of 800 people or more"});
  }
};

//! reclamation-progress: the date by which vacated homesteads are reclaimed.
struct ReclamationProgressParameters final : ParametersOf<ReclamationProgressParameters>
{
  std::string deadline = "2020-12-31";

  void visit(ParameterVisitor &v) override
  {
    v.date("deadline", deadline,
           Cited{"五（十四）拆旧复垦：2020 年底前", "五（十四）拆旧复垦: by the end of 2020"});
  }
};

} // namespace anzhi::core::rules
