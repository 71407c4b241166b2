#include "core/rules/RuleSupport.h"

#include "core/Schema.h"

#include <map>

namespace anzhi::core::rules {

namespace {

struct LayerNames
{
  const char *zh;
  const char *en;
};

const std::map<std::string, LayerNames> kLayerNames = {
    {"resettlement_sites", {"安置区", "resettlement site"}},
    {"planned_plots", {"规划地块", "planned plot"}},
    {"buildings", {"建筑", "building"}},
    {"schools", {"学校", "school"}},
    {"school_catchments", {"学区", "catchment"}},
    {"clinics", {"医疗机构", "clinic"}},
    {"elderly_care", {"养老机构", "elderly-care home"}},
    {"service_points", {"服务站点", "service point"}},
    {"industrial_parks", {"产业园区", "industrial park"}},
    {"reclaimed_homesteads", {"腾退宅基地", "vacated homestead"}},
    {"forest_land", {"林地", "forest land"}},
    {"rangers", {"生态护林员", "ranger"}},
    {"ranger_plots", {"管护责任区", "responsibility plot"}},
    {"roads", {"道路", "road"}},
};

} // namespace

Violation newViolation(const RuleContext &ctx, const std::string &rule, const std::string &layer,
                       const FeatureBase &f)
{
  Violation v;
  v.rule = rule;
  const RuleConfig &config = ctx.rules.config(rule);
  v.severity = config.severity;
  v.clause = config.clause;
  v.feature = refOf(layer, f);
  return v;
}

Violation siteViolation(const RuleContext &ctx, const std::string &rule, const Site &site)
{
  Violation v = newViolation(ctx, rule, "resettlement_sites", site);
  v.township = site.township;
  v.wkt = locationWkt(site.hasGeometry() ? site.geometry.get() : nullptr);
  return v;
}

FeatureRef refOf(const std::string &layer, const FeatureBase &f)
{
  return FeatureRef{layer, f.fid, f.code};
}

std::string fixed(double value, int decimals)
{
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  return buf;
}

std::string layerNameZh(const std::string &layer)
{
  auto it = kLayerNames.find(layer);
  return it == kLayerNames.end() ? layer : it->second.zh;
}

std::string featureZh(const FeatureBase &f, const std::optional<std::string> &name)
{
  std::string label = f.codeOrFid();
  if (name && !name->empty())
    label += "「" + *name + "」";
  return label;
}

std::string featureEn(const FeatureBase &f, const std::optional<std::string> &name)
{
  std::string label = f.codeOrFid();
  if (name && !name->empty())
    label += " (" + *name + ")";
  return label;
}

std::string labelZh(const std::string &layer, const FeatureBase &f,
                    const std::optional<std::string> &name)
{
  return layerNameZh(layer) + " " + featureZh(f, name);
}

std::string labelEn(const std::string &layer, const FeatureBase &f,
                    const std::optional<std::string> &name)
{
  auto it = kLayerNames.find(layer);
  return (it == kLayerNames.end() ? layer : std::string(it->second.en)) + " " + featureEn(f, name);
}

std::vector<std::string> canonicalLayerNames()
{
  std::vector<std::string> names;
  for (const LayerSchema &layer : canonicalSchema())
    names.push_back(layer.name);
  return names;
}

std::string locationWkt(const GEOSGeometry *g)
{
  return g ? gis::toWkt(g, 3) : std::string();
}

} // namespace anzhi::core::rules
