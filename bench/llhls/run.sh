#!/usr/bin/env bash
# bench/llhls/run.sh [build-dir]
#
# The CPU cost of output-hls's low-latency rendition (LL-HLS, fMP4 parts), per channel, in one run,
# all on 127.0.0.1, against the fake provider. For each channel count N (CHANNELS: 1 then 4), three
# configurations, each a fresh restream serving the same N channels to VIEWERS viewers per channel:
#   off     plugins.output-hls.lowLatency=false, the viewers play /live/ID.m3u8 (hls.js's normal mode)
#   on/ts   lowLatency=true, the same TS viewers: what producing the second rendition costs
#   on/ll   lowLatency=true, the viewers play /live/ID.ll.m3u8 as hls.js's low-latency mode does
#           (blocking reload per part, each part fetched): what a web audience on LL-HLS costs
# restream's CPU seconds (utime + stime, /proc/PID/stat) over the same WINDOW after a WARMUP, summed
# over ROUNDS rounds (the configurations in reverse order every other round, so a drift of the
# machine's load falls on all of them), and the ratios on/ts ÷ off and on/ll ÷ off (target ≤ 1.25). It prints a Markdown table, never pass/fail.
# Not part of the test suite. Viewers: bench/llhls/players.py (Python 3 asyncio, one process).
# Builds only through `cmake --build <build-dir>` (default: build); installs missing tools from
# Debian's packages; ends every process it started, by PID, also on failure or Ctrl-C.
# Tunables (environment): CHANNELS="1 4" VIEWERS=3 WARMUP=10 WINDOW=60 ROUNDS=2 JOBS=2 DEADLINE=2400.
# See bench/llhls/README.md.

set -uo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH_DIR=$ROOT/bench/llhls
BUILD=${1:-build}
[[ $BUILD = /* ]] || BUILD=$ROOT/$BUILD

CHANNELS=${CHANNELS:-"1 4"}
VIEWERS=${VIEWERS:-3}
WARMUP=${WARMUP:-10}
WINDOW=${WINDOW:-60}
ROUNDS=${ROUNDS:-2}
JOBS=${JOBS:-2}
DEADLINE=${DEADLINE:-2400}

STREAMS=(101 103 105 1001)       # H.264 + AAC, copied as they are (1001: the provider's first synthetic channel, 105's profile);
                                 # not 102 nor 104, whose MP2 / AC-3 audio restream transcodes
PROVIDER_USER=bench-user
PROVIDER_PASS=bench-Pa55-word
ADMIN_PASSWORD=bench-password-1
CONFIGS=(off on/ts on/ll)

source "$ROOT/bench/processes.sh"

install_missing curl:curl jq:jq python3:python3

for n in $CHANNELS; do
	((n >= 1 && n <= ${#STREAMS[@]})) || die "CHANNELS: each count between 1 and ${#STREAMS[@]} (the provider's channels)"
done
[[ -f $BUILD/CMakeCache.txt ]] || die "$BUILD is not a configured build directory (cmake -S $ROOT -B $BUILD)"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/restream-llhls-bench.XXXXXX") || die "mktemp failed"
log "raw outputs go to $WORK"
build_bench "$JOBS" restream auth-jwt source-xtream output-hls fake-xtream

watchdog "$DEADLINE"                   # whatever happens, the run ends DEADLINE seconds from here

{
	describe_machine
	echo "python: $(python3 --version 2>&1)"
	echo "settings: CHANNELS=\"$CHANNELS\" VIEWERS=$VIEWERS WARMUP=$WARMUP WINDOW=$WINDOW ROUNDS=$ROUNDS"
} >"$WORK/environment.txt"

start_fake_provider --channels 1
HASH=$(printf '%s\n' "$ADMIN_PASSWORD" | "$RESTREAM" hash-password 2>"$WORK/hash-password.err" | tail -1)
[[ $HASH == \$* ]] || die "hash-password failed: $(cat "$WORK/hash-password.err")"

provider_open() { curl -s --max-time 2 "$PROVIDER/_stats" | jq '[.channels[]?.open // 0] | add // 0'; }
provider_idle() { [[ $(provider_open) == 0 ]]; }

measure() { # channel-count config round: one fresh restream, the viewers, their JSON in WORK/<n>-<config>-<round>.json
	local n=$1 config=$2 name=$1-${2//\//-}-$3 low_latency=true mode=ll
	[[ $config == off ]] && low_latency=false
	[[ $config != on/ll ]] && mode=ts
	wait_until 30 provider_idle || die "the provider still serves a channel before $name"
	local rs_log=$WORK/$name.restream.log
	"$RESTREAM" --config "$ROOT/etc/restream.ini" \
		--define "state.dir=$WORK/state-$name" \
		--define http.api.address=127.0.0.1 --define http.api.port=0 --define http.ports=api \
		--define "plugins.load=auth-jwt, source-xtream, output-hls" \
		--define "plugins.source-xtream.url=$PROVIDER" \
		--define "plugins.source-xtream.username=$PROVIDER_USER" \
		--define "plugins.source-xtream.password=$PROVIDER_PASS" \
		--define "plugins.auth-jwt.adminPasswordHash=$HASH" \
		--define "plugins.output-hls.lowLatency=$low_latency" \
		--define live.maxChannels=${#STREAMS[@]} >"$rs_log" 2>&1 &
	local rs_pid=$!
	track "$rs_pid"
	wait_until 20 grep -qs 'port api listening on' "$rs_log" || die "restream did not start: $(tail -5 "$rs_log")"
	local api
	api=http://127.0.0.1:$(sed -n 's/.*port api listening on [0-9.]*:\([0-9][0-9]*\).*/\1/p' "$rs_log" | head -1)
	wait_until 20 grep -qs 'provider account' "$rs_log" || log "warning: restream has not read the provider account yet"
	local streams
	streams=$(IFS=,; echo "${STREAMS[*]:0:n}")
	log "$name: restream (pid $rs_pid, lowLatency=$low_latency), $VIEWERS $mode viewers of each of $streams: ${WARMUP} s warm-up, ${WINDOW} s window"
	run_bg "$WORK/$name.out" python3 "$BENCH_DIR/players.py" --mode "$mode" --base "$api" --channels "$streams" \
		--viewers "$VIEWERS" --warmup "$WARMUP" --window "$WINDOW" --pid "$rs_pid" --out "$WORK/$name.json"
	((BG_RC == 0)) && [[ -s $WORK/$name.json ]] || die "$name viewers failed: $(tail -5 "$WORK/$name.out.err")"
	log "  $(cat "$WORK/$name.json")"
	stop_pid "$rs_pid"
}

for ((round = 1; round <= ROUNDS; ++round)); do
	for n in $CHANNELS; do
		order=("${CONFIGS[@]}")
		((round % 2)) || order=("${CONFIGS[2]}" "${CONFIGS[1]}" "${CONFIGS[0]}")
		for config in "${order[@]}"; do measure "$n" "$config" "$round"; done
	done
done

# ---------------------------------------------------------------------------------------------
# the table

j() { jq -s "map(.$3) | add * 1000 | round / 1000" "$WORK/$1-${2//\//-}"-*.json; }  # channel-count config field: summed over the rounds
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
mean() { awk -v s="$1" -v r="$ROUNDS" 'BEGIN { printf "%.1f", s / r }'; }   # sum over the rounds: per round
per_channel_minute() { awk -v s="$1" -v n="$2" -v w="$3" 'BEGIN { printf "%.2f", s / n * 60 / w }'; }

RESULTS=$WORK/results.md
{
	results_heading "restream LL-HLS CPU benchmark"
	echo "fake-xtream channels ${STREAMS[*]} (H.264 + AAC, copied), 2 s segments, 0.33 s parts; everything on 127.0.0.1."
	echo "$(sed -n 's/^settings: //p' "$WORK/environment.txt")."
	echo
	echo "| channels | config | viewers on | restream CPU s over $ROUNDS × ${WINDOW} s | CPU s per channel-minute | ÷ off | requests/s | MB/s | viewer errors / late media |"
	echo "|---:|---|---|---:|---:|---:|---:|---:|---|"
	for n in $CHANNELS; do
		off=$(j "$n" off restream_cpu_s)
		for config in "${CONFIGS[@]}"; do
			on=$(j "$n" "$config" restream_cpu_s)
			playlist='`/live/ID.m3u8`'
			[[ $config == on/ll ]] && playlist='`/live/ID.ll.m3u8`'
			echo "| $n | $config | $playlist | $on | $(per_channel_minute "$on" "$n" "$(j "$n" "$config" window_s)") | $(ratio "$on" "$off") | $(mean "$(j "$n" "$config" requests_per_s)") | $(awk -v b="$(j "$n" "$config" bytes_per_s)" -v r="$ROUNDS" 'BEGIN { printf "%.2f", b / r / 1e6 }') | $(j "$n" "$config" errors) / $(j "$n" "$config" late_media) |"
		done
	done
	echo
	echo "÷ off: restream's CPU seconds in that configuration ÷ those with lowLatency=false and TS viewers, each summed over $ROUNDS rounds."
	echo "on/ts ÷ off is what producing the LL rendition costs; on/ll ÷ off adds serving it to $VIEWERS LL-HLS viewers a channel"
	echo "(a blocking playlist reload and a part fetch every ~0.33 s each) instead of TS viewers. Target: ≤ 1.25."
} >"$RESULTS"

echo
cat "$RESULTS"
echo
echo "raw outputs: $WORK (<n>-<config>-<round>.json and .restream.log, fake-xtream.*)"
