#!/usr/bin/env bash
# Holds N idle keep-alive connections against a server and reports its live heap and resident
# memory before and while they are held, per connection, while a second client keeps being answered.
#
#   benchmarks/idle-connections.sh [TRANSPORT] [N]        # defaults: nio 10000
#
# The server is the examples jar's demo app on TRANSPORT (build it first:
# mvn -B -q -DskipTests package). Any other server (another transport, a Netty app...) is started
# with SERVER_CMD instead, where {port} stands for the port, e.g.
#   SERVER_CMD='java -cp netty-bench.jar NettyPlaintext {port}' benchmarks/idle-connections.sh netty 10000
# The server must answer GET /plaintext (or PATH) with 200 and a Content-Length body, accept at least
# N+1 connections, and keep idle connections longer than HOLD_SECONDS plus the time to open them.
#
# The demo is started with --max-connections N+16, so the second client fits beside the N held ones.
#
# Environment: PORT (18080), HOLD_SECONDS (10), PATH_TO_GET (/plaintext), JAVA (java),
# JAVA_OPTS (passed to the demo's JVM), SERVER_CMD (see above).
set -euo pipefail

TRANSPORT="${1:-nio}"
CONNECTIONS="${2:-10000}"
PORT="${PORT:-18080}"
HOLD_SECONDS="${HOLD_SECONDS:-10}"
PATH_TO_GET="${PATH_TO_GET:-/plaintext}"
JAVA="${JAVA:-java}"
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
JAR="$ROOT/examples/target/barehttp-examples.jar"

# Both the server and the client need a descriptor per connection, plus some.
NEEDED=$((CONNECTIONS + 1024))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$NEEDED" ]; then
    ulimit -n "$NEEDED" 2>/dev/null || ulimit -n "$(ulimit -Hn)"
fi
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$NEEDED" ]; then
    echo "open-file limit $(ulimit -n) is below the $NEEDED needed; raise the hard limit" >&2
    exit 2
fi

if [ -n "${SERVER_CMD:-}" ]; then
    COMMAND="${SERVER_CMD//\{port\}/$PORT}"
else
    if [ ! -f "$JAR" ]; then
        echo "missing $JAR: run 'mvn -B -q -DskipTests package' first" >&2
        exit 2
    fi
    # shellcheck disable=SC2086
    COMMAND="$JAVA ${JAVA_OPTS:-} -jar $JAR demo --port $PORT --transport $TRANSPORT --max-connections $((CONNECTIONS + 16))"
fi

LOG="$(mktemp -t idle-connections-server.XXXXXX)"
echo "server: $COMMAND (log: $LOG)"
# shellcheck disable=SC2086
bash -c "exec $COMMAND" >"$LOG" 2>&1 &
LAUNCHED=$!
cleanup() {
    if kill -0 "$LAUNCHED" 2>/dev/null; then
        kill "$LAUNCHED" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$LAUNCHED" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$LAUNCHED" 2>/dev/null || true
    fi
}
trap cleanup EXIT

# Wait (at most 30 s) until the port accepts connections.
for _ in $(seq 1 300); do
    if python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', $PORT), 0.2).close()" 2>/dev/null; then
        break
    fi
    if ! kill -0 "$LAUNCHED" 2>/dev/null; then
        echo "the server exited:" >&2
        cat "$LOG" >&2
        exit 2
    fi
    sleep 0.1
done

# The listening process, in case SERVER_CMD went through a wrapper that forked.
PID="$(ss -ltnpH "sport = :$PORT" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)"
PID="${PID:-$LAUNCHED}"
echo "server pid: $PID, transport: $TRANSPORT, idle connections: $CONNECTIONS, $(nproc) cores"

python3 "$HERE/idle_connections.py" --port "$PORT" --pid "$PID" --connections "$CONNECTIONS" \
    --hold-seconds "$HOLD_SECONDS" --path "$PATH_TO_GET" --label "$TRANSPORT"
