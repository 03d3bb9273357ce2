#!/usr/bin/env bash
# Installs the dependencies, builds restream and runs every test: the normal build, then an
# production build and install exactly as the Dockerfile's build stage does it
# (scripts/build-install.sh), then an AddressSanitizer + UndefinedBehaviorSanitizer build, then the
# network parsers fuzzed for a bounded time (fuzz/README.md).
# This is what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup-debian.sh --test
jobs=$(nproc)

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j "$jobs"
ctest --test-dir build -j "$jobs" --output-on-failure

# The Dockerfile's build stage, outside Docker: Release build, install, the installed host answers.
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
scripts/build-install.sh "$prefix/restream" build-release

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DRESTREAM_SANITIZE=ON
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan -j "$jobs" --output-on-failure

# The parsers that read the network, under libFuzzer (clang): 10 s per target, two at a time, over a copy
# of the seed corpora; about two and a half minutes with the build.
fuzz/run.sh build-fuzz 10
