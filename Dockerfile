# restream: one image for every service of docker-compose.yml (the configuration picks the ports).
#   docker build -t restream .
#   docker run --rm -p 8002:8002 -v restream-state:/var/lib/restream restream
# Builds offline from the base image alone (no `# syntax=` line: BuildKit needs no frontend image
# from a registry), with BuildKit or the classic builder. The build stage runs the same two scripts
# as a bare Debian machine (and CI): setup-debian.sh installs the build dependencies,
# build-install.sh builds Release without tests and installs. The runtime image gets the
# "runtime" install component only (the host, its plugins, restream.ini): not the plugin SDK.

FROM debian:bookworm-slim AS build
WORKDIR /src
# The dependencies in a layer of their own: it stays cached while only the sources change.
COPY scripts/setup-debian.sh scripts/
RUN scripts/setup-debian.sh
COPY . .
# Parallel compile jobs (default: every core), e.g. docker-compose build --build-arg RESTREAM_BUILD_JOBS=2
ARG RESTREAM_BUILD_JOBS
RUN RESTREAM_BUILD_JOBS="${RESTREAM_BUILD_JOBS:-$(nproc)}" scripts/build-install.sh /opt/restream /tmp/build \
 && cmake --install /tmp/build --prefix /runtime/opt/restream --strip --component runtime \
 && mkdir -p /runtime/opt/restream/etc/restream/compose \
 && cp deploy/compose/*.ini /runtime/opt/restream/etc/restream/compose/

FROM debian:bookworm-slim
# The shared libraries the host and its plugins link (readelf -d: Poco 1.11, FFmpeg 5.1's
# libavformat/libavcodec/libavutil/libswresample/libavfilter, libxcrypt), CA certificates for https
# providers and the DejaVu font of the demo clock channel. What these Debian packages cost, and
# why the image is not smaller: README, "Install, Docker, deploy".
RUN apt-get update -q \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      libpocofoundation80 libpoconet80 libpoconetssl80 libpocoutil80 libpocojson80 libpocojwt80 \
      libavformat59 libavcodec59 libavutil57 libswresample4 libavfilter8 \
      libcrypt1 ca-certificates fonts-dejavu-core \
 && apt-get clean \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --gid 10001 restream \
 && useradd --uid 10001 --gid restream --no-create-home --home-dir /var/lib/restream \
      --shell /usr/sbin/nologin restream \
 && install -d -o restream -g restream -m 0700 /var/lib/restream

COPY --from=build /runtime/ /
# /usr/local/bin/restream is a link: the host resolves it (/proc/self/exe) and still finds
# /opt/restream/lib/restream/plugins and /opt/restream/etc/restream/restream.ini.
RUN ln -s /opt/restream/bin/restream /usr/local/bin/restream \
 && restream --version

ENV RESTREAM_STATE_DIR=/var/lib/restream \
    HEALTH_PORT=8002
VOLUME ["/var/lib/restream"]
USER restream:restream
WORKDIR /var/lib/restream
EXPOSE 8001 8002 8003

# Every port answers /health; HEALTH_PORT says which one this container serves (compose sets it).
# bash's /dev/tcp asks it: no HTTP client in the image.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["/bin/bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/$HEALTH_PORT && printf 'GET /health HTTP/1.0\\r\\n\\r\\n' >&3 && read -r -t 4 status <&3 && [[ $status == HTTP/1.?' 200 '* ]]"]

# SIGTERM stops restream cleanly (servers, then plugins): docker stop's default signal.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/restream"]
CMD []
