#!/usr/bin/env bash
# bench/serving/run.sh
#
# Issue 17's serving figures, measured: nginx (sendfile, and nginx-copy: sendfile off, writing from
# its own buffers as the candidates write from memory), two candidates (Boost.Beast on Boost.Asio,
# libmicrohttpd), today's Poco HTTPServer (restream's api port settings) and, with RESTREAM_BUILD, the
# real restream of that build, each serving the same bytes of one MPEG-TS segment, a playlist and
# /health, side by side in one run, all on 127.0.0.1:
#   (a) wrk requests/s, p99 and errors on the segment at 100 and 1000 keep-alive connections (the
#       median of WRK_ROUNDS rounds, the servers in turn in each);
#   (b) PLAYERS keep-alive players (serving-players, C++) polling the playlist every 2 s and fetching
#       the newest segment it names each time: % of polls answered within 2 s, errors, server memory,
#       /health meanwhile;
#   (c) slowloris: SLOW_CONNECTIONS half-open connections on each port trickling a header line every
#       3 s, then a normal client's requests and /health on every port; connections held, memory per
#       held connection;
#   (d) one address opening MAX_PER_ADDRESS + 200 idle connections: how many the server holds.
# The restream column: fake-xtream's channel RESTREAM_CHANNEL started on a restream with its admin, api
# and player ports; its players poll its real /live.m3u8, and the segment every server serves is one
# of its real segments (downloaded once; the others serve a copy of the same bytes).
# Prints a Markdown table of figures and ratios to nginx, never pass/fail. Not part of the test suite.
# Builds the servers and the client (bench/serving/CMakeLists.txt, its own project) in the temporary
# directory; restream is not built here (RESTREAM_BUILD must hold bin/restream, bin/fake-xtream and
# the plugins); installs missing Debian packages; ends every process it started, by PID, also on
# failure or Ctrl-C.
# Tunables (environment): WRK_DURATION=5 WRK_ROUNDS=3 CONNECTIONS="100 1000" PLAYERS=2000 PLAYER_DURATION=30
# CLIENT_THREADS=1 SLOW_CONNECTIONS=2000 SLOW_HOLD=10 HEADER_TIMEOUT=5 MAX_PER_ADDRESS=1024 THREADS=<cores>
# SERVERS="nginx nginx-copy beast mhd poco" (+ restream with RESTREAM_BUILD) RESTREAM_BUILD= RESTREAM_CHANNEL=101
# DEADLINE=900 (1200 with restream). QUICK=1: a smoke run (about two minutes; four with the restream column).
# See bench/serving/README.md.

set -uo pipefail
export LC_ALL=C

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH_DIR=$ROOT/bench/serving

if [[ ${QUICK:-0} == 1 ]]; then
	: "${WRK_DURATION:=2}" "${WRK_ROUNDS:=1}" "${CONNECTIONS:=100}" "${PLAYERS:=200}" "${PLAYER_DURATION:=4}" "${SLOW_CONNECTIONS:=200}" "${SLOW_HOLD:=2}"
fi
WRK_DURATION=${WRK_DURATION:-5}
WRK_ROUNDS=${WRK_ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-"100 1000"}
PLAYERS=${PLAYERS:-2000}
PLAYER_DURATION=${PLAYER_DURATION:-30}
SLOW_CONNECTIONS=${SLOW_CONNECTIONS:-2000}
SLOW_HOLD=${SLOW_HOLD:-10}
HEADER_TIMEOUT=${HEADER_TIMEOUT:-5}
MAX_PER_ADDRESS=${MAX_PER_ADDRESS:-1024}
CLIENT_THREADS=${CLIENT_THREADS:-1}
THREADS=${THREADS:-$(nproc)}
RESTREAM_BUILD=${RESTREAM_BUILD:-}
[[ -z $RESTREAM_BUILD || $RESTREAM_BUILD == /* ]] || RESTREAM_BUILD=$ROOT/$RESTREAM_BUILD   # relative: to the repository
RESTREAM_CHANNEL=${RESTREAM_CHANNEL:-101}   # fake-xtream: 640x360 H.264 + AAC, 2 s GOP, copied as it is
SERVERS=${SERVERS:-"nginx nginx-copy beast mhd poco${RESTREAM_BUILD:+ restream}"}
DEADLINE=${DEADLINE:-$([[ " $SERVERS " == *" restream "* ]] && echo 1200 || echo 900)}   # the restream column adds a column and its start
FLOOD_EXTRA=200
POCO_MAX_THREADS=1024            # restream's api port: maxThreads = maxQueued = 1024 (host/src/config/HostSettingList.cpp)

source "$ROOT/bench/processes.sh"
[[ " $SERVERS " != *" restream "* || -n $RESTREAM_BUILD ]] || die "the restream column needs RESTREAM_BUILD, a build directory of restream"

# ---------------------------------------------------------------------------------------------
# tools, build, content

install_missing wrk:wrk ffmpeg:ffmpeg /usr/sbin/nginx:nginx python3:python3 curl:curl ss:iproute2 cmake:cmake g++:g++ \
	pkg-config:pkg-config /usr/include/boost/beast.hpp:libboost1.74-dev /usr/include/microhttpd.h:libmicrohttpd-dev \
	/usr/include/Poco/Net/HTTPServer.h:libpoco-dev
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

hard=$(ulimit -Hn)
[[ $hard == unlimited ]] && hard=65536
ulimit -n "$hard" 2>/dev/null || true
(($(ulimit -n) >= PLAYERS + 3 * SLOW_CONNECTIONS + 500)) || log "warning: open files limit $(ulimit -n): $PLAYERS players may fail to connect"

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/restream-serving-bench.XXXXXX") || die "mktemp failed"
chmod 755 "$WORK"                 # nginx workers (nobody) read the segment below it
mkdir -p "$WORK/www"
log "raw outputs go to $WORK"
watchdog "$DEADLINE"
BUILD=$WORK/build

log "building the servers and serving-players (bench/serving) in $BUILD"
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
{ cmake -S "$BENCH_DIR" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" &&
	cmake --build "$BUILD" -j 2; } >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log" >&2; die "build failed ($WORK/build.log)"; }

declare -A PID PORT SEGMENT_PATH
for server in $SERVERS; do SEGMENT_PATH[$server]=/segment.ts; done
if [[ " $SERVERS " == *" restream "* ]]; then
	source "$BENCH_DIR/restream.sh"
	start_restream_column        # its newest segment becomes www/segment.ts, which the other servers load
else
	# a real segment: 2 s of 1280x720 H.264 (noise keeps it from compressing to nothing) + AAC
	ffmpeg -nostdin -hide_banner -loglevel error -f lavfi -i "testsrc2=size=1280x720:rate=25,noise=alls=12:allf=t" \
		-f lavfi -i "sine=frequency=440:sample_rate=48000" -t 2 -c:v libx264 -preset veryfast -pix_fmt yuv420p -g 50 \
		-b:v 3M -maxrate 3M -bufsize 1M -c:a aac -b:a 128k -f mpegts "$WORK/www/segment.ts" >"$WORK/ffmpeg.log" 2>&1 ||
		die "ffmpeg could not make the segment ($WORK/ffmpeg.log)"
fi
printf '#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:2.000,\n/segment.ts\n' >"$WORK/www/live.m3u8"
chmod -R a+rX "$WORK/www"
SEGMENT_BYTES=$(stat -c %s "$WORK/www/segment.ts")

{
	describe_machine
	echo "nginx: $("$NGINX" -v 2>&1)"
	echo "wrk: $(wrk -v 2>&1 | head -1)"
	echo "boost: $(dpkg-query -W -f '${Version}' libboost1.74-dev 2>/dev/null)"
	echo "libmicrohttpd: $(dpkg-query -W -f '${Version}' libmicrohttpd-dev 2>/dev/null)"
	echo "poco: $(dpkg-query -W -f '${Version}' libpoco-dev 2>/dev/null)"
	echo "open files: $(ulimit -n)"
	echo "segment: $SEGMENT_BYTES bytes"
	[[ -n ${PID[restream]:-} ]] && describe_restream
} >"$WORK/environment.txt"

# ---------------------------------------------------------------------------------------------
# servers

NGINX_SENDFILE=on
NGINX_DIR=
nginx_conf() { # port: nginx with the candidates' limits: header deadline, keep-alive idle time, cap per address
	local user_line=
	((EUID == 0)) && user_line="user nobody nogroup;"
	cat <<EOF
# generated by bench/serving/run.sh
$user_line
daemon off;
worker_processes $THREADS;
worker_rlimit_nofile 65536;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
events { worker_connections 32768; }
http {
    access_log off;
    sendfile $NGINX_SENDFILE;
    tcp_nopush on;
    tcp_nodelay on;
    client_header_timeout ${HEADER_TIMEOUT}s;
    keepalive_timeout ${HEADER_TIMEOUT}s;
    keepalive_requests 1000;
    send_timeout 10s;
    limit_conn_zone \$binary_remote_addr zone=per_address:10m;
    limit_conn per_address $MAX_PER_ADDRESS;
    types { video/mp2t ts; application/vnd.apple.mpegurl m3u8; }
    default_type application/octet-stream;
$(nginx_temp_paths "$NGINX_DIR/tmp")
    open_file_cache max=16;
    server {
        listen 127.0.0.1:$1 backlog=4096;
        root $WORK/www;
        location = /health { default_type text/plain; return 200 "ok\n"; }
    }
}
EOF
}

start_server() { # name: sets PID[name] and PORT[name] (restream: started above)
	local out=$WORK/$1/server.out threads=$THREADS
	mkdir -p "$WORK/$1"
	[[ $1 == restream ]] && return
	if [[ $1 == nginx* ]]; then
		NGINX_SENDFILE=on
		[[ $1 == nginx-copy ]] && NGINX_SENDFILE=off
		NGINX_DIR=$WORK/$1
		mkdir -p "$NGINX_DIR/tmp"
		start_nginx "$NGINX_DIR" nginx_conf
		PID[$1]=$NG_PID
		PORT[$1]=$NGPORT
		return
	fi
	[[ $1 == poco ]] && threads=$POCO_MAX_THREADS
	"$BUILD/serving-$1" --segment "$WORK/www/segment.ts" --playlist "$WORK/www/live.m3u8" --threads "$threads" \
		--header-timeout "$HEADER_TIMEOUT" --max-per-address "$MAX_PER_ADDRESS" >"$out" 2>"$WORK/$1/server.err" &
	PID[$1]=$!
	track "${PID[$1]}"
	wait_until 10 grep -qs '^listening on ' "$out" || die "serving-$1 did not start: $(cat "$WORK/$1/server.err")"
	PORT[$1]=$(sed -n 's/^listening on 127.0.0.1:\([0-9]*\)$/\1/p' "$out")
}
SRV_PID=
SRV_PORT=
use_server() { SRV_PID=${PID[$1]}; SRV_PORT=${PORT[$1]}; }   # name: the server the helpers below look at

server_pids() { echo "$SRV_PID"; pgrep -P "$SRV_PID"; }  # nginx: the master and its workers
server_memory_kb() { # [Pss|Rss]: the server's memory, summed over its processes; PSS (RSS with each shared page split among its sharers) by default, so nginx's master and workers add up
	local pid sum=0 v
	for pid in $(server_pids); do v=$(awk -v k="${1:-Pss}:" '$1 == k { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null); sum=$((sum + ${v:-0})); done
	echo "$sum"
}
server_pss_kb() { server_memory_kb Pss; }
server_threads() { local pid sum=0 v; for pid in $(server_pids); do v=$(awk '$1 == "Threads:" { print $2 }' "/proc/$pid/status" 2>/dev/null); sum=$((sum + ${v:-0})); done; echo "$sum"; }
server_cpu_ticks() { local pid sum=0 s; for pid in $(server_pids); do read -r s 2>/dev/null <"/proc/$pid/stat" || continue; s=${s##*) }; set -- $s; sum=$((sum + ${12} + ${13})); done; echo "$sum"; }
HZ=$(getconf CLK_TCK)

check_answers() { # name: the bytes and lengths are right before anything is measured
	local base=http://127.0.0.1:$SRV_PORT segment=${SEGMENT_PATH[$1]} got
	cmp -s <(curl -s --max-time 5 "$base$segment") "$WORK/www/segment.ts" || die "$1 answers $segment with other bytes than www/segment.ts"
	got=$(curl -s --max-time 5 -I "$base$segment" | tr -d '\r' | sed -n 's/^[Cc]ontent-[Ll]ength: //p')
	[[ $got == "$SEGMENT_BYTES" ]] || die "$1 answers HEAD $segment with Content-Length '$got'"
	if [[ $1 == restream ]]; then
		restream_playable || die "restream's /live.m3u8 lists no segment"
	else
		cmp -s <(curl -s --max-time 5 "$base/live.m3u8") "$WORK/www/live.m3u8" || die "$1 serves another playlist"
	fi
	got=$(curl -s --max-time 5 -o /dev/null -w '%{http_code}' "$base/health")
	[[ $got == 200 ]] || die "$1 answers /health with $got"
}

declare -A R   # R[server,figure]

sample_memory_while() { # pid: the server's peak PSS and peak RSS (kB) while pid runs
	local pss=0 rss=0 v
	while alive "$1"; do
		v=$(server_memory_kb Pss); ((v > pss)) && pss=$v
		v=$(server_memory_kb Rss); ((v > rss)) && rss=$v
		sleep 0.5
	done
	echo "$pss $rss"
}

json() { python3 -c 'import json, sys; v = json.load(open(sys.argv[1])); print(v.get(sys.argv[2], ""))' "$1" "$2"; }

# All servers run from the start to the end; each is measured while the others sit idle.
for server in $SERVERS; do
	start_server "$server"
	use_server "$server"
	check_answers "$server"
	log "$server at http://127.0.0.1:$SRV_PORT (pid $SRV_PID)"
done
nap 1
for server in $SERVERS; do
	use_server "$server"
	R[$server,pss_idle]=$(server_pss_kb)
done

# (a) wrk, WRK_ROUNDS rounds, the servers in turn within each round: a disturbance of the shared
# machine falls on one server's run, and the median of the rounds leaves it out
PROBE_DURATION=$(awk -v d="$WRK_DURATION" 'BEGIN { print (d > 1.5 ? d - 1 : 0.5) }')   # the prober starts 1 s after its launch
log "(a) wrk on the segment: $WRK_ROUNDS rounds of ${WRK_DURATION} s at ${CONNECTIONS// /, } connections, the servers in turn"
for ((round = 1; round <= WRK_ROUNDS; ++round)); do
	for c in $CONNECTIONS; do
		for server in $SERVERS; do
			use_server "$server"
			out=$WORK/$server/wrk-$c-$round.txt
			# meanwhile /health on a fresh connection every 0.5 s (serving-players without players)
			"$BUILD/serving-players" --port "$SRV_PORT" --players 0 --duration "$PROBE_DURATION" --probe /health \
				>"$WORK/$server/health-$c-$round.json" 2>&1 &
			prober=$!
			track "$prober"
			wrk -t2 -c"$c" -d"${WRK_DURATION}s" --latency --timeout 5s -s "$ROOT/bench/live/wrk-report.lua" \
				"http://127.0.0.1:$SRV_PORT${SEGMENT_PATH[$server]}" >"$out" 2>&1
			wait "$prober"
			untrack "$prober"
			health=$WORK/$server/health-$c-$round.json
			grep -qs '"probe_0_probes"' "$health" || die "the /health prober failed during wrk against $server: $(tail -2 "$health")"
			R[$server,wrk$c,health_probes]=$((${R[$server,wrk$c,health_probes]:-0} + $(json "$health" probe_0_probes)))
			R[$server,wrk$c,health_within]=$((${R[$server,wrk$c,health_within]:-0} + $(json "$health" probe_0_within_1s)))
			R[$server,wrk$c,health_failed]=$((${R[$server,wrk$c,health_failed]:-0} + $(json "$health" probe_0_failures)))
			R[$server,wrk$c,health_max]+="$(json "$health" probe_0_max_ms) "
			line=$(sed -n 's/^RESULT //p' "$out")
			[[ -n $line ]] || die "wrk gave no result for $server at $c connections: $(tail -5 "$out")"
			unset W
			declare -A W
			for kv in $line; do W[${kv%%=*}]=${kv#*=}; done
			R[$server,wrk$c,rps]+="$(awk -v r="${W[requests]}" -v d="${W[duration_us]}" 'BEGIN { printf "%.0f", r / (d / 1e6) }') "
			R[$server,wrk$c,p99]+="$(awk -v p="${W[p99_us]}" 'BEGIN { printf "%.1f", p / 1000 }') "
			R[$server,wrk$c,status]=$((${R[$server,wrk$c,status]:-0} + W[status]))
			R[$server,wrk$c,socket]=$((${R[$server,wrk$c,socket]:-0} + W[connect] + W[read] + W[write] + W[timeout]))
			nap 1
		done
		log "  round $round, c=$c: $(for server in $SERVERS; do last=${R[$server,wrk$c,rps]% }; printf '%s %s  ' "$server" "${last##* }"; done)req/s"
	done
done

measure_load() { # name: (b), (c), (d) against one server
	local name=$1 dir=$WORK/$1 pid t0 t1 memory ports probes port
	if [[ $name == restream ]]; then
		restart_restream    # with the default settings, not those that kept (a)'s segment
		use_server "$name"
		nap 1
		R[$name,pss_idle]=$(server_pss_kb)
	fi
	use_server "$name"
	log "(b, c, d) $name"
	R[$name,pss_before]=$(server_memory_kb Pss)
	R[$name,rss_before]=$(server_memory_kb Rss)
	t0=$(server_cpu_ticks)
	"$BUILD/serving-players" --port "$SRV_PORT" --players "$PLAYERS" --duration "$PLAYER_DURATION" --threads "$CLIENT_THREADS" \
		--probe /health >"$dir/players.json" 2>"$dir/players.err" &
	pid=$!
	track "$pid"
	memory=$(sample_memory_while "$pid")
	R[$name,pss_players]=${memory% *}
	R[$name,rss_players]=${memory#* }
	wait "$pid"
	untrack "$pid"
	t1=$(server_cpu_ticks)
	R[$name,cpu_players]=$(awk -v d=$((t1 - t0)) -v hz="$HZ" 'BEGIN { printf "%.1f", d / hz }')
	[[ -s $dir/players.json ]] || die "the players client failed against $name: $(tail -3 "$dir/players.err")"
	log "  (b) $(cat "$dir/players.json")"
	nap 2

	# every port of the server under attack, a normal client's requests probed on each
	ports=$SRV_PORT
	probes=(--probe "playlist=$SRV_PORT/live.m3u8" --probe "health=$SRV_PORT/health")
	if [[ $name == restream ]]; then
		ports=$(IFS=,; echo "${RS_PORT[*]}")
		for port in "${RS_PORT_NAMES[@]}"; do
			[[ $port == api ]] && continue
			[[ -n ${RS_PAGE[$port]:-} ]] && probes+=(--probe "${port}_page=${RS_PORT[$port]}${RS_PAGE[$port]}")
			probes+=(--probe "${port}_health=${RS_PORT[$port]}/health")
		done
	fi
	python3 "$BENCH_DIR/clients.py" slowloris "$ports" --connections "$SLOW_CONNECTIONS" --hold "$SLOW_HOLD" "${probes[@]}" \
		>"$dir/slowloris.out" 2>"$dir/slowloris.err" &
	pid=$!
	track "$pid"
	wait_until 60 grep -qs '^HELD ' "$dir/slowloris.out" || die "the slowloris client did not get going against $name"
	nap 1
	R[$name,pss_slow]=$(server_pss_kb)
	R[$name,threads_slow]=$(server_threads)
	R[$name,held_at_pss]=$(ss -Htn state established | awk -v ports=",$ports," '{ n = split($3, a, ":"); if (index(ports, "," a[n] ",") && $4 ~ /^127\.2\./) c++ } END { print c + 0 }')
	wait "$pid"
	untrack "$pid"
	tail -1 "$dir/slowloris.out" >"$dir/slowloris.json"
	log "  (c) $(cat "$dir/slowloris.json")"
	nap $((HEADER_TIMEOUT + 1))   # the attackers' connections go

	python3 "$BENCH_DIR/clients.py" flood "$SRV_PORT" --connections $((MAX_PER_ADDRESS + FLOOD_EXTRA)) >"$dir/flood.json" 2>"$dir/flood.err" ||
		die "the flood client failed against $name: $(tail -3 "$dir/flood.err")"
	log "  (d) $(cat "$dir/flood.json")"
	nap 2
}

for server in $SERVERS; do measure_load "$server"; done

# ---------------------------------------------------------------------------------------------
# the table

mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print ""; else printf " (×%.2f)", a / b }'; }
median() { # decimals: the median of the numbers on stdin (separated by blanks)
	tr ' ' '\n' | grep . | sort -g | awk -v d="$1" '{ v[NR] = $1 } END { if (NR) printf "%.*f", d, NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
spread() { tr ' ' '\n' | grep . | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { if (NR) printf "%s–%s", lo, hi }'; }
rps() { median 0 <<<"${R[$1,wrk$2,rps]}"; }
rps_spread() { spread <<<"${R[$1,wrk$2,rps]}"; }
p99() { median 1 <<<"${R[$1,wrk$2,p99]}"; }
wrk_errors() { echo "${R[$1,wrk$2,status]} / ${R[$1,wrk$2,socket]}"; }
wrk_health() { # name connections: /health while wrk ran, all rounds
	local longest
	longest=$(tr ' ' '\n' <<<"${R[$1,wrk$2,health_max]}" | grep -v '^null$' | grep . | sort -g | tail -1)
	echo "max ${longest:-–} ms, ${R[$1,wrk$2,health_within]} of ${R[$1,wrk$2,health_probes]} within 1 s, ${R[$1,wrk$2,health_failed]} failed"
}
per_connection_kb() { # name: (PSS with the attackers held − idle PSS) / attackers held
	awk -v a="${R[$1,pss_slow]}" -v b="${R[$1,pss_idle]}" -v n="${R[$1,held_at_pss]}" 'BEGIN { if (n > 0) printf "%.1f", (a - b) / n; else print "n/a" }'
}

row() { # label kind function: one table row, a column per server; kind = ratio | plain
	local label=$1 kind=$2 fn=$3 server ref= v cells=""
	shift 3
	for server in $SERVERS; do
		v=$("$fn" "$server" "$@")
		[[ $server == nginx ]] && ref=$v
		if [[ $kind == ratio && $server != nginx ]]; then cells+=" | $v$(ratio "$v" "$ref")"; else cells+=" | $v"; fi
	done
	echo "| $label$cells |"
}
players_figure() { json "$WORK/$1/players.json" "$2"; }
players_errors() { local kinds; kinds=$(json "$WORK/$1/players.json" error_kinds | tr -d "{}' "); echo "$(json "$WORK/$1/players.json" errors)${kinds:+ ($kinds)}"; }
slow_figure() { json "$WORK/$1/slowloris.json" "$2"; }
probe_summary() { # json-file prefix: a probe's median / max, answers within 1 s, failures; – where the server had no such probe
	[[ -n $(json "$1" "$2_probes") ]] || { echo "–"; return; }
	echo "$(json "$1" "$2_p50_ms") / $(json "$1" "$2_max_ms") ms, $(json "$1" "$2_within_1s") of $(json "$1" "$2_probes") within 1 s, $(json "$1" "$2_failures") failed"
}
players_probe() { probe_summary "$WORK/$1/players.json" probe_0; }   # name: /health during the players
slow_probe() { # name label: label is playlist, health, or (restream) admin_page, admin_health, player_page, player_health
	probe_summary "$WORK/$1/slowloris.json" "$2"
}
flood_figure() { echo "$(json "$WORK/$1/flood.json" held) of $(json "$WORK/$1/flood.json" connections)"; }
value() { echo "${R[$1,$2]}"; }
mb_of() { mb "${R[$1,$2]}"; }
client_cpu() { echo "$(players_figure "$1" client_cpu_s) / $(players_figure "$1" client_wall_s)"; }
held() { echo "$(slow_figure "$1" held_min)–$(slow_figure "$1" held_max) of $(slow_figure "$1" connections) ($(slow_figure "$1" closed_by_server) closed by the server)"; }

RESULTS=$WORK/results.md
{
	echo "## bench/serving — $(sed -n 's/^date: //p' "$WORK/environment.txt")"
	echo
	echo "$(sed -n 's/^cpu: //p' "$WORK/environment.txt"); $(sed -n 's/^nginx: //p' "$WORK/environment.txt"); Boost $(sed -n 's/^boost: //p' "$WORK/environment.txt"); libmicrohttpd $(sed -n 's/^libmicrohttpd: //p' "$WORK/environment.txt"); Poco $(sed -n 's/^poco: //p' "$WORK/environment.txt")."
	echo "Segment $(awk -v b="$SEGMENT_BYTES" 'BEGIN { printf "%.2f", b / 1048576 }') MB; $THREADS I/O threads (nginx workers); Poco: up to $POCO_MAX_THREADS threads (restream's api port); header deadline / keep-alive ${HEADER_TIMEOUT} s; cap ${MAX_PER_ADDRESS} connections per address."
	echo
	header="| figure"; sep="|---"
	for server in $SERVERS; do header+=" | $server"; sep+="|---:"; done
	echo "$header |"
	echo "$sep|"
	for c in $CONNECTIONS; do
		row "(a) $c connections: requests/s, median of $WRK_ROUNDS" ratio rps "$c"
		row "(a) $c connections: requests/s, range of the rounds" plain rps_spread "$c"
		row "(a) $c connections: p99 ms, median (lower is better)" ratio p99 "$c"
		row "(a) $c connections: errors non-2xx / socket, all rounds" plain wrk_errors "$c"
		row "(a) $c connections: /health meanwhile (fresh connection every 0.5 s), all rounds" plain wrk_health "$c"
	done
	row "(b) $PLAYERS players: % of polls answered within 2 s" ratio players_figure within_deadline_pct
	row "(b) polls (playlist + segment)" plain players_figure cycles
	row "(b) errors" plain players_errors
	row "(b) poll time p99 ms (lower is better)" ratio players_figure p99_ms
	row "(b) /health meanwhile (fresh connection every 0.5 s): median / max" plain players_probe
	row "(b) server memory before the players MB (PSS)" ratio mb_of pss_before
	row "(b) server memory peak MB (PSS)" ratio mb_of pss_players
	row "(b) server memory peak MB (RSS)" ratio mb_of rss_players
	row "(b) server CPU s" ratio value cpu_players
	row "(b) client CPU s / wall s ($CLIENT_THREADS thread(s); CPU near wall × threads: the client is the limit)" plain client_cpu
	row "(c) $SLOW_CONNECTIONS slowloris a port: attackers held during the probes" plain held
	row "(c) normal client, playlist: median / max" plain slow_probe playlist
	row "(c) normal client, /health: median / max" plain slow_probe health
	if [[ -n ${PID[restream]:-} ]]; then
		for port in "${RS_PORT_NAMES[@]}"; do
			[[ $port == api ]] && continue
			[[ -n ${RS_PAGE[$port]:-} ]] && row "(c) restream's $port port, ${RS_PAGE[$port]}: median / max" plain slow_probe "${port}_page"
			row "(c) restream's $port port, /health: median / max" plain slow_probe "${port}_health"
		done
	fi
	row "(c) server memory with attackers held MB (PSS)" ratio mb_of pss_slow
	row "(c) memory per held connection kB ((PSS held − idle) / held)" ratio per_connection_kb
	row "(c) server threads with attackers held" plain value threads_slow
	row "(d) one address opens $((MAX_PER_ADDRESS + FLOOD_EXTRA)): held after 1 s" plain flood_figure
	row "idle memory MB (PSS)" ratio mb_of pss_idle
	echo
	echo "Ratios (×) are to nginx in the same run. Client and servers share the machine's $(nproc) cores (wrk: 2 threads; players:"
	echo "serving-players, $CLIENT_THREADS I/O thread(s) and a prober thread; slowloris: one Python process): the figures measure the pair."
	echo "(c) attackers send a request head without its end, then a header line every ~3 s, and reconnect when closed; nginx's"
	echo "limit_conn counts only connections with a request being processed."
	[[ -n ${PID[restream]:-} ]] && restream_footnote
	echo "Load average of the machine (other work included) at the start and the end: $LOAD_START / $(cut -d' ' -f1-3 /proc/loadavg)."
} >"$RESULTS"

echo
cat "$RESULTS"
echo
echo "raw outputs: $WORK (results.md, environment.txt, <server>/wrk-*.txt, players.json, slowloris.json, flood.json, logs)"
