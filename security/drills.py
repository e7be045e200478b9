#!/usr/bin/env python3
"""Slow and greedy clients against the examples jar, on loopback only.

Each drill starts its own server (``java -jar barehttp-examples.jar ... --port 0``) with the settings it
needs, plays one kind of abusive client against it, prints what it measured and checks it against a
bound. Every loop is bounded in count and in time; every server started here is stopped on the way out,
whatever happens. Standard library only.

    python3 security/drills.py --jar examples/target/barehttp-examples.jar --transport nio --transport blocking

Exit status: 0 when every drill kept its bound, 1 when one did not, 2 for a usage error.
"""

import argparse
import atexit
import errno
import json
import os
import re
import selectors
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import time

HOST = "127.0.0.1"  # loopback only: no drill ever talks to another address
MIB = 1024 * 1024

SERVERS = []


def now():
    return time.monotonic()


# ----------------------------------------------------------------------------------------------------------
# Servers


class Server:
    """One examples-jar process on 127.0.0.1 and a free port, its output in a log file."""

    def __init__(self, args, name, transport, app=("demo",), extra=()):
        self.log_path = os.path.join(args.workdir, f"{transport}-{name}.log")
        cmd = [args.java, *args.jvm_option, "-jar", args.jar, *app, "--host", HOST, "--port", "0",
               "--transport", transport, *extra]
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        SERVERS.append(self)
        self.pid = self.proc.pid
        if args.pid_file:
            with open(args.pid_file, "a") as f:
                f.write(f"{self.pid}\n")
        self.port = None
        try:
            deadline = now() + 30
            while now() < deadline and self.port is None:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"server exited with {self.proc.returncode}: {self.log_text()[-500:]}")
                m = re.search(r"listening on http://127\.0\.0\.1:(\d+)", self.log_text())
                if m:
                    self.port = int(m.group(1))
                else:
                    time.sleep(0.05)
            if self.port is None:
                raise RuntimeError("server did not print its port within 30 s")
        except BaseException:
            self.stop()
            raise

    def log_text(self):
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def fds(self):
        return len(os.listdir(f"/proc/{self.pid}/fd"))

    def sockets(self):
        count = 0
        for fd in os.listdir(f"/proc/{self.pid}/fd"):
            try:
                if os.readlink(f"/proc/{self.pid}/fd/{fd}").startswith("socket:"):
                    count += 1
            except OSError:
                pass
        return count

    def rss_kib(self):
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def out_of_memory(self):
        return "OutOfMemoryError" in self.log_text()

    def stop(self):
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        self.log.close()
        if self in SERVERS:
            SERVERS.remove(self)


def stop_all():
    for server in list(SERVERS):
        try:
            server.stop()
        except Exception as e:  # keep stopping the others
            print(f"could not stop server {server.pid}: {e}", file=sys.stderr)


def on_signal(signum, frame):
    raise SystemExit(128 + signum)


# ----------------------------------------------------------------------------------------------------------
# Plain HTTP over sockets


def connect(port, timeout=5.0, rcvbuf=None):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if rcvbuf:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.settimeout(timeout)
    s.connect((HOST, port))
    return s


def reset(s):
    """Closes with SO_LINGER 0, so the peer gets a RST and no socket is left in TIME_WAIT here."""
    try:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    s.close()


def status_of(data):
    m = re.match(rb"HTTP/1\.[01] (\d{3}) ", data)
    return int(m.group(1)) if m else None


def read_response(s, buffer=b""):
    """Reads one Content-Length response from keep-alive socket s; returns (status, rest of the buffer)."""
    while b"\r\n\r\n" not in buffer:
        chunk = s.recv(65536)
        if not chunk:
            raise ConnectionError("closed before a response head")
        buffer += chunk
        if len(buffer) > 65536:
            raise ConnectionError("response head too large")
    head, _, rest = buffer.partition(b"\r\n\r\n")
    m = re.search(rb"\r\ncontent-length: *(\d+)", head, re.IGNORECASE)
    length = int(m.group(1)) if m else 0
    while len(rest) < length:
        chunk = s.recv(65536)
        if not chunk:
            raise ConnectionError("closed inside a response body")
        rest += chunk
    return status_of(head), rest[length:]


def get_status(port, path="/plaintext", timeout=5.0):
    """One GET on a fresh connection: its status, or None when no answer came."""
    try:
        s = connect(port, timeout)
        try:
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode())
            status, _ = read_response(s)
            return status
        finally:
            s.close()
    except OSError:
        return None


def answers(port, tries=30):
    """True when the server answers GET /plaintext with 200, retried for about three seconds."""
    for _ in range(tries):
        if get_status(port) == 200:
            return True
        time.sleep(0.1)
    return False


def latency_main(argv):
    """Subprocess mode: sequential GET /plaintext on one keep-alive connection; prints JSON figures."""
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--gap-ms", type=float, default=0)
    p.add_argument("--max-s", type=float, default=10)
    p.add_argument("--windows", type=int, default=1, help="split the samples into this many windows")
    a = p.parse_args(argv)
    request = f"GET /plaintext HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode()
    samples, errors = [], 0
    deadline = now() + a.max_s
    s, buffer = None, b""
    while len(samples) < a.count and now() < deadline and errors < 50:
        try:
            if s is None:
                s, buffer = connect(a.port, 5.0), b""
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            t0 = time.perf_counter()
            s.sendall(request)
            status, buffer = read_response(s, buffer)
            elapsed = time.perf_counter() - t0
            if status == 200:
                samples.append(elapsed * 1000)
            else:
                errors += 1
        except OSError:
            errors += 1
            if s is not None:
                s.close()
            s = None
        if a.gap_ms:
            time.sleep(a.gap_ms / 1000)
    if s is not None:
        s.close()
    result = {"errors": errors, **percentiles(samples)}
    size = max(1, a.count // a.windows)
    result["windows"] = [percentiles(samples[i:i + size]) for i in range(0, len(samples), size)
                         if len(samples[i:i + size]) >= size // 2]
    print(json.dumps(result))
    return 0


def percentiles(samples):
    ordered = sorted(samples)
    if not ordered:
        return {"n": 0}
    return {"n": len(ordered), "p50": ordered[len(ordered) // 2],
            "p99": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], "max": ordered[-1]}


def latency(args, port, count, gap_ms, max_s, windows=1):
    """Starts the latency client as a separate process (so this one's work does not slow its figures)."""
    cmd = [sys.executable, os.path.abspath(__file__), "latency", "--port", str(port), "--count", str(count),
           "--gap-ms", str(gap_ms), "--max-s", str(max_s), "--windows", str(windows)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)


def latency_result(proc, max_s):
    try:
        out, _ = proc.communicate(timeout=max_s + 10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return {"n": 0, "errors": -1}
    try:
        return json.loads(out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"n": 0, "errors": -1}


# ----------------------------------------------------------------------------------------------------------
# Drills: each returns (passed, figures, bound)


class Result:
    def __init__(self, name):
        self.name = name
        self.figures = []
        self.bound = ""
        self.failures = []

    def figure(self, text):
        self.figures.append(text)
        print(f"    {text}", flush=True)

    def check(self, ok, what):
        if not ok:
            self.failures.append(what)
            print(f"    FAILED: {what}", flush=True)

    @property
    def passed(self):
        return not self.failures


def drill_slowloris(args, transport, r):
    """Runs the slowloris drill; when only its latency bound is missed, it runs once more (on a shared
    machine a neighbour can spoil a whole measurement; a server that slows under the attack does so
    both times), and the second run decides."""
    for attempt in (1, 2):
        one = Result(r.name)
        slowloris_once(args, transport, one)
        r.bound = one.bound
        r.figures += [f"run {attempt}: {f}" if attempt > 1 else f for f in one.figures]
        latency_only = all(f.startswith("loaded p99") for f in one.failures)
        if one.passed or not latency_only or attempt == 2:
            r.failures = one.failures
            return
        r.figures.append(f"run {attempt} missed only the latency bound ({one.failures[0]}): once more")
        print("    only the latency bound was missed: running the drill once more", flush=True)


def slowloris_once(args, transport, r):
    n = args.slowloris_connections
    head_ms = 8000
    drip_s = 2.0
    head_s = head_ms / 1000
    r.bound = (f"all {n} cut in [{head_s - 0.5:g}, {head_s + 3:g}] s after their first byte; "
               f"loaded p99 <= max(2 x unloaded p99, unloaded p99 + {args.latency_floor_ms:g} ms), "
               f"each p99 the median of its windows")
    server = Server(args, "slowloris", transport,
                    extra=["--max-connections", str(n + 500), "--head-timeout-ms", str(head_ms)])
    try:
        latency_result(latency(args, server.port, 3000, 0, 8), 8)  # warm up
        unloaded = latency_result(latency(args, server.port, 600, 2, 6, windows=2), 6).get("windows", [])
        base_fds = server.fds()

        sel = selectors.DefaultSelector()
        first_byte, cut_at, statuses, data = {}, {}, {}, {}
        socks = []
        head = f"GET /plaintext HTTP/1.1\r\nHost: {HOST}\r\nX-Drip: ".encode()
        t_start = now()
        open_errors = 0
        for i in range(n):
            if now() - t_start > 20:
                break
            try:
                s = connect(server.port, 5.0)
                s.sendall(head)
            except OSError:
                open_errors += 1
                continue
            s.setblocking(False)
            first_byte[i] = now()
            data[i] = b""
            socks.append((i, s))
            sel.register(s, selectors.EVENT_READ, i)
        opened = len(socks)
        open_s = now() - t_start
        r.figure(f"opened {opened} slow heads in {open_s:.2f} s ({open_errors} failed to open); "
                 f"server fds {base_fds} -> {server.fds()}")
        r.check(opened == n, f"only {opened} of {n} connections opened")

        # The loaded latency client runs while every slow head is held open, before the first cut.
        window = max(1.0, head_s - (now() - t_start) - 0.5)
        loaded_proc = latency(args, server.port, 900, 2, window, windows=3)

        by_index = dict(socks)
        open_set = set(by_index)
        order = [i for i, _ in socks]
        drip_start, drips = now(), 0
        deadline = t_start + open_s + head_s + 10
        held_peak = server.fds()
        while open_set and now() < deadline:
            for key, _ in sel.select(timeout=0.05):
                i = key.data
                s = by_index[i]
                try:
                    chunk = s.recv(4096)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    chunk = b""
                if chunk:
                    data[i] += chunk
                    continue
                cut_at[i] = now()
                statuses[i] = status_of(data[i])
                sel.unregister(s)
                s.close()
                open_set.discard(i)
            # One more byte of the unfinished header line on every open connection every drip_s seconds,
            # spread evenly over that time: a steady trickle rather than bursts.
            due = int((now() - drip_start) / drip_s * len(order)) if order else 0
            while drips < due:
                i = order[drips % len(order)]
                drips += 1
                if drips % len(order) == 0:
                    held_peak = max(held_peak, server.fds())
                if i in open_set:
                    try:
                        by_index[i].send(b"a")
                    except (BlockingIOError, InterruptedError):
                        pass
                    except OSError:
                        pass  # closed by the server: the read side sees it
        for i in list(open_set):
            sel.unregister(by_index[i])
            reset(by_index[i])
        sel.close()
        loaded = latency_result(loaded_proc, window)

        cuts = sorted(cut_at[i] - first_byte[i] for i in cut_at)
        in_bound = sum(1 for c in cuts if head_s - 0.5 <= c <= head_s + 3)
        got408 = sum(1 for v in statuses.values() if v == 408)
        time.sleep(1.0)
        unloaded.append(latency_result(latency(args, server.port, 300, 2, 4), 4))
        r.figure(f"server fds while held: peak {held_peak}; {drips} drip bytes sent")
        r.figure(f"cut by the server: {len(cuts)} of {opened} ({got408} with 408, "
                 f"{len(cuts) - got408} closed without one); left open: {len(open_set)}")
        if cuts:
            r.figure(f"cut after first byte: min {cuts[0]:.2f} s, median {statistics.median(cuts):.2f} s, "
                     f"max {cuts[-1]:.2f} s (head timeout {head_s:g} s); within bound: {in_bound}")
        r.check(len(cuts) == opened and not open_set, f"{len(open_set)} slow heads were never cut")
        r.check(in_bound == opened, f"{opened - in_bound} cut outside [{head_s - 0.5:g}, {head_s + 3:g}] s")

        # Each p99 is the median over windows of 300 requests (unloaded: two before the attack and one
        # after it; loaded: up to three while it is held), so that one window spoiled by a neighbour on a
        # shared machine does not decide the outcome either way.
        loaded_windows = loaded.get("windows", [])
        if len(unloaded) < 3 or any(u.get("n", 0) < 150 for u in unloaded) or not loaded_windows:
            r.check(False, f"latency figures missing: unloaded {unloaded}, loaded {loaded}")
        else:
            u99 = statistics.median(u["p99"] for u in unloaded)
            l99 = statistics.median(w["p99"] for w in loaded_windows)
            limit = max(2 * u99, u99 + args.latency_floor_ms)
            uw = ", ".join(f"{u['p99']:.2f}" for u in unloaded)
            lw = ", ".join(f"{w['p99']:.2f}" for w in loaded_windows)
            r.figure(f"/plaintext p99 unloaded {u99:.2f} ms (median of {uw}; p50 {unloaded[0]['p50']:.2f}), "
                     f"loaded {l99:.2f} ms (median of {lw}; p50 {loaded['p50']:.2f}, n={loaded['n']}, "
                     f"errors {loaded['errors']}); limit {limit:.2f} ms")
            r.check(loaded.get("n", 0) >= 100, f"loaded latency client got only {loaded.get('n')} answers")
            r.check(l99 <= limit, f"loaded p99 {l99:.2f} ms above {limit:.2f} ms")
        time.sleep(0.5)
        r.figure(f"server fds after: {server.fds()} (before the slow heads: {base_fds})")
        r.check(answers(server.port), "server no longer answers /plaintext")
    finally:
        server.stop()


def drill_slow_body(args, transport, r):
    grace_ms = 2000
    grace_s = grace_ms / 1000
    r.bound = f"cut (408 or close) in [{grace_s - 0.3:g}, {grace_s + 4:g}] s at 1 byte/s"
    server = Server(args, "slow-body", transport, extra=["--body-rate-grace-ms", str(grace_ms)])
    try:
        s = connect(server.port)
        s.sendall(f"POST /echo HTTP/1.1\r\nHost: {HOST}\r\nContent-Type: application/octet-stream\r\n"
                  f"Content-Length: 1000\r\n\r\n".encode())
        t0 = now()
        s.setblocking(False)
        received, sent, closed_at, how = b"", 0, None, None
        next_byte = t0
        while now() - t0 < 15 and closed_at is None:
            if now() >= next_byte:
                try:
                    s.send(b"x")
                    sent += 1
                except (BlockingIOError, InterruptedError):
                    pass
                except OSError as e:
                    closed_at, how = now(), f"send failed ({errno.errorcode.get(e.errno, e.errno)})"
                    break
                next_byte += 1.0
            ready = selectors.select.select([s], [], [], 0.05)[0]
            if ready:
                try:
                    chunk = s.recv(65536)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError as e:
                    closed_at, how = now(), f"reset ({errno.errorcode.get(e.errno, e.errno)})"
                    break
                if not chunk:
                    closed_at, how = now(), "closed"
                    break
                received += chunk
        reset(s)
        status = status_of(received)
        if closed_at is None:
            r.figure(f"not cut after {now() - t0:.1f} s and {sent} body bytes")
            r.check(False, "slow body was not cut within 15 s")
        else:
            t = closed_at - t0
            r.figure(f"slow body cut after {t:.2f} s and {sent} body bytes: {how}, status "
                     f"{status if status else 'none'} (grace {grace_s:g} s, min rate 256 B/s)")
            r.check(grace_s - 0.3 <= t <= grace_s + 4, f"cut after {t:.2f} s, outside the bound")
            r.check(status in (None, 408, 200), f"unexpected status {status}")
        r.check(answers(server.port), "server no longer answers /plaintext")
    finally:
        server.stop()


def drill_never_reads(args, transport, r):
    write_ms = 2000
    write_s = write_ms / 1000
    size = 64 * MIB
    r.bound = f"server closes it within {write_s + 4:g} s (write timeout {write_s:g} s); client gets < {size // MIB} MiB"
    site = tempfile.mkdtemp(prefix="site-", dir=args.workdir)
    big = os.path.join(site, "big.bin")
    with open(big, "wb") as f:
        f.truncate(size)
    server = Server(args, "never-reads", transport, app=("files", site), extra=["--write-timeout-ms", str(write_ms)])
    try:
        if get_status(server.port, "/") != 200:
            r.check(False, "files server does not answer /")
        time.sleep(0.3)
        base = server.sockets()
        s = connect(server.port, rcvbuf=4096)
        s.sendall(f"GET /big.bin HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode())
        t0 = now()
        peak, closed_at = base, None
        while now() - t0 < 15:
            count = server.sockets()
            peak = max(peak, count)
            if count <= base and now() - t0 > 0.2:
                closed_at = now()
                break
            time.sleep(0.05)
        # Now read what is left in flight, for a bounded time: the stream must end long before the file does.
        s.settimeout(2.0)
        got, end = 0, "no end seen"
        t1 = now()
        while now() - t1 < 10:
            try:
                chunk = s.recv(1 << 20)
            except socket.timeout:
                end = "stalled"
                break
            except OSError as e:
                end = f"reset ({errno.errorcode.get(e.errno, e.errno)})"
                break
            if not chunk:
                end = "end of stream"
                break
            got += len(chunk)
        reset(s)
        if closed_at is None:
            r.figure(f"server sockets {base} -> {peak}, still open after 15 s")
            r.check(False, "never-reading client was not cut within 15 s")
        else:
            t = closed_at - t0
            r.figure(f"never-reading client cut after {t:.2f} s (server sockets {base} -> {peak} -> {base}); "
                     f"reading afterwards got {got / MIB:.1f} MiB of {size // MIB} MiB, then {end}")
            r.check(t <= write_s + 4, f"cut after {t:.2f} s, above the bound")
        r.check(got < size and (end == "end of stream" or end.startswith("reset")),
                f"after the cut the client read {got} bytes and then {end}")
        r.check(get_status(server.port, "/") == 200, "files server no longer answers")
    finally:
        server.stop()


def drill_pipelining(args, transport, r):
    count = args.pipelined
    limit_mib = 100
    r.bound = f"VmRSS growth <= {limit_mib} MiB; another client still answered"
    server = Server(args, "pipelining", transport)
    try:
        latency_result(latency(args, server.port, 2000, 0, 8), 8)  # warm up
        time.sleep(0.5)
        before = server.rss_kib()
        request = f"GET /plaintext HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode()
        payload = memoryview(request * count)
        s = connect(server.port)
        s.setblocking(False)
        written, t0, last_progress, peak = 0, now(), now(), before
        next_rss = now()
        while written < len(payload) and now() - t0 < 12 and now() - last_progress < 3:
            _, ready, _ = selectors.select.select([], [s], [], 0.1)
            if ready:
                try:
                    n = s.send(payload[written:written + 262144])
                    if n:
                        written += n
                        last_progress = now()
                except (BlockingIOError, InterruptedError):
                    pass
                except OSError as e:
                    r.figure(f"flood connection failed after {written} bytes: {e}")
                    break
            if now() >= next_rss:
                peak = max(peak, server.rss_kib())
                next_rss = now() + 0.1
        write_s = now() - t0
        # Hold the unread flood open for a moment, measuring, then check another client is served.
        t1 = now()
        while now() - t1 < 2:
            peak = max(peak, server.rss_kib())
            time.sleep(0.1)
        other = latency_result(latency(args, server.port, 50, 0, 5), 5)
        after = server.rss_kib()
        peak = max(peak, after)
        reset(s)
        r.figure(f"pipelined requests on the wire: {written // len(request)} of {count} "
                 f"({written / MIB:.1f} MiB in {write_s:.1f} s), none read")
        r.figure(f"server VmRSS: before {before / 1024:.1f} MiB, peak {peak / 1024:.1f} MiB, "
                 f"after {after / 1024:.1f} MiB (growth {(peak - before) / 1024:.1f} MiB)")
        r.figure(f"other client during the flood: {other.get('n', 0)}/50 answered, "
                 f"p99 {other.get('p99', float('nan')):.2f} ms")
        r.check((peak - before) / 1024 <= limit_mib, f"VmRSS grew {(peak - before) / 1024:.1f} MiB")
        r.check(other.get("n", 0) == 50, "another client was not answered during the flood")
        r.check(not server.out_of_memory(), "OutOfMemoryError in the server's log")
    finally:
        server.stop()


def chunked_put(port, chunks, extension):
    """PUT /users/1 with chunks of one byte, each with `extension`; sends chunk by chunk until answered.

    Returns (status or None, chunks sent, extension bytes sent)."""
    s = connect(port)
    try:
        s.sendall(f"PUT /users/1 HTTP/1.1\r\nHost: {HOST}\r\nTransfer-Encoding: chunked\r\n"
                  f"Content-Type: application/octet-stream\r\n\r\n".encode())
        line = b"1;" + extension + b"\r\nx\r\n"
        received, sent = b"", 0
        t0 = now()
        s.setblocking(False)
        finished = False
        while now() - t0 < 10:
            if not finished:
                try:
                    s.sendall(line if sent < chunks else b"0\r\n\r\n")
                except OSError:
                    finished = True
                else:
                    if sent < chunks:
                        sent += 1
                    else:
                        finished = True
            if selectors.select.select([s], [], [], 0.005 if not finished else 0.2)[0]:
                try:
                    chunk = s.recv(65536)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    break
                if not chunk:
                    break
                received += chunk
                if b"\r\n\r\n" in received:
                    break
        return status_of(received), sent, sent * (len(extension) + 1)
    finally:
        reset(s)


def drill_chunk_extensions(args, transport, r):
    cap = 16 * 1024
    r.bound = f"400 once the extensions pass {cap // 1024} KiB; short extensions still 200"
    server = Server(args, "chunk-ext", transport)
    try:
        ok_status, ok_chunks, _ = chunked_put(server.port, 20, b"a=b")
        r.figure(f"control: {ok_chunks} one-byte chunks with ';a=b': status {ok_status}")
        r.check(ok_status == 200, f"control request got {ok_status}")
        status, sent, ext_bytes = chunked_put(server.port, 200, b"ext=" + b"v" * 1000)
        r.figure(f"one-byte chunks with 1 KiB extensions: status {status} after {sent} chunks "
                 f"({ext_bytes / 1024:.1f} KiB of extensions sent)")
        r.check(status == 400, f"expected 400, got {status}")
        r.check(sent < 200, "every chunk was accepted")
        r.check(answers(server.port), "server no longer answers /plaintext")
    finally:
        server.stop()


def drill_connection_flood(args, transport, r):
    limit = 100
    n = 1000
    r.bound = f"<= {limit} served, the rest 503 or refused; server fds <= baseline + {limit + 50}; no OOM"
    server = Server(args, "conn-flood", transport, extra=["--max-connections", str(limit)])
    try:
        answers(server.port)
        time.sleep(0.3)
        base = server.fds()
        request = f"GET /plaintext HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode()
        sel = selectors.DefaultSelector()
        socks, data, refused, peak = {}, {}, 0, base
        t0 = now()
        for i in range(n):
            if now() - t0 > 30:
                break
            try:
                s = connect(server.port, 3.0)
                s.sendall(request)
            except OSError:
                refused += 1
                continue
            s.setblocking(False)
            socks[i], data[i] = s, b""
            sel.register(s, selectors.EVENT_READ, i)
            if i % 50 == 0:
                peak = max(peak, server.fds())
        open_s = now() - t0
        closed = set()
        t1 = now()
        while now() - t1 < 5:
            events = sel.select(timeout=0.1)
            peak = max(peak, server.fds())
            for key, _ in events:
                i = key.data
                try:
                    chunk = socks[i].recv(4096)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    chunk = b""
                if chunk:
                    data[i] += chunk
                else:
                    closed.add(i)
                    sel.unregister(socks[i])
            answered = sum(1 for i in socks if status_of(data[i]) is not None or i in closed)
            if answered == len(socks):
                break
        served = sum(1 for i in socks if status_of(data[i]) == 200)
        refused503 = sum(1 for i in socks if status_of(data[i]) == 503)
        dropped = sum(1 for i in socks if status_of(data[i]) is None and i in closed)
        silent = sum(1 for i in socks if status_of(data[i]) is None and i not in closed)
        held_fds = server.fds()
        peak = max(peak, held_fds)
        for s in socks.values():
            try:
                sel.unregister(s)
            except (KeyError, ValueError):
                pass
            reset(s)
        sel.close()
        r.figure(f"{n} connections opened in {open_s:.2f} s against --max-connections {limit}: {served} served 200, "
                 f"{refused503} got 503, {dropped + refused} refused or closed unanswered, {silent} left silent")
        r.figure(f"server fds: baseline {base}, peak {peak}, with the flood held {held_fds}")
        r.check(served <= limit, f"{served} connections served, above the limit")
        r.check(refused503 + dropped + refused >= n - limit, "fewer refusals than connections over the limit")
        r.check(silent == 0, f"{silent} connections got neither an answer nor a close")
        r.check(peak <= base + limit + 50, f"fds peaked at {peak}")
        r.check(not server.out_of_memory(), "OutOfMemoryError in the server's log")
        r.check(answers(server.port), "server no longer answers /plaintext after the flood")
    finally:
        server.stop()


def drill_resets(args, transport, r):
    n = 1000
    margin = 5
    r.bound = f"server fds back within baseline + {margin} after <= 5 s; still answers"
    server = Server(args, "resets", transport)
    try:
        answers(server.port)
        time.sleep(0.5)
        base = server.fds()
        half = f"GET /plaintext HTTP/1.1\r\nHost: {HOST}\r\nX-Half: ".encode()
        peak, done, failed = base, 0, 0
        t0 = now()
        batch = 100
        while done + failed < n and now() - t0 < 30:
            group = []
            for _ in range(min(batch, n - done - failed)):
                try:
                    s = connect(server.port, 3.0)
                    s.sendall(half)
                    group.append(s)
                except OSError:
                    failed += 1
            time.sleep(0.05)
            peak = max(peak, server.fds())
            for s in group:
                reset(s)
            done += len(group)
        reset_s = now() - t0
        t1 = now()
        after = server.fds()
        while after > base + margin and now() - t1 < 5:
            time.sleep(0.1)
            after = server.fds()
        settle = now() - t1
        r.figure(f"{done} half requests reset in {reset_s:.2f} s ({failed} failed to connect)")
        r.figure(f"server fds: baseline {base}, peak {peak}, after {after} ({settle:.1f} s after the last reset)")
        r.check(done == n, f"only {done} of {n} clients connected")
        r.check(after <= base + margin, f"fds {after}, baseline {base}")
        r.check(answers(server.port), "server no longer answers /plaintext")
    finally:
        server.stop()


DRILLS = [
    ("slowloris", drill_slowloris),
    ("slow-body", drill_slow_body),
    ("never-reads", drill_never_reads),
    ("pipelining", drill_pipelining),
    ("chunk-ext", drill_chunk_extensions),
    ("conn-flood", drill_connection_flood),
    ("resets", drill_resets),
]


def main(argv):
    if argv and argv[0] == "latency":
        return latency_main(argv[1:])
    p = argparse.ArgumentParser(description="slow and greedy client drills against the examples jar")
    p.add_argument("--jar", default="examples/target/barehttp-examples.jar")
    p.add_argument("--java", default="java")
    p.add_argument("--jvm-option", action="append", default=[], help="a JVM option for the servers (repeatable)")
    p.add_argument("--transport", action="append", choices=["nio", "blocking"])
    p.add_argument("--only", action="append", choices=[name for name, _ in DRILLS], help="run only this drill")
    p.add_argument("--slowloris-connections", type=int, default=2000)
    p.add_argument("--pipelined", type=int, default=100_000)
    p.add_argument("--latency-floor-ms", type=float, default=50.0)
    p.add_argument("--pid-file", help="append the pid of every server started to this file")
    p.add_argument("--workdir", help="where server logs go (default: a temporary directory, removed)")
    args = p.parse_args(argv)
    if not os.path.isfile(args.jar):
        print(f"no jar at {args.jar}: build it with mvn -B -DskipTests package", file=sys.stderr)
        return 2
    transports = args.transport or ["nio", "blocking"]
    own_workdir = args.workdir is None
    if own_workdir:
        args.workdir = tempfile.mkdtemp(prefix="barehttp-drills-")
    atexit.register(stop_all)
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, on_signal)

    results = {}
    t_all = now()
    try:
        for transport in transports:
            for name, drill in DRILLS:
                if args.only and name not in args.only:
                    continue
                r = Result(name)
                print(f"== {transport}: {name}", flush=True)
                t0 = now()
                try:
                    drill(args, transport, r)
                except Exception as e:
                    r.check(False, f"drill error: {type(e).__name__}: {e}")
                r.seconds = now() - t0
                print(f"   {'ok' if r.passed else 'FAILED'} in {r.seconds:.1f} s", flush=True)
                results.setdefault(transport, []).append(r)
    finally:
        stop_all()
        if own_workdir:
            failed_any = any(not r.passed for rs in results.values() for r in rs)
            if failed_any:
                print(f"server logs kept in {args.workdir}")
            else:
                subprocess.run(["rm", "-rf", "--", args.workdir], check=False)

    print()
    for transport, rs in results.items():
        print(f"Summary: {transport} transport")
        print(f"  {'drill':<12} {'result':<7} {'time':>6}  figures / bound")
        for r in rs:
            print(f"  {r.name:<12} {'ok' if r.passed else 'FAILED':<7} {r.seconds:5.1f}s  {'; '.join(r.figures)}")
            print(f"  {'':<12} {'':<7} {'':>6}  bound: {r.bound}")
            for f in r.failures:
                print(f"  {'':<12} {'':<7} {'':>6}  failed: {f}")
        print()
    failed = [f"{t}/{r.name}" for t, rs in results.items() for r in rs if not r.passed]
    print(f"drills: {sum(len(rs) for rs in results.values())} run in {now() - t_all:.0f} s, "
          f"{len(failed)} failed{': ' + ', '.join(failed) if failed else ''}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
