#pragma once

// The bad-input catalogue's fixture (docs/bad-input.md): a case's own directories (Chinese
// characters and spaces in their names), anzhi-cli run as a script would run it, and the check
// that the inputs' directory did not change.

#include "tests/support/Files.h"
#include "tests/support/ProjectBuilder.h"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <vector>

namespace anzhi::test::bad_input {

namespace fs = std::filesystem;

inline constexpr double X0 = 500000, Y0 = 4300000;
inline constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

struct CliRun
{
  int exitCode = -1;
  std::string out, err;
  double seconds = 0;
  int lines() const { return int(std::count(err.begin(), err.end(), '\n')); }
};

//! The files of a directory: name → (mode, content). Equal snapshots before and after a run
//! mean nothing was written, created or left behind (a -journal, -wal or -shm file).
using Snapshot = std::map<std::string, std::pair<unsigned, std::string>>;

inline Snapshot snapshot(const fs::path &dir)
{
  Snapshot s;
  for (const auto &entry : fs::directory_iterator(dir)) {
    struct stat st = {};
    ::stat(entry.path().c_str(), &st);
    s[entry.path().filename().string()] = {unsigned(st.st_mode & 07777),
                                           entry.is_regular_file() ? slurp(entry.path()) : ""};
  }
  return s;
}

//! A case: its own directory (Chinese characters and spaces in the name), the CLI run on a
//! project there, and the check that the directory did not change.
class BadInput : public ::testing::Test
{
protected:
  void SetUp() override
  {
    m_inputs = fs::path(m_tmp.file("安置 项目 输入"));
    m_outputs = fs::path(m_tmp.file("报告 输出"));
    fs::create_directories(m_inputs);
    fs::create_directories(m_outputs);
  }
  void TearDown() override
  {
    // Read-only cases: let TempDir remove everything.
    std::error_code ec;
    fs::permissions(m_inputs, fs::perms::owner_all, fs::perm_options::add, ec);
  }

  std::string input(const std::string &name) const { return (m_inputs / name).string(); }
  std::string output(const std::string &name) const { return (m_outputs / name).string(); }

  //! Runs `anzhi-cli check PROJECT ARGS` (at most 120 s: a hang fails the case) and asserts
  //! that the inputs' directory is exactly as before.
  CliRun check(const std::string &project, const std::string &args = "")
  {
    return cli("check " + quote(project) + " " + args);
  }

  //! Runs `anzhi-cli ARGS` (ARGS quoted by the caller; at most 120 s: a hang fails the case).
  //! With `inputsUnchanged`, asserts that the inputs' directory is exactly as before.
  CliRun cli(const std::string &args, bool inputsUnchanged = true)
  {
    const Snapshot before = snapshot(m_inputs);
    const std::string out = output("stdout.txt"), err = output("stderr.txt");
    const auto start = std::chrono::steady_clock::now();
    const int status = std::system(("timeout -k 5 120 " + std::string(ANZHI_CLI) + " " + args +
                                    " </dev/null >" + quote(out) + " 2>" + quote(err))
                                       .c_str());
    CliRun run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_NE(run.exitCode, 124) << "anzhi-cli " << args << " hung (killed after 120 s)";
    if (inputsUnchanged) {
      EXPECT_TRUE(snapshot(m_inputs) == before) << "the input directory changed";
    }
    return run;
  }

  //! Exit 2 with one line on stderr that names every part.
  static void expectCannotRun(const CliRun &run, const std::vector<std::string> &parts)
  {
    EXPECT_EQ(run.exitCode, 2) << run.err << run.out;
    EXPECT_EQ(run.lines(), 1) << run.err;
    for (const std::string &part : parts)
      EXPECT_NE(run.err.find(part), std::string::npos)
          << "'" << run.err << "' lacks '" << part << "'";
  }

  //! The JSON report of a check that ran.
  nlohmann::json report(const std::string &project, int expectedExit)
  {
    const std::string json = output("report.json");
    fs::remove(json);
    CliRun run = check(project, "--json " + quote(json));
    EXPECT_EQ(run.exitCode, expectedExit) << run.err;
    EXPECT_TRUE(run.err.empty()) << run.err;
    return nlohmann::json::parse(slurp(json));
  }

  static std::vector<nlohmann::json> violations(const nlohmann::json &doc, const std::string &rule)
  {
    std::vector<nlohmann::json> out;
    for (const auto &v : doc["violations"])
      if (v["rule"] == rule)
        out.push_back(v);
    return out;
  }
  static const nlohmann::json &rule(const nlohmann::json &doc, const std::string &id)
  {
    for (const auto &r : doc["rules"])
      if (r["id"] == id)
        return r;
    throw std::runtime_error("no rule " + id);
  }

  //! A small valid project: 300 planned plots 10 m apart (several SQLite pages), one site.
  std::string validProject(const std::string &name, int plots = 300)
  {
    ProjectBuilder b(input(name));
    b.add("resettlement_sites", "AZQ-1", rect(X0, Y0, X0 + 100, Y0 + 100),
          {FieldValue("安置区"), null, null, FieldValue("rural"), null,
           FieldValue(std::int64_t(100)), null, null, FieldValue(std::int64_t(1))});
    for (int i = 0; i < plots; ++i)
      b.add("planned_plots", "P-" + std::to_string(i + 1),
            rect(X0 + 10 * i, Y0 + 200, X0 + 10 * i + 9, Y0 + 209),
            {FieldValue("地块 " + std::to_string(i + 1)), FieldValue("green")});
    return b.finish();
  }

  TempDir m_tmp;
  fs::path m_inputs, m_outputs;
};

inline void writeBytes(const std::string &path, const std::string &bytes)
{
  std::ofstream(path, std::ios::binary) << bytes;
}

//! Runs SQL on a GeoPackage with plain sqlite3 (to build a bad input as another tool would).
inline void sql(const std::string &path, const std::string &statement)
{
  sqlite3 *db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char *error = nullptr;
  const int rc = sqlite3_exec(db, statement.c_str(), nullptr, nullptr, &error);
  EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "") << " in " << statement;
  sqlite3_free(error);
  sqlite3_close(db);
}

} // namespace anzhi::test::bad_input
