#!/usr/bin/env python3
"""The clients of bench/serving/run.sh (see README.md), one asyncio process each, all on loopback.

  clients.py players PORT --players N --duration S [--interval 2] [--deadline 2]
      N keep-alive players. Each polls /live.m3u8 every interval and fetches /segment.ts after each
      poll (as a player fetches each new segment), from its own connection; players are spread over
      source addresses 127.1.x.y (--per-address a each) so a per-address cap does not refuse them.
      One JSON line: cycles, cycles answered within the deadline, errors, cycle time percentiles.

  clients.py slowloris PORT --connections N --hold S
      N half-open connections from 127.2.x.y (--per-address a each): each sends a request head
      without its final blank line, then one more header line every --trickle seconds; a connection
      the server closes is opened again. Once all are open it prints "HELD n" (n open), then for S
      seconds a normal client (127.0.0.1, a fresh connection each time) fetches /live.m3u8 every
      --probe-every seconds, and /health likewise (two loops; a probe fails after --probe-timeout). One JSON line: probe latencies and failures, held
      connections, closes by the server.

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
    """One HTTP/1.1 keep-alive connection: get() sends a request and waits for the whole answer."""

    def __init__(self, loop):
        self.loop = loop
        self.transport = None
        self.waiter = None
        self.head = bytearray()
        self.remaining = None
        self.status = 0
        self.server_closes = False
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
                name = name.strip().lower()
                if name == "content-length":
                    length = int(value.strip())
                elif name == "connection" and value.strip().lower() == "close":
                    self.server_closes = True
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


def error_kind(exc):
    if isinstance(exc, asyncio.TimeoutError):
        return "timeout"
    if isinstance(exc, ConnectionRefusedError):
        return "refused"
    if isinstance(exc, (ConnectionError, OSError)):
        return "connection"
    return type(exc).__name__


async def players(args):
    loop = asyncio.get_running_loop()
    stats = {"players": args.players, "cycles": 0, "within_deadline": 0, "late": 0, "errors": 0, "error_kinds": {},
             "non_200": 0, "connects": 0}
    times = []
    start = loop.time() + 1.0
    end = start + args.duration

    def fail(kind):
        stats["errors"] += 1
        stats["error_kinds"][kind] = stats["error_kinds"].get(kind, 0) + 1

    async def player(index):
        source = source_address(1, index, args.per_address)
        connection = None
        due = start + args.interval * index / args.players   # spread over the first interval
        while due < end:
            await asyncio.sleep(max(0.0, due - loop.time()))
            began = loop.time()
            try:
                for path in ("/live.m3u8", "/segment.ts"):
                    if connection is None or connection.transport.is_closing():
                        connection = await connect(loop, args.port, source, args.timeout)
                        stats["connects"] += 1
                    status = await asyncio.wait_for(connection.get(path), args.timeout - (loop.time() - began))
                    if status != 200:
                        stats["non_200"] += 1
                        raise ValueError("status %d" % status)
                    if connection.server_closes:
                        connection.close()
                took = loop.time() - began
                times.append(took)
                stats["cycles"] += 1
                if took <= args.deadline:
                    stats["within_deadline"] += 1
                else:
                    stats["late"] += 1
            except Exception as exc:   # counted: the figure is how many failed, and how
                stats["cycles"] += 1
                fail(error_kind(exc))
                if connection is not None:
                    connection.close()
                connection = None
            due += args.interval
            if due < loop.time():
                due = loop.time()   # late: the next poll at once, as a player catching up
        if connection is not None:
            connection.close()

    await asyncio.gather(*(player(i) for i in range(args.players)))
    stats["within_deadline_pct"] = round(100.0 * stats["within_deadline"] / stats["cycles"], 2) if stats["cycles"] else 0.0
    for p in (50, 99):
        value = percentile(times, p)
        stats["p%d_ms" % p] = round(value * 1000, 1) if value is not None else None
    stats["max_ms"] = round(max(times) * 1000, 1) if times else None
    return stats


async def slowloris(args):
    loop = asyncio.get_running_loop()
    stats = {"connections": args.connections, "opened": 0, "closed_by_server": 0, "open_failures": 0}
    open_now = set()
    stopping = asyncio.Event()

    async def attacker(index):
        source = source_address(2, index, args.per_address)
        await asyncio.sleep(args.ramp * index / args.connections)
        while not stopping.is_set():
            try:
                _, connection = await asyncio.wait_for(
                    loop.create_connection(lambda: HttpConnection(loop), "127.0.0.1", args.port, local_addr=(source, 0)), 5)
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

    tasks = [asyncio.ensure_future(attacker(i)) for i in range(args.connections)]
    await asyncio.sleep(args.ramp + 2)
    stats["held_before_probes"] = len(open_now)
    print("HELD %d" % len(open_now), flush=True)

    # the normal client: the playlist and /health each probed in turn by its own loop, so one slow
    # answer does not delay the other's probes
    probes = {"/live.m3u8": [], "/health": []}
    failures = {"/live.m3u8": 0, "/health": 0}
    held_samples = []
    probe_end = loop.time() + args.hold

    async def prober(path):
        while loop.time() < probe_end:
            began = loop.time()
            try:
                connection = await connect(loop, args.port, "127.0.0.1", args.probe_timeout)
                status = await asyncio.wait_for(connection.get(path), args.probe_timeout - (loop.time() - began))
                connection.close()
                if status != 200:
                    raise ValueError("status %d" % status)
                probes[path].append(loop.time() - began)
            except Exception:   # counted: a probe that fails or takes longer than --probe-timeout
                failures[path] += 1
            held_samples.append(len(open_now))
            await asyncio.sleep(max(0.0, args.probe_every - (loop.time() - began)))

    await asyncio.gather(prober("/live.m3u8"), prober("/health"))
    stopping.set()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)

    for path, name in (("/live.m3u8", "playlist"), ("/health", "health")):
        values = probes[path]
        stats[name + "_probes"] = len(values) + failures[path]
        stats[name + "_failures"] = failures[path]
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
            connections.append(await connect(loop, args.port, "127.3.0.1", 5))
        except Exception:
            failures += 1
    await asyncio.sleep(args.settle)
    held = sum(1 for c in connections if not c.lost.done())
    for c in connections:
        c.close()
    return {"connections": args.connections, "connect_failures": failures, "held": held}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["players", "slowloris", "flood"])
    parser.add_argument("port", type=int)
    parser.add_argument("--players", type=int, default=2000)
    parser.add_argument("--connections", type=int, default=2000)
    parser.add_argument("--duration", type=float, default=30)
    parser.add_argument("--interval", type=float, default=2.0)
    parser.add_argument("--deadline", type=float, default=2.0)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--per-address", type=int, default=50)
    parser.add_argument("--ramp", type=float, default=4.0)
    parser.add_argument("--trickle", type=float, default=3.0)
    parser.add_argument("--hold", type=float, default=10.0)
    parser.add_argument("--probe-every", type=float, default=0.5)
    parser.add_argument("--probe-timeout", type=float, default=5.0)
    parser.add_argument("--settle", type=float, default=1.0)
    args = parser.parse_args()
    result = asyncio.run({"players": players, "slowloris": slowloris, "flood": flood}[args.mode](args))
    result["client_cpu_s"] = round(time.process_time(), 2)   # near one core: the client, not the server, is the limit
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
