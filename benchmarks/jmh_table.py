#!/usr/bin/env python3
"""Turns a JMH JSON result (run with -prof gc) into a markdown table: barehttp beside Netty, per case,
with llhttp's C parser as an anchor on the decode cases when its results are given.

Usage: jmh_table.py RESULT.json [--llhttp LLHTTP.tsv] [--command CMD] [--label LABEL]
Every number printed comes from RESULT.json and LLHTTP.tsv (written by codec.sh in the same run);
the JDK and core count come from the run itself.
"""
import argparse
import csv
import json
import os
import platform
import sys

# Student's t at 99.95% (a two-sided 99.9% interval, as JMH reports), by degrees of freedom.
T_999 = {1: 636.62, 2: 31.60, 3: 12.92, 4: 8.61, 5: 6.87, 6: 5.96, 7: 5.41, 8: 5.04, 9: 4.78, 10: 4.59,
         12: 4.32, 15: 4.07, 20: 3.85, 30: 3.65, 60: 3.46}

# llhttp harness sample name -> (benchmark class, parameter value) of the JMH case with those bytes
LLHTTP_CASES = {
    "HOST_ONLY": ("DecodeBenchmark", "HOST_ONLY"),
    "BROWSER_GET": ("DecodeBenchmark", "BROWSER_GET"),
    "POST_1K": ("DecodeBenchmark", "POST_1K"),
    "CHUNKED_POST": ("DecodeBenchmark", "CHUNKED_POST"),
    "PIPELINED_16": ("PipelinedDecodeBenchmark", None),
}

# (benchmark class, parameter value) -> (row label, speed target vs Netty, allocation target vs Netty,
# speed target vs llhttp)
CASES = [
    (("DecodeBenchmark", "HOST_ONLY"), "decode (1) `GET /`, Host only", 2.0, 0.5, None),
    (("DecodeBenchmark", "BROWSER_GET"), "decode (2) browser GET, 12 headers, 541 B", 2.0, 0.5, 0.5),
    (("DecodeBenchmark", "POST_1K"), "decode (3) POST, Content-Length, 1 KiB body", 2.0, 0.5, None),
    (("DecodeBenchmark", "CHUNKED_POST"), "decode (4) chunked POST, 4 x 256 B", 2.0, 0.5, None),
    (("PipelinedDecodeBenchmark", None), "decode (5) 16 pipelined browser GETs, per request", 2.0, 0.5, 0.5),
    (("EncodeBenchmark", "FIXED_13B"), "encode 200, 3 headers, 13 B body", None, None, None),
    (("EncodeBenchmark", "CHUNKED_4x256"), "encode 200 chunked, 4 x 256 B", None, None, None),
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


def load_llhttp(path):
    """llhttp's scores keyed by (class, param): (requests/s mean, 99.9% error); and its '# ' facts."""
    meta, body = {}, []
    with open(path) as f:
        for line in f:
            if line.startswith("# "):
                key, _, value = line[2:].rstrip("\n").partition(": ")
                meta[key] = value
            else:
                body.append(line)
    samples = {}
    for row in csv.DictReader(body, delimiter="\t"):
        samples.setdefault(row["sample"], []).append(float(row["requests_per_s"]))
    scores = {}
    for name, values in samples.items():
        mean = sum(values) / len(values)
        error = float("nan")
        if len(values) > 1:
            sd = (sum((v - mean) ** 2 for v in values) / (len(values) - 1)) ** 0.5
            t = T_999[max(k for k in T_999 if k <= len(values) - 1)]
            error = t * sd / len(values) ** 0.5
        scores[LLHTTP_CASES.get(name, (name, None))] = (mean, error)
    return meta, scores


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


def table(scores, llhttp):
    """The markdown rows; with llhttp scores, two more columns: llhttp's rate and its ratio to Netty."""
    anchor_head, anchor_rule = ((" llhttp ops/s | llhttp ÷ Netty | barehttp ÷ llhttp |", " ---: | ---: | ---: |")
                                if llhttp else ("", ""))
    lines = [
        "| case | barehttp ops/s | Netty ops/s | ratio |" + anchor_head + " barehttp B/op | Netty B/op | alloc ratio |",
        "| --- | ---: | ---: | ---: |" + anchor_rule + " ---: | ---: | ---: |",
    ]
    for (cls, param), label, speed_target, alloc_target, llhttp_target in CASES:
        ours = scores.get((cls, param, "barehttp"))
        theirs = scores.get((cls, param, "netty"))
        if ours is None and theirs is None:
            continue
        ours = ours or (None, None, None)
        theirs = theirs or (None, None, None)
        anchor = ""
        if llhttp:
            c = llhttp.get((cls, param), (None, None))
            anchor = " {} | {} | {} |".format(fmt_ops(c[0], c[1]), fmt_ratio(ratio(c[0], theirs[0]), None, True),
                                              fmt_ratio(ratio(ours[0], c[0]), llhttp_target, True))
        lines.append("| {} | {} | {} | {} |{} {} | {} | {} |".format(
            label, fmt_ops(ours[0], ours[1]), fmt_ops(theirs[0], theirs[1]),
            fmt_ratio(ratio(ours[0], theirs[0]), speed_target, True), anchor,
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
    parser.add_argument("--llhttp", help="llhttp harness results (codec-llhttp.tsv) from the same run")
    parser.add_argument("--command", default="benchmarks/codec.sh")
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    runs, scores = load(args.result)
    if not runs:
        sys.exit("no benchmark results in " + args.result)
    out = []
    if args.label:
        out += [f"**{args.label}**", ""]
    llhttp_meta, llhttp = load_llhttp(args.llhttp) if args.llhttp else ({}, {})
    out += table(scores, llhttp)
    out += variants(scores)
    out += [
        "",
        "ratio = barehttp ops/s ÷ Netty ops/s (higher is better); alloc ratio = barehttp B/op ÷ Netty B/op "
        "(lower is better); ✓/✗ against the targets (decode: ≥ 2x Netty and ≤ 0.5x its allocation on every "
        "case; with the anchor, barehttp ÷ llhttp ≥ 0.5x on cases 2 and 5). Decode cases: each side reads method, target and Host of every request and "
        "counts body bytes; barehttp reads body pieces as views of its input (`nextEventAsView`), as its "
        "server does (the request body stream reads every piece so; an unread body is discarded without a "
        "copy), and the variant `DecodeBenchmark.barehttpCopies` shows the copying `nextEvent()`; Netty's "
        "side is unchanged (its decoder hands out each piece as a `ByteBuf` slice); both sides decode only: neither encodes a response (barehttp ends each exchange "
        "with `skipResponse()`, which keeps the head's rules, framing, persistence and the connection's "
        "bookkeeping between requests), Netty releases every message. Encode cases: both sides first "
        "decode the same `GET /` (barehttp's writer answers a request; Netty runs `HttpServerCodec`) and "
        "emit byte-identical responses apart from `Date`.",
    ]
    if llhttp:
        out += [
            "",
            "llhttp (the anchor: the C parser of Node.js) decodes the same bytes in the same run, one parser "
            "reused as on a keep-alive connection, strict mode and no lenient flag, callbacks that note the "
            "method, the target and the Host value (as spans of the input) and count body bytes; it answers "
            "nothing and allocates nothing per request. llhttp ÷ Netty = llhttp ops/s ÷ Netty ops/s (compare "
            "it with the ratio column); barehttp ÷ llhttp = barehttp ops/s ÷ llhttp ops/s. llhttp {}, {} `{}`, {}; ± is a 99.9% interval over the "
            "iterations.".format(llhttp_meta.get("llhttp"), llhttp_meta.get("cc"), llhttp_meta.get("cflags"),
                                 llhttp_meta.get("timing")),
        ]
    out += [
        "",
        setup_line(runs) + ".",
        "",
        f"Command: `{args.command}`",
    ]
    print("\n".join(out))


if __name__ == "__main__":
    main()
