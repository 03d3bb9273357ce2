#!/usr/bin/env bash
# bench/soak/run.sh [build-dir]
#
# Soak (issue 15): restream for DURATION seconds with one live channel (101), HLS_VIEWERS + TS_VIEWERS
# viewers and provider faults cycled at random from SEED (drop_after, stall, status=503, garbage,
# redirect_loop; each held 5-40 s, then healthy 20-60 s), all on 127.0.0.1 against the fake provider.
# Samples restream's RSS, threads and open fds every INTERVAL s and times each recovery (fault cleared
# -> /stream_status says `live`). Prints a Markdown table with the targets beside the figures (RSS
# growth < 3 % from the 5th to the last 5 minutes, threads and fds back to their baseline, live within
# 3 s of each clear), never pass/fail on them; exits non-zero only if the run broke (a process died).
# Not part of the test suite. Clients: bench/soak/soak.py and bench/tuner/viewers.py (Python 3).
# Builds only through `cmake --build <build-dir>` (default: build); installs missing tools from
# Debian's packages; ends every process it started, by PID, also on failure or Ctrl-C.
# Tunables (environment): DURATION=1800 WARMUP=60 SETTLE=60 INTERVAL=10 HLS_VIEWERS=15 TS_VIEWERS=5
# SEED=(random) JOBS=2 DEADLINE=DURATION+300. See bench/soak/README.md.

set -euo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${1:-build}
[[ $BUILD = /* ]] || BUILD=$ROOT/$BUILD

DURATION=${DURATION:-1800}
WARMUP=${WARMUP:-60}
SETTLE=${SETTLE:-60}
INTERVAL=${INTERVAL:-10}
HLS_VIEWERS=${HLS_VIEWERS:-15}
TS_VIEWERS=${TS_VIEWERS:-5}
SEED=${SEED:-$((RANDOM * 32768 + RANDOM))}
JOBS=${JOBS:-2}
DEADLINE=${DEADLINE:-$((DURATION + 300))}

CHANNEL=101                      # 640x360 H.264 + AAC, ~0.8 Mbit/s, 2 s GOP
PROVIDER_USER=bench-user
PROVIDER_PASS=bench-Pa55-word
ADMIN_PASSWORD=bench-password-1
SOAK_PY=(python3 "$ROOT/bench/soak/soak.py")
VIEWERS_PY=(python3 "$ROOT/bench/tuner/viewers.py")

source "$ROOT/bench/processes.sh"

((WARMUP + SETTLE < DURATION)) || die "DURATION ($DURATION) must exceed WARMUP + SETTLE ($WARMUP + $SETTLE)"

must_live() { # name pid log: dies with the process's exit status if it has ended
	alive "$2" && return 0
	local rc=0
	wait "$2" || rc=$?
	untrack "$2"
	die "$1 (pid $2) ended, status $rc$( ((rc > 128)) && echo " (signal $((rc - 128)))"); see $3"
}

declare -A CLIENT       # pid -> name of a client started by start_client
start_client() { # name command...: in the background, tracked; output in WORK/name.out and name.err
	"${@:2}" >"$WORK/$1.out" 2>"$WORK/$1.err" &
	CLIENT[$!]=$1
	track $!
}

# ---------------------------------------------------------------------------------------------
# tools, build, work directory

install_missing curl:curl jq:jq python3:python3
[[ -f $BUILD/CMakeCache.txt ]] || die "$BUILD is not a configured build directory (cmake -S $ROOT -B $BUILD)"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/restream-soak.XXXXXX") || die "mktemp failed"
log "SEED=$SEED; raw outputs go to $WORK"
build_bench "$JOBS" restream auth-jwt source-xtream output-hls output-ts fake-xtream

watchdog "$DEADLINE"                   # whatever happens, the run ends DEADLINE seconds from here

{
	describe_machine
	echo "python: $(python3 --version 2>&1)"
	echo "channel: $CHANNEL"
	echo "seed: $SEED"
	echo "interval: $INTERVAL"
	echo "settings: DURATION=$DURATION WARMUP=$WARMUP SETTLE=$SETTLE INTERVAL=$INTERVAL HLS_VIEWERS=$HLS_VIEWERS TS_VIEWERS=$TS_VIEWERS SEED=$SEED"
} >"$WORK/environment.txt"

# ---------------------------------------------------------------------------------------------
# the fake provider, a keeper of the channel, restream, the channel started

start_fake_provider

# The keeper holds the channel at the provider through the faults (reconnecting), so its encoder stays
# warm and restream rejoins mid-GOP after each one, as with a real panel: a cold encoder would start on
# a keyframe and flatter every recovery.
start_client keeper "${SOAK_PY[@]}" keep --url "$PROVIDER/live/$PROVIDER_USER/$PROVIDER_PASS/$CHANNEL.ts"
KEEPER_PID=$!

HASH=$(printf '%s\n' "$ADMIN_PASSWORD" | "$RESTREAM" hash-password 2>"$WORK/hash-password.err" | tail -1)
[[ $HASH == \$* ]] || die "hash-password failed: $(cat "$WORK/hash-password.err")"
RS_LOG=$WORK/restream.log
"$RESTREAM" --config "$ROOT/etc/restream.ini" \
	--define "state.dir=$WORK/state" \
	--define http.api.address=127.0.0.1 --define http.api.port=0 \
	--define http.tuner.address=127.0.0.1 --define http.tuner.port=0 \
	--define "http.ports=api, tuner" \
	--define "plugins.load=auth-jwt, source-xtream, output-hls, output-ts" \
	--define "plugins.source-xtream.url=$PROVIDER" \
	--define "plugins.source-xtream.username=$PROVIDER_USER" \
	--define "plugins.source-xtream.password=$PROVIDER_PASS" \
	--define "plugins.auth-jwt.adminPasswordHash=$HASH" >"$RS_LOG" 2>&1 &
RS_PID=$!
track "$RS_PID"
port_of() { sed -n "s/.*port $1 listening on [0-9.]*:\([0-9][0-9]*\).*/\1/p" "$RS_LOG" | head -1; }
wait_until 20 grep -qs 'port api listening on' "$RS_LOG" || die "restream did not start: $(tail -5 "$RS_LOG")"
wait_until 20 grep -qs 'port tuner listening on' "$RS_LOG" || die "restream did not start: $(tail -5 "$RS_LOG")"
API=http://127.0.0.1:$(port_of api)
TUNER=http://127.0.0.1:$(port_of tuner)
log "restream at $API (api) and $TUNER (tuner), pid $RS_PID"

TOKEN=$(curl -s --max-time 5 -H 'Content-Type: application/json' \
	-d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" "$API/auth/login" | jq -r '.access_token // empty')
[[ -n $TOKEN ]] || die "cannot sign in to restream"
wait_until 20 grep -qs 'provider account' "$RS_LOG" || log "warning: restream has not read the provider account yet"
code=$(curl -s --max-time 10 -o "$WORK/start_stream.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
	-H 'Content-Type: application/json' -d "{\"stream_id\": $CHANNEL}" "$API/start_stream")
[[ $code == 200 ]] || die "start_stream $CHANNEL answered $code: $(cat "$WORK/start_stream.json")"
rs_live() { [[ $(curl -s --max-time 2 "$API/stream_status" | jq -r '.state // empty') == live ]]; }
wait_until 30 rs_live || die "channel $CHANNEL not live 30 s after start_stream"
log "channel $CHANNEL live"

# ---------------------------------------------------------------------------------------------
# the soak: viewers, sampler and fault driver on one clock (T0), then waiting for them

T0=$EPOCHREALTIME
WINDOW=$((DURATION - WARMUP + 5))    # the viewers stay 5 s past the sampler's last sample
SOAK_PIDS=()
start_client viewers-hls "${VIEWERS_PY[@]}" load --mode hls --base "$API" --channel "$CHANNEL" --viewers "$HLS_VIEWERS" \
	--warmup "$WARMUP" --window "$WINDOW" --pid "$RS_PID" --provider "$PROVIDER" --out "$WORK/viewers-hls.json" --rejoin
SOAK_PIDS+=($!)
start_client viewers-ts "${VIEWERS_PY[@]}" load --mode ts --base "$TUNER" --channel "$CHANNEL" --viewers "$TS_VIEWERS" \
	--warmup "$WARMUP" --window "$WINDOW" --pid "$RS_PID" --provider "$PROVIDER" --out "$WORK/viewers-ts.json" --rejoin
SOAK_PIDS+=($!)
start_client sampler "${SOAK_PY[@]}" sample --pid "$RS_PID" --api "$API" --provider "$PROVIDER" --channel "$CHANNEL" \
	--t0 "$T0" --until "$DURATION" --interval "$INTERVAL" --out "$WORK/samples.tsv"
SOAK_PIDS+=($!)
start_client faults "${SOAK_PY[@]}" faults --api "$API" --provider "$PROVIDER" --channel "$CHANNEL" --seed "$SEED" \
	--t0 "$T0" --start "$WARMUP" --stop $((DURATION - SETTLE)) --out "$WORK/faults.tsv"
SOAK_PIDS+=($!)
log "soak: $DURATION s, $HLS_VIEWERS HLS + $TS_VIEWERS TS viewers, faults from $WARMUP s to $((DURATION - SETTLE)) s at the latest"

progress() { # the last sample and the faults so far, once a minute
	local t rss threads fds state
	IFS=$'\t' read -r t rss threads fds state _ < <(tail -1 "$WORK/samples.tsv") || return 0
	[[ $t =~ ^[0-9] ]] || return 0
	log "t=${t%.*} s: RSS $((rss / 1024)) MB, $threads threads, $fds fds, $state; faults done: $(($(wc -l <"$WORK/faults.tsv") - 1))"
}

# Every client of the soak ends by itself at DURATION; meanwhile restream, the provider and the keeper must live.
for ((tick = 0; ${#SOAK_PIDS[@]}; ++tick)); do
	must_live restream "$RS_PID" "$RS_LOG"
	must_live fake-xtream "$FAKE_PID" "$WORK/fake-xtream.err"
	must_live "the keeper" "$KEEPER_PID" "$WORK/keeper.err"
	still=()
	for pid in "${SOAK_PIDS[@]}"; do
		if alive "$pid"; then still+=("$pid"); continue; fi
		wait "$pid" || die "${CLIENT[$pid]} failed: $(tail -5 "$WORK/${CLIENT[$pid]}.err")"
		untrack "$pid"
	done
	SOAK_PIDS=("${still[@]}")
	if ((tick > 0 && tick % 30 == 0)); then progress; fi
	((${#SOAK_PIDS[@]} == 0)) || nap 2
done

# ---------------------------------------------------------------------------------------------
# the table

"${SOAK_PY[@]}" report --work "$WORK" --warmup "$WARMUP" >"$WORK/results.md" || die "report failed"
echo
cat "$WORK/results.md"
echo
echo "raw outputs: $WORK (samples.tsv, faults.tsv, viewers-*.json, restream.log, *.err)"
