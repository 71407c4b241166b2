// Times a whole check of a project as `anzhi-cli check` runs it (load, then rules), each
// rule, and the floor: GDAL merely reading the layers the rules need. Prints one JSON line.
//   check_bench PROJECT.gpkg [repeats]
// Like the command, the timed part ends with the result: `anzhi-cli check` never frees the
// loaded project (the process exits), so its release here happens after the clock stops.

#include "core/Engine.h"
#include "gis/Vector.h"

#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <sys/resource.h>

namespace gis = anzhi::gis;
using Clock = std::chrono::steady_clock;

static double since(Clock::time_point t)
{
  return std::chrono::duration<double>(Clock::now() - t).count();
}

//! What GDAL alone takes to read every feature (fields and geometry) of the rules' layers:
//! all canonical layers, since `invalid-geometry` checks every one of them.
static double gdalReadSeconds(const std::string &path)
{
  auto start = Clock::now();
  gis::VectorDataset ds = gis::VectorDataset::open(path);
  std::size_t n = 0;
  for (const std::string &name : anzhi::core::Project::canonicalLayers()) {
    if (!ds.hasLayer(name))
      continue;
    OGRLayer *layer = ds.handle()->GetLayerByName(name.c_str());
    layer->ResetReading();
    for (auto &f : *layer)
      n += f->GetGeometryRef() ? 1 : 0;
  }
  (void)n;
  return since(start);
}

int main(int argc, char **argv)
{
  if (argc < 2) {
    std::cerr << "usage: check_bench PROJECT.gpkg [repeats]\n";
    return 2;
  }
  std::string path = argv[1];
  int repeats = argc > 2 ? std::stoi(argv[2]) : 3;
  auto rules = anzhi::core::RuleSet::defaults();
  double bestTotal = 1e9, bestLoad = 0, bestGdal = 1e9;
  anzhi::core::CheckResult best;
  for (int i = 0; i < repeats; ++i) {
    bestGdal = std::min(bestGdal, gdalReadSeconds(path));
    auto start = Clock::now();
    anzhi::core::LoadOptions options;
    options.landUse = rules.landUse;
    std::shared_ptr<const anzhi::core::Project> project = anzhi::core::Project::load(path, options);
    const double load = since(start);
    anzhi::core::CheckResult r = anzhi::core::Engine(rules).check(*project);
    const double total = since(start);
    r.loadSeconds = load;
    if (total < bestTotal) {
      bestTotal = total;
      bestLoad = r.loadSeconds;
      best = std::move(r);
    }
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  nlohmann::ordered_json out;
  out["project"] = path;
  out["total_s"] = bestTotal;
  out["load_s"] = bestLoad;
  out["rules_s"] = best.checkSeconds;
  out["gdal_read_s"] = bestGdal;
  out["peak_rss_mb"] = usage.ru_maxrss / 1024.0;
  out["violations"] = best.violations.size();
  for (const auto &r : best.rules)
    out["rule_s"][r.id] = r.seconds;
  std::cout << out.dump() << std::endl;
  return 0;
}
