#!/usr/bin/env python3
"""The slow clients of bench/serving/run.sh (see README.md), one asyncio process each, all on loopback.
(The players are serving-players, in C++: PlayersClient.h.)

  clients.py slowloris PORT[,PORT...] --connections N --hold S [--probe NAME=PORT/PATH]...
      N half-open connections on each port, from 127.2.x.y (--per-address a each): each sends a
      request head without its final blank line, then one more header line every --trickle seconds;
      a connection the server closes is opened again. Once all are open it prints "HELD n" (n open),
      then for S seconds a normal client (127.0.0.1, a fresh connection each time) fetches each probe's
      path on its port every --probe-every seconds, one loop a probe (a probe fails after
      --probe-timeout; default probes: playlist=PORT/live.m3u8 and health=PORT/health on the first
      port). One JSON line: each probe's latencies and failures (keys NAME_...), held connections,
      closes by the server.

  clients.py flood PORT --connections N
      N connections from one address (127.3.0.1), idle. After --settle seconds, how many the server
      still holds: the per-address cap at work. One JSON line.

Errors are counted, never raised: the figures say what failed.
"""

import argparse
import asyncio
import json
import random
import sys
import time

HEADER_LIMIT = 16 * 1024


class HttpConnection(asyncio.Protocol):
    """One HTTP/1.1 connection: get() sends a request and waits for the whole answer."""

    def __init__(self, loop):
        self.loop = loop
        self.transport = None
        self.waiter = None
        self.head = bytearray()
        self.remaining = None
        self.status = 0
        self.lost = loop.create_future()

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        if self.waiter is None or self.waiter.done():
            return
        if self.remaining is None:
            self.head += data
            end = self.head.find(b"\r\n\r\n")
            if end < 0:
                if len(self.head) > HEADER_LIMIT:
                    self.waiter.set_exception(ValueError("answer head too long"))
                return
            lines = bytes(self.head[:end]).decode("latin-1").split("\r\n")
            parts = lines[0].split(" ", 2)
            self.status = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else 0
            length = 0
            for line in lines[1:]:
                name, _, value = line.partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            self.remaining = length - (len(self.head) - end - 4)
            self.head = bytearray()
        else:
            self.remaining -= len(data)
        if self.remaining <= 0:
            self.waiter.set_result(self.status)

    def connection_lost(self, exc):
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_exception(ConnectionError("connection closed by the server"))
        if not self.lost.done():
            self.lost.set_result(True)

    async def get(self, path):
        self.remaining = None
        self.head = bytearray()
        self.waiter = self.loop.create_future()
        self.transport.write(b"GET " + path.encode() + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: bench-serving\r\n\r\n")
        return await self.waiter

    def close(self):
        if self.transport is not None:
            self.transport.close()


def source_address(network, index, per_address):
    """The index-th client's source address in 127.<network>.x.y, per_address clients an address."""
    k = index // per_address
    return "127.%d.%d.%d" % (network, k // 250, k % 250 + 1)


async def connect(loop, port, source, timeout):
    _, connection = await asyncio.wait_for(
        loop.create_connection(lambda: HttpConnection(loop), "127.0.0.1", port, local_addr=(source, 0)), timeout)
    return connection


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100.0 * len(ordered)))]


async def slowloris(args):
    loop = asyncio.get_running_loop()
    ports = [int(p) for p in args.port.split(",")]
    total = args.connections * len(ports)
    stats = {"connections": total, "ports": len(ports), "opened": 0, "closed_by_server": 0, "open_failures": 0}
    open_now = set()
    stopping = asyncio.Event()

    async def attacker(index):
        source = source_address(2, index, args.per_address)
        port = ports[index % len(ports)]
        await asyncio.sleep(args.ramp * index / total)
        while not stopping.is_set():
            try:
                _, connection = await asyncio.wait_for(
                    loop.create_connection(lambda: HttpConnection(loop), "127.0.0.1", port, local_addr=(source, 0)), 5)
            except Exception:
                stats["open_failures"] += 1
                await asyncio.sleep(1)
                continue
            stats["opened"] += 1
            open_now.add(index)
            connection.transport.write(b"GET /live.m3u8 HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            while not stopping.is_set() and not connection.lost.done():
                try:
                    await asyncio.wait_for(asyncio.shield(connection.lost), args.trickle * random.uniform(0.8, 1.2))
                except asyncio.TimeoutError:
                    connection.transport.write(b"X-Slow-%d: x\r\n" % random.randrange(1000000))
            open_now.discard(index)
            if connection.lost.done():
                stats["closed_by_server"] += 1 if not stopping.is_set() else 0
                await asyncio.sleep(0.5)
            connection.close()

    tasks = [asyncio.ensure_future(attacker(i)) for i in range(total)]
    await asyncio.sleep(args.ramp + 2)
    stats["held_before_probes"] = len(open_now)
    print("HELD %d" % len(open_now), flush=True)

    # the normal client: each probe in turn by its own loop, so one slow answer does not delay the
    # others' probes
    targets = {}
    for probe in args.probe or ["playlist=%d/live.m3u8" % ports[0], "health=%d/health" % ports[0]]:
        name, _, target = probe.partition("=")
        port, _, path = target.partition("/")
        targets[name] = (int(port), "/" + path)
    probes = {name: [] for name in targets}
    failures = {name: 0 for name in targets}
    held_samples = []
    probe_end = loop.time() + args.hold

    async def prober(name):
        port, path = targets[name]
        while loop.time() < probe_end:
            began = loop.time()
            try:
                connection = await connect(loop, port, "127.0.0.1", args.probe_timeout)
                status = await asyncio.wait_for(connection.get(path), args.probe_timeout - (loop.time() - began))
                connection.close()
                if status != 200:
                    raise ValueError("status %d" % status)
                probes[name].append(loop.time() - began)
            except Exception:   # counted: a probe that fails or takes longer than --probe-timeout
                failures[name] += 1
            held_samples.append(len(open_now))
            await asyncio.sleep(max(0.0, args.probe_every - (loop.time() - began)))

    await asyncio.gather(*(prober(name) for name in targets))
    stopping.set()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)

    for name, values in probes.items():
        stats[name + "_probes"] = len(values) + failures[name]
        stats[name + "_failures"] = failures[name]
        stats[name + "_within_1s"] = sum(1 for v in values if v <= 1.0)
        stats[name + "_p50_ms"] = round(percentile(values, 50) * 1000, 1) if values else "–"
        stats[name + "_max_ms"] = round(max(values) * 1000, 1) if values else "–"
    stats["held_min"] = min(held_samples) if held_samples else 0
    stats["held_max"] = max(held_samples) if held_samples else 0
    return stats


async def flood(args):
    loop = asyncio.get_running_loop()
    connections = []
    failures = 0
    for _ in range(args.connections):
        try:
            connections.append(await connect(loop, int(args.port), "127.3.0.1", 5))
        except Exception:
            failures += 1
    await asyncio.sleep(args.settle)
    held = sum(1 for c in connections if not c.lost.done())
    for c in connections:
        c.close()
    return {"connections": args.connections, "connect_failures": failures, "held": held}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["slowloris", "flood"])
    parser.add_argument("port", help="a port; slowloris: ports separated by commas")
    parser.add_argument("--connections", type=int, default=2000)
    parser.add_argument("--per-address", type=int, default=50)
    parser.add_argument("--ramp", type=float, default=4.0)
    parser.add_argument("--trickle", type=float, default=3.0)
    parser.add_argument("--hold", type=float, default=10.0)
    parser.add_argument("--probe-every", type=float, default=0.5)
    parser.add_argument("--probe-timeout", type=float, default=5.0)
    parser.add_argument("--probe", action="append", help="slowloris: NAME=PORT/PATH, probed by the normal client")
    parser.add_argument("--settle", type=float, default=1.0)
    args = parser.parse_args()
    result = asyncio.run({"slowloris": slowloris, "flood": flood}[args.mode](args))
    result["client_cpu_s"] = round(time.process_time(), 2)   # near one core: the client, not the server, is the limit
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
