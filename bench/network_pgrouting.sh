#!/usr/bin/env bash
# Primary school coverage by road, Anzhi against pgRouting (pgr_withPointsDD from every school
# on the same roads noded by ST_Node, PostgreSQL on loopback), on the project that
# bench/network_check.sh made: the same uncovered sites, and the times.
#
#   bench/network_pgrouting.sh [PROJECT]     (default /tmp/anzhi-bench/network-1200.gpkg)
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
CLI=${ANZHI_CLI:-$REPO/build/app/cli/anzhi-cli}
OUT=${ANZHI_BENCH_DIR:-/tmp/anzhi-bench}
project=${1:-$OUT/network-1200.gpkg}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGPORT=54339
while ss -ltn | awk '{print $4}' | grep -q ":$PGPORT\$"; do PGPORT=$((PGPORT + 1)); done
PGDATA=$(mktemp -d /tmp/anzhi-pgr.XXXXXX)
[ "$(id -u)" = 0 ] && chown postgres: "$PGDATA"
as_pg "$PGBIN/initdb" -D "$PGDATA/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGDATA/data" -l "$PGDATA/server.log" -w start -o "\
  -c listen_addresses=127.0.0.1 -c port=$PGPORT -c unix_socket_directories=$PGDATA \
  -c shared_buffers=1GB -c work_mem=256MB -c fsync=off -c synchronous_commit=off -c jit=off" >/dev/null
trap 'as_pg "$PGBIN/pg_ctl" -D "$PGDATA/data" -m fast -w stop >/dev/null; rm -rf "$PGDATA"' EXIT
psql_() { psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres "$@"; }
psql_ -c "CREATE EXTENSION postgis" >/dev/null
ogr2ogr -f PostgreSQL "PG:host=127.0.0.1 port=$PGPORT user=postgres dbname=postgres" "$project" \
  roads schools resettlement_sites school_catchments -lco GEOMETRY_NAME=geom -lco FID=fid \
  -preserve_fid -nlt PROMOTE_TO_MULTI
psql_ -c "ALTER TABLE roads ALTER COLUMN geom TYPE geometry" \
  -c "ALTER TABLE resettlement_sites ALTER COLUMN geom TYPE geometry" >/dev/null
t0=$(date +%s.%N)
psql_ -At -f "$REPO/bench/network_pgrouting.sql" >"$OUT/pgr.out"
t1=$(date +%s.%N)
grep '^@@time' "$OUT/pgr.out"
echo "pgRouting wall: $(echo "$t1 - $t0" | bc -l) s"
grep '^@@uncovered' "$OUT/pgr.out" | awk '{print $2}' | sort -n >"$OUT/pgr-uncovered.txt"

# Anzhi: the same rule set (primary by road, every default).
printf '[rules.school-coverage]\nmode = { primary = "network" }\n' >"$OUT/primary-network.toml"
/usr/bin/time -f "anzhi-cli check wall: %e s" "$CLI" check "$project" \
  --rules "$OUT/primary-network.toml" --json "$OUT/anzhi-primary.json" >/dev/null || true
jq -r '.rules[] | select(.id == "school-coverage") | "anzhi school-coverage: \(.seconds) s"' \
  "$OUT/anzhi-primary.json"
jq -r '.violations[] | select(.rule == "school-coverage" and .level == "primary") | .fid' \
  "$OUT/anzhi-primary.json" | sort -n >"$OUT/anzhi-uncovered.txt"
echo "uncovered: anzhi $(wc -l <"$OUT/anzhi-uncovered.txt"), pgRouting $(wc -l <"$OUT/pgr-uncovered.txt")"
if diff "$OUT/anzhi-uncovered.txt" "$OUT/pgr-uncovered.txt" >"$OUT/uncovered.diff"; then
  echo "same uncovered sites"
else
  echo "differences (< anzhi only, > pgRouting only):"; cat "$OUT/uncovered.diff"
fi
