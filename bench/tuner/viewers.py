#!/usr/bin/env python3
"""bench/tuner/viewers.py: the viewer clients of bench/tuner/run.sh (Python 3 standard library only).

  viewers.py load --mode ts|hls --base URL --channel ID --viewers N --warmup S --window S
                  --pid RESTREAM_PID --provider URL --out FILE.json [--rejoin]
      N viewers in one process (asyncio): `ts` reads BASE/stream/ID.ts, endless; `hls` polls
      BASE/live/ID.m3u8 every target duration and fetches each new segment once, starting three
      target durations behind the live edge (hls.js's liveSyncDurationCount), one keep-alive
      connection per viewer. Viewers start spread over 2 s. After the warm-up, over the window, it
      samples restream's CPU (utime + stime of /proc/PID/stat), VmRSS and VmHWM, the provider's
      open connections of the channel (/_stats) and the bytes the viewers got; writes them as JSON.
      With --rejoin (a soak), a viewer whose answer ended or failed comes back a second later.

  viewers.py tune --mode ts|hls --base URL --channel ID [--cold] [--timeout S]
      One tune, printed as a JSON line. ts: seconds from the request to the first body byte, to
      the first video PES flagged random access (the keyframe starts) and to the next PES start on
      that PID (the keyframe is complete: a decoder can show it). hls: seconds to a playlist that
      lists a segment of this run (polled every 50 ms while the answer has none; segments listed
      in the first 0.3 s of a --cold tune are taken for a previous run's, which output-hls keeps) and to that
      segment's last byte.

Everything is measured with time.monotonic(); nothing is judged.
"""

import argparse
import asyncio
import json
import os
import random
import re
import sys
import time
import urllib.parse
import urllib.request

HZ = os.sysconf("SC_CLK_TCK")
STALE_BEFORE = 0.3  # seconds: segments listed this soon after a tune starts are a previous run's


class Done(Exception):
    """Raised by a body callback that has seen enough."""


class Connection:
    """One HTTP/1.1 keep-alive connection to host:port; reconnects when the server closed it."""

    def __init__(self, host, port):
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def close(self):
        if self.writer:
            self.writer.close()
            try:
                await self.writer.wait_closed()
            except (ConnectionError, OSError):
                pass
        self.reader = self.writer = None

    async def request(self, path, on_body=None):
        """GET path: (status, headers, body bytes); the body also goes to on_body(piece) as it comes."""
        for attempt in (0, 1):
            if not self.writer:
                self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
                attempt = 1
            try:
                self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
                                  "User-Agent: restream-bench-tuner\r\n\r\n".encode())
                await self.writer.drain()
                status_line = await self.reader.readline()
                if not status_line:
                    raise ConnectionResetError("closed before the status line")
                break
            except (ConnectionError, OSError):
                await self.close()
                if attempt:
                    raise
        status = int(status_line.split()[1])
        headers = {}
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        body = bytearray()
        keep = on_body is None

        def got(piece):
            if keep:
                body.extend(piece)
            else:
                on_body(piece)

        if headers.get("transfer-encoding", "").lower() == "chunked":
            while True:
                size = int((await self.reader.readline()).split(b";")[0], 16)
                if size == 0:
                    await self.reader.readline()
                    break
                left = size
                while left:
                    piece = await self.reader.read(min(left, 262144))
                    if not piece:
                        raise ConnectionResetError("closed inside a chunk")
                    got(piece)
                    left -= len(piece)
                await self.reader.readexactly(2)
        elif "content-length" in headers:
            left = int(headers["content-length"])
            while left:
                piece = await self.reader.read(min(left, 262144))
                if not piece:
                    raise ConnectionResetError("closed inside a body")
                got(piece)
                left -= len(piece)
        else:
            while True:
                piece = await self.reader.read(262144)
                if not piece:
                    break
                got(piece)
            await self.close()
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, headers, bytes(body)


class Totals:
    def __init__(self):
        self.bytes = 0
        self.requests = 0
        self.errors = 0
        self.ended = 0          # ts: answers that ended (they should not)
        self.stale_polls = 0    # hls: playlists with nothing new
        self.late_segments = 0  # hls: segments gone (404) before being fetched


async def ts_viewer(conn, path, totals, stop):
    def count(piece):
        totals.bytes += len(piece)
        if stop.is_set():
            raise Done()
    try:
        totals.requests += 1
        status, _, _ = await conn.request(path, on_body=count)
        if status != 200:
            totals.errors += 1
        else:
            totals.ended += 1
    except (Done, asyncio.CancelledError):
        pass
    except (ConnectionError, OSError, ValueError, asyncio.IncompleteReadError):
        totals.errors += 1
    finally:
        await conn.close()


PLAYLIST_TAG = re.compile(r"#EXT-X-(TARGETDURATION|MEDIA-SEQUENCE):(\d+)")


def parse_playlist(text):
    target, sequence, uris = 2, 0, []
    for line in text.splitlines():
        line = line.strip()
        m = PLAYLIST_TAG.match(line)
        if m:
            if m.group(1) == "TARGETDURATION":
                target = int(m.group(2))
            else:
                sequence = int(m.group(2))
        elif line and not line.startswith("#"):
            uris.append(line)
    return target, [(sequence + i, uri) for i, uri in enumerate(uris)]


async def fetch_media(conn, playlist_path, uri, totals):
    """GETs uri (relative to the playlist) and counts it: a 404 as late (gone before fetched), any other failure as an error."""
    totals.requests += 1
    status, _, body = await conn.request(urllib.parse.urljoin(playlist_path, uri))
    totals.bytes += len(body)
    if status == 404:
        totals.late_segments += 1
    elif status != 200:
        totals.errors += 1


async def hls_viewer(conn, path, totals, stop):
    next_sequence = None
    try:
        while not stop.is_set():
            loaded = time.monotonic()
            totals.requests += 1
            status, _, body = await conn.request(path)
            totals.bytes += len(body)
            if status != 200:
                totals.errors += 1
                await asyncio.sleep(1)
                continue
            target, segments = parse_playlist(body.decode("utf-8", "replace"))
            if next_sequence is None:
                next_sequence = segments[max(0, len(segments) - 3)][0] if segments else 0
            fresh = [s for s in segments if s[0] >= next_sequence]
            if not fresh:
                totals.stale_polls += 1
            for sequence, uri in fresh:
                if stop.is_set():
                    break
                await fetch_media(conn, path, uri, totals)
                next_sequence = sequence + 1
            await asyncio.sleep(max(0.0, loaded + target - time.monotonic()))
    except (ConnectionError, OSError, ValueError, asyncio.IncompleteReadError):
        totals.errors += 1
    finally:
        await conn.close()


async def end_all(stop, tasks):
    """Tells the viewers to stop and waits until every one has."""
    stop.set()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def proc_status(pid, key):
    """The number of a line of /proc/PID/status: VmRSS, VmHWM (kB), Threads..."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def provider_channel(provider, channel):
    with urllib.request.urlopen(provider + "/_stats", timeout=5) as answer:
        stats = json.load(answer)
    entry = stats.get("channels", {}).get(str(channel), {})
    return entry.get("open", 0), entry.get("total", 0)


async def load(args):
    url = urllib.parse.urlsplit(args.base)
    path = f"/stream/{args.channel}.ts" if args.mode == "ts" else f"/live/{args.channel}.m3u8"
    totals, stop = Totals(), asyncio.Event()
    viewer = ts_viewer if args.mode == "ts" else hls_viewer

    async def one():
        await asyncio.sleep(random.uniform(0, 2))
        while True:
            await viewer(Connection(url.hostname, url.port), path, totals, stop)
            if not args.rejoin or stop.is_set():
                break
            await asyncio.sleep(1)

    tasks = [asyncio.create_task(one()) for _ in range(args.viewers)]
    await asyncio.sleep(args.warmup)
    me0 = os.times()
    t0, cpu0, bytes0, req0 = time.monotonic(), cpu_ticks(args.pid), totals.bytes, totals.requests
    open0, total0 = provider_channel(args.provider, args.channel)
    opens = [open0]
    for _ in range(int(args.window)):
        await asyncio.sleep(1)
        opens.append(provider_channel(args.provider, args.channel)[0])
    await asyncio.sleep(max(0.0, t0 + args.window - time.monotonic()))
    t1, cpu1, bytes1, req1 = time.monotonic(), cpu_ticks(args.pid), totals.bytes, totals.requests
    me1 = os.times()
    rss, hwm = proc_status(args.pid, "VmRSS"), proc_status(args.pid, "VmHWM")
    open1, total1 = provider_channel(args.provider, args.channel)
    await end_all(stop, tasks)
    seconds = t1 - t0
    result = {
        "mode": args.mode, "viewers": args.viewers, "window_s": round(seconds, 3),
        "restream_cpu_pct": round(100.0 * (cpu1 - cpu0) / HZ / seconds, 2),
        "restream_rss_kb": rss, "restream_hwm_kb": hwm,
        "bytes_per_s": round((bytes1 - bytes0) / seconds),
        "requests_per_s": round((req1 - req0) / seconds, 1),
        "provider_open_min": min(opens), "provider_open_max": max(opens),
        "provider_connections_opened": total1 - total0,
        "errors": totals.errors, "ended": totals.ended, "stale_polls": totals.stale_polls,
        "late_segments": totals.late_segments,
        "client_cpu_pct": round(100.0 * ((me1.user - me0.user) + (me1.system - me0.system)) / seconds, 1),
    }
    with open(args.out, "w") as f:
        json.dump(result, f)
    print(json.dumps(result))


class TsTune:
    """Reads MPEG-TS as it comes: PAT -> PMT -> the video PID -> its keyframe PES, then the next PES."""

    VIDEO_TYPES = {0x01, 0x02, 0x10, 0x1B, 0x24, 0x42}

    def __init__(self, start):
        self.start, self.buffer = start, bytearray()
        self.pmt_pid = self.video_pid = None
        self.first_byte = self.keyframe = self.complete = None

    def feed(self, piece):
        now = time.monotonic() - self.start
        if self.first_byte is None:
            self.first_byte = now
        self.buffer.extend(piece)
        while len(self.buffer) >= 188 and self.complete is None:
            if self.buffer[0] != 0x47:  # resynchronise
                del self.buffer[0]
                continue
            self.packet(bytes(self.buffer[:188]), now)
            del self.buffer[:188]
        return self.complete is not None

    def packet(self, p, now):
        pid = ((p[1] & 0x1F) << 8) | p[2]
        unit_start = bool(p[1] & 0x40)
        at = 4
        random_access = False
        if p[3] & 0x20:
            length = p[4]
            random_access = length > 0 and bool(p[5] & 0x40)
            at = 5 + length
        if at >= 188:
            return
        if pid == 0 and unit_start and self.pmt_pid is None:
            s = at + 1 + p[at]
            self.pmt_pid = ((p[s + 10] & 0x1F) << 8) | p[s + 11]
        elif pid == self.pmt_pid and unit_start and self.video_pid is None:
            s = at + 1 + p[at]
            section_end = s + 3 + (((p[s + 1] & 0x0F) << 8) | p[s + 2]) - 4
            i = s + 12 + (((p[s + 10] & 0x0F) << 8) | p[s + 11])
            while i + 5 <= min(section_end, 188):
                if p[i] in self.VIDEO_TYPES:
                    self.video_pid = ((p[i + 1] & 0x1F) << 8) | p[i + 2]
                    break
                i += 5 + (((p[i + 3] & 0x0F) << 8) | p[i + 4])
        elif pid == self.video_pid and unit_start:
            if self.keyframe is None and random_access:
                self.keyframe = now
            elif self.keyframe is not None:
                self.complete = now


async def tune_ts(args, url):
    start = time.monotonic()
    probe = TsTune(start)
    conn = Connection(url.hostname, url.port)

    def feed(piece):
        if probe.feed(piece):
            raise Done()
    status = None
    try:
        status, _, _ = await asyncio.wait_for(conn.request(f"/stream/{args.channel}.ts", on_body=feed), args.timeout)
    except Done:
        status = 200
    except (asyncio.TimeoutError, ConnectionError, OSError) as e:
        status = f"{type(e).__name__}"
    finally:
        await conn.close()
    return {"mode": "ts", "channel": args.channel, "status": status, "first_byte_s": probe.first_byte,
            "keyframe_s": probe.keyframe, "keyframe_complete_s": probe.complete}


async def tune_hls(args, url):
    start = time.monotonic()
    conn = Connection(url.hostname, url.port)
    path = f"/live/{args.channel}.m3u8"
    result = {"mode": "hls", "channel": args.channel, "status": None, "playlist_s": None, "segment_s": None, "polls": 0,
              "stale_segments": 0}
    stale = set()
    try:
        while time.monotonic() - start < args.timeout:
            result["polls"] += 1
            polled = time.monotonic()
            status, _, body = await asyncio.wait_for(conn.request(path), args.timeout)
            result["status"] = status
            text = body.decode("utf-8", "replace")
            _, segments = parse_playlist(text) if status == 200 else (0, [])
            if result["polls"] == 1:
                result["first_answer"] = text[:2000]
            if args.cold and time.monotonic() - start < STALE_BEFORE:
                # no new run of a stopped channel has a segment this soon: a previous run's, kept by output-hls
                stale.update(uri for _, uri in segments)
                result["stale_segments"] = len(stale)
            segments = [s for s in segments if s[1] not in stale]
            if segments:
                result["playlist_s"] = time.monotonic() - start
                status, _, _ = await asyncio.wait_for(conn.request(urllib.parse.urljoin(path, segments[0][1])), args.timeout)
                result["segment_status"] = status
                result["segment_s"] = time.monotonic() - start
                break
            await asyncio.sleep(max(0.0, polled + 0.05 - time.monotonic()))
    except (asyncio.TimeoutError, ConnectionError, OSError) as e:
        result["status"] = f"{type(e).__name__}"
    finally:
        await conn.close()
    return result


async def tune(args):
    url = urllib.parse.urlsplit(args.base)
    result = await (tune_ts(args, url) if args.mode == "ts" else tune_hls(args, url))
    print(json.dumps(result))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["load", "tune"])
    parser.add_argument("--mode", choices=["ts", "hls"], required=True)
    parser.add_argument("--base", required=True, help="http://127.0.0.1:PORT of the tuner (ts) or API (hls) port")
    parser.add_argument("--channel", type=int, required=True)
    parser.add_argument("--viewers", type=int, default=100)
    parser.add_argument("--warmup", type=float, default=8)
    parser.add_argument("--window", type=float, default=30)
    parser.add_argument("--pid", type=int)
    parser.add_argument("--provider")
    parser.add_argument("--out")
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--cold", action="store_true", help="tune: the channel was stopped (hls: skip a previous run's segments)")
    parser.add_argument("--rejoin", action="store_true", help="load: a viewer whose answer ended or failed comes back a second later")
    args = parser.parse_args()
    if args.command == "load" and not (args.pid and args.provider and args.out):
        parser.error("load needs --pid, --provider and --out")
    asyncio.run(load(args) if args.command == "load" else tune(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
