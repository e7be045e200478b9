#!/usr/bin/env python3
"""Turns a JMH JSON result (run with -prof gc) into a markdown table: barehttp beside Netty, per case.

Usage: jmh_table.py RESULT.json [--command CMD] [--label LABEL]
Every number printed comes from RESULT.json; the JDK and core count come from the run itself.
"""
import argparse
import json
import os
import platform
import sys

# (benchmark class, parameter value) -> (row label, speed target, allocation target)
CASES = [
    (("DecodeBenchmark", "HOST_ONLY"), "decode (1) `GET /`, Host only", 1.5, 0.5),
    (("DecodeBenchmark", "BROWSER_GET"), "decode (2) browser GET, 12 headers, 541 B", 2.0, 0.5),
    (("DecodeBenchmark", "POST_1K"), "decode (3) POST, Content-Length, 1 KiB body", 1.5, 0.5),
    (("DecodeBenchmark", "CHUNKED_POST"), "decode (4) chunked POST, 4 x 256 B", 1.5, 0.5),
    (("PipelinedDecodeBenchmark", None), "decode (5) 16 pipelined browser GETs, per request", 2.0, 0.5),
    (("EncodeBenchmark", "FIXED_13B"), "encode 200, 3 headers, 13 B body", None, None),
    (("EncodeBenchmark", "CHUNKED_4x256"), "encode 200 chunked, 4 x 256 B", None, None),
]


def load(path):
    """Scores keyed by (class, param, side): (ops/s, ops/s error, B/op or None)."""
    with open(path) as f:
        runs = json.load(f)
    scores = {}
    for run in runs:
        cls, side = run["benchmark"].split(".")[-2:]
        params = run.get("params") or {}
        param = next(iter(params.values()), None)
        primary = run["primaryMetric"]
        alloc = (run.get("secondaryMetrics") or {}).get("gc.alloc.rate.norm")
        scores[(cls, param, side)] = (primary["score"], primary.get("scoreError"),
                                      alloc["score"] if alloc else None)
    return runs, scores


def fmt_ops(value, error):
    if value is None:
        return "–"
    text = f"{value:,.0f}"
    if isinstance(error, (int, float)) and value > 0 and error == error:
        text += f" ± {100 * error / value:.0f}%"
    return text


def fmt_bytes(value):
    return "–" if value is None else f"{value:,.0f}"


def ratio(a, b):
    return None if a is None or b in (None, 0) else a / b


def fmt_ratio(value, target, higher_is_better):
    if value is None:
        return "–"
    text = f"{value:.2f}x"
    if target is not None:
        met = value >= target if higher_is_better else value <= target
        text += " ✓" if met else " ✗"
    return text


def table(scores):
    lines = [
        "| case | barehttp ops/s | Netty ops/s | ratio | barehttp B/op | Netty B/op | alloc ratio |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for (cls, param), label, speed_target, alloc_target in CASES:
        ours = scores.get((cls, param, "barehttp"))
        theirs = scores.get((cls, param, "netty"))
        if ours is None and theirs is None:
            continue
        ours = ours or (None, None, None)
        theirs = theirs or (None, None, None)
        lines.append("| {} | {} | {} | {} | {} | {} | {} |".format(
            label, fmt_ops(ours[0], ours[1]), fmt_ops(theirs[0], theirs[1]),
            fmt_ratio(ratio(ours[0], theirs[0]), speed_target, True),
            fmt_bytes(ours[2]), fmt_bytes(theirs[2]),
            fmt_ratio(ratio(ours[2], theirs[2]), alloc_target, False)))
    return lines


def variants(scores):
    """barehttp-only benchmarks and variants (a side other than barehttp and netty): B/op beside the plain side."""
    rows = sorted(k for k in scores if k[2] not in ("barehttp", "netty"))
    if not rows:
        return []
    lines = ["", "| barehttp variant | param | B/op | plain barehttp B/op |", "| --- | --- | ---: | ---: |"]
    for cls, param, side in rows:
        plain = scores.get((cls, param, "barehttp"))
        lines.append("| {}.{} | {} | {} | {} |".format(cls, side, param if param is not None else "–",
                                                      fmt_bytes(scores[(cls, param, side)][2]),
                                                      fmt_bytes(plain[2] if plain else None)))
    return lines


def setup_line(runs):
    first = runs[0]
    return ("JDK {} ({} {}), {} cores, {}; JMH {}: {} fork(s), {} x {} warm-up, {} x {} measurement, "
            "1 thread, JVM flags: `{}`").format(
        first.get("jdkVersion"), first.get("vmName"), first.get("vmVersion"), os.cpu_count(),
        platform.machine(), first.get("jmhVersion"), first.get("forks"),
        first.get("warmupIterations"), first.get("warmupTime"),
        first.get("measurementIterations"), first.get("measurementTime"),
        " ".join(first.get("jvmArgs") or []) or "(none)")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("result")
    parser.add_argument("--command", default="benchmarks/codec.sh")
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    runs, scores = load(args.result)
    if not runs:
        sys.exit("no benchmark results in " + args.result)
    out = []
    if args.label:
        out += [f"**{args.label}**", ""]
    out += table(scores)
    out += variants(scores)
    out += [
        "",
        "ratio = barehttp ops/s ÷ Netty ops/s (higher is better); alloc ratio = barehttp B/op ÷ Netty B/op "
        "(lower is better); ✓/✗ against the targets (decode: ≥ 2x on cases 2 and 5, ≥ 1.5x on the others, "
        "≤ 0.5x allocation). Decode cases: each side reads method, target and Host of every request and "
        "counts body bytes; barehttp also answers each request with `status(200).end()` (its connection "
        "takes the next request only then), Netty releases every message. Encode cases: both sides first "
        "decode the same `GET /` (barehttp's writer answers a request; Netty runs `HttpServerCodec`) and "
        "emit byte-identical responses apart from `Date`.",
        "",
        setup_line(runs) + ".",
        "",
        f"Command: `{args.command}`",
    ]
    print("\n".join(out))


if __name__ == "__main__":
    main()
