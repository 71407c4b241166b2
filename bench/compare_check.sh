#!/usr/bin/env bash
# Alternates two `anzhi-cli check` runs on one project, so that both see the same machine:
#   bench/compare_check.sh PROJECT RUNS CLI_A RULES_A CLI_B RULES_B
# RULES_* is a rule-set TOML or "-" for the shipped one (bench/wave1.toml disables the five
# wave-2 rules). Prints per run: which, load average, wall s, user s, sys s, peak RSS KB.
set -euo pipefail
project=$1 runs=$2
declare -a cli=("$3" "$5") rules=("$4" "$6")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for ((i = 1; i <= runs; i++)); do
  for k in 0 1; do
    args=()
    [ "${rules[$k]}" != "-" ] && args=(--rules "${rules[$k]}")
    load=$(cut -d' ' -f1 /proc/loadavg)
    # anzhi-cli check exits 1 when it finds errors: that is a result, not a failure.
    /usr/bin/time -f "%e %U %S %M" -o "$out/time" "${cli[$k]}" check "$project" "${args[@]}" \
      --json "$out/report.json" >/dev/null 2>&1 || true
    echo "$([ $k = 0 ] && echo A || echo B) load=$load $(tail -1 "$out/time")"
  done
done
