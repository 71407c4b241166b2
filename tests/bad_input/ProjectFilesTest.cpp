// The project's files against hostile or careless paths, crashed writers and files that are not
// what they claim (issue 11, docs/bad-input.md "Never lose a project"): an output that is the
// project, links planted where a report is written, a GeoPackage that is no project, a journal
// left by a crashed import, a write-ahead log a reader must not fold in, and FIFOs.

#include "BadInputFixture.h"
#include "core/RuleRegistry.h"

#include <sqlite3.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace anzhi;
using namespace anzhi::test;
using namespace anzhi::test::bad_input;
namespace fs = std::filesystem;

namespace {

//! A project with one known violation: a 10 m × 10 m residential plot inside a school plot
//! (protected-land, 100 m² by hand), so that a report has something to say.
std::string projectWithOneViolation(const std::string &path)
{
  ProjectBuilder b(path);
  b.add("resettlement_sites", "AZQ-1", rect(X0, Y0, X0 + 100, Y0 + 100),
        {FieldValue("安置区"), null, null, FieldValue("rural"), null, FieldValue(std::int64_t(100)),
         null, null, FieldValue(std::int64_t(1))});
  b.add("planned_plots", "EDU-1", rect(X0 + 200, Y0, X0 + 300, Y0 + 100),
        {FieldValue("学校"), FieldValue("education")});
  b.add("planned_plots", "RES-1", rect(X0 + 210, Y0 + 10, X0 + 220, Y0 + 20),
        {FieldValue("住宅"), FieldValue("residential")});
  return b.finish();
}

std::string mode(const std::string &path)
{
  struct stat st = {};
  ::lstat(path.c_str(), &st);
  char text[8];
  std::snprintf(text, sizeof text, "%o", unsigned(st.st_mode & 07777));
  return text;
}

//! What a file created by this process would get: 0666 less the umask.
std::string ordinaryMode()
{
  mode_t mask = ::umask(0);
  ::umask(mask);
  char text[8];
  std::snprintf(text, sizeof text, "%o", unsigned(0666 & ~mask));
  return text;
}

std::vector<std::string> leftovers(const fs::path &dir)
{
  std::vector<std::string> names;
  for (const auto &entry : fs::directory_iterator(dir))
    if (entry.path().filename().string().find(".partial-") != std::string::npos)
      names.push_back(entry.path().filename().string());
  return names;
}

//! The first column of the query's first row, as text ("" when there is none).
std::string scalar(const std::string &path, const std::string &query)
{
  sqlite3 *db = nullptr;
  std::string value;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, query.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
      if (const unsigned char *text = sqlite3_column_text(stmt, 0))
        value = reinterpret_cast<const char *>(text);
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db);
  return value;
}

//! Copies a project while `db` holds a write transaction that SQLite has already spilled into
//! the file: the copy is what a kill -9 at that moment leaves — the file half-written and a hot
//! journal beside it holding the pages as they were.
void copyMidTransaction(const std::string &project, const std::string &copy)
{
  sqlite3 *db = nullptr;
  ASSERT_EQ(sqlite3_open(project.c_str(), &db), SQLITE_OK);
  auto exec = [&](const std::string &statement) {
    char *error = nullptr;
    ASSERT_EQ(sqlite3_exec(db, statement.c_str(), nullptr, nullptr, &error), SQLITE_OK)
        << (error ? error : "") << " in " << statement;
  };
  // A tiny page cache makes SQLite write dirty pages into the file before the commit.
  exec("PRAGMA cache_size = 2");
  exec("BEGIN");
  exec("CREATE TABLE interrupted_import(payload BLOB)");
  exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) "
       "INSERT INTO interrupted_import SELECT randomblob(2000) FROM n");
  exec("DELETE FROM planned_plots WHERE code = 'RES-1'");
  ASSERT_TRUE(fs::exists(project + "-journal"));
  fs::copy_file(project, copy);
  fs::copy_file(project + "-journal", copy + "-journal");
  exec("ROLLBACK");
  sqlite3_close(db);
}

} // namespace

// --- 1. An output path that is the project ---

TEST_F(BadInput, OutputThatIsTheProjectIsRefused)
{
  const std::string project = projectWithOneViolation(input("县 项目.gpkg"));
  const std::string same = "check " + quote(project) + " ";
  for (const char *option : {"--json", "--html", "--violations"}) {
    CliRun run = cli(same + option + " " + quote(project));
    expectCannotRun(run, {project, "refusing to write", "the project itself"});
  }
  // Another spelling, a symbolic link and a hard link to the project: the same file.
  const std::string dotted = (fs::path(project).parent_path() / "." / "县 项目.gpkg").string();
  const std::string symlink = output("链接.gpkg"), hardlink = output("硬链接.gpkg");
  fs::create_symlink(project, symlink);
  fs::create_hard_link(project, hardlink);
  expectCannotRun(cli(same + "--violations " + quote(dotted)), {dotted, "the project itself"});
  expectCannotRun(cli(same + "--json " + quote(symlink)), {symlink, "the project itself"});
  expectCannotRun(cli(same + "--html " + quote(hardlink)), {hardlink, "the project itself"});
  expectCannotRun(cli("render " + quote(project) + " --out " + quote(symlink)),
                  {symlink, "the project itself"});
  // The edit journal is part of the project too (unsaved edits of the desktop).
  const std::string edits = project + ".anzhi-edits";
  writeBytes(edits, "{\"v\":1}\n");
  expectCannotRun(cli(same + "--json " + quote(edits)), {edits, "a file of the project"});
  // A report next to the project is fine.
  EXPECT_EQ(cli(same + "--json " + quote(output("报告.json"))).exitCode, 1);
}

// --- 2. Links planted where a report is written ---

TEST_F(BadInput, PlantedLinksAreNeverWrittenThrough)
{
  const std::string project = projectWithOneViolation(input("项目.gpkg"));
  const std::string victim = output("受害者.txt");
  writeBytes(victim, "precious");
  // Links to the victim at the reports' own paths (temporaries are mkostemp/mkdtemp names,
  // which cannot be planted in advance).
  const std::string json = output("报告.json"), gpkg = output("违规.gpkg");
  fs::create_symlink(victim, json);
  const std::string html = output("报告.html"), png = output("地图.png");
  fs::create_symlink(victim, html);
  fs::create_symlink(victim, png);
  CliRun run = check(project, "--json " + quote(json) + " --html " + quote(html) +
                                  " --violations " + quote(gpkg));
  EXPECT_EQ(run.exitCode, 1) << run.err;
  EXPECT_EQ(slurp(victim), "precious");
  // The link at OUT was replaced by the report, its target left alone.
  EXPECT_FALSE(fs::is_symlink(html));
  EXPECT_FALSE(fs::is_symlink(json));
  EXPECT_NE(slurp(html).find("RES-1"), std::string::npos);
  EXPECT_NE(nlohmann::json::parse(slurp(json))["violations"].dump().find("RES-1"),
            std::string::npos);
  EXPECT_EQ(scalar(gpkg, "SELECT count(*) FROM violations WHERE 'RES-1' IN (code, other_code)"),
            "1");
  // Reports are ordinary files for the colleagues who read them, not mkstemp's 0600.
  EXPECT_EQ(mode(json), ordinaryMode());
  EXPECT_EQ(mode(gpkg), ordinaryMode());

  run = cli("render " + quote(project) + " --size 64x48 --out " + quote(png));
  EXPECT_EQ(run.exitCode, 0) << run.err;
  EXPECT_EQ(slurp(victim), "precious");
  EXPECT_FALSE(fs::is_symlink(png));
  EXPECT_EQ(slurp(png).substr(1, 3), "PNG");
  // No temporary file or folder of the writers is left beside the outputs.
  EXPECT_TRUE(leftovers(m_outputs).empty());
}

TEST_F(BadInput, FullDiskSaysSoAndLeavesNoTemporaryFile)
{
  const std::string project = projectWithOneViolation(input("项目.gpkg"));
  // A 64 KiB file system stands for a full disk (root may mount one; elsewhere the case
  // cannot be built and says so).
  const fs::path small = m_outputs / "小 磁盘";
  fs::create_directories(small);
  if (::mount("tmpfs", small.c_str(), "tmpfs", 0, "size=64k") != 0)
    GTEST_SKIP() << "cannot mount a small tmpfs here (not root?)";
  struct Unmount
  {
    std::string path;
    ~Unmount() { ::umount2(path.c_str(), MNT_DETACH); }
  } unmount{small.string()};
  {
    // Fill it to the last block.
    std::ofstream filler(small / "filler", std::ios::binary);
    const std::string block(4096, 'x');
    for (int i = 0; i < 64 && filler; ++i)
      filler.write(block.data(), std::streamsize(block.size())).flush();
  }
  const std::string json = (small / "报告.json").string();
  const std::string gpkg = (small / "违规.gpkg").string();
  CliRun run = check(project, "--json " + quote(json));
  expectCannotRun(run, {"disk full writing " + json});
  EXPECT_LT(run.err.size(), 300u) << run.err;
  run = check(project, "--violations " + quote(gpkg));
  expectCannotRun(run, {gpkg});
  EXPECT_LT(run.err.size(), 400u) << run.err;
  EXPECT_FALSE(fs::exists(json));
  EXPECT_FALSE(fs::exists(gpkg));
  EXPECT_TRUE(leftovers(small).empty());
}

// --- 3. A GeoPackage that is not an Anzhi project ---

TEST_F(BadInput, GeoPackageWithNoCanonicalLayerIsNotAProject)
{
  const std::string path = input("地籍 宗地.gpkg");
  {
    gis::VectorDataset ds = gis::VectorDataset::createGeoPackage(path);
    gis::LayerWriter parcels =
        ds.createLayer("parcels", gis::GeometryKind::Polygon, gis::Crs::fromEpsg(4546),
                       {{"code", gis::FieldType::String}});
    gis::Geometry g = gis::fromWkt(rect(X0, Y0, X0 + 10, Y0 + 10));
    parcels.add(g.get(), {FieldValue("Z-1")});
  }
  expectCannotRun(check(path), {path, "not an Anzhi project", "anzhi-cli info"});
}

TEST_F(BadInput, LayerListedButTableMissing)
{
  const std::string path = projectWithOneViolation(input("缺表.gpkg"));
  // Another tool dropped the table and left the GeoPackage's catalogue as it was.
  sql(path, "PRAGMA foreign_keys = OFF; DROP TABLE planned_plots");
  expectCannotRun(check(path), {path, "planned_plots"});
}

TEST_F(BadInput, RuleSetThatDisablesEveryRuleWarns)
{
  const std::string project = projectWithOneViolation(input("项目.gpkg"));
  const std::string rules = input("全部 关闭.toml");
  std::string toml = "schema = \"anzhi.rules/1\"\n";
  for (const auto &rule : core::registeredRules())
    toml += "[rules." + rule->id() + "]\nenabled = false\n";
  writeBytes(rules, toml);
  CliRun run = check(project, "--rules " + quote(rules) + " --lang en");
  EXPECT_EQ(run.exitCode, 0) << run.err;
  EXPECT_NE(run.err.find("disables every rule"), std::string::npos) << run.err;
}

// --- 4. A journal left by a crashed import ---

TEST_F(BadInput, HotJournalIsRolledBackAndSaidSo)
{
  const std::string original = projectWithOneViolation(output("原件.gpkg"));
  const std::string crashed = input("崩溃 导入.gpkg");
  copyMidTransaction(original, crashed);
  // Before the fix every command failed with "attempt to write a readonly database".
  CliRun run = cli("check " + quote(crashed) + " --lang en", /*inputsUnchanged=*/false);
  EXPECT_EQ(run.exitCode, 1) << run.err; // the residential plot the crash was deleting is back
  EXPECT_EQ(run.lines(), 1) << run.err;
  EXPECT_NE(run.err.find("recovered from an interrupted write"), std::string::npos) << run.err;
  EXPECT_NE(run.out.find("RES-1"), std::string::npos) << run.out;
  EXPECT_FALSE(fs::exists(crashed + "-journal"));
  EXPECT_EQ(scalar(crashed, "SELECT count(*) FROM sqlite_master WHERE name = "
                            "'interrupted_import'"),
            "0");
  EXPECT_EQ(scalar(crashed, "PRAGMA integrity_check"), "ok");
}

TEST_F(BadInput, HotJournalOnAReadOnlyProjectSaysHowToRecover)
{
  const std::string original = projectWithOneViolation(output("原件.gpkg"));
  const std::string crashed = input("只读 崩溃.gpkg");
  copyMidTransaction(original, crashed);
  fs::permissions(crashed, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  const std::string journal = slurp(crashed + "-journal");
  CliRun run = check(crashed);
  expectCannotRun(run, {crashed, "interrupted write", "read-only", "chmod u+w"});
  EXPECT_EQ(slurp(crashed + "-journal"), journal);
  // `info` meets the same journal and says the same.
  expectCannotRun(cli("info " + quote(crashed)), {crashed, "read-only"});
}

// --- 5. A write-ahead log that a reader must leave alone ---

TEST_F(BadInput, CheckNeverCheckpointsAWalProject)
{
  const std::string path = projectWithOneViolation(input("预写 日志.gpkg"));
  sql(path, "PRAGMA journal_mode = WAL");
  {
    // WAL mode, log folded in: the check creates and removes its side files, nothing stays.
    CliRun run = check(path);
    EXPECT_EQ(run.exitCode, 1) << run.err;
    run = cli("info " + quote(path));
    EXPECT_EQ(run.exitCode, 0) << run.err;
  }
  // A writer left committed transactions in the log (killed before its checkpoint): copy the
  // files while it holds them.
  const std::string left = input("日志 未合并.gpkg");
  {
    sqlite3 *db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "DELETE FROM planned_plots WHERE code = 'RES-1'", nullptr, nullptr,
                           nullptr),
              SQLITE_OK);
    ASSERT_GT(fs::file_size(path + "-wal"), 0u);
    fs::copy_file(path, left);
    fs::copy_file(path + "-wal", left + "-wal");
    fs::copy_file(path + "-shm", left + "-shm");
    sqlite3_close(db);
  }
  const std::string file = slurp(left), wal = slurp(left + "-wal");
  CliRun run = cli("check " + quote(left), /*inputsUnchanged=*/false);
  // The deletion in the log is seen: no violation left.
  EXPECT_EQ(run.exitCode, 0) << run.err << run.out;
  EXPECT_TRUE(run.err.empty()) << run.err;
  run = cli("info " + quote(left), /*inputsUnchanged=*/false);
  EXPECT_EQ(run.exitCode, 0) << run.err;
  // Not checkpointed: the file and its log are byte for byte as the writer left them.
  EXPECT_EQ(slurp(left), file);
  ASSERT_TRUE(fs::exists(left + "-wal"));
  EXPECT_EQ(slurp(left + "-wal"), wal);
}

// --- 11. Anything that is not a regular file ---

TEST_F(BadInput, FifosAreRefusedNotWaitedOn)
{
  const std::string project = projectWithOneViolation(input("项目.gpkg"));
  const std::string fifo = input("管道.gpkg"), rules = input("规则 管道.toml"),
                    source = input("来源 管道.geojson");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
  ASSERT_EQ(::mkfifo(rules.c_str(), 0644), 0);
  ASSERT_EQ(::mkfifo(source.c_str(), 0644), 0);
  expectCannotRun(check(fifo), {fifo, "not a regular file"});
  expectCannotRun(cli("info " + quote(fifo)), {fifo, "not a regular file"});
  expectCannotRun(check(project, "--rules " + quote(rules)), {rules, "not a regular file"});
  expectCannotRun(cli("import " + quote(source) + " --into " + quote(project) + " --as schools"),
                  {source, "not a regular file"});
}
