#include "core/rules/JobsNearHome.h"
#include "core/rules/RuleSupport.h"

namespace anzhi::core::rules {

namespace {

//! 二（五）（六）: every site has an industrial park or 扶贫车间 with jobs within the radius of
//! its setting (docs/contract.md "Rules of wave 2", 11. and 12.).
class JobsNearHomeCheck : public Rule
{
public:
  const RuleDescriptor &descriptor() const override
  {
    static const RuleDescriptor d{.id = "jobs-near-home",
                                  .clause = "二（五）（六）",
                                  .severity = Severity::Warning,
                                  .nameZh = "就近就业不足",
                                  .nameEn = "No jobs near home",
                                  .requiredLayers = {"resettlement_sites", "industrial_parks"},
                                  .layersRead = {"resettlement_sites", "industrial_parks"}};
    return d;
  }

  std::unique_ptr<RuleParameters> defaultParameters() const override
  {
    return std::make_unique<JobsNearHomeParameters>();
  }

  RuleRun run(const RuleContext &ctx) const override
  {
    const Project &p = ctx.project;
    const auto &radii = ctx.parameters<JobsNearHomeParameters>().radius;
    RuleRun result;
    result.checked = static_cast<std::int64_t>(p.sites.features.size());
    for (std::size_t i = 0; i < p.sites.features.size(); ++i) {
      ctx.pollCancel(i);
      const Site &site = p.sites.features[i];
      if (!site.hasGeometry() || !ctx.inScope(site))
        continue;
      const std::optional<double> radius = radii.forSetting(site.setting);
      // jobs null counts as 0: such a park employs nobody.
      const Nearest nearest = nearestFeature(
          p.industrialParks, site.geometry.get(),
          [](const IndustrialPark &park) {
            return park.hasGeometry() && park.jobs.value_or(0) > 0;
          },
          radius.value_or(radii.largest()));
      if (radius && nearest.found() && nearest.distance <= *radius)
        continue;
      Violation v = siteViolation(ctx, id(), site);
      if (nearest.found())
        v.distanceM = nearest.distance;
      const RadiusPhrase within = withinRadius(radius);
      const std::string nearestZh = nearest.found()
                                        ? "最近的相距 " + fixed(nearest.distance, 0) + " 米"
                                        : "项目中没有提供就业岗位的园区或车间";
      const std::string nearestEn = nearest.found()
                                        ? "the nearest is " + fixed(nearest.distance, 0) + " m away"
                                        : "the project has no park or workshop with jobs";
      v.messageZh = labelZh("resettlement_sites", site, site.name) + within.zh +
                    "没有提供就业岗位的产业园区或扶贫车间（" + nearestZh +
                    "）。请就近布局扶贫车间或配套产业。";
      v.messageEn = labelEn("resettlement_sites", site, site.name) +
                    " has no industrial park or workshop with jobs " + within.en + " (" +
                    nearestEn + "). Plan a workshop or industry near the site.";
      result.violations.push_back(std::move(v));
    }
    return result;
  }
};

} // namespace

std::unique_ptr<Rule> makeJobsNearHomeCheck()
{
  return std::make_unique<JobsNearHomeCheck>();
}

} // namespace anzhi::core::rules
