#!/usr/bin/env bash
# Rule-engine benchmark: Anzhi's whole check (load + every rule, per rule, peak RSS), the GDAL
# floor, and PostGIS running four of the rules (bench/postgis/rules.sql) on the same project,
# in one run so that the ratios hold on a noisy machine.
#
#   bench/run.sh [county|province|national|all ...]        (default: county province)
#
# Environment:
#   ANZHI_BUILD        build dir with bench/check_bench and app/cli/anzhi-cli
#                      (default: <repo>/build-bench; built with -DANZHI_BUILD_BENCH=ON)
#   ANZHI_BENCH_DIR    projects, logs and results (default: /tmp/anzhi-bench; never the repo)
#   PG_TIMEOUT         PostGIS statement_timeout (default: 20min)
#   SKIP_POSTGIS=1     Anzhi only
# Results: $ANZHI_BENCH_DIR/results.md (a Markdown table, appended) and results.jsonl.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${ANZHI_BUILD:-$REPO/build-bench}
OUT=${ANZHI_BENCH_DIR:-/tmp/anzhi-bench}
PG_TIMEOUT=${PG_TIMEOUT:-20min}
CLI=$BUILD/app/cli/anzhi-cli
BENCH=$BUILD/bench/check_bench
SQL=$REPO/bench/postgis
mkdir -p "$OUT"

scales=("$@")
[ ${#scales[@]} -eq 0 ] && scales=(county province)
[ "${scales[0]}" = all ] && scales=(county province national)

if [ ! -x "$CLI" ] || [ ! -x "$BENCH" ]; then
  echo "building $BUILD" >&2
  cmake -S "$REPO" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DANZHI_BUILD_BENCH=ON \
    -DANZHI_BUILD_TESTS=OFF >&2
  cmake --build "$BUILD" --target check_bench anzhi-cli >&2
fi

sites_of() {
  case $1 in
    county) echo 60 ;;
    province) echo 1200 ;;
    national) echo 35000 ;;
    *) echo "unknown scale '$1' (county, province, national, all)" >&2; exit 2 ;;
  esac
}

log() { echo "[$(date +%T)] $*" >&2; }

# Seconds of wall time of a command (its output goes to the given log file).
timed() {
  local logfile=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >"$logfile" 2>&1
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc -l
}

# ---------------------------------------------------------------- PostgreSQL + PostGIS cluster
PGPORT=
PGDATA=
PGBIN=
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  if ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
    log "installing postgresql + postgis"
    if [ "$(id -u)" = 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql postgresql-15-postgis-3 >&2
    else
      sudo DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql postgresql-15-postgis-3 >&2
    fi
  fi
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PGPORT=54329
  while ss -ltn | awk '{print $4}' | grep -q ":$PGPORT\$"; do PGPORT=$((PGPORT + 1)); done
  PGDATA=$(mktemp -d /tmp/anzhi-bench-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres: "$PGDATA"
  log "initdb $PGDATA, port $PGPORT"
  as_pg "$PGBIN/initdb" -D "$PGDATA/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
    >"$OUT/pg-initdb.log" 2>&1
  # A throwaway cluster tuned for a bulk load and analytic queries on 2 cores / 24 GB; durability
  # is off (it favours PostGIS, so the ratio is conservative).
  as_pg "$PGBIN/pg_ctl" -D "$PGDATA/data" -l "$PGDATA/server.log" -w start -o "\
    -c listen_addresses=127.0.0.1 -c port=$PGPORT -c unix_socket_directories=$PGDATA \
    -c shared_buffers=2GB -c work_mem=256MB -c maintenance_work_mem=1GB \
    -c effective_cache_size=12GB -c max_wal_size=16GB -c checkpoint_timeout=1h \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c jit=off \
    -c max_parallel_workers_per_gather=2" >&2
  trap stop_postgres EXIT
}

stop_postgres() {
  if [ -n "$PGDATA" ] && [ -d "$PGDATA/data" ]; then
    log "stopping the cluster"
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA/data" -m fast -w stop >&2 || true
    rm -rf "$PGDATA"
    PGDATA=
  fi
}

psql_() { psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres "$@"; }

# ------------------------------------------------------------------------------------ one scale
RULES4="protected-land ranger-overlap ranger-area school-coverage"
run_scale() {
  local scale=$1 sites project repeats
  sites=$(sites_of "$scale")
  project=$OUT/$scale.gpkg
  if [ ! -f "$project" ]; then
    log "generating $project ($sites sites)"
    "$CLI" sample "$OUT/$scale.partial.gpkg" --sites "$sites" --force >"$OUT/gen-$scale.log"
    mv "$OUT/$scale.partial.gpkg" "$project"
  fi
  local load
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  log "$scale: load average $load"
  repeats=3
  [ "$scale" = national ] && repeats=1

  # Anzhi in-process: best of N, each rule, GDAL floor.
  log "$scale: check_bench ($repeats)"
  local bench
  bench=$("$BENCH" "$project" "$repeats")
  echo "$bench" >"$OUT/$scale-check_bench.json"
  # The whole command, as a user runs it, with peak RSS.
  log "$scale: anzhi-cli check under /usr/bin/time -v"
  /usr/bin/time -v "$CLI" check "$project" --json "$OUT/$scale-check.json" \
    >"$OUT/$scale-check.stdout" 2>"$OUT/$scale-check.time" || true
  local cli_wall cli_rss cli_cpu wsrid
  cli_wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0;
      for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$OUT/$scale-check.time")
  cli_rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$OUT/$scale-check.time")
  cli_cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$OUT/$scale-check.time")
  wsrid=$(jq -r '.working_crs' "$OUT/$scale-check.json" | sed 's/^EPSG://')

  local pg_ogr=NA pg_prep=NA pg_rules=NA pg_status="" match=""
  declare -A pg_rule=()
  if [ "${SKIP_POSTGIS:-0}" != 1 ]; then
    psql_ -d postgres -c "DROP DATABASE IF EXISTS anzhi_$scale" -c "CREATE DATABASE anzhi_$scale"
    psql_ -d "anzhi_$scale" -c "CREATE EXTENSION postgis"
    local layers=()
    for l in resettlement_sites planned_plots buildings schools school_catchments rangers \
             ranger_plots; do
      ogrinfo -ro -so -q "$project" "$l" >/dev/null 2>&1 && layers+=("$l")
    done
    log "$scale: ogr2ogr ${layers[*]}"
    pg_ogr=$(timed "$OUT/$scale-ogr2ogr.log" ogr2ogr -f PostgreSQL \
      PG:"host=127.0.0.1 port=$PGPORT dbname=anzhi_$scale user=postgres" "$project" \
      "${layers[@]}" -lco GEOMETRY_NAME=geom -lco FID=fid -preserve_fid -nlt GEOMETRY \
      -lco SPATIAL_INDEX=GIST -gt 65536 --config PG_USE_COPY YES)
    log "$scale: prep (make-valid, working CRS, code indexes, ANALYZE)"
    pg_prep=$(timed "$OUT/$scale-prep.log" psql_ -d "anzhi_$scale" -v wsrid="$wsrid" \
      -f "$SQL/prep.sql")
    log "$scale: the four rules (statement_timeout $PG_TIMEOUT)"
    rm -f "$OUT"/postgis-*.csv
    PGOPTIONS="-c statement_timeout=$PG_TIMEOUT" psql_ -d "anzhi_$scale" -v wsrid="$wsrid" \
      -v outdir="$OUT" -f "$SQL/rules.sql" >"$OUT/$scale-rules.out" 2>&1 || true
    pg_rules=0
    while read -r _ rule secs status; do
      pg_rule[$rule]=$secs
      pg_rules=$(echo "$pg_rules + $secs" | bc -l)
      [ "$status" = ok ] || pg_status="$pg_status $rule:$status"
    done < <(grep '^@@time' "$OUT/$scale-rules.out")
    mkdir -p "$OUT/$scale-postgis"
    mv "$OUT"/postgis-*.csv "$OUT/$scale-postgis/" 2>/dev/null || true
    python3 "$SQL/compare.py" "$OUT/$scale-check.json" "$OUT/$scale-postgis" \
      >"$OUT/$scale-compare.txt" || true
    match=$(awk '/^@@match/ {printf "%s%s %s/%s (%s)", sep, $2, $3, $4, $5; sep="; "}' \
      "$OUT/$scale-compare.txt")
    psql_ -d postgres -c "DROP DATABASE anzhi_$scale"
  fi

  # The table row.
  python3 - "$scale" "$load" "$bench" "$cli_wall" "$cli_rss" "$cli_cpu" "$pg_ogr" "$pg_prep" "$pg_rules" \
    "${pg_rule[protected-land]:-NA}" "${pg_rule[ranger-overlap]:-NA}" \
    "${pg_rule[ranger-area]:-NA}" "${pg_rule[school-coverage]:-NA}" "$pg_status" "$match" \
    "$OUT" <<'EOF'
import json, sys
(scale, load, bench, cli_wall, cli_rss, cli_cpu, pg_ogr, pg_prep, pg_rules,
 pl, ro, ra, sc, pg_status, match, out) = sys.argv[1:]
b = json.loads(bench)
f = lambda x: None if x in ("NA", "") else float(x)
four = ["protected-land", "ranger-overlap", "ranger-area", "school-coverage"]
a4 = sum(b["rule_s"][r] for r in four)
pg_load = f(pg_ogr) + f(pg_prep) if f(pg_ogr) is not None else None
pg_total = pg_load + f(pg_rules) if pg_load is not None else None
row = dict(scale=scale, loadavg=load, anzhi_total_s=b["total_s"], anzhi_load_s=b["load_s"],
           anzhi_rules_s=b["rules_s"], anzhi_bench_rss_mb=b["peak_rss_mb"],
           cli_wall_s=f(cli_wall), cli_cpu_s=f(cli_cpu), cli_rss_mb=f(cli_rss), gdal_read_s=b["gdal_read_s"],
           anzhi_over_gdal=b["total_s"] / b["gdal_read_s"],
           anzhi_rule_s=b["rule_s"], anzhi_four_rules_s=a4,
           pg_ogr2ogr_s=f(pg_ogr), pg_prep_s=f(pg_prep), pg_load_s=pg_load,
           pg_rules_s=f(pg_rules), pg_total_s=pg_total,
           pg_rule_s=dict(zip(four, map(f, (pl, ro, ra, sc)))), pg_failed=pg_status.strip(),
           ratio_total=(pg_total / b["total_s"]) if pg_total else None,
           ratio_cli=(pg_total / f(cli_wall)) if pg_total and f(cli_wall) else None,
           ratio_rules=(f(pg_rules) / a4) if pg_total and a4 > 0 else None,
           counts=match)
with open(f"{out}/results.jsonl", "a") as fp:
    fp.write(json.dumps(row) + "\n")
def s(x, d=2):
    return "–" if x is None else f"{x:.{d}f}"
cells = [scale, load, s(b["total_s"]), s(b["load_s"]), s(b["rules_s"]),
         f"{s(f(cli_wall))} / {s(f(cli_cpu))} / {s(f(cli_rss), 0)}", s(b["gdal_read_s"]),
         s(row["anzhi_over_gdal"]), s(a4, 3),
         s(pg_load), s(f(pg_rules)), s(pg_total),
         " / ".join(s(x) for x in row["pg_rule_s"].values()),
         s(row["ratio_total"], 1) + "×", s(row["ratio_cli"], 1) + "×", s(row["ratio_rules"], 0) + "×",
         (pg_status.strip() or "all ok")]
print("| " + " | ".join(cells) + " |")
EOF
}

HEADER='| scale | load avg | Anzhi total s | Anzhi load s | Anzhi rules s (13) | `anzhi-cli check` wall s / CPU s / peak RSS MB | GDAL read s | Anzhi ÷ GDAL | Anzhi 4 rules s | PostGIS load s | PostGIS 4 rules s | PostGIS total s | PostGIS per rule s (PL / RO / RA / SC) | PostGIS total ÷ Anzhi total | PostGIS total ÷ CLI wall | PostGIS 4 rules ÷ Anzhi 4 rules | PostGIS status |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |'

[ "${SKIP_POSTGIS:-0}" = 1 ] || start_postgres
{
  echo
  echo "Run $(date -Iseconds) on $(hostname): $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), $(free -g | awk '/Mem:/ {print $2}') GB"
  echo
  echo "$HEADER"
} | tee -a "$OUT/results.md"
for scale in "${scales[@]}"; do
  row=$(run_scale "$scale")
  echo "$row" | tee -a "$OUT/results.md"
done
echo
for scale in "${scales[@]}"; do
  [ -f "$OUT/$scale-compare.txt" ] && { echo "$scale: SQL vs engine"; cat "$OUT/$scale-compare.txt"; }
done | tee -a "$OUT/results.md"
