#!/usr/bin/env bash
# The example plugins of examples/plugins, built out of tree against the installed SDK
# (find_package(restream) with CMAKE_PREFIX_PATH=<prefix>), installed into the installed host's
# plugin directory and run there: source-m3u reads a playlist file whose entries point at the fake
# provider, output-m3u lists the live channel at /playlist.m3u, and ffprobe plays what it lists.
source "$(dirname "$0")/lib.sh"
: "${FAKE_XTREAM:?set by CTest}"
command -v node > /dev/null || fail "node is needed to read JSON answers (scripts/setup-debian.sh installs it)"

step "install restream into a temporary prefix"
prefix="$WORK/prefix"
install_tree "$prefix"

for example in source-m3u output-m3u; do
  step "build examples/plugins/$example against the installed SDK"
  "$CMAKE_COMMAND" -S "$TEST_SOURCE_DIR/examples/plugins/$example" -B "$WORK/build-$example" \
    -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release > "$WORK/$example-build.log" 2>&1 ||
    fail "configuring $example failed (see $example-build.log)"
  "$CMAKE_COMMAND" --build "$WORK/build-$example" -j "$(nproc)" >> "$WORK/$example-build.log" 2>&1 ||
    fail "building $example failed (see $example-build.log)"
  if grep -E -i 'warning:' "$WORK/$example-build.log"; then fail "$example builds with warnings"; fi
  if grep -q -- "-I$TEST_SOURCE_DIR" "$WORK/build-$example/CMakeFiles/$example.dir/flags.make"; then
    fail "$example compiled against the source tree, not the installed SDK"
  fi
  "$CMAKE_COMMAND" --install "$WORK/build-$example" --prefix "$prefix" >> "$WORK/$example-build.log" 2>&1 ||
    fail "installing $example failed"
  [ -f "$prefix/lib/restream/plugins/$example.so" ] || fail "$example.so is not in the installed plugin directory"
done

step "start the fake provider"
(exec "$FAKE_XTREAM" --port 0 --duration 170 > "$WORK/fake-xtream.log" 2>&1) &
STARTED_PIDS+=("$!")
fake_pid=$!
provider=""
for _ in $(seq 1 100); do
  provider=$(sed -n -E 's/^listening on (http:\/\/[0-9.]+:[0-9]+).*/\1/p' "$WORK/fake-xtream.log" | head -n1)
  [ -n "$provider" ] && break
  kill -0 "$fake_pid" 2>/dev/null || fail "fake-xtream exited"
  sleep 0.1
done
[ -n "$provider" ] || fail "fake-xtream did not say where it listens"
# The fake's default account (tests/fake-provider/README.md); the short form /USER/PASS/ID of an Xtream M3U.
user=demo-user
password=s3cret-Pa55

playlist="$WORK/channels.m3u"
write_playlist() {
  # write_playlist [reversed]: the playlist, in order or reversed (ids must not change).
  local entries=(
    "#EXTINF:-1 tvg-id=\"france2.fr\" tvg-name=\"France 2\" tvg-logo=\"http://logos.invalid/france2.png\" group-title=\"Généralistes\",France 2 Été|$provider/$user/$password/101.ts"
    "#EXTINF:-1 tvg-id=\"news24.fr\" tvg-logo=\"http://logos.invalid/news24.png\" group-title=\"Info, en continu\",News 24|$provider/$user/$password/105"
    "#EXTINF:-1 tvg-id=\"\" group-title=\"Info, en continu\",Sans logo, avec virgule|$provider/$user/$password/102.ts"
    "#EXTINF:-1,Pas de groupe|rtmp://unsupported.invalid/live"
  )
  if [ "${1:-}" = reversed ]; then
    entries=("${entries[3]}" "${entries[2]}" "${entries[1]}" "${entries[0]}")
  fi
  {
    printf '#EXTM3U\r\n'
    local entry
    for entry in "${entries[@]}"; do printf '%s\r\n%s\r\n' "${entry%%|*}" "${entry#*|}"; done
  } > "$playlist"
}
write_playlist

step "start the installed host with source-m3u and output-m3u"
state="$WORK/state"
start_restream host "$prefix/bin/restream" -D "state.dir=$state" \
  -D "plugins.load=auth-jwt, source-m3u, output-hls, output-m3u" -D "plugins.source-m3u.url=$playlist" \
  -D "http.ports=api" -D "http.api.address=127.0.0.1" -D "http.api.port=0"
port=$(wait_port host api)
base="http://127.0.0.1:$port"
grep -q "plugin source-m3u 1.0.0 started" "$WORK/host.log" || fail "source-m3u did not start"
grep -q "plugin output-m3u 1.0.0 started" "$WORK/host.log" || fail "output-m3u did not start"
token=$(login "$base" "$state")
auth=(-H "Authorization: Bearer $token")

step "the M3U's groups are the categories, its entries the channels"
categories=$(curl -s --max-time 10 "${auth[@]}" "$base/categories")
channels=$(curl -s --max-time 10 "${auth[@]}" "$base/channels")
node -e '
  const categories = JSON.parse(process.argv[1]), channels = JSON.parse(process.argv[2]).channels;
  const names = categories.map((c) => c.category_name).sort();
  if (JSON.stringify(names) !== JSON.stringify(["Généralistes", "Info, en continu"])) throw new Error("categories: " + process.argv[1]);
  const byName = Object.fromEntries(channels.map((c) => [c.name, c]));
  for (const name of ["France 2 Été", "News 24", "Sans logo, avec virgule"])
    if (!byName[name]) throw new Error("no channel " + name + ": " + process.argv[2]);
  if (channels.length !== 3) throw new Error("the rtmp entry should be skipped: " + process.argv[2]);
  const info = categories.find((c) => c.category_name === "Info, en continu");
  if (byName["News 24"].category_id !== info.category_id) throw new Error("News 24 is not in its group");
  if (byName["France 2 Été"].epg_channel_id !== "france2.fr") throw new Error("tvg-id is not the EPG id");
  if (byName["France 2 Été"].stream_icon !== "http://logos.invalid/france2.png") throw new Error("tvg-logo is not the icon");
' "$categories" "$channels" || fail "catalog does not match the playlist"
ids_before=$(node -e 'for (const c of JSON.parse(process.argv[1]).channels) console.log(c.name + "=" + c.stream_id)' "$channels" | sort)
france2=$(node -e 'console.log(JSON.parse(process.argv[1]).channels.find((c) => c.name === "France 2 Été").stream_id)' "$channels")

step "stream ids survive a reordered playlist"
write_playlist reversed
sleep 5.5 # the source reloads a playlist older than 5 s
[ "$(http_status "$base/catalog/refresh" -X POST -d "" "${auth[@]}")" = 200 ] || fail "catalog refresh failed"
ids_after=$(node -e 'for (const c of JSON.parse(process.argv[1]).channels) console.log(c.name + "=" + c.stream_id)' \
  "$(curl -s --max-time 10 "${auth[@]}" "$base/channels")" | sort)
[ "$ids_before" = "$ids_after" ] || fail "ids changed with the order: $ids_before / $ids_after"

step "start France 2 ($france2) from the playlist; it goes live"
answer=$(curl -s --max-time 10 -X POST "${auth[@]}" -H 'Content-Type: application/json' "$base/start_stream" \
  -d "{\"stream_id\": $france2}")
grep -q '"state"' <<< "$answer" || fail "start_stream: $answer"
wait_live "$base" "$france2"

step "/playlist.m3u lists it with its tvg attributes and a playable absolute URL"
headers="$WORK/playlist.headers"
m3u=$(curl -s --max-time 10 -D "$headers" "$base/playlist.m3u")
grep -qi '^content-type: audio/x-mpegurl' "$headers" || fail "content type: $(grep -i content-type "$headers")"
[ "$(head -n1 <<< "$m3u")" = "#EXTM3U" ] || fail "no #EXTM3U header: $m3u"
expected_info="#EXTINF:-1 tvg-id=\"france2.fr\" tvg-name=\"France 2 Été\" tvg-logo=\"http://logos.invalid/france2.png\" group-title=\"Généralistes\",France 2 Été"
grep -qxF "$expected_info" <<< "$m3u" || fail "no entry '$expected_info' in: $m3u"
url=$(grep -A1 -xF "$expected_info" <<< "$m3u" | tail -n1)
[ "$url" = "$base/live/$france2.m3u8" ] || fail "entry URL '$url', expected $base/live/$france2.m3u8"
[ "$(grep -c '^#EXTINF' <<< "$m3u")" = 1 ] || fail "only the live channel is listed: $m3u"
probe_video "$url"

step "the provider's credentials appear in no answer and no log line"
for answer in "$m3u" "$(curl -s --max-time 10 "$base/stream_status")" "$(curl -s --max-time 10 "${auth[@]}" "$base/channels")"; do
  if grep -q -- "$password" <<< "$answer"; then fail "an answer carries the provider's password: $answer"; fi
done
if grep -n -- "$password" "$WORK/host.log"; then fail "the host's log carries the provider's password"; fi
step "ok"
