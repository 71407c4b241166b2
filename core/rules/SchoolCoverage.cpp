#include "core/rules/SchoolCoverage.h"
#include "core/rules/SchoolChecks.h"

#include <algorithm>

namespace anzhi::core::rules {

const char *levelName(SchoolLevel level)
{
  return level == SchoolLevel::Primary ? "primary" : "junior";
}

SchoolCoverage::SchoolCoverage(const RuleContext &ctx)
    : m_ctx(ctx)
{
  const Project &p = ctx.project;
  m_hasCatchment.assign(p.schools.features.size(), false);
  for (std::size_t i = 0; i < p.schools.features.size(); ++i)
    if (p.schools.features[i].code)
      m_schoolsByCode.emplace(*p.schools.features[i].code, i);
  if (!p.catchments.present)
    return;
  for (const Catchment &c : p.catchments.features) {
    if (!c.schoolCode)
      continue;
    auto [first, last] = m_schoolsByCode.equal_range(*c.schoolCode);
    for (auto it = first; it != last; ++it)
      m_hasCatchment[it->second] = true;
  }
}

bool SchoolCoverage::serves(const School &school, SchoolLevel level) const
{
  return school.level && (*school.level == levelName(level) || *school.level == "nine_year");
}

SchoolCoverage::Cover SchoolCoverage::cover(const Site &site, SchoolLevel level) const
{
  Cover result;
  const Project &p = m_ctx.project;
  if (!site.hasGeometry())
    return result;
  if (p.catchments.present) {
    gis::Geometry inside = gis::pointOnSurface(site.geometry.get());
    for (std::size_t c : p.catchments.candidates(gis::envelope(inside.get()))) {
      const Catchment &catchment = p.catchments.features[c];
      if (!catchment.schoolCode || !catchment.hasGeometry() ||
          !gis::contains(catchment.geometry.get(), inside.get()))
        continue;
      auto [first, last] = m_schoolsByCode.equal_range(*catchment.schoolCode);
      for (auto it = first; it != last; ++it)
        if (serves(p.schools.features[it->second], level))
          result.schools.push_back(it->second);
    }
  }
  // school-capacity assigns pupils by this coverage too: the radii are school-coverage's.
  if (std::optional<double> radius = this->radius(site, level)) {
    gis::PreparedGeometry prepared(site.geometry.get());
    gis::Envelope e = site.envelope;
    gis::Envelope search{e.minX - *radius, e.minY - *radius, e.maxX + *radius, e.maxY + *radius};
    for (std::size_t s : p.schools.candidates(search)) {
      const School &school = p.schools.features[s];
      if (!m_hasCatchment[s] && serves(school, level) &&
          prepared.withinDistance(school.geometry.get(), *radius))
        result.schools.push_back(s);
    }
  }
  std::sort(result.schools.begin(), result.schools.end());
  result.schools.erase(std::unique(result.schools.begin(), result.schools.end()),
                       result.schools.end());
  return result;
}

Nearest SchoolCoverage::nearest(const Site &site, SchoolLevel level) const
{
  return nearestFeature(m_ctx.project.schools, site.geometry.get(),
                        [&](const School &s) { return s.hasGeometry() && serves(s, level); });
}

std::optional<double> SchoolCoverage::radius(const Site &site, SchoolLevel level) const
{
  const auto &radius = m_ctx.rules.parameters<SchoolCoverageParameters>("school-coverage");
  return (level == SchoolLevel::Primary ? radius.primary : radius.junior).forSetting(site.setting);
}

} // namespace anzhi::core::rules
