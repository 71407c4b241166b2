// anzhi-cli schools seats / plan as a script runs them (docs/education.md): exit codes, the JSON
// fields, and bad input named on one line of stderr with exit 2. Distances planar in EPSG:4546,
// worked out by hand; radii are the defaults (primary urban 500 m).

#include "tests/support/Cli.h"
#include "tests/support/ProjectBuilder.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>

using namespace anzhi;
using namespace anzhi::test;

namespace {

constexpr double X0 = 500000, Y0 = 4300000;

V site(std::int64_t primary)
{
  return {FieldValue("安置区"),
          null,
          null,
          FieldValue("urban"),
          null,
          FieldValue(std::int64_t(1000)),
          FieldValue(primary),
          FieldValue(std::int64_t(0)),
          FieldValue(std::int64_t(1))};
}

V school(std::int64_t capacity, std::int64_t enrolled)
{
  return {FieldValue("学校"), FieldValue("primary"), FieldValue(capacity), FieldValue(enrolled)};
}

//! A (10 pupils) 100 m from X and 300 m from Y; B (10) 200 m from X, 700 m from Y (beyond 500):
//! X has 10 free seats, Y `ySeats`.
std::string seatsProject(const TempDir &dir, std::int64_t ySeats)
{
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("resettlement_sites", "A", rect(X0, Y0, X0 + 100, Y0 + 100), site(10));
  b.add("resettlement_sites", "B", rect(X0 - 400, Y0, X0 - 300, Y0 + 100), site(10));
  b.add("schools", "X", point(X0 - 100, Y0 + 50), school(15, 5));
  b.add("schools", "Y", point(X0 + 400, Y0 + 50), school(ySeats, 0));
  b.add("planned_plots", "C1", rect(X0 + 2000, Y0, X0 + 2020, Y0 + 20),
        {FieldValue("学校用地"), FieldValue("education")});
  return b.finish();
}

} // namespace

TEST(SchoolsCli, SeatsEveryPupilAndWritesJson)
{
  TempDir dir;
  const std::string project = seatsProject(dir, 10), json = dir.file("seats.json");
  CliRun run = cli("schools seats " + quote(project) + " --level primary --json " + quote(json) +
                       " --csv " + quote(dir.file("seats.csv")),
                   dir);
  ASSERT_EQ(run.exitCode, 0) << run.err;
  nlohmann::json j = nlohmann::json::parse(slurp(json));
  EXPECT_EQ(j["schema"], "anzhi.school-seats/1");
  EXPECT_EQ(j["cost_unit"], "m");
  EXPECT_EQ(j["pupils"], 20);
  EXPECT_EQ(j["unseated"], 0);
  // B can only go to X, so A goes to Y: 10 × 200 + 10 × 300.
  EXPECT_NEAR(j["travel"].get<double>(), 5000.0, 1e-6);
  ASSERT_EQ(j["schools"].size(), 2u);
  EXPECT_EQ(j["schools"][0]["code"], "X");
  EXPECT_EQ(j["schools"][0]["free_seats"], 10);
  EXPECT_EQ(j["schools"][0]["assigned"], 10);
  EXPECT_EQ(j["schools"][1]["remaining_seats"], 0);
  ASSERT_EQ(j["sites"].size(), 2u);
  EXPECT_EQ(j["sites"][0]["code"], "A");
  EXPECT_EQ(j["sites"][0]["seated"][0]["school"], "Y");
  EXPECT_EQ(j["sites"][0]["seated"][0]["pupils"], 10);
  const std::string csv = slurp(dir.file("seats.csv"));
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF"
                      "site_code,level,site_pupils,school_code,pupils,cost_m\r\n",
                      0),
            0u);
  EXPECT_NE(csv.find("A,primary,10,Y,10,300.000\r\n"), std::string::npos) << csv;
}

TEST(SchoolsCli, SeatsExitOneWithUnseatedPupils)
{
  TempDir dir;
  CliRun run = cli("schools seats " + quote(seatsProject(dir, 4)) + " --level primary", dir);
  EXPECT_EQ(run.exitCode, 1) << run.err;
  EXPECT_NE(run.out.find("14 / 20 pupils seated, 6 unseated"), std::string::npos) << run.out;
}

TEST(SchoolsCli, PlanAddsFromEducationPlotsAndWritesPoints)
{
  TempDir dir;
  const std::string project = seatsProject(dir, 10), json = dir.file("plan.json"),
                    out = dir.file("plan.gpkg");
  // A second candidate layer in a file of its own: a point 100 m south of B.
  {
    gis::VectorDataset extra = gis::VectorDataset::createGeoPackage(dir.file("c.gpkg"));
    gis::LayerWriter w =
        extra.createLayer("sites", gis::GeometryKind::Point, gis::Crs::fromEpsg(4546),
                          {{"code", gis::FieldType::String}});
    gis::Geometry p = gis::fromWkt(point(X0 - 350, Y0 - 100));
    w.add(p.get(), {FieldValue("K1")});
  }
  CliRun run = cli("schools plan " + quote(project) +
                       " --add 1 --level primary --objective "
                       "travel --method heuristic --json " +
                       quote(json) + " --out " + quote(out),
                   dir);
  ASSERT_EQ(run.exitCode, 0) << run.err;
  nlohmann::json j = nlohmann::json::parse(slurp(json));
  EXPECT_EQ(j["schema"], "anzhi.school-plan/1");
  EXPECT_EQ(j["candidates"], 1);
  EXPECT_EQ(j["method"], "heuristic");
  ASSERT_EQ(j["added"].size(), 1u);
  EXPECT_EQ(j["added"][0]["candidate"], "C1");
  EXPECT_EQ(j["added"][0]["newly_covered"], 0); // C1 is 1900 m from A: it reaches nobody
  EXPECT_EQ(gis::VectorDataset::open(out).layer("planned_schools").featureCount(), 1);

  run = cli("schools plan " + quote(project) +
                " --add 1 --level primary --objective travel "
                "--candidates " +
                quote(dir.file("c.gpkg") + ":sites") + " --json " + quote(json),
            dir);
  ASSERT_EQ(run.exitCode, 0) << run.err;
  j = nlohmann::json::parse(slurp(json));
  EXPECT_EQ(j["added"][0]["candidate"], "K1");
  // K1 is 100 m from B (200 m from X before): it serves B's 10 pupils.
  EXPECT_EQ(j["added"][0]["served"], 10);
  EXPECT_NEAR(j["travel_before"].get<double>() - j["travel_after"].get<double>(), 10 * 100.0, 1e-6);
}

TEST(SchoolsCli, BadInputExitsTwoNamingIt)
{
  TempDir dir;
  const std::string project = seatsProject(dir, 10);
  CliRun run = cli("schools plan " + quote(project) + " --add 2 --level primary", dir);
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_NE(run.err.find("--add 2 exceeds the 1 candidate"), std::string::npos) << run.err;

  run = cli("schools plan " + quote(project) + " --add 1 --level senior", dir);
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_NE(run.err.find("senior"), std::string::npos) << run.err;

  run = cli("schools seats " + quote(project) + " --level senior", dir);
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_NE(run.err.find("senior"), std::string::npos) << run.err;

  run = cli("schools plan " + quote(project) + " --add 1 --level junior --candidates nowhere", dir);
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_NE(run.err.find("nowhere"), std::string::npos) << run.err;

  // Minutes and metres cannot be added: both levels together need one mode.
  const std::string rules = dir.writeFile(
      "rules.toml", "[rules.school-coverage]\nmode = { primary = \"network\", junior = "
                    "\"radius\" }\n");
  run = cli("schools seats " + quote(project) + " --level both --rules " + quote(rules), dir);
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_NE(run.err.find("one level at a time"), std::string::npos) << run.err;
  // A level by road in a project without roads.
  run = cli("schools seats " + quote(project) + " --level primary --rules " + quote(rules), dir);
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_NE(run.err.find("needs roads"), std::string::npos) << run.err;

  ProjectBuilder b(dir.file("bare.gpkg"));
  b.add("resettlement_sites", "A", rect(X0, Y0, X0 + 100, Y0 + 100), site(10));
  b.add("schools", "X", point(X0 - 100, Y0 + 50), school(15, 5));
  run = cli("schools plan " + quote(b.finish()) + " --add 1 --level primary", dir);
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_NE(run.err.find("no candidates"), std::string::npos) << run.err;
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
}

TEST(SchoolsCli, NoOutputOverwritesTheProject)
{
  TempDir dir;
  const std::string project = seatsProject(dir, 10);
  const std::string before = slurp(project);
  for (const std::string &args :
       {"schools seats " + quote(project) + " --level primary --json " + quote(project),
        "schools seats " + quote(project) + " --level primary --csv " + quote(project),
        "schools plan " + quote(project) + " --add 1 --level primary --json " + quote(project),
        "schools plan " + quote(project) + " --add 1 --level primary --out " + quote(project)}) {
    const CliRun run = cli(args, dir);
    EXPECT_EQ(run.exitCode, 2) << args;
    EXPECT_NE(run.err.find("it is the project itself"), std::string::npos) << run.err;
  }
  EXPECT_EQ(slurp(project), before);
}
