#!/usr/bin/env bash
# Runs the security drills (security/drills.py) against the examples jar, on loopback only, on both
# transports: slowloris, slow body, never-reading client, pipelining flood, chunk extensions,
# connection flood and resets. Exits non-zero when a drill breaks its bound.
#
#   bash security/drills.sh                      # both transports, every drill
#   bash security/drills.sh --transport nio      # arguments go to drills.py (see its --help)
#
# JAR names the examples jar (default examples/target/barehttp-examples.jar; built when missing),
# JAVA the java binary for the servers, DRILLS_TIMEOUT the bound on the whole run in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

JAR=${JAR:-examples/target/barehttp-examples.jar}
JAVA=${JAVA:-java}
DRILLS_TIMEOUT=${DRILLS_TIMEOUT:-360}

if [ ! -f "$JAR" ]; then
  echo "== building the examples jar =="
  mvn -B -q -DskipTests package
fi

# Slowloris holds 2,000 connections: each side (this client, the server) needs that many descriptors.
want=8192
hard=$(ulimit -Hn)
if [ "$hard" != unlimited ] && [ "$hard" -lt "$want" ]; then want=$hard; fi
ulimit -n "$want"
if [ "$(ulimit -n)" -lt 4096 ]; then
  echo "drills: the open-file limit is $(ulimit -n); the slowloris drill needs 4096" >&2
  exit 2
fi

state=$(mktemp -d "${TMPDIR:-/tmp}/barehttp-drills-sh.XXXXXX")
pid_file="$state/servers"
: > "$pid_file"
runner=""

cleanup() {
  if [ -n "$runner" ] && kill -0 "$runner" 2>/dev/null; then
    kill -TERM "$runner" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$runner" 2>/dev/null || break; sleep 0.5; done
  fi
  # Servers the runner could not stop itself (it was killed, say): only ours, checked by command line.
  while read -r pid; do
    [ -n "$pid" ] || continue
    if grep -qs "barehttp-examples" "/proc/$pid/cmdline"; then
      kill -KILL "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
  done < "$pid_file"
  rm -rf -- "$state"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "== security drills ($(nproc) cores, open-file limit $(ulimit -n), $("$JAVA" -version 2>&1 | head -1)) =="
timeout --kill-after=20 "$DRILLS_TIMEOUT" python3 security/drills.py --jar "$JAR" --java "$JAVA" \
  --pid-file "$pid_file" "$@" &
runner=$!
rc=0
wait "$runner" || rc=$?
runner=""
if [ "$rc" -eq 124 ]; then echo "drills: the run passed its ${DRILLS_TIMEOUT} s bound" >&2; fi
exit "$rc"
