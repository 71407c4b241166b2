#!/usr/bin/env python3
"""Compares the violations of the four SQL rules (bench/postgis/rules.sql, CSVs in OUTDIR) with
those of `anzhi-cli check --json` for the same rules, feature by feature.

    compare.py CHECK.json OUTDIR

Prints one line per rule, "@@match <rule> <engine count> <postgis count> <mismatches>", then
each mismatch: a violation only one side reports, or an area (m²) / distance (m) differing by
more than 1e-3 relative or 0.01 absolute. Exit status 0 when everything matches.
"""
import csv
import json
import os
import sys

RULES = ["protected-land", "ranger-overlap", "ranger-area", "school-coverage"]


def engine_rows(report):
    rows = {r: {} for r in RULES}
    for v in report["violations"]:
        rule = v["rule"]
        if rule not in rows:
            continue
        if rule in ("protected-land", "ranger-overlap"):
            key = (v["fid"], v["other"]["layer"], v["other"]["fid"])
            value = v["area_m2"]
        elif rule == "ranger-area":
            key = (v["fid"],)
            value = v["area_m2"]
        else:
            key = (v["fid"], v["level"])
            value = v["distance_m"]
        rows[rule][key] = value
    return rows


def postgis_rows(outdir):
    rows = {}
    for rule in RULES:
        path = os.path.join(outdir, f"postgis-{rule}.csv")
        rows[rule] = {}
        if not os.path.exists(path):
            rows[rule] = None
            continue
        with open(path, newline="") as f:
            for rec in csv.reader(f):
                if not rec:
                    continue
                if rule in ("protected-land", "ranger-overlap"):
                    key = (int(rec[0]), rec[1], int(rec[2]))
                    value = float(rec[3]) if rec[3] else None
                elif rule == "ranger-area":
                    key = (int(rec[0]),)
                    value = float(rec[1]) if rec[1] else None
                else:
                    key = (int(rec[0]), rec[1])
                    value = float(rec[2]) if rec[2] else None
                rows[rule][key] = value
    return rows


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= max(0.01, 1e-3 * abs(a))


def main():
    report = json.load(open(sys.argv[1]))
    engine = engine_rows(report)
    postgis = postgis_rows(sys.argv[2])
    bad = 0
    for rule in RULES:
        e, p = engine[rule], postgis[rule]
        if p is None:
            print(f"@@match {rule} {len(e)} - not-run")
            continue
        details = []
        for key in sorted(set(e) | set(p), key=str):
            if key not in p:
                details.append(f"  {rule} {key}: engine only (value {e[key]})")
            elif key not in e:
                details.append(f"  {rule} {key}: PostGIS only (value {p[key]})")
            elif not close(e[key], p[key]):
                details.append(f"  {rule} {key}: engine {e[key]} vs PostGIS {p[key]}")
        print(f"@@match {rule} {len(e)} {len(p)} {len(details)}")
        for line in details[:50]:
            print(line)
        if len(details) > 50:
            print(f"  … {len(details) - 50} more")
        bad += len(details)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
