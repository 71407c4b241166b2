#include "core/education/SchoolSiting.h"

#include "gis/Crs.h"
#include "gis/Vector.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <stdexcept>

namespace anzhi::core::education {

std::vector<Candidate> educationPlotCandidates(const Project &project)
{
  std::vector<Candidate> out;
  for (const PlannedPlot &plot : project.plots.features)
    if (plot.landUseClass == LandUseClass::Education && plot.hasGeometry())
      out.push_back(
          {plot.codeOrFid(), gis::pointXY(gis::pointOnSurface(plot.geometry.get()).get())});
  return out;
}

std::vector<Candidate> layerCandidates(const Project &project, const std::string &spec)
{
  std::string file = project.path, layerName = spec;
  gis::VectorDataset projectFile = gis::VectorDataset::open(project.path);
  if (!projectFile.hasLayer(spec)) {
    const auto colon = spec.rfind(':');
    if (std::filesystem::exists(spec)) {
      file = spec;
      layerName.clear();
    } else if (colon != std::string::npos && std::filesystem::exists(spec.substr(0, colon))) {
      file = spec.substr(0, colon);
      layerName = spec.substr(colon + 1);
    } else {
      throw std::runtime_error("--candidates " + spec + ": no layer of that name in " +
                               project.path + " and no such file");
    }
  }
  gis::VectorDataset dataset = gis::VectorDataset::open(file);
  if (layerName.empty()) {
    const std::vector<std::string> names = dataset.layerNames();
    if (names.size() != 1)
      throw std::runtime_error(file + " has " + std::to_string(names.size()) +
                               " layers: name one as FILE:LAYER");
    layerName = names.front();
  }
  if (!dataset.hasLayer(layerName))
    throw std::runtime_error(file + ": no layer '" + layerName + "'");
  const gis::VectorLayer layer = dataset.layer(layerName);
  const std::optional<gis::Crs> crs = layer.crs();
  if (!crs)
    throw std::runtime_error(file + ": layer '" + layerName +
                             "' has no coordinate reference system");
  const gis::CoordinateTransform toWorking(*crs, project.workingCrs);
  const int codeField = layer.fieldIndex("code");
  std::vector<Candidate> out;
  layer.forEach([&](const gis::FeatureRow &row) {
    gis::Geometry g = row.geometry();
    if (!g || gis::isEmpty(g.get()))
      return true;
    auto [x, y] = gis::pointXY(gis::pointOnSurface(g.get()).get());
    if (!toWorking.transform(x, y))
      throw std::runtime_error(file + ": layer '" + layerName + "', feature " +
                               std::to_string(row.fid()) + ": outside the working CRS's domain");
    std::optional<std::string> code = codeField >= 0 ? row.string(codeField) : std::nullopt;
    out.push_back({code ? *code : "#" + std::to_string(row.fid()), {x, y}});
    return true;
  });
  return out;
}

SitingPlan planSchools(const EducationReach &reach, SchoolLevel level,
                       const std::vector<Candidate> &candidates, std::size_t k,
                       SitingObjective objective, SelectionMethod method, double cbcSeconds)
{
  if (candidates.empty())
    throw std::invalid_argument("no candidate locations");
  if (k > candidates.size())
    throw std::invalid_argument("--add " + std::to_string(k) + " exceeds the " +
                                std::to_string(candidates.size()) + " candidate locations");
  const Project &p = reach.project();
  std::vector<network::XY> points;
  for (const Candidate &c : candidates)
    points.push_back(c.point);
  const ReachMatrix existing = reach.schools(level);
  const ReachMatrix added = reach.points(level, points);

  SitingPlan plan;
  plan.level = level;
  plan.objective = objective;
  plan.unit = reach.costUnit(level);
  // Demands: the sites with pupils of the level and a location.
  std::vector<std::size_t> sites;
  std::vector<std::int64_t> pupils;
  double longest = reach.largestLimit(level);
  for (std::size_t i = 0; i < p.sites.features.size(); ++i) {
    const std::int64_t n = reach.pupils(i, level);
    if (n <= 0 || !p.sites.features[i].hasGeometry())
      continue;
    sites.push_back(i);
    pupils.push_back(n);
    for (const ReachMatrix *m : {&existing, &added})
      for (const CoverLink &l : (*m)[i])
        longest = std::max(longest, l.cost);
  }
  // An uncovered pupil counts as twice the longest trip that covers: more than any covered one.
  plan.unreachedCost = 2 * longest;
  std::vector<double> before(sites.size(), plan.unreachedCost);
  std::vector<bool> coveredBefore(sites.size(), false);
  for (std::size_t d = 0; d < sites.size(); ++d)
    for (const CoverLink &l : existing[sites[d]]) {
      before[d] = std::min(before[d], l.cost);
      coveredBefore[d] = true;
    }

  SelectionProblem problem;
  problem.candidates = candidates.size();
  problem.k = k;
  for (std::size_t d = 0; d < sites.size(); ++d) {
    plan.pupils += pupils[d];
    if (objective == SitingObjective::Travel) {
      problem.weight.push_back(double(pupils[d]));
      problem.baseCost.push_back(before[d]);
      problem.reach.push_back(added[sites[d]]);
    } else {
      // Covering as a cost: 1 for an uncovered site, 0 from a candidate covering it.
      problem.weight.push_back(coveredBefore[d] ? 0.0 : double(pupils[d]));
      problem.baseCost.push_back(1.0);
      std::vector<CoverLink> covering;
      for (const CoverLink &l : added[sites[d]])
        covering.push_back({l.school, 0.0});
      problem.reach.push_back(std::move(covering));
    }
  }
  plan.selection = selectSites(problem, method, cbcSeconds);

  std::vector<std::size_t> slot(candidates.size(), SIZE_MAX);
  for (std::size_t j : plan.selection.chosen) {
    slot[j] = plan.added.size();
    plan.added.push_back({j, 0, 0});
  }
  for (std::size_t d = 0; d < sites.size(); ++d) {
    double after = before[d];
    std::optional<std::size_t> cheapest; // the added school reaching the site most cheaply
    double cheapestCost = 0;
    for (const CoverLink &l : added[sites[d]]) {
      if (slot[l.school] == SIZE_MAX)
        continue;
      if (!cheapest || l.cost < cheapestCost || (l.cost == cheapestCost && l.school < *cheapest)) {
        cheapest = l.school;
        cheapestCost = l.cost;
      }
    }
    const bool coveredAfter = coveredBefore[d] || cheapest.has_value();
    if (!coveredBefore[d])
      plan.uncoveredBefore += pupils[d];
    if (!coveredAfter)
      plan.uncoveredAfter += pupils[d];
    if (cheapest) {
      AddedSchool &school = plan.added[slot[*cheapest]];
      if (!coveredBefore[d])
        school.newlyCovered += pupils[d];
      if (cheapestCost < before[d]) {
        school.served += pupils[d];
        after = cheapestCost;
      }
    }
    plan.travelBefore += double(pupils[d]) * before[d];
    plan.travelAfter += double(pupils[d]) * after;
  }
  return plan;
}

} // namespace anzhi::core::education
