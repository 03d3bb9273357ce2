#!/usr/bin/env python3
"""bench/llhls/players.py: the viewers of bench/llhls/run.sh (Python 3 standard library only).

  players.py --mode ts|ll --base URL --channels 101,103 --viewers V --warmup S --window S
             --pid RESTREAM_PID --out FILE.json

V viewers of each channel in one process (asyncio), one keep-alive connection each, starting
spread over 2 s:
  ts  as hls.js plays /live/ID.m3u8 in its normal live mode: bench/tuner/viewers.py's HLS viewer
      (the playlist every target duration, each new segment once, from three segments behind).
  ll  as hls.js plays /live/ID.ll.m3u8 in its low-latency mode: the init segment (EXT-X-MAP) once
      per run, then the blocking playlist reload for the part after the last one listed
      (_HLS_msn=M&_HLS_part=P, RFC 8216bis 6.2.5.2) and each new part once, from the last three
      parts on; no preload-hinted part is fetched (hls.js does not either).
After the warm-up, over the window: restream's CPU seconds (utime + stime of /proc/PID/stat), the
requests and body bytes the viewers got, their errors; written as JSON. Nothing is judged.
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

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tuner"))
from viewers import HZ, Connection, Totals, cpu_ticks, end_all, fetch_media, hls_viewer  # noqa: E402

PARTS_BEHIND = 3  # where an ll viewer joins: the playlist's PART-HOLD-BACK is three part targets
MEDIA_SEQUENCE = re.compile(r"#EXT-X-MEDIA-SEQUENCE:(\d+)")
URI = re.compile(r'URI="([^"]+)"')


def parse_low_latency(text):
    """(map URI, the URIs of the listed parts, (msn, part index) of the part after the last one)."""
    media_sequence, segments, in_segment, parts, map_uri = 0, 0, 0, [], None
    for line in text.splitlines():
        line = line.strip()
        m = MEDIA_SEQUENCE.match(line)
        if m:
            media_sequence = int(m.group(1))
        elif line.startswith("#EXT-X-MAP:"):
            map_uri = URI.search(line).group(1)
        elif line.startswith("#EXT-X-PART:"):
            parts.append(URI.search(line).group(1))
            in_segment += 1
        elif line and not line.startswith("#"):
            segments += 1
            in_segment = 0
    return map_uri, parts, (media_sequence + segments, in_segment)


async def ll_viewer(conn, path, totals, stop):
    fetched, init = set(), None
    query = ""
    try:
        while not stop.is_set():
            totals.requests += 1
            status, _, body = await conn.request(path + query)
            totals.bytes += len(body)
            if status != 200:
                totals.errors += 1
                query = ""
                await asyncio.sleep(1)
                continue
            map_uri, parts, (msn, part) = parse_low_latency(body.decode("utf-8", "replace"))
            if map_uri and map_uri != init:
                await fetch_media(conn, path, map_uri, totals)
                init = map_uri
            if not fetched:
                fetched.update(parts[:-PARTS_BEHIND])
            fresh = [uri for uri in parts if uri not in fetched]
            if not fresh:
                totals.stale_polls += 1
            for uri in fresh:
                if stop.is_set():
                    break
                await fetch_media(conn, path, uri, totals)
                fetched.add(uri)
            if len(fetched) > 1000:
                fetched = set(parts)
            query = f"?_HLS_msn={msn}&_HLS_part={part}"
    except (ConnectionError, OSError, ValueError, AttributeError, asyncio.IncompleteReadError):
        totals.errors += 1
    finally:
        await conn.close()


async def run(args):
    url = urllib.parse.urlsplit(args.base)
    channels = [int(channel) for channel in args.channels.split(",")]
    suffix, viewer = (".ll.m3u8", ll_viewer) if args.mode == "ll" else (".m3u8", hls_viewer)
    totals, stop = Totals(), asyncio.Event()

    async def one(channel):
        await asyncio.sleep(random.uniform(0, 2))
        await viewer(Connection(url.hostname, url.port), f"/live/{channel}{suffix}", totals, stop)

    tasks = [asyncio.create_task(one(channel)) for channel in channels for _ in range(args.viewers)]
    await asyncio.sleep(args.warmup)
    counts = lambda: (totals.bytes, totals.requests, totals.errors, totals.stale_polls, totals.late_segments)  # noqa: E731
    t0, cpu0, before = time.monotonic(), cpu_ticks(args.pid), counts()
    await asyncio.sleep(args.window)
    t1, cpu1, after = time.monotonic(), cpu_ticks(args.pid), counts()
    got = [b - a for a, b in zip(before, after)]
    await end_all(stop, tasks)
    seconds = t1 - t0
    result = {
        "mode": args.mode, "channels": len(channels), "viewers_per_channel": args.viewers,
        "window_s": round(seconds, 3),
        "restream_cpu_s": round((cpu1 - cpu0) / HZ, 2),
        "restream_cpu_pct": round(100.0 * (cpu1 - cpu0) / HZ / seconds, 2),
        "bytes_per_s": round(got[0] / seconds),
        "requests_per_s": round(got[1] / seconds, 1),
        "errors": got[2], "stale_polls": got[3], "late_media": got[4],
    }
    with open(args.out, "w") as f:
        json.dump(result, f)
    print(json.dumps(result))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mode", choices=["ts", "ll"], required=True)
    parser.add_argument("--base", required=True, help="http://127.0.0.1:PORT of the API port")
    parser.add_argument("--channels", required=True, help="stream ids, comma-separated")
    parser.add_argument("--viewers", type=int, default=3, help="viewers of each channel")
    parser.add_argument("--warmup", type=float, default=10)
    parser.add_argument("--window", type=float, default=60)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--out", required=True)
    asyncio.run(run(parser.parse_args()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
