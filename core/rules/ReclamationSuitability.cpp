#include "core/rules/ReclamationSuitability.h"

#include "core/Parallel.h"
#include "core/Terrain.h"
#include "core/rules/RuleSupport.h"

#include <stdexcept>

namespace anzhi::core::rules {

namespace {

//! 五（十三）宜耕则耕: a homestead reclaimed as cropland is not steeper than the limit on
//! average (area-weighted mean of Horn's slope over the DEM cells it covers).
class ReclamationSuitabilityCheck : public Rule
{
public:
  const RuleDescriptor &descriptor() const override
  {
    static const RuleDescriptor d{.id = "reclamation-suitability",
                                  .clause = "五（十三）",
                                  .severity = Severity::Warning,
                                  .nameZh = "复垦耕地坡度过大",
                                  .nameEn = "Cropland reclaimed on a steep slope",
                                  .requiredLayers = {"reclaimed_homesteads"},
                                  .layersRead = {"reclaimed_homesteads"},
                                  .needsDem = true};
    return d;
  }

  std::unique_ptr<RuleParameters> defaultParameters() const override
  {
    return std::make_unique<ReclamationSuitabilityParameters>();
  }

  RuleRun run(const RuleContext &ctx) const override
  {
    const Project &p = ctx.project;
    const double limit = ctx.parameters<ReclamationSuitabilityParameters>().maxCroplandSlopeDeg;
    std::vector<std::size_t> cropland;
    for (std::size_t i = 0; i < p.homesteads.features.size(); ++i) {
      const Homestead &h = p.homesteads.features[i];
      if (h.targetUse == "cropland" && ctx.inScope(h))
        cropland.push_back(i);
    }
    // Each homestead reads its own window of the DEM: independent, and the reads dominate.
    std::vector<std::optional<double>> slope(cropland.size());
    parallelFor(cropland.size(), 0, [&](std::size_t k) {
      ctx.pollCancel(k);
      const Homestead &h = p.homesteads.features[cropland[k]];
      if (!h.hasGeometry())
        return;
      try {
        slope[k] = p.terrain->meanSlopeDegrees(h.geometry.get());
      } catch (const std::exception &e) {
        throw std::runtime_error(p.terrain->source().name + ": slope under reclaimed_homesteads " +
                                 h.codeOrFid() + " (fid " + std::to_string(h.fid) +
                                 "): " + e.what());
      }
    });
    RuleRun result;
    for (std::size_t k = 0; k < cropland.size(); ++k) {
      if (!slope[k]) {
        ++result.unchecked;
        continue;
      }
      ++result.checked;
      if (!(*slope[k] > limit))
        continue;
      const Homestead &h = p.homesteads.features[cropland[k]];
      Violation v = newViolation(ctx, id(), "reclaimed_homesteads", h);
      v.value = *slope[k];
      v.wkt = locationWkt(h.geometry.get());
      const std::string mean = fixed(*slope[k], 1), max = fixed(limit, 1);
      v.messageZh = labelZh("reclaimed_homesteads", h, h.village) + "拟复垦为耕地，平均坡度 " +
                    mean + "°，超过 " + max + "°（宜耕则耕）。请改为宜林宜草，或核实高程数据。";
      v.messageEn = labelEn("reclaimed_homesteads", h, h.village) +
                    " is to be reclaimed as cropland, but its mean slope is " + mean + "°, over " +
                    max +
                    "° (宜耕则耕: cropland only where suitable). Reclaim it as forest or "
                    "grassland, or check the DEM.";
      result.violations.push_back(std::move(v));
    }
    return result;
  }
};

} // namespace

std::unique_ptr<Rule> makeReclamationSuitabilityCheck()
{
  return std::make_unique<ReclamationSuitabilityCheck>();
}

} // namespace anzhi::core::rules
