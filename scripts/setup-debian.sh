#!/usr/bin/env bash
# Installs what restream needs to build and run on Debian bookworm, from Debian's packages;
# with --test, also what the tests need (a browser, the ffmpeg CLI, curl, real players, clang for fuzzing).
# Idempotent: does nothing when everything is already there. Run as root (or it uses sudo).
set -euo pipefail

packages=(
  # build
  cmake g++ make pkg-config ca-certificates
  # libraries: Poco 1.11, FFmpeg 5.1, Boost 1.74 (Beast and Asio, header-only: the HTTP server), libxcrypt, CppUnit
  libpoco-dev libboost-dev libavformat-dev libavcodec-dev libavutil-dev libswresample-dev libavfilter-dev libswscale-dev
  libcrypt-dev libcppunit-dev
  # the slate's text (drawtext finds it through fontconfig)
  fonts-dejavu-core
)
# The web pages are bundled at build time (package.json: esbuild, Bootstrap, hls.js) with Node.js
# and npm. A machine that already has Node.js 18 or later with its npm keeps it: NodeSource's
# nodejs package ships npm itself and conflicts with Debian's npm package.
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if ! command -v npm >/dev/null 2>&1 || [ "$node_major" -lt 18 ]; then
  packages+=(nodejs npm)
fi
if [ "${1:-}" = "--test" ]; then
  packages+=(
    # ffprobe and the ffmpeg CLI (reference and checks), HTTP checks of the install tree
    ffmpeg curl
    nginx  # the edge cache, tests/install/edge-cache.sh (proxy_cache built in; bookworm's nginx-light only wraps it)
    # browser tests: playwright-core drives Debian's Chromium, headless
    chromium
    # real players of tests/players (with ffmpeg and Chromium above)
    vlc-bin vlc-plugin-base mpv gstreamer1.0-tools gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-libav
    # xmllint: the tuner's XMLTV guide is checked by a parser other than ours
    libxml2-utils
    # Silicondust's own client finds the tuner by HDHomeRun discovery
    hdhomerun-config
    # the fuzz targets (fuzz/): clang 14 and its libFuzzer and sanitizer runtimes, which clang only recommends
    clang libclang-rt-14-dev
  )
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
echo "setup-debian: installing ${missing[*]}"
"${as_root[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
