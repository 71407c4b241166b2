// anzhi-cli import of a 界址点坐标 TXT and anzhi-cli export (txt, gdb), as a script runs them:
// exit 0 and a summary, or exit 2 with one line on stderr naming file and line, and then the
// project byte for byte as it was; an .mdb says what it needs.

#include "tests/support/BoundaryPoints.h"
#include "tests/support/Cli.h"
#include "tests/support/Files.h"
#include "tests/support/TempDir.h"

#include "gis/VectorSupport.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sys/wait.h>

using namespace anzhi;
using namespace anzhi::test;

namespace {

std::string writeTxt(const TempDir &dir, const std::string &name,
                     const std::vector<std::string> &lines = sampleLines())
{
  return dir.writeFile(name, toGbk(joinLines(lines)));
}

//! Imports the good sample into a new project and returns its path.
std::string importedProject(const TempDir &dir)
{
  const std::string project = dir.file("县 项目.gpkg");
  const CliRun run = cli("import " + quote(writeTxt(dir, "界址点.txt")) + " --into " +
                             quote(project) + " --as planned_plots",
                         dir);
  EXPECT_EQ(run.exitCode, 0) << run.err;
  return project;
}

void expectRefused(const std::vector<std::string> &lines, const std::string &line,
                   const std::string &reason)
{
  TempDir dir;
  const std::string project = importedProject(dir);
  const std::string before = slurp(project);
  const std::string bad = writeTxt(dir, "坏.txt", lines);
  const CliRun run =
      cli("import " + quote(bad) + " --into " + quote(project) + " --as planned_plots", dir);
  EXPECT_EQ(run.exitCode, 2) << run.out;
  EXPECT_NE(run.err.find(bad + ": line " + line + ": "), std::string::npos) << run.err;
  EXPECT_NE(run.err.find(reason), std::string::npos) << run.err;
  EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
  EXPECT_EQ(slurp(project), before) << "the project is untouched";
}

} // namespace

TEST(BoundaryPointCli, ImportsATxtAsPlannedPlots)
{
  TempDir dir;
  const std::string project = dir.file("p.gpkg");
  const CliRun run = cli("import " + quote(writeTxt(dir, "界址点.txt")) + " --into " +
                             quote(project) + " --as planned_plots",
                         dir);
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_NE(run.out.find("导入 imported: 3"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("EPSG:4525"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("GBK (detected)"), std::string::npos) << run.out;
}

TEST(BoundaryPointCli, RefusesABadNumber)
{
  std::vector<std::string> lines = sampleLines();
  lines[30] = "J1,1,4284000.000,375450OO.000";
  expectRefused(lines, "31", "bad number for Y");
}

TEST(BoundaryPointCli, RefusesAPointCountThatDisagrees)
{
  std::vector<std::string> lines = sampleLines();
  lines[12] = "6,1.0000,DK-1,安置区小学,面,J49G064057,教育用地,0804,@";
  expectRefused(lines, "13", "界址点数 6");
}

TEST(BoundaryPointCli, RefusesARingOfFewerThanThreePoints)
{
  std::vector<std::string> lines = sampleLines();
  lines[18] = "8,3.7500,DK-2,带天井的住宅,面,,城镇住宅用地,0701,@";
  lines.erase(lines.begin() + 25, lines.begin() + 27); // the hole keeps J5, J8 and J5 again
  expectRefused(lines, "25", "ring 圈号 2");
}

TEST(BoundaryPointCli, RefusesAZoneThatDisagreesWithThePrefix)
{
  std::vector<std::string> lines = sampleLines();
  lines[8] = "带号=19";
  lines[5] = "几度分带=6";
  expectRefused(lines, "14", "but 带号 (line 9) is 19");
}

TEST(BoundaryPointCli, ExportsTxtAndGdb)
{
  TempDir dir;
  const std::string project = importedProject(dir);
  const std::string txt = dir.file("报盘.txt");
  CliRun run = cli("export " + quote(project) + " --layer planned_plots --format txt --out " +
                       quote(txt) + " --codes DK-2,DK-3",
                   dir);
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_NE(run.out.find("planned_plots: 2"), std::string::npos) << run.out;
  const std::string text = fromGbk(slurp(txt));
  EXPECT_NE(text.find(",DK-2,带天井的住宅,面,"), std::string::npos) << text;
  EXPECT_EQ(text.find(",DK-1,"), std::string::npos) << text;

  // Exists now: exit 2 and the file as it was, unless --force.
  const std::string before = slurp(txt);
  run = cli("export " + quote(project) + " --layer planned_plots --out " + quote(txt), dir);
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_NE(run.err.find("already exists"), std::string::npos) << run.err;
  EXPECT_EQ(slurp(txt), before);
  run = cli("export " + quote(project) + " --layer planned_plots --out " + quote(txt) +
                " --force --where \"land_use = '0804'\"",
            dir);
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_NE(fromGbk(slurp(txt)).find(",DK-1,"), std::string::npos);

  const std::string gdb = dir.file("汇交.gdb");
  run =
      cli("export " + quote(project) + " --format gdb --out " + quote(gdb) + " --violations", dir);
  ASSERT_EQ(run.exitCode, 0) << run.err;
  EXPECT_TRUE(std::filesystem::is_directory(gdb));
  EXPECT_NE(run.out.find("planned_plots: 3"), std::string::npos) << run.out;

  // Refused before anything is written.
  EXPECT_EQ(cli("export " + quote(project) + " --format txt --out " + quote(dir.file("x.txt")), dir)
                .exitCode,
            2)
      << "txt needs --layer";
  EXPECT_EQ(cli("export " + quote(project) + " --layer planned_plots --out " +
                    quote(dir.file("x.txt")) + " --codes DK-9",
                dir)
                .exitCode,
            2);
  EXPECT_FALSE(std::filesystem::exists(dir.file("x.txt")));
}

TEST(BoundaryPointCli, AnMdbSaysWhatItNeeds)
{
  TempDir dir;
  std::string bytes(4096, '\0');
  bytes.replace(0, 19, std::string("\x00\x01\x00\x00Standard Jet DB", 19));
  const std::string mdb = dir.writeFile("宗地.mdb", bytes);
  const CliRun run = cli(
      "import " + quote(mdb) + " --into " + quote(dir.file("p.gpkg")) + " --as planned_plots", dir);
  EXPECT_EQ(run.exitCode, 2);
  EXPECT_NE(run.err.find(mdb), std::string::npos) << run.err;
  if (gis::hasVectorDriver("PGeo") && !gis::hasMdbToolsOdbc()) {
    EXPECT_NE(run.err.find("apt-get install odbc-mdbtools"), std::string::npos) << run.err;
  }
  EXPECT_FALSE(std::filesystem::exists(dir.file("p.gpkg")));
}
