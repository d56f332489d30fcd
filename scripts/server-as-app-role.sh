#!/usr/bin/env bash
# Starts the server on a PostgreSQL server the way it should run there (decision record 021): a fresh database
# owned by an owner role, the app signed in as a login role that owns nothing, granted by `pnpm db:roles`. Checks
# that it starts (migrating and seeding as the owner), answers /healthz, signs a demo user in, does not warn that
# it owns the tables, and that its role cannot truncate the history. Drops the database and both roles afterwards.
#
#   scripts/server-as-app-role.sh [superuser URL]   (default postgres://postgres@127.0.0.1:5432/postgres)
#
# The server must let the new roles sign in without a password (trust, as on the CI machine).
set -euo pipefail
cd "$(dirname "$0")/.."

admin_url=${1:-postgres://postgres@127.0.0.1:5432/postgres}
hostport=$(node -e 'const u = new URL(process.argv[1]); console.log(u.host)' "$admin_url")
suffix="smoke_$$"
database="arrears_$suffix"
owner="arrears_owner_$suffix"
app="arrears_app_$suffix"
owner_url="postgres://$owner@$hostport/$database"
app_url="postgres://$app@$hostport/$database"
port=${SMOKE_PORT:-3917}
log=$(mktemp)
server_pid=""

cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  psql "$admin_url" -qX -c "drop database if exists $database with (force)" \
    -c "drop role if exists $app" -c "drop role if exists $owner" >/dev/null || true
  rm -f "$log"
}
trap cleanup EXIT
fail() {
  echo "server-as-app-role: $*" >&2
  tail -n 40 "$log" >&2 || true
  exit 1
}

psql "$admin_url" -qX -v ON_ERROR_STOP=1 -c "create role $owner login" -c "create database $database owner $owner" \
  -c "create role $app login"
DATABASE_OWNER_URL="$owner_url" pnpm db:roles --app-role "$app" --no-create

# setsid: the server gets a process group of its own, so stopping it stops tsx's child too.
DATABASE_URL="$app_url" DATABASE_OWNER_URL="$owner_url" SEED_CASES=50 PORT="$port" LOG_LEVEL=info \
  setsid pnpm --filter @arrears/server start >"$log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || fail "the server stopped during start-up"
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/healthz" | grep -q '"database":"up"' || fail "no healthy /healthz within 120 s"

status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/trpc/auth.signIn" \
  -H 'content-type: application/json' -d '{"email":"alice@arrearsdesk.demo","password":"arrears-demo"}')
[ "$status" = 200 ] || fail "signing in answered $status"
if grep -q 'owns the tables' "$log"; then fail "the server warned that its role owns the tables"; fi

refusal=$(psql "$app_url" -qX -c 'truncate reviews' 2>&1 || true)
echo "$refusal" | grep -q 'permission denied for table reviews' || fail "the app role could truncate reviews: $refusal"
refusal=$(psql "$app_url" -qX -c 'set session_replication_role = replica' 2>&1 || true)
echo "$refusal" | grep -q 'permission denied' || fail "the app role could set session_replication_role: $refusal"

kill -TERM -- "-$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
server_pid=""
echo "server-as-app-role: started, migrated and seeded as $owner, served and signed in as $app; the history held"
