// libFuzzer target: see FuzzEntry.h and docs/fuzzing.md.

#include "FuzzEntry.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
  return anzhi::fuzz::journalReplay(data, size);
}
