// Old datums into CGCS2000 (core/import/DatumShift.h, docs/import.md "Old datums"). Reference
// coordinates come from outside Anzhi: PROJ's cs2cs with the same +towgs84 on the source and
// +towgs84=0,0,0 on the target (its classic WGS 84 hub), and, for the plane fit, points made
// from a similarity whose parameters were chosen by hand (python3 arithmetic in the comments).

#include "core/import/DatumShift.h"
#include "core/import/ImportError.h"
#include "core/import/Importer.h"
#include "gis/Vector.h"
#include "tests/support/Files.h"
#include "tests/support/TempDir.h"

#include <gtest/gtest.h>

namespace anzhi::core {
namespace {

using anzhi::test::slurp;
using anzhi::test::TempDir;

// Two schools in Xian 1980 / 3-degree Gauss-Kruger zone 37 (EPSG:2361), eastings with prefix.
const char *kXian80Schools = "code,name,level,capacity,X,Y\n"
                             "XX-1,第一小学,primary,500,37512345.5,4284000.25\n"
                             "XX-2,城关中学,junior,800,37513000,4285000\n";

const char *kTowgs84 = "24,-123,-94,0.02,-0.25,-0.13,1.1";

ImportRequest schoolsFromXian80(const TempDir &dir, const std::string &project)
{
  ImportRequest r;
  r.source = dir.writeFile("学校.csv", kXian80Schools);
  r.project = project;
  r.role = "schools";
  r.assignCrs = gis::Crs::fromEpsg(2361);
  return r;
}

std::vector<std::pair<double, double>> schoolPoints(const std::string &project)
{
  std::vector<std::pair<double, double>> points;
  gis::VectorDataset::open(project).layer("schools").forEach([&](const gis::FeatureRow &row) {
    points.push_back(gis::pointXY(row.geometry().get()));
    return true;
  });
  return points;
}

TEST(DatumShift, RefusedWithoutParametersAndTheProjectUntouched)
{
  TempDir dir;
  const std::string project = dir.file("county.gpkg");
  const ImportSummary s = importLayer(schoolsFromXian80(dir, project));
  ASSERT_TRUE(s.refusal);
  EXPECT_NE(s.refusal->find("EPSG:2361"), std::string::npos) << *s.refusal;
  EXPECT_NE(s.refusal->find("--towgs84"), std::string::npos) << *s.refusal;
  EXPECT_NE(s.refusal->find("--control-points"), std::string::npos) << *s.refusal;
  EXPECT_FALSE(std::filesystem::exists(project));
}

TEST(DatumShift, SevenParametersAsCs2csAppliesThem)
{
  //   $ printf '37512345.5 4284000.25\n37513000 4285000\n' | cs2cs -f %.4f "+proj=tmerc
  //       +lat_0=0 +lon_0=111 +k=1 +x_0=37500000 +y_0=0 +ellps=IAU76
  //       +towgs84=24,-123,-94,0.02,-0.25,-0.13,1.1 +units=m" +to "+proj=tmerc +lat_0=0
  //       +lon_0=111 +k=1 +x_0=37500000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0 +units=m"
  //   37512368.9510	4283999.7822 0.0000
  //   37513023.4679	4284999.5553 0.0000
  TempDir dir;
  ImportRequest r = schoolsFromXian80(dir, dir.file("county.gpkg"));
  r.towgs84 = parseBursaWolf(kTowgs84);
  const ImportSummary s = importLayer(r);
  ASSERT_FALSE(s.refusal) << *s.refusal;
  EXPECT_EQ(s.targetCrs, "EPSG:4525"); // CGCS2000 zone 37, prefix kept
  ASSERT_TRUE(s.datumShift);
  EXPECT_NE(s.datumShift->find("dx 24.000 m"), std::string::npos) << *s.datumShift;
  const auto points = schoolPoints(r.project);
  ASSERT_EQ(points.size(), 2u);
  EXPECT_NEAR(points[0].first, 37512368.9510, 0.001);
  EXPECT_NEAR(points[0].second, 4283999.7822, 0.001);
  EXPECT_NEAR(points[1].first, 37513023.4679, 0.001);
  EXPECT_NEAR(points[1].second, 4284999.5553, 0.001);

  // Kept with the project: the next import from EPSG:2361 needs no parameters.
  ImportRequest again = schoolsFromXian80(dir, r.project);
  const ImportSummary second = importLayer(again);
  ASSERT_FALSE(second.refusal) << *second.refusal;
  ASSERT_TRUE(second.datumShift);
  EXPECT_NE(second.datumShift->find("stored with the project"), std::string::npos);
  const auto all = schoolPoints(r.project);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_NEAR(all[2].first, 37512368.9510, 0.001);
  EXPECT_NEAR(all[2].second, 4283999.7822, 0.001);
}

// A similarity chosen by hand: a = 1.000002, b = 0.000005, tx = -80, ty = -150, i.e.
// x' = -80 + 1.000002·x - 0.000005·y, y' = -150 + 0.000005·x + 1.000002·y (python3):
//   K1 37510000 4280000 → 37509973.6200 4280046.1100
//   K2 37520000 4280000 → 37519973.6400 4280046.1600
//   K3 37520000 4290000 → 37519973.5900 4290046.1800
//   K4 37510000 4290000 → 37509973.5700 4290046.1300
//   school XX-1 37512345.5 4284000.25 → 37512319.1047 4284046.3797
const char *kControlPoints = "点名,源X,源Y,目标X,目标Y\n"
                             "K1,37510000,4280000,37509973.6200,4280046.1100\n"
                             "K2,37520000,4280000,37519973.6400,4280046.1600\n"
                             "K3,37520000,4290000,37519973.5900,4290046.1800\n"
                             "K4,37510000,4290000,37509973.5700,4290046.1300\n";

TEST(DatumShift, FourParameterFitRecoversAKnownSimilarity)
{
  TempDir dir;
  const std::vector<ControlPoint> points =
      readControlPoints(dir.writeFile("公共点.csv", kControlPoints));
  ASSERT_EQ(points.size(), 4u);
  EXPECT_EQ(points[2].name, "K3");
  const PlaneSimilarity fit = fitPlaneSimilarity(points);
  EXPECT_NEAR(fit.a, 1.000002, 1e-10);
  EXPECT_NEAR(fit.b, 0.000005, 1e-10);
  EXPECT_NEAR(fit.tx, -80, 1e-3);
  EXPECT_NEAR(fit.ty, -150, 1e-3);
  for (double r : fit.residuals)
    EXPECT_LT(r, 1e-4);

  // A point 3 cm off: the fit spreads it, and its residual is the largest.
  std::vector<ControlPoint> off = points;
  off[3].targetX += 0.03;
  const PlaneSimilarity noisy = fitPlaneSimilarity(off);
  EXPECT_GT(noisy.residuals[3], 0.01);
  EXPECT_GT(noisy.residuals[3], noisy.residuals[0]);
}

TEST(DatumShift, ControlPointsMoveTheImport)
{
  TempDir dir;
  ImportRequest r = schoolsFromXian80(dir, dir.file("county.gpkg"));
  r.controlPoints = dir.writeFile("公共点.csv", kControlPoints);
  const ImportSummary s = importLayer(r);
  ASSERT_FALSE(s.refusal) << *s.refusal;
  ASSERT_EQ(s.controlResiduals.size(), 4u);
  EXPECT_EQ(s.controlResiduals[0].first, "K1");
  EXPECT_LT(s.controlResiduals[0].second, 1e-3);
  const auto points = schoolPoints(r.project);
  ASSERT_EQ(points.size(), 2u);
  EXPECT_NEAR(points[0].first, 37512319.1047, 0.001);
  EXPECT_NEAR(points[0].second, 4284046.3797, 0.001);
}

TEST(DatumShift, BadParametersAreRefusedNamingThem)
{
  EXPECT_THROW(parseBursaWolf("24,-123,-94"), ImportError);
  EXPECT_THROW(parseBursaWolf("24,-123,-94,0.02,x,-0.13,1.1"), ImportError);
  const BursaWolf p = parseBursaWolf(" 24, -123,-94 ,0.02,-0.25,-0.13,1.1");
  EXPECT_EQ(p.dy, -123);
  EXPECT_EQ(p.ds, 1.1);

  TempDir dir;
  const std::string two = dir.writeFile("two.csv", "name,sx,sy,tx,ty\nA,1,2,3,4\nB,5,6,7,8\n");
  EXPECT_THROW(fitPlaneSimilarity(readControlPoints(two)), ImportError);
  const std::string same =
      dir.writeFile("same.csv", "name,sx,sy,tx,ty\nA,1,2,3,4\nB,1,2,3,4\nC,1,2,3,4\n");
  EXPECT_THROW(fitPlaneSimilarity(readControlPoints(same)), ImportError);
  const std::string bad = dir.writeFile("bad.csv", "name,sx,sy,tx,ty\nA,1,2,3,4\nB,5,六,7,8\n");
  try {
    readControlPoints(bad);
    FAIL() << "a bad number must be refused";
  } catch (const ImportError &e) {
    EXPECT_NE(std::string(e.what()).find("line 3"), std::string::npos) << e.what();
  }

  // Parameters for data already on GRS 1980: nothing to shift, and the import says so.
  ImportRequest r;
  r.source = dir.writeFile("cgcs.csv", kXian80Schools);
  r.project = dir.file("county.gpkg");
  r.role = "schools";
  r.assignCrs = gis::Crs::fromEpsg(4525);
  r.towgs84 = parseBursaWolf(kTowgs84);
  const ImportSummary s = importLayer(r);
  ASSERT_TRUE(s.refusal);
  EXPECT_NE(s.refusal->find("no datum shift"), std::string::npos) << *s.refusal;
}

TEST(DatumShift, CounterpartsFollowTheZone)
{
  EXPECT_EQ(cgcs2000Counterpart(gis::Crs::fromEpsg(2361)).authId(), "EPSG:4525");  // zone 37
  EXPECT_EQ(cgcs2000Counterpart(gis::Crs::fromEpsg(2383)).authId(), "EPSG:4547");  // CM 114E
  EXPECT_EQ(cgcs2000Counterpart(gis::Crs::fromEpsg(2431)).authId(), "EPSG:4543");  // CM 102E
  EXPECT_EQ(cgcs2000Counterpart(gis::Crs::fromEpsg(21419)).authId(), "EPSG:4497"); // 6° zone 19
  EXPECT_EQ(cgcs2000Counterpart(gis::Crs::fromEpsg(4610)).authId(), "EPSG:4490");
  EXPECT_THROW(cgcs2000Counterpart(gis::Crs::fromEpsg(3857)), ImportError);
  EXPECT_TRUE(needsDatumParameters(gis::Crs::fromEpsg(2361), gis::Crs::fromEpsg(4490)));
  EXPECT_TRUE(needsDatumParameters(gis::Crs::fromEpsg(4214), gis::Crs::fromEpsg(4546)));
  EXPECT_FALSE(needsDatumParameters(gis::Crs::fromEpsg(4326), gis::Crs::fromEpsg(4490)));
}

} // namespace
} // namespace anzhi::core
