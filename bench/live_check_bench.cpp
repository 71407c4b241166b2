// The live re-check of an edit, as the editor runs it: for N planned plots and N ranger plots
// of a project (spread over it, deterministic), move the feature by 5 m in an edit buffer and
// time LiveCheck::checkEdit, as the GUI runs it after each edit (the neighbourhood checked
// before and after the edit).
//
//   live_check_bench PROJECT.gpkg [N]
//
// Prints the load time, the LiveCheck construction time, the time of every ranger's total
// (the rangers dock's first computation) and, per layer, the median, 95th
// percentile and maximum milliseconds per edit, and the neighbourhood's feature counts.

#include "core/edit/LiveCheck.h"
#include "core/edit/RangerTotals.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

using namespace anzhi;
using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::time_point a, Clock::time_point b)
{
  return std::chrono::duration<double, std::milli>(b - a).count();
}

//! This thread's CPU time in ms: what the check costs whatever else the machine runs.
double cpuMs()
{
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

struct Stats
{
  std::vector<double> values;
  double at(double q)
  {
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(q * double(values.size())))];
  }
};

template<typename F>
void run(const core::LiveCheck &live, const core::Project &p, const core::Layer<F> &layer,
         int edits)
{
  Stats wall, cpu;
  std::size_t neighbours = 0, violations = 0;
  const std::size_t count = layer.features.size();
  for (int k = 0; k < edits && count > 0; ++k) {
    const F &f = layer.features[(std::size_t(k) * 7919u) % count];
    if (!f.hasGeometry())
      continue;
    core::FeatureKey key{layer.name, f.fid};
    core::FeatureState moved;
    moved.geometry = core::share(gis::transformXY(f.geometry.get(), [](double &x, double &y) {
      x += 5;
      y += 5;
      return true;
    }));
    moved.attributes = core::attributesOf(p, layer.name, (std::size_t(k) * 7919u) % count);
    core::EditBuffer before, after;
    after.set(key, core::Slot::of(std::move(moved)));
    auto start = Clock::now();
    const double cpuStart = cpuMs();
    core::LiveCheck::Delta d = live.checkEdit(before, after, {key});
    cpu.values.push_back(cpuMs() - cpuStart);
    wall.values.push_back(ms(start, Clock::now()));
    violations += d.after.size();
    neighbours += live.neighbourhood(after, d.scope)->plots.features.size();
  }
  const std::size_t n = wall.values.size();
  if (n == 0)
    return;
  std::printf("%-18s edits %3zu  wall median %6.2f / p95 %6.2f / max %6.2f ms  "
              "CPU median %6.2f / p95 %6.2f / max %6.2f ms  "
              "(%.0f planned plots in the neighbourhood, %.2f violations on average)\n",
              layer.name.c_str(), n, wall.at(0.5), wall.at(0.95), wall.at(1.0), cpu.at(0.5),
              cpu.at(0.95), cpu.at(1.0), double(neighbours) / double(n),
              double(violations) / double(n));
}

} // namespace

int main(int argc, char **argv)
{
  if (argc < 2) {
    std::fprintf(stderr, "usage: live_check_bench PROJECT.gpkg [N]\n");
    return 2;
  }
  const int n = argc > 2 ? std::atoi(argv[2]) : 200;
  auto t0 = Clock::now();
  auto project = core::Project::load(argv[1], {});
  auto t1 = Clock::now();
  core::LiveCheck live(project, core::RuleSet::defaults());
  auto t2 = Clock::now();
  std::printf("%s: load %.0f ms, LiveCheck setup %.0f ms; %zu planned plots, %zu ranger plots\n",
              argv[1], ms(t0, t1), ms(t1, t2), project->plots.features.size(),
              project->rangerPlots.features.size());
  // What the rangers dock computes once, on a worker, when a project opens.
  auto t3 = Clock::now();
  std::size_t rangers = core::rangerTotals(*project, core::EditBuffer()).size();
  std::printf("ranger totals: %zu rangers in %.0f ms\n", rangers, ms(t3, Clock::now()));
  run(live, *project, project->plots, n);
  run(live, *project, project->rangerPlots, n);
  run(live, *project, project->sites, n / 4);
  run(live, *project, project->schools, n / 4);
  return 0;
}
