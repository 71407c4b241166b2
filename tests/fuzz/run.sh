#!/usr/bin/env bash
# Builds the libFuzzer targets (clang-14, ASan+UBSan, coverage) in build-fuzz/ and runs them,
# one at a time, nice'd.
#   tests/fuzz/run.sh [target] [seconds]
# target: rule_set | wkb | gpkg_geometry | journal_replay | import_mappers (once the import branch is merged) |
# all (default); seconds per target (default 600).
# New corpus entries go to build-fuzz/fuzz-corpus/<target>/ (the seeds in tests/fuzz/corpus/ are
# only read); a crashing input is written to build-fuzz/fuzz-artifacts/<target>/ — copy it to
# tests/fuzz/regressions/<target>/ once fixed, so that fuzz_regression_tests replays it in CI.
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${1:-all}
seconds=${2:-600}
dir=${ANZHI_FUZZ_BUILD_DIR:-build-fuzz}
compiler=${ANZHI_FUZZ_CXX:-$(command -v clang++-14 || command -v clang++)}
all=(rule_set wkb gpkg_geometry journal_replay)
[[ -f core/import/FieldMapping.h ]] && all+=(import_mappers)
if [[ $target == all ]]; then
  targets=("${all[@]}")
elif [[ " ${all[*]} " == *" $target "* ]]; then
  targets=("$target")
else
  echo "run.sh: unknown target '$target' (one of: ${all[*]}, all)" >&2
  exit 2
fi
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$compiler" \
  -DANZHI_FUZZ=ON -DANZHI_BUILD_APP=OFF -DANZHI_BUILD_TESTS=OFF >/dev/null
for t in "${targets[@]}"; do
  nice cmake --build "$dir" --target "fuzz_$t"
done
for t in "${targets[@]}"; do
  work="$dir/fuzz-corpus/$t" artifacts="$dir/fuzz-artifacts/$t"
  mkdir -p "$work" "$artifacts"
  extra=()
  [[ -f tests/fuzz/$t.dict ]] && extra+=("-dict=tests/fuzz/$t.dict")
  echo "run.sh: fuzz_$t for $seconds s"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    nice "$dir/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$artifacts/" "${extra[@]}" "$work" "tests/fuzz/corpus/$t"
done
