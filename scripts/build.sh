#!/usr/bin/env bash
# Configures and builds Anzhi in build/ (or $ANZHI_BUILD_DIR) with Ninja and ccache.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${ANZHI_BUILD_DIR:-build}
# ccache hits across checkouts (a clean clone, a worktree) need paths relative to the tree.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=${ANZHI_BUILD_TYPE:-RelWithDebInfo} "$@" >/dev/null
cmake --build "$dir" -j "$(nproc)"
