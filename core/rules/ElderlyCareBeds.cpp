#include "core/rules/ElderlyCare.h"
#include "core/rules/RuleSupport.h"

namespace anzhi::core::rules {

namespace {

//! 一（一）: each site's bed demand goes to its nearest covering elderly-care facility; a
//! facility assigned more than its beds is short (docs/contract.md "Rules of wave 2", 13.).
class ElderlyCareBedsCheck : public Rule
{
public:
  const RuleDescriptor &descriptor() const override
  {
    static const RuleDescriptor d{.id = "elderly-care-beds",
                                  .clause = "一（一）",
                                  .severity = Severity::Warning,
                                  .nameZh = "养老床位缺口",
                                  .nameEn = "Elderly-care bed shortfall",
                                  .requiredLayers = {"resettlement_sites", "elderly_care"},
                                  .layersRead = {"resettlement_sites", "elderly_care"}};
    return d;
  }

  std::unique_ptr<RuleParameters> defaultParameters() const override
  {
    return std::make_unique<ElderlyCareBedsParameters>();
  }

  RuleRun run(const RuleContext &ctx) const override
  {
    const Project &p = ctx.project;
    const auto &rates = ctx.parameters<ElderlyCareBedsParameters>();
    const RadiusBySetting &radii =
        ctx.rules.parameters<ElderlyCareCoverageParameters>("elderly-care-coverage").radius;
    std::vector<std::int64_t> assigned(p.elderlyCare.features.size(), 0);
    // A facility's load comes from every site, whatever the scope.
    for (std::size_t i = 0; i < p.sites.features.size(); ++i) {
      ctx.pollCancel(i);
      const Site &site = p.sites.features[i];
      const std::int64_t demand =
          rates.bedsPerElder.floorTimes(rates.elderlyRate.floorTimes(site.population.value_or(0)));
      const std::optional<double> radius = radii.forSetting(site.setting);
      if (demand <= 0 || !site.hasGeometry() || !radius)
        continue;
      const Nearest nearest = nearestFeature(
          p.elderlyCare, site.geometry.get(), [](const ElderlyCare &c) { return c.hasGeometry(); },
          *radius);
      if (nearest.found() && nearest.distance <= *radius)
        assigned[nearest.index] += demand;
    }
    RuleRun result;
    result.checked = static_cast<std::int64_t>(p.elderlyCare.features.size());
    for (std::size_t c = 0; c < p.elderlyCare.features.size(); ++c) {
      const ElderlyCare &care = p.elderlyCare.features[c];
      const std::int64_t beds = care.beds.value_or(0);
      if (!ctx.inScope(care) || assigned[c] <= beds)
        continue;
      Violation v = newViolation(ctx, id(), "elderly_care", care);
      v.shortfallSeats = assigned[c] - beds;
      v.wkt = locationWkt(care.hasGeometry() ? care.geometry.get() : nullptr);
      v.messageZh = labelZh("elderly_care", care, care.name) + "床位不足：分配的搬迁老人床位需求 " +
                    std::to_string(assigned[c]) + " 张，床位 " + std::to_string(beds) +
                    " 张，缺口 " + std::to_string(*v.shortfallSeats) +
                    " 张床位。请扩建养老设施或就近增设。";
      v.messageEn = labelEn("elderly_care", care, care.name) +
                    " is short of beds: " + std::to_string(assigned[c]) +
                    " beds needed by the relocated elders for " + std::to_string(beds) +
                    " beds, a shortfall of " + std::to_string(*v.shortfallSeats) +
                    " beds. Extend the facility or add one nearby.";
      result.violations.push_back(std::move(v));
    }
    return result;
  }
};

} // namespace

std::unique_ptr<Rule> makeElderlyCareBedsCheck()
{
  return std::make_unique<ElderlyCareBedsCheck>();
}

} // namespace anzhi::core::rules
