#!/usr/bin/env bash
# Process bookkeeping shared by the bench scripts (sourced): every process a bench starts is tracked
# and ended by PID at exit, also on failure or Ctrl-C, in reverse start order (clients and restream
# before the keeper and the provider); a watchdog can interrupt nap.

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
	kill -TERM "$pid" 2>/dev/null
	for ((i = 0; i < 50; ++i)); do alive "$pid" || break; sleep 0.1; done
	alive "$pid" && kill -KILL "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	untrack "$pid"
}

cleanup() {
	local rc=$? pid i j
	trap - EXIT INT TERM
	[[ -n $NAP ]] && kill -TERM "$NAP" 2>/dev/null
	# reverse start order
	for ((j = ${#PIDS[@]} - 1; j >= 0; --j)); do
		pid=${PIDS[j]}
		kill -TERM "$pid" 2>/dev/null
		for ((i = 0; i < 30; ++i)); do alive "$pid" || break; sleep 0.1; done
		alive "$pid" && { log "pid $pid ignored TERM: KILL"; kill -KILL "$pid" 2>/dev/null; }
	done
	wait 2>/dev/null
	[[ -n $WORK ]] && log "raw outputs kept in $WORK"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

nap() { sleep "$1" & NAP=$!; wait "$NAP"; NAP=; }        # interruptible by the watchdog
