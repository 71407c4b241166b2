#include "core/rules/RuleSupport.h"

#include "core/Schema.h"

namespace anzhi::core::rules {

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

RadiusPhrase withinRadius(const std::optional<double> &radius)
{
  if (!radius)
    return {"（安置类型未填写城镇或农村）", "(setting is neither urban nor rural)"};
  return {fixed(*radius, 0) + " 米内", "within " + fixed(*radius, 0) + " m"};
}

std::string layerNameZh(const std::string &layer)
{
  const LayerSchema *schema = findLayerSchema(layer);
  return schema ? schema->nameZh : layer;
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
  const LayerSchema *schema = findLayerSchema(layer);
  return (schema ? schema->featureEn : layer) + " " + featureEn(f, name);
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
