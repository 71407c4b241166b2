#pragma once

// The temporary directory every test that writes files works in.

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <unistd.h>

namespace anzhi::test {

//! A fresh directory under the system temp directory, removed with everything in it when the
//! object goes. The name mixes pid, a counter and a random number so that parallel ctest runs
//! (each test is its own process under gtest_discover_tests) never share files.
class TempDir
{
public:
  TempDir()
  {
    static std::atomic<int> counter{0};
    std::random_device random;
    const auto tick = std::chrono::steady_clock::now().time_since_epoch().count();
    m_path = std::filesystem::temp_directory_path() /
             ("anzhi-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
              std::to_string(random()) + "-" + std::to_string(tick));
    std::filesystem::create_directories(m_path);
  }
  ~TempDir()
  {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;

  const std::filesystem::path &path() const { return m_path; }
  std::string file(const std::string &name) const { return (m_path / name).string(); }

  //! Writes text (may be empty) to a file in the directory and returns its path.
  std::string writeFile(const std::string &name, const std::string &text) const
  {
    std::string p = file(name);
    std::ofstream out(p, std::ios::binary);
    out << text;
    return p;
  }

private:
  std::filesystem::path m_path;
};

} // namespace anzhi::test
