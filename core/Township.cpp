#include "core/Township.h"

#include "core/Parallel.h"
#include "core/rules/RuleSupport.h"

namespace anzhi::core {

namespace {

//! Code → index of the feature with the lowest fid bearing it (features are in fid order).
template<typename F>
std::unordered_map<std::string, std::size_t> indexByCode(const std::vector<F> &features)
{
  std::unordered_map<std::string, std::size_t> byCode;
  for (std::size_t i = 0; i < features.size(); ++i)
    if (features[i].code) {
      auto [at, fresh] = byCode.try_emplace(*features[i].code, i);
      if (!fresh && features[i].fid < features[at->second].fid)
        at->second = i;
    }
  return byCode;
}

} // namespace

TownshipAttribution::TownshipAttribution(const Project &project)
    : m_project(project)
{
}

const TownshipAttribution::CodeIndex &TownshipAttribution::sitesByCode() const
{
  std::call_once(m_sitesIndexed, [this] { m_siteByCode = indexByCode(m_project.sites.features); });
  return m_siteByCode;
}

const TownshipAttribution::CodeIndex &TownshipAttribution::rangersByCode() const
{
  std::call_once(m_rangersIndexed,
                 [this] { m_rangerByCode = indexByCode(m_project.rangers.features); });
  return m_rangerByCode;
}

std::optional<std::size_t>
TownshipAttribution::siteByCode(const std::optional<std::string> &code) const
{
  if (!code)
    return std::nullopt;
  auto it = sitesByCode().find(*code);
  return it == sitesByCode().end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

std::optional<std::size_t> TownshipAttribution::linkedSite(std::string_view layer,
                                                           std::size_t index) const
{
  const Project &p = m_project;
  if (layer == p.sites.name)
    return index;
  if (layer == p.homesteads.name)
    return siteByCode(p.homesteads.features[index].siteCode);
  if (layer == p.rangers.name)
    return siteByCode(p.rangers.features[index].siteCode);
  if (layer == p.rangerPlots.name) {
    const std::optional<std::string> &ranger = p.rangerPlots.features[index].rangerCode;
    if (!ranger)
      return std::nullopt;
    auto it = rangersByCode().find(*ranger);
    if (it == rangersByCode().end())
      return std::nullopt;
    return siteByCode(p.rangers.features[it->second].siteCode);
  }
  return std::nullopt;
}

const GEOSGeometry *TownshipAttribution::locationOf(std::string_view layer, std::size_t index) const
{
  const GEOSGeometry *location = nullptr;
  m_project.visitLayer(layer, [&](const auto &l) {
    if (l.features[index].hasGeometry())
      location = l.features[index].geometry.get();
  });
  if (location || layer != m_project.rangers.name)
    return location;
  const Ranger &ranger = m_project.rangers.features[index];
  if (!ranger.code)
    return nullptr;
  auto plots = m_project.plotsByRangerCode.find(*ranger.code);
  if (plots == m_project.plotsByRangerCode.end())
    return nullptr;
  for (std::size_t j : plots->second)
    if (m_project.rangerPlots.features[j].hasGeometry())
      return m_project.rangerPlots.features[j].geometry.get();
  return nullptr;
}

std::optional<std::size_t> TownshipAttribution::siteAt(const GEOSGeometry *location) const
{
  if (!location || gis::isEmpty(location))
    return std::nullopt;
  gis::Geometry point = gis::pointOnSurface(location);
  // Distance 0 is containment (boundary included); ties go to the lower fid either way.
  rules::Nearest nearest =
      rules::nearestFeature(m_project.sites, point.get(), [](const Site &) { return true; });
  return nearest.found() ? std::optional<std::size_t>(nearest.index) : std::nullopt;
}

std::optional<std::size_t> TownshipAttribution::siteOf(std::string_view layer,
                                                       std::size_t index) const
{
  if (std::optional<std::size_t> linked = linkedSite(layer, index))
    return linked;
  return siteAt(locationOf(layer, index));
}

std::optional<std::size_t> TownshipAttribution::siteOf(const Violation &v) const
{
  std::optional<std::size_t> index;
  m_project.visitLayer(v.feature.layer,
                       [&](const auto &layer) { index = layer.findFid(v.feature.fid); });
  if (index) {
    if (std::optional<std::size_t> site = siteOf(v.feature.layer, *index))
      return site;
  }
  if (v.wkt.empty())
    return std::nullopt;
  gis::Geometry location = gis::fromWkt(v.wkt);
  return siteAt(location.get());
}

std::optional<std::string> TownshipAttribution::townshipOf(std::optional<std::size_t> site) const
{
  return site ? m_project.sites.features[*site].township : std::nullopt;
}

void TownshipAttribution::attribute(std::vector<Violation> &violations, int threads) const
{
  parallelFor(violations.size(), threads,
              [&](std::size_t i) { violations[i].township = townshipOf(siteOf(violations[i])); });
}

} // namespace anzhi::core
