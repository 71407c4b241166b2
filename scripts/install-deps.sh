#!/usr/bin/env bash
# Installs, from Debian 12's packages, whatever Anzhi needs to build, test and run that is not
# installed yet. Safe to run again: it installs nothing when everything is there.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config
  libgdal-dev gdal-bin python3-gdal libproj-dev proj-bin libgeos-dev libsqlite3-dev sqlite3
  odbc-mdbtools
  qt6-base-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libgl-dev
  nlohmann-json3-dev libtomlplusplus-dev libcli11-dev libmimalloc-dev libre2-dev libicu-dev
  liblemon-dev coinor-libcbc-dev coinor-libclp-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  fonts-noto-cjk xvfb xauth
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
