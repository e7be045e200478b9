#!/usr/bin/env bash
# Server load benchmark: barehttp (blocking and nio transports) beside a Netty 4.2 server and two
# anchors (nginx, Helidon 4 SE), with wrk, over 127.0.0.1 only, every run bounded in time.
#
#   benchmarks/load.sh              # full run: 3 rounds x 4 scenarios x every server, 5 s warm-up + 10 s each, then idle connections (about 20 minutes)
#   SMOKE=1 benchmarks/load.sh      # smoke run: 1 round, 1 s warm-up + 2 s each (~2 min)
#
# Scenarios (wrk, 1 thread, GET /plaintext):
#   keepalive   64 keep-alive connections
#   pipelined   64 connections, 16 requests pipelined per round trip (wrk/plaintext.lua)
#   c1024       1,024 keep-alive connections
#   tls         64 keep-alive connections over HTTPS (the protocol and cipher wrk's OpenSSL and the server agree on), a
#               self-signed RSA 2048 key made with keytool for the run, the same key for every server;
#               keep WARMUP at 5 s or more: a fresh JVM's first handshakes are slow
# Servers, each started fresh for every scenario of every round, with the same JVM flags:
#   blocking    java $JVM_OPTS -jar examples/target/barehttp-examples.jar demo --transport blocking
#   nio         java $JVM_OPTS -jar examples/target/barehttp-examples.jar demo --transport nio
#               (/plaintext is declared non-blocking: answered on the selector thread)
#   nio-undeclared  the same server, measured on /plaintext/may-block: the same answer from a route
#               that may block (a handler thread per request)
#   netty       java $JVM_OPTS -cp benchmarks/target/benchmarks.jar dev.barehttp.benchmarks.NettyPlaintextServer
#               (TLS: an SslHandler on the JDK provider, as barehttp uses)
# Anchors, the same way, each skipped with a message when it cannot be installed or built:
#   nginx       Debian's nginx (apt-get install nginx when missing, as root), 1 worker, a config made
#               for the run (access_log off, keep-alive limits above anything wrk reaches), run as
#               nobody when the script runs as root; in every scenario, TLS included
#   helidon     $HELIDON_JAVA $JVM_OPTS -jar benchmarks-helidon/target/benchmarks-helidon.jar (Helidon 4.5.0
#               SE, virtual threads, TCP_NODELAY; built with -Pbench-helidon on JDK 21+); not in tls
# The order of the servers rotates every round (A B C, B C A, C A B); the table reports medians.
# Server CPU is the user + system time the server process (nginx: master and worker) used during the
# measured run (/proc/PID/stat), divided by the requests answered: what a request costs, which moves far
# less between runs than requests/s on a shared machine.
# Peak resident memory is the server's VmHWM (/proc/PID/status; for nginx master and worker summed)
# after warm-up and measurement.
#
# Environment: ROUNDS (3), DURATION (10s), WARMUP (5s, 0 = none), SERVERS ("blocking nio nio-undeclared netty"),
#   ANCHORS ("nginx helidon"; "" = none), SCENARIOS ("keepalive pipelined c1024 tls"),
#   JVM_OPTS ("-Xms256m -Xmx1g"), JAVA (java), HELIDON_JAVA (a java 21+: JDK 25 at
#   /usr/lib/jvm/temurin-25-jdk-amd64 if there, else JAVA if it is 21+), NGINX (nginx), PORT (18080,
#   first port used), BUILD (1; 0 = use the jars as they are), MVN_ARGS (extra Maven arguments, e.g. -o),
#   RESULTS (benchmarks/results; another directory keeps trial runs out of it),
#   IDLE (1 in a full run, 0 in a smoke run: afterwards run benchmarks/idle-connections.sh against every
#   server of SERVERS, IDLE_CONNECTIONS (10000) idle keep-alive connections each, into RESULTS/idle.md).
# Writes RESULTS/load.tsv (every run) and RESULTS/load.md (the tables), prints the tables.
set -euo pipefail
cd "$(dirname "$0")/.."

# The command as run: the settings given in the environment, then the script.
command="benchmarks/load.sh"
for var in HOLD_SECONDS IDLE_CONNECTIONS IDLE JVM_OPTS SCENARIOS ANCHORS SERVERS WARMUP DURATION ROUNDS SMOKE; do
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
read -r -a servers <<< "${SERVERS:-blocking nio nio-undeclared netty}"
read -r -a anchors <<< "${ANCHORS-nginx helidon}"
read -r -a scenarios <<< "${SCENARIOS:-keepalive pipelined c1024 tls}"
jvm_opts="${JVM_OPTS:--Xms256m -Xmx1g}"
java_bin="${JAVA:-java}"
nginx_bin="${NGINX:-nginx}"
port="${PORT:-18080}"
clock_ticks="$(getconf CLK_TCK 2> /dev/null || echo 100)"
results="${RESULTS:-benchmarks/results}"
logs="$results/load-logs"
examples_jar=examples/target/barehttp-examples.jar
bench_jar=benchmarks/target/benchmarks.jar
helidon_jar=benchmarks-helidon/target/benchmarks-helidon.jar
lua=benchmarks/wrk/plaintext.lua
mkdir -p "$results" "$logs"
# Keystore, nginx configurations: made for this run, gone after it. Readable by all, so an nginx
# started as nobody reads them; the key is a throwaway made here.
work="$(mktemp -d -t barehttp-load.XXXXXX)"
chmod 755 "$work"
tls_password=barehttp-bench
tls_keystore="$work/tls.p12"

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
        # clean first: an incremental build can keep a stale class and measure it.
        # shellcheck disable=SC2086
        mvn -B -q ${MVN_ARGS:-} -Pbench -Dmaven.test.skip=true -pl examples,benchmarks -am clean package >&2
    fi
    for jar in "$examples_jar" "$bench_jar"; do
        [[ -f "$jar" ]] || { echo "missing $jar (run without BUILD=0)" >&2; exit 1; }
    done
}

# Prints "true" when java $1 is version 21 or newer.
java_21_or_newer() {
    local major
    major="$("$1" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print v[1]; exit}')"
    [[ "$major" =~ ^[0-9]+$ && "$major" -ge 21 ]] && echo true
}

# Prints the java that runs and builds Helidon (21+), or nothing.
helidon_java() {
    local candidate
    for candidate in "${HELIDON_JAVA:-}" /usr/lib/jvm/temurin-25-jdk-amd64/bin/java "$java_bin"; do
        if [[ -n "$candidate" && -x "$(command -v "$candidate" 2> /dev/null)" && -n "$(java_21_or_newer "$candidate")" ]]; then
            command -v "$candidate"
            return
        fi
    done
}

# Returns 0 when anchor $1 can run, after installing or building it; else says why and returns 1.
prepare_anchor() {
    case "$1" in
        nginx)
            # Debian puts nginx in /usr/sbin, which a user's PATH may lack. An NGINX given is used as is.
            if [[ -z "${NGINX:-}" ]]; then
                if ! command -v nginx > /dev/null && [[ ! -x /usr/sbin/nginx ]] \
                    && [[ "$(id -u)" == 0 ]] && command -v apt-get > /dev/null; then
                    echo "installing nginx with apt-get..." >&2
                    { apt-get update -qq && apt-get install -y -qq nginx > /dev/null; } >&2 || true
                fi
                nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
            fi
            [[ -x "$(command -v "$nginx_bin" 2> /dev/null)" ]] && return 0
            echo "nginx anchor skipped: no $nginx_bin (Debian: apt-get install nginx)" >&2
            ;;
        helidon)
            helidon_java_bin="$(helidon_java)"
            if [[ -z "$helidon_java_bin" ]]; then
                echo "helidon anchor skipped: Helidon 4 needs a java 21 or newer (set HELIDON_JAVA)" >&2
                return 1
            fi
            if [[ "${BUILD:-1}" == 1 ]]; then
                echo "building the Helidon anchor with $helidon_java_bin..." >&2
                # shellcheck disable=SC2086
                if ! JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$helidon_java_bin")")")" \
                    mvn -B -q ${MVN_ARGS:-} -Pbench-helidon -Dmaven.test.skip=true -pl benchmarks-helidon package >&2; then
                    echo "helidon anchor skipped: its build failed (the first build needs the Maven repository online)" >&2
                    return 1
                fi
            fi
            [[ -f "$helidon_jar" ]] && return 0
            echo "helidon anchor skipped: missing $helidon_jar (run without BUILD=0)" >&2
            ;;
        *) echo "unknown anchor $1 (known: nginx helidon)" >&2; exit 1 ;;
    esac
    return 1
}

# Makes the run's self-signed key: PKCS#12 for the Java servers, PEM copies for nginx.
make_tls_key() {
    [[ -f "$tls_keystore" ]] && return
    keytool -genkeypair -alias bench -keyalg RSA -keysize 2048 -validity 7 -storetype PKCS12 \
        -dname CN=127.0.0.1 -ext SAN=ip:127.0.0.1 -keystore "$tls_keystore" \
        -storepass "$tls_password" -keypass "$tls_password" > /dev/null 2>&1
    if command -v openssl > /dev/null; then
        openssl pkcs12 -in "$tls_keystore" -passin "pass:$tls_password" -nokeys -out "$work/tls-cert.pem" 2> /dev/null
        openssl pkcs12 -in "$tls_keystore" -passin "pass:$tls_password" -nocerts -nodes -out "$work/tls-key.pem" 2> /dev/null
        chmod 644 "$tls_keystore" "$work/tls-cert.pem" "$work/tls-key.pem"
    fi
}

# Writes an nginx configuration for port $1 and scheme $2 in its own directory; prints its path.
nginx_config() {
    local dir="$work/nginx-$1" listen="127.0.0.1:$1 backlog=4096" tls=""
    mkdir -p "$dir/temp"
    if [[ "$2" == https ]]; then
        listen="$listen ssl"
        # nginx before 1.23.4 leaves TLS 1.3 out of its default protocols; the JDK servers offer it.
        tls="ssl_certificate $work/tls-cert.pem; ssl_certificate_key $work/tls-key.pem; ssl_protocols TLSv1.2 TLSv1.3;"
    fi
    cat > "$dir/nginx.conf" << EOF
# Made by benchmarks/load.sh for one run. /plaintext answers what the demo and Netty answer.
daemon off;
master_process on;
worker_processes 1;
worker_rlimit_nofile 65536;
pid $dir/nginx.pid;
error_log stderr warn;
events { worker_connections 16384; }
http {
    access_log off;
    server_tokens off;
    keepalive_requests 1000000000;
    keepalive_timeout 300s;
    client_body_temp_path $dir/temp/body;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;
    server {
        listen $listen;
        $tls
        location = /plaintext {
            default_type text/plain;
            return 200 "Hello, World!";
        }
    }
}
EOF
    [[ "$(id -u)" == 0 ]] && chown -R nobody "$dir"
    echo "$dir/nginx.conf"
}

# Prints the nginx command line for port $1 and scheme $2: as nobody when run as root.
nginx_command() {
    local conf as=""
    conf="$(nginx_config "$1" "$2")"
    if [[ "$(id -u)" == 0 ]]; then
        as="setpriv --reuid=$(id -u nobody) --regid=$(id -g nobody) --clear-groups"
    fi
    echo "$as $nginx_bin -e stderr -p $(dirname "$conf") -c $conf"
}

# Succeeds when server $1 takes part in scenario $2: every server in every scenario, except that
# over TLS the Helidon anchor is left out, and nginx too when it has no PEM copy of the key.
serves() {
    [[ "$(scenario_shape "$2" | cut -d' ' -f3)" == https ]] || return 0
    case "$1" in
        helidon) return 1 ;;
        nginx) [[ -f "$work/tls-key.pem" ]] ;;
        *) return 0 ;;
    esac
}

# Prints what the TLS scenario's key and client library are.
tls_facts() {
    echo "self-signed RSA 2048 key (keytool), the same for every server; wrk with $(openssl version 2> /dev/null | cut -d' ' -f1-2)"
}

# Prints the command line that starts server $1 on port $2, serving scheme $3 (http by default).
# The demo and the Netty server both take the keystore as --tls-keystore PATH --tls-password PASS.
server_command() {
    case "$1" in
        nginx) nginx_command "$2" "${3:-http}" ;;
        helidon) echo "$helidon_java_bin $jvm_opts -jar $helidon_jar --port $2" ;;
        *)
            local command
            command="$(plain_server_command "$1" "$2")" || exit 1
            [[ "${3:-http}" == https ]] && command+=" --tls-keystore $tls_keystore --tls-password $tls_password"
            echo "$command"
            ;;
    esac
}

# Prints the command line that starts Java server $1 (barehttp's demo or Netty) on port $2, over HTTP.
plain_server_command() {
    case "$1" in
        blocking | nio) echo "$java_bin $jvm_opts -jar $examples_jar demo --port $2 --transport $1" ;;
        nio-undeclared) echo "$java_bin $jvm_opts -jar $examples_jar demo --port $2 --transport nio" ;;
        netty) echo "$java_bin $jvm_opts -cp $bench_jar dev.barehttp.benchmarks.NettyPlaintextServer --port $2" ;;
        *) echo "unknown server $1 (known: blocking nio nio-undeclared netty nginx helidon)" >&2; exit 1 ;;
    esac
}

# Prints the path measured on server $1: the demo's /plaintext is declared non-blocking (nio answers it
# on the selector thread); nio-undeclared measures the same answer from a route that may block.
server_path() {
    case "$1" in
        nio-undeclared) echo "/plaintext/may-block" ;;
        *) echo "/plaintext" ;;
    esac
}

# Prints "connections depth scheme" for scenario $1.
scenario_shape() {
    case "$1" in
        keepalive) echo "64 1 http" ;;
        pipelined) echo "64 16 http" ;;
        c1024) echo "1024 1 http" ;;
        tls) echo "64 1 https" ;;
        *) echo "unknown scenario $1 (known: keepalive pipelined c1024 tls)" >&2; exit 1 ;;
    esac
}

server_pid=""

# Fails, saying why, unless $1 answers what every server must: 200, Content-Type text/plain and the
# body Hello, World! (so no server is measured doing something else). Prints the answer's head once
# per server and scheme, for the log.
checked=" "
check_plaintext() {
    local server=$1 url=$2 head body
    head="$(curl -sk --max-time 2 -D - -o "$work/body" "$url" | tr -d '\r')" || true
    body="$(cat "$work/body" 2> /dev/null || true)"
    if [[ "$head" != "HTTP/1.1 200"* || "$body" != "Hello, World!" ]] \
        || ! grep -qix 'content-type: text/plain' <<< "$head"; then
        echo "server $server answers $url with something else than 200 text/plain Hello, World!:" >&2
        echo "$head" >&2
        return 1
    fi
    if [[ "$checked" != *" $server@${url%%:*} "* ]]; then
        checked+="$server@${url%%:*} "
        local tls=""
        if [[ "$url" == https:* ]]; then
            tls="; curl's $(curl -skv --max-time 2 -o /dev/null "$url" 2>&1 | grep -o 'SSL connection using .*' | head -1)"
        fi
        echo "$server answers ${url%%:*} /plaintext: $(echo "$head" | head -1); $(echo "$head" | tail -n +2 | grep -v '^$' | cut -d: -f1 | paste -sd ' ')$tls" >&2
    fi
}

# Starts server $1 on port $2 with scheme $3 and waits until /plaintext answers 200 (at most 30 s).
start_server() {
    local log="$logs/$1-$2.log"
    # shellcheck disable=SC2046
    $(server_command "$1" "$2" "$3") > "$log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 300); do
        # -k: the run's key is self-signed.
        if [[ "$(curl -sk -o /dev/null -w '%{http_code}' --max-time 1 "$3://127.0.0.1:$2$(server_path "$1")" || true)" == 200 ]]; then
            check_plaintext "$1" "$3://127.0.0.1:$2$(server_path "$1")" || { stop_server; exit 1; }
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
trap 'stop_server; rm -rf "$work"' EXIT

# Prints the peak resident memory in kB of process $1 and its children (nginx's worker), or
# nothing when $1 is gone.
peak_rss_kb() {
    [[ -r "/proc/$1/status" ]] || return 0
    local pid total=0 kb
    for pid in "$1" $(pgrep -P "$1" || true); do
        kb="$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2> /dev/null || true)"
        total=$((total + ${kb:-0}))
    done
    echo "$total"
}

# Prints the CPU time in clock ticks (user + system) that process $1 and its children (nginx's worker)
# have used so far, or nothing when $1 is gone.
cpu_ticks() {
    [[ -r "/proc/$1/stat" ]] || return 0
    local pid total=0 ticks
    for pid in "$1" $(pgrep -P "$1" || true); do
        # Fields 14 and 15 (utime, stime), counted after the ")" that ends the command name.
        ticks="$(sed 's/.*) //' "/proc/$pid/stat" 2> /dev/null | awk '{print $12 + $13}' || true)"
        total=$((total + ${ticks:-0}))
    done
    echo "$total"
}

# Runs wrk for scenario $1 against server $4 on port $2 for duration $3; prints its RESULT line.
run_wrk() {
    local connections depth scheme
    read -r connections depth scheme <<< "$(scenario_shape "$1")"
    wrk -t1 -c"$connections" -d"$3" --timeout 2s -s "$lua" "$scheme://127.0.0.1:$2$(server_path "$4")" -- "$depth" \
        | grep '^RESULT ' || echo "RESULT requests=0 duration_us=1 p50_us=0 p99_us=0 connect=0 read=0 write=0 status=0 timeout=0 wrk_failed=1"
}

# One measurement: fresh server $1, scenario $2, round $3; appends a row to load.tsv.
measure() {
    local server=$1 scenario=$2 round=$3 scheme
    serves "$server" "$scenario" || return 0
    scheme="$(scenario_shape "$scenario" | cut -d' ' -f3)"
    port=$((port + 1))
    start_server "$server" "$port" "$scheme"
    if [[ "$warmup" != 0 && "$warmup" != 0s ]]; then
        run_wrk "$scenario" "$port" "$warmup" "$server" > /dev/null
    fi
    local result hwm ticks_before ticks_after cpu_us
    ticks_before="$(cpu_ticks "$server_pid")"
    result="$(run_wrk "$scenario" "$port" "$duration" "$server")"
    ticks_after="$(cpu_ticks "$server_pid")"
    hwm="$(peak_rss_kb "$server_pid")"
    cpu_us=0
    if [[ -n "$ticks_before" && -n "$ticks_after" ]]; then
        cpu_us=$(( (ticks_after - ticks_before) * 1000000 / clock_ticks ))
    fi
    if [[ -z "$hwm" ]]; then
        echo "WARNING: server $server died during $scenario (round $round); log: $logs/$server-$port.log" >&2
        hwm=0
    fi
    stop_server
    # RESULT key=value ... -> values in a fixed column order
    local values
    values="$(echo "$result" | tr ' ' '\n' | grep '=' | cut -d= -f2 | head -9 | paste -sd '\t')"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$scenario" "$server" "$values" "$hwm" "$cpu_us" >> "$results/load.tsv"
    echo "round $round  $scenario  $server: $result VmHWM=${hwm}kB server_cpu_us=$cpu_us" >&2
}

ensure_wrk
build
ulimit -n 65536 2> /dev/null || ulimit -n "$(ulimit -Hn)"
helidon_java_bin=""
measured=("${servers[@]}")
for anchor in "${anchors[@]}"; do
    if prepare_anchor "$anchor"; then
        measured+=("$anchor")
    fi
done
for scenario in "${scenarios[@]}"; do
    if [[ "$(scenario_shape "$scenario" | cut -d' ' -f3)" == https ]]; then
        make_tls_key
        if [[ ! -f "$work/tls-key.pem" && " ${measured[*]} " == *" nginx "* ]]; then
            echo "nginx leaves the $scenario scenario: openssl is missing to give it the key as PEM" >&2
        fi
    fi
done

{
    echo "# label: $label"
    echo "# command: $command"
    echo "# jdk: $("$java_bin" -version 2>&1 | head -1)"
    echo "# jvm_opts: $jvm_opts"
    echo "# servers: ${measured[*]}"
    [[ -n "$helidon_java_bin" ]] && echo "# helidon_jdk: $("$helidon_java_bin" -version 2>&1 | head -1)"
    [[ " ${measured[*]} " == *" nginx "* ]] && echo "# nginx: $("$nginx_bin" -v 2>&1 | cut -d' ' -f3)"
    [[ -f "$tls_keystore" ]] && echo "# tls: $(tls_facts)"
    echo "# cores: $(nproc)"
    echo "# cpu: $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
    echo "# wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
    echo "# duration: $duration"
    echo "# warmup: $warmup"
    echo "# rounds: $rounds"
    printf 'round\tscenario\tserver\trequests\tduration_us\tp50_us\tp99_us\tconnect\tread\twrite\tstatus\ttimeout\tvmhwm_kb\tserver_cpu_us\n'
} > "$results/load.tsv"

for round in $(seq 1 "$rounds"); do
    for scenario in "${scenarios[@]}"; do
        n=${#measured[@]}
        for i in $(seq 0 $((n - 1))); do
            measure "${measured[$(((i + round - 1) % n))]}" "$scenario" "$round"
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
            # nio-undeclared holds idle connections exactly as nio does: one figure for both.
            [[ "$server" == nio-undeclared ]] && continue
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
