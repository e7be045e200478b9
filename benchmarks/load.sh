#!/usr/bin/env bash
# Server load benchmark: barehttp (blocking and nio transports) beside a Netty 4.2 server, with wrk,
# over 127.0.0.1 only, every run bounded in time.
#
#   benchmarks/load.sh              # full run: 3 rounds x 3 scenarios x 3 servers, 5 s warm-up + 10 s each, then idle connections (about 10 minutes)
#   SMOKE=1 benchmarks/load.sh      # smoke run: 1 round, 1 s warm-up + 2 s each (~1 min)
#
# Scenarios (wrk, 1 thread, GET /plaintext):
#   keepalive   64 keep-alive connections
#   pipelined   64 connections, 16 requests pipelined per round trip (wrk/plaintext.lua)
#   c1024       1,024 keep-alive connections
# Servers, each started fresh for every scenario of every round, with the same JVM flags:
#   blocking    java $JVM_OPTS -jar examples/target/barehttp-examples.jar demo --transport blocking
#   nio         java $JVM_OPTS -jar examples/target/barehttp-examples.jar demo --transport nio
#   netty       java $JVM_OPTS -cp benchmarks/target/benchmarks.jar dev.barehttp.benchmarks.NettyPlaintextServer
# The order of the servers rotates every round (A B C, B C A, C A B); the table reports medians.
# Peak resident memory is the server's VmHWM (/proc/PID/status) after warm-up and measurement.
#
# Environment: ROUNDS (3), DURATION (10s), WARMUP (5s, 0 = none), SERVERS ("blocking nio nio-loop netty"),
#   SCENARIOS ("keepalive pipelined c1024"), JVM_OPTS ("-Xms256m -Xmx1g"), JAVA (java), PORT (18080, first
#   port used), BUILD (1; 0 = use the jars as they are), MVN_ARGS (extra Maven arguments, e.g. -o),
#   IDLE (1 in a full run, 0 in a smoke run: afterwards run benchmarks/idle-connections.sh against every
#   server, IDLE_CONNECTIONS (10000) idle keep-alive connections each, into benchmarks/results/idle.md).
# Writes benchmarks/results/load.tsv (every run) and benchmarks/results/load.md (the tables), prints the tables.
set -euo pipefail
cd "$(dirname "$0")/.."

# The command as run: the settings given in the environment, then the script.
command="benchmarks/load.sh"
for var in HOLD_SECONDS IDLE_CONNECTIONS IDLE JVM_OPTS SCENARIOS SERVERS WARMUP DURATION ROUNDS SMOKE; do
    if [[ -n "${!var+set}" ]]; then
        value="${!var}"
        [[ "$value" == *" "* ]] && value="\"$value\""
        command="$var=$value $command"
    fi
done

if [[ "${SMOKE:-0}" == 1 ]]; then
    ROUNDS="${ROUNDS:-1}" DURATION="${DURATION:-2s}" WARMUP="${WARMUP:-1s}"
    label="SMOKE RUN (too short for publication)"
    idle="${IDLE:-0}"
else
    label=""
    idle="${IDLE:-1}"
fi
idle_connections="${IDLE_CONNECTIONS:-10000}"
rounds="${ROUNDS:-3}"
duration="${DURATION:-10s}"
warmup="${WARMUP:-5s}"
read -r -a servers <<< "${SERVERS:-blocking nio nio-loop netty}"
read -r -a scenarios <<< "${SCENARIOS:-keepalive pipelined c1024}"
jvm_opts="${JVM_OPTS:--Xms256m -Xmx1g}"
java_bin="${JAVA:-java}"
port="${PORT:-18080}"
results=benchmarks/results
logs="$results/load-logs"
examples_jar=examples/target/barehttp-examples.jar
bench_jar=benchmarks/target/benchmarks.jar
lua=benchmarks/wrk/plaintext.lua
mkdir -p "$results" "$logs"

ensure_wrk() {
    if command -v wrk > /dev/null; then
        return
    fi
    if [[ "$(id -u)" == 0 ]] && command -v apt-get > /dev/null; then
        echo "installing wrk with apt-get..." >&2
        apt-get update -qq && apt-get install -y -qq wrk > /dev/null
    fi
    command -v wrk > /dev/null || { echo "wrk is missing: install it (Debian: apt-get install wrk)" >&2; exit 1; }
}

build() {
    if [[ "${BUILD:-1}" == 1 ]]; then
        echo "building the examples and benchmarks jars..." >&2
        # shellcheck disable=SC2086
        mvn -B -q ${MVN_ARGS:-} -Pbench -Dmaven.test.skip=true -pl examples,benchmarks -am package >&2
    fi
    for jar in "$examples_jar" "$bench_jar"; do
        [[ -f "$jar" ]] || { echo "missing $jar (run without BUILD=0)" >&2; exit 1; }
    done
}

# Prints the command line that starts server $1 on port $2.
server_command() {
    case "$1" in
        blocking | nio) echo "$java_bin $jvm_opts -jar $examples_jar demo --port $2 --transport $1" ;;
        nio-loop) echo "$java_bin $jvm_opts -jar $examples_jar demo --port $2 --transport nio" ;;
        netty) echo "$java_bin $jvm_opts -cp $bench_jar dev.barehttp.benchmarks.NettyPlaintextServer --port $2" ;;
        *) echo "unknown server $1 (known: blocking nio nio-loop netty)" >&2; exit 1 ;;
    esac
}

# Prints "connections depth" for scenario $1.
scenario_shape() {
    case "$1" in
        keepalive) echo "64 1" ;;
        pipelined) echo "64 16" ;;
        c1024) echo "1024 1" ;;
        *) echo "unknown scenario $1 (known: keepalive pipelined c1024)" >&2; exit 1 ;;
    esac
}

server_pid=""

# Starts server $1 on port $2 and waits until /plaintext answers 200 (at most 30 s).
start_server() {
    local log="$logs/$1-$2.log"
    # shellcheck disable=SC2046
    $(server_command "$1" "$2") > "$log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 300); do
        if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$2/plaintext" || true)" == 200 ]]; then
            return
        fi
        if ! kill -0 "$server_pid" 2> /dev/null; then
            echo "server $1 exited before answering; its log ($log):" >&2
            cat "$log" >&2
            exit 1
        fi
        sleep 0.1
    done
    echo "server $1 did not answer within 30 s; log: $log" >&2
    stop_server
    exit 1
}

# Stops the server started last: TERM, then KILL after 10 s.
stop_server() {
    [[ -n "$server_pid" ]] || return 0
    kill -TERM "$server_pid" 2> /dev/null || true
    for _ in $(seq 1 100); do
        kill -0 "$server_pid" 2> /dev/null || break
        sleep 0.1
    done
    kill -KILL "$server_pid" 2> /dev/null || true
    wait "$server_pid" 2> /dev/null || true
    server_pid=""
}
trap stop_server EXIT

# Runs wrk for scenario $1 against port $2 for duration $3; prints its RESULT line.
run_wrk() {
    local connections depth
    read -r connections depth <<< "$(scenario_shape "$1")"
    wrk -t1 -c"$connections" -d"$3" --timeout 2s -s "$lua" "http://127.0.0.1:$2/plaintext" -- "$depth" \
        | grep '^RESULT ' || echo "RESULT requests=0 duration_us=1 p50_us=0 p99_us=0 connect=0 read=0 write=0 status=0 timeout=0 wrk_failed=1"
}

# One measurement: fresh server $1, scenario $2, round $3; appends a row to load.tsv.
measure() {
    local server=$1 scenario=$2 round=$3
    port=$((port + 1))
    start_server "$server" "$port"
    if [[ "$warmup" != 0 && "$warmup" != 0s ]]; then
        run_wrk "$scenario" "$port" "$warmup" > /dev/null
    fi
    local result hwm
    result="$(run_wrk "$scenario" "$port" "$duration")"
    hwm="$(awk '/^VmHWM:/ {print $2}' "/proc/$server_pid/status" 2> /dev/null || true)"
    if [[ -z "$hwm" ]]; then
        echo "WARNING: server $server died during $scenario (round $round); log: $logs/$server-$port.log" >&2
        hwm=0
    fi
    stop_server
    # RESULT key=value ... -> values in a fixed column order
    local values
    values="$(echo "$result" | tr ' ' '\n' | grep '=' | cut -d= -f2 | head -9 | paste -sd '\t')"
    printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$scenario" "$server" "$values" "$hwm" >> "$results/load.tsv"
    echo "round $round  $scenario  $server: $result VmHWM=${hwm}kB" >&2
}

ensure_wrk
build
ulimit -n 65536 2> /dev/null || ulimit -n "$(ulimit -Hn)"

{
    echo "# label: $label"
    echo "# command: $command"
    echo "# jdk: $("$java_bin" -version 2>&1 | head -1)"
    echo "# jvm_opts: $jvm_opts"
    echo "# cores: $(nproc)"
    echo "# cpu: $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
    echo "# wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
    echo "# duration: $duration"
    echo "# warmup: $warmup"
    echo "# rounds: $rounds"
    printf 'round\tscenario\tserver\trequests\tduration_us\tp50_us\tp99_us\tconnect\tread\twrite\tstatus\ttimeout\tvmhwm_kb\n'
} > "$results/load.tsv"

for round in $(seq 1 "$rounds"); do
    for scenario in "${scenarios[@]}"; do
        n=${#servers[@]}
        for i in $(seq 0 $((n - 1))); do
            measure "${servers[$(((i + round - 1) % n))]}" "$scenario" "$round"
        done
    done
done

python3 benchmarks/load_table.py "$results/load.tsv" > "$results/load.md"
cat "$results/load.md"

# Idle keep-alive connections (benchmarks/idle-connections.sh): memory per connection, every server.
if [[ "$idle" == 1 ]]; then
    if [[ ! -x benchmarks/idle-connections.sh ]]; then
        echo "benchmarks/idle-connections.sh is missing: idle-connection figures skipped" >&2
        exit 0
    fi
    {
        [[ -n "$label" ]] && printf '**%s**\n\n' "$label"
        for server in "${servers[@]}"; do
            # nio-loop holds idle connections exactly as nio does: one figure for both.
            [[ "$server" == nio-loop ]] && continue
            port=$((port + 1))
            if [[ "$server" == netty ]]; then
                out="$(PORT=$port SERVER_CMD="$(server_command netty '{port}')" \
                    benchmarks/idle-connections.sh netty "$idle_connections")"
            else
                out="$(PORT=$port JAVA="$java_bin" JAVA_OPTS="$jvm_opts" \
                    benchmarks/idle-connections.sh "$server" "$idle_connections")"
            fi
            echo "$out" | awk '/^### /{p=1} p' | sed 's/^### Idle keep-alive connections: /#### /'
            echo
        done
        echo "Server JVM flags: \`$jvm_opts\`; $(nproc) cores; $("$java_bin" -version 2>&1 | head -1)."
        echo
        echo "Command: \`$command\` (idle part: \`benchmarks/idle-connections.sh SERVER $idle_connections\`)"
    } > "$results/idle.md"
    cat "$results/idle.md"
fi
