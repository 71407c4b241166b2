#!/usr/bin/env bash
# The first README command: installs every dependency, builds, generates the sample county
# and opens it in the desktop app (under xvfb-run when there is no display).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
sample=build/sample-county.gpkg
[ -f "$sample" ] || build/app/cli/anzhi-cli sample "$sample"
build/app/cli/anzhi-cli info "$sample"
if [ -x build/app/desktop/anzhi ]; then
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec build/app/desktop/anzhi "$sample"
  fi
  echo "No display: starting anzhi under xvfb-run (see README, 'Headless')."
  exec xvfb-run -a -s "-screen 0 1600x1000x24" build/app/desktop/anzhi "$sample"
fi
