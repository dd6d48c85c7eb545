#!/usr/bin/env python3
"""Helper of bench/scale-out/run.sh: free ports, fixed geosubmit bodies, and the report queues in Redis.

Standard library only (a minimal RESP client), so it needs no package. Subcommands:

  ports N [--bus]                 N free loopback ports (--bus: port+10000 free too, for cluster nodes)
  bodies SEED REPORTS FILE [POOL] REPORTS reports, 5 per body, one JSON body per line, over the 200,000 networks of
                                  POOL (default 0; another pool has other places and MACs); prints "reports observations"
  queue NODES                     the queues in Redis on NODES (host:port,...): incoming, export, claims, as JSON
  drain NODES PIDS EXPECT TIMEOUT [CPU]
                                  checks that EXPECT reports wait in update_incoming, sends SIGCONT to PIDS (the
                                  stopped workers) and prints the seconds until every queue is empty and no claim is
                                  left, then the CPU seconds used meanwhile by workers, db, redis, web and the whole
                                  machine; exit 1 on a timeout or a wrong starting count. CPU: --workers P,P --db P
                                  --redis P,P --web P
  wait-empty NODES TIMEOUT        waits until every queue is empty and no claim is left (exit 1 on a timeout)
  submit NODES EXPECT [CPU] -- WRK...
                                  runs wrk (with fill.lua) until EXPECT reports wait in update_incoming (the workers
                                  are stopped), then stops it; prints "posted answered failed seconds" (from wrk's
                                  start until the last report was queued), then the CPU seconds of web, redis, db, wrk
                                  and the machine meanwhile (at most 400 s). wrk's main thread sleeps its whole -d even when every thread
                                  has stopped, hence this.
  clear NODES                     deletes every report list and claim set (the web tier's warm-up backlog)
"""
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import time

# ---------------------------------------------------------------------------------------------------- Redis (RESP)


class Node:
    def __init__(self, hostport):
        host, port = hostport.rsplit(":", 1)
        self.sock = socket.create_connection((host, int(port)), timeout=10)
        self.file = self.sock.makefile("rb")

    def call(self, *args):
        out = [b"*%d\r\n" % len(args)]
        for a in args:
            a = a if isinstance(a, bytes) else str(a).encode()
            out.append(b"$%d\r\n%s\r\n" % (len(a), a))
        self.sock.sendall(b"".join(out))
        return self._read()

    def _read(self):
        line = self.file.readline()
        if not line:
            raise ConnectionError("redis closed the connection")
        kind, rest = line[:1], line[1:-2]
        if kind == b"+":
            return rest.decode()
        if kind == b"-":
            raise RuntimeError(rest.decode())
        if kind == b":":
            return int(rest)
        if kind == b"$":
            n = int(rest)
            if n < 0:
                return None
            data = self.file.read(n + 2)[:-2]
            return data.decode()
        if kind == b"*":
            n = int(rest)
            return None if n < 0 else [self._read() for _ in range(n)]
        raise RuntimeError("unexpected reply " + repr(line))


QUEUE = re.compile(r"^(update_incoming|queue_export_[^:{}]+)(:\d+)?$")
CLAIMS = re.compile(r"^\{(update_incoming|queue_export_[^:{}]+)(:\d+)?\}:claims$")


def masters(spec):
    """The nodes to ask: every node given (run.sh passes the masters only)."""
    return [Node(hp) for hp in spec.split(",")]


def queues(nodes):
    """Reports waiting in update_incoming*, in queue_export_*, and claims held, summed over the nodes."""
    incoming = export = claims = 0
    for node in nodes:
        cursor = "0"
        while True:
            cursor, keys = node.call("SCAN", cursor, "COUNT", 1000)
            for key in keys:
                m = QUEUE.match(key)
                if m:
                    n = node.call("LLEN", key)
                    if m.group(1) == "update_incoming":
                        incoming += n
                    else:
                        export += n
                elif CLAIMS.match(key):
                    claims += node.call("ZCARD", key)
            if cursor == "0":
                break
    return {"incoming": incoming, "export": export, "claims": claims}


# ---------------------------------------------------------------------------------------------------- bodies

PLACES = 20_000        # places of 10 networks each: a pool of 200,000 Wi-Fi MACs
PER_PLACE = 10
PER_BODY = 5


def bodies(seed, reports, path, pool_id=0):
    """Fixed geosubmit bodies: each report stands at one place, within ~30 m of its centre, and sees 3 to 5 of the
    place's 10 networks, so a network seen twice is seen near the same spot (updated, never blocked). The places
    and MACs depend on nothing but the pool (two pools share no MAC, barring a 1 in 10^8 chance); the reports on
    SEED."""
    pool = random.Random(4242 + pool_id)
    # Inland Germany and its neighbours: every report inside a region (none dropped as outside_regions).
    centres = [(pool.uniform(48.0, 53.0), pool.uniform(7.0, 14.0)) for _ in range(PLACES)]
    # Random 48-bit MACs (unicast, globally administered), so that they spread over the 16 station shards (the
    # shard is the MAC's fifth hex digit) as real ones do.
    macs, taken = [], set()
    while len(macs) < PLACES * PER_PLACE:
        mac = pool.getrandbits(48) & ~(0x03 << 40)
        if mac not in taken:
            taken.add(mac)
            macs.append(":".join("%02x" % ((mac >> (8 * k)) & 0xFF) for k in range(5, -1, -1)))
    rnd = random.Random(seed)
    seen = set()
    observations = 0
    with open(path, "w") as out:
        items = []
        for _ in range(reports):
            while True:
                place = rnd.randrange(PLACES)
                lat, lon = centres[place]
                lat += rnd.uniform(-0.0003, 0.0003)
                lon += rnd.uniform(-0.0004, 0.0004)
                picked = sorted(rnd.sample(range(PER_PLACE), rnd.randint(3, 5)))
                key = (round(lat, 6), round(lon, 6), place, tuple(picked))
                if key not in seen:  # no two identical reports: the ledger would apply them once
                    seen.add(key)
                    break
            wifi = [{"macAddress": macs[place * PER_PLACE + i], "signalStrength": rnd.randint(-90, -45)}
                    for i in picked]
            observations += len(wifi)
            items.append({"position": {"latitude": round(lat, 6), "longitude": round(lon, 6),
                                       "accuracy": rnd.choice([5, 8, 10, 15, 20])},
                          "wifiAccessPoints": wifi})
            if len(items) == PER_BODY:
                out.write(json.dumps({"items": items}, separators=(",", ":")) + "\n")
                items = []
        if items:
            out.write(json.dumps({"items": items}, separators=(",", ":")) + "\n")
    print(reports, observations)


# ---------------------------------------------------------------------------------------------------- ports


def ports(n, bus):
    found, held = [], []
    while len(found) < n:
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        if bus:
            if port + 10000 > 65535:
                s.close()
                continue
            b = socket.socket()
            try:
                b.bind(("127.0.0.1", port + 10000))
            except OSError:
                s.close()
                continue
            held.append(b)
        held.append(s)
        found.append(port)
    for s in held:
        s.close()
    print(" ".join(map(str, found)))


# ---------------------------------------------------------------------------------------------------- CPU

TICK = os.sysconf("SC_CLK_TCK")


def cpu_of(pids):
    """CPU seconds (user + system) the processes have used so far; a process that is gone counts 0."""
    total = 0
    for pid in pids:
        try:
            with open("/proc/%d/stat" % pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            pass
    return total / TICK


def machine_busy():
    """CPU seconds every core has spent busy so far (user, nice, system, irq, softirq, steal)."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return (v[0] + v[1] + v[2] + v[5] + v[6] + (v[7] if len(v) > 7 else 0)) / TICK


class CpuMeter:
    """CPU used between start() and stop() by named groups of processes and by the whole machine."""

    def __init__(self, groups):
        self.groups = groups  # name -> list of pids

    def start(self):
        self.before = {name: cpu_of(pids) for name, pids in self.groups.items()}
        self.busy = machine_busy()

    def stop(self):
        used = {name: cpu_of(pids) - self.before[name] for name, pids in self.groups.items()}
        used["machine"] = machine_busy() - self.busy
        return used


def pid_list(text):
    return [int(p) for p in text.split(",") if p.strip()]


# ---------------------------------------------------------------------------------------------------- drain


def drain(spec, pids, expect, timeout, meter=None):
    nodes = masters(spec)
    start = queues(nodes)
    if start["incoming"] != expect or start["export"] or start["claims"]:
        print("drain: expected %d reports in update_incoming and nothing else, found %s" % (expect, start),
              file=sys.stderr)
        return 1
    if meter:
        meter.start()
    t0 = time.monotonic()
    for pid in pids:
        os.kill(pid, signal.SIGCONT)
    rc = wait_empty(nodes, timeout, t0, end=" " if meter else "\n")
    if meter and rc == 0:
        used = meter.stop()
        print(" ".join("%.1f" % used[k] for k in ("workers", "db", "redis", "web", "machine")))
    return rc


def wait_empty(nodes, timeout, t0=None, end="\n"):
    """Polls every 0.1 s; prints the seconds since t0 (default: now) once nothing is queued or claimed."""
    t0 = time.monotonic() if t0 is None else t0
    q = None
    while time.monotonic() - t0 < timeout:
        q = queues(nodes)
        if not (q["incoming"] or q["export"] or q["claims"]):
            print("%.2f" % (time.monotonic() - t0), end=end)
            return 0
        time.sleep(0.1)
    print("not drained after %d s: %s" % (timeout, q), file=sys.stderr)
    return 1


def submit(spec, expect, command, meter=None):
    nodes = masters(spec)
    start = queues(nodes)
    if start["incoming"] or start["export"] or start["claims"]:
        print("submit: the queues are not empty: %s" % start, file=sys.stderr)
        return 1
    if meter:
        meter.start()
    t0 = time.monotonic()
    wrk = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    if meter:
        meter.groups["wrk"] = [wrk.pid]
        meter.before["wrk"] = 0
    seconds = None
    while wrk.poll() is None and time.monotonic() - t0 < 400:
        if queues(nodes)["incoming"] >= expect:
            seconds = time.monotonic() - t0
            used = meter.stop() if meter else None
            break
        time.sleep(0.05)
    if wrk.poll() is None:
        time.sleep(0.2)  # the last answers on their way
        wrk.send_signal(signal.SIGINT)
    out, _ = wrk.communicate(timeout=30)
    lines = out.strip().splitlines()
    if seconds is None or not lines:
        print("submit: %s reports queued, expected %d; wrk said: %s" % (queues(nodes)["incoming"], expect, out),
              file=sys.stderr)
        return 1
    posted, answered, failed = lines[-1].split()[:3]
    print(posted, answered, failed, "%.3f" % seconds,
          " ".join("%.1f" % used[k] for k in ("web", "redis", "db", "wrk", "machine")) if used else "")
    return 0


def clear(spec):
    """Deletes every report list (update_incoming*, queue_export_*) and claim set: a backlog nobody will drain."""
    for node in masters(spec):
        cursor = "0"
        while True:
            cursor, keys = node.call("SCAN", cursor, "COUNT", 1000)
            for key in keys:
                if QUEUE.match(key) or CLAIMS.match(key):
                    node.call("DEL", key)
            if cursor == "0":
                break


def meter_from(options):
    """--workers P,P --db P --redis P,P --web P: the processes whose CPU is measured."""
    groups = {name: [] for name in ("workers", "db", "redis", "web")}
    for i, arg in enumerate(options):
        if arg.startswith("--") and arg[2:] in groups and i + 1 < len(options):
            groups[arg[2:]] = pid_list(options[i + 1])
    return CpuMeter(groups)


def main(argv):
    cmd = argv[1] if len(argv) > 1 else ""
    if cmd == "ports":
        ports(int(argv[2]), "--bus" in argv)
    elif cmd == "bodies":
        bodies(int(argv[2]), int(argv[3]), argv[4], int(argv[5]) if len(argv) > 5 else 0)
    elif cmd == "queue":
        print(json.dumps(queues(masters(argv[2]))))
    elif cmd == "clear":
        clear(argv[2])
    elif cmd == "submit":
        split = argv.index("--")
        return submit(argv[2], int(argv[3]), argv[split + 1:], meter_from(argv[4:split]))
    elif cmd == "wait-empty":
        return wait_empty(masters(argv[2]), float(argv[3]))
    elif cmd == "drain":
        return drain(argv[2], pid_list(argv[3]), int(argv[4]), float(argv[5]), meter_from(argv[6:]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
