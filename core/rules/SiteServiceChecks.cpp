#include "core/rules/SiteServiceChecks.h"
#include "core/Glossary.h"
#include "core/rules/RuleSupport.h"

namespace anzhi::core::rules {

namespace {

//! 一（二）: every site lies within the clinic radius of its setting from some clinic.
//! A site whose setting is neither urban nor rural has no radius and so cannot be covered.
class ClinicCoverageCheck : public Rule
{
public:
  const RuleDescriptor &descriptor() const override
  {
    static const RuleDescriptor d{.id = "clinic-coverage",
                                  .clause = "一（二）",
                                  .severity = Severity::Warning,
                                  .nameZh = "医疗机构未覆盖",
                                  .nameEn = "Clinic not covered",
                                  .requiredLayers = {"resettlement_sites", "clinics"},
                                  .layersRead = {"resettlement_sites", "clinics"}};
    return d;
  }

  std::unique_ptr<RuleParameters> defaultParameters() const override
  {
    return std::make_unique<ClinicCoverageParameters>();
  }

  RuleRun run(const RuleContext &ctx) const override
  {
    const Project &p = ctx.project;
    RuleRun result;
    result.checked = static_cast<std::int64_t>(p.sites.features.size());
    for (std::size_t i = 0; i < p.sites.features.size(); ++i) {
      ctx.pollCancel(i);
      const Site &site = p.sites.features[i];
      if (!site.hasGeometry() || !ctx.inScope(site))
        continue;
      std::optional<double> radius =
          ctx.parameters<ClinicCoverageParameters>().radius.forSetting(site.setting);
      Nearest nearest = nearestFeature(
          p.clinics, site.geometry.get(), [](const Clinic &c) { return c.hasGeometry(); },
          radius.value_or(1000.0));
      if (radius && nearest.found() && nearest.distance <= *radius)
        continue;
      Violation v = siteViolation(ctx, id(), site);
      if (nearest.found())
        v.distanceM = nearest.distance;
      const RadiusPhrase within = withinRadius(radius);
      std::string nearestZh = nearest.found()
                                  ? "最近的医疗机构相距 " + fixed(nearest.distance, 0) + " 米"
                                  : "项目中没有医疗机构";
      std::string nearestEn = nearest.found()
                                  ? "the nearest is " + fixed(nearest.distance, 0) + " m away"
                                  : "the project has no clinic";
      v.messageZh = labelZh("resettlement_sites", site, site.name) + within.zh + "没有医疗机构（" +
                    nearestZh + "）。请规划卫生室或调整安置区。";
      v.messageEn = labelEn("resettlement_sites", site, site.name) + " has no clinic " + within.en +
                    " (" + nearestEn + "). Plan a clinic near the site.";
      result.violations.push_back(std::move(v));
    }
    return result;
  }
};

//! 二（五）: a large site has a public employment service point inside or nearby.
class LargeSiteEmploymentCheck : public Rule
{
public:
  const RuleDescriptor &descriptor() const override
  {
    static const RuleDescriptor d{.id = "large-site-employment",
                                  .clause = "二（五）",
                                  .severity = Severity::Warning,
                                  .nameZh = "大型安置区无公共就业服务站",
                                  .nameEn = "No employment service point at a large site",
                                  .requiredLayers = {"resettlement_sites", "service_points"},
                                  .layersRead = {"resettlement_sites", "service_points"}};
    return d;
  }

  std::unique_ptr<RuleParameters> defaultParameters() const override
  {
    return std::make_unique<LargeSiteEmploymentParameters>();
  }

  RuleRun run(const RuleContext &ctx) const override
  {
    const Project &p = ctx.project;
    const auto &rules = ctx.parameters<LargeSiteEmploymentParameters>();
    RuleRun result;
    result.checked = static_cast<std::int64_t>(p.sites.features.size());
    for (std::size_t i = 0; i < p.sites.features.size(); ++i) {
      ctx.pollCancel(i);
      const Site &site = p.sites.features[i];
      if (!site.hasGeometry() || !ctx.inScope(site) || !site.population ||
          *site.population < rules.minPopulation)
        continue;
      Nearest nearest = nearestFeature(
          p.servicePoints, site.geometry.get(),
          [&](const ServicePoint &s) { return s.hasGeometry() && s.kind == rules.serviceKind; },
          rules.radiusM);
      if (nearest.found() && nearest.distance <= rules.radiusM)
        continue;
      Violation v = siteViolation(ctx, id(), site);
      if (nearest.found())
        v.distanceM = nearest.distance;
      std::string pop = std::to_string(*site.population);
      std::string nearestZh =
          nearest.found() ? "最近的相距 " + fixed(nearest.distance, 0) + " 米" : "项目中没有";
      std::string nearestEn = nearest.found()
                                  ? "the nearest is " + fixed(nearest.distance, 0) + " m away"
                                  : "the project has none";
      v.messageZh = labelZh("resettlement_sites", site, site.name) + "安置 " + pop + " 人，但 " +
                    fixed(rules.radiusM, 0) + " 米内没有公共就业服务站（" + nearestZh +
                    "）。请在安置区设立就业服务站。";
      v.messageEn = labelEn("resettlement_sites", site, site.name) + " houses " + pop +
                    " people but has no public employment service point within " +
                    fixed(rules.radiusM, 0) + " m (" + nearestEn + "). Set one up in the site.";
      result.violations.push_back(std::move(v));
    }
    return result;
  }
};

//! 七（二十二）: a site of 800 people or more has a follow-up support plan.
class SupportPlanCheck : public Rule
{
public:
  const RuleDescriptor &descriptor() const override
  {
    static const RuleDescriptor d{.id = "support-plan",
                                  .clause = "七（二十二）",
                                  .severity = Severity::Warning,
                                  .nameZh = "无后续扶持实施方案",
                                  .nameEn = "No follow-up support plan",
                                  .requiredLayers = {"resettlement_sites"},
                                  .layersRead = {"resettlement_sites"}};
    return d;
  }

  std::unique_ptr<RuleParameters> defaultParameters() const override
  {
    return std::make_unique<SupportPlanParameters>();
  }

  RuleRun run(const RuleContext &ctx) const override
  {
    const Project &p = ctx.project;
    RuleRun result;
    result.checked = static_cast<std::int64_t>(p.sites.features.size());
    for (const Site &site : p.sites.features) {
      if (!ctx.inScope(site) || !site.population ||
          *site.population < ctx.parameters<SupportPlanParameters>().minPopulation ||
          site.supportPlan == 1)
        continue;
      Violation v = siteViolation(ctx, id(), site);
      std::string pop = std::to_string(*site.population);
      v.messageZh = labelZh("resettlement_sites", site, site.name) + "安置 " + pop +
                    " 人，尚无后续扶持实施方案。请制定并备案实施方案。";
      v.messageEn = labelEn("resettlement_sites", site, site.name) + " houses " + pop +
                    " people but has no follow-up support plan. Draw one up and file it.";
      result.violations.push_back(std::move(v));
    }
    return result;
  }
};

//! 五（十四）拆旧复垦: every vacated homestead is reclaimed by the deadline.
class ReclamationProgressCheck : public Rule
{
public:
  const RuleDescriptor &descriptor() const override
  {
    static const RuleDescriptor d{.id = "reclamation-progress",
                                  .clause = "五（十四）",
                                  .severity = Severity::Error,
                                  .nameZh = "拆旧复垦逾期",
                                  .nameEn = "Demolition and reclamation overdue",
                                  .requiredLayers = {"reclaimed_homesteads"},
                                  .layersRead = {"reclaimed_homesteads"}};
    return d;
  }

  std::unique_ptr<RuleParameters> defaultParameters() const override
  {
    return std::make_unique<ReclamationProgressParameters>();
  }

  RuleRun run(const RuleContext &ctx) const override
  {
    const Project &p = ctx.project;
    const std::string &deadline = ctx.parameters<ReclamationProgressParameters>().deadline;
    RuleRun result;
    result.checked = static_cast<std::int64_t>(p.homesteads.features.size());
    for (const Homestead &h : p.homesteads.features) {
      if (!ctx.inScope(h))
        continue;
      bool reclaimed = h.status == "reclaimed";
      bool late = h.doneDate && h.doneDate->toString() > deadline;
      if (reclaimed && !late)
        continue;
      Violation v = newViolation(ctx, id(), "reclaimed_homesteads", h);
      v.wkt = locationWkt(h.hasGeometry() ? h.geometry.get() : nullptr);
      std::string status =
          h.status ? std::string(codedValueZh("status", *h.status).value_or(*h.status)) : "未填写";
      std::string label = labelZh("reclaimed_homesteads", h, h.village);
      std::string labelE = labelEn("reclaimed_homesteads", h, h.village);
      if (!reclaimed) {
        v.messageZh = label + "状态为「" + status + "」，截至 " + deadline +
                      " 尚未完成复垦。请督促拆除复垦并更新状态。";
        v.messageEn = labelE + " is '" + h.status.value_or("not set") + "', not reclaimed by " +
                      deadline + ". Complete demolition and reclamation and update the status.";
      } else {
        v.messageZh = label + "于 " + h.doneDate->toString() + " 完成复垦，晚于期限 " + deadline +
                      "。请核实完成日期。";
        v.messageEn = labelE + " was reclaimed on " + h.doneDate->toString() +
                      ", after the deadline " + deadline + ". Check the completion date.";
      }
      result.violations.push_back(std::move(v));
    }
    return result;
  }
};

//! Every layer: a stored geometry GEOS finds invalid (checked after repair by the others).
class InvalidGeometryCheck : public Rule
{
public:
  const RuleDescriptor &descriptor() const override
  {
    static const RuleDescriptor d{.id = "invalid-geometry",
                                  .clause = "—",
                                  .severity = Severity::Error,
                                  .nameZh = "无效几何",
                                  .nameEn = "Invalid geometry",
                                  .requiredLayers = {},
                                  .layersRead = canonicalLayerNames()};
    return d;
  }

  RuleRun run(const RuleContext &ctx) const override
  {
    RuleRun result;
    result.checked = ctx.project.featuresWithGeometry;
    for (const InvalidGeometry &bad : ctx.project.invalidGeometries) {
      FeatureBase f;
      f.fid = bad.fid;
      f.code = bad.code;
      Violation v = newViolation(ctx, id(), bad.layer, f);
      v.wkt = locationWkt(bad.location.get());
      std::string where;
      if (bad.location) {
        auto [x, y] = gis::pointXY(bad.location.get());
        where = " (" + fixed(x, 1) + ", " + fixed(y, 1) + ")";
      }
      v.messageZh = labelZh(bad.layer, f) + "的几何图形无效：" + validityReasonZh(bad.reason) +
                    where +
                    (bad.repaired ? "。已按修复后的图形参与检查，请在编辑中修正。"
                                  : "。该要素未带图形参与检查，请在编辑中修正。");
      v.messageEn = labelEn(bad.layer, f) + " has an invalid geometry: " + bad.reason + where +
                    (bad.repaired ? ". It was checked as repaired; fix it in the editor."
                                  : ". It was checked without a geometry; fix it in the editor.");
      result.violations.push_back(std::move(v));
    }
    return result;
  }
};

} // namespace

std::unique_ptr<Rule> makeClinicCoverageCheck()
{
  return std::make_unique<ClinicCoverageCheck>();
}
std::unique_ptr<Rule> makeLargeSiteEmploymentCheck()
{
  return std::make_unique<LargeSiteEmploymentCheck>();
}
std::unique_ptr<Rule> makeSupportPlanCheck()
{
  return std::make_unique<SupportPlanCheck>();
}
std::unique_ptr<Rule> makeReclamationProgressCheck()
{
  return std::make_unique<ReclamationProgressCheck>();
}
std::unique_ptr<Rule> makeInvalidGeometryCheck()
{
  return std::make_unique<InvalidGeometryCheck>();
}

} // namespace anzhi::core::rules
