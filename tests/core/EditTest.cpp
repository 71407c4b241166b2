// The edit buffer over a stored project: saving in one transaction and reopening, the
// journal and its replay, a lock held by another program, split / merge / cut at an area
// with areas checked in mu, and the live re-check of an edited neighbourhood.

#include "tests/support/ProjectBuilder.h"

#include "core/edit/EditJournal.h"
#include "core/edit/EditSaver.h"
#include "core/edit/GeometryEdits.h"
#include "core/edit/LiveCheck.h"
#include "core/edit/RangerTotals.h"
#include "gis/EllipsoidalArea.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>

using namespace anzhi;
using namespace anzhi::test;

namespace {

// On EPSG:4546's central meridian (x = 500 000) the Gauss–Krüger scale is 1, so ellipsoidal
// areas equal planar ones to about 1e-7: a 100 m square is 10 000 m² = 15 mu.
constexpr double X0 = 500000, Y0 = 4300000;
constexpr double kMu = 10000.0 / 15.0;

core::FeatureState plotState(const std::string &wkt, const std::string &code,
                             const std::string &landUse)
{
  core::FeatureState s;
  s.geometry = core::share(gis::fromWkt(wkt));
  s.attributes = {
      {"code", FieldValue(code)}, {"name", FieldValue()}, {"land_use", FieldValue(landUse)}};
  return s;
}

std::string twoPlots(const TempDir &dir)
{
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("planned_plots", "P-1", rect(X0, Y0, X0 + 100, Y0 + 100),
        {FieldValue("学校"), FieldValue("education")});
  b.add("planned_plots", "P-2", rect(X0 + 200, Y0, X0 + 300, Y0 + 100),
        {FieldValue("商业"), FieldValue("commercial")});
  return b.finish();
}

double areaM2(const GEOSGeometry *g)
{
  return gis::EllipsoidalArea(gis::Crs::fromEpsg(4546)).squareMetres(g);
}

const core::PlannedPlot *plotByCode(const core::Project &p, const std::string &code)
{
  for (const auto &f : p.plots.features)
    if (f.code == code)
      return &f;
  return nullptr;
}

} // namespace

TEST(EditBuffer, SavesInsertUpdateDeleteAndReopens)
{
  TempDir dir;
  std::string path = twoPlots(dir);
  auto project = core::Project::load(path, {});
  core::EditBuffer buffer;
  core::FeatureKey fresh{"planned_plots", buffer.newFid()};
  buffer.set(fresh, core::Slot::of(
                        plotState(rect(X0, Y0 + 200, X0 + 60, Y0 + 300), "P-3", "residential")));
  buffer.set({"planned_plots", 1},
             core::Slot::of(plotState(rect(X0, Y0, X0 + 50, Y0 + 100), "P-1", "A33")));
  buffer.set({"planned_plots", 2}, core::Slot::deleted());
  EXPECT_EQ(buffer.counts().inserted, 1u);
  EXPECT_EQ(buffer.counts().updated, 1u);
  EXPECT_EQ(buffer.counts().deleted, 1u);

  core::SaveOutcome out = core::saveEdits(path, project->workingCrs, buffer);
  EXPECT_EQ(out.inserted + out.updated + out.deleted, 3u);
  ASSERT_EQ(out.newFids.count(fresh), 1u);

  auto reopened = core::Project::load(path, {});
  ASSERT_EQ(reopened->plots.features.size(), 2u);
  EXPECT_EQ(plotByCode(*reopened, "P-2"), nullptr);
  const core::PlannedPlot *p1 = plotByCode(*reopened, "P-1");
  ASSERT_NE(p1, nullptr);
  EXPECT_EQ(p1->landUse, "A33");
  EXPECT_EQ(p1->landUseClass, core::LandUseClass::Education);
  EXPECT_NEAR(areaM2(p1->geometry.get()) / kMu, 7.5, 1e-5); // 50 m × 100 m
  const core::PlannedPlot *p3 = plotByCode(*reopened, "P-3");
  ASSERT_NE(p3, nullptr);
  EXPECT_EQ(p3->fid, out.newFids.at(fresh));
  EXPECT_NEAR(areaM2(p3->geometry.get()) / kMu, 9.0, 1e-5); // 60 m × 100 m
}

TEST(EditBuffer, UndoToTheStoredStateLeavesNothingToSave)
{
  core::EditBuffer buffer;
  core::Change c{{"planned_plots", 1}, core::Slot::base(), core::Slot::deleted()};
  buffer.apply(c);
  EXPECT_EQ(buffer.size(), 1u);
  buffer.revert(c);
  EXPECT_TRUE(buffer.empty());
  // A new feature deleted again is gone altogether.
  core::FeatureKey fresh{"planned_plots", buffer.newFid()};
  buffer.set(fresh, core::Slot::of(plotState(rect(0, 0, 1, 1), "X", "green")));
  buffer.set(fresh, core::Slot::deleted());
  EXPECT_TRUE(buffer.empty());
  EXPECT_LT(buffer.newFid(), fresh.fid);
}

TEST(EditJournal, ReplaysEveryCompleteEditAndIgnoresATornTail)
{
  TempDir dir;
  std::string path = dir.file("j.gpkg");
  {
    core::EditJournal journal(path);
    journal.append({{{"planned_plots", -1},
                     core::Slot::of(plotState(rect(X0, Y0, X0 + 10, Y0 + 10), "N-1", "green"))},
                    {{"planned_plots", 2}, core::Slot::deleted()}});
    journal.append({{{"planned_plots", 2}, core::Slot::base()}}); // the delete undone
  }
  EXPECT_TRUE(core::EditJournal::hasEdits(path));
  // A crash in the middle of an append leaves half a line.
  std::ofstream(core::EditJournal::pathFor(path), std::ios::app) << "{\"set\":[{\"layer\":\"pl";

  core::EditJournal::Replay r = core::EditJournal::replay(path);
  EXPECT_EQ(r.edits, 2u);
  EXPECT_TRUE(r.tornTail);
  ASSERT_EQ(r.buffer.size(), 1u);
  core::Slot s = r.buffer.slot({"planned_plots", -1});
  ASSERT_EQ(s.kind, core::Slot::Kind::State);
  EXPECT_EQ(core::textOf(s.state->attributes, "code"), "N-1");
  EXPECT_NEAR(gis::planarArea(s.state->geometry.get()), 100.0, 1e-9);
  EXPECT_LT(r.buffer.newFid(), -1); // new fids continue below the journalled ones

  core::EditJournal(path).clear();
  EXPECT_FALSE(core::EditJournal::hasEdits(path));
}

TEST(EditSaver, ALockHeldByAnotherProgramFailsClearlyAndWritesNothing)
{
  TempDir dir;
  std::string path = twoPlots(dir);
  auto project = core::Project::load(path, {});
  core::EditBuffer buffer;
  buffer.set({"planned_plots", 2}, core::Slot::deleted());

  sqlite3 *other = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
  try {
    core::saveEdits(path, project->workingCrs, buffer, 200);
    ADD_FAILURE() << "saved into a locked project";
  } catch (const core::SaveError &e) {
    EXPECT_NE(std::string(e.what()).find("locked by another program"), std::string::npos)
        << e.what();
  }
  sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  EXPECT_EQ(core::Project::load(path, {})->plots.features.size(), 2u);
  core::saveEdits(path, project->workingCrs, buffer);
  EXPECT_EQ(core::Project::load(path, {})->plots.features.size(), 1u);
}

TEST(GeometryEdits, SplitAndMergeConserveArea)
{
  gis::Geometry square = gis::fromWkt(rect(X0, Y0, X0 + 100, Y0 + 100));
  gis::Geometry cut =
      gis::fromWkt("LINESTRING(" + std::to_string(X0 + 60) + " " + std::to_string(Y0 - 10) + "," +
                   std::to_string(X0 + 60) + " " + std::to_string(Y0 + 110) + ")");
  std::vector<gis::Geometry> parts = core::splitPolygon(square.get(), cut.get());
  ASSERT_EQ(parts.size(), 2u);
  std::vector<double> mu = {areaM2(parts[0].get()) / kMu, areaM2(parts[1].get()) / kMu};
  std::sort(mu.begin(), mu.end());
  EXPECT_NEAR(mu[0], 6.0, 1e-5); // 40 m × 100 m = 4 000 m²
  EXPECT_NEAR(mu[1], 9.0, 1e-5); // 60 m × 100 m = 6 000 m²
  EXPECT_NEAR(mu[0] + mu[1], areaM2(square.get()) / kMu, 1e-7);

  gis::Geometry merged = core::mergePolygons({parts[0].get(), parts[1].get()}, false);
  EXPECT_EQ(gis::typeId(merged.get()), GEOS_POLYGON);
  EXPECT_NEAR(areaM2(merged.get()) / kMu, 15.0, 1e-5);

  gis::Geometry miss =
      gis::fromWkt("LINESTRING(" + std::to_string(X0 + 60) + " " + std::to_string(Y0 + 10) + "," +
                   std::to_string(X0 + 60) + " " + std::to_string(Y0 + 50) + ")");
  EXPECT_THROW(core::splitPolygon(square.get(), miss.get()), core::GeometryEditError);
  gis::Geometry far = gis::fromWkt(rect(X0 + 500, Y0, X0 + 600, Y0 + 100));
  EXPECT_THROW(core::mergePolygons({square.get(), far.get()}, false), core::GeometryEditError);
}

TEST(GeometryEdits, CutAtAreaGivesTheAskedMuWithinOneHundredth)
{
  // 1000 m × 1000 m = 1500 mu; giving 520 mu cuts x = 520/1500 × 1000 m = 346.67 m in.
  gis::Geometry plot = gis::fromWkt(rect(X0, Y0, X0 + 1000, Y0 + 1000));
  core::AreaCut cut = core::cutAtArea(plot.get(), gis::Crs::fromEpsg(4546), 520 * kMu);
  EXPECT_NEAR(areaM2(cut.given.get()) / kMu, 520.0, 0.01);
  EXPECT_NEAR(areaM2(cut.remainder.get()) / kMu, 980.0, 0.01);
  gis::Envelope e = gis::envelope(cut.given.get());
  EXPECT_NEAR(e.maxX - X0, 346.667, 0.01);
  EXPECT_NEAR(gis::envelope(cut.line.get()).minX - X0, 346.667, 0.01);
  EXPECT_THROW(core::cutAtArea(plot.get(), gis::Crs::fromEpsg(4546), 1600 * kMu),
               core::GeometryEditError);
}

TEST(LiveCheck, AnEncroachingPlotIsFoundAndGoneAfterUndo)
{
  TempDir dir;
  std::string path = twoPlots(dir);
  auto project = core::Project::load(path, {});
  core::LiveCheck live(project, core::RuleSet::defaults());
  core::LiveViolations shown;
  core::EditBuffer buffer;

  // A residential plot drawn 10 m into the school plot P-1 (fid 1): 10 × 100 m = 1000 m².
  core::FeatureState drawn = plotState(rect(X0 + 90, Y0, X0 + 150, Y0 + 100), "P-9", "residential");
  gis::Envelope scope = gis::envelope(drawn.geometry.get());
  core::Change add{{"planned_plots", buffer.newFid()}, core::Slot::base(), core::Slot::of(drawn)};
  auto before = live.check(buffer, scope, {"planned_plots"});
  buffer.apply(add);
  shown.replace(before, live.check(buffer, scope, {"planned_plots"}));
  auto list = shown.list();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].rule, "protected-land");
  EXPECT_EQ(list[0].feature.fid, 1);
  ASSERT_TRUE(list[0].other);
  EXPECT_EQ(list[0].other->fid, add.key.fid);
  EXPECT_NEAR(*list[0].areaM2, 1000.0, 1e-3);

  before = live.check(buffer, scope, {"planned_plots"});
  buffer.revert(add);
  shown.replace(before, live.check(buffer, scope, {"planned_plots"}));
  EXPECT_EQ(shown.size(), 0u);
}

TEST(LiveCheck, RangerTotalsFollowTheEditedPlots)
{
  TempDir dir;
  ProjectBuilder b(dir.file("r.gpkg"));
  b.add("rangers", "R-1", point(X0, Y0), {FieldValue("张三"), null, FieldValue("local")});
  // Two plots of 400 m × 500 m = 300 mu each, 600 mu together.
  b.add("ranger_plots", "G-1", rect(X0, Y0, X0 + 400, Y0 + 500), {FieldValue("R-1")});
  b.add("ranger_plots", "G-2", rect(X0 + 5000, Y0, X0 + 5400, Y0 + 500), {FieldValue("R-1")});
  auto project = core::Project::load(b.finish(), {});
  core::LiveCheck live(project, core::RuleSet::defaults());
  core::EditBuffer buffer;
  ASSERT_TRUE(live.check(buffer, gis::envelope(project->rangerPlots.features[0].geometry.get()),
                         {"ranger_plots"})
                  .empty());
  // Deleting the far plot leaves 300 mu: the ranger falls below 500, seen by the edit's
  // re-check although the ranger and its other plot are 5 km away.
  core::EditBuffer after = buffer;
  after.set({"ranger_plots", 2}, core::Slot::deleted());
  core::LiveCheck::Delta d = live.checkEdit(buffer, after, {{"ranger_plots", 2}});
  EXPECT_TRUE(d.before.empty());
  ASSERT_EQ(d.after.size(), 1u);
  EXPECT_EQ(d.after[0].rule, "ranger-area");
  EXPECT_NEAR(*d.after[0].areaM2 / kMu, 300.0, 1e-3);
}

TEST(LiveCheck, MovingASchoolUpdatesTheSitesItCovers)
{
  TempDir dir;
  ProjectBuilder b(dir.file("s.gpkg"));
  // An urban site [0,200]² and a nine-year school 400 m east of its edge: covered (primary
  // radius 500 m, junior 1000 m).
  b.add("resettlement_sites", "AZQ-1", rect(X0, Y0, X0 + 200, Y0 + 200),
        {FieldValue("安置区"), FieldValue("岢岚县"), FieldValue("宋家沟乡"), FieldValue("urban"),
         null, FieldValue(std::int64_t(1000)), null, null, FieldValue(std::int64_t(1))});
  b.add("schools", "S-1", point(X0 + 600, Y0 + 100),
        {FieldValue("学校"), FieldValue("nine_year"), FieldValue(std::int64_t(5000)),
         FieldValue(std::int64_t(0))});
  auto project = core::Project::load(b.finish(), {});
  core::LiveCheck live(project, core::RuleSet::defaults());
  core::EditBuffer before;
  // Moved 300 m further east: 700 m from the site, beyond the primary radius only.
  core::EditBuffer after;
  core::FeatureState moved;
  moved.geometry = core::share(gis::fromWkt(point(X0 + 900, Y0 + 100)));
  moved.attributes = core::attributesOf(*project, "schools", 0);
  after.set({"schools", 1}, core::Slot::of(moved));
  core::LiveCheck::Delta d = live.checkEdit(before, after, {{"schools", 1}});
  EXPECT_TRUE(d.before.empty());
  ASSERT_EQ(d.after.size(), 1u);
  EXPECT_EQ(d.after[0].rule, "school-coverage");
  EXPECT_EQ(d.after[0].level, "primary");
  EXPECT_NEAR(*d.after[0].distanceM, 700.0, 1e-9);
  // And back: the violation goes.
  core::LiveViolations shown;
  shown.replace(d.before, d.after);
  core::LiveCheck::Delta back = live.checkEdit(after, before, {{"schools", 1}});
  shown.replace(back.before, back.after);
  EXPECT_EQ(shown.size(), 0u);
}

TEST(EditSaver, AnOptionalFieldTheLayerLacksIsSkippedWhileEmpty)
{
  TempDir dir;
  std::string path = dir.file("lean.gpkg");
  {
    // planned_plots with the required fields only (no `name`).
    gis::VectorDataset ds = gis::VectorDataset::createGeoPackage(path);
    gis::LayerWriter w =
        ds.createLayer("planned_plots", gis::GeometryKind::Polygon, gis::Crs::fromEpsg(4546),
                       {{"code", gis::FieldType::String}, {"land_use", gis::FieldType::String}});
    gis::Geometry g = gis::fromWkt(rect(X0, Y0, X0 + 100, Y0 + 100));
    w.add(g.get(), {FieldValue("P-1"), FieldValue("education")});
  }
  auto project = core::Project::load(path, {});
  core::EditBuffer buffer;
  core::FeatureState s = plotState(rect(X0, Y0 + 200, X0 + 50, Y0 + 300), "P-2", "green");
  buffer.set({"planned_plots", buffer.newFid()}, core::Slot::of(s)); // name null: skipped
  core::saveEdits(path, project->workingCrs, buffer);
  EXPECT_EQ(core::Project::load(path, {})->plots.features.size(), 2u);

  core::EditBuffer named;
  s.attributes["code"] = FieldValue("P-3");
  s.attributes["name"] = FieldValue("绿地");
  named.set({"planned_plots", named.newFid()}, core::Slot::of(s));
  try {
    core::saveEdits(path, project->workingCrs, named);
    ADD_FAILURE() << "a value for a missing field was dropped";
  } catch (const core::SaveError &e) {
    EXPECT_NE(std::string(e.what()).find("has no field 'name'"), std::string::npos) << e.what();
  }
  EXPECT_EQ(core::Project::load(path, {})->plots.features.size(), 2u);
}

TEST(RankedRangerTotals, ListsLowestFirstAndFollowsReplacements)
{
  auto total = [](std::string code, double m2) {
    core::RangerTotal t;
    t.code = std::move(code);
    t.areaM2 = m2;
    return t;
  };
  core::RankedRangerTotals totals;
  totals.put(total("HLY-3", 300000));
  totals.put(total("HLY-1", 400000));
  totals.put(total("HLY-2", 300000)); // same area as HLY-3: the code decides
  auto order = [&](std::size_t limit) {
    std::vector<std::string> codes;
    totals.forEachLowestFirst([&](const core::RangerTotal &t) {
      codes.push_back(t.code);
      return codes.size() < limit;
    });
    return codes;
  };
  using Codes = std::vector<std::string>;
  EXPECT_EQ(order(10), (Codes{"HLY-2", "HLY-3", "HLY-1"}));
  EXPECT_EQ(order(2), (Codes{"HLY-2", "HLY-3"}));
  // An edit gives HLY-2 more land: it moves to the end, and nothing is listed twice.
  totals.put(total("HLY-2", 500000));
  EXPECT_EQ(order(10), (Codes{"HLY-3", "HLY-1", "HLY-2"}));
  EXPECT_EQ(totals.size(), 3u);
  ASSERT_NE(totals.find("HLY-2"), nullptr);
  EXPECT_DOUBLE_EQ(totals.find("HLY-2")->areaM2, 500000);
  // Moved, the index still points at the moved entries.
  core::RankedRangerTotals moved = std::move(totals);
  moved.erase("HLY-3");
  EXPECT_EQ(moved.find("HLY-3"), nullptr);
  Codes after;
  moved.forEachLowestFirst([&](const core::RangerTotal &t) {
    after.push_back(t.code);
    return true;
  });
  EXPECT_EQ(after, (Codes{"HLY-1", "HLY-2"}));
}
