#!/usr/bin/env bash
# Install smoke test: `cmake --install` into a temporary prefix, move the tree elsewhere, start the
# installed host through a symbolic link from another directory (no --config, no plugins.dir: it
# must find <prefix>/etc/restream/restream.ini and <prefix>/lib/restream/plugins by itself), sign in,
# start a demo channel and play it with ffprobe.
source "$(dirname "$0")/lib.sh"

step "install into a temporary prefix, then move it (nothing may point at the first prefix or the build tree)"
install_tree "$WORK/staged"
mv "$WORK/staged" "$WORK/prefix"
prefix="$WORK/prefix"
for file in bin/restream etc/restream/restream.ini lib/restream/plugins/auth-jwt.so lib/restream/plugins/source-demo.so \
  lib/restream/plugins/output-hls.so include/restream/Plugin.h include/restream/PluginDescriptor.h \
  lib/cmake/restream/restreamConfig.cmake lib/cmake/restream/restreamConfigVersion.cmake \
  lib/cmake/restream/RestreamPlugin.cmake lib/cmake/restream/RestreamEmbedAssets.cmake; do
  [ -f "$prefix/$file" ] || fail "the install has no $file"
done
for binary in "$prefix"/bin/restream "$prefix"/lib/restream/plugins/*.so; do
  if readelf -d "$binary" | grep -E 'RPATH|RUNPATH' | grep -q "$TEST_BUILD_DIR"; then
    fail "$binary has a run path into the build tree"
  fi
  if ldd "$binary" | grep -q 'not found'; then
    fail "$binary misses libraries: $(ldd "$binary" | grep 'not found')"
  fi
done

# An observable value in the installed configuration: the hls_url the API hands out.
sed -i -E 's|^apiUrl *=.*$|apiUrl = http://installed-config.invalid|' "$prefix/etc/restream/restream.ini"
grep -q '^apiUrl = http://installed-config.invalid' "$prefix/etc/restream/restream.ini" ||
  fail "the installed restream.ini has no [public] apiUrl line to mark"

mkdir -p "$WORK/elsewhere/bin"
ln -s "$prefix/bin/restream" "$WORK/elsewhere/bin/restream"
"$WORK/elsewhere/bin/restream" --version | grep -q "plugin API" || fail "restream --version"

step "start the installed host (demo source, API port only, ephemeral port)"
state="$WORK/state"
start_restream host "$WORK/elsewhere/bin/restream" \
  -D "state.dir=$state" -D "plugins.load=auth-jwt, source-xtream, source-demo, output-hls" \
  -D "http.ports=api" -D "http.api.address=127.0.0.1" -D "http.api.port=0"
port=$(wait_port host api)
base="http://127.0.0.1:$port"
grep -q "loading plugins from $prefix/lib/restream/plugins" "$WORK/host.log" ||
  fail "plugins not loaded from the installed tree: $(grep 'loading plugins' "$WORK/host.log")"

[ "$(http_status "$base/health")" = 200 ] || fail "/health is not 200"

step "sign in with the first-start password"
token=$(login "$base" "$state")
channels=$(curl -s --max-time 10 -H "Authorization: Bearer $token" "$base/channels")
grep -q '"stream_id" *: *1\b' <<< "$channels" || fail "demo channel 1 not listed: $channels"

step "start demo channel 1"
answer=$(curl -s --max-time 10 -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  "$base/start_stream" -d '{"stream_id": 1}')
grep -q '"state" *: *"starting"' <<< "$answer" || grep -q '"state" *: *"live"' <<< "$answer" || fail "start_stream: $answer"
grep -q '"hls_url" *: *"http://installed-config.invalid/' <<< "$answer" ||
  fail "the installed restream.ini was not read (hls_url should use its apiUrl): $answer"
wait_live "$base" 1

step "ffprobe reads /live.m3u8"
probe_video "$base/live.m3u8"
step "ok"
