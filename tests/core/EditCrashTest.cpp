// A save killed in the middle (SIGKILL, as a crash or a power cut would stop it) leaves the
// project in the old or the new state, never a mix, and never a corrupt file.

#include "tests/support/ProjectBuilder.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace anzhi;
using namespace anzhi::test;

namespace {

constexpr int kBasePlots = 300;
constexpr int kNewPlots = 30000;

struct HelperRun
{
  bool killed = false; //!< the helper was still running when killed
  double seconds = 0;  //!< from "saving" to exit or kill
};

//! Runs the helper on `path` and kills it `killAfter` seconds after it starts saving (never
//! when negative).
HelperRun runHelper(const std::string &path, double killAfter)
{
  int out[2];
  EXPECT_EQ(::pipe(out), 0);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    std::string n = std::to_string(kNewPlots);
    ::execl(ANZHI_EDIT_SAVE_HELPER, ANZHI_EDIT_SAVE_HELPER, path.c_str(), n.c_str(),
            static_cast<char *>(nullptr));
    ::_exit(127);
  }
  ::close(out[1]);
  std::string text;
  char buf[64];
  while (text.find("saving") == std::string::npos) {
    ssize_t n = ::read(out[0], buf, sizeof buf);
    if (n <= 0)
      break;
    text.append(buf, std::size_t(n));
  }
  auto start = std::chrono::steady_clock::now();
  HelperRun run;
  if (killAfter >= 0) {
    std::this_thread::sleep_for(std::chrono::duration<double>(killAfter));
    run.killed = ::waitpid(pid, nullptr, WNOHANG) == 0;
    ::kill(pid, SIGKILL);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(out[0]);
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (killAfter < 0) {
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "the helper's save failed";
  }
  return run;
}

std::string queryText(sqlite3 *db, const std::string &sql)
{
  sqlite3_stmt *stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
  std::string result;
  if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
    result = reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0));
  sqlite3_finalize(stmt);
  return result;
}

enum class State
{
  Old,
  New,
  Mixed
};

//! Checks the file's integrity and says which state it is in.
State inspect(const std::string &path)
{
  sqlite3 *db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK); // rolls back a hot journal
  EXPECT_EQ(queryText(db, "PRAGMA integrity_check"), "ok");
  int rows = std::stoi(queryText(db, "SELECT count(*) FROM planned_plots"));
  int green =
      std::stoi(queryText(db, "SELECT count(*) FROM planned_plots WHERE land_use = 'green'"));
  int indexed = std::stoi(queryText(db, "SELECT count(*) FROM rtree_planned_plots_geom"));
  sqlite3_close(db);
  EXPECT_EQ(indexed, rows) << "the spatial index disagrees with the table";
  // The project still loads as a project.
  EXPECT_NO_THROW(core::Project::load(path, {}));
  if (rows == kBasePlots && green == 0)
    return State::Old;
  if (rows == kBasePlots + kNewPlots && green == rows)
    return State::New;
  ADD_FAILURE() << "mixed state: " << rows << " rows, " << green << " green";
  return State::Mixed;
}

} // namespace

TEST(EditCrash, AKilledSaveLeavesTheOldOrTheNewStateNeverAMix)
{
  TempDir dir;
  std::string base = dir.file("base.gpkg");
  {
    ProjectBuilder b(base);
    for (int i = 0; i < kBasePlots; ++i) {
      double x = 500000 + double(i % 20) * 50, y = 4300000 + double(i / 20) * 50;
      b.add("planned_plots", "P-" + std::to_string(i), rect(x, y, x + 40, y + 40),
            {FieldValue("地块"), FieldValue("residential")});
    }
    b.finish();
  }
  auto fresh = [&](const std::string &name) {
    std::string path = dir.file(name);
    std::filesystem::copy_file(base, path);
    return path;
  };
  // A complete save, to know how long one takes here.
  std::string whole = fresh("whole.gpkg");
  HelperRun complete = runHelper(whole, -1);
  EXPECT_EQ(inspect(whole), State::New);

  int killedMidSave = 0;
  for (double fraction : {0.05, 0.3, 0.6, 0.9}) {
    std::string path = fresh("kill-" + std::to_string(int(fraction * 100)) + ".gpkg");
    HelperRun run = runHelper(path, complete.seconds * fraction);
    State state = inspect(path);
    EXPECT_NE(state, State::Mixed) << "killed after " << fraction << " of the save";
    if (run.killed && state == State::Old)
      ++killedMidSave;
  }
  // At least one kill landed inside the save's transaction and was rolled back.
  EXPECT_GE(killedMidSave, 1) << "a complete save took " << complete.seconds << " s";
}
