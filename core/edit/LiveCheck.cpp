#include "core/edit/LiveCheck.h"

#include "core/RuleRegistry.h"

#include <algorithm>
#include <set>

namespace anzhi::core {

namespace {

gis::Envelope grown(const gis::Envelope &e, double by)
{
  return {e.minX - by, e.minY - by, e.maxX + by, e.maxY + by};
}

//! What one layer of the neighbourhood will hold: base features by index, edited ones by key.
struct Selection
{
  std::set<std::size_t> base;
  std::set<std::int64_t> edited;
};

} // namespace

LiveCheck::LiveCheck(std::shared_ptr<const Project> base, RuleSet rules)
    : m_base(std::move(base))
    , m_engine(std::move(rules), 1)
{
  for (const auto &[id, config] : m_engine.rules().rules)
    m_radius = std::max(m_radius, config.parameters->reachM());
  const auto &rangers = m_base->rangers.features;
  for (std::size_t i = 0; i < rangers.size(); ++i)
    if (rangers[i].code)
      m_rangerByCode.try_emplace(*rangers[i].code, i);
  const auto &sites = m_base->sites.features;
  for (std::size_t i = 0; i < sites.size(); ++i)
    if (sites[i].code)
      m_siteByCode.try_emplace(*sites[i].code, i); // first site of a code, as the rules do
}

std::unique_ptr<Project> LiveCheck::neighbourhood(const EditBuffer &buffer,
                                                  const gis::Envelope &scope,
                                                  const std::set<std::string> &layers) const
{
  auto wanted = [&](const std::string &layer) { return layers.empty() || layers.count(layer); };
  const Project &base = *m_base;
  std::map<std::string, Selection> chosen;
  // Edited features of a layer whose geometry meets box; deleted ones never.
  auto editedIn = [&](const std::string &layer, const gis::Envelope &box, Selection &sel) {
    auto from = buffer.changes().lower_bound(FeatureKey{layer, INT64_MIN});
    for (auto it = from; it != buffer.changes().end() && it->first.layer == layer; ++it)
      if (it->second.kind == Slot::Kind::State && it->second.state->geometry &&
          !gis::isEmpty(it->second.state->geometry.get()) &&
          gis::envelope(it->second.state->geometry.get()).intersects(box))
        sel.edited.insert(it->first.fid);
  };
  auto isEdited = [&](const std::string &layer, std::int64_t fid) {
    return buffer.changes().count(FeatureKey{layer, fid}) > 0;
  };
  auto baseIn = [&](const std::string &layer, const gis::Envelope &box, Selection &sel) {
    for (std::size_t i : candidatesIn(base, layer, box))
      if (!isEdited(layer, infoOf(base, layer, i).fid))
        sel.base.insert(i);
  };
  auto take = [&](const std::string &layer, const gis::Envelope &box) {
    if (!base.hasLayer(layer) || !wanted(layer))
      return;
    Selection &sel = chosen[layer];
    baseIn(layer, box, sel);
    editedIn(layer, box, sel);
  };
  // The envelope of everything of `layer` meeting the scope, with the scope.
  auto closure = [&](const std::string &layer) {
    gis::Envelope box = scope;
    if (!base.hasLayer(layer))
      return box;
    Selection first;
    baseIn(layer, scope, first);
    editedIn(layer, scope, first);
    for (std::size_t i : first.base)
      box.expandToInclude(infoOf(base, layer, i).envelope);
    for (std::int64_t fid : first.edited)
      box.expandToInclude(gis::envelope(buffer.slot(FeatureKey{layer, fid}).state->geometry.get()));
    return box;
  };

  gis::Envelope plotBox = closure("planned_plots");
  take("planned_plots", plotBox);
  take("buildings", plotBox);
  take("ranger_plots", closure("ranger_plots"));
  take("resettlement_sites", grown(scope, m_radius));
  take("rangers", grown(scope, m_radius));
  for (const char *layer : {"schools", "school_catchments", "clinics", "service_points"})
    take(layer, grown(scope, 2 * m_radius));
  for (const char *layer :
       {"elderly_care", "industrial_parks", "reclaimed_homesteads", "forest_land"})
    take(layer, scope);

  // Rangers: every ranger of a chosen plot, every plot of a chosen ranger, a ranger's site.
  if (base.hasLayer("rangers") && base.hasLayer("ranger_plots") && wanted("ranger_plots")) {
    Selection &rangers = chosen["rangers"];
    Selection &plots = chosen["ranger_plots"];
    std::set<std::string> codes;
    auto stateText = [&](const std::string &layer, std::int64_t fid, const char *field) {
      return textOf(buffer.slot(FeatureKey{layer, fid}).state->attributes, field);
    };
    for (std::size_t i : plots.base)
      if (const auto &c = base.rangerPlots.features[i].rangerCode)
        codes.insert(*c);
    for (std::int64_t fid : plots.edited)
      if (auto c = stateText("ranger_plots", fid, "ranger_code"))
        codes.insert(*c);
    for (std::size_t i : rangers.base)
      if (const auto &c = base.rangers.features[i].code)
        codes.insert(*c);
    for (std::int64_t fid : rangers.edited)
      if (auto c = stateText("rangers", fid, "code"))
        codes.insert(*c);
    for (const std::string &code : codes) {
      auto r = m_rangerByCode.find(code);
      if (r != m_rangerByCode.end() && !isEdited("rangers", base.rangers.features[r->second].fid))
        rangers.base.insert(r->second);
      auto p = base.plotsByRangerCode.find(code);
      if (p != base.plotsByRangerCode.end())
        for (std::size_t i : p->second)
          if (!isEdited("ranger_plots", base.rangerPlots.features[i].fid))
            plots.base.insert(i);
    }
    // Edited rangers and plots anywhere that carry one of these codes.
    for (const auto &[key, slot] : buffer.changes()) {
      if (slot.kind != Slot::Kind::State)
        continue;
      if (key.layer == "rangers" &&
          codes.count(textOf(slot.state->attributes, "code").value_or("")))
        rangers.edited.insert(key.fid);
      if (key.layer == "ranger_plots" &&
          codes.count(textOf(slot.state->attributes, "ranger_code").value_or("")))
        plots.edited.insert(key.fid);
    }
    if (base.hasLayer("resettlement_sites")) {
      Selection &sites = chosen["resettlement_sites"];
      for (std::size_t i : rangers.base)
        if (const auto &s = base.rangers.features[i].siteCode) {
          auto it = m_siteByCode.find(*s);
          if (it != m_siteByCode.end() &&
              !isEdited("resettlement_sites", base.sites.features[it->second].fid))
            sites.base.insert(it->second);
        }
    }
  }

  auto p = std::make_unique<Project>();
  p->path = base.path;
  p->workingCrs = base.workingCrs;
  p->terrain = base.terrain;
  const LandUseMapping &landUse = *m_engine.rules().landUse;
  std::set<FeatureKey> baseKeys;
  for (const LayerSpec &spec : editableLayers()) {
    const Selection &sel = chosen[spec.name];
    for (std::size_t i : sel.base) {
      appendCopy(*p, base, spec.name, i);
      baseKeys.insert({spec.name, infoOf(base, spec.name, i).fid});
    }
    for (std::int64_t fid : sel.edited) {
      const FeatureState &state = *buffer.slot(FeatureKey{spec.name, fid}).state;
      gis::Geometry g = state.geometry ? gis::clone(state.geometry.get()) : nullptr;
      if (g && !gis::isEmpty(g.get())) {
        gis::ValidityReport report = gis::validity(g.get());
        if (!report.valid) {
          InvalidGeometry bad{spec.name, fid, textOf(state.attributes, "code"), report.reason,
                              nullptr};
          if (report.x && report.y)
            bad.location = gis::makePoint(*report.x, *report.y);
          g = gis::makeValid(g.get(), spec.kind != gis::GeometryKind::Point);
          bad.repaired = true;
          p->invalidGeometries.push_back(std::move(bad));
        }
      }
      appendFeature(*p, spec.name, fid, std::move(g), state.attributes, landUse);
    }
    finishLayer(*p, spec.name, base.hasLayer(spec.name));
  }
  for (const InvalidGeometry &bad : base.invalidGeometries)
    if (baseKeys.count({bad.layer, bad.fid})) {
      InvalidGeometry copy{bad.layer,
                           bad.fid,
                           bad.code,
                           bad.reason,
                           bad.location ? gis::clone(bad.location.get()) : nullptr,
                           bad.repaired};
      p->invalidGeometries.push_back(std::move(copy));
    }
  const auto &plots = p->rangerPlots.features;
  for (std::size_t i = 0; i < plots.size(); ++i)
    if (plots[i].rangerCode)
      p->plotsByRangerCode[*plots[i].rangerCode].push_back(i);
  return p;
}

std::vector<Violation> LiveCheck::check(const EditBuffer &buffer, const gis::Envelope &scope,
                                        const std::vector<std::string> &layers) const
{
  std::vector<std::string> rules;
  for (const std::string &layer : layers)
    for (const std::string &id : rulesReading(layer))
      if (!findRule(id)->descriptor().countyWide &&
          std::find(rules.begin(), rules.end(), id) == rules.end())
        rules.push_back(id);
  // Only the layers these rules read (and the edited ones, for invalid-geometry).
  std::set<std::string> read(layers.begin(), layers.end());
  for (const std::string &id : rules)
    for (const std::string &layer : findRule(id)->descriptor().layersRead)
      read.insert(layer);
  std::unique_ptr<Project> near = neighbourhood(buffer, scope, read);
  std::vector<Violation> found = m_engine.checkScope(*near, scope, rules);
  // invalid-geometry ignores the scope (it lists what the load found): keep the scope's own.
  std::erase_if(found, [&](const Violation &v) {
    if (v.rule != "invalid-geometry")
      return false;
    for (const std::string &layer : layers)
      if (v.feature.layer == layer)
        return false;
    return true;
  });
  return found;
}

LiveCheck::Delta LiveCheck::checkEdit(const EditBuffer &before, const EditBuffer &after,
                                      const std::vector<FeatureKey> &changed) const
{
  const Project &base = *m_base;
  std::optional<gis::Envelope> scope;
  auto add = [&](const gis::Envelope &e) {
    if (scope)
      scope->expandToInclude(e);
    else
      scope = e;
  };
  std::vector<std::string> layers;
  std::set<std::string> rangerCodes;
  auto note = [&](const std::string &layer, const std::optional<std::string> &code) {
    if (code && (layer == "rangers" || layer == "ranger_plots"))
      rangerCodes.insert(*code);
  };
  const char *codeField = nullptr;
  for (const FeatureKey &key : changed) {
    if (std::find(layers.begin(), layers.end(), key.layer) == layers.end())
      layers.push_back(key.layer);
    codeField = key.layer == "ranger_plots" ? "ranger_code" : "code";
    // A facility serves the sites within R of it: those are the features to re-check.
    const bool facility = key.layer == "schools" || key.layer == "school_catchments" ||
                          key.layer == "clinics" || key.layer == "service_points" ||
                          key.layer == "elderly_care" || key.layer == "industrial_parks";
    auto addFeature = [&](const gis::Envelope &e) { add(facility ? grown(e, m_radius) : e); };
    for (const EditBuffer *b : {&before, &after}) {
      Slot slot = b->slot(key);
      if (slot.kind == Slot::Kind::State) {
        if (slot.state->geometry && !gis::isEmpty(slot.state->geometry.get()))
          addFeature(gis::envelope(slot.state->geometry.get()));
        note(key.layer, textOf(slot.state->attributes, codeField));
      } else if (slot.kind == Slot::Kind::Base) {
        if (auto i = findFid(base, key.layer, key.fid)) {
          FeatureInfo info = infoOf(base, key.layer, *i);
          if (info.hasGeometry)
            addFeature(info.envelope);
          if (key.layer == "ranger_plots" || key.layer == "rangers")
            note(key.layer, textOf(attributesOf(base, key.layer, *i), codeField));
        }
      }
    }
  }
  // A ranger whose plots change is re-checked wherever the ranger and the other plots are.
  for (const std::string &code : rangerCodes) {
    if (auto r = m_rangerByCode.find(code); r != m_rangerByCode.end()) {
      const Ranger &ranger = base.rangers.features[r->second];
      if (ranger.hasGeometry())
        add(ranger.envelope);
    }
    if (auto p = base.plotsByRangerCode.find(code); p != base.plotsByRangerCode.end())
      for (std::size_t i : p->second)
        if (base.rangerPlots.features[i].hasGeometry())
          add(base.rangerPlots.features[i].envelope);
  }
  Delta delta;
  if (!scope)
    return delta;
  delta.scope = *scope;
  delta.before = check(before, *scope, layers);
  delta.after = check(after, *scope, layers);
  return delta;
}

ViolationKey keyOf(const Violation &v)
{
  return {v.rule,
          v.feature.layer,
          v.feature.fid,
          v.other ? v.other->layer : std::string(),
          v.other ? v.other->fid : 0,
          v.level.value_or("")};
}

void LiveViolations::replace(const std::vector<Violation> &before, std::vector<Violation> after)
{
  for (const Violation &v : before)
    m_violations.erase(keyOf(v));
  for (Violation &v : after)
    m_violations.insert_or_assign(keyOf(v), std::move(v));
}

std::vector<Violation> LiveViolations::list() const
{
  std::vector<Violation> out;
  out.reserve(m_violations.size());
  for (const auto &[key, v] : m_violations)
    out.push_back(v);
  return out;
}

} // namespace anzhi::core
