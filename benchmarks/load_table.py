#!/usr/bin/env python3
"""Turns benchmarks/results/load.tsv (written by load.sh) into markdown tables of medians.

Usage: load_table.py load.tsv
Every number printed comes from the file; the machine facts come from its '# key: value' lines.
"""
import csv
import statistics
import sys

SCENARIOS = {
    "keepalive": "64 keep-alive connections, 1 wrk thread",
    "pipelined": "64 connections, 16 requests pipelined per round trip, 1 wrk thread",
    "c1024": "1,024 keep-alive connections, 1 wrk thread",
    "tls": "64 keep-alive connections over HTTPS, 1 wrk thread",
}
SERVERS = {
    "blocking": "barehttp blocking",
    "nio": "barehttp nio, /plaintext declared non-blocking",
    "nio-undeclared": "barehttp nio, the same route undeclared (may block)",
    "netty": "Netty 4.2 (HttpServerCodec, NIO)",
    "nginx": "anchor: nginx (1 worker)",
    "helidon": "anchor: Helidon 4 SE (virtual threads)",
}
# What a server is in the TLS scenario, where it differs from its plain name.
TLS_SERVERS = {
    "netty": "Netty 4.2 (SslHandler, JDK provider)",
    "nginx": "anchor: nginx (1 worker, OpenSSL)",
}
ERRORS = ("connect", "read", "write", "status", "timeout")


def read(path):
    meta, rows = {}, []
    with open(path) as f:
        body = []
        for line in f:
            if line.startswith("# "):
                key, _, value = line[2:].rstrip("\n").partition(": ")
                meta[key] = value
            else:
                body.append(line)
    for row in csv.DictReader(body, delimiter="\t"):
        rows.append(row)
    return meta, rows


def rate(row):
    return int(row["requests"]) / (int(row["duration_us"]) / 1e6)


def cpu_per_request(row):
    """The server's CPU time per answered request in microseconds, or None when the run has none."""
    cpu, requests = int(row.get("server_cpu_us") or 0), int(row["requests"])
    return cpu / requests if cpu and requests else None


def cpu_cell(runs):
    values = [v for v in (cpu_per_request(r) for r in runs) if v is not None]
    return f"{statistics.median(values):.1f} µs" if values else "–"


def errors(row):
    return sum(int(row[k]) for k in ERRORS)


def ms(us):
    return f"{us / 1000:.2f} ms"


def scenario_table(scenario, rows):
    by_server = {}
    for row in rows:
        if row["scenario"] == scenario:
            by_server.setdefault(row["server"], []).append(row)
    netty = by_server.get("netty")
    netty_rate = statistics.median(rate(r) for r in netty) if netty else None
    lines = [
        f"**{scenario}**: {SCENARIOS.get(scenario, scenario)}",
        "",
        "| server | requests/s | vs Netty | p50 latency | p99 latency | server CPU per request | errors | peak RSS | runs |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    names = {**SERVERS, **TLS_SERVERS} if scenario == "tls" else SERVERS
    for server in [s for s in SERVERS if s in by_server] + [s for s in by_server if s not in SERVERS]:
        runs = by_server[server]
        median_rate = statistics.median(rate(r) for r in runs)
        versus = f"{median_rate / netty_rate:.2f}x" if netty_rate else "–"
        lines.append("| {} | {:,.0f} | {} | {} | {} | {} | {:,} | {:.0f} MiB | {} |".format(
            names.get(server, server), median_rate, versus,
            ms(statistics.median(int(r["p50_us"]) for r in runs)),
            ms(statistics.median(int(r["p99_us"]) for r in runs)),
            cpu_cell(runs),
            sum(errors(r) for r in runs),
            statistics.median(int(r["vmhwm_kb"] or 0) for r in runs) / 1024, len(runs)))
    return lines


def anchor_notes(meta, rows):
    """Lines saying what the anchors and the TLS scenario ran with, for those the file holds."""
    measured = {r["server"] for r in rows}
    notes = []
    if "nginx" in measured:
        notes.append("nginx {}: 1 worker process, `access_log off`, keep-alive limits above what wrk "
                     "reaches; its peak RSS is master and worker together.".format(meta.get("nginx", "")))
    if "helidon" in measured:
        notes.append("Helidon 4.5.0 SE on {} (Helidon 4 needs Java 21), the same JVM flags, TCP_NODELAY, "
                     "a virtual thread per connection; not in the TLS scenario.".format(meta.get("helidon_jdk")))
    if any(r["scenario"] == "tls" for r in rows):
        notes.append("TLS: {}; barehttp and Netty on the JDK's TLS provider.".format(meta.get("tls")))
    if measured & {"nginx", "helidon"}:
        notes.append("The anchors place the figures: they answer the same `/plaintext` (200, `text/plain`, "
                     "`Hello, World!`), each with its own default headers.")
    return [" ".join(notes), ""] if notes else []


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    meta, rows = read(sys.argv[1])
    if not rows:
        sys.exit("no runs in " + sys.argv[1])
    out = []
    if meta.get("label"):
        out += [f"**{meta['label']}**", ""]
    scenarios = [s for s in SCENARIOS if any(r["scenario"] == s for r in rows)]
    for scenario in scenarios:
        out += scenario_table(scenario, rows) + [""]
    out += [
        "Medians over {} round(s); each run: a fresh server, {} of wrk warm-up, then {} measured. Server order "
        "rotates every round. errors = wrk's connect, read, write, timeout (2 s) and non-2xx counts, summed over "
        "all rounds; server CPU per request = the server process's user + system time during the measured run "
        "divided by the requests answered (wrk's own CPU is not counted); peak RSS = the server's VmHWM. Servers and wrk share the machine's cores (no pinning); "
        "traffic stays on 127.0.0.1.".format(meta.get("rounds"), meta.get("warmup"), meta.get("duration")),
        "",
        "{}, {} cores ({}), {}, server JVM flags: `{}`.".format(
            meta.get("jdk"), meta.get("cores"), meta.get("cpu"), meta.get("wrk"), meta.get("jvm_opts")),
        "",
    ]
    out += anchor_notes(meta, rows)
    out += [
        "Command: `{}`".format(meta.get("command")),
    ]
    print("\n".join(out))


if __name__ == "__main__":
    main()
