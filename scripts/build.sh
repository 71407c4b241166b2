#!/usr/bin/env bash
# Configures and builds Anzhi in build/ (or $ANZHI_BUILD_DIR) with Ninja and ccache.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${ANZHI_BUILD_DIR:-build}
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=${ANZHI_BUILD_TYPE:-RelWithDebInfo} "$@" >/dev/null
cmake --build "$dir" -j "$(nproc)"
