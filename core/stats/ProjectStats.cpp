#include "core/stats/ProjectStats.h"

#include "core/Parallel.h"
#include "core/RuleRegistry.h"
#include "core/Township.h"
#include "core/edit/RangerTotals.h"
#include "core/rules/LinkageBalance.h"
#include "core/rules/RangerChecks.h"
#include "core/rules/SchoolChecks.h"
#include "core/rules/SchoolCoverage.h"
#include "gis/EllipsoidalArea.h"

#include <map>

namespace anzhi::core {

namespace {

HomesteadStatus statusOf(const std::optional<std::string> &status)
{
  if (status == "pending")
    return HomesteadStatus::Pending;
  if (status == "demolished")
    return HomesteadStatus::Demolished;
  if (status == "reclaimed")
    return HomesteadStatus::Reclaimed;
  return HomesteadStatus::Other;
}

//! Rows by township name; sites without one (and features attributed to no site) share the
//! unnamed row.
class Rows
{
public:
  explicit Rows(const Project &project)
      : m_project(project)
  {
  }
  //! The row of a site's township; references stay valid while rows are added.
  StatsFigures &of(std::optional<std::size_t> site)
  {
    if (site) {
      const std::optional<std::string> &name = m_project.sites.features[*site].township;
      if (name && !name->empty())
        return m_named[*name];
    }
    m_hasUnnamed = true;
    return m_unnamed;
  }
  ProjectStats finish(double minMu) const
  {
    ProjectStats stats;
    stats.minMu = minMu;
    for (const auto &[name, figures] : m_named)
      stats.townships.push_back({name, figures});
    if (m_hasUnnamed)
      stats.townships.push_back({std::nullopt, m_unnamed});
    for (const TownshipStats &t : stats.townships)
      stats.total.add(t.figures);
    return stats;
  }

private:
  const Project &m_project;
  std::map<std::string, StatsFigures> m_named;
  StatsFigures m_unnamed;
  bool m_hasUnnamed = false;
};

//! The site each feature of a layer belongs to, in parallel.
template<typename F>
std::vector<std::optional<std::size_t>> sitesOf(const TownshipAttribution &attribution,
                                                const Layer<F> &layer, int threads)
{
  std::vector<std::optional<std::size_t>> sites(layer.features.size());
  parallelFor(layer.features.size(), threads,
              [&](std::size_t i) { sites[i] = attribution.siteOf(layer.name, i); });
  return sites;
}

//! The protected-land rule's overlaps (one per taking of a protected plot), run as the check
//! runs it, so that the statistics and the report agree.
std::vector<Violation> protectedLandOverlaps(const Project &project, const RuleSet &rules,
                                             const Progress *progress)
{
  const Rule *rule = findRule("protected-land");
  if (!rule || !project.plots.present)
    return {};
  RuleContext ctx(project, rules, rules.config(rule->id()), progress, std::nullopt);
  return rule->run(ctx).violations;
}

} // namespace

const char *statusName(HomesteadStatus status)
{
  switch (status) {
  case HomesteadStatus::Pending:
    return "pending";
  case HomesteadStatus::Demolished:
    return "demolished";
  case HomesteadStatus::Reclaimed:
    return "reclaimed";
  case HomesteadStatus::Other:
    break;
  }
  return "other";
}

double StatsFigures::mu(double squareMetres)
{
  return gis::EllipsoidalArea::toMu(squareMetres);
}

void StatsFigures::add(const StatsFigures &o)
{
  sites += o.sites;
  households += o.households;
  population += o.population;
  for (std::size_t c = 0; c < plannedM2.size(); ++c)
    plannedM2[c] += o.plannedM2[c];
  protectedTakenM2 += o.protectedTakenM2;
  primarySeats += o.primarySeats;
  juniorSeats += o.juniorSeats;
  nineYearSeats += o.nineYearSeats;
  primaryPupils += o.primaryPupils;
  juniorPupils += o.juniorPupils;
  rangers += o.rangers;
  rangersWithoutPlot += o.rangersWithoutPlot;
  rangersBelowMin += o.rangersBelowMin;
  rangersAtOrAboveMin += o.rangersAtOrAboveMin;
  rangerAreaM2 += o.rangerAreaM2;
  rangerDeficitM2 += o.rangerDeficitM2;
  for (std::size_t s = 0; s < homesteads.size(); ++s) {
    homesteads[s].count += o.homesteads[s].count;
    homesteads[s].areaM2 += o.homesteads[s].areaM2;
  }
  reclaimedM2 += o.reclaimedM2;
}

ProjectStats computeStats(const Project &project, const RuleSet &rules, int threads,
                          const Progress *progress)
{
  const TownshipAttribution attribution(project);
  Rows rows(project);
  const gis::Crs &crs = project.workingCrs;

  const auto &rates = rules.parameters<rules::SchoolCapacityParameters>("school-capacity");
  for (std::size_t i = 0; i < project.sites.features.size(); ++i) {
    const Site &site = project.sites.features[i];
    StatsFigures &row = rows.of(i);
    ++row.sites;
    row.households += site.households.value_or(0);
    row.population += site.population.value_or(0);
    row.primaryPupils += rules::pupilsOf(rates, site, rules::SchoolLevel::Primary);
    row.juniorPupils += rules::pupilsOf(rates, site, rules::SchoolLevel::Junior);
  }

  throwIfCancelled(progress);
  const std::vector<std::optional<std::size_t>> plotSites =
      sitesOf(attribution, project.plots, threads);
  std::vector<double> plotAreas(project.plots.features.size(), 0.0);
  parallelFor(plotAreas.size(), threads, [&](std::size_t i) {
    const PlannedPlot &plot = project.plots.features[i];
    if (plot.hasGeometry())
      plotAreas[i] = gis::EllipsoidalArea::forThread(crs).squareMetres(plot.geometry.get());
  });
  for (std::size_t i = 0; i < plotAreas.size(); ++i)
    rows.of(plotSites[i]).plannedM2[std::size_t(project.plots.features[i].landUseClass)] +=
        plotAreas[i];

  throwIfCancelled(progress);
  for (const Violation &v : protectedLandOverlaps(project, rules, progress))
    if (std::optional<std::size_t> plot = project.plots.findFid(v.feature.fid))
      rows.of(plotSites[*plot]).protectedTakenM2 += v.areaM2.value_or(0);

  const std::vector<std::optional<std::size_t>> schoolSites =
      sitesOf(attribution, project.schools, threads);
  for (std::size_t i = 0; i < project.schools.features.size(); ++i) {
    const School &school = project.schools.features[i];
    const std::int64_t seats = school.capacity.value_or(0) - school.enrolled.value_or(0);
    StatsFigures &row = rows.of(schoolSites[i]);
    if (school.level == "primary" || school.level == "nine_year")
      row.primarySeats += seats;
    if (school.level == "junior" || school.level == "nine_year")
      row.juniorSeats += seats;
    if (school.level == "nine_year")
      row.nineYearSeats += seats;
  }

  throwIfCancelled(progress);
  const double minMu = rules.parameters<rules::RangerAreaParameters>("ranger-area").minMu;
  const double minM2 = minMu * gis::kSquareMetresPerMu;
  const std::vector<std::optional<std::size_t>> rangerSites =
      sitesOf(attribution, project.rangers, threads);
  std::vector<double> rangerAreas(project.rangers.features.size(), 0.0);
  std::vector<bool> rangerHasPlot(rangerAreas.size(), false);
  const EditBuffer unedited{};
  parallelFor(rangerAreas.size(), threads, [&](std::size_t i) {
    const Ranger &ranger = project.rangers.features[i];
    if (!ranger.code || !project.plotsByRangerCode.count(*ranger.code))
      return;
    rangerHasPlot[i] = true;
    rangerAreas[i] = rangerAreaM2(project, unedited, *ranger.code);
  });
  for (std::size_t i = 0; i < rangerAreas.size(); ++i) {
    StatsFigures &row = rows.of(rangerSites[i]);
    ++row.rangers;
    if (!rangerHasPlot[i]) {
      ++row.rangersWithoutPlot;
      continue;
    }
    row.rangerAreaM2 += rangerAreas[i];
    if (rangerAreas[i] < minM2) {
      ++row.rangersBelowMin;
      row.rangerDeficitM2 += minM2 - rangerAreas[i];
    } else {
      ++row.rangersAtOrAboveMin;
    }
  }

  throwIfCancelled(progress);
  const std::vector<std::optional<std::size_t>> homesteadSites =
      sitesOf(attribution, project.homesteads, threads);
  std::vector<double> homesteadAreas(project.homesteads.features.size(), 0.0);
  parallelFor(homesteadAreas.size(), threads, [&](std::size_t i) {
    const Homestead &h = project.homesteads.features[i];
    if (h.hasGeometry())
      homesteadAreas[i] =
          gis::EllipsoidalArea::forThread(crs).squareMetresSmallRingsAuthalic(h.geometry.get());
  });
  std::map<StatsFigures *, std::vector<const GEOSGeometry *>> reclaimedByRow;
  for (std::size_t i = 0; i < homesteadAreas.size(); ++i) {
    const Homestead &h = project.homesteads.features[i];
    StatsFigures &row = rows.of(homesteadSites[i]);
    const HomesteadStatus status = statusOf(h.status);
    ++row.homesteads[std::size_t(status)].count;
    row.homesteads[std::size_t(status)].areaM2 += homesteadAreas[i];
    if (status == HomesteadStatus::Reclaimed && h.hasGeometry())
      reclaimedByRow[&row].push_back(h.geometry.get());
  }
  for (auto &[row, parts] : reclaimedByRow)
    row->reclaimedM2 = rules::unionAreaM2(parts, crs);

  return rows.finish(minMu);
}

} // namespace anzhi::core
