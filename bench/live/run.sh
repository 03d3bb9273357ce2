#!/usr/bin/env bash
# bench/live/run.sh [build-dir]
#
# Live benchmark of restream against references measured in the same run, all on 127.0.0.1,
# against the fake provider's channel 101 (640x360 H.264/AAC, 2 s GOP), 2 s segments:
#   (a) start latency: start request -> first playable playlist, vs the ffmpeg CLI writing HLS to disk;
#   (b) CPU per minute of one live channel, and memory each channel adds, vs one ffmpeg process;
#   (c) serving the newest segment with wrk at 100 and 1000 keep-alive connections, vs nginx
#       serving the same bytes from disk.
# It prints a Markdown table of figures and ratios, never pass/fail. Not part of the test suite.
# Builds only through `cmake --build <build-dir>` (default: build); installs missing tools from
# Debian's packages; ends every process it started, by PID, also on failure or Ctrl-C.
# Tunables (environment): RUNS=5 IDLE_WINDOW=20 CPU_WINDOW=60 FILL_WAIT=25 WRK_DURATION=15
# CONNECTIONS="100 1000" DEADLINE=900 (seconds after the build before everything is stopped).
# See bench/live/README.md.

set -uo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH_DIR=$ROOT/bench/live
BUILD=${1:-build}
[[ $BUILD = /* ]] || BUILD=$ROOT/$BUILD

RUNS=${RUNS:-5}
IDLE_WINDOW=${IDLE_WINDOW:-20}
CPU_WINDOW=${CPU_WINDOW:-60}
FILL_WAIT=${FILL_WAIT:-25}
WRK_DURATION=${WRK_DURATION:-15}
CONNECTIONS=${CONNECTIONS:-"100 1000"}
DEADLINE=${DEADLINE:-900}

CHANNEL=101                      # 640x360 H.264 + AAC, ~0.8 Mbit/s, 2 s GOP
EXTRA_CHANNELS=(105 102)         # added for the memory figure (105: 320x180 AAC; 102: 320x180 MP2 -> AAC)
PROVIDER_USER=bench-user
PROVIDER_PASS=bench-Pa55-word
ADMIN_PASSWORD=bench-password-1
# restream's live.probeSize / live.analyzeDuration defaults (host/src/live/UrlInputOptions.h), read below.
PROBE_SIZE=$(sed -n 's/.*int probeSize = \([0-9]*\);.*/\1/p' "$ROOT/host/src/live/UrlInputOptions.h")
ANALYZE_US=$(sed -n 's/.*analyzeDuration = Poco::Timespan(\([0-9]*\), *\([0-9]*\));.*/\1 \2/p' "$ROOT/host/src/live/UrlInputOptions.h" |
	awk '{print $1 * 1000000 + $2}')
PROBE_SIZE=${PROBE_SIZE:-1000000}
ANALYZE_US=${ANALYZE_US:-1500000}

# ---------------------------------------------------------------------------------------------
# helpers

source "$ROOT/bench/processes.sh"

sleep_us() { (($1 > 0)) || return 0; local s; printf -v s '%d.%06d' $(($1 / 1000000)) $(($1 % 1000000)); sleep "$s"; }

POLL_US=50000
poll_grid() { # t0_us seconds command...: check on a 50 ms grid from t0; FOUND_US = t0 -> start of the successful check
	local t0=$1 limit=$(($2 * 1000000)) checked
	shift 2
	while :; do
		now; checked=$NOW
		if "$@"; then FOUND_US=$((checked - t0)); return 0; fi
		now; ((NOW - t0 > limit)) && return 1
		sleep_us $((t0 + ((NOW - t0) / POLL_US + 1) * POLL_US - NOW))
	done
}

calc() { awk "BEGIN { printf \"%.${2:-3}f\", $1 }"; }        # calc expression [decimals]
fmt() { awk -v v="$1" -v d="${2:-2}" 'BEGIN { if (v == "" || v == "nan") print "n/a"; else printf "%.*f", d, v }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'; }
median() { sort -g | awk '{ v[NR] = $1 } END { if (!NR) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minmax() { sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.2f–%.2f", lo, hi }'; }

cpu_ticks() { # pid: utime + stime (clock ticks), from /proc/PID/stat
	local s
	read -r s < "/proc/$1/stat" || { echo 0; return; }
	s=${s##*) }
	set -- $s
	echo $((${12} + ${13}))
}
sched_ns() { # pid: run time of the live threads (ns), /proc/PID/task/*/schedstat; a cross-check
	local t a sum=0
	for t in /proc/"$1"/task/*/schedstat; do read -r a _ < "$t" 2>/dev/null && sum=$((sum + a)); done
	echo "$sum"
}
cpu_snapshot() { # whole machine: "busy total" in ticks, from /proc/stat
	local cpu user nice system idle iowait irq softirq steal rest
	read -r cpu user nice system idle iowait irq softirq steal rest < /proc/stat
	echo "$((user + nice + system + irq + softirq + steal)) $((user + nice + system + idle + iowait + irq + softirq + steal))"
}
busy_pct() { # snapshot0 snapshot1: % of all cores busy in between
	awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " "); if (y[2] > x[2]) printf "%.0f", 100 * (y[1] - x[1]) / (y[2] - x[2]); else print "n/a" }'
}
rss_kb() { awk -v k="${2:-VmRSS}:" '$1 == k { print $2 }' "/proc/$1/status" 2>/dev/null; }

# ---------------------------------------------------------------------------------------------
# tools, build, work directory

install_missing curl:curl jq:jq wrk:wrk ffmpeg:ffmpeg pgrep:procps ss:iproute2 /usr/sbin/nginx:nginx
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

hard=$(ulimit -Hn)
[[ $hard == unlimited ]] && hard=65536
ulimit -n "$hard" 2>/dev/null || true
(($(ulimit -n) >= 2200)) || log "warning: open files limit $(ulimit -n): 1000 connections may fail"

[[ -f $BUILD/CMakeCache.txt ]] || die "$BUILD is not a configured build directory (cmake -S $ROOT -B $BUILD)"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/restream-live-bench.XXXXXX") || die "mktemp failed"
chmod 755 "$WORK"                 # nginx workers (nobody) read the segment below it
mkdir -p "$WORK/a" "$WORK/b" "$WORK/c"
log "raw outputs go to $WORK"
build_bench "$(nproc)" restream auth-jwt source-xtream output-hls fake-xtream

watchdog "$DEADLINE"                   # whatever happens, the run ends DEADLINE seconds from here

{
	describe_machine
	echo "ffmpeg: $(ffmpeg -version | head -1)"
	echo "nginx: $("$NGINX" -v 2>&1)"
	echo "wrk: $(wrk -v 2>&1 | head -1)"
	echo "open files: $(ulimit -n)"
	echo "restream probe: probesize=$PROBE_SIZE analyzeduration=${ANALYZE_US}us"
} >"$WORK/environment.txt"

# ---------------------------------------------------------------------------------------------
# the fake provider and a keeper client

start_fake_provider
STREAM_URL=$PROVIDER/live/$PROVIDER_USER/$PROVIDER_PASS/$CHANNEL.ts
log "fake provider at $PROVIDER (pid $FAKE_PID)"

provider_open() { curl -s --max-time 2 "$PROVIDER/_stats" | jq -r --arg c "$1" '.channels[$c].open // 0'; }
provider_open_is() { [[ $(provider_open "$1") == "$2" ]]; }

# The keeper holds channel 101 open for the whole run: the provider's encoder stays warm and every
# consumer joins mid-GOP at the live point, as with a real panel. Its keyframes fall every 2 s from
# the encoder's start (about GOP0), so each run below starts at a chosen phase of the GOP, the same
# phases for restream and for ffmpeg.
curl -sN -o /dev/null --max-time $((DEADLINE + 60)) "$STREAM_URL" &
track $!
KEEPER_PID=$!
now; GOP0=$NOW
wait_until 10 provider_open_is "$CHANNEL" 1 || die "the keeper client did not connect"
nap 3

wait_phase() { # phase_us within the 2 s GOP
	local into d
	now; into=$(((NOW - GOP0) % 2000000))
	d=$((($1 - into + 4000000) % 2000000))
	sleep_us "$d"
}

# ---------------------------------------------------------------------------------------------
# restream

HASH=$(printf '%s\n' "$ADMIN_PASSWORD" | "$RESTREAM" hash-password 2>"$WORK/hash-password.err" | tail -1)
[[ $HASH == \$* ]] || die "hash-password failed: $(cat "$WORK/hash-password.err")"

RS_PID=
API=
TOKEN=
start_restream() { # tag
	local logf=$WORK/restream-$1.log port
	"$RESTREAM" --config "$ROOT/etc/restream.ini" \
		--define "state.dir=$WORK/state" \
		--define http.api.address=127.0.0.1 --define http.api.port=0 --define http.ports=api \
		--define "plugins.load=auth-jwt, source-xtream, output-hls" \
		--define "plugins.source-xtream.url=$PROVIDER" \
		--define "plugins.source-xtream.username=$PROVIDER_USER" \
		--define "plugins.source-xtream.password=$PROVIDER_PASS" \
		--define "plugins.auth-jwt.adminPasswordHash=$HASH" \
		--define live.maxChannels=4 >"$logf" 2>&1 &
	RS_PID=$!
	track "$RS_PID"
	wait_until 20 grep -qs 'port api listening on' "$logf" || die "restream did not start: $(tail -5 "$logf")"
	port=$(sed -n 's/.*port api listening on [0-9.]*:\([0-9][0-9]*\).*/\1/p' "$logf" | head -1)
	[[ -n $port && $port != 0 ]] || die "cannot read restream's API port from $logf"
	API=http://127.0.0.1:$port
	TOKEN=$(curl -s --max-time 5 -H 'Content-Type: application/json' \
		-d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" "$API/auth/login" | jq -r '.access_token // empty')
	[[ -n $TOKEN ]] || die "cannot sign in to restream"
	log "restream ($1) at $API (pid $RS_PID)"
}

api_post() { # path json [outfile]: prints the HTTP status
	curl -s --max-time 10 -o "${3:-/dev/null}" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" \
		-H 'Content-Type: application/json' -d "$2" "$API$1"
}
start_channel() { # id primary(true|false)
	local code
	code=$(api_post /start_stream "{\"stream_id\": $1, \"primary\": $2}" "$WORK/start-$1.json")
	[[ $code == 200 ]] || die "start_stream $1 answered $code: $(cat "$WORK/start-$1.json")"
}
stop_channel() { api_post /stop_stream "{\"stream_id\": $1}" >/dev/null; }
rs_state() { curl -s --max-time 2 "$API/stream_status" | jq -r '.state // empty'; }
rs_idle() { [[ $(rs_state) == idle ]]; }

# A playable playlist: HTTP 200 and at least one complete segment listed.
RS_PL=$WORK/poll.m3u8
rs_playable() { # playlist path: /live.m3u8 or /live/ID.m3u8
	[[ $(curl -s --max-time 2 -o "$RS_PL" -w '%{http_code}' "$API$1") == 200 ]] && grep -q '^#EXTINF' "$RS_PL" && grep -q '^[^#]' "$RS_PL"
}
file_playable() { [[ -s $1 ]] && grep -q '^#EXTINF' "$1" && grep -q '^[^#]' "$1"; }

FF_PID=
start_ffmpeg() { # dir variant: the CLI writing HLS to dir/index.m3u8
	local pre=()
	case $2 in
		default) ;;
		bounded) pre=(-probesize "$PROBE_SIZE" -analyzeduration "$ANALYZE_US") ;;
		same-input) pre=(-probesize "$PROBE_SIZE" -analyzeduration "$ANALYZE_US" -scan_all_pmts 0 -fflags nobuffer -f mpegts) ;;
		same-input-buffered) pre=(-probesize "$PROBE_SIZE" -analyzeduration "$ANALYZE_US" -scan_all_pmts 0 -f mpegts) ;;
	esac
	ffmpeg -nostdin -hide_banner -loglevel warning "${pre[@]}" -i "$STREAM_URL" \
		-c copy -f hls -hls_time 2 -hls_list_size 6 "$1/index.m3u8" >"$1/ffmpeg.log" 2>&1 &
	FF_PID=$!
	track "$FF_PID"
}

# ---------------------------------------------------------------------------------------------
# (a) start latency

FF_VARIANTS=(default bounded same-input same-input-buffered)
start_restream a
BUSY_A0=$(cpu_snapshot)
log "(a) start latency: $RUNS runs each of restream and ffmpeg (${FF_VARIANTS[*]}), phases spread over the GOP"
printf 'run\tphase_ms\ttool\tlatency_s\n' >"$WORK/a/latency.tsv"
for ((i = 0; i < RUNS; ++i)); do
	phase=$(((2000000 * i + 1000000) / RUNS))     # e.g. 0.2, 0.6, 1.0, 1.4, 1.8 s for 5 runs
	# restream: POST /start_stream -> /live.m3u8 lists a segment
	wait_phase "$phase"
	now; t0=$NOW
	start_channel "$CHANNEL" true
	poll_grid "$t0" 30 rs_playable /live.m3u8 || die "restream: no playable playlist 30 s after the start (run $i)"
	cp "$RS_PL" "$WORK/a/restream-$i.m3u8"
	printf '%d\t%d\trestream\t%s\n' "$i" $((phase / 1000)) "$(calc "$FOUND_US/1000000" 3)" >>"$WORK/a/latency.tsv"
	stop_channel "$CHANNEL"
	wait_until 10 rs_idle || die "restream did not stop the channel"
	wait_until 10 provider_open_is "$CHANNEL" 1 || die "restream's upstream still open after the stop"
	for variant in "${FF_VARIANTS[@]}"; do
		dir=$WORK/a/ffmpeg-$variant-$i
		mkdir -p "$dir"
		wait_phase "$phase"
		now; t0=$NOW
		start_ffmpeg "$dir" "$variant"
		poll_grid "$t0" 30 file_playable "$dir/index.m3u8" || die "ffmpeg $variant: no playable playlist after 30 s (run $i; $dir/ffmpeg.log)"
		printf '%d\t%d\tffmpeg-%s\t%s\n' "$i" $((phase / 1000)) "$variant" "$(calc "$FOUND_US/1000000" 3)" >>"$WORK/a/latency.tsv"
		stop_pid "$FF_PID"
		wait_until 10 provider_open_is "$CHANNEL" 1 || die "ffmpeg's upstream still open after it ended"
	done
	log "  run $((i + 1))/$RUNS: $(awk -v r="$i" -F'\t' '$1 == r { printf "%s %ss  ", $3, $4 }' "$WORK/a/latency.tsv")"
done
lat() { awk -F'\t' -v t="$1" '$3 == t { print $4 }' "$WORK/a/latency.tsv"; }
BUSY_A=$(busy_pct "$BUSY_A0" "$(cpu_snapshot)")
LAT_RS=$(lat restream | median); LAT_RS_RANGE=$(lat restream | minmax)
declare -A LAT_FF LAT_FF_RANGE
for variant in "${FF_VARIANTS[@]}"; do
	LAT_FF[$variant]=$(lat "ffmpeg-$variant" | median)
	LAT_FF_RANGE[$variant]=$(lat "ffmpeg-$variant" | minmax)
done
stop_pid "$RS_PID"

# ---------------------------------------------------------------------------------------------
# (b) CPU and memory

log "(b) CPU and memory: a fresh restream, idle ${IDLE_WINDOW} s, then channel $CHANNEL in restream and in ffmpeg for ${CPU_WINDOW} s"
start_restream b
nap 5
SAMPLES=$WORK/b/samples.tsv
printf 't_s\tevent\trs_ticks\trs_sched_ns\trs_rss_kb\tff_ticks\tff_sched_ns\tff_rss_kb\n' >"$SAMPLES"
now; B0=$NOW
sample() { # event: one row; sets S_* for the caller
	now
	S_RS_TICKS=$(cpu_ticks "$RS_PID"); S_RS_NS=$(sched_ns "$RS_PID"); S_RS_RSS=$(rss_kb "$RS_PID")
	if [[ -n $FF_PID ]] && alive "$FF_PID"; then
		S_FF_TICKS=$(cpu_ticks "$FF_PID"); S_FF_NS=$(sched_ns "$FF_PID"); S_FF_RSS=$(rss_kb "$FF_PID")
	else
		S_FF_TICKS=; S_FF_NS=; S_FF_RSS=
	fi
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(calc "($NOW-$B0)/1000000" 1)" "$1" "$S_RS_TICKS" "$S_RS_NS" "$S_RS_RSS" \
		"$S_FF_TICKS" "$S_FF_NS" "$S_FF_RSS" >>"$SAMPLES"
}
HZ=$(getconf CLK_TCK)
FF_PID=
sample idle-start; IDLE_T0=$NOW; IDLE_TICKS0=$S_RS_TICKS; IDLE_NS0=$S_RS_NS; BUSY_I0=$(cpu_snapshot)
nap "$IDLE_WINDOW"
sample idle-end; IDLE_T1=$NOW; IDLE_TICKS1=$S_RS_TICKS; IDLE_NS1=$S_RS_NS; RSS0=$S_RS_RSS; BUSY_I=$(busy_pct "$BUSY_I0" "$(cpu_snapshot)")

mkdir -p "$WORK/b/ffmpeg"
start_ffmpeg "$WORK/b/ffmpeg" default
start_channel "$CHANNEL" true
wait_until 30 file_playable "$WORK/b/ffmpeg/index.m3u8" || die "(b) ffmpeg produced no playlist"
wait_until 30 rs_playable /live.m3u8 || die "(b) restream produced no playlist"
nap 3
sample live-start; LIVE_T0=$NOW; RS_T0=$S_RS_TICKS; RS_NS0=$S_RS_NS; FF_T0=$S_FF_TICKS; FF_NS0=$S_FF_NS; BUSY_B0=$(cpu_snapshot)
for ((s = 5; s <= CPU_WINDOW; s += 5)); do
	nap 5
	sample live
done
nap $((CPU_WINDOW % 5))
sample live-end; LIVE_T1=$NOW; RS_T1=$S_RS_TICKS; RS_NS1=$S_RS_NS; FF_T1=$S_FF_TICKS; FF_NS1=$S_FF_NS
RSS1=$S_RS_RSS; FF_RSS=$S_FF_RSS; FF_HWM=$(rss_kb "$FF_PID" VmHWM); BUSY_B=$(busy_pct "$BUSY_B0" "$(cpu_snapshot)")
[[ $(rs_state) == live ]] || log "warning: restream's channel is not live at the end of the window ($(rs_state))"
grep -c '^#EXTINF' "$WORK/b/ffmpeg/index.m3u8" >/dev/null || log "warning: ffmpeg's playlist is empty"
stop_pid "$FF_PID"
FF_PID=
[[ $BUSY_B =~ ^[0-9]+$ ]] && ((BUSY_B > 15)) && log "warning: the machine was ${BUSY_B} % busy during the CPU window: other processes disturb the figures"

# CPU seconds per minute. restream: live minus idle, both as rates.
cpu_rate() { awk -v d="$1" -v us="$2" -v hz="$3" 'BEGIN { printf "%.4f", d / hz * 60 / (us / 1000000) }'; }
IDLE_CPM=$(cpu_rate $((IDLE_TICKS1 - IDLE_TICKS0)) $((IDLE_T1 - IDLE_T0)) "$HZ")
RS_LIVE_CPM=$(cpu_rate $((RS_T1 - RS_T0)) $((LIVE_T1 - LIVE_T0)) "$HZ")
RS_CPM=$(awk -v a="$RS_LIVE_CPM" -v b="$IDLE_CPM" 'BEGIN { printf "%.4f", a - b }')
FF_CPM=$(cpu_rate $((FF_T1 - FF_T0)) $((LIVE_T1 - LIVE_T0)) "$HZ")
# the same from schedstat (ns, threads alive at both ends): a finer cross-check
IDLE_CPM_NS=$(cpu_rate $((IDLE_NS1 - IDLE_NS0)) $((IDLE_T1 - IDLE_T0)) 1000000000)
RS_CPM_NS=$(awk -v a="$(cpu_rate $((RS_NS1 - RS_NS0)) $((LIVE_T1 - LIVE_T0)) 1000000000)" -v b="$IDLE_CPM_NS" 'BEGIN { printf "%.4f", a - b }')
FF_CPM_NS=$(cpu_rate $((FF_NS1 - FF_NS0)) $((LIVE_T1 - LIVE_T0)) 1000000000)

# Memory each extra channel adds (non-primary channels; the segment ring fills in FILL_WAIT s).
declare -A RSS_AFTER
RSS_AFTER[$CHANNEL]=$RSS1
for extra in "${EXTRA_CHANNELS[@]}"; do
	start_channel "$extra" false
	wait_until 30 rs_playable "/live/$extra.m3u8" || die "(b) channel $extra produced no playlist"
	nap "$FILL_WAIT"
	sample "channel-$extra"
	RSS_AFTER[$extra]=$S_RS_RSS
done
curl -s --max-time 5 "$API/metrics" >"$WORK/b/metrics.txt"
log "  idle ${IDLE_CPM} s/min; live ${RS_LIVE_CPM} s/min; ffmpeg ${FF_CPM} s/min; RSS idle ${RSS0} kB, +$CHANNEL ${RSS1} kB, ffmpeg ${FF_RSS} kB"
for extra in "${EXTRA_CHANNELS[@]}"; do stop_channel "$extra"; done

# ---------------------------------------------------------------------------------------------
# (c) serving the newest segment: restream vs nginx

log "(c) serving: wrk -t2 -c{${CONNECTIONS// /,}} -d${WRK_DURATION}s against restream and nginx"
NGDIR=$WORK/c/nginx
mkdir -p "$NGDIR/www" "$NGDIR/tmp"
chmod -R 755 "$NGDIR"
nginx_conf() { # port: the configuration, on stdout
	local user_line=
	((EUID == 0)) && user_line="user nobody nogroup;"
	cat <<EOF
# generated by bench/live/run.sh
$user_line
daemon off;
worker_processes 2;
worker_rlimit_nofile 16384;
pid $NGDIR/nginx.pid;
error_log $NGDIR/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 65;
    keepalive_requests 100000;
    types { video/mp2t ts; application/vnd.apple.mpegurl m3u8; }
    default_type application/octet-stream;
$(nginx_temp_paths "$NGDIR/tmp")
    server {
        listen 127.0.0.1:$1;
        root $NGDIR/www;
    }
}
EOF
}
start_nginx "$NGDIR" nginx_conf
log "nginx at http://127.0.0.1:$NGPORT (pid $NG_PID)"

server_ticks() { # restream|nginx: CPU ticks of the server's processes
	local total pid
	if [[ $1 == restream ]]; then cpu_ticks "$RS_PID"; return; fi
	total=$(cpu_ticks "$NG_PID")
	for pid in $(pgrep -P "$NG_PID"); do total=$((total + $(cpu_ticks "$pid"))); done
	echo "$total"
}

declare -A W
run_wrk() { # server connections url
	local out=$WORK/c/$1-$2.txt t0 t1 line kv
	t0=$(server_ticks "$1")
	wrk -t2 -c"$2" -d"${WRK_DURATION}s" --latency -s "$BENCH_DIR/wrk-report.lua" "$3" >"$out" 2>&1
	t1=$(server_ticks "$1")
	line=$(sed -n 's/^RESULT //p' "$out")
	[[ -n $line ]] || die "wrk gave no result for $1 at $2 connections: $(tail -5 "$out")"
	for kv in $line; do W[$1,$2,${kv%%=*}]=${kv#*=}; done
	W[$1,$2,cpu_s]=$(awk -v d=$((t1 - t0)) -v hz="$HZ" 'BEGIN { printf "%.2f", d / hz }')
	log "  $1 c=$2: $(sed -n 's/^Requests\/sec:[[:space:]]*//p' "$out") req/s, non-2xx ${W[$1,$2,status]}, socket errors $((W[$1,$2,connect] + W[$1,$2,read] + W[$1,$2,write] + W[$1,$2,timeout]))"
}

declare -A SEG_BYTES
BUSY_C0=$(cpu_snapshot)
for c in $CONNECTIONS; do
	# the newest segment now (relative to /); restream keeps it 20 s, wrk runs against it first
	curl -s --max-time 5 -o "$WORK/c/live-$c.m3u8" "$API/live.m3u8"
	seg=$(grep -v '^#' "$WORK/c/live-$c.m3u8" | grep . | tail -1)
	[[ -n $seg ]] || die "no segment in restream's playlist"
	seg=${seg#/}
	mkdir -p "$NGDIR/www/$(dirname "$seg")"
	curl -s --max-time 10 -o "$NGDIR/www/$seg" "$API/$seg" || die "cannot download $seg"
	chmod -R a+rX "$NGDIR/www"
	SEG_BYTES[$c]=$(stat -c %s "$NGDIR/www/$seg")
	ng_len=$(curl -s --max-time 5 -o /dev/null -w '%{size_download}' "http://127.0.0.1:$NGPORT/$seg")
	[[ $ng_len == "${SEG_BYTES[$c]}" && ${SEG_BYTES[$c]} -gt 0 ]] || die "nginx serves $ng_len bytes of $seg, restream ${SEG_BYTES[$c]}"
	curl -s -D "$WORK/c/restream-headers-$c.txt" -o /dev/null "$API/$seg"
	curl -s -D "$WORK/c/nginx-headers-$c.txt" -o /dev/null "http://127.0.0.1:$NGPORT/$seg"
	echo "$seg ${SEG_BYTES[$c]} bytes" >"$WORK/c/segment-$c.txt"
	run_wrk restream "$c" "$API/$seg"
	nap 2
	run_wrk nginx "$c" "http://127.0.0.1:$NGPORT/$seg"
	nap 2
done

BUSY_C=$(busy_pct "$BUSY_C0" "$(cpu_snapshot)")

# ---------------------------------------------------------------------------------------------
# the table

rps() { awk -v r="${W[$1,$2,requests]}" -v d="${W[$1,$2,duration_us]}" 'BEGIN { printf "%.0f", r / (d / 1e6) }'; }
mbps() { awk -v b="${W[$1,$2,bytes]}" -v d="${W[$1,$2,duration_us]}" 'BEGIN { printf "%.1f", b / 1e6 / (d / 1e6) }'; }
p99() { awk -v p="${W[$1,$2,p99_us]}" 'BEGIN { printf "%.2f", p / 1000 }'; }
errs() { echo "${W[$1,$2,status]} / $((W[$1,$2,connect] + W[$1,$2,read] + W[$1,$2,write] + W[$1,$2,timeout]))"; }
kcpu() { awk -v c="${W[$1,$2,cpu_s]}" -v r="${W[$1,$2,requests]}" 'BEGIN { if (r > 0) printf "%.3f", c / r * 1000; else print "n/a" }'; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

RESULTS=$WORK/results.md
{
	echo "## restream live benchmark — $(sed -n 's/^date: //p' "$WORK/environment.txt")"
	echo
	echo "$(sed -n 's/^cpu: //p' "$WORK/environment.txt"); restream $(sed -n 's/^restream: //p' "$WORK/environment.txt"), $(sed -n 's/^build type: //p' "$WORK/environment.txt"); $(sed -n 's/^ffmpeg: //p' "$WORK/environment.txt" | cut -d' ' -f1-3); $(sed -n 's/^nginx: //p' "$WORK/environment.txt")."
	echo "Channel $CHANNEL of fake-xtream (640x360 H.264 + AAC, 2 s GOP), 2 s segments, everything on 127.0.0.1."
	echo
	echo "| # | figure | restream | reference | reference value | ratio restream/ref | target |"
	echo "|---|---|---:|---|---:|---:|---|"
	first=1
	for variant in "${FF_VARIANTS[@]}"; do
		case $variant in
			default) ref="ffmpeg CLI, default probe" ;;
			bounded) ref="ffmpeg CLI, -probesize $PROBE_SIZE -analyzeduration $ANALYZE_US" ;;
			same-input) ref="ffmpeg CLI, restream's input options (bounded + -scan_all_pmts 0 -fflags nobuffer -f mpegts)" ;;
			same-input-buffered) ref="ffmpeg CLI, the same without -fflags nobuffer" ;;
		esac
		if ((first)); then
			echo "| a | start → first playable playlist, median of $RUNS (s) [range] | $(fmt "$LAT_RS") [$LAT_RS_RANGE] | $ref | $(fmt "${LAT_FF[$variant]}") [${LAT_FF_RANGE[$variant]}] | $(ratio "$LAT_RS" "${LAT_FF[$variant]}") | ≤ 1.0 |"
			first=0
		else
			echo "| a | 〃 | 〃 | $ref | $(fmt "${LAT_FF[$variant]}") [${LAT_FF_RANGE[$variant]}] | $(ratio "$LAT_RS" "${LAT_FF[$variant]}") | ≤ 1.0 |"
		fi
	done
	echo "| b | CPU s per minute, 1 live channel (/proc/PID/stat; restream live $(fmt "$RS_LIVE_CPM" 3) − idle $(fmt "$IDLE_CPM" 3)) | $(fmt "$RS_CPM" 3) | ffmpeg CLI process, same $CPU_WINDOW s | $(fmt "$FF_CPM" 3) | $(ratio "$RS_CPM" "$FF_CPM") | ≤ 1.0 |"
	echo "| b | 〃 cross-check from schedstat (ns) | $(fmt "$RS_CPM_NS" 3) | 〃 | $(fmt "$FF_CPM_NS" 3) | $(ratio "$RS_CPM_NS" "$FF_CPM_NS") | |"
	prev=$RSS0
	label="idle $(mb "$RSS0") MB"
	ref="VmRSS of the ffmpeg CLI process above, channel $CHANNEL (peak $(mb "$FF_HWM"))"
	for ch in "$CHANNEL" "${EXTRA_CHANNELS[@]}"; do
		added=$((RSS_AFTER[$ch] - prev))
		echo "| b | VmRSS added by channel $ch ($label → $(mb "${RSS_AFTER[$ch]}") MB) (MB) | $(mb "$added") | $ref | $(mb "$FF_RSS") | $(ratio "$added" "$FF_RSS") | ≤ 0.25 |"
		prev=${RSS_AFTER[$ch]}
		label=〃
		ref=〃
	done
	for c in $CONNECTIONS; do
		echo "| c | $c connections: requests/s | $(rps restream "$c") | nginx, same $(calc "${SEG_BYTES[$c]}/1048576" 2) MB segment from disk | $(rps nginx "$c") | $(ratio "$(rps restream "$c")" "$(rps nginx "$c")") | ≥ 0.9 |"
		echo "| c | $c connections: MB/s | $(mbps restream "$c") | 〃 | $(mbps nginx "$c") | $(ratio "$(mbps restream "$c")" "$(mbps nginx "$c")") | ≥ 0.9 |"
		echo "| c | $c connections: p99 latency (ms) (lower is better) | $(p99 restream "$c") | 〃 | $(p99 nginx "$c") | $(ratio "$(p99 restream "$c")" "$(p99 nginx "$c")") | |"
		echo "| c | $c connections: errors non-2xx / socket | $(errs restream "$c") | 〃 | $(errs nginx "$c") | | 0 / 0 |"
		echo "| c | $c connections: server CPU s per 1000 requests | $(kcpu restream "$c") | 〃 | $(kcpu nginx "$c") | $(ratio "$(kcpu restream "$c")" "$(kcpu nginx "$c")") | |"
	done
	echo
	echo "Ratios are restream / reference. (a) ffmpeg's time starts at its process launch, restream's at POST /start_stream;"
	echo "both are polled on the same 50 ms grid and started at the same $RUNS phases of the provider's GOP."
	echo "(c) wrk (2 threads) and the server share the machine's $(nproc) cores: requests/s measure the pair, not the server alone;"
	echo "server CPU per 1000 requests is the server's own cost. MB/s counts 10^6 bytes, headers included."
	echo "Whole machine busy (all processes, % of $(nproc) cores): (a) ${BUSY_A} %, (b) idle window ${BUSY_I} %, (b) live window ${BUSY_B} %, (c) ${BUSY_C} %;"
	echo "the provider's encoder alone is ~7 % of one core. Much more in (a) or (b) means other work disturbed the figures."
} >"$RESULTS"

echo
cat "$RESULTS"
echo
echo "raw outputs: $WORK (latency.tsv, samples.tsv, wrk outputs, logs)"
