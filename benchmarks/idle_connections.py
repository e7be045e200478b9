#!/usr/bin/env python3
"""Holds N idle keep-alive connections open against a running server and measures what they cost.

Each idle connection sends one request and reads its answer, then stays open and silent. Meanwhile a
second client keeps sending requests on its own keep-alive connection and records whether they are
answered. The server's live heap (after a forced full GC: jcmd PID GC.run, then GC.heap_info) and its
resident memory (VmRSS) are measured before the connections are opened and while they are held; the
script prints a markdown table with the figures per idle connection.

Loopback only; every phase is bounded in time. Run it through idle-connections.sh, which starts the
server and raises the open-file limit, or by hand against a server you started:

    python3 benchmarks/idle_connections.py --port 8080 --pid <server pid> --connections 10000
"""

import argparse
import errno
import os
import re
import selectors
import socket
import subprocess
import sys
import threading
import time

HOST = "127.0.0.1"


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--port", type=int, required=True, help="server port on 127.0.0.1")
    p.add_argument("--pid", type=int, help="server process id, for jcmd and /proc (omit: no memory figures)")
    p.add_argument("--connections", type=int, default=10_000, help="idle connections to hold (default 10000)")
    p.add_argument("--path", default="/plaintext", help="path each request asks for (default /plaintext)")
    p.add_argument("--hold-seconds", type=float, default=10.0, help="how long to hold them (default 10)")
    p.add_argument("--open-timeout", type=float, default=120.0, help="limit for opening them all (default 120 s)")
    p.add_argument("--concurrent-opens", type=int, default=256, help="connections being opened at once")
    p.add_argument("--label", default="server", help="name printed in the table")
    return p.parse_args()


def request_bytes(path):
    return ("GET %s HTTP/1.1\r\nHost: %s\r\n\r\n" % (path, HOST)).encode("ascii")


def response_complete(data):
    """True when data holds one whole response with a Content-Length body (what the test servers send)."""
    end = data.find(b"\r\n\r\n")
    if end < 0:
        return False
    m = re.search(rb"(?im)^content-length:\s*(\d+)\s*$", data[:end])
    length = int(m.group(1)) if m else 0
    return len(data) >= end + 4 + length


def status_of(data):
    m = re.match(rb"HTTP/1\.[01] (\d{3})", data)
    return int(m.group(1)) if m else 0


# ---------------------------------------------------------------- memory


def jcmd_for(pid):
    """The jcmd of the JDK the server runs on (attach across JDK versions is unreliable), else jcmd."""
    try:
        exe = os.path.realpath("/proc/%d/exe" % pid)
        candidate = os.path.join(os.path.dirname(exe), "jcmd")
        if os.access(candidate, os.X_OK):
            return candidate
    except OSError:
        pass
    return "jcmd"


def jcmd(pid, command):
    out = subprocess.run([jcmd_for(pid), str(pid), command], capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        raise RuntimeError("jcmd %s %s failed: %s" % (pid, command, out.stderr.strip() or out.stdout.strip()))
    return out.stdout


UNITS = {"K": 1024, "M": 1024 ** 2, "G": 1024 ** 3}


def heap_used_bytes(heap_info):
    """Sums the 'used' of the Java heap in GC.heap_info output (G1, Parallel, Serial, ZGC, Shenandoah)."""
    total = 0
    found = False
    for line in heap_info.splitlines():
        # Top-level heap lines start in column 0 or 1 (the format changed across JDKs); deeper ones
        # (regions, eden, class space) are details of them.
        if re.match(r"^\s*(Metaspace|class space)", line) or not re.match(r"^ ?\S", line):
            continue
        m = re.search(r"\bused (\d+)([KMG])", line)
        if m:
            total += int(m.group(1)) * UNITS[m.group(2)]
            found = True
    if not found:
        raise RuntimeError("no heap figure in GC.heap_info output:\n" + heap_info)
    return total


def rss_bytes(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS for pid %d" % pid)


def measure(pid):
    """Live heap after a full GC, and resident memory; None when no pid was given."""
    if pid is None:
        return None
    jcmd(pid, "GC.run")
    time.sleep(0.5)
    jcmd(pid, "GC.run")
    heap = heap_used_bytes(jcmd(pid, "GC.heap_info"))
    return heap, rss_bytes(pid)


def jvm_version(pid):
    if pid is None:
        return "unknown"
    try:
        lines = [l for l in jcmd(pid, "VM.version").splitlines() if l.strip() and not l.startswith(str(pid))]
        return " / ".join(l.strip() for l in lines[:2])
    except (RuntimeError, OSError, subprocess.TimeoutExpired):
        return "not a JVM (jcmd failed)"


# ---------------------------------------------------------------- the second client


class SecondClient(threading.Thread):
    """Keeps doing requests on one keep-alive connection, counting answers per phase."""

    def __init__(self, port, path):
        super().__init__(daemon=True)
        self.port = port
        self.request = request_bytes(path)
        self.phase = "before"
        self.stats = {}
        self.stopping = threading.Event()
        self.sock = None

    def record(self, ok, millis):
        s = self.stats.setdefault(self.phase, {"ok": 0, "failed": 0, "latencies": []})
        if ok:
            s["ok"] += 1
            s["latencies"].append(millis)
        else:
            s["failed"] += 1

    def one_request(self):
        if self.sock is None:
            self.sock = socket.create_connection((HOST, self.port), timeout=5)
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        start = time.monotonic()
        self.sock.sendall(self.request)
        data = b""
        while not response_complete(data):
            chunk = self.sock.recv(65536)
            if not chunk:
                raise OSError("the server closed the connection")
            data += chunk
        return status_of(data) == 200, (time.monotonic() - start) * 1000

    def run(self):
        while not self.stopping.is_set():
            try:
                ok, millis = self.one_request()
                self.record(ok, millis)
            except OSError:
                self.record(False, 0)
                if self.sock is not None:
                    self.sock.close()
                self.sock = None
            self.stopping.wait(0.01)
        if self.sock is not None:
            self.sock.close()


# ---------------------------------------------------------------- the idle connections


def open_idle_connections(port, count, path, concurrent, timeout):
    """Opens count connections, each answered once; returns (held sockets, failures by reason)."""
    request = request_bytes(path)
    sel = selectors.DefaultSelector()
    held, failures = [], {}
    started = 0
    in_flight = 0
    deadline = time.monotonic() + timeout

    def fail(sock, reason):
        nonlocal in_flight
        failures[reason] = failures.get(reason, 0) + 1
        sel.unregister(sock)
        sock.close()
        in_flight -= 1

    while (started < count or in_flight > 0) and time.monotonic() < deadline:
        while started < count and in_flight < concurrent:
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setblocking(False)
            rc = s.connect_ex((HOST, port))
            if rc not in (0, errno.EINPROGRESS):
                s.close()
                reason = "connect: " + errno.errorcode.get(rc, str(rc))
                failures[reason] = failures.get(reason, 0) + 1
                started += 1
                continue
            sel.register(s, selectors.EVENT_WRITE, {"sent": False, "data": b""})
            started += 1
            in_flight += 1
        for key, _ in sel.select(timeout=0.5):
            s, state = key.fileobj, key.data
            try:
                if not state["sent"]:
                    err = s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                    if err:
                        fail(s, "connect: " + errno.errorcode.get(err, str(err)))
                        continue
                    s.send(request)
                    state["sent"] = True
                    sel.modify(s, selectors.EVENT_READ, state)
                    continue
                chunk = s.recv(65536)
                if not chunk:
                    fail(s, "closed before answering")
                    continue
                state["data"] += chunk
                if response_complete(state["data"]):
                    status = status_of(state["data"])
                    if status != 200:
                        fail(s, "status %d" % status)
                        continue
                    sel.unregister(s)
                    held.append(s)
                    in_flight -= 1
            except OSError as e:
                fail(s, type(e).__name__)
    for key in list(sel.get_map().values()):
        fail(key.fileobj, "timed out opening")
    sel.close()
    return held, failures


def still_open(held):
    """Idle sockets the server has not closed: an idle connection must not be readable (EOF or data)."""
    sel = selectors.DefaultSelector()
    for s in held:
        sel.register(s, selectors.EVENT_READ)
    closed = 0
    for key, _ in sel.select(timeout=0.2):
        try:
            if key.fileobj.recv(1, socket.MSG_PEEK) == b"":
                closed += 1
        except OSError:
            closed += 1
    sel.close()
    return len(held) - closed


# ---------------------------------------------------------------- report


def mib(n):
    return "%.1f MiB" % (n / 1024 / 1024)


def per_connection(before, during, count):
    return "%.0f B" % ((during - before) / count) if count else "n/a"


def latency_summary(stats):
    lat = sorted(stats["latencies"])
    if not lat:
        return "none"
    return "p50 %.1f ms, p99 %.1f ms, max %.1f ms" % (
        lat[len(lat) // 2], lat[min(len(lat) - 1, int(len(lat) * 0.99))], lat[-1])


def report(args, before, during, held, alive, failures, second, opening_seconds):
    count = len(held)
    print()
    print("### Idle keep-alive connections: %s" % args.label)
    print()
    print("JVM: %s" % jvm_version(args.pid))
    print("Idle connections asked: %d, answered and held: %d, still open after %.0f s: %d, failed: %s"
          % (args.connections, count, args.hold_seconds, alive, failures or "none"))
    print("Opened in %.1f s." % opening_seconds)
    print()
    if before and during:
        print("| | live heap after full GC | resident memory (VmRSS) |")
        print("|---|---:|---:|")
        print("| before | %s | %s |" % (mib(before[0]), mib(before[1])))
        print("| %d idle connections held | %s | %s |" % (count, mib(during[0]), mib(during[1])))
        print("| **per idle connection** | **%s** | **%s** |"
              % (per_connection(before[0], during[0], count), per_connection(before[1], during[1], count)))
    else:
        print("(no --pid: memory not measured)")
    print()
    print("| second client | answered 200 | failed | latency |")
    print("|---|---:|---:|---|")
    for phase in ("before", "opening", "held"):
        s = second.stats.get(phase, {"ok": 0, "failed": 0, "latencies": []})
        print("| %s | %d | %d | %s |" % (phase, s["ok"], s["failed"], latency_summary(s)))


def main():
    args = parse_args()
    second = SecondClient(args.port, args.path)
    second.start()
    time.sleep(1.0)
    before = measure(args.pid)

    second.phase = "opening"
    t0 = time.monotonic()
    held, failures = open_idle_connections(args.port, args.connections, args.path, args.concurrent_opens,
                                           args.open_timeout)
    opening_seconds = time.monotonic() - t0

    second.phase = "held"
    time.sleep(args.hold_seconds / 2)
    during = measure(args.pid)
    time.sleep(args.hold_seconds / 2)
    alive = still_open(held)
    second.stopping.set()
    second.join(10)
    report(args, before, during, held, alive, failures, second, opening_seconds)
    for s in held:
        s.close()
    answered = second.stats.get("held", {}).get("ok", 0)
    ok = alive == args.connections and answered > 0 and second.stats.get("held", {}).get("failed", 0) == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
