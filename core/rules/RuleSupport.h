#pragma once

#include "core/Rule.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <string>

namespace anzhi::core::rules {

//! A violation of `rule` attached to feature f of `layer`, with severity and clause from the
//! rule set; the caller adds measures, location and messages.
Violation newViolation(const RuleContext &ctx, const std::string &rule, const std::string &layer,
                       const FeatureBase &f);
FeatureRef refOf(const std::string &layer, const FeatureBase &f);
//! A violation attached to a resettlement site: located on its polygon, with its township.
Violation siteViolation(const RuleContext &ctx, const std::string &rule, const Site &site);

std::string fixed(double value, int decimals);
//! A site's service radius as a message says it: "1000 米内" / "within 1000 m", or, without
//! one, that the site's setting is neither urban nor rural.
struct RadiusPhrase
{
  std::string zh, en;
};
RadiusPhrase withinRadius(const std::optional<double> &radius);
//! "AZQ-0001「岚漪镇安置区」" and "AZQ-0001 (…)": a feature by code (or fid) and name.
std::string featureZh(const FeatureBase &f, const std::optional<std::string> &name);
std::string featureEn(const FeatureBase &f, const std::optional<std::string> &name);
//! "安置区 AZQ-0001「岚漪镇安置区」" and "resettlement site AZQ-0001 (…)".
std::string labelZh(const std::string &layer, const FeatureBase &f,
                    const std::optional<std::string> &name = std::nullopt);
std::string labelEn(const std::string &layer, const FeatureBase &f,
                    const std::optional<std::string> &name = std::nullopt);
std::string layerNameZh(const std::string &layer);
//! The names of every canonical layer (core/Schema.h): what a rule reading them all reads.
std::vector<std::string> canonicalLayerNames();

//! False when two envelopes meet in a line or a point only: then the polygons' interiors
//! cannot overlap and their intersection has no area, so the overlay can be skipped.
inline bool interiorsMayOverlap(const gis::Envelope &a, const gis::Envelope &b)
{
  return std::min(a.maxX, b.maxX) > std::max(a.minX, b.minX) &&
         std::min(a.maxY, b.maxY) > std::max(a.minY, b.minY);
}

//! The WKT of a location, empty for null.
std::string locationWkt(const GEOSGeometry *g);

struct Nearest
{
  std::size_t index = 0;
  double distance = std::numeric_limits<double>::infinity();
  bool found() const { return std::isfinite(distance); }
};

//! The feature of `layer` nearest to g (planar distance in the working CRS, 0 inside) among
//! those accepted by `accept`, searching outwards from startRadius; ties go to the lower fid.
template<typename F, typename Accept>
Nearest nearestFeature(const Layer<F> &layer, const GEOSGeometry *g, Accept accept,
                       double startRadius = 1000.0)
{
  Nearest best;
  if (!g || layer.features.empty() || !layer.index || layer.index->size() == 0)
    return best;
  gis::Envelope env = gis::envelope(g);
  gis::Envelope all = layer.extent;
  double radius = std::max(startRadius, 1.0);
  gis::PreparedGeometry prepared(g);
  for (;;) {
    gis::Envelope search{env.minX - radius, env.minY - radius, env.maxX + radius,
                         env.maxY + radius};
    for (std::size_t i : layer.candidates(search)) {
      const F &f = layer.features[i];
      if (!accept(f))
        continue;
      double d = prepared.distance(f.geometry.get());
      if (d < best.distance || (d == best.distance && f.fid < layer.features[best.index].fid)) {
        best.distance = d;
        best.index = i;
      }
    }
    bool coversAll = search.minX <= all.minX && search.minY <= all.minY &&
                     search.maxX >= all.maxX && search.maxY >= all.maxY;
    // Anything outside the search box is farther than radius: a find within it is final.
    if (best.distance <= radius || coversAll)
      return best;
    radius *= 4;
  }
}

} // namespace anzhi::core::rules
