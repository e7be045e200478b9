#!/usr/bin/env bash
# Idle keep-alive connections with the heap pre-touched (-XX:+AlwaysPreTouch), for every server:
# the resident memory then grows only by what the connections themselves cost, not by heap pages
# first touched by short-lived garbage while 10,000 connections are accepted.
#
#   benchmarks/idle-pretouch.sh [N]        # default 10000; writes benchmarks/results/idle-pretouch.md
#
# Environment: JAVA (java), JVM_OPTS (-Xms256m -Xmx1g; -XX:+AlwaysPreTouch is added), SERVERS
# ("blocking nio netty"). Needs the examples jar and the benchmarks jar (mvn -B -Pbench -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
java_bin="${JAVA:-java}"
jvm_opts="${JVM_OPTS:--Xms256m -Xmx1g} -XX:+AlwaysPreTouch"
read -r -a servers <<< "${SERVERS:-blocking nio netty}"
results=benchmarks/results
mkdir -p "$results"
port=18700
{
    for server in "${servers[@]}"; do
        port=$((port + 1))
        if [[ "$server" == netty ]]; then
            out="$(PORT=$port SERVER_CMD="$java_bin $jvm_opts -cp benchmarks/target/benchmarks.jar dev.barehttp.benchmarks.NettyPlaintextServer --port {port}" \
                benchmarks/idle-connections.sh netty "$n")"
        else
            out="$(PORT=$port JAVA="$java_bin" JAVA_OPTS="$jvm_opts" benchmarks/idle-connections.sh "$server" "$n")"
        fi
        echo "$out" | awk '/^### /{p=1} p' | sed 's/^### Idle keep-alive connections: \(.*\)/#### \1, heap pre-touched/' | awk '/^\| second client/{exit} {print}'
    done
    echo "Server JVM flags: \`$jvm_opts\`; $(nproc) cores; $("$java_bin" -version 2>&1 | head -1)."
    echo
    echo "Command: \`benchmarks/idle-pretouch.sh $n\`"
} > "$results/idle-pretouch.md"
cat "$results/idle-pretouch.md"
