#!/usr/bin/env bash
# Codec micro-benchmarks, barehttp beside Netty 4.2, one thread, allocation measured with -prof gc,
# then llhttp's C parser (the anchor: the parser of Node.js) decoding the same bytes in the same run.
#
#   benchmarks/codec.sh                 # full run: -f 2 -wi 3 -i 5 -w 2s -r 2s, llhttp 6 s + 10 x 2 s per case (about 10 minutes)
#   QUICK=1 benchmarks/codec.sh         # smoke run: -f 1 -wi 1 -i 2 -w 1s -r 1s, llhttp 1 s + 2 x 1 s (about 1.5 minutes)
#
# Environment:
#   JMH_OPTS   JMH options replacing the defaults above (e.g. "-f 1 -wi 2 -i 3")
#   BENCH      benchmark regex (default: every benchmark of the module)
#   BUILD=0    skip the Maven build (use the jar already in benchmarks/target)
#   MVN_ARGS   extra Maven arguments (e.g. -o)
#   LLHTTP     1 (default) runs the llhttp anchor, 0 skips it
#   LLHTTP_TIMING  "WARMUP_S ITERATION_S ITERATIONS" per case (default "6 2 10"; QUICK: "1 1 2")
#   LLHTTP_CFLAGS  compiler flags (default -O3; LLHTTP_STRICT_MODE=1 is always added)
#   RESULTS    directory for the results (default benchmarks/results; e.g. /tmp/smoke for a trial run)
#
# llhttp: the C sources of Debian's node-llhttp package (installed with apt-get when missing, as
# root), compiled with gcc together with benchmarks/llhttp/llhttp_decode.c, strict mode, no lenient
# flag; the inputs are written by RequestSampleFiles from the jar, byte for byte the JMH inputs.
# Without gcc or the package the anchor is skipped, and the script says so.
#
# Writes benchmarks/results/codec.json (raw JMH), benchmarks/results/codec-llhttp.tsv (llhttp's
# iterations) and benchmarks/results/codec.md (the table), and prints the table.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${QUICK:-0}" == 1 ]]; then
    default_opts="-f 1 -wi 1 -i 2 -w 1s -r 1s"
    default_llhttp_timing="1 1 2"
    label="SMOKE RUN (quick mode: too short for publication)"
else
    default_opts="-f 2 -wi 3 -i 5 -w 2s -r 2s"
    default_llhttp_timing="6 2 10"
    label=""
fi
read -r llhttp_warmup llhttp_iteration llhttp_iterations <<< "${LLHTTP_TIMING:-$default_llhttp_timing}"
llhttp_cflags="${LLHTTP_CFLAGS:--O3}"
jmh_opts="${JMH_OPTS:-$default_opts}"
bench="${BENCH:-dev.barehttp.benchmarks.}"
jar=benchmarks/target/benchmarks.jar
results="${RESULTS:-benchmarks/results}"
llhttp_results="$results/codec-llhttp.tsv"
mkdir -p "$results"
work="$(mktemp -d -t barehttp-codec.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# Prints the directory of llhttp's C sources (llhttp.c, api.c, http.c and llhttp.h), installing
# Debian's node-llhttp when it is missing and apt-get can; prints nothing when they cannot be had.
llhttp_sources() {
    if ! dpkg -s node-llhttp > /dev/null 2>&1 && [[ "$(id -u)" == 0 ]] && command -v apt-get > /dev/null; then
        echo "installing node-llhttp (llhttp's C sources) with apt-get..." >&2
        { apt-get update -qq && apt-get install -y -qq node-llhttp > /dev/null; } >&2 || true
    fi
    local c
    c="$(dpkg -L node-llhttp 2> /dev/null | grep '/llhttp\.c$' | head -1 || true)"
    [[ -n "$c" && -f "$(dirname "$c")/api.c" && -f "$(dirname "$c")/http.c" ]] && dirname "$c"
}

# Prints the directory holding llhttp.h: the package's include directory, else the sources' ($1).
llhttp_include() {
    local h
    h="$(dpkg -L node-llhttp 2> /dev/null | grep '/llhttp\.h$' | head -1 || true)"
    if [[ -n "$h" ]]; then dirname "$h"; else echo "$1"; fi
}

# Prints llhttp's version from the header in directory $1.
llhttp_version() {
    awk '/#define LLHTTP_VERSION_(MAJOR|MINOR|PATCH)/ {v = v (v ? "." : "") $3} END {print v}' "$1/llhttp.h"
}

# The llhttp anchor: builds the harness, writes the samples from the jar, times every sample.
run_llhttp() {
    local src
    src="$(llhttp_sources)"
    if [[ -z "$src" ]] || ! command -v gcc > /dev/null; then
        echo "llhttp anchor skipped: needs gcc and Debian's node-llhttp (apt-get install gcc node-llhttp)" >&2
        rm -f "$llhttp_results"
        return
    fi
    local flags="$llhttp_cflags -DLLHTTP_STRICT_MODE=1" include
    include="$(llhttp_include "$src")"
    # -w: llhttp's generated code warns a lot; the harness itself builds clean with -Wall -Wextra.
    # shellcheck disable=SC2086
    gcc $flags -w -I"$include" -o "$work/llhttp-decode" benchmarks/llhttp/llhttp_decode.c \
        "$src/llhttp.c" "$src/api.c" "$src/http.c"
    java -cp "$jar" dev.barehttp.benchmarks.RequestSampleFiles "$work/samples"
    {
        echo "# llhttp: $(llhttp_version "$include") (Debian node-llhttp $(dpkg-query -W -f '${Version}' node-llhttp))"
        echo "# cc: $(gcc --version | head -1)"
        echo "# cflags: $flags"
        echo "# timing: ${llhttp_warmup} s warm-up, ${llhttp_iterations} x ${llhttp_iteration} s measurement"
        printf 'sample\titeration\trequests_per_s\n'
    } > "$llhttp_results"
    local name file requests body
    while IFS=$'\t' read -r name file requests body; do
        echo "llhttp: $name" >&2
        if ! "$work/llhttp-decode" "$name" "$file" "$requests" "$body" \
            "$llhttp_warmup" "$llhttp_iteration" "$llhttp_iterations" >> "$llhttp_results"; then
            echo "llhttp anchor dropped: the harness failed on $name" >&2
            rm -f "$llhttp_results"
            return
        fi
    done < "$work/samples/samples.tsv"
}

if [[ "${BUILD:-1}" == 1 ]]; then
    echo "building the benchmarks jar (clean: an incremental build can keep a stale class)..." >&2
    # shellcheck disable=SC2086
    mvn -B -q ${MVN_ARGS:-} -Pbench -Dmaven.test.skip=true -pl benchmarks -am clean package >&2
fi

java -version 2>&1 | head -1 >&2
# shellcheck disable=SC2086
java -jar "$jar" $jmh_opts -t 1 -prof gc -rf json -rff "$results/codec.json" "$bench" >&2
if [[ "${LLHTTP:-1}" == 1 ]]; then
    run_llhttp
else
    rm -f "$llhttp_results"
fi

# The command as run: the settings given in the environment, then the script.
command="benchmarks/codec.sh"
[[ -n "${BENCH:-}" ]] && command="BENCH=$bench $command"
[[ -n "${JMH_OPTS:-}" ]] && command="JMH_OPTS=\"$jmh_opts\" $command"
[[ -n "${LLHTTP_TIMING:-}" ]] && command="LLHTTP_TIMING=\"$LLHTTP_TIMING\" $command"
[[ -n "${LLHTTP:-}" ]] && command="LLHTTP=$LLHTTP $command"
[[ "${QUICK:-0}" == 1 ]] && command="QUICK=1 $command"
anchor=()
[[ -f "$llhttp_results" ]] && anchor=(--llhttp "$llhttp_results")
python3 benchmarks/jmh_table.py "$results/codec.json" "${anchor[@]}" --command "$command" --label "$label" \
    > "$results/codec.md"
cat "$results/codec.md"
