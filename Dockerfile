# syntax=docker/dockerfile:1
# restream: one image for every service of docker-compose.yml (the configuration picks the ports).
#   docker build -t restream .
#   docker run --rm -p 8002:8002 -v restream-state:/var/lib/restream restream
# The build stage runs the same two scripts as a bare Debian machine (and CI): setup-debian.sh
# installs the build dependencies, build-install.sh builds Release without tests and installs.

FROM debian:bookworm-slim AS build
WORKDIR /src
COPY . .
RUN scripts/setup-debian.sh \
 && RESTREAM_BUILD_JOBS="$(nproc)" scripts/build-install.sh /opt/restream /tmp/build \
 && mkdir -p /opt/restream/etc/restream/compose \
 && cp deploy/compose/*.ini /opt/restream/etc/restream/compose/

FROM debian:bookworm-slim
# Runtime libraries only: Poco 1.11, FFmpeg 5.1, libxcrypt; CA certificates for https providers;
# curl for the health check; the DejaVu font of the demo clock channel.
RUN apt-get update -q \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      libpocofoundation80 libpoconet80 libpoconetssl80 libpocoutil80 libpocoxml80 libpocojson80 \
      libpocojwt80 libpococrypto80 \
      libavformat59 libavcodec59 libavutil57 libswresample4 libavfilter8 libswscale6 \
      libcrypt1 ca-certificates curl fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /var/lib/restream --shell /usr/sbin/nologin restream \
 && install -d -o restream -g restream -m 0700 /var/lib/restream

COPY --from=build /opt/restream /opt/restream
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
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${HEALTH_PORT}/health" || exit 1

# SIGTERM stops restream cleanly (servers, then plugins): docker stop's default signal.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/restream"]
CMD []
