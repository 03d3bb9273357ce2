#!/usr/bin/env bash
# The edge cache (deploy/nginx/restream-edge.conf) in front of a real restream: Debian's nginx runs
# that very file (only its three EDIT lines rewritten: origin port, cache directory, listen address)
# as the current user on 127.0.0.1 ephemeral ports, in front of the build tree's restream (demo
# source, API port only). Through the edge: sign-in and start_stream (never cached), then 500
# simulated players (tests/install/edge-players.js, like hls.js: 400 on the TS playlists, 100 on the
# LL-HLS ones with blocking reloads) on the program and channel 1 for 20 s, then checks from the
# edge's log and restream's /metrics that whatever the number of players each segment, part or init
# segment left the origin at most twice, each blocking reload URL and each playlist at most twice a
# second (per lifetime in the edge), and that the players saw no error and every blocking reload held
# its part.
# Prints the offload (player requests and bytes against the origin's) and how long after the first
# viewer the others got a blocking reload's answer. Also: the playlists seen through the edge stay
# within a segment of the origin's, the viewer's address reaches the origin (X-Forwarded-For, not
# forgeable), credentials, POST and HEAD are never served from or stored in the cache.
# EDGE_CONF=<file> runs another configuration (to see this test fail on a broken one, e.g. without
# proxy_cache_lock, or without _HLS_* in the key); EDGE_TS_PLAYERS, EDGE_LL_PLAYERS,
# EDGE_PLAYER_SECONDS change the load.
# Tools: bash, curl, node, nginx (scripts/setup-debian.sh --test installs them).
source "$(dirname "$0")/lib.sh"

NGINX=${NGINX:-/usr/sbin/nginx}
EDGE_CONF=${EDGE_CONF:-$TEST_SOURCE_DIR/deploy/nginx/restream-edge.conf}
TS_PLAYERS=${EDGE_TS_PLAYERS:-400}
LL_PLAYERS=${EDGE_LL_PLAYERS:-100}
PLAYER_SECONDS=${EDGE_PLAYER_SECONDS:-20}
VIEWER=127.0.0.2              # the clients' source address (loopback, not nginx's 127.0.0.1)

[ -x "$NGINX" ] || fail "no $NGINX (apt-get install nginx: scripts/setup-debian.sh --test)"
command -v node > /dev/null || fail "no node"
[ -f "$EDGE_CONF" ] || fail "no $EDGE_CONF"
restream="$TEST_BUILD_DIR/bin/restream"
[ -x "$restream" ] || fail "no $restream (build the tree first)"

step "start restream from the build tree (demo source, API port only; trusts only 127.0.0.1, the edge)"
state="$WORK/state"
start_restream origin "$restream" \
  -D "state.dir=$state" -D "plugins.load=auth-jwt, source-demo, output-hls" \
  -D "http.ports=api" -D "http.api.address=127.0.0.1" -D "http.api.port=0" \
  -D "http.trustedProxies=127.0.0.1/32"
origin="http://127.0.0.1:$(wait_port origin api)"
origin_port=${origin##*:}

step "start nginx with $EDGE_CONF"
edge_port=$(free_port)
edge="http://127.0.0.1:$edge_port"
mkdir -p "$WORK/nginx/cache"
# the deployed file with its three EDIT lines pointed here; each must change exactly one line
sed -E -e "s|^( *server )127\.0\.0\.1:8002;|\1127.0.0.1:$origin_port;|" \
  -e "s|^( *proxy_cache_path )/var/cache/nginx/restream |\1$WORK/nginx/cache |" \
  -e "s|^( *listen )80;|\1127.0.0.1:$edge_port;|" "$EDGE_CONF" > "$WORK/nginx/restream-edge.conf"
for changed in "server 127.0.0.1:$origin_port;" "proxy_cache_path $WORK/nginx/cache " "listen 127.0.0.1:$edge_port;"; do
  [ "$(grep -c -F "$changed" "$WORK/nginx/restream-edge.conf")" = 1 ] ||
    fail "could not point the edge configuration here ($changed): its EDIT lines changed?"
done
# Set-Cookie responses are never stored: nginx's default, kept (no proxy_ignore_headers Set-Cookie),
# and said again in every cached location
if grep -E '^[^#]*proxy_ignore_headers[^;]*Set-Cookie' "$EDGE_CONF"; then fail "the edge ignores Set-Cookie"; fi
if grep -E '^[^#]*proxy_no_cache ' "$EDGE_CONF" | grep -v -q '\$upstream_http_set_cookie'; then
  fail "a proxy_no_cache of the edge does not refuse to store Set-Cookie answers"
fi
user_line=""
# as root, nginx's workers would become nobody and could not write to our temporary directory
[ "$(id -u)" -ne 0 ] || user_line="user $(id -un) $(id -gn);"
cat > "$WORK/nginx/nginx.conf" <<EOF
daemon off;
master_process on;
worker_processes 1;
$user_line
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx-error.log info;
# two connections a player, and the origin's
events { worker_connections 4096; }
http {
    log_format edge '\$msec \$remote_addr "\$request_method \$uri" \$status \$body_bytes_sent '
                    'cache=\$upstream_cache_status up=\$upstream_addr upstatus=\$upstream_status '
                    'uplen=\$upstream_response_length args=\$args';
    access_log $WORK/nginx/access.log edge;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    include $WORK/nginx/restream-edge.conf;
}
EOF
"$NGINX" -t -q -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" -e "$WORK/nginx-error.log" ||
  fail "nginx -t refuses the configuration: $(tail -n 5 "$WORK/nginx-error.log")"
"$NGINX" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" -e "$WORK/nginx-error.log" > "$WORK/nginx-stdout.log" 2>&1 &
STARTED_PIDS+=("$!")
PID_nginx=$!
for _ in $(seq 1 50); do
  [ "$(http_status "$edge/health")" = 200 ] && break
  kill -0 "$PID_nginx" 2>/dev/null || fail "nginx exited: $(tail -n 5 "$WORK/nginx-error.log")"
  sleep 0.1
done
[ "$(http_status "$edge/health")" = 200 ] || fail "/health through the edge is not 200"
# an HTTP/1.0 request without Host (the compose service's health check): the origin must get a host name
[ "$(http_status "$edge/health" --http1.0 -H 'Host:')" = 200 ] || fail "/health through the edge without a Host header is not 200"

# upstream_count PATTERN: requests of the edge's log whose "METHOD URI" matches PATTERN (ERE) and
# that went to the origin (an upstream address)
upstream_count() { grep -E "\"$1\"" "$WORK/nginx/access.log" | grep -c -v ' up=- ' || true; }

step "sign in through the edge from $VIEWER: restream must see $VIEWER (X-Forwarded-For), not the edge, and no forged address"
password=$(tr -d '\n' < "$state/plugins/auth-jwt/initial-admin-password")
answer=$(curl -s --max-time 10 --interface "$VIEWER" -X POST "$edge/auth/login" -H 'Content-Type: application/json' \
  -H 'X-Forwarded-For: 198.51.100.7' -H 'CF-Connecting-IP: 198.51.100.8' \
  --data-binary @- <<< "{\"username\":\"admin\",\"password\":\"$password\"}")
token=$(json_string access_token <<< "$answer")
[ -n "$token" ] || fail "login through the edge refused: $answer"
signed=$(grep -m1 "signed in from" "$WORK/origin.log" || true)
grep -q "signed in from $VIEWER\." <<< "$signed" ||
  fail "restream did not see the viewer's address through the edge: ${signed:-no sign-in line}"
echo "  origin log: ${signed#* I }"

step "start channel 1 through the edge (POST, twice: both reach the origin)"
for _ in 1 2; do
  answer=$(curl -s --max-time 10 -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    "$edge/start_stream" -d '{"stream_id": 1}')
  grep -q '"state" *: *"\(starting\|live\)"' <<< "$answer" || fail "start_stream through the edge: $answer"
done
grep -q "\"hls_url\" *: *\"$edge/live.m3u8\"" <<< "$answer" ||
  fail "the origin did not build hls_url from the viewer's Host (the edge's): $answer"
[ "$(upstream_count 'POST /start_stream')" = 2 ] || fail "a POST /start_stream did not reach the origin: $(grep start_stream "$WORK/nginx/access.log")"
wait_live "$origin" 1

step "credentials are never answered from the cache nor stored in it"
curl -s -o /dev/null --max-time 10 "$edge/live/1.m3u8"  # a public copy in the cache
headers=$(curl -s -D - -o /dev/null --max-time 10 -H "Authorization: Bearer $token" "$edge/live/1.m3u8")
grep -qi '^X-Cache-Status: BYPASS' <<< "$headers" || fail "a playlist with Authorization was not passed by the cache (X-Cache-Status: BYPASS): $headers"
headers=$(curl -s -D - -o /dev/null --max-time 10 -H "Authorization: Bearer $token" "$edge/stream_status")
grep -qi '^X-Cache-Status: BYPASS' <<< "$headers" || fail "/stream_status with Authorization was not passed by the cache (X-Cache-Status: BYPASS): $headers"
[ "$(http_status "$edge/me" -H "Authorization: Bearer $token")" = 200 ] || fail "GET /me with the token through the edge is not 200"
[ "$(http_status "$edge/me")" = 401 ] || fail "GET /me without a token through the edge is not 401 (an answer to the token was cached?)"
[ "$(http_status "$edge/channels")" = 401 ] || fail "GET /channels without a token through the edge is not 401"

step "HEAD through the edge stays HEAD (a HEAD never starts a channel at the origin)"
[ "$(http_status "$edge/live/2.m3u8" -I)" = 404 ] || fail "HEAD /live/2.m3u8 through the edge is not 404"
sleep 0.5
if curl -s --max-time 10 "$origin/metrics" | grep -q 'restream_channel_state{stream_id="2"'; then
  fail "HEAD /live/2.m3u8 through the edge started channel 2 (the edge turned it into a GET)"
fi

step "/stream_status through the edge: public, micro-cached"
status=$(curl -s --max-time 10 "$edge/stream_status")
grep -q '"state" *: *"live"' <<< "$status" || fail "/stream_status through the edge: $status"
headers=$(curl -s -D - -o /dev/null --max-time 10 "$edge/stream_status")
grep -qi '^X-Cache-Status: HIT' <<< "$headers" || fail "/stream_status was not answered by the edge a moment later: $headers"
grep -qi '^Cache-Control: no-store' <<< "$headers" || fail "/stream_status through the edge lost the origin's no-store for browsers: $headers"

bytes_served() {
  curl -s --max-time 10 "$origin/metrics" | sed -n -E 's/^restream_bytes_served_total\{stream_id="1"\} ([0-9]+)$/\1/p'
}
# json PATH < JSON: the value at PATH (dot-separated keys; "" when absent); objects printed as JSON
json() {
  node -e 'let v = JSON.parse(require("fs").readFileSync(0, "utf8"));
    for (const key of process.argv[1].split(".")) v = v == null ? undefined : v[key];
    console.log(v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : v)' "$1"
}

step "$TS_PLAYERS TS + $LL_PLAYERS LL-HLS players from $VIEWER through the edge for $PLAYER_SECONDS s (like hls.js: TS reload every target duration, LL blocking reloads for the next part; each fetches every new segment or part)"
before=$(bytes_served)
lines_before=$(wc -l < "$WORK/nginx/access.log")
bounded $((PLAYER_SECONDS + 40)) node "$TEST_SOURCE_DIR/tests/install/edge-players.js" players "$edge" "$TS_PLAYERS" "$LL_PLAYERS" \
  "$PLAYER_SECONDS" "$VIEWER" > "$WORK/players.json" || fail "the players did not finish: $(cat "$WORK/players.json")"
after=$(bytes_served)
report=$(cat "$WORK/players.json")
tail -n +"$((lines_before + 1))" "$WORK/nginx/access.log" > "$WORK/nginx/players.log"
[ -n "$before" ] && [ -n "$after" ] || fail "no restream_bytes_served_total for channel 1 in /metrics"

# From the edge's log: the requests that reached the origin, per URL a cache keeps apart: each
# medium (segment, part, init: kept for good), and per second each blocking reload (path, _HLS_msn,
# _HLS_part) and each playlist without directives (they live 1 to 2 s in the edge: a latecomer asking
# the same URL later is a new lifetime). Printed as "class requests distinct most-for-one that-one",
# plus the bytes the origin sent the edge (channel 1 and the program).
awk '
  $0 !~ / up=- / && $3 == "\"GET" {
    uri = substr($4, 1, length($4) - 1)
    if (uri ~ /^\/hls\//) { class = "media"; key = uri }
    else if (uri ~ /\.ll\.m3u8$/ && match($0, /_HLS_msn=[0-9]+(&_HLS_part=[0-9]+)?/)) { class = "ll-reload"; key = uri "?" substr($0, RSTART, RLENGTH) "@" int($1) }
    else if (uri ~ /\.m3u8$/) { class = "playlist"; key = uri "@" int($1) }
    else next
    requests[class]++
    if (count[class, key]++ == 0) distinct[class]++
    if (count[class, key] > most[class]) { most[class] = count[class, key]; mostKey[class] = key }
    if (match($0, / uplen=[0-9]+/)) bytes += substr($0, RSTART + 7, RLENGTH - 7)
  }
  END {
    for (class in requests) print class, requests[class], distinct[class], most[class], mostKey[class]
    print "bytes", bytes + 0
  }' "$WORK/nginx/players.log" > "$WORK/origin-requests.txt"
origin_field() { awk -v class="$1" -v field="$2" '$1 == class { print $field; found = 1 } END { if (!found) print 0 }' "$WORK/origin-requests.txt"; }

echo "  players: $(json players <<< "$report"); per kind (requests, errors, bytes, X-Cache-Status):"
for kind in ts-playlist ts-segment ll-playlist ll-reload ll-init ll-part; do
  echo "    $kind: $(json "kinds.$kind" <<< "$report")"
done
echo "  distinct media the players fetched: $(json unique <<< "$report")"
echo "  origin (edge's log): $(tr '\n' ';' < "$WORK/origin-requests.txt")"
spread=$(json reloadSpreadMs <<< "$report")
echo "  LL blocking reloads: each viewer got the answer this long after the first viewer asking the same URL: $spread"

player_requests=0
for kind in ts-playlist ts-segment ll-playlist ll-reload ll-init ll-part; do
  player_requests=$((player_requests + $(json "kinds.$kind.requests" <<< "$report")))
done
origin_requests=$(( $(origin_field media 2) + $(origin_field ll-reload 2) + $(origin_field playlist 2) ))
media_requests=$(( $(json kinds.ts-segment.requests <<< "$report") + $(json kinds.ll-init.requests <<< "$report") + $(json kinds.ll-part.requests <<< "$report") ))
origin_bytes=$((after - before))
echo "  offload: the players made $player_requests requests ($media_requests for media), the origin got $origin_requests ($(origin_field media 2) for $(origin_field media 3) media):" \
  "$(awk "BEGIN { printf \"%.1f\", $player_requests / ($origin_requests ? $origin_requests : 1) }") player requests per origin request;" \
  "restream served $origin_bytes bytes (restream_bytes_served_total, channel 1 and the program), the players got" \
  "$(( $(json kinds.ts-segment.bytes <<< "$report") + $(json kinds.ll-part.bytes <<< "$report") + $(json kinds.ll-init.bytes <<< "$report") + $(json kinds.ts-playlist.bytes <<< "$report") + $(json kinds.ll-playlist.bytes <<< "$report") + $(json kinds.ll-reload.bytes <<< "$report") )) bytes"

errors=$(json errors <<< "$report")
[ "$errors" = "[]" ] || fail "players got errors: $errors"
[ "$(json missing <<< "$report")" = 0 ] || fail "blocking reloads were answered without the part they asked for"
[ "$(json players.ts <<< "$report")" = "$TS_PLAYERS" ] && [ "$(json players.ll <<< "$report")" = "$LL_PLAYERS" ] ||
  fail "not every player ran: $(json players <<< "$report")"
[ "$(json unique.ts-segment.count <<< "$report")" -ge 8 ] || fail "the TS players saw fewer than 8 segments (two playlists, $PLAYER_SECONDS s)"
[ "$(json unique.ll-part.count <<< "$report")" -ge $((PLAYER_SECONDS * 2)) ] || fail "the LL players saw too few parts: $(json unique <<< "$report")"
[ "$(json kinds.ll-reload.requests <<< "$report")" -ge $((LL_PLAYERS * PLAYER_SECONDS)) ] ||
  fail "the LL players made too few blocking reloads: $(json kinds.ll-reload <<< "$report")"
# whatever the number of players: each medium left the origin at most twice, each blocking reload URL
# and each playlist at most twice a second
[ "$(origin_field media 4)" -le 2 ] || fail "$(origin_field media 5) left the origin $(origin_field media 4) times (not cached, or no proxy_cache_lock?)"
[ "$(origin_field ll-reload 4)" -le 2 ] ||
  fail "the blocking reload $(origin_field ll-reload 5) (URL@second) reached the origin $(origin_field ll-reload 4) times in a second (_HLS_* not in the key, or no proxy_cache_lock?)"
[ "$(origin_field playlist 4)" -le 2 ] || fail "the playlist $(origin_field playlist 5) (path@second) reached the origin $(origin_field playlist 4) times in a second"
[ "$(origin_field ll-reload 2)" -ge 1 ] || fail "no blocking reload reached the origin: $(cat "$WORK/origin-requests.txt")"
# restream's own count agrees with the edge's log (nothing reached the origin unseen), and is far
# below what the players got
log_bytes=$(origin_field bytes 2)
[ "$origin_bytes" -gt 0 ] || fail "restream served nothing to the edge"
[ "$origin_bytes" -le $((log_bytes + log_bytes / 20 + 65536)) ] ||
  fail "restream served $origin_bytes bytes, the edge's log says it fetched $log_bytes: requests reached the origin unseen"

step "a Range request of a cached segment is answered by the edge alone"
segment=$(sed -n -E 's/^[^ ]+ [^ ]+ "GET (\/hls\/[^"]+\.ts)".*/\1/p' "$WORK/nginx/players.log" | tail -n1)
fetches=$(upstream_count "GET $segment")
headers=$(curl -s -D - -o "$WORK/range.bin" --max-time 10 -r 0-187 "$edge$segment")
grep -q '^HTTP/1.1 206' <<< "$headers" && [ "$(stat -c %s "$WORK/range.bin")" = 188 ] ||
  fail "Range 0-187 of $segment through the edge: $headers"
grep -qi '^X-Cache-Status: HIT' <<< "$headers" || fail "Range 0-187 of $segment did not come from the cache: $headers"
[ "$(upstream_count "GET $segment")" = "$fetches" ] || fail "a Range request of a cached segment went to the origin"

step "the program playlist through the edge keeps up with the origin's (sampled every 250 ms for 8 s)"
bounded 40 node "$TEST_SOURCE_DIR/tests/install/edge-players.js" lag "$edge" "$origin" 8 > "$WORK/lag.json" || fail "the sampler did not finish"
lag=$(cat "$WORK/lag.json")
echo "  $lag"
[ "$(json errors <<< "$lag")" = "[]" ] || fail "sampling the playlists: $(json errors <<< "$lag")"
rises=$(json rises <<< "$lag")
longest=$(json longestUnchangedMs <<< "$lag")
[ "$rises" -ge 2 ] || fail "the media sequence through the edge rose $rises times in 8 s (2 s segments)"
# behind by more than two segments (one, plus one more when a loaded encoder publishes two at once), or
# unchanged longer than a segment plus the edge's 2 s: stale
if grep -q -E '"lags":\{[^}]*"([3-9]|[1-9][0-9]+|-[0-9]+)":' <<< "$lag"; then fail "the edge's playlist was more than two segments behind the origin's (or ahead): $lag"; fi
[ "$longest" -le 4500 ] || fail "the edge served one playlist for $longest ms (max-age=1 and 2 s segments allow ~4 s)"

step "ok: $((TS_PLAYERS + LL_PLAYERS)) players made $player_requests requests through the edge, the origin got $origin_requests"
