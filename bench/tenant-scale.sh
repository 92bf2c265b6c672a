#!/usr/bin/env bash
# Issue targets 2 and 3, measured on the real host over loopback:
#   2. serving each of TOWNS towns once adds < 200 MB to the host's RSS,
#   3. the first request to a town nobody visited costs <= 2x a warm request.
# Usage: bench/tenant-scale.sh            (env knobs: TOWNS=10000 SAMPLE=200 CONCURRENCY=8 PORT=5391)
# Embedded SQLite. Everything binds to 127.0.0.1; every process started here is stopped on exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

TOWNS=${TOWNS:-10000}
SAMPLE=${SAMPLE:-200}
CONCURRENCY=${CONCURRENCY:-8}
PORT=${PORT:-5391}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tenant-scale.XXXXXX")
HOST_PID=""

cleanup() {
  local rc=$?
  set +e
  if [[ -n $HOST_PID ]] && kill -0 "$HOST_PID" 2>/dev/null; then
    kill "$HOST_PID"
    for _ in $(seq 50); do kill -0 "$HOST_PID" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$HOST_PID" 2>/dev/null
  fi
  if [[ $rc != 0 && -f $WORK/host.log ]]; then echo "--- last lines of the host log ---" >&2; tail -n 30 "$WORK/host.log" >&2; fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT INT TERM

if ss -ltn "sport = :$PORT" | grep -q LISTEN; then echo "port $PORT is in use; set PORT=" >&2; exit 1; fi

echo "==> build (Release): host + bench driver"
timeout 600 dotnet build -c Release bench/Saas.Benchmarks -v quiet -nologo >"$WORK/build.log" 2>&1 || { tail -n 30 "$WORK/build.log"; exit 1; }
DRIVER=bench/Saas.Benchmarks/bin/Release/net10.0/Saas.Benchmarks.dll

echo "==> seed $TOWNS towns + 3 demo towns into $WORK/data (SQLite)"
timeout 900 dotnet "$DRIVER" seed "$WORK/data" "$TOWNS" "$PWD/src/Host"

echo "==> start the host on 127.0.0.1:$PORT (Production, server GC, seeding off, rate limit out of the way)"
# The built host, started as `dotnet run -c Release --project src/Host` would start it (content root
# src/Host), but without the launch profile, which would force ASPNETCORE_ENVIRONMENT=Development.
(
  cd src/Host
  export ASPNETCORE_ENVIRONMENT=Production Platform__DataPath="$WORK/data" Platform__SeedDemoTenants=false Platform__RequestsPerMinute=100000000
  exec dotnet bin/Release/net10.0/Saas.Host.dll --urls "http://127.0.0.1:$PORT"
) >"$WORK/host.log" 2>&1 &
HOST_PID=$!
for i in $(seq 240); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/health/live" && break
  kill -0 "$HOST_PID" 2>/dev/null || { echo "host exited" >&2; exit 1; }
  [[ $i == 240 ]] && { echo "host not up after 120 s" >&2; exit 1; }
  sleep 0.5
done
echo "    host pid $HOST_PID up; load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

echo "==> warm up on the demo towns, then the $SAMPLE-town first/warm sample, then every other town once"
timeout 1800 dotnet "$DRIVER" visit "http://127.0.0.1:$PORT" "$HOST_PID" "$TOWNS" "$SAMPLE" "$CONCURRENCY" localhost
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC')"
