#!/usr/bin/env bash
# The edge cache (deploy/nginx/restream-edge.conf) in front of a real restream: Debian's nginx runs
# that very file (only its three EDIT lines rewritten: origin port, cache directory, listen address)
# as the current user on 127.0.0.1 ephemeral ports, in front of the build tree's restream (demo
# source, API port only). Through the edge: sign-in and start_stream (never cached), a herd of
# clients (node) polling /live.m3u8 and /live/1.m3u8 and all fetching each new segment at once,
# then checks from restream's side (/metrics bytes served) and the edge's log that each segment left
# the origin about once (<= 2) and each playlist about once per lifetime, that the playlists seen
# through the edge stay within a segment of the origin's, that the viewer's address reaches the
# origin (X-Forwarded-For, not forgeable), and that credentials, POST and HEAD are never served from
# or stored in the cache. EDGE_CONF=<file> runs another configuration (to see this test fail on a
# broken one, e.g. without proxy_cache_lock).
# Tools: bash, curl, node, nginx (scripts/setup-debian.sh --test installs them).
source "$(dirname "$0")/lib.sh"

NGINX=${NGINX:-/usr/sbin/nginx}
EDGE_CONF=${EDGE_CONF:-$TEST_SOURCE_DIR/deploy/nginx/restream-edge.conf}
CLIENTS=${EDGE_CLIENTS:-30}   # concurrent clients of the herd
HERD_SECONDS=${EDGE_HERD_SECONDS:-10}
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
events { worker_connections 1024; }
http {
    log_format edge '\$msec \$remote_addr "\$request_method \$uri" \$status \$body_bytes_sent '
                    'cache=\$upstream_cache_status up=\$upstream_addr upstatus=\$upstream_status';
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

cat > "$WORK/edge-clients.js" <<'EOF'
// node edge-clients.js herd EDGE CLIENTS SECONDS LOCAL_ADDRESS: CLIENTS clients (one keep-alive
// connection each) poll /live.m3u8 and /live/1.m3u8 every 500 ms, all at once, and all fetch each
// segment they have not fetched yet at once (a thundering herd, the worst case for the origin).
// node edge-clients.js lag EDGE ORIGIN SECONDS: samples the program playlist through the edge and
// at the origin every 250 ms. Prints one JSON object.
'use strict';
const http = require('http');
const [mode, ...args] = process.argv.slice(2);

function get(agent, url, localAddress) {
  return new Promise((resolve) => {
    const request = http.get(url, { agent, localAddress, timeout: 10000, headers: { 'User-Agent': 'edge-herd' } }, (response) => {
      let bytes = 0;
      const chunks = [];
      const text = /\.m3u8$/.test(new URL(url).pathname);
      response.on('data', (chunk) => { bytes += chunk.length; if (text) chunks.push(chunk); });
      response.on('end', () => resolve({ status: response.statusCode, bytes, cache: response.headers['x-cache-status'] || '-',
        text: text ? Buffer.concat(chunks).toString() : '' }));
      response.on('error', (error) => resolve({ status: 0, bytes, cache: 'error ' + error.message, text: '' }));
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error) => resolve({ status: 0, bytes: 0, cache: 'error ' + error.message, text: '' }));
  });
}

function parse(text, base) {
  const sequence = Number((/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text) || [])[1]);
  const segments = text.split('\n').filter((line) => line && !line.startsWith('#')).map((line) => new URL(line, base).pathname);
  return { sequence, segments, last: sequence + segments.length - 1 };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function herd(edge, clients, seconds, localAddress) {
  const agents = Array.from({ length: clients }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  const playlists = ['/live.m3u8', '/live/1.m3u8'];
  const report = { clients, playlistRequests: 0, playlistBytes: 0, segmentRequests: 0, segmentBytes: 0, uniqueSegments: 0,
    uniqueSegmentBytes: 0, playlistLargest: 0, cache: {}, errors: [], sequences: {} };
  const fetched = new Set();
  const deadline = Date.now() + seconds * 1000;
  const note = (answer, what) => {
    report.cache[answer.cache] = (report.cache[answer.cache] || 0) + 1;
    if (answer.status !== 200 && report.errors.length < 10) report.errors.push(`${what}: ${answer.status} ${answer.cache}`);
  };
  while (Date.now() < deadline) {
    const tick = Date.now();
    const fresh = [];
    for (const path of playlists) {
      const answers = await Promise.all(agents.map((agent) => get(agent, edge + path, localAddress)));
      for (const answer of answers) {
        note(answer, path);
        report.playlistRequests++;
        report.playlistBytes += answer.bytes;
        report.playlistLargest = Math.max(report.playlistLargest, answer.bytes);
        if (answer.status !== 200) continue;
        const playlist = parse(answer.text, edge + path);
        (report.sequences[path] = report.sequences[path] || []).push(playlist.last);
        for (const segment of playlist.segments) {
          if (!fetched.has(segment)) { fetched.add(segment); fresh.push(segment); }
        }
      }
    }
    for (const segment of fresh) {
      const answers = await Promise.all(agents.map((agent) => get(agent, edge + segment, localAddress)));
      for (const answer of answers) {
        note(answer, segment);
        report.segmentRequests++;
        report.segmentBytes += answer.bytes;
      }
      report.uniqueSegments++;
      report.uniqueSegmentBytes += Math.max(...answers.map((answer) => answer.bytes));
    }
    await sleep(Math.max(0, 500 - (Date.now() - tick)));
  }
  for (const path of playlists) {
    const seen = report.sequences[path] || [];
    report.sequences[path] = { first: Math.min(...seen), last: Math.max(...seen) };
  }
  agents.forEach((agent) => agent.destroy());
  return report;
}

async function lag(edge, origin, seconds) {
  const agents = [new http.Agent({ keepAlive: true }), new http.Agent({ keepAlive: true })];
  const report = { samples: 0, lags: {}, edgeFirst: null, edgeLast: null, rises: 0, longestUnchangedMs: 0, errors: [] };
  let lastChange = Date.now();
  let previous = null;
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const tick = Date.now();
    const [atEdge, atOrigin] = await Promise.all([get(agents[0], edge + '/live.m3u8'), get(agents[1], origin + '/live.m3u8')]);
    if (atEdge.status !== 200 || atOrigin.status !== 200) {
      if (report.errors.length < 10) report.errors.push(`edge ${atEdge.status}, origin ${atOrigin.status}`);
    } else {
      const seen = parse(atEdge.text, edge + '/live.m3u8').last;
      const truth = parse(atOrigin.text, origin + '/live.m3u8').last;
      report.samples++;
      report.lags[truth - seen] = (report.lags[truth - seen] || 0) + 1;
      if (report.edgeFirst === null) report.edgeFirst = seen;
      if (previous !== null && seen > previous) { report.rises++; lastChange = Date.now(); }
      if (previous !== null && seen < previous && report.errors.length < 10) report.errors.push(`went back from ${previous} to ${seen}`);
      report.longestUnchangedMs = Math.max(report.longestUnchangedMs, Date.now() - lastChange);
      previous = seen;
      report.edgeLast = seen;
    }
    await sleep(Math.max(0, 250 - (Date.now() - tick)));
  }
  agents.forEach((agent) => agent.destroy());
  return report;
}

(mode === 'herd' ? herd(args[0], Number(args[1]), Number(args[2]), args[3]) : lag(args[0], args[1], Number(args[2])))
  .then((report) => console.log(JSON.stringify(report)));
EOF

# json_number KEY < JSON: the first number value of KEY
json_number() { grep -o "\"$1\":-\?[0-9]*" | head -n1 | cut -d: -f2; }

step "herd: $CLIENTS clients from $VIEWER poll both playlists and fetch every new segment at once, for $HERD_SECONDS s"
before=$(bytes_served)
lines_before=$(wc -l < "$WORK/nginx/access.log")
bounded $((HERD_SECONDS + 40)) node "$WORK/edge-clients.js" herd "$edge" "$CLIENTS" "$HERD_SECONDS" "$VIEWER" > "$WORK/herd.json" ||
  fail "the herd did not finish: $(cat "$WORK/herd.json")"
after=$(bytes_served)
herd=$(cat "$WORK/herd.json")
tail -n +"$((lines_before + 1))" "$WORK/nginx/access.log" > "$WORK/nginx/herd.log"
[ -n "$before" ] && [ -n "$after" ] || fail "no restream_bytes_served_total for channel 1 in /metrics"
origin_bytes=$((after - before))

errors=$(sed -n -E 's/.*"errors":\[([^]]*)\].*/\1/p' <<< "$herd")
[ -z "$errors" ] || fail "clients of the edge got errors: $errors"
unique=$(json_number uniqueSegments <<< "$herd")
segment_requests=$(json_number segmentRequests <<< "$herd")
playlist_requests=$(json_number playlistRequests <<< "$herd")
client_bytes=$(( $(json_number segmentBytes <<< "$herd") + $(json_number playlistBytes <<< "$herd") ))
unique_bytes=$(json_number uniqueSegmentBytes <<< "$herd")
playlist_largest=$(json_number playlistLargest <<< "$herd")
[ "$unique" -ge 4 ] || fail "the herd saw only $unique segments in $HERD_SECONDS s: $herd"

# From the edge's log: how many requests of each URI reached the origin during the herd.
declare -A origin_fetches
while read -r count uri; do origin_fetches[$uri]=$count; done < <(
  grep -v ' up=- ' "$WORK/nginx/herd.log" | sed -n -E 's/^[^ ]+ [^ ]+ "GET ([^"]+)".*/\1/p' | sort | uniq -c)
segment_origin=0 segment_most=0 segment_most_uri=""
for uri in "${!origin_fetches[@]}"; do
  case $uri in
    /hls/*)
      segment_origin=$((segment_origin + origin_fetches[$uri]))
      if [ "${origin_fetches[$uri]}" -gt "$segment_most" ]; then segment_most=${origin_fetches[$uri]} segment_most_uri=$uri; fi ;;
  esac
done
program_playlist_origin=${origin_fetches[/live.m3u8]:-0}
channel_playlist_origin=${origin_fetches[/live/1.m3u8]:-0}
segment_clients=$(grep -c -E '"GET /hls/' "$WORK/nginx/herd.log" || true)

echo "  clients:  $playlist_requests playlist + $segment_requests segment requests ($unique segments x $CLIENTS clients), $client_bytes bytes"
echo "  origin:   $segment_origin segment requests for $unique segments (at most $segment_most for one: ${segment_most_uri:-none}),"
echo "            playlists: /live.m3u8 $program_playlist_origin, /live/1.m3u8 $channel_playlist_origin requests in $HERD_SECONDS s (edge log)"
echo "  restream: served $origin_bytes bytes (restream_bytes_served_total of channel 1, the program's included) for $unique_bytes bytes"
echo "            of distinct segments: each segment left the origin $(awk "BEGIN { printf \"%.2f\", $origin_bytes / $unique_bytes }") times"
echo "            (playlists included); the clients got $client_bytes bytes through the edge"
echo "  cache statuses seen by the clients: $(sed -n -E 's/.*"cache":\{([^}]*)\}.*/\1/p' <<< "$herd")"

[ "$segment_clients" -ge $((unique * CLIENTS)) ] || fail "the edge's log has $segment_clients segment requests, the clients made $((unique * CLIENTS))"
[ "$segment_most" -le 2 ] || fail "segment $segment_most_uri left the origin $segment_most times (not cached, or no proxy_cache_lock?)"
[ "$segment_origin" -le $((unique * 2)) ] || fail "$segment_origin origin requests for $unique segments"
# a playlist lives 1-2 s in the edge (max-age=1, whole seconds): about one origin request a second
playlist_limit=$((HERD_SECONDS + 4))
for count in "$program_playlist_origin" "$channel_playlist_origin"; do
  [ "$count" -ge 1 ] && [ "$count" -le "$playlist_limit" ] ||
    fail "a playlist left the origin $count times in $HERD_SECONDS s (expected 1..$playlist_limit: one per lifetime; proxy_cache_use_stale updating?)"
done
# restream's own count (channel 1 and the program on air from it): each segment once (twice at
# most), each of the two playlists about once a second
origin_budget=$((2 * unique_bytes + 2 * 2 * (HERD_SECONDS + 4) * playlist_largest))
[ "$origin_bytes" -gt 0 ] || fail "restream served nothing to the edge"
[ "$origin_bytes" -le "$origin_budget" ] ||
  fail "restream served $origin_bytes bytes to the edge, more than twice the segments and a playlist a second ($origin_budget)"
[ "$client_bytes" -ge $((origin_bytes * CLIENTS / 3)) ] ||
  fail "the edge served only $client_bytes bytes for the origin's $origin_bytes"

step "a Range request of a cached segment is answered by the edge alone"
segment=$(sed -n -E 's/^[^ ]+ [^ ]+ "GET (\/hls\/[^"]+)".*/\1/p' "$WORK/nginx/herd.log" | tail -n1)
fetches=$(upstream_count "GET $segment")
headers=$(curl -s -D - -o "$WORK/range.bin" --max-time 10 -r 0-187 "$edge$segment")
grep -q '^HTTP/1.1 206' <<< "$headers" && [ "$(stat -c %s "$WORK/range.bin")" = 188 ] ||
  fail "Range 0-187 of $segment through the edge: $headers"
grep -qi '^X-Cache-Status: HIT' <<< "$headers" || fail "Range 0-187 of $segment did not come from the cache: $headers"
[ "$(upstream_count "GET $segment")" = "$fetches" ] || fail "a Range request of a cached segment went to the origin"

step "the program playlist through the edge keeps up with the origin's (sampled every 250 ms for 8 s)"
bounded 40 node "$WORK/edge-clients.js" lag "$edge" "$origin" 8 > "$WORK/lag.json" || fail "the sampler did not finish"
lag=$(cat "$WORK/lag.json")
echo "  $lag"
errors=$(sed -n -E 's/.*"errors":\[([^]]*)\].*/\1/p' <<< "$lag")
[ -z "$errors" ] || fail "sampling the playlists: $errors"
rises=$(json_number rises <<< "$lag")
longest=$(json_number longestUnchangedMs <<< "$lag")
[ "$rises" -ge 2 ] || fail "the media sequence through the edge rose $rises times in 8 s (2 s segments)"
# behind by more than two segments (one, plus one more when a loaded encoder publishes two at once), or
# unchanged longer than a segment plus the edge's 2 s: stale
if grep -q -E '"lags":\{[^}]*"([3-9]|[1-9][0-9]+|-[0-9]+)":' <<< "$lag"; then fail "the edge's playlist was more than two segments behind the origin's (or ahead): $lag"; fi
[ "$longest" -le 4500 ] || fail "the edge served one playlist for $longest ms (max-age=1 and 2 s segments allow ~4 s)"

step "ok: the edge asked the origin $segment_origin times for $((unique * CLIENTS)) segment requests and $((program_playlist_origin + channel_playlist_origin)) times for $playlist_requests playlist requests"
