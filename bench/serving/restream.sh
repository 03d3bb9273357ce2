#!/usr/bin/env bash
# bench/serving/restream.sh: the restream column of bench/serving/run.sh (sourced by it, after
# bench/processes.sh; uses its BUILD, WORK, DEADLINE, SERVERS, WRK_*, CONNECTIONS, PID, PORT and
# SEGMENT_PATH). The real restream of RESTREAM_BUILD, with its admin, api and player ports on
# 127.0.0.1, fake-xtream's channel RESTREAM_CHANNEL live on it, and one of its real segments as the
# segment every server of the run serves. Secrets reach restream through its environment, never its
# arguments, and curl reads them from files.

PROVIDER_USER=bench-user
PROVIDER_PASS=bench-Pa55-word
ADMIN_PASSWORD=bench-password-1
RS_PORT_NAMES=(admin api player)
declare -A RS_PORT RS_PAGE   # RS_PAGE: a normal request of the admin and player ports, probed under attack (their pages' plugins built)
RS_PID=
RS_API=
RS_KEEP_SEGMENTS=   # while (a) runs; then a fresh restream with the default
RS_CONFIG=
RS_LOAD=
RS_HASH=

restream_curl() { # curl options...: against the api port, with the admin's token once signed in
	local auth=()
	[[ -s $WORK/restream/auth.header ]] && auth=(-H "@$WORK/restream/auth.header")
	curl -s --max-time 10 "${auth[@]}" "$@"
}

restream_playable() { # /live.m3u8 answers 200 and names a segment; the playlist is then in WORK/restream/live.m3u8
	[[ $(restream_curl -o "$WORK/restream/live.m3u8" -w '%{http_code}' "$RS_API/live.m3u8") == 200 ]] &&
		grep -q '^#EXTINF' "$WORK/restream/live.m3u8" && grep -q '^[^#]' "$WORK/restream/live.m3u8"
}

launch_restream() { # [keepSegments]: restream with its three ports on 127.0.0.1 and the channel live; sets RS_PID, RS_PORT, RS_API, PID and PORT
	local defines=(--define "state.dir=$WORK/restream/state" --define "http.ports=$(IFS=,; echo "${RS_PORT_NAMES[*]}")"
		--define "plugins.load=$RS_LOAD" --define "plugins.source-xtream.url=$PROVIDER") port code
	[[ -n ${1:-} ]] && defines+=(--define "plugins.output-hls.keepSegments=$1")
	for port in "${RS_PORT_NAMES[@]}"; do defines+=(--define "http.$port.address=127.0.0.1" --define "http.$port.port=0"); done
	RESTREAM_PLUGINS_SOURCE_XTREAM_USERNAME=$PROVIDER_USER RESTREAM_PLUGINS_SOURCE_XTREAM_PASSWORD=$PROVIDER_PASS \
		RESTREAM_PLUGINS_AUTH_JWT_ADMINPASSWORDHASH=$RS_HASH \
		env -u RESTREAM_BUILD -u RESTREAM_CHANNEL "$RESTREAM" --config "$RS_CONFIG" "${defines[@]}" >>"$WORK/restream/restream.log" 2>&1 &
	RS_PID=$!
	track "$RS_PID"
	wait_until 30 restream_listening || die "restream did not start: $(tail -5 "$WORK/restream/restream.log")"
	for port in "${RS_PORT_NAMES[@]}"; do
		RS_PORT[$port]=$(sed -n "s/.*port $port listening on [0-9.]*:\([0-9][0-9]*\).*/\1/p" "$WORK/restream/restream.log" | tail -1)
	done
	RS_API=http://127.0.0.1:${RS_PORT[api]}
	PID[restream]=$RS_PID
	PORT[restream]=${RS_PORT[api]}
	log "restream at $RS_API (pid $RS_PID; admin ${RS_PORT[admin]}, player ${RS_PORT[player]}; ${1:-the default number of} segments kept past its window)"

	if [[ ! -s $WORK/restream/auth.header ]]; then
		printf '{"username": "admin", "password": "%s"}' "$ADMIN_PASSWORD" >"$WORK/restream/login.json"
		printf 'Authorization: Bearer %s\n' "$(restream_curl -H 'Content-Type: application/json' -d "@$WORK/restream/login.json" "$RS_API/auth/login" |
			python3 -c 'import json, sys; print(json.load(sys.stdin).get("access_token", ""))')" >"$WORK/restream/auth.header"
		grep -q 'Bearer .' "$WORK/restream/auth.header" || die "cannot sign in to restream"
	fi
	code=$(restream_curl -o "$WORK/restream/start.json" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
		-d "{\"stream_id\": $RESTREAM_CHANNEL, \"primary\": true}" "$RS_API/start_stream")
	[[ $code == 200 ]] || die "start_stream $RESTREAM_CHANNEL answered $code: $(cat "$WORK/restream/start.json")"
	wait_until 30 restream_playable || die "restream's /live.m3u8 listed no segment 30 s after the start"
}

restream_listening() { # this restream's every port is listening (the log is appended to by each restream started)
	local count
	count=$(grep -c 'port player listening on' "$WORK/restream/restream.log" 2>/dev/null)
	((count == RS_STARTS))
}
RS_STARTS=0

restart_restream() { # before (b): a fresh restream, keepSegments at its default, the channel live again (the token stays valid: same state)
	stop_pid "$RS_PID"
	RS_STARTS=$((RS_STARTS + 1))
	launch_restream
}

start_restream_column() { # starts the provider, restream and the channel; its newest segment becomes WORK/www/segment.ts
	local build=$RESTREAM_BUILD source_dir plugins_dir plugin load=() segment
	RESTREAM=$build/bin/restream
	FAKE_XTREAM=$build/bin/fake-xtream
	plugins_dir=$build/lib/restream/plugins
	[[ -x $RESTREAM && -x $FAKE_XTREAM ]] ||
		die "RESTREAM_BUILD=$RESTREAM_BUILD holds no bin/restream and bin/fake-xtream: build them (cmake --build $build)"
	for plugin in auth-jwt source-xtream output-hls; do
		compgen -G "$plugins_dir/$plugin.*" >/dev/null || die "RESTREAM_BUILD has no plugin $plugin in $plugins_dir"
		load+=("$plugin")
	done
	# the pages of the admin and player ports, if built (they need npm): else those ports serve /health alone
	if compgen -G "$plugins_dir/ui-admin.*" >/dev/null; then load+=(ui-admin); RS_PAGE[admin]=/login; else log "no ui-admin plugin in $plugins_dir: the admin port is probed on /health only"; fi
	if compgen -G "$plugins_dir/ui-player.*" >/dev/null; then load+=(ui-player); RS_PAGE[player]=/; else log "no ui-player plugin in $plugins_dir: the player port is probed on /health only"; fi
	RS_LOAD=$(IFS=,; echo "${load[*]}")
	source_dir=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$build/CMakeCache.txt" 2>/dev/null)
	RS_CONFIG=${source_dir:-$ROOT}/etc/restream.ini
	[[ -f $RS_CONFIG ]] || RS_CONFIG=$ROOT/etc/restream.ini
	mkdir -p "$WORK/restream"
	chmod 700 "$WORK/restream"

	# (a) takes one segment URL for all its rounds: restream keeps it past its window until then
	local servers wrk_seconds
	servers=$(wc -w <<<"$SERVERS")
	wrk_seconds=$((WRK_ROUNDS * $(wc -w <<<"$CONNECTIONS") * servers * (WRK_DURATION + 1) + 30 * servers + 60))
	RS_KEEP_SEGMENTS=$((wrk_seconds / 2 + 1))
	((RS_KEEP_SEGMENTS <= 1000)) || die "(a) would outlive the 1000 segments restream keeps at most: fewer WRK_ROUNDS, CONNECTIONS or SERVERS"

	start_fake_provider --channels 1
	RS_HASH=$(printf '%s\n' "$ADMIN_PASSWORD" | "$RESTREAM" hash-password 2>"$WORK/restream/hash-password.err" | tail -1)
	[[ $RS_HASH == \$* ]] || die "hash-password failed: $(cat "$WORK/restream/hash-password.err")"
	RS_STARTS=1
	launch_restream "$RS_KEEP_SEGMENTS"

	# the newest segment, downloaded once: the other servers serve these bytes as /segment.ts
	segment=$(grep -v '^#' "$WORK/restream/live.m3u8" | grep . | tail -1)
	case $segment in
		http://* | https://*) segment=/${segment#*://*/} ;;
		/*) ;;
		*) segment=/$segment ;;
	esac
	SEGMENT_PATH[restream]=$segment
	restream_curl -o "$WORK/www/segment.ts" "$RS_API$segment" || die "cannot download $segment from restream"
	[[ -s $WORK/www/segment.ts ]] || die "restream's $segment is empty"
	log "restream's segment $segment ($(stat -c %s "$WORK/www/segment.ts") bytes) is the segment of every server"
}

describe_restream() { # environment.txt lines
	local source_dir
	source_dir=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$RESTREAM_BUILD/CMakeCache.txt" 2>/dev/null)
	echo "restream build: $RESTREAM_BUILD ($(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$RESTREAM_BUILD/CMakeCache.txt" 2>/dev/null)), source $(git -C "$source_dir" rev-parse --short HEAD 2>/dev/null)$(git -C "$source_dir" diff --quiet HEAD 2>/dev/null || echo ' (work tree modified)')"
	echo "restream segment: ${SEGMENT_PATH[restream]}"
	echo "restream keepSegments during (a): $RS_KEEP_SEGMENTS"
}

restream_footnote() { # the restream column, for results.md
	echo "restream: $(sed -n 's/^restream build: //p' "$WORK/environment.txt"); fake-xtream channel $RESTREAM_CHANNEL live on it (primary), ports"
	echo "admin, api, player on 127.0.0.1; (a) and (d) on the api port; (b) polls its real /live.m3u8 and fetches the newest segment"
	echo "listed; (c) attacks all three ports ($SLOW_CONNECTIONS connections each) and probes each. Its segment ${SEGMENT_PATH[restream]} is the"
	echo "segment of every column. To keep that URL alive through (a), that restream keeps $RS_KEEP_SEGMENTS segments past its window"
	echo "(plugins.output-hls.keepSegments); (b), (c) and (d) measure a fresh restream with the default settings, the channel started"
	echo "again on it; its idle memory is that restream's, before the players."
}
