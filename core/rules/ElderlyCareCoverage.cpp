#include "core/rules/ElderlyCare.h"
#include "core/rules/RuleSupport.h"

namespace anzhi::core::rules {

namespace {

//! 一（一）: a site of min_population people or more has an elderly-care facility within the
//! radius of its setting (docs/contract.md "Rules of wave 2", 11.).
class ElderlyCareCoverageCheck : public Rule
{
public:
  const RuleDescriptor &descriptor() const override
  {
    static const RuleDescriptor d{.id = "elderly-care-coverage",
                                  .clause = "一（一）",
                                  .severity = Severity::Warning,
                                  .nameZh = "养老服务设施未覆盖",
                                  .nameEn = "Elderly care not covered",
                                  .requiredLayers = {"resettlement_sites", "elderly_care"},
                                  .layersRead = {"resettlement_sites", "elderly_care"}};
    return d;
  }

  std::unique_ptr<RuleParameters> defaultParameters() const override
  {
    return std::make_unique<ElderlyCareCoverageParameters>();
  }

  RuleRun run(const RuleContext &ctx) const override
  {
    const Project &p = ctx.project;
    const auto &rules = ctx.parameters<ElderlyCareCoverageParameters>();
    RuleRun result;
    result.checked = static_cast<std::int64_t>(p.sites.features.size());
    for (std::size_t i = 0; i < p.sites.features.size(); ++i) {
      ctx.pollCancel(i);
      const Site &site = p.sites.features[i];
      if (!site.hasGeometry() || !ctx.inScope(site) || !site.population ||
          *site.population < rules.minPopulation)
        continue;
      const std::optional<double> radius = rules.radius.forSetting(site.setting);
      const Nearest nearest = nearestFeature(
          p.elderlyCare, site.geometry.get(), [](const ElderlyCare &c) { return c.hasGeometry(); },
          radius.value_or(rules.radius.largest()));
      if (radius && nearest.found() && nearest.distance <= *radius)
        continue;
      Violation v = siteViolation(ctx, id(), site);
      if (nearest.found())
        v.distanceM = nearest.distance;
      const std::string pop = std::to_string(*site.population);
      const RadiusPhrase within = withinRadius(radius);
      const std::string nearestZh = nearest.found()
                                        ? "最近的相距 " + fixed(nearest.distance, 0) + " 米"
                                        : "项目中没有养老服务设施";
      const std::string nearestEn = nearest.found()
                                        ? "the nearest is " + fixed(nearest.distance, 0) + " m away"
                                        : "the project has no elderly-care facility";
      v.messageZh = labelZh("resettlement_sites", site, site.name) + "安置 " + pop + " 人，" +
                    within.zh + "没有养老服务设施（" + nearestZh + "）。请配套建设养老服务设施。";
      v.messageEn = labelEn("resettlement_sites", site, site.name) + " houses " + pop +
                    " people but has no elderly-care facility " + within.en + " (" + nearestEn +
                    "). Provide elderly care near the site.";
      result.violations.push_back(std::move(v));
    }
    return result;
  }
};

} // namespace

std::unique_ptr<Rule> makeElderlyCareCoverageCheck()
{
  return std::make_unique<ElderlyCareCoverageCheck>();
}

} // namespace anzhi::core::rules
