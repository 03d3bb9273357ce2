#!/usr/bin/env bash
# The docker-compose deployment without Docker: the three services of docker-compose.yml run as
# three processes of the installed tree, each with its configuration from deploy/compose/ (where the
# Dockerfile puts them in the image) and the environment the compose file gives it with .env.example's
# values. Only ports, bind addresses and state directories are overridden (ephemeral, 127.0.0.1,
# temporary), plus the URLs that carry those ports. The compose file is also checked by
# `docker-compose config` (Debian's 1.29) and `docker compose config` (v2), where installed;
# tests/install/docker.sh runs it for real.
source "$(dirname "$0")/lib.sh"
compose_file="$TEST_SOURCE_DIR/docker-compose.yml"
compose_dir="$TEST_SOURCE_DIR/deploy/compose"

step "static checks of docker-compose.yml, the Dockerfile and .env.example"
for service in backend frontend player; do
  [ -f "$compose_dir/$service.ini" ] || fail "no $compose_dir/$service.ini"
  grep -q "^  $service:" "$compose_file" || fail "docker-compose.yml has no service $service"
  grep -q "/opt/restream/etc/restream/compose/$service.ini" "$compose_file" ||
    fail "service $service does not run with its compose/$service.ini"
done
# Published ports and bind addresses from .env (documented in .env.example); the tuner on the LAN bind.
for published in API:8002 ADMIN:8001 PLAYER:8003 TUNER:5004; do
  name=${published%%:*} port=${published##*:}
  grep -q "\"\${${name}_BIND:-[0-9.]*}:\${${name}_PORT:-$port}:$port\"" "$compose_file" ||
    fail "docker-compose.yml does not publish $port on \${${name}_BIND}:\${${name}_PORT}"
  grep -qx "${name}_BIND=[0-9.]*" "$TEST_SOURCE_DIR/.env.example" || fail ".env.example does not document ${name}_BIND"
  grep -qx "${name}_PORT=$port" "$TEST_SOURCE_DIR/.env.example" || fail ".env.example does not document ${name}_PORT=$port"
done
grep -q '"${TUNER_BIND:-127.0.0.1}:' "$compose_file" || fail "the tuner is not published on 127.0.0.1 by default"
# Debian's docker-compose 1.29 refuses a top-level name: the project's name comes from .env.
if grep -q '^name:' "$compose_file"; then fail "docker-compose.yml has a top-level name: (docker-compose 1.29 refuses it)"; fi
grep -qx 'COMPOSE_PROJECT_NAME=restream' "$TEST_SOURCE_DIR/.env.example" || fail ".env.example does not name the project"
grep -q 'restart: unless-stopped' "$compose_file" || fail "docker-compose.yml has no restart policy"
for variable in XTREAM_API_URL XTREAM_USERNAME XTREAM_PASSWORD JWT_SECRET_KEY ADMIN_PASSWORD_HASH; do
  grep -q "$variable: \${$variable:-}" "$compose_file" || fail "docker-compose.yml does not pass $variable"
  grep -qx "$variable=" "$TEST_SOURCE_DIR/.env.example" || fail ".env.example must leave $variable empty"
done
grep -q 'deploy/compose/\*.ini /runtime/opt/restream/etc/restream/compose/' "$TEST_SOURCE_DIR/Dockerfile" ||
  fail "the Dockerfile does not put deploy/compose/*.ini where docker-compose.yml reads them"
grep -q -- '--component runtime' "$TEST_SOURCE_DIR/Dockerfile" || fail "the Dockerfile does not install the runtime component only"
# A `# syntax=` line makes BuildKit fetch a frontend image from a registry: offline builds fail.
if grep -q '^# *syntax *=' "$TEST_SOURCE_DIR/Dockerfile"; then fail "the Dockerfile names a BuildKit frontend (# syntax=)"; fi
grep -q 'scripts/build-install.sh /opt/restream' "$TEST_SOURCE_DIR/Dockerfile" || fail "the Dockerfile does not run build-install.sh"
grep -q '^HEALTHCHECK' "$TEST_SOURCE_DIR/Dockerfile" || fail "the Dockerfile has no HEALTHCHECK"
grep -q '^USER restream' "$TEST_SOURCE_DIR/Dockerfile" || fail "the Dockerfile does not run as the restream user"

step "static checks of the edge profile (deploy/nginx/Dockerfile, the service, its address trusted)"
nginx_dir="$TEST_SOURCE_DIR/deploy/nginx"
# the service: in the profile "edge" only, built from deploy/nginx, published at EDGE_BIND:EDGE_PORT
edge_service=$(sed -n '/^  edge:$/,/^[^ ]/p' "$compose_file")
[ -n "$edge_service" ] || fail "docker-compose.yml has no service edge"
grep -q '^    profiles: \["edge"\]$' <<< "$edge_service" || fail "the service edge is not in the profile edge only"
grep -q '^    build: deploy/nginx$' <<< "$edge_service" || fail "the service edge is not built from deploy/nginx"
grep -q '"${EDGE_BIND:-0.0.0.0}:${EDGE_PORT:-8080}:80"' <<< "$edge_service" || fail "the service edge is not published at \${EDGE_BIND}:\${EDGE_PORT}"
grep -qx "EDGE_BIND=0.0.0.0" "$TEST_SOURCE_DIR/.env.example" && grep -qx "EDGE_PORT=8080" "$TEST_SOURCE_DIR/.env.example" ||
  fail ".env.example does not document EDGE_BIND and EDGE_PORT"
address_of() { sed -n "/^  $1:\$/,/^  [^ ]/p" "$compose_file" | sed -n -E 's/^ *ipv4_address: ([0-9.]+)$/\1/p'; }
edge_address=$(address_of edge)
backend_address=$(address_of backend)
[ -n "$edge_address" ] && [ -n "$backend_address" ] || fail "the services edge and backend have no fixed addresses"
grep -E '^trustedProxies *=' "$compose_dir/backend.ini" | grep -q -F "$edge_address" ||
  fail "backend.ini does not trust the edge's address $edge_address (X-Forwarded-For): every viewer would look like the edge"
# the image: Debian's nginx on the local base image, the deployed file with its origin line pointed at the backend
dockerfile="$nginx_dir/Dockerfile"
grep -q '^FROM debian:bookworm-slim$' "$dockerfile" || fail "deploy/nginx/Dockerfile is not built on the local debian:bookworm-slim"
if grep -q '^# *syntax *=' "$dockerfile"; then fail "deploy/nginx/Dockerfile names a BuildKit frontend (# syntax=)"; fi
grep -q 'apt-get install .* nginx' "$dockerfile" || fail "deploy/nginx/Dockerfile does not install Debian's nginx"
grep -q '^COPY restream-edge.conf /etc/nginx/conf.d/restream-edge.conf$' "$dockerfile" || fail "deploy/nginx/Dockerfile does not install restream-edge.conf"
rewrite=$(sed -n -E "s/^RUN sed -i -E '([^']+)' \/etc\/nginx\/conf.d\/restream-edge.conf.*/\1/p" "$dockerfile")
[ -n "$rewrite" ] || fail "deploy/nginx/Dockerfile does not point the configuration's origin line at the backend"
origin_line=$(sed -E "$rewrite" "$nginx_dir/restream-edge.conf" | sed -n -E 's/^ *(server [^ ]+;).*/\1/p')
[ "$origin_line" = "server $backend_address:8002;" ] ||
  fail "the edge image's origin line is '$origin_line', not the backend's $backend_address:8002"

checked=0
for client in docker-compose "docker compose"; do
  $client version > /dev/null 2>&1 || continue
  step "$client config"
  (cd "$TEST_SOURCE_DIR" && $client --env-file .env.example -f docker-compose.yml config -q) ||
    fail "$client config rejects docker-compose.yml"
  checked=$((checked + 1))
done
[ "$checked" -gt 0 ] || echo "SKIPPED: docker-compose config (neither docker-compose nor the compose plugin here)"

step "install, with the compose configurations where the image has them"
prefix="$WORK/prefix"
install_tree "$prefix"
mkdir -p "$prefix/etc/restream/compose"
cp "$compose_dir"/*.ini "$prefix/etc/restream/compose/"
config_dir="$prefix/etc/restream/compose"

# The environment docker-compose.yml gives each service with .env.example's (empty) values.
compose_env=(XTREAM_API_URL= XTREAM_USERNAME= XTREAM_PASSWORD= JWT_SECRET_KEY= ADMIN_PASSWORD_HASH=
  RESTREAM_PUBLIC_APIURL= RESTREAM_PUBLIC_PLAYERURL= RESTREAM_PUBLIC_ADMINURL=)

step "start backend (api, tuner)"
start_restream backend env "${compose_env[@]}" HEALTH_PORT=8002 "$prefix/bin/restream" \
  --config "$config_dir/backend.ini" -D "state.dir=$WORK/backend-state" \
  -D "http.api.address=127.0.0.1" -D "http.api.port=0" -D "http.tuner.address=127.0.0.1" -D "http.tuner.port=0"
api_port=$(wait_port backend api)
api="http://127.0.0.1:$api_port"
tuner="http://127.0.0.1:$(wait_port backend tuner)"

step "start frontend (admin) and player"
start_restream frontend env "${compose_env[@]}" HEALTH_PORT=8001 "$prefix/bin/restream" \
  --config "$config_dir/frontend.ini" -D "state.dir=$WORK/frontend-state" \
  -D "http.admin.address=127.0.0.1" -D "http.admin.port=0" -D "plugins.ui-admin.apiUrl=$api"
start_restream player env "${compose_env[@]}" HEALTH_PORT=8003 "$prefix/bin/restream" \
  --config "$config_dir/player.ini" -D "state.dir=$WORK/player-state" \
  -D "http.player.address=127.0.0.1" -D "http.player.port=0" -D "http.api.port=$api_port"
admin_port=$(wait_port frontend admin)
player_port=$(wait_port player player)
admin="http://127.0.0.1:$admin_port"
player="http://127.0.0.1:$player_port"

step "each process serves its own ports only, with the plugins its configuration loads"
[ "$(grep -c ' listening on ' "$WORK/backend.log")" = 2 ] || fail "backend serves other ports than api and tuner: $(grep ' listening on ' "$WORK/backend.log")"
for name in frontend player; do
  [ "$(grep -c ' listening on ' "$WORK/$name.log")" = 1 ] || fail "$name serves more than one port: $(grep ' listening on ' "$WORK/$name.log")"
done
grep -q "plugin source-demo .* started" "$WORK/backend.log" || fail "backend did not start source-demo"
for plugin in output-hls output-ts output-hdhr; do
  grep -q "plugin $plugin .* started" "$WORK/backend.log" || fail "backend did not start $plugin"
done
if grep "host: plugin .* started" "$WORK/frontend.log" | grep -v -q "plugin ui-admin "; then fail "frontend loads more than ui-admin"; fi
for name in frontend player; do
  if grep -E -q "plugin (auth-jwt|source-xtream|source-demo|output-hls) .* started" "$WORK/$name.log"; then
    fail "$name loads the backend's plugins"
  fi
done

step "/health on every port"
for url in "$api" "$admin" "$player" "$tuner"; do
  [ "$(http_status "$url/health")" = 200 ] || fail "$url/health is not 200"
done

step "the backend's tuner answers media centres (HDHomeRun discovery, a lineup of MPEG-TS URLs on the tuner port)"
discover=$(curl -s --max-time 10 "$tuner/discover.json")
grep -q '"DeviceID" *: *"[0-9A-F]\{8\}"' <<< "$discover" || fail "discover.json: $discover"
lineup=$(curl -s --max-time 10 "$tuner/lineup.json" | sed 's#\\/#/#g')  # JSON may escape "/"
grep -q "\"URL\" *: *\"$tuner/stream/1.ts\"" <<< "$lineup" || fail "lineup.json has no TS URL of demo channel 1: ${lineup:0:300}"

step "the backend serves the API: sign-in (through a trusted proxy), catalog, a live channel"
password=$(tr -d '\n' < "$WORK/backend-state/plugins/auth-jwt/initial-admin-password")
answer=$(curl -s --max-time 10 -X POST "$api/auth/login" -H 'Content-Type: application/json' \
  -H 'X-Forwarded-For: 203.0.113.7' --data-binary @- <<< "{\"username\":\"admin\",\"password\":\"$password\"}")
token=$(json_string access_token <<< "$answer")
[ -n "$token" ] || fail "login refused: $answer"
grep -q "signed in from 203.0.113.7" "$WORK/backend.log" ||
  fail "the backend did not believe X-Forwarded-For from a trusted proxy: $(grep 'signed in' "$WORK/backend.log")"
channels=$(curl -s --max-time 10 -H "Authorization: Bearer $token" "$api/channels")
grep -q '"stream_id" *: *1\b' <<< "$channels" || fail "the backend's catalog has no demo channel 1: $channels"
answer=$(curl -s --max-time 10 -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  "$api/start_stream" -d '{"stream_id": 1}')
grep -q '"state"' <<< "$answer" || fail "start_stream: $answer"
wait_live "$api" 1
[ "$(http_status "$api/live.m3u8")" = 200 ] || fail "/live.m3u8 is not served while live"

step "the admin (frontend) signs in through the backend's API and sees the live channel"
jar="$WORK/admin-cookies"
printf '%s' "$password" > "$WORK/admin-password"
login_page=$(curl -s --max-time 10 -c "$jar" "$admin/login")
csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' <<< "$login_page" | head -n 1)
[ -n "$csrf" ] || fail "the admin's sign-in page has no CSRF token: $login_page"
status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 15 -b "$jar" -c "$jar" -H "Origin: $admin" \
  --data-urlencode "username=admin" --data-urlencode "password@$WORK/admin-password" \
  --data-urlencode "csrf=$csrf" --data-urlencode "next=/" "$admin/login")
[ "$status" = 303 ] || fail "signing in to the admin answered $status: $(tail -n 5 "$WORK/frontend.log")"
[ "$(grep -c 'signed in from' "$WORK/backend.log")" = 2 ] ||
  fail "the admin's sign-in did not reach the backend's API: $(grep 'signed in' "$WORK/backend.log")"
ui_status=$(curl -s --max-time 10 -b "$jar" "$admin/ui/status")
grep -q '"stream_id" *: *1\b' <<< "$ui_status" || fail "the admin does not see channel 1 live: $ui_status"
location=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' --max-time 10 "$admin/")
[ "$location" = "302 $admin/login" ] || fail "the admin's dashboard without a session answered '$location', not a redirect to /login"

step "the player page points at the backend's API, which lets it read the live stream"
page=$(curl -s --max-time 10 "$player/")
player_api=$(sed -n 's/.*<meta name="restream-api" content="\([^"]*\)".*/\1/p' <<< "$page")
[ "$player_api" = "$api" ] || fail "the player page points at '$player_api', not the backend $api"
headers=$(curl -s -D - -o "$WORK/player-status.json" --max-time 10 -H "Origin: $player" "$player_api/stream_status")
grep -qi '^access-control-allow-origin: ' <<< "$headers" || fail "the API does not let the player's origin read /stream_status"
grep -q '"state" *: *"live"' "$WORK/player-status.json" || fail "the player would see no live stream: $(cat "$WORK/player-status.json")"
[ "$(http_status "$player_api/live.m3u8")" = 200 ] || fail "the player's playlist is not served"
step "ok"
