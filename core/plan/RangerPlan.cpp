#include "core/plan/RangerPlan.h"

#include "core/Parallel.h"
#include "core/plan/Contiguity.h"
#include "core/plan/RangerAssignment.h"
#include "core/plan/Reach.h"
#include "core/report/AtomicFile.h"
#include "core/report/OutputError.h"
#include "core/rules/RangerChecks.h"
#include "gis/EllipsoidalArea.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <set>
#include <unordered_map>

namespace anzhi::core::plan {

namespace {

//! Cells are measured on the authalic sphere and the engine measures the dissolved plots
//! geodesically (within 1e-3 m² per cell ring, gis/EllipsoidalArea.h): the floor the planner
//! aims at is min_mu plus this margin, so that a planned ranger passes ranger-area.
constexpr double kFloorMarginM2 = 1;

//! The rangers of the plan with their residence, and those left out with why.
struct Roster
{
  std::vector<std::size_t> planned;        //!< indices into project.rangers.features
  std::vector<const GEOSGeometry *> homes; //!< residence of each planned ranger
  std::vector<std::size_t> keptAsTheyAre;  //!< left out, plots unchanged
  std::vector<LeftOutRanger> leftOut;
};

Roster rosterOf(const Project &p, const RangerPlanOptions &options)
{
  std::unordered_map<std::string, std::size_t> siteByCode;
  for (std::size_t i = p.sites.features.size(); i-- > 0;)
    if (p.sites.features[i].code)
      siteByCode[*p.sites.features[i].code] = i; // first site of a code wins, as ranger-distance
  Roster roster;
  std::unordered_map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < p.rangers.features.size(); ++i) {
    const Ranger &ranger = p.rangers.features[i];
    if (!ranger.code) {
      roster.leftOut.push_back({ranger.codeOrFid(), "no code: plots name rangers by code"});
      continue;
    }
    if (!seen.emplace(*ranger.code, i).second) {
      roster.leftOut.push_back({ranger.codeOrFid(), "duplicate code: the first ranger of the "
                                                    "code is planned"});
      continue;
    }
    if (options.locks.rangers.count(*ranger.code)) {
      roster.keptAsTheyAre.push_back(i);
      roster.leftOut.push_back({*ranger.code, "locked: plots kept as they are"});
      continue;
    }
    const Site *site = nullptr;
    if (ranger.siteCode) {
      auto it = siteByCode.find(*ranger.siteCode);
      if (it != siteByCode.end())
        site = &p.sites.features[it->second];
    }
    if (options.township && !(site && site->township == options.township)) {
      roster.keptAsTheyAre.push_back(i);
      roster.leftOut.push_back({*ranger.code, "outside the township"});
      continue;
    }
    const GEOSGeometry *home = nullptr;
    if (ranger.hasGeometry())
      home = ranger.geometry.get();
    else if (site && site->hasGeometry())
      home = site->geometry.get();
    if (!home) {
      roster.keptAsTheyAre.push_back(i);
      roster.leftOut.push_back({*ranger.code, "no residence: neither a point nor a site"});
      continue;
    }
    roster.planned.push_back(i);
    roster.homes.push_back(home);
  }
  return roster;
}

//! Which of a ranger's plots to take: all, those the locks keep, or the others.
enum class PlotsTaken
{
  All,
  Locked,
  Unlocked
};

//! Indices into project.rangerPlots.features of the ranger's plots with a geometry.
std::vector<std::size_t> plotsOf(const Project &p, const Ranger &ranger,
                                 const RangerPlanLocks &locks, PlotsTaken taken)
{
  std::vector<std::size_t> out;
  auto it = p.plotsByRangerCode.find(*ranger.code);
  if (it == p.plotsByRangerCode.end())
    return out;
  for (std::size_t j : it->second) {
    const RangerPlot &plot = p.rangerPlots.features[j];
    const bool locked = locks.plotFids.count(plot.fid) > 0;
    if (plot.hasGeometry() && (taken == PlotsTaken::All || locked == (taken == PlotsTaken::Locked)))
      out.push_back(j);
  }
  return out;
}

std::vector<const GEOSGeometry *> plotGeometries(const Project &p, const Ranger &ranger,
                                                 const RangerPlanLocks &locks = {},
                                                 PlotsTaken taken = PlotsTaken::All)
{
  std::vector<const GEOSGeometry *> out;
  for (std::size_t j : plotsOf(p, ranger, locks, taken))
    out.push_back(p.rangerPlots.features[j].geometry.get());
  return out;
}

//! Records the seconds since the last lap under a phase's name.
class PhaseClock
{
public:
  explicit PhaseClock(std::vector<std::pair<std::string, double>> &laps)
      : m_laps(laps)
  {
  }
  void lap(const char *phase)
  {
    const auto now = std::chrono::steady_clock::now();
    m_laps.emplace_back(phase, std::chrono::duration<double>(now - m_last).count());
    m_last = now;
  }

private:
  std::vector<std::pair<std::string, double>> &m_laps;
  std::chrono::steady_clock::time_point m_last = std::chrono::steady_clock::now();
};

} // namespace

RangerPlanOptions RangerPlanOptions::fromRules(const RuleSet &rules)
{
  RangerPlanOptions o;
  o.minMu = rules.parameters<rules::RangerAreaParameters>("ranger-area").minMu;
  o.maxDistanceM =
      rules.parameters<rules::RangerDistanceParameters>("ranger-distance").maxDistanceM;
  o.minOverlapM2 = rules.minOverlapM2;
  o.maxParts = rules.rangerPlan.maxParts;
  o.cellM = rules.rangerPlan.cellM;
  return o;
}

int RangerPlanResult::satisfied() const
{
  return int(std::count_if(changes.begin(), changes.end(),
                           [](const RangerChange &c) { return c.satisfied; }));
}

double RangerPlanResult::movedMu() const
{
  double moved = 0;
  for (const RangerChange &c : changes)
    moved += c.movedMu;
  return moved;
}

double RangerPlanResult::meanDistanceM() const
{
  double sum = 0;
  for (const RangerChange &c : changes)
    sum += c.distanceM;
  return changes.empty() ? 0 : sum / double(changes.size());
}

double RangerPlanResult::maxDistanceM() const
{
  double most = 0;
  for (const RangerChange &c : changes)
    most = std::max(most, c.distanceM);
  return most;
}

RangerPlanResult planRangers(const Project &p, const RangerPlanOptions &options)
{
  if (!p.rangers.present)
    throw PlanInputError("the project has no rangers layer");
  const bool forestPool = p.forestLand.present && !p.forestLand.features.empty();
  if (!forestPool && (!p.rangerPlots.present || p.rangerPlots.features.empty()))
    throw PlanInputError("no forest pool: the project has neither a forest_land layer nor "
                         "ranger_plots to plan with");
  RangerPlanResult result;
  PhaseClock clock(result.seconds);
  Roster roster = rosterOf(p, options);
  const std::size_t n = roster.planned.size();

  // Owners: the planned rangers 0…n−1 (their unlocked plots), then those kept as they are, then
  // the locked plots of each planned ranger: land past n is not handed out. Plots naming no
  // ranger are free forest.
  const RangerPlanLocks &locks = options.locks;
  std::vector<std::vector<const GEOSGeometry *>> owned;
  for (std::size_t i : roster.planned)
    owned.push_back(plotGeometries(p, p.rangers.features[i], locks, PlotsTaken::Unlocked));
  for (std::size_t i : roster.keptAsTheyAre)
    owned.push_back(plotGeometries(p, p.rangers.features[i]));
  std::vector<int> lockedOwner(n, -1); // owner index of ranger r's locked plots
  for (std::size_t r = 0; r < n; ++r) {
    auto lockedPlots =
        plotGeometries(p, p.rangers.features[roster.planned[r]], locks, PlotsTaken::Locked);
    if (lockedPlots.empty())
      continue;
    lockedOwner[r] = int(owned.size());
    owned.push_back(std::move(lockedPlots));
  }
  std::vector<const GEOSGeometry *> pool;
  if (forestPool) {
    for (const ForestLand &f : p.forestLand.features)
      if (f.hasGeometry())
        pool.push_back(f.geometry.get());
  } else {
    for (const RangerPlot &plot : p.rangerPlots.features)
      if (plot.hasGeometry())
        pool.push_back(plot.geometry.get());
  }
  const Progress *progress = options.progress;
  auto phase = [&](const char *step, double fraction) {
    throwIfCancelled(progress);
    if (progress)
      progress->report(step, fraction);
  };
  phase("cells", 0);
  ForestCells cells =
      ForestCells::build(pool, owned, options.cellM, p.workingCrs, options.threads, progress);
  clock.lap("cells");
  phase("reach", 0.4);
  Reach reach(cells, roster.homes, options.maxDistanceM, options.threads, progress);
  clock.lap("reach");
  phase("assignment", 0.5);
  // A ranger's locked land counts towards the floor but is not the planner's to hand out.
  std::vector<double> lockedM2(n, 0);
  {
    std::unordered_map<int, std::size_t> rangerOfLocked;
    for (std::size_t r = 0; r < n; ++r)
      if (lockedOwner[r] >= 0)
        rangerOfLocked[lockedOwner[r]] = r;
    if (!rangerOfLocked.empty())
      for (std::size_t c = 0; c < cells.size(); ++c)
        if (auto it = rangerOfLocked.find(cells[c].owner); it != rangerOfLocked.end())
          lockedM2[it->second] += cells[c].areaM2;
  }

  const double floorM2 = options.minMu * gis::kSquareMetresPerMu;
  std::vector<RangerDemand> demands(n);
  {
    CellOwners current(cells.size());
    for (std::size_t c = 0; c < cells.size(); ++c)
      current[c] = cells[c].owner;
    std::vector<double> held = areaByRanger(cells, current, n);
    std::vector<char> strayed(n, 0); // holds land beyond reach
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const int o = cells[c].owner;
      if (o >= 0 && std::size_t(o) < n && !reach.find(o, int(c)))
        strayed[o] = 1;
    }
    RangerParts parts(cells, current, n);
    for (std::size_t r = 0; r < n; ++r) {
      demands[r].floorM2 = std::max(0.0, floorM2 - lockedM2[r]);
      demands[r].demandM2 = std::max(0.0, floorM2 + kFloorMarginM2 - lockedM2[r]);
      demands[r].compliant = held[r] >= demands[r].demandM2 && !strayed[r] &&
                             int(parts.of(int(r)).size()) <= options.maxParts;
    }
  }

  RangerAssignment assignment(cells, reach, demands, options.maxDistanceM);
  result.cells = cells.size();
  result.leftOut = roster.leftOut;
  CellOwners owners;
  if (options.method == PlanMethod::Greedy) {
    owners = assignment.greedy();
  } else {
    auto solved = assignment.solve();
    result.flowRounds = assignment.rounds();
    if (HallSet *hall = std::get_if<HallSet>(&solved)) {
      result.feasible = false;
      for (int r : hall->rangers)
        result.hallSet.push_back(*p.rangers.features[roster.planned[r]].code);
      result.hallDemandMu = gis::EllipsoidalArea::toMu(hall->demandM2);
      result.hallSupplyMu = gis::EllipsoidalArea::toMu(hall->supplyM2);
      return result;
    }
    owners = std::move(std::get<CellOwners>(solved));
  }
  clock.lap("assignment");
  phase("contiguity", 0.75);
  repairContiguity(cells, reach, demands, options.maxParts, owners);
  clock.lap("contiguity");
  phase("plots", 0.8);

  // Dissolve each ranger's cells into plots, one per connected part, on several threads.
  RangerParts parts(cells, owners, n);
  result.changes.resize(n);
  std::vector<std::vector<PlannedPlot>> planned(n);
  std::atomic<std::size_t> done{0};
  parallelFor(n, options.threads, [&](std::size_t r) {
    throwIfCancelled(progress);
    const gis::EllipsoidalArea &measure = gis::EllipsoidalArea::forThread(p.workingCrs);
    const Ranger &ranger = p.rangers.features[roster.planned[r]];
    RangerChange &change = result.changes[r];
    change.rangerCode = *ranger.code;
    change.name = ranger.name;
    std::vector<const GEOSGeometry *> before = plotGeometries(p, ranger);
    if (!before.empty())
      change.beforeMu =
          gis::EllipsoidalArea::toMu(measure.squareMetres(gis::unionAll(before).get()));
    // Locked plots stay as they are, codes and all; new plots take the codes left free.
    std::set<std::string> taken;
    for (std::size_t j : plotsOf(p, ranger, locks, PlotsTaken::Locked)) {
      const RangerPlot &plot = p.rangerPlots.features[j];
      taken.insert(plot.codeOrFid());
      planned[r].push_back(
          {plot.codeOrFid(), change.rangerCode, gis::clone(plot.geometry.get()), plot.fid});
    }
    const std::size_t lockedCount = planned[r].size();
    auto nextCode = [&, k = 0]() mutable {
      std::string code;
      do
        code = change.rangerCode + "-" + std::to_string(++k);
      while (taken.count(code));
      return code;
    };
    double areaM2 = 0, weighted = 0, moved = 0;
    for (const std::vector<int> &part : parts.of(int(r))) {
      std::vector<const GEOSGeometry *> pieces;
      for (int c : part) {
        pieces.push_back(cells[c].geometry.get());
        weighted += cells[c].areaM2 * reach.find(int(r), c)->distanceM;
        if (cells[c].owner != kFree && cells[c].owner != int(r))
          moved += cells[c].areaM2;
      }
      gis::Geometry dissolved = gis::polygonalParts(gis::unionAll(pieces).get());
      areaM2 += measure.squareMetres(dissolved.get());
      // A part is connected through shared edges, so its union is one polygon; should the
      // overlay still split it, each polygon is its own plot.
      const int polygons = gis::isEmpty(dissolved.get()) ? 0 : gis::partCount(dissolved.get());
      for (int i = 0; i < polygons; ++i)
        planned[r].push_back(
            {nextCode(), change.rangerCode, gis::part(dissolved.get(), i), std::nullopt});
    }
    change.parts = int(parts.of(int(r)).size());
    change.distanceM = areaM2 > 0 ? weighted / areaM2 : 0;
    if (lockedCount > 0) {
      // With locked plots, the ranger's land is their union with the planned cells, measured
      // and counted in parts as ranger-area and the plan's parts rule see it.
      std::vector<const GEOSGeometry *> all;
      for (const PlannedPlot &plot : planned[r])
        all.push_back(plot.geometry.get());
      gis::Geometry land = gis::polygonalParts(gis::unionAll(all).get());
      areaM2 = measure.squareMetres(land.get());
      change.parts = gis::isEmpty(land.get()) ? 0 : gis::partCount(land.get());
    }
    change.afterMu = gis::EllipsoidalArea::toMu(areaM2);
    change.movedMu = gis::EllipsoidalArea::toMu(moved);
    change.satisfied = areaM2 >= floorM2 && change.parts <= options.maxParts;
    if (progress)
      progress->report("plots", 0.8 + 0.2 * double(++done) / double(n));
  });
  for (std::vector<PlannedPlot> &list : planned)
    for (PlannedPlot &plot : list)
      result.plots.push_back(std::move(plot));
  clock.lap("plots");
  for (std::size_t i : roster.keptAsTheyAre) {
    const Ranger &ranger = p.rangers.features[i];
    auto it = p.plotsByRangerCode.find(*ranger.code);
    if (it == p.plotsByRangerCode.end())
      continue;
    for (std::size_t j : it->second) {
      const RangerPlot &plot = p.rangerPlots.features[j];
      if (plot.hasGeometry())
        result.plots.push_back(
            {plot.codeOrFid(), *ranger.code, gis::clone(plot.geometry.get()), plot.fid});
    }
  }
  return result;
}

void writeRangerPlan(const std::string &path, const RangerPlanResult &plan,
                     const gis::Crs &workingCrs)
{
  using F = gis::FieldType;
  try {
    OutputStaging staging(path);
    {
      gis::VectorDataset out = gis::VectorDataset::createGeoPackage(staging.stagedPath());
      gis::LayerWriter plots =
          out.createLayer("ranger_plots", gis::GeometryKind::Polygon, workingCrs,
                          {{"code", F::String}, {"ranger_code", F::String}});
      gis::LayerWriter changes = out.createLayer("changes", gis::GeometryKind::None, std::nullopt,
                                                 {{"ranger_code", F::String},
                                                  {"name", F::String},
                                                  {"before_mu", F::Real},
                                                  {"after_mu", F::Real},
                                                  {"moved_mu", F::Real},
                                                  {"distance_m", F::Real},
                                                  {"parts", F::Integer},
                                                  {"satisfied", F::Integer}});
      std::optional<gis::LayerWriter> hall;
      if (!plan.feasible)
        hall.emplace(out.createLayer("hall_set", gis::GeometryKind::None, std::nullopt,
                                     {{"ranger_code", F::String}}));
      gis::Transaction transaction(out);
      for (const PlannedPlot &plot : plan.plots)
        plots.add(plot.geometry.get(), {plot.code, plot.rangerCode});
      for (const RangerChange &c : plan.changes)
        changes.add(nullptr, {c.rangerCode, c.name ? gis::FieldValue(*c.name) : gis::FieldValue(),
                              c.beforeMu, c.afterMu, c.movedMu, c.distanceM, std::int64_t(c.parts),
                              std::int64_t(c.satisfied ? 1 : 0)});
      for (const std::string &code : plan.hallSet)
        hall->add(nullptr, {code});
      transaction.commit();
    }
    staging.commit();
  } catch (const OutputError &) {
    throw;
  } catch (const std::exception &e) {
    throw std::runtime_error(path + ": cannot write the ranger plan: " + e.what());
  }
}

} // namespace anzhi::core::plan
