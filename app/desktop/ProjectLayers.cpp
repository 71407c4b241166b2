#include "app/desktop/ProjectLayers.h"

namespace anzhi::desktop {

std::size_t featureCount(const core::Project &p, const std::string &layer)
{
  std::size_t n = 0;
  p.visitLayer(layer, [&](const auto &l) { n = l.present ? l.features.size() : 0; });
  return n;
}

std::optional<gis::Envelope> layerExtent(const core::Project &p, const std::string &layer)
{
  std::optional<gis::Envelope> out;
  p.visitLayer(layer, [&](const auto &l) {
    if (l.present && l.index && l.index->size() > 0)
      out = l.extent;
  });
  return out;
}

std::optional<gis::Envelope> projectExtent(const core::Project &p)
{
  std::optional<gis::Envelope> out;
  for (const std::string &name : core::Project::canonicalLayers()) {
    if (auto e = layerExtent(p, name)) {
      if (out)
        out->expandToInclude(*e);
      else
        out = e;
    }
  }
  return out;
}

const GEOSGeometry *geometryOf(const core::Project &p, const FeatureHit &hit)
{
  const GEOSGeometry *g = nullptr;
  p.visitLayer(hit.layer, [&](const auto &l) {
    if (hit.index < l.features.size())
      g = l.features[hit.index].geometry.get();
  });
  return g;
}

std::int64_t fidOf(const core::Project &p, const FeatureHit &hit)
{
  std::int64_t fid = 0;
  p.visitLayer(hit.layer, [&](const auto &l) {
    if (hit.index < l.features.size())
      fid = l.features[hit.index].fid;
  });
  return fid;
}

std::vector<FeatureHit> featuresAt(const core::Project &p,
                                   const std::vector<std::string> &layersTopDown, double x,
                                   double y, double tolerance, std::size_t limit)
{
  std::vector<FeatureHit> out;
  gis::Geometry point = gis::makePoint(x, y);
  const gis::Envelope box{x - tolerance, y - tolerance, x + tolerance, y + tolerance};
  for (const std::string &name : layersTopDown) {
    p.visitLayer(name, [&](const auto &l) {
      if (!l.present)
        return;
      // Topmost = drawn last = highest index among the candidates.
      auto candidates = l.candidates(box);
      for (auto it = candidates.rbegin(); it != candidates.rend() && out.size() < limit; ++it) {
        const auto &f = l.features[*it];
        if (!f.hasGeometry())
          continue;
        const bool polygonal = gis::isPolygonal(f.geometry.get());
        if ((polygonal && gis::intersects(f.geometry.get(), point.get())) ||
            (!polygonal && gis::distance(f.geometry.get(), point.get()) <= tolerance))
          out.push_back({name, *it});
      }
    });
  }
  return out;
}

QString featureTitle(const core::Project &p, const FeatureHit &hit)
{
  QString title;
  p.visitLayer(hit.layer, [&](const auto &l) {
    const auto &f = l.features.at(hit.index);
    title = QString::fromStdString(f.codeOrFid());
    if (auto name = featureName(f); name && !name->empty())
      title += " " + QString::fromStdString(*name);
  });
  return title;
}

std::vector<FeatureHit> featuresIn(const core::Project &p,
                                   const std::vector<std::string> &layersTopDown,
                                   const gis::Envelope &box, std::size_t limit)
{
  std::vector<FeatureHit> out;
  gis::Geometry rect = gis::makePolygon(
      {{box.minX, box.minY}, {box.maxX, box.minY}, {box.maxX, box.maxY}, {box.minX, box.maxY}});
  for (const std::string &name : layersTopDown) {
    p.visitLayer(name, [&](const auto &l) {
      if (!l.present)
        return;
      for (std::size_t i : l.candidates(box)) {
        if (out.size() >= limit)
          return;
        if (l.features[i].hasGeometry() &&
            gis::intersects(l.features[i].geometry.get(), rect.get()))
          out.push_back({name, i});
      }
    });
  }
  return out;
}

} // namespace anzhi::desktop
