#include "core/rules/RangerChecks.h"
#include "core/rules/RuleSupport.h"

#include <map>
#include <set>
#include <unordered_map>

namespace anzhi::core::rules {

namespace {

//! ranger-area's minimum, which ranger-unassigned's message quotes too.
double minMu(const RuleContext &ctx)
{
  return ctx.rules.parameters<RangerAreaParameters>("ranger-area").minMu;
}

const std::vector<std::size_t> &plotsOf(const Project &p, const Ranger &r)
{
  static const std::vector<std::size_t> none;
  if (!r.code)
    return none;
  auto it = p.plotsByRangerCode.find(*r.code);
  return it == p.plotsByRangerCode.end() ? none : it->second;
}

//! Whether the interiors of any two of the plots overlap (touching edges do not count).
bool anyInteriorsOverlap(const Project &p, const std::vector<std::size_t> &plots)
{
  for (std::size_t i = 0; i < plots.size(); ++i) {
    const RangerPlot &a = p.rangerPlots.features[plots[i]];
    for (std::size_t j = i + 1; j < plots.size(); ++j) {
      const RangerPlot &b = p.rangerPlots.features[plots[j]];
      if (a.hasGeometry() && b.hasGeometry() && interiorsMayOverlap(a.envelope, b.envelope) &&
          gis::interiorsIntersect(a.geometry.get(), b.geometry.get()))
        return true;
    }
  }
  return false;
}

//! The ratio of ellipsoidal to planar area of the working CRS around a point, measured once
//! per 10 km cell. Thread: one per rule run.
class AreaScaleCache
{
public:
  explicit AreaScaleCache(const RuleContext &ctx)
      : m_ctx(ctx)
  {
  }
  double at(double x, double y)
  {
    const double cell = 10000;
    double cx = std::floor(x / cell), cy = std::floor(y / cell);
    auto [it, inserted] = m_scales.try_emplace({cx, cy}, 0.0);
    if (inserted) {
      gis::Geometry box = gis::makePolygon({{cx * cell, cy * cell},
                                            {(cx + 1) * cell, cy * cell},
                                            {(cx + 1) * cell, (cy + 1) * cell},
                                            {cx * cell, (cy + 1) * cell}});
      it->second = m_ctx.areaM2(box.get()) / (cell * cell);
    }
    return it->second;
  }

private:
  const RuleContext &m_ctx;
  std::map<std::pair<double, double>, double> m_scales;
};

//! True when the parts' ellipsoidal area is surely at least minM2, judged from their planar
//! area times the projection's local area scale. Within 30 km (a 10 km cell and a 20 km
//! envelope) that scale varies by under 1 % even in Web Mercator, so a 5 % margin keeps every
//! ranger near the limit for the exact geodesic measure.
bool clearlyAbove(AreaScaleCache &scales, const std::vector<const GEOSGeometry *> &parts,
                  double minM2)
{
  if (parts.empty())
    return false;
  gis::Envelope env = gis::envelope(parts.front());
  double planar = 0;
  for (const GEOSGeometry *part : parts) {
    env.expandToInclude(gis::envelope(part));
    planar += gis::planarArea(part);
  }
  double width = env.maxX - env.minX, height = env.maxY - env.minY;
  if (width <= 0 || height <= 0 || width > 20000 || height > 20000)
    return false;
  return planar * scales.at(env.centerX(), env.centerY()) > minM2 * 1.05;
}

//! 三（十）每名护林员管护面积不少于 500 亩: the ellipsoidal area of the union of a
//! ranger's plots.
class RangerAreaCheck : public Rule
{
public:
  const RuleDescriptor &descriptor() const override
  {
    static const RuleDescriptor d{.id = "ranger-area",
                                  .clause = "三（十）",
                                  .severity = Severity::Error,
                                  .nameZh = "管护面积不足",
                                  .nameEn = "Managed area below the minimum",
                                  .requiredLayers = {"rangers", "ranger_plots"},
                                  .layersRead = {"rangers", "ranger_plots"}};
    return d;
  }

  std::unique_ptr<RuleParameters> defaultParameters() const override
  {
    return std::make_unique<RangerAreaParameters>();
  }

  RuleRun run(const RuleContext &ctx) const override
  {
    const Project &p = ctx.project;
    const double minM2 = minMu(ctx) * gis::kSquareMetresPerMu;
    AreaScaleCache scales(ctx);
    RuleRun result;
    result.checked = static_cast<std::int64_t>(p.rangers.features.size());
    for (std::size_t i = 0; i < p.rangers.features.size(); ++i) {
      ctx.pollCancel(i);
      const Ranger &ranger = p.rangers.features[i];
      const std::vector<std::size_t> &plots = plotsOf(p, ranger);
      if (plots.empty())
        continue;
      std::vector<const GEOSGeometry *> parts;
      bool touched = ctx.inScope(ranger);
      for (std::size_t j : plots) {
        const RangerPlot &plot = p.rangerPlots.features[j];
        touched = touched || ctx.inScope(plot);
        if (plot.hasGeometry())
          parts.push_back(plot.geometry.get());
      }
      if (!touched)
        continue;
      // Plots whose interiors do not overlap add up; only overlapping ones need the union.
      gis::Geometry united;
      if (anyInteriorsOverlap(p, plots))
        united = gis::unionAll(parts);
      if (clearlyAbove(scales, united ? std::vector<const GEOSGeometry *>{united.get()} : parts,
                       minM2))
        continue;
      double area = 0;
      if (united)
        area = ctx.areaM2(united.get());
      else
        for (const GEOSGeometry *part : parts)
          area += ctx.areaM2(part);
      if (!(area < minM2))
        continue;
      Violation v = newViolation(ctx, id(), "rangers", ranger);
      v.areaM2 = area;
      if (!united)
        united = parts.empty() ? gis::makeCollection(GEOS_MULTIPOLYGON, {}) : gis::unionAll(parts);
      v.wkt = locationWkt(united.get());
      double mu = gis::EllipsoidalArea::toMu(area);
      v.messageZh = labelZh("rangers", ranger, ranger.name) + "的管护面积为 " + fixed(mu, 2) +
                    " 亩（" + std::to_string(plots.size()) + " 个管护责任区），不足 " +
                    fixed(minMu(ctx), 0) + " 亩。请调整或增加管护责任区。";
      v.messageEn = labelEn("rangers", ranger, ranger.name) + " manages " + fixed(mu, 2) +
                    " mu in " + std::to_string(plots.size()) + " plot(s), below the minimum of " +
                    fixed(minMu(ctx), 0) + " mu. Enlarge or add responsibility plots.";
      result.violations.push_back(std::move(v));
    }
    return result;
  }
};

//! 三（十）: a ranger with no responsibility plot at all.
class RangerUnassignedCheck : public Rule
{
public:
  const RuleDescriptor &descriptor() const override
  {
    static const RuleDescriptor d{.id = "ranger-unassigned",
                                  .clause = "三（十）",
                                  .severity = Severity::Error,
                                  .nameZh = "护林员无管护责任区",
                                  .nameEn = "Ranger without responsibility plot",
                                  .requiredLayers = {"rangers", "ranger_plots"},
                                  .layersRead = {"rangers", "ranger_plots"}};
    return d;
  }

  RuleRun run(const RuleContext &ctx) const override
  {
    const Project &p = ctx.project;
    RuleRun result;
    result.checked = static_cast<std::int64_t>(p.rangers.features.size());
    for (const Ranger &ranger : p.rangers.features) {
      if (!plotsOf(p, ranger).empty() || !ctx.inScope(ranger))
        continue;
      Violation v = newViolation(ctx, id(), "rangers", ranger);
      v.wkt = locationWkt(ranger.hasGeometry() ? ranger.geometry.get() : nullptr);
      v.messageZh = labelZh("rangers", ranger, ranger.name) + "没有管护责任区。请为其划定不少于 " +
                    fixed(minMu(ctx), 0) + " 亩的管护责任区。";
      v.messageEn = labelEn("rangers", ranger, ranger.name) +
                    " has no responsibility plot. Assign plots of at least " +
                    fixed(minMu(ctx), 0) + " mu.";
      result.violations.push_back(std::move(v));
    }
    return result;
  }
};

//! 三（十）: plots of two different rangers must not overlap.
class RangerOverlapCheck : public Rule
{
public:
  const RuleDescriptor &descriptor() const override
  {
    static const RuleDescriptor d{.id = "ranger-overlap",
                                  .clause = "三（十）",
                                  .severity = Severity::Error,
                                  .nameZh = "管护责任区重叠",
                                  .nameEn = "Overlapping responsibility plots",
                                  .requiredLayers = {"ranger_plots"},
                                  .layersRead = {"ranger_plots"}};
    return d;
  }

  RuleRun run(const RuleContext &ctx) const override
  {
    const Project &p = ctx.project;
    const auto &plots = p.rangerPlots.features;
    RuleRun result;
    result.checked = static_cast<std::int64_t>(plots.size());
    for (std::size_t i = 0; i < plots.size(); ++i) {
      ctx.pollCancel(i);
      const RangerPlot &a = plots[i];
      if (!a.hasGeometry())
        continue;
      std::optional<gis::PreparedGeometry> prepared;
      for (std::size_t j : p.rangerPlots.candidates(a.envelope)) {
        const RangerPlot &b = plots[j];
        // Each unordered pair once, from its lower fid; same ranger (two nulls alike) is fine.
        if (b.fid <= a.fid || b.rangerCode == a.rangerCode || !b.hasGeometry())
          continue;
        if ((!ctx.inScope(a) && !ctx.inScope(b)) || !interiorsMayOverlap(a.envelope, b.envelope))
          continue;
        if (!prepared)
          prepared.emplace(a.geometry.get());
        if (!prepared->intersects(b.geometry.get()))
          continue;
        gis::Geometry overlap =
            gis::polygonalParts(gis::intersection(a.geometry.get(), b.geometry.get()).get());
        double area = ctx.areaM2(overlap.get());
        if (!(area > ctx.rules.minOverlapM2))
          continue;
        Violation v = newViolation(ctx, id(), "ranger_plots", a);
        v.other = refOf("ranger_plots", b);
        v.areaM2 = area;
        v.wkt = locationWkt(overlap.get());
        std::string ra = a.rangerCode.value_or("?"), rb = b.rangerCode.value_or("?");
        double mu = gis::EllipsoidalArea::toMu(area);
        v.messageZh = labelZh("ranger_plots", a) + "（护林员 " + ra + "）与" +
                      labelZh("ranger_plots", b) + "（护林员 " + rb + "）重叠 " + fixed(area, 1) +
                      " 平方米（" + fixed(mu, 2) +
                      " 亩）。请重新划分边界，一块林地只归一名护林员管护。";
        v.messageEn = labelEn("ranger_plots", a) + " (ranger " + ra + ") overlaps " +
                      labelEn("ranger_plots", b) + " (ranger " + rb + ") by " + fixed(area, 1) +
                      " m² (" + fixed(mu, 2) +
                      " mu). Redraw the boundary so that each piece of forest has one ranger.";
        result.violations.push_back(std::move(v));
      }
    }
    return result;
  }
};

//! 三（十）: a plot whose ranger_code is null or names no ranger.
class RangerOrphanPlotCheck : public Rule
{
public:
  const RuleDescriptor &descriptor() const override
  {
    static const RuleDescriptor d{.id = "ranger-orphan-plot",
                                  .clause = "三（十）",
                                  .severity = Severity::Error,
                                  .nameZh = "管护责任区无护林员",
                                  .nameEn = "Responsibility plot without ranger",
                                  .requiredLayers = {"rangers", "ranger_plots"},
                                  .layersRead = {"rangers", "ranger_plots"}};
    return d;
  }

  RuleRun run(const RuleContext &ctx) const override
  {
    const Project &p = ctx.project;
    std::set<std::string> codes;
    for (const Ranger &r : p.rangers.features)
      if (r.code)
        codes.insert(*r.code);
    RuleRun result;
    result.checked = static_cast<std::int64_t>(p.rangerPlots.features.size());
    for (const RangerPlot &plot : p.rangerPlots.features) {
      if ((plot.rangerCode && codes.count(*plot.rangerCode)) || !ctx.inScope(plot))
        continue;
      Violation v = newViolation(ctx, id(), "ranger_plots", plot);
      v.wkt = locationWkt(plot.hasGeometry() ? plot.geometry.get() : nullptr);
      std::string named =
          plot.rangerCode ? "指向不存在的护林员 " + *plot.rangerCode : "未填写护林员编号";
      std::string namedEn =
          plot.rangerCode ? "names no ranger ('" + *plot.rangerCode + "')" : "has no ranger_code";
      v.messageZh = labelZh("ranger_plots", plot) + named + "。请指定管护该地块的护林员。";
      v.messageEn =
          labelEn("ranger_plots", plot) + " " + namedEn + ". Assign the plot to a ranger.";
      result.violations.push_back(std::move(v));
    }
    return result;
  }
};

//! 三（十）就地管护: a ranger lives within max_distance_m of their nearest plot.
class RangerDistanceCheck : public Rule
{
public:
  const RuleDescriptor &descriptor() const override
  {
    static const RuleDescriptor d{.id = "ranger-distance",
                                  .clause = "三（十）",
                                  .severity = Severity::Warning,
                                  .nameZh = "未就地管护",
                                  .nameEn = "Ranger not managing near home",
                                  .requiredLayers = {"rangers", "ranger_plots"},
                                  .layersRead = {"rangers", "ranger_plots", "resettlement_sites"}};
    return d;
  }

  std::unique_ptr<RuleParameters> defaultParameters() const override
  {
    return std::make_unique<RangerDistanceParameters>();
  }

  RuleRun run(const RuleContext &ctx) const override
  {
    const Project &p = ctx.project;
    std::unordered_map<std::string, std::size_t> siteByCode;
    for (std::size_t i = p.sites.features.size(); i-- > 0;)
      if (p.sites.features[i].code)
        siteByCode[*p.sites.features[i].code] = i; // first site of a code wins
    RuleRun result;
    result.checked = static_cast<std::int64_t>(p.rangers.features.size());
    for (std::size_t i = 0; i < p.rangers.features.size(); ++i) {
      ctx.pollCancel(i);
      const Ranger &ranger = p.rangers.features[i];
      const GEOSGeometry *residence = nullptr;
      if (ranger.hasGeometry()) {
        residence = ranger.geometry.get();
      } else if (ranger.siteCode) {
        auto it = siteByCode.find(*ranger.siteCode);
        if (it != siteByCode.end() && p.sites.features[it->second].hasGeometry())
          residence = p.sites.features[it->second].geometry.get();
      }
      if (!residence)
        continue;
      bool touched = ctx.inScope(ranger);
      double nearest = std::numeric_limits<double>::infinity();
      gis::PreparedGeometry prepared(residence);
      for (std::size_t j : plotsOf(p, ranger)) {
        const RangerPlot &plot = p.rangerPlots.features[j];
        touched = touched || ctx.inScope(plot);
        if (plot.hasGeometry())
          nearest = std::min(nearest, prepared.distance(plot.geometry.get()));
      }
      if (!std::isfinite(nearest) || !touched ||
          !(nearest > ctx.parameters<RangerDistanceParameters>().maxDistanceM))
        continue;
      Violation v = newViolation(ctx, id(), "rangers", ranger);
      v.distanceM = nearest;
      v.wkt = locationWkt(residence);
      std::string where = ranger.hasGeometry() ? "住址" : "所在安置区";
      v.messageZh = labelZh("rangers", ranger, ranger.name) + "的" + where + "距最近的管护责任区 " +
                    fixed(nearest, 0) + " 米，超过 " +
                    fixed(ctx.parameters<RangerDistanceParameters>().maxDistanceM, 0) +
                    " 米。请就近调整管护责任区，便于就地管护。";
      v.messageEn = labelEn("rangers", ranger, ranger.name) + " lives " + fixed(nearest, 0) +
                    " m from the nearest own plot, more than " +
                    fixed(ctx.parameters<RangerDistanceParameters>().maxDistanceM, 0) +
                    " m. Assign plots near where the ranger now lives.";
      result.violations.push_back(std::move(v));
    }
    return result;
  }
};

} // namespace

std::unique_ptr<Rule> makeRangerAreaCheck()
{
  return std::make_unique<RangerAreaCheck>();
}
std::unique_ptr<Rule> makeRangerUnassignedCheck()
{
  return std::make_unique<RangerUnassignedCheck>();
}
std::unique_ptr<Rule> makeRangerOverlapCheck()
{
  return std::make_unique<RangerOverlapCheck>();
}
std::unique_ptr<Rule> makeRangerOrphanPlotCheck()
{
  return std::make_unique<RangerOrphanPlotCheck>();
}
std::unique_ptr<Rule> makeRangerDistanceCheck()
{
  return std::make_unique<RangerDistanceCheck>();
}

} // namespace anzhi::core::rules
