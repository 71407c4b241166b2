// The bad-input catalogue (docs/bad-input.md), hostile text and hostile projects: a rule set
// whose pattern backtracks exponentially, data that would forge or hide output lines (newline,
// ESC, bidirectional overrides), concurrent imports, a read-only project written by root, and a
// project's own triggers.

#include "BadInputFixture.h"

#include <array>
#include <sstream>

using namespace anzhi;
using namespace anzhi::test;
using namespace anzhi::test::bad_input;

namespace {

//! A line that would look like the end of a successful check, after a newline, then ESC [2J
//! (clear the screen) and U+202E RIGHT-TO-LEFT OVERRIDE (E2 80 AE), which reverses the rest.
const std::string kForged = "\nanzhi-cli: Errors: 0\x1b[2J\xE2\x80\xAE";
//! kForged as it must be shown: every character visible, nothing interpreted.
const std::string kForgedShown = "\\nanzhi-cli: Errors: 0\\x1b[2J\\u202e";

//! The value of a one-cell query.
std::int64_t count(const std::string &path, const std::string &query)
{
  sqlite3 *db = nullptr;
  sqlite3_stmt *statement = nullptr;
  std::int64_t value = -1;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK &&
      sqlite3_prepare_v2(db, query.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW)
    value = sqlite3_column_int64(statement, 0);
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return value;
}

//! A GeoJSON of `n` primary schools (lon/lat) coded PREFIX-1 … PREFIX-n.
std::string schoolsGeoJson(const std::string &prefix, int n)
{
  std::ostringstream out;
  out << "{\"type\":\"FeatureCollection\",\"features\":[";
  for (int i = 1; i <= n; ++i)
    out << (i > 1 ? "," : "") << R"({"type":"Feature","properties":{"code":")" << prefix << "-" << i
        << R"(","name":"学校 )" << i
        << R"(","level":"primary","capacity":100},"geometry":{"type":"Point","coordinates":[)"
        << 111.0 + i * 1e-5 << ",38.8]}}";
  out << "]}";
  return out.str();
}

//! A project with one school, S-0, in EPSG:4546.
std::string projectWithSchool(const std::string &path)
{
  ProjectBuilder b(path);
  b.add("schools", "S-0", point(X0, Y0),
        {FieldValue("学校"), FieldValue("primary"), FieldValue(std::int64_t(100)), null});
  return b.finish();
}

} // namespace

TEST_F(BadInput, RuleSetPatternThatBacktracksDoesNotHang)
{
  // (.|.|.|.|.|.|.|.)*Q: a backtracking matcher tries 8^n ways on a value of n characters
  // without a Q; libstdc++'s std::regex ran for minutes on these 30-character values.
  ProjectBuilder b(input("县 项目.gpkg"));
  for (int i = 0; i < 3; ++i)
    b.add("planned_plots", "P-" + std::to_string(i), rect(X0 + 10 * i, Y0, X0 + 10 * i + 9, Y0 + 9),
          {FieldValue("地块"), FieldValue(std::string(30, 'a'))});
  const std::string project = b.finish();
  const std::string rules = input("规则 回溯.toml");
  writeBytes(rules, "[land_use]\neducation = [\"education\", \"(.|.|.|.|.|.|.|.)*Q\"]\n");
  const CliRun run =
      check(project, "--rules " + quote(rules) + " --json " + quote(output("报告.json")));
  EXPECT_TRUE(run.exitCode == 0 || run.exitCode == 1) << run.exitCode << run.err;
  EXPECT_TRUE(run.err.empty()) << run.err;
}

TEST_F(BadInput, RuleSetPatternNeedingBacktrackingIsRefusedNamingFileAndKey)
{
  // Lookaround and back-references cannot be matched without backtracking.
  const std::string project = validProject("县 项目.gpkg", 3);
  const std::string rules = input("规则 前瞻.toml");
  writeBytes(rules, "[land_use]\nmedical = [\"A51\", \"(?=A)A51\"]\n");
  expectCannotRun(check(project, "--rules " + quote(rules)),
                  {rules + ":2", "land_use.medical", "(?=A)A51"});
  writeBytes(rules, "[land_use]\n\nindustrial = [\"(M)\\\\1\"]\n");
  expectCannotRun(check(project, "--rules " + quote(rules)),
                  {rules + ":3", "land_use.industrial", "(M)\\1"});
}

TEST_F(BadInput, DataCannotForgeTheErrorLine)
{
  // A value quoted in the one stderr line of a check that cannot run.
  const std::string project = input("县 项目.gpkg");
  writeSitesWithTextPopulation(project, X0, Y0, "一千" + kForged);
  const CliRun run = check(project);
  expectCannotRun(run, {project, "feature 2", "population", "一千" + kForgedShown});
  EXPECT_EQ(run.err.find('\x1b'), std::string::npos) << run.err;
}

TEST_F(BadInput, DataCannotForgeTheCheckListing)
{
  // A site's name quoted in the console listing's violation messages (stdout): 5000 people
  // and no support plan is a support-plan warning.
  const std::string project = input("县 项目.gpkg");
  ProjectBuilder b(project);
  b.add("resettlement_sites", "AZQ-1", rect(X0, Y0, X0 + 100, Y0 + 100),
        {FieldValue("安置区" + kForged), null, null, FieldValue("rural"), null,
         FieldValue(std::int64_t(5000)), null, null, FieldValue(std::int64_t(0))});
  b.finish();
  const CliRun run = check(project, "--lang en");
  EXPECT_EQ(run.exitCode, 0) << run.err;
  EXPECT_NE(run.out.find("安置区" + kForgedShown), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find('\x1b'), std::string::npos);
  EXPECT_EQ(run.out.find("\xE2\x80\xAE"), std::string::npos);
  EXPECT_EQ(run.out.find("\nanzhi-cli: Errors: 0"), std::string::npos) << run.out;
}

TEST_F(BadInput, DataCannotForgeTheImportSummaryOrRefusal)
{
  // A duplicate code is quoted in the summary's warning (stdout).
  const std::string project = projectWithSchool(input("县 项目.gpkg"));
  const std::string source = input("学校 恶意.geojson");
  std::string json = schoolsGeoJson("S", 2);
  for (const std::string &plain : {std::string("\"S-1\""), std::string("\"S-2\"")})
    json.replace(json.find(plain), plain.size(), "\"S-1\\nanzhi-cli: Errors: 0\\u001b[2J\\u202e\"");
  writeBytes(source, json);
  CliRun run = cli("import " + quote(source) + " --into " + quote(project) + " --as schools",
                   /*inputsUnchanged=*/false);
  EXPECT_EQ(run.exitCode, 0) << run.err;
  EXPECT_NE(run.out.find("duplicate code 'S-1" + kForgedShown + "'"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find('\x1b'), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("\nanzhi-cli: Errors: 0"), std::string::npos) << run.out;

  // A value quoted in the refusal (stderr) and in the refused row's reason (stdout).
  json = schoolsGeoJson("T", 1);
  json.replace(json.find("\"capacity\":100"), 14,
               "\"capacity\":\"一百\\nanzhi-cli: Errors: 0\\u001b[2J\\u202e\"");
  writeBytes(source, json);
  run = cli("import " + quote(source) + " --into " + quote(project) + " --as schools",
            /*inputsUnchanged=*/false);
  expectCannotRun(run, {source, "capacity", "一百" + kForgedShown});
  EXPECT_NE(run.out.find("一百" + kForgedShown), std::string::npos) << run.out;
  EXPECT_EQ((run.out + run.err).find('\x1b'), std::string::npos);
}

TEST_F(BadInput, ConcurrentImportsSeeEachOthersCodes)
{
  // Both imports read the project before either writes; the codes must be checked under the
  // write lock, so that the one that commits second warns that the first's codes are there.
  const std::string source = input("学校.geojson");
  writeBytes(source, schoolsGeoJson("C", 3000));
  for (int round = 0; round < 3; ++round) {
    SCOPED_TRACE("round " + std::to_string(round));
    const std::string project =
        projectWithSchool(input("县 项目 " + std::to_string(round) + ".gpkg"));
    std::string script;
    for (int i : {1, 2}) {
      const std::string out = output("import" + std::to_string(i));
      script += "(timeout -k 5 120 " + std::string(ANZHI_CLI) + " import " + quote(source) +
                " --into " + quote(project) + " --as schools </dev/null >" + quote(out + ".out") +
                " 2>" + quote(out + ".err") + "; echo $? >" + quote(out + ".rc") + ") & ";
    }
    ASSERT_EQ(std::system((script + "wait").c_str()), 0);
    int warned = 0;
    for (int i : {1, 2}) {
      const std::string out = output("import" + std::to_string(i));
      EXPECT_EQ(slurp(out + ".rc"), "0\n") << slurp(out + ".err");
      if (slurp(out + ".out")
              .find("code 'C-1' is already in the project's schools (and 2999 "
                    "more)") != std::string::npos)
        ++warned;
    }
    EXPECT_EQ(warned, 1) << slurp(output("import1.out")) << slurp(output("import2.out"));
    EXPECT_EQ(count(project, "SELECT count(*) FROM schools"), 1 + 2 * 3000);
  }
}

TEST_F(BadInput, ImportIntoReadOnlyProjectIsRefusedEvenForRoot)
{
  // Root may write a 0444 file; the mode says its owner does not want it written.
  const std::string project = projectWithSchool(input("县 项目.gpkg"));
  const std::string source = input("学校.geojson");
  writeBytes(source, schoolsGeoJson("R", 2));
  fs::permissions(project, fs::perms(0444));
  const CliRun run = cli("import " + quote(source) + " --into " + quote(project) + " --as schools");
  expectCannotRun(run, {project, "is read-only (mode 0444)"});
  EXPECT_EQ(count(project, "SELECT count(*) FROM schools"), 1);
}

TEST_F(BadInput, ImportIntoTableWithTriggersIsRefusedUnlessAllowed)
{
  const std::string project = projectWithSchool(input("县 项目.gpkg"));
  sql(project, "CREATE TABLE audit (code TEXT); CREATE TRIGGER schools_audit AFTER INSERT ON "
               "schools BEGIN INSERT INTO audit VALUES (NEW.code); END;");
  const std::string source = input("学校.geojson");
  writeBytes(source, schoolsGeoJson("G", 2));
  const std::string import =
      "import " + quote(source) + " --into " + quote(project) + " --as schools";
  expectCannotRun(cli(import), {project, "schools", "'schools_audit'", "--allow-triggers"});

  const CliRun run = cli(import + " --allow-triggers", /*inputsUnchanged=*/false);
  EXPECT_EQ(run.exitCode, 0) << run.err;
  EXPECT_NE(run.out.find("triggers: "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("'schools_audit'"), std::string::npos) << run.out;
  EXPECT_EQ(count(project, "SELECT count(*) FROM audit"), 2); // the trigger ran, as announced
  EXPECT_EQ(count(project, "SELECT count(*) FROM schools"), 3);
}

TEST_F(BadInput, DataCannotForgeTheInfoListing)
{
  // A table name is the file's text too: `info` lists it as a layer.
  const std::string project = validProject("县 项目.gpkg", 3);
  const std::string table = "parcels" + kForged;
  std::string quoted; // as an SQL identifier and as an SQL string
  for (char c : table)
    quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  sql(project, "CREATE TABLE \"" + quoted +
                   "\" (fid INTEGER PRIMARY KEY, note TEXT);"
                   "INSERT INTO gpkg_contents (table_name, data_type, identifier) VALUES ('" +
                   quoted + "', 'attributes', 'x');");
  const CliRun run = cli("info " + quote(project), false);
  EXPECT_EQ(run.exitCode, 0) << run.err;
  EXPECT_NE(run.out.find("parcels" + kForgedShown), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find('\x1b'), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("\nanzhi-cli: Errors: 0"), std::string::npos) << run.out;
}
