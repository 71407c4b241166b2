#!/usr/bin/env bash
# The second README command: installs what is missing, builds, runs the whole test suite, then
# builds core and gis with AddressSanitizer + UndefinedBehaviorSanitizer and runs their tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
export QT_QPA_PLATFORM=offscreen
start=$(date +%s)
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
echo "test.sh: main suite done in $(( $(date +%s) - start )) s"
ANZHI_BUILD_DIR=build-asan ANZHI_BUILD_TYPE=Debug bash scripts/build.sh \
  -DANZHI_SANITIZE=ON -DANZHI_BUILD_APP=OFF
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j "$(nproc)" -L 'gis|core|data'
echo "test.sh: all done in $(( $(date +%s) - start )) s"
