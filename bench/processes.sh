#!/usr/bin/env bash
# Process bookkeeping shared by the bench scripts (sourced): every process a bench starts is tracked
# and ended by PID at exit, also on failure or Ctrl-C, in reverse start order (clients and restream
# before the keeper and the provider); a watchdog ends the run after a deadline and can interrupt nap.
# Also the few things every bench does around its processes: wait for a condition, install missing
# Debian tools. Safe under `set -e` as well as without it.

log() { printf '[%(%T)T] %s\n' -1 "$*" >&2; }
die() { log "error: $*"; exit 1; }

PIDS=()      # every process started, ended by PID in cleanup()
NAP=
WORK=

track() { PIDS+=("$1"); }
untrack() {
	local keep=() pid
	for pid in "${PIDS[@]}"; do [[ $pid == "$1" ]] || keep+=("$pid"); done
	PIDS=("${keep[@]}")
}

alive() { # pid: running and not a zombie
	local s
	read -r s 2>/dev/null < "/proc/$1/stat" || return 1
	s=${s##*) }
	[[ ${s%% *} != Z ]]
}

stop_pid() { # pid: TERM, up to 5 s, then KILL; reaped and untracked
	local pid=$1 i
	kill -TERM "$pid" 2>/dev/null || true
	for ((i = 0; i < 50; ++i)); do alive "$pid" || break; sleep 0.1; done
	if alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
	wait "$pid" 2>/dev/null || true
	untrack "$pid"
}

cleanup() {
	local rc=$? pid i j
	trap - EXIT INT TERM
	if [[ -n $NAP ]]; then kill -TERM "$NAP" 2>/dev/null || true; fi
	# reverse start order
	for ((j = ${#PIDS[@]} - 1; j >= 0; --j)); do
		pid=${PIDS[j]}
		kill -TERM "$pid" 2>/dev/null || true
		for ((i = 0; i < 30; ++i)); do alive "$pid" || break; sleep 0.1; done
		if alive "$pid"; then log "pid $pid ignored TERM: KILL"; kill -KILL "$pid" 2>/dev/null || true; fi
	done
	wait 2>/dev/null
	if [[ -n $WORK ]]; then log "raw outputs kept in $WORK"; fi
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

run_bg() { # outfile command...: runs in the background, tracked, waited for interruptibly; rc in BG_RC
	"${@:2}" >"$1" 2>"$1.err" &
	local pid=$!
	track "$pid"
	wait "$pid"
	BG_RC=$?
	untrack "$pid"
}

nap() { sleep "$1" & NAP=$!; wait "$NAP"; NAP=; }        # interruptible by the watchdog

watchdog() { # seconds: whatever happens, this shell is stopped (TERM) that long from now
	local main=$$
	(
		trap 'kill -TERM $sp 2>/dev/null; exit 0' TERM
		sleep "$1" &
		sp=$!
		if wait "$sp"; then echo "watchdog: $1 s elapsed, stopping" >&2; kill -TERM "$main"; fi
	) &
	track $!
}

now() { NOW=${EPOCHREALTIME/./}; }                       # microseconds, no subshell

wait_until() { # seconds command...: poll every 50 ms
	local limit=$1 start
	shift
	now; start=$NOW
	until "$@"; do
		now; ((NOW - start > limit * 1000000)) && return 1
		sleep 0.05
	done
}

free_port() { # a TCP port nothing uses now, for a server that cannot bind port 0 and say which it got (nginx)
	local used p i
	used=$(ss -Htan | awk '{ n = split($4, a, ":"); print a[n] }' | sort -u)
	for ((i = 0; i < 200; ++i)); do
		p=$((20000 + RANDOM % 30000))
		grep -qx "$p" <<<"$used" || { echo "$p"; return 0; }
	done
	return 1
}

nginx_temp_paths() { # dir: nginx's temporary directories below dir (http context), so it runs as a normal user
	local kind
	for kind in client_body proxy fastcgi uwsgi scgi; do echo "    ${kind}_temp_path $1/${kind/client_/};"; done
}

start_nginx() { # dir config-function: Debian's nginx (NGINX) on a free 127.0.0.1 port as configured by
	# `config-function PORT` (on stdout, into dir/nginx.conf); retries another port if one was taken
	# meanwhile. Sets NG_PID and NGPORT.
	local dir=$1 config=$2 attempt
	for attempt in 1 2 3 4 5; do
		NGPORT=$(free_port) || die "no free port for nginx"
		"$config" "$NGPORT" >"$dir/nginx.conf"
		"$NGINX" -e "$dir/error.log" -p "$dir" -c "$dir/nginx.conf" >"$dir/stdout.log" 2>&1 &
		NG_PID=$!
		track "$NG_PID"
		if wait_until 5 curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$NGPORT/"; then return 0; fi
		stop_pid "$NG_PID"
	done
	die "nginx did not start: $(tail -5 "$dir/error.log" 2>/dev/null)"
}

install_missing() { # command:package... or /file:package...: installs, from Debian's packages, the package of each missing command or file
	local need=() pair what install_log policy='' rc=0 sudo=()
	for pair in "$@"; do
		what=${pair%%:*}
		if [[ $what == /* ]]; then [[ -e $what ]] || need+=("${pair#*:}"); else command -v "$what" >/dev/null || need+=("${pair#*:}"); fi
	done
	((${#need[@]})) || return 0
	((EUID == 0)) || sudo=(sudo)
	log "installing ${need[*]} (Debian packages)"
	# A package may start its service (nginx on port 80): forbid service starts during the install.
	if [[ ! -e /usr/sbin/policy-rc.d ]]; then
		policy=/usr/sbin/policy-rc.d
		printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null && "${sudo[@]}" chmod 755 "$policy"
	fi
	install_log=$(mktemp)
	DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${need[@]}" >"$install_log" 2>&1 ||
		{ "${sudo[@]}" apt-get update -q >>"$install_log" 2>&1 &&
			DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${need[@]}" >>"$install_log" 2>&1; } ||
		rc=$?
	if [[ -n $policy ]]; then "${sudo[@]}" rm -f "$policy"; fi
	((rc == 0)) || { tail -20 "$install_log" >&2; die "apt-get install ${need[*]} failed"; }
	rm -f "$install_log"
}

# --- what every bench of restream does the same way (BUILD, WORK, DEADLINE, ROOT set by the caller) ---

build_bench() { # jobs target...: builds in BUILD (log: WORK/build.log); sets RESTREAM and FAKE_XTREAM
	local jobs=$1
	shift
	log "building restream, its plugins and fake-xtream in $BUILD"
	cmake --build "$BUILD" --target "$@" -j "$jobs" >"$WORK/build.log" 2>&1 ||
		{ tail -30 "$WORK/build.log" >&2; die "build failed (full log: $WORK/build.log)"; }
	RESTREAM=$BUILD/bin/restream
	FAKE_XTREAM=$BUILD/bin/fake-xtream
	[[ -x $RESTREAM && -x $FAKE_XTREAM ]] || die "missing $RESTREAM or $FAKE_XTREAM"
}

describe_machine() { # the date, the commit, the build and the machine, one "name: value" a line
	echo "date: $(date -u '+%F %H:%M UTC')"
	echo "restream: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (work tree modified)')"
	echo "build type: $(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$BUILD/CMakeCache.txt")"
	echo "cpu: $(nproc) x $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
	echo "kernel: $(uname -r)"
}

results_heading() { # title: a results table's heading and the machine it ran on, from WORK/environment.txt
	local environment=$WORK/environment.txt
	echo "## $1 — $(sed -n 's/^date: //p' "$environment")"
	echo
	echo "$(sed -n 's/^cpu: //p' "$environment"); restream $(sed -n 's/^restream: //p' "$environment"), $(sed -n 's/^build type: //p' "$environment"); $(sed -n 's/^python: //p' "$environment")."
}

start_fake_provider() { # [option...]: fake-xtream on an ephemeral 127.0.0.1 port until DEADLINE, with the options
	# given (e.g. --channels 1); sets FAKE_PID and PROVIDER
	"$FAKE_XTREAM" --port 0 --username "$PROVIDER_USER" --password "$PROVIDER_PASS" --max-connections 8 \
		--duration $((DEADLINE + 60)) "$@" >"$WORK/fake-xtream.out" 2>"$WORK/fake-xtream.err" &
	FAKE_PID=$!
	track "$FAKE_PID"
	wait_until 10 grep -qs '^listening on ' "$WORK/fake-xtream.out" || die "fake-xtream did not start: $(cat "$WORK/fake-xtream.err")"
	PROVIDER=$(sed -n 's/^listening on \(http:[^ ]*\).*/\1/p' "$WORK/fake-xtream.out" | head -1)
	PROVIDER=${PROVIDER%/}
	log "fake provider at $PROVIDER (pid $FAKE_PID)"
}
