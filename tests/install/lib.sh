# Shared helpers of the install tests (sourced by bash). Every process a test starts is recorded and
# stopped by PID on exit; every file lives in one temporary directory, removed on exit.
# Tools: bash, curl, ffprobe, sed, grep (scripts/setup-debian.sh --test installs them).
set -euo pipefail

: "${TEST_BUILD_DIR:?set by CTest}"
: "${TEST_SOURCE_DIR:?set by CTest}"
: "${CMAKE_COMMAND:=cmake}"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/restream-install-test.XXXXXX")
STARTED_PIDS=()
# Functions the EXIT trap calls first, last registered first (on_cleanup), e.g. to take down
# containers before the engine; and the long command `bounded` runs, stopped if the test ends first.
CLEANUP_HOOKS=()
BOUNDED_PID=""

# A watchdog ends the test (and so, through the EXIT trap, every process it started) before CTest's
# TIMEOUT would kill the shell and leave the servers running. Bash runs the trap once the current
# command returns: every command here is bounded (curl --max-time 10, ffprobe 25 s, sleeps < 6 s),
# and a longer one (a package install, an image build) runs through `bounded`, which the trap
# interrupts at once.
( sleep "${INSTALL_TEST_LIMIT:-150}"; echo "FAIL: the test ran longer than ${INSTALL_TEST_LIMIT:-150} s" >&2; kill -TERM $$ ) &
WATCHDOG_PID=$!

cleanup() {
  local status=$?
  local pid children hook index
  children=$(pgrep -P "$WATCHDOG_PID" || true)
  kill -TERM "$WATCHDOG_PID" 2>/dev/null || true
  for pid in $children; do kill -TERM "$pid" 2>/dev/null || true; done
  wait "$WATCHDOG_PID" 2>/dev/null || true
  if [ -n "$BOUNDED_PID" ]; then
    kill -TERM "$BOUNDED_PID" 2>/dev/null || true
    wait "$BOUNDED_PID" 2>/dev/null || true
  fi
  for ((index = ${#CLEANUP_HOOKS[@]} - 1; index >= 0; index--)); do
    hook=${CLEANUP_HOOKS[index]}
    "$hook" || echo "cleanup: $hook failed" >&2
  done
  for pid in "${STARTED_PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${STARTED_PIDS[@]}"; do
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ "$status" -ne 0 ] && [ "$status" -ne "$SKIP_STATUS" ]; then
    local log
    for log in "$WORK"/*.log; do
      [ -f "$log" ] || continue
      echo "---- $(basename "$log") (last 40 lines)"
      tail -n 40 "$log"
    done
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step() { echo "[$(date +%T)] $*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
# skip REASON: the test cannot run here (CTest's SKIP_RETURN_CODE, tests/install/CMakeLists.txt).
SKIP_STATUS=77
skip() { echo "SKIPPED: $*"; exit "$SKIP_STATUS"; }
on_cleanup() { CLEANUP_HOOKS+=("$1"); }

bounded() {
  # bounded SECONDS COMMAND...: runs COMMAND for SECONDS at most (timeout(1)), in the background so
  # that the watchdog's signal interrupts the wait; returns COMMAND's status (124: timed out).
  local status=0
  timeout "$1" "${@:2}" &
  BOUNDED_PID=$!
  wait "$BOUNDED_PID" || status=$?
  BOUNDED_PID=""
  return "$status"
}

free_port() {
  # free_port: a TCP port no socket uses (IPv4 or IPv6), from 20000-59999, for a service that needs
  # a fixed port (a published container port).
  local used port file _ address
  used=$(for file in /proc/net/tcp /proc/net/tcp6; do
    while read -r _ address _; do echo $((16#${address##*:})); done < <(tail -n +2 "$file")
  done)
  for _ in $(seq 1 100); do
    port=$((20000 + RANDOM % 40000))
    grep -qx "$port" <<< "$used" || { echo "$port"; return 0; }
  done
  fail "no free TCP port found"
}

install_tree() {
  # install_tree DIR: cmake --install of the build tree into DIR.
  "$CMAKE_COMMAND" --install "$TEST_BUILD_DIR" --prefix "$1" > "$WORK/install.log" 2>&1 ||
    fail "cmake --install failed (see install.log)"
}

start_restream() {
  # start_restream NAME EXECUTABLE ARGS...: runs the host in the background (stdout+stderr in
  # $WORK/NAME.log, working directory /), without the provider's variables of the caller's environment.
  local name=$1
  shift
  (cd / && exec env -u XTREAM_API_URL -u XTREAM_USERNAME -u XTREAM_PASSWORD -u ADMIN_PASSWORD_HASH -u JWT_SECRET_KEY \
    "$@" > "$WORK/$name.log" 2>&1) &
  STARTED_PIDS+=("$!")
  eval "PID_$(echo "$name" | tr -c 'a-zA-Z0-9\n' '_')=$!"
}

wait_port() {
  # wait_port NAME PORTNAME: waits for "port PORTNAME listening on ADDR:PORT" in NAME's log, prints PORT.
  local name=$1 port_name=$2 line
  for _ in $(seq 1 150); do
    line=$(grep -m1 "port $port_name listening on " "$WORK/$name.log" 2>/dev/null || true)
    if [ -n "$line" ]; then
      echo "$line" | sed -E 's/.* listening on [^ ]*:([0-9]+)[, ].*/\1/'
      return 0
    fi
    local pid_var="PID_$(echo "$name" | tr -c 'a-zA-Z0-9\n' '_')"
    kill -0 "${!pid_var}" 2>/dev/null || fail "$name exited before port $port_name listened"
    sleep 0.1
  done
  fail "$name: port $port_name not listening after 15 s"
}

listen_url() {
  # listen_url PID LOG WHAT: waits for a line "listening on http://ADDR:PORT" in LOG from the server
  # PID (named WHAT in failures), prints the URL.
  local pid=$1 log=$2 what=$3 url
  for _ in $(seq 1 100); do
    url=$(sed -n -E 's/^listening on (http:\/\/[0-9.]+:[0-9]+).*/\1/p' "$log" | head -n1)
    if [ -n "$url" ]; then
      echo "$url"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || fail "$what exited"
    sleep 0.1
  done
  fail "$what did not say where it listens"
}

http_status() {
  # http_status URL [curl args...]: prints the HTTP status (000 when no answer).
  local url=$1
  shift
  curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@" "$url" || true
}

json_string() {
  # json_string KEY < JSON: the first string value of KEY (flat, unescaped values only).
  sed -n -E "s/.*\"$1\" *: *\"([^\"]*)\".*/\1/p" | head -n1
}

login() {
  # login BASE STATE_DIR: signs in as admin with the first-start password, prints the token.
  local base=$1 state=$2 password_file password answer token
  password_file="$state/plugins/auth-jwt/initial-admin-password"
  [ -s "$password_file" ] || fail "no first-start password in $password_file"
  password=$(tr -d '\n' < "$password_file")
  answer=$(curl -s --max-time 10 -X POST "$base/auth/login" -H 'Content-Type: application/json' \
    --data-binary @- <<< "{\"username\":\"admin\",\"password\":\"$password\"}")
  token=$(json_string access_token <<< "$answer")
  [ -n "$token" ] || fail "login refused: $answer"
  echo "$token"
}

wait_live() {
  # wait_live BASE STREAM_ID: waits (60 s at most) until /stream_status says live for STREAM_ID.
  local base=$1 id=$2 status=""
  for _ in $(seq 1 120); do
    status=$(curl -s --max-time 5 "$base/stream_status" || true)
    if grep -q '"state" *: *"live"' <<< "$status" && grep -q "\"stream_id\" *: *$id\b" <<< "$status"; then
      return 0
    fi
    sleep 0.5
  done
  fail "channel $id not live after 60 s: $status"
}

probe_video() {
  # probe_video URL: ffprobe finds a video stream in the HLS at URL.
  local streams
  streams=$(timeout 25 ffprobe -v error -rw_timeout 10000000 -show_entries stream=codec_type -of csv=p=0 "$1" 2>"$WORK/ffprobe.err" || true)
  grep -qx video <<< "$streams" || fail "ffprobe found no video stream in $1: $(head -c 400 "$WORK/ffprobe.err")"
}
