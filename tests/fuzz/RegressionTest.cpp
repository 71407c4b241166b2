// Replays every input in tests/fuzz/regressions/<target>/ (inputs that once crashed a fuzz
// target, kept after the fix) and tests/fuzz/corpus/<target>/ (the seeds) through the fuzz
// targets' own entry points. A regression crashes this test (under ASan+UBSan in
// scripts/test.sh) or throws out of the entry point, which fails it.

#include "FuzzEntry.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

using Entry = int (*)(const std::uint8_t *, std::size_t);

std::vector<std::filesystem::path> inputs(const std::string &kind, const std::string &target)
{
  std::vector<std::filesystem::path> files;
  const std::filesystem::path dir = std::filesystem::path(ANZHI_FUZZ_DIR) / kind / target;
  if (std::filesystem::is_directory(dir))
    for (const auto &entry : std::filesystem::directory_iterator(dir))
      if (entry.is_regular_file() && entry.path().filename() != ".gitkeep")
        files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

void replay(const std::string &target, Entry entry, std::size_t minimumSeeds)
{
  std::size_t seeds = 0;
  for (const std::string kind : {"corpus", "regressions"}) {
    for (const auto &file : inputs(kind, target)) {
      SCOPED_TRACE(file.string());
      std::ifstream in(file, std::ios::binary);
      const std::vector<char> bytes{std::istreambuf_iterator<char>(in), {}};
      EXPECT_NO_THROW(entry(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size()));
      seeds += kind == "corpus";
    }
  }
  // The corpus must be there: a wrong path would let this test pass on nothing.
  EXPECT_GE(seeds, minimumSeeds);
}

} // namespace

TEST(FuzzRegression, RuleSet)
{
  replay("rule_set", anzhi::fuzz::ruleSet, 3);
}

TEST(FuzzRegression, Wkb)
{
  replay("wkb", anzhi::fuzz::wkb, 3);
}

TEST(FuzzRegression, GpkgGeometry)
{
  replay("gpkg_geometry", anzhi::fuzz::gpkgGeometry, 3);
}

TEST(FuzzRegression, JournalReplay)
{
  replay("journal_replay", anzhi::fuzz::journalReplay, 3);
}

#ifdef ANZHI_FUZZ_IMPORT
TEST(FuzzRegression, ImportMappers)
{
  replay("import_mappers", anzhi::fuzz::importMappers, 3);
}
#endif
