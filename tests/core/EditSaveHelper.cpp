// Saves a large edit buffer into a project: `edit_save_helper PROJECT N` updates every planned
// plot's land_use to 'green' and inserts N new plots, in one save. It prints "saving" just
// before the save starts and "saved" after the commit, so that EditCrashTest can kill it in
// between.

#include "core/edit/EditSaver.h"
#include "tests/support/Wkt.h"

#include <cstdio>
#include <cstdlib>
#include <exception>

using namespace anzhi;

int main(int argc, char **argv)
{
  if (argc != 3) {
    std::fprintf(stderr, "usage: edit_save_helper PROJECT N\n");
    return 2;
  }
  try {
    std::string path = argv[1];
    long n = std::atol(argv[2]);
    auto project = core::Project::load(path, {});
    core::EditBuffer buffer;
    for (const core::PlannedPlot &p : project->plots.features) {
      core::FeatureState s;
      s.geometry = core::share(gis::clone(p.geometry.get()));
      s.attributes = {{"code", gis::FieldValue(*p.code)}, {"land_use", gis::FieldValue("green")}};
      buffer.set({"planned_plots", p.fid}, core::Slot::of(std::move(s)));
    }
    for (long i = 0; i < n; ++i) {
      double x = 600000 + double(i % 200) * 20, y = 4300000 + double(i / 200) * 20;
      core::FeatureState s;
      s.geometry = core::share(gis::fromWkt(test::rect(x, y, x + 10, y + 10)));
      s.attributes = {{"code", gis::FieldValue("N-" + std::to_string(i))},
                      {"land_use", gis::FieldValue("green")}};
      buffer.set({"planned_plots", buffer.newFid()}, core::Slot::of(std::move(s)));
    }
    std::printf("saving\n");
    std::fflush(stdout);
    core::saveEdits(path, project->workingCrs, buffer);
    std::printf("saved\n");
    std::fflush(stdout);
    return 0;
  } catch (const std::exception &e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
}
