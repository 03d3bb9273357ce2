#!/usr/bin/env bash
# bench/tuner/run.sh [build-dir]
#
# The tuner port (output-ts) next to HLS (output-hls), in one run, all on 127.0.0.1, against the fake
# provider:
#   (a) load: VIEWERS viewers of /stream/101.ts, then VIEWERS HLS viewers of /live/101.m3u8 (polling
#       every target duration, each new segment once): restream's CPU over the same WINDOW, its RSS,
#       the bytes/s the viewers got, the provider's connections of the channel (should be 1);
#   (b) tune time of a running channel (101) and of a cold one (105, warm at the provider): TS time to
#       first byte and to the first keyframe, HLS time to a playlist listing a segment and to that
#       segment. Medians of RUNS, with ranges.
# It prints a Markdown table, never pass/fail. Not part of the test suite. Viewer clients:
# bench/tuner/viewers.py (Python 3 asyncio, one process per phase).
# Builds only through `cmake --build <build-dir>` (default: build); installs missing tools from
# Debian's packages; ends every process it started, by PID, also on failure or Ctrl-C.
# Tunables (environment): VIEWERS=100 WARMUP=8 WINDOW=30 RUNS=5 JOBS=2 DEADLINE=900 TUNER_THREADS=VIEWERS+16.
# See bench/tuner/README.md.

set -uo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH_DIR=$ROOT/bench/tuner
BUILD=${1:-build}
[[ $BUILD = /* ]] || BUILD=$ROOT/$BUILD

VIEWERS=${VIEWERS:-100}
WARMUP=${WARMUP:-8}
WINDOW=${WINDOW:-30}
RUNS=${RUNS:-5}
JOBS=${JOBS:-2}
DEADLINE=${DEADLINE:-900}

LOAD_CHANNEL=101                 # 640x360 H.264 + AAC, ~0.8 Mbit/s, 2 s GOP
COLD_CHANNEL=105                 # 320x180 H.264 + AAC, 2 s GOP; kept warm at the provider by a keeper
PROVIDER_USER=bench-user
PROVIDER_PASS=bench-Pa55-word
ADMIN_PASSWORD=bench-password-1

# ---------------------------------------------------------------------------------------------
# helpers

source "$ROOT/bench/processes.sh"

sleep_us() { (($1 > 0)) || return 0; local s; printf -v s '%d.%06d' $(($1 / 1000000)) $(($1 % 1000000)); sleep "$s"; }

fmt() { awk -v v="$1" -v d="${2:-2}" 'BEGIN { if (v == "" || v == "nan" || v == "null") print "n/a"; else printf "%.*f", d, v }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (!NR) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minmax() { sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { if (NR) printf "%.3f–%.3f", lo, hi; else print "n/a" }'; }
cpu_snapshot() { # whole machine: "busy total" in ticks, from /proc/stat
	local cpu user nice system idle iowait irq softirq steal rest
	read -r cpu user nice system idle iowait irq softirq steal rest < /proc/stat
	echo "$((user + nice + system + irq + softirq + steal)) $((user + nice + system + idle + iowait + irq + softirq + steal))"
}
busy_pct() { # snapshot0 snapshot1: % of all cores busy in between
	awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " "); if (y[2] > x[2]) printf "%.0f", 100 * (y[1] - x[1]) / (y[2] - x[2]); else print "n/a" }'
}

# ---------------------------------------------------------------------------------------------
# tools, build, work directory

install_missing curl:curl jq:jq python3:python3 pgrep:procps

hard=$(ulimit -Hn)
[[ $hard == unlimited ]] && hard=65536
ulimit -n "$hard" 2>/dev/null || true

[[ -f $BUILD/CMakeCache.txt ]] || die "$BUILD is not a configured build directory (cmake -S $ROOT -B $BUILD)"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/restream-tuner-bench.XXXXXX") || die "mktemp failed"
mkdir -p "$WORK/load" "$WORK/tune"
log "raw outputs go to $WORK"
build_bench "$JOBS" restream auth-jwt source-xtream output-hls output-ts fake-xtream

watchdog "$DEADLINE"                   # whatever happens, the run ends DEADLINE seconds from here

{
	describe_machine
	echo "python: $(python3 --version 2>&1)"
	echo "settings: VIEWERS=$VIEWERS WARMUP=$WARMUP WINDOW=$WINDOW RUNS=$RUNS"
} >"$WORK/environment.txt"

# ---------------------------------------------------------------------------------------------
# the fake provider, a keeper of the cold channel, restream

start_fake_provider

provider_open() { curl -s --max-time 2 "$PROVIDER/_stats" | jq -r --arg c "$1" '.channels[$c].open // 0'; }
provider_open_is() { [[ $(provider_open "$1") == "$2" ]]; }

# The keeper holds the cold channel open at the provider for the whole run: its encoder stays warm and
# restream joins it mid-GOP at the live point, as with a real panel (a cold encoder would start with a
# keyframe and flatter every cold tune). Its keyframes fall every 2 s from about GOP0.
curl -sN -o /dev/null --max-time $((DEADLINE + 60)) "$PROVIDER/live/$PROVIDER_USER/$PROVIDER_PASS/$COLD_CHANNEL.ts" &
KEEPER_PID=$!
track "$KEEPER_PID"
now; GOP0=$NOW
wait_until 10 provider_open_is "$COLD_CHANNEL" 1 || die "the keeper client did not connect"

wait_phase() { # phase_us within the 2 s GOP
	local into d
	now; into=$(((NOW - GOP0) % 2000000))
	d=$((($1 - into + 4000000) % 2000000))
	sleep_us "$d"
}

# A TS viewer holds one of the tuner port's worker threads for as long as it watches; the port's default
# (64) would leave the viewers beyond it queued, unanswered. TUNER_THREADS= (empty) keeps the default.
TUNER_THREADS=${TUNER_THREADS-$((VIEWERS + 16))}
HASH=$(printf '%s\n' "$ADMIN_PASSWORD" | "$RESTREAM" hash-password 2>"$WORK/hash-password.err" | tail -1)
[[ $HASH == \$* ]] || die "hash-password failed: $(cat "$WORK/hash-password.err")"
RS_LOG=$WORK/restream.log
"$RESTREAM" --config "$ROOT/etc/restream.ini" \
	--define "state.dir=$WORK/state" \
	--define http.api.address=127.0.0.1 --define http.api.port=0 \
	--define http.tuner.address=127.0.0.1 --define http.tuner.port=0 ${TUNER_THREADS:+--define "http.tuner.maxThreads=$TUNER_THREADS"} \
	--define "http.ports=api, tuner" \
	--define "plugins.load=auth-jwt, source-xtream, output-hls, output-ts" \
	--define "plugins.source-xtream.url=$PROVIDER" \
	--define "plugins.source-xtream.username=$PROVIDER_USER" \
	--define "plugins.source-xtream.password=$PROVIDER_PASS" \
	--define "plugins.auth-jwt.adminPasswordHash=$HASH" \
	--define live.maxChannels=4 --define live.idleTimeout=1 >"$RS_LOG" 2>&1 &
RS_PID=$!
track "$RS_PID"
port_of() { sed -n "s/.*port $1 listening on [0-9.]*:\([0-9][0-9]*\).*/\1/p" "$RS_LOG" | head -1; }
wait_until 20 grep -qs 'port tuner listening on' "$RS_LOG" || die "restream did not start: $(tail -5 "$RS_LOG")"
wait_until 20 grep -qs 'port api listening on' "$RS_LOG" || die "restream did not start: $(tail -5 "$RS_LOG")"
API=http://127.0.0.1:$(port_of api)
TUNER=http://127.0.0.1:$(port_of tuner)
wait_until 20 grep -qs 'provider account' "$RS_LOG" || log "warning: restream has not read the provider account yet"
log "restream at $API (api) and $TUNER (tuner), pid $RS_PID"
nap 2

# ---------------------------------------------------------------------------------------------
# (a) load: TS viewers, then HLS viewers, of the same channel

VIEWERS_PY=(python3 "$BENCH_DIR/viewers.py")
declare -A BUSY
for mode in ts hls; do
	base=$TUNER
	[[ $mode == hls ]] && base=$API
	wait_until 30 provider_open_is "$LOAD_CHANNEL" 0 || die "channel $LOAD_CHANNEL still open at the provider before the $mode phase"
	log "(a) $VIEWERS $mode viewers of channel $LOAD_CHANNEL: ${WARMUP} s warm-up, ${WINDOW} s window"
	b0=$(cpu_snapshot)
	run_bg "$WORK/load/$mode.out" "${VIEWERS_PY[@]}" load --mode "$mode" --base "$base" --channel "$LOAD_CHANNEL" \
		--viewers "$VIEWERS" --warmup "$WARMUP" --window "$WINDOW" --pid "$RS_PID" --provider "$PROVIDER" --out "$WORK/load/$mode.json"
	((BG_RC == 0)) && [[ -s $WORK/load/$mode.json ]] || die "$mode viewers failed: $(tail -5 "$WORK/load/$mode.out.err")"
	BUSY[$mode]=$(busy_pct "$b0" "$(cpu_snapshot)")
	log "  $(cat "$WORK/load/$mode.json")"
done

# ---------------------------------------------------------------------------------------------
# (b) tune times

TUNE=$WORK/tune/tune.tsv
printf 'kind\tmode\trun\tphase_ms\tfirst_s\tready_s\tstatus\n' >"$TUNE"
tune() { # kind mode channel run phase_us: one tune, one row
	local base=$TUNER out=$WORK/tune/$1-$2-$4.json
	[[ $2 == hls ]] && base=$API
	local cold=()
	[[ $1 == cold ]] && cold=(--cold)
	run_bg "$out" "${VIEWERS_PY[@]}" tune --mode "$2" --base "$base" --channel "$3" "${cold[@]}" --timeout 30
	((BG_RC == 0)) || die "tune $1 $2 run $4 failed: $(tail -5 "$out.err")"
	if [[ $2 == ts ]]; then
		jq -r --arg k "$1" --arg r "$4" --arg p "$(($5 / 1000))" \
			'[$k, "ts", $r, $p, .first_byte_s, .keyframe_complete_s, .status] | map(tostring) | join("\t")' "$out" >>"$TUNE"
	else
		jq -r --arg k "$1" --arg r "$4" --arg p "$(($5 / 1000))" \
			'[$k, "hls", $r, $p, .playlist_s, .segment_s, .status] | map(tostring) | join("\t")' "$out" >>"$TUNE"
	fi
}

log "(b) tune, running channel $LOAD_CHANNEL (held by one TS viewer): $RUNS runs each of TS and HLS"
wait_until 30 provider_open_is "$LOAD_CHANNEL" 0 || die "channel $LOAD_CHANNEL still open at the provider"
curl -sN -o /dev/null --max-time $((DEADLINE + 60)) "$TUNER/stream/$LOAD_CHANNEL.ts" &
HOLDER_PID=$!
track "$HOLDER_PID"
wait_until 20 provider_open_is "$LOAD_CHANNEL" 1 || die "the holder did not start channel $LOAD_CHANNEL"
nap 6   # a few segments in the HLS playlist, a few GOPs in the TS ring
for ((i = 0; i < RUNS; ++i)); do
	phase=$(((2000000 * i + 1000000) / RUNS))
	wait_phase "$phase"; tune running ts "$LOAD_CHANNEL" "$i" "$phase"
	wait_phase "$phase"; tune running hls "$LOAD_CHANNEL" "$i" "$phase"
done
stop_pid "$HOLDER_PID"

log "(b) tune, cold channel $COLD_CHANNEL (warm at the provider): $RUNS runs each of TS and HLS, phases spread over the GOP"
cold_idle() { provider_open_is "$COLD_CHANNEL" 1; }   # the keeper only: restream's channel has stopped
for ((i = 0; i < RUNS; ++i)); do
	phase=$(((2000000 * i + 1000000) / RUNS))       # e.g. 0.2, 0.6, 1.0, 1.4, 1.8 s for 5 runs
	for mode in ts hls; do
		wait_until 30 cold_idle || die "channel $COLD_CHANNEL did not stop in restream before a cold tune"
		nap 1
		wait_phase "$phase"
		tune cold "$mode" "$COLD_CHANNEL" "$i" "$phase"
	done
	log "  run $((i + 1))/$RUNS: $(awk -F'\t' -v r="$i" '$1 == "cold" && $3 == r { printf "%s %s/%s s  ", $2, $5, $6 }' "$TUNE")"
done

# ---------------------------------------------------------------------------------------------
# the table

j() { jq -r ".$2" "$WORK/load/$1.json"; }
col() { awk -F'\t' -v k="$1" -v m="$2" -v c="$3" '$1 == k && $2 == m && $c != "null" && $c != "None" { print $c }' "$TUNE"; }
cell() { # kind mode column
	local values
	values=$(col "$@")
	[[ -n $values ]] || { echo "n/a"; return; }
	echo "$(fmt "$(median <<<"$values")" 3) [$(minmax <<<"$values")]"
}
failed() { awk -F'\t' -v k="$1" -v m="$2" '$1 == k && $2 == m && ($6 == "null" || $7 != "200") { n++ } END { print n + 0 }' "$TUNE"; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
mbs() { awk -v b="$1" 'BEGIN { printf "%.2f", b / 1e6 }'; }

RESULTS=$WORK/results.md
{
	results_heading "restream tuner benchmark"
	echo "fake-xtream channels $LOAD_CHANNEL (640x360 H.264 + AAC, ~0.8 Mbit/s) and $COLD_CHANNEL (320x180), 2 s GOP; 2 s HLS segments; everything on 127.0.0.1."
	echo "$(sed -n 's/^settings: //p' "$WORK/environment.txt")."
	echo
	echo "| load, channel $LOAD_CHANNEL | TS \`/stream/$LOAD_CHANNEL.ts\` | HLS \`/live/$LOAD_CHANNEL.m3u8\` | note |"
	echo "|---|---:|---:|---|"
	echo "| viewers | $(j ts viewers) | $(j hls viewers) | one asyncio process each |"
	echo "| restream CPU, % of one core (same ${WINDOW} s window) | $(j ts restream_cpu_pct) | $(j hls restream_cpu_pct) | utime+stime, /proc/PID/stat |"
	echo "| restream VmRSS at the end of the window, MB (peak so far) | $(mb "$(j ts restream_rss_kb)") ($(mb "$(j ts restream_hwm_kb)")) | $(mb "$(j hls restream_rss_kb)") ($(mb "$(j hls restream_hwm_kb)")) | one process, TS phase first |"
	echo "| delivered to the viewers, MB/s | $(mbs "$(j ts bytes_per_s)") | $(mbs "$(j hls bytes_per_s)") | bodies, 10^6 bytes |"
	echo "| requests/s | $(j ts requests_per_s) | $(j hls requests_per_s) | TS: one endless answer per viewer |"
	echo "| provider connections of the channel, open (min–max) / opened in the window | $(j ts provider_open_min)–$(j ts provider_open_max) / $(j ts provider_connections_opened) | $(j hls provider_open_min)–$(j hls provider_open_max) / $(j hls provider_connections_opened) | must be 1 / 0 |"
	echo "| viewer errors / TS answers ended / HLS stale polls / HLS segments gone | $(j ts errors) / $(j ts ended) / – / – | $(j hls errors) / – / $(j hls stale_polls) / $(j hls late_segments) | |"
	echo "| the viewers' process CPU, % of one core | $(j ts client_cpu_pct) | $(j hls client_cpu_pct) | shares the 2 cores |"
	echo "| whole machine busy, % of $(nproc) cores | ${BUSY[ts]} | ${BUSY[hls]} | all processes, phase incl. warm-up |"
	echo
	echo "| tune, median of $RUNS (s) [range] | first byte / playlist with a segment | first keyframe complete / first segment downloaded | failed runs | target |"
	echo "|---|---:|---:|---:|---|"
	echo "| TS, running channel $LOAD_CHANNEL | $(cell running ts 5) | $(cell running ts 6) | $(failed running ts) | < 0.5 |"
	echo "| HLS, running channel $LOAD_CHANNEL | $(cell running hls 5) | $(cell running hls 6) | $(failed running hls) | |"
	echo "| TS, cold channel $COLD_CHANNEL | $(cell cold ts 5) | $(cell cold ts 6) | $(failed cold ts) | keyframe ≤ HLS cold playlist |"
	echo "| HLS, cold channel $COLD_CHANNEL | $(cell cold hls 5) | $(cell cold hls 6) | $(failed cold hls) | |"
	echo
	echo "TS: from the request to the first body byte, and to the next video PES start after the first one flagged random"
	echo "access (the keyframe is whole: a decoder can show it). HLS: to the first \`/live/ID.m3u8\` answer that lists a segment"
	echo "of this run (polled every 50 ms; a previous run's segments, which output-hls lists at once, are skipped), and to"
	echo "that segment's last byte. Cold runs start at $RUNS phases spread over the provider's 2 s GOP, the same for TS and HLS;"
	echo "the cold channel's encoder is warm at the provider (a keeper client), so restream joins mid-GOP as with a real panel."
} >"$RESULTS"

echo
cat "$RESULTS"
echo
echo "raw outputs: $WORK (load/*.json, tune/tune.tsv and tune/*.json, restream.log)"
