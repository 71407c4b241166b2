// anzhi-cli as a script would use it: exit codes 0/1/2, one clear line on stderr, reports
// written (the CSV's rows matching the JSON's), the input untouched, and `check` finding
// exactly what `sample` planted.

#include "tests/support/Cli.h"
#include "core/AcceptedExceptions.h"
#include "tests/support/Csv.h"
#include "tests/support/Dem.h"
#include "tests/support/Files.h"
#include "tests/support/ProjectBuilder.h"

#include <nlohmann/json.hpp>

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <sstream>
#include <sys/wait.h>
#include <tuple>

using namespace anzhi;
using namespace anzhi::test;

namespace {

using Key =
    std::tuple<std::string, std::string, std::int64_t, std::string, std::string, std::int64_t>;

} // namespace

TEST(Cli, CheckFindsExactlyWhatSamplePlanted)
{
  TempDir dir;
  std::string project = dir.file("县 样例.gpkg"); // Chinese characters and a space
  ASSERT_EQ(cli("sample " + quote(project) + " --seed 7 --sites 40", dir).exitCode, 0);
  std::string json = dir.file("report.json");
  CliRun run = cli("check " + quote(project) + " --json " + quote(json), dir);
  EXPECT_EQ(run.exitCode, 1) << run.err;

  // The generator records what it planted, by construction, in anzhi_sample_planted.
  std::set<Key> planted;
  gis::VectorDataset ds = gis::VectorDataset::open(project);
  gis::VectorLayer table = ds.layer("anzhi_sample_planted");
  int rule = table.requireField("rule", gis::FieldType::String);
  int layer = table.requireField("layer", gis::FieldType::String);
  int fid = table.requireField("fid", gis::FieldType::Integer);
  int level = table.requireField("level", gis::FieldType::String);
  int otherLayer = table.requireField("other_layer", gis::FieldType::String);
  int otherFid = table.requireField("other_fid", gis::FieldType::Integer);
  std::set<std::string> plantedRules;
  table.forEach([&](const gis::FeatureRow &r) {
    planted.emplace(*r.string(rule), *r.string(layer), *r.integer(fid),
                    r.string(level).value_or(""), r.string(otherLayer).value_or(""),
                    r.integer(otherFid).value_or(-1));
    plantedRules.insert(*r.string(rule));
    return true;
  });
  EXPECT_EQ(plantedRules.size(), 19u) << "a planted violation for every rule";

  auto doc = nlohmann::json::parse(slurp(json));
  std::set<Key> found;
  for (const auto &v : doc["violations"]) {
    found.emplace(v["rule"], v["layer"], v["fid"], v["level"].is_null() ? "" : v["level"],
                  v["other"].is_null() ? "" : v["other"]["layer"],
                  v["other"].is_null() ? -1 : v["other"]["fid"].get<std::int64_t>());
  }
  std::vector<Key> missing, extra;
  std::set_difference(planted.begin(), planted.end(), found.begin(), found.end(),
                      std::back_inserter(missing));
  std::set_difference(found.begin(), found.end(), planted.begin(), planted.end(),
                      std::back_inserter(extra));
  EXPECT_TRUE(missing.empty()) << missing.size() << " planted violations not found, first: "
                               << std::get<0>(missing[0]) << " " << std::get<1>(missing[0]) << " "
                               << std::get<2>(missing[0]);
  EXPECT_TRUE(extra.empty()) << extra.size()
                             << " unplanted violations, first: " << std::get<0>(extra[0]) << " "
                             << std::get<1>(extra[0]) << " " << std::get<2>(extra[0]);

  // The sample is one county whose sites take more land than its reclaimed homesteads: one
  // linkage entry, its balance the shortfall the linkage-balance violation reports, and the
  // readable summary prints the same figures in 亩.
  ASSERT_EQ(doc["linkage"].size(), 1u);
  const auto &county = doc["linkage"][0];
  const double construction = county["construction_mu"], reclaimed = county["reclaimed_mu"];
  EXPECT_NEAR(county["balance_mu"].get<double>(), reclaimed - construction, 1e-9);
  EXPECT_NEAR(construction, county["construction_m2"].get<double>() * 15 / 10000, 1e-9);
  for (const auto &v : doc["violations"]) {
    if (v["rule"] == "linkage-balance") {
      EXPECT_NEAR(v["area_mu"].get<double>(), construction - reclaimed, 1e-6);
    }
  }
  char expected[256];
  std::snprintf(expected, sizeof expected,
                "增减挂钩 %s：新增建设用地 %.2f 亩，已复垦 %.2f 亩，节余指标 %.2f 亩",
                county["county"].get<std::string>().c_str(), construction, reclaimed,
                reclaimed - construction);
  CliRun summary = cli("check " + quote(project), dir);
  EXPECT_NE(summary.out.find(expected), std::string::npos) << summary.out;
}

TEST(Cli, ExitCodesAndOneLineErrors)
{
  TempDir dir;
  CliRun missing = cli("check " + quote(dir.file("nowhere.gpkg")), dir);
  EXPECT_EQ(missing.exitCode, 2);
  EXPECT_NE(missing.err.find("nowhere.gpkg"), std::string::npos) << missing.err;
  EXPECT_EQ(std::count(missing.err.begin(), missing.err.end(), '\n'), 1) << missing.err;

  std::string text = dir.file("notes.gpkg");
  std::ofstream(text) << "plain text, not a GeoPackage\n";
  CliRun notGpkg = cli("check " + quote(text), dir);
  EXPECT_EQ(notGpkg.exitCode, 2);
  EXPECT_NE(notGpkg.err.find("notes.gpkg"), std::string::npos) << notGpkg.err;
  EXPECT_EQ(slurp(text), "plain text, not a GeoPackage\n") << "input untouched";

  EXPECT_EQ(cli("check", dir).exitCode, 2) << "missing argument";
  EXPECT_EQ(cli("frobnicate x", dir).exitCode, 2) << "unknown command";

  // A clean project exits 0; the same with a violation exits 1; a warning alone exits 0.
  ProjectBuilder clean(dir.file("clean.gpkg"));
  clean.add("planned_plots", "P-1", rect(500000, 4300000, 500100, 4300100),
            {FieldValue("学校"), FieldValue("education")});
  std::string cleanPath = clean.finish();
  EXPECT_EQ(cli("check " + quote(cleanPath), dir).exitCode, 0);

  ProjectBuilder warn(dir.file("warn.gpkg"));
  warn.add("resettlement_sites", "AZQ-1", rect(500000, 4300000, 500100, 4300100),
           {FieldValue("安置区"), null, null, FieldValue("rural"), null,
            FieldValue(std::int64_t(900)), null, null, FieldValue(std::int64_t(0))});
  CliRun warning = cli("check " + quote(warn.finish()) + " --lang en", dir);
  EXPECT_EQ(warning.exitCode, 0) << "support-plan is a warning";
  EXPECT_NE(warning.out.find("support plan"), std::string::npos) << warning.out;

  std::string rules = dir.file("rules.toml");
  std::ofstream(rules) << "[rules.ranger-area]\nmin_mu = -5\n";
  CliRun badRules = cli("check " + quote(cleanPath) + " --rules " + quote(rules), dir);
  EXPECT_EQ(badRules.exitCode, 2);
  EXPECT_NE(badRules.err.find("rules.toml:2"), std::string::npos) << badRules.err;
  EXPECT_NE(badRules.err.find("min_mu"), std::string::npos) << badRules.err;
}

TEST(Cli, ReportsAreWrittenAndInputUnchanged)
{
  TempDir dir;
  std::string project = dir.file("p.gpkg");
  ASSERT_EQ(cli("sample " + quote(project) + " --sites 8", dir).exitCode, 0);
  std::string before = slurp(project);
  std::string html = dir.file("r.html"), gpkg = dir.file("v.gpkg"), json = dir.file("r.json");
  CliRun run = cli("check " + quote(project) + " --html " + quote(html) + " --violations " +
                       quote(gpkg) + " --json " + quote(json) + " --lang en",
                   dir);
  EXPECT_EQ(run.exitCode, 1) << run.err;
  EXPECT_EQ(slurp(project), before) << "checking never writes to the project";
  auto doc = nlohmann::json::parse(slurp(json));
  EXPECT_NE(slurp(html).find("Summary by township"), std::string::npos);
  gis::VectorDataset violations = gis::VectorDataset::open(gpkg);
  EXPECT_EQ(violations.layer("violations").featureCount(),
            static_cast<std::int64_t>(doc["violations"].size()));
  CliRun info = cli("info " + quote(project), dir);
  EXPECT_EQ(info.exitCode, 0);
  EXPECT_NE(info.out.find("EPSG:4546"), std::string::npos);
  EXPECT_NE(info.out.find("ranger_plots"), std::string::npos);
}

TEST(Cli, ImportZonePrefixedCsvThenRefuseWithoutTouchingTheProject)
{
  TempDir dir;
  const std::string csv = dir.file("学校.csv"), project = dir.file("县.gpkg");
  std::ofstream(csv) << "code,name,level,capacity,X,Y\n"
                        "XX-1,第一小学,primary,500,37512345.5,4284000.25\n"
                        "XX-2,城关中学,junior,800,37513000,4285000\n";
  CliRun run = cli("import " + quote(csv) + " --into " + quote(project) +
                       " --as schools --assign-crs EPSG:4525",
                   dir);
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_NE(run.out.find("rows read: 2"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("imported: 2"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("refused: 0"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("EPSG:4525"), std::string::npos) << run.out;
  gis::VectorDataset ds = gis::VectorDataset::open(project);
  EXPECT_EQ(ds.layer("schools").featureCount(), 2);
  EXPECT_EQ(ds.layer("schools").crs()->authId(), "EPSG:4525");

  // A second CSV whose capacity column is named otherwise: refused until mapped.
  const std::string more = dir.file("more.csv");
  std::ofstream(more) << "code,level,XWS,X,Y\nXX-3,primary,300,37514000,4286000\n";
  const std::string before = slurp(project);
  CliRun refused = cli("import " + quote(more) + " --into " + quote(project) +
                           " --as schools --assign-crs EPSG:4525",
                       dir);
  EXPECT_EQ(refused.exitCode, 2);
  EXPECT_EQ(std::count(refused.err.begin(), refused.err.end(), '\n'), 1) << refused.err;
  EXPECT_NE(refused.err.find("'capacity'"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("--field capacity="), std::string::npos) << refused.err;
  EXPECT_EQ(slurp(project), before);

  CliRun mapped = cli("import " + quote(more) + " --into " + quote(project) +
                          " --as schools --assign-crs EPSG:4525 --field capacity=XWS",
                      dir);
  EXPECT_EQ(mapped.exitCode, 0) << mapped.err;

  // A row that cannot be read refuses the import, naming file, layer, feature and field.
  const std::string bad = dir.file("bad.csv");
  std::ofstream(bad) << "code,level,capacity,X,Y\nXX-4,primary,一千,37514000,4286000\n";
  const std::string before2 = slurp(project);
  CliRun badRow = cli("import " + quote(bad) + " --into " + quote(project) +
                          " --as schools --assign-crs EPSG:4525",
                      dir);
  EXPECT_EQ(badRow.exitCode, 2);
  EXPECT_NE(badRow.err.find("bad.csv: layer 'bad', feature 1, field 'capacity'"), std::string::npos)
      << badRow.err;
  EXPECT_NE(badRow.out.find("refused: 1"), std::string::npos) << badRow.out;
  EXPECT_EQ(slurp(project), before2);

  CliRun badArg =
      cli("import " + quote(bad) + " --into " + quote(project) + " --as schools --encoding latin1",
          dir);
  EXPECT_EQ(badArg.exitCode, 2);
  EXPECT_NE(badArg.err.find("--encoding latin1"), std::string::npos) << badArg.err;
}

TEST(Cli, ImportMapsCodedValuesOrRefusesThem)
{
  TempDir dir;
  const std::string csv = dir.file("学校.csv"), project = dir.file("县.gpkg");
  std::ofstream(csv) << "code,学段,capacity,X,Y\n"
                        "XX-1,小学,500,37512345.5,4284000.25\n"
                        "XX-2,完中,800,37513000,4285000\n"
                        "XX-3,培智,80,37513500,4285000\n";
  const std::string import = "import " + quote(csv) + " --into " + quote(project) +
                             " --as schools --assign-crs EPSG:4525 --field level=学段";
  // 完中 and 培智 have no code: refused on one line naming the first, nothing written.
  CliRun refused = cli(import, dir);
  EXPECT_EQ(refused.exitCode, 2);
  EXPECT_EQ(std::count(refused.err.begin(), refused.err.end(), '\n'), 1) << refused.err;
  EXPECT_NE(refused.err.find("feature 2, field 'level'"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("'完中'"), std::string::npos) << refused.err;
  EXPECT_NE(refused.out.find("refused: 2"), std::string::npos) << refused.out;
  EXPECT_FALSE(std::filesystem::exists(project));

  // A value-map file and --value map them; --value wins over the file.
  const std::string map = dir.file("学段.toml");
  std::ofstream(map) << "[level]\n\"完中\" = \"junior\"\n\"培智\" = \"\"\n";
  CliRun mapped = cli(import + " --values " + quote(map) + " --value level=完中:high", dir);
  ASSERT_EQ(mapped.exitCode, 0) << mapped.err;
  EXPECT_NE(mapped.out.find("level: 小学 → primary (default, 1 row(s))"), std::string::npos)
      << mapped.out;
  EXPECT_NE(mapped.out.find("level: 完中 → high (map, 1 row(s))"), std::string::npos) << mapped.out;
  EXPECT_NE(mapped.out.find("level: 培智 → NULL (map, 1 row(s))"), std::string::npos) << mapped.out;
  std::filesystem::remove(project);

  // --unmapped null: imported as NULL and counted.
  CliRun nulls = cli(import + " --unmapped null", dir);
  ASSERT_EQ(nulls.exitCode, 0) << nulls.err;
  EXPECT_NE(nulls.out.find("unmapped → NULL: 2"), std::string::npos) << nulls.out;
  EXPECT_NE(nulls.out.find("unmapped-null"), std::string::npos) << nulls.out;
  gis::VectorDataset ds = gis::VectorDataset::open(project);
  EXPECT_EQ(ds.layer("schools").featureCount(), 3);

  CliRun badValue = cli(import + " --value level=完中", dir);
  EXPECT_EQ(badValue.exitCode, 2);
  EXPECT_NE(badValue.err.find("--value level=完中: expected field=source:code"), std::string::npos)
      << badValue.err;
  CliRun badOption = cli(import + " --unmapped skip", dir);
  EXPECT_EQ(badOption.exitCode, 2);
}

TEST(Cli, CsvListsTheViolationsThenTheAcceptedExceptions)
{
  TempDir dir;
  const std::string project = dir.file("县 样例.gpkg");
  ASSERT_EQ(cli("sample " + quote(project) + " --seed 3 --sites 8", dir).exitCode, 0);
  const std::string first = dir.file("first.json");
  ASSERT_EQ(cli("check " + quote(project) + " --json " + quote(first), dir).exitCode, 1);
  const auto before = nlohmann::json::parse(slurp(first))["violations"];
  ASSERT_GE(before.size(), 2u);
  // The first violation accepted as an exception, with text a spreadsheet would run.
  const auto &taken = before[0];
  core::AcceptedException accepted;
  accepted.key.rule = taken["rule"];
  accepted.key.layer = taken["layer"];
  accepted.key.fid = taken["fid"];
  if (!taken["other"].is_null()) {
    accepted.key.otherLayer = taken["other"]["layer"].get<std::string>();
    accepted.key.otherFid = taken["other"]["fid"].get<std::int64_t>();
  }
  if (!taken["level"].is_null())
    accepted.key.level = taken["level"].get<std::string>();
  accepted.reason = "=cmd|' /C calc'!A0";
  accepted.approvalNo = "晋自然资函〔2021〕7号, 附件 \"2\"";
  core::saveExceptions(project, {accepted});

  const std::string csv = dir.file("违规 表.csv"), json = dir.file("report.json");
  CliRun run = cli("check " + quote(project) + " --csv " + quote(csv) + " --json " + quote(json) +
                       " --lang en",
                   dir);
  EXPECT_EQ(run.exitCode, 1) << run.err;
  const auto doc = nlohmann::json::parse(slurp(json));
  const std::string text = slurp(csv);
  ASSERT_EQ(text.substr(0, 3), "\xEF\xBB\xBF") << "Excel reads UTF-8 only with its BOM";
  ASSERT_EQ(text.substr(text.size() - 2), "\r\n");
  const auto records = parseCsv(text.substr(3));
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records[0],
            (std::vector<std::string>{"rule",        "clause",     "severity",   "layer",
                                      "fid",         "code",       "township",   "level",
                                      "other_layer", "other_fid",  "other_code", "area_m2",
                                      "area_mu",     "distance_m", "minutes",    "shortfall_seats",
                                      "value",       "message",    "status",     "exception_reason",
                                      "approval_no", "wkt"}));
  ASSERT_EQ(records.size(), 1 + doc["violations"].size() + doc["exceptions"].size());
  ASSERT_EQ(doc["exceptions"].size(), 1u);
  EXPECT_EQ(doc["violations"].size(), before.size() - 1);

  // Row by row, the JSON report's violations in its order, then its exceptions.
  auto text3 = [](const nlohmann::json &value) {
    if (value.is_null())
      return std::string();
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.3f", value.get<double>());
    return std::string(buffer);
  };
  auto textOf = [](const nlohmann::json &value) {
    return value.is_null() ? std::string() : value.get<std::string>();
  };
  for (std::size_t i = 1; i < records.size(); ++i) {
    const std::vector<std::string> &r = records[i];
    ASSERT_EQ(r.size(), 22u) << "record " << i;
    const bool open = i <= doc["violations"].size();
    const auto &v =
        open ? doc["violations"][i - 1] : doc["exceptions"][i - 1 - doc["violations"].size()];
    EXPECT_EQ(r[0], v["rule"]);
    EXPECT_EQ(r[2], v["severity"]);
    EXPECT_EQ(r[3], v["layer"]);
    EXPECT_EQ(r[4], std::to_string(v["fid"].get<std::int64_t>()));
    EXPECT_EQ(r[5], textOf(v["code"]));
    EXPECT_EQ(r[7], textOf(v["level"]));
    EXPECT_EQ(r[8], v["other"].is_null() ? "" : v["other"]["layer"].get<std::string>());
    EXPECT_EQ(r[11], text3(v["area_m2"]));
    EXPECT_EQ(r[12], text3(v["area_mu"]));
    EXPECT_EQ(r[13], text3(v["distance_m"]));
    EXPECT_EQ(r[14], text3(v["minutes"]));
    EXPECT_EQ(r[16], text3(v["value"]));
    EXPECT_EQ(r[17], v["message"]);
    EXPECT_EQ(r[18], open ? "open" : "exception");
    EXPECT_EQ(r[21], textOf(v["wkt"]));
  }
  const std::vector<std::string> &last = records.back();
  EXPECT_EQ(last[19], "'=cmd|' /C calc'!A0");
  EXPECT_EQ(last[20], "晋自然资函〔2021〕7号, 附件 \"2\"");

  // A CSV alone is a data export, as --violations is: the summary is still printed.
  CliRun alone = cli("check " + quote(project) + " --csv " + quote(csv) + " --lang en", dir);
  EXPECT_EQ(alone.exitCode, 1) << alone.err;
  EXPECT_NE(alone.out.find("accepted exceptions: 1"), std::string::npos) << alone.out;
  // And never over the project.
  const std::string bytes = slurp(project);
  CliRun over = cli("check " + quote(project) + " --csv " + quote(project), dir);
  EXPECT_EQ(over.exitCode, 2);
  EXPECT_NE(over.err.find("refusing to write here"), std::string::npos) << over.err;
  EXPECT_EQ(slurp(project), bytes);
}

TEST(Cli, ADemNamedOnTheCommandLineOrImportedIntoTheProject)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  // 20 × 20 cells of 10 m, z = 0.6 x: slope atan(0.6) = 30.96° under the homestead.
  b.add("reclaimed_homesteads", "Z-1", rect(500050, 4300050, 500100, 4300100),
        {FieldValue("H-1"), FieldValue("长征村"), FieldValue("AZQ-1"), FieldValue("reclaimed"),
         FieldValue("cropland"), null});
  const std::string project = b.finish();
  const std::string before = slurp(project);
  const DemGrid g{500000, 4300200, 10, 10, 20, 20};
  const std::string dem = writeDem(dir.file("dem.tif"), "EPSG:4546", g,
                                   [&](int c, int) { return 0.6 * (g.centreX(c) - 500000); });

  // Without a DEM the rule is skipped; with --dem it finds the slope.
  CliRun skipped = cli("check " + quote(project) + " --lang en", dir);
  EXPECT_EQ(skipped.exitCode, 0) << skipped.err;
  EXPECT_NE(skipped.out.find("no DEM"), std::string::npos) << skipped.out;
  CliRun steep = cli("check " + quote(project) + " --lang en --dem " + quote(dem), dir);
  EXPECT_EQ(steep.exitCode, 0) << "a warning: " << steep.err;
  EXPECT_NE(steep.out.find("mean slope is 31.0°"), std::string::npos) << steep.out;

  // A --dem that is not a raster, or not there: exit 2, one line naming it.
  const std::string notes = dir.writeFile("notes.tif", "not a raster\n");
  for (const std::string &bad : {notes, dir.file("absent.tif")}) {
    CliRun run = cli("check " + quote(project) + " --dem " + quote(bad), dir);
    EXPECT_EQ(run.exitCode, 2) << bad;
    EXPECT_NE(run.err.find(bad), std::string::npos) << run.err;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
  }

  // import --as dem refuses a non-raster naming it, the project untouched; then stores it.
  CliRun refused = cli("import " + quote(notes) + " --into " + quote(project) + " --as dem", dir);
  EXPECT_EQ(refused.exitCode, 2);
  EXPECT_NE(refused.err.find(notes), std::string::npos) << refused.err;
  EXPECT_EQ(slurp(project), before) << "project untouched";
  CliRun imported = cli("import " + quote(dem) + " --into " + quote(project) + " --as dem", dir);
  EXPECT_EQ(imported.exitCode, 0) << imported.err;
  CliRun again = cli("import " + quote(dem) + " --into " + quote(project) + " --as dem", dir);
  EXPECT_EQ(again.exitCode, 2) << "a second dem table";
  CliRun fromTable =
      cli("check " + quote(project) + " --lang en --json " + quote(dir.file("r.json")), dir);
  EXPECT_EQ(fromTable.exitCode, 0) << fromTable.err;
  const auto report = nlohmann::json::parse(slurp(dir.file("r.json")));
  for (const auto &rule : report["rules"])
    if (rule["id"] == "reclamation-suitability") {
      EXPECT_EQ(rule["checked"], 1);
      EXPECT_EQ(rule["unchecked"], 0);
    }
  ASSERT_EQ(report["violations"].size(), 1u);
  // The table holds Float32: 0.6 x to about 1e-7 relative.
  EXPECT_NEAR(report["violations"][0]["value"].get<double>(), std::atan(0.6) * 180 / M_PI, 1e-3);
}

TEST(Cli, RenderDrawsBasemapsUnderThePlan)
{
  TempDir dir;
  ProjectBuilder b(dir.file("p.gpkg"));
  b.add("reclaimed_homesteads", "Z-1", rect(500050, 4300050, 500100, 4300100),
        {FieldValue("H-1"), FieldValue("长征村"), FieldValue("AZQ-1"), FieldValue("reclaimed"),
         FieldValue("cropland"), null});
  const std::string project = b.finish();
  // A green "orthophoto" around the homestead, 2 m cells.
  const std::string ortho = dir.file("ortho.tif");
  {
    GDALAllRegister();
    GDALDriver *gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
    GDALDatasetUniquePtr ds(gtiff->Create(ortho.c_str(), 300, 300, 3, GDT_Byte, nullptr));
    ASSERT_TRUE(ds);
    double gt[6] = {499800, 2, 0, 4300400, 0, -2};
    ds->SetGeoTransform(gt);
    OGRSpatialReference srs;
    srs.importFromEPSG(4546);
    ds->SetSpatialRef(&srs);
    const int green[] = {20, 140, 60};
    for (int band = 1; band <= 3; ++band)
      ASSERT_EQ(ds->GetRasterBand(band)->Fill(green[band - 1]), CE_None);
  }
  // 100 × 100 pixels of 4 m from (499 900, 4 299 900): pixel (5, 5) is at (499 922, 4 300 278),
  // off the homestead, on the orthophoto.
  const std::string common = "render " + quote(project) +
                             " --extent 499900,4299900,500300,4300300 --size 100x100 "
                             "--no-labels --no-hillshade --tile-cache " +
                             quote(dir.file("cache"));
  auto pixel = [](const std::string &png, int x, int y) {
    GDALDatasetUniquePtr ds(GDALDataset::Open(png.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    std::array<int, 3> rgb{-1, -1, -1};
    if (!ds)
      return rgb;
    for (int band = 1; band <= 3; ++band) {
      GByte v = 0;
      if (ds->GetRasterBand(band)->RasterIO(GF_Read, x, y, 1, 1, &v, 1, 1, GDT_Byte, 0, 0,
                                            nullptr) == CE_None)
        rgb[std::size_t(band - 1)] = v;
    }
    return rgb;
  };
  const std::string plain = dir.file("plain.png"), over = dir.file("over.png");
  CliRun run = cli(common + " --out " + quote(plain), dir);
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_EQ(pixel(plain, 5, 5), (std::array<int, 3>{255, 255, 255}));
  run = cli(common + " --basemap " + quote(ortho) + " --out " + quote(over), dir);
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_EQ(pixel(over, 5, 5), (std::array<int, 3>{20, 140, 60}));

  // A tile service nobody answers for: a warning naming it, the orthophoto still drawn.
  run = cli(common + " --basemap " + quote(ortho) +
                " --basemap 'http://127.0.0.1:9/{z}/{x}/{y}.png' --out " + quote(over),
            dir);
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_NE(run.err.find("127.0.0.1:9"), std::string::npos) << run.err;
  EXPECT_EQ(pixel(over, 5, 5), (std::array<int, 3>{20, 140, 60}));
  // Offline, the service is not asked and not reported (Qt may warn of its own).
  run =
      cli(common + " --offline --basemap 'http://127.0.0.1:9/{z}/{x}/{y}.png' --out " + quote(over),
          dir);
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_EQ(run.err.find("anzhi-cli"), std::string::npos) << run.err;

  // A basemap that is not there, or not a raster: exit 2, one line naming it.
  const std::string notes = dir.writeFile("notes.tif", "not a raster\n");
  for (const std::string &bad : {notes, dir.file("absent.tif")}) {
    run = cli(common + " --basemap " + quote(bad) + " --out " + quote(over), dir);
    EXPECT_EQ(run.exitCode, 2) << bad;
    const std::size_t line = run.err.find("anzhi-cli: --basemap " + bad);
    ASSERT_NE(line, std::string::npos) << run.err;
    EXPECT_EQ(run.err.find("anzhi-cli", line + 1), std::string::npos) << "one line: " << run.err;
  }
}

TEST(Cli, CatchmentsOfASchoolOnAStraightRoad)
{
  // One straight county road through a primary school. Walking 100 m a minute (6 km/h) and 200 m
  // a minute on the road (12 km/h), within T minutes the road is reached out to D = 200·T m each
  // way and the walk from the school is R = 100·T m, falling linearly to 0 at D: the area is a
  // disc of radius R with two tangent cones to points D away, 2·R·√(D² − R²) + R²·(π − 2θ) with
  // θ = arccos(R / D) (docs/network.md).
  TempDir dir;
  ProjectBuilder b(dir.file("road.gpkg"));
  constexpr double X0 = 500000, Y0 = 4300000;
  b.add("resettlement_sites", "AZQ-1", rect(X0 + 5000, Y0, X0 + 5010, Y0 + 10),
        {FieldValue("安置区"), FieldValue("岢岚县"), FieldValue("宋家沟乡"), FieldValue("rural"),
         null, FieldValue(std::int64_t(10)), null, null, FieldValue(std::int64_t(1))});
  b.add("schools", "S-1", point(X0, Y0),
        {FieldValue("学校"), FieldValue("primary"), FieldValue(std::int64_t(100)),
         FieldValue(std::int64_t(0))});
  b.add("schools", "S-J", point(X0, Y0 + 50),
        {FieldValue("初中"), FieldValue("junior"), FieldValue(std::int64_t(100)),
         FieldValue(std::int64_t(0))});
  b.add("roads", "R-1",
        "LINESTRING(" + std::to_string(X0 - 3000) + " " + std::to_string(Y0) + ", " +
            std::to_string(X0 + 3000) + " " + std::to_string(Y0) + ")",
        {FieldValue("county")});
  const std::string project = b.finish();
  const std::string rules = dir.file("rules.toml");
  std::ofstream(rules) << "[rules.school-coverage]\nwalk_kmh = 6\n"
                          "max_minutes.primary = { urban = 5, rural = 10 }\n"
                          "speed_kmh.primary = { county = 12 }\n";
  const std::string out = dir.file("catchments.gpkg");
  CliRun run = cli("catchments " + quote(project) + " --level primary --out " + quote(out) +
                       " --rules " + quote(rules),
                   dir);
  ASSERT_EQ(run.exitCode, 0) << run.err;

  auto expectedArea = [](double minutes) {
    const double r = 100 * minutes, d = 200 * minutes, theta = std::acos(r / d);
    return 2 * r * std::sqrt(d * d - r * r) + r * r * (M_PI - 2 * theta);
  };
  gis::VectorDataset ds = gis::VectorDataset::open(out);
  gis::VectorLayer layer = ds.layer("catchments");
  const int code = layer.requireField("school_code", gis::FieldType::String);
  const int level = layer.requireField("level", gis::FieldType::String);
  const int setting = layer.requireField("setting", gis::FieldType::String);
  const int limit = layer.requireField("max_minutes", gis::FieldType::Real);
  std::map<std::string, double> areas;
  layer.forEach([&](const gis::FeatureRow &r) {
    EXPECT_EQ(r.string(code), "S-1"); // the junior school is not of the level
    EXPECT_EQ(r.string(level), "primary");
    const double minutes = *r.real(limit);
    const double area = gis::planarArea(r.geometry().get());
    // The discs are 64-gons: 0.16 % less area on their part.
    EXPECT_NEAR(area, expectedArea(minutes), 0.002 * expectedArea(minutes)) << minutes;
    areas[*r.string(setting)] = minutes;
    return true;
  });
  EXPECT_EQ(areas, (std::map<std::string, double>{{"rural", 10.0}, {"urban", 5.0}}));

  // A project without roads cannot have service areas by road.
  ProjectBuilder none(dir.file("none.gpkg"));
  none.add("schools", "S-1", point(X0, Y0),
           {FieldValue("学校"), FieldValue("primary"), FieldValue(std::int64_t(100)),
            FieldValue(std::int64_t(0))});
  const std::string noRoads = none.finish();
  CliRun refused = cli(
      "catchments " + quote(noRoads) + " --level junior --out " + quote(dir.file("x.gpkg")), dir);
  EXPECT_EQ(refused.exitCode, 2);
  EXPECT_NE(refused.err.find("no `roads` layer"), std::string::npos) << refused.err;
}
