#include "core/edit/RangerTotals.h"

#include "gis/EllipsoidalArea.h"

#include <limits>
#include <map>

namespace anzhi::core {

namespace {

//! The geometries of the plots of `code` in the edited project (base ones not edited, then
//! edited ones).
std::vector<SharedGeometry> plotsOf(const Project &base, const EditBuffer &buffer,
                                    const std::string &code)
{
  std::vector<SharedGeometry> out;
  auto it = base.plotsByRangerCode.find(code);
  if (it != base.plotsByRangerCode.end())
    for (std::size_t i : it->second) {
      const RangerPlot &plot = base.rangerPlots.features[i];
      if (!buffer.changes().count({"ranger_plots", plot.fid}) && plot.hasGeometry())
        // Borrowed: the base snapshot outlives this call.
        out.emplace_back(plot.geometry.get(), [](const GEOSGeometry *) {});
    }
  for (const auto &[key, slot] : buffer.changes())
    if (key.layer == "ranger_plots" && slot.kind == Slot::Kind::State && slot.state->geometry &&
        textOf(slot.state->attributes, "ranger_code") == code)
      out.push_back(slot.state->geometry);
  return out;
}

double unionArea(const gis::Crs &crs, const std::vector<const GEOSGeometry *> &parts)
{
  if (parts.empty())
    return 0;
  const gis::EllipsoidalArea &area = gis::EllipsoidalArea::forThread(crs);
  if (parts.size() == 1)
    return area.squareMetres(parts.front());
  gis::Geometry united = gis::unionAll(parts);
  return area.squareMetres(united.get());
}

} // namespace

std::vector<FeatureKey> plotsOfRanger(const Project &base, const EditBuffer &buffer,
                                      const std::string &code)
{
  std::vector<FeatureKey> keys;
  if (auto it = base.plotsByRangerCode.find(code); it != base.plotsByRangerCode.end())
    for (std::size_t i : it->second) {
      FeatureKey key{"ranger_plots", base.rangerPlots.features[i].fid};
      if (!buffer.changes().count(key))
        keys.push_back(std::move(key));
    }
  for (const auto &[key, slot] : buffer.changes())
    if (key.layer == "ranger_plots" && slot.kind == Slot::Kind::State &&
        textOf(slot.state->attributes, "ranger_code") == code)
      keys.push_back(key);
  return keys;
}

double RangerTotal::mu() const
{
  return gis::EllipsoidalArea::toMu(areaM2);
}

double rangerAreaM2(const Project &base, const EditBuffer &buffer, const std::string &code,
                    const GEOSGeometry *extra)
{
  std::vector<SharedGeometry> plots = plotsOf(base, buffer, code);
  std::vector<const GEOSGeometry *> parts;
  for (const auto &g : plots)
    parts.push_back(g.get());
  if (extra && gis::isPolygonal(extra))
    parts.push_back(extra);
  return unionArea(base.workingCrs, parts);
}

std::vector<RangerTotal> rangerTotals(const Project &base, const EditBuffer &buffer,
                                      const std::set<std::string> *codes)
{
  // The rangers of the edited project: base ones not edited, then edited ones.
  std::vector<RangerTotal> out;
  std::map<std::string, SharedGeometry> residence;
  auto add = [&](FeatureKey key, const Attributes &a, SharedGeometry g) {
    std::optional<std::string> code = textOf(a, "code");
    if (!code || (codes && !codes->count(*code)))
      return;
    RangerTotal t;
    t.key = std::move(key);
    t.code = *code;
    t.name = textOf(a, "name");
    t.siteCode = textOf(a, "site_code");
    t.status = textOf(a, "status");
    if (g)
      residence[t.code] = std::move(g);
    out.push_back(std::move(t));
  };
  for (std::size_t i = 0; i < base.rangers.features.size(); ++i) {
    const Ranger &r = base.rangers.features[i];
    if (!r.code || (codes && !codes->count(*r.code)) || buffer.changes().count({"rangers", r.fid}))
      continue;
    SharedGeometry g;
    if (r.hasGeometry())
      g = SharedGeometry(r.geometry.get(), [](const GEOSGeometry *) {});
    add({"rangers", r.fid}, attributesOf(base, "rangers", i), g);
  }
  for (const auto &[key, slot] : buffer.changes())
    if (key.layer == "rangers" && slot.kind == Slot::Kind::State)
      add(key, slot.state->attributes, slot.state->geometry);
  std::map<std::string, std::size_t> siteByCode;
  for (std::size_t i = base.sites.features.size(); i-- > 0;)
    if (base.sites.features[i].code)
      siteByCode[*base.sites.features[i].code] = i;
  for (RangerTotal &t : out) {
    std::vector<SharedGeometry> plots = plotsOf(base, buffer, t.code);
    std::vector<const GEOSGeometry *> parts;
    for (const auto &g : plots)
      parts.push_back(g.get());
    t.plots = int(parts.size());
    t.areaM2 = unionArea(base.workingCrs, parts);
    const GEOSGeometry *home = nullptr;
    if (auto it = residence.find(t.code); it != residence.end() && !gis::isEmpty(it->second.get()))
      home = it->second.get();
    else if (t.siteCode)
      if (auto s = siteByCode.find(*t.siteCode); s != siteByCode.end())
        home = base.sites.features[s->second].geometry.get();
    if (home && !parts.empty()) {
      double nearest = std::numeric_limits<double>::infinity();
      for (const GEOSGeometry *p : parts)
        nearest = std::min(nearest, gis::distance(home, p));
      t.distanceM = nearest;
    }
  }
  return out;
}

void RankedRangerTotals::put(RangerTotal total)
{
  std::string code = total.code;
  erase(code);
  auto it = m_byCode.emplace(std::move(code), std::move(total)).first;
  m_byArea.insert(&it->second);
}

void RankedRangerTotals::erase(const std::string &code)
{
  auto it = m_byCode.find(code);
  if (it == m_byCode.end())
    return;
  m_byArea.erase(&it->second);
  m_byCode.erase(it);
}

const RangerTotal *RankedRangerTotals::find(const std::string &code) const
{
  auto it = m_byCode.find(code);
  return it == m_byCode.end() ? nullptr : &it->second;
}

} // namespace anzhi::core
