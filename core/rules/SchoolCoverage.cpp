#include "core/rules/SchoolCoverage.h"
#include "core/rules/SchoolChecks.h"

#include "core/network/Router.h"

#include <algorithm>

namespace anzhi::core::rules {

namespace {

std::size_t levelIndex(SchoolLevel level)
{
  return level == SchoolLevel::Primary ? 0 : 1;
}

const BySetting &maxMinutesOf(const SchoolCoverageParameters &p, SchoolLevel level)
{
  return level == SchoolLevel::Primary ? p.maxMinutesPrimary : p.maxMinutesJunior;
}

} // namespace

const char *levelName(SchoolLevel level)
{
  return level == SchoolLevel::Primary ? "primary" : "junior";
}

std::int64_t pupilsOf(const SchoolCapacityParameters &rates, const Site &site, SchoolLevel level)
{
  const std::optional<std::int64_t> &given =
      level == SchoolLevel::Primary ? site.pupilsPrimary : site.pupilsJunior;
  if (given)
    return *given;
  const ExactRate &rate = level == SchoolLevel::Primary ? rates.primary : rates.junior;
  return rate.floorTimes(site.population.value_or(0));
}

double SchoolCoverageParameters::reachM() const
{
  double reach = std::max(primary.largest(), junior.largest());
  for (bool primaryLevel : {true, false}) {
    if (!network(primaryLevel))
      continue;
    // No leg of a trip is faster than the fastest speed, so a trip within the limit stays
    // within this straight-line distance of where it starts.
    double fastest = walkKmh;
    for (const auto &[roadClass, kmh] : primaryLevel ? speedPrimary : speedJunior)
      fastest = std::max(fastest, kmh);
    const BySetting &limit = primaryLevel ? maxMinutesPrimary : maxMinutesJunior;
    reach = std::max(reach, network::metresPerMinute(fastest) * limit.largest());
  }
  return reach;
}

std::unique_ptr<network::RoadGraph> roadGraphOf(const Project &project)
{
  std::vector<const GEOSGeometry *> lines;
  for (const Road &road : project.roads.features)
    lines.push_back(road.hasGeometry() ? road.geometry.get() : nullptr);
  return std::make_unique<network::RoadGraph>(lines);
}

SchoolCoverage::SchoolCoverage(const RuleContext &ctx)
    : m_ctx(ctx)
    , m_parameters(ctx.rules.parameters<SchoolCoverageParameters>("school-coverage"))
{
  const Project &p = ctx.project;
  m_hasCatchment.assign(p.schools.features.size(), false);
  for (std::size_t i = 0; i < p.schools.features.size(); ++i)
    if (p.schools.features[i].code)
      m_schoolsByCode.emplace(*p.schools.features[i].code, i);
  if (p.catchments.present) {
    for (const Catchment &c : p.catchments.features) {
      if (!c.schoolCode)
        continue;
      auto [first, last] = m_schoolsByCode.equal_range(*c.schoolCode);
      for (auto it = first; it != last; ++it)
        m_hasCatchment[it->second] = true;
    }
  }
  if (!byNetwork(SchoolLevel::Primary) && !byNetwork(SchoolLevel::Junior))
    return;
  m_roads = roadGraphOf(p);
  m_sitePoints.resize(p.sites.features.size());
  for (std::size_t i = 0; i < m_sitePoints.size(); ++i)
    if (p.sites.features[i].hasGeometry())
      m_sitePoints[i] = gis::pointXY(gis::pointOnSurface(p.sites.features[i].geometry.get()).get());
  const network::AccessRules access{m_parameters.walkKmh, m_parameters.maxAccessM};
  for (SchoolLevel level : {SchoolLevel::Primary, SchoolLevel::Junior}) {
    if (!byNetwork(level))
      continue;
    std::vector<std::optional<network::XY>> schools(p.schools.features.size());
    for (std::size_t s = 0; s < schools.size(); ++s) {
      const School &school = p.schools.features[s];
      if (school.hasGeometry() && serves(school, level))
        schools[s] = gis::pointXY(school.geometry.get());
    }
    const bool primaryLevel = level == SchoolLevel::Primary;
    Level &routing = m_levels[levelIndex(level)];
    routing.speeds = m_roads->edgeSpeeds([&](std::size_t road) {
      return m_parameters.kmh(primaryLevel, p.roads.features[road].roadClass);
    });
    routing.reach = network::travelTimes(*m_roads, routing.speeds, schools, m_sitePoints, access,
                                         searchMinutes(level));
    routing.schools = std::make_unique<network::Arrivals>(*m_roads, schools, access);
    routing.router = std::make_unique<network::Router>(*m_roads, routing.speeds);
  }
}

SchoolCoverage::~SchoolCoverage() = default;

bool SchoolCoverage::serves(const School &school, SchoolLevel level) const
{
  return school.level && (*school.level == levelName(level) || *school.level == "nine_year");
}

bool SchoolCoverage::byNetwork(SchoolLevel level) const
{
  return m_parameters.network(level == SchoolLevel::Primary);
}

std::optional<double> SchoolCoverage::maxMinutes(const Site &site, SchoolLevel level) const
{
  return maxMinutesOf(m_parameters, level).forSetting(site.setting);
}

double SchoolCoverage::maxAccessM() const
{
  return m_parameters.maxAccessM;
}

double SchoolCoverage::searchMinutes(SchoolLevel level) const
{
  return maxMinutesOf(m_parameters, level).largest();
}

std::optional<double> SchoolCoverage::minutesTo(std::size_t site, SchoolLevel level,
                                                std::size_t school) const
{
  const auto &bySite = m_levels[levelIndex(level)].reach;
  if (bySite.empty())
    return std::nullopt;
  const std::vector<network::Reach> &reached = bySite[site];
  auto it = std::lower_bound(reached.begin(), reached.end(), school,
                             [](const network::Reach &r, std::size_t s) { return r.origin < s; });
  if (it == reached.end() || it->origin != school)
    return std::nullopt;
  return it->minutes;
}

std::optional<double> SchoolCoverage::leastMinutes(std::size_t site, SchoolLevel level) const
{
  const Level &routing = m_levels[levelIndex(level)];
  if (routing.reach.empty() || !m_sitePoints[site])
    return std::nullopt;
  if (routing.reach[site].empty()) {
    const network::AccessRules access{m_parameters.walkKmh, m_parameters.maxAccessM};
    std::optional<network::Reach> quickest =
        network::quickest(*routing.router, *routing.schools, *m_sitePoints[site], access);
    return quickest ? std::optional<double>(quickest->minutes) : std::nullopt;
  }
  double least = routing.reach[site].front().minutes;
  for (const network::Reach &r : routing.reach[site])
    least = std::min(least, r.minutes);
  return least;
}

SchoolCoverage::Cover SchoolCoverage::cover(std::size_t siteIndex, SchoolLevel level) const
{
  Cover result;
  const Project &p = m_ctx.project;
  const Site &site = p.sites.features[siteIndex];
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
  if (byNetwork(level)) {
    if (std::optional<double> limit = maxMinutes(site, level))
      for (const network::Reach &r : m_levels[levelIndex(level)].reach[siteIndex])
        if (!m_hasCatchment[r.origin] && r.minutes <= *limit)
          result.schools.push_back(r.origin);
  } else if (std::optional<double> radius = this->radius(site, level)) {
    // school-capacity assigns pupils by this coverage too: the radii are school-coverage's.
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

std::vector<CoverLink> SchoolCoverage::links(std::size_t siteIndex, SchoolLevel level) const
{
  std::vector<CoverLink> result;
  const Cover cover = this->cover(siteIndex, level);
  if (!cover.covered())
    return result;
  const Project &p = m_ctx.project;
  gis::PreparedGeometry prepared(p.sites.features[siteIndex].geometry.get());
  const double radiusLimit =
      (level == SchoolLevel::Primary ? m_parameters.primary : m_parameters.junior).largest();
  for (std::size_t s : cover.schools) {
    const School &school = p.schools.features[s];
    double cost = 0;
    if (byNetwork(level))
      cost = minutesTo(siteIndex, level, s).value_or(searchMinutes(level));
    else
      cost = school.hasGeometry() ? prepared.distance(school.geometry.get()) : radiusLimit;
    result.push_back({s, cost});
  }
  return result;
}

std::vector<std::vector<CoverLink>>
SchoolCoverage::newSchoolLinks(SchoolLevel level, std::span<const network::XY> points) const
{
  const Project &p = m_ctx.project;
  std::vector<std::vector<CoverLink>> bySite(p.sites.features.size());
  if (byNetwork(level)) {
    const std::vector<std::optional<network::XY>> origins(points.begin(), points.end());
    const network::AccessRules access{m_parameters.walkKmh, m_parameters.maxAccessM};
    const std::vector<std::vector<network::Reach>> reach =
        network::travelTimes(*m_roads, m_levels[levelIndex(level)].speeds, origins, m_sitePoints,
                             access, searchMinutes(level));
    for (std::size_t i = 0; i < bySite.size(); ++i)
      if (std::optional<double> limit = maxMinutes(p.sites.features[i], level))
        for (const network::Reach &r : reach[i])
          if (r.minutes <= *limit)
            bySite[i].push_back({r.origin, r.minutes});
    return bySite;
  }
  std::vector<gis::Geometry> geometries;
  for (const auto &[x, y] : points)
    geometries.push_back(gis::makePoint(x, y));
  for (std::size_t i = 0; i < bySite.size(); ++i) {
    const Site &site = p.sites.features[i];
    const std::optional<double> radius = this->radius(site, level);
    if (!site.hasGeometry() || !radius)
      continue;
    gis::PreparedGeometry prepared(site.geometry.get());
    for (std::size_t k = 0; k < geometries.size(); ++k)
      if (prepared.withinDistance(geometries[k].get(), *radius))
        bySite[i].push_back({k, prepared.distance(geometries[k].get())});
  }
  return bySite;
}

Nearest SchoolCoverage::nearest(const Site &site, SchoolLevel level) const
{
  return nearestFeature(m_ctx.project.schools, site.geometry.get(),
                        [&](const School &s) { return s.hasGeometry() && serves(s, level); });
}

std::optional<double> SchoolCoverage::radius(const Site &site, SchoolLevel level) const
{
  return (level == SchoolLevel::Primary ? m_parameters.primary : m_parameters.junior)
      .forSetting(site.setting);
}

} // namespace anzhi::core::rules
