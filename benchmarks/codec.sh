#!/usr/bin/env bash
# Codec micro-benchmarks, barehttp beside Netty 4.2, one thread, allocation measured with -prof gc.
#
#   benchmarks/codec.sh                 # full run: -f 2 -wi 3 -i 5 -w 2s -r 2s (about 8 minutes)
#   QUICK=1 benchmarks/codec.sh         # smoke run: -f 1 -wi 1 -i 2 -w 1s -r 1s (about 1 minute)
#
# Environment:
#   JMH_OPTS   JMH options replacing the defaults above (e.g. "-f 1 -wi 2 -i 3")
#   BENCH      benchmark regex (default: every benchmark of the module)
#   BUILD=0    skip the Maven build (use the jar already in benchmarks/target)
#   MVN_ARGS   extra Maven arguments (e.g. -o)
#
# Writes benchmarks/results/codec.json (raw JMH) and benchmarks/results/codec.md (the table),
# and prints the table.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${QUICK:-0}" == 1 ]]; then
    default_opts="-f 1 -wi 1 -i 2 -w 1s -r 1s"
    label="SMOKE RUN (quick mode: too short for publication)"
else
    default_opts="-f 2 -wi 3 -i 5 -w 2s -r 2s"
    label=""
fi
jmh_opts="${JMH_OPTS:-$default_opts}"
bench="${BENCH:-dev.barehttp.benchmarks.}"
jar=benchmarks/target/benchmarks.jar
results=benchmarks/results
mkdir -p "$results"

if [[ "${BUILD:-1}" == 1 ]]; then
    echo "building the benchmarks jar..." >&2
    # shellcheck disable=SC2086
    mvn -B -q ${MVN_ARGS:-} -Pbench -Dmaven.test.skip=true -pl benchmarks -am package >&2
fi

java -version 2>&1 | head -1 >&2
# shellcheck disable=SC2086
java -jar "$jar" $jmh_opts -t 1 -prof gc -rf json -rff "$results/codec.json" "$bench" >&2

# The command as run: the settings given in the environment, then the script.
command="benchmarks/codec.sh"
[[ -n "${BENCH:-}" ]] && command="BENCH=$bench $command"
[[ -n "${JMH_OPTS:-}" ]] && command="JMH_OPTS=\"$jmh_opts\" $command"
[[ "${QUICK:-0}" == 1 ]] && command="QUICK=1 $command"
python3 benchmarks/jmh_table.py "$results/codec.json" --command "$command" --label "$label" > "$results/codec.md"
cat "$results/codec.md"
