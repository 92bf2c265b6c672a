#!/usr/bin/env bash
# The ONE command that runs all tests:  ./test.sh [extra `dotnet test` args, e.g. --filter Foo]
#
# 1. Installs what is missing (PostgreSQL, Redis, Chromium, fonts) with apt-get.
# 2. Starts throwaway PostgreSQL + Redis servers on loopback in a temp dir (stopped on exit),
#    unless a Docker engine answers: then the test fixtures use Testcontainers instead.
#    Variables already set by the caller (SAAS_TEST_POSTGRES / SAAS_TEST_REDIS /
#    SAAS_TEST_CHROMIUM) are respected, so you can point the tests at your own servers.
# 3. Builds Saas.sln (Release) and runs `dotnet test`, then prints
#    "Tests: N passed, N failed, N skipped" and exits non-zero on any failure or if no test ran.
#
# Knobs (environment):
#   SAAS_TEST_SERVERS_ONLY=1  only install + start the servers and print the exported variables;
#                             with arguments, run them as a command in that environment and exit
#                             (e.g. SAAS_TEST_SERVERS_ONLY=1 ./test.sh dotnet test tests/Foo);
#                             without, wait until Ctrl-C / SIGTERM, then stop the servers.
#   SAAS_TEST_KEEP_TMP=1      keep the temp dir (server logs, .trx results) after the run.
#   SAAS_TEST_VERBOSITY=...   console logger verbosity for dotnet test (default: minimal,
#                             which lists failures only; use normal to list every test).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'test.sh: error: %s\n' "$*" >&2; exit 1; }

# ---- timing -------------------------------------------------------------------------------
PHASES=()
phase_start=$SECONDS
phase_done() { PHASES+=("$(printf '%-8s %4ds' "$1" $((SECONDS - phase_start)))"); phase_start=$SECONDS; }
timing_printed=0
print_timing() {
  [[ $timing_printed == 1 || ${#PHASES[@]} == 0 ]] && return 0
  timing_printed=1
  echo "Timing (seconds):"
  printf '  %s\n' "${PHASES[@]}" "$(printf '%-8s %4ds' total "$SECONDS")"
}

# ---- temp dir + cleanup -------------------------------------------------------------------
TMP_DIR=$(mktemp -d "${TMPDIR:-/tmp}/saas-test.XXXXXX")
chmod 755 "$TMP_DIR"   # the postgres OS user must be able to enter it
PG_CTL=()
PGDATA_DIR="" REDIS_PORT="" WAIT_PID=""
cleanup() {
  local rc=$?
  set +e
  [[ -n $WAIT_PID ]] && kill "$WAIT_PID" 2>/dev/null
  if [[ -n $PGDATA_DIR && -f $PGDATA_DIR/postmaster.pid ]]; then
    "${PG_CTL[@]}" -D "$PGDATA_DIR" -m immediate -w stop >/dev/null 2>&1
  fi
  if [[ -f $TMP_DIR/redis.pid ]]; then
    local pid i
    pid=$(cat "$TMP_DIR/redis.pid")
    kill "$pid" 2>/dev/null
    # wait for it, else it may still write into the temp dir while we delete it
    for ((i = 0; i < 50; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  print_timing
  if [[ ${SAAS_TEST_KEEP_TMP:-} == 1 ]]; then
    echo "Kept $TMP_DIR" >&2
  else
    rm -rf "$TMP_DIR" 2>/dev/null || { sleep 1; rm -rf "$TMP_DIR"; }
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_root() { if [[ $(id -u) == 0 ]]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root (or sudo) to run: $*"; fi; }

# ---- 1. install what is missing -----------------------------------------------------------
docker_engine=0
if command -v docker >/dev/null 2>&1 && timeout 5 docker info >/dev/null 2>&1; then
  docker_engine=1
fi
SAAS_TEST_CHROMIUM=${SAAS_TEST_CHROMIUM:-/usr/bin/chromium}
need_servers=0
if [[ $docker_engine == 0 ]] && [[ -z ${SAAS_TEST_POSTGRES:-} || -z ${SAAS_TEST_REDIS:-} ]]; then
  need_servers=1
fi

missing=()
if [[ $need_servers == 1 ]]; then
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
  { command -v redis-server && command -v redis-cli; } >/dev/null || missing+=(redis-server)
fi
[[ -x $SAAS_TEST_CHROMIUM ]] || missing+=(chromium)
dpkg-query -W -f='${Status}' fonts-dejavu-core 2>/dev/null | grep -q 'install ok installed' || missing+=(fonts-dejavu-core)

if (( ${#missing[@]} )); then
  log "Installing: ${missing[*]}"
  # Quiet, but on failure show the whole apt log. The lock timeout waits for a concurrent
  # apt/dpkg (e.g. unattended-upgrades) instead of failing at once.
  apt_log=$TMP_DIR/apt.log
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get -q update >"$apt_log" 2>&1 ||
     ! as_root env DEBIAN_FRONTEND=noninteractive apt-get -q install -y --no-install-recommends \
         -o DPkg::Lock::Timeout=600 "${missing[@]}" >>"$apt_log" 2>&1; then
    cat "$apt_log" >&2
    die "apt-get failed"
  fi
fi
[[ -x $SAAS_TEST_CHROMIUM ]] || die "Chromium not found at $SAAS_TEST_CHROMIUM"
export SAAS_TEST_CHROMIUM
phase_done install

# ---- 2. throwaway servers -----------------------------------------------------------------
# A port is free when nothing listens on it (a stale server from an earlier run may still
# hold the default one; then we simply take the next).
port_in_use() {
  if command -v ss >/dev/null 2>&1; then
    [[ -n $(ss -Hltn "sport = :$1" 2>/dev/null) ]] && return 0
  fi
  timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}
free_port() {
  local p
  for ((p = $1; p < $1 + 200; p++)); do
    port_in_use "$p" || { echo "$p"; return 0; }
  done
  die "no free port in $1..$(($1 + 199))"
}

start_postgres() {
  local bin port locale=C
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$' && locale=C.UTF-8
  # initdb refuses to run as root, so run the server as the postgres OS user.
  if [[ $(id -u) == 0 ]]; then
    id -u postgres >/dev/null 2>&1 || useradd --system --user-group --no-create-home \
      --home-dir /nonexistent --shell /usr/sbin/nologin postgres
    chown postgres: "$TMP_DIR"
    PG_RUN=(runuser -u postgres --)
  else
    PG_RUN=()
  fi
  PG_CTL=("${PG_RUN[@]}" "$bin/pg_ctl")
  PGDATA_DIR=$TMP_DIR/pgdata
  if ! "${PG_RUN[@]}" "$bin/initdb" -D "$PGDATA_DIR" -A trust -U postgres --encoding=UTF8 \
       --locale="$locale" --no-sync >"$TMP_DIR/initdb.log" 2>&1; then
    cat "$TMP_DIR/initdb.log" >&2; die "initdb failed"
  fi
  # Throwaway data: durability settings off for speed; many connections because test
  # assemblies run in parallel, each with its own pooled databases.
  cat >>"$PGDATA_DIR/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$TMP_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
shared_buffers = 128MB
CONF
  local attempt
  for attempt in 1 2 3; do   # retry with another port if one got taken meanwhile
    port=$(free_port "${PG_PORT_BASE:-55432}")
    if "${PG_CTL[@]}" -D "$PGDATA_DIR" -l "$TMP_DIR/postgres.log" -o "-p $port" -w -t 60 start \
         >/dev/null 2>&1; then
      export SAAS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Database=postgres"
      PG_PORT=$port
      return 0
    fi
    PG_PORT_BASE=$((port + 1))
  done
  cat "$TMP_DIR/postgres.log" >&2
  die "PostgreSQL did not start"
}

start_redis() {
  local port attempt i
  for attempt in 1 2 3; do
    port=$(free_port "${REDIS_PORT_BASE:-56379}")
    rm -f "$TMP_DIR/redis.pid"
    if redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
         --dir "$TMP_DIR" --pidfile "$TMP_DIR/redis.pid" --logfile "$TMP_DIR/redis.log" >/dev/null; then
      for ((i = 0; i < 100; i++)); do
        if [[ $(redis-cli -p "$port" ping 2>/dev/null) == PONG ]]; then
          export SAAS_TEST_REDIS="127.0.0.1:$port"
          REDIS_PORT=$port
          return 0
        fi
        # daemonized redis exits quickly when the bind fails: stop waiting then
        [[ -f $TMP_DIR/redis.pid ]] || (( i < 10 )) || break
        sleep 0.1
      done
    fi
    REDIS_PORT_BASE=$((port + 1))
  done
  cat "$TMP_DIR/redis.log" >&2 2>/dev/null || true
  die "Redis did not start"
}

if [[ $docker_engine == 1 ]]; then
  log "Docker engine found: tests use Testcontainers for PostgreSQL/Redis"
else
  [[ -n ${SAAS_TEST_POSTGRES:-} ]] || start_postgres
  [[ -n ${SAAS_TEST_REDIS:-} ]] || start_redis
fi
phase_done servers

if [[ ${SAAS_TEST_SERVERS_ONLY:-} == 1 ]]; then
  for v in SAAS_TEST_POSTGRES SAAS_TEST_REDIS SAAS_TEST_CHROMIUM; do
    [[ -n ${!v:-} ]] && printf 'export %s=%q\n' "$v" "${!v}"
  done
  if (( $# )); then
    "$@"
    exit $?
  fi
  echo "# servers running; Ctrl-C (or SIGTERM to $$) stops them" >&2
  sleep infinity &
  WAIT_PID=$!
  wait "$WAIT_PID"
  exit 0
fi

# ---- 3. build + test ----------------------------------------------------------------------
SLN=Saas.sln
[[ -f $SLN ]] || { [[ -f Saas.slnx ]] && SLN=Saas.slnx; } || die "Saas.sln not found"

log "Building $SLN"
dotnet build "$SLN" -c Release --nologo -v minimal
phase_done build

log "Testing"
RESULTS=$TMP_DIR/results
test_rc=0
dotnet test "$SLN" -c Release --no-build --nologo -v quiet \
  --results-directory "$RESULTS" \
  --logger "trx;LogFilePrefix=r" \
  --logger "console;verbosity=${SAAS_TEST_VERBOSITY:-minimal}" \
  "$@" || test_rc=$?
phase_done test

# ---- 4. summary from the .trx files ---------------------------------------------------------
# <Counters total=".." executed=".." passed=".." failed=".." error=".." ... notExecuted=".." .../>
# The trx logger leaves skipped tests out of "executed" but does not count them in
# "notExecuted", so skipped = total - executed.
counter() { # sum attribute $1 over all Counters elements
  local sum=0 n
  while read -r n; do sum=$((sum + n)); done < <(
    find "$RESULTS" -name '*.trx' -exec cat {} + 2>/dev/null |
      grep -o '<Counters [^>]*>' | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]\+' || true)
  echo "$sum"
}
total=$(counter total) executed=$(counter executed) passed=$(counter passed)
failed=$(( $(counter failed) + $(counter error) + $(counter timeout) + $(counter aborted) ))
skipped=$((total - executed))
print_timing
echo "Tests: $passed passed, $failed failed, $skipped skipped"

if (( test_rc != 0 )); then
  echo "test.sh: dotnet test exited with $test_rc" >&2; exit "$test_rc"
elif (( failed > 0 )); then
  exit 1
elif (( executed == 0 )); then
  echo "test.sh: no test was executed" >&2; exit 1
fi
