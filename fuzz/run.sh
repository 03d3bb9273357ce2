#!/usr/bin/env bash
# Builds the fuzz targets (fuzz/CMakeLists.txt, clang) and runs each for a bounded time over a copy of its
# seed corpus (fuzz/corpus/<target>/, never modified), two at a time. Fails when a target crashes, leaks,
# breaks a contract, times out on an input or runs out of memory; the input is then kept in
# <build-dir>/fuzz-artifacts/. See fuzz/README.md.
#
#   fuzz/run.sh [build-dir] [seconds-per-target] [target...]
#
# Defaults: build-fuzz, 10 seconds, every target. Environment: FUZZ_JOBS (targets at a time, default 2),
# FUZZ_RSS_LIMIT_MB (default 2048), FUZZ_TIMEOUT (seconds per input, default 10).
set -euo pipefail
cd "$(dirname "$0")/.."

build=${1:-build-fuzz}
seconds=${2:-10}
shift $(($# < 2 ? $# : 2))
jobs=${FUZZ_JOBS:-2}
rss_limit=${FUZZ_RSS_LIMIT_MB:-2048}
timeout=${FUZZ_TIMEOUT:-10}

# clang and libFuzzer's runtime (libclang-rt-14-dev), as the tests' other tools: from the setup script
if ! command -v clang++ >/dev/null 2>&1 || [ ! -e "$(clang++ -print-file-name=libclang_rt.fuzzer-x86_64.a)" ]; then
  scripts/setup-debian.sh --test
fi

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DRESTREAM_FUZZ=ON -DRESTREAM_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target fuzzers -j "$jobs"

if [ $# -gt 0 ]; then
  targets=("$@")
else
  targets=()
  for corpus in fuzz/corpus/*/; do targets+=("$(basename "$corpus")"); done
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"

# run <target>: fuzzes a copy of its corpus; the log is $work/<target>.log
run() {
  local target=$1
  mkdir -p "$work/$target"
  cp -R "fuzz/corpus/$target/." "$work/$target/"
  "$build/fuzz/fuzz-$target" "$work/$target" -max_total_time="$seconds" -rss_limit_mb="$rss_limit" \
    -timeout="$timeout" -print_final_stats=1 -artifact_prefix="$artifacts/$target-" >"$work/$target.log" 2>&1
}

# report <target> <status>: one line per target; the end of the log when it failed
report() {
  local target=$1 status=$2 log="$work/$1.log"
  local execs speed coverage
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  coverage=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -n 1 || true)
  if [ "$status" -eq 0 ]; then
    printf 'fuzz: %-20s ok      %9s runs  %6s/s  %s  seeds %s\n' "$target" "${execs:-?}" "${speed:-?}" "${coverage:-?}" \
      "$(find "fuzz/corpus/$target" -type f | wc -l)"
  else
    printf 'fuzz: %-20s FAILED  (exit %s), input kept in %s/%s-*\n' "$target" "$status" "$artifacts" "$target"
    tail -n 60 "$log" | sed 's/^/    /'
  fi
}

echo "fuzz: ${#targets[@]} targets, ${seconds} s each, $jobs at a time"
for target in "${targets[@]}"; do
  [ -x "$build/fuzz/fuzz-$target" ] || { echo "fuzz: no target fuzz-$target in $build/fuzz" >&2; exit 1; }
done

failed=0
declare -A running=()
# finish_one: waits for a running target to end and reports it
finish_one() {
  local pid status=0
  wait -n -p pid || status=$?
  report "${running[$pid]}" "$status"
  [ "$status" -eq 0 ] || failed=1
  unset "running[$pid]"
}
for target in "${targets[@]}"; do
  [ ${#running[@]} -lt "$jobs" ] || finish_one
  run "$target" &
  running[$!]=$target
done
while [ ${#running[@]} -gt 0 ]; do finish_one; done

if [ "$failed" -ne 0 ]; then
  echo "fuzz: FAILED (reproduce: $build/fuzz/fuzz-<target> <input>; see fuzz/README.md)" >&2
  exit 1
fi
echo "fuzz: every target ran clean"
