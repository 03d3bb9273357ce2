#!/usr/bin/env bash
# Builds restream for production and installs it under PREFIX:
#   configure Release without the tests, build, `cmake --install` (stripped) to PREFIX.
# The Dockerfile's build stage runs exactly this; so can CI and anyone installing by hand, e.g.
#   scripts/setup-debian.sh && scripts/build-install.sh /opt/restream
# Usage: scripts/build-install.sh PREFIX [BUILD_DIR]   (BUILD_DIR: build-release by default)
set -euo pipefail

if [ $# -lt 1 ] || [ -z "$1" ]; then
  echo "usage: $0 PREFIX [BUILD_DIR]" >&2
  exit 2
fi
prefix=$1
source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${2:-"$source_dir/build-release"}
jobs=${RESTREAM_BUILD_JOBS:-$(nproc)}

cmake -S "$source_dir" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DRESTREAM_BUILD_TESTS=OFF \
  -DCMAKE_INSTALL_PREFIX="$prefix"
cmake --build "$build_dir" -j"$jobs"
cmake --install "$build_dir" --prefix "$prefix" --strip

"$prefix/bin/restream" --version
