#!/usr/bin/env bash
# Issue 4 (signup) target, measured on the real host over loopback against PostgreSQL:
#   from the confirming click to a live town, p95 < 2 s.
# Each of COUNT signups goes through the real form; its link comes from the mail the host writes to
# its pickup folder; the timed request is the confirming POST (which provisions the town).
# Usage: bench/signup.sh   (env knobs: COUNT=100 PORT=5393)
# PostgreSQL: SAAS_TEST_POSTGRES (a superuser connection string) when set; otherwise the script runs
# itself through `SAAS_TEST_SERVERS_ONLY=1 ./test.sh`, which installs and starts one on loopback.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

if [[ -z ${SAAS_TEST_POSTGRES:-} ]]; then
  exec env SAAS_TEST_SERVERS_ONLY=1 ./test.sh "$0" "$@"
fi

COUNT=${COUNT:-100}
PORT=${PORT:-5393}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/signup-bench.XXXXXX")
DB=bench_signup_$$
HOST_PID=""

with_db() { sed -E "s/Database=[^;]*/Database=$1/" <<<"$SAAS_TEST_POSTGRES"; }
psql_admin() { dotnet "$DRIVER" sql "$SAAS_TEST_POSTGRES" "$1"; }

cleanup() {
  local rc=$?
  set +e
  if [[ -n $HOST_PID ]] && kill -0 "$HOST_PID" 2>/dev/null; then
    kill "$HOST_PID"; for _ in $(seq 50); do kill -0 "$HOST_PID" 2>/dev/null || break; sleep 0.2; done; kill -9 "$HOST_PID" 2>/dev/null
  fi
  if [[ $rc != 0 && -f $WORK/host.log ]]; then echo "--- last lines of the host log ---" >&2; tail -n 30 "$WORK/host.log" >&2; fi
  [[ -n ${DRIVER:-} && -f ${DRIVER:-} ]] && psql_admin "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT INT TERM

if ss -ltn "sport = :$PORT" | grep -q LISTEN; then echo "port $PORT is in use; set PORT=" >&2; exit 1; fi

echo "==> build (Release): host + bench driver"
timeout 900 dotnet build -c Release bench/Saas.Benchmarks -v quiet -nologo >"$WORK/build.log" 2>&1 || { tail -n 30 "$WORK/build.log"; exit 1; }
DRIVER=bench/Saas.Benchmarks/bin/Release/net10.0/Saas.Benchmarks.dll

psql_admin "CREATE DATABASE $DB"
export ConnectionStrings__Postgres; ConnectionStrings__Postgres=$(with_db "$DB")
export ConnectionStrings__PostgresApp; ConnectionStrings__PostgresApp="Host=$(sed -E 's/.*Host=([^;]*).*/\1/' <<<"$SAAS_TEST_POSTGRES");Port=$(sed -E 's/.*Port=([^;]*).*/\1/' <<<"$SAAS_TEST_POSTGRES");Database=$DB;Username=bench_app;Password=bench_app"
export Platform__DataPath="$WORK/data"

echo "==> start the host on 127.0.0.1:$PORT (Production, demo towns seeded, mail to the pickup folder)"
(
  cd src/Host
  export ASPNETCORE_ENVIRONMENT=Production Platform__RequestsPerMinute=100000000 Platform__ServerTiming=true
  exec dotnet bin/Release/net10.0/Saas.Host.dll --urls "http://127.0.0.1:$PORT"
) >>"$WORK/host.log" 2>&1 &
HOST_PID=$!
for i in $(seq 240); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/health/live" && break
  kill -0 "$HOST_PID" 2>/dev/null || { echo "host exited" >&2; exit 1; }
  [[ $i == 240 ]] && { echo "host not up after 120 s" >&2; exit 1; }
  sleep 0.5
done
echo "    host pid $HOST_PID up; load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
timeout 1800 dotnet "$DRIVER" signup-measure "http://127.0.0.1:$PORT" localhost "$WORK/data/mail" "$COUNT"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC')"
