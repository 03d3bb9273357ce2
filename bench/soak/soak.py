#!/usr/bin/env python3
"""bench/soak/soak.py: the clients of bench/soak/run.sh (Python 3 standard library only).

Every time is in seconds from the soak's start (--t0, Unix time); nothing is judged here.

  soak.py keep --url STREAM_URL
      Holds the channel open at the provider until killed, so the provider's encoder stays warm and
      restream rejoins mid-GOP after a fault, as with a real panel. Reconnects at once when dropped,
      every 0.5 s while refused, and when a read has no 0x47 byte (garbage: it keeps no encoder).

  soak.py sample --pid RESTREAM_PID --api URL --provider URL --channel ID --t0 T --until S
                 --interval S --out samples.tsv
      Every interval from 0 to --until: restream's VmRSS (kB) and Threads (/proc/PID/status), its
      open fds (/proc/PID/fd), the channel's state, viewers and reconnects (GET /stream_status) and
      the provider's open connections of the channel (GET /_stats). Exits 1 if restream is gone.

  soak.py faults --api URL --provider URL --channel ID --seed N --t0 T --start S --stop S
                 --out faults.tsv
      From --start, faults on the channel in a random order drawn from the seed (each round every
      fault once): a fault is held 5-40 s, cleared (POST /_control/reset), then the channel is
      watched (GET /stream_status every 100 ms) until it is `live` again (the recovery time, from the
      clear to the start of the poll that saw `live`; given up after 60 s), then left healthy
      20-60 s (watched until --stop at most). No fault starts that would not be cleared by --stop.
      One row per fault.

  soak.py report --work DIR --warmup S
      The Markdown table, from DIR/samples.tsv, DIR/faults.tsv, DIR/viewers-{hls,ts}.json and
      DIR/environment.txt.
"""

import argparse
import json
import math
import os
import random
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

sys.dont_write_bytecode = True  # nothing written to the repository, not even bench/tuner/__pycache__
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tuner"))
from viewers import proc_status  # noqa: E402  (bench/tuner/viewers.py: one reader of /proc/PID/status)

POLL = 0.1               # s between two /stream_status polls of the fault driver
HOLD = (5, 40)           # s a fault is held
HEALTHY = (20, 60)       # s the channel is left healthy after it is live again
RECOVERY_CAP = 60        # s after a clear before giving up waiting for `live`
CUT = 0.2                # s: drop_after that cuts the connection in progress
CUT_FOR = 1.0            # s that cut stays set
RECOVERY_TARGET = 3.0    # s: the "live within 3 s of each fault clearing"
RSS_GROWTH_TARGET = 3.0  # %
RSS_REFERENCE = (240, 300)  # s: the 5th minute
RSS_LAST = 300           # s: the last 5 minutes

# The faults, as POST /_control switches. status, garbage and redirect_loop apply to new requests only:
# for them, the connection in progress is cut (drop_after=CUT for CUT_FOR s) so that the channel meets
# them when it reconnects, as when a provider goes down. stall and drop_after act on open connections.
FAULTS = {
    "drop_after": lambda rng: {"drop_after": f"{rng.uniform(1, 5):.1f}"},
    "stall": lambda rng: {"stall": "1"},
    "status": lambda rng: {"status": "503"},
    "garbage": lambda rng: {"garbage": "1"},
    "redirect_loop": lambda rng: {"redirect_loop": "1"},
}
NEEDS_CUT = {"status", "garbage", "redirect_loop"}


def get_json(url, timeout=2):
    with urllib.request.urlopen(url, timeout=timeout) as answer:
        return json.load(answer)


def post(url):
    with urllib.request.urlopen(urllib.request.Request(url, data=b"", method="POST"), timeout=5) as answer:
        answer.read()


def channel_state(api):
    """The state field of GET /stream_status, or 'unreachable'."""
    try:
        return get_json(api + "/stream_status").get("state") or "none"
    except (OSError, ValueError):
        return "unreachable"


class Clock:
    """Seconds from the soak's start: wall clock for the start, monotonic after it."""

    def __init__(self, t0):
        self.offset = time.monotonic() - (time.time() - t0)

    def now(self):
        return time.monotonic() - self.offset

    def sleep_until(self, t):
        time.sleep(max(0.0, t - self.now()))


# ---------------------------------------------------------------------------------------------

def keep(args):
    while True:
        try:
            with urllib.request.urlopen(args.url, timeout=10) as stream:
                while b"\x47" in stream.read(65536):
                    pass
        except (OSError, ValueError):
            time.sleep(0.5)


# ---------------------------------------------------------------------------------------------

def sample(args):
    clock = Clock(args.t0)
    columns = ["t_s", "rss_kb", "threads", "fds", "state", "viewers", "reconnects", "provider_open"]
    with open(args.out, "w", buffering=1) as out:
        out.write("\t".join(columns) + "\n")
        t = 0.0
        while t <= args.until + 1e-6:
            clock.sleep_until(t)
            try:
                rss, threads = proc_status(args.pid, "VmRSS"), proc_status(args.pid, "Threads")
                fds = len(os.listdir(f"/proc/{args.pid}/fd"))
            except OSError:
                print(f"sample: restream (pid {args.pid}) is gone at t={clock.now():.0f} s", file=sys.stderr)
                return 1
            try:
                status = get_json(args.api + "/stream_status")
            except (OSError, ValueError):
                status = {"state": "unreachable"}
            try:
                provider_open = get_json(args.provider + "/_stats")["channels"].get(str(args.channel), {}).get("open", 0)
            except (OSError, ValueError, KeyError):
                provider_open = ""
            row = [f"{clock.now():.1f}", rss, threads, fds, status.get("state"), status.get("viewers", ""),
                   status.get("reconnects", ""), provider_open]
            out.write("\t".join(str(v) for v in row) + "\n")
            t += args.interval
    return 0


# ---------------------------------------------------------------------------------------------

def faults(args):
    clock = Clock(args.t0)
    rng = random.Random(args.seed)
    control = f"{args.provider}/_control"

    def switch(**switches):
        post(control + "?" + urllib.parse.urlencode({"channel": args.channel, **switches}))

    def watch(until, done=None):
        """Polls the state every POLL s until `until` or done(state): (first time not live, seconds not
        live, last state, time of the poll that satisfied done)."""
        left = None
        not_live = 0.0
        state = None
        while clock.now() < until:
            polled = clock.now()
            state = channel_state(args.api)
            if done and done(state):
                return left, not_live, state, polled
            clock.sleep_until(polled + POLL)
            if state != "live":
                left = polled if left is None else left
                not_live += clock.now() - polled
        return left, not_live, state, None

    columns = ["n", "fault", "switches", "start_s", "clear_s", "held_s", "left_live_s", "state_at_clear",
               "recovery_s", "healthy_s", "not_live_while_healthy_s"]
    with open(args.out, "w", buffering=1) as out:
        out.write("\t".join(columns) + "\n")
        clock.sleep_until(args.start)
        order, n = [], 0
        while True:
            if not order:
                order = sorted(FAULTS)
                rng.shuffle(order)
            name = order.pop()
            switches = FAULTS[name](rng)
            hold, healthy = rng.uniform(*HOLD), rng.uniform(*HEALTHY)
            start = clock.now()
            if start + hold > args.stop:
                break
            n += 1
            left = None
            if name in NEEDS_CUT:
                switch(**switches, drop_after=CUT)
                left, _, _, _ = watch(start + CUT_FOR)
                switch(drop_after=0)
            else:
                switch(**switches)
            left_after_cut, _, state_at_clear, _ = watch(start + hold)
            left = left if left is not None else left_after_cut
            post(control + "/reset")
            cleared = clock.now()
            _, _, _, live_at = watch(cleared + RECOVERY_CAP, done=lambda state: state == "live")
            recovery = None if live_at is None else max(0.0, live_at - cleared)
            calm_from = cleared + RECOVERY_CAP if live_at is None else live_at
            _, not_live, _, _ = watch(min(calm_from + healthy, args.stop))
            row = [n, name, urllib.parse.urlencode(switches), f"{start:.2f}", f"{cleared:.2f}", f"{cleared - start:.2f}",
                   "" if left is None else f"{left - start:.2f}", state_at_clear,
                   "" if recovery is None else f"{recovery:.2f}", f"{healthy:.1f}", f"{not_live:.1f}"]
            out.write("\t".join(str(v) for v in row) + "\n")
            print(f"fault {n} {name} ({row[2]}): held {row[5]} s, left live after {row[6] or '-'} s, "
                  f"{state_at_clear} at the clear, live again after {row[8] or 'more than 60'} s", file=sys.stderr)
    return 0


# ---------------------------------------------------------------------------------------------

def read_tsv(path):
    with open(path) as f:
        names = f.readline().rstrip("\n").split("\t")
        return [dict(zip(names, line.rstrip("\n").split("\t"))) for line in f if line.strip()]


def p95(values):
    ordered = sorted(values)
    return ordered[math.ceil(0.95 * len(ordered)) - 1]


def fmt(value, digits=2):
    return "n/a" if value is None else f"{value:.{digits}f}"


def report(args):
    env = {}
    with open(os.path.join(args.work, "environment.txt")) as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition(": ")
            env[key] = value
    samples = read_tsv(os.path.join(args.work, "samples.tsv"))
    rows = read_tsv(os.path.join(args.work, "faults.tsv"))
    viewers = {}
    for mode in ("hls", "ts"):
        with open(os.path.join(args.work, f"viewers-{mode}.json")) as f:
            viewers[mode] = json.load(f)

    for s in samples:
        s["t"] = float(s["t_s"])
    first_fault = float(rows[0]["start_s"]) if rows else args.warmup
    last_clear = float(rows[-1]["clear_s"]) if rows else args.warmup
    base = ([s for s in samples if s["t"] < first_fault] or samples[:1])[-1]
    end = samples[-1]

    def rss_mb(selected):
        return statistics.median(int(s["rss_kb"]) for s in selected) / 1024 if selected else None

    ref = rss_mb([s for s in samples if RSS_REFERENCE[0] <= s["t"] <= RSS_REFERENCE[1]])
    last = rss_mb([s for s in samples if s["t"] >= end["t"] - RSS_LAST])
    growth = None if ref is None or last is None else 100 * (last - ref) / ref
    overlap = end["t"] - RSS_LAST < RSS_REFERENCE[1]
    peak = max(int(s["rss_kb"]) for s in samples) / 1024

    def counted(key):
        return f"{base[key]} → {end[key]} ({int(end[key]) - int(base[key]):+d}; max {max(int(s[key]) for s in samples)})"

    kinds = sorted({r["fault"] for r in rows})
    recoveries = [float(r["recovery_s"]) for r in rows if r["recovery_s"]]
    down = [r for r in rows if r["state_at_clear"] != "live"]
    down_recoveries = [float(r["recovery_s"]) for r in down if r["recovery_s"]]
    within = sum(1 for v in recoveries if v <= RECOVERY_TARGET)
    never = sum(1 for r in rows if not r["recovery_s"])
    not_live_healthy = sum(float(r["not_live_while_healthy_s"]) for r in rows)
    opens = [int(s["provider_open"]) for s in samples if s["provider_open"]]

    def stats(values):
        if not values:
            return "n/a"
        return f"{statistics.median(values):.2f} / {p95(values):.2f} / {max(values):.2f}"

    hls, ts = viewers["hls"], viewers["ts"]
    lines = [
        f"## restream soak — {env.get('date')}",
        "",
        f"{env.get('cpu')}; restream {env.get('restream')}, {env.get('build type')}; {env.get('python')}.",
        f"fake-xtream channel {env.get('channel')}, 2 s GOP, its encoder kept warm by a keeper client; "
        f"restream with etc/restream.ini's defaults (live.slate on); everything on 127.0.0.1.",
        f"{env.get('settings')}: {end['t']:.0f} s sampled, faults from {first_fault:.0f} s to {last_clear:.0f} s, "
        f"then healthy to the end.",
        "",
        "| figure | value | target |",
        "|---|---:|---|",
        f"| RSS, MB: 5th minute (median) → last 5 minutes (median) | {fmt(ref, 1)} → {fmt(last, 1)} | |",
        f"| RSS growth, % | {fmt(growth)}"
        f"{' (windows overlap: run ≥ 600 s)' if overlap else ''} | < {RSS_GROWTH_TARGET:g} |",
        f"| RSS peak of the samples, MB | {peak:.1f} | |",
        f"| threads: baseline (t={base['t']:.0f} s, before the first fault) → end (t={end['t']:.0f} s) | {counted('threads')} | back to baseline |",
        f"| open fds: baseline → end | {counted('fds')} | back to baseline |",
        f"| channel state at the baseline / at the end | {base['state']} / {end['state']} | live / live |",
        f"| faults cleared | {len(rows)}: " + ", ".join(f"{k} {sum(1 for r in rows if r['fault'] == k)}" for k in kinds) + " | |",
        f"| … the channel not `live` when its fault cleared | {len(down)} of {len(rows)} | |",
        f"| recovery (clear → `live`), s, median / p95 / max: all faults | {stats(recoveries)} | ≤ {RECOVERY_TARGET:g} |",
        f"| 〃 the faults the channel was down for at the clear | {stats(down_recoveries)} | ≤ {RECOVERY_TARGET:g} |",
        f"| live within {RECOVERY_TARGET:g} s of the clear | {within} of {len(rows)} | all |",
        f"| not live again within {RECOVERY_CAP} s | {never} | 0 |",
        f"| not live while the provider was healthy, after recovering, s (polled every {POLL:g} s) | {not_live_healthy:.1f} | 0 |",
        f"| provider connections of the channel, max of the samples (restream's + the keeper's) | "
        f"{max(opens) if opens else 'n/a'} | ≤ 2 |",
        f"| restream CPU after the warm-up, % of one core | {hls['restream_cpu_pct']} | |",
        f"| viewers (HLS + TS): errors / TS answers ended / HLS segments gone | "
        f"{hls['viewers']} + {ts['viewers']}: {hls['errors'] + ts['errors']} / {ts['ended']} / {hls['late_segments']} | |",
        f"| delivered to the viewers, MB/s (HLS + TS) | {hls['bytes_per_s'] / 1e6:.2f} + {ts['bytes_per_s'] / 1e6:.2f} | |",
        f"| restream reconnects (its own count, at the end) | {end['reconnects']} | |",
        f"| seed | {env.get('seed')} | |",
        "",
        "| fault | count | not live at the clear | left live after, s (median) | recovery, s, median / max |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind in kinds:
        mine = [r for r in rows if r["fault"] == kind]
        left = [float(r["left_live_s"]) for r in mine if r["left_live_s"]]
        rec = [float(r["recovery_s"]) for r in mine if r["recovery_s"]]
        lines.append(f"| {kind} | {len(mine)} | {sum(1 for r in mine if r['state_at_clear'] != 'live')} | "
                     f"{f'{statistics.median(left):.2f}' if left else 'never'} | "
                     f"{f'{statistics.median(rec):.2f} / {max(rec):.2f}' if rec else 'n/a'} |")
    lines += [
        "",
        f"Samples every {env.get('interval')} s: VmRSS and Threads of /proc/PID/status, entries of /proc/PID/fd, the state of",
        "GET /stream_status. A fault is held 5–40 s, cleared with POST /_control/reset, and the channel left healthy 20–60 s",
        "once live again; recovery runs from the clear to the start of the /stream_status poll (every 0.1 s) that says `live`",
        "(0 when the channel never left it). status, garbage and redirect_loop start by cutting the connection in progress.",
    ]
    print("\n".join(lines))
    return 0


# ---------------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("keep")
    p.add_argument("--url", required=True)
    p = commands.add_parser("sample")
    p.add_argument("--pid", type=int, required=True)
    p.add_argument("--api", required=True)
    p.add_argument("--provider", required=True)
    p.add_argument("--channel", type=int, required=True)
    p.add_argument("--t0", type=float, required=True)
    p.add_argument("--until", type=float, required=True)
    p.add_argument("--interval", type=float, default=10)
    p.add_argument("--out", required=True)
    p = commands.add_parser("faults")
    p.add_argument("--api", required=True)
    p.add_argument("--provider", required=True)
    p.add_argument("--channel", type=int, required=True)
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--t0", type=float, required=True)
    p.add_argument("--start", type=float, required=True)
    p.add_argument("--stop", type=float, required=True)
    p.add_argument("--out", required=True)
    p = commands.add_parser("report")
    p.add_argument("--work", required=True)
    p.add_argument("--warmup", type=float, required=True, help="the baseline is the last sample before it when no fault ran")
    args = parser.parse_args()
    return {"keep": keep, "sample": sample, "faults": faults, "report": report}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
