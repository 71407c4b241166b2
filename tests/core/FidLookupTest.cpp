// Layer::findFid: a layer with gaps in its fids, one built out of fid order (an edit's
// neighbourhood), features appended after the index was built (the edit path), a cleared
// layer; and a loaded GeoPackage whose fids have gaps.

#include "tests/support/ProjectBuilder.h"

#include "core/edit/FeatureSchema.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

using namespace anzhi;
using namespace anzhi::core;

namespace {

Layer<School> schoolsWithFids(const std::vector<std::int64_t> &fids)
{
  Layer<School> layer("schools");
  for (std::int64_t fid : fids) {
    School s;
    s.fid = fid;
    layer.features.push_back(std::move(s));
  }
  layer.buildIndex();
  return layer;
}

} // namespace

TEST(FidLookup, FindsFidsWithGaps)
{
  const Layer<School> layer = schoolsWithFids({3, 7, 20, 21, 100});
  EXPECT_EQ(layer.findFid(3), 0u);
  EXPECT_EQ(layer.findFid(7), 1u);
  EXPECT_EQ(layer.findFid(21), 3u);
  EXPECT_EQ(layer.findFid(100), 4u);
  for (std::int64_t absent : {0, 1, 4, 8, 22, 99, 101, -3})
    EXPECT_EQ(layer.findFid(absent), std::nullopt) << absent;
}

TEST(FidLookup, FindsFidsOutOfOrder)
{
  const Layer<School> layer = schoolsWithFids({50, 3, 20, 7, 8});
  EXPECT_EQ(layer.findFid(50), 0u);
  EXPECT_EQ(layer.findFid(3), 1u);
  EXPECT_EQ(layer.findFid(20), 2u);
  EXPECT_EQ(layer.findFid(7), 3u);
  EXPECT_EQ(layer.findFid(8), 4u);
  for (std::int64_t absent : {1, 4, 9, 21, 51})
    EXPECT_EQ(layer.findFid(absent), std::nullopt) << absent;
}

TEST(FidLookup, FindsFeaturesAppendedAfterTheIndex)
{
  Layer<School> layer = schoolsWithFids({2, 4, 6});
  School late;
  late.fid = 1; // below every indexed fid: the appended tail is not in order
  layer.features.push_back(std::move(late));
  EXPECT_EQ(layer.findFid(1), 3u);
  EXPECT_EQ(layer.findFid(6), 2u);
  layer.buildIndex();
  EXPECT_EQ(layer.findFid(1), 3u);
  EXPECT_EQ(layer.findFid(2), 0u);
  EXPECT_EQ(layer.findFid(5), std::nullopt);

  layer.clear();
  EXPECT_EQ(layer.findFid(1), std::nullopt);
  EXPECT_FALSE(layer.present);
}

TEST(FidLookup, RefusesALayerThatLostFeaturesSinceItsIndex)
{
  Layer<School> layer = schoolsWithFids({1, 2, 3});
  layer.features.pop_back();
  EXPECT_THROW(layer.findFid(1), std::logic_error);
}

TEST(FidLookup, TheEditPathAppendsThenFinishes)
{
  // As LiveCheck builds a neighbourhood: copies of base features, then edited ones whose fids
  // fall between them, then finishLayer.
  const LandUseMapping landUse(LandUseMapping::defaultPatterns());
  Project p;
  for (std::int64_t fid : {10, 30, 50})
    appendFeature(p, "planned_plots", fid, nullptr, {{"land_use", std::string("road")}}, landUse);
  EXPECT_EQ(findFid(p, "planned_plots", 30), 1u); // before finishLayer: a scan of the tail
  finishLayer(p, "planned_plots", true);
  appendFeature(p, "planned_plots", 20, nullptr, {}, landUse);
  EXPECT_EQ(findFid(p, "planned_plots", 20), 3u);
  finishLayer(p, "planned_plots", true);
  EXPECT_EQ(findFid(p, "planned_plots", 20), 3u);
  EXPECT_EQ(findFid(p, "planned_plots", 50), 2u);
  EXPECT_EQ(findFid(p, "planned_plots", 40), std::nullopt);
  EXPECT_THROW(findFid(p, "violations", 1), std::invalid_argument);
}

TEST(FidLookup, LoadedLayerWithDeletedFeatures)
{
  test::TempDir dir;
  test::ProjectBuilder b(dir.file("p.gpkg"));
  const test::V school = {test::FieldValue("学校"), test::FieldValue("primary"),
                          test::FieldValue(std::int64_t(100)), test::null};
  for (int i = 1; i <= 6; ++i)
    b.add("schools", "XX-" + std::to_string(i), "POINT (500000 4300000)", school);
  const std::string path = b.finish();
  sqlite3 *db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(
      sqlite3_exec(db, "DELETE FROM schools WHERE fid IN (2, 3, 5)", nullptr, nullptr, nullptr),
      SQLITE_OK);
  sqlite3_close(db);

  auto project = Project::load(path, {});
  ASSERT_EQ(project->schools.features.size(), 3u);
  EXPECT_EQ(findFid(*project, "schools", 1), 0u);
  EXPECT_EQ(findFid(*project, "schools", 4), 1u);
  EXPECT_EQ(findFid(*project, "schools", 6), 2u);
  EXPECT_EQ(project->schools.features[*findFid(*project, "schools", 6)].code, "XX-6");
  EXPECT_EQ(findFid(*project, "schools", 3), std::nullopt);
}
