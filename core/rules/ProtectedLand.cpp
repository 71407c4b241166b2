#include "core/Glossary.h"
#include "core/rules/RuleSupport.h"

namespace anzhi::core::rules {

namespace {

//! 一（一）严禁侵占教育、医疗、养老、产业设施用地: a planned plot of a protected class
//! overlapped by a plot or building of another class by more than min_overlap_m2.
class ProtectedLandCheck : public Rule
{
public:
  const RuleDescriptor &descriptor() const override
  {
    static const RuleDescriptor d{.id = "protected-land",
                                  .clause = "一（一）",
                                  .severity = Severity::Error,
                                  .nameZh = "侵占保护用地",
                                  .nameEn = "Encroachment on protected land",
                                  .requiredLayers = {"planned_plots"},
                                  .layersRead = {"planned_plots", "buildings"}};
    return d;
  }

  RuleRun run(const RuleContext &ctx) const override
  {
    const Project &p = ctx.project;
    RuleRun result;
    result.checked = static_cast<std::int64_t>(p.plots.features.size());
    for (std::size_t i = 0; i < p.plots.features.size(); ++i) {
      ctx.pollCancel(i);
      const PlannedPlot &plot = p.plots.features[i];
      if (!isProtected(plot.landUseClass) || !plot.hasGeometry() || !ctx.inScope(plot))
        continue;
      gis::PreparedGeometry prepared(plot.geometry.get());
      for (std::size_t j : p.plots.candidates(plot.envelope)) {
        const PlannedPlot &other = p.plots.features[j];
        if (j == i || other.landUseClass == plot.landUseClass)
          continue;
        // Both protected: the pair belongs to the plot with the lower fid.
        if (isProtected(other.landUseClass) && other.fid < plot.fid)
          continue;
        check(ctx, plot, prepared, "planned_plots", other, other.landUse, other.landUseClass,
              result);
      }
      if (p.buildings.present) {
        for (std::size_t j : p.buildings.candidates(plot.envelope)) {
          const Building &building = p.buildings.features[j];
          if (building.landUseClass != plot.landUseClass)
            check(ctx, plot, prepared, "buildings", building, building.use, building.landUseClass,
                  result);
        }
      }
    }
    return result;
  }

private:
  void check(const RuleContext &ctx, const PlannedPlot &plot, const gis::PreparedGeometry &prepared,
             const std::string &otherLayer, const FeatureBase &other,
             const std::optional<std::string> &otherUse, LandUseClass otherClass,
             RuleRun &result) const
  {
    if (!other.hasGeometry() || !interiorsMayOverlap(plot.envelope, other.envelope) ||
        !prepared.intersects(other.geometry.get()))
      return;
    gis::Geometry overlap =
        gis::polygonalParts(gis::intersection(plot.geometry.get(), other.geometry.get()).get());
    double area = ctx.areaM2(overlap.get());
    if (!(area > ctx.rules.minOverlapM2))
      return;
    Violation v = newViolation(ctx, id(), "planned_plots", plot);
    v.other = refOf(otherLayer, other);
    v.areaM2 = area;
    v.wkt = locationWkt(overlap.get());
    std::string zhArea =
        fixed(area, 1) + " 平方米（" + fixed(gis::EllipsoidalArea::toMu(area), 2) + " 亩）";
    v.messageZh = labelZh("planned_plots", plot, plot.name) + "（" +
                  std::string(classNameZh(plot.landUseClass)) + "）被" +
                  labelZh(otherLayer, other) + "（用途：" + landUseInWordsZh(otherClass, otherUse) +
                  "）侵占 " + zhArea + "。请调整后者的边界或用途，不得侵占" +
                  std::string(classNameZh(plot.landUseClass)) + "。";
    v.messageEn = labelEn("planned_plots", plot, plot.name) + " (" +
                  std::string(className(plot.landUseClass)) + " land) is taken by " +
                  labelEn(otherLayer, other) + " (use " + otherUse.value_or("not set") + ") over " +
                  fixed(area, 1) + " m² (" + fixed(gis::EllipsoidalArea::toMu(area), 2) +
                  " mu). Move its boundary or change its use: protected land must not be taken.";
    result.violations.push_back(std::move(v));
  }
};

} // namespace

std::unique_ptr<Rule> makeProtectedLandCheck()
{
  return std::make_unique<ProtectedLandCheck>();
}

} // namespace anzhi::core::rules
